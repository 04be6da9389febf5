# Async generators: asend/athrow/aclose, return-less, finally on aclose.
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
async def ag():
    try:
        x = yield 1
        print('got', x)
        y = yield 2
        print('got', y)
    except ValueError as e:
        print('handled', e)
        yield 'after throw'
    finally:
        print('ag finally')
async def main():
    g = ag()
    print(await g.asend(None))
    print(await g.asend('hello'))
    print(await g.athrow(ValueError('v')))
    try:
        await g.asend(None)
    except StopAsyncIteration:
        print('StopAsyncIteration')
    g2 = ag()
    print(await g2.__anext__())
    await g2.aclose()
    print('closed')
    g3 = ag()
    await g3.aclose()
    print('closed unstarted')
    return 'ok'
print(run(main()))
async def ignores_exit():
    try:
        yield 1
    except GeneratorExit:
        yield 2
async def main2():
    g = ignores_exit()
    await g.__anext__()
    try:
        await g.aclose()
    except RuntimeError as e:
        print('RuntimeError', e)
run(main2())
async def empty():
    return
    yield
async def main3():
    return [x async for x in empty()]
print(run(main3()))
src = "async def f():\n    yield 1\n    return 2"
try:
    compile(src, 's', 'exec')
except SyntaxError as e:
    print('SyntaxError', e.msg)
