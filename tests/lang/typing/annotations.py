# Deferred annotations (PEP 649/749): __annotations__ evaluated lazily, __annotate__ functions.
def f(a: int, b: 'str' = 'x', *args: float, c: list[int], **kw: dict) -> bool:
    pass
print(f.__annotations__)
print(type(f.__annotate__).__name__, f.__annotate__(1) == f.__annotations__)
def g(x: Undefined) -> AlsoUndefined:
    pass
try:
    g.__annotations__
except NameError as e:
    print('NameError', e)
Undefined = 'now defined'
AlsoUndefined = 42
print(g.__annotations__)
def h(x):
    pass
print(h.__annotations__, h.__annotate__)
class C:
    x: int
    y: str = 'default'
    z: 'forward'
print(C.__annotations__, 'x' in C.__dict__, C.y)
print(type(C.__annotate__).__name__ if C.__annotate__ else None)
class D(C):
    w: bytes
print(D.__annotations__)
class E:
    pass
print(E.__annotations__)
counter = []
def side() -> None:
    pass
def side_effect_annotation(v: counter.append(1) or int) -> None:
    pass
print(counter)
print(side_effect_annotation.__annotations__, counter)
print(side_effect_annotation.__annotations__, counter)
try:
    f.__annotate__(2)
    print('format 2 ok')
except NotImplementedError as e:
    print('NotImplementedError', e)
f.__annotations__ = {'replaced': True}
print(f.__annotations__, f.__annotate__)
del f.__annotations__
print(f.__annotations__)
def kw(*, k: 'K' = 1): pass
print(kw.__annotations__)
x: int = 5
y: str
print(x, 'y' in globals())
print(sorted(__annotations__) if '__annotations__' in dir() else 'module annotations via __annotate__')
