# Exception chaining: __context__, __cause__, from None, __suppress_context__, __traceback__.
try:
    try:
        {}['missing']
    except KeyError:
        raise ValueError('while handling')
except ValueError as e:
    print(type(e.__context__).__name__, e.__context__, e.__cause__, e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise RuntimeError('explicit') from z
except RuntimeError as e:
    print(type(e.__cause__).__name__, e.__cause__, e.__suppress_context__, e.__context__ is e.__cause__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError('hidden') from None
except RuntimeError as e:
    print(e.__cause__, e.__suppress_context__, type(e.__context__).__name__)
try:
    raise KeyError('k') from ValueError('cause instance')
except KeyError as e:
    print(repr(e.__cause__))
try:
    raise KeyError('k') from ValueError
except KeyError as e:
    print(repr(e.__cause__))
try:
    raise KeyError from 5
except TypeError as e:
    print('TypeError', e)
def tb_depth(tb):
    n = 0
    while tb:
        n += 1
        tb = tb.tb_next
    return n
def lvl3(): raise IndexError('deep')
def lvl2(): lvl3()
def lvl1(): lvl2()
try:
    lvl1()
except IndexError as e:
    print('traceback depth', tb_depth(e.__traceback__), e.__traceback__.tb_frame.f_code.co_name)
e = ValueError('manual')
e.__cause__ = KeyError('c'); print(e.__suppress_context__)
try:
    e.__cause__ = 'not exc'
except TypeError as err:
    print('TypeError', err)
try:
    try:
        raise ValueError('a')
    finally:
        print('finally during propagation')
except ValueError as e:
    print('caught', e)
try:
    try:
        raise ValueError('first')
    finally:
        raise KeyError('second')
except KeyError as e:
    print('second wins; context:', repr(e.__context__))
err = ValueError('w')
w2 = err.with_traceback(None)
print(w2 is err, err.__traceback__)
try:
    try:
        raise TypeError('t')
    except TypeError as t:
        raise t
except TypeError as again:
    print('self-raise context', again.__context__)
