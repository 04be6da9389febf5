# -B and PYTHONDONTWRITEBYTECODE: no cache files written next to imported modules; sys.dont_write_bytecode reflects it.
echo "X = 1" > cached_mod.py
$PY -S -B -c 'import sys, cached_mod; print(sys.dont_write_bytecode, cached_mod.X)'; echo "rc=$?"
ls -d __pycache__ 2>/dev/null || echo "no __pycache__"
PYTHONDONTWRITEBYTECODE=1 $PY -S -c 'import sys; print(sys.dont_write_bytecode)'; echo "rc=$?"
