# needs: dataclasses
# dataclasses: generated __init__/__repr__/__eq__, ordering, frozen, field defaults, __match_args__.
from dataclasses import dataclass, field, asdict, replace, FrozenInstanceError
@dataclass(order=True)
class Item:
    name: str
    qty: int = 0
    tags: list = field(default_factory=list)
a, b = Item('a', 2), Item('b')
print(a, b, a < b, a == Item('a', 2), asdict(a), replace(a, qty=9), Item.__match_args__)
@dataclass(frozen=True)
class Pt:
    x: int
    y: int
p = Pt(1, 2)
try:
    p.x = 5
except FrozenInstanceError as e:
    print('FrozenInstanceError', e)
print(hash(p) == hash(Pt(1, 2)))
match a:
    case Item(name, qty):
        print('matched', name, qty)
