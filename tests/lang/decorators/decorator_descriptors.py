# Decorators producing descriptors: a cached_property written by hand, a bound-method-aware decorator class, stacking with property.
class cached:
    def __init__(self, f):
        self.f = f
        self.name = f.__name__
    def __set_name__(self, owner, name):
        self.name = name
    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        value = self.f(obj)
        obj.__dict__[self.name] = value
        return value
class Data:
    calls = 0
    @cached
    def total(self):
        Data.calls += 1
        return 42
d = Data()
print(d.total, d.total, Data.calls, type(Data.total).__name__, 'total' in vars(d))
class logged:
    def __init__(self, f): self.f = f
    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        def bound(*a):
            print('calling', self.f.__name__, 'on', type(obj).__name__)
            return self.f(obj, *a)
        return bound
    def __call__(self, *a):
        return self.f(*a)
class Svc:
    @logged
    def work(self, x): return x * 2
print(Svc().work(21), Svc.work(Svc(), 1))
def twice(f):
    return lambda *a: f(*a) * 2
class P:
    @property
    @twice
    def v(self): return 5
print(P().v)
