# with statement: __enter__/__exit__ protocol, exception info, suppression, several items.
class CM:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    def __enter__(self):
        print('enter', self.name)
        return self.name
    def __exit__(self, et, ev, tb):
        print('exit', self.name, et.__name__ if et else None, ev, tb is not None)
        return self.suppress
with CM('a') as a:
    print('body', a)
with CM('x') as x, CM('y') as y:
    print('body', x, y)
with (CM('p') as p,
      CM('q') as q):
    print('parenthesized', p, q)
with CM('outer', suppress=True):
    with CM('inner'):
        raise ValueError('boom')
print('after suppressed')
try:
    with CM('no-suppress'):
        raise KeyError('k')
except KeyError as e:
    print('propagated', e)
def f():
    with CM('in-func'):
        return 'returned'
print(f())
for i in range(2):
    with CM(f'loop{i}'):
        if i == 0:
            continue
        break
with CM('tuple-target') as (t1, *t2):
    print(t1, t2)
class O: pass
o = O()
with CM('attr') as o.attr:
    pass
print(o.attr)
d = {}
with CM('item') as d['k']:
    pass
print(d)
