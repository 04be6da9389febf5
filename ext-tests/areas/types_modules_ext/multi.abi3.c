/* multi-phase init: PyInit returns the def; exec slots; Py_mod_gil */
#define Py_LIMITED_API 0x030d0000
#include <Python.h>
typedef struct { long execs; } st;
static int exec1(PyObject *m)
{
    st *s = PyModule_GetState(m);
    s->execs++;
    return PyModule_AddIntConstant(m, "FIRST", 1);
}
static int exec2(PyObject *m)
{
    st *s = PyModule_GetState(m);
    s->execs++;
    return PyModule_AddIntConstant(m, "EXECS", s->execs);
}
static PyObject *f_name(PyObject *self, PyObject *u) { return PyModule_GetNameObject(self); }
static PyMethodDef methods[] = {{"name", f_name, METH_NOARGS, NULL}, {NULL, NULL, 0, NULL}};
static PyModuleDef_Slot slots[] = {
    {Py_mod_exec, exec1},
    {Py_mod_exec, exec2},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL}
};
static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "multi", "multi-phase doc", sizeof(st), methods, slots, NULL, NULL, NULL};
PyMODINIT_FUNC PyInit_multi(void) { return PyModuleDef_Init(&def); }
