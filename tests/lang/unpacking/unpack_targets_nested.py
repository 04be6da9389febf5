# Deeply nested unpacking targets, starred inside nested targets, and unpacking into attributes/subscripts in loops.
data = [(1, (2, [3, 4, 5])), (6, (7, [8]))]
for a, (b, [c, *d]) in data:
    print(a, b, c, d)
((x, *y), z), *w = ((1, 2, 3), 4), 5, 6
print(x, y, z, w)
class R: pass
r = R()
store = [0, 0]
for r.attr, store[0] in [(1, 'a'), (2, 'b')]:
    pass
print(r.attr, store)
[[p]] = [[1]]
print(p)
for (i, j), k in zip([(1, 2), (3, 4)], 'ab'):
    print(i, j, k)
try:
    (a, b), c = (1, 2, 3), 4
except ValueError as e:
    print('ValueError', e)
try:
    [a, [b, c]] = [1, [2]]
except ValueError as e:
    print('ValueError', e)
first, *_, (last_a, last_b) = [0, 1, 2, (8, 9)]
print(first, last_a, last_b)
