#!/usr/bin/env bash
# Compare what include/ declares with what CPython 3.15's headers declare,
# configuration by configuration (gcc -aux-info for functions, the
# preprocessed text for data, gcc -dM for macros):
#   - the set of Py*/_Py* function names, and each normalised prototype,
#     including whether it is a static inline or an exported function;
#   - the set of data symbols and each declaration;
#   - the set of public macro names (pyconfig.h build facts excluded).
# One item = one name in one configuration.
source "$(dirname "$0")/common.sh"
# CPython's real pyconfig.h (Debian keeps it in a multiarch folder; the one
# beside Python.h is a wrapper): the build facts it lists are not compared.
CFG_H="$(for d in $(printf '%s\n' "${REF_FLAGS[@]}" | sed -n 's/^-I//p'); do
  grep -l '^#define SIZEOF_INT' "$d"/pyconfig.h "$d"/*/python3.15/pyconfig.h 2>/dev/null || true; done | head -1)"

for cfg in "${CONFIGS[@]}"; do
  python3 "$CHECKS/decls.py" "${REF_FLAGS[@]}" -- $cfg > "$WORK/ref.json"
  python3 "$CHECKS/decls.py" "${OUR_FLAGS[@]}" -- $cfg > "$WORK/our.json"
  out=$(python3 - "$WORK/ref.json" "$WORK/our.json" "$CFG_H" "${cfg#-D}" <<'PY'
import json, re, sys
ref, our = (json.load(open(p)) for p in sys.argv[1:3])
cfg_names = set(re.findall(r'#define (\w+)', open(sys.argv[3]).read()))
tag = sys.argv[4]
# Documented differences:
#  * CPython's private static helpers behind Py_TYPE/Py_SIZE/Py_IS_TYPE/
#    Py_SET_SIZE/Py_REFCNT and its immortality tests are implementation
#    details with no symbol; Carapace has its own helpers (_Cara_*), which
#    the Py/_Py name filter does not see.
ALLOWED_MISSING_FUNCS = {'_Py_TYPE_impl', '_Py_SIZE_impl', '_Py_IS_TYPE_impl',
                         '_Py_SET_SIZE_impl', '_Py_REFCNT', '_Py_IsImmortal',
                         '_Py_IsStaticImmortal'}
#  * macros: CPython's include guards (*_H) and its private (_-prefixed)
#    macros are not compared; pyconfig.h build facts are compared by
#    layouts.sh only where ABI-relevant (SIZEOF_*).
def public_macros(d):
    return {n for n in d['macros'] if not n.startswith('_') and not n.endswith('_H')
            and not n.startswith('HAVE_') and n not in cfg_names}
passed = failed = 0
def check(cond, msg):
    global passed, failed
    if cond: passed += 1
    else:
        failed += 1; print('FAIL: %s: %s' % (tag, msg))
rf, of = ref['functions'], our['functions']
for n in sorted(set(rf) | set(of)):
    if n in ALLOWED_MISSING_FUNCS and n not in of:
        continue
    if n not in of: check(False, 'function missing: %s' % rf[n]['proto']); continue
    if n not in rf: check(False, 'function not in CPython: %s' % of[n]['proto']); continue
    check(rf[n]['proto'] == of[n]['proto'] and rf[n]['static'] == of[n]['static'],
          'prototype differs: cpython %r (static=%s) / carapace %r (static=%s)'
          % (rf[n]['proto'], rf[n]['static'], of[n]['proto'], of[n]['static']))
rd, od = ref['data'], our['data']
for n in sorted(set(rd) | set(od)):
    check(rd.get(n) == od.get(n), 'data differs: cpython %r / carapace %r' % (rd.get(n), od.get(n)))
# libc macros are the same on both sides, so they cancel out
rm, om = public_macros(ref), public_macros(our)
for n in sorted(rm | om):
    check(n in rm and n in om, 'macro %s only in %s' % (n, 'CPython' if n in rm else 'Carapace'))
print('%s: %d functions, %d data, %d macros compared' % (tag, len(rf), len(rd), len(rm)))
print('RESULT %d %d' % (passed, failed))
PY
)
  echo "$out" | grep -v '^RESULT'
  p=$(echo "$out" | sed -n 's/^RESULT \([0-9]*\) [0-9]*$/\1/p'); f=$(echo "$out" | sed -n 's/^RESULT [0-9]* \([0-9]*\)$/\1/p')
  PASS=$((PASS + p)); FAIL=$((FAIL + f))
done
finish
