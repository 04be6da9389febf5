# Generators: generator functions, generator expressions consumed by sum(),
# chained generator pipelines, yield from delegation and send().
import sys

SCALE = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0


def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1


def evens(src):
    for x in src:
        if x % 2 == 0:
            yield x


def scaled(src, k):
    for x in src:
        yield x * k


def chunks(n, size):
    for start in range(0, n, size):
        yield from range(start, min(start + size, n))


def running_total():
    total = 0
    while True:
        value = yield total
        total += value


def run(n):
    a = sum(scaled(evens(count_up(n)), 3))
    b = sum(x * x for x in range(n) if x % 3)
    c = 0
    for x in chunks(n, 7):
        c += x & 7
    acc = running_total()
    next(acc)
    d = 0
    for i in range(n // 2):
        d = acc.send(i & 15)
    return a, b, c, d


print("checksum", *run(max(10, int(5000000 * SCALE))))
