# __eq__/__hash__ rules: defining __eq__ disables hashing; explicit __hash__ = None; dict/set keys.
class NoEq: pass
class EqOnly:
    def __eq__(self, o): return True
class EqHash:
    def __init__(self, k): self.k = k
    def __eq__(self, o): return isinstance(o, EqHash) and self.k == o.k
    def __hash__(self): return hash(self.k)
class Unhash:
    __hash__ = None
print(EqOnly.__hash__, NoEq.__hash__ is object.__hash__, Unhash.__hash__)
for obj in [EqOnly(), Unhash(), [], {}, set(), bytearray()]:
    try:
        hash(obj)
    except TypeError as e:
        print('TypeError', e)
try:
    {EqOnly(): 1}
except TypeError as e:
    print('TypeError', e)
d = {EqHash(1): 'one'}
print(d[EqHash(1)], EqHash(1) in d, EqHash(2) in d, len({EqHash(1), EqHash(1), EqHash(2)}))
class Sub(EqHash):
    def __eq__(self, o): return False
print(Sub.__hash__)
class Sub2(EqHash):
    pass
print(Sub2.__hash__ is EqHash.__hash__)
class BadHash:
    def __hash__(self): return 'nope'
try:
    hash(BadHash())
except TypeError as e:
    print('TypeError', e)
class BigHash:
    def __hash__(self): return 2 ** 100
print(hash(BigHash()) == hash(2 ** 100))
class Collide:
    def __init__(self, v): self.v = v
    def __hash__(self): return 1
    def __eq__(self, o): return self.v == o.v
s = {Collide(i) for i in range(5)}
print(len(s), Collide(3) in s, Collide(9) in s)
print(hash(1) == hash(1.0) == hash(True), hash((1, 'a')) == hash((1, 'a')), hash(-1), hash(-2), hash(0))
print(hash(frozenset()) == hash(frozenset()), hash(None) == hash(None))
class MutKey:
    def __init__(self): self.n = 0
    def __hash__(self):
        self.n += 1
        return 5
mk = MutKey(); dd = {mk: 1}; dd[mk]; print(mk.n)
