# Properties across inheritance: overriding a property with a plain attribute, class attribute shadowing, setter in subclass.
class Base:
    @property
    def value(self):
        return 'base value'
class OverrideAttr(Base):
    value = 'plain class attribute'
print(Base().value, OverrideAttr().value)
class AddSetter(Base):
    @Base.value.setter
    def value(self, v):
        self._v = v
a = AddSetter(); a.value = 5; print(a.value, a._v)
try:
    Base().value = 1
except AttributeError as e:
    print('AttributeError', e)
class Cached:
    def __init__(self): self.calls = 0
    @property
    def expensive(self):
        self.calls += 1
        return self.calls
c = Cached(); print(c.expensive, c.expensive, c.calls)
class InstanceShadow:
    @property
    def p(self): return 'property'
i = InstanceShadow()
i.__dict__['p'] = 'instance dict'
print(i.p)
class NonDataShadow:
    def method(self): return 'method'
n = NonDataShadow(); n.method = lambda: 'instance attr'; print(n.method())
print(type(Base.value).__name__, Base.value.fget(None), isinstance(Base.__dict__['value'], property))
class Abstractish:
    @property
    def must(self):
        raise NotImplementedError
class Concrete(Abstractish):
    must = property(lambda self: 'concrete')
print(Concrete().must)
