/* numbers: the number protocol's dispatch over heap types made with
 * PyType_FromSpec (needs the types area): reflected operands, subclass
 * priority, NotImplemented, in-place slots, ternary pow, nb_index/nb_int/
 * nb_float conversions, int and float subclasses. */
#include "common.h"
#pragma GCC diagnostic ignored "-Wunused-parameter"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

static PyObject *I(long v) { return PyLong_FromLong(v); }

/* A number-like type: every binary slot reports which operands it saw. */
static PyObject *tag_binop(const char *op, PyObject *a, PyObject *b)
{
    PyObject *ta = PyType_GetQualName(Py_TYPE(a)), *tb = PyType_GetQualName(Py_TYPE(b));
    PyObject *r = PyUnicode_FromFormat("%s(%U,%U)", op, ta, tb);
    Py_DECREF(ta);
    Py_DECREF(tb);
    return r;
}
static PyObject *num_add(PyObject *a, PyObject *b) { return tag_binop("Num.add", a, b); }
static PyObject *num_sub(PyObject *a, PyObject *b) { Py_RETURN_NOTIMPLEMENTED; }
static PyObject *num_iadd(PyObject *a, PyObject *b) { return tag_binop("Num.iadd", a, b); }
static PyObject *num_pow(PyObject *a, PyObject *b, PyObject *c) { return tag_binop("Num.pow", a, c); }
static PyObject *num_index(PyObject *a) { return PyLong_FromLong(41); }
static PyObject *num_neg(PyObject *a) { return PyUnicode_FromString("Num.neg"); }
static PyType_Slot num_slots[] = {
    {Py_nb_add, num_add}, {Py_nb_subtract, num_sub}, {Py_nb_inplace_add, num_iadd},
    {Py_nb_power, num_pow}, {Py_nb_index, num_index}, {Py_nb_negative, num_neg}, {0, NULL}};
static PyType_Spec num_spec = {"numtest.Num", sizeof(PyObject), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE, num_slots};

/* A subclass of Num with its own add: it must be tried first. */
static PyObject *sub_add(PyObject *a, PyObject *b) { return tag_binop("SubNum.add", a, b); }
static PyType_Slot subnum_slots[] = {{Py_nb_add, sub_add}, {0, NULL}};
static PyType_Spec subnum_spec = {"numtest.SubNum", sizeof(PyObject), 0, Py_TPFLAGS_DEFAULT, subnum_slots};

/* An int subclass whose add answers NotImplemented for ints. */
static PyObject *myint_add(PyObject *a, PyObject *b) { return tag_binop("MyInt.add", a, b); }
static PyType_Slot myint_slots[] = {{Py_nb_add, myint_add}, {0, NULL}};

/* A float-convertible type (nb_float only) and an int-convertible one. */
static PyObject *fl_float(PyObject *a) { return PyFloat_FromDouble(2.5); }
static PyType_Slot fl_slots[] = {{Py_nb_float, fl_float}, {0, NULL}};
static PyType_Spec fl_spec = {"numtest.Fl", sizeof(PyObject), 0, Py_TPFLAGS_DEFAULT, fl_slots};
static PyObject *in_int(PyObject *a) { return PyLong_FromLong(9); }
static PyType_Slot in_slots[] = {{Py_nb_int, in_int}, {0, NULL}};
static PyType_Spec in_spec = {"numtest.In", sizeof(PyObject), 0, Py_TPFLAGS_DEFAULT, in_slots};
static PyObject *bad_float(PyObject *a) { return PyLong_FromLong(1); }
static PyObject *bad_index(PyObject *a) { return PyFloat_FromDouble(1.0); }
static PyType_Slot bad_slots[] = {{Py_nb_float, bad_float}, {Py_nb_index, bad_index}, {Py_nb_int, bad_index}, {0, NULL}};
static PyType_Spec bad_spec = {"numtest.Bad", sizeof(PyObject), 0, Py_TPFLAGS_DEFAULT, bad_slots};

static PyObject *make(PyObject *type)
{
    PyTypeObject *t = (PyTypeObject *)type;
    allocfunc a = (allocfunc)PyType_GetSlot(t, Py_tp_alloc);
    return a(t, 0);
}

