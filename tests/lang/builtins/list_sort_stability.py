# list.sort: stability, keys raising, comparisons raising mid-sort, mutation during sort.
# Each line evaluates one expression and prints its repr, or the exception's type and message.
CASES = r'''
sorted([(1, 'b'), (0, 'x'), (1, 'a'), (0, 'y')], key=lambda p: p[0])
sorted(['bb', 'a', 'ccc', 'dd', 'e'], key=len)
sorted([3, 1, 2], key=lambda x: 1 / (x - 2))
sorted([3, 'a', 2])
sorted([[2, 'x'], [1, 'y'], [2, 0]])
sorted([1, 2, 3], key=lambda x: -x, reverse=True)
sorted([0.0, -0.0, 0]) if True else 0
sorted([True, False, 1, 0, -1])
sorted(['a', 'A', 'b', 'B'], key=str.casefold)
sorted(range(20), key=lambda x: (x % 3, -x))
sorted([{1}, {0}, {1, 2}])
sorted([(), (0,), (0, 0)])
sorted([b'b', b'a'])
sorted('hello world', reverse=True)
sorted([1] * 5 + [0]) 
sorted([None, 1])
[3, 2, 1].sort() or 'returns None'
sorted(list(range(1000, 0, -1)))[:5]
sorted([5, 3], key=None)
sorted([5, 3], key=5)
'''
env = {}
for src in CASES.strip().splitlines():
    try:
        r = repr(eval(src, env))
        print(src, '=>', r if ' at 0x' not in r else '<object with an address>')
    except Exception as e:
        print(src, '!!', type(e).__name__ + ':', e)
