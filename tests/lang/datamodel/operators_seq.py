# Sequence operators delegated to dunders: +, *, in, ==, < on user sequences; reflected __rmul__ for repetition.
class Vec:
    def __init__(self, *c): self.c = list(c)
    def __repr__(self): return f'Vec{tuple(self.c)}'
    def __add__(self, o): return Vec(*[a + b for a, b in zip(self.c, o.c)]) if isinstance(o, Vec) else NotImplemented
    def __mul__(self, k): return Vec(*[a * k for a in self.c]) if isinstance(k, (int, float)) else NotImplemented
    __rmul__ = __mul__
    def __matmul__(self, o): return sum(a * b for a, b in zip(self.c, o.c))
    def __eq__(self, o): return isinstance(o, Vec) and self.c == o.c
    def __neg__(self): return self * -1
    def __abs__(self): return sum(a * a for a in self.c) ** 0.5
    def __len__(self): return len(self.c)
    def __getitem__(self, i): return self.c[i]
    def __iadd__(self, o):
        self.c = [a + b for a, b in zip(self.c, o.c)]
        return self
    __hash__ = None
v, w = Vec(1, 2), Vec(3, 4)
print(v + w, v * 3, 3 * v, v @ w, -v, abs(w), v == Vec(1, 2), v != w, len(v), list(v), 2 in v)
alias = v; v += w; print(v, alias is v)
try:
    v + 1
except TypeError as e:
    print('TypeError', e)
try:
    'x' * v
except TypeError as e:
    print('TypeError', e)
print([1, 2] * 2, 2 * (1,), 'ab' * 0, [] * 5, -1 * 'x')
class Rep:
    def __index__(self): return 2
print('ab' * Rep(), [0] * Rep(), Rep().__index__() * 'q')
try:
    [1] * 2.0
except TypeError as e:
    print('TypeError', e)
try:
    'a' * (2 ** 100)
except (OverflowError, MemoryError) as e:
    print(type(e).__name__, e)
