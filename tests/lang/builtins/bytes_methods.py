# bytes and bytearray methods, constructors and errors.
# Each line evaluates one expression and prints its repr, or the exception's type and message.
CASES = r'''
bytes(5)
bytes(-1)
bytes('abc')
bytes('abc', 'ascii')
bytes([1, 2, 300])
bytes([1, 'a'])
bytes(range(3))
bytes(b'x')
bytes(bytearray(b'y'))
bytes(memoryview(b'z'))
bytes(1.5)
bytearray(3)
bytearray('é', 'utf-8')
bytearray([255])
b'abc'.upper()
b'a b'.split()
b'a,b'.split(b',')
b'a,b'.split(',')
b'abc'.replace(b'b', b'XX')
b'abc'.find(b'c')
b'abc'.find(99)
b'abc'.index(b'z')
b'abc'.count(b'')
b'abc'[1]
b'abc'[1:]
b'abc'[-1:-3:-1]
b'ab' + b'cd'
b'ab' + bytearray(b'cd')
bytearray(b'ab') + b'cd'
b'ab' * 3
b'ab' + 'cd'
b'ab' == 'ab'
b'ab' < b'b'
b'x' in b'xyz'
120 in b'xyz'
300 in b'xyz'
'x' in b'xyz'
b'hello'.hex()
b'hello'.hex(':')
b'hello'.hex(':', 2)
bytes.fromhex('68 65')
bytes.fromhex('6')
bytes.fromhex('zz')
bytearray.fromhex('ff')
b'abc'.decode()
b'\xe9'.decode('latin-1')
b'\xe9'.decode('utf-8')
b'\xe9'.decode('utf-8', 'replace')
b'\xe9'.decode('utf-8', 'backslashreplace')
b'\xff\xfe'.decode('utf-16')
b'%s and %d' % (b'x', 5)
b'%s' % 'str'
b'%b' % b'b'
b'%x' % 255
b'  pad  '.strip()
b'xxhixx'.strip(b'x')
b'abc'.startswith(b'ab')
b'abc'.endswith((b'c', b'x'))
b'a-b'.partition(b'-')
b'ABC'.lower()
b'abc'.center(7, b'*')
b'abc'.zfill(5)
b'title case'.title()
b'abc'.isalpha()
b'12'.isdigit()
b'-'.join([b'a', b'b'])
b'-'.join([b'a', 'b'])
b'abc'.translate(None, b'b')
bytes.maketrans(b'ab', b'cd')
b'abc'.translate(bytes.maketrans(b'ab', b'cd'))
list(b'\x00\xff')
b'a\nb'.splitlines()
b'abc'.removeprefix(b'a')
b'x'.decode('nope')
'''
env = {}
for src in CASES.strip().splitlines():
    try:
        r = repr(eval(src, env))
        print(src, '=>', r if ' at 0x' not in r else '<object with an address>')
    except Exception as e:
        print(src, '!!', type(e).__name__ + ':', e)
