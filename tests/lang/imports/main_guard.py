# `if __name__ == '__main__'` and the __main__ module.
import sys
sys.path.insert(0, sys.argv[1])
import guarded
print(guarded.main(), __name__, sys.modules['__main__'].__name__)
import __main__
print(__main__.__name__, __main__ is sys.modules[__name__], hasattr(__main__, 'guarded'))
if __name__ == '__main__':
    print('this program runs as __main__')
