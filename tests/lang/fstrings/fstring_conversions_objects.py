# f-string conversions and format specs on user objects, with __format__ receiving the exact spec text.
class Spy:
    def __format__(self, spec):
        return f'[spec={spec!r}]'
    def __repr__(self):
        return 'Spy()'
    def __str__(self):
        return 'spy-str'
s = Spy()
w = 7
print(f'{s}', f'{s:}', f'{s:abc}', f'{s:{w}}', f'{s:{w}.{w}f}', f'{s: >{w}}', f'{s:{{}}}' if False else '')
print(f'{s!r}', f'{s!s}', f'{s!a}', f'{s!r:>10}|', f'{s!s:*^11}')
print(f'{s=}', f'{s=:xyz}', f'{s=!s}')
class Num:
    def __init__(self, v): self.v = v
    def __format__(self, spec):
        return format(self.v, spec) + '!'
print(f'{Num(3.14159):.2f}', f'{Num(42):08d}', f'{Num("s"):>4}')
print('{:q}'.format(s), format(s, 'direct'), format(s))
