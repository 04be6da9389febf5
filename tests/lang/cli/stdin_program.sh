# The program on standard input: `-`, piped stdin with no script, arguments after `-`.
echo 'import sys; print("from stdin", sys.argv)' | $PY -S -; echo "rc=$?"
echo 'print("no script argument")' | $PY -S; echo "rc=$?"
echo 'import sys; print(sys.argv)' | $PY -S - a b; echo "rc=$?"
printf 'x = 1\nif x:\n    print("block")\nprint(__name__)\n' | $PY -S -; echo "rc=$?"
printf 'raise KeyError("stdin error")\n' | $PY -S - 2>&1; echo "rc=$?"
cat > data.txt <<'TXT'
line one
line two
TXT
$PY -S -c 'import sys; print(sys.stdin.read().upper(), end="")' < data.txt; echo "rc=$?"
$PY -S -c 'import sys; print([l.rstrip() for l in sys.stdin])' < data.txt; echo "rc=$?"
$PY -S -c 'print(input(), input())' < data.txt; echo "rc=$?"
$PY -S -c 'input(); input(); input()' < data.txt 2>&1 | tail -n 1; echo "rc=${PIPESTATUS[0]}"
