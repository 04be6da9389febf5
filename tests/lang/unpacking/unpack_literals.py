# Unpacking in list/tuple/set/dict displays, in return/yield, in subscripts and for targets; order preserved.
a, b = [1, 2], (3, 4)
print([*a, *b], (*a, *b), {*a, *b} == {1, 2, 3, 4}, [*a, 0, *a])
d1, d2 = {'x': 1, 'y': 2}, {'y': 20, 'z': 30}
print({**d1, **d2}, {**d2, **d1}, {'y': 0, **d1}, {**d1, 'y': 0})
print([*'hi', *range(2), *{'k': 1}, *{5: 0}.values()])
print(*[1, 2], *[3])
def r():
    return *a, *b
def g():
    yield *a, 'end'
print(r(), list(g()))
for x, *y in [(1, 2, 3), [4, 5], 'ab']:
    print(x, y)
m = {}
m[*a,] = 'star key'
print(m)
print([*[*[*[1]]]])
print({**{}, **{}})
try:
    [*1]
except TypeError as e:
    print('TypeError', e)
try:
    {**{1: 2}, **'x'}
except TypeError as e:
    print('TypeError', e)
