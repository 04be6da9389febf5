# __init_subclass__ and __set_name__ ordering, keyword arguments, __class_getitem__.
order = []
class Named:
    def __set_name__(self, owner, name):
        order.append(('set_name', owner.__name__, name))
class Plugin:
    plugins = []
    def __init_subclass__(cls, /, kind='default', **kw):
        order.append(('init_subclass', cls.__name__, kind))
        super().__init_subclass__(**kw)
        cls.kind = kind
        Plugin.plugins.append(cls.__name__)
class P1(Plugin):
    attr = Named()
class P2(Plugin, kind='special'):
    pass
print(order)
print(Plugin.plugins, P1.kind, P2.kind, hasattr(Plugin, 'kind'))
try:
    class P3(Plugin, unknown=1):
        pass
except TypeError as e:
    print('TypeError', e)
try:
    class Plain(object, unknown=1):
        pass
except TypeError as e:
    print('TypeError', e)
class Gen:
    def __class_getitem__(cls, item):
        return f'{cls.__name__}[{item!r}]'
print(Gen[int], Gen['x'], Gen[1, 2])
class Sub(Gen): pass
print(Sub[str])
try:
    object[int]
except TypeError as e:
    print('TypeError', e)
print(list[int], dict[str, list[int]], type(list[int]).__name__, list[int].__origin__, tuple[int, ...].__args__)
print(list[int]() == [], isinstance([], list), type[int])
try:
    isinstance([], list[int])
except TypeError as e:
    print('TypeError', e)
class Implicit:
    def __init_subclass__(cls):
        cls.implicit = 'classmethod implicitly'
class I2(Implicit): pass
print(I2.implicit, type(Implicit.__dict__['__init_subclass__']).__name__)
