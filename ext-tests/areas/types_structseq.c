/* types: struct sequences, Py_GenericAlias, type(name, bases, dict). */
#include "common.h"
#pragma GCC diagnostic ignored "-Wunused-parameter"

static PyStructSequence_Field fields[] = {
    {"st_mode", "protection bits"},
    {"st_size", NULL},
    {"st_extra", "invisible"},
    {NULL, NULL}
};
static PyStructSequence_Desc desc = {"mod.stat_result", "stat doc", fields, 2};

static PyObject *f_hi(PyObject *self, PyObject *u) { return PyUnicode_FromString("hi"); }
static PyMethodDef hi_def = {"hi", f_hi, METH_NOARGS, NULL};
static PyObject *f_get(PyObject *self, PyObject *obj) { return Py_BuildValue("(sO)", "got", (PyObject *)Py_TYPE(obj)); }
static PyMethodDef get_def = {"getter_fn", f_get, METH_O, "getter doc"};

int main(void)
{
    BEGIN();
    PyTypeObject *T = PyStructSequence_NewType(&desc);
    show("type", T ? PyObject_Repr((PyObject *)T) : NULL);
    show("mro", PyObject_GetAttrString((PyObject *)T, "__mro__"));
    show("doc", PyObject_GetAttrString((PyObject *)T, "__doc__"));
    show("n_fields", PyObject_GetAttrString((PyObject *)T, "n_fields"));
    show("n_sequence_fields", PyObject_GetAttrString((PyObject *)T, "n_sequence_fields"));
    show("n_unnamed_fields", PyObject_GetAttrString((PyObject *)T, "n_unnamed_fields"));
    show("match_args", PyObject_GetAttrString((PyObject *)T, "__match_args__"));
    show("member_doc", PyObject_GetAttrString(PyObject_GetAttrString((PyObject *)T, "st_mode"), "__doc__"));
    PyObject *s = PyStructSequence_New(T);
    PyStructSequence_SetItem(s, 0, PyLong_FromLong(420));
    PyStructSequence_SetItem(s, 1, PyLong_FromLong(1024));
    PyStructSequence_SetItem(s, 2, PyUnicode_FromString("hidden"));
    show("repr", PyObject_Repr(s));
    show("getitem0", Py_NewRef(PyStructSequence_GetItem(s, 0)));
    show("getitem2", Py_NewRef(PyStructSequence_GetItem(s, 2)));
    show("attr_mode", PyObject_GetAttrString(s, "st_mode"));
    show("attr_extra", PyObject_GetAttrString(s, "st_extra"));
    show_int("size", (long)Py_SIZE(s));
    show_int("is_tuple", PyTuple_Check(s));
    show("setattr_ro", PyObject_SetAttrString(s, "st_mode", PyLong_FromLong(1)) < 0 ? NULL : Py_NewRef(Py_None));
    show("new_call", PyObject_CallFunction((PyObject *)T, "((ii))", 1, 2));
    show("new_call3", PyObject_CallFunction((PyObject *)T, "((iii))", 1, 2, 3));
    show("new_call_short", PyObject_CallFunction((PyObject *)T, "((i))", 1));
    show("new_call_long", PyObject_CallFunction((PyObject *)T, "((iiii))", 1, 2, 3, 4));
    show("new_call_extra_attr", PyObject_GetAttrString(PyObject_CallFunction((PyObject *)T, "((ii))", 1, 2), "st_extra"));
    Py_DECREF(s);
    PyObject *bases = Py_BuildValue("(O)", (PyObject *)T);
    PyType_Slot ss[] = {{0, NULL}};
    PyType_Spec sub = {"mod.Sub", 0, 0, 0, ss};
    show("subclass", PyType_FromSpecWithBases(&sub, bases));
    Py_DECREF(bases);
    Py_DECREF(T);
    /* GenericAlias */
    PyObject *ga = Py_GenericAlias((PyObject *)&PyList_Type, (PyObject *)&PyLong_Type);
    show("ga_repr", PyObject_Repr(ga));
    show("ga_origin", PyObject_GetAttrString(ga, "__origin__"));
    show("ga_args", PyObject_GetAttrString(ga, "__args__"));
    show("ga_params", PyObject_GetAttrString(ga, "__parameters__"));
    show("ga_type", PyObject_Repr((PyObject *)Py_TYPE(ga)));
    PyObject *args2 = Py_BuildValue("(OO)", (PyObject *)&PyUnicode_Type, Py_Ellipsis);
    PyObject *ga2 = Py_GenericAlias((PyObject *)&PyDict_Type, args2);
    show("ga2_repr", PyObject_Repr(ga2));
    PyObject *ga3 = Py_GenericAlias((PyObject *)&PyTuple_Type, PyTuple_New(0));
    show("ga3_repr", PyObject_Repr(ga3));
    PyObject *ga4 = Py_GenericAlias((PyObject *)&PyList_Type, ga);
    show("ga4_repr", PyObject_Repr(ga4));
    Py_DECREF(ga); Py_DECREF(ga2); Py_DECREF(ga3); Py_DECREF(ga4); Py_DECREF(args2);
    /* type(name, bases, dict) */
    PyObject *fn = PyCFunction_New(&hi_def, NULL);
    PyObject *ns = Py_BuildValue("{s:i,s:O,s:s}", "attr", 5, "fn", fn, "__module__", "mymod");
    PyObject *C = PyObject_CallFunction((PyObject *)&PyType_Type, "s()O", "Made", ns);
    show("type3_repr", C ? PyObject_Repr(C) : NULL);
    show("type3_attr", PyObject_GetAttrString(C, "attr"));
    show("type3_name", PyObject_GetAttrString(C, "__name__"));
    show("type3_mro", PyObject_GetAttrString(C, "__mro__"));
    show("type3_fn", PyObject_CallMethod(C, "fn", NULL));
    PyObject *inst = C ? PyObject_CallNoArgs(C) : NULL;
    show("type3_inst_type", inst ? PyObject_Repr((PyObject *)Py_TYPE(inst)) : NULL);
    show("type3_inst_setattr", inst && PyObject_SetAttrString(inst, "z", PyLong_FromLong(3)) == 0 ? PyObject_GetAttrString(inst, "z") : NULL);
    show("type3_inst_args", C ? PyObject_CallFunction(C, "i", 1) : NULL);
    show("type1", PyObject_CallFunction((PyObject *)&PyType_Type, "(i)", 1));
    show("type2", PyObject_CallFunction((PyObject *)&PyType_Type, "(ss)", "a", "b"));
    show("type3_badname", PyObject_CallFunction((PyObject *)&PyType_Type, "(i()O)", 1, ns));
    show("type3_badbases", PyObject_CallFunction((PyObject *)&PyType_Type, "(siO)", "X", 1, ns));
    show("type3_baddict", PyObject_CallFunction((PyObject *)&PyType_Type, "(s()i)", "X", 1));
    PyObject *b2 = Py_BuildValue("(O)", (PyObject *)&PyBool_Type);
    show("type3_badbase", PyObject_CallFunction((PyObject *)&PyType_Type, "(sOO)", "X", b2, ns));
    Py_XDECREF(inst); Py_XDECREF(C); Py_DECREF(ns); Py_DECREF(fn); Py_DECREF(b2);
    /* property */
    {
        PyObject *g = PyCFunction_New(&get_def, NULL);
        PyObject *prop = PyObject_CallFunction((PyObject *)&PyProperty_Type, "O", g);
        show("prop_repr_type", prop ? PyObject_Repr((PyObject *)Py_TYPE(prop)) : NULL);
        show("prop_doc", PyObject_GetAttrString(prop, "__doc__"));
        show("prop_fget_is", PyBool_FromLong(PyObject_GetAttrString(prop, "fget") == g));
        show("prop_fset", PyObject_GetAttrString(prop, "fset"));
        PyObject *ns2 = Py_BuildValue("{s:O,s:s}", "p", prop, "__module__", "m");
        PyObject *K = PyObject_CallFunction((PyObject *)&PyType_Type, "s()O", "K", ns2);
        PyObject *k = K ? PyObject_CallNoArgs(K) : NULL;
        show("prop_get", k ? PyObject_GetAttrString(k, "p") : NULL);
        show("prop_on_class_is_prop", PyBool_FromLong(K && PyObject_GetAttrString(K, "p") == prop));
        show("prop_set", k && PyObject_SetAttrString(k, "p", Py_None) == 0 ? Py_NewRef(Py_None) : NULL);
        show("prop_kw", PyObject_GetAttrString(PyObject_Call((PyObject *)&PyProperty_Type, PyTuple_New(0), Py_BuildValue("{s:s}", "doc", "D")), "__doc__"));
        show("prop_badkw", PyObject_Call((PyObject *)&PyProperty_Type, PyTuple_New(0), Py_BuildValue("{s:s}", "x", "D")));
        PyObject *empty = PyObject_CallNoArgs((PyObject *)&PyProperty_Type);
        PyObject *ns3 = Py_BuildValue("{s:O,s:s}", "q", empty, "__module__", "m");
        PyObject *K2 = PyObject_CallFunction((PyObject *)&PyType_Type, "s()O", "K2", ns3);
        PyObject *k2 = K2 ? PyObject_CallNoArgs(K2) : NULL;
        show("prop_nogetter", k2 ? PyObject_GetAttrString(k2, "q") : NULL);
        Py_XDECREF(k); Py_XDECREF(K); Py_XDECREF(k2); Py_XDECREF(K2);
        Py_DECREF(ns2); Py_DECREF(ns3); Py_XDECREF(prop); Py_XDECREF(empty); Py_DECREF(g);
    }
    END();
}
