# __new__ and __init__: ordering, returning other types, immutables, errors for extra arguments.
class A:
    def __new__(cls, *a, **k):
        print('new', cls.__name__, a, k)
        return super().__new__(cls)
    def __init__(self, *a, **k):
        print('init', a, k)
A(1, x=2)
class Other:
    def __new__(cls):
        return 42
    def __init__(self):
        print('never called')
print(Other())
class Sub:
    pass
class ReturnsSub:
    def __new__(cls):
        return Sub()
    def __init__(self):
        print('not called: result is not an instance')
print(type(ReturnsSub()).__name__)
class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self): return self[0]
p = Point(1, 2); print(p, p.x, type(p).__name__, isinstance(p, tuple), len(p))
class Upper(str):
    def __new__(cls, v):
        return super().__new__(cls, v.upper())
print(Upper('abc'), type(Upper('x') + 'y').__name__)
try:
    object(1)
except TypeError as e:
    print('TypeError', e)
class NoInit: pass
try:
    NoInit(1)
except TypeError as e:
    print('TypeError', e)
class OnlyInit:
    def __init__(self, a): self.a = a
print(OnlyInit(5).a)
class InitReturns:
    def __init__(self): return 5
try:
    InitReturns()
except TypeError as e:
    print('TypeError', e)
try:
    object.__new__(int)
except TypeError as e:
    print('TypeError', e)
try:
    int.__new__(str)
except TypeError as e:
    print('TypeError', e)
print(object.__new__(NoInit).__class__.__name__, int.__new__(int, 5), type.__call__(OnlyInit, 3).a)
class Counter:
    instances = 0
    def __new__(cls, *a):
        cls.instances += 1
        return super().__new__(cls)
    def __init__(self, v): self.v = v
Counter(1); Counter(2); print(Counter.instances)
class Cached:
    _cache = {}
    def __new__(cls, key):
        if key not in cls._cache:
            cls._cache[key] = super().__new__(cls)
        return cls._cache[key]
print(Cached('a') is Cached('a'), Cached('a') is Cached('b'))
