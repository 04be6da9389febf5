# print(): sep, end, file, flush, non-string arguments, errors for bad keyword values.
import sys
print('a', 'b', 'c')
print('a', 'b', sep='')
print('a', 'b', sep=None)
print('a', 'b', sep=' | ', end='!\n')
print('no newline', end='')
print(' <- continued')
print()
print(1, 2.5, None, [1, 'x'], (True,), {'k': b'v'})
print('to stdout', file=sys.stdout)
print('to stderr is not compared except the last line', file=sys.stderr)
print('flush', flush=True)
print(*range(5), sep=',')
print('', end='')
print(end='only end\n')
for kwargs in [{'sep': 5}, {'end': 5}, {'file': 'x'}, {'bogus': 1}]:
    try:
        print('x', **kwargs)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
class Writer:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s); return len(s)
w = Writer()
print('to', 'writer', sep='_', end='.', file=w)
print(w.parts)
class Str:
    def __str__(self): return 'custom str'
print(Str(), [Str()][0])
print('tab\there', 'newline\\n literal', 'unicode é ✓ 😀')
print(None, file=None)
sys.stdout.write('direct write\n')
print(sys.stdout.write('counted\n'))
sys.stderr.write('stderr last line\n')
