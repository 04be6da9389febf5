# float methods: hex/fromhex, as_integer_ratio, is_integer, rounding helpers, float.__format__ variants.
# Each line evaluates one expression and prints its repr, or the exception's type and message.
CASES = r'''
(1.5).hex()
(0.1).hex()
(-0.0).hex()
float('inf').hex()
float.fromhex('0x1p-1074')
float.fromhex('0x1.fffffffffffffp1023')
float.fromhex('0x1p1024')
float.fromhex('inf')
float.fromhex('zz')
(0.1).as_integer_ratio()
(-2.5).as_integer_ratio()
float('inf').as_integer_ratio()
float('nan').as_integer_ratio()
(2.0).is_integer()
(2.5).is_integer()
float('inf').is_integer()
(3.7).__trunc__()
(-3.7).__floor__()
(-3.2).__ceil__()
(2.5).__round__()
(2.5).__round__(0)
(1.25).__round__(1)
(1.35).__round__(1)
(1e20).__int__()
(3.0).conjugate()
(3.5).real, (3.5).imag
float.__getformat__('double')
(1.5).__format__('.3f')
format(1e-4, '')
format(1e-5, '')
format(123456789.0, '')
format(1.0e16, '')
format(12345.6789, 'n')
format(0.000012345, '.3g')
format(1234.5, '#.0f')
format(1.0, '.0%')
format(float('nan'), '+')
format(-float('inf'), '08')
format(1e300 * 1e300, 'e')
format(2.5, '=+8.2f')
format(0.0, 'z')
format(-0.0, 'z')
format(-1e-10, 'z.2f')
float.__new__(float, '2')
1.0.__class__
2.0 ** 1024
(-2.0) ** 1023.5
10.0 % 3.0
-10.0 % 3.0
10.0 % -3.0
1e16 + 1.0 == 1e16
0.1 * 3 == 0.3
'''
env = {}
for src in CASES.strip().splitlines():
    try:
        r = repr(eval(src, env))
        print(src, '=>', r if ' at 0x' not in r else '<object with an address>')
    except Exception as e:
        print(src, '!!', type(e).__name__ + ':', e)
