# __import__ and importlib-free module access: fromlist, level, errors, sys.modules identity.
import sys
m = __import__('math')
print(m.__name__, m is sys.modules['math'], m.sqrt(16))
print(__import__('sys').version_info[0])
try:
    __import__('no_such_module_xyz')
except ModuleNotFoundError as e:
    print('ModuleNotFoundError', e, e.name)
try:
    __import__('')
except ValueError as e:
    print('ValueError', e)
try:
    __import__(5)
except TypeError as e:
    print('TypeError', e)
try:
    __import__('x', level=-1)
except ValueError as e:
    print('ValueError', e)
try:
    __import__('x', globals(), None, [], 1)
except ImportError as e:
    print(type(e).__name__, e)
try:
    import no_such_module_abc.sub
except ModuleNotFoundError as e:
    print('ModuleNotFoundError', e)
try:
    from math import no_such_name
except ImportError as e:
    print('ImportError', e, e.name)
import math as mm, operator as op
print(mm.pi, op.add(1, 2))
from math import (pi as PI,
                  tau)
print(PI, tau)
print(type(sys).__name__, sys.__name__, math.__name__ if 'math' in dir() else 'math not bound')
import math
print(math.__spec__.name if math.__spec__ else None, math.__loader__ is not None or True)
def local_import():
    import operator
    return operator.mul(3, 4)
print(local_import(), 'operator' in dir())
