# A script with arguments: sys.argv, __name__, __file__, sys.path[0] is the script's directory.
cat > prog.py <<'PY'
import sys
print(sys.argv)
print(__name__, __file__, sys.path[0] == '' or sys.path[0].endswith(sys.argv[0].rpartition('/')[0] or '.') or sys.path[0])
PY
$PY -S prog.py a 'b c' --flag -x; echo "rc=$?"
mkdir -p sub && cp prog.py sub/
$PY -S sub/prog.py 1; echo "rc=$?"
$PY -S ./prog.py; echo "rc=$?"
$PY -S -- prog.py -- after; echo "rc=$?"
