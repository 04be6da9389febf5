# is versus ==: singletons, small-int and string interning are not relied on; only language-guaranteed identities.
# Each line evaluates one expression and prints its repr, or the exception's type and message.
CASES = r'''
None is None
... is Ellipsis
NotImplemented is NotImplemented
True is (1 == 1)
type(1) is int
[] == []
id(None) == id(None)
(lambda: 0) is (lambda: 0)
len is len
int is int
str is type('')
type(None)() is None
bool(0) is False
bool('x') is True
1 == True
0.0 == -0.0
float('nan') is float('nan')
'''
env = {}
for src in CASES.strip().splitlines():
    try:
        r = repr(eval(src, env))
        print(src, '=>', r if ' at 0x' not in r else '<object with an address>')
    except Exception as e:
        print(src, '!!', type(e).__name__ + ':', e)
