import sys
sys.counted_runs = getattr(sys, 'counted_runs', 0) + 1
DATA = [1, 2, 3]
