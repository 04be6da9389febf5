# operator: setitem/delitem/in-place forms on mutable objects and reprs of callable objects.
import operator
l = [1, 2, 3]
operator.setitem(l, 0, 'x'); operator.delitem(l, 1); print(l)
d = {}
operator.setitem(d, 'k', 1); print(d)
try:
    operator.delitem(d, 'missing')
except KeyError as e:
    print('KeyError', e)
x = [1]; y = operator.iadd(x, [2]); print(x, y is x)
t = (1,); u = operator.iadd(t, (2,)); print(t, u)
print(repr(operator.itemgetter(1, 'a')), repr(operator.attrgetter('x.y')), repr(operator.methodcaller('m', 1, k=2)))
print(sorted([('b', 2), ('a', 3), ('c', 1)], key=operator.itemgetter(1)))
print(list(map(operator.mul, [1, 2, 3], [4, 5, 6])))
print(operator.__name__, operator.add.__name__, operator.__add__ is operator.add if hasattr(operator, '__add__') else 'no alias')
class P:
    def __init__(self, x): self.x = x
print(sorted([P(3), P(1)], key=operator.attrgetter('x'))[0].x)
print(operator.lt.__doc__ is not None, callable(operator.itemgetter(0)))
