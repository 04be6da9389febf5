# property: getter/setter/deleter, decorators chain, docs, errors for read-only and missing pieces.
class Temp:
    def __init__(self):
        self._c = 0
    @property
    def celsius(self):
        """Temperature in C."""
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError('below absolute zero')
        self._c = v
    @celsius.deleter
    def celsius(self):
        print('deleting')
        self._c = None
    fahrenheit = property(lambda self: self._c * 9 / 5 + 32)
t = Temp()
t.celsius = 100
print(t.celsius, t.fahrenheit, Temp.celsius.__doc__, type(Temp.celsius).__name__)
try:
    t.celsius = -500
except ValueError as e:
    print('ValueError', e)
try:
    t.fahrenheit = 1
except AttributeError as e:
    print('AttributeError', e)
del t.celsius; print(t.celsius)
try:
    del t.fahrenheit
except AttributeError as e:
    print('AttributeError', e)
p = property()
class Empty:
    x = p
try:
    Empty().x
except AttributeError as e:
    print('AttributeError', e)
print(Temp.celsius.fget.__name__, Temp.celsius.fset.__name__, Temp.fahrenheit.fset)
class Sub(Temp):
    @Temp.celsius.getter
    def celsius(self):
        return 'sub:' + str(self._c)
s = Sub(); s.celsius = 5; print(s.celsius)
class Err:
    @property
    def bad(self):
        raise AttributeError('inner missing')
    def __getattr__(self, name):
        return 'getattr fallback for ' + name
print(Err().bad)
class Named:
    @property
    def thing(self):
        return 1
print(Named.thing.__name__ if hasattr(Named.thing, '__name__') else 'no name')
pr = property(doc='explicit doc'); print(pr.__doc__)
print(property.__isabstractmethod__.__class__.__name__)
