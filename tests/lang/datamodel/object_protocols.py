# object's default protocol methods called explicitly: __eq__/__ne__ NotImplemented, __reduce_ex__ shape, __sizeof__, __init_subclass__, __subclasshook__.
class P:
    pass
p, q = P(), P()
print(object.__eq__(p, p), object.__eq__(p, q), object.__ne__(p, q), object.__ne__(p, p))
print(p.__lt__(q), p.__le__(q), p.__gt__(q), p.__ge__(q))
print(p.__sizeof__() > 0, P.__subclasshook__(P), object.__init_subclass__() is None)
print(type(p.__reduce_ex__(2)).__name__, p.__reduce_ex__(2)[0].__name__)
print(object.__format__(p, '') == str(p))
try:
    object.__format__(p, 'x')
except TypeError as e:
    print('TypeError', e)
print(object.__getattribute__(p, '__class__') is P, object.__repr__(p).startswith('<__main__.P object at'))
object.__setattr__(p, 'dyn', 1)
print(p.dyn)
object.__delattr__(p, 'dyn')
print(hasattr(p, 'dyn'))
try:
    object.__setattr__(1, 'x', 2)
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
try:
    object.__setattr__(int, 'x', 2)
except TypeError as e:
    print('TypeError', e)
print(sorted(object.__dir__(p))[:5])
print(P.__dict__['__dict__'].__name__ if '__dict__' in P.__dict__ else None, P.__dict__.get('__weakref__') is not None)
print(P.__flags__ & (1 << 9) != 0 if hasattr(P, '__flags__') else True)
print(object.__class__ is type, type.__class__ is type, P.__class__ is type)
print(int.__dict__['real'].__class__.__name__, str.__dict__['upper'].__class__.__name__, int.__dict__['__add__'].__class__.__name__)
print(type.__dict__['__name__'].__class__.__name__, P.__dict__['__weakref__'].__class__.__name__)
