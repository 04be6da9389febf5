# Control flow snippets: loops with else, nested breaks, early returns, exceptions breaking loops.
# Each snippet runs with exec() in a fresh namespace; its variable `out` or its exception is printed.
SNIPPETS = r'''
out = []
for i in range(5):
    if i == 3:
        break
    out.append(i)
else:
    out.append('else')
---
out = []
for i in range(3):
    out.append(i)
else:
    out.append('else')
---
out = []
i = 0
while True:
    i += 1
    if i > 3:
        break
    if i == 2:
        continue
    out.append(i)
---
def f():
    for i in range(10):
        for j in range(10):
            if i * j == 12:
                return (i, j)
out = f()
---
out = []
try:
    for i in range(5):
        if i == 2:
            raise StopIteration
        out.append(i)
except StopIteration:
    out.append('stopped')
---
out = [i for i in range(10) if i % 2 if i % 3]
---
def g(n):
    if n < 0:
        return 'neg'
    elif n == 0:
        return 'zero'
    return 'pos'
out = [g(-1), g(0), g(1)]
---
out = 0
for _ in range(3):
    for _ in range(3):
        out += 1
---
out = []
for x in 'abc':
    try:
        if x == 'b':
            continue
        out.append(x)
    finally:
        out.append('f')
---
n = 0
while n < 3:
    n += 1
else:
    out = ('while else', n)
---
out = []
it = iter(range(6))
for x in it:
    out.append((x, next(it, None)))
---
out = []
for i, x in enumerate('xyz'):
    if i == 1:
        continue
    out.append(x)
else:
    out.append('done')
---
def h():
    try:
        for i in range(3):
            if i == 1:
                return i
    finally:
        pass
out = h()
---
out = [x for x in (y * 2 for y in range(5)) if x > 4]
---
out = 'pass' if not [] else 'fail'
'''
for n, src in enumerate(SNIPPETS.strip().split('\n---\n')):
    ns = {}
    try:
        exec(src, ns)
        r = repr(ns.get('out'))
        print(n, r if ' at 0x' not in r else '<object with an address>')
    except Exception as e:
        print(n, type(e).__name__ + ':', e)
