# locals(), globals(), vars() snapshots and their mutation semantics.
def f(a, b=2):
    c = 3
    loc = locals()
    return sorted(loc)
print(f(1))
def g():
    x = 1
    l = locals()
    l['x'] = 99
    return x, l['x']
print(g())
def h():
    x = 1
    snap = locals()
    x = 2
    return snap['x'], locals()['x']
print(h())
globals()['dyn'] = 'dynamic'
print(dyn)
print('f' in globals(), globals() is vars(), '__name__' in globals(), __name__)
class C:
    a = 1
    inside = sorted(k for k in locals() if not k.startswith('__'))
print(C.inside)
def closure_locals():
    free = 'f'
    def inner():
        free
        return sorted(locals())
    return inner()
print(closure_locals())
print(type(globals()).__name__, type(locals()).__name__)
def comp_locals():
    y = 1
    return [sorted(locals()) for _ in range(1)]
print(comp_locals())
