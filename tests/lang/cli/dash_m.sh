# -m: run a module or a package's __main__ from sys.path (the current directory comes first).
cat > runme.py <<'PY'
import sys
print('runme as', __name__, sys.argv[0].rpartition('/')[2], sys.argv[1:])
print(__spec__.name if __spec__ else None)
PY
mkdir -p app
echo "print('app/__init__ imported')" > app/__init__.py
cat > app/__main__.py <<'PY'
import sys
print('app.__main__ runs as', __name__, __package__, sys.argv[1:])
from . import helper
print(helper.VALUE)
PY
echo "VALUE = 'relative import works in __main__'" > app/helper.py
$PY -S -m runme x y; echo "rc=$?"
$PY -S -m app arg; echo "rc=$?"
$PY -S -m app.helper; echo "rc=$?"
$PY -S -m no_such_module_here 2>&1 | sed 's|^.*: No module|No module|'; echo "rc=${PIPESTATUS[0]}"
mkdir -p nomain && echo "" > nomain/__init__.py
$PY -S -m nomain 2>&1 | sed 's|^.*: No module|No module|'; echo "rc=${PIPESTATUS[0]}"
