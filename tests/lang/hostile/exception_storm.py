# Many exceptions, deep exception chains, long tracebacks: all handled without crashing.
count = 0
for i in range(100000):
    try:
        raise ValueError(i)
    except ValueError:
        count += 1
print(count)
e = None
for i in range(10000):
    try:
        raise KeyError(i) from e
    except KeyError as k:
        e = k
depth = 0
cur = e
while cur is not None:
    depth += 1
    cur = cur.__cause__
print(depth)
def chain(n):
    try:
        if n == 0:
            raise IndexError('bottom')
        chain(n - 1)
    except IndexError:
        raise
try:
    chain(500)
except IndexError as ex:
    tb, n = ex.__traceback__, 0
    while tb:
        n += 1
        tb = tb.tb_next
    print('traceback entries', n)
eg = ExceptionGroup('big', [ValueError(i) for i in range(10000)])
m, r = eg.split(lambda x: isinstance(x, ValueError) and x.args[0] % 2 == 0)
print(len(m.exceptions), len(r.exceptions))
nested = ValueError('leaf')
for i in range(500):
    nested = ExceptionGroup(f'level {i}', [nested])
try:
    raise nested
except* ValueError as caught:
    print('except* through 500 levels', type(caught).__name__)
