# Uncaught exception reports in full: nested calls, chained causes, context, notes, groups, long lines.
check() { printf '%s' "$1" > tb.py; $PY -S tb.py 2>&1; echo "rc=$?"; }
check 'def a():
    b()
def b():
    c(1, 0)
def c(x, y):
    return x / y
a()
'
check 'try:
    {}["key"]
except KeyError as e:
    raise ValueError("converted") from e
'
check 'try:
    [][0]
except IndexError:
    raise RuntimeError("while handling")
'
check 'try:
    1/0
except ZeroDivisionError:
    raise TypeError("hidden") from None
'
check 'e = ValueError("with notes")
e.add_note("first note")
e.add_note("second note")
raise e
'
check 'raise ExceptionGroup("outer", [ValueError("v"), ExceptionGroup("inner", [TypeError("t")])])
'
check 'x = {"a": {"b": None}}
print(x["a"]["b"]["c"])
'
check 'class C:
    def method(self):
        return self.missing_attribute
C().method()
'
check 'import sys
def rec(n):
    return rec(n + 1)
sys.setrecursionlimit(100)
rec(0)
'
check 'def gen():
    yield 1
    raise StopIteration("inside generator")
list(gen())
'
check 'result = undefined_variable + 1
'
check 'import math
math.sqrt(-1)
'
check 'lst = [1, 2, 3]
total = lst[0] + lst[1] + lst[10]
'
check 'def f(a, b):
    pass
f(1, 2, 3)
'
check 'exec("def g():\n    raise KeyError(5)\ng()")
'
