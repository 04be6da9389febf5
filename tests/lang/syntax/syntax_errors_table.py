# compile() of invalid programs: SyntaxError messages, lines and offsets (printed via exec of compile).
# Each snippet runs with exec() in a fresh namespace; its variable `out` or its exception is printed.
SNIPPETS = r'''
def attempt(src):
    try:
        compile(src, '<t>', 'exec')
        return 'compiles'
    except SyntaxError as e:
        return (e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, e.text)
out = [attempt(s) for s in ['x = = 1', 'def f(x, /, /): pass', 'def f(*, **k): pass', 'def f(*): pass', 'f(x=1, *a, y)']]
---
def attempt(src):
    try:
        compile(src, '<t>', 'exec')
        return 'compiles'
    except SyntaxError as e:
        return (e.msg, e.lineno, e.offset)
out = [attempt(s) for s in ['class', 'import', 'from x import', 'def', 'lambda', 'if', 'while 1', 'with', 'try:\n  pass', 'try:\n  pass\nfinally']]
---
def attempt(src):
    try:
        compile(src, '<t>', 'exec')
        return 'compiles'
    except SyntaxError as e:
        return (type(e).__name__, e.msg, e.lineno)
out = [attempt(s) for s in ['if 1:\n  x\n y', 'if 1:\nx', '  x = 1', 'def f():\n\tif 1:\n        pass', 'x = (\n1,\n2\n']]
---
def attempt(src):
    try:
        compile(src, '<t>', 'exec')
        return 'compiles'
    except SyntaxError as e:
        return e.msg
out = [attempt(s) for s in ['x + 1 += 1', '[a, b] += 1', 'f() += 1', '(yield) = 1', 'a if b else c = 1', '{a: b} = c', 'a.b: int = 1', '(a): int', '[a]: int']]
---
def attempt(src):
    try:
        compile(src, '<t>', 'exec')
        return 'compiles'
    except SyntaxError as e:
        return e.msg
out = [attempt(s) for s in ['break', 'continue', 'def f():\n  break', 'while 1:\n  def f():\n    continue', 'for x in y:\n  class C:\n    break', 'return 1', 'class C:\n  return 1', 'yield 1', 'class C:\n  yield 1', 'await x']]
---
def attempt(src):
    try:
        compile(src, '<t>', 'exec')
        return 'compiles'
    except SyntaxError as e:
        return e.msg
out = [attempt(s) for s in ['print 1', 'exec "x"', 'x = 1 if 2', 'f(a for a in b, c)', 'f(a, b for b in c)', '[x for x in 1, 2]', 'x = {1: 2, 3}', 'x = {1, 2: 3}', 'a = 1, = 2', '*a']]
---
def attempt(src):
    try:
        compile(src, '<t>', 'exec')
        return 'compiles'
    except SyntaxError as e:
        return e.msg
out = [attempt(s) for s in ['def f(a=1, /, b): pass', 'def f(**k, a): pass', 'def f(a, *, a): pass', 'lambda a, a: 0', 'def f(__debug__): pass', '__debug__ = 1', 'del __debug__', 'f(__debug__=1)', 'import a as __debug__']]
---
def attempt(src):
    try:
        compile(src, '<t>', 'exec')
        return 'compiles'
    except SyntaxError as e:
        return e.msg
out = [attempt(s) for s in ['x = [1 2]', 'x = (1 2)', 'f(1 2)', 'x = 1 2', "x = 'a' 1", 'import a.b.', 'from . import (a,)', 'from .a import b as', 'def f() -> : pass', 'if x = 1: pass', 'while x = 1: pass', 'f(x = 1 = 2)']]
'''
for n, src in enumerate(SNIPPETS.strip().split('\n---\n')):
    ns = {}
    try:
        exec(src, ns)
        r = repr(ns.get('out'))
        print(n, r if ' at 0x' not in r else '<object with an address>')
    except Exception as e:
        print(n, type(e).__name__ + ':', e)
