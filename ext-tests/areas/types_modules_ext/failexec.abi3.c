/* multi-phase: an exec slot fails without an exception */
#define Py_LIMITED_API 0x030d0000
#include <Python.h>
static int bad_exec(PyObject *m) { return -1; }
static PyModuleDef_Slot slots[] = {{Py_mod_exec, bad_exec}, {0, NULL}};
static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "failexec", NULL, 0, NULL, slots, NULL, NULL, NULL};
PyMODINIT_FUNC PyInit_failexec(void) { return PyModuleDef_Init(&def); }
