#!/usr/bin/env bash
# The export set of libpython3.15.so.1.0, proven with `nm -D` (a version script
# cannot hide Rust `#[no_mangle]` items, so intentions prove nothing):
#  - every exported Py*/_Py* symbol is in the manifest (abi/stable_abi.tsv) or
#    justified in abi/extra_exports.txt, or is a PyUnstable_* function;
#  - the library's SONAME is libpython3.15.so.1.0;
#  - data symbols have CPython 3.15's sizes (PIE embedders copy them);
#  - reports how many of the 952 Stable ABI symbols are exported.
# Usage: ext-tests/exports.sh LIBDIR
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
lib="$1/libpython3.15.so.1.0"
pass=0; fail=0
ok() { echo "ok $1"; pass=$((pass+1)); }
bad() { echo "FAIL $1"; fail=$((fail+1)); }
manifest=$(mktemp); exported=$(mktemp); extra=$(mktemp)
trap 'rm -f "$manifest" "$exported" "$extra"' EXIT
awk -F'\t' '!/^#/ && ($1=="function"||$1=="data") && ($5=="all"||$5=="HAVE_FORK"||$5=="PY_HAVE_THREAD_NATIVE_ID") {print $2}' \
  "$root/abi/stable_abi.tsv" | sort >"$manifest"
sed 's/#.*//; s/[[:space:]]//g; /^$/d' "$root/abi/extra_exports.txt" | sort >"$extra"
nm -D --defined-only "$lib" | awk '{print $3}' | sort -u >"$exported"
[ "$(wc -l <"$manifest")" -eq 952 ] && ok "manifest lists 952 Linux symbols" || bad "manifest lists $(wc -l <"$manifest") symbols"
stray=$(grep -E '^_?Py' "$exported" | grep -v '^PyUnstable_' | comm -23 - "$manifest" | comm -23 - "$extra")
if [ -z "$stray" ]; then ok "no unlisted Py*/_Py* exports"; else bad "unlisted exports: $(echo $stray)"; fi
soname=$(readelf -d "$lib" | sed -n 's/.*SONAME.*\[\(.*\)\]/\1/p')
[ "$soname" = "libpython3.15.so.1.0" ] && ok "SONAME $soname" || bad "SONAME is '$soname'"
check_size() { # name expected-size-hex
  local s; s=$(nm -D -S --defined-only "$lib" | awk -v n="$1" '$4==n {print $2}')
  if [ -z "$s" ]; then return; fi
  if [ $((16#$s)) -eq $(($2)) ]; then ok "size of $1 is $(($2))"; else bad "size of $1 is $((16#$s)), CPython's is $(($2))"; fi
}
check_size _Py_NoneStruct 16; check_size _Py_TrueStruct 32; check_size _Py_FalseStruct 32
check_size _Py_NotImplementedStruct 16; check_size _Py_EllipsisObject 16; check_size _Py_SwappedOp 24
data=$(awk -F'\t' '!/^#/ && $1=="data" && $5=="all" {print $2}' "$root/abi/stable_abi.tsv")
for t in $(echo "$data" | grep -E 'Type$'); do check_size "$t" 424; done
for e in $(grep -E '^PyExc_' "$manifest"); do check_size "$e" 8; done
# Data objects must be writable (old binaries bump their counts inline).
ro=$(nm -D --defined-only "$lib" | awk '$2 ~ /[Rr]/ {print $3}' | comm -12 - "$manifest" | grep -v '^Py_Version$')
[ -z "$ro" ] && ok "data symbols are writable" || bad "read-only data symbols: $(echo $ro)"
undef=$(nm -D --undefined-only "$lib" | awk '{print $2}' | grep -E '^_?Py' || true)
[ -z "$undef" ] && ok "no undefined Py*/_Py* symbols in the library" || bad "the library needs symbols it does not define: $(echo $undef)"
have=$(comm -12 "$manifest" "$exported" | wc -l)
echo "Stable ABI symbols exported: $have of 952"
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
