# Deeply nested functions using variables from several enclosing levels, including class bodies in between.
def level1():
    a = 'a'
    def level2():
        b = 'b'
        class Mid:
            c = 'c'
            def method(self):
                d = 'd'
                def level4():
                    return a + b + d + self.c
                return level4()
        return Mid().method()
    return level2()
print(level1())
def counter_factory():
    count = 0
    def make_incrementer(step):
        def inc():
            nonlocal count
            count += step
            return count
        return inc
    return make_incrementer
mk = counter_factory()
inc1, inc5 = mk(1), mk(5)
print(inc1(), inc5(), inc1(), inc5())
def shadowing():
    x = 'outer'
    def mid():
        x = 'mid'
        def inner():
            return x
        return inner()
    return mid(), x
print(shadowing())
def rebinding_after_closure_creation():
    fs = []
    v = 1
    fs.append(lambda: v)
    v = 2
    fs.append(lambda: v)
    return [f() for f in fs]
print(rebinding_after_closure_creation())
