# Mutating containers while iterating or sorting: lists grow during for, sort detects modification, dict/set size changes.
l = [1, 2, 3]
for x in l:
    if len(l) < 6:
        l.append(x * 10)
print(l)
l2 = [1, 2, 3, 4]
for x in l2:
    l2.remove(x)
print(l2)
data = [3, 1, 2]
def key(x):
    data.append(0)
    return x
try:
    data.sort(key=key)
except ValueError as e:
    print('ValueError', e)
print(len(data) >= 3)
d = {1: 1, 2: 2}
try:
    for k in d:
        del d[k]
except RuntimeError as e:
    print('RuntimeError', e)
s = {1, 2, 3}
try:
    for v in s:
        s.add(v + 10)
except RuntimeError as e:
    print('RuntimeError', e)
d2 = {'a': 1}
for k in list(d2):
    d2[k + k] = 0
print(sorted(d2))
d3 = {'x': 1, 'y': 2}
for k in d3:
    d3[k] = d3[k] * 10
print(d3)
class Evil:
    def __eq__(self, other):
        victim.clear()
        return False
victim = [Evil(), Evil(), 1]
print(1 in victim, victim)
lst = [5, 4, 3]
it = iter(lst)
next(it)
lst.clear()
print(list(it))
