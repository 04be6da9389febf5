# Operators across mixed builtin types: which combinations work and the TypeError messages of the rest.
# Each line evaluates one expression and prints its repr, or the exception's type and message.
CASES = r'''
1 + True
1.5 + True
1 + 1j
[1] + [2]
[1] + (2,)
(1,) + [2]
'a' + b'b'
b'a' + bytearray(b'b')
bytearray(b'a') + b'b'
{1} | frozenset({2})
frozenset({1}) | {2}
{1: 2} | {3: 4}
{1: 2} | [(3, 4)]
[1, 2] * True
'ab' * False
3 * [0]
2.0 * [0]
'a' < 'b' < 'c'
(1, 'a') < (1, 'b')
(1, 'a') < (1, 2)
[1] == (1,)
{1} == frozenset({1})
{'a': 1}.keys() == {'a'}
range(3) == range(0, 3)
1 == 1.0 == 1 + 0j
None == 0
None < 0
'10' > 9
[] < [1]
(2,) > (1, 99)
1 << 2.0
1.0 << 2
5 // 2.0
5 % 2j
'%s' % [1]
b'%s' % b'x'
b'%s' % 'x'
[1, 2] - [1]
{1, 2} - {1}
{'a': 1} - {'a': 1}
~1.0
-'1'
not 'a'
1 and 'x'
0 or []
'abc'[True]
[1, 2][float(1)]
(1).__add__('a')
NotImplemented + 1
'''
env = {}
for src in CASES.strip().splitlines():
    try:
        r = repr(eval(src, env))
        print(src, '=>', r if ' at 0x' not in r else '<object with an address>')
    except Exception as e:
        print(src, '!!', type(e).__name__ + ':', e)
