# list, dict and set method calls with unusual arguments.
# Each line evaluates one expression and prints its repr, or the exception's type and message.
CASES = r'''
[1, 2, 3].index(2, 1)
[1, 2, 3].index(2, 2)
[1, 2, 3].index(1, -3, -1)
[1].pop(-5)
[1, 2].insert(-100, 0)
[3, 1, 2].sort(key=None, reverse=False)
[1, 2].sort(1)
[].extend(5)
list('ab').__add__(['c'])
[1].__add__((2,))
[1] + (2,)
[1] * -1
[0] * (2 ** 62)
[1, 2, 3].copy()
list.append([], 1)
list.append((), 1)
{}.get()
{}.get(1, 2, 3)
{'a': 1}.pop('b')
{'a': 1}.pop('b', None)
{}.setdefault('k')
dict(a=1).update(5)
dict(a=1).update([(1, 2, 3)])
dict([(1, 2), (3, 4)])
dict([[1, 2]])
dict(['ab', 'cd'])
dict(['abc'])
dict({'a': 1}, b=2)
dict.fromkeys([1, 2])
dict.fromkeys(5)
{'a': 1} == {'a': 1.0}
{'a': 1} | 5
{1: 1}.keys() | {2}
{1: 1}.keys() - {1}
{1: 1}.keys() ^ {1, 2}
{1: 1}.values() == {1: 1}.values()
len({1: 1}.items())
(1, 1) in {1: 1}.items()
([], 1) in {1: 1}.items()
list({1: 1, 2: 2}.keys().mapping.items()) if hasattr({}.keys(), 'mapping') else 'no mapping'
{1, 2}.union()
{1, 2}.issubset([1, 2, 3])
{1, 2}.issuperset(5)
{1}.update([2], (3,))
set([1, 2]).symmetric_difference([2, 3])
frozenset([1]).union([2])
frozenset() == set()
{1, 2} < {1, 2}
{1, 2} <= {1, 2}
{1} | [2]
set.add(frozenset(), 1)
{1, 2}.pop() in {1, 2}
set('ab') - set('b')
'''
env = {}
for src in CASES.strip().splitlines():
    try:
        r = repr(eval(src, env))
        print(src, '=>', r if ' at 0x' not in r else '<object with an address>')
    except Exception as e:
        print(src, '!!', type(e).__name__ + ':', e)
