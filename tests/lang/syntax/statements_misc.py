# Assorted statements: pass/if/while/for forms, nested functions, semicolons, line continuations.
# Each snippet runs with exec() in a fresh namespace; its variable `out` or its exception is printed.
SNIPPETS = r'''
x = 1; y = 2; out = x + y
---
out = 1 + \
      2 + \
      3
---
out = (1 +
       2)
---
if 0: out = 'a'
elif 0: out = 'b'
else: out = 'c'
---
out = []
for i in range(3): out.append(i)
---
out = 0
while out < 5: out += 2
---
def f(): return 'nested def'
out = f()
---
class C: x = 'one-line class'
out = C.x
---
out = [i for i in range(3)]; out.reverse()
---
out = 'a' if True else 'b'
---
out = [(yield_ := 1)]
---
def g():
    def h():
        def i():
            return 'three levels'
        return i()
    return h()
out = g()
---
out = 1
if out:
    pass
else:
    out = 2
---
for i in range(3):
    pass
out = i
---
out = []
for i, c in enumerate('ab'):
    for j in range(i + 1):
        out.append((c, j))
---
out = ()
for out in [(1, 2)]:
    pass
---
out = 5
out = out if out else 0
---
out = [1, 2, 3]
out[1:2] = []
---
del undefined_thing
---
out = {}
out.setdefault('k', []).append(1)
---
import sys; out = sys.__name__
---
from math import sqrt as s; out = s(4)
---
out = (lambda *a: a)(*range(3))
---
out = not not []
---
out = 1 < 2 < 3 < 2
---
out = [].__class__.__name__
---
out = 10
while out:
    out -= 3
    if out < 0:
        break
else:
    out = 'else'
---
out = 0
for i in range(10):
    if i % 2:
        continue
    out += i
---
x = [1]
x[0] += 1
out = x
---
out = 'x'
out *= 3
---
global gv
gv = 'module global'
out = gv
---
out = type('X', (), {'__slots__': ()})().__class__.__name__
---
out = 1_000 + 0x10 + 0o10 + 0b10
---
out = 1e3 + 1E-3 + 1.5j.imag
---
out = ...
---
out = __name__
---
out = __builtins__ is not None
'''
for n, src in enumerate(SNIPPETS.strip().split('\n---\n')):
    ns = {}
    try:
        exec(src, ns)
        r = repr(ns.get('out'))
        print(n, r if ' at 0x' not in r else '<object with an address>')
    except Exception as e:
        print(n, type(e).__name__ + ':', e)
