# Exceptions and generators: exceptions from inside, exception state across yields, StopIteration conversion.
import sys
def raises_later():
    yield 'first'
    raise KeyError('later')
g = raises_later()
print(next(g))
try:
    next(g)
except KeyError as e:
    print('KeyError', e)
try:
    next(g)
except StopIteration:
    print('then exhausted')
def catch_in_gen():
    try:
        yield 1
        1 / 0
    except ZeroDivisionError as e:
        yield 'caught ' + str(e)
    yield 'after'
print(list(catch_in_gen()))
def exc_state():
    try:
        raise ValueError('inside')
    except ValueError:
        yield sys.exception()
e = next(exc_state())
print(repr(e), sys.exception())
def leaks_stop():
    next(iter([]))
    yield 1
try:
    list(leaks_stop())
except RuntimeError as err:
    print('RuntimeError', err, type(err.__cause__).__name__)
def returns_in_finally():
    try:
        yield 1
    finally:
        print('cleanup on exhaustion')
print(list(returns_in_finally()))
def gexit_subclass():
    try:
        yield
    except BaseException as e:
        print('saw', type(e).__name__)
        raise
g = gexit_subclass(); next(g); g.close()
def throw_traceback():
    yield
t = throw_traceback(); next(t)
try:
    t.throw(ValueError('with tb'))
except ValueError as e:
    tb = e.__traceback__
    names = []
    while tb:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print(names)
