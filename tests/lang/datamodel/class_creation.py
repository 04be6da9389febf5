# Class creation details: __prepare__ namespace kinds, __qualname__/__module__ in body, __classcell__, bases resolution (__mro_entries__).
class Recorder(dict):
    def __setitem__(self, k, v):
        if not k.startswith('__'):
            print('define', k)
        super().__setitem__(k, v)
class Meta(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        return Recorder()
class C(metaclass=Meta):
    x = 1
    def m(self): pass
    y = x + 1
print(C.y, type(C.__dict__).__name__)
class Body:
    seen_qualname = __qualname__
    seen_module = __module__
print(Body.seen_qualname, Body.seen_module)
class Entry:
    def __mro_entries__(self, bases):
        return (dict,)
class FromEntry(Entry()):
    pass
print(FromEntry.__bases__, FromEntry.__orig_bases__[0].__class__.__name__)
class BadEntry:
    def __mro_entries__(self, bases):
        return 5
try:
    class X(BadEntry()): pass
except TypeError as e:
    print('TypeError', e)
try:
    class Y(5): pass
except TypeError as e:
    print('TypeError', e)
class WithSuper:
    def m(self):
        return __class__.__name__
print(WithSuper().m())
class BadMeta(type):
    def __new__(mcs, name, bases, ns):
        return type.__new__(mcs, name, bases, {})
try:
    class Lost(metaclass=BadMeta):
        def m(self):
            return super().m()
except (RuntimeError, TypeError) as e:
    print(type(e).__name__, e)
def body_returns():
    class Z:
        return_value = [i for i in range(2)]
    return Z.return_value
print(body_returns())
print(type('T', (), {'__qualname__': 'Custom.Q'}).__qualname__)
try:
    type('T', (), {'__qualname__': 5})
except TypeError as e:
    print('TypeError', e)
