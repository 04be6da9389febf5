# lazy import errors surface at first use, each use retries a failed import, and from-import of a missing name fails late.
import sys
sys.path.insert(0, sys.argv[1])
lazy import fails_once
print('declared')
for _ in range(2):
    try:
        fails_once.anything
    except ImportError as e:
        print('ImportError', e)
lazy from sys import no_such_attribute_here
print('from-import declared')
try:
    no_such_attribute_here
except ImportError as e:
    print(type(e).__name__, e)
lazy from sys import version_info as vi
print(vi[0] >= 3)
