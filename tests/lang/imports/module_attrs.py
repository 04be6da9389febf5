# Module objects: __name__/__doc__/__file__/__spec__/__loader__, module __getattr__/__dir__, import caching, ModuleType.
import sys
sys.path.insert(0, sys.argv[1])
import attrs_mod
import attrs_mod as again
print(attrs_mod.RUNS, again is attrs_mod, attrs_mod.__doc__, attrs_mod.__name__)
print(attrs_mod.__file__.replace(sys.argv[1], '<scratch>'), attrs_mod.__spec__.name, attrs_mod.__spec__.origin == attrs_mod.__file__)
print(attrs_mod.__loader__ is attrs_mod.__spec__.loader)
print(attrs_mod.dynamic, dir(attrs_mod))
try:
    attrs_mod.other
except AttributeError as e:
    print('AttributeError', e)
del sys.modules['attrs_mod']
import attrs_mod as fresh
print(fresh.RUNS, fresh is attrs_mod)
ModuleType = type(sys)
m = ModuleType('made_by_hand', 'doc here')
print(m.__name__, m.__doc__, repr(m), m.__spec__, m.__loader__, m.__package__)
m.x = 5; print(m.x, sorted(k for k in m.__dict__ if not k.startswith('__')))
try:
    m.missing
except AttributeError as e:
    print('AttributeError', e)
try:
    ModuleType()
except TypeError as e:
    print('TypeError', e)
print(repr(sys).startswith("<module 'sys'"), __name__, __spec__, __package__ if '__package__' in dir() else None)
print(__file__.endswith('module_attrs.py'), __loader__ is not None, __builtins__ is not None)
