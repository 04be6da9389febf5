# Mapping patterns: keys, **rest, nested, missing keys, non-mappings.
def m(x):
    match x:
        case {'type': 'point', 'x': int(px), 'y': int(py)}:
            return f'point {px},{py}'
        case {'type': 'circle', 'r': r, **rest}:
            return f'circle r={r} extra={sorted(rest.items())}'
        case {'nested': {'deep': value}}:
            return f'deep {value}'
        case {1: one, 2: t}:
            return f'int keys {one} {t}'
        case {}:
            return 'some mapping'
        case _:
            return 'not a mapping'
for v in [{'type': 'point', 'x': 1, 'y': 2}, {'type': 'point', 'x': 1.5, 'y': 2},
          {'type': 'circle', 'r': 3, 'color': 'red', 'z': 0}, {'nested': {'deep': 42, 'other': 0}},
          {1: 'a'}, {}, [('a', 1)], 'map']:
    print(v, '->', m(v))
class LoggingMap(dict):
    def get(self, k, d=None):
        print('get', k)
        return super().get(k, d)
match LoggingMap(a=1):
    case {'a': 1, 'b': 2}:
        print('no')
    case {'a': v}:
        print('matched a', v)
try:
    compile("match x:\n    case {'a': 1, 'a': 2}:\n        pass", 's', 'exec')
except SyntaxError as e:
    print('SyntaxError', e.msg)
match {'k': [1, 2]}:
    case {'k': [_, second]}:
        print('second', second)
