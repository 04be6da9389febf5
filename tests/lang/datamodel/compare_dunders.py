# Rich comparisons: reflection (__lt__ <-> __gt__), subclass priority, NotImplemented, errors.
class V:
    def __init__(self, v): self.v = v
    def __repr__(self): return f'V({self.v})'
    def __eq__(self, o): print('eq', self, o); return isinstance(o, V) and self.v == o.v
    def __lt__(self, o): print('lt', self, o); return self.v < o.v if isinstance(o, V) else NotImplemented
    def __le__(self, o): print('le', self, o); return NotImplemented
    def __hash__(self): return hash(self.v)
a, b = V(1), V(2)
print(a < b); print(b > a); print(a == V(1)); print(a != b); print(a <= b if False else 'skip')
try:
    a <= b
except TypeError as e:
    print('TypeError', e)
try:
    a < 5
except TypeError as e:
    print('TypeError', e)
print(a == 5, 5 == a)
class W(V):
    def __gt__(self, o): print('W.gt', self, o); return 'W.gt result'
print(V(1) < W(2))
class OnlyEq:
    def __eq__(self, o): return 'truthy-eq'
print(OnlyEq() == 1, OnlyEq() != 1, 1 != OnlyEq())
class NoCmp: pass
x = NoCmp()
print(x == x, x != NoCmp(), x == NoCmp())
for op in ['<', '<=', '>', '>=']:
    try:
        eval(f'x {op} x')
    except TypeError as e:
        print('TypeError', e)
print(sorted([V(3), V(1), V(2)]))
class Ident:
    def __eq__(self, o): return False
i = Ident()
print(i == i, [i] == [i], i in [i], [i].count(i), [i].index(i))
