# Custom __eq__/__hash__ objects in containers: list.index/count/remove, in, dict lookups calling __eq__ on collisions.
calls = []
class K:
    def __init__(self, v, h): self.v, self.h = v, h
    def __hash__(self):
        calls.append(('hash', self.v))
        return self.h
    def __eq__(self, o):
        calls.append(('eq', self.v, getattr(o, 'v', o)))
        return isinstance(o, K) and self.v == o.v
    def __repr__(self): return f'K{self.v}'
a, b, c = K(1, 7), K(2, 7), K(1, 7)
d = {a: 'a', b: 'b'}
calls.clear()
print(d[c], calls)
calls.clear()
print(c in [b, a], calls)
calls.clear()
lst = [a, b, a]
print(lst.count(c), lst.index(c), calls[:3])
lst.remove(c); print(lst)
s = {a, b}
calls.clear()
print(K(2, 7) in s, len(calls) >= 2)
class Always:
    def __eq__(self, o): return True
    __hash__ = object.__hash__
print([1, 2, 3].index(Always()), Always() in [5], (Always(),) == (1,), [Always()] == [None])
print(1 in [Always()], {1: 'x'}.get(Always()))
