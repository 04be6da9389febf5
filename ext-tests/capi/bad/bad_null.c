/* PyInit returns NULL without setting an exception: SystemError. */
#define Py_LIMITED_API 0x030f0000
#include <Python.h>

PyMODINIT_FUNC PyInit_bad_null(void)
{
    return NULL;
}
