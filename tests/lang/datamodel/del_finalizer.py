# __del__: called when the last reference goes, on gc of cycles, exceptions in __del__ are reported not raised.
import gc
class Noisy:
    def __init__(self, name): self.name = name
    def __del__(self): print('del', self.name)
a = Noisy('a')
del a
print('after del a')
b = Noisy('b')
b = None
print('after rebind b')
def scope():
    c = Noisy('c')
    return 'leaving scope'
print(scope())
x = Noisy('cycle1'); y = Noisy('cycle2'); x.other = y; y.other = x
del x, y
print('cycle created')
gc.collect()
print('after collect')
lst = [Noisy('in list')]
lst.clear()
print('after clear')
class Resurrect:
    saved = []
    def __del__(self):
        print('resurrecting')
        Resurrect.saved.append(self)
r = Resurrect(); del r
print(len(Resurrect.saved))
Resurrect.saved.clear()
print('second del is not called again')
d = {'k': Noisy('dict value')}
d['k'] = 1
print('replaced dict value')
class Parent:
    def __del__(self): print('parent del')
class Child(Parent): pass
Child()
print('end')
