# with targets: tuple unpacking, starred, subscription, attributes; the target is bound before the body.
class Val:
    def __init__(self, v): self.v = v
    def __enter__(self): return self.v
    def __exit__(self, *a): return False
with Val((1, 2, 3)) as (a, *rest):
    print(a, rest)
with Val([4, 5]) as [x, y], Val('s') as s:
    print(x, y, s)
store = {}
with Val('item') as store['key']:
    print(store)
class Box: pass
b = Box()
with Val('attr') as b.field:
    print(b.field)
try:
    with Val(5) as (p, q):
        print('not reached')
except TypeError as e:
    print('TypeError', e)
try:
    with Val((1,)) as (p, q):
        print('not reached')
except ValueError as e:
    print('ValueError', e)
with Val(None):
    print('no target')
with (Val(1) as one, Val(2) as two,):
    print(one + two)
with (Val('tuple')):
    print('parenthesized expression')
