/* errors: the built-in exception types: constructors, attributes, str/repr,
 * OSError's subclass choice, exception groups, chaining attributes. */
#include "common.h"
#include <stdarg.h>

static PyObject *mk(PyObject *t, int n, ...)
{
    PyObject *a[8];
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) a[i] = va_arg(ap, PyObject *);
    va_end(ap);
    PyObject *r = PyObject_Vectorcall(t, a, (size_t)n, NULL);
    for (int i = 0; i < n; i++) Py_DECREF(a[i]);
    return r;
}
#define S(s) PyUnicode_FromString(s)

/* a list of new references (stolen), built through list() and list.append */
static PyObject *lst(int n, ...)
{
    PyObject *l = PyObject_Vectorcall((PyObject *)&PyList_Type, NULL, 0, NULL);
    PyObject *app = PyUnicode_FromString("append");
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) {
        PyObject *a[2] = {l, va_arg(ap, PyObject *)};
        PyObject *r = PyObject_VectorcallMethod(app, a, 2, NULL);
        Py_XDECREF(r);
        Py_DECREF(a[1]);
    }
    va_end(ap);
    Py_DECREF(app);
    return l;
}

static PyObject *tup(PyObject *l)
{
    PyObject *t = PyObject_Vectorcall((PyObject *)&PyTuple_Type, &l, 1, NULL);
    Py_DECREF(l);
    return t;
}

static PyObject *meth(PyObject *o, const char *name, PyObject *arg)
{
    PyObject *n = PyUnicode_FromString(name);
    PyObject *a[2] = {o, arg};
    PyObject *r = PyObject_VectorcallMethod(n, a, arg ? 2 : 1, NULL);
    Py_DECREF(n);
    return r;
}
#define I(i) PyLong_FromLong(i)

