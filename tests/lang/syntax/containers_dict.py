# dict operations: insertion order, views, merging, errors.
d = {'b': 1, 'a': 2}
d['c'] = 3; d['b'] = 10
print(d, list(d), list(d.keys()), list(d.values()), list(d.items()))
print(d.get('a'), d.get('z'), d.get('z', 0), 'a' in d, 'z' not in d, len(d))
print(d.pop('a'), d.pop('z', 'dflt'), d.setdefault('e', 5), d.setdefault('b', 0), d)
print(d.popitem(), d)
d.update({'x': 1}, y=2); d.update([('z', 3)]); print(d)
print(d | {'x': 100, 'new': 0}, {**d, 'b': -1})
d |= {'q': 9}; print(d)
print(dict.fromkeys('abc', 0), dict(a=1, b=2), dict([(1, 2)]), dict(zip('xy', (1, 2))))
e = {1: 'int', 1.0: 'float', True: 'bool'}; print(e)
del d['x']; print(d, sorted(d), d.copy() == d, d == dict(d))
k = d.keys(); d['late'] = 1; print(list(k)[-1], len(k), 'late' in k)
print({1: 2}.keys() & {1, 3}, {1: 2}.items() | {(5, 6)} == {(1, 2), (5, 6)})
for expr in ["{}['k']", "{}.pop('k')", "{}.popitem()", "{[1]: 2}", "dict(1)", "dict([1])", "{1: 2} + {3: 4}"]:
    try:
        print(expr, eval(expr))
    except Exception as e:
        print(expr, type(e).__name__, e)
it = iter({1: 1, 2: 2})
dd = {1: 1}
try:
    for key in dd:
        dd[key + 1] = 0
except RuntimeError as e:
    print('RuntimeError', e)
print(list(reversed({'a': 1, 'b': 2})), dict(sorted({'z': 1, 'a': 2}.items())))
