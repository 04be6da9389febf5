# class statement basics: attributes, methods, docstrings, nested classes, qualnames.
class Point:
    """A point."""
    dims = 2
    def __init__(self, x, y):
        self.x, self.y = x, y
    def norm2(self):
        return self.x ** 2 + self.y ** 2
    def __repr__(self):
        return f'Point({self.x}, {self.y})'
    class Inner:
        def m(self):
            pass
p = Point(3, 4)
print(p, p.norm2(), Point.dims, p.dims, Point.__doc__, Point.__name__, Point.__qualname__)
print(Point.Inner.__qualname__, Point.Inner.m.__qualname__, Point.norm2.__qualname__, Point.__module__)
print(type(p) is Point, isinstance(p, Point), Point.__bases__, Point.__mro__)
p.z = 5; print(sorted(vars(p).items()))
Point.dims = 3; print(p.dims)
p.dims = 9; print(p.dims, Point.dims)
print(Point.norm2(p), p.norm2.__self__ is p, p.norm2.__func__ is Point.norm2)
def outer():
    class Local:
        pass
    return Local
print(outer().__qualname__)
class Empty: pass
print(Empty().__class__.__name__, Empty.__doc__)
try:
    Point(1)
except TypeError as e:
    print('TypeError', e)
try:
    p.missing
except AttributeError as e:
    print('AttributeError', e)
class WithBody:
    x = 1
    y = x + 1
    z = [_ * 2 for _ in range(2)]
print(WithBody.y, WithBody.z)
print('x' in WithBody.__dict__, type(WithBody.__dict__).__name__)
