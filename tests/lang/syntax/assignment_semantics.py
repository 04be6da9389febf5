# Assignment semantics: aliasing, copies by slicing, evaluation order of targets and values.
# Each snippet runs with exec() in a fresh namespace; its variable `out` or its exception is printed.
SNIPPETS = r'''
a = [1, 2]; b = a; b.append(3); out = (a, a is b)
---
a = [1, 2]; b = a[:]; b.append(3); out = (a, b)
---
a = [[0]] * 2; a[0].append(1); out = a
---
x = [0, 1, 2]; i = 0; i, x[i] = 1, 'set'; out = x
---
x = [0, 1, 2]; i = 0; x[i], i = 'set', 2; out = (x, i)
---
log = []
def k(n):
    log.append(n); return n
d = {}
d[k('key')] = k('value')
out = log
---
log = []
def k(n):
    log.append(n); return n
a = {}
a[k(1)], a[k(2)] = k(3), k(4)
out = log
---
a = b = []
a += [1]
out = (a, b)
---
a = b = ()
a += (1,)
out = (a, b)
---
s = 'x'; t = s; s += 'y'; out = (s, t)
---
x, y = y, x = 1, 2
out = (x, y)
---
out = [0] * 3
out[-1] = 'last'
---
(a, (b, c)), d = (1, (2, 3)), 4
out = a + b + c + d
---
out = {}
out['a'] = out
out = list(out)
---
i = 10
out = [i for i in range(3)]
out.append(i)
---
a, b, *c = 'xy'
out = (a, b, c)
---
class C: pass
c = C()
c.x = c.y = 0
c.x += 1
out = (c.x, c.y)
'''
for n, src in enumerate(SNIPPETS.strip().split('\n---\n')):
    ns = {}
    try:
        exec(src, ns)
        r = repr(ns.get('out'))
        print(n, r if ' at 0x' not in r else '<object with an address>')
    except Exception as e:
        print(n, type(e).__name__ + ':', e)
