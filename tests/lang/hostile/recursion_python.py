# Deep recursion in Python code raises RecursionError (no crash); the interpreter recovers each time.
import sys
def down(n):
    return down(n + 1)
for _ in range(3):
    try:
        down(0)
    except RecursionError as e:
        print('RecursionError', e)
def count(n):
    return 0 if n == 0 else 1 + count(n - 1)
print(count(500))
sys.setrecursionlimit(3000)
print(count(2500))
sys.setrecursionlimit(1000)
def mutual_a(n): return mutual_b(n + 1)
def mutual_b(n): return mutual_a(n + 1)
try:
    mutual_a(0)
except RecursionError as e:
    print('mutual RecursionError', e)
class Deep:
    def __getattr__(self, name):
        return getattr(self, name + 'x')
try:
    Deep().a
except RecursionError as e:
    print('getattr RecursionError', e)
class R:
    def __repr__(self):
        return repr(self)
try:
    repr(R())
except RecursionError as e:
    print('repr RecursionError', e)
def gen_rec():
    yield from gen_rec()
try:
    next(gen_rec())
except RecursionError as e:
    print('generator RecursionError', e)
def handler_recursion(n):
    try:
        return handler_recursion(n + 1)
    except RecursionError:
        return n
print(handler_recursion(0) > 100)
print(count(100), 'still fine afterwards')
