# sys.exc_info()/sys.exception() inside handlers, nested handlers, generators, after handling.
import sys
print(sys.exc_info(), sys.exception())
try:
    raise ValueError('outer')
except ValueError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, tb is not None, sys.exception() is v)
    try:
        raise KeyError('inner')
    except KeyError:
        print('inner', repr(sys.exception()))
    print('restored', repr(sys.exception()))
print('after', sys.exception())
def g():
    try:
        raise TypeError('in gen')
    except TypeError:
        yield repr(sys.exception())
        yield repr(sys.exception())
it = g()
print(next(it)); print(repr(sys.exception()))
try:
    raise IndexError('caller')
except IndexError:
    print(next(it))
    print(repr(sys.exception()))
def f():
    return repr(sys.exception())
try:
    raise OSError('visible in callee')
except OSError:
    print(f())
try:
    1 / 0
except ZeroDivisionError:
    pass
finally:
    print('finally', sys.exception())
try:
    try:
        raise ValueError('x')
    finally:
        print('finally during exc', repr(sys.exception()))
except ValueError:
    pass
