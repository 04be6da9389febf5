# Exceptions through coroutines: try/except around await, finally in coroutines, StopIteration inside coroutine.
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
class Tick:
    def __await__(self):
        yield
async def fails():
    await Tick()
    raise ValueError('async failure')
async def handles():
    try:
        await fails()
    except ValueError as e:
        return 'handled: ' + str(e)
    finally:
        print('finally in coroutine')
print(run(handles()))
async def stop_inside():
    raise StopIteration('bad')
try:
    run(stop_inside())
except RuntimeError as e:
    print('RuntimeError', e)
async def group():
    try:
        raise ExceptionGroup('g', [ValueError(1), KeyError(2)])
    except* ValueError:
        print('except* in coroutine')
    except* KeyError:
        print('second handler')
    return 'group done'
print(run(group()))
async def context():
    try:
        await fails()
    except ValueError:
        raise TypeError('replacement')
try:
    run(context())
except TypeError as e:
    print('TypeError', e, '| context:', e.__context__)
async def agen_raise():
    yield 1
    raise LookupError('from async gen')
async def consume():
    out = []
    try:
        async for v in agen_raise():
            out.append(v)
    except LookupError as e:
        out.append(str(e))
    return out
print(run(consume()))
