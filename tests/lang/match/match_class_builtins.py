# Class patterns with builtin types that match their own value positionally (bool, bytearray, bytes, dict, float, frozenset, int, list, set, str, tuple).
samples = [True, bytearray(b'a'), b'b', {'k': 1}, 1.5, frozenset({1}), 7, [1], {2}, 's', (1,), None, 1j]
def which(x):
    match x:
        case bool(v):
            return f'bool {v}'
        case bytearray(v):
            return f'bytearray {v}'
        case bytes(v):
            return f'bytes {v}'
        case dict(v):
            return f'dict {v}'
        case float(v):
            return f'float {v}'
        case frozenset(v):
            return f'frozenset {sorted(v)}'
        case int(v):
            return f'int {v}'
        case list(v):
            return f'list {v}'
        case set(v):
            return f'set {sorted(v)}'
        case str(v):
            return f'str {v}'
        case tuple(v):
            return f'tuple {v}'
        case complex(real=r, imag=i):
            return f'complex {r} {i}'
        case _:
            return 'none of them'
for s in samples:
    print(which(s))
class MyInt(int): pass
match MyInt(5):
    case int(v):
        print('subclass matches builtin self pattern', v, type(v).__name__)
