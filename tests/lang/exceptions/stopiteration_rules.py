# StopIteration handling rules: inside generators (PEP 479), in for loops, in next() defaults, from __next__ and map/zip.
def gen():
    yield 1
    raise StopIteration
try:
    list(gen())
except RuntimeError as e:
    print('RuntimeError', e)
class It:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration('done with value')
        return self.n
print(list(It()), [x for x in It()], sum(It()))
def uses_next():
    it = iter([])
    return next(it)
try:
    uses_next()
except StopIteration as e:
    print('StopIteration escapes a plain function', e.args)
def map_stop(x):
    raise StopIteration
try:
    print(list(map(map_stop, [1, 2])))
except StopIteration:
    print('StopIteration from map function propagates')
def gen_with_map():
    yield from map(map_stop, [1])
try:
    list(gen_with_map())
except RuntimeError as e:
    print('RuntimeError', e)
async_stop = StopAsyncIteration('x')
print(isinstance(async_stop, Exception), StopIteration().value, StopIteration(1, 2).value)
