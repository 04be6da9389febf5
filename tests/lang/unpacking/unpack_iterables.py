# Unpacking from arbitrary iterables: generators, dicts, strings, custom __iter__, errors.
a, b = {'k1': 1, 'k2': 2}; print(a, b)
(a, b), c = 'xy', 'z'; print(a, b, c)
class Three:
    def __iter__(self):
        yield from (1, 2, 3)
x, y, z = Three(); print(x, y, z)
h, *t = Three(); print(h, t)
def g():
    print('gen started')
    yield 'a'
    print('gen second')
    yield 'b'
    print('gen finished')
p, q = g(); print(p, q)
def infinite():
    n = 0
    while True:
        yield n
        n += 1
try:
    u, v = infinite()
except ValueError as e:
    print('ValueError', e)
try:
    u, v, w = [1, 2]
except ValueError as e:
    print('ValueError', e)
try:
    u, = 5
except TypeError as e:
    print('TypeError', e)
class BadIter:
    def __iter__(self):
        return 5
try:
    s, t2 = BadIter()
except TypeError as e:
    print('TypeError', e)
class Raises:
    def __iter__(self):
        raise RuntimeError('iter fails')
try:
    m, n = Raises()
except RuntimeError as e:
    print('RuntimeError', e)
for i, (k, v) in enumerate({'a': 1, 'b': 2}.items()):
    print(i, k, v)
[(a1, b1)] = [(1, 2)]; print(a1, b1)
first, *_, last = range(100); print(first, last)
