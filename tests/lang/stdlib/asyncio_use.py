# needs: asyncio
# The same coroutines as tests/lang/async, run by asyncio's event loop.
import asyncio
async def worker(name, delay, log):
    await asyncio.sleep(delay)
    log.append(name)
    return name.upper()
async def main():
    log = []
    results = await asyncio.gather(worker('b', 0.02, log), worker('a', 0.01, log))
    print(results, log)
    try:
        await asyncio.wait_for(asyncio.sleep(1), 0.01)
    except TimeoutError:
        print('timed out')
    async with asyncio.timeout(1):
        print('inside timeout block')
asyncio.run(main())
