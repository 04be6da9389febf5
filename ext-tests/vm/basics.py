# Calls, argument binding errors, closures, classes, comprehensions.
def f(a, b=1, *, k):
    return a, b, k

for call in ["f(1,2,3)", "f(1,2,3,k=1)", "f(1, z=2, k=1)", "f(1, a=2, k=1)", "f()", "f(1)",
             "f(1,2,x=1,k=1)", "f(**{'a':1}, **{'a':2})", "f(**1)", "f(*1)", "f(**{1: 2})"]:
    try:
        eval(call)
    except TypeError as e:
        print("TypeError:", e)

def g(a, /, b):
    return a + b
try:
    g(a=1, b=2)
except TypeError as e:
    print(e)

def h():
    pass
try:
    h(1)
except TypeError as e:
    print(e)

class C:
    def m(self, x):
        return x * 2
c = C()
print(c.m(3), C.m(c, 4))
try:
    c.m()
except TypeError as e:
    print(e)

def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
i = counter()
i(); i()
print(i(), i.__closure__[0].cell_contents)

def outer():
    def inner():
        return y
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    y = 1
outer()

def unbound():
    print(x)
    x = 1
try:
    unbound()
except UnboundLocalError as e:
    print(e)

try:
    undefined_name
except NameError as e:
    print(e, e.name)

print({k: v for k, v in zip("abc", range(3))}, {x % 3 for x in range(10)})
print(list(x for x in range(5)), sum(x * x for x in range(10)))

a, *b, c = range(6)
print(a, b, c)
for s in ["a,b=[1,2,3]", "a,b,c=[1,2]", "a,b=1", "a,*b,c=[1]", "a,b=iter([1,2,3])"]:
    try:
        exec(s)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

print(f"{1+1} {'x'!r} {3.14159:.2f} {42:>5}|")
x = 5
print(f"{x=}")
print(1 if x else 2, not x, x and 0, x or 0)
print([1, 2, 3][1:], (1, 2, 3)[::-1], "abcdef"[1:4:2])
d = {}
d["a"] = 1
d["a"] += 5
del d["a"]
print(d)
l = [1, 2, 3]
l[1:2] = [7, 8]
del l[0]
print(l)

class P:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"P({self.v})"
    def __add__(self, o):
        return P(self.v + o.v)
    def __eq__(self, o):
        return self.v == o.v
print(P(1) + P(2), P(1) == P(1), P(1) != P(2))

class Base:
    def hello(self):
        return "base"
class Derived(Base):
    def hello(self):
        return "derived+" + super().hello()
print(Derived().hello())

try:
    1 + "a"
except TypeError as e:
    print(e)
try:
    one = 1
    one()
except TypeError as e:
    print(e)
try:
    for _ in 1:
        pass
except TypeError as e:
    print(e)
try:
    with 1:
        pass
except TypeError as e:
    print(e)

import sys
def rec(n):
    return rec(n + 1)
try:
    rec(0)
except RecursionError as e:
    print("RecursionError", e)


lam = lambda x, y=2: x * y
print(lam(3), lam.__name__, lam.__qualname__, f.__defaults__, f.__kwdefaults__, f.__code__.co_varnames)
print(f.__name__, f.__qualname__, C.m.__qualname__, counter.__code__.co_cellvars, i.__code__.co_freevars)

while True:
    x -= 1
    if x < 2:
        break
else:
    print("no")
print(x)
for j in range(3):
    pass
else:
    print("else", j)

match {"a": 1, "b": [1, 2]}:
    case {"a": 1, "b": [x, y]}:
        print("matched", x, y)
class Pt:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
match Pt(1, 2):
    case Pt(1, y=2):
        print("Pt ok")
match 5:
    case v if v > 3:
        print("int", v)
match [1, 2, 3]:
    case [1, *rest]:
        print("rest", rest)
