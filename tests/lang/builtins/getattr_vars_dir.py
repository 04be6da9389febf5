# getattr/setattr/delattr/hasattr, vars, dir on modules, classes and instances.
# Each line evaluates one expression and prints its repr, or the exception's type and message.
CASES = r'''
getattr(1, 'real')
getattr(1, 'nope')
getattr(1, 'nope', 'dflt')
getattr(1, 5)
getattr(1)
hasattr('s', 'upper')
hasattr('s', 'nope')
hasattr(1, 2)
setattr(1, 'x', 2)
delattr(1, 'real')
vars(1)
vars()['CASES'][:3]
sorted(vars(type('T', (), {'a': 1})))
vars(type('T', (), {}))['__module__']
sorted(k for k in dir(1) if not k.startswith('_'))
sorted(k for k in dir('') if not k.startswith('_'))
sorted(k for k in dir([]) if not k.startswith('_'))
sorted(k for k in dir({}) if not k.startswith('_'))
sorted(k for k in dir(()) if not k.startswith('_'))
sorted(k for k in dir(set()) if not k.startswith('_'))
sorted(k for k in dir(b'') if not k.startswith('_'))
sorted(k for k in dir(1.0) if not k.startswith('_'))
sorted(k for k in dir(range(1)) if not k.startswith('_'))
sorted(k for k in dir(1j) if not k.startswith('_'))
sorted(k for k in dir(frozenset()) if not k.startswith('_'))
sorted(k for k in dir(bytearray()) if not k.startswith('_'))
sorted(k for k in dir(slice(1)) if not k.startswith('_'))
sorted(k for k in dir(memoryview(b'')) if not k.startswith('_'))[:10]
dir(1, 2)
'__class__' in dir(object())
sorted(dir(type('E', (), {'z': 1, 'a': 2})))[-2:]
'''
env = {}
for src in CASES.strip().splitlines():
    try:
        r = repr(eval(src, env))
        print(src, '=>', r if ' at 0x' not in r else '<object with an address>')
    except Exception as e:
        print(src, '!!', type(e).__name__ + ':', e)
