# needs: functools, itertools
# functools and itertools helpers driven by language features.
import functools, itertools
@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info().hits > 0)
def deco(f):
    @functools.wraps(f)
    def w(*a): return f(*a)
    return w
@deco
def named(): "doc"
print(named.__name__, named.__doc__, named.__wrapped__.__name__)
print(functools.reduce(lambda a, b: a * b, range(1, 10)), functools.partial(int, base=2)('101'))
print(list(itertools.chain('ab', 'cd')), list(itertools.islice(itertools.count(), 3)), list(itertools.permutations('abc', 2))[:3])
print(list(itertools.accumulate([1, 2, 3])), [(k, len(list(g))) for k, g in itertools.groupby('aabccc')])
