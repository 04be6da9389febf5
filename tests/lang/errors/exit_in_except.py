# Exceptions caught in handlers leave a clean exit status 0, even with a pending exception context.
# exit: 0
import sys
try:
    1 / 0
except ZeroDivisionError:
    print('handled', sys.exception() is not None)
print('exit normally', sys.exception())
