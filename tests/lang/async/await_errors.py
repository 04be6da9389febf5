# await on non-awaitables, __await__ returning bad things, awaiting twice.
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
async def aw(x):
    return await x
class BadAwait:
    def __await__(self):
        return 42
class GoodAwait:
    def __await__(self):
        yield from ()
        return 'good'
class GenAwait:
    def __await__(self):
        return iter([None, None])
for obj in [5, 'str', BadAwait(), GoodAwait(), GenAwait(), None]:
    try:
        print(type(obj).__name__, run(aw(obj)))
    except TypeError as e:
        print(type(obj).__name__, 'TypeError', e)
async def simple():
    return 1
co = simple()
async def twice():
    a = await co
    b = await co
    return a, b
try:
    run(twice())
except RuntimeError as e:
    print('RuntimeError', e)
import gc
co2 = simple(); co2.close(); print('closed unawaited')
async def raises():
    raise KeyError('in coro')
try:
    run(raises())
except KeyError as e:
    print('KeyError', e)
def gen():
    yield
try:
    run(aw(gen()))
except TypeError as e:
    print('TypeError', e)
unawaited = simple()
try:
    iter(unawaited)
except TypeError as e:
    print('TypeError', e)
unawaited.close()
