# Decorators keeping state in closures: call counting, retry on exceptions, memoization keyed on arguments.
def retry(times):
    def deco(f):
        def w(*a):
            last = None
            for attempt in range(times):
                try:
                    return f(*a), attempt
                except ValueError as e:
                    last = e
            raise RuntimeError(f'gave up after {times}') from last
        return w
    return deco
state = {'n': 0}
@retry(3)
def flaky():
    state['n'] += 1
    if state['n'] < 3:
        raise ValueError('not yet')
    return 'ok'
print(flaky())
@retry(2)
def always_fails():
    raise ValueError('never')
try:
    always_fails()
except RuntimeError as e:
    print('RuntimeError', e, '<-', e.__cause__)
def memo(f):
    cache = {}
    def w(*a, **k):
        key = (a, tuple(sorted(k.items())))
        if key not in cache:
            cache[key] = f(*a, **k)
        return cache[key]
    w.cache = cache
    return w
@memo
def slow(a, b=0):
    print('computing', a, b)
    return a + b
print(slow(1), slow(1), slow(1, b=2), slow(1, b=2), len(slow.cache))
def counting(f):
    count = 0
    def w():
        nonlocal count
        count += 1
        return f(), count
    return w
@counting
def tick(): return 'tick'
print(tick(), tick(), tick())
