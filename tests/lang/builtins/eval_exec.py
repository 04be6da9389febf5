# eval, exec and compile: modes, globals/locals, returned values, syntax errors.
# Each line evaluates one expression and prints its repr, or the exception's type and message.
CASES = r'''
eval('1 + 2')
eval('x * 2', {'x': 21})
eval('x + y', {'x': 1}, {'y': 2})
eval('  3  ')
eval('\t3')
eval('lambda: 5')()
eval('[i for i in range(3)]')
eval('__name__', {})
eval('__builtins__', {}) is not None
eval(b'4')
eval(compile('5', 's', 'eval'))
eval(compile('x = 1', 's', 'exec'))
eval('x = 1')
eval('1 +')
eval('')
eval(5)
eval('a', {}, 5)
eval('a', 5)
exec('y = 3')
exec('y = 3', {})
exec('print("exec prints")')
exec('def f(): return 7\nr = f()', env) or env['r']
exec('return 1')
exec('yield 1')
exec('1/0')
exec(compile('z = 9', 'file', 'exec'), env) or env['z']
compile('1', 'f', 'eval').co_filename
compile('1', 'f', 'eval').co_name
compile('a = 1', 'f', 'exec').co_name
compile('1', 'f', 'single').co_name
compile('1', 'f', 'bad')
compile('x = ', 'fname', 'exec')
compile('if 1:\n  pass\n pass', 'f', 'exec')
compile('if 1:\npass', 'f', 'exec')
compile('\tif 1:\n        pass', 'f', 'exec')
compile('x = 1\0', 'f', 'exec')
compile('pass', 'f', 'exec', dont_inherit=True).co_consts
type(compile('1', 'f', 'eval', 1024)).__name__
eval(compile('(yield)', 'f', 'eval'))
compile('await x', 'f', 'exec')
compile('break', 'f', 'exec')
compile('continue', 'f', 'exec')
compile('return', 'f', 'exec')
compile('def f():\n    x = 1\n    global x', 'f', 'exec')
compile('f(**x, *y)', 'f', 'exec')
compile('f(x for x in y, 1)', 'f', 'exec')
compile('a + 1 = 2', 'f', 'exec')
compile('(a, b) += 1', 'f', 'exec')
compile('del f()', 'f', 'exec')
compile('None = 1', 'f', 'exec')
compile('x = yield = 1', 'f', 'exec')
compile('def f(a, a): pass', 'f', 'exec')
compile('def f(a=1, b): pass', 'f', 'exec')
compile('f(a=1, a=2)', 'f', 'exec')
compile('f(a=1, 2)', 'f', 'exec')
compile("'unterminated", 'f', 'exec')
compile('"""never closed', 'f', 'exec')
compile('1 if 2', 'f', 'exec')
compile('print "x"', 'f', 'exec')
compile('x = [1, 2', 'f', 'exec')
compile('x = (1, 2]', 'f', 'exec')
compile('0777', 'f', 'exec')
compile('1__0', 'f', 'exec')
compile('$', 'f', 'exec')
compile('x = 1 +\n', 'f', 'exec')
compile('class C(x for x in y): pass', 'f', 'exec')
compile('import a.b as', 'f', 'exec')
compile('from x import (a, b', 'f', 'exec')
compile('from . import *', 'f', 'exec')
compile('def f():\n    from x import *', 'f', 'exec')
compile('lambda x: (yield)', 'f', 'exec').co_name
compile('nonlocal x', 'f', 'exec')
compile('True = 1', 'f', 'exec')
compile('f() = 1', 'f', 'exec')
compile('[x for x in y] = 1', 'f', 'exec')
compile('a, *b, *c = d', 'f', 'exec')
compile('else: pass', 'f', 'exec')
compile('x = 5 5', 'f', 'exec')
compile('for x in range(3) print(x)', 'f', 'exec')
'''
env = {}
for src in CASES.strip().splitlines():
    try:
        r = repr(eval(src, env))
        print(src, '=>', r if ' at 0x' not in r else '<object with an address>')
    except Exception as e:
        print(src, '!!', type(e).__name__ + ':', e)
