# Very deep and very wide class hierarchies: MRO computation, attribute lookup and super() chains at depth.
base = object
classes = []
for i in range(300):
    base = type(f'C{i}', (base,), {'level': i})
    classes.append(base)
deep = base()
print(deep.level, len(type(deep).__mro__), isinstance(deep, classes[0]), type(deep).__mro__[-2].__name__)
class Root:
    def chain(self):
        return 0
def add_level(parent, i):
    def chain(self):
        return 1 + super(klass, self).chain()
    klass = type(f'K{i}', (parent,), {'chain': chain})
    return klass
def make_chain(n):
    cls = Root
    for i in range(n):
        cls = add_level(cls, i)
    return cls
K = make_chain(150)
print(K().chain())
wide_bases = [type(f'W{i}', (), {f'attr{i}': i}) for i in range(200)]
Wide = type('Wide', tuple(wide_bases), {})
w = Wide()
print(w.attr0, w.attr199, len(Wide.__mro__))
try:
    type('Bad', (classes[5], classes[3], classes[4]), {})
except TypeError as e:
    print('TypeError', str(e)[:60])
