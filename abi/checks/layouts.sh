#!/usr/bin/env bash
# Struct layouts and constant values: a generated probe prints offsetof/
# sizeof of every Stable ABI struct field and the value of every ABI
# constant; it is built against include/ and against CPython 3.15's headers
# (and CPython 3.11's for the versions and items that exist there) in each
# configuration, run, and the outputs compared line by line. One item = one
# probed value in one configuration against one reference.
source "$(dirname "$0")/common.sh"

# Constants whose values are ABI: the names are taken from the reference
# headers (and from ours: an extra name is a failure too).
CONST_RE='^(Py_(tp|nb|sq|mp|bf|am|mod)_[a-z_]+|Py_slot_[a-z_]+|_Py_slot_COUNT|METH_[A-Z_]+|Py_TPFLAGS_[A-Z_]+|_Py_TPFLAGS_MATCH_SELF|Py_T_[A-Z_]+|_Py_T_(OBJECT|NONE)|T_[A-Z_]+|Py_READONLY|READONLY|Py_AUDIT_READ|PY_AUDIT_READ|READ_RESTRICTED|PY_WRITE_RESTRICTED|RESTRICTED|_Py_WRITE_RESTRICTED|Py_RELATIVE_OFFSET|PyBUF_[A-Z_]+|Py_(LT|LE|EQ|NE|GT|GE)|Py_CONSTANT_[A-Z_]+|PyABIInfo_[A-Z_]+|Py_ASNATIVEBYTES_[A-Z_]+|Py_MOD_[A-Z_]+|PYTHON_API_VERSION|PYTHON_ABI_VERSION|PY_VERSION_HEX|PY_(MAJOR|MINOR|MICRO)_VERSION|PY_RELEASE_(LEVEL|SERIAL)|PySlot_(OPTIONAL|STATIC|INTPTR)|SIZEOF_[A-Z_]+|ALIGNOF_[A-Z_]+|PY_SSIZE_T_M(AX|IN)|PY_VECTORCALL_ARGUMENTS_OFFSET|Py_CLEANUP_SUPPORTED|Py_(single|file|eval|func_type)_input|Py_PRINT_RAW|Py_DTS[FT]_[A-Z_0-9]+|PY_LOCK_[A-Z]+|PYGEN_[A-Z]+|PyGILState_[A-Z]+|_Py_IMMORTAL_[A-Z_]+|_Py_STATIC_IMMORTAL_INITIAL_REFCNT|_Py_[A-Z_]+_FLAG|_Py_IMMORTAL_FLAGS|PY_LITTLE_ENDIAN|PY_BIG_ENDIAN|PYLONG_BITS_IN_DIGIT|Py_HASH_[A-Z_0-9]+|FV[CS]_[A-Z_]+|WAIT_LOCK|NOWAIT_LOCK|Py_UNICODE_SIZE)$'

# struct:field list; "=" marks fields that exist in CPython 3.11 too.
STRUCT_SPEC='
PyObject        =ob_refcnt =ob_type ob_refcnt_full ob_overflow ob_flags
PyVarObject     =ob_base =ob_size
PyModuleDef_Base =ob_base =m_init =m_index =m_copy
PyModuleDef     =m_base =m_name =m_doc =m_size =m_methods =m_slots =m_traverse =m_clear =m_free
PyModuleDef_Slot =slot =value
PyMethodDef     =ml_name =ml_meth =ml_flags =ml_doc
PyMemberDef     =name =type =offset =flags =doc
PyGetSetDef     =name =get =set =doc =closure
PyType_Slot     =slot =pfunc
PyType_Spec     =name =basicsize =itemsize =flags =slots
Py_buffer       =buf =obj =len =itemsize =readonly =ndim =format =shape =strides =suboffsets =internal
PyStructSequence_Field =name =doc
PyStructSequence_Desc  =name =doc =fields =n_in_sequence
PySlot          sl_id sl_flags sl_reserved sl_ptr sl_func sl_size sl_int64 sl_uint64
PyABIInfo       abiinfo_major_version abiinfo_minor_version flags build_version abi_version
PyCriticalSection _cs_prev _cs_mutex
PyCriticalSection2 _cs_base _cs_mutex2
PyLongLayout    bits_per_digit digit_size digits_order digit_endianness
PyLongExport    value negative ndigits digits _reserved
'

