#define Py_LIMITED_API 0x03080000
#include <Python.h>
PyMODINIT_FUNC PyInit_raiseinit(void) { PyErr_SetString(PyExc_RuntimeError, "raiseinit refuses"); return NULL; }
