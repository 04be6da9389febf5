# __getattribute__ overrides and what they do not intercept: implicit special-method lookup, super(), type attributes.
class Loud:
    def __getattribute__(self, name):
        if not name.startswith('__'):
            print('lookup', name)
        return super().__getattribute__(name)
    def __len__(self):
        return 3
    def method(self):
        return 'method result'
l = Loud()
print(len(l))
print(l.method())
l.data = 5
print(l.data)
print(type(l).method(l))
class Proxy:
    def __init__(self, target):
        object.__setattr__(self, '_target', target)
    def __getattr__(self, name):
        return getattr(object.__getattribute__(self, '_target'), name)
    def __setattr__(self, name, value):
        setattr(object.__getattribute__(self, '_target'), name, value)
class Target:
    x = 1
t = Target()
p = Proxy(t)
p.y = 2
print(p.x, p.y, t.y, 'y' in vars(t), 'y' in vars(p))
try:
    len(Proxy([1, 2]))
except TypeError as e:
    print('TypeError', e)
print(Proxy([1, 2]).count(1), Proxy('abc').upper())
class Counted:
    lookups = 0
    def __getattribute__(self, name):
        type(self).lookups += 1
        return object.__getattribute__(self, name)
c = Counted()
c.a = 1
c.a; c.a
print(Counted.lookups >= 2)