# gen_probe DEFINE OLD(0/1) CONSTNAMES -> C source on stdout
gen_probe() {
  local cfg="$1" old="$2" names="$3"
  python3 - "$cfg" "$old" "$names" "$STRUCT_SPEC" <<'PY'
import sys
cfg, old, names, spec = sys.argv[1], sys.argv[2] == '1', sys.argv[3].split(), sys.argv[4]
ver = int(cfg.split('=')[1], 16)
abi3t = 'ABI3T' in cfg
def exists(s):
    if s in ('PyObject', 'PyVarObject', 'PyModuleDef_Base', 'PyModuleDef'): return not abi3t
    if s == 'Py_buffer': return ver >= 0x030b0000
    if s == 'PyModuleDef_Slot': return ver >= 0x03050000
    if s == 'PyABIInfo': return ver >= 0x030f0000 and not old
    if s in ('PySlot', 'PyCriticalSection', 'PyCriticalSection2', 'PyLongLayout', 'PyLongExport'):
        return not old
    return True
print('#include <Python.h>\n#include <structmember.h>\n#include <stdio.h>\n#include <stddef.h>')
print('int main(void) {')
for line in spec.strip().splitlines():
    s, *fields = line.split()
    if not exists(s): continue
    print('  printf("sizeof %s %%zu align %%zu\\n", sizeof(%s), _Alignof(%s));' % (s, s, s))
    for f in fields:
        in311 = f.startswith('=')
        f = f.lstrip('=')
        if old and not in311: continue
        print('  printf("%s.%s off %%zu size %%zu\\n", offsetof(%s, %s), sizeof(((%s *)0)->%s));'
              % (s, f, s, f, s, f))
for n in names:
    print('#ifdef %s\n  printf("%s %%lld\\n", (long long)(intptr_t)(%s));\n#endif' % (n, n, n))
if not old:
    # static initialisers: the bytes compiled into extensions
    if not abi3t:
        print('  { static PyModuleDef d = {PyModuleDef_HEAD_INIT, "m", NULL, 0, NULL, NULL, NULL, NULL, NULL};')
        print('    printf("PyModuleDef_HEAD_INIT refcnt %llx type %p init %p index %zd copy %p\\n",')
        print('      (unsigned long long)d.m_base.ob_base.ob_refcnt_full, (void *)d.m_base.ob_base.ob_type,')
        print('      (void *)d.m_base.m_init, d.m_base.m_index, (void *)d.m_base.m_copy); }')
        print('  { static struct { PyObject_VAR_HEAD } v = { PyVarObject_HEAD_INIT(NULL, 7) };')
        print('    printf("PyVarObject_HEAD_INIT %llx %zd\\n", (unsigned long long)v.ob_base.ob_base.ob_refcnt_full, v.ob_base.ob_size); }')
    if ver >= 0x030f0000:
        print('  { PyABIInfo_VAR(info); printf("PyABIInfo_VAR %u %u %u %x %x\\n", info.abiinfo_major_version,')
        print('    info.abiinfo_minor_version, info.flags, info.build_version, info.abi_version); }')
        print('  { static PySlot s[] = { PySlot_PTR(Py_mod_name, "x"), PySlot_END };')
        print('    printf("PySlot_PTR %u %u %u; PySlot_END %u %u\\n", s[0].sl_id, s[0].sl_flags, s[0].sl_reserved, s[1].sl_id, s[1].sl_flags); }')
print('  return 0;\n}')
PY
}

