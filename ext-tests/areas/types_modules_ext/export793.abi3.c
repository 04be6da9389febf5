/* PEP 793: PyModExport_<name> returns slots */
#define Py_LIMITED_API 0x030f0000
#include <Python.h>
typedef struct { int v; } st;
static int token;
static int ex(PyObject *m)
{
    st *s = PyModule_GetState(m);
    s->v = 7;
    return PyModule_AddIntConstant(m, "V", s->v);
}
static PyObject *f_one(PyObject *self, PyObject *u) { return PyLong_FromLong(1); }
static PyMethodDef methods[] = {{"one", f_one, METH_NOARGS, NULL}, {NULL, NULL, 0, NULL}};
PyABIInfo_VAR(abi_info);
static PySlot slots[] = {
    PySlot_DATA(Py_mod_abi, &abi_info),
    PySlot_DATA(Py_mod_name, "export793"),
    PySlot_DATA(Py_mod_doc, "PEP 793 doc"),
    PySlot_SIZE(Py_mod_state_size, sizeof(st)),
    PySlot_STATIC_DATA(Py_mod_methods, methods),
    PySlot_FUNC(Py_mod_exec, ex),
    PySlot_DATA(Py_mod_token, &token),
    PySlot_DATA(Py_mod_gil, Py_MOD_GIL_NOT_USED),
    PySlot_END
};
PyMODEXPORT_FUNC PyModExport_export793(void) { return slots; }
void *export793_token(void) { return &token; }
