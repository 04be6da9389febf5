# Calls with many argument shapes: positional, keyword, defaults, keyword-only,
# *args, **kwargs, star-unpacking at the call site, and bound methods.
import sys

SCALE = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0


def positional(a, b, c):
    return a + b - c


def with_defaults(a, b=2, c=3, d=4):
    return a * b + c - d


def keyword_only(a, *, scale=1, offset=0):
    return a * scale + offset


def star_args(*args):
    return len(args) + args[0]


def star_kwargs(**kwargs):
    return len(kwargs) + kwargs["x"]


def everything(a, b=1, *args, key=0, **kwargs):
    return a + b + len(args) + key + len(kwargs)


class Calc:
    def method(self, a, b=1):
        return a - b


def run(n):
    calc = Calc()
    m = calc.method
    t = (1, 2, 3)
    d = {"x": 5, "y": 6}
    acc = 0
    for i in range(n):
        acc += positional(i, 1, 2)
        acc += positional(a=i, b=2, c=1)
        acc += with_defaults(i)
        acc += with_defaults(i, 3, d=1)
        acc += keyword_only(i, scale=2)
        acc += keyword_only(i, offset=-1, scale=1)
        acc += star_args(i, 2, 3, 4)
        acc += star_args(*t)
        acc += star_kwargs(x=i, y=1)
        acc += star_kwargs(**d)
        acc += everything(i, 2, 3, 4, key=5, extra=6)
        acc += everything(*t, **d)
        acc += m(i) + calc.method(i, b=2)
        acc &= 0xFFFFFFFF
    return acc


print("checksum", run(max(1, int(600000 * SCALE))))
