# Hostile generator use: many live generators, deep yield-from chains, closing in odd states.
gens = [(x for x in range(3)) for _ in range(50000)]
print(sum(next(g) for g in gens))
del gens
def chain(n):
    if n == 0:
        yield 'bottom'
    else:
        yield from chain(n - 1)
print(next(chain(500)))
try:
    next(chain(5000))
except RecursionError as e:
    print('RecursionError', e)
def self_ref():
    g = yield
    yield g.send(None)
s = self_ref(); next(s)
try:
    s.send(s)
except ValueError as e:
    print('ValueError', e)
def closing():
    try:
        yield 1
    finally:
        c.close()
c = closing(); next(c)
try:
    c.close()
    print('close while running handled')
except ValueError as e:
    print('ValueError', e)
def thrower():
    while True:
        try:
            yield
        except Exception as e:
            print('absorbed', type(e).__name__)
t = thrower(); next(t)
for exc in [ValueError, KeyError('k'), StopIteration, RuntimeError]:
    t.throw(exc)
try:
    t.throw(GeneratorExit)
except GeneratorExit:
    print('GeneratorExit propagates')
