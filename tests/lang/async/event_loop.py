# A tiny cooperative scheduler: tasks interleave at `await sleep()` points.
class Sleep:
    def __init__(self, ticks):
        self.ticks = ticks
    def __await__(self):
        yield self.ticks
class Loop:
    def __init__(self):
        self.now = 0
        self.ready = []
        self.results = {}
    def spawn(self, name, coro):
        self.ready.append((0, len(self.ready), name, coro))
    def run(self):
        seq = 100
        while self.ready:
            self.ready.sort()
            when, _, name, coro = self.ready.pop(0)
            self.now = max(self.now, when)
            try:
                ticks = coro.send(None)
            except StopIteration as e:
                self.results[name] = e.value
                print(f't={self.now} {name} finished -> {e.value!r}')
                continue
            except Exception as e:
                print(f't={self.now} {name} failed: {type(e).__name__}: {e}')
                continue
            seq += 1
            self.ready.append((self.now + ticks, seq, name, coro))
async def worker(name, delays):
    total = 0
    for d in delays:
        print(f'{name} sleeps {d}')
        await Sleep(d)
        total += d
    return total
async def failing():
    await Sleep(1)
    raise ValueError('task failed')
loop = Loop()
loop.spawn('A', worker('A', [2, 2, 2]))
loop.spawn('B', worker('B', [1, 3]))
loop.spawn('C', failing())
loop.run()
print(sorted(loop.results.items()))
