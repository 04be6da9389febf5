# Coroutines driven by hand: send(None) until StopIteration; await on custom awaitables.
class Yield:
    """An awaitable that suspends once, handing `value` to the driver."""
    def __init__(self, value):
        self.value = value
    def __await__(self):
        got = yield self.value
        return got
def run(coro, replies=()):
    replies = list(replies)
    value = None
    while True:
        try:
            step = coro.send(value)
        except StopIteration as e:
            return e.value
        print('driver saw', step)
        value = replies.pop(0) if replies else None
async def add(a, b):
    return a + b
async def main():
    x = await add(1, 2)
    y = await Yield('first')
    z = await Yield('second')
    return x, y, z
print(run(main(), ['r1', 'r2']))
c = add(1, 1)
print(type(c).__name__, c.__name__, c.__qualname__, c.cr_running, c.cr_await)
print(run(c))
try:
    c.send(None)
except RuntimeError as e:
    print('RuntimeError', e)
async def thrower():
    try:
        await Yield('waiting')
    except ValueError as e:
        return 'handled ' + str(e)
t = thrower(); print(t.send(None)); 
try:
    t.throw(ValueError('x'))
except StopIteration as e:
    print(e.value)
u = thrower(); u.send(None); u.close(); print('closed', u.cr_frame)
async def nested():
    return await main()
print(run(nested()))


