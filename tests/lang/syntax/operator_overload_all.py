# One class overriding every operator syntax form; each expression form prints which dunder ran.
class T:
    def __init__(self, n='t'): self.n = n
    def __repr__(self): return self.n
names = ['add', 'sub', 'mul', 'matmul', 'truediv', 'floordiv', 'mod', 'pow', 'lshift', 'rshift', 'and', 'xor', 'or',
         'lt', 'le', 'eq', 'ne', 'gt', 'ge', 'neg', 'pos', 'invert', 'abs', 'getitem', 'contains', 'len', 'bool', 'call', 'iter']
for nm in names:
    setattr(T, f'__{nm}__', (lambda nm: lambda self, *a: f'__{nm}__{a}')(nm))
for nm in names[:13]:
    setattr(T, f'__r{nm}__', (lambda nm: lambda self, o: f'__r{nm}__({o!r})')(nm))
T.__len__ = lambda self: 5
T.__bool__ = lambda self: False
T.__iter__ = lambda self: iter('it')
T.__contains__ = lambda self, x: x == 'yes'
t = T()
exprs = ['t + 1', 't - 1', 't * 1', 't @ 1', 't / 1', 't // 1', 't % 1', 't ** 1', 't << 1', 't >> 1', 't & 1', 't ^ 1', 't | 1',
         '1 + t', '1 - t', '1 * t', '1 @ t', '1 / t', '1 // t', '1 % t', '1 ** t', '1 << t', '1 >> t', '1 & t', '1 ^ t', '1 | t',
         't < 1', 't <= 1', 't == 1', 't != 1', 't > 1', 't >= 1', '1 < t', '1 == t', '-t', '+t', '~t', 'abs(t)', 't[1]', 't[1:2]',
         't[1, 2]', "'yes' in t", "'no' in t", "'no' not in t", 'len(t)', 'bool(t)', 'not t', 't(1, 2)', 'list(t)', 'pow(t, 2)', 'divmod(1, 2)']
for e in exprs:
    print(e, '->', eval(e))
