/* benchext: the C extension that bench/programs/cext.py calls in a loop.
   Built by bench/run.py as an abi3 module (Stable ABI, limited API 3.10, the
   first version that has METH_FASTCALL) and loaded unchanged by every
   CPython-ABI runtime; PyPy gets its own build from the same source. */
#include <Python.h>

/* add(a, b): a + b, through the vectorcall-style METH_FASTCALL convention. */
static PyObject *
benchext_add(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 2) {
        PyErr_Format(PyExc_TypeError, "add() takes 2 arguments (%zd given)", nargs);
        return NULL;
    }
    return PyNumber_Add(args[0], args[1]);
}

/* twice(x): x + x, through the single-argument METH_O convention. */
static PyObject *
benchext_twice(PyObject *module, PyObject *arg)
{
    (void)module;
    return PyNumber_Add(arg, arg);
}

static PyMethodDef benchext_methods[] = {
    {"add", (PyCFunction)(void (*)(void))benchext_add, METH_FASTCALL, "add(a, b) -> a + b"},
    {"twice", benchext_twice, METH_O, "twice(x) -> x + x"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef benchext_module = {
    PyModuleDef_HEAD_INIT,
    "benchext",
    "Trivial functions for the cext benchmark.",
    -1,
    benchext_methods,
    NULL,
    NULL,
    NULL,
    NULL,
};

PyMODINIT_FUNC
PyInit_benchext(void)
{
    return PyModule_Create(&benchext_module);
}
