# __call__, callable(), bound methods, method attributes, functions as attributes.
class Adder:
    def __init__(self, n): self.n = n
    def __call__(self, x, *, twice=False): return (self.n + x) * (2 if twice else 1)
add5 = Adder(5)
print(add5(1), add5(1, twice=True), callable(add5), callable(Adder), callable(5), callable(print), callable(None))
class NotCallable: pass
try:
    NotCallable()()
except TypeError as e:
    print('TypeError', e)
class Meth:
    def m(self, x): return ('m', x)
obj = Meth()
bm = obj.m
print(bm(1), bm.__self__ is obj, bm.__func__ is Meth.m, bm.__name__, bm.__qualname__, type(bm).__name__)
print(obj.m == obj.m, obj.m is obj.m, Meth.m(obj, 2))
try:
    Meth.m(3)
except TypeError as e:
    print('TypeError', e)
def free(self): return 'free function bound'
obj.attr_func = free
try:
    obj.attr_func()
except TypeError as e:
    print('TypeError', e)
Meth.free = free
print(obj.free())
class CallAttr:
    pass
ca = CallAttr(); ca.__call__ = lambda: 'instance __call__ ignored'
try:
    ca()
except TypeError as e:
    print('TypeError', e)
def f(a, b=1): return a + b
f.custom = 'attr'
print(f.custom, f.__dict__, f.__module__, f.__defaults__, f.__globals__ is globals(), f.__builtins__ is __builtins__ or isinstance(f.__builtins__, dict))
print(type(print).__name__, type([].append).__name__, type(Meth.m).__name__, type(int.__add__).__name__, type((1).__add__).__name__)
print(print.__name__, [].append.__self__, len.__self__.__name__ if hasattr(len.__self__, '__name__') else '')
class StaticCall:
    __call__ = staticmethod(lambda: 'static call')
print(StaticCall()())
