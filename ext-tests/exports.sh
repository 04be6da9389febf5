#!/usr/bin/env bash
# The export set of libpython3.15.so.1.0, proven with `nm -D` and `dlsym` (a
# version script cannot hide Rust `#[no_mangle]` items, so intentions prove nothing):
#  - every symbol the manifest (abi/stable_abi.tsv, last column "exported") says
#    Carapace provides resolves with dlsym in libpython3.so, as CPython's own
#    test_stable_abi_ctypes checks; the "pending" ones are reported;
#  - every exported Py*/_Py* symbol is in the manifest, justified in
#    abi/extra_exports.txt, or a PyUnstable_* function abi/unstable.tsv lists as
#    exported or refused, and every such listed function is exported;
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
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tsv="$root/abi/stable_abi.tsv"
awk -F'\t' '!/^#/ && ($1=="function"||$1=="data") && $9 !~ /^no:/ {print $2}' "$tsv" | sort >"$work/linux"
awk -F'\t' '!/^#/ && ($1=="function"||$1=="data") && $9=="exported" {print $2}' "$tsv" | sort >"$work/provided"
awk -F'\t' '!/^#/ && $9 ~ /^pending:/ {print $2}' "$tsv" | sort >"$work/pending"
sed 's/#.*//; s/[[:space:]]//g; /^$/d' "$root/abi/extra_exports.txt" | sort >"$work/extra"
awk -F'\t' '!/^#/ && ($2=="exported" || $2 ~ /^refused:/) {print $1}' "$root/abi/unstable.tsv" | sort >"$work/unstable"
nm -D --defined-only "$lib" | awk '{print $3}' | sort -u >"$work/exported"
[ "$(wc -l <"$work/linux")" -eq 952 ] && ok "manifest lists 952 Linux symbols" || bad "manifest lists $(wc -l <"$work/linux") symbols"

# dlsym every provided symbol (and every listed extra) through the libpython3.so name.
cat >"$work/dlsym.c" <<'C'
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>
int main(int argc, char **argv) {
    void *h = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
    if (!h) { printf("DLOPEN %s\n", dlerror()); return 2; }
    char name[256];
    int missing = 0;
    while (fgets(name, sizeof name, stdin)) {
        name[strcspn(name, "\n")] = 0;
        if (*name && !dlsym(h, name)) { printf("%s\n", name); missing++; }
    }
    return missing != 0;
}
C
if cc -o "$work/dlsym" "$work/dlsym.c" -ldl; then
  cat "$work/provided" "$work/extra" "$work/unstable" >"$work/want"
  unresolved=$("$work/dlsym" "$(dirname "$lib")/libpython3.so" <"$work/want")
  if [ -z "$unresolved" ]; then ok "dlsym resolves all $(wc -l <"$work/want") provided symbols in libpython3.so"
  else bad "dlsym does not resolve: $(echo $unresolved)"; fi
  # Pending symbols: reported, and a pending symbol that now resolves is noted so
  # that its line in abi/pending.tsv goes.
  landed=$("$work/dlsym" "$(dirname "$lib")/libpython3.so" <"$work/pending" | comm -13 - "$work/pending")
  [ -n "$landed" ] && echo "note: exported now, remove from abi/pending.tsv and rerun abi/gen_manifest.py: $(echo $landed)"
else
  bad "cannot compile the dlsym probe"
fi

stray=$(grep -E '^_?Py' "$work/exported" | comm -23 - "$work/linux" | comm -23 - "$work/extra" | comm -23 - "$work/unstable")
if [ -z "$stray" ]; then ok "no unlisted Py*/_Py* exports"; else bad "unlisted exports: $(echo $stray)"; fi
soname=$(readelf -d "$lib" | sed -n 's/.*SONAME.*\[\(.*\)\]/\1/p')
[ "$soname" = "libpython3.15.so.1.0" ] && ok "SONAME $soname" || bad "SONAME is '$soname'"
check_size() { # name expected-size
  local s; s=$(nm -D -S --defined-only "$lib" | awk -v n="$1" '$4==n {print $2}')
  if [ -z "$s" ]; then return; fi
  if [ $((16#$s)) -eq $(($2)) ]; then ok "size of $1 is $(($2))"; else bad "size of $1 is $((16#$s)), CPython's is $(($2))"; fi
}
check_size _Py_NoneStruct 16; check_size _Py_TrueStruct 32; check_size _Py_FalseStruct 32
check_size _Py_NotImplementedStruct 16; check_size _Py_EllipsisObject 16; check_size _Py_SwappedOp 24
data=$(awk -F'\t' '!/^#/ && $1=="data" && $5=="all" {print $2}' "$tsv")
for t in $(echo "$data" | grep -E 'Type$'); do check_size "$t" 424; done
for e in $(grep -E '^PyExc_' "$work/linux"); do check_size "$e" 8; done
# Data objects must be writable (old binaries bump their counts inline).
ro=$(nm -D --defined-only "$lib" | awk '$2 ~ /[Rr]/ {print $3}' | comm -12 - "$work/linux" | grep -v '^Py_Version$')
[ -z "$ro" ] && ok "data symbols are writable" || bad "read-only data symbols: $(echo $ro)"
undef=$(nm -D --undefined-only "$lib" | awk '{print $2}' | grep -E '^_?Py' || true)
[ -z "$undef" ] && ok "no undefined Py*/_Py* symbols in the library" || bad "the library needs symbols it does not define: $(echo $undef)"
have=$(comm -12 "$work/linux" "$work/exported" | wc -l)
echo "Stable ABI symbols exported: $have of 952 ($(wc -l <"$work/pending") pending: see abi/pending.tsv)"
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
