# Generic classes via PEP 695: __parameters__, subscription, subclassing a parameterized generic, methods with own params.
class Stack[T]:
    def __init__(self) -> None:
        self.items: list[T] = []
    def push(self, item: T) -> None:
        self.items.append(item)
    def pop(self) -> T:
        return self.items.pop()
    def map[U](self, f: 'Callable[[T], U]') -> 'Stack[U]':
        out = Stack()
        for i in self.items:
            out.push(f(i))
        return out
s = Stack[int]()
s.push(1); s.push(2)
print(s.pop(), s.map(lambda x: x * 10).items, type(s).__name__)
print(Stack.__type_params__, Stack.map.__type_params__, Stack.__parameters__ if hasattr(Stack, '__parameters__') else ())
class IntStack(Stack[int]):
    pass
print(IntStack.__bases__, IntStack.__orig_bases__ if hasattr(IntStack, '__orig_bases__') else '', IntStack().items)
class Pair[A, B]:
    def __init__(self, a: A, b: B): self.a, self.b = a, b
    def swap(self) -> 'Pair[B, A]': return Pair(self.b, self.a)
p = Pair(1, 'x').swap()
print(p.a, p.b, Pair[int, str].__args__)
def identity[T](x: T) -> T:
    return x
print(identity(5), identity.__type_params__[0].__name__)
class Constrained[N: (int, float)]:
    pass
print(Constrained.__type_params__[0].__constraints__)
