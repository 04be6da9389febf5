# send(): priming, values, echo generator, errors.
def echo():
    received = None
    while True:
        received = yield f'got {received!r}'
        if received == 'stop':
            return 'stopped'
e = echo()
print(e.send(None))
print(e.send(1), e.send('two'), next(e))
try:
    e.send('stop')
except StopIteration as s:
    print('StopIteration', s.value)
f = echo()
try:
    f.send('early')
except TypeError as ex:
    print('TypeError', ex)
def accumulate():
    total = 0
    while True:
        v = yield total
        if v is None:
            break
        total += v
    return total
a = accumulate(); next(a)
for v in [5, 10, 20]:
    print(a.send(v))
try:
    a.send(None)
except StopIteration as s:
    print('final', s.value)
def two_way():
    x = yield 1
    y = yield x * 2
    yield x + y
t = two_way()
print(next(t), t.send(10), t.send(5))
try:
    t.send(1)
except StopIteration:
    print('exhausted')
def closed():
    yield 1
c = closed(); list(c)
try:
    c.send(5)
except StopIteration:
    print('send to finished -> StopIteration')
