# Operator precedence and associativity.
print(2 + 3 * 4, (2 + 3) * 4, 2 ** 3 ** 2, -2 ** 2, (-2) ** 2, 2 ** -1)
print(1 + 2 << 1, 1 | 2 & 3, 1 ^ 3 | 4, ~1 + 1, not 1 == 2, 10 - 3 - 2, 100 // 10 // 3)
print(1 < 2 == True, 3 & 1 == 1, -3 % 5, -(3 % 5), 2 * 3 % 4, 7 // 2 * 2)
print(not True or True, not (True or True), True or False and False, (True or False) and False)
print(1 if 0 else 2 if 1 else 3, [1, 2][0] + 1, 'a' 'b' * 2, -abs(-5), 2 ** 2 ** -1)
x = 5
print(x if x else 0 or 1, (lambda: 0 if x else 1)())
print(- - - 1, + - + 1, ~~5, not not 0)
print(3 > 2 > 1, (3 > 2) > 1, 1 in [1] == True, (1 in [1]) == True)
