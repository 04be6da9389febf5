# Star captures and **rest: types of captured values, rest excludes matched keys, underscores capture nothing.
match (1, 2, 3, 4):
    case (first, *middle, last):
        print(first, middle, type(middle).__name__, last)
match 'ab', 'cd':
    case (*_, tail):
        print('tail', tail)
match [1]:
    case [1, *empty]:
        print('empty star', empty)
match {'a': 1, 'b': 2, 'c': 3}:
    case {'a': 1, **rest}:
        print('rest', rest, type(rest).__name__)
match {'a': 1}:
    case {'a': _, **rest}:
        print('rest empty', rest)
class MapLike(dict):
    pass
match MapLike(x=1, y=2):
    case {'x': x, **others}:
        print(x, others, type(others).__name__)
match range(5):
    case [0, 1, *r]:
        print('range rest', r)
match bytearray(b'ab'):
    case [a, b]:
        print('bytearray is not a sequence pattern')
    case _:
        print('bytearray does not match sequences')
match memoryview(b'ab'):
    case [a, b]:
        print('memoryview matched', a, b)
for src in ["match x:\n    case [*a, *b]:\n        pass", "match x:\n    case {**rest, 'a': 1}:\n        pass", "match x:\n    case {**_}:\n        pass"]:
    try:
        compile(src, 's', 'exec')
        print('compiles')
    except SyntaxError as e:
        print('SyntaxError', e.msg)
