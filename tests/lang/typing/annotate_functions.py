# __annotate__ in detail: formats, conditional class annotations, annotations of lambdas/defaults/nested classes.
def f(x: int, y: 'fwd') -> None: pass
ann = f.__annotate__
print(ann.__name__, ann.__code__.co_argcount, ann(1))
try:
    ann(3)
except NotImplementedError as e:
    print('NotImplementedError', type(e).__name__)
class C:
    a: int
    if True:
        b: str
    else:
        c: bytes
    for _i in range(1):
        d: float
print(C.__annotations__)
class Outer:
    class Inner:
        v: 'Outer'
    w: Inner
print(Outer.__annotations__, Outer.Inner.__annotations__)
print((lambda x: x).__annotations__)
def no_ann(): pass
no_ann.__annotations__['added'] = int
print(no_ann.__annotations__)
class Meta(type):
    pass
class WithMeta(metaclass=Meta):
    m: int
print(WithMeta.__annotations__, type(WithMeta).__annotations__ if hasattr(type(WithMeta), '__annotations__') else {})
def closure():
    local_type = list
    def inner(a: local_type): pass
    return inner
print(closure().__annotations__)
class Sub(C):
    e: complex
print(Sub.__annotations__, 'a' in Sub.__annotations__)
