# The `type` statement: TypeAliasType objects, lazy values, generic aliases.
type Num = int | float
print(type(Num).__name__, Num.__name__, Num.__value__, Num.__type_params__, repr(Num), Num.__module__)
type ListOf[T] = list[T]
print(ListOf.__type_params__, ListOf.__value__, ListOf[int], type(ListOf[int]).__name__)
type Later = DefinedAfter
class DefinedAfter: pass
print(Later.__value__)
type Broken = missing_name
try:
    Broken.__value__
except NameError as e:
    print('NameError', e)
type Rec = list[Rec]
print(Rec.__value__)
def in_func():
    type Local = str
    return Local
print(in_func().__name__, in_func().__value__)
class Cls:
    type Member = bytes
print(Cls.Member.__name__, Cls.Member.__value__)
try:
    Num()
except TypeError as e:
    print('TypeError', e)
try:
    class Sub(Num): pass
except TypeError as e:
    print('TypeError', e)
print(Num | None, isinstance(3, int))
type = 'soft keyword still usable as a name'
print(type)
del type
print(type(1).__name__)
