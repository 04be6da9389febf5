# exec/eval scoping: separate globals/locals, class-like behaviour when locals differ, closures inside exec, return of locals.
g = {'base': 10}
l = {}
exec('x = base + 1\ndef f():\n    return x', g, l)
print(sorted(l), 'x' in g)
try:
    l['f']()
except NameError as e:
    print('NameError', e)
g2 = {}
exec('y = 2\ndef h():\n    return y\nr = h()', g2)
print(g2['r'])
print(eval('[a * 2 for a in range(3)]', {}, {'unused': 1}))
try:
    eval('[b for _ in range(1)]', {}, {'b': 1})
except NameError as e:
    print('NameError', e)
def in_function():
    loc = 'function local'
    return eval('loc')
print(in_function())
def exec_cant_rebind():
    v = 1
    exec('v = 2')
    return v
print(exec_cant_rebind())
def exec_sees_locals():
    w = 'visible'
    ns = {}
    exec('seen = w', globals(), {**locals(), **ns})
    return 'ok'
print(exec_sees_locals())
code = compile('z = 1\nz += 1', 'c', 'exec')
ns = {}
exec(code, ns); exec(code, ns)
print(ns['z'])
print(eval('__builtins__', {'__builtins__': {'marker': 1}}))
exec('import math as m', ns); print(ns['m'].__name__)
exec('class C:\n    attr = 5', ns); print(ns['C'].attr, ns['C'].__module__)
