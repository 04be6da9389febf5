# Packages: __init__.py, submodules, relative imports at several levels, module attributes.
import sys
base = sys.argv[1]
sys.path.insert(0, base)
def rel(p):
    return p.replace(base, '<scratch>') if isinstance(p, str) else [rel(x) for x in p] if isinstance(p, list) else p
import shapes
print(shapes.DEFAULT, shapes.Circle(2).area(), shapes.circle.Circle is shapes.Circle)
print(shapes.__name__, shapes.__package__, rel(shapes.__file__), rel(shapes.__path__), shapes.__spec__.name)
print(shapes.__spec__.submodule_search_locations is not None, rel(shapes.__spec__.origin), shapes.__spec__.parent)
import shapes.sub.deep
print(shapes.sub.deep.VALUE, shapes.sub.NAME, shapes.sub.C is shapes.Circle)
print(shapes.sub.deep.__package__, shapes.sub.deep.__spec__.parent, rel(shapes.sub.deep.__file__))
print(sorted(k for k in sys.modules if k.startswith('shapes')))
from shapes.sub import deep as d2
print(d2 is shapes.sub.deep)
import shapes.circle as sc
print(sc.__name__, hasattr(sc, '__path__'))
try:
    import shapes.missing
except ModuleNotFoundError as e:
    print('ModuleNotFoundError', e, e.name)
try:
    import shapes.circle.notapkg
except ModuleNotFoundError as e:
    print('ModuleNotFoundError', e)
try:
    from shapes import nothing_here
except ImportError as e:
    print('ImportError', rel(str(e)))
