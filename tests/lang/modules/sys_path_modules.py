# sys.path and sys.modules as plain mutable objects: insertion, replacement, module objects created by hand and imported.
import sys
saved_path = list(sys.path)
sys.path.insert(0, '/nonexistent/dir/for/test')
print(sys.path[0], len(sys.path) == len(saved_path) + 1)
sys.path[:] = saved_path
print(sys.path == saved_path)
M = type(sys)
mod = M('handmade')
mod.value = 42
sys.modules['handmade'] = mod
import handmade
from handmade import value
print(handmade is mod, value)
del sys.modules['handmade']
try:
    import handmade
except ModuleNotFoundError as e:
    print('ModuleNotFoundError', e)
pkg = M('hpkg'); pkg.__path__ = []
sub = M('hpkg.sub'); sub.x = 'sub x'
sys.modules['hpkg'] = pkg; sys.modules['hpkg.sub'] = sub
import hpkg.sub
print(hpkg.sub.x if hasattr(hpkg, 'sub') else 'no attribute binding for pre-seeded submodule', sys.modules['hpkg.sub'].x)
from hpkg import sub as s2
print(s2.x)
print(type(sys.modules).__name__, isinstance(sys.path, list), sys.path is sys.path)
print('math' in sys.modules or 'math' not in sys.modules)
import math
print('math' in sys.modules, sys.modules['math'] is math)
