# sys.excepthook replacement is called for uncaught exceptions; exit status stays 1.
cat > hook.py <<'PY'
import sys
def hook(t, v, tb):
    print('custom hook:', t.__name__, v, tb.tb_frame.f_code.co_name)
sys.excepthook = hook
raise LookupError('handled by hook')
PY
$PY -S hook.py; echo "rc=$?"
cat > hook2.py <<'PY'
import sys
def hook(t, v, tb):
    raise RuntimeError('hook itself fails')
sys.excepthook = hook
raise LookupError('original')
PY
$PY -S hook2.py 2>&1 | grep -E '^(Error in sys.excepthook|RuntimeError|LookupError|Original exception)'; echo "rc=${PIPESTATUS[0]}"
cat > hook3.py <<'PY'
import sys
sys.excepthook = None
raise LookupError('no hook')
PY
$PY -S hook3.py 2>&1 | tail -n 1; echo "rc=${PIPESTATUS[0]}"
