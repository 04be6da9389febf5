/* Embedding program run on CPython 3.15 and on Carapace: puts DIR first on
 * sys.path, imports MODULE and runs the scenario named after it, printing what
 * it sees. Usage: driver DIR MODULE */
#include <Python.h>
#include <stdio.h>
#include <string.h>

static void show(const char *what, PyObject *o)
{
    if (o == NULL) {
        PyObject *exc = PyErr_GetRaisedException();
        PyObject *msg = PyObject_Str(exc);
        printf("%s -> %s: %s\n", what, Py_TYPE(exc) ? PyType_GetName(Py_TYPE(exc)) ? PyUnicode_AsUTF8AndSize(PyType_GetName(Py_TYPE(exc)), NULL) : "?" : "?",
               msg ? PyUnicode_AsUTF8AndSize(msg, NULL) : "?");
        Py_XDECREF(msg);
        Py_DECREF(exc);
        PyErr_Clear();
        return;
    }
    PyObject *r = PyObject_Repr(o);
    printf("%s = %s\n", what, r ? PyUnicode_AsUTF8AndSize(r, NULL) : "<repr failed>");
    if (r == NULL) PyErr_Clear();
    Py_XDECREF(r);
    Py_DECREF(o);
}

static PyObject *call(PyObject *obj, const char *name, const char *fmt, ...)
{
    PyObject *f = PyObject_GetAttrString(obj, name);
    if (f == NULL) return NULL;
    va_list va;
    va_start(va, fmt);
    PyObject *args = fmt ? Py_VaBuildValue(fmt, va) : PyTuple_New(0);
    va_end(va);
    if (args && !PyTuple_Check(args)) {
        PyObject *t = PyTuple_Pack(1, args);
        Py_DECREF(args);
        args = t;
    }
    PyObject *r = args ? PyObject_Call(f, args, NULL) : NULL;
    Py_DECREF(f);
    Py_XDECREF(args);
    return r;
}

static PyObject *attr(PyObject *o, const char *name) { return PyObject_GetAttrString(o, name); }

static PyObject *file_name(PyObject *m)
{
    PyObject *f = attr(m, "__file__");
    if (f == NULL) return NULL;
    PyObject *parts = PyObject_CallMethod(f, "rsplit", "si", "/", 1);
    Py_DECREF(f);
    if (parts == NULL) return NULL;
    PyObject *last = PySequence_GetItem(parts, -1);
    Py_DECREF(parts);
    return last;
}

static void demo(PyObject *m)
{
    show("file", file_name(m));
    show("doc", attr(m, "__doc__"));
    show("flavour", attr(m, "flavour"));
    show("add(2, 3)", call(m, "add", "(ii)", 2, 3));
    show("add('a', 3)", call(m, "add", "(si)", "a", 3));
    show("abi_facts()", call(m, "abi_facts", NULL));
    PyObject *cls = attr(m, "Counter");
    show("Counter.__doc__", attr(cls, "__doc__"));
    show("Counter.__module__", attr(cls, "__module__"));
    PyObject *c = call(cls, "__call__", "(s)", "first");
    show("c.incr()", call(c, "incr", NULL));
    show("c.incr(5)", call(c, "incr", "(i)", 5));
    show("c.incr(1, 2)", call(c, "incr", "(ii)", 1, 2));
    show("c.count", attr(c, "count"));
    show("c.label", attr(c, "label"));
    show("set c.count", PyObject_SetAttrString(c, "count", Py_None) < 0 ? NULL : Py_NewRef(Py_None));
    show("set c.label", PyObject_SetAttrString(c, "label", Py_None) < 0 ? NULL : Py_NewRef(Py_None));
    show("c.label", attr(c, "label"));
    show("calls()", call(m, "calls", NULL));
    show("incr.__doc__", PyObject_GetAttrString(attr(cls, "incr"), "__doc__"));
    show("gc_facts()", call(m, "gc_facts", NULL));
    (void)PyGC_Collect(); /* runs counter_traverse on the live counter */
    show("c.label after a collection", attr(c, "label"));
    PyObject *frozen = call(m, "frozen_class", NULL);
    show("Frozen.before", frozen ? attr(frozen, "before") : NULL);
    show("set Frozen.after", frozen && PyObject_SetAttrString(frozen, "after", Py_True) < 0 ? NULL : Py_NewRef(Py_None));
    Py_XDECREF(frozen);
    Py_DECREF(c);
    Py_DECREF(cls);
}

static void xxlimited(PyObject *m)
{
    show("file suffix is version-specific", PyBool_FromLong(strstr(PyUnicode_AsUTF8AndSize(file_name(m), NULL), ".cpython-315-") != NULL));
    show("dir(xxlimited)", PyObject_Dir(m));
    show("doc", attr(m, "__doc__"));
    show("foo(3, 4)", call(m, "foo", "(ii)", 3, 4));
    show("foo('a', 4)", call(m, "foo", "(si)", "a", 4));
    PyObject *cls = attr(m, "Xxo");
    PyObject *o = call(cls, "__call__", NULL);
    show("type(o)", PyObject_Type(o));
    show("o.demo(5)", call(o, "demo", "(i)", 5));
    show("o.demo('a')", call(o, "demo", "(s)", "a"));
    show("set o.a", PyObject_SetAttrString(o, "a", Py_True) < 0 ? NULL : Py_NewRef(Py_None));
    show("o.a", attr(o, "a"));
    show("del o.a", PyObject_DelAttrString(o, "a") < 0 ? NULL : Py_NewRef(Py_None));
    show("del o.a again", PyObject_DelAttrString(o, "a") < 0 ? NULL : Py_NewRef(Py_None));
    show("o.missing", attr(o, "missing"));
    show("o.x_exports", attr(o, "x_exports"));
    PyObject *mv = PyMemoryView_FromObject(o);
    show("memoryview(o).tobytes()", mv ? call(mv, "tobytes", NULL) : NULL);
    if (mv) { show("release", call(mv, "release", NULL)); Py_DECREF(mv); }
    show("o.x_exports after", attr(o, "x_exports"));
    show("type(new())", PyObject_Type(call(m, "new", NULL)));
    show("Error.__mro__", PyObject_GetAttrString(attr(m, "Error"), "__mro__"));
    PyObject *str = attr(m, "Str");
    show("Str.__mro__", attr(str, "__mro__"));
    show("Str('ab')", call(str, "__call__", "(s)", "ab"));
    Py_DECREF(str);
    Py_DECREF(o);
    Py_DECREF(cls);
}

int main(int argc, char **argv)
{
    if (argc != 3) { fprintf(stderr, "usage: driver DIR MODULE\n"); return 2; }
    Py_Initialize();
    PyObject *path = PySys_GetObject("path");
    PyObject *dir = PyUnicode_FromString(argv[1]);
    PyList_Insert(path, 0, dir);
    Py_DECREF(dir);
    PyObject *m = PyImport_ImportModule(argv[2]);
    if (m == NULL) {
        show("import", NULL);
    } else if (strcmp(argv[2], "abi3t_demo") == 0) {
        demo(m);
    } else if (strcmp(argv[2], "xxlimited") == 0) {
        xxlimited(m);
    } else {
        show("file", file_name(m));
        show("variant", attr(m, "variant"));
    }
    Py_XDECREF(m);
    fflush(stdout);
    return Py_FinalizeEx() < 0 ? 1 : 0;
}
