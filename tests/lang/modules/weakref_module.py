# _weakref internals: ref subclassing, callbacks ordering, proxies to callables, ref equality after death.
import _weakref, gc
class T:
    def __init__(self, n): self.n = n
    def __call__(self): return 'called ' + str(self.n)
    def __repr__(self): return f'T({self.n})'
order = []
t = T(1)
r1 = _weakref.ref(t, lambda r: order.append('r1'))
r2 = _weakref.ref(t, lambda r: order.append('r2'))
del t; gc.collect()
print(order)
class MyRef(_weakref.ref):
    def __new__(cls, obj, cb=None, tag=None):
        return super().__new__(cls, obj, cb)
    def __init__(self, obj, cb=None, tag=None):
        super().__init__(obj, cb)
        self.tag = tag
t2 = T(2)
mr = MyRef(t2, None, 'tagged')
print(mr().n, mr.tag, isinstance(mr, _weakref.ref))
cp = _weakref.proxy(t2)
print(cp(), repr(cp.n), type(cp).__name__)
dead = _weakref.ref(T(3)); gc.collect()
print(dead(), dead == dead, dead is not None)
live_a, live_b = T(4), T(4)
ra, rb = _weakref.ref(live_a), _weakref.ref(live_b)
print(ra == rb, ra == _weakref.ref(live_a))
try:
    _weakref.ref(t2, 5)
    print('non-callable callback accepted at creation')
except TypeError as e:
    print('TypeError', e)
def cb_raises(r):
    raise ValueError('callback error is printed, not raised')
t5 = T(5); r5 = _weakref.ref(t5, cb_raises); del t5; gc.collect()
print('still running')
print(_weakref.getweakrefcount(T(6)), _weakref.getweakrefs(T(7)))
