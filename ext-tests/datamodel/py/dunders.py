# Operator and protocol dunders, attribute hooks, finalizers, weak references.
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

class Seq:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
    def __getitem__(self, i):
        if isinstance(i, slice): return ("slice", i.start, i.stop)
        if i >= self.n: raise IndexError(i)
        return i * 10
    def __setitem__(self, i, v): print("set", i, v)
    def __delitem__(self, i): print("del", i)
    def __contains__(self, x): return x == "in"
    def __reversed__(self): return iter(["r"])
s = Seq(3)
print(len(s), s[1], s[1:2], list(s), "in" in s, 5 in s, list(reversed(s)), bool(Seq(0)))
s[0] = 1
del s[0]
print(err(lambda: len(type("L", (), {"__len__": lambda self: -1})())))
print(err(lambda: len(type("L", (), {"__len__": lambda self: "x"})())))
print(err(lambda: bool(type("L", (), {"__bool__": lambda self: 1})())))
print(err(lambda: iter(type("L", (), {"__iter__": None})())))
print(err(lambda: 1 in type("L", (), {"__contains__": None})()))
print(err(lambda: hash(type("L", (), {"__hash__": lambda self: "x"})())))
print(hash(type("L", (), {"__hash__": lambda self: 2**62})()), hash(type("L", (), {"__hash__": lambda self: -1})()))
print(err(lambda: type("L", (), {"__init__": lambda self: 5})()))

class It:
    def __init__(self): self.i = 0
    def __iter__(self): return self
    def __next__(self):
        self.i += 1
        if self.i > 3: raise StopIteration
        return self.i
print(list(It()), sum(It()), [x for x in It()])

class Dyn:
    a = 1
    def __getattr__(self, name):
        if name == "boom": raise AttributeError("no boom")
        return "dyn:" + name
print(Dyn().a, Dyn().zz, err(lambda: Dyn().boom), getattr(Dyn(), "q", None))

class Guard:
    def __getattribute__(self, name):
        if name == "secret": raise AttributeError(name)
        return object.__getattribute__(self, name)
    def __getattr__(self, name): return "fallback " + name
    def __setattr__(self, name, v):
        object.__setattr__(self, name, v * 2)
    def __delattr__(self, name):
        print("delattr", name)
g = Guard()
g.x = 4
del g.x
print(g.x, g.secret, g.other)

class Cmp:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == getattr(o, "v", o)
    def __lt__(self, o): return self.v < o.v
    def __le__(self, o): return self.v <= o.v
print(Cmp(1) == Cmp(1), Cmp(1) != Cmp(2), Cmp(1) < Cmp(2), Cmp(2) > Cmp(1), Cmp(1) >= Cmp(1), err(lambda: Cmp(1) > 3))
print(Cmp.__hash__, err(lambda: {Cmp(1)}))
class Hashable(Cmp):
    __hash__ = object.__hash__
print(type(hash(Hashable(1))).__name__)

class Call:
    def __call__(self, *a, **k): return (a, k)
print(Call()(1, x=2), callable(Call()), callable(Call))

class Fin:
    def __init__(self, name): self.name = name
    def __del__(self): print("del", self.name)
f = Fin("one")
del f
print("after del")
class Resurrect:
    saved = []
    def __del__(self):
        print("resurrecting")
        Resurrect.saved.append(self)
r = Resurrect()
del r
print(len(Resurrect.saved))
class DelErr:
    def __del__(self): raise ValueError("in del")
d = DelErr()
del d
print("after del error")

class W: pass
w = W()
print(W.__weakref__.__class__.__name__, w.__weakref__)

class P1: pass
class P2: pass
p = P1()
p.__class__ = P2
print(type(p).__name__, err(lambda: setattr(p, "__class__", int)), err(lambda: setattr(p, "__class__", 1)))
class SlotA: __slots__ = ("a",)
print(err(lambda: setattr(p, "__class__", SlotA)))
p.__dict__ = {"k": 1}
print(p.k, err(lambda: setattr(p, "__dict__", 5)))

