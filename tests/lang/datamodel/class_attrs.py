# Class vs instance attributes, __dict__ mappingproxy, __class__ assignment, name mangling.
class C:
    shared = []
    count = 0
    def __init__(self):
        self.count += 1
        self.shared.append(1)
a, b = C(), C()
print(C.count, a.count, b.count, C.shared, a.shared is b.shared)
print(type(C.__dict__).__name__, 'shared' in C.__dict__, sorted(a.__dict__))
try:
    C.__dict__['x'] = 1
except TypeError as e:
    print('TypeError', e)
a.__dict__['direct'] = 'via dict'; print(a.direct)
a.__dict__ = {'replaced': True}; print(a.replaced, hasattr(a, 'count'))
try:
    a.__dict__ = 5
except TypeError as e:
    print('TypeError', e)
class D: pass
class E: pass
d = D(); d.__class__ = E; print(type(d).__name__)
try:
    d.__class__ = int
except TypeError as e:
    print('TypeError', e)
try:
    (1).__class__ = bool
except TypeError as e:
    print('TypeError', e)
class Mangle:
    __secret = 'hidden'
    def reveal(self): return self.__secret
    def __not_mangled__(self): return 'dunder names are not mangled'
m = Mangle()
print(m.reveal(), m._Mangle__secret, hasattr(m, '__secret'), m.__not_mangled__())
class _Under:
    __x = 1
print(sorted(k for k in _Under.__dict__ if 'x' in k))
class Sub(Mangle):
    __secret = 'sub'
    def sub_reveal(self): return self.__secret
print(Sub().reveal(), Sub().sub_reveal())
C.new_attr = 'added later'; print(a.new_attr if hasattr(a, 'new_attr') else b.new_attr)
del C.new_attr; print(hasattr(b, 'new_attr'))
try:
    del C.never
except AttributeError as e:
    print('AttributeError', e)
print(C.__name__, C.__qualname__, C.__module__, C.__doc__, type(C).__name__, C.__base__.__name__)
C.__name__ = 'Renamed'; print(C.__name__, C.__qualname__, repr(C)[:8])
try:
    C.__name__ = 5
except TypeError as e:
    print('TypeError', e)
try:
    int.new = 1
except TypeError as e:
    print('TypeError', e)
