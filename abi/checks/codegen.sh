#!/usr/bin/env bash
# The inline parts of the headers must compile to the same machine code as
# CPython 3.15's headers: each probe function below is compiled (gcc -O2
# -fPIC -DNDEBUG, as setuptools builds extensions) against both header sets
# in every configuration, disassembled, and compared instruction by
# instruction after addresses are stripped. Covers in-place, immortal-aware
# refcounting (< 3.12), _Py_IncRef/_Py_DecRef calls (>= 3.12, abi3t), and
# Py_TYPE/Py_SIZE/Py_IS_TYPE/Py_REFCNT/Py_SET_REFCNT, type checks,
# singletons and Py_RETURN_NONE/TRUE. One item = one function in one
# configuration.
source "$(dirname "$0")/common.sh"

cat > "$WORK/probe.c" <<'C'
#include <Python.h>
void p_incdec(PyObject *o) { Py_INCREF(o); Py_DECREF(o); }
void p_incref(PyObject *o) { Py_INCREF(o); }
void p_decref(PyObject *o) { Py_DECREF(o); }
void p_xincdec(PyObject *o) { Py_XINCREF(o); Py_XDECREF(o); }
PyObject *p_newref(PyObject *o) { return Py_NewRef(o); }
PyObject *p_xnewref(PyObject *o) { return Py_XNewRef(o); }
void p_clear(PyObject **slot) { Py_CLEAR(*slot); }
Py_ssize_t p_refcnt(PyObject *o) { return Py_REFCNT(o); }
void p_setrefcnt(PyObject *o) { Py_SET_REFCNT(o, 5); }
PyTypeObject *p_type(PyObject *o) { return Py_TYPE(o); }
Py_ssize_t p_size(PyObject *o) { return Py_SIZE(o); }
int p_istype(PyObject *o) { return Py_IS_TYPE(o, &PyFloat_Type); }
int p_checks(PyObject *o) { return PyTuple_Check(o) + PyLong_CheckExact(o) + PyFloat_Check(o) + PyType_Check(o); }
PyObject *p_none(void) { Py_RETURN_NONE; }
PyObject *p_true(void) { Py_RETURN_TRUE; }
PyObject *p_notimpl(void) { Py_RETURN_NOTIMPLEMENTED; }
int p_isnone(PyObject *o) { return Py_IsNone(o); }
#ifndef Py_TARGET_ABI3T
void p_settype(PyObject *o) { Py_SET_TYPE(o, &PyLong_Type); }
void p_setsize(PyVarObject *o) { Py_SET_SIZE(o, 3); }
#endif
C

disasm() {  # OBJ -> one line per instruction, "func: insn", addresses removed
  objdump -d --no-show-raw-insn "$1" | awk '
    /^[0-9a-f]+ <[^>]+>:$/ { f = $2; gsub(/[<>:]/, "", f); next }
    /^ +[0-9a-f]+:\t/ { sub(/^ +[0-9a-f]+:\t/, ""); gsub(/[0-9a-f]+ <[^>]*>/, "<>"); gsub(/ +/, " "); print f ": " $0 }'
}

for cfg in "${CONFIGS[@]}"; do
  tag="${cfg#-D}"
  gcc -O2 -fPIC -DNDEBUG -std=c11 -w "${REF_FLAGS[@]}" $cfg -c "$WORK/probe.c" -o "$WORK/ref.o"
  gcc -O2 -fPIC -DNDEBUG -std=c11 -w "${OUR_FLAGS[@]}" $cfg -c "$WORK/probe.c" -o "$WORK/our.o"
  disasm "$WORK/ref.o" > "$WORK/ref.s"; disasm "$WORK/our.o" > "$WORK/our.s"
  for fn in $(sed 's/:.*//' "$WORK/ref.s" "$WORK/our.s" | sort -u); do
    if diff <(grep "^$fn: " "$WORK/ref.s") <(grep "^$fn: " "$WORK/our.s") > "$WORK/d"; then ok
    else bad "$tag $fn"; sed 's/^</  cpython /; s/^>/  carapace/' "$WORK/d" | grep -E '^  (cpython|carapace)'; fi
  done
  echo "$tag: $(sed 's/:.*//' "$WORK/ref.s" | sort -u | wc -l) functions compared"
  if [ "$tag" = "Py_LIMITED_API=0x03080000" ]; then
    echo "  e.g. p_incdec:"; grep '^p_incdec: ' "$WORK/our.s" | sed 's/^/    /'
  fi
done
finish
