#!/usr/bin/env bash
# CPython 3.15's own compiled _testlimitedcapi and _testclinic_limited on Carapace.
# Both are built with the Limited API (every symbol they import is Stable ABI,
# plus _Py_GetBuiltWithAssert, justified in abi/extra_exports.txt) but installed
# under version-specific names (.cpython-315-x86_64-linux-gnu.so), which Carapace
# loads only for PEP 793 modules that declare the Stable ABI; they are PyInit
# modules, so they are copied here as NAME.abi3.so, the name a Limited API build
# has. calls.c (one embedding program) imports both with PyImport_ImportModule,
# runs every test_* self-test of _testlimitedcapi and a fixed set of calls, on
# CPython 3.15 and on Carapace; outputs are compared, after replacing the C
# file:line of "bad argument to internal function" SystemErrors (CPython's
# Objects/*.c, Carapace's capi/*.rs) and leaving out the lines
# known-differences.txt lists with their reason.
# Usage: ext-tests/testlimitedcapi/run.sh LIBDIR
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
libdir="$(cd "$1" && pwd)"
eval "$("$root/../shared/tools/fetch-cpython3.15")"
dest="$(dirname "$(dirname "$PY315_LIB")")"
build="${CARAPACE_BUILD:-$root/target/ext-tests}/testlimitedcapi"
rm -rf "$build"; mkdir -p "$build/mods"
pass=0; fail=0
ok() { echo "ok $1"; pass=$((pass+1)); }
bad() { echo "FAIL $1"; fail=$((fail+1)); }
for m in _testlimitedcapi _testclinic_limited; do
  cp "$PY315_DYNLOAD/$m.cpython-315-x86_64-linux-gnu.so" "$build/mods/$m.abi3.so"
done
# shellcheck disable=SC2086
gcc -O0 -g -Wall -Wextra -Werror -DPy_LIMITED_API=0x030f0000 $PY315_CFLAGS -fPIE -pie "$here/calls.c" \
  -o "$build/calls" -L"$PY315_LIBDIR" -lpython3.15 -Wl,--allow-shlib-undefined || { bad "calls.c does not compile"; echo "$pass passed, $fail failed"; exit 1; }
PYTHONHOME="$dest" timeout 60 "$PY315_EXEC" "$build/calls" "$build/mods" >"$build/cpython.txt" 2>&1 || bad "calls on CPython 3.15 exits $?"
LD_LIBRARY_PATH="$libdir" timeout 60 "$build/calls" "$build/mods" >"$build/carapace.txt" 2>&1 || bad "calls on Carapace exits $?"
known=$(sed '/^#/d; s/\t.*//' "$here/known-differences.txt")
normalise() {
  sed -E 's/SystemError: [^ ]+:[0-9]+: bad argument to internal function/SystemError: FILE:LINE: bad argument to internal function/' "$1" |
    while IFS= read -r line; do
      skip=0
      while IFS= read -r k; do [ -n "$k" ] && [[ "$line" == "$k "* ]] && skip=1; done <<<"$known"
      [ $skip = 0 ] && printf '%s\n' "$line"
    done
}
normalise "$build/cpython.txt" >"$build/cpython.cmp"
normalise "$build/carapace.txt" >"$build/carapace.cmp"
n=$(grep -c . "$build/cpython.cmp")
if diff -u "$build/cpython.cmp" "$build/carapace.cmp" >"$build/diff"; then
  ok "_testlimitedcapi and _testclinic_limited: $n lines as on CPython 3.15 ($(grep -c '^test_' "$build/cpython.cmp") self-tests)"
else
  bad "outputs differ:"; head -40 "$build/diff"
fi
while IFS=$'\t' read -r k why; do
  [ -z "$k" ] || [[ "$k" == \#* ]] && continue
  echo "known difference: $k: $why"
done <"$here/known-differences.txt"
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
