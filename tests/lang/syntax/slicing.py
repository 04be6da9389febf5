# Slices and slice objects on many sequences, including extended assignment.
seq = list(range(10))
for sl in [slice(None), slice(2, 8), slice(None, None, -1), slice(-3, None), slice(1, -1, 3), slice(8, 2, -2), slice(100, 200), slice(-100, 3)]:
    print(sl, seq[sl], 'abcdefghij'[sl], tuple(seq)[sl], range(10)[sl])
print(slice(1, 10, 2).indices(5), slice(None, None, -1).indices(4))
s = slice(1, 2, 3); print(s.start, s.stop, s.step, s == slice(1, 2, 3))
try:
    seq[::0]
except ValueError as e:
    print('ValueError', e)
try:
    'abc'['a':]
except TypeError as e:
    print('TypeError', e)
class Idx:
    def __index__(self):
        return 2
print(seq[Idx()], seq[Idx():], 'hello'[:Idx()])
x = list(range(6)); x[1:5] = []; print(x)
x = list(range(6)); x[2:2] = ['a', 'b']; print(x)
x = list(range(6)); x[::-2] = 'abc'; print(x)
x = list(range(6)); del x[-1:-4:-1]; print(x)
print(seq[3:1], seq[-1:], seq[:-1], seq[5::-2], seq[None:None])
