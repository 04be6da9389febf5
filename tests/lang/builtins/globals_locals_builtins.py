# globals/locals/vars from eval, __build_class__ and builtins dictionary basics.
# Each line evaluates one expression and prints its repr, or the exception's type and message.
CASES = r'''
sorted(k for k in globals() if not k.startswith('_'))
'__builtins__' in globals()
type(__builtins__).__name__
'len' in dir(__builtins__) if not isinstance(__builtins__, dict) else 'len' in __builtins__
__build_class__(lambda: None, 'Built').__name__
__build_class__(lambda: None, 'Built', int).__bases__
__build_class__(5, 'X')
__build_class__(lambda: None)
__build_class__(lambda: None, 5)
__debug__
__name__
__doc__
type(__spec__).__name__
eval('locals()', {'a': 1}, {'b': 2})
eval('globals()', {'a': 1}).keys() >= {'a', '__builtins__'}
eval('[locals() for x in [1]]', {}, {'y': 1})
vars() is globals()
'''
env = {}
for src in CASES.strip().splitlines():
    try:
        r = repr(eval(src, env))
        print(src, '=>', r if ' at 0x' not in r else '<object with an address>')
    except Exception as e:
        print(src, '!!', type(e).__name__ + ':', e)
