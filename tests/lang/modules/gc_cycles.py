# gc with cycles through different container kinds: lists, dicts, instances, closures, generators, frames from tracebacks.
import gc
gc.collect()
class Node:
    pass
def make_cycles():
    a = []; a.append(a)
    d = {}; d['self'] = d
    n = Node(); n.me = n
    def f(): return f
    t = [None]; t[0] = (t,)
    try:
        raise ValueError
    except ValueError as e:
        e.saved = e
    def g():
        yield g_obj
    g_obj = g()
    return 7
make_cycles()
print(gc.collect() > 0, gc.collect())
import _weakref
class Tracked:
    pass
x = Tracked(); x.cycle = x
r = _weakref.ref(x)
del x
print(r() is not None)
gc.collect()
print(r() is None)
print(gc.get_referents(5) == [], len(gc.get_referents([1, [2]], {'k': 'v'})) >= 3)
before = len(gc.get_objects()) if hasattr(gc, 'get_objects') else 0
junk = [[i] for i in range(1000)]
after = len(gc.get_objects()) if hasattr(gc, 'get_objects') else 1000
print(after - before >= 1000)
