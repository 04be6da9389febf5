# sys.exception(): the handled exception, per frame and generator.
import sys

print(sys.exception())
try:
    raise KeyError("a")
except KeyError:
    print(repr(sys.exception()))
    try:
        raise IndexError("b")
    except IndexError:
        print(repr(sys.exception()))
    print(repr(sys.exception()))
print(sys.exception())


def ret_in_except():
    try:
        raise ValueError
    except ValueError:
        return "from except"
print(ret_in_except(), sys.exception())

def g():
    try:
        raise KeyError("in gen")
    except KeyError:
        yield repr(sys.exception())
        yield repr(sys.exception())
    yield repr(sys.exception())
it = g()
print(next(it))
try:
    raise IndexError("outside")
except IndexError:
    print(next(it))
print(next(it), sys.exception())
