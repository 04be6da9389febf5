# str literals, escapes, operations and errors.
print('a' 'b' "c", 'it''s', r'\n\t', '\x41\u00e9\U0001F600'.encode('utf-8'), len('\N{BULLET}'))
print('''tri
ple''', """x"y'z""")
s = 'Hello, World'
print(s[0], s[-1], s[2:5], s[::-1], s[::2], s[100:], s[-100:3], s[5:2])
print(s.upper(), s.lower(), s.swapcase(), s.title(), s.capitalize(), s.casefold())
print(s.find('o'), s.rfind('o'), s.find('z'), s.index('W'), s.count('l'), s.replace('l', 'L', 2))
print(s.split(', '), s.split(), 'a,b,,c'.split(','), 'a b  c'.split(None, 1), 'a,b,c'.rsplit(',', 1))
print(s.startswith('He'), s.endswith(('x', 'ld')), s.partition(', '), s.rpartition('o'))
print('  x  '.strip(), 'xxhixx'.strip('x'), '  x'.lstrip(), 'x  '.rstrip() + '|')
print('-'.join(['a', 'b', 'c']), 'ab'.center(6, '*'), 'ab'.ljust(4) + '|', 'ab'.rjust(4), '42'.zfill(5), '-42'.zfill(5))
print('abc'.isalpha(), '123'.isdigit(), 'a1'.isalnum(), '  '.isspace(), 'Ab'.istitle(), 'AB'.isupper(), 'x'.islower(), 'a_b'.isidentifier())
print('a\tb'.expandtabs(4), 'line1\nline2\r\nline3'.splitlines(), 'line1\nline2\n'.splitlines(True))
print('%s=%d %05.2f %x %o %e %r %%' % ('k', 42, 3.14159, 255, 8, 12345.678, 'q'))
print('%(a)s-%(b)s' % {'a': 1, 'b': 2}, '%c%c' % (65, 'B'), '%-5s|%5s|' % ('l', 'r'))
print('{} {} {}'.format(1, 'x', [2]), '{1}{0}'.format('a', 'b'), '{x}{y[0]}'.format(x=1, y=[9]), '{:>8.3f}'.format(3.14159))
print('abc' * 3, 3 * 'x', 'a' + 'b', 'b' > 'a', 'abc' < 'abd', 'ä'.upper(), 'ß'.upper(), 'ǅ'.lower())
print('hello'.removeprefix('he'), 'hello'.removesuffix('lo'), 'a-b'.translate(str.maketrans('-', '+')))
for expr in ["'a' + 1", "'a' * 'b'", "'abc'[5]", "'abc'.index('z')", "'%d' % 'x'", "'%s %s' % ('a',)", "'{}'.format()", "'x'.join([1])", "'a'[len('a') / 2]", "'abc'.center()"]:
    try:
        print(expr, eval(expr))
    except Exception as e:
        print(expr, type(e).__name__, e)
