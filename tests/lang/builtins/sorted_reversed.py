# sorted and reversed: stability, key, reverse, mixed types, errors.
# Each line evaluates one expression and prints its repr, or the exception's type and message.
CASES = r'''
sorted([3, 1, 2])
sorted([3, 1, 2], reverse=True)
sorted('hello')
sorted({'b': 1, 'a': 2})
sorted([(1, 'b'), (1, 'a'), (0, 'z')])
sorted(['b', 'A', 'c'], key=str.lower)
sorted([-3, 2, -1], key=abs)
sorted([-3, 2, -1], key=abs, reverse=True)
sorted([1, 'a'])
sorted([None, None])
sorted([[], [1], [0, 0]])
sorted([1.5, 1, True, 0])
sorted([3, 1], key=lambda x: 'a')
sorted([], key=len)
sorted(5)
sorted([1], 2)
sorted([2, 1], cmp=None)
sorted(x % 5 for x in range(12))
sorted([(2, 1), (1, 2)], key=lambda p: p[1])
sorted(['aa', 'b', 'ccc', 'dd'], key=len)
sorted(['aa', 'b', 'ccc', 'dd'], key=len, reverse=True)
sorted([3, float('nan'), 1])
list(reversed([1, 2, 3]))
list(reversed('abc'))
list(reversed(range(5)))
list(reversed((1, 2)))
list(reversed({'a': 1, 'b': 2}))
list(reversed({'a': 1}.items()))
reversed({1, 2})
reversed(5)
list(reversed([]))
list(reversed(range(0, 10, 3)))
'''
env = {}
for src in CASES.strip().splitlines():
    try:
        r = repr(eval(src, env))
        print(src, '=>', r if ' at 0x' not in r else '<object with an address>')
    except Exception as e:
        print(src, '!!', type(e).__name__ + ':', e)
