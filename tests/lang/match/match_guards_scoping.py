# Guards: evaluated after binding, side effects, names bound even when the guard fails, walrus in guard.
log = []
def check(v):
    log.append(v)
    return v > 2
match [1, 5]:
    case [a, b] if check(a):
        print('first')
    case [a, b] if check(b):
        print('second', a, b)
print(log)
match 10:
    case n if (half := n // 2) > 3:
        print('half', half)
match (1, 2):
    case (x, y) if x > y:
        print('never')
    case _:
        print('x and y still bound:', x, y)
def f(v):
    match v:
        case int() | float() if v < 0:
            return 'negative number'
        case int() | float():
            return 'non-negative number'
        case str() if v:
            return 'non-empty str'
    return 'fell through'
print([f(v) for v in [-1, 2.5, 'x', '', None]])
def guard_raises():
    match 1:
        case x if 1 / 0:
            pass
try:
    guard_raises()
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)
