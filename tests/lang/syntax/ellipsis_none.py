# Singletons: None, Ellipsis, NotImplemented.
print(None, ..., Ellipsis, ... is Ellipsis, NotImplemented, type(None).__name__, type(...).__name__)
print(repr(None), str(...), bool(None), type(None)() is None, type(...)() is ...)
def nothing():
    pass
print(nothing(), nothing() is None)
x = [1, ..., 3]; print(x, x[1] is Ellipsis)
print(type(NotImplemented).__name__)
try:
    bool(NotImplemented)
    print('bool(NotImplemented) allowed')
except TypeError as e:
    print('TypeError', e)
try:
    None.foo
except AttributeError as e:
    print('AttributeError', e)
nothing_here = None
try:
    nothing_here()
except TypeError as e:
    print('TypeError', e)
try:
    nothing_here[0]
except TypeError as e:
    print('TypeError', e)
print(hash(None) == hash(None), None == None, None != 0, ... == ...)
class A:
    def __eq__(self, o):
        return NotImplemented
print(A() == A(), A() != A(), A() == 1)
