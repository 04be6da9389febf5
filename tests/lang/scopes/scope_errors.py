# Scope-related compile errors and runtime NameError/UnboundLocalError variants, including in comprehensions and classes.
cases = [
    "def f():\n    print(x)\n    x = 1\nf()",
    "def f():\n    x += 1\n    x = 0\nf()",
    "def f():\n    def g():\n        return y\n    return g()\nf()",
    "def f():\n    def g():\n        return z\n    r = g()\n    z = 1\n    return r\nf()",
    "class C:\n    a = 1\n    b = [a for _ in range(1)]",
    "class C:\n    a = 1\n    def m(self):\n        return a\nC().m()",
    "def f():\n    [q := 1 for _ in range(1)]\n    return q\nr = f()",
    "x = 1\ndef f():\n    global x\n    del x\nf()\nx",
    "def f():\n    import sys as never_used\n    del never_used\n    return never_used\nf()",
    "def f():\n    for i in []:\n        pass\n    return i\nf()",
    "def f():\n    try:\n        1/0\n    except ZeroDivisionError as e:\n        pass\n    return e\nf()",
    "def f():\n    with open.__class__ if False else None as cm:\n        pass\nf()",
    "lambda: (x := 1)",
    "def f(x):\n    global x",
    "def f():\n    nonlocal y",
    "class C:\n    nonlocal z",
    "def f():\n    x = 1\n    def g():\n        print(x)\n        nonlocal x",
    "[x for x in range(3) if (x := 1)]",
    "[(y := 1) for y in range(3)]",
    "def f():\n    global a\n    a = 1\n    def g():\n        nonlocal a",
]
for src in cases:
    try:
        exec(src, {})
        print('ok')
    except SyntaxError as e:
        print('SyntaxError', e.msg, e.lineno)
    except Exception as e:
        print(type(e).__name__, e)
