# sys.path order decides which module wins; a module is cached in sys.modules after first import.
import sys
base = sys.argv[1]
sys.path.insert(0, base + '/second')
sys.path.insert(0, base + '/first')
import dup, solo
print(dup.WHERE, solo.WHERE)
sys.path.remove(base + '/first')
import dup as dup2
print(dup2.WHERE, dup2 is dup)
del sys.modules['dup']
import dup as dup3
print(dup3.WHERE)
sys.path.append(base + '/nonexistent')
try:
    import definitely_missing_module
except ModuleNotFoundError as e:
    print('ModuleNotFoundError', e)
print(sys.path[0] == base + '/second', sys.path[1].endswith('imports'))
