# Integer arithmetic: every binary operator, signs, big ints, errors.
vals = [0, 1, -1, 7, -7, 12, 2**64, -(2**70) + 3]
for a in vals:
    for b in (3, -3, 5):
        print(a, b, a + b, a - b, a * b, a // b, a % b, divmod(a, b), a ** 2, a & b, a | b, a ^ b)
print(7 << 3, -7 >> 1, 1 << 100, (1 << 100) >> 99, ~5, ~-1, -(-3), +4)
print(2 ** -1, (-2) ** 3, 2 ** 0, 0 ** 0, pow(3, 4, 5), pow(3, -1, 7))
for expr in ["1 // 0", "1 % 0", "divmod(1, 0)", "1 << -1", "0 ** -1", "pow(2, 3, 0)", "pow(2, -1, 4)"]:
    try:
        print(expr, eval(expr))
    except Exception as e:
        print(expr, type(e).__name__, e)
print(10**30 // 7, 10**30 % 7, -(10**30) // 7, -(10**30) % 7)
print(123456789 * 987654321 * 111111111111)
print(0x_ff, 0o17, 0b1010, 1_000_000, 0xDEAD_BEEF)
print(True + True, True * 10, False - 1, -True)
print(abs(-2**100), int('-' + '9' * 50) + 1)
