# Literal forms: numbers, strings with every prefix and escape, bytes, containers, and invalid literals.
# Each snippet runs with exec() in a fresh namespace; its variable `out` or its exception is printed.
SNIPPETS = r'''
out = [0, 00, 0_0, 1_2_3, 0xFF, 0XfF, 0o777, 0O7, 0b1, 0B0]
---
out = [1., .5, 1e5, 1E-5, 1_0.0_1, 0e0, 1j, 1.5J, 1e1j]
---
out = 07
---
out = 1_
---
out = 0x
---
out = 1e
---
out = ['\a\b\f\n\r\t\v', '\0', '\101', '\x41', '\u0041', '\U00000041', '\N{LATIN SMALL LETTER A}']
---
out = r'\n' + R'\t' + rb'\x'.decode() + Rb'\\'.decode() + bR'q'.decode() + BR'z'.decode()
---
out = u'unicode prefix'
---
out = b'\x00\xff\n' + B'abc'
---
out = b'é'
---
out = '\N{NOT A REAL NAME}'
---
out = '\x4'
---
out = '\u12'
---
out = '\U00110000'
---
out = 'abc' 'def' "ghi" """jkl""" 
---
out = 'a' b'b'
---
out = ('implicit '
       'concatenation')
---
out = """a
b\
c"""
---
out = [[], [1], [1,], (), (1,), {}, {1}, {1: 2}, {1: 2,}]
---
out = {**{}, }
---
out = [*()]
---
out = (1)
---
out = 1,
---
out = True + True
---
out = None.__class__.__name__
---
out = 0.1e-2_0 if False else 1_000_000.000_1
---
out = 1__0
---
out = 0b2
---
out = 0o8
---
out = 9999999999999999999999999999999999999 * 10
'''
for n, src in enumerate(SNIPPETS.strip().split('\n---\n')):
    ns = {}
    try:
        exec(src, ns)
        r = repr(ns.get('out'))
        print(n, r if ' at 0x' not in r else '<object with an address>')
    except Exception as e:
        print(n, type(e).__name__ + ':', e)
