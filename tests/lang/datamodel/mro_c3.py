# C3 linearization: diamonds, complex hierarchies, inconsistent orders.
class O: pass
class A(O): pass
class B(O): pass
class C(O): pass
class D(O): pass
class E(O): pass
class K1(A, B, C): pass
class K2(D, B, E): pass
class K3(D, A): pass
class Z(K1, K2, K3): pass
print([c.__name__ for c in Z.__mro__])
print([c.__name__ for c in Z.mro()])
class Base:
    def who(self): return 'Base'
class Left(Base):
    def who(self): return 'Left>' + super().who()
class Right(Base):
    def who(self): return 'Right>' + super().who()
class Bottom(Left, Right):
    def who(self): return 'Bottom>' + super().who()
print(Bottom().who(), [c.__name__ for c in Bottom.__mro__])
try:
    class Bad(A, K1): pass
except TypeError as e:
    print('TypeError', e)
try:
    class Dup(A, A): pass
except TypeError as e:
    print('TypeError', e)
try:
    class FromInt(int, str): pass
except TypeError as e:
    print('TypeError', e)
class X(int): pass
class Y(X, float.__mro__[-1]): pass
print([c.__name__ for c in Y.__mro__])
print(issubclass(Z, O), issubclass(Z, (int, K3)), isinstance(Z(), A), Z.__bases__ == (K1, K2, K3))
class Meta(type):
    def mro(cls):
        return [cls, object]
class Custom(A, metaclass=Meta): pass
print([c.__name__ for c in Custom.__mro__], issubclass(Custom, A))
