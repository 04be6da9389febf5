/* Entry points the other programs do not reach: the va_list forms, the old
 * PyEval_Call* spellings, identity helpers, formatting into C buffers, and the
 * Unicode error accessors. */
#include "common.h"
#include <stdarg.h>

/* abi_only functions: exported for binaries built with older headers, no longer
 * declared by the 3.15 Limited API. */
extern PyObject *PyEval_CallMethod(PyObject *obj, const char *name, const char *format, ...);
extern PyObject *PyEval_CallFunction(PyObject *callable, const char *format, ...);
extern PyObject *PyEval_CallObjectWithKeywords(PyObject *callable, PyObject *args, PyObject *kwargs);
extern PyObject *PyCFunction_Call(PyObject *callable, PyObject *args, PyObject *kwargs);

static int parse_va(PyObject *args, const char *fmt, ...)
{
    va_list va;
    va_start(va, fmt);
    int r = PyArg_VaParse(args, fmt, va);
    va_end(va);
    return r;
}

static int parse_kw_va(PyObject *args, PyObject *kw, const char *fmt, char **names, ...)
{
    va_list va;
    va_start(va, names);
    int r = PyArg_VaParseTupleAndKeywords(args, kw, fmt, names, va);
    va_end(va);
    return r;
}

static PyObject *build_va(const char *fmt, ...)
{
    va_list va;
    va_start(va, fmt);
    PyObject *r = Py_VaBuildValue(fmt, va);
    va_end(va);
    return r;
}

static PyObject *ufmt_va(const char *fmt, ...)
{
    va_list va;
    va_start(va, fmt);
    PyObject *r = PyUnicode_FromFormatV(fmt, va);
    va_end(va);
    return r;
}

static PyObject *bfmt_va(const char *fmt, ...)
{
    va_list va;
    va_start(va, fmt);
    PyObject *r = PyBytes_FromFormatV(fmt, va);
    va_end(va);
    return r;
}

static PyObject *errfmt_va(PyObject *exc, const char *fmt, ...)
{
    va_list va;
    va_start(va, fmt);
    PyObject *r = PyErr_FormatV(exc, fmt, va);
    va_end(va);
    return r;
}

static int snprintf_va(char *buf, size_t n, const char *fmt, ...)
{
    va_list va;
    va_start(va, fmt);
    int r = PyOS_vsnprintf(buf, n, fmt, va);
    va_end(va);
    return r;
}

