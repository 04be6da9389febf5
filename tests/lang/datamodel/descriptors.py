# Descriptor protocol: data vs non-data precedence, __get__ on class access, __set_name__, __delete__.
class NonData:
    def __get__(self, obj, owner):
        return f'nondata get obj={type(obj).__name__} owner={owner.__name__}'
class Data:
    def __set_name__(self, owner, name):
        self.name = '_' + name
        print('set_name', owner.__name__, name)
    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return getattr(obj, self.name, 'unset')
    def __set__(self, obj, value):
        print('set', self.name, value)
        setattr(obj, self.name, value)
    def __delete__(self, obj):
        print('delete', self.name)
        delattr(obj, self.name)
class C:
    nd = NonData()
    d = Data()
c = C()
print(c.nd, C.nd)
c.__dict__['nd'] = 'instance wins over non-data'
print(c.nd)
print(c.d)
c.d = 10
c.__dict__['d'] = 'instance dict loses to data descriptor'
print(c.d, type(C.d).__name__)
del c.d
print(c.d)
class ReadOnly:
    def __get__(self, obj, owner):
        return 'ro'
    def __set__(self, obj, value):
        raise AttributeError('read-only attribute')
class R:
    x = ReadOnly()
r = R()
try:
    r.x = 1
except AttributeError as e:
    print('AttributeError', e)
class OnlySet:
    def __set__(self, obj, value):
        obj.__dict__['s'] = value * 2
class S:
    s = OnlySet()
s = S(); s.s = 4; print(s.s, type(S.s).__name__)
class Typed:
    def __init__(self, typ):
        self.typ = typ
    def __set_name__(self, owner, name):
        self.attr = name
    def __get__(self, obj, owner):
        return self if obj is None else obj.__dict__[self.attr]
    def __set__(self, obj, value):
        if not isinstance(value, self.typ):
            raise TypeError(f'{self.attr} must be {self.typ.__name__}, got {type(value).__name__}')
        obj.__dict__[self.attr] = value
class Person:
    name = Typed(str)
    age = Typed(int)
    def __init__(self, n, a):
        self.name, self.age = n, a
p = Person('Ann', 30); print(p.name, p.age)
try:
    Person('Bob', 'old')
except TypeError as e:
    print('TypeError', e)
def plain(self): return 'bound method result'
class M:
    meth = plain
print(M().meth(), type(M.__dict__['meth'].__get__(M(), M)).__name__, plain.__get__(None, M) is plain)
class BadSetName:
    def __set_name__(self, owner, name):
        raise ValueError('no names')
try:
    class Boom:
        attr = BadSetName()
except ValueError as e:
    print(type(e).__name__, e, e.__notes__ if hasattr(e, '__notes__') else '')
