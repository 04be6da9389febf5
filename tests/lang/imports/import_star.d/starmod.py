public = 1
_private = 2
def func(): return 'func'
class Klass: pass
import sys as _sys_alias
