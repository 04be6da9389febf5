# Context chaining rules: no self-cycles, context set only when absent from the chain, reraise keeps traceback.
try:
    try:
        raise ValueError('A')
    except ValueError as a:
        try:
            raise KeyError('B')
        except KeyError as b:
            raise a
except ValueError as e:
    print('reraised A; context:', repr(e.__context__))
def cycle():
    try:
        raise ValueError('outer')
    except ValueError as outer:
        try:
            raise TypeError('inner')
        except TypeError as inner:
            outer.__context__ = inner
            inner.__context__ = None
            raise outer
try:
    cycle()
except ValueError as e:
    print(repr(e), repr(e.__context__))
def lines():
    try:
        1 / 0
    except ZeroDivisionError as e:
        saved = e
    try:
        raise saved
    except ZeroDivisionError as e2:
        n = 0
        tb = e2.__traceback__
        while tb:
            n += 1
            tb = tb.tb_next
        return n
print('traceback entries after re-raise:', lines())
e = RuntimeError('explicit cause')
e.__cause__ = None
print(e.__suppress_context__)
e.__suppress_context__ = True
print(e.__suppress_context__)
try:
    raise ValueError from None
except ValueError as v:
    print(v.__cause__, v.__suppress_context__)
