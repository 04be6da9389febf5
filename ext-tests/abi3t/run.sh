#!/usr/bin/env bash
# abi3t for real, and the extension file suffixes.
#  1. abi3t_demo.c (Py_TARGET_ABI3T=3.15: opaque PyObject, PyModExport_abi3t_demo,
#     PySlot, no PyModuleDef) is built twice, against CPython 3.15's headers and
#     against include/, as abi3t_demo.abi3t.so; driver.c (one embedding program)
#     imports each on CPython 3.15 and on Carapace: the four outputs are the same.
#  2. CPython 3.15's own compiled xxlimited (PyModExport_xxlimited, found under
#     its version-specific name) behaves on Carapace as on CPython 3.15.
#  3. unstable.c and atexit.c: the PyUnstable_* functions Carapace implements (abi/unstable.tsv)
#     give CPython 3.15's results (one embedding program run on both).
#  4. Carapace's suffix order (docs/DECISIONS.md): .abi3.so,
#     .abi3-x86_64-linux-gnu.so, .abi3t.so, .abi3t-x86_64-linux-gnu.so, .so, and
#     a .cpython-315-x86_64-linux-gnu.so file is refused unless its PyModExport
#     slots declare the Stable ABI: a folder holding the module under every
#     suffix is imported, the file picked is removed, and so on.
# Usage: ext-tests/abi3t/run.sh LIBDIR
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
libdir="$(cd "$1" && pwd)"
eval "$("$root/../shared/tools/fetch-cpython3.15")"
dest="$(dirname "$(dirname "$PY315_LIB")")"
build="${CARAPACE_BUILD:-$root/target/ext-tests}/abi3t"
rm -rf "$build"; mkdir -p "$build/ref" "$build/own" "$build/xx" "$build/sfx"
pass=0; fail=0
ok() { echo "ok $1"; pass=$((pass+1)); }
bad() { echo "FAIL $1"; fail=$((fail+1)); }
on_cpython() { PYTHONHOME="$dest" timeout 30 "$PY315_EXEC" "$build/driver" "$@"; }
on_carapace() { LD_LIBRARY_PATH="$libdir" timeout 30 "$build/driver" "$@"; }

# shellcheck disable=SC2086
gcc -O0 -g -Wall -Wextra -Werror -DPy_LIMITED_API=0x030f0000 $PY315_CFLAGS -fPIE -pie "$here/driver.c" \
  -o "$build/driver" -L"$PY315_LIBDIR" -lpython3.15 -Wl,--allow-shlib-undefined || { bad "driver does not compile"; echo "$pass passed, $fail failed"; exit 1; }
abi3t=(-O0 -g -shared -fPIC -Wall -Wextra -Werror -DPy_TARGET_ABI3T=0x030f0000)
# shellcheck disable=SC2086
gcc "${abi3t[@]}" $PY315_CFLAGS "$here/abi3t_demo.c" -o "$build/ref/abi3t_demo.abi3t.so" && ok "abi3t_demo compiles against CPython 3.15's headers" || bad "abi3t_demo vs CPython headers"
gcc "${abi3t[@]}" -I"$root/include" "$here/abi3t_demo.c" -o "$build/own/abi3t_demo.abi3t.so" && ok "abi3t_demo compiles against include/" || bad "abi3t_demo vs include/"
on_cpython "$build/ref" abi3t_demo >"$build/demo.expected" 2>&1 || bad "abi3t_demo on CPython 3.15 exits $?"
for v in ref own; do
  on_cpython "$build/$v" abi3t_demo >"$build/demo.$v.cpython" 2>&1
  on_carapace "$build/$v" abi3t_demo >"$build/demo.$v.carapace" 2>&1 || bad "abi3t_demo ($v build) on Carapace exits $?"
  for rt in cpython carapace; do
    if diff -u "$build/demo.expected" "$build/demo.$v.$rt" >"$build/demo.$v.$rt.diff"; then
      ok "abi3t_demo built against ${v/ref/CPython\'s headers} on $rt: $(wc -l <"$build/demo.expected") lines as on CPython"
    else bad "abi3t_demo ($v build) on $rt differs:"; head -20 "$build/demo.$v.$rt.diff"; fi
  done
done

