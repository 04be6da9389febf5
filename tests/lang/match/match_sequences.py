# Sequence patterns: fixed length, star, nested, types that do and don't match.
def m(x):
    match x:
        case []:
            return 'empty'
        case [a]:
            return f'one: {a}'
        case [a, b] if a == b:
            return 'pair equal'
        case [a, b]:
            return f'pair {a},{b}'
        case [first, *mid, last] if len(mid) > 2:
            return f'long {first}..{last} mid={mid}'
        case [0, *rest]:
            return f'starts with 0, rest={rest}'
        case [[x, y], *_]:
            return f'nested {x} {y}'
        case (a, b, c):
            return f'triple {a} {b} {c}'
        case _:
            return 'no match'
for v in [[], [1], (5,), [2, 2], (1, 2), [1, 2, 3, 4, 5], [0, 9, 8], [[1, 2], 3, 4], 'abc', b'ab', (1, 2, 3), range(3), {1: 2}, iter([1]), bytearray(b'x'), 7]:
    print(repr(v) if not hasattr(v, '__next__') else 'iterator', '->', m(v))
match (1, (2, [3, 4])):
    case (a, (b, [c, d])):
        print(a + b + c + d)
match [1, 2, 3]:
    case [*everything]:
        print(everything)
match 'str':
    case [*chars]:
        print('str is sequence?!')
    case _:
        print('str is not a sequence pattern')
