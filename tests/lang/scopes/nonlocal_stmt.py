# nonlocal: rebinding outer locals across levels, errors at compile time.
def outer():
    x = 0
    def mid():
        def inner():
            nonlocal x
            x += 10
        inner()
        nonlocal x
        x += 1
    mid(); mid()
    return x
print(outer())
def swap():
    a, b = 1, 2
    def do():
        nonlocal a, b
        a, b = b, a
    do()
    return a, b
print(swap())
def loop_nonlocal():
    total = 0
    def add(v):
        nonlocal total
        total += v
    for i in range(5):
        add(i)
    return total
print(loop_nonlocal())
def del_nonlocal():
    x = 1
    def d():
        nonlocal x
        del x
    d()
    try:
        return x
    except NameError as e:
        return type(e).__name__ + ': ' + str(e)
print(del_nonlocal())
for src in ["def f():\n    nonlocal x", "nonlocal x", "def f():\n    x = 1\n    def g():\n        x = 2\n        nonlocal x",
            "def f(a):\n    def g():\n        global a\n        nonlocal a", "def f():\n    def g(a):\n        nonlocal a"]:
    try:
        compile(src, 'src', 'exec')
        print('compiled')
    except SyntaxError as e:
        print('SyntaxError', e.msg, e.lineno)
class Holder:
    def method(self):
        val = 'm'
        def inner():
            nonlocal val
            val = val * 2
        inner()
        return val
print(Holder().method())
def gen_nonlocal():
    n = 0
    def g():
        nonlocal n
        while True:
            n += 1
            yield n
    it = g(); next(it); next(it)
    return n
print(gen_nonlocal())
