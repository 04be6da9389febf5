import sys
sys.import_log.append('order.child.sibling')
NAME = 'sibling'
