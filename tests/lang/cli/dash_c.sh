# -c: statements from the command line, argv[0] is '-c', exit codes and errors.
$PY -S -c 'import sys; print(sys.argv, __name__)' one two; echo "rc=$?"
$PY -S -c 'print(1)
print(2)'; echo "rc=$?"
$PY -S -c 'x = 5; print(x * 2) if x else None'; echo "rc=$?"
$PY -S -c 'import sys; sys.exit(7)'; echo "rc=$?"
$PY -S -c 'raise ValueError("from -c")' 2>&1; echo "rc=$?"
$PY -S -c 'x = (' 2>&1; echo "rc=$?"
$PY -S -c '' ; echo "rc=$?"
$PY -S -c 'import sys; print(sys.path[0] == "")'; echo "rc=$?"
$PY -S -c 'print("ordering"); import sys; sys.stdout.flush(); sys.stderr.write("to stderr\n")' 2>&1; echo "rc=$?"
$PY -S -c 'print(__file__)' 2>&1 | tail -n 1; echo "rc=$?"
