# Deep await chains, exceptions propagating through awaits, and try/finally around await.
def run(coro):
    steps = 0
    try:
        while True:
            coro.send(None)
            steps += 1
    except StopIteration as e:
        return e.value, steps
class Tick:
    def __await__(self):
        yield 'tick'
async def level(n):
    if n == 0:
        await Tick()
        return 0
    return 1 + await level(n - 1)
print(run(level(50)))
async def fails(n):
    await Tick()
    if n == 0:
        raise LookupError('bottom')
    try:
        return await fails(n - 1)
    finally:
        print('unwind', n)
try:
    run(fails(3))
except LookupError as e:
    print('LookupError', e)
async def catcher():
    try:
        await fails(1)
    except LookupError as e:
        return 'caught ' + str(e)
print(run(catcher()))
async def gather(*coros):
    results = []
    for c in coros:
        results.append(await c)
    return results
print(run(gather(level(1), level(2), level(3))))
