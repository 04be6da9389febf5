# Function decorators: order, arguments, wrappers preserving attributes by hand.
trace = []
def deco(name):
    trace.append(('factory', name))
    def apply(f):
        trace.append(('apply', name, f.__name__))
        def wrapper(*a, **k):
            return f'{name}({f(*a, **k)})'
        wrapper.__name__ = f.__name__
        wrapper.__wrapped__ = f
        return wrapper
    return apply
@deco('outer')
@deco('inner')
def value(x):
    return x * 2
print(trace)
print(value(5), value.__name__, value.__wrapped__.__name__)
def counted(f):
    def w(*a):
        w.calls += 1
        return f(*a)
    w.calls = 0
    return w
@counted
def noop():
    pass
noop(); noop()
print(noop.calls)
registry = {}
def register(f):
    registry[f.__name__] = f
    return f
@register
def a(): return 'a'
@register
def b(): return 'b'
print(sorted(registry), registry['a']())
@lambda f: f()
def evaluated_now():
    return 'ran at definition'
print(evaluated_now)
decos = [deco('list0')]
@decos[0]
def sub(): return 'sub'
print(sub())
@(lambda f: (f, f.__name__))
def tupled(): pass
print(tupled[1])
def memo(f):
    cache = {}
    def w(n):
        if n not in cache:
            cache[n] = f(n)
        return cache[n]
    return w
@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(90))
def bad_deco(f):
    raise ValueError('decorator failed for ' + f.__name__)
try:
    @bad_deco
    def victim(): pass
except ValueError as e:
    print('ValueError', e)
print('victim' in globals())
try:
    @5
    def nope(): pass
except TypeError as e:
    print('TypeError', e)
