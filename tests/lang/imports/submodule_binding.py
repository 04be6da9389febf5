# Importing a submodule binds it as an attribute of its parent package; `import a.b` binds only `a`.
import sys
sys.path.insert(0, sys.argv[1])
import bind
print(hasattr(bind, 'child'))
import bind.other
print(hasattr(bind, 'child'), hasattr(bind, 'other'), bind.other.W)
import bind.child as bc
print(bc is bind.child, 'bc' in dir(), 'child' in dir())
del bind.child
from bind import child
print(child.V)
