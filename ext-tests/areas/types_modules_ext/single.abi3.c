/* single-phase init: PyModule_Create, state, constants, functions */
#define Py_LIMITED_API 0x03080000
#include <Python.h>
typedef struct { long counter; } st;
static struct PyModuleDef def;
static PyObject *f_hello(PyObject *self, PyObject *args) { return PyUnicode_FromString("hello"); }
static PyObject *f_self(PyObject *self, PyObject *u) { Py_INCREF(self); return self; }
static PyObject *f_bump(PyObject *self, PyObject *u)
{
    st *s = PyModule_GetState(self);
    return PyLong_FromLong(++s->counter);
}
static PyMethodDef methods[] = {
    {"hello", f_hello, METH_VARARGS, "say hello"},
    {"me", f_self, METH_NOARGS, NULL},
    {"bump", f_bump, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};
static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "single", "single-phase doc", sizeof(st), methods, NULL, NULL, NULL, NULL};
PyMODINIT_FUNC PyInit_single(void)
{
    PyObject *m = PyModule_Create(&def);
    if (m == NULL) return NULL;
    if (PyModule_AddIntConstant(m, "ANSWER", 42) < 0) goto fail;
    if (PyModule_AddStringConstant(m, "NAME", "single") < 0) goto fail;
    if (PyModule_AddObject(m, "TUPLE", Py_BuildValue("(ii)", 1, 2)) < 0) goto fail;
    return m;
fail:
    Py_DECREF(m);
    return NULL;
}
