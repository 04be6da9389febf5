# Class decorators and decorators on methods (classmethod/staticmethod/property stacking).
def add_repr(cls):
    def __repr__(self):
        return f'{cls.__name__}({", ".join(f"{k}={v!r}" for k, v in self.__dict__.items())})'
    cls.__repr__ = __repr__
    return cls
def tag(t):
    def d(cls):
        cls.tag = t
        return cls
    return d
@tag('v1')
@add_repr
class P:
    def __init__(self, x, y):
        self.x, self.y = x, y
print(P(1, 'two'), P.tag)
def replace(cls):
    return 'replaced'
@replace
class Gone: pass
print(Gone)
def log_calls(f):
    def w(self, *a):
        print('call', f.__name__, a)
        return f(self, *a)
    return w
class Svc:
    @log_calls
    def work(self, n):
        return n + 1
    @classmethod
    def make(cls):
        return cls.__name__
    @staticmethod
    def util(a, b):
        return a * b
    @property
    def prop(self):
        return 'prop value'
print(Svc().work(1), Svc.make(), Svc().make(), Svc.util(3, 4), Svc().util(2, 2), Svc().prop)
def singleton(cls):
    instances = {}
    def get(*a):
        if cls not in instances:
            instances[cls] = cls(*a)
        return instances[cls]
    return get
@singleton
class Config:
    def __init__(self, v):
        self.v = v
print(Config(1).v, Config(2).v, Config(3) is Config(4))
