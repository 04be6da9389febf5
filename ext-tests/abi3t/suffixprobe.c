/* One module, built once per file-name suffix: `variant` says which file the
 * import system picked. Limited API 3.15, multi-phase PyInit (so a
 * version-specific copy declares nothing about the Stable ABI). */
#include <Python.h>

static int exec_mod(PyObject *m) { return PyModule_AddStringConstant(m, "variant", TAG); }

static PyModuleDef_Slot slots[] = {
    {Py_mod_exec, (void *)exec_mod},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL}
};

static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "suffixprobe", NULL, 0, NULL, slots, NULL, NULL, NULL};

PyMODINIT_FUNC PyInit_suffixprobe(void) { return PyModuleDef_Init(&def); }
