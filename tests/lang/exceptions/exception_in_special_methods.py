# Exceptions raised from special methods propagate unchanged through the operations that call them.
class Boom(Exception): pass
class X:
    def __init__(self, where): self.where = where
    def _check(self, name):
        if self.where == name:
            raise Boom(name)
        return self
    def __add__(self, o): self._check('add'); return 1
    def __len__(self): self._check('len'); return 1
    def __iter__(self): self._check('iter'); return iter([1])
    def __getitem__(self, k): self._check('getitem'); return 1
    def __eq__(self, o): self._check('eq'); return True
    def __hash__(self): self._check('hash'); return 1
    def __bool__(self): self._check('bool'); return True
    def __repr__(self): self._check('repr'); return 'X'
    def __str__(self): self._check('str'); return 'X'
    def __format__(self, s): self._check('format'); return 'X'
    def __contains__(self, v): self._check('contains'); return True
    def __enter__(self): self._check('enter'); return self
    def __exit__(self, *a): self._check('exit'); return False
    def __call__(self): self._check('call')
    def __index__(self): self._check('index'); return 0
    def __neg__(self): self._check('neg'); return 0
ops = {
    'add': lambda x: x + 1, 'len': len, 'iter': list, 'getitem': lambda x: x[0], 'eq': lambda x: x == 1,
    'hash': hash, 'bool': bool, 'repr': repr, 'str': str, 'format': lambda x: f'{x}', 'contains': lambda x: 1 in x,
    'call': lambda x: x(), 'index': lambda x: [1][x], 'neg': lambda x: -x,
    'enter': lambda x: x.__class__.__enter__(x) and None, 'dict key': lambda x: {x: 1},
    'sorted': lambda x: sorted([x, X('')]), 'print': lambda x: print(x),
}
for name, op in ops.items():
    target = {'dict key': 'hash', 'sorted': 'none', 'print': 'str'}.get(name, name)
    try:
        op(X(target))
        print(name, 'no error')
    except Boom as e:
        print(name, 'Boom', e)
    except TypeError as e:
        print(name, 'TypeError', e)
def with_exit():
    with X('exit'):
        pass
try:
    with_exit()
except Boom as e:
    print('exit Boom', e)
