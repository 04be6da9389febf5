# Generator basics: lazy evaluation, StopIteration, return values, states.
def count(n):
    print('start')
    for i in range(n):
        print('yield', i)
        yield i
    print('end')
    return 'done'
g = count(2)
print(type(g).__name__, g.__name__, g.__qualname__)
print(next(g)); print(next(g))
try:
    next(g)
except StopIteration as e:
    print('StopIteration', e.value, e.args)
try:
    next(g)
except StopIteration as e:
    print('again', e.value)
print(list(count(3)))
def empty():
    return
    yield
print(list(empty()), type(empty()).__name__)
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(15)])
g2 = count(1)
print(g2.gi_running, g2.gi_frame is not None, g2.gi_suspended if hasattr(g2, 'gi_suspended') else '')
next(g2)
print(g2.gi_frame.f_lineno > 0)
list(g2)
print(g2.gi_frame)
def reentrant():
    yield next(me)
me = reentrant()
try:
    next(me)
except ValueError as e:
    print('ValueError', e)
def gen_exc():
    yield 1
    raise KeyError('inside')
try:
    list(gen_exc())
except KeyError as e:
    print('KeyError', e)
def stop_inside():
    yield 1
    raise StopIteration('x')
try:
    list(stop_inside())
except RuntimeError as e:
    print('RuntimeError', e, type(e.__cause__).__name__)
print(sum(i * i for i in range(10)), iter(g) is g)
