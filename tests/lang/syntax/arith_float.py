# Float arithmetic and repr.
print(0.1 + 0.2, 1 / 3, 2 / 4, -0.0, 1e300 * 10, -1e300 * 10, 1e-320)
print(7.5 // 2, 7.5 % 2, -7.5 // 2, -7.5 % 2, divmod(-7.5, 2))
print(2.0 ** 0.5, 4 ** 0.5, (-8) ** (1 / 3) == (-8) ** (1 / 3))
print(1e16, 1e15, 123456789012345678.0, 0.000001, 0.0000001, 1.5e-7)
print(float('inf') - float('inf') != float('inf') - float('inf'))
print(3 * 1.1, 1.1 * 3, 10 / 4, 10 // 4.0, 2 ** 1000 / 2 ** 999)
for expr in ["1.0 / 0", "1.0 // 0", "1.0 % 0", "2.0 ** 10000", "(-1.5) ** 0.5", "10 ** 400 / 1", "0.0 ** -1"]:
    try:
        print(expr, repr(eval(expr)))
    except Exception as e:
        print(expr, type(e).__name__, e)
print(round(2.675, 2), round(0.5), round(1.5), round(-0.5), round(12345.678, -2))
print(float('1e500'), float('-inf'), float('  3.25  '), float('1_000.5'))
print((0.1).hex(), float.fromhex('0x1.8p1'), (2.5).as_integer_ratio(), (3.0).is_integer())
print(int(3.99), int(-3.99), int(1e20), 1e20 == 10**20, 2**53 + 1 == float(2**53 + 1))
print(hash(1.0) == hash(1), hash(-1.0), hash(0.5) == hash(0.5))
print(max(0.0, -0.0), min(-0.0, 0.0), 5 % -3.0, -5 % 3.0)
