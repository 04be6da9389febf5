# Star-unpacking in assignments, calls, literals, for targets, returns, subscripts.
a, *b, c = range(5); print(a, b, c)
*a, = 'xyz'; print(a)
[a, [b, *c]] = [1, [2, 3, 4]]; print(a, b, c)
for first, *others in [(1, 2, 3), ('a',)]:
    print(first, others)
print([*range(3), *'ab', *(x for x in [9])], (*[1], *[2, 3]), {*[1, 1, 2]} == {1, 2})
print({**{'a': 1}, 'b': 2, **{'a': 3}}, dict(**{'k': 1}, j=2))
def f(*args, **kwargs):
    return args, sorted(kwargs.items())
print(f(*[1, 2], *(3,), **{'x': 1}, **{'y': 2}))
print(f(1, *[], **{}), f(*'ab', z=0))
try:
    f(**{'x': 1}, x=2)
except TypeError as e:
    print('TypeError', e)
try:
    f(**{1: 2})
except TypeError as e:
    print('TypeError', e)
def ret():
    rest = [2, 3]
    return 1, *rest
print(ret())
def gen():
    yield *'ab', 'c'
print(list(gen()))
d = {}
d[1, *[2, 3]] = 'tuple key'; print(d)
print(*[1, 2, 3], sep='-')
print(*'', 'only', *[])
for src in ["*a = [1]", "a, *b, *c = [1, 2]", "print(**x, *y)", "[*a for a in b]", "*a, b", "del *a", "x = *a"]:
    try:
        compile(src, 's', 'exec')
        print('ok', src)
    except SyntaxError as e:
        print('SyntaxError', src, '->', e.msg)
try:
    a, *b, c = [1]
except ValueError as e:
    print('ValueError', e)
try:
    print(*5)
except TypeError as e:
    print('TypeError', e)
try:
    [*None]
except TypeError as e:
    print('TypeError', e)
try:
    {**[1]}
except TypeError as e:
    print('TypeError', e)
x = *range(2), 'end'; print(x)
