# lazy import (PEP 810): the module runs at first use of the name, not at the import statement.
import sys
sys.path.insert(0, sys.argv[1])
lazy import lmod
print('after lazy import', 'lmod' in sys.modules)
print(type(globals()['lmod']).__name__)
print(lmod.VALUE)
print('lmod' in sys.modules, type(globals()['lmod']).__name__)
print(lmod.func())
lazy from lpkg.sub import NAME
print('after lazy from', 'lpkg' in sys.modules, 'lpkg.sub' in sys.modules)
print(NAME)
print('lpkg.sub' in sys.modules)
lazy import broken
print('broken not yet run')
try:
    broken.anything
except ValueError as e:
    print('ValueError', e)
lazy import does_not_exist_anywhere
try:
    does_not_exist_anywhere
except ModuleNotFoundError as e:
    print('ModuleNotFoundError', e)
for src in ["def f():\n    lazy import x", "try:\n    lazy import x\nexcept: pass", "lazy from x import *", "class C:\n    lazy import x", "lazy import x as y"]:
    try:
        compile(src, 's', 'exec')
        print('compiles', repr(src))
    except SyntaxError as e:
        print('SyntaxError', e.msg)
lazy = 'soft keyword as a name'
print(lazy)
