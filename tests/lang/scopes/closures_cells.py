# Cells shared between sibling closures, cells for parameters, loops creating cells, class cells (__class__).
def siblings():
    x = 0
    def inc():
        nonlocal x
        x += 1
    def get():
        return x
    return inc, get
inc, get = siblings()
inc(); inc()
print(get(), inc.__closure__[0] is get.__closure__[0])
def param_cell(p):
    def show():
        return p
    p = p * 2
    return show
print(param_cell(5)())
def loop_cells():
    fs = []
    for i in range(3):
        def f(i=i):
            return i
        def g():
            return i
        fs.append((f, g))
    return [(f(), g()) for f, g in fs]
print(loop_cells())
def empty_cell():
    def inner():
        return later
    c = inner.__closure__[0]
    try:
        c.cell_contents
    except ValueError as e:
        print('ValueError', e)
    later = 1
    return c.cell_contents
print(empty_cell())
def set_cell():
    v = 'old'
    def read():
        return v
    read.__closure__[0].cell_contents = 'new'
    return read(), v
print(set_cell())
def mk():
    a = 1
    return lambda: a
cell = mk().__closure__[0]
print(type(cell).__name__, cell.cell_contents, cell == cell)
class K:
    def m(self):
        return __class__
    def n(self):
        return super().__self_class__
print(K().m() is K, K().n() is K, K.m.__closure__[0].cell_contents is K)
