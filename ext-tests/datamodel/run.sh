#!/usr/bin/env bash
# The data model (Python classes made with `type(name, bases, dict)`, their slots,
# MRO and layout rules, super, classmethod/staticmethod, property, object's
# methods) driven from C: each `*.c` here is an embedding program built against
# CPython 3.15's headers, run on CPython 3.15 and on Carapace (LIBDIR holds
# libpython3.15.so.1.0); outputs must be equal line for line.
# Usage: ext-tests/datamodel/run.sh LIBDIR [NAME...]
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
libdir="$(cd "$1" && pwd)"; shift
eval "$("$root/../shared/tools/fetch-cpython3.15")"
dest="$(dirname "$(dirname "$PY315_LIB")")"
build="${CARAPACE_BUILD:-$root/target/ext-tests}/datamodel"
mkdir -p "$build"
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  for f in "$here"/*.c; do names+=("$(basename "$f" .c)"); done
fi
pass=0; fail=0
for n in "${names[@]}"; do
  exe="$build/$n"
  # shellcheck disable=SC2086
  if ! gcc -O0 -g -Wall -Wextra -Werror -Wno-unused-function -Wno-cast-function-type \
      -DPy_LIMITED_API=0x030f0000 $PY315_CFLAGS -I"$root/ext-tests/areas" \
      -fPIE -pie "$here/$n.c" -o "$exe" -L"$PY315_LIBDIR" -lpython3.15 -Wl,--allow-shlib-undefined 2>"$build/$n.cc.txt"; then
    echo "FAIL $n: does not compile"; cat "$build/$n.cc.txt"; fail=$((fail+1)); continue
  fi
  PYTHONHOME="$dest" timeout 60 "$PY315_EXEC" "$exe" >"$build/$n.cpython.txt" 2>"$build/$n.cpython.err"
  rc_ref=$?
  LD_LIBRARY_PATH="$libdir" timeout 60 "$exe" >"$build/$n.carapace.txt" 2>"$build/$n.carapace.err"
  rc=$?
  if [ $rc_ref -ne 0 ]; then
    echo "FAIL $n: exits $rc_ref on CPython 3.15 (the reference must pass)"; fail=$((fail+1)); continue
  fi
  if [ $rc -ne 0 ]; then
    echo "FAIL $n: exits $rc on Carapace"; tail -5 "$build/$n.carapace.err"; fail=$((fail+1))
    diff "$build/$n.cpython.txt" "$build/$n.carapace.txt" | head -30
    continue
  fi
  if diff -u "$build/$n.cpython.txt" "$build/$n.carapace.txt" >"$build/$n.diff"; then
    echo "ok $n ($(wc -l <"$build/$n.cpython.txt") lines)"; pass=$((pass+1))
  else
    echo "FAIL $n: output differs"; head -60 "$build/$n.diff"; fail=$((fail+1))
  fi
done
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
