# __len__ __getitem__ __setitem__ __delitem__ __contains__ __iter__ __reversed__ __missing__ __length_hint__.
class Seq:
    def __init__(self, *items): self.items = list(items)
    def __len__(self): return len(self.items)
    def __getitem__(self, i):
        print('getitem', i)
        return self.items[i]
    def __setitem__(self, i, v): print('setitem', i, v); self.items[i] = v
    def __delitem__(self, i): print('delitem', i); del self.items[i]
s = Seq(1, 2, 3)
print(len(s), s[0], s[1:], list(s), 2 in s, 9 in s, list(reversed(s)))
s[0] = 'x'; del s[1]; print(s.items)
class Cont:
    def __contains__(self, x): print('contains', x); return x == 'yes'
print('yes' in Cont(), 'no' in Cont(), 'no' not in Cont())
class It:
    def __iter__(self): return iter([3, 1, 2])
print(sorted(It()), 1 in It(), list(It()), max(It()))
class Miss(dict):
    def __missing__(self, k): return f'missing {k}'
m = Miss(a=1); print(m['a'], m['zz'], m.get('zz'), 'zz' in m)
class Rev:
    def __len__(self): return 2
    def __getitem__(self, i): return 'ab'[i]
    def __reversed__(self): return iter(['custom', 'reversed'])
print(list(reversed(Rev())), list(Rev()))
class NoLen: pass
for f in [len, reversed, iter, lambda o: o[0], lambda o: 1 in o]:
    try:
        f(NoLen())
    except TypeError as e:
        print('TypeError', e)
class BadLen:
    def __init__(self, v): self.v = v
    def __len__(self): return self.v
for v in [-1, 'x', 2 ** 100, 3.0]:
    try:
        print(len(BadLen(v)))
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
class Hint:
    def __iter__(self): return self
    def __next__(self): raise StopIteration
    def __length_hint__(self): return 5
print(list(Hint()))
class GetItemIter:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
print(list(GetItemIter()), 20 in GetItemIter(), list(enumerate(GetItemIter())))
