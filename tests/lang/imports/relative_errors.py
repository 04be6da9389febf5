# Relative-import failures: beyond top-level package, missing sibling, relative import in __main__.
import sys
sys.path.insert(0, sys.argv[1])
for name in ['rpkg.toofar', 'rpkg.norel']:
    try:
        __import__(name)
    except ImportError as e:
        print(type(e).__name__, e)
try:
    from . import anything
except ImportError as e:
    print(type(e).__name__, e)
try:
    exec('from .. import x', {'__name__': 'a', '__package__': 'a'})
except ImportError as e:
    print(type(e).__name__, e)
try:
    __import__('x', {'__package__': 5}, None, [], 1)
except (TypeError, ImportError) as e:
    print(type(e).__name__, e)
print(__package__, __spec__)
