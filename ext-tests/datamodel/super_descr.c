/* super, staticmethod, property and __set_name__ driven from C. */
#include "common.h"
#include <string.h>

static PyObject *f_a(PyObject *self, PyObject *u) { (void)u; return PyUnicode_FromFormat("A.f on %T", self); }
static PyObject *f_b(PyObject *self, PyObject *u) { (void)u; return PyUnicode_FromFormat("B.f on %T", self); }
static PyObject *get_x(PyObject *self, PyObject *o) { (void)self; return PyUnicode_FromFormat("x of %T", o); }
static PyObject *set_name_ok(PyObject *self, PyObject *a) { (void)self; printf("  __set_name__%s\n", PyUnicode_AsUTF8AndSize(PyObject_Repr(PyTuple_GetItem(a, 1)), NULL)); Py_RETURN_NONE; }
static PyObject *set_name_fail(PyObject *self, PyObject *a) { (void)self; (void)a; PyErr_SetString(PyExc_ZeroDivisionError, "boom"); return NULL; }
static PyObject *plain(PyObject *self, PyObject *a) { (void)self; return PyUnicode_FromFormat("plain%R", a); }

static PyObject *annot(PyObject *self, PyObject *fmt) { (void)self; return Py_BuildValue("{sO}", "q", fmt); }
static PyObject *annot_bad(PyObject *self, PyObject *fmt) { (void)self; (void)fmt; return PyLong_FromLong(3); }

static PyMethodDef defs[] = {
    {"annot", annot, METH_O, NULL}, {"annot_bad", annot_bad, METH_O, NULL},
    {"f_a", f_a, METH_NOARGS, NULL}, {"f_b", f_b, METH_NOARGS, NULL},
    {"get_x", get_x, METH_O, "get the x"},
    {"set_name_ok", set_name_ok, METH_VARARGS, NULL}, {"set_name_fail", set_name_fail, METH_VARARGS, NULL},
    {"plain", plain, METH_VARARGS, "plain doc"},
    {NULL, NULL, 0, NULL},
};

static PyObject *def_named(const char *fn)
{
    for (PyMethodDef *d = defs; d->ml_name; d++)
        if (strcmp(d->ml_name, fn) == 0)
            return (PyObject *)d;
    return NULL;
}
static PyObject *md(const char *fn) { return PyDescr_NewMethod(&PyBaseObject_Type, (PyMethodDef *)def_named(fn)); }
static PyObject *cf(const char *fn) { return PyCFunction_New((PyMethodDef *)def_named(fn), NULL); }
static PyObject *attr(PyObject *o, const char *n) { return PyObject_GetAttrString(o, n); }
static PyObject *mk(const char *name, PyObject *bases, PyObject *d)
{
    PyDict_SetItemString(d, "__module__", PyUnicode_FromString("mod"));
    return PyObject_CallFunction((PyObject *)&PyType_Type, "sOO", name, bases, d);
}

