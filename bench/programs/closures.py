# Closures: nested functions reading captured variables, nonlocal counters,
# lambdas, and decorator-style wrappers around functions.
import sys

SCALE = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0


def make_adder(k):
    def add(x):
        return x + k
    return add


def make_counter():
    count = 0

    def bump(step):
        nonlocal count
        count += step
        return count
    return bump


def logged(fn):
    calls = [0]

    def wrapper(*args):
        calls[0] += 1
        return fn(*args)
    wrapper.calls = calls
    return wrapper


@logged
def square(x):
    return x * x


def compose(f, g):
    return lambda x: f(g(x))


def run(n):
    adders = [make_adder(k) for k in range(10)]
    counter = make_counter()
    inc_then_square = compose(square, adders[1])
    acc = 0
    for i in range(n):
        acc += adders[i % 10](i)
        acc += counter(i & 3)
        acc += inc_then_square(i & 255)
        acc &= 0xFFFFFFFF
    made = 0
    for i in range(n // 10):
        made += make_adder(i)(1)
    return acc, square.calls[0], made


print("checksum", *run(max(10, int(2200000 * SCALE))))
