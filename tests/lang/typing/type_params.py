# PEP 695 type parameters on functions and classes: TypeVar objects, bounds, constraints, defaults.
def first[T](xs: list[T]) -> T:
    return xs[0]
print(first([3, 4]), first.__type_params__, type(first.__type_params__[0]).__name__)
T = first.__type_params__[0]
print(T.__name__, T.__bound__, T.__constraints__, T.__covariant__, T.__contravariant__, T.__infer_variance__)
class Box[V]:
    def __init__(self, v: V):
        self.v = v
    def get(self) -> V:
        return self.v
print(Box.__type_params__, Box(5).get(), Box.__mro__[-2:] if len(Box.__mro__) > 2 else Box.__bases__)
print(Box[int], type(Box[int]).__name__, Box[int].__origin__ is Box, Box[int].__args__)
def bounded[B: int, C: (str, bytes)](b: B, c: C) -> None: pass
B, C = bounded.__type_params__
print(B.__bound__, C.__constraints__)
def variadic[*Ts, **P](): pass
Ts, P = variadic.__type_params__
print(type(Ts).__name__, type(P).__name__, Ts.__name__, P.__name__, repr(Ts), repr(P))
def defaults[D = int, *E = *tuple[int, ...], **F = [str]](): pass
D, E, F = defaults.__type_params__
print(D.__default__, E.__default__, F.__default__, D.has_default(), T.has_default())
class Lazy[X: undefined_bound]: pass
X = Lazy.__type_params__[0]
try:
    X.__bound__
except NameError as e:
    print('NameError', e)
print(repr(T), repr(B), repr(C))
class Pair[K, W](dict): pass
print(Pair.__type_params__, Pair.__bases__, Pair.__orig_bases__ if hasattr(Pair, '__orig_bases__') else '')
for src in ["def f[T, T](): pass", "class C[T: int = str]: pass", "def f[*Ts: int](): pass", "def f[T = int, U](): pass", "type A[T] = T"]:
    try:
        compile(src, 's', 'exec')
        print('compiles', src)
    except SyntaxError as e:
        print('SyntaxError', e.msg)
class Outer[T]:
    class Inner:
        ref = None
    def m[U](self, u: U) -> tuple[T, U]: pass
print(Outer.m.__type_params__, Outer.Inner.__type_params__ if hasattr(Outer.Inner, '__type_params__') else ())
