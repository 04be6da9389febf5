# Numeric edge cases: negative zero, integer division and modulo signs, pow with negative and fractional exponents.
# Each line evaluates one expression and prints its repr, or the exception's type and message.
CASES = r'''
-0.0 == 0.0
str(-0.0)
-0.0 + 0.0
0.0 * -1
-7 // 2
-7 % 2
7 // -2
7 % -2
-7 // -2
-7 % -2
-7.0 // 2
-7.0 % 2
7.5 % -2
divmod(-1, 3)
divmod(1, -3)
divmod(-1.0, 3)
(-8) ** (1 / 3) == (-8) ** (1 / 3)
(-2) ** 2
(-2) ** -2
(-2.0) ** 0.5
2 ** 0.5 * 2 ** 0.5
10 ** -3
(-1) ** 10 ** 10
0 ** 0
0.0 ** 0
1 / 3 * 3 == 1
0.1 * 3
int(-0.5)
round(-0.5)
round(0.5)
round(-1.5)
abs(-0.0)
-(-(2 ** 63))
(2 ** 63) // -1
-(2 ** 63) % 10
17 % 1
17 % -1
5 % float('inf')
-5 % float('inf')
float('inf') % 5
1e300 * 1e300 - 1e300 * 1e300
int(float('-0.0'))
True / 2
False // 1
'''
env = {}
for src in CASES.strip().splitlines():
    try:
        r = repr(eval(src, env))
        print(src, '=>', r if ' at 0x' not in r else '<object with an address>')
    except Exception as e:
        print(src, '!!', type(e).__name__ + ':', e)
