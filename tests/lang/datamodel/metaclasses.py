# Metaclasses: __new__/__init__/__call__/__prepare__, inheritance of metaclass, conflicts.
log = []
class Meta(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        log.append(('prepare', name, sorted(kw)))
        return {'injected': 'by prepare'}
    def __new__(mcs, name, bases, ns, **kw):
        log.append(('new', name, sorted(k for k in ns if not k.startswith('__'))))
        cls = super().__new__(mcs, name, bases, ns)
        cls.kw = kw
        return cls
    def __init__(cls, name, bases, ns, **kw):
        log.append(('init', name))
        super().__init__(name, bases, ns)
    def __call__(cls, *a, **k):
        log.append(('call', cls.__name__))
        return super().__call__(*a, **k)
class A(metaclass=Meta, flag=True):
    x = 1
a = A()
print(log)
print(A.injected, A.kw, type(A).__name__, isinstance(A, Meta), type(a).__name__)
class B(A):
    pass
print(type(B).__name__, B.kw)
class M1(type): pass
class M2(type): pass
class X(metaclass=M1): pass
class Y(metaclass=M2): pass
try:
    class Z(X, Y): pass
except TypeError as e:
    print('TypeError', e)
class M3(M1, M2): pass
class W(X, Y, metaclass=M3): pass
print(type(W).__name__)
Dyn = type('Dyn', (object,), {'v': 5, 'm': lambda self: self.v * 2})
print(Dyn().m(), Dyn.__name__, Dyn.__bases__, Dyn.__module__)
try:
    type('Bad', (5,), {})
except TypeError as e:
    print('TypeError', e)
try:
    type('Bad', 'x', {})
except TypeError as e:
    print('TypeError', e)
try:
    type(1, 2)
except TypeError as e:
    print('TypeError', e)
class Singleton(type):
    _inst = {}
    def __call__(cls, *a):
        if cls not in cls._inst:
            cls._inst[cls] = super().__call__(*a)
        return cls._inst[cls]
class S(metaclass=Singleton):
    def __init__(self, v): self.v = v
print(S(1).v, S(2).v, S(1) is S(3))
class Reg(type):
    registry = []
    def __init__(cls, *a):
        super().__init__(*a)
        Reg.registry.append(cls.__name__)
class R1(metaclass=Reg): pass
class R2(R1): pass
print(Reg.registry)
def func_meta(name, bases, ns):
    return 'class replaced by ' + name
class Fn(metaclass=func_meta): pass
print(Fn)
class MetaAttr(type):
    def hello(cls): return 'meta method on ' + cls.__name__
class HasMeta(metaclass=MetaAttr): pass
print(HasMeta.hello())
try:
    HasMeta().hello()
except AttributeError as e:
    print('AttributeError', e)
