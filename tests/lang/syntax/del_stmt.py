# del on names, attributes, subscripts, slices; errors after deletion.
x = 1
del x
try:
    print(x)
except NameError as e:
    print('NameError', e)
l = list(range(8)); del l[0], l[-1]; print(l)
del l[1:3]; print(l)
d = {'a': 1, 'b': 2}; del d['a']; print(d)
try:
    del d['zz']
except KeyError as e:
    print('KeyError', e)
class O: pass
o = O(); o.attr = 1; del o.attr
try:
    del o.attr
except AttributeError as e:
    print('AttributeError', e)
a, b = 1, 2
del (a, b)
print('a' in dir(), 'b' in dir())
def f():
    v = 1
    del v
    try:
        return v
    except UnboundLocalError as e:
        return 'UnboundLocalError ' + str(e)
print(f())
def g():
    del undefined_local
    undefined_local = 1
try:
    g()
except UnboundLocalError as e:
    print('UnboundLocalError', e)
try:
    del nothing_here
except NameError as e:
    print('NameError', e)
t = (1, 2)
try:
    del t[0]
except TypeError as e:
    print('TypeError', e)
lst = [[1, 2], [3]]; del lst[0][1]; print(lst)
for i in range(2):
    pass
del i
print('i' in globals())
