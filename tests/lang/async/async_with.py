# async with: __aenter__/__aexit__, exception suppression, errors for missing methods.
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
class Tick:
    def __await__(self):
        yield
class ACM:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    async def __aenter__(self):
        await Tick()
        print('enter', self.name)
        return self.name.upper()
    async def __aexit__(self, et, ev, tb):
        await Tick()
        print('exit', self.name, et.__name__ if et else None, ev)
        return self.suppress
async def main():
    async with ACM('a') as v:
        print('body', v)
    async with ACM('b', suppress=True) as v, ACM('c') as w:
        print('body', v, w)
        raise KeyError('suppressed?')
    try:
        async with ACM('d'):
            1 / 0
    except ZeroDivisionError as e:
        print('escaped', e)
    return 'done'
print(run(main()))
class NoAexit:
    async def __aenter__(self):
        return 1
async def bad():
    async with NoAexit():
        pass
try:
    run(bad())
except TypeError as e:
    print('TypeError', e)
async def sync_cm_in_async():
    async with open.__class__:
        pass
try:
    run(sync_cm_in_async())
except TypeError as e:
    print('TypeError', e)
class SyncOnly:
    def __enter__(self): return self
    def __exit__(self, *a): return False
async def wrong_kind():
    async with SyncOnly():
        pass
try:
    run(wrong_kind())
except TypeError as e:
    print('TypeError', e)
