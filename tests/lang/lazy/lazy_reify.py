# lazy import proxies: resolution through globals(), dir(), functions; module runs exactly once.
import sys
sys.path.insert(0, sys.argv[1])
lazy import counted
def use():
    return counted.DATA
print(getattr(sys, 'counted_runs', 0))
print(use(), sys.counted_runs)
print(use(), sys.counted_runs)
print(type(globals()['counted']).__name__)
lazy import counted as alias
print(alias.DATA is counted.DATA, sys.counted_runs)
lazy from counted import DATA
print(DATA, sys.counted_runs)
print(sys.modules['counted'].__name__)
