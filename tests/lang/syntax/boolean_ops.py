# and/or/not short-circuit and return values; truthiness of builtins.
log = []
def f(x):
    log.append(x)
    return x
print(f(0) and f(1), log); log.clear()
print(f(2) and f(3), log); log.clear()
print(f('') or f([]) or f('z'), log); log.clear()
print(f(None) or f(0), log); log.clear()
print(not f(1), not f([]), log)
for v in [0, 1, -1, 0.0, 0j, '', 'a', [], [0], (), (0,), {}, {0: 0}, set(), None, range(0), range(1), b'', bytearray(1), frozenset()]:
    print(repr(v), bool(v), 'yes' if v else 'no')
a = 3
print(a > 2 and 'big' or 'small', a < 2 and 'big' or 'small')
print(1 if a else 2, (lambda: 0)() or 'fallback')
x = [] or {} or () or 0 or ''
print(repr(x))
print(all([]), any([]), all([1, 0]), any([0, '', 3]))
