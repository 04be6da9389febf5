# Requests for absurd sizes raise MemoryError or OverflowError instead of crashing.
import sys
for label, f in [
    ('str repeat', lambda: 'x' * sys.maxsize),
    ('list repeat', lambda: [0] * sys.maxsize),
    ('bytes repeat', lambda: b'x' * (sys.maxsize // 2)),
    ('tuple repeat', lambda: (0,) * sys.maxsize),
    ('bytes size', lambda: bytes(sys.maxsize)),
    ('bytearray size', lambda: bytearray(sys.maxsize)),
    ('range len', lambda: len(range(sys.maxsize * 2))),
    ('shift', lambda: 1 << (2 ** 70)),
    ('float pow', lambda: 10.0 ** 400),
    ('str center', lambda: 'a'.center(sys.maxsize)),
    ('zfill', lambda: 'a'.zfill(sys.maxsize)),
    ('ljust', lambda: 'a'.ljust(sys.maxsize)),
    ('expandtabs', lambda: '\t'.expandtabs(sys.maxsize)),
    ('list index', lambda: [1][sys.maxsize]),
    ('join huge', lambda: ''.join(['x'] * 3) * (sys.maxsize // 2)),
]:
    try:
        r = f()
        print(label, 'returned', type(r).__name__)
    except (MemoryError, OverflowError, IndexError, ValueError) as e:
        print(label, type(e).__name__, e)
print('alive')
