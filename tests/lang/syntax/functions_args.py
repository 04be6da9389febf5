# Function parameters: defaults, keyword-only, positional-only, *args, **kwargs, errors.
def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))
print(f(1, c=3))
print(f(1, 2, 3, 4, c=5, e=6, d=7))
print(f(*[1, 2, 3], **{'c': 0, 'z': 1}))
def g(x, y, /, z, *, w):
    return x, y, z, w
print(g(1, 2, 3, w=4), g(1, 2, z=3, w=4))
def h(*, only):
    return only
print(h(only=1))
def defaults(x=[]):
    x.append(1)
    return x
print(defaults(), defaults(), defaults([0]))
print(f.__defaults__, f.__kwdefaults__, f.__code__.co_argcount, f.__code__.co_kwonlyargcount, g.__code__.co_posonlyargcount)
print(f.__name__, f.__qualname__, f.__code__.co_varnames)
cases = [
    lambda: f(),
    lambda: f(1),
    lambda: f(1, c=1, a=2),
    lambda: g(1, 2, 3, 4),
    lambda: g(x=1, y=2, z=3, w=4),
    lambda: h(1),
    lambda: h(),
    lambda: h(only=1, other=2),
    lambda: (lambda: 0)(1),
    lambda: (lambda a, b: 0)(1),
    lambda: (lambda a: 0)(1, 2, 3),
    lambda: f(1, c=2, **{'c': 3}),
    lambda: f(1, *5, c=1),
    lambda: f(1, c=2, **[1]),
]
for case in cases:
    try:
        print(case())
    except TypeError as e:
        print('TypeError', e)
def kwonly_default(a, *, b=1, c):
    return a + b + c
print(kwonly_default(1, c=10))
def annotated(a: int, b: 'str' = 'x') -> list:
    return [a, b]
print(annotated(1), annotated.__annotations__)
