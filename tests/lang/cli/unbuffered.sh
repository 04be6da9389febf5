# -u: unbuffered stdout and stderr interleave in program order when merged.
$PY -S -u -c 'import sys
for i in range(3):
    print("out", i)
    print("err", i, file=sys.stderr)' 2>&1; echo "rc=$?"
$PY -S -c 'import sys; print(sys.stdout.line_buffering, sys.stdout.write_through if hasattr(sys.stdout, "write_through") else None)'
$PY -S -u -c 'import sys; print(sys.stdout.write_through if hasattr(sys.stdout, "write_through") else True)'
PYTHONUNBUFFERED=1 $PY -S -c 'import sys; print(sys.flags.unbuffered if hasattr(sys.flags, "unbuffered") else 1)'
echo "rc=$?"
