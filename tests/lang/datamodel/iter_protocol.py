# The iterator protocol: iter() on classes, sentinel form, StopIteration, exhausted iterators.
class Countdown:
    def __init__(self, n): self.n = n
    def __iter__(self): return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
c = Countdown(3)
print(list(c), list(c), next(Countdown(1)), next(Countdown(0), 'default'))
try:
    next(Countdown(0))
except StopIteration:
    print('StopIteration')
vals = iter([1, 2, 3, None, 5])
print(list(iter(lambda: next(vals), None)))
calls = [0]
def counter():
    calls[0] += 1
    return calls[0]
print(list(iter(counter, 4)))
for bad in [5, None, object()]:
    try:
        iter(bad)
    except TypeError as e:
        print('TypeError', e)
try:
    next([1])
except TypeError as e:
    print('TypeError', e)
try:
    iter(5, 5)
except TypeError as e:
    print('TypeError', e)
class BadIter:
    def __iter__(self): return [1]
try:
    iter(BadIter())
except TypeError as e:
    print('TypeError', e)
it = iter([1, 2])
print(iter(it) is it, type(it).__name__, type(iter('s')).__name__, type(iter({})).__name__, type(iter(range(2))).__name__)
print(type(iter((1,))).__name__, type(iter({1})).__name__, type(iter(b'')).__name__, type(reversed([])).__name__)
e = enumerate('ab', 1); print(next(e), list(e))
z = zip([1, 2, 3], 'ab'); print(list(z))
try:
    list(zip([1, 2], 'a', strict=True))
except ValueError as e:
    print('ValueError', e)
m = map(lambda x, y: x + y, [1, 2], [10, 20, 30]); print(list(m))
try:
    list(map(lambda x: x, [1], [2], strict=True))
except (ValueError, TypeError) as e:
    print(type(e).__name__, e)
print(list(filter(None, [0, 1, '', 'a', None])), list(reversed(range(3))))
class Noniter:
    __iter__ = None
try:
    iter(Noniter())
except TypeError as e:
    print('TypeError', e)
