# global and nonlocal in the same program: module state updated from nested closures, names resolved per function.
total = 0
def outer():
    total = 'outer local'
    def inner_global():
        global total
        total += 10
    def inner_nonlocal():
        nonlocal total
        total = total.upper()
    inner_global()
    inner_nonlocal()
    return total
print(outer(), total)
def make():
    global made
    made = []
    def add(x):
        made.append(x)
    return add
add = make()
add(1); add(2)
print(made)
def gen_global():
    global g_count
    g_count = 0
    while True:
        g_count += 1
        yield g_count
g = gen_global()
next(g); next(g)
print(g_count)
class K:
    global class_set
    class_set = 'from class body'
    def m(self):
        global method_set
        method_set = 'from method'
K().m()
print(class_set, method_set)
