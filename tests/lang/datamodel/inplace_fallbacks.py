# In-place operators: __iadd__ returning NotImplemented falls back to __add__ then __radd__; results rebind the name.
class A:
    def __init__(self, log): self.log = log
    def __iadd__(self, o):
        self.log.append('iadd')
        return NotImplemented
    def __add__(self, o):
        self.log.append('add')
        return NotImplemented
class B:
    def __radd__(self, o):
        o.log.append('radd')
        return 'radd result'
log = []
a = A(log)
a += B()
print(a, log)
class Mut:
    def __init__(self): self.v = []
    def __iadd__(self, o):
        self.v.append(o)
        return self
    def __isub__(self, o):
        return 'isub returns a different object'
m = Mut(); alias = m
m += 1; m += 2
print(m.v, m is alias)
m -= 1
print(m, alias.v)
ops = ['+=', '-=', '*=', '@=', '/=', '//=', '%=', '**=', '<<=', '>>=', '&=', '^=', '|=']
class Only:
    pass
for op in ops:
    try:
        x = Only()
        exec(f'x {op} 1')
    except TypeError as e:
        print(op, 'TypeError', e)
l = [1]; t = (l,)
try:
    t[0] += [2]
except TypeError as e:
    print('TypeError', e, t)
class D(dict):
    def __ior__(self, o):
        print('custom ior')
        return super().__ior__(o)
d = D(a=1); d |= {'b': 2}; print(d, type(d).__name__)
s = {1}; s2 = s; s |= {2}; print(s2)
fs = frozenset({1}); fs2 = fs; fs |= {2}; print(fs2, fs == {1, 2})
