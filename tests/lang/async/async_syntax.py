# Syntax rules of async: await outside async, async comprehensions, flags.
for src in ["await x", "def f():\n    await x", "def f():\n    async for x in y: pass", "def f():\n    async with x: pass",
            "async def f():\n    yield from x", "async def f():\n    [x async for x in y]", "def f():\n    return [x async for x in y]",
            "async def f():\n    await x\n    return 1", "lambda: await x"]:
    try:
        compile(src, 's', 'exec')
        print('ok:', src.replace('\n', ' | '))
    except SyntaxError as e:
        print('SyntaxError:', e.msg, '|', src.replace('\n', ' | '))
async def co(): pass
async def ag(): yield
print(co.__code__.co_flags & 0x80 != 0, ag.__code__.co_flags & 0x200 != 0)
c = co()
print(type(c).__name__, type(ag()).__name__)
c.close()
import sys
print('inspect' not in sys.modules)
