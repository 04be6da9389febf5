# sys.stdout/sys.stderr as text streams: write returns counts, replacement, flush, attributes.
import sys
out = sys.stdout
print(out.writable(), out.readable(), out.seekable() in (True, False), out.isatty(), out.closed, out.mode if hasattr(out, 'mode') else 'w')
print(out.write('written\n'))
print(out.write(''))
try:
    out.write(b'bytes')
except TypeError as e:
    print('TypeError', e)
try:
    out.write(5)
except TypeError as e:
    print('TypeError', e)
out.flush()
print(out.name if hasattr(out, 'name') else '<stdout>', out.errors, out.line_buffering in (True, False))
print(sys.stdin.readable(), sys.stdin.read(), repr(sys.stdin.readline()), sys.stdin.readlines())
class Capture:
    def __init__(self): self.data = ''
    def write(self, s): self.data += s
    def flush(self): pass
cap = Capture()
saved = sys.stdout
sys.stdout = cap
print('captured', 1, 2)
print('second line')
sys.stdout = saved
print(repr(cap.data))
sys.stdout = None
print('dropped silently')
sys.stdout = saved
print('restored')
print(type(sys.stdout.buffer).__name__ if hasattr(sys.stdout, 'buffer') else 'no buffer')
sys.stdout.buffer.write(b'raw bytes via buffer\n') if hasattr(sys.stdout, 'buffer') else print('raw bytes via buffer')
sys.stdout.flush()
print('é ✓ 😀', end='\n')
sys.stderr.write('err\n')
sys.stderr.flush()
