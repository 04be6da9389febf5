# bytearray mutation: slices, extend from iterables, in-place ops, resize errors, methods returning bytearrays.
# Each line evaluates one expression and prints its repr, or the exception's type and message.
CASES = r'''
bytearray(b'hello')[1:3]
bytearray(b'abc') * 2
bytearray(b'x').extend([65, 66]) or 'extended'
bytearray(b'abcdef')[::2]
bytearray(b'abc') == b'abc'
bytearray(b'abc') < bytearray(b'abd')
bytearray(b'abc').upper()
type(bytearray(b'abc').upper()).__name__
bytearray(b'a b').split()
bytearray(b'abc').find(b'c')
bytearray(b'abc').replace(b'b', b'')
bytearray(b'abc').decode()
bytearray(b'  x ').strip()
bytearray(5)
bytearray([1, 2, 3]).hex()
bytearray(b'abc').count(97)
bytearray(b'x').append(256)
bytearray(b'x').append('a')
bytearray(b'abc').index(b'z')
bytearray(range(5))
bytearray(b'abc').copy()
bytearray(b'a').join([b'x', bytearray(b'y')])
bytearray(b'abc').translate(None, b'a')
bytearray(b'AbC').swapcase()
bytearray(b'abc').isalpha()
len(bytearray(1000))
bytearray(b'abc')[-1]
bytearray(b'abc')[5]
bytearray(b'abc').clear() or 'cleared'
'''
env = {}
for src in CASES.strip().splitlines():
    try:
        r = repr(eval(src, env))
        print(src, '=>', r if ' at 0x' not in r else '<object with an address>')
    except Exception as e:
        print(src, '!!', type(e).__name__ + ':', e)
