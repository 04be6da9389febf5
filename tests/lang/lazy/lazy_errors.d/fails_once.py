import sys
sys.fail_count = getattr(sys, 'fail_count', 0) + 1
raise ImportError('fails on purpose #' + str(sys.fail_count))
