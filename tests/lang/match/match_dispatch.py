# A small interpreter written with match: evaluates nested tuples as expressions (realistic use of many pattern kinds).
def ev(node, env):
    match node:
        case int() | float() as n:
            return n
        case str(name):
            return env[name]
        case ('+', a, b):
            return ev(a, env) + ev(b, env)
        case ('*', a, b):
            return ev(a, env) * ev(b, env)
        case ('-', a):
            return -ev(a, env)
        case ('let', str(name), value, body):
            return ev(body, {**env, name: ev(value, env)})
        case ('if', cond, then, else_):
            return ev(then, env) if ev(cond, env) else ev(else_, env)
        case ('list', *items):
            return [ev(i, env) for i in items]
        case {'op': 'max', 'args': [*args]}:
            return max(ev(a, env) for a in args)
        case _:
            raise ValueError(f'bad node {node!r}')
prog = ('let', 'x', 5, ('+', ('*', 'x', 2), ('-', 3)))
print(ev(prog, {}))
print(ev(('if', 0, 1, ('list', 1, 2.5, ('+', 1, 1))), {}))
print(ev({'op': 'max', 'args': [1, ('*', 3, 3), 4]}, {}))
for bad in [('?', 1), [1, 2], None]:
    try:
        ev(bad, {})
    except ValueError as e:
        print('ValueError', e)
try:
    ev('undefined', {})
except KeyError as e:
    print('KeyError', e)
