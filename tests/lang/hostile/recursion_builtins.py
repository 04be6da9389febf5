# Recursion through builtins calling back into Python: map, sorted(key=), min(key=), str(), eq, hash.
def via_map(x):
    return list(map(via_map, [x]))
try:
    via_map(0)
except RecursionError as e:
    print('map', type(e).__name__, e)
def via_sorted(x):
    return sorted([1, 2], key=via_sorted)
try:
    via_sorted(0)
except RecursionError as e:
    print('sorted', type(e).__name__, e)
def via_min(x):
    return min([1, 2], key=via_min)
try:
    via_min(0)
except RecursionError as e:
    print('min', type(e).__name__, e)
class S:
    def __str__(self):
        return str(self)
try:
    str(S())
except RecursionError as e:
    print('str', type(e).__name__, e)
class E:
    def __eq__(self, other):
        return [self] == [other]
try:
    E() == E()
except RecursionError as e:
    print('eq', type(e).__name__, e)
class H:
    def __hash__(self):
        return hash(self)
try:
    {H(): 1}
except RecursionError as e:
    print('hash', type(e).__name__, e)
def via_filter(x):
    return list(filter(via_filter, [x]))
try:
    via_filter(0)
except RecursionError as e:
    print('filter', type(e).__name__, e)
class I:
    def __iter__(self):
        return iter(list(self))
try:
    list(I())
except RecursionError as e:
    print('iter', type(e).__name__, e)
def via_exec(n):
    exec('via_exec(n + 1)', {'via_exec': via_exec, 'n': n})
try:
    via_exec(0)
except RecursionError as e:
    print('exec', type(e).__name__, e)
class G:
    def __getitem__(self, i):
        return self[i]
try:
    G()[0]
except RecursionError as e:
    print('getitem', type(e).__name__, e)
class F:
    def __format__(self, spec):
        return format(self, spec)
try:
    f'{F()}'
except RecursionError as e:
    print('format', type(e).__name__, e)
print('survived')
