# try/except/finally, chaining, raise from, sys.exception(), with, except*.
import sys

def show(e):
    print(type(e).__name__, e, "| cause:", repr(e.__cause__), "| context:", repr(e.__context__),
          "| suppress:", e.__suppress_context__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("inner")
except ValueError as e:
    show(e)

try:
    try:
        {}["k"]
    except KeyError as k:
        raise TypeError("t") from k
except TypeError as e:
    show(e)

try:
    try:
        raise OSError("x")
    except OSError:
        raise RuntimeError("r") from None
except RuntimeError as e:
    show(e)

for bad in ["raise 1", "raise ValueError from 1", "raise"]:
    try:
        exec(bad)
    except Exception as e:
        show(e)

def fin():
    try:
        return "try"
    finally:
        print("finally runs")
print(fin())

def fin2():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
        finally:
            print("fin", i)
    return i
print(fin2())

class CM:
    def __init__(self, swallow):
        self.swallow = swallow
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, t, v, tb):
        print("exit", t.__name__ if t else None, v)
        return self.swallow

with CM(True) as c:
    raise ValueError("swallowed")
print("after with")
try:
    with CM(False):
        raise ValueError("propagated")
except ValueError as e:
    print("caught", e)
with CM(False), CM(True):
    pass

try:
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3)])
except* ValueError as eg:
    print("values", eg.exceptions)
except* TypeError as eg:
    print("types", eg.exceptions)

try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        print("handled values")
except ExceptionGroup as rest:
    print("rest", repr(rest))

def gen_exc():
    try:
        yield 1
    except GeneratorExit:
        print("closing")
        raise
g = gen_exc()
next(g)
g.close()

try:
    assert 1 == 2, "msg"
except AssertionError as e:
    print("assert", e)

def nested():
    try:
        raise ValueError("v")
    except ValueError as e:
        err = e
    return err
e = nested()
print(type(e).__name__, e.__traceback__.tb_lineno, e.__traceback__.tb_frame.f_code.co_name)

def tb_depth():
    def a():
        raise KeyError(1)
    def b():
        a()
    try:
        b()
    except KeyError as e:
        tb = e.__traceback__
        names = []
        while tb:
            names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
            tb = tb.tb_next
        print(names)
tb_depth()
try:
    try:
        raise ValueError
    finally:
        print("finally with exception")
except ValueError:
    print("outer caught")

def ret_in_except():
    try:
        raise ValueError
    except ValueError:
        return "from except"
print(ret_in_except())
