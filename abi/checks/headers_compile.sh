#!/usr/bin/env bash
# Every function and data symbol that CPython 3.15's headers declare for a
# Limited API version must be usable from include/ for that version: a
# generated C file takes the address of each one and must compile with
# -Wall -Wextra -Werror (C99, C11) and as C++11. One item = one symbol in one
# configuration. A small but complete extension module is compiled too.
source "$(dirname "$0")/common.sh"

# CPython's own internal static helpers (not API, no symbol): Carapace has
# differently named helpers of its own. See prototypes.sh.
SKIP='^(_Py_TYPE_impl|_Py_SIZE_impl|_Py_IS_TYPE_impl|_Py_SET_SIZE_impl|_Py_REFCNT|_Py_IsImmortal|_Py_IsStaticImmortal)$'

for cfg in "${CONFIGS[@]}"; do
  tag="${cfg#-D}"
  python3 "$CHECKS/decls.py" "${REF_FLAGS[@]}" -- $cfg > "$WORK/ref.json"
  python3 - "$WORK/ref.json" "$SKIP" > "$WORK/use.c" <<'PY'
import json, re, sys
d = json.load(open(sys.argv[1])); skip = re.compile(sys.argv[2])
names = [n for n in sorted(d['functions']) if not skip.match(n)]
data = sorted(d['data'])
print('#include <Python.h>')
# An object-like macro may alias a function name (Py_PACK_VERSION): drop
# the macro so that the declaration itself is what gets referenced.
for n in names + data:
    print('#if defined(%s)\n#undef %s\n#endif' % (n, n))
print('/* %d functions, %d data */' % (len(names), len(data)))
print('extern const void *carapace_refs[];')
print('const void *carapace_refs[] = {')
for n in names:
    print('    (const void *)(uintptr_t)&%s,' % n)
for n in data:
    print('    (const void *)&%s,' % n)
print('    0 };')
PY
  nf=$(grep -c '(uintptr_t)&' "$WORK/use.c" || true)
  nd=$(grep -c '(const void \*)&' "$WORK/use.c" || true)
  cp "$WORK/use.c" "$WORK/use.cc"
  okc=1
  for std in "gcc -std=c99 -x c" "gcc -std=c11 -x c" "g++ -std=c++11 -x c++"; do
    src="$WORK/use.c"; [[ $std == g++* ]] && src="$WORK/use.cc"
    if ! $std -Wall -Wextra -Werror "${OUR_FLAGS[@]}" $cfg -c "$src" -o "$WORK/use.o" 2> "$WORK/err"; then
      okc=0; echo "--- $tag ($std):"; grep -E 'error' "$WORK/err" | head -20
    fi
  done
  if [ $okc = 1 ]; then PASS=$((PASS + nf + nd)); echo "$tag: $nf functions + $nd data symbols OK"
  else bad "$tag: symbols not all declared (see above)"; fi
done

# A complete little extension in every configuration (C99, C11, C++11).
cat > "$WORK/mod.c" <<'C'
#include <Python.h>
#include <structmember.h>
typedef struct { int value; } Extra;
static PyObject *noop(PyObject *self, PyObject *Py_UNUSED(args))
{
    (void)self;
    Py_RETURN_NONE;
}
static PyObject *ident(PyObject *self, PyObject *arg)
{
    PyObject *r = Py_NewRef(arg);
    (void)self;
    if (PyLong_Check(r) || PyTuple_Check(r) || PyUnicode_CheckExact(r)) {
        Py_INCREF(r);
        Py_DECREF(r);
    }
    Py_XINCREF(r); Py_XDECREF(r);
    return r;
}
static PyMethodDef methods[] = {
    {"noop", noop, METH_NOARGS, PyDoc_STR("nothing")},
    {"ident", ident, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};
static PyMemberDef members[] = {
    {"value", T_INT, 0, READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};
static PyType_Slot tslots[] = {
    {Py_tp_members, members},
    {0, NULL}
};
static PyType_Spec spec = {"m.T", -(int)sizeof(Extra), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE, tslots};
static int exec_mod(PyObject *m)
{
    PyObject *t = PyType_FromSpec(&spec);
    if (t == NULL) return -1;
    if (PyModule_AddObject(m, "T", t) < 0) { Py_DECREF(t); return -1; }
    return PyModule_AddIntMacro(m, METH_O);
}
#ifdef Py_TARGET_ABI3T
PyABIInfo_VAR(abi_info);
static PySlot mslots[] = {
    PySlot_PTR(Py_mod_abi, &abi_info),
    PySlot_PTR(Py_mod_name, "m"),
    PySlot_PTR(Py_mod_methods, methods),
    PySlot_PTR(Py_mod_exec, exec_mod),
    PySlot_PTR(Py_mod_gil, Py_MOD_GIL_NOT_USED),
    PySlot_END
};
PyMODEXPORT_FUNC PyModExport_m(void) { return mslots; }
#elif Py_LIMITED_API+0 < 0x03050000
static struct PyModuleDef def = {
    PyModuleDef_HEAD_INIT, "m", NULL, 0, methods, NULL, NULL, NULL, NULL
};
PyMODINIT_FUNC PyInit_m(void)
{
    PyObject *m = PyModule_Create(&def);
    if (m != NULL && exec_mod(m) < 0) { Py_DECREF(m); return NULL; }
    return m;
}
#else
static PyModuleDef_Slot mslots[] = {
    {Py_mod_exec, (void *)exec_mod},
    {0, NULL}
};
static struct PyModuleDef def = {
    PyModuleDef_HEAD_INIT, "m", NULL, 0, methods, mslots, NULL, NULL, NULL
};
PyMODINIT_FUNC PyInit_m(void) { return PyModuleDef_Init(&def); }
#endif
C
cp "$WORK/mod.c" "$WORK/mod.cc"
for cfg in "${CONFIGS[@]}"; do
  for std in "gcc -std=c99" "gcc -std=c11" "g++ -std=c++11"; do
    src="$WORK/mod.c"; [[ $std == g++* ]] && src="$WORK/mod.cc"
    # C++ has no designated initialisers before C++20: PySlot_PTR is positional.
    if $std -Wall -Wextra -Werror -fPIC "${OUR_FLAGS[@]}" $cfg -c "$src" -o "$WORK/mod.o" 2> "$WORK/err"; then ok
    else bad "sample module, ${cfg#-D}, $std"; head -20 "$WORK/err"; fi
  done
done
finish
