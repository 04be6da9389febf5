# What finally sees: return values, exceptions in flight via sys.exception(), and resumption after finally.
import sys
def f():
    try:
        raise KeyError('in flight')
    finally:
        print('finally sees', repr(sys.exception()))
try:
    f()
except KeyError:
    pass
def g():
    try:
        return 'try value'
    finally:
        print('finally during return sees', sys.exception())
print(g())
def h():
    result = []
    try:
        result.append('try')
        return result
    finally:
        result.append('finally mutated')
print(h())
def nested_returns():
    try:
        try:
            return 'innermost'
        finally:
            print('first finally')
    finally:
        print('second finally')
print(nested_returns())
def exc_replaced():
    try:
        try:
            raise ValueError('first')
        finally:
            raise KeyError('replaces')
    except KeyError as e:
        return repr(e.__context__)
print(exc_replaced())
