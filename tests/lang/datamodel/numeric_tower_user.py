# A user-defined numeric type interoperating with int/float: all arithmetic dunders, comparisons, hashing, conversions.
class Money:
    def __init__(self, cents): self.cents = int(cents)
    def __repr__(self): return f'Money({self.cents / 100:.2f})'
    def _coerce(self, o):
        if isinstance(o, Money): return o.cents
        if isinstance(o, int): return o * 100
        return NotImplemented
    def __add__(self, o):
        c = self._coerce(o)
        return NotImplemented if c is NotImplemented else Money(self.cents + c)
    __radd__ = __add__
    def __sub__(self, o):
        c = self._coerce(o)
        return NotImplemented if c is NotImplemented else Money(self.cents - c)
    def __rsub__(self, o):
        c = self._coerce(o)
        return NotImplemented if c is NotImplemented else Money(c - self.cents)
    def __mul__(self, k):
        return Money(self.cents * k) if isinstance(k, int) else NotImplemented
    __rmul__ = __mul__
    def __truediv__(self, k): return Money(self.cents / k)
    def __floordiv__(self, o): return self.cents // o.cents if isinstance(o, Money) else NotImplemented
    def __mod__(self, o): return Money(self.cents % o.cents)
    def __neg__(self): return Money(-self.cents)
    def __abs__(self): return Money(abs(self.cents))
    def __eq__(self, o): return isinstance(o, Money) and self.cents == o.cents
    def __lt__(self, o): return self.cents < o.cents
    def __hash__(self): return hash(self.cents)
    def __bool__(self): return self.cents != 0
    def __int__(self): return self.cents // 100
    def __float__(self): return self.cents / 100
    def __round__(self, n=None): return Money(round(self.cents, -2))
    def __format__(self, spec): return format(self.cents / 100, spec or '.2f')
a, b = Money(1050), Money(299)
print(a + b, a - b, 3 - b, 2 * a, a * 2, a / 4, a // b, a % b, -a, abs(-a), sum([a, b], Money(0)))
print(a == Money(1050), a != b, b < a, sorted([a, b, Money(5)]), max(a, b), len({a, Money(1050)}))
print(bool(Money(0)), int(a), float(b), round(Money(1250)), f'{a}', f'{b:>8.1f}')
try:
    a * 1.5
except TypeError as e:
    print('TypeError', e)
try:
    a < 5
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
