# Closures: captured cells, late binding, counters, cell contents.
def make_counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc
c1, c2 = make_counter(), make_counter()
print(c1(), c1(), c1(5), c2(), c1.__code__.co_freevars, make_counter.__code__.co_cellvars)
print(c1.__closure__[0].cell_contents)
def outer():
    x = 1
    def get():
        return x
    x = 2
    return get
print(outer()())
def multipliers():
    return [lambda v: v * i for i in range(3)]
print([m(10) for m in multipliers()])
def multipliers_bound():
    return [lambda v, i=i: v * i for i in range(3)]
print([m(10) for m in multipliers_bound()])
def deep():
    a = 'a'
    def l1():
        b = 'b'
        def l2():
            c = 'c'
            def l3():
                return a + b + c
            return l3
        return l2
    return l1
print(deep()()()())
def shared():
    v = []
    def add(x):
        v.append(x)
    def get():
        return list(v)
    return add, get
add, get = shared(); add(1); add(2); print(get())
def unbound():
    def inner():
        return later
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    later = 5
    return inner()
print(unbound())
def param_capture(p):
    return lambda: p
print(param_capture('param')())
def cell_mutate():
    x = 1
    f = lambda: x
    x = 100
    return f()
print(cell_mutate())
