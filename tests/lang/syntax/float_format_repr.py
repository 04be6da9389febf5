# Float repr (shortest round-trip) and str across magnitudes, and arithmetic corner cases.
vals = [0.0, -0.0, 1.0, 0.1, 0.2, 0.3, 1 / 3, 2 / 3, 1e-7, 1.5e-5, 1e15, 1e16, 1e17, 123456789.123, 9007199254740993.0,
        5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 0.1 + 0.2, 100.0, 1e22, 1e23, 3.14159265358979,
        2.5, 1e-310, 123e45, -1.5e-10, 4.35, 0.0001, 0.00001]
for v in vals:
    print(repr(v), str(v), v == float(repr(v)), f'{v:.17g}', f'{v:e}')
print(float('0.1') == 0.1, 0.1 + 0.1 + 0.1 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-15)
print(1e308 * 10, -1e308 * 10, 1e-323 / 10, 5e-324 / 2, (1e308 * 10) - (1e308 * 10) != 0)
print(int(1e16), int(-1e-9), float(10 ** 16 + 1), 1e16 + 1, 2 ** 53 + 1.0)
print(0.5 .hex(), (1 / 3).hex(), round(0.125, 2), round(0.375, 2), round(1e15 + 0.5), round(-1.5))
print(7.0 // 0.1, 7.0 % 0.1, divmod(7.0, 0.1), -7.0 // 0.1)
print(float.fromhex('0x1.999999999999ap-4'), 1e-5 == 0.00001, 1.0 == 1, hash(0.1) != hash(0.2))
