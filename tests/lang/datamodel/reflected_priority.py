# Reflected-operand priority: a subclass overriding the reflected method is tried first; builtin numeric mixing.
class Num:
    def __init__(self, v): self.v = v
    def __repr__(self): return f'{type(self).__name__}({self.v})'
    def __add__(self, o): return f'{self!r}.__add__'
    def __radd__(self, o): return f'{self!r}.__radd__'
    def __lt__(self, o): return f'{self!r}.__lt__'
    def __gt__(self, o): return f'{self!r}.__gt__'
class SubNum(Num):
    def __radd__(self, o): return f'{self!r}.__radd__ (subclass first)'
    def __gt__(self, o): return f'{self!r}.__gt__ (subclass first)'
class SubNoOverride(Num):
    pass
print(Num(1) + SubNum(2))
print(Num(1) + SubNoOverride(2))
print(Num(1) < SubNum(2))
print(Num(1) < SubNoOverride(2))
print(1 + Num(5), Num(5) + 1)
class MyInt(int):
    def __radd__(self, o): return 'MyInt.__radd__'
    def __rsub__(self, o): return 'MyInt.__rsub__'
print(1 + MyInt(2), 1 - MyInt(2), MyInt(2) + 1, type(MyInt(2) + 1).__name__)
class MyFloat(float):
    def __rmul__(self, o): return 'MyFloat.__rmul__'
print(2 * MyFloat(3.0), 2.5 * MyFloat(3.0), MyFloat(3.0) * 2)
print(True + 1.5, 1 + 2j, 2 ** 0.5 == 2 ** MyFloat(0.5))
class Str(str):
    def __radd__(self, o): return 'Str.__radd__'
print('a' + Str('b'), Str('b') + 'a')
class L(list):
    def __radd__(self, o): return 'L.__radd__'
print([1] + L([2]))
