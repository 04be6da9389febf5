# super(): zero-arg and explicit forms, in classmethods, properties, cooperative __init__, errors.
class A:
    def __init__(self, **kw):
        print('A init', sorted(kw))
        self.a = True
    def m(self): return 'A.m'
    @classmethod
    def cm(cls): return 'A.cm(' + cls.__name__ + ')'
    @property
    def p(self): return 'A.p'
class B(A):
    def __init__(self, b=None, **kw):
        print('B init')
        super().__init__(**kw)
    def m(self): return 'B.m>' + super().m()
    @classmethod
    def cm(cls): return 'B.cm>' + super().cm()
    @property
    def p(self): return 'B.p>' + super().p
class C(A):
    def __init__(self, c=None, **kw):
        print('C init')
        super().__init__(**kw)
    def m(self): return 'C.m>' + super().m()
class D(B, C):
    def __init__(self):
        super().__init__(b=1, c=2, extra=3)
    def m(self): return 'D.m>' + super(D, self).m()
d = D()
print(d.m(), D.cm(), d.p, d.a)
print(super(B, d).m(), super(C, d).m(), super(D, D).cm())
s = super(B, d)
print(type(s).__name__, s.__thisclass__.__name__, s.__self_class__.__name__, s.__self__ is d)
try:
    super(B, 5)
except TypeError as e:
    print('TypeError', e)
def outside():
    return super()
try:
    outside()
except RuntimeError as e:
    print('RuntimeError', e)
class E:
    def m(self):
        return super().missing
try:
    E().m()
except AttributeError as e:
    print('AttributeError', e)
class F(A):
    def m(self):
        f = lambda: super(F, self).m()
        return 'F via lambda>' + f()
    def gen(self):
        yield super().m()
print(F().m(), next(F().gen()))
class G(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 2)
g = G(); g['x'] = 5; print(g)
class H(list):
    def append(self, v):
        super().append(('wrapped', v))
h = H(); h.append(1); print(h)
class S:
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        cls.registered = True
class T(S): pass
print(T.registered)
