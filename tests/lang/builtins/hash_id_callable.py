# hash of builtins, callable, id identity relations (never printed).
# Each line evaluates one expression and prints its repr, or the exception's type and message.
CASES = r'''
hash(0)
hash(1)
hash(-1)
hash(2**61 - 1)
hash(2**61)
hash(-2**61)
hash(2**100) == hash(2**100 % (2**61 - 1))
hash(1.5)
hash(float('inf'))
hash(float('-inf'))
hash(0.0) == hash(-0.0)
hash(True)
hash(None) == hash(None)
hash((1, 2)) == hash((1, 2))
hash(()) == hash(())
hash(1j) == hash(1j)
hash(2 + 0j) == hash(2)
hash([])
hash({})
hash(set())
hash((1, []))
hash(frozenset({1, 2})) == hash(frozenset({2, 1}))
hash(range(3)) == hash(range(3))
hash(slice(1))
hash(b'abc') == hash(b'abc')
hash('abc') == hash('abc')
hash(bytearray())
id(1) == id(1)
id([]) == id([]) or True
callable(len)
callable(int)
callable('x')
callable(lambda: 0)
callable([].append)
callable(type)
'''
env = {}
for src in CASES.strip().splitlines():
    try:
        r = repr(eval(src, env))
        print(src, '=>', r if ' at 0x' not in r else '<object with an address>')
    except Exception as e:
        print(src, '!!', type(e).__name__ + ':', e)
