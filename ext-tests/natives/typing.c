/* _typing against CPython 3.15: the type parameter objects as C builds them
 * (what needs no Python code: typing.py-backed parts are left to the language
 * tests). */
#include "natives.h"

int main(void)
{
    BEGIN();
    PyObject *m = import("_typing");
    const char *names[] = {"TypeVar", "ParamSpec", "TypeVarTuple", "ParamSpecArgs", "ParamSpecKwargs",
                           "TypeAliasType", "Generic", "NoDefault", NULL};
    for (const char **n = names; *n; n++)
        show(*n, PyObject_Repr(PyObject_GetAttrString(m, *n)));
    PyObject *TV = PyObject_GetAttrString(m, "TypeVar");
    show("TypeVar.__module__", PyObject_GetAttrString(TV, "__module__"));
    show("type(NoDefault)", PyObject_Repr((PyObject *)Py_TYPE(PyObject_GetAttrString(m, "NoDefault"))));
    show("NoDefaultType()", PyObject_Repr(PyObject_CallNoArgs((PyObject *)Py_TYPE(PyObject_GetAttrString(m, "NoDefault")))));
    CALL("_idfunc(5)", m, "_idfunc", "(i)", 5);

    PyObject *T = PyObject_CallFunction(TV, "s", "T");
    show("T", PyObject_Repr(T));
    const char *attrs[] = {"__name__", "__bound__", "__constraints__", "__covariant__", "__contravariant__",
                           "__infer_variance__", "__default__", "evaluate_bound", NULL};
    for (const char **a = attrs; *a; a++)
        show(*a, PyObject_GetAttrString(T, *a));
    CALL("T.has_default()", T, "has_default", NULL);
    CALL("T.__reduce__()", T, "__reduce__", NULL);
    CALL("T.__mro_entries__(())", T, "__mro_entries__", "(())");
    PyObject *U = callkw(TV, Py_BuildValue("(sOO)", "U", &PyLong_Type, &PyUnicode_Type), Py_BuildValue("{s:O}", "covariant", Py_True));
    show("U", PyObject_Repr(U));
    show("U.__constraints__", PyObject_GetAttrString(U, "__constraints__"));
    PyObject *V = callkw(TV, Py_BuildValue("(s)", "V"), Py_BuildValue("{s:O,s:O,s:O}", "bound", &PyLong_Type, "contravariant", Py_True, "default", &PyUnicode_Type));
    show("V", PyObject_Repr(V));
    show("V.__bound__", PyObject_GetAttrString(V, "__bound__"));
    show("V.__default__", PyObject_GetAttrString(V, "__default__"));
    CALL("V.has_default()", V, "has_default", NULL);
    show("W", PyObject_Repr(callkw(TV, Py_BuildValue("(s)", "W"), Py_BuildValue("{s:O}", "infer_variance", Py_True))));
    show("TypeVar()", callkw(TV, NULL, NULL));
    show("TypeVar(1)", PyObject_CallFunction(TV, "i", 1));
    show("TypeVar('X', int)", PyObject_CallFunction(TV, "sO", "X", &PyLong_Type));
    show("bivariant", callkw(TV, Py_BuildValue("(s)", "X"), Py_BuildValue("{s:O,s:O}", "covariant", Py_True, "contravariant", Py_True)));
    show("infer+co", callkw(TV, Py_BuildValue("(s)", "X"), Py_BuildValue("{s:O,s:O}", "covariant", Py_True, "infer_variance", Py_True)));
    show("TypeVar(x=1)", callkw(TV, Py_BuildValue("(s)", "X"), Py_BuildValue("{s:i}", "x", 1)));

    PyObject *P = PyObject_CallMethod(m, "ParamSpec", "s", "P");
    show("P", PyObject_Repr(P));
    PyObject *Pa = PyObject_GetAttrString(P, "args");
    show("P.args", PyObject_Repr(Pa));
    show("P.kwargs", PyObject_Repr(PyObject_GetAttrString(P, "kwargs")));
    show("P.args.__origin__ is P", PyBool_FromLong(PyObject_GetAttrString(Pa, "__origin__") == P));
    show("P.args == P.args", PyObject_RichCompare(Pa, PyObject_GetAttrString(P, "args"), Py_EQ));
    show("P.args == P.kwargs", PyObject_RichCompare(Pa, PyObject_GetAttrString(P, "kwargs"), Py_EQ));
    show("P.__bound__", PyObject_GetAttrString(P, "__bound__"));
    show("ParamSpecArgs(int)", PyObject_Repr(PyObject_CallMethod(m, "ParamSpecArgs", "O", &PyLong_Type)));
    PyObject *Ts = PyObject_CallMethod(m, "TypeVarTuple", "s", "Ts");
    show("Ts", PyObject_Repr(Ts));
    show("Ts.__default__", PyObject_GetAttrString(Ts, "__default__"));
    show("Ts.has_default()", PyObject_CallMethod(Ts, "has_default", NULL));

    PyObject *A = PyObject_CallMethod(m, "TypeAliasType", "sO", "A", &PyLong_Type);
    show("A", PyObject_Repr(A));
    show("A.__value__", PyObject_GetAttrString(A, "__value__"));
    show("A.__type_params__", PyObject_GetAttrString(A, "__type_params__"));
    show("A.__name__", PyObject_GetAttrString(A, "__name__"));
    show("A[int]", PyObject_GetItem(A, (PyObject *)&PyLong_Type));
    PyObject *B = callkw(PyObject_GetAttrString(m, "TypeAliasType"), Py_BuildValue("(sO)", "B", &PyList_Type), Py_BuildValue("{s:(O)}", "type_params", T));
    show("B.__type_params__", PyObject_GetAttrString(B, "__type_params__"));
    show("B[int]", PyObject_GetItem(B, (PyObject *)&PyLong_Type));
    show("TypeAliasType('A')", PyObject_CallMethod(m, "TypeAliasType", "s", "A"));
    show("TypeAliasType(1, int)", PyObject_CallMethod(m, "TypeAliasType", "iO", 1, &PyLong_Type));
    show("type_params=(1,)", callkw(PyObject_GetAttrString(m, "TypeAliasType"), Py_BuildValue("(sO)", "B", &PyList_Type), Py_BuildValue("{s:(i)}", "type_params", 1)));
    PyObject *g = PyObject_CallNoArgs(PyObject_GetAttrString(m, "Generic"));
    show("type(Generic())", g ? PyObject_Repr((PyObject *)Py_TYPE(g)) : NULL);

    /* typing.Union */
    PyObject *Un = PyObject_GetAttrString(m, "Union");
    show("Union", PyObject_Repr(Un));
    PyObject *ui = PyObject_GetItem(Un, Py_BuildValue("(OO)", &PyLong_Type, &PyUnicode_Type));
    show("Union[int, str]", PyObject_Repr(ui));
    show("__args__", PyObject_GetAttrString(ui, "__args__"));
    show("__origin__", PyObject_GetAttrString(ui, "__origin__"));
    show("__parameters__", PyObject_GetAttrString(ui, "__parameters__"));
    show("Union[int]", PyObject_GetItem(Un, (PyObject *)&PyLong_Type));
    show("Union[int, int]", PyObject_GetItem(Un, Py_BuildValue("(OO)", &PyLong_Type, &PyLong_Type)));
    show("Union[int, None]", PyObject_GetItem(Un, Py_BuildValue("(OO)", &PyLong_Type, Py_None)));
    show("Union[None, int]", PyObject_GetItem(Un, Py_BuildValue("(OO)", Py_None, &PyLong_Type)));
    show("Union[int, Union[str, bytes]]", PyObject_GetItem(Un, Py_BuildValue("(ON)", &PyLong_Type,
        PyObject_GetItem(Un, Py_BuildValue("(OO)", &PyUnicode_Type, &PyBytes_Type)))));
    show("Union[()]", PyObject_GetItem(Un, PyTuple_New(0)));
    show("Union[1, 2]", PyObject_GetItem(Un, Py_BuildValue("(ii)", 1, 2)));
    PyObject *us = PyObject_GetItem(Un, Py_BuildValue("(OO)", &PyUnicode_Type, &PyLong_Type));
    show("Union[int,str] == Union[str,int]", PyObject_RichCompare(ui, us, Py_EQ));
    show("hashes equal", PyBool_FromLong(PyObject_Hash(ui) == PyObject_Hash(us)));
    show("isinstance(1, int|str)", PyBool_FromLong(PyObject_IsInstance(PyLong_FromLong(1), ui)));
    show("isinstance(1.5, int|str)", PyBool_FromLong(PyObject_IsInstance(PyFloat_FromDouble(1.5), ui)));
    show("issubclass(bool, int|str)", PyBool_FromLong(PyObject_IsSubclass((PyObject *)&PyBool_Type, ui)));
    show("(int|str) | bytes", PyNumber_Or(ui, (PyObject *)&PyBytes_Type));
    show("(int|str) | None", PyNumber_Or(ui, Py_None));
    show("(int|str) | 1", PyNumber_Or(ui, PyLong_FromLong(1)));
    show("1 | (int|str)", PyNumber_Or(PyLong_FromLong(1), ui));
    show("T | int", PyNumber_Or(T, (PyObject *)&PyLong_Type));
    show("T | 1", PyNumber_Or(T, PyLong_FromLong(1)));
    show("A | int", PyNumber_Or(A, (PyObject *)&PyLong_Type));
    show("A | 1", PyNumber_Or(A, PyLong_FromLong(1)));
    show("(T | int).__parameters__", PyObject_GetAttrString(PyNumber_Or(T, (PyObject *)&PyLong_Type), "__parameters__"));
    show("Union()", PyObject_CallNoArgs(Un));
    END();
}
