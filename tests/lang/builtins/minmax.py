# min and max: iterables, several arguments, key, default and their errors.
# Each line evaluates one expression and prints its repr, or the exception's type and message.
CASES = r'''
min(3, 1, 2)
max(3, 1, 2)
min([4, 2, 8])
max('hello')
min('b', 'a', 'c')
max([1, 2], [1, 3])
min((), default='empty')
max([], default=None)
min([])
max()
max(1)
min(1, 2, default=0)
max([3, -5, 2], key=abs)
min(['apple', 'fig', 'banana'], key=len)
max(['apple', 'fig', 'banana'], key=len)
max([1, 'a'])
min([1, 2.5, True])
max([1, 1.0])
min([1.0, 1])
max(range(10), key=lambda x: x % 3)
max({'a': 2, 'b': 1})
min({'a': 2, 'b': 1}.items(), key=lambda kv: kv[1])
max(x for x in [3, 9, 2])
max([float('nan'), 1])
max([1, float('nan')])
min(iter([]), default='it')
max(1, 2, key=None)
min([[], [0]], key=len)
max('b', 'aa', key=str.upper)
min(5, key=abs)
'''
env = {}
for src in CASES.strip().splitlines():
    try:
        r = repr(eval(src, env))
        print(src, '=>', r if ' at 0x' not in r else '<object with an address>')
    except Exception as e:
        print(src, '!!', type(e).__name__ + ':', e)
