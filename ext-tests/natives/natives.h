/* Helpers for the native-module programs (on top of ../areas/common.h): call a
 * module's function and print `label: repr(result)` or the exception. */
#ifndef CARAPACE_NATIVES_H
#define CARAPACE_NATIVES_H
#include "common.h"
#include <stdarg.h>

/* Import a module or exit: every program needs its module. */
static PyObject *import(const char *name)
{
    PyObject *m = PyImport_ImportModule(name);
    if (m == NULL) {
        show(name, NULL);
        exit(1);
    }
    return m;
}

/* obj.name(*args) with args from Py_BuildValue's format (a tuple). */
#define CALL(label, obj, name, ...) show(label, PyObject_CallMethod(obj, name, __VA_ARGS__))

/* f(*args, **kwargs); steals args and kwargs (either may be NULL). */
static PyObject *callkw(PyObject *f, PyObject *args, PyObject *kwargs)
{
    if (args == NULL)
        args = PyTuple_New(0);
    PyObject *r = PyObject_Call(f, args, kwargs);
    Py_DECREF(args);
    Py_XDECREF(kwargs);
    return r;
}

/* getattr(obj, name)(*args, **kwargs). */
static PyObject *mcallkw(PyObject *obj, const char *name, PyObject *args, PyObject *kwargs)
{
    PyObject *f = PyObject_GetAttrString(obj, name);
    if (f == NULL) {
        Py_XDECREF(args);
        Py_XDECREF(kwargs);
        return NULL;
    }
    PyObject *r = callkw(f, args, kwargs);
    Py_DECREF(f);
    return r;
}

/* An int from its decimal digits. */
static PyObject *big(const char *digits) { return PyLong_FromString(digits, NULL, 10); }

/* Print str(o) (for reprs that hold addresses, print something stable instead). */
static void show_str_of(const char *label, PyObject *o)
{
    if (o == NULL) {
        show(label, NULL);
        return;
    }
    PyObject *s = PyObject_Str(o);
    Py_DECREF(o);
    if (s == NULL) {
        show(label, NULL);
        return;
    }
    printf("%s: %s\n", label, u8(s));
    Py_DECREF(s);
}

/* Print sorted(dir(o)) filtered to public names. */
static void show_dir(const char *label, PyObject *o)
{
    PyObject *d = PyObject_Dir(o);
    if (d == NULL) {
        show(label, NULL);
        return;
    }
    PyList_Sort(d);
    printf("%s:", label);
    for (Py_ssize_t i = 0; i < PyList_Size(d); i++) {
        const char *n = u8(PyList_GetItem(d, i));
        if (n[0] != '_' || n[1] != '_')
            printf(" %s", n);
    }
    printf("\n");
    Py_DECREF(d);
}
#endif
