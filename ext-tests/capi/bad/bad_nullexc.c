/* PyInit returns NULL with RuntimeError set: that exception propagates. */
#define Py_LIMITED_API 0x030f0000
#include <Python.h>

PyMODINIT_FUNC PyInit_bad_nullexc(void)
{
    PyErr_SetString(PyExc_RuntimeError, "bad_nullexc refuses to initialize");
    return NULL;
}
