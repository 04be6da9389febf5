# sys.exit(3) from nested function calls inside try/finally: finally runs, status 3.
# exit: 3
import sys
def leave():
    try:
        sys.exit(3)
    finally:
        print('finally before exit')
leave()
