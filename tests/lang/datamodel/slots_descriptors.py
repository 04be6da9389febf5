# __slots__ member descriptors: __get__/__set__/__delete__ used directly, names, objclass, slots with defaults via class attrs.
class S:
    __slots__ = ('a', 'b')
m = S.__dict__['a']
s = S()
m.__set__(s, 10)
print(m.__get__(s, S), s.a, m.__name__, m.__objclass__ is S, type(m).__name__)
m.__delete__(s)
try:
    m.__get__(s, S)
except AttributeError as e:
    print('AttributeError', e)
print(m.__get__(None, S) is m)
try:
    m.__set__(object(), 1)
except TypeError as e:
    print('TypeError', e)
class Multi(S):
    __slots__ = ('c',)
mm = Multi(); mm.a, mm.c = 1, 3
print(mm.a, mm.c, sorted(k for k in dir(mm) if len(k) == 1))
class Dflt:
    __slots__ = ('v',)
    def __init__(self, v=None):
        if v is not None:
            self.v = v
print(Dflt(1).v, hasattr(Dflt(), 'v'))
class Both:
    __slots__ = ('x',)
try:
    Both.x = 5
    print('class attribute replaced descriptor:', Both.x)
    Both().x = 1
except AttributeError as e:
    print('AttributeError', e)
