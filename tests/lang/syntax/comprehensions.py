# List/set/dict comprehensions and generator expressions: nesting, conditions, scoping.
print([x * y for x in range(1, 4) for y in range(x) if (x + y) % 2])
print({x % 4 for x in range(10)} == {0, 1, 2, 3}, {k: v for k, v in zip('abc', range(3))})
print([[i * j for j in range(3)] for i in range(3)])
g = (c.upper() for c in 'hey')
print(next(g), list(g), list(g))
print(sum(x for x in range(101)), max((len(w), w) for w in ['aa', 'b', 'ccc']))
x = 'outer'
print([x for x in 'ab'], x)
y = 10
print([y + i for i in range(3)], [(lambda: i)() for i in range(3)])
fns = [lambda: i for i in range(3)]
print([f() for f in fns])
print([(a, b) for a, b in [(1, 2), (3, 4)] if a > 1], [a for a, *rest in [(1, 2, 3), (4,)]])
print({(i, j): i * j for i in range(2) for j in range(2)})
print([i for i in range(20) if i % 2 if i % 3], [i if i % 2 else -i for i in range(5)])
class C:
    data = [1, 2, 3]
    doubled = [d * 2 for d in data]
    try:
        pairs = [(d, e) for d in data for e in data[:1]]
    except NameError as exc:
        pairs = str(exc)
print(C.doubled, C.pairs)
try:
    [undefined for _ in range(1)]
except NameError as e:
    print('NameError', e)
print(list(x for x in range(3)), tuple(x * 2 for x in [1, 2]), dict((i, i) for i in range(2)))
print([[1 for _ in range(2)] for _ in range(2)], [j for i in range(3) for j in range(i)])
gen = (1 / x for x in [1, 0])
print(next(gen))
try:
    next(gen)
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)
try:
    (x for x in 5)
except TypeError as e:
    print('TypeError', e)
