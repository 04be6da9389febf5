# -E, -I, -S, -X and PYTHONPATH.
mkdir -p extra && echo "WHO = 'from PYTHONPATH'" > extra/pp_mod.py
PYTHONPATH=extra $PY -S -c 'import pp_mod; print(pp_mod.WHO)'; echo "rc=$?"
PYTHONPATH=extra $PY -S -E -c 'import pp_mod' 2>&1 | tail -n 1; echo "rc=${PIPESTATUS[0]}"
PYTHONPATH=extra $PY -S -I -c 'import pp_mod' 2>&1 | tail -n 1; echo "rc=${PIPESTATUS[0]}"
$PY -S -c 'import sys; print(sys.flags.no_site, "site" in sys.modules)'
$PY -S -E -c 'import sys; print(sys.flags.ignore_environment)'
$PY -I -c 'import sys; print(sys.flags.isolated, sys.flags.ignore_environment, sys.flags.no_user_site, sys.flags.safe_path)'
$PY -S -X foo -X bar=baz -c 'import sys; print(sorted(sys._xoptions.items()))'
$PY -S -X utf8 -c 'import sys; print(sys.flags.utf8_mode)'
$PY -S -I -c 'import sys; print(sys.path[0] != "")'
$PY -S -P -c 'import sys; print(sys.flags.safe_path)' 2>&1
PYTHONSAFEPATH=1 $PY -S -c 'import sys; print(sys.flags.safe_path)'
PYTHONSAFEPATH=1 $PY -S -E -c 'import sys; print(sys.flags.safe_path)'
$PY -S -O -c 'import sys; print(sys.flags.optimize, __debug__)
assert False, "stripped"
print("assert stripped")'
$PY -S -OO -c 'import sys
def f():
    "doc"
print(sys.flags.optimize, f.__doc__)'
$PY -S -B -c 'import sys; print(sys.dont_write_bytecode)'
$PY -S -q -c 'print("quiet")'
echo "rc=$?"
