# Packages locate their data files from __file__/__path__ (the way real packages do without importlib.resources).
import sys
base = sys.argv[1]
sys.path.insert(0, base)
import datapkg
pkg_dir = datapkg.__path__[0]
with open(pkg_dir + '/data.txt') as f:
    print(f.read().split())
print(datapkg.__file__.rpartition('/')[2], pkg_dir.replace(base, '<scratch>'))
with open(base + '/generated.py', 'w') as f:
    f.write('GENERATED = [i * i for i in range(4)]\n')
import generated
print(generated.GENERATED, generated.__file__.replace(base, '<scratch>'))
with open(base + '/generated2.py', 'w') as f:
    f.write('raise SystemExit("modules may raise SystemExit")\n')
try:
    import generated2
except SystemExit as e:
    print('SystemExit', e.code)
