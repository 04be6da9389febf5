# finally with return/break/continue and exceptions in every clause.
def f1():
    try:
        raise ValueError
    except ValueError:
        return 'except'
    finally:
        print('f1 finally')
print(f1())
def f2():
    x = []
    for i in range(3):
        try:
            x.append(i)
            continue
        finally:
            x.append('f')
    return x
print(f2())
def f3():
    try:
        try:
            return 'inner'
        finally:
            print('inner finally')
    finally:
        print('outer finally')
print(f3())
def f4():
    try:
        1 / 0
    except ZeroDivisionError:
        raise KeyError('from except')
    finally:
        print('f4 finally')
try:
    f4()
except KeyError as e:
    print('KeyError', e, type(e.__context__).__name__)
def f6():
    try:
        return [1]
    finally:
        pass
print(f6())
def f7():
    r = 'value'
    try:
        return r
    finally:
        r = 'changed'
print(f7())
def f8():
    for i in range(3):
        try:
            if i == 1:
                break
        finally:
            print('f8 finally', i)
    return i
print(f8())
