# throw() and close(): handlers inside generators, finally, GeneratorExit.
def guarded():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print('caught', e)
        yield 'recovered'
    finally:
        print('finally runs')
g = guarded()
print(next(g))
print(g.throw(ValueError('boom')))
try:
    next(g)
except StopIteration:
    print('stopped')
g = guarded(); next(g)
try:
    g.throw(KeyError('k'))
except KeyError as e:
    print('propagated KeyError', e)
g = guarded(); next(g)
print(g.close(), 'closed')
print(g.close())
def ignore_exit():
    try:
        yield 1
    except GeneratorExit:
        yield 'bad'
b = ignore_exit(); next(b)
try:
    b.close()
except RuntimeError as e:
    print('RuntimeError', e)
def returning_on_close():
    try:
        yield 1
    except GeneratorExit:
        return 'value from close'
r = returning_on_close(); next(r)
print(r.close())
fresh = guarded()
try:
    fresh.throw(TypeError('before start'))
except TypeError as e:
    print('TypeError', e)
print(list(fresh))
def throw_type():
    try:
        yield
    except Exception as e:
        yield type(e).__name__ + ':' + str(e)
t = throw_type(); next(t)
print(t.throw(IndexError))
t = throw_type(); next(t)
print(t.throw(ValueError('v')))
def catches_and_continues():
    for i in range(3):
        try:
            yield i
        except ZeroDivisionError:
            print('skip after', i)
cc = catches_and_continues()
print(next(cc), cc.throw(ZeroDivisionError), next(cc))
c2 = guarded(); c2.close(); print('close unstarted ok', list(c2))
