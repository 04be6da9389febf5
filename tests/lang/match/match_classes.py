# Class patterns: positional via __match_args__, keywords, builtins' self-matching, errors.
class Point:
    __match_args__ = ('x', 'y')
    def __init__(self, x, y):
        self.x, self.y = x, y
class Point3(Point):
    __match_args__ = ('x', 'y', 'z')
    def __init__(self, x, y, z):
        super().__init__(x, y); self.z = z
class NoArgs:
    def __init__(self): self.v = 1
def m(o):
    match o:
        case Point3(x, y, z=0):
            return f'flat 3d {x},{y}'
        case Point(0, 0):
            return 'origin'
        case Point(x=0, y=y):
            return f'on y axis at {y}'
        case Point(x, y) if x == y:
            return 'diagonal'
        case Point(y=yy):
            return f'point with y={yy}'
        case int(i) | float(i):
            return f'number {i}'
        case str(s):
            return f'str {s}'
        case list([a, *_]):
            return f'list starting {a}'
        case dict({'k': v}):
            return f'dict k={v}'
        case NoArgs(v=1):
            return 'NoArgs v=1'
        case _:
            return 'other'
for o in [Point(0, 0), Point(0, 5), Point(2, 2), Point(1, 9), Point3(1, 2, 0), Point3(1, 2, 3), 4, 2.5, 'hi', [7, 8], {'k': 'v'}, NoArgs(), None]:
    print(m(o))
def bad(o):
    match o:
        case NoArgs(1):
            return 'x'
try:
    bad(NoArgs())
except TypeError as e:
    print('TypeError', e)
class TooMany:
    __match_args__ = ('a',)
    a = 1
try:
    match TooMany():
        case TooMany(1, 2):
            pass
except TypeError as e:
    print('TypeError', e)
try:
    match 5:
        case len():
            pass
except TypeError as e:
    print('TypeError', e)
try:
    match 1:
        case int(1, 2):
            pass
except TypeError as e:
    print('TypeError', e)
class BadArgs:
    __match_args__ = 'x'
try:
    match BadArgs():
        case BadArgs(1):
            pass
except TypeError as e:
    print('TypeError', e)
