# operator functions dispatch through the same slots as the syntax: user classes, reflected operands, errors.
import operator
class V:
    def __init__(self, v): self.v = v
    def __repr__(self): return f'V({self.v})'
    def __add__(self, o): return V(self.v + (o.v if isinstance(o, V) else o))
    def __radd__(self, o): return V(o + self.v)
    def __getitem__(self, k): return ('item', k)
    def __contains__(self, x): return x == 'in'
    def __index__(self): return self.v
    def __neg__(self): return V(-self.v)
    def __lt__(self, o): return self.v < o.v
    def __matmul__(self, o): return 'matmul'
print(operator.add(V(1), V(2)), operator.add(1, V(2)), operator.neg(V(3)), operator.lt(V(1), V(2)))
print(operator.getitem(V(0), slice(1, 2)), operator.contains(V(0), 'in'), operator.index(V(7)), operator.matmul(V(1), V(1)))
print(operator.itemgetter(slice(None, 2))('abcdef'), operator.attrgetter('v')(V(9)))
print(sorted([V(3), V(1), V(2)], key=operator.attrgetter('v')))
for f, args in [(operator.add, (V(1), 'x')), (operator.index, (1.5,)), (operator.neg, ('s',)), (operator.getitem, (5, 0))]:
    try:
        f(*args)
    except TypeError as e:
        print('TypeError', e)
print(operator.truth(V(0)), operator.not_(V(0)))
print([operator.pow(2, i) for i in range(5)], operator.mod('%s-%s', ('a', 'b')))
