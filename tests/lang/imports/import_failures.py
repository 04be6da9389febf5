# Importing modules that fail: SyntaxError details, exceptions leave no entry in sys.modules.
import sys
base = sys.argv[1]
sys.path.insert(0, base)
try:
    import bad_syntax
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.filename.replace(base, '<scratch>'), e.lineno, e.offset)
try:
    import bad_indent
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.lineno)
try:
    import raises
except RuntimeError as e:
    print('RuntimeError', e)
print('raises' in sys.modules, 'bad_syntax' in sys.modules)
try:
    import raises
except RuntimeError as e:
    print('again RuntimeError', e)
