# Sourced by ext-tests/capi/run.sh and ext-tests/pyo3/run.sh (after they set
# SHARED): the PASS/FAIL counting both print, CPython 3.15 (PY315_* and
# PY315_HOME) and the output filter both use to compare header variants.

PASS=0
FAIL=0
verdict() { # verdict ok|fail message
    if [ "$1" = ok ]; then PASS=$((PASS + 1)); echo "PASS: $2"; else FAIL=$((FAIL + 1)); echo "FAIL: $2"; fi
}
finish() {
    echo "$PASS passed, $FAIL failed"
    [ "$FAIL" -eq 0 ]
    exit $?
}

eval "$("$SHARED/tools/fetch-cpython3.15")" || { echo "cannot fetch CPython 3.15"; echo "0 passed, 1 failed"; exit 1; }
# shellcheck disable=SC2034 # used by the scripts that source this file
PY315_HOME="$(dirname "$(dirname "$PY315_LIB")")"

# common(file): output without variant-specific lines and the summary line
common() { grep -v -e '^variant-specific: ' -e '^[0-9]* passed, [0-9]* failed$' "$1"; }
