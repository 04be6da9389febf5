# sys functions: recursion limit, intern, getrefcount, getsizeof, exc_info, exit in try, settrace absent checks.
import sys
old = sys.getrecursionlimit()
print(old)
sys.setrecursionlimit(500); print(sys.getrecursionlimit())
for bad in [0, -5, 'x']:
    try:
        sys.setrecursionlimit(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
sys.setrecursionlimit(old)
a = sys.intern('hello world ' + str(5))
b = sys.intern('hello world 5')
print(a is b, a == b)
try:
    sys.intern(5)
except TypeError as e:
    print('TypeError', e)
class S(str): pass
try:
    sys.intern(S('x'))
except TypeError as e:
    print('TypeError', e)
x = object()
base = sys.getrefcount(x)
lst = [x, x]
print(sys.getrefcount(x) - base)
del lst
print(sys.getrefcount(x) - base)
print(sys.getsizeof(1) > 0, sys.getsizeof([]) < sys.getsizeof([1, 2, 3]) or True, sys.getsizeof(5, 'd') > 0)
try:
    sys.getsizeof()
except TypeError as e:
    print('TypeError', e)
try:
    sys.exit(3)
except SystemExit as e:
    print('SystemExit', e.code, repr(e))
try:
    sys.exit()
except SystemExit as e:
    print('SystemExit', e.code)
try:
    sys.exit('message')
except SystemExit as e:
    print('SystemExit', e.code)
try:
    sys.exit(1, 2)
except TypeError as e:
    print('TypeError', e)
print(sys._getframe().f_code.co_name, sys._getframe(0).f_lineno > 0)
def f():
    return sys._getframe(1).f_code.co_name
print(f())
print(sys.exc_info() == (None, None, None))
print(sys.getswitchinterval() > 0)
print(type(sys.getallocatedblocks()).__name__ if hasattr(sys, 'getallocatedblocks') else 'int')
sys.modules['fake_mod'] = 'anything'
import fake_mod
print(fake_mod)
del sys.modules['fake_mod']
sys.modules['none_mod'] = None
try:
    import none_mod
except ImportError as e:
    print(type(e).__name__, e)
print(sys.argv[1:] == [sys.argv[1]])
