# Round trips between types: int<->str in bases, float<->str, bytes<->str, list<->tuple<->set, dict<->items.
# Each line evaluates one expression and prints its repr, or the exception's type and message.
CASES = r'''
int(str(2 ** 100)) == 2 ** 100
int(hex(-255), 16)
int(oct(64), 8)
int(bin(5), 2)
int(bin(5), 0)
float(repr(0.1)) == 0.1
float(str(1e300)) == 1e300
float.fromhex((1 / 3).hex()) == 1 / 3
'é✓'.encode().decode()
bytes(list(b'abc'))
list(tuple([1, 2]))
tuple(sorted({3, 1, 2}))
dict(list({'a': 1}.items()))
dict(zip(*zip(*{'x': 1, 'y': 2}.items())))
str(list('ab'))
eval(repr([1, 'a', (2.5, None), {'k': b'v'}]))
eval(repr('quote\'s "both" \n'))
eval(repr(float('inf')))
complex(repr(1 + 2j))
int.from_bytes((1024).to_bytes(2, 'big'), 'big')
bytes.fromhex(b'xyz'.hex())
chr(ord('€'))
list(map(int, '123'))
''.join(map(str, range(5)))
frozenset(set(frozenset('ab'))) == frozenset('ab')
bool(str(False))
int(float('1e3'))
'''
env = {}
for src in CASES.strip().splitlines():
    try:
        r = repr(eval(src, env))
        print(src, '=>', r if ' at 0x' not in r else '<object with an address>')
    except Exception as e:
        print(src, '!!', type(e).__name__ + ':', e)