class Fmt:
    pass
print(err(lambda: format(Fmt(), "x")), format(Fmt(), "") .startswith("<__main__.Fmt object"))
print(err(lambda: Fmt(1)), err(lambda: object.__init__(Fmt(), 1)))
class WithInit:
    def __init__(self, a): self.a = a
print(err(lambda: object.__new__(WithInit, 1)) is not None, WithInit(3).a)

class Desc:
    def __get__(self, obj, owner=None): return ("get", obj is None)
    def __set__(self, obj, v): print("set", v)
    def __delete__(self, obj): print("delete")
class UsesDesc:
    d = Desc()
u = UsesDesc()
u.d = 5
del u.d
print(u.d, UsesDesc.d)

class Idx:
    def __index__(self): return 2
print([1, 2, 3, 4][Idx()], "abcd"[Idx()], bin(Idx()), range(10)[Idx()])
class Conv:
    def __int__(self): return 7
    def __float__(self): return 1.5
    def __complex__(self): return 2j
print(int(Conv()), float(Conv()))

class AddOnly:
    def __add__(self, o): return "add"
a = AddOnly()
a += 1
print(a)
class Mat:
    def __matmul__(self, o): return "matmul"
    def __rmatmul__(self, o): return "rmatmul"
print(Mat() @ 1, 1 @ Mat())
print(err(lambda: AddOnly() - 1), err(lambda: -AddOnly()), err(lambda: AddOnly() < 1))
class Div:
    def __truediv__(s, o): return "truediv"
    def __rtruediv__(s, o): return "rtruediv"
    def __floordiv__(s, o): return "floordiv"
    def __mod__(s, o): return "mod"
    def __divmod__(s, o): return "divmod"
    def __rdivmod__(s, o): return "rdivmod"
    def __lshift__(s, o): return "lshift"
    def __rrshift__(s, o): return "rrshift"
    def __and__(s, o): return "and"
    def __ror__(s, o): return "ror"
    def __xor__(s, o): return "xor"
    def __invert__(s): return "invert"
    def __pos__(s): return "pos"
    def __abs__(s): return "abs"
print(Div() / 1, 1 / Div(), Div() // 1, Div() % 1, divmod(Div(), 1), divmod(1, Div()), Div() << 1, 1 >> Div(), Div() & 1, 1 | Div(), Div() ^ 1, ~Div(), +Div(), abs(Div()))

class Later: pass
Later.__add__ = lambda s, o: "late add"
Later.__len__ = lambda s: 9
Later.__repr__ = lambda s: "<Later>"
class LaterSub(Later): pass
print(Later() + 1, LaterSub() + 1, len(LaterSub()), repr(LaterSub()))
del Later.__add__
print(err(lambda: LaterSub() + 1))
class IntSub(int):
    def __add__(self, o): return "IntSub.add"
print(IntSub(1) + 1, 1 + IntSub(1), IntSub(5) * 2, repr(IntSub(5)), IntSub(5) == 5, hash(IntSub(5)))
class StrSub(str):
    def upper(self): return "UPPER"
print(StrSub("ab").upper(), StrSub("ab") + "c", len(StrSub("abc")), StrSub("x") == "x")
class ListSub(list):
    def append(self, x): super().append(x * 2)
l = ListSub([1])
l.append(2)
print(l, len(l), l + [3], type(l[:]).__name__)
class DictSub(dict):
    def __missing__(self, k): return "missing " + str(k)
print(DictSub(a=1)["a"], DictSub()["zz"])
class ExcSub(ValueError):
    def __init__(self, a, b):
        super().__init__(a)
        self.b = b
try:
    raise ExcSub("msg", 2)
except ValueError as e:
    print(repr(e), e.b, e.args)
