/* Python classes made from C with type(name, bases, dict): dunders given as
 * method descriptors of `object` (PyDescr_NewMethod), so they take `self`. */
#include "common.h"
#include <string.h>

static PyObject *m_repr(PyObject *self, PyObject *u) { (void)u; return PyUnicode_FromFormat("<%T!>", self); }
static PyObject *m_str(PyObject *self, PyObject *u) { (void)self; (void)u; return PyUnicode_FromString("str-of-A"); }
static PyObject *m_len3(PyObject *self, PyObject *u) { (void)self; (void)u; return PyLong_FromLong(3); }
static PyObject *m_len_neg(PyObject *self, PyObject *u) { (void)self; (void)u; return PyLong_FromLong(-1); }
static PyObject *m_len_str(PyObject *self, PyObject *u) { (void)self; (void)u; return PyUnicode_FromString("x"); }
static PyObject *m_len0(PyObject *self, PyObject *u) { (void)self; (void)u; return PyLong_FromLong(0); }
static PyObject *m_add(PyObject *self, PyObject *o) { (void)self; return Py_BuildValue("(sO)", "add", o); }
static PyObject *m_radd(PyObject *self, PyObject *o) { (void)self; return Py_BuildValue("(sO)", "radd", o); }
static PyObject *m_radd_b(PyObject *self, PyObject *o) { (void)self; return Py_BuildValue("(sO)", "B.radd", o); }
static PyObject *m_iadd(PyObject *self, PyObject *o) { (void)self; return Py_BuildValue("(sO)", "iadd", o); }
static PyObject *m_ni(PyObject *self, PyObject *o) { (void)self; (void)o; Py_RETURN_NOTIMPLEMENTED; }
static PyObject *m_eq(PyObject *self, PyObject *o) { return PyBool_FromLong(self == o || PyLong_Check(o)); }
static PyObject *m_lt(PyObject *self, PyObject *o) { (void)self; (void)o; return PyUnicode_FromString("lt!"); }
static PyObject *m_getitem(PyObject *self, PyObject *k) { (void)self; return Py_BuildValue("(sO)", "item", k); }
static PyObject *m_setitem(PyObject *self, PyObject *a) { (void)self; printf("  setitem %s\n", u8(PyUnicode_FromFormat("%R", a))); Py_RETURN_NONE; }
static PyObject *m_delitem(PyObject *self, PyObject *k) { (void)self; printf("  delitem %s\n", u8(PyUnicode_FromFormat("%R", k))); Py_RETURN_NONE; }
static PyObject *m_contains(PyObject *self, PyObject *k) { (void)self; return PyBool_FromLong(PyLong_Check(k)); }
static PyObject *m_call(PyObject *self, PyObject *a, PyObject *kw) { (void)self; return Py_BuildValue("(sOO)", "called", a, kw ? kw : Py_None); }
static PyObject *m_bool_int(PyObject *self, PyObject *u) { (void)self; (void)u; return PyLong_FromLong(1); }
static PyObject *m_bool_false(PyObject *self, PyObject *u) { (void)self; (void)u; Py_RETURN_FALSE; }
static PyObject *m_index(PyObject *self, PyObject *u) { (void)self; (void)u; return PyLong_FromLong(2); }
static PyObject *m_getattr(PyObject *self, PyObject *n) { (void)self; return PyUnicode_FromFormat("dyn-%U", n); }
static PyObject *m_hash(PyObject *self, PyObject *u) { (void)self; (void)u; return PyLong_FromLong(12345); }
static PyObject *m_hash_str(PyObject *self, PyObject *u) { (void)self; (void)u; return PyUnicode_FromString("h"); }
static PyObject *m_iter(PyObject *self, PyObject *u) { (void)u; return PyObject_GetIter(PyObject_GetAttrString(self, "items")); }
static PyObject *m_init_ret(PyObject *self, PyObject *a, PyObject *kw) { (void)self; (void)a; (void)kw; return PyLong_FromLong(1); }
static PyObject *m_init_ok(PyObject *self, PyObject *a, PyObject *kw) { (void)kw; printf("  init args=%s\n", u8(PyUnicode_FromFormat("%R", a))); (void)self; Py_RETURN_NONE; }
static PyObject *m_del(PyObject *self, PyObject *u) { (void)self; (void)u; printf("  __del__ ran\n"); Py_RETURN_NONE; }
static PyObject *m_neg(PyObject *self, PyObject *u) { (void)self; (void)u; return PyUnicode_FromString("neg!"); }
static PyObject *m_pow(PyObject *self, PyObject *a) { (void)self; return Py_BuildValue("(sO)", "pow", a); }
static PyObject *m_setattr(PyObject *self, PyObject *a) { (void)self; printf("  setattr %s\n", u8(PyUnicode_FromFormat("%R", a))); Py_RETURN_NONE; }
static PyObject *m_get(PyObject *self, PyObject *a) { (void)self; return Py_BuildValue("(sO)", "get", a); }

