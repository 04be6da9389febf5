/* Formatting entry points: PyUnicode_FromFormat(V), PyBytes_FromFormat(V),
 * PyErr_Format(V), PyErr_WarnFormat, PyErr_ResourceWarning,
 * PyOS_snprintf/vsnprintf, PySys_WriteStdout/Stderr, PySys_FormatStdout/Stderr. */
#include <limits.h>
#include <stdio.h>

#include "shim.h"

CARAPACE_EXPORT PyObject *PyUnicode_FromFormatV(const char *format, va_list vargs);
CARAPACE_EXPORT PyObject *PyUnicode_FromFormat(const char *format, ...);
CARAPACE_EXPORT PyObject *PyBytes_FromFormatV(const char *format, va_list vargs);
CARAPACE_EXPORT PyObject *PyBytes_FromFormat(const char *format, ...);
CARAPACE_EXPORT PyObject *PyErr_FormatV(PyObject *exception, const char *format, va_list vargs);
CARAPACE_EXPORT PyObject *PyErr_Format(PyObject *exception, const char *format, ...);
CARAPACE_EXPORT int PyErr_WarnFormat(PyObject *category, Py_ssize_t stack_level,
                                     const char *format, ...);
CARAPACE_EXPORT int PyErr_ResourceWarning(PyObject *source, Py_ssize_t stack_level,
                                          const char *format, ...);
CARAPACE_EXPORT int PyOS_vsnprintf(char *str, size_t size, const char *format, va_list va);
CARAPACE_EXPORT int PyOS_snprintf(char *str, size_t size, const char *format, ...);
CARAPACE_EXPORT void PySys_WriteStdout(const char *format, ...);
CARAPACE_EXPORT void PySys_WriteStderr(const char *format, ...);
CARAPACE_EXPORT void PySys_FormatStdout(const char *format, ...);
CARAPACE_EXPORT void PySys_FormatStderr(const char *format, ...);

/* ---- PyUnicode_FromFormat ---- */

PyObject *
PyUnicode_FromFormatV(const char *format, va_list vargs)
{
    va_list va;
    PyObject *res;

    va_copy(va, vargs);
    CARAPACE_CALL_WITH_ARGS(res, NULL, CARAPACE_G_UNICODE, format, &va,
                            carapace_unicode_from_format(format, cargs, n));
    va_end(va);
    return res;
}

PyObject *
PyUnicode_FromFormat(const char *format, ...)
{
    PyObject *res;
    va_list va;
    va_start(va, format);
    res = PyUnicode_FromFormatV(format, va);
    va_end(va);
    return res;
}

/* ---- PyBytes_FromFormat ---- */

PyObject *
PyBytes_FromFormatV(const char *format, va_list vargs)
{
    va_list va;
    PyObject *res;

    va_copy(va, vargs);
    CARAPACE_CALL_WITH_ARGS(res, NULL, CARAPACE_G_BYTES, format, &va,
                            carapace_bytes_from_format(format, cargs, n));
    va_end(va);
    return res;
}

PyObject *
PyBytes_FromFormat(const char *format, ...)
{
    PyObject *res;
    va_list va;
    va_start(va, format);
    res = PyBytes_FromFormatV(format, va);
    va_end(va);
    return res;
}

/* ---- PyErr_Format ---- */

PyObject *
PyErr_FormatV(PyObject *exception, const char *format, va_list vargs)
{
    va_list va;
    PyObject *res;

    va_copy(va, vargs);
    CARAPACE_CALL_WITH_ARGS(res, NULL, CARAPACE_G_UNICODE, format, &va,
                            carapace_err_format(exception, format, cargs, n));
    va_end(va);
    return res;
}

PyObject *
PyErr_Format(PyObject *exception, const char *format, ...)
{
    PyObject *res;
    va_list va;
    va_start(va, format);
    res = PyErr_FormatV(exception, format, va);
    va_end(va);
    return res;
}

/* ---- warnings ---- */

int
PyErr_WarnFormat(PyObject *category, Py_ssize_t stack_level, const char *format, ...)
{
    va_list va;
    int res;

    va_start(va, format);
    CARAPACE_CALL_WITH_ARGS(res, -1, CARAPACE_G_UNICODE, format, &va,
                            carapace_warn_format(category, stack_level, format, cargs, n));
    va_end(va);
    return res;
}

int
PyErr_ResourceWarning(PyObject *source, Py_ssize_t stack_level, const char *format, ...)
{
    va_list va;
    int res;

    va_start(va, format);
    CARAPACE_CALL_WITH_ARGS(res, -1, CARAPACE_G_UNICODE, format, &va,
                            carapace_resource_warning(source, stack_level, format, cargs, n));
    va_end(va);
    return res;
}

/* ---- PyOS_snprintf: the C library's vsnprintf, as in CPython ---- */

int
PyOS_vsnprintf(char *str, size_t size, const char *format, va_list va)
{
    int len; /* bytes written, excluding the NUL */
    if (str == NULL || format == NULL || size == 0) {
        return -1;
    }
    if (size > (size_t)INT_MAX - 1) {
        len = -666;
    }
    else {
        va_list lva;
        va_copy(lva, va);
        len = vsnprintf(str, size, format, lva);
        va_end(lva);
    }
    str[size - 1] = '\0';
    return len;
}

int
PyOS_snprintf(char *str, size_t size, const char *format, ...)
{
    int rc;
    va_list va;
    va_start(va, format);
    rc = PyOS_vsnprintf(str, size, format, va);
    va_end(va);
    return rc;
}

/* ---- PySys_Write*: at most 1000 bytes, then "... truncated" ---- */

static void
sys_write(int which, const char *format, va_list va)
{
    char buffer[1001];
    int written = PyOS_vsnprintf(buffer, sizeof(buffer), format, va);
    if (written < 0) {
        buffer[0] = '\0';
    }
    carapace_sys_write(which, buffer,
                       written < 0 || (size_t)written >= sizeof(buffer));
}

void
PySys_WriteStdout(const char *format, ...)
{
    va_list va;
    va_start(va, format);
    sys_write(1, format, va);
    va_end(va);
}

void
PySys_WriteStderr(const char *format, ...)
{
    va_list va;
    va_start(va, format);
    sys_write(2, format, va);
    va_end(va);
}

static void
sys_format(int which, const char *format, va_list *va)
{
    carapace_arg small[CARAPACE_SMALL_ARGS];
    Py_ssize_t n;
    carapace_arg *args;

    args = carapace_collect(CARAPACE_G_UNICODE, format, va, small, CARAPACE_SMALL_ARGS, &n);
    /* carapace_sys_format saves and restores the caller's exception; an
       allocation failure here simply drops the text. */
    carapace_sys_format(which, args == NULL ? NULL : format, args, n);
    carapace_release_args(args, small);
}

void
PySys_FormatStdout(const char *format, ...)
{
    va_list va;
    va_start(va, format);
    sys_format(1, format, &va);
    va_end(va);
}

void
PySys_FormatStderr(const char *format, ...)
{
    va_list va;
    va_start(va, format);
    sys_format(2, format, &va);
    va_end(va);
}
