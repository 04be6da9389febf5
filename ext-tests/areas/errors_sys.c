/* errors: the sys module from C (PySys_*). */
#include "common.h"
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

/* Stable ABI functions that CPython 3.15's headers no longer declare. */
PyAPI_FUNC(void) PySys_AddXOption(const wchar_t *);
PyAPI_FUNC(PyObject *) PySys_GetXOptions(void);
PyAPI_FUNC(void) PySys_SetPath(const wchar_t *);

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    PySys_AddXOption(L"early=1");
    PySys_AddXOption(L"flag");
    BEGIN();
    show("getobject_path_type", Py_XNewRef((PyObject *)Py_TYPE(PySys_GetObject("path"))));
    show_int("getobject_missing", PySys_GetObject("no_such_thing") == NULL);
    show_int("setobject", PySys_SetObject("carapace_test", PyLong_FromLong(7)));
    show("getobject_set", Py_XNewRef(PySys_GetObject("carapace_test")));
    show_int("setobject_del", PySys_SetObject("carapace_test", NULL));
    show_int("getobject_deleted", PySys_GetObject("carapace_test") == NULL);
    show_int("setobject_del_missing", PySys_SetObject("carapace_test", NULL));

    PyObject *name = PyUnicode_FromString("maxsize");
    show("getattr_maxsize", PySys_GetAttr(name));
    Py_DECREF(name);
    name = PyUnicode_FromString("nosuch");
    show("getattr_missing", PySys_GetAttr(name));
    PyObject *r = (PyObject *)1;
    show_int("getoptional_missing", PySys_GetOptionalAttr(name, &r));
    show_int("getoptional_missing_null", r == NULL);
    Py_DECREF(name);
    show("getattr_int", PySys_GetAttr(PyLong_FromLong(1)));
    show_int("getoptional_int", PySys_GetOptionalAttr(PyLong_FromLong(1), &r));
    show("getattrstring", PySys_GetAttrString("byteorder"));
    show("getattrstring_missing", PySys_GetAttrString("nosuch"));
    show_int("getoptionalstring", PySys_GetOptionalAttrString("platform", &r));
    show("getoptionalstring_value", r);
    show_int("getoptionalstring_missing", PySys_GetOptionalAttrString("nosuch", &r));

    show("xoptions", Py_XNewRef(PySys_GetXOptions()));
    PySys_AddXOption(L"late=two=2");
    PySys_AddXOption(L"");
    show("xoptions_late", Py_XNewRef(PySys_GetXOptions()));
    PySys_SetObject("_xoptions", PyLong_FromLong(1));
    show("xoptions_replaced", Py_XNewRef(PySys_GetXOptions()));

    wchar_t *argv[] = {L"prog", L"-x", L"\xe9t\xe9", NULL};
    PySys_SetArgvEx(3, argv, 0);
    show("argv", Py_XNewRef(PySys_GetObject("argv")));
    PySys_SetArgvEx(0, NULL, 0);
    show("argv_empty", Py_XNewRef(PySys_GetObject("argv")));
    PySys_SetPath(L"/a:/b::/c");
    show("path_set", Py_XNewRef(PySys_GetObject("path")));
    wchar_t *argv2[] = {L"/usr/bin/someprog", NULL};
    PySys_SetArgvEx(1, argv2, 1);
    show("path_updated", Py_XNewRef(PySys_GetObject("path")));
    wchar_t *argv3[] = {L"-c", NULL};
    PySys_SetArgvEx(1, argv3, 1);
    show("path_updated_c", Py_XNewRef(PySys_GetObject("path")));
    wchar_t *argv4[] = {L"noslash", NULL};
    PySys_SetArgv(1, argv4);
    show("path_updated_noslash", Py_XNewRef(PySys_GetObject("path")));
    show("argv_noslash", Py_XNewRef(PySys_GetObject("argv")));

    show_int("audit_tuple", PySys_AuditTuple("test.event", NULL));
    show_int("audit_tuple_bad", PySys_AuditTuple("test.event", PyLong_FromLong(1)));
    show_int("audit", PySys_Audit("test.event", "(i)", 5));

    PyObject *out = PySys_GetObject("stdout");
    show("stdout_name", PyObject_GetAttrString(out, "name"));
    show("stdout_mode", PyObject_GetAttrString(out, "mode"));
    show("stdout_encoding", PyObject_GetAttrString(out, "encoding"));
    show("stderr_errors", PyObject_GetAttrString(PySys_GetObject("stderr"), "errors"));
    show("stdout_repr", PyObject_Repr(out));
    show("stdout_fileno", PyObject_CallMethod(out, "fileno", NULL));
    show("stdout_writable", PyObject_CallMethod(out, "writable", NULL));
    show_int("stdout_is_dunder", out == PySys_GetObject("__stdout__"));
    END();
}
