/* Shared helpers for the per-area differential programs: each prints one line per
 * check, `label: repr(result)` or `label: !ExceptionType: message`, and the same
 * program's output on CPython 3.15 and on Carapace must be identical. */
#ifndef CARAPACE_AREA_COMMON_H
#define CARAPACE_AREA_COMMON_H
#include <Python.h>
#include <stdio.h>

/* UTF-8 of a str (the Limited API has only the AndSize form). */
static const char *u8(PyObject *s)
{
    const char *r = PyUnicode_AsUTF8AndSize(s, NULL);
    if (r == NULL) {
        PyErr_Clear();
        return "<not utf-8>";
    }
    return r;
}

/* Print `label: repr(o)`, or the pending exception; steals `o`. */
static void show(const char *label, PyObject *o)
{
    if (o == NULL) {
        PyObject *exc = PyErr_GetRaisedException();
        if (exc == NULL) {
            printf("%s: <NULL without exception>\n", label);
            return;
        }
        PyObject *msg = PyObject_Str(exc);
        PyObject *tname = PyType_GetQualName(Py_TYPE(exc));
        printf("%s: !%s: %s\n", label, tname ? u8(tname) : "?",
               msg ? u8(msg) : "?");
        Py_XDECREF(msg);
        Py_XDECREF(tname);
        Py_DECREF(exc);
        PyErr_Clear();
        return;
    }
    PyObject *r = PyObject_Repr(o);
    if (r == NULL) {
        PyErr_Clear();
        printf("%s: <repr failed>\n", label);
    }
    else {
        printf("%s: %s\n", label, u8(r));
        Py_DECREF(r);
    }
    Py_DECREF(o);
}

/* Print an int result (with the pending exception if it signals one). */
static void show_int(const char *label, long v)
{
    if (PyErr_Occurred()) {
        printf("%s: %ld and ", label, v);
        show("", NULL);
        return;
    }
    printf("%s: %ld\n", label, v);
}

/* Print a C string result (NULL shows the exception). */
static void show_str(const char *label, const char *s)
{
    if (s == NULL) {
        show(label, NULL);
        return;
    }
    printf("%s: \"%s\"\n", label, s);
}

#define BEGIN() Py_Initialize()
#define END() do { fflush(stdout); return Py_FinalizeEx() < 0 ? 1 : 0; } while (0)
#endif
