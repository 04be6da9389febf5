# Nested try statements, exceptions raised inside except/else/finally, and handler variable cleanup.
def f(kind):
    try:
        try:
            if kind == 'a':
                raise ValueError('a')
            if kind == 'b':
                raise KeyError('b')
        except ValueError as e:
            print('inner caught', e)
            if kind == 'a':
                raise TypeError('raised in except') from e
        else:
            print('inner else')
            raise IndexError('raised in else')
        finally:
            print('inner finally')
    except TypeError as e:
        print('outer TypeError', e, '<-', e.__cause__)
    except KeyError as e:
        print('outer KeyError', e)
    except IndexError as e:
        print('outer IndexError', e, e.__context__)
for k in 'abc':
    f(k)
def cleanup():
    try:
        raise ValueError('x')
    except ValueError as err:
        pass
    return 'err' in locals()
print(cleanup())
def shadow():
    err = 'outer value'
    try:
        raise ValueError
    except ValueError as err:
        pass
    try:
        return err
    except UnboundLocalError as e:
        return 'UnboundLocalError: ' + str(e)
print(shadow())
def loop_handlers():
    out = []
    for i in range(4):
        try:
            if i % 2:
                raise ValueError(i)
            out.append(i)
        except ValueError as e:
            out.append(-e.args[0])
            continue
        finally:
            out.append('f')
    return out
print(loop_handlers())
