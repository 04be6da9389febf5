# as-patterns, or-patterns binding the same names, nested combinations and syntax errors.
def m(x):
    match x:
        case [1, 2] | [2, 1] as pair:
            return f'pair {pair}'
        case ([a, 'x'] | [a, 'y']) as whole:
            return f'a={a} whole={whole}'
        case {'k': (int() | float()) as num}:
            return f'num {num}'
        case (str() | bytes()) as text:
            return f'text {text!r}'
        case _:
            return 'other'
for v in [[1, 2], (2, 1), [5, 'x'], ['q', 'y'], {'k': 3}, {'k': 2.5}, {'k': 'no'}, 'abc', b'xy', None]:
    print(v, '->', m(v))
for src in ["match x:\n    case a | b:\n        pass", "match x:\n    case [a] | b:\n        pass", "match x:\n    case [a, a]:\n        pass",
            "match x:\n    case _ as _:\n        pass", "match x:\n    case a:\n        pass\n    case 1:\n        pass", "match x:\n    case 1 + 2:\n        pass",
            "match x:\n    case -1 + 2j:\n        pass", "match x:\n    case f'x':\n        pass"]:
    try:
        compile(src, 's', 'exec')
        print('ok')
    except SyntaxError as e:
        print('SyntaxError', e.msg)
match = 'soft keyword'
case = 'also soft'
print(match, case)
match [match]:
    case [str() as s]:
        print('matched', s)
