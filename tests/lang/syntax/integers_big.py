# Big-integer arithmetic: huge products, division, powers, bit operations, conversions and comparisons.
a = 3 ** 200
b = 7 ** 150 + 1
print(a % 1000003, b % 999983, (a * b) % 10 ** 12, a // b, a % b == a - (a // b) * b)
print((-a) // b, (-a) % b, divmod(-a, -b)[1] < 0, -a // -b == a // b)
print(a.bit_length(), b.bit_length(), (a ^ b) % 997, (a & b) % 997, (a | b) % 997, (~a) % 997)
print((a << 100) >> 100 == a, a >> 10000, -a >> 10000, (1 << 1000) - 1 == int('1' * 1000, 2))
print(pow(a, b, 10 ** 9 + 7), pow(2, 10 ** 5, 10 ** 9), pow(a, -1, 10 ** 9 + 7) * a % (10 ** 9 + 7))
print(hex(a)[:20], oct(b)[:20], bin(a)[-10:], int(hex(a), 16) == a, int(str(a)) == a)
print(a > b, a == a + 0, a != a + 1, -a < 0 < a, abs(-a) == a, float(2 ** 1000) == 2.0 ** 1000)
try:
    float(2 ** 1024)
except OverflowError as e:
    print('OverflowError', e)
print(a / b if a / b < 1e300 else 'huge', (2 ** 100) / (2 ** 99), 10 ** 50 / 10 ** 49)
print(sum(range(10 ** 6)), sum(i * i for i in range(1000)), 2 ** 64 - 1, -(2 ** 63))
fact = 1
for i in range(1, 201):
    fact *= i
print(fact % (10 ** 20 + 39), len(str(fact)), fact // 10 ** 370)
print(round(a, -50) % 10 ** 50, round(-a, -100) <= -a, int(1e18) * 10 ** 20)
print(int.from_bytes(a.to_bytes(40, 'big'), 'big') == a, (a).to_bytes(40, 'little')[:4])
print(12345678901234567890 * 98765432109876543210, 10 ** 40 // 3 ** 30, -(10 ** 40) // 3 ** 30)
print(abs(-(10 ** 30)) % 7, (10 ** 30 + 1) % -7, -(10 ** 30) % 7)
print((1 << 64) // 3, (1 << 64) % 3, divmod(1 << 200, (1 << 100) + 1)[1] % 1000)
