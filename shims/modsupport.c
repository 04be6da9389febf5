/* Value building and calling entry points: Py_BuildValue and friends,
 * PyObject_CallFunction/CallMethod (+ _SizeT), PyEval_CallFunction/Method,
 * PyObject_CallFunctionObjArgs, PyObject_CallMethodObjArgs, PyTuple_Pack,
 * PySys_Audit. Since 3.13 '#' lengths are always Py_ssize_t, so the _SizeT
 * variants are the same functions. */
#include <stdlib.h>

#include "shim.h"

CARAPACE_EXPORT PyObject *Py_BuildValue(const char *format, ...);
CARAPACE_EXPORT PyObject *_Py_BuildValue_SizeT(const char *format, ...);
CARAPACE_EXPORT PyObject *Py_VaBuildValue(const char *format, va_list va);
CARAPACE_EXPORT PyObject *_Py_VaBuildValue_SizeT(const char *format, va_list va);
CARAPACE_EXPORT PyObject *PyObject_CallFunction(PyObject *callable, const char *format, ...);
CARAPACE_EXPORT PyObject *_PyObject_CallFunction_SizeT(PyObject *callable, const char *format,
                                                       ...);
CARAPACE_EXPORT PyObject *PyEval_CallFunction(PyObject *callable, const char *format, ...);
CARAPACE_EXPORT PyObject *PyObject_CallMethod(PyObject *obj, const char *name,
                                              const char *format, ...);
CARAPACE_EXPORT PyObject *_PyObject_CallMethod_SizeT(PyObject *obj, const char *name,
                                                     const char *format, ...);
CARAPACE_EXPORT PyObject *PyEval_CallMethod(PyObject *obj, const char *name,
                                            const char *format, ...);
CARAPACE_EXPORT PyObject *PyObject_CallFunctionObjArgs(PyObject *callable, ...);
CARAPACE_EXPORT PyObject *PyObject_CallMethodObjArgs(PyObject *obj, PyObject *name, ...);
CARAPACE_EXPORT PyObject *PyTuple_Pack(Py_ssize_t n, ...);
CARAPACE_EXPORT int PySys_Audit(const char *event, const char *format, ...);

static PyObject *
build_value(const char *format, va_list *va)
{
    PyObject *res;
    CARAPACE_CALL_WITH_ARGS(res, NULL, CARAPACE_G_BUILD, format, va,
                            carapace_build_value(format, cargs, n));
    return res;
}

PyObject *
Py_BuildValue(const char *format, ...)
{
    PyObject *res;
    va_list va;
    va_start(va, format);
    res = build_value(format, &va);
    va_end(va);
    return res;
}

PyObject *
Py_VaBuildValue(const char *format, va_list va)
{
    PyObject *res;
    va_list lva;
    va_copy(lva, va);
    res = build_value(format, &lva);
    va_end(lva);
    return res;
}

CARAPACE_ALIAS_OF(Py_BuildValue) PyObject *_Py_BuildValue_SizeT(const char *format, ...);
CARAPACE_ALIAS_OF(Py_VaBuildValue)
PyObject *_Py_VaBuildValue_SizeT(const char *format, va_list va);

/* ---- calls with a Py_BuildValue format ---- */

static PyObject *
call_function(PyObject *callable, const char *format, va_list *va)
{
    PyObject *res;
    CARAPACE_CALL_WITH_ARGS(res, NULL, CARAPACE_G_BUILD, format, va,
                            carapace_call_function(callable, format, cargs, n));
    return res;
}

static PyObject *
call_method(PyObject *obj, const char *name, const char *format, va_list *va)
{
    PyObject *res;
    CARAPACE_CALL_WITH_ARGS(res, NULL, CARAPACE_G_BUILD, format, va,
                            carapace_call_method(obj, name, format, cargs, n));
    return res;
}

PyObject *
PyObject_CallFunction(PyObject *callable, const char *format, ...)
{
    PyObject *res;
    va_list va;
    va_start(va, format);
    res = call_function(callable, format, &va);
    va_end(va);
    return res;
}

PyObject *
PyObject_CallMethod(PyObject *obj, const char *name, const char *format, ...)
{
    PyObject *res;
    va_list va;
    va_start(va, format);
    res = call_method(obj, name, format, &va);
    va_end(va);
    return res;
}

/* The _SizeT names (see the top) and the PyEval_ ones are the same functions. */
CARAPACE_ALIAS_OF(PyObject_CallFunction)
PyObject *_PyObject_CallFunction_SizeT(PyObject *callable, const char *format, ...);
CARAPACE_ALIAS_OF(PyObject_CallFunction)
PyObject *PyEval_CallFunction(PyObject *callable, const char *format, ...);
CARAPACE_ALIAS_OF(PyObject_CallMethod)
PyObject *_PyObject_CallMethod_SizeT(PyObject *obj, const char *name, const char *format, ...);
CARAPACE_ALIAS_OF(PyObject_CallMethod)
PyObject *PyEval_CallMethod(PyObject *obj, const char *name, const char *format, ...);

/* ---- NULL-terminated object argument lists ---- */

#define SMALL_OBJS 16

PyObject *
PyObject_CallFunctionObjArgs(PyObject *callable, ...)
{
    void *small[SMALL_OBJS];
    void **objs;
    Py_ssize_t n;
    PyObject *res;
    va_list va;

    va_start(va, callable);
    n = carapace_count_until_null(va);
    objs = carapace_collect_ptrs(&va, n, small, SMALL_OBJS);
    va_end(va);
    if (objs == NULL) {
        return NULL;
    }
    res = carapace_call_objargs(callable, (PyObject *const *)objs, n);
    if (objs != small) {
        free(objs);
    }
    return res;
}

PyObject *
PyObject_CallMethodObjArgs(PyObject *obj, PyObject *name, ...)
{
    void *small[SMALL_OBJS];
    void **objs;
    Py_ssize_t n;
    PyObject *res;
    va_list va;

    va_start(va, name);
    n = carapace_count_until_null(va);
    objs = carapace_collect_ptrs(&va, n, small, SMALL_OBJS);
    va_end(va);
    if (objs == NULL) {
        return NULL;
    }
    res = carapace_call_method_objargs(obj, name, (PyObject *const *)objs, n);
    if (objs != small) {
        free(objs);
    }
    return res;
}

PyObject *
PyTuple_Pack(Py_ssize_t n, ...)
{
    void *small[SMALL_OBJS];
    void **objs;
    PyObject *res;
    va_list va;

    if (n < 0) {
        /* carapace_tuple_pack raises SystemError for a negative size */
        return carapace_tuple_pack(n, NULL);
    }
    va_start(va, n);
    objs = carapace_collect_ptrs(&va, n, small, SMALL_OBJS);
    va_end(va);
    if (objs == NULL) {
        return NULL;
    }
    res = carapace_tuple_pack(n, (PyObject *const *)objs);
    if (objs != small) {
        free(objs);
    }
    return res;
}

/* ---- audit events with a Py_BuildValue format ---- */

int
PySys_Audit(const char *event, const char *format, ...)
{
    int res;
    va_list va;

    va_start(va, format);
    CARAPACE_CALL_WITH_ARGS(res, -1, CARAPACE_G_BUILD, format, &va,
                            carapace_sys_audit(event, format, cargs, n));
    va_end(va);
    return res;
}
