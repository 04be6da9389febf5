# async for: __aiter__/__anext__, StopAsyncIteration, async generators, errors.
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
class Tick:
    def __await__(self):
        yield
class ACounter:
    def __init__(self, n):
        self.i, self.n = 0, n
    def __aiter__(self):
        return self
    async def __anext__(self):
        await Tick()
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i
async def agen(n):
    for i in range(n):
        await Tick()
        yield i * 10
async def main():
    out = []
    async for v in ACounter(3):
        out.append(v)
    async for v in agen(3):
        out.append(v)
    else:
        out.append('else')
    out.append([v async for v in agen(4) if v])
    out.append({v: 1 async for v in ACounter(2)})
    async for v in agen(10):
        if v == 20:
            break
    out.append(v)
    return out
print(run(main()))
async def bad():
    async for x in [1, 2]:
        pass
try:
    run(bad())
except TypeError as e:
    print('TypeError', e)
class BadNext:
    def __aiter__(self):
        return self
    def __anext__(self):
        return 5
async def bad2():
    async for x in BadNext():
        pass
try:
    run(bad2())
except TypeError as e:
    print('TypeError', e)
g = agen(2)
print(type(g).__name__, g.__name__, g.ag_running)
