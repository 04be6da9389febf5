# Deeply nested data: repr/eq/str of nested lists and dicts raise RecursionError, never crash.
# Only the exception type is printed: the message may name the stack space used.
deep = []
cur = deep
for _ in range(100000):
    nxt = []
    cur.append(nxt)
    cur = nxt
for name, f in [('repr', repr), ('str', str), ('eq', lambda d: d == d[:]), ('len-walk', lambda d: len(d))]:
    try:
        r = f(deep)
        print(name, 'ok', type(r).__name__)
    except RecursionError as e:
        print(name, 'RecursionError')
d = {}
cur = d
for _ in range(100000):
    cur['k'] = {}
    cur = cur['k']
try:
    repr(d)
except RecursionError as e:
    print('dict repr RecursionError')
t = ()
for _ in range(100000):
    t = (t,)
try:
    hash(t)
    print('hash ok')
except RecursionError as e:
    print('tuple hash RecursionError')
try:
    t == t[0]
    print('compare ok')
except RecursionError as e:
    print('tuple eq RecursionError')
del deep, d, t
print('freed')
