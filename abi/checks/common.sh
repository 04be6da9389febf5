# Shared set-up for the header checks (sourced, not run).
# ROOT: the repository root; INC: Carapace's include/; PY315_*: CPython 3.15
# reference headers fetched by ../shared/tools/fetch-cpython3.15.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CHECKS="$ROOT/abi/checks"
INC="$ROOT/include"
FETCH="$ROOT/../shared/tools/fetch-cpython3.15"
[ -x "$FETCH" ] || { echo "missing $FETCH (the repo must sit next to shared/)" >&2; exit 2; }
eval "$("$FETCH")"
read -r -a REF_FLAGS <<<"$(eval echo "$PY315_CFLAGS")"
OUR_FLAGS=(-I"$INC")
PY311_INC=""
if command -v pyenv >/dev/null 2>&1 && [ -d "$(pyenv root)/versions/3.11.7/include/python3.11" ]; then
  PY311_INC="$(pyenv root)/versions/3.11.7/include/python3.11"
fi
# The configurations every check covers: "-D..." defines, one per entry.
CONFIGS=(
  "-DPy_LIMITED_API=0x03020000"
  "-DPy_LIMITED_API=0x03080000"
  "-DPy_LIMITED_API=0x030b0000"
  "-DPy_LIMITED_API=0x030c0000"
  "-DPy_LIMITED_API=0x030d0000"
  "-DPy_LIMITED_API=0x030e0000"
  "-DPy_LIMITED_API=0x030f0000"
  "-DPy_TARGET_ABI3T=0x030f0000"
)
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
PASS=0; FAIL=0
ok()  { PASS=$((PASS + 1)); }
bad() { FAIL=$((FAIL + 1)); echo "FAIL: $*"; }
finish() { echo "$PASS passed, $FAIL failed"; [ "$FAIL" -eq 0 ]; }
