# Weak references via _weakref: ref, callbacks, proxies, counts, dead refs.
import _weakref, gc
class Obj:
    def __init__(self, n): self.n = n
o = Obj(1)
r = _weakref.ref(o)
print(r() is o, r().n, _weakref.getweakrefcount(o), type(r).__name__)
events = []
r2 = _weakref.ref(o, lambda ref: events.append(('callback', ref is r2)))
print(_weakref.getweakrefcount(o), r == _weakref.ref(o))
del o; gc.collect()
print(r(), r2(), events)
for bad in [1, 'str', [], (), {}, None]:
    try:
        _weakref.ref(bad)
    except TypeError as e:
        print('TypeError', e)
p_target = Obj(7)
p = _weakref.proxy(p_target)
print(p.n, type(p).__name__)
del p_target; gc.collect()
try:
    p.n
except ReferenceError as e:
    print('ReferenceError', e)
def f(): pass
fr = _weakref.ref(f); print(fr() is f)
class Cls: pass
cr = _weakref.ref(Cls); print(cr() is Cls)
x = Obj(2)
refs = [_weakref.ref(x) for _ in range(3)]
print(len(set(map(id, refs))) == 1, _weakref.getweakrefs(x) == [refs[0]])
h = Obj(3); hr = _weakref.ref(h)
try:
    hash(hr) == hash(h)
    print('hash ok')
except TypeError as e:
    print('TypeError', e)
del h; gc.collect()
print(hr())
