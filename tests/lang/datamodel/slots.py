# __slots__: no __dict__, member descriptors, inheritance, __weakref__, conflicts.
class P:
    __slots__ = ('x', 'y')
    def __init__(self, x, y):
        self.x, self.y = x, y
p = P(1, 2)
print(p.x, p.y, hasattr(p, '__dict__'), type(P.x).__name__, P.__slots__)
try:
    p.z = 3
except AttributeError as e:
    print('AttributeError', e)
del p.x
try:
    p.x
except AttributeError as e:
    print('AttributeError', e)
class Q(P):
    pass
q = Q(1, 2); q.z = 3; print(q.z, hasattr(q, '__dict__'))
class R(P):
    __slots__ = ('w',)
r = R(1, 2); r.w = 0; print(r.w, hasattr(r, '__dict__'))
class WithDict:
    __slots__ = ('a', '__dict__')
w = WithDict(); w.a = 1; w.b = 2; print(w.a, w.__dict__)
class WithWeak:
    __slots__ = ('__weakref__',)
import _weakref as weakref
ref = weakref.ref(WithWeak()); print(type(ref).__name__)
try:
    weakref.ref(p)
except TypeError as e:
    print('TypeError', e)
try:
    class Conflict:
        __slots__ = ('v',)
        v = 1
except ValueError as e:
    print('ValueError', e)
class StrSlot:
    __slots__ = 'only'
s = StrSlot(); s.only = 'single'; print(s.only, StrSlot.__slots__)
try:
    class Bad:
        __slots__ = (1,)
except TypeError as e:
    print('TypeError', e)
try:
    class IntSub(int):
        __slots__ = ('extra',)
except TypeError as e:
    print('TypeError', e)
class Empty:
    __slots__ = ()
try:
    Empty().anything = 1
except AttributeError as e:
    print('AttributeError', e)
print(sorted(k for k in P.__dict__ if not k.startswith('__')))
class Mangled:
    __slots__ = ('__private',)
    def set(self, v): self.__private = v
    def get(self): return self.__private
m = Mangled(); m.set(9); print(m.get(), sorted(k for k in Mangled.__dict__ if 'private' in k))
