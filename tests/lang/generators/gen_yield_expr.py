# yield as an expression: in assignments, arguments, conditions, tuples, with precedence and parentheses.
def g():
    x = yield
    y = (yield x) + 1
    z = [(yield), (yield)]
    print('z', z)
    if (yield 'cond'):
        yield 'true branch'
    w = yield from [10, 20]
    print('w', w)
    yield (yield 'nested') * 2
gen = g()
out = [next(gen)]
for v in [5, 6, 'p', 'q', 1, None, None, None, 'n']:
    try:
        out.append(gen.send(v))
    except StopIteration:
        out.append('stop')
        break
print(out)
def in_call():
    print('printed', (yield 1), (yield 2))
    yield 'end'
c = in_call()
print(next(c), c.send('A'), c.send('B'))
def lambda_yield():
    f = lambda: (yield 'from lambda')
    return list(f())
print(lambda_yield())
