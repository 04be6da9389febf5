# iter/next/aiter/anext and callable-iterator forms, with type names of the iterators.
# Each line evaluates one expression and prints its repr, or the exception's type and message.
CASES = r'''
next(iter('ab'))
next(iter([]), None)
next(iter(()), 'x')
type(iter(lambda: 1, 2)).__name__
list(iter([1, 2, 3].pop, 1))
iter(5, 1)
iter(len)
next(iter({'a': 1}.items()))
next(iter({'a': 1}.values()))
next(reversed({'a': 1, 'b': 2}.keys()))
type(iter({}.keys())).__name__
type(iter(set())).__name__
type(iter(bytearray())).__name__
type(iter(memoryview(b'a'))).__name__ if False else 'skip'
list(iter(iter([1, 2])))
type(zip([], [])).__name__
list(zip(range(3), range(10, 13), 'abc'))
next(zip())
next(map(str, []), 'empty map')
next(filter(None, [0, 0, 5]))
next(enumerate('x', 5))
type(range(3).__iter__()).__name__
type(range(2 ** 70).__iter__()).__name__
next(iter(range(2 ** 70, 2 ** 71)))
len(iter([1]))
iter([]).__next__()
'''
env = {}
for src in CASES.strip().splitlines():
    try:
        r = repr(eval(src, env))
        print(src, '=>', r if ' at 0x' not in r else '<object with an address>')
    except Exception as e:
        print(src, '!!', type(e).__name__ + ':', e)
