# Uncaught exceptions print CPython's report (checked on stderr).
import sys

def a(x):
    return 1 / x

def b(x):
    return a(x) + 1

def rec(n):
    if n == 0:
        raise ValueError("deep")
    return rec(n - 1)

class Obj:
    def method(self):
        return self.missing

def chained():
    try:
        b(0)
    except ZeroDivisionError as e:
        raise KeyError("k") from e

def context():
    try:
        {}["x"]
    except KeyError:
        Obj().method()

def report(fn):
    try:
        fn()
    except BaseException as e:
        sys.excepthook(type(e), e, e.__traceback__)

report(lambda: b(0))
report(lambda: rec(10))
report(chained)
report(context)
report(lambda: [1, 2][5])
report(lambda: int("x"))
b(0)
