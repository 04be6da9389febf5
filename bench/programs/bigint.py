# Big-integer arithmetic: an unbounded spigot for digits of pi (big *, +, //),
# a large factorial, iterated big Fibonacci numbers, and three-argument pow().
import sys

SCALE = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
MOD = 1000000007


def pi_digits(count):
    # Gibbons' spigot: the state (q, r, t) is a linear fractional transform.
    q, r, t, k, n, l = 1, 0, 1, 1, 3, 3
    digits = []
    while len(digits) < count:
        if 4 * q + r - t < n * t:
            digits.append(n)
            q, r, n = 10 * q, 10 * (r - n * t), (10 * (3 * q + r)) // t - 10 * n
        else:
            q, r, t, n, k, l = (q * k, (2 * q + r) * l, t * l,
                                (q * (7 * k + 2) + r * l) // (t * l), k + 1, l + 2)
    return digits


def factorial(n):
    p = 1
    for i in range(2, n + 1):
        p *= i
    return p


def big_fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def run(scale):
    digits = pi_digits(max(5, int(3000 * scale ** 0.5)))
    d = 0
    for x in digits:
        d = (d * 10 + x) % MOD
    n = max(2, int(15000 * scale))
    f = factorial(n)
    g = big_fib(max(2, int(80000 * scale)))
    # Exponent and modulus of 2048 bits each; the shift drops the factorial's
    # trailing zero bits (there are fewer than n of them).
    e = (f >> n) % (1 << 2048)
    m = (g % (1 << 2048)) | 1
    p = 0
    for base in range(2, 2 + max(1, int(40 * scale))):
        p = (p + pow(base, e, m)) % MOD
    first = "".join(map(str, digits[:20]))
    return first, d, f % MOD, f.bit_length(), g % MOD, e.bit_length(), p


print("checksum", *run(SCALE))
