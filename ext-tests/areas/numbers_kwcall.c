/* numbers: keyword arguments of int/complex constructors and methods through
 * PyObject_Call (needs the call protocol with keyword dicts). */
#include "common.h"

static PyObject *I(long v) { return PyLong_FromLong(v); }

int main(void)
{
    BEGIN();
    show("to_bytes_signed_kw", PyObject_Call(PyObject_GetAttrString(I(-1), "to_bytes"), Py_BuildValue("(is)", 2, "little"), Py_BuildValue("{sO}", "signed", Py_True)));
    show("to_bytes_4args", PyObject_Call(PyObject_GetAttrString(I(-1), "to_bytes"), Py_BuildValue("(is)", 2, "little"), Py_BuildValue("{sOsi}", "signed", Py_True, "x", 1)));
    show("to_bytes_dup", PyObject_Call(PyObject_GetAttrString(I(1), "to_bytes"), Py_BuildValue("(i)", 1), Py_BuildValue("{si}", "length", 2)));
    show("to_bytes_badkw", PyObject_Call(PyObject_GetAttrString(I(1), "to_bytes"), Py_BuildValue("()"), Py_BuildValue("{si}", "foo", 2)));
    show("complex_dup", PyObject_Call((PyObject *)&PyComplex_Type, Py_BuildValue("(i)", 1), Py_BuildValue("{si}", "real", 2)));
    show("int_base_kw", PyObject_Call((PyObject *)&PyLong_Type, Py_BuildValue("(s)", "ff"), Py_BuildValue("{si}", "base", 16)));
    show("int_x_kw", PyObject_Call((PyObject *)&PyLong_Type, Py_BuildValue("()"), Py_BuildValue("{si}", "x", 1)));
    show("int_base_only", PyObject_Call((PyObject *)&PyLong_Type, Py_BuildValue("()"), Py_BuildValue("{si}", "base", 2)));
    show("int_too_many_kw", PyObject_Call((PyObject *)&PyLong_Type, Py_BuildValue("(s)", "1"), Py_BuildValue("{sisi}", "base", 2, "x", 3)));
    show("complex_kw", PyObject_Call((PyObject *)&PyComplex_Type, Py_BuildValue("()"), Py_BuildValue("{sdsd}", "real", 1.0, "imag", 2.0)));
    show("complex_bad_kw", PyObject_Call((PyObject *)&PyComplex_Type, Py_BuildValue("()"), Py_BuildValue("{si}", "x", 1)));
    show("float_kw", PyObject_Call((PyObject *)&PyFloat_Type, Py_BuildValue("()"), Py_BuildValue("{si}", "x", 1)));
    show("bool_kw", PyObject_Call((PyObject *)&PyBool_Type, Py_BuildValue("()"), Py_BuildValue("{si}", "x", 1)));
    END();
}
