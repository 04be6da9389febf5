# dict views: set operations, reversed, len after mutation, mapping attribute, comparison and repr.
# Each line evaluates one expression and prints its repr, or the exception's type and message.
CASES = r'''
{'a': 1, 'b': 2}.keys()
{'a': 1}.values()
{'a': 1}.items()
{'a': 1, 'b': 2}.keys() & {'b', 'c'}
sorted({'a': 1, 'b': 2}.keys() | ['z'])
{'a': 1, 'b': 2}.keys() - {'a'}
{'a': 1, 'b': 2}.keys() ^ {'b', 'c'} == {'a', 'c'}
{'a': 1}.items() & {('a', 1), ('b', 2)}
{'a': [1]}.items() & {('a', 1)}
{'a': 1}.keys() == {'a'}
{'a': 1}.keys() < {'a', 'b'}
{'a': 1}.values() == {'a': 1}.values()
list(reversed({'a': 1, 'b': 2}.items()))
list(reversed({'a': 1, 'b': 2}.values()))
{'a': 1}.keys().mapping
{'a': 1}.keys().isdisjoint(['b'])
'a' in {'a': 1}.keys()
1 in {'a': 1}.values()
('a', 1) in {'a': 1}.items()
len({}.items())
{'a': 1}.keys() | 5
hash({}.keys())
sorted({3: 0, 1: 0, 2: 0}.keys())
type({}.keys() & set()).__name__
'''
env = {}
for src in CASES.strip().splitlines():
    try:
        r = repr(eval(src, env))
        print(src, '=>', r if ' at 0x' not in r else '<object with an address>')
    except Exception as e:
        print(src, '!!', type(e).__name__ + ':', e)
