/* The main job's example: an embedding program (linked with -lpython3.15, as real
 * embedders link) that loads CPython 3.15's own compiled `xxlimited_35` extension
 * — a binary nobody here wrote — from a folder on sys.path and uses its
 * functions, type and exception. Run on CPython 3.15 and on Carapace, the output
 * is the same. */
#include <Python.h>
#include <stdio.h>

static void print(const char *what, PyObject *o)
{
    if (o == NULL) {
        PyObject *e = PyErr_GetRaisedException();
        PyObject *s = e ? PyObject_Str(e) : NULL;
        PyObject *n = e ? PyType_GetQualName(Py_TYPE(e)) : NULL;
        printf("%-28s raised %s: %s\n", what, n ? PyUnicode_AsUTF8AndSize(n, NULL) : "?",
               s ? PyUnicode_AsUTF8AndSize(s, NULL) : "?");
        Py_XDECREF(s); Py_XDECREF(n); Py_XDECREF(e);
        return;
    }
    PyObject *r = PyObject_Repr(o);
    const char *text = r ? PyUnicode_AsUTF8AndSize(r, NULL) : NULL;
    if (text == NULL) {
        PyErr_Clear();
    }
    printf("%-28s %s\n", what, text ? text : "<unprintable>");
    Py_XDECREF(r);
    Py_DECREF(o);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s DIR-WITH-xxlimited_35.abi3.so\n", argv[0]);
        return 2;
    }
    Py_Initialize();
    PyObject *path = PySys_GetObject("path");
    PyObject *dir = PyUnicode_FromString(argv[1]);
    PyList_Insert(path, 0, dir);
    Py_DECREF(dir);

    PyObject *m = PyImport_ImportModule("xxlimited_35");
    if (m == NULL) {
        print("import xxlimited_35", NULL);
        return 1;
    }
    print("foo(40, 2)", PyObject_CallMethod(m, "foo", "ii", 40, 2));
    print("foo('a', 2)", PyObject_CallMethod(m, "foo", "si", "a", 2));
    PyObject *xxo = PyObject_CallMethod(m, "new", NULL);
    print("type(new())", xxo ? Py_NewRef((PyObject *)Py_TYPE(xxo)) : NULL);
    if (xxo) {
        print("Xxo.demo(7)", PyObject_CallMethod(xxo, "demo", "i", 7));
        PyObject_SetAttrString(xxo, "answer", PyLong_FromLong(42));
        print("Xxo.answer", PyObject_GetAttrString(xxo, "answer"));
        print("Xxo.missing", PyObject_GetAttrString(xxo, "missing"));
        Py_DECREF(xxo);
    }
    print("roj(1)", PyObject_CallMethod(m, "roj", "i", 1));
    PyObject *err = PyObject_GetAttrString(m, "error");
    print("error", err ? Py_NewRef(err) : NULL);
    if (err) {
        PyErr_SetString(err, "raised from the embedder");
        print("PyErr_SetString(error)", NULL);
        Py_DECREF(err);
    }
    print("Str('abc')", PyObject_CallMethod(m, "Str", "s", "abc"));
    PyObject *null = PyObject_CallMethod(m, "Null", NULL);
    print("type(Null())", null ? Py_NewRef((PyObject *)Py_TYPE(null)) : NULL);
    Py_XDECREF(null);
    Py_DECREF(m);
    return Py_FinalizeEx() < 0 ? 1 : 0;
}