int main(void)
{
    BEGIN();
    PyObject *sup = (PyObject *)&PySuper_Type;
    PyObject *da = PyDict_New();
    PyDict_SetItemString(da, "f", md("f_a"));
    PyDict_SetItemString(da, "only_a", PyLong_FromLong(1));
    PyObject *A = mk("A", PyTuple_New(0), da);
    PyObject *db = PyDict_New();
    PyDict_SetItemString(db, "f", md("f_b"));
    PyObject *B = mk("B", PyTuple_Pack(1, A), db);
    PyObject *b = PyObject_CallNoArgs(B);

    show("b.f()", PyObject_CallMethod(b, "f", NULL));
    PyObject *s = PyObject_CallFunction(sup, "OO", B, b);
    show("super(B, b)", PyObject_Repr(s));
    show("super(B, b).f()", PyObject_CallMethod(s, "f", NULL));
    show("super(B, b).only_a", attr(s, "only_a"));
    show("super(B, b).__class__", attr(s, "__class__"));
    show("super(B, b).__thisclass__", attr(s, "__thisclass__"));
    show("super(B, b).__self_class__", attr(s, "__self_class__"));
    show("super(B, b).nope", attr(s, "nope"));
    show("super(A, b).f()", PyObject_CallMethod(PyObject_CallFunction(sup, "OO", A, b), "f", NULL));
    show("super(B, B).f", attr(PyObject_CallFunction(sup, "OO", B, B), "f"));
    show("super(B, B)", PyObject_Repr(PyObject_CallFunction(sup, "OO", B, B)));
    show("super(int, 1)", PyObject_Repr(PyObject_CallFunction(sup, "Oi", &PyLong_Type, 1)));
    show("super(B, 1)", PyObject_CallFunction(sup, "Oi", B, 1));
    show("super(B, int)", PyObject_CallFunction(sup, "OO", B, &PyLong_Type));
    show("super(1)", PyObject_CallFunction(sup, "i", 1));
    show("super(B, b, 1)", PyObject_CallFunction(sup, "OOi", B, b, 1));
    show("super(B, k=1)", PyObject_Call(sup, PyTuple_Pack(1, B), Py_BuildValue("{s:i}", "k", 1)));
    PyObject *u = PyObject_CallFunction(sup, "O", B);
    show("super(B)", PyObject_Repr(u));
    show("super(B).__self__", attr(u, "__self__"));
    show("super(B).__get__(b)", PyObject_Repr(PyObject_CallMethod(u, "__get__", "O", b)));
    show("super(B).__get__(b).f()", PyObject_CallMethod(PyObject_CallMethod(u, "__get__", "O", b), "f", NULL));

    /* staticmethod, as the type dicts of C types hold them. */
    static PyMethodDef st_methods[] = {{"sm", plain, METH_VARARGS | METH_STATIC, NULL}, {NULL, NULL, 0, NULL}};
    static PyType_Slot st_slots[] = {{Py_tp_methods, st_methods}, {0, NULL}};
    static PyType_Spec st_spec = {"ext.St", 0, 0, Py_TPFLAGS_DEFAULT, st_slots};
    PyObject *St = PyType_FromSpec(&st_spec);
    PyObject *SM = PyObject_Type(PyObject_GetItem(PyObject_GetAttrString(St, "__dict__"), PyUnicode_FromString("sm")));
    show("type(St.__dict__['sm'])", Py_NewRef(SM));
    show("St.sm(1)", PyObject_CallMethod(St, "sm", "i", 1));
    PyObject *sm = PyObject_CallFunction(SM, "O", cf("plain"));
    show("staticmethod(plain)", PyObject_Repr(sm));
    show("sm.__func__", attr(sm, "__func__"));
    show("sm.__wrapped__", attr(sm, "__wrapped__"));
    show("sm.__name__", attr(sm, "__name__"));
    show("sm.__doc__", attr(sm, "__doc__"));
    show("sm.__isabstractmethod__", attr(sm, "__isabstractmethod__"));
    show("sm(1, 2)", PyObject_CallFunction(sm, "ii", 1, 2));
    show("sm.__get__(1)", PyObject_CallMethod(sm, "__get__", "i", 1));
    show("staticmethod()", PyObject_CallNoArgs(SM));
    show("staticmethod(f=1)", PyObject_Call(SM, PyTuple_New(0), Py_BuildValue("{s:i}", "f", 1)));
    show_int("sm.extra = 1", PyObject_SetAttrString(sm, "extra", PyLong_FromLong(1)));
    show("sm.__dict__", attr(sm, "__dict__"));
    PyObject *dsm = PyDict_New();
    PyDict_SetItemString(dsm, "s", sm);
    PyObject *C = mk("C", PyTuple_New(0), dsm);
    show("C.s(3)", PyObject_CallMethod(C, "s", "i", 3));
    show("C().s(4)", PyObject_CallMethod(PyObject_CallNoArgs(C), "s", "i", 4));

    /* property with __set_name__ */
    PyObject *prop = PyObject_CallFunction((PyObject *)&PyProperty_Type, "O", cf("get_x"));
    PyObject *dp = PyDict_New();
    PyDict_SetItemString(dp, "x", prop);
    PyObject *P = mk("P", PyTuple_New(0), dp);
    PyObject *p = PyObject_CallNoArgs(P);
    show("p.x", attr(p, "x"));
    show("P.x.__name__", attr(attr(P, "x"), "__name__"));
    show("P.x.__doc__", attr(attr(P, "x"), "__doc__"));
    show_int("p.x = 1", PyObject_SetAttrString(p, "x", PyLong_FromLong(1)));
    show_int("del p.x", PyObject_DelAttrString(p, "x"));
    show("P.x.__isabstractmethod__", attr(attr(P, "x"), "__isabstractmethod__"));
    PyObject *p2 = PyObject_CallMethod(attr(P, "x"), "setter", "O", cf("plain"));
    show("x.setter(plain).fset", attr(p2, "fset"));
    show("x.setter(plain).__name__", attr(p2, "__name__"));
    show("x.setter(plain).__doc__", attr(p2, "__doc__"));
    show("x.getter(plain).__doc__", attr(PyObject_CallMethod(attr(P, "x"), "getter", "O", cf("plain")), "__doc__"));
    show("x.deleter(None).fdel", attr(PyObject_CallMethod(attr(P, "x"), "deleter", "O", Py_None), "fdel"));
    show("property().__name__", attr(PyObject_CallNoArgs((PyObject *)&PyProperty_Type), "__name__"));

    /* __set_name__ hooks, and the note a failing one gets. */
    PyObject *dn = PyDict_New();
    PyDict_SetItemString(dn, "__set_name__", md("set_name_ok"));
    PyObject *Named = mk("Named", PyTuple_New(0), dn);
    PyObject *dh = PyDict_New();
    PyDict_SetItemString(dh, "attr", PyObject_CallNoArgs(Named));
    show("Holder", mk("Holder", PyTuple_New(0), dh));
    PyObject *dnf = PyDict_New();
    PyDict_SetItemString(dnf, "__set_name__", md("set_name_fail"));
    PyObject *Bad = mk("Bad", PyTuple_New(0), dnf);
    PyObject *dh2 = PyDict_New();
    PyDict_SetItemString(dh2, "zz", PyObject_CallNoArgs(Bad));
    PyObject *r = mk("Holder2", PyTuple_New(0), dh2);
    if (r == NULL) {
        PyObject *exc = PyErr_GetRaisedException();
        show("Holder2 exc", PyObject_Repr(exc));
        show("Holder2 notes", attr(exc, "__notes__"));
    }

    /* Annotations of classes (PEP 649 / 749). */
    PyObject *dan = PyDict_New();
    PyDict_SetItemString(dan, "__annotate__", cf("annot"));
    PyObject *AN = mk("AN", PyTuple_New(0), dan);
    show("AN.__annotations__", attr(AN, "__annotations__"));
    show("AN.__annotate__", attr(AN, "__annotate__"));
    show("sorted(AN.__dict__)", PySequence_List(attr(AN, "__dict__")));
    PyObject *PL = mk("PL", PyTuple_New(0), PyDict_New());
    show("PL.__annotations__", attr(PL, "__annotations__"));
    show("PL.__annotate__", attr(PL, "__annotate__"));
    show_int("PL.__annotate__ = 1", PyObject_SetAttrString(PL, "__annotate__", PyLong_FromLong(1)));
    show_int("PL.__annotations__ = {}", PyObject_SetAttrString(PL, "__annotations__", Py_BuildValue("{si}", "a", 1)));
    show("PL.__annotations__", attr(PL, "__annotations__"));
    show_int("del PL.__annotations__", PyObject_DelAttrString(PL, "__annotations__"));
    show_int("del PL.__annotations__ again", PyObject_DelAttrString(PL, "__annotations__"));
    show("int.__annotations__", attr((PyObject *)&PyLong_Type, "__annotations__"));
    PyObject *dbad = PyDict_New();
    PyDict_SetItemString(dbad, "__annotate__", cf("annot_bad"));
    show("BAD.__annotations__", attr(mk("BAD", PyTuple_New(0), dbad), "__annotations__"));
    END();
}
