# needs: typing
# typing: generics, Protocol, TypedDict, get_type_hints over deferred annotations.
from typing import Generic, TypeVar, Protocol, TypedDict, get_type_hints, Optional, Union
T = TypeVar('T')
class Box(Generic[T]):
    def __init__(self, v: T): self.v = v
print(Box[int](3).v, Box.__parameters__)
class HasLen(Protocol):
    def __len__(self) -> int: ...
class Movie(TypedDict):
    title: str
    year: int
print(Movie(title='x', year=1), Movie.__required_keys__ == {'title', 'year'})
def f(a: 'Optional[int]', b: Union[int, str] = 1) -> None: pass
print(get_type_hints(f))
