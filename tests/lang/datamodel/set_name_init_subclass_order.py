# The order of class-creation hooks: metaclass __new__, __set_name__ for each attribute (in definition order), __init_subclass__, metaclass __init__, class decorators.
log = []
class Field:
    def __init__(self, n): self.n = n
    def __set_name__(self, owner, name):
        log.append(f'set_name {name} on {owner.__name__}')
class Meta(type):
    def __new__(mcs, name, bases, ns):
        log.append(f'meta new {name}')
        cls = super().__new__(mcs, name, bases, ns)
        log.append(f'meta new done {name}')
        return cls
    def __init__(cls, name, bases, ns):
        log.append(f'meta init {name}')
        super().__init__(name, bases, ns)
class Base(metaclass=Meta):
    def __init_subclass__(cls):
        log.append(f'init_subclass {cls.__name__}')
def deco(cls):
    log.append(f'decorator {cls.__name__}')
    return cls
log.clear()
@deco
class Model(Base):
    second = Field(2)
    first = Field(1)
    third = Field(3)
for line in log:
    print(line)
class Late:
    pass
Late.added = Field(0)
print('set_name not called for attributes added later:', log[-1])
