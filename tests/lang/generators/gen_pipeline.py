# Generator pipelines and infinite generators with islice-like helpers written by hand.
def naturals():
    n = 0
    while True:
        yield n
        n += 1
def take(n, it):
    for _ in range(n):
        yield next(it)
def filt(pred, it):
    for x in it:
        if pred(x):
            yield x
def mapper(f, it):
    for x in it:
        yield f(x)
primes = filt(lambda n: n > 1 and all(n % d for d in range(2, int(n ** 0.5) + 1)), naturals())
print(list(take(15, primes)))
squares = mapper(lambda x: x * x, naturals())
print(list(take(8, squares)))
def window(it, size):
    buf = []
    for x in it:
        buf.append(x)
        if len(buf) == size:
            yield tuple(buf)
            buf.pop(0)
print(list(window(range(6), 3)))
def running_avg():
    total = count = 0
    avg = None
    while True:
        x = yield avg
        total += x; count += 1
        avg = total / count
ra = running_avg(); next(ra)
print([ra.send(v) for v in [10, 20, 30, 40]])
def tree(depth):
    if depth == 0:
        yield 'leaf'
        return
    for child in range(2):
        for item in tree(depth - 1):
            yield f'{child}/{item}'
print(list(tree(3)))
def zip_gens(*gens):
    while True:
        try:
            yield tuple(next(g) for g in gens)
        except RuntimeError as e:
            print('RuntimeError', e)
            return
print(list(zip_gens(iter([1, 2]), iter('ab'))))
