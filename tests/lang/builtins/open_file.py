# open() on a file in the harness's scratch dir (sys.argv[1]): text and binary modes, seek/tell, errors.
import sys
base = sys.argv[1]
path = base + '/data.txt'
with open(path, 'w') as f:
    print(type(f).__name__, f.mode, f.closed, f.name == path)
    print(f.write('line one\n'), f.write('line two\nline three\n'))
    f.writelines(['a\n', 'b\n'])
print(f.closed)
with open(path) as f:
    print(repr(f.readline()), repr(f.readline()))
    print(f.readlines())
with open(path) as f:
    print([line.rstrip() for line in f])
with open(path, 'r') as f:
    print(repr(f.read(4)), repr(f.read()))
with open(path, 'a') as f:
    f.write('appended\n')
with open(path, 'rb') as f:
    data = f.read()
    print(type(data).__name__, len(data), data[-9:])
    f.seek(0); print(f.read(4), f.tell())
    f.seek(-3, 2); print(f.read())
with open(path, 'wb') as f:
    print(f.write(b'\x00\x01binary\xff'))
with open(path, 'rb') as f:
    print(f.read())
with open(path, 'w', encoding='utf-8') as f:
    f.write('héllo wörld\n')
with open(path, encoding='utf-8') as f:
    print(f.read(), end='')
with open(path, 'rb') as f:
    print(f.read())
with open(path, 'x' if False else 'r+') as f:
    f.write('H'); f.seek(0); print(f.read(), end='')
for args in [(base + '/missing.txt',), (path, 'q'), (path, 'rw'), (5.5,), (path, 'r', -1, 'nope')]:
    try:
        open(*args)
    except (OSError, ValueError, TypeError, LookupError) as e:
        print(type(e).__name__, str(e).replace(base, '<scratch>'))
f = open(path); f.close()
try:
    f.read()
except ValueError as e:
    print('ValueError', e)
try:
    open(path, 'x')
except FileExistsError as e:
    print('FileExistsError', e.errno, e.strerror)
try:
    with open(path, 'w') as g:
        g.read()
except OSError as e:
    print(type(e).__name__, e)
with open(path, 'w', newline='') as f:
    f.write('a\r\nb\n')
with open(path, newline='') as f:
    print(repr(f.read()))
with open(path) as f:
    print(repr(f.read()))
