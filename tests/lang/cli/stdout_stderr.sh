# stdout and stderr are separate streams; output order and buffering at exit; print at exit of an error.
$PY -S -c 'import sys; print("to out"); print("to err", file=sys.stderr)' 2>/dev/null; echo "rc=$?"
$PY -S -c 'import sys; print("to out"); print("to err", file=sys.stderr)' 2>&1 >/dev/null; echo "rc=$?"
$PY -S -c 'print("buffered before crash"); 1/0' 2>/dev/null; echo "rc=$?"
$PY -S -c 'import sys; sys.stdout.write("no newline at end")'; echo; echo "rc=$?"
$PY -S -c 'print("x" * 100000)' | wc -c; echo "rc=$?"
$PY -S -c 'import sys; sys.stdout.close(); print("after close")' 2>&1 | tail -n 1; echo "rc=${PIPESTATUS[0]}"
$PY -S -c 'print("é ✓ 😀")' | od -An -tx1 | tr -s ' '; echo "rc=$?"
