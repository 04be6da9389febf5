#define Py_LIMITED_API 0x03080000
#include <Python.h>
extern PyObject *PyCarapace_NoSuchFunction(void);
PyMODINIT_FUNC PyInit_missing(void) { return PyCarapace_NoSuchFunction(); }
