# Comprehension scopes: iteration variable isolation, outermost iterable evaluated in the enclosing scope.
i = 'keep'
print([i for i in range(3)], i)
print({i: i for i in 'ab'}, i, {i for i in (1,)}, i, list(i for i in 'q'), i)
def f():
    items = [1, 2]
    return [items for _ in items]
print(f())
class K:
    base = [1, 2, 3]
    sq = [v * v for v in base]
    try:
        cross = [v + w for v in base for w in base]
    except NameError as e:
        cross = 'NameError: ' + str(e)
print(K.sq, K.cross)
def g():
    n = 3
    return [[j for j in range(n)] for _ in range(2)]
print(g())
def h():
    funcs = [lambda: k for k in range(3)]
    return [fn() for fn in funcs]
print(h())
x = 10
gen = (x + y for y in range(3))
x = 20
print(list(gen))
evaluated = []
def src():
    evaluated.append('src')
    return [1, 2]
g2 = (v for v in src())
print(evaluated)
print(list(g2))
try:
    gen3 = (v for v in 42)
except TypeError as e:
    print('TypeError at creation', e)
print([(lambda: v)() for v in range(3)])
def nested_names():
    return [[a, b] for a in range(2) for b in range(a, 2)]
print(nested_names())
