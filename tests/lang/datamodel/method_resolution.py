# Implicit special-method lookup goes through the type, not the instance.
class C:
    def __len__(self): return 1
c = C()
c.__len__ = lambda: 99
print(len(c), c.__len__())
class D:
    pass
d = D()
d.__iter__ = lambda: iter([1])
try:
    iter(d)
except TypeError as e:
    print('TypeError', e)
d.__repr__ = lambda: 'instance repr'
print(repr(d)[:12])
D.__repr__ = lambda self: 'class repr'
print(repr(d))
class E:
    def __getattr__(self, name):
        return lambda *a: 'getattr ' + name
e = E()
print(e.__len__())
try:
    len(e)
except TypeError as err:
    print('TypeError', err)
class F:
    def __getattribute__(self, name):
        return lambda *a: 'getattribute ' + name
f = F()
print(f.__add__(1))
try:
    f + 1
except TypeError as err:
    print('TypeError', err)
class G:
    pass
G.__add__ = lambda self, o: 'added later'
print(G() + 1)
del G.__add__
try:
    G() + 1
except TypeError as err:
    print('TypeError', err)
