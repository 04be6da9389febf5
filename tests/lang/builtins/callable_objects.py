# Calling builtin callables in unusual ways: keyword names, positional-only errors, unbound methods and descriptors.
# Each line evaluates one expression and prints its repr, or the exception's type and message.
CASES = r'''
len(obj=[1])
abs(x=-1)
int(x='5')
int('5', base=10)
str(object='x')
sorted(iterable=[2, 1])
sorted([2, 1], reverse=1)
max([1, 2], key=lambda x: -x, default=0)
print.__call__('via __call__') or 'printed'
str.join(',', ['a', 'b'])
str.join(5, [])
list.__len__([1, 2])
dict.get({'a': 1}, 'a')
int.__add__(1, 2)
int.__add__(1, 2.0)
float.__add__(1.0, 2)
object.__repr__(5)[:11]
type.__call__(int, '7')
(1).__class__('8')
getattr(str, 'upper')('x')
getattr('x', 'upper')()
[].append.__call__(1)
range.__call__ if False else range(3).__len__()
complex.real.__get__(3j)
int.real.__get__(5)
str.upper.__get__('q')()
hasattr(len, '__call__')
'''
env = {}
for src in CASES.strip().splitlines():
    try:
        r = repr(eval(src, env))
        print(src, '=>', r if ' at 0x' not in r else '<object with an address>')
    except Exception as e:
        print(src, '!!', type(e).__name__ + ':', e)
