# Generator expressions: laziness, single-use, early binding of the first iterable.
calls = []
def trace(v):
    calls.append(v)
    return v
g = (trace(x) for x in range(3))
print(calls)
print(next(g), calls)
print(list(g), calls)
print(list(g))
ge = (x * y for x in range(3) for y in range(x))
print(list(ge))
data = [1, 2, 3]
g2 = (d for d in data)
data = [7]
print(list(g2))
print(sorted(x for x in 'cab'), ''.join(c for c in 'xyz' if c != 'y'), any(x > 1 for x in [0, 2]))
print(type(x for x in []).__name__, (x for x in []).__name__)
def gen_in_func():
    y = 5
    return list(y + z for z in range(2))
print(gen_in_func())
print(max((n for n in [3, 9, 2]), default=0), min((n for n in []), default='empty'))
print(dict((k, k * 2) for k in 'ab'), set(n % 2 for n in range(4)) == {0, 1})
