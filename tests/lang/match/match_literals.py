# match: literal, capture, wildcard, value, or-patterns, guards.
RED = 'red'
class Colors:
    BLUE = 'blue'
def describe(x):
    match x:
        case 0:
            return 'zero'
        case 1 | 2 | 3:
            return 'small'
        case -1:
            return 'minus one'
        case 1.5:
            return 'one and a half'
        case 'hello' | b'hello':
            return 'greeting'
        case True:
            return 'true'
        case None:
            return 'none'
        case Colors.BLUE:
            return 'the blue value'
        case int(n) if n > 100:
            return f'big {n}'
        case str() as s if len(s) > 5:
            return 'long string ' + s
        case 2j:
            return 'imag'
        case _:
            return 'other ' + repr(x)
for v in [0, 2, -1, 1.5, 'hello', b'hello', True, None, 'blue', 500, 'abcdefg', 2j, 50, False, 1.0]:
    print(repr(v), '->', describe(v))
def capture(x):
    match x:
        case y:
            return y
print(capture('captured'))
val = 'red'
match val:
    case 'green':
        print('no')
    case other if other == RED:
        print('guard matched', other)
print('other bound:', other)
match 5:
    case 6:
        pass
print('no case matched, no error')
