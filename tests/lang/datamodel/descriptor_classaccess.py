# Descriptors accessed on the class and through metaclasses; __get__ signatures; functions, classmethods and properties via type.
class Desc:
    def __get__(self, obj, objtype=None):
        return ('get', obj is None, objtype.__name__ if objtype else None)
class Meta(type):
    meta_desc = Desc()
    @property
    def meta_prop(cls):
        return 'meta property of ' + cls.__name__
class C(metaclass=Meta):
    d = Desc()
    def f(self): return 'f'
print(C.d, C().d, C.meta_desc, C.meta_prop)
try:
    C().meta_prop
except AttributeError as e:
    print('AttributeError', e)
print(C.__dict__['f'].__get__(None, C) is C.__dict__['f'], C.__dict__['f'].__get__(C(), C)())
print(Desc().__get__(None, int), Desc().__get__(5))
try:
    C.__dict__['f'].__get__(None, None)
except TypeError as e:
    print('TypeError', e)
cm = classmethod(lambda cls: cls.__name__)
print(cm.__get__(None, C)(), cm.__get__(C())())
class DataOnMeta(type):
    @property
    def x(cls): return 'meta data descriptor'
class Z(metaclass=DataOnMeta):
    x = 'class attribute'
print(Z.x, Z().x)
class Both:
    x = property(lambda self: 'instance view')
print(type(Both.x).__name__, Both().x)
