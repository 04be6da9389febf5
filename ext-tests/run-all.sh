#!/usr/bin/env bash
# The test command (README): builds Carapace and runs every suite, each comparing
# Carapace with CPython 3.15 where there is something to compare. Prints each
# suite's verdict and a final "N passed, M failed" summing the suites' checks.
# Slow suites (full PyO3 test suite, benchmarks, valgrind) are not part of it.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
total_pass=0; total_fail=0; failed_suites=()
log="$CARGO_TARGET_DIR/test-logs"; mkdir -p "$log"

suite() { # name command...
  local name="$1"; shift
  echo "=== $name"
  "$@" >"$log/$name.txt" 2>&1
  local rc=$?
  local line; line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log/$name.txt" | tail -1)
  local p=0 f=0
  if [ -n "$line" ]; then p=${line%% passed*}; f=${line#*, }; f=${f%% failed*}
  else # cargo test: "test result: ok. 7 passed; 0 failed; ..."
    line=$(grep -E '^test result: ' "$log/$name.txt" | tail -1)
    if [ -n "$line" ]; then p=$(echo "$line" | sed -E 's/.* ([0-9]+) passed.*/\1/'); f=$(echo "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/'); fi
  fi
  if [ $rc -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  if [ $rc -eq 0 ] && [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; then p=1; fi  # a check without counts (fmt, clippy)
  grep -E '^(FAIL|PASS: |Stable ABI)' "$log/$name.txt" | cut -c1-300 | head -40
  echo "--- $name: $p passed, $f failed (log: $log/$name.txt)"
  total_pass=$((total_pass+p)); total_fail=$((total_fail+f))
  [ "$f" -eq 0 ] || failed_suites+=("$name")
}

echo "=== build"
if ! lib=$(ext-tests/build-lib.sh); then echo "build failed"; echo "0 passed, 1 failed"; exit 1; fi
cargo build -q -p carapace-cli || { echo "cli build failed"; echo "0 passed, 1 failed"; exit 1; }

suite rust-fmt cargo fmt --all --check
suite rust-clippy cargo clippy -q --workspace -- -D warnings
suite rust-unit cargo test -q -p carapace-core --lib -- --test-threads=2
suite headers-compile bash abi/checks/headers_compile.sh
suite headers-prototypes bash abi/checks/prototypes.sh
suite headers-layouts bash abi/checks/layouts.sh
suite headers-codegen bash abi/checks/codegen.sh
suite exports bash ext-tests/exports.sh "$lib"
suite headers-rust bash abi/checks/rust_layouts.sh
suite abi3t bash ext-tests/abi3t/run.sh "$lib"
suite testlimitedcapi bash ext-tests/testlimitedcapi/run.sh "$lib"
suite abi-checklist python3 abi/coverage.py "$lib"
suite areas bash ext-tests/areas/run.sh "$lib"
suite capi-reference bash ext-tests/capi/run.sh cpython
suite capi-carapace bash ext-tests/capi/run.sh carapace "$lib"
suite capi-valgrind bash ext-tests/capi/run.sh valgrind "$lib"
suite pyo3-reference bash ext-tests/pyo3/run.sh cpython
suite pyo3-carapace bash ext-tests/pyo3/run.sh carapace "$lib"
suite natives bash ext-tests/natives/run.sh "$lib"
suite datamodel bash ext-tests/datamodel/run.sh "$lib"
suite vm bash ext-tests/vm/run.sh "$lib/../bin/carapace"
suite lang bash tests/lang/run.sh "$lib/../bin/carapace"

echo
if [ ${#failed_suites[@]} -gt 0 ]; then echo "failing suites: ${failed_suites[*]}"; fi
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
