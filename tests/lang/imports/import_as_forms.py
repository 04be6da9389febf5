# import ... as binds the leaf module; from-import with aliases, parenthesized lists, trailing commas, repeated imports.
import sys
sys.path.insert(0, sys.argv[1])
import deep.er.est as leaf
print(leaf.NAME, 'deep' in dir(), leaf.__name__)
import deep.er.est
print(deep.er.est is leaf)
from deep.er import est as e1, est as e2
print(e1 is e2 is leaf)
from deep.er.est import (
    NAME as N,
)
print(N)
from deep import er
print(er.est.NAME)
import deep.er as der, deep as d
print(der is d.er)
def scoped():
    from deep.er.est import NAME
    import deep.er.est as inner
    return NAME, inner is leaf
print(scoped(), 'NAME' in dir())
try:
    import deep.er.est.NAME
except ModuleNotFoundError as e:
    print('ModuleNotFoundError', e)
