/* errors: exception classes made from C (PyErr_NewException*). */
#include "common.h"
#include <unistd.h>

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    BEGIN();
    PyObject *e1 = PyErr_NewException("testmod.MyError", NULL, NULL);
    show("newexc", PyObject_Repr(e1));
    show("newexc_mro", PyObject_GetAttrString(e1, "__mro__"));
    show("newexc_module", PyObject_GetAttrString(e1, "__module__"));
    show("newexc_name", PyObject_GetAttrString(e1, "__name__"));
    show("newexc_qualname", PyObject_GetAttrString(e1, "__qualname__"));
    show("newexc_doc", PyObject_GetAttrString(e1, "__doc__"));
    PyObject *e2 = PyErr_NewExceptionWithDoc("testmod.sub.Sub", "Sub doc", e1, NULL);
    show("withdoc_doc", PyObject_GetAttrString(e2, "__doc__"));
    show("withdoc_module", PyObject_GetAttrString(e2, "__module__"));
    show_int("withdoc_subclass", PyObject_IsSubclass(e2, e1));
    show("withdoc_nodoc", PyErr_NewExceptionWithDoc("a.B", NULL, NULL, NULL));
    PyObject *bases = PyObject_GetAttrString(PyExc_KeyError, "__mro__");
    show("newexc_tuple_bases_mro", PyErr_NewException("m.FromMro", bases, NULL));
    Py_DECREF(bases);
    PyObject *d = PyObject_GenericGetDict(e1, NULL);   /* a mappingproxy: not a dict */
    show("newexc_dict_bad", PyErr_NewException("m.BadDict", NULL, d));
    Py_XDECREF(d);
    show("newexc_nodot", PyErr_NewException("nodot", NULL, NULL));
    show("newexc_multidot", PyErr_NewException("a.b.c.D", NULL, NULL));
    PyErr_SetString(e2, "raised sub");
    show_int("matches_base", PyErr_ExceptionMatches(e1));
    show("raised", NULL);
    dup2(1, 2);
    PyErr_SetString(e2, "printed");
    PyErr_Print();
    Py_DECREF(e1);
    Py_DECREF(e2);
    END();
}
