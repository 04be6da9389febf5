# type aliases with parameters: substitution, nesting, repr, __value__ evaluated lazily each time it is defined.
evaluated = []
def note(x):
    evaluated.append(x)
    return x
type Pair[A, B] = tuple[A, B]
type Lazy = note('evaluated once')
print(evaluated)
print(Lazy.__value__, Lazy.__value__, evaluated)
print(Pair[int, str], Pair[int, str].__origin__ is Pair, Pair[int, str].__args__)
type Nested[T] = list[Pair[T, T]]
print(Nested.__value__, Nested[int])
print(repr(Pair), Pair.__type_params__, [p.__name__ for p in Pair.__type_params__])
type Bounded[T: (int, str)] = list[T]
print(Bounded.__type_params__[0].__constraints__)
try:
    Pair.__value__ = int
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)
print(type(Pair).__name__, type(Pair).__module__)
try:
    type(Pair)('X', int)
    print('constructed directly')
except TypeError as e:
    print('TypeError', e)
