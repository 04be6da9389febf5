# format() and str.format on ints, floats, strings: the format-spec mini-language and its errors.
cases = [
    (42, ''), (42, 'd'), (42, '5d'), (42, '<5d'), (42, '^7'), (42, '+d'), (-42, '+d'), (42, ' d'), (42, 'x'), (255, 'X'),
    (255, '#X'), (42, 'o'), (42, 'b'), (42, '#b'), (1234567, ','), (1234567, '_'), (1234567, '_x'), (42, 'c'), (42, 'n'),
    (42, 'e'), (42, '%'), (42, '010,'), (-42, '=8'), (True, 'd'), (True, ''), (10**30, ','),
    (3.14159, ''), (3.14159, '.2f'), (3.14159, 'e'), (3.14159, 'E'), (3.14159, 'g'), (1e-7, 'g'), (1e16, 'g'), (1.0, 'g'),
    (1.0, ''), (1.5, '.0f'), (2.5, '.0f'), (0.125, '.2f'), (1234.5, ',.1f'), (-0.0, ''), (-0.0, 'z.1f'), (float('inf'), ''),
    (float('nan'), 'f'), (float('-inf'), '>8'), (12.0, '#g'), (0.1, '.20f'), (1e100, '.3'), (123.456, '010.2f'), (0.5, '%'),
    ('text', ''), ('text', '10'), ('text', '>10'), ('text', '^10'), ('text', '*<8'), ('text', '.2'), ('text', '10.3'),
    (1 + 2j, ''), (1 + 2j, '.1f'), (None, ''), ([1], ''), ((1,), ''),
    (42, 's'), ('s', 'd'), (3.5, 'd'), (42, '.2d'), ('x', '='), (None, 'd'), (42, ',x'), (42, ',,'), (42, 'zz'), ([1], 's'),
]
for value, spec in cases:
    try:
        print(repr(value), repr(spec), '->', repr(format(value, spec)))
    except (ValueError, TypeError) as e:
        print(repr(value), repr(spec), '->', type(e).__name__, e)
print('{0}{1}{0}'.format('a', 'b'), '{:{}}'.format(5, 4), '{0[1]}{0[0]}'.format('xy'), '{a.real}'.format(a=3))
print('{!r:>6}|{!s}|{!a}'.format('x', 'y', 'é'))
for bad in ['{', '}', '{0}{}', '{}{0}', '{x}', '{0[}', '{!x}', '{0.}', '{:{:{:}}}']:
    try:
        print(bad, '->', bad.format(1, 2))
    except (ValueError, KeyError, IndexError, AttributeError) as e:
        print(bad, '->', type(e).__name__, e)
print('{} {}'.format(*'ab'), '{k}'.format_map({'k': 'mapped'}), format(12, '') == str(12))
