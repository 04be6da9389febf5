/* Compiled against CPython 3.15's headers WITHOUT Py_LIMITED_API: a
 * version-specific module.  CPython 3.15 loads it; Carapace must refuse it
 * with an ImportError that mentions the Stable ABI. */
#include <Python.h>

static struct PyModuleDef vs_def = {PyModuleDef_HEAD_INIT, "bad_vs", NULL, 0, NULL, NULL, NULL, NULL, NULL};

PyMODINIT_FUNC PyInit_bad_vs(void)
{
    return PyModule_Create(&vs_def);
}
