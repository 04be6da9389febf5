# Unpacking in calls: order of positional/keyword sources, duplicates, non-mapping **, iterators consumed once.
def show(*a, **k):
    return a, sorted(k.items())
print(show(1, *[2, 3], 4, *(), *'xy'))
print(show(a=1, **{'b': 2}, c=3, **dict(d=4)))
print(show(*range(2), k=1, *[9]))
it = iter([1, 2, 3])
print(show(*it), list(it))
class KeysOnly:
    def keys(self): return ['p', 'q']
    def __getitem__(self, k): return k.upper()
print(show(**KeysOnly()))
for bad in ["show(**{'a': 1}, **{'a': 2})", "show(a=1, **{'a': 2})", "show(**5)", "show(*5)", "show(**{1: 1})", "show(**[('a', 1)])"]:
    try:
        eval(bad)
    except TypeError as e:
        print('TypeError', e)
def pos_only(a, b, /): return a, b
print(pos_only(*[1, 2]))
try:
    pos_only(**{'a': 1, 'b': 2})
except TypeError as e:
    print('TypeError', e)
def kw_absorb(a, **kw): return a, kw
print(kw_absorb(1, **{'a-b': 2, 'not identifier': 3}))
print(max(*[3, 1, 2]), min(*'zyx'), list(zip(*[(1, 'a'), (2, 'b')])))
