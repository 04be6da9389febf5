# gc: collect counts of unreachable cycles, enable/disable, isenabled, get_referents/referrers shape, callbacks, freeze.
import gc
gc.collect()
print(gc.isenabled())
gc.disable(); print(gc.isenabled())
gc.enable(); print(gc.isenabled())
class Node:
    def __init__(self): self.ref = None
def make_cycles(n):
    for _ in range(n):
        a, b = Node(), Node()
        a.ref, b.ref = b, a
gc.collect()
make_cycles(10)
found = gc.collect()
print(found >= 20)
print(gc.collect())
print(type(gc.get_count()).__name__, len(gc.get_count()), len(gc.get_threshold()))
l = [1, 'a']
print(sorted(map(repr, gc.get_referents(l))))
print(gc.is_tracked([]), gc.is_tracked(1), gc.is_tracked('s'), gc.is_tracked({}), gc.is_tracked(Node()))
print(type(gc.garbage).__name__, gc.garbage)
events = []
def cb(phase, info):
    events.append(phase)
gc.callbacks.append(cb)
gc.collect()
gc.callbacks.remove(cb)
print(events)
holder = [object()]
print(any(r is holder for r in gc.get_referrers(holder[0])))
print(gc.collect(0) >= 0, gc.collect(2) >= 0)
try:
    gc.collect(5)
except ValueError as e:
    print('ValueError', e)
print(type(gc.get_stats()).__name__, gc.is_finalized(Node()))
print(gc.get_freeze_count() >= 0)
