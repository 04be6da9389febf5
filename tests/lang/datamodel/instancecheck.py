# isinstance/issubclass: tuples, nested tuples, unions, __instancecheck__/__subclasscheck__, errors.
class Meta(type):
    def __instancecheck__(cls, inst):
        print('instancecheck', type(inst).__name__)
        return inst == 'magic'
    def __subclasscheck__(cls, sub):
        print('subclasscheck', sub.__name__)
        return sub is int
class Magic(metaclass=Meta): pass
print(isinstance('magic', Magic), isinstance('plain', Magic), issubclass(int, Magic), issubclass(str, Magic))
print(isinstance(Magic(), Magic))
print(isinstance(1, (str, (list, int))), isinstance(1, int | str), isinstance(None, type(None) | int), issubclass(bool, int | str))
print(isinstance(True, int), issubclass(bool, (int,)), isinstance(1, ()), issubclass(int, object), isinstance(int, type))
for args in [(1, 1), (1, [int]), (int, 1), (1, (int, 5))]:
    try:
        print(isinstance(*args))
    except TypeError as e:
        print('isinstance TypeError', e)
for args in [(1, int), (int, 1), (int, (1,))]:
    try:
        print(issubclass(*args))
    except TypeError as e:
        print('issubclass TypeError', e)
class Fake:
    __class__ = int
print(isinstance(Fake(), int), type(Fake()).__name__)
class A: pass
class B(A): pass
print(issubclass(B, A), issubclass(A, B), issubclass(B, (str, A)), isinstance(B(), A), type(B()) is A)
print(A.__subclasses__() == [B], object in B.__mro__)
