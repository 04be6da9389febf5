# -m with a submodule of a package: relative imports, __package__, __spec__ for the running module.
mkdir -p tool/cmd
echo "" > tool/__init__.py
echo "" > tool/cmd/__init__.py
echo "HELP = 'tool helper'" > tool/util.py
cat > tool/cmd/run.py <<'PY'
from ..util import HELP
from . import __name__ as pkgname
import sys
print(__name__, __package__, __spec__.name, HELP, pkgname)
print(sys.argv[1:])
PY
$PY -S -m tool.cmd.run --opt value; echo "rc=$?"
$PY -S tool/cmd/run.py 2>&1 | tail -n 1; echo "rc=${PIPESTATUS[0]}"
