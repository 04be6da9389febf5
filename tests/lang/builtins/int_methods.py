# int methods and attributes: bit_length, to_bytes, from_bytes, as_integer_ratio, is_integer, limits on str conversion.
# Each line evaluates one expression and prints its repr, or the exception's type and message.
CASES = r'''
(255).bit_length()
(-255).bit_length()
(0).bit_length()
(2**100).bit_length()
(255).bit_count()
(-1).bit_count()
(1024).to_bytes(2, 'big')
(1024).to_bytes(2, 'little')
(1024).to_bytes(1, 'big')
(-1).to_bytes(2, 'big', signed=True)
(-1).to_bytes(2, 'big')
(5).to_bytes()
(5).to_bytes(2, 'middle')
int.from_bytes(b'\xff\xff', 'big', signed=True)
int.from_bytes(b'\x00\x01', 'little')
int.from_bytes([1, 2], 'big')
int.from_bytes(b'')
(7).as_integer_ratio()
(7).is_integer()
(7).conjugate()
(7).real, (7).imag, (7).numerator, (7).denominator
int.__index__(5)
True.__index__()
(5).__add__(1.0)
(5).__radd__(1)
(5).__truediv__(2)
(5).__floordiv__(0)
int('1' * 4301)
str(10 ** 4300)[:5]
len(str(10 ** 4299))
int.__new__(bool, 1)
(10).__format__('x')
(10).__round__(-1)
(15).__round__(-1)
(25).__round__(-1)
(-25).__round__(-1)
(2**63).__hash__() == hash(2**63)
(1).__sizeof__() > 0
int.__mro__
bool.__mro__
True & False, True | False, True ^ True
~True if False else 'skip'
True + 1.5
'''
env = {}
for src in CASES.strip().splitlines():
    try:
        r = repr(eval(src, env))
        print(src, '=>', r if ' at 0x' not in r else '<object with an address>')
    except Exception as e:
        print(src, '!!', type(e).__name__ + ':', e)
