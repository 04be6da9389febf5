# try/except/else/finally flow, matching by class and tuple, bare except, re-raise.
def attempt(f):
    try:
        r = f()
    except (KeyError, IndexError) as e:
        print('lookup error', type(e).__name__, e)
    except ZeroDivisionError:
        print('zero division')
    except Exception as e:
        print('other', type(e).__name__, e)
    else:
        print('no error', r)
    finally:
        print('finally')
attempt(lambda: {}['k'])
attempt(lambda: [][1])
attempt(lambda: 1 / 0)
attempt(lambda: int('x'))
attempt(lambda: 'fine')
try:
    try:
        raise ValueError('inner')
    except ValueError:
        raise
except ValueError as e:
    print('reraised', e)
try:
    raise TypeError
except:
    print('bare except caught')
e = 'before'
try:
    raise KeyError('x')
except KeyError as e:
    pass
try:
    print(e)
except NameError as err:
    print('NameError', err)
def ret_finally():
    try:
        return 'try'
    finally:
        print('finally sees return')
print(ret_finally())
try:
    raise ValueError
except ValueError as ex:
    print(repr(ex), ex.args, str(ex) == '')
try:
    raise ValueError('a', 2)
except ValueError as ex:
    print(repr(ex), str(ex), ex.args)
class MyErr(Exception):
    pass
try:
    raise MyErr('custom')
except Exception as ex:
    print(type(ex).__name__, ex, isinstance(ex, MyErr), MyErr.__mro__[1:])
try:
    try:
        raise MyErr
    except 5:
        pass
except TypeError as ex:
    print('TypeError', ex)
try:
    raise 42
except TypeError as ex:
    print('TypeError', ex)
try:
    raise
except RuntimeError as ex:
    print('RuntimeError', ex)
