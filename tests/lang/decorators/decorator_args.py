# Decorators with arguments and optional arguments, decorating methods, preserving signatures manually.
def repeat(times=2):
    def deco(f):
        def w(*a, **k):
            return [f(*a, **k) for _ in range(times)]
        w.__name__ = f.__name__
        w.__doc__ = f.__doc__
        return w
    return deco
@repeat(3)
def hello(name):
    "says hello"
    return 'hi ' + name
print(hello('bob'), hello.__name__, hello.__doc__)
def optional(f=None, *, prefix='>'):
    if f is None:
        return lambda g: optional(g, prefix=prefix)
    def w(*a):
        return prefix + str(f(*a))
    return w
@optional
def one(): return 1
@optional(prefix='#')
def two(): return 2
print(one(), two())
def validate(**types):
    def deco(f):
        def w(**kw):
            for k, t in types.items():
                if not isinstance(kw.get(k), t):
                    raise TypeError(f'{k} must be {t.__name__}')
            return f(**kw)
        return w
    return deco
@validate(x=int, y=str)
def use(x, y):
    return y * x
print(use(x=2, y='ab'))
try:
    use(x='2', y='ab')
except TypeError as e:
    print('TypeError', e)
class Counter:
    def __init__(self, f):
        self.f = f
        self.n = 0
    def __call__(self, *a):
        self.n += 1
        return self.f(*a)
@Counter
def square(x): return x * x
print(square(3), square(4), square.n, type(square).__name__)
class Method:
    @Counter
    def m(self): return 'm'
try:
    Method().m()
except TypeError as e:
    print('TypeError', e)
print(Method.m.n)
