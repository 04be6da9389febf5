/* errors: raising, fetching, normalising and matching exceptions (PyErr_*),
 * exception objects (PyException_*), new exception classes. */
#include "common.h"
#include <errno.h>
#include <unistd.h>

static void show_exc(const char *label)
{
    show(label, NULL);
}

static void show_type_of(const char *label, PyObject *o)
{
    if (o == NULL) { show(label, NULL); return; }
    show(label, Py_NewRef((PyObject *)Py_TYPE(o)));
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    BEGIN();
    PyObject *t, *v, *tb, *e;

    /* SetString / SetObject / SetNone */
    PyErr_SetString(PyExc_ValueError, "plain");
    show_exc("setstring");
    PyErr_SetObject(PyExc_KeyError, PyLong_FromLong(3));
    show_exc("setobject_key");
    PyErr_SetNone(PyExc_StopIteration);
    show_exc("setnone");
    PyErr_SetObject(PyLong_FromLong(5), NULL);
    show_exc("setobject_notclass");
    PyErr_SetObject(PyExc_OSError, NULL);
    show_exc("setobject_oserror_none");

    /* Occurred / matches */
    show_int("occurred_none", PyErr_Occurred() == NULL);
    PyErr_SetString(PyExc_KeyError, "k");
    show_int("occurred_type", PyErr_Occurred() == PyExc_KeyError);
    show_int("matches_lookup", PyErr_ExceptionMatches(PyExc_LookupError));
    show_int("matches_value", PyErr_ExceptionMatches(PyExc_ValueError));
    PyErr_Clear();
    show_int("matches_nothing", PyErr_ExceptionMatches(PyExc_Exception));
    show_int("given_inst", PyErr_GivenExceptionMatches(PyExc_KeyError, PyExc_Exception));
    show_int("given_null", PyErr_GivenExceptionMatches(NULL, PyExc_Exception));
    show_int("given_same_nonclass", PyErr_GivenExceptionMatches(Py_None, Py_None));

    /* Fetch / Restore / Normalize */
    PyErr_SetString(PyExc_TypeError, "fetched");
    PyErr_Fetch(&t, &v, &tb);
    show_int("fetch_cleared", PyErr_Occurred() == NULL);
    show("fetch_type", Py_XNewRef(t));
    show("fetch_value", Py_XNewRef(v));
    show_int("fetch_tb_null", tb == NULL);
    PyErr_Restore(t, v, tb);
    show_exc("restore");
    PyErr_Fetch(&t, &v, &tb);
    show_int("fetch_empty", t == NULL && v == NULL && tb == NULL);
    PyErr_Restore(Py_NewRef(PyExc_ValueError), PyUnicode_FromString("lazy"), NULL);
    show_exc("restore_unnormalized");
    PyErr_Restore(Py_NewRef(PyExc_ValueError), NULL, NULL);
    show_exc("restore_novalue");
    PyErr_Restore(Py_NewRef(PyExc_ValueError), NULL, PyLong_FromLong(1));
    show_exc("restore_badtb");
    PyErr_Restore(NULL, NULL, NULL);
    show_int("restore_null_clears", PyErr_Occurred() == NULL);
    PyErr_SetString(PyExc_KeyError, "sub instance");
    e = PyErr_GetRaisedException();
    PyErr_Restore(Py_NewRef(PyExc_LookupError), Py_NewRef(e), NULL);
    show_exc("restore_subclass_instance");
    PyErr_SetObject(PyExc_LookupError, e);
    show_exc("setobject_subclass_instance");
    PyErr_SetObject(PyExc_ValueError, e);
    show_exc("setobject_unrelated_instance");
    PyErr_SetObject(PyExc_KeyError, e);
    PyObject *same = PyErr_GetRaisedException();
    show_int("setobject_same_instance", same == e);
    Py_DECREF(same);
    Py_DECREF(e);
    /* raising over a pending exception replaces it */
    PyErr_SetString(PyExc_KeyError, "first");
    PyErr_SetString(PyExc_ValueError, "second");
    show_exc("raise_over_pending");

    t = Py_NewRef(PyExc_LookupError); v = PyUnicode_FromString("x"); tb = NULL;
    PyErr_NormalizeException(&t, &v, &tb);
    show("normalize_type", Py_XNewRef(t));
    show("normalize_value", Py_XNewRef(v));
    Py_XDECREF(t); Py_XDECREF(v); Py_XDECREF(tb);
    t = Py_NewRef(PyExc_LookupError); v = NULL; tb = NULL;
    PyErr_NormalizeException(&t, &v, &tb);
    show("normalize_null_value", Py_XNewRef(v));
    Py_XDECREF(t); Py_XDECREF(v);
    /* a subclass instance keeps its own class */
    PyErr_SetString(PyExc_KeyError, "sub");
    PyErr_Fetch(&t, &v, &tb);
    Py_DECREF(t); t = Py_NewRef(PyExc_LookupError);
    PyErr_NormalizeException(&t, &v, &tb);
    show("normalize_subclass_type", Py_XNewRef(t));
    Py_XDECREF(t); Py_XDECREF(v); Py_XDECREF(tb);
    t = NULL; v = NULL; tb = NULL;
    PyErr_NormalizeException(&t, &v, &tb);
    show_int("normalize_null", t == NULL && v == NULL);
    /* a constructor that fails: the new error replaces it */
    t = Py_NewRef(PyExc_UnicodeDecodeError); v = PyLong_FromLong(1); tb = NULL;
    PyErr_NormalizeException(&t, &v, &tb);
    show("normalize_ctor_fails_type", Py_XNewRef(t));
    show("normalize_ctor_fails_value", Py_XNewRef(v));
    Py_XDECREF(t); Py_XDECREF(v); Py_XDECREF(tb);

    /* handled exception */
    PyObject *h = PyErr_GetHandledException();
    show_int("handled_none", h == NULL);
    e = PyObject_GetAttrString(PyExc_ValueError, "__name__");
    Py_XDECREF(e);
    PyErr_SetString(PyExc_ValueError, "handled");
    e = PyErr_GetRaisedException();
    PyErr_SetHandledException(e);
    h = PyErr_GetHandledException();
    show_int("handled_set", h == e);
    Py_XDECREF(h);
    PyErr_GetExcInfo(&t, &v, &tb);
    show("excinfo_type", t);
    show("excinfo_value", v);
    show_int("excinfo_tb", tb == NULL);
    /* an exception raised while handling gets __context__ */
    PyErr_SetString(PyExc_KeyError, "during");
    PyObject *d = PyErr_GetRaisedException();
    PyObject *ctx = PyException_GetContext(d);
    show_int("context_chained", ctx == e);
    Py_XDECREF(ctx);
    Py_DECREF(d);
    PyErr_SetExcInfo(NULL, NULL, NULL);
    h = PyErr_GetHandledException();
    show_int("excinfo_cleared", h == NULL);
    PyErr_SetExcInfo(Py_NewRef(PyExc_ValueError), Py_NewRef(e), NULL);
    h = PyErr_GetHandledException();
    show_int("setexcinfo", h == e);
    Py_XDECREF(h);
    PyErr_SetHandledException(Py_None);
    h = PyErr_GetHandledException();
    show_int("sethandled_none", h == NULL);
    Py_DECREF(e);

    /* common errors */
    show_int("badargument", PyErr_BadArgument());
    show_exc("badargument_exc");
    PyErr_BadInternalCall();
    show_exc("badinternalcall");
    _PyErr_BadInternalCall("file.c", 42);
    show_exc("_badinternalcall");
    show("nomemory", PyErr_NoMemory());
    errno = ENOENT;
    show("fromerrno", PyErr_SetFromErrno(PyExc_OSError));
    errno = EACCES;
    PyErr_SetFromErrno(PyExc_OSError);
    e = PyErr_GetRaisedException();
    show_type_of("fromerrno_eacces_type", e);
    show("fromerrno_eacces_errno", PyObject_GetAttrString(e, "errno"));
    show("fromerrno_eacces_args", PyObject_GetAttrString(e, "args"));
    Py_DECREF(e);
    errno = EEXIST;
    show("fromerrno_filename", PyErr_SetFromErrnoWithFilename(PyExc_OSError, "/tmp/x"));
    errno = EISDIR;
    PyErr_SetFromErrnoWithFilename(PyExc_OSError, "a\xff");
    e = PyErr_GetRaisedException();
    show("fromerrno_filename_undecodable", PyObject_GetAttrString(e, "filename"));
    Py_DECREF(e);
    errno = ENOTDIR;
    PyObject *f1 = PyUnicode_FromString("one"), *f2 = PyUnicode_FromString("two");
    show("fromerrno_objects", PyErr_SetFromErrnoWithFilenameObjects(PyExc_OSError, f1, f2));
    errno = ENOTDIR;
    PyErr_SetFromErrnoWithFilenameObjects(PyExc_OSError, f1, f2);
    e = PyErr_GetRaisedException();
    show("fromerrno_objects_f2", PyObject_GetAttrString(e, "filename2"));
    show("fromerrno_objects_args", PyObject_GetAttrString(e, "args"));
    Py_DECREF(e);
    errno = EPERM;
    show("fromerrno_object", PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, f1));
    errno = 0;
    show("fromerrno_zero", PyErr_SetFromErrno(PyExc_OSError));
    errno = ENOENT;
    show("fromerrno_valueerror", PyErr_SetFromErrno(PyExc_ValueError));
    errno = ECHILD; show("errno_child", PyErr_SetFromErrno(PyExc_OSError));
    errno = EAGAIN; show("errno_again", PyErr_SetFromErrno(PyExc_OSError));
    errno = EPIPE; show("errno_pipe", PyErr_SetFromErrno(PyExc_OSError));
    errno = ECONNREFUSED; show("errno_connrefused", PyErr_SetFromErrno(PyExc_OSError));
    errno = ESRCH; show("errno_srch", PyErr_SetFromErrno(PyExc_OSError));
    errno = ETIMEDOUT; show("errno_timedout", PyErr_SetFromErrno(PyExc_OSError));
    errno = EINVAL; show("errno_inval", PyErr_SetFromErrno(PyExc_OSError));
    Py_DECREF(f1); Py_DECREF(f2);

    /* import errors */
    PyObject *msg = PyUnicode_FromString("no module");
    PyObject *name = PyUnicode_FromString("mod");
    show("importerror", PyErr_SetImportError(msg, name, NULL));
    PyErr_SetImportError(msg, name, NULL);
    e = PyErr_GetRaisedException();
    show("importerror_name", PyObject_GetAttrString(e, "name"));
    show("importerror_path", PyObject_GetAttrString(e, "path"));
    show("importerror_name_from", PyObject_GetAttrString(e, "name_from"));
    show("importerror_msg", PyObject_GetAttrString(e, "msg"));
    show("importerror_repr", PyObject_Repr(e));
    Py_DECREF(e);
    show("importerror_nomsg", PyErr_SetImportError(NULL, name, NULL));
    show("importerror_sub", PyErr_SetImportErrorSubclass(PyExc_ModuleNotFoundError, msg, name, name));
    show("importerror_badsub", PyErr_SetImportErrorSubclass(PyExc_ValueError, msg, name, name));
    Py_DECREF(msg); Py_DECREF(name);

    /* syntax locations */
    PyErr_SetString(PyExc_SyntaxError, "bad syntax");
    PyErr_SyntaxLocation("nofile.py", 3);
    e = PyErr_GetRaisedException();
    show("syntaxloc_str", PyObject_Str(e));
    show("syntaxloc_lineno", PyObject_GetAttrString(e, "lineno"));
    show("syntaxloc_offset", PyObject_GetAttrString(e, "offset"));
    show("syntaxloc_text", PyObject_GetAttrString(e, "text"));
    show("syntaxloc_end", PyObject_GetAttrString(e, "end_lineno"));
    Py_DECREF(e);
    {
        FILE *fp = fopen("/tmp/errors_raise_src.py", "w");
        fputs("line one\n  line two\nline three", fp);
        fclose(fp);
    }
    PyErr_SetString(PyExc_SyntaxError, "bad");
    PyErr_SyntaxLocationEx("/tmp/errors_raise_src.py", 2, 4);
    e = PyErr_GetRaisedException();
    show("syntaxlocex_text", PyObject_GetAttrString(e, "text"));
    show("syntaxlocex_offset", PyObject_GetAttrString(e, "offset"));
    show("syntaxlocex_str", PyObject_Str(e));
    Py_DECREF(e);
    PyErr_SetString(PyExc_ValueError, "not syntax");
    PyErr_SyntaxLocationEx("/tmp/errors_raise_src.py", 1, 0);
    e = PyErr_GetRaisedException();
    show("syntaxloc_valueerror_lineno", PyObject_GetAttrString(e, "lineno"));
    show("syntaxloc_valueerror_offset", PyObject_GetAttrString(e, "offset"));
    show("syntaxloc_valueerror_filename", PyObject_GetAttrString(e, "filename"));
    show("syntaxloc_valueerror_text", PyObject_GetAttrString(e, "text"));
    Py_DECREF(e);
    show("programtext_2", PyErr_ProgramText("/tmp/errors_raise_src.py", 2));
    show("programtext_3", PyErr_ProgramText("/tmp/errors_raise_src.py", 3));
    show("programtext_4", PyErr_ProgramText("/tmp/errors_raise_src.py", 4));
    show("programtext_0", PyErr_ProgramText("/tmp/errors_raise_src.py", 0));
    show("programtext_nofile", PyErr_ProgramText("/nonexistent/x.py", 1));
    unlink("/tmp/errors_raise_src.py");

    /* exception objects */
    PyErr_SetString(PyExc_RuntimeError, "outer");
    e = PyErr_GetRaisedException();
    PyErr_SetString(PyExc_ValueError, "cause");
    PyObject *c = PyErr_GetRaisedException();
    show_int("getcause_null", PyException_GetCause(e) == NULL);
    show_int("getcontext_null", PyException_GetContext(e) == NULL);
    show_int("gettraceback_null", PyException_GetTraceback(e) == NULL);
    PyException_SetCause(e, Py_NewRef(c));
    show("getcause", PyException_GetCause(e));
    show("suppress", PyObject_GetAttrString(e, "__suppress_context__"));
    PyException_SetCause(e, NULL);
    show_int("cause_cleared", PyException_GetCause(e) == NULL);
    show("suppress_after_clear", PyObject_GetAttrString(e, "__suppress_context__"));
    PyException_SetContext(e, Py_NewRef(c));
    show("getcontext", PyException_GetContext(e));
    PyException_SetContext(e, NULL);
    show_int("context_cleared", PyException_GetContext(e) == NULL);
    show_int("settb_int", PyException_SetTraceback(e, PyLong_FromLong(1)));
    show_exc("settb_int_exc");
    show_int("settb_none", PyException_SetTraceback(e, Py_None));
    show("getargs", PyException_GetArgs(e));
    Py_DECREF(c);
    Py_DECREF(e);

    /* new exception classes */
    show("newexc_nodot", PyErr_NewException("nodot", NULL, NULL));
    show_str("excclass_name", PyExceptionClass_Name(PyExc_KeyError));
    END();
}
