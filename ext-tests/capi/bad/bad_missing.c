/* Needs a symbol no runtime exports: loading must fail with an ImportError
 * naming the symbol (the loader resolves symbols eagerly). */
#define Py_LIMITED_API 0x030f0000
#include <Python.h>

extern PyObject *PyCarapace_DoesNotExist(void);

PyMODINIT_FUNC PyInit_bad_missing(void)
{
    return PyCarapace_DoesNotExist();
}
