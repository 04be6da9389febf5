# object's methods and the result checks of conversion dunders.
def err(f):
    try:
        return f()
    except Exception as e:
        return f"{type(e).__name__}: {e}"
class I:
    def __index__(self): return "x"
print(err(lambda: [][I()]))
class F:
    def __float__(self): return 1
print(err(lambda: float(F())))
class N:
    def __int__(self): return "x"
print(err(lambda: int(N())))
class Fo:
    def __format__(self, spec): return "F" + spec
print(format(Fo(), "abc"), f"{Fo():zz}")
class Rv:
    def __reversed__(self): return iter([3])
print(list(reversed(Rv())))
class LH:
    def __length_hint__(self): return 3


class Get:
    def __getitem__(self, i): return i
print(err(lambda: Get()[1:2]), err(lambda: len(Get())))
class Cpy:
    def __init__(self): self.a = 1
class WithSlots:
    __slots__ = ("a",)
w = WithSlots(); w.a = 3
print(w.__getstate__())
print(err(lambda: object.__new__(int)), err(lambda: object.__new__(1)), err(lambda: int.__new__(str)))
print(dir(Cpy())[-3:], sorted(vars(Cpy())))
print(Cpy.__sizeof__(Cpy()) > 0, object.__subclasshook__(int), Cpy.__init_subclass__())
