# Generator-based awaitables: objects whose __await__ is a generator function, and awaiting the same awaitable object twice.
def run(coro):
    values = []
    try:
        while True:
            values.append(coro.send(None))
    except StopIteration as e:
        return e.value, values
class Future:
    def __init__(self): self.result = None
    def __await__(self):
        while self.result is None:
            yield self
        return self.result
async def waiter(f):
    return await f
f = Future()
c = waiter(f)
print(c.send(None) is f)
f.result = 'resolved'
try:
    c.send(None)
except StopIteration as e:
    print('result', e.value)
class Reusable:
    def __await__(self):
        yield 'tick'
        return 'again'
r = Reusable()
async def twice():
    return [await r, await r]
print(run(twice()))
async def chain():
    async def leaf():
        return 'leaf'
    async def mid():
        return await leaf() + '+mid'
    return await mid() + '+top'
print(run(chain()))
