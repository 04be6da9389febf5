# typing primitives from the _typing-backed builtins: TypeVar/ParamSpec/TypeVarTuple created by type-parameter syntax, unions.
def f[T, *Ts, **P](): pass
T, Ts, P = f.__type_params__
print(T.__name__, Ts.__name__, P.__name__, T.__module__ == __name__ or T.__module__)
print(type(P.args).__name__, type(P.kwargs).__name__, repr(P.args), repr(P.kwargs))
print(repr(T | int), repr(int | T))
print(int | str, type(int | str).__name__, (int | str).__args__, int | str == str | int, int | int)
print(int | None, None | int, (int | str) | bytes, isinstance(5, int | str), issubclass(bool, int | None))
try:
    int | 5
except TypeError as e:
    print('TypeError', e)
print(list[int] | None, type(list[int] | None).__name__)
u = int | str
print(hash(u) == hash(str | int), u.__parameters__)
print(list[T], list[T].__parameters__, dict[str, T][int])
try:
    list[int][str]
except TypeError as e:
    print('TypeError', e)
print(tuple[int, ...], tuple[()], type[int], type[int].__origin__)
class G[X]:
    pass
print(G[int], G[int].__args__, G.__type_params__[0] is not T)
try:
    G[int, str]
    print('no arity check on plain class')
except TypeError as e:
    print('TypeError', e)
