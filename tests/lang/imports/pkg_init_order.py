# Import order: parent packages initialise before children, each exactly once; from-import of submodules triggers imports.
import sys
sys.path.insert(0, sys.argv[1])
import order.child.leaf
print(sys.import_log)
import order.child.sibling
from order.child import leaf, sibling
print(sys.import_log)
print(order.child.leaf is leaf, order.child.sibling.NAME)
print(sorted(m for m in sys.modules if m.startswith('order')))
print(order.__spec__.submodule_search_locations is not None, order.child.__name__, leaf.__package__)
