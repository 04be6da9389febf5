# from module import *: public names, __all__, missing names in __all__, packages loading submodules.
import sys
sys.path.insert(0, sys.argv[1])
from starmod import *
print(public, func(), Klass.__name__, '_private' in dir(), '_sys_alias' in dir())
from allmod import *
print(listed, _also_listed, 'not_listed' in dir())
try:
    from badall import *
except AttributeError as e:
    print('AttributeError', e)
from starpkg import *
print(subm.S)
try:
    exec('def f():\n    from starmod import *')
except SyntaxError as e:
    print('SyntaxError', e.msg)
