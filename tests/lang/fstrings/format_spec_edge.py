# Format-spec edge cases via format(): fill characters, alignment with signs, grouping, precision on strings and ints.
cases = [
    (1234, '*>10,'), (1234, '*<10_'), (-1234, '*=10,'), (1234, '+010,'), (0, '+'), (-0.0, '+'), (0.0, '-'),
    (1e6, ','), (1e6, '_.1f'), (123456.789, ',.2f'), (0.000123, '.2e'), (123, '.0e'), (5, '#o'), (5, '#b'), (255, '#010x'),
    ('abc', '\u00e9^9'), ('abc', '.0'), ('', '>3'), ('x', '=5'), (True, '>5'), (False, 'd'), (None, '>6'),
    (1.5, 'n'), (10, 'c'), (0x1F600, 'c'), (-1, 'c'), (3.0, '.0%'), (0.12345, '.1%'), (float('inf'), '+.2f'),
    (1e-10, 'g'), (1e-4, 'g'), (1e-5, '.3g'), (123456789, 'g'), (1234567, '.3g'), (0.5, '.0f'), (1.5, '.0f'),
    (2 ** 64, 'x'), (-2 ** 64, 'X'), (2 ** 64, ','), (10 ** 20, 'e'), (1 / 3, '.30f'), (1 / 3, '.30g'),
    (12345, ',d'), (12345, '_o'), (12345.6789, '_'), (12345.6789, 'z,'), (3 + 4j, '>12'), (3 + 4j, '.2e'), (3 - 0j, ''),
]
for v, spec in cases:
    try:
        print(repr(v), repr(spec), '->', repr(format(v, spec)))
    except (ValueError, TypeError, OverflowError) as e:
        print(repr(v), repr(spec), '->', type(e).__name__, e)
