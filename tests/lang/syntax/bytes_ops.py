# bytes and bytearray operations.
b = b'hello world'
print(b, b[0], b[1:4], b[::-1], len(b), b.upper(), b.split(), b.replace(b'o', b'0'))
print(b.find(b'o'), b.count(b'l'), b.startswith(b'he'), b.hex(), bytes.fromhex('41 42'), b'%d-%s' % (5, b'x'))
print(bytes(3), bytes([65, 66]), bytes('é', 'utf-8'), 'é'.encode('latin-1'), b'\xc3\xa9'.decode())
ba = bytearray(b'abc')
ba.append(100); ba.extend(b'ef'); ba[0] = 65; del ba[1]
print(ba, ba.pop(), ba, bytes(ba), ba * 2, ba + b'!', b'-'.join([b'a', b'b']))
print(list(b'AB'), b'a' < b'b', b'abc' == bytearray(b'abc'), 65 in b'A', b'B' in b'ABC')
print(repr(b"\x00\x7f\x80'\""), repr(bytearray(b'\n')))
for expr in ["b'a' + 'b'", "bytes([256])", "b'abc'[3]", "bytearray(b'a').pop(5)", "b'\\xff'.decode()", "'€'.encode('ascii')", "bytes('x')", "b'a'.hex(1)"]:
    try:
        print(expr, eval(expr))
    except Exception as e:
        print(expr, type(e).__name__, e)
print(memoryview(b'abc')[1], bytes(memoryview(b'xyz')[::2]), b'  x '.strip(), b'a,b'.partition(b','))
print(int.from_bytes(b'\x01\x00', 'big'), (258).to_bytes(2, 'little'), b'abc'.islower(), b'ABC'.lower())
