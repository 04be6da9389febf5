# Generators, yield from, send/throw/close, coroutines, async generators.
def gen(n):
    for i in range(n):
        x = yield i
        if x:
            print("got", x)
    return "done"

g = gen(3)
print(next(g), g.send("hello"), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)
print(list(gen(4)))
print(g.gi_frame, g.gi_running, g.gi_suspended, g.gi_code.co_name, g.__name__, g.__qualname__)

def deleg():
    r = yield from gen(2)
    print("delegate returned", r)
    yield 99
print(list(deleg()))

def catcher():
    while True:
        try:
            yield
        except ValueError as e:
            print("caught", e)
c = catcher()
next(c)
c.throw(ValueError("boom"))
c.throw(ValueError("again"))
c.close()
print(c.gi_frame)

def ignore():
    try:
        yield 1
    except GeneratorExit:
        yield 2
i = ignore()
next(i)
try:
    i.close()
except RuntimeError as e:
    print(e)

def stopper():
    raise StopIteration
    yield
try:
    next(stopper())
except RuntimeError as e:
    print(e, type(e.__cause__).__name__)

g2 = gen(1)
try:
    g2.send(1)
except TypeError as e:
    print(e)

def running():
    yield g3.gi_running
g3 = running()
print(next(g3))

def inner_throw():
    try:
        yield 1
    except KeyError:
        yield "inner handled"
def outer_throw():
    yield from inner_throw()
o = outer_throw()
next(o)
print(o.throw(KeyError))
print(o.gi_yieldfrom.__name__)

async def coro(x):
    return x * 2

async def main():
    a = await coro(2)
    b = await coro(a)
    return a + b

c = main()
try:
    c.send(None)
except StopIteration as e:
    print("coro result", e.value)
print(type(c).__name__, c.cr_frame)

class Awaitable:
    def __await__(self):
        v = yield "suspend"
        return v

async def uses_awaitable():
    r = await Awaitable()
    return r
c = uses_awaitable()
print(c.send(None))
try:
    c.send("resumed")
except StopIteration as e:
    print("value", e.value)

async def agen():
    for i in range(3):
        yield i
        await Awaitable2()

class Awaitable2:
    def __await__(self):
        return iter([])

async def consume():
    out = []
    async for v in agen():
        out.append(v)
    return out
c = consume()
try:
    c.send(None)
except StopIteration as e:
    print("async for", e.value)

async def comp():
    return [x async for x in agen()]
c = comp()
try:
    c.send(None)
except StopIteration as e:
    print("async comp", e.value)

class ACM:
    async def __aenter__(self):
        print("aenter")
        return 1
    async def __aexit__(self, *a):
        print("aexit", a[0])
async def uses_acm():
    async with ACM() as v:
        print("inside", v)
c = uses_acm()
try:
    c.send(None)
except StopIteration:
    pass

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])
gexp = (x * x for x in range(4))
print(next(gexp), list(gexp))
c = coro(1)
c.close()
