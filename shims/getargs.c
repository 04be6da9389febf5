/* Argument parsing entry points: PyArg_Parse, PyArg_ParseTuple,
 * PyArg_ParseTupleAndKeywords, their va_list forms and _SizeT aliases (since
 * 3.13 '#' lengths are always Py_ssize_t), and PyArg_UnpackTuple. */
#include <stdlib.h>

#include "shim.h"

CARAPACE_EXPORT int PyArg_Parse(PyObject *args, const char *format, ...);
CARAPACE_EXPORT int _PyArg_Parse_SizeT(PyObject *args, const char *format, ...);
CARAPACE_EXPORT int PyArg_ParseTuple(PyObject *args, const char *format, ...);
CARAPACE_EXPORT int _PyArg_ParseTuple_SizeT(PyObject *args, const char *format, ...);
CARAPACE_EXPORT int PyArg_VaParse(PyObject *args, const char *format, va_list va);
CARAPACE_EXPORT int _PyArg_VaParse_SizeT(PyObject *args, const char *format, va_list va);
CARAPACE_EXPORT int PyArg_ParseTupleAndKeywords(PyObject *args, PyObject *kwargs,
                                                const char *format, char **kwlist, ...);
CARAPACE_EXPORT int _PyArg_ParseTupleAndKeywords_SizeT(PyObject *args, PyObject *kwargs,
                                                       const char *format, char **kwlist,
                                                       ...);
CARAPACE_EXPORT int PyArg_VaParseTupleAndKeywords(PyObject *args, PyObject *kwargs,
                                                  const char *format, char **kwlist,
                                                  va_list va);
CARAPACE_EXPORT int _PyArg_VaParseTupleAndKeywords_SizeT(PyObject *args, PyObject *kwargs,
                                                         const char *format, char **kwlist,
                                                         va_list va);
CARAPACE_EXPORT int PyArg_UnpackTuple(PyObject *args, const char *name, Py_ssize_t min,
                                      Py_ssize_t max, ...);

static int
parse(PyObject *args, const char *format, va_list *va, int compat)
{
    int res;
    CARAPACE_CALL_WITH_ARGS(res, 0, CARAPACE_G_GETARGS, format, va,
                            carapace_arg_parse(args, format, cargs, n, compat));
    return res;
}

static int
parse_kw(PyObject *args, PyObject *kwargs, const char *format, char **kwlist, va_list *va)
{
    int res;
    CARAPACE_CALL_WITH_ARGS(res, 0, CARAPACE_G_GETARGS, format, va,
                            carapace_arg_parse_kw(args, kwargs, format, kwlist, cargs, n));
    return res;
}

int
PyArg_Parse(PyObject *args, const char *format, ...)
{
    int res;
    va_list va;
    va_start(va, format);
    res = parse(args, format, &va, 1);
    va_end(va);
    return res;
}

int
PyArg_ParseTuple(PyObject *args, const char *format, ...)
{
    int res;
    va_list va;
    va_start(va, format);
    res = parse(args, format, &va, 0);
    va_end(va);
    return res;
}

int
PyArg_VaParse(PyObject *args, const char *format, va_list va)
{
    int res;
    va_list lva;
    va_copy(lva, va);
    res = parse(args, format, &lva, 0);
    va_end(lva);
    return res;
}

int
PyArg_ParseTupleAndKeywords(PyObject *args, PyObject *kwargs, const char *format,
                            char **kwlist, ...)
{
    int res;
    va_list va;
    va_start(va, kwlist);
    res = parse_kw(args, kwargs, format, kwlist, &va);
    va_end(va);
    return res;
}

int
PyArg_VaParseTupleAndKeywords(PyObject *args, PyObject *kwargs, const char *format,
                              char **kwlist, va_list va)
{
    int res;
    va_list lva;
    va_copy(lva, va);
    res = parse_kw(args, kwargs, format, kwlist, &lva);
    va_end(lva);
    return res;
}

/* Since 3.13 '#' lengths are always Py_ssize_t: each _SizeT name is another
   symbol for the same function. */
CARAPACE_ALIAS_OF(PyArg_Parse) int _PyArg_Parse_SizeT(PyObject *args, const char *format, ...);
CARAPACE_ALIAS_OF(PyArg_ParseTuple)
int _PyArg_ParseTuple_SizeT(PyObject *args, const char *format, ...);
CARAPACE_ALIAS_OF(PyArg_VaParse)
int _PyArg_VaParse_SizeT(PyObject *args, const char *format, va_list va);
CARAPACE_ALIAS_OF(PyArg_ParseTupleAndKeywords)
int _PyArg_ParseTupleAndKeywords_SizeT(PyObject *args, PyObject *kwargs, const char *format,
                                       char **kwlist, ...);
CARAPACE_ALIAS_OF(PyArg_VaParseTupleAndKeywords)
int _PyArg_VaParseTupleAndKeywords_SizeT(PyObject *args, PyObject *kwargs, const char *format,
                                         char **kwlist, va_list va);

int
PyArg_UnpackTuple(PyObject *args, const char *name, Py_ssize_t min, Py_ssize_t max, ...)
{
    void *small[16];
    void **dest;
    Py_ssize_t n;
    va_list va;

    /* Checks the tuple and the counts, raising as CPython does; only the
       pointers for the items actually present are read. */
    n = carapace_unpack_tuple_count(args, name, min, max);
    if (n < 0) {
        return 0;
    }
    va_start(va, max);
    dest = carapace_collect_ptrs(&va, n, small, 16);
    va_end(va);
    if (dest == NULL) {
        return 0;
    }
    carapace_unpack_tuple_fill(args, (PyObject **const *)dest, n);
    if (dest != small) {
        free(dest);
    }
    return 1;
}
