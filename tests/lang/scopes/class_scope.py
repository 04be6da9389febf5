# Class-body scope rules: names not visible in methods, __class__ cell, comprehension scope.
x = 'global'
class A:
    x = 'class'
    def method(self):
        return x
    y = [x for _ in range(1)]
    z = (lambda: x)()
print(A().method(), A.y, A.z)
def f():
    x = 'enclosing'
    class B:
        print('in body', x)
        x = 'B attr'
        def m(self):
            return x
    return B
B = f(); print(B().m(), B.x)
def g():
    v = 'free'
    class C:
        v_copy = v
        def m(self):
            return v
    return C
C = g(); print(C.v_copy, C().m())
class D:
    def who(self):
        return __class__.__name__
print(D().who())
class E:
    a = 1
    b = [a * 2 for _ in range(1)] if False else None
    def m(self):
        return __class__
print(E().m() is E)
class F:
    names = ['p', 'q']
    upper = [n.upper() for n in names]
print(F.upper)
def h():
    class G:
        nonlocal_var = 1
    return G.nonlocal_var
print(h())
class Shadow:
    len = 5
    size = len([1, 2]) if not isinstance(len, int) else len
print(Shadow.size)
