# lazy import details: dotted names bind the top package, several names from one lazy from-import, reassignment, del.
import sys
sys.path.insert(0, sys.argv[1])
lazy import lzpkg.a
print('lzpkg' in sys.modules, type(globals()['lzpkg']).__name__)
print(lzpkg.a.A)
lazy from lzpkg.b import B
print('lzpkg.b' in sys.modules)
print(B, 'lzpkg.b' in sys.modules)
lazy import plainmod
plainmod = 'rebound before use'
print(plainmod, 'plainmod' in sys.modules)
lazy import plainmod as pm
del pm
try:
    pm
except NameError as e:
    print('NameError', e)
print('plainmod' in sys.modules)
lazy import plainmod as pm2
print(globals()['pm2'].__class__.__name__)
print(pm2.X, 'plainmod' in sys.modules)
