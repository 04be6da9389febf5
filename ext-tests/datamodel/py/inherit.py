# Cooperative multiple inheritance, metaclass mro(), __class__ cells, abstract classes.
class _Implicit:
    def __new__(cls): pass
    def __init_subclass__(cls): pass
classmethod = type(_Implicit.__dict__["__init_subclass__"])
staticmethod = type(_Implicit.__dict__["__new__"])

def err(f):
    try:
        return f()
    except Exception as e:
        return f"{type(e).__name__}: {e}"

log = []
class Root:
    def __init__(self, **kw):
        log.append("Root")
        super().__init__(**kw)
class L(Root):
    def __init__(self, left=None, **kw):
        log.append(("L", left))
        super().__init__(**kw)
class R(Root):
    def __init__(self, right=None, **kw):
        log.append(("R", right))
        super().__init__(**kw)
class Both(L, R):
    def __init__(self, **kw):
        log.append("Both")
        super().__init__(**kw)
Both(left=1, right=2)
print(log, [c.__name__ for c in Both.__mro__], Both.mro() == list(Both.__mro__))

class K:
    def who(self): return __class__.__name__
    @classmethod
    def cm(cls): return super().__repr__ is not None
    def sup(self): return super()
print(K().who(), K.cm(), K().sup())

class Rev(type):
    def mro(cls):
        return [cls, object]
class UsesRev(int, metaclass=Rev): pass
print(UsesRev.__mro__)
class BadMro(type):
    def mro(cls): return [1]
print(err(lambda: BadMro("X", (), {})))

class Abstract:
    pass
Abstract.__abstractmethods__ = frozenset({"f", "g"})
print(err(Abstract), bool(Abstract.__flags__ & (1 << 20)))
Abstract.__abstractmethods__ = frozenset()
print(type(Abstract()).__name__, err(lambda: type.__abstractmethods__))

class Named:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
class Reg:
    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, kw, cls.__dict__.get("attr").__class__.__name__)
class Child(Reg, k=1):
    attr = Named()

class M(type):
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        return cls
class WithCell(metaclass=M):
    def f(self): return __class__
print(WithCell().f() is WithCell)
class Lies(type):
    def __new__(mcls, name, bases, ns):
        return super().__new__(mcls, name, bases, {k: v for k, v in ns.items() if k != "__classcell__"})
try:
    class Lost(metaclass=Lies):
        def f(self): return __class__
except RuntimeError as e:
    print("RuntimeError:", e)

class Entries:
    def __mro_entries__(self, bases): return (dict,)
class FromEntries(Entries()): pass
print(FromEntries.__bases__, type(FromEntries.__orig_bases__[0]).__name__, FromEntries().__class__.__name__)
print(err(lambda: type("T", (Entries(),), {})))

def meta_fn(name, bases, ns, **kw): return (name, bases, sorted(k for k in ns if not k.startswith("__")), kw)
class ByFunction(1, metaclass=meta_fn, x=2):
    y = 1
print(ByFunction)

class Q:
    class Inner:
        def m(self): pass
print(Q.Inner.__qualname__, Q.Inner.m.__qualname__, Q.Inner.__module__, Q.__firstlineno__ > 0, Q.__static_attributes__)
class Static:
    def __init__(self): self.a = 1; self.b = 2
print(Static.__static_attributes__)


class Ann:
    x: int
    y: "str" = "s"
print(Ann.__annotations__, Ann.y, "__annotate_func__" in Ann.__dict__ or "__annotate__" in Ann.__dict__)

class Sl:
    __slots__ = ("a", "__weakref__")
class SlSub(Sl):
    pass
print(sorted(n for n in ("a", "__weakref__", "__dict__") if n in Sl.__dict__), hasattr(SlSub(), "__dict__"), hasattr(Sl(), "__dict__"))
print(err(lambda: type("Dup", (Sl,), {"__slots__": ("__weakref__",)})))
print(err(lambda: type("X", (Sl, SlSub.__bases__[0]), {})))
class Sl2:
    __slots__ = ("b",)
print(err(lambda: type("X", (Sl, Sl2), {})))

class Ordered:
    z = 1
    a = 2
    def m(self): pass
print([k for k in Ordered.__dict__ if not k.startswith("__")])
print(err(lambda: setattr(int, "x", 1)), err(lambda: setattr(object, "__repr__", 1)))
Ordered.__name__ = "Renamed"
print(Ordered.__name__, Ordered.__qualname__, repr(Ordered))
print(err(lambda: setattr(Ordered, "__name__", 1)), err(lambda: delattr(Ordered, "__qualname__")))
print(type.__prepare__("x", ()), type(Ordered), type(type), err(lambda: type()), err(lambda: type(1, 2)))
print(sorted(Ordered.__subclasses__()), len(object.__subclasses__()) > 0)

class BA:
    def who(self): return "BA"
class BB:
    def who(self): return "BB"
    def __len__(self): return 5
class BC(BA): pass
class BD(BC): pass
print(BD().who(), err(lambda: len(BD())))
BC.__bases__ = (BB,)
print(BD().who(), len(BD()), [c.__name__ for c in BD.__mro__], BC.__base__.__name__, BB.__subclasses__(), BA.__subclasses__())
print(err(lambda: setattr(BC, "__bases__", ())), err(lambda: setattr(BC, "__bases__", (1,))), err(lambda: setattr(BC, "__bases__", (BD,))))
print(err(lambda: setattr(BC, "__bases__", (int,))), err(lambda: setattr(int, "__bases__", (object,))), err(lambda: setattr(BC, "__bases__", [BA])))
print(err(lambda: setattr(BC, "__bases__", (BA, BB))), BC.__mro__)