cp "$PY315_DYNLOAD"/xxlimited.cpython-315-x86_64-linux-gnu.so "$build/xx/"
on_cpython "$build/xx" xxlimited >"$build/xx.cpython" 2>&1 || bad "xxlimited on CPython exits $?"
on_carapace "$build/xx" xxlimited >"$build/xx.carapace" 2>&1 || bad "xxlimited on Carapace exits $?"
if diff -u "$build/xx.cpython" "$build/xx.carapace" >"$build/xx.diff"; then ok "CPython 3.15's xxlimited: $(wc -l <"$build/xx.cpython") lines as on CPython"
else bad "xxlimited differs:"; head -20 "$build/xx.diff"; fi

# shellcheck disable=SC2086
if gcc -O0 -g -Wall -Wextra -Werror -DPy_LIMITED_API=0x030f0000 $PY315_CFLAGS -fPIE -pie "$here/unstable.c" \
    -o "$build/unstable" -L"$PY315_LIBDIR" -lpython3.15 -Wl,--allow-shlib-undefined; then
  PYTHONHOME="$dest" timeout 30 "$PY315_EXEC" "$build/unstable" >"$build/unstable.cpython" 2>&1 || bad "unstable on CPython exits $?"
  LD_LIBRARY_PATH="$libdir" timeout 30 "$build/unstable" >"$build/unstable.carapace" 2>&1 || bad "unstable on Carapace exits $?"
  if diff -u "$build/unstable.cpython" "$build/unstable.carapace" >"$build/unstable.diff"; then ok "PyUnstable_*: $(wc -l <"$build/unstable.cpython") lines as on CPython"
  else bad "PyUnstable_* differ:"; head -20 "$build/unstable.diff"; fi
else bad "unstable.c does not compile"; fi
# shellcheck disable=SC2086
if gcc -O0 -g -Wall -Wextra -Werror -DPy_LIMITED_API=0x030f0000 $PY315_CFLAGS -fPIE -pie "$here/atexit.c" \
    -o "$build/atexit" -L"$PY315_LIBDIR" -lpython3.15 -Wl,--allow-shlib-undefined; then
  PYTHONHOME="$dest" timeout 30 "$PY315_EXEC" "$build/atexit" >"$build/atexit.cpython" 2>&1 || bad "atexit on CPython exits $?"
  LD_LIBRARY_PATH="$libdir" timeout 30 "$build/atexit" >"$build/atexit.carapace" 2>&1 || bad "atexit on Carapace exits $?"
  if diff -u "$build/atexit.cpython" "$build/atexit.carapace" >"$build/atexit.diff"; then ok "PyUnstable_AtExit: $(wc -l <"$build/atexit.cpython") lines as on CPython"
  else bad "PyUnstable_AtExit differs:"; head -20 "$build/atexit.diff"; fi
else bad "atexit.c does not compile"; fi

suffixes=(.abi3.so .abi3-x86_64-linux-gnu.so .abi3t.so .abi3t-x86_64-linux-gnu.so .so .cpython-315-x86_64-linux-gnu.so)
for s in "${suffixes[@]}"; do
  # shellcheck disable=SC2086
  gcc -O0 -shared -fPIC -Wall -Werror -DPy_LIMITED_API=0x030f0000 $PY315_CFLAGS "-DTAG=\"$s\"" "$here/suffixprobe.c" -o "$build/sfx/suffixprobe$s"
done
for s in "${suffixes[@]:0:5}"; do
  got=$(on_carapace "$build/sfx" suffixprobe 2>&1)
  if [ "$got" = "$(printf "file = 'suffixprobe%s'\nvariant = '%s'" "$s" "$s")" ]; then ok "suffix $s is chosen next"
  else bad "expected suffixprobe$s, got: $got"; fi
  rm -f "$build/sfx/suffixprobe$s"
done
got=$(on_carapace "$build/sfx" suffixprobe 2>&1)
case "$got" in
  "import -> ImportError: "*"suffixprobe.cpython-315-x86_64-linux-gnu.so: version-specific extension module 'suffixprobe'"*"Stable ABI"*)
    ok "a version-specific file without a Stable ABI declaration is refused";;
  *) bad "version-specific file: $got";;
esac
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
