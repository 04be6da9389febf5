# Instance __dict__ behaviour: key order, non-string keys, vars() writes, setattr with odd names, getattr of dunder names.
class O: pass
o = O()
o.b = 1; o.a = 2; o.c = 3
print(list(vars(o)), list(o.__dict__.items()))
del o.a; o.a = 4
print(list(vars(o)))
vars(o)['d'] = 'via vars'
print(o.d)
setattr(o, 'with space', 1); setattr(o, '123', 2); setattr(o, '', 3)
print(getattr(o, 'with space'), getattr(o, '123'), getattr(o, ''), sorted(vars(o))[:3])
o.__dict__[1] = 'int key'
print(sorted(map(str, vars(o))))
try:
    dir(o)
except TypeError as e:
    print('TypeError', e)
class WithInit:
    def __init__(self):
        self.__dict__.update(x=1, y=2)
print(WithInit().x, WithInit().y)
o2 = O()
o2.__dict__ = {'replaced': 1}
print(o2.replaced)
try:
    o2.__dict__ = []
except TypeError as e:
    print('TypeError', e)
try:
    del o2.__dict__
    print('deleted __dict__', vars(o2))
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
print(hasattr(O(), '__dict__'), hasattr(object(), '__dict__'), hasattr(O, '__dict__'))
