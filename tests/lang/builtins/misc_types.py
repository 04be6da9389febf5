# slice, memoryview, frozenset, bytearray, object, super, property constructors via calls.
# Each line evaluates one expression and prints its repr, or the exception's type and message.
CASES = r'''
slice(5)
slice(1, 5)
slice(1, 5, 2)
slice()
slice(1, 2, 3, 4)
slice(None, None, None).indices(10)
slice(-3, None).indices(10)
slice(0, 10, -1).indices(5)
slice(0, 1, 0).indices(5)
slice(1, 2) == slice(1, 2)
slice(1, 2) < slice(1, 3)
memoryview(b'abc').tobytes()
memoryview(b'abc').tolist()
memoryview(b'abc')[0]
memoryview(b'abc')[1:].tobytes()
memoryview(b'abc').readonly
memoryview(bytearray(b'abc')).readonly
len(memoryview(b'abcd'))
memoryview(b'abc').format, memoryview(b'abc').itemsize, memoryview(b'abc').ndim, memoryview(b'abc').shape
memoryview(5)
memoryview('str')
memoryview(b'ab') == b'ab'
bytes(memoryview(b'ab')[::-1])
memoryview(b'abc').hex()
frozenset()
frozenset('aa') == frozenset('a')
frozenset([1]) | frozenset([2]) == {1, 2}
frozenset([[1]])
bytearray(b'abc').pop()
bytearray(b'abc').remove(98)
bytearray(b'abc').remove(120)
bytearray(b'abc').insert(0, 256)
bytearray(b'x') * 3
bytearray(b'abc').reverse()
object()
object(1)
object.__name__
type(object().__dir__()).__name__
super
super()
property(1).fget
property().fget
staticmethod(1).__func__
classmethod(len).__func__
iter([]).__length_hint__()
iter(range(5)).__length_hint__()
iter('abc').__reduce__()[0].__name__
aiter(5)
anext(5)
next(iter([]), 'default')
next(5)
bool.__name__, True.__class__
'''
env = {}
for src in CASES.strip().splitlines():
    try:
        r = repr(eval(src, env))
        print(src, '=>', r if ' at 0x' not in r else '<object with an address>')
    except Exception as e:
        print(src, '!!', type(e).__name__ + ':', e)
