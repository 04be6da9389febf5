# Classes, MRO, super, descriptors, slots, metaclasses.
class _Implicit:
    def __new__(cls): pass
    def __init_subclass__(cls): pass
classmethod = type(_Implicit.__dict__["__init_subclass__"])
staticmethod = type(_Implicit.__dict__["__new__"])
class A:
    "doc of A"
    x = 1
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"A({self.v!r})"
    def __eq__(self, o):
        return isinstance(o, A) and o.v == self.v
    def m(self):
        return "A.m"
    @classmethod
    def c(cls):
        return ("c", cls.__name__)
    @staticmethod
    def s(a, b=2):
        return a + b
    @property
    def p(self):
        return self.v * 2
    @p.setter
    def p(self, val):
        self.v = val // 2

class B(A):
    def m(self):
        return "B.m+" + super().m()
    @classmethod
    def c(cls):
        return ("B.c",) + super().c()

a, b = A(1), B(2)
print(a, b, a == A(1), a != A(1), A.__doc__, B.__doc__)
print(b.m(), B.c(), b.c(), A.s(1), a.s(3, 4), a.p, b.p)
a.p = 10
print(a.v, A.__mro__, B.__bases__, B.__qualname__, B.__module__)
try:
    hash(a)
except TypeError as e:
    print("TypeError:", e)
print(type(A.__dict__["c"]).__name__, type(A.__dict__["s"]).__name__, A.__dict__["s"].__func__.__name__)
print(A.c.__self__ is A, B.c.__func__.__qualname__)

class D:
    def __set_name__(self, owner, name):
        self.name = (owner.__name__, name)
    def __get__(self, obj, typ=None):
        return ("get", self.name, obj is None)
class H:
    d = D()
print(H.d, H().d)

class Meta(type):
    def __new__(m, name, bases, ns, **kw):
        ns["added"] = kw
        return super().__new__(m, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
    @classmethod
    def __prepare__(m, name, bases, **kw):
        return {"prepared": True}
    def __call__(cls, *a):
        return ("called", cls.__name__, a)
class WithMeta(metaclass=Meta, flag=1):
    pass
print(type(WithMeta).__name__, WithMeta.added, WithMeta.prepared, WithMeta(1, 2))

class Base:
    subs = []
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        Base.subs.append((cls.__name__, tag))
class S1(Base, tag="one"): pass
class S2(S1): pass
print(Base.subs)
try:
    class Bad(object, tag=1): pass
except TypeError as e:
    print("TypeError:", e)

class Slotted:
    __slots__ = ("a", "__b")
    def __init__(self):
        self.a = 1
        self.__b = 2
    def get(self):
        return self.__b
s = Slotted()
print(s.a, s.get(), Slotted.__slots__, sorted(k for k in dir(Slotted) if "b" in k and not k.startswith("__")))
try:
    s.c = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    class Conf:
        __slots__ = ("a",)
        a = 1
except ValueError as e:
    print("ValueError:", e)

class X: pass
class Y(X): pass
try:
    class Z(X, Y): pass
except TypeError as e:
    print("TypeError:", e)
class O1: pass
class O2: pass
class O3(O1, O2): pass
class O4(O2, O1): pass
try:
    class O5(O3, O4): pass
except TypeError as e:
    print("TypeError:", e)

class GA:
    def __class_getitem__(cls, item):
        return (cls.__name__, item)
print(GA[int])

class Num:
    def __init__(self, v): self.v = v
    def __add__(self, o): return Num(self.v + (o.v if isinstance(o, Num) else o))
    __radd__ = __add__
    def __iadd__(self, o):
        self.v += 100
        return self
    def __neg__(self): return Num(-self.v)
    def __lt__(self, o): return self.v < o.v
    def __bool__(self): return self.v != 0
    def __len__(self): return 7
    def __index__(self): return self.v
    def __repr__(self): return f"Num({self.v})"
    def __pow__(self, o, mod=None): return ("pow", o, mod)
    def __rpow__(self, o, mod=None): return ("rpow", o, mod)
n = Num(3)
print(n + 1, 1 + n, -n, n < Num(4), bool(Num(0)), len(n), [10, 20, 30, 40][n], sorted([Num(2), Num(1)]))
n += 1
print(n, n ** 2, 2 ** n, pow(n, 2, 5), pow(2, n, 5))
class Sub(Num):
    def __radd__(self, o): return "Sub.radd"
print(Num(1) + Sub(2), Sub(2) + Num(1))
