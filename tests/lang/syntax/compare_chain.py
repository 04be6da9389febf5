# Comparisons, chains, identity, membership.
calls = []
def v(x):
    calls.append(x)
    return x
print(v(1) < v(2) < v(3), calls)
calls.clear()
print(v(3) < v(2) < v(1), calls)
calls.clear()
print(v(1) == v(1) != v(2) is not None, calls)
print(1 < 2.5 < 3, 'a' < 'b' <= 'b', [1, 2] < [1, 3], (1, 2) < (1, 2, 0), [] < [0])
print(1 == 1.0 == True, 2 in [1, 2], 3 not in (1, 2), 'ab' in 'cabd', '' in 'x')
print(None is None, None is not None, [] == [], {} == {}, {'a': 1} == {'a': 1})
for expr in ["1 < 'a'", "[] < ()", "None < None", "{} < {}", "1j < 2j", "'a' in 5"]:
    try:
        print(expr, eval(expr))
    except TypeError as e:
        print(expr, "TypeError", e)
x = 5
print(0 < x < 10 > 3, not 0 < x < 3, (0 < x) < 3)
print(float('nan') == float('nan'), float('nan') != float('nan'), [float('nan')] == [float('nan')])
n = float('nan')
print([n] == [n], (n,) in [(n,)], n in [n])
