# lambda expressions: defaults, closures, nesting, conditional bodies.
sq = lambda x: x * x
print(sq(5), (lambda: 'noargs')(), (lambda *a, **k: (a, sorted(k)))(1, 2, z=3))
adders = [lambda x, n=n: x + n for n in range(3)]
print([a(10) for a in adders])
late = [lambda x: x + n for n in range(3)]
print([a(10) for a in late])
compose = lambda f, g: lambda x: f(g(x))
print(compose(str, sq)(4), compose(len, str)(12345))
print((lambda x: 'pos' if x > 0 else 'neg' if x < 0 else 'zero')(-2))
print(sorted([(1, 'b'), (0, 'c'), (2, 'a')], key=lambda p: p[1]))
print(sq.__name__, (lambda: 0).__qualname__, sq.__code__.co_argcount)
fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
print(fact(20))
y = 10
f = lambda: y
y = 20
print(f())
print((lambda a, /, b, *, c: (a, b, c))(1, b=2, c=3))
print(list(map(lambda x, y: x * y, [1, 2, 3], [4, 5, 6])), list(filter(lambda x: x % 2, range(7))))
