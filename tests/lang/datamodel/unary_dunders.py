# Unary operators, abs, conversions: __neg__ __pos__ __invert__ __abs__ __int__ __float__ __complex__ __index__ __round__ __trunc__ __floor__ __ceil__.
import math
class N:
    def __neg__(self): return 'neg'
    def __pos__(self): return 'pos'
    def __invert__(self): return 'inv'
    def __abs__(self): return 'abs'
    def __int__(self): return 42
    def __float__(self): return 2.5
    def __complex__(self): return 1j
    def __index__(self): return 7
    def __round__(self, nd=None): return f'round({nd})'
    def __trunc__(self): return 'trunc'
    def __floor__(self): return 'floor'
    def __ceil__(self): return 'ceil'
n = N()
print(-n, +n, ~n, abs(n), int(n), float(n), complex(n), round(n), round(n, 2), math.trunc(n), math.floor(n), math.ceil(n))
print(bin(n), hex(n), oct(n), [0, 1, 2, 3, 4, 5, 6, 7, 8][n], 'abcdefghi'[n], range(10)[n], operator_index := n.__index__())
class IndexOnly:
    def __index__(self): return 3
print(int(IndexOnly()), float(IndexOnly()) if hasattr(float, '__index__') else '', complex(IndexOnly()))
class Bad:
    def __int__(self): return 'not int'
    def __index__(self): return 1.5
    def __float__(self): return 1
for f in [int, float, bin, lambda x: [1][x]]:
    try:
        print(f(Bad()))
    except TypeError as e:
        print('TypeError', e)
for op in [lambda x: -x, lambda x: +x, lambda x: ~x, abs, int, float, complex, round, math.floor]:
    try:
        op(object())
    except TypeError as e:
        print('TypeError', e)
class IntSub(int):
    def __neg__(self): return 'IntSub neg'
print(-IntSub(3), +IntSub(3), abs(IntSub(-3)), type(+IntSub(3)).__name__)