int main(void)
{
    BEGIN();
    PyObject *args = Py_BuildValue("(is)", 7, "seven");
    int i = 0;
    const char *s = NULL;
    show_int("VaParse", parse_va(args, "is", &i, &s));
    printf("VaParse values: %d %s\n", i, s);
    show_int("VaParse bad", parse_va(args, "ii", &i, &i));
    PyObject *kw = Py_BuildValue("{s:i}", "b", 5);
    PyObject *one = Py_BuildValue("(i)", 1);
    static char *names[] = {"a", "b", NULL};
    int a = 0, b = 0;
    show_int("VaParseTupleAndKeywords", parse_kw_va(one, kw, "i|i:f", names, &a, &b));
    printf("VaParseTupleAndKeywords values: %d %d\n", a, b);
    show("VaBuildValue", build_va("(is[d])", 3, "x", 2.5));
    show("FromFormatV", ufmt_va("%d-%s-%R", 42, "ab", one));
    show("BytesFromFormatV", bfmt_va("%i|%s|%c", -3, "yz", 'Q'));
    show("FormatV", errfmt_va(PyExc_ValueError, "bad %s %d", "value", 9));
    char buf[16];
    show_int("PyOS_snprintf", PyOS_snprintf(buf, sizeof buf, "%s=%d", "key", 12345));
    show_str("PyOS_snprintf text", buf);
    show_int("PyOS_vsnprintf truncating", snprintf_va(buf, 8, "%s", "abcdefghijkl"));
    show_str("PyOS_vsnprintf text", buf);

    /* The old call spellings. */
    PyObject *len = PyObject_GetAttrString(PyImport_ImportModule("builtins"), "len");
    if (len == NULL) {
        PyErr_Clear();
        len = PyObject_GetAttrString(PyUnicode_FromString("abc"), "__len__");
    }
    PyObject *str_obj = PyUnicode_FromString("hello");
    show("PyEval_CallMethod", PyEval_CallMethod(str_obj, "upper", "()"));
    show("PyEval_CallMethod arg", PyEval_CallMethod(str_obj, "count", "(s)", "l"));
    PyObject *upper = PyObject_GetAttrString(str_obj, "upper");
    show("PyEval_CallFunction", PyEval_CallFunction(upper, "()"));
    show("PyEval_CallObjectWithKeywords", PyEval_CallObjectWithKeywords(upper, NULL, NULL));
    show("PyEval_CallObjectWithKeywords badargs",
         PyEval_CallObjectWithKeywords(upper, str_obj, NULL));
    show("PyCFunction_Call", PyCFunction_Call(upper, PyTuple_New(0), NULL));
    show("PyCFunction_Call kw", PyCFunction_Call(upper, PyTuple_New(0), kw));
    Py_DECREF(upper);
    Py_XDECREF(len);

    /* Identity helpers as functions. */
    show_int("Py_Is", Py_Is(Py_None, Py_None));
    show_int("Py_IsNone", Py_IsNone(Py_None));
    show_int("Py_IsTrue", Py_IsTrue(Py_True));
    show_int("Py_IsFalse", Py_IsFalse(Py_True));
    show_int("Py_IS_TYPE", Py_IS_TYPE(str_obj, &PyUnicode_Type));
    Py_IncRef(str_obj);
    Py_DecRef(str_obj);
    Py_DecRef(NULL);

    /* Unicode error accessors. */
    PyObject *uee = PyObject_CallFunction(PyExc_UnicodeEncodeError, "sOnns", "ascii", str_obj,
                                          (Py_ssize_t)1, (Py_ssize_t)3, "nope");
    Py_ssize_t n = -9;
    show("EncodeError_GetEncoding", PyUnicodeEncodeError_GetEncoding(uee));
    show("EncodeError_GetReason", PyUnicodeEncodeError_GetReason(uee));
    show_int("EncodeError_GetEnd", PyUnicodeEncodeError_GetEnd(uee, &n));
    printf("end = %ld\n", (long)n);
    show_int("EncodeError_SetEnd", PyUnicodeEncodeError_SetEnd(uee, 4));
    show_int("EncodeError_SetReason", PyUnicodeEncodeError_SetReason(uee, "changed"));
    show("EncodeError str", PyObject_Str(uee));
    PyObject *ute = PyObject_CallFunction(PyExc_UnicodeTranslateError, "Onns", str_obj,
                                          (Py_ssize_t)0, (Py_ssize_t)1, "why");
    show("TranslateError_GetObject", PyUnicodeTranslateError_GetObject(ute));
    show("TranslateError_GetReason", PyUnicodeTranslateError_GetReason(ute));
    show_int("TranslateError_GetStart", PyUnicodeTranslateError_GetStart(ute, &n));
    printf("start = %ld\n", (long)n);
    show_int("TranslateError_SetStart", PyUnicodeTranslateError_SetStart(ute, 2));
    show_int("TranslateError_SetEnd", PyUnicodeTranslateError_SetEnd(ute, 5));
    show_int("TranslateError_SetReason", PyUnicodeTranslateError_SetReason(ute, "because"));
    show("TranslateError str", PyObject_Str(ute));
    Py_XDECREF(uee);
    Py_XDECREF(ute);
    Py_DECREF(str_obj);
    Py_DECREF(args);
    Py_DECREF(kw);
    Py_DECREF(one);
    END();
}
