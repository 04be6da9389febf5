/* errors: what goes to sys.stderr (PyErr_Print/Display/WriteUnraisable, warnings,
 * PySys_Write*, PyFile_Write*), signals. stderr is sent to stdout so that the
 * differential run compares it. */
#include "common.h"
#include <signal.h>
#include <unistd.h>

/* a list of new references (stolen), built through list() and list.append */
static PyObject *lst(int n, PyObject **items)
{
    PyObject *l = PyObject_Vectorcall((PyObject *)&PyList_Type, NULL, 0, NULL);
    PyObject *app = PyUnicode_FromString("append");
    for (int i = 0; i < n; i++) {
        PyObject *a[2] = {l, items[i]};
        Py_XDECREF(PyObject_VectorcallMethod(app, a, 2, NULL));
        Py_DECREF(items[i]);
    }
    Py_DECREF(app);
    return l;
}

static PyObject *group(const char *msg, int n, PyObject **items)
{
    PyObject *a[2] = {PyUnicode_FromString(msg), lst(n, items)};
    PyObject *g = PyObject_Vectorcall(PyExc_BaseExceptionGroup, a, 2, NULL);
    Py_DECREF(a[0]);
    Py_DECREF(a[1]);
    return g;
}

static PyObject *raised(PyObject *type, const char *msg)
{
    PyErr_SetString(type, msg);
    return PyErr_GetRaisedException();
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    dup2(1, 2);
    BEGIN();
    PyObject *err = PySys_GetObject("stderr");
    show_int("stderr_present", err != NULL);

    printf("-- print\n");
    PyErr_SetString(PyExc_ValueError, "printed");
    PyErr_Print();
    show_int("print_clears", PyErr_Occurred() == NULL);
    show("last_exc", Py_XNewRef(PySys_GetObject("last_exc")));
    show("last_type", Py_XNewRef(PySys_GetObject("last_type")));
    show("last_value", Py_XNewRef(PySys_GetObject("last_value")));
    show("last_traceback", Py_XNewRef(PySys_GetObject("last_traceback")));
    PyErr_SetString(PyExc_KeyError, "k");
    PyErr_PrintEx(0);
    show("last_exc_unchanged", Py_XNewRef(PySys_GetObject("last_exc")));
    PyErr_SetString(PyExc_RuntimeError, "");
    PyErr_Print();
    PyErr_SetObject(PyExc_KeyError, PyLong_FromLong(5));
    PyErr_Print();
    printf("-- nothing set\n");
    PyErr_Print();

    printf("-- chained\n");
    PyObject *inner = raised(PyExc_ValueError, "inner");
    PyObject *outer = raised(PyExc_TypeError, "outer");
    PyException_SetCause(outer, Py_NewRef(inner));
    PyErr_DisplayException(outer);
    PyObject *o2 = raised(PyExc_RuntimeError, "during");
    PyException_SetContext(o2, Py_NewRef(inner));
    PyErr_DisplayException(o2);
    PyObject *o3 = raised(PyExc_RuntimeError, "suppressed");
    PyException_SetContext(o3, Py_NewRef(inner));
    PyException_SetCause(o3, NULL);
    PyErr_DisplayException(o3);
    PyErr_Display(NULL, outer, NULL);
    /* a cycle in the chain */
    PyException_SetContext(inner, Py_NewRef(o2));
    PyErr_DisplayException(o2);
    Py_DECREF(inner); Py_DECREF(outer); Py_DECREF(o2); Py_DECREF(o3);
    printf("-- notes\n");
    PyObject *n = raised(PyExc_ValueError, "with notes");
    PyObject *add = PyUnicode_FromString("add_note");
    PyObject *note = PyUnicode_FromString("first note");
    PyObject *args[2] = {n, note};
    Py_XDECREF(PyObject_VectorcallMethod(add, args, 2, NULL));
    Py_DECREF(note);
    note = PyUnicode_FromString("second\nnote");
    args[1] = note;
    Py_XDECREF(PyObject_VectorcallMethod(add, args, 2, NULL));
    Py_DECREF(note); Py_DECREF(add);
    PyErr_DisplayException(n);
    PyObject_SetAttrString(n, "__notes__", PyLong_FromLong(42));
    PyErr_DisplayException(n);
    Py_DECREF(n);
    printf("-- groups\n");
    {
        PyObject *in[1] = {raised(PyExc_KeyError, "k")};
        PyObject *inner_g = group("inner", 1, in);
        PyObject *items[3] = {raised(PyExc_ValueError, "1"), inner_g, raised(PyExc_TypeError, "t")};
        PyObject *g = group("m", 3, items);
        PyObject *add = PyUnicode_FromString("add_note");
        PyObject *note = PyUnicode_FromString("a note");
        PyObject *args[2] = {g, note};
        Py_XDECREF(PyObject_VectorcallMethod(add, args, 2, NULL));
        Py_DECREF(note); Py_DECREF(add);
        PyErr_DisplayException(g);
        PyObject *x = raised(PyExc_ValueError, "x");
        PyException_SetCause(x, g);
        PyErr_DisplayException(x);
        Py_DECREF(x);
        PyObject *many[17];
        for (int i = 0; i < 17; i++) {
            PyErr_SetObject(PyExc_ValueError, PyLong_FromLong(i));
            many[i] = PyErr_GetRaisedException();
        }
        PyObject *big = group("many", 17, many);
        PyErr_DisplayException(big);
        Py_DECREF(big);
        PyObject *ctxd = raised(PyExc_RuntimeError, "ctx member");
        PyException_SetContext(ctxd, raised(PyExc_OSError, "earlier"));
        PyObject *one[2] = {ctxd, raised(PyExc_KeyboardInterrupt, "")};
        PyObject *bg = group("base", 2, one);
        PyErr_DisplayException(bg);
        Py_DECREF(bg);
    }
    printf("-- syntax error\n");
    PyErr_SetString(PyExc_SyntaxError, "invalid syntax");
    PyErr_SyntaxLocationEx("nowhere.py", 7, 3);
    PyErr_Print();

    printf("-- unraisable\n");
    PyErr_SetString(PyExc_ValueError, "unraisable");
    PyErr_WriteUnraisable(NULL);
    show_int("unraisable_clears", PyErr_Occurred() == NULL);
    PyErr_SetString(PyExc_ValueError, "with object");
    PyErr_WriteUnraisable(PyExc_KeyError);
    PyErr_SetString(PyExc_ValueError, "with none");
    PyErr_WriteUnraisable(Py_None);
    printf("-- hasattr swallowing\n");
    show_int("hasattr_ok", PyObject_HasAttrString(Py_None, "__class__"));
    show_int("hasattr_missing", PyObject_HasAttrString(Py_None, "nope"));

    printf("-- warnings\n");
    show_int("warn_runtime", PyErr_WarnEx(PyExc_RuntimeWarning, "runtime warned", 1));
    show_int("warn_runtime_again", PyErr_WarnEx(PyExc_RuntimeWarning, "runtime warned", 1));
    show_int("warn_runtime_other", PyErr_WarnEx(PyExc_RuntimeWarning, "other text", 1));
    show_int("warn_deprecation", PyErr_WarnEx(PyExc_DeprecationWarning, "deprecated", 1));
    show_int("warn_pending", PyErr_WarnEx(PyExc_PendingDeprecationWarning, "pending", 1));
    show_int("warn_resource", PyErr_WarnEx(PyExc_ResourceWarning, "resource", 1));
    show_int("warn_import", PyErr_WarnEx(PyExc_ImportWarning, "import", 1));
    show_int("warn_user", PyErr_WarnEx(PyExc_UserWarning, "user", 2));
    show_int("warn_null_category", PyErr_WarnEx(NULL, "null category", 1));
    show_int("warn_future", PyErr_WarnEx(PyExc_FutureWarning, "future", 0));
    show_int("warn_syntax", PyErr_WarnEx(PyExc_SyntaxWarning, "syntax", 1));
    show_int("warn_bytes", PyErr_WarnEx(PyExc_BytesWarning, "bytes", 1));
    show_int("warn_encoding", PyErr_WarnEx(PyExc_EncodingWarning, "encoding", 1));
    show_int("warn_not_warning", PyErr_WarnEx(PyExc_ValueError, "bad category", 1));
    show_int("warn_not_class", PyErr_WarnEx(Py_None, "bad category", 1));
    show_int("explicit", PyErr_WarnExplicit(PyExc_UserWarning, "explicit", "file.py", 3, "mod", NULL));
    show_int("explicit_again", PyErr_WarnExplicit(PyExc_UserWarning, "explicit", "file.py", 3, "mod", NULL));
    show_int("explicit_nomodule", PyErr_WarnExplicit(PyExc_UserWarning, "nomod", "pkg/thing.py", 9, NULL, NULL));
    show_int("explicit_deprecation_main", PyErr_WarnExplicit(PyExc_DeprecationWarning, "in main", "main.py", 1, "__main__", NULL));
    show_int("explicit_deprecation_other", PyErr_WarnExplicit(PyExc_DeprecationWarning, "in other", "other.py", 1, "other", NULL));
    show_int("explicit_lineno0", PyErr_WarnExplicit(PyExc_RuntimeWarning, "line zero", "z.py", 0, "z", NULL));
    PyObject *reg = PyObject_GetAttrString(Py_None, "__dict__");  /* fails: no dict */
    PyErr_Clear();
    (void)reg;
    show("sys_registry_type", Py_XNewRef((PyObject *)Py_TYPE(PySys_GetObject("__warningregistry__"))));
    printf("-- write\n");
    PySys_WriteStderr("sys write %d %s\n", 42, "stderr");
    PySys_FormatStderr("sys format %S %R\n", PyExc_KeyError, PyExc_KeyError);
    show_int("filewritestring", PyFile_WriteString("file write string\n", err));
    show_int("filewriteobject_raw", PyFile_WriteObject(PyExc_KeyError, err, Py_PRINT_RAW));
    show_int("filewriteobject_repr", PyFile_WriteObject(PyUnicode_FromString("\n"), err, 0));
    PyFile_WriteString("\n", err);
    show_int("filewritestring_nofile", PyFile_WriteString("x", NULL));
    show("filewritestring_nofile_exc", NULL);
    PyErr_SetString(PyExc_ValueError, "pending");
    show_int("filewritestring_pending", PyFile_WriteString("not written\n", err));
    PyErr_Clear();
    show_int("filewriteobject_nofile", PyFile_WriteObject(Py_None, NULL, 0));
    show_int("filewrite_int", PyFile_WriteString("x", Py_None));
    show_int("tb_print_null", PyTraceBack_Print(NULL, err));
    /* CPython's message names its own C file and line: compare the type only */
    {
        int r = PyTraceBack_Print(Py_None, err);
        printf("tb_print_bad: %d %d\n", r, PyErr_ExceptionMatches(PyExc_SystemError));
        PyErr_Clear();
    }
    printf("-- signals\n");
    show_int("checksignals", PyErr_CheckSignals());
    PyErr_SetInterrupt();
    show_int("checksignals_int", PyErr_CheckSignals());
    show_int("checksignals_after", PyErr_CheckSignals());
    show_int("setinterruptex_term", PyErr_SetInterruptEx(SIGTERM));
    show_int("checksignals_term", PyErr_CheckSignals());
    show_int("setinterruptex_bad", PyErr_SetInterruptEx(0));
    show_int("setinterruptex_big", PyErr_SetInterruptEx(100000));
    show_int("setinterruptex_int", PyErr_SetInterruptEx(SIGINT));
    show_int("checksignals_int2", PyErr_CheckSignals());
    END();
}
