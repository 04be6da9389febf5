# Generator objects: names/qualnames, repr shape, iteration via for, send after exhaustion, gi_frame cleared.
def outer():
    def inner_gen():
        yield 1
    return inner_gen()
g = outer()
print(g.__name__, g.__qualname__, repr(g).startswith('<generator object outer.<locals>.inner_gen at'))
g.__name__ = 'renamed'; print(g.__name__)
try:
    g.__name__ = 5
except TypeError as e:
    print('TypeError', e)
for v in g:
    print('for got', v)
print(g.gi_frame, g.gi_running, g.gi_suspended)
def counter():
    i = 0
    while True:
        cmd = yield i
        if cmd == 'reset':
            i = 0
        else:
            i += 1
c = counter()
print(next(c), next(c), next(c), c.send('reset'), next(c))
c.close(); print(c.gi_frame)
try:
    next(c)
except StopIteration:
    print('closed generator raises StopIteration')
def with_return_value():
    yield 1
    return [1, 2]
w = with_return_value(); next(w)
try:
    next(w)
except StopIteration as e:
    print(e.value, e.args)
def no_yield_executed():
    if False:
        yield
    return 'plain'
try:
    next(no_yield_executed())
except StopIteration as e:
    print('value', e.value)
def gen_args(*a, **k):
    yield a
    yield sorted(k.items())
print(list(gen_args(1, 2, x=3)))
print(type(gen_args).__name__, gen_args.__code__.co_flags & 0x20 == 0x20)
