# Large outputs through pipes: many lines, long lines, binary-safe counts; output not lost at exit.
$PY -S -c 'for i in range(100000): print(i)' | tail -n 2; echo "rc=$?"
$PY -S -c 'print("y" * 1000000)' | wc -c; echo "rc=$?"
$PY -S -c 'import sys
for i in range(1000):
    sys.stdout.write(str(i) + ",")
print()' | wc -c; echo "rc=$?"
$PY -S -c 'import sys
for i in range(5000):
    print(i, file=sys.stderr)' 2>&1 >/dev/null | tail -n 1; echo "rc=$?"
