#!/usr/bin/env bash
# The main job: build Carapace, then run an embedding program that loads a real
# extension compiled by someone else (CPython 3.15's own xxlimited_35, fetched
# with CPython 3.15) on CPython 3.15 and on Carapace, and show both outputs.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
lib=$(ext-tests/build-lib.sh)
eval "$(../shared/tools/fetch-cpython3.15)"
work="$CARGO_TARGET_DIR/main-job"; mkdir -p "$work/mods"
cp -f "$PY315_DYNLOAD"/xxlimited_35.cpython-315-*.so "$work/mods/xxlimited_35.abi3.so"
# shellcheck disable=SC2086
gcc -O1 -Wall -Werror -DPy_LIMITED_API=0x030f0000 $PY315_CFLAGS -fPIE -pie \
  ext-tests/example/xxlimited_demo.c -o "$work/demo" -L"$PY315_LIBDIR" -lpython3.15 -Wl,--allow-shlib-undefined
echo "--- CPython 3.15"
PYTHONHOME="$(dirname "$(dirname "$PY315_LIB")")" "$PY315_EXEC" "$work/demo" "$work/mods" | tee "$work/cpython.txt"
echo "--- Carapace"
LD_LIBRARY_PATH="$lib" "$work/demo" "$work/mods" | tee "$work/carapace.txt"
if diff -u "$work/cpython.txt" "$work/carapace.txt"; then echo "same output on both runtimes"; else echo "outputs differ"; exit 1; fi
