import sys
sys.import_log.append('order.child.leaf')
from . import sibling
sys.import_log.append('leaf done, sibling=' + sibling.NAME)
