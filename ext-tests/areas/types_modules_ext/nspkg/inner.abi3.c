#define Py_LIMITED_API 0x03080000
#include <Python.h>
static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "inner", NULL, -1, NULL, NULL, NULL, NULL, NULL};
PyMODINIT_FUNC PyInit_inner(void) { return PyModule_Create(&def); }
