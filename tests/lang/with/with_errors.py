# with errors: missing protocol methods, exceptions in __enter__/__exit__, order of exits.
class NoExit:
    def __enter__(self): return self
class NoEnter:
    def __exit__(self, *a): pass
for obj in [NoExit(), NoEnter(), 5, None]:
    try:
        with obj:
            print('body')
    except TypeError as e:
        print('TypeError', e)
class FailEnter:
    def __enter__(self):
        raise RuntimeError('enter failed')
    def __exit__(self, *a):
        print('exit must not run')
try:
    with FailEnter():
        print('not run')
except RuntimeError as e:
    print('RuntimeError', e)
class FailExit:
    def __enter__(self): return self
    def __exit__(self, et, ev, tb):
        raise ValueError('exit failed')
try:
    with FailExit():
        raise KeyError('original')
except ValueError as e:
    print('ValueError', e, 'context:', type(e.__context__).__name__, e.__context__)
class Logger:
    def __init__(self, n): self.n = n
    def __enter__(self):
        print('enter', self.n); return self
    def __exit__(self, et, *a):
        print('exit', self.n, et.__name__ if et else None); return False
try:
    with Logger(1), Logger(2), FailEnter(), Logger(3):
        pass
except RuntimeError as e:
    print('RuntimeError', e)
class Truthy:
    def __enter__(self): return self
    def __exit__(self, *a): return 'non-empty string'
with Truthy():
    raise IndexError
print('suppressed by truthy return')
class ExitArgs:
    def __enter__(self): return self
    def __exit__(self, *args):
        print('args', len(args), args[0].__name__ if args[0] else None)
        return True
with ExitArgs():
    raise ZeroDivisionError
with ExitArgs():
    pass
