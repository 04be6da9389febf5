#!/usr/bin/env bash
# Run every program here on CPython 3.15 and on Carapace; outputs must be equal.
# Usage: ext-tests/vm/run.sh [CARAPACE]
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
carapace="${1:-${CARGO_TARGET_DIR:-$root/target}/carapace-debug/bin/carapace}"
eval "$("$root/../shared/tools/fetch-cpython3.15")" >/dev/null 2>&1 || true
pass=0; fail=0
for p in "$here"/*.py; do
    n="$(basename "$p")"
    exp="$(cd "$here" && timeout 60 "$PY315" "$p" 2>&1)"
    got="$(cd "$here" && timeout 60 "$carapace" "$p" 2>&1)"
    if [ "$exp" == "$got" ]; then
        pass=$((pass + 1)); echo "ok   $n"
    else
        fail=$((fail + 1)); echo "FAIL $n"
        diff <(echo "$exp") <(echo "$got") | head -${DIFF_LINES:-20}
    fi
done
echo "vm: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