int main(void)
{
    BEGIN();
    PyObject *Num = PyType_FromSpec(&num_spec);
    PyObject *bases = PyTuple_Pack(1, Num);
    PyObject *SubNum = PyType_FromSpecWithBases(&subnum_spec, bases);
    Py_DECREF(bases);
    bases = PyTuple_Pack(1, (PyObject *)&PyLong_Type);
    PyType_Spec myint_spec = {"numtest.MyInt", 0, 0, Py_TPFLAGS_DEFAULT, myint_slots};
    PyObject *MyInt = PyType_FromSpecWithBases(&myint_spec, bases);
    Py_DECREF(bases);
    PyObject *Fl = PyType_FromSpec(&fl_spec), *In = PyType_FromSpec(&in_spec), *Bad = PyType_FromSpec(&bad_spec);
    if (!Num || !SubNum || !MyInt || !Fl || !In || !Bad) {
        show("setup", NULL);
        END();
    }
    PyObject *n = make(Num), *s = make(SubNum), *fl = make(Fl), *in = make(In), *bad = make(Bad);
    PyObject *mi = PyObject_CallFunction(MyInt, "i", 5);
    show("num+int", PyNumber_Add(n, I(1)));
    show("int+num", PyNumber_Add(I(1), n));
    show("num+sub", PyNumber_Add(n, s));
    show("sub+num", PyNumber_Add(s, n));
    show("num-int", PyNumber_Subtract(n, I(1)));
    show("int-num", PyNumber_Subtract(I(1), n));
    show("num*int", PyNumber_Multiply(n, I(2)));
    show("num+=int", PyNumber_InPlaceAdd(n, I(1)));
    show("int+=num", PyNumber_InPlaceAdd(I(1), n));
    show("num-=int", PyNumber_InPlaceSubtract(n, I(1)));
    show("num**int", PyNumber_Power(n, I(2), Py_None));
    show("int**num", PyNumber_Power(I(2), n, Py_None));
    show("pow(int,int,num)", PyNumber_Power(I(2), I(3), n));
    show("num**=int", PyNumber_InPlacePower(n, I(2), Py_None));
    show("-num", PyNumber_Negative(n));
    show("~num", PyNumber_Invert(n));
    show("abs(num)", PyNumber_Absolute(n));
    show("index(num)", PyNumber_Index(n));
    show("long(num)", PyNumber_Long(n));
    show("float(num)", PyNumber_Float(n));
    show("tobase(num)", PyNumber_ToBase(n, 16));
    show_int("asssize(num)", (long)PyNumber_AsSsize_t(n, NULL));
    show_int("aslong(num)", PyLong_AsLong(n));
    show_int("check(num)", PyNumber_Check(n));
    show_int("index_check(num)", PyIndex_Check(n));
    show("int*num(seq?)", PyNumber_Multiply(I(3), n));
    show("myint", Py_NewRef(mi));
    show("myint+int", PyNumber_Add(mi, I(1)));
    show("int+myint", PyNumber_Add(I(1), mi));
    show("myint*int", PyNumber_Multiply(mi, I(3)));
    show("myint-myint", PyNumber_Subtract(mi, mi));
    show("long(myint)", PyNumber_Long(mi));
    show("index(myint)", PyNumber_Index(mi));
    show("float(myint)", PyNumber_Float(mi));
    show_int("aslong(myint)", PyLong_AsLong(mi));
    show("float(fl)", PyNumber_Float(fl));
    show("long(fl)", PyNumber_Long(fl));
    show_int("check(fl)", PyNumber_Check(fl));
    printf("asdouble(fl): %g\n", PyFloat_AsDouble(fl));
    show("long(in)", PyNumber_Long(in));
    show("float(in)", PyNumber_Float(in));
    show_int("aslong(in)", PyLong_AsLong(in));
    PyErr_Clear();
    show("float(bad)", PyNumber_Float(bad));
    show("index(bad)", PyNumber_Index(bad));
    show("long(bad)", PyNumber_Long(bad));
    printf("asdouble(bad): %g\n", PyFloat_AsDouble(bad));
    show("", NULL);
    show("complex(fl)", PyObject_CallFunction((PyObject *)&PyComplex_Type, "O", fl));
    show("int(in)", PyObject_CallFunction((PyObject *)&PyLong_Type, "O", in));
    show("float(in)", PyObject_CallFunction((PyObject *)&PyFloat_Type, "O", in));
    show("float(n)", PyObject_CallFunction((PyObject *)&PyFloat_Type, "O", n));
    show("int(myint)", PyObject_CallFunction((PyObject *)&PyLong_Type, "O", mi));
    show("myint('12', 8)", PyObject_CallFunction(MyInt, "si", "12", 8));
    show("myint.to_bytes", PyObject_CallMethod(mi, "to_bytes", "is", 2, "big"));
    show("myint.from_bytes", PyObject_CallMethod(MyInt, "from_bytes", "ys", "\x01\x02", "big"));
    Py_DECREF(n); Py_DECREF(s); Py_DECREF(fl); Py_DECREF(in); Py_DECREF(bad); Py_DECREF(mi);
    END();
}
