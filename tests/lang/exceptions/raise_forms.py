# raise with classes, instances, in nested functions; exception objects are reusable.
def r(x):
    raise x
for x in [ValueError, ValueError('inst'), KeyError('k'), StopIteration, SystemExit(2), KeyboardInterrupt]:
    try:
        r(x)
    except BaseException as e:
        print(type(e).__name__, repr(e))
class NotExc:
    pass
for bad in [NotExc, NotExc(), 'str', None, Exception.__new__]:
    try:
        r(bad)
    except TypeError as e:
        print('TypeError', e)
class BadInit(Exception):
    def __init__(self):
        raise RuntimeError('init failed')
try:
    raise BadInit
except RuntimeError as e:
    print('RuntimeError', e)
class Weird(Exception):
    def __new__(cls, *a):
        return KeyError('substituted')
try:
    raise Weird
except BaseException as e:
    print(type(e).__name__, e)
shared = ValueError('shared')
for i in range(2):
    try:
        raise shared
    except ValueError as e:
        print(e is shared, i)
def gen():
    raise LookupError('from generator body')
    yield
try:
    next(gen())
except LookupError as e:
    print('LookupError', e)
try:
    [1, 2, 3][10]
except IndexError as e:
    print('IndexError', e)
    try:
        raise
    except IndexError as again:
        print('re-raised inside handler', again is e)
def handler_exit_clears():
    try:
        raise ValueError
    except ValueError:
        pass
    import sys
    return sys.exception()
print(handler_exit_clears())
