#!/usr/bin/env bash
# The native modules (math, operator, time, gc, _weakref, errno, _typing, ...)
# through the C API: each `*.c` here is an embedding program built once against
# CPython 3.15's headers, run on CPython 3.15 and on Carapace, outputs compared.
# Usage: ext-tests/natives/run.sh LIBDIR [NAME...]
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
libdir="$(cd "$1" && pwd)"; shift
eval "$("$root/../shared/tools/fetch-cpython3.15")"
dest="$(dirname "$(dirname "$PY315_LIB")")"
build="${CARGO_TARGET_DIR:-$root/target}/ext-tests/natives"
mkdir -p "$build"
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  for f in "$here"/*.c; do names+=("$(basename "$f" .c)"); done
fi
# Carapace runs under the same C library as the reference (the wrapper's loader
# and library path, ours first): libm versions differ in the last bit.
sed "s|--library-path \"|--library-path \"$libdir:|" "$PY315_EXEC" >"$build/with-carapace"
chmod +x "$build/with-carapace"
pass=0; fail=0
for n in "${names[@]}"; do
  exe="$build/$n"
  # shellcheck disable=SC2086
  if ! gcc -O0 -g -Wall -Wextra -Werror -Wno-unused-function -I"$root/ext-tests/areas" $PY315_CFLAGS \
      -fPIE -pie "$here/$n.c" -o "$exe" -L"$PY315_LIBDIR" -lpython3.15 -lm -Wl,--allow-shlib-undefined 2>"$build/$n.cc.txt"; then
    echo "FAIL $n: does not compile"; cat "$build/$n.cc.txt"; fail=$((fail+1)); continue
  fi
  PYTHONHOME="$dest" timeout 60 "$PY315_EXEC" "$exe" >"$build/$n.cpython.txt" 2>"$build/$n.cpython.err"
  rc_ref=$?
  PYTHONHOME="$dest" timeout 60 "$build/with-carapace" "$exe" >"$build/$n.carapace.txt" 2>"$build/$n.carapace.err"
  rc=$?
  if [ $rc_ref -ne 0 ]; then
    echo "FAIL $n: exits $rc_ref on CPython 3.15 (the reference must pass)"; tail -5 "$build/$n.cpython.err"; fail=$((fail+1)); continue
  fi
  if [ $rc -ne 0 ]; then
    echo "FAIL $n: exits $rc on Carapace"; tail -5 "$build/$n.carapace.err"; fail=$((fail+1))
    diff "$build/$n.cpython.txt" "$build/$n.carapace.txt" | head -20
    continue
  fi
  if diff -u "$build/$n.cpython.txt" "$build/$n.carapace.txt" >"$build/$n.diff"; then
    echo "ok $n ($(wc -l <"$build/$n.cpython.txt") lines)"; pass=$((pass+1))
  else
    echo "FAIL $n: output differs ($(grep -c '^-[^-]' "$build/$n.diff") lines)"; head -60 "$build/$n.diff"; fail=$((fail+1))
  fi
done
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
