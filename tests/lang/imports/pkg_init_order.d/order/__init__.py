import sys
sys.import_log = getattr(sys, 'import_log', []) + ['order']
