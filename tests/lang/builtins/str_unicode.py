# Unicode behaviour of str: lengths, case mapping, normalisation-free comparisons, surrogates, encodings.
# Each line evaluates one expression and prints its repr, or the exception's type and message.
CASES = r'''
len('é'), len('e\u0301'), 'é' == 'e\u0301'
'\ud800'.encode('utf-8')
'\ud800'.encode('utf-8', 'surrogatepass')
'\ud800'.encode('utf-8', 'surrogateescape')
b'\xed\xa0\x80'.decode('utf-8')
b'\xed\xa0\x80'.decode('utf-8', 'surrogatepass')
b'\xff'.decode('utf-8', 'surrogateescape')
'\udcff'.encode('utf-8', 'surrogateescape')
'ǈ'.upper(), 'ǈ'.lower(), 'ǈ'.title(), 'ǈ'.istitle()
'ŉ'.upper()
'ﬃ'.upper(), len('ﬃ'.upper())
'İstanbul'.lower(), len('İ'.lower())
'ΣΑΣ'.lower()
'straße'.upper(), 'straße'.casefold()
'١٢٣'.isdigit(), int('١٢٣'), float('١.٥')
'𝟏𝟐'.isdecimal(), int('𝟏𝟐')
'😀'.encode('utf-16-le'), len('😀'.encode('utf-16-le'))
'😀'.encode('utf-16'), '😀'.encode('utf-32-be')
'abc'.encode('utf-8-sig')
b'\xef\xbb\xbfabc'.decode('utf-8-sig')
'x'.encode('cp1252'), '€'.encode('cp1252')
'ÿ'.encode('latin-1'), 'Ā'.encode('latin-1', 'replace')
'a\u0000b', len('a\x00b')
'\u200b'.isprintable(), '\u200b'.isspace()
'\x1c\x1d\x1e\x1f'.isspace()
'ⅷ'.isnumeric(), 'ⅷ'.isdigit(), 'ⅷ'.isalpha()
chr(0x10FFFF).isprintable()
sorted(['b', 'B', 'a', 'ä', 'Z'])
max('aé€😀'), min('aé€😀')
'ß'.swapcase(), 'ß'.capitalize()
'ﬀ'.title() if True else 0
'\u0130'.casefold()
str(b'\xe9', 'latin-1') == 'é'
'é'.encode('idna') if False else 'skip idna'
'%c' % 'é', '%c' % 233
'é'.center(5, '✓')
'🐍'.isidentifier(), 'π'.isidentifier(), 'ℕ'.isidentifier()
'''
env = {}
for src in CASES.strip().splitlines():
    try:
        r = repr(eval(src, env))
        print(src, '=>', r if ' at 0x' not in r else '<object with an address>')
    except Exception as e:
        print(src, '!!', type(e).__name__ + ':', e)
