# global declarations in functions, nested functions, class bodies, exec.
counter = 0
def inc():
    global counter
    counter += 1
    return counter
print(inc(), inc(), counter)
def make():
    global created
    created = 'yes'
make(); print(created)
def outer():
    x = 'local'
    def inner():
        global x
        x = 'global x'
    inner()
    return x
print(outer(), x)
class K:
    global from_class
    from_class = 'set in class'
    val = counter
print(from_class, K.val)
def reader():
    return counter * 10
print(reader())
def shadow():
    counter = 'shadow'
    return counter
print(shadow(), counter)
g = {}
exec('global q\nq = 5', g); print(g['q'])
def err():
    print(undefined_global_name)
try:
    err()
except NameError as e:
    print('NameError', e)
def uses_before_assign():
    try:
        print(counter)
    except UnboundLocalError as e:
        print('UnboundLocalError', e)
    counter = 1
uses_before_assign()
for src in ["def f(a):\n    global a", "x = 1\nglobal x", "def f():\n    x = 1\n    global x"]:
    try:
        compile(src, 'src', 'exec')
    except SyntaxError as e:
        print('SyntaxError', e.msg, e.lineno)
