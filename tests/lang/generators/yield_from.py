# yield from: delegation of next/send/throw/close and return values.
def inner():
    x = yield 'i1'
    print('inner got', x)
    y = yield 'i2'
    print('inner got', y)
    return 'inner result'
def outer():
    r = yield from inner()
    print('outer got result', r)
    yield 'o1'
g = outer()
print(next(g), g.send('A'), g.send('B'))
try:
    next(g)
except StopIteration:
    print('done')
def chain(*its):
    for it in its:
        yield from it
print(list(chain('ab', [1, 2], range(2), (x for x in 'z'))))
def thrower():
    try:
        yield 1
    except ValueError:
        yield 'inner handled'
def delegator():
    yield from thrower()
    yield 'after'
d = delegator(); next(d)
print(d.throw(ValueError), next(d))
def closer():
    try:
        yield 1
    finally:
        print('inner finally')
def deleg2():
    try:
        yield from closer()
    finally:
        print('outer finally')
d2 = deleg2(); next(d2); d2.close()
def ret_stop():
    yield from ()
    return 5
def take():
    v = yield from ret_stop()
    yield v
print(list(take()))
def flatten(x):
    if isinstance(x, list):
        for y in x:
            yield from flatten(y)
    else:
        yield x
print(list(flatten([1, [2, [3, [4]], 5]])))
try:
    list((lambda: (yield from 5))())
except TypeError as e:
    print('TypeError', e)
class It:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration
        return self.n
def from_iter():
    r = yield from It()
    yield ('ret', r)
print(list(from_iter()))
def sendable():
    got = yield from It()
    yield got
s = sendable(); next(s)
try:
    s.send(5)
except AttributeError as e:
    print('AttributeError', e)
