# Every binary operator dunder, its reflected form and in-place form, with NotImplemented fallbacks.
import operator
OPS = [('add', '+'), ('sub', '-'), ('mul', '*'), ('matmul', '@'), ('truediv', '/'), ('floordiv', '//'),
       ('mod', '%'), ('pow', '**'), ('lshift', '<<'), ('rshift', '>>'), ('and', '&'), ('xor', '^'), ('or', '|')]
class Rec:
    def __init__(self, tag):
        self.tag = tag
    def __repr__(self):
        return self.tag
def make_methods():
    ns = {}
    for name, sym in OPS:
        def fwd(self, other, name=name): return f'{self.tag}.__{name}__({other!r})'
        def ref(self, other, name=name): return f'{self.tag}.__r{name}__({other!r})'
        def inp(self, other, name=name): return f'{self.tag}.__i{name}__({other!r})'
        ns[f'__{name}__'] = fwd; ns[f'__r{name}__'] = ref; ns[f'__i{name}__'] = inp
    return ns
Full = type('Full', (Rec,), make_methods())
a, b = Full('a'), Full('b')
for name, sym in OPS:
    print(sym, eval(f'a {sym} b'), eval(f'1 {sym} a'))
    x = Full('x')
    exec(f'x {sym}= 5')
    print(sym + '=', x)
class OnlyForward(Rec):
    def __add__(self, other):
        return NotImplemented
    def __radd__(self, other):
        return 'radd of ' + self.tag
try:
    OnlyForward('p') + OnlyForward('q')
except TypeError as e:
    print('same type: no reflected call:', e)
print(1 + OnlyForward('q'))
class NoInplace(Rec):
    def __add__(self, other):
        return NoInplace(self.tag + '+' + repr(other))
n = NoInplace('n'); n += 1; print(n)
class Sub(Full):
    def __radd__(self, other):
        return 'subclass radd wins'
print(Full('f') + Sub('s'), Sub('s') + Full('f'))
for sym in ['+', '-', '*', '@', '/', '//', '%', '**', '<<', '>>', '&', '^', '|']:
    try:
        eval(f'Rec("r") {sym} 1')
    except TypeError as e:
        print('TypeError', e)
try:
    r = Rec('r'); r += 1
except TypeError as e:
    print('TypeError', e)
print(operator.add(a, 1), operator.iadd(Full('i'), 2), pow(a, 2), pow(2, a))
try:
    pow(a, 2, 3)
except TypeError as e:
    print('TypeError', e)
class Ternary(Rec):
    def __pow__(self, other, mod=None):
        return f'pow({other}, {mod})'
print(pow(Ternary('t'), 2, 5), Ternary('t') ** 3)
