# NotImplementedError templates, __init_subclass__ enforcement, object protocol defaults.
class Shape:
    def area(self):
        raise NotImplementedError(f'{type(self).__name__} must implement area')
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        if 'area' not in cls.__dict__:
            raise TypeError(f'{cls.__name__} lacks area')
class Square(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
print(Square(3).area())
try:
    class Broken(Shape): pass
except TypeError as e:
    print('TypeError', e)
try:
    Shape().area()
except NotImplementedError as e:
    print('NotImplementedError', e)
o = object()
print(o.__eq__(o), o.__eq__(1), o.__ne__(1), o.__lt__(o), o.__hash__() == hash(o), o.__reduce_ex__(2)[0].__name__ if False else '')
print(object.__init__ is object.__init__, type(object.__dict__).__name__, object.__bases__, object.__base__, type.__base__.__name__)
print(sorted(n for n in dir(object) if not n.startswith('_'))), print(len([n for n in dir(object) if n.startswith('__')]) > 15)
print(object().__str__().startswith('<object object'), str(object).endswith("'object'>"))
print(type.__mro__, type(type) is type, isinstance(type, object), isinstance(object, type))