macro_names() {  # FLAGS... -- DEFINE
  printf '#include <Python.h>\n#include <structmember.h>\n' > "$WORK/m.c"
  gcc "$@" -E -dM "$WORK/m.c" | sed -n 's/^#define \([A-Za-z_0-9]*\) .*/\1/p' | grep -v '_H$' | grep -E "$CONST_RE" || true
}

run_probe() {  # OUT FLAGS... -- uses $WORK/probe.c
  local out="$1"; shift
  gcc -std=c11 -w "$@" "$WORK/probe.c" -o "$WORK/probe" && "$WORK/probe" > "$out"
}

compare() {  # LABEL REF OURS
  local label="$1" n
  n=$(cat "$2" "$3" | sort -u | awk '{print $1}' | sort -u | wc -l)
  local diffs; diffs=$(diff <(sort "$2") <(sort "$3") | grep '^[<>]' || true)
  local nbad; nbad=$(printf '%s\n' "$diffs" | awk 'NF{print $2}' | sort -u | grep -c . || true)
  PASS=$((PASS + n - nbad)); FAIL=$((FAIL + nbad))
  [ -n "$diffs" ] && { echo "FAIL: $label:"; printf '%s\n' "$diffs" | sed 's/^</  cpython /; s/^>/  carapace/'; }
  echo "$label: $n items, $nbad mismatches"
}

for cfg in "${CONFIGS[@]}"; do
  tag="${cfg#-D}"
  names=$( { macro_names "${REF_FLAGS[@]}" $cfg; macro_names "${OUR_FLAGS[@]}" $cfg; } | sort -u | tr '\n' ' ')
  gen_probe "$cfg" 0 "$names" > "$WORK/probe.c"
  run_probe "$WORK/ref.txt" "${REF_FLAGS[@]}" $cfg || { bad "$tag: probe fails with CPython 3.15 headers"; continue; }
  run_probe "$WORK/our.txt" "${OUR_FLAGS[@]}" $cfg || { bad "$tag: probe fails with include/"; continue; }
  compare "$tag vs CPython 3.15" "$WORK/ref.txt" "$WORK/our.txt"

  # CPython 3.11 headers: only for versions it knows, only items it has.
  case "$cfg" in *LIMITED_API=0x030[28b]0000) ;; *) continue ;; esac
  [ -n "$PY311_INC" ] || { echo "(no CPython 3.11 headers: 3.11 comparison skipped)"; continue; }
  old_names=$(macro_names -I"$PY311_INC" $cfg | grep -vE '^(PY_VERSION_HEX|PY_MINOR_VERSION|PY_MICRO_VERSION|PY_RELEASE_LEVEL|PY_RELEASE_SERIAL|_Py_.*)$' | tr '\n' ' ')
  gen_probe "$cfg" 1 "$old_names" > "$WORK/probe.c"
  run_probe "$WORK/ref.txt" -I"$PY311_INC" $cfg || { bad "$tag: probe fails with CPython 3.11 headers"; continue; }
  run_probe "$WORK/our.txt" "${OUR_FLAGS[@]}" $cfg || { bad "$tag: 3.11-subset probe fails with include/"; continue; }
  # Only the names 3.11 defines are compared (ours may define more).
  grep -E "^($(echo $old_names | tr ' ' '|')|sizeof|[A-Za-z_]+\.)" "$WORK/our.txt" > "$WORK/our11.txt" || true
  # Documented difference: the refcount word is 64-bit Py_ssize_t in 3.11
  # and a 32-bit count (+16-bit overflow, +16-bit flags) since 3.14. Same
  # offset, and old binaries' 64-bit inc/dec on it stays correct (immortal
  # counts sit mid-range): compare the offset only.
  sed -i 's/^\(PyObject\.ob_refcnt off [0-9]*\) size [0-9]*$/\1/' "$WORK/ref.txt" "$WORK/our11.txt"
  compare "$tag vs CPython 3.11" "$WORK/ref.txt" "$WORK/our11.txt"
done
finish
