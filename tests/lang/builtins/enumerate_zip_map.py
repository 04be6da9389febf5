# enumerate, zip, map, filter, range: arguments, laziness and errors.
# Each line evaluates one expression and prints its repr, or the exception's type and message.
CASES = r'''
list(enumerate('abc'))
list(enumerate('abc', 10))
list(enumerate('ab', start=-1))
list(enumerate([], 5))
enumerate(5)
list(enumerate('a', 'b'))
list(zip())
list(zip('ab'))
list(zip('ab', [1, 2, 3]))
list(zip('ab', [1, 2], strict=True))
list(zip('ab', [1], strict=True))
list(zip('a', [1, 2], strict=True))
list(zip(5))
list(map(str, [1, 2]))
list(map(pow, [2, 3], [3, 2]))
list(map(None, [1]))
list(map(abs))
list(map(int, ['1', 'x']))
list(filter(None, [0, 1, 2, '', 'a']))
list(filter(lambda x: x > 1, [1, 2, 3]))
list(filter(str.isdigit, 'a1b2'))
filter(None)
list(range(5))
list(range(2, 8, 2))
list(range(10, 0, -3))
list(range(0))
range(1, 2, 0)
range(1.5)
range('a')
range(10)[3]
range(10)[-1]
range(10)[10]
range(10)[2:8:2]
range(10).index(4)
range(10).index(40)
range(10).count(3)
5 in range(10)
5.0 in range(10)
range(0, 10, 2) == range(0, 9, 2)
range(3) == [0, 1, 2]
len(range(-5, 5, 3))
range(10**20)[10**19]
list(range(-1, -5, -1))
range(3).start, range(3).stop, range(3).step
'''
env = {}
for src in CASES.strip().splitlines():
    try:
        r = repr(eval(src, env))
        print(src, '=>', r if ' at 0x' not in r else '<object with an address>')
    except Exception as e:
        print(src, '!!', type(e).__name__ + ':', e)
