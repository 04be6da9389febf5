# complex numbers and numeric tower mixing.
z = 3 + 4j
print(z, abs(z), z.real, z.imag, z.conjugate(), z * 1j, z / 2, z ** 2, -z, +z)
print(complex(1, 2), complex('1+2j'), complex(' 3j '), complex(2), 1j ** 2, 1j == complex(0, 1))
print(z == 3 + 4j, z != 3, (1 + 0j) == 1, hash(1 + 0j) == hash(1), repr(complex(-0.0, 0.0)), repr(1e300j * 1e10))
print(divmod(7, 2), 7 / 2, 2 + 3.0, 2 * True, type(2 + 3.0).__name__, type(2 + 1j).__name__)
for expr in ["1j // 1", "1j % 2", "complex('abc')", "1j < 2j", "0j ** -1", "complex(1j, 'a')", "int(1j)", "float(1j)"]:
    try:
        print(expr, eval(expr))
    except Exception as e:
        print(expr, type(e).__name__, e)
print(pow(2j, 2), 3 ** 1j == 3 ** 1j, round(abs(2 ** (1j * 0.5)), 12))
