# Invocation errors: missing script, unknown option, directory without __main__.py, -c without argument.
$PY -S does_not_exist.py 2>&1 | sed 's|^.*: can.t open|can'"'"'t open|'; echo "rc=${PIPESTATUS[0]}"
$PY -S -Z 2>&1 | sed -n 1p | sed 's|^.*: ||'; echo "rc=${PIPESTATUS[0]}"
$PY -S -c 2>&1 | sed -n 1p | sed 's|^.*: ||'; echo "rc=${PIPESTATUS[0]}"
$PY -S -m 2>&1 | sed -n 1p | sed 's|^.*: ||'; echo "rc=${PIPESTATUS[0]}"
mkdir -p plaindir
$PY -S plaindir 2>&1 | sed 's|^.*: can.t find|can'"'"'t find|'; echo "rc=${PIPESTATUS[0]}"
mkdir -p withmain && echo 'import sys; print("dir __main__ runs", __name__, sys.argv[0])' > withmain/__main__.py
$PY -S withmain; echo "rc=$?"
$PY -S -X 2>&1 | sed -n 1p | sed 's|^.*: ||'; echo "rc=${PIPESTATUS[0]}"
