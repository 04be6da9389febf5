# Several items in one with: exits run in reverse order, an inner exit's suppression hides the exception from outer ones.
class CM:
    def __init__(self, n, suppress=False, fail_exit=False):
        self.n, self.suppress, self.fail_exit = n, suppress, fail_exit
    def __enter__(self):
        print('enter', self.n)
        return self
    def __exit__(self, et, ev, tb):
        print('exit', self.n, et.__name__ if et else None)
        if self.fail_exit:
            raise RuntimeError(f'exit {self.n} failed')
        return self.suppress
with CM(1), CM(2), CM(3):
    print('body')
with CM(1), CM(2, suppress=True), CM(3):
    raise KeyError('k')
print('after suppression by 2')
try:
    with CM(1), CM(2, fail_exit=True), CM(3):
        raise ValueError('v')
except RuntimeError as e:
    print('RuntimeError', e, '| context', repr(e.__context__))
try:
    with CM(1, fail_exit=True), CM(2, suppress=True):
        raise ValueError('suppressed, then outer exit fails')
except RuntimeError as e:
    print('RuntimeError', e, '| context', e.__context__)
def early_return():
    with CM('r1'), CM('r2'):
        return 'returned'
print(early_return())
def gen():
    with CM('g'):
        yield 1
        yield 2
g = gen(); next(g); g.close()
print('generator closed')
