# classmethod and staticmethod: binding, inheritance, wrapping other descriptors, attributes.
class Base:
    count = 0
    @classmethod
    def create(cls, *a):
        cls.count += 1
        return cls(*a)
    @staticmethod
    def helper(x):
        return x * 2
    def __init__(self, v=None):
        self.v = v
class Child(Base):
    pass
c = Child.create(1)
print(type(c).__name__, c.v, Child.count, Base.count, Base.create().v, Base.count)
print(Base.helper(3), Base().helper(4), Child.helper(5))
cm = Base.__dict__['create']; sm = Base.__dict__['helper']
print(type(cm).__name__, type(sm).__name__, cm.__func__.__name__, sm.__func__.__name__, sm(6))
print(Base.create.__self__ is Base, Child().create.__self__ is Child)
bound = Base.create
print(type(bound).__name__, bound.__func__ is cm.__func__)
def plain(cls_or_x):
    return cls_or_x
cm2 = classmethod(plain); sm2 = staticmethod(plain)
print(cm2.__get__(None, int)(), sm2.__get__(None, int)('s'), cm2.__wrapped__ is plain, sm2.__wrapped__ is plain)
print(callable(sm2), sm2('called directly'))
try:
    callable(cm2) and cm2()
except TypeError as e:
    print('TypeError', e)
class WithDoc:
    @staticmethod
    def s():
        "static doc"
    @classmethod
    def c(cls):
        "class doc"
print(WithDoc.s.__doc__, WithDoc.c.__doc__, WithDoc.__dict__['s'].__doc__)
print(WithDoc.__dict__['s'].__name__, WithDoc.__dict__['c'].__qualname__)
class Dyn: pass
Dyn.m = classmethod(lambda cls: cls.__name__)
Dyn.s = staticmethod(lambda: 'static lambda')
print(Dyn.m(), Dyn().s())
print(dict.fromkeys('ab'), int.from_bytes(b'\x01', 'big'), str.maketrans('a', 'b') == {97: 98})
