# Name resolution order: local, enclosing, global, builtins; shadowing builtins.
print(len('abc'))
def local_len():
    len = lambda x: 'local len'
    return len('abc')
print(local_len(), len('abc'))
len = lambda x: 'global len'
print(len('abc'))
del len
print(len('abc'))
import builtins
builtins.my_builtin = 'from builtins'
print(my_builtin)
my_builtin = 'global overrides'
print(my_builtin)
del my_builtin
print(my_builtin)
del builtins.my_builtin
try:
    my_builtin
except NameError as e:
    print('NameError', e)
def uses_print():
    return print.__name__
print(uses_print())
print(__builtins__ is builtins or __builtins__ is builtins.__dict__)
g = {'__builtins__': {'len': lambda x: 'custom'}}
print(eval('len([1, 2])', g))
try:
    eval('abs(-1)', {'__builtins__': {}})
except NameError as e:
    print('NameError', e)
def enclosing():
    sum = 'enclosed'
    def inner():
        return sum
    return inner()
print(enclosing(), sum([1, 2]))
