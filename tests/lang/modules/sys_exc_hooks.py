# sys hooks that the interpreter calls: displayhook (for exec 'single' mode), unraisablehook, excepthook object shape.
import sys
seen = []
def hook(v):
    seen.append(v)
old = sys.displayhook
sys.displayhook = hook
exec(compile('1 + 1', '<s>', 'single'))
exec(compile('None', '<s>', 'single'))
exec(compile('"text"', '<s>', 'single'))
sys.displayhook = old
print(seen)
exec(compile('x = 5', '<s>', 'single'))
sys.displayhook(None)
sys.displayhook('shown by default hook')
import builtins
print(repr(getattr(builtins, '_', 'no underscore')))
unraised = []
sys.unraisablehook = lambda u: unraised.append((type(u.exc_value).__name__, str(u.exc_value)))
class BadDel:
    def __del__(self):
        raise ValueError('from __del__')
BadDel()
sys.unraisablehook = sys.__unraisablehook__
print(unraised)
print(callable(sys.excepthook), sys.excepthook is sys.__excepthook__)
