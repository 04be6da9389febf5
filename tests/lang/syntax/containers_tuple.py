# tuples: construction, indexing, immutability, hashing, comparisons.
t = (1, 'a', [2])
print(t, t[1], t[-1], t[0:2], len(t), (1,), (), tuple('ab'), tuple([1, 2]))
t[2].append(3); print(t)
try:
    t[0] = 5
except TypeError as e:
    print('TypeError', e)
try:
    hash(t)
except TypeError as e:
    print('TypeError', e)
print(hash((1, 2)) == hash((1, 2)), (1, 2) + (3,), (0,) * 3, (1, 2) < (1, 3), (1, 2).index(2), (1, 1).count(1))
a, b, c = t; print(a, b, c)
print((1, 2) == (1, 2), (1,) == [1], 1 in (1, 2), tuple() is tuple() or True)
x = 1, 2, 3
print(x, type(x).__name__)
print(tuple(i * i for i in range(4)), max((3, 1), (3, 2)), sorted([(2, 'b'), (1, 'z'), (2, 'a')]))
for expr in ["(1, 2)[3]", "(1,).index(9)", "() + []", "tuple(1)", "(1, 2) < (1, 'a')"]:
    try:
        print(expr, eval(expr))
    except Exception as e:
        print(expr, type(e).__name__, e)
