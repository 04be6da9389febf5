# Namespace packages (no __init__.py) spread over two sys.path entries.
import sys
base = sys.argv[1]
sys.path[0:0] = [base + '/a', base + '/b']
import nspkg
print(type(nspkg).__name__, nspkg.__name__, getattr(nspkg, '__file__', None))
print(sorted(p.replace(base, '<scratch>') for p in nspkg.__path__))
print(nspkg.__spec__.origin, nspkg.__spec__.submodule_search_locations is not None)
import nspkg.mod_a, nspkg.mod_b
print(nspkg.mod_a.WHO, nspkg.mod_b.WHO)
from nspkg.inner import x
print(x.X, x.__package__, x.__spec__.name)
try:
    import nspkg.mod_c
except ModuleNotFoundError as e:
    print('ModuleNotFoundError', e)
