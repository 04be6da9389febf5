# The __main__ module: globals of the script, __builtins__, __spec__ for scripts vs -m, __loader__ presence.
cat > m.py <<'PY'
import sys
print(__name__, __spec__ if __spec__ is None else __spec__.name, __package__)
print(sorted(k for k in globals() if k.startswith('__')))
print(type(__builtins__).__name__)
print(sys.modules['__main__'] is sys.modules[__name__])
PY
$PY -S m.py; echo "rc=$?"
$PY -S -m m; echo "rc=$?"
$PY -S -c 'print(sorted(k for k in globals() if k.startswith("__")))'; echo "rc=$?"
echo 'print(sorted(k for k in globals() if k.startswith("__")))' | $PY -S -; echo "rc=$?"
