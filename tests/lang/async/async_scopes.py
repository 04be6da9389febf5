# async functions as methods, closures, lambdas returning coroutines, async comprehensions in nested scopes.
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
class Tick:
    def __await__(self):
        yield
class Service:
    def __init__(self, base): self.base = base
    async def compute(self, x):
        await Tick()
        return self.base + x
    @classmethod
    async def make(cls):
        await Tick()
        return cls(100)
    @staticmethod
    async def static():
        return 'static coroutine'
s = run(Service.make())
print(run(s.compute(5)), run(Service.static()))
def factory(k):
    async def mul(x):
        await Tick()
        return k * x
    return mul
print(run(factory(3)(7)))
lam = lambda: factory(2)(21)
print(run(lam()))
async def agen(n):
    for i in range(n):
        yield i
async def nested():
    outer = 10
    return [[outer + j async for j in agen(i)] for i in range(3)]
print(run(nested()))
async def comp_with_await():
    return [await factory(i)(2) for i in range(4)]
print(run(comp_with_await()))
async def genexp():
    g = (x * 2 async for x in agen(3))
    return [v async for v in g]
print(run(genexp()))
