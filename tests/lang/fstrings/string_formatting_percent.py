# printf-style formatting with % on str and bytes: all conversion types, flags, width/precision from *, mapping keys.
vals = [0, 1, -1, 42, 255, 3.14159, -2.5, 1e10, 1e-7, 'str', b'b', None, True]
for spec in ['%s', '%r', '%a', '%d', '%i', '%x', '%X', '%o', '%e', '%E', '%f', '%g', '%G', '%c', '%5s', '%-5s|', '%05d', '%+d', '% d', '%#x', '%#o', '%.2f', '%10.3e', '%.3s']:
    out = []
    for v in vals:
        try:
            out.append(spec % (v,))
        except (TypeError, ValueError, OverflowError) as e:
            out.append(type(e).__name__)
    print(spec, out)
print('%*d|%-*d|%.*f' % (5, 1, 5, 2, 2, 3.14159))
print('%(a)s %(b)05.1f %(a)r' % {'a': 'x', 'b': 2.25})
print('%%' % (), '%s%%' % 5, b'%s %d %x' % (b'bytes', 5, 255), b'%c' % 65, b'%c' % b'B')
for bad in ["'%(a)s' % (1,)", "'%s %s' % (1,)", "'%s' % (1, 2)", "'%' % ()", "'%q' % 1", "b'%s' % 'str'", "'%c' % 'ab'", "'%d' % '1'"]:
    try:
        print(eval(bad))
    except (TypeError, ValueError, KeyError) as e:
        print(bad, type(e).__name__, e)
