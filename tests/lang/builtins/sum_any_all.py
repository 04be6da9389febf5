# sum, any, all, len over many inputs, start values and errors.
# Each line evaluates one expression and prints its repr, or the exception's type and message.
CASES = r'''
sum([1, 2, 3])
sum([1, 2, 3], 10)
sum([0.1] * 10)
sum([1, 2.5])
sum([[1], [2]], [])
sum([(1,), (2,)], ())
sum(['a', 'b'], '')
sum([b'a'], b'')
sum([bytearray(b'a')], bytearray())
sum(range(101))
sum(x * x for x in range(5))
sum([], 5)
sum([1, 'a'])
sum(5)
sum([True, True, False])
sum([2**64, 2**64])
sum([1j, 2])
sum([1e308, 1e308, -1e308])
sum([0.1, 0.2, 0.3]) == 0.6
sum(start=5, iterable=[1])
sum([1], start=2)
any([])
any([0, 0.0, ''])
any(iter([0, 1]))
any(5)
all([])
all([1, 'x', [0]])
all([1, 0])
all(x > 0 for x in [1, 2])
len('héllo')
len([1, [2, 3]])
len({})
len(range(0, 100, 3))
len(range(10, 0))
len(5)
len(b'\x00\x01')
len(range(2**64))
len()
'''
env = {}
for src in CASES.strip().splitlines():
    try:
        r = repr(eval(src, env))
        print(src, '=>', r if ' at 0x' not in r else '<object with an address>')
    except Exception as e:
        print(src, '!!', type(e).__name__ + ':', e)
