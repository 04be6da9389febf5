# Async iteration protocol details: __aiter__ must return an async iterator; anext with default; aiter builtin.
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
async def agen():
    yield 1
    yield 2
async def main():
    it = aiter(agen())
    a = await anext(it)
    b = await anext(it)
    c = await anext(it, 'default')
    try:
        await anext(it)
    except StopAsyncIteration:
        d = 'StopAsyncIteration'
    return a, b, c, d
print(run(main()))
class AIterReturnsSync:
    def __aiter__(self):
        return iter([1])
async def bad():
    async for x in AIterReturnsSync():
        pass
try:
    run(bad())
except TypeError as e:
    print('TypeError', e)
try:
    aiter([1])
except TypeError as e:
    print('TypeError', e)
try:
    anext(iter([]))
except TypeError as e:
    print('TypeError', e)
class Counter:
    def __init__(self): self.n = 0
    def __aiter__(self): return self
    async def __anext__(self):
        self.n += 1
        if self.n > 3:
            raise StopAsyncIteration
        return self.n
async def collect():
    return [x async for x in Counter()], [x * x async for x in Counter() if x != 2]
print(run(collect()))
