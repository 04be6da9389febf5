# Custom exception classes: args handling, __str__/__repr__, __init__ without super, pickling-free attributes, hierarchy catching.
class NoSuper(Exception):
    def __init__(self, code):
        self.code = code
e = NoSuper(5)
print(e.args, str(e), repr(e), e.code)
class WithStr(Exception):
    def __str__(self):
        return f'WithStr({", ".join(map(str, self.args))})'
print(str(WithStr(1, 2)), repr(WithStr(1, 2)))
class Base(Exception): pass
class Mid(Base): pass
class Leaf(Mid): pass
for cls in [Base, Mid, Leaf]:
    try:
        raise cls('x')
    except Leaf:
        print('caught as Leaf')
    except Mid:
        print('caught as Mid')
    except Base:
        print('caught as Base')
class Multi(KeyError, ValueError): pass
try:
    raise Multi('both')
except ValueError as e:
    print('ValueError handler got', type(e).__name__, isinstance(e, KeyError), repr(e))
class ArgsSet(Exception): pass
a = ArgsSet(1)
a.args = ('replaced', 2)
print(a, a.args)
a.args = [3]
print(a.args, type(a.args).__name__)
class Slotted(Exception):
    __slots__ = ('extra',)
s = Slotted('m'); s.extra = 1; print(s.extra, s)
try:
    class NotExc(object): pass
    raise NotExc()
except TypeError as e:
    print('TypeError', e)
print(Exception('a') == Exception('a'), hash(Exception) is not None)
e1 = ValueError('traceback starts empty')
print(e1.__traceback__, e1.__context__, e1.__cause__, e1.__suppress_context__)