static PyMethodDef defs[] = {
    {"__repr__", m_repr, METH_NOARGS, NULL}, {"__str__", m_str, METH_NOARGS, NULL},
    {"len3", m_len3, METH_NOARGS, NULL}, {"len_neg", m_len_neg, METH_NOARGS, NULL},
    {"len_str", m_len_str, METH_NOARGS, NULL}, {"len0", m_len0, METH_NOARGS, NULL},
    {"__add__", m_add, METH_O, NULL}, {"__radd__", m_radd, METH_O, NULL},
    {"radd_b", m_radd_b, METH_O, NULL}, {"__iadd__", m_iadd, METH_O, NULL},
    {"ni", m_ni, METH_O, NULL}, {"__eq__", m_eq, METH_O, NULL}, {"__lt__", m_lt, METH_O, NULL},
    {"__getitem__", m_getitem, METH_O, NULL}, {"__setitem__", m_setitem, METH_VARARGS, NULL},
    {"__delitem__", m_delitem, METH_O, NULL}, {"__contains__", m_contains, METH_O, NULL},
    {"__call__", (PyCFunction)(void (*)(void))m_call, METH_VARARGS | METH_KEYWORDS, NULL},
    {"bool_int", m_bool_int, METH_NOARGS, NULL}, {"bool_false", m_bool_false, METH_NOARGS, NULL},
    {"__index__", m_index, METH_NOARGS, NULL}, {"__getattr__", m_getattr, METH_O, NULL},
    {"__hash__", m_hash, METH_NOARGS, NULL}, {"hash_str", m_hash_str, METH_NOARGS, NULL},
    {"__iter__", m_iter, METH_NOARGS, NULL},
    {"init_ret", (PyCFunction)(void (*)(void))m_init_ret, METH_VARARGS | METH_KEYWORDS, NULL},
    {"init_ok", (PyCFunction)(void (*)(void))m_init_ok, METH_VARARGS | METH_KEYWORDS, NULL},
    {"__del__", m_del, METH_NOARGS, NULL}, {"__neg__", m_neg, METH_NOARGS, NULL},
    {"__pow__", m_pow, METH_VARARGS, NULL}, {"__setattr__", m_setattr, METH_VARARGS, NULL},
    {"__get__", m_get, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

/* A method descriptor of `object` for the C function named `fn`. */
static PyObject *md(const char *fn)
{
    for (PyMethodDef *d = defs; d->ml_name; d++)
        if (strcmp(d->ml_name, fn) == 0)
            return PyDescr_NewMethod(&PyBaseObject_Type, d);
    printf("no def %s\n", fn);
    return NULL;
}

/* type(name, bases, {k1: md(f1), ...}); pairs end with NULL. Bases: a tuple. */
static PyObject *cls(const char *name, PyObject *bases, ...)
{
    va_list ap;
    PyObject *d = PyDict_New();
    PyDict_SetItemString(d, "__module__", PyUnicode_FromString("mod"));
    va_start(ap, bases);
    for (;;) {
        const char *k = va_arg(ap, const char *);
        if (!k) break;
        const char *f = va_arg(ap, const char *);
        PyObject *v = md(f);
        PyDict_SetItemString(d, k, v);
        Py_DECREF(v);
    }
    va_end(ap);
    PyObject *r = PyObject_CallFunction((PyObject *)&PyType_Type, "sOO", name, bases, d);
    Py_DECREF(d);
    return r;
}

static PyObject *call0(PyObject *t) { return PyObject_CallNoArgs(t); }
static PyObject *tup(PyObject *a) { return PyTuple_Pack(1, a); }
static PyObject *tup2(PyObject *a, PyObject *b) { return PyTuple_Pack(2, a, b); }
static PyObject *attr(PyObject *o, const char *n) { return PyObject_GetAttrString(o, n); }

int main(void)
{
    BEGIN();
    PyObject *empty = PyTuple_New(0);
    PyObject *one = PyLong_FromLong(1);
    PyObject *A = cls("A", empty, "__repr__", "__repr__", "__str__", "__str__", "__len__", "len3",
                      "__add__", "__add__", "__radd__", "__radd__", "__eq__", "__eq__", "__lt__", "__lt__",
                      "__getitem__", "__getitem__", "__setitem__", "__setitem__", "__delitem__", "__delitem__",
                      "__contains__", "__contains__", "__call__", "__call__", "__index__", "__index__",
                      "__getattr__", "__getattr__", "__neg__", "__neg__", "__pow__", "__pow__", NULL);
    show("A", Py_NewRef(A));
    show("A.__mro__", attr(A, "__mro__"));
    show("A.__name__", attr(A, "__name__"));
    show("A.__qualname__", attr(A, "__qualname__"));
    show("A.__doc__", attr(A, "__doc__"));
    show("A.__hash__ (eq without hash)", attr(A, "__hash__"));
    PyObject *a = call0(A);
    show("repr(a)", PyObject_Repr(a));
    show("str(a)", PyObject_Str(a));
    show_int("len(a)", (long)PyObject_Length(a));
    show("a + 1", PyNumber_Add(a, one));
    show("1 + a", PyNumber_Add(one, a));
    show("a += 1", PyNumber_InPlaceAdd(a, one));
    show("a - 1", PyNumber_Subtract(a, one));
    show("-a", PyNumber_Negative(a));
    show("~a", PyNumber_Invert(a));
    show("pow(a, 2)", PyNumber_Power(a, one, Py_None));
    show("a == 1", PyObject_RichCompare(a, one, Py_EQ));
    show("a != 1", PyObject_RichCompare(a, one, Py_NE));
    show("a != a", PyObject_RichCompare(a, a, Py_NE));
    show("a < 1", PyObject_RichCompare(a, one, Py_LT));
    show("1 > a", PyObject_RichCompare(one, a, Py_GT));
    show("a >= 1", PyObject_RichCompare(a, one, Py_GE));
    show_int("hash(a)", (long)PyObject_Hash(a));
    show("a[5]", PyObject_GetItem(a, one));
    show_int("a['k'] = 1", PyObject_SetItem(a, empty, one));
    show_int("del a[1]", PyObject_DelItem(a, one));
    show_int("1 in a", PySequence_Contains(a, one));
    show_int("'x' in a", PySequence_Contains(a, empty));
    show("a(1, k=2)", PyObject_Call(a, tup(one), Py_BuildValue("{s:i}", "k", 2)));
    show("index(a)", PyNumber_Index(a));
    show("a.zzz", attr(a, "zzz"));
    show_int("bool(a) (len)", PyObject_IsTrue(a));
    show_int("PySequence_Check(a)", PySequence_Check(a));
    show_int("PyMapping_Check(a)", PyMapping_Check(a));
    show("iter(a) (getitem only)", PyObject_Type(PyObject_GetIter(a)));

    /* A subclass that overrides __radd__ is tried first. */
    PyObject *B = cls("B", tup(A), "__radd__", "radd_b", NULL);
    PyObject *b = call0(B);
    show("B.__mro__", attr(B, "__mro__"));
    show("a + b", PyNumber_Add(a, b));
    show("b + a", PyNumber_Add(b, a));
    show("b + 1", PyNumber_Add(b, one));
    PyObject *B2 = cls("B2", tup(A), NULL);
    PyObject *b2 = call0(B2);
    show("a + b2 (no override)", PyNumber_Add(a, b2));
    /* NotImplemented everywhere -> TypeError. */
    PyObject *N = cls("N", empty, "__add__", "ni", "__radd__", "ni", NULL);
    PyObject *nobj = call0(N);
    show("n + n", PyNumber_Add(nobj, nobj));
    show("n + 1", PyNumber_Add(nobj, one));

    /* Setting a dunder on the class later updates it and its subclasses. */
    show_int("A.__len__ = len0", PyObject_SetAttrString(A, "__len__", md("len0")));
    show_int("len(a)", (long)PyObject_Length(a));
    show_int("len(b)", (long)PyObject_Length(b));
    show_int("bool(b)", PyObject_IsTrue(b));
    show_int("A.__len__ = len_neg", PyObject_SetAttrString(A, "__len__", md("len_neg")));
    show_int("len(a)", (long)PyObject_Length(a));
    show_int("bool(a)", PyObject_IsTrue(a));
    show_int("A.__len__ = len_str", PyObject_SetAttrString(A, "__len__", md("len_str")));
    show_int("len(a)", (long)PyObject_Length(a));
    show_int("del A.__len__", PyObject_DelAttrString(A, "__len__"));
    show_int("len(a)", (long)PyObject_Length(a));
    show_int("A.__bool__ = bool_int", PyObject_SetAttrString(A, "__bool__", md("bool_int")));
    show_int("bool(b)", PyObject_IsTrue(b));
    show_int("A.__bool__ = bool_false", PyObject_SetAttrString(A, "__bool__", md("bool_false")));
    show_int("bool(b)", PyObject_IsTrue(b));
    show_int("B.__add__ = None", PyObject_SetAttrString(B, "__add__", Py_None));
    show("b + 1", PyNumber_Add(b, one));
    show_int("A.__hash__ = hash", PyObject_SetAttrString(A, "__hash__", md("__hash__")));
    show_int("hash(a)", (long)PyObject_Hash(a));
    show_int("hash(b)", (long)PyObject_Hash(b));
    show_int("A.__hash__ = hash_str", PyObject_SetAttrString(A, "__hash__", md("hash_str")));
    show_int("hash(a)", (long)PyObject_Hash(a));
    show_int("A.__iter__ = None", PyObject_SetAttrString(A, "__iter__", Py_None));
    show("iter(a)", PyObject_GetIter(a));
    show_int("A.__contains__ = None", PyObject_SetAttrString(A, "__contains__", Py_None));
    show_int("1 in a", PySequence_Contains(a, one));

    /* Subclasses of C types keep the C slots they do not override. */
    PyObject *I = cls("I", tup((PyObject *)&PyLong_Type), NULL);
    PyObject *i5 = PyObject_CallFunction(I, "i", 5);
    show("I(5)", Py_NewRef(i5));
    show("I(5) + 1", PyNumber_Add(i5, one));
    show("I(5) * I(5)", PyNumber_Multiply(i5, i5));
    show("-I(5)", PyNumber_Negative(i5));
    show_int("hash(I(5))", (long)PyObject_Hash(i5));
    show("I.__mro__", attr(I, "__mro__"));
    show_int("I(5).x = 1", PyObject_SetAttrString(i5, "x", one));
    show("I(5).x", attr(i5, "x"));
    PyObject *I2 = cls("I2", tup((PyObject *)&PyLong_Type), "__add__", "__add__", NULL);
    PyObject *i7 = PyObject_CallFunction(I2, "i", 7);
    show("I2(7) + 1", PyNumber_Add(i7, one));
    show("1 + I2(7)", PyNumber_Add(one, i7));
    show("I2(7) - 1", PyNumber_Subtract(i7, one));
    PyObject *L = cls("L", tup((PyObject *)&PyList_Type), NULL);
    PyObject *l = call0(L);
    show_int("L().append", PyList_Append(l, one));
    show("L() + [2]", PyNumber_Add(l, PyList_New(0)));
    show_int("len(L())", (long)PyObject_Length(l));
    PyObject *D = cls("D", tup((PyObject *)&PyDict_Type), NULL);
    PyObject *dd = call0(D);
    show_int("D()[1] = 1", PyObject_SetItem(dd, one, one));
    show("D()", Py_NewRef(dd));
    PyObject *S = cls("S", tup((PyObject *)&PyUnicode_Type), NULL);
    show("S('hi')", PyObject_CallFunction(S, "s", "hi"));
    PyObject *T = cls("T", tup((PyObject *)&PyTuple_Type), NULL);
    PyObject *tt = PyObject_CallFunction(T, "((ii))", 1, 2);
    show("T((1,2))", Py_NewRef(tt));
    show_int("T(...).a = 1", PyObject_SetAttrString(tt, "a", one));
    show("T(...).a", attr(tt, "a"));
    PyObject *E = cls("E", tup(PyExc_ValueError), NULL);
    show("E('m')", PyObject_CallFunction(E, "s", "m"));
    show("E.__mro__", attr(E, "__mro__"));

    /* MRO and layout errors. */
    show("C(A, B)", PyObject_CallFunction((PyObject *)&PyType_Type, "s(OO){}", "C", A, B));
    show("C(B, A)", PyObject_CallFunction((PyObject *)&PyType_Type, "s(OO){}", "C", B, A));
    show("C(int, str)", PyObject_CallFunction((PyObject *)&PyType_Type, "s(OO){}", "C", &PyLong_Type, &PyUnicode_Type));
    show("C(bool)", PyObject_CallFunction((PyObject *)&PyType_Type, "s(O){}", "C", &PyBool_Type));
    show("C(A, A)", PyObject_CallFunction((PyObject *)&PyType_Type, "s(OO){}", "C", A, A));
    show("C(1)", PyObject_CallFunction((PyObject *)&PyType_Type, "s(i){}", "C", 1));
    show("type(1, 2)", PyObject_CallFunction((PyObject *)&PyType_Type, "ii", 1, 2));
    show("C: qualname 1", PyObject_CallFunction((PyObject *)&PyType_Type, "s(){s:i}", "C", "__qualname__", 1));
    show("C: qualname", attr(PyObject_CallFunction((PyObject *)&PyType_Type, "s(){s:s}", "C", "__qualname__", "X.C"), "__qualname__"));
    show("C: kw", PyObject_Call((PyObject *)&PyType_Type, Py_BuildValue("(s(){})", "C"), Py_BuildValue("{s:i}", "x", 1)));
    show("C: __module__", attr(PyObject_CallFunction((PyObject *)&PyType_Type, "s(){s:s}", "C", "__module__", "mod"), "__module__"));
    show("C: repr", PyObject_Repr(PyObject_CallFunction((PyObject *)&PyType_Type, "s(){s:s}", "C", "__module__", "mod")));
    show("C: doc", attr(PyObject_CallFunction((PyObject *)&PyType_Type, "s(){s:s}", "C", "__doc__", "the doc"), "__doc__"));
    PyObject *M1 = PyObject_CallFunction((PyObject *)&PyType_Type, "s(O){}", "M1", &PyType_Type);
    PyObject *M2 = PyObject_CallFunction((PyObject *)&PyType_Type, "s(O){}", "M2", &PyType_Type);
    PyObject *X1 = PyObject_CallFunction(M1, "s(){}", "X1");
    PyObject *X2 = PyObject_CallFunction(M2, "s(){}", "X2");
    show("type(X1)", PyObject_Type(X1));
    show("C(X1, X2)", PyObject_CallFunction((PyObject *)&PyType_Type, "s(OO){}", "C", X1, X2));
    show("type(C(X1))", PyObject_Type(PyObject_CallFunction((PyObject *)&PyType_Type, "s(O){}", "C", X1)));

    /* __slots__ */
    PyObject *SL = PyObject_CallFunction((PyObject *)&PyType_Type, "s(){s:(ss)s:s}", "SL", "__slots__", "b", "a", "__module__", "mod");
    PyObject *sl = call0(SL);
    show("SL.a", attr(SL, "a"));
    show("sl.a (unset)", attr(sl, "a"));
    show_int("sl.a = 1", PyObject_SetAttrString(sl, "a", one));
    show("sl.a", attr(sl, "a"));
    show_int("del sl.a", PyObject_DelAttrString(sl, "a"));
    show_int("del sl.a again", PyObject_DelAttrString(sl, "a"));
    show_int("sl.c = 1", PyObject_SetAttrString(sl, "c", one));
    show("sl.__dict__", attr(sl, "__dict__"));
    show("weakref(sl)", PyWeakref_NewRef(sl, NULL));
    show("SL slots conflict", PyObject_CallFunction((PyObject *)&PyType_Type, "s(){s:(s)s:i}", "SL", "__slots__", "a", "a", 1));
    show("SL slots int", PyObject_CallFunction((PyObject *)&PyType_Type, "s(){s:(i)}", "SL", "__slots__", 1));
    show("SL slots 'a b'", PyObject_CallFunction((PyObject *)&PyType_Type, "s(){s:(s)}", "SL", "__slots__", "a b"));
    show("SL dict twice", PyObject_CallFunction((PyObject *)&PyType_Type, "s(){s:(ss)}", "SL", "__slots__", "__dict__", "__dict__"));
    show("SL(int) slots", PyObject_CallFunction((PyObject *)&PyType_Type, "s(O){s:(s)}", "SL", &PyLong_Type, "__slots__", "a"));
    PyObject *SL2 = PyObject_CallFunction((PyObject *)&PyType_Type, "s(){s:(s)}", "SL2", "__slots__", "__x");
    show("SL2 mangled", PyObject_Dir(SL2));
    PyObject *SLD = PyObject_CallFunction((PyObject *)&PyType_Type, "s(){s:(ss)}", "SLD", "__slots__", "a", "__dict__");
    PyObject *sld = call0(SLD);
    show_int("sld.z = 1", PyObject_SetAttrString(sld, "z", one));
    show("sld.__dict__", attr(sld, "__dict__"));
    show("C(SL, SLD)", PyObject_CallFunction((PyObject *)&PyType_Type, "s(OO){}", "C", SL, SLD));

    /* object.__new__/__init__ argument errors, __init__ results. */
    PyObject *P = PyObject_CallFunction((PyObject *)&PyType_Type, "s(){}", "P");
    show("P(1)", PyObject_CallFunction(P, "i", 1));
    show("object.__init__(p, 1)", PyObject_CallMethod((PyObject *)&PyBaseObject_Type, "__init__", "Oi", call0(P), 1));
    PyObject *Q = cls("Q", empty, "__init__", "init_ret", NULL);
    show("Q()", call0(Q));
    PyObject *R = cls("R", empty, "__init__", "init_ok", NULL);
    show("R(1, 2)", PyObject_Type(PyObject_CallFunction(R, "ii", 1, 2)));
    show("object.__new__(R, 1)", PyObject_Type(PyObject_CallMethod((PyObject *)&PyBaseObject_Type, "__new__", "Oi", R, 1)));

    /* __del__, weakrefs, __class__ assignment, __dict__. */
    PyObject *DL = cls("DL", empty, "__del__", "__del__", NULL);
    PyObject *dl = call0(DL);
    PyObject *w = PyWeakref_NewRef(dl, NULL);
    PyObject *alive = PyObject_CallNoArgs(w);
    show("weakref alive", PyObject_Type(alive));
    Py_DECREF(alive);
    printf("dropping dl\n");
    Py_DECREF(dl);
    show("weakref dead", PyObject_CallNoArgs(w));
    PyObject *p = call0(P);
    show_int("p.__class__ = R", PyObject_SetAttrString(p, "__class__", R));
    show("type(p)", PyObject_Type(p));
    show_int("p.__class__ = SL", PyObject_SetAttrString(p, "__class__", SL));
    show_int("p.__class__ = int", PyObject_SetAttrString(p, "__class__", (PyObject *)&PyLong_Type));
    show_int("p.__class__ = 1", PyObject_SetAttrString(p, "__class__", one));
    show_int("p.x = 1", PyObject_SetAttrString(p, "x", one));
    show("p.__dict__", attr(p, "__dict__"));
    show_int("p.__dict__ = 1", PyObject_SetAttrString(p, "__dict__", one));
    show("format(p, 'x')", PyObject_Format(p, PyUnicode_FromString("x")));
    show("format(1.5, '')", PyObject_Format(PyFloat_FromDouble(1.5), PyUnicode_FromString("")));
    show("p.__sizeof__() > 0", PyObject_RichCompare(PyObject_CallMethod(p, "__sizeof__", NULL), PyLong_FromLong(0), Py_GT));
    show("p.__getstate__()", PyObject_CallMethod(p, "__getstate__", NULL));
    show("sl.__getstate__()", PyObject_CallMethod(sl, "__getstate__", NULL));
    show("P.__subclasshook__()", PyObject_CallMethod(P, "__subclasshook__", NULL));
    show("A.__subclasses__()", PyObject_CallMethod(A, "__subclasses__", NULL));

    /* __setattr__, __getattribute__ through the class; descriptors defined in Python. */
    PyObject *SA = cls("SA", empty, "__setattr__", "__setattr__", NULL);
    show_int("sa.x = 1", PyObject_SetAttrString(call0(SA), "x", one));
    PyObject *G = cls("G", empty, "__get__", "__get__", NULL);
    PyObject *dct = PyDict_New();
    PyDict_SetItemString(dct, "g", call0(G));
    PyObject *H = PyObject_CallFunction((PyObject *)&PyType_Type, "s()O", "H", dct);
    show("H().g[0]", PySequence_GetItem(attr(call0(H), "g"), 0));
    show("H.g", attr(H, "g"));

    Py_DECREF(empty);
    END();
}