static void attrs(const char *label, PyObject *e, const char **names)
{
    char buf[200];
    if (e == NULL) { show(label, NULL); return; }
    snprintf(buf, sizeof buf, "%s type", label);
    show(buf, Py_NewRef((PyObject *)Py_TYPE(e)));
    snprintf(buf, sizeof buf, "%s str", label);
    show(buf, PyObject_Str(e));
    snprintf(buf, sizeof buf, "%s repr", label);
    show(buf, PyObject_Repr(e));
    snprintf(buf, sizeof buf, "%s args", label);
    show(buf, PyObject_GetAttrString(e, "args"));
    for (int i = 0; names && names[i]; i++) {
        snprintf(buf, sizeof buf, "%s .%s", label, names[i]);
        show(buf, PyObject_GetAttrString(e, names[i]));
    }
    Py_DECREF(e);
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    BEGIN();
    const char *os[] = {"errno", "strerror", "filename", "filename2", NULL};
    attrs("os0", mk(PyExc_OSError, 0), os);
    attrs("os1", mk(PyExc_OSError, 1, S("just text")), os);
    attrs("os2", mk(PyExc_OSError, 2, I(2), S("No such file")), os);
    attrs("os3", mk(PyExc_OSError, 3, I(13), S("Denied"), S("f.txt")), os);
    attrs("os4", mk(PyExc_OSError, 4, I(1), S("Perm"), S("a"), I(0)), os);
    attrs("os5", mk(PyExc_OSError, 5, I(17), S("Exists"), S("a"), I(0), S("b")), os);
    attrs("os6", mk(PyExc_OSError, 6, I(17), S("Exists"), S("a"), I(0), S("b"), I(9)), os);
    attrs("os_unknown_errno", mk(PyExc_OSError, 2, I(9999), S("odd")), os);
    attrs("os_str_errno", mk(PyExc_OSError, 2, S("x"), S("y")), os);
    attrs("os_sub_direct", mk(PyExc_FileNotFoundError, 2, I(13), S("not remapped")), os);
    attrs("os_true", mk(PyExc_OSError, 2, Py_NewRef(Py_True), S("bool errno")), os);
    attrs("os_fname_none", mk(PyExc_OSError, 3, I(5), S("IO"), Py_NewRef(Py_None)), os);
    attrs("blocking", mk(PyExc_BlockingIOError, 3, I(11), S("again"), I(5)), (const char *[]){"characters_written", "filename", NULL});
    attrs("blocking2", mk(PyExc_BlockingIOError, 2, I(11), S("again")), (const char *[]){"characters_written", NULL});

    const char *none[] = {NULL};
    attrs("base0", mk(PyExc_BaseException, 0), none);
    attrs("base1", mk(PyExc_Exception, 1, S("one")), none);
    attrs("base2", mk(PyExc_ValueError, 2, S("a"), I(2)), none);
    attrs("base_int", mk(PyExc_RuntimeError, 1, I(7)), none);
    attrs("key0", mk(PyExc_KeyError, 0), none);
    attrs("key1", mk(PyExc_KeyError, 1, S("k")), none);
    attrs("key_empty", mk(PyExc_KeyError, 1, S("")), none);
    attrs("key2", mk(PyExc_KeyError, 2, S("a"), S("b")), none);
    attrs("stop0", mk(PyExc_StopIteration, 0), (const char *[]){"value", NULL});
    attrs("stop1", mk(PyExc_StopIteration, 1, I(5)), (const char *[]){"value", NULL});
    attrs("stop2", mk(PyExc_StopIteration, 2, I(5), I(6)), (const char *[]){"value", NULL});
    attrs("exit0", mk(PyExc_SystemExit, 0), (const char *[]){"code", NULL});
    attrs("exit1", mk(PyExc_SystemExit, 1, I(3)), (const char *[]){"code", NULL});
    attrs("exit2", mk(PyExc_SystemExit, 2, I(3), S("x")), (const char *[]){"code", NULL});
    const char *imp[] = {"msg", "name", "path", "name_from", NULL};
    attrs("import0", mk(PyExc_ImportError, 0), imp);
    attrs("import1", mk(PyExc_ImportError, 1, S("no mod")), imp);
    attrs("import2", mk(PyExc_ImportError, 2, S("a"), S("b")), imp);
    attrs("modnotfound", mk(PyExc_ModuleNotFoundError, 1, S("nf")), imp);
    const char *syn[] = {"msg", "filename", "lineno", "offset", "text", "end_lineno", "end_offset", "print_file_and_line", NULL};
    attrs("syntax0", mk(PyExc_SyntaxError, 0), syn);
    attrs("syntax1", mk(PyExc_SyntaxError, 1, S("bad")), syn);
    attrs("indent1", mk(PyExc_IndentationError, 1, S("bad indent")), syn);
    const char *ue[] = {"encoding", "object", "start", "end", "reason", NULL};
    attrs("encode", mk(PyExc_UnicodeEncodeError, 5, S("ascii"), S("a\xc3\xa9z"), I(1), I(2), S("ordinal not in range(128)")), ue);
    attrs("encode_range", mk(PyExc_UnicodeEncodeError, 5, S("ascii"), S("a\xc3\xa9\xc3\xa9z"), I(1), I(3), S("bad")), ue);
    attrs("encode_bmp", mk(PyExc_UnicodeEncodeError, 5, S("latin-1"), S("\xe2\x82\xac"), I(0), I(1), S("no")), ue);
    attrs("encode_astral", mk(PyExc_UnicodeEncodeError, 5, S("latin-1"), S("\xf0\x9f\x98\x80"), I(0), I(1), S("no")), ue);
    attrs("encode_wrongargs", mk(PyExc_UnicodeEncodeError, 2, S("ascii"), S("x")), ue);
    attrs("encode_badtype", mk(PyExc_UnicodeEncodeError, 5, I(1), S("x"), I(0), I(1), S("r")), ue);
    attrs("translate", mk(PyExc_UnicodeTranslateError, 4, S("ab\xc3\xa9"), I(2), I(3), S("no map")), ue);
    attrs("unicode_plain", mk(PyExc_UnicodeError, 1, S("plain")), none);
    attrs("attr", mk(PyExc_AttributeError, 1, S("no attr")), (const char *[]){"name", "obj", NULL});
    attrs("name", mk(PyExc_NameError, 1, S("no name")), (const char *[]){"name", NULL});

    /* exception groups */
    const char *grp[] = {"message", "exceptions", NULL};
    PyObject *v1 = mk(PyExc_ValueError, 1, I(1));
    PyObject *t1 = mk(PyExc_TypeError, 1, S("t"));
    PyObject *ki = mk(PyExc_KeyboardInterrupt, 0);
    PyObject *BEG = PyExc_BaseExceptionGroup;
    /* a list argument via the list type called on a tuple is not available: use a tuple */
    PyObject *pair = PyObject_Vectorcall((PyObject *)&PyTuple_Type, NULL, 0, NULL);
    show("empty_tuple", pair);
    attrs("group_noargs", mk(BEG, 0), grp);
    attrs("group_one", mk(BEG, 1, S("m")), grp);
    attrs("group_msg_int", mk(BEG, 2, I(1), I(2)), grp);
    attrs("group_notseq", mk(BEG, 2, S("m"), I(5)), grp);
    show("group_type_name", PyObject_GetAttrString(PyExc_BaseExceptionGroup, "__name__"));
    attrs("group_empty", mk(BEG, 2, S("m"), lst(0)), grp);
    attrs("group_notexc", mk(BEG, 2, S("m"), lst(2, mk(PyExc_ValueError, 0), I(1))), grp);
    PyObject *g = mk(BEG, 2, S("msg"), lst(2, Py_NewRef(v1), Py_NewRef(t1)));
    show("group_mro", PyObject_GetAttrString((PyObject *)Py_TYPE(g), "__mro__"));
    show("group_str", PyObject_Str(g));
    show("group_repr", PyObject_Repr(g));
    show("group_exceptions", PyObject_GetAttrString(g, "exceptions"));
    show("group_message", PyObject_GetAttrString(g, "message"));
    show("group_isinstance_exc", PyBool_FromLong(PyObject_IsInstance(g, PyExc_Exception)));
    show("split_value", meth(g, "split", PyExc_ValueError));
    show("split_tuple", meth(g, "split", tup(lst(2, Py_NewRef(PyExc_ValueError), Py_NewRef(PyExc_TypeError)))));
    show("split_none", meth(g, "split", PyExc_KeyError));
    show("split_bad", meth(g, "split", I(3)));
    show("subgroup_type", meth(g, "subgroup", PyExc_TypeError));
    show("subgroup_none", meth(g, "subgroup", PyExc_OSError));
    show("subgroup_self", meth(g, "subgroup", PyExc_Exception));
    show("derive", meth(g, "derive", lst(1, mk(PyExc_KeyError, 1, S("k")))));
    PyObject *nested = mk(BEG, 2, S("outer"), lst(2, Py_NewRef(g), mk(PyExc_KeyError, 1, S("k2"))));
    show("nested_repr", PyObject_Repr(nested));
    show("nested_split", meth(nested, "split", PyExc_ValueError));
    show("nested_str", PyObject_Str(nested));
    Py_DECREF(nested);
    PyObject *EG = (PyObject *)Py_TYPE(g);
    show("eg_name", PyObject_GetAttrString(EG, "__name__"));
    show("eg_module", PyObject_GetAttrString(EG, "__module__"));
    show("eg_bases", PyObject_GetAttrString(EG, "__bases__"));
    show("eg_nest_base", mk(EG, 2, S("x"), lst(1, Py_NewRef(ki))));
    show("eg_ok", mk(EG, 2, S("x"), lst(1, Py_NewRef(v1))));
    show_int("eg_issubclass", PyObject_IsSubclass(EG, PyExc_BaseExceptionGroup));
    Py_DECREF(g);
    attrs("group_base", mk(BEG, 2, S("b"), lst(2, Py_NewRef(ki), Py_NewRef(v1))), grp);
    attrs("group_tuple", mk(BEG, 2, S("t"), tup(lst(1, Py_NewRef(ki)))), grp);
    (void)v1; (void)t1; (void)ki;
    Py_DECREF(v1); Py_DECREF(t1); Py_DECREF(ki);

    /* chaining attributes through setattr */
    PyObject *e = mk(PyExc_ValueError, 1, S("e"));
    PyObject *c = mk(PyExc_KeyError, 1, S("c"));
    show_int("set_cause", PyObject_SetAttrString(e, "__cause__", c));
    show("get_cause", PyObject_GetAttrString(e, "__cause__"));
    show("suppress", PyObject_GetAttrString(e, "__suppress_context__"));
    show_int("set_cause_int", PyObject_SetAttrString(e, "__cause__", I(1)));
    show_int("set_context_int", PyObject_SetAttrString(e, "__context__", I(1)));
    show_int("del_cause", PyObject_DelAttrString(e, "__cause__"));
    show_int("set_cause_none", PyObject_SetAttrString(e, "__cause__", Py_None));
    show("cause_none", PyObject_GetAttrString(e, "__cause__"));
    show_int("set_tb_int", PyObject_SetAttrString(e, "__traceback__", I(1)));
    show_int("del_tb", PyObject_DelAttrString(e, "__traceback__"));
    show_int("set_args_str", PyObject_SetAttrString(e, "args", S("xy")));
    show("args_from_str", PyObject_GetAttrString(e, "args"));
    show_int("del_args", PyObject_DelAttrString(e, "args"));
    show("notes_missing", PyObject_GetAttrString(e, "__notes__"));
    PyObject *add = PyObject_GetAttrString(e, "add_note");
    PyObject *n1 = S("note 1");
    show("add_note", PyObject_Vectorcall(add, &n1, 1, NULL));
    PyObject *n2 = I(2);
    show("add_note_int", PyObject_Vectorcall(add, &n2, 1, NULL));
    Py_DECREF(n1); Py_DECREF(n2); Py_DECREF(add);
    show("notes", PyObject_GetAttrString(e, "__notes__"));
    show_int("set_attr_dict", PyObject_SetAttrString(e, "custom", I(5)));
    show("dict", PyObject_GetAttrString(e, "__dict__"));
    PyObject *wt = PyObject_GetAttrString(e, "with_traceback");
    PyObject *nn = Py_None;
    PyObject *r = PyObject_Vectorcall(wt, &nn, 1, NULL);
    show_int("with_traceback_self", r == e);
    Py_XDECREF(r);
    PyObject *one = I(1);
    show("with_traceback_int", PyObject_Vectorcall(wt, &one, 1, NULL));
    Py_DECREF(one); Py_DECREF(wt);
    PyObject *rn = S("__reduce__");
    show("reduce", PyObject_VectorcallMethod(rn, &e, 1 | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL));
    Py_DECREF(rn);
    Py_DECREF(e); Py_DECREF(c);
    END();
}
