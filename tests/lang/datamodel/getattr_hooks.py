# __getattr__, __getattribute__, __setattr__, __delattr__, __dir__.
class Lazy:
    def __init__(self):
        self.real = 'real'
    def __getattr__(self, name):
        if name.startswith('no'):
            raise AttributeError(f'{name} really missing')
        return f'computed {name}'
l = Lazy()
print(l.real, l.anything, getattr(l, 'x'), hasattr(l, 'nope'), getattr(l, 'nothing', 'dflt'))
try:
    l.nope
except AttributeError as e:
    print('AttributeError', e)
class Spy:
    def __getattribute__(self, name):
        print('getattribute', name)
        return object.__getattribute__(self, name)
    def method(self):
        return 'm'
s = Spy(); s.v = 1
print(s.v, s.method())
class Guard:
    def __setattr__(self, name, value):
        if name == 'locked':
            raise AttributeError('cannot set locked')
        print('setattr', name, value)
        super().__setattr__(name, value)
    def __delattr__(self, name):
        print('delattr', name)
        super().__delattr__(name)
g = Guard(); g.a = 1; del g.a
try:
    g.locked = 1
except AttributeError as e:
    print('AttributeError', e)
try:
    del g.missing
except AttributeError as e:
    print('AttributeError', e)
class Both:
    def __getattribute__(self, name):
        if name == 'special':
            raise AttributeError('special via getattribute')
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return 'fallback ' + name
print(Both().special, Both().other)
class D:
    def __dir__(self):
        return ['z', 'a', 'm']
print(dir(D()))
class BadDir:
    def __dir__(self):
        return 5
try:
    dir(BadDir())
except TypeError as e:
    print('TypeError', e)
print(getattr(5, 'real'), getattr([], 'append').__name__)
for args in [(1, 'nope'), (1, 5), (1,)]:
    try:
        getattr(*args)
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
class O: pass
o = O()
setattr(o, 'dyn', 3); print(o.dyn, hasattr(o, 'dyn')); delattr(o, 'dyn'); print(hasattr(o, 'dyn'))
try:
    setattr(o, 1, 2)
except TypeError as e:
    print('TypeError', e)
try:
    object().x = 1
except AttributeError as e:
    print('AttributeError', e)
class RaisesOther:
    def __getattr__(self, name):
        raise KeyError(name)
try:
    hasattr(RaisesOther(), 'q')
except KeyError as e:
    print('hasattr propagates KeyError', e)
