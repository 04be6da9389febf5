/* types: PyType_FromSpec & co, PyType_FromSlots, PyType_GetSlot, type data,
 * methods/members/getset of heap types, the call protocol. */
#include "common.h"
#include <stddef.h>
#include <string.h>
#pragma GCC diagnostic ignored "-Wunused-parameter"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

typedef struct {
    PyObject_HEAD
    long x, y;
    PyObject *dict;
    PyObject *weaklist;
} PointObject;

static PyObject *point_new(PyTypeObject *t, PyObject *args, PyObject *kw)
{
    PointObject *p = (PointObject *)PyType_GenericAlloc(t, 0);
    if (p && args && !PyArg_ParseTuple(args, "|ll", &p->x, &p->y)) {
        Py_DECREF(p);
        return NULL;
    }
    return (PyObject *)p;
}
static PyObject *point_repr(PyObject *o)
{
    PointObject *p = (PointObject *)o;
    return PyUnicode_FromFormat("Point(%ld, %ld)", p->x, p->y);
}
static PyObject *pm_noargs(PyObject *self, PyObject *u) { return PyUnicode_FromString("noargs"); }
static PyObject *pm_o(PyObject *self, PyObject *a) { return Py_BuildValue("(sO)", "o", a); }
static PyObject *pm_varargs(PyObject *self, PyObject *a) { return Py_BuildValue("(sO)", "varargs", a); }
static PyObject *pm_kw(PyObject *self, PyObject *a, PyObject *k)
{ return Py_BuildValue("(sOO)", "kw", a, k ? k : Py_None); }
static PyObject *pm_fast(PyObject *self, PyObject *const *a, Py_ssize_t n)
{ return Py_BuildValue("(sn)", "fast", n); }
static PyObject *pm_method(PyObject *self, PyTypeObject *cls, PyObject *const *a, Py_ssize_t n, PyObject *kw)
{ return Py_BuildValue("(sOn)", "method", (PyObject *)cls, n); }
static PyObject *pm_class(PyObject *cls, PyObject *u) { return Py_BuildValue("(sO)", "class", cls); }
static PyObject *pm_static(PyObject *n, PyObject *a) { return Py_BuildValue("(sOO)", "static", n ? n : Py_None, a); }
static PyObject *get_sum(PyObject *o, void *c)
{ PointObject *p = (PointObject *)o; return PyLong_FromLong(p->x + p->y + (long)(Py_ssize_t)c); }
static PyObject *point_call(PyObject *o, PyObject *a, PyObject *k)
{ return Py_BuildValue("(sOO)", "called", a, k ? k : Py_None); }

static PyMethodDef point_methods[] = {
    {"m_noargs", pm_noargs, METH_NOARGS, "no arguments"},
    {"m_o", pm_o, METH_O, NULL},
    {"m_varargs", pm_varargs, METH_VARARGS, NULL},
    {"m_kw", (PyCFunction)(void (*)(void))pm_kw, METH_VARARGS | METH_KEYWORDS, NULL},
    {"m_fast", (PyCFunction)(void (*)(void))pm_fast, METH_FASTCALL, NULL},
    {"m_method", (PyCFunction)(void (*)(void))pm_method, METH_METHOD | METH_FASTCALL | METH_KEYWORDS, NULL},
    {"m_class", pm_class, METH_NOARGS | METH_CLASS, NULL},
    {"m_static", pm_static, METH_VARARGS | METH_STATIC, NULL},
    {NULL, NULL, 0, NULL}
};
static PyMemberDef point_members[] = {
    {"x", Py_T_LONG, offsetof(PointObject, x), 0, "x coordinate"},
    {"y", Py_T_LONG, offsetof(PointObject, y), Py_READONLY, NULL},
    {"__dictoffset__", Py_T_PYSSIZET, offsetof(PointObject, dict), Py_READONLY, NULL},
    {"__weaklistoffset__", Py_T_PYSSIZET, offsetof(PointObject, weaklist), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};
static PyGetSetDef point_getset[] = {
    {"sum", get_sum, NULL, "x + y", NULL},
    {"sum_plus_100", get_sum, NULL, NULL, (void *)100},
    {NULL, NULL, NULL, NULL, NULL}
};
static PyType_Slot point_slots[] = {
    {Py_tp_new, point_new},
    {Py_tp_repr, point_repr},
    {Py_tp_call, point_call},
    {Py_tp_methods, point_methods},
    {Py_tp_members, point_members},
    {Py_tp_getset, point_getset},
    {Py_tp_doc, "Point(x, y)\n--\n\nA point."},
    {0, NULL}
};
static PyType_Spec point_spec = {
    "mod.sub.Point", sizeof(PointObject), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE, point_slots
};

static PyObject *attr(PyObject *o, const char *name)
{
    return o ? PyObject_GetAttrString(o, name) : NULL;
}

static void spec_errors(void)
{
    PyType_Slot none[] = {{0, NULL}};
    PyType_Spec s1 = {NULL, 0, 0, 0, none};
    show("noname", PyType_FromSpec(&s1));
    PyType_Slot bad[] = {{9999, NULL}, {0, NULL}};
    PyType_Spec s2 = {"m.Bad", 0, 0, 0, bad};
    show("unknown_slot", PyType_FromSpec(&s2));
    PyType_Slot modslot[] = {{Py_mod_exec, (void *)pm_noargs}, {0, NULL}};
    PyType_Spec s3 = {"m.Bad", 0, 0, 0, modslot};
    show("module_slot", PyType_FromSpec(&s3));
    PyType_Spec s4 = {"m.Small", 4, 0, 0, none};
    show("too_small", PyType_FromSpec(&s4));
    PyType_Spec s5 = {"m.GC", 0, 0, Py_TPFLAGS_HAVE_GC, none};
    show("gc_no_traverse", PyType_FromSpec(&s5));
    PyType_Slot basicsize[] = {{Py_tp_basicsize, (void *)32}, {0, NULL}};
    PyType_Spec s6 = {"m.Bad", 0, 0, 0, basicsize};
    show("basicsize_slot", PyType_FromSpec(&s6));
    PyType_Slot namenull[] = {{Py_tp_name, NULL}, {0, NULL}};
    PyType_Spec s7 = {"m.Bad", 0, 0, 0, namenull};
    show("name_null", PyType_FromSpec(&s7));
    PyObject *bases = Py_BuildValue("(i)", 1);
    PyType_Spec s8 = {"m.Bad", 0, 0, 0, none};
    show("bases_not_types", PyType_FromSpecWithBases(&s8, bases));
    Py_DECREF(bases);
    show("bool_base", PyType_FromSpecWithBases(&s8, (PyObject *)&PyBool_Type));
    PyType_Spec s9 = {"NoDot", 0, 0, 0, none};
    PyObject *t = PyType_FromSpec(&s9);
    show("nodot_repr", t ? PyObject_Repr(t) : NULL);
    show("nodot_name", attr(t, "__name__"));
    show("nodot_qualname", attr(t, "__qualname__"));
    show("nodot_fqn", t ? PyType_GetFullyQualifiedName((PyTypeObject *)t) : NULL);
    Py_XDECREF(t);
}

static void getslot(PyObject *P)
{
    PyTypeObject *tp = (PyTypeObject *)P;
    int ids[] = {0, Py_tp_repr, Py_nb_add, Py_tp_alloc, Py_tp_new, Py_mp_length, Py_bf_getbuffer,
                 Py_tp_token, Py_tp_name, Py_tp_flags, Py_mod_exec, Py_mod_token, 9999, -1};
    char label[64];
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
        void *r = PyType_GetSlot(tp, ids[i]);
        snprintf(label, sizeof label, "getslot_%d", ids[i]);
        if (r == NULL && PyErr_Occurred())
            show(label, NULL);
        else
            printf("%s: %s\n", label, r ? "set" : "NULL");
    }
    printf("getslot_repr_is: %d\n", PyType_GetSlot(tp, Py_tp_repr) == (void *)point_repr);
    printf("getslot_static_nb_add: %d\n", PyType_GetSlot(&PyLong_Type, Py_tp_repr) != NULL);
    printf("getslot_static_token: %d\n", PyType_GetSlot(&PyLong_Type, Py_tp_token) == NULL);
}

typedef struct { int magic; double weight; } ExtraData;

static PyObject *ctor_vc(PyObject *type, PyObject *const *a, size_t nf, PyObject *kw)
{
    return Py_BuildValue("(sn)", "constructed by vectorcall", PyVectorcall_NARGS(nf));
}

static PyObject *vc_func(PyObject *c, PyObject *const *a, size_t nf, PyObject *kw)
{
    return Py_BuildValue("(snn)", "vectorcall", PyVectorcall_NARGS(nf), kw ? PyTuple_Size(kw) : (Py_ssize_t)0);
}

int main(void)
{
    BEGIN();
    PyObject *P = PyType_FromSpec(&point_spec);
    show("type_repr", P ? PyObject_Repr(P) : NULL);
    show("type_name", attr(P, "__name__"));
    show("type_qualname", attr(P, "__qualname__"));
    show("type_module", attr(P, "__module__"));
    show("type_doc", attr(P, "__doc__"));
    show("type_mro", attr(P, "__mro__"));
    show("type_basicsize", attr(P, "__basicsize__"));
    show("getname", PyType_GetName((PyTypeObject *)P));
    show("getqualname", PyType_GetQualName((PyTypeObject *)P));
    show("getfqn", PyType_GetFullyQualifiedName((PyTypeObject *)P));
    show("getmodulename", PyType_GetModuleName((PyTypeObject *)P));
    show("getmodulename_int", PyType_GetModuleName(&PyLong_Type));
    show("getname_int", PyType_GetName(&PyLong_Type));
    show("getfqn_int", PyType_GetFullyQualifiedName(&PyLong_Type));
    show_int("flags_heap", (PyType_GetFlags((PyTypeObject *)P) & Py_TPFLAGS_HEAPTYPE) != 0);
    show_int("flags_base", (PyType_GetFlags((PyTypeObject *)P) & Py_TPFLAGS_BASETYPE) != 0);
    show_int("issubtype", PyType_IsSubtype(&PyBool_Type, &PyLong_Type));
    show_int("issubtype_no", PyType_IsSubtype(&PyLong_Type, &PyBool_Type));
    show("weaklistoffset_member", attr(P, "__weaklistoffset__"));
    show("weakrefoffset", attr(P, "__weakrefoffset__"));
    PyObject *p = PyObject_CallFunction(P, "ii", 3, 4);
    show("inst_repr", p ? PyObject_Repr(p) : NULL);
    show("member_x", attr(p, "x"));
    show("member_doc", attr(attr(P, "x"), "__doc__"));
    show("member_descr", attr(P, "y"));
    show("getset_sum", attr(p, "sum"));
    show("getset_closure", attr(p, "sum_plus_100"));
    show("getset_descr", attr(P, "sum"));
    show("m_noargs", PyObject_CallMethod(p, "m_noargs", NULL));
    show("m_noargs_extra", PyObject_CallMethod(p, "m_noargs", "i", 1));
    show("m_o", PyObject_CallMethod(p, "m_o", "i", 5));
    show("m_o_none", PyObject_CallMethod(p, "m_o", NULL));
    show("m_varargs", PyObject_CallMethod(p, "m_varargs", "ii", 1, 2));
    show("m_kw", PyObject_CallMethod(p, "m_kw", "i", 1));
    show("m_fast", PyObject_CallMethod(p, "m_fast", "iii", 1, 2, 3));
    show("m_method", PyObject_CallMethod(p, "m_method", "ii", 1, 2));
    show("m_class", PyObject_CallMethod(p, "m_class", NULL));
    show("m_class_type", PyObject_CallMethod(P, "m_class", NULL));
    show("m_static", PyObject_CallMethod(P, "m_static", "i", 9));
    show("m_unbound", PyObject_CallMethod(P, "m_noargs", NULL));
    show("m_unbound_ok", PyObject_CallMethod(P, "m_noargs", "O", p));
    show("method_descr", attr(P, "m_noargs"));
    show("method_doc", attr(attr(P, "m_noargs"), "__doc__"));
    show("call", PyObject_CallFunction(p, "i", 1));
    show("call_noargs", PyObject_CallNoArgs(p));
    show("callobject_null", PyObject_CallObject(p, NULL));
    show("callobject_notuple", PyObject_CallObject(p, PyLong_FromLong(1)));
    show_int("callable", PyCallable_Check(p));
    show_int("callable_int", PyCallable_Check(PyLong_FromLong(2)));
    show("not_callable", PyObject_CallNoArgs(PyLong_FromLong(2)));
    {
        PyObject *argv[3] = {NULL, PyLong_FromLong(1), PyLong_FromLong(2)};
        PyObject *kwn = Py_BuildValue("(s)", "k");
        show("vectorcall", PyObject_Vectorcall(p, argv + 1, 1 | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL));
        show("vectorcall_kw", PyObject_Vectorcall(p, argv + 1, 1, kwn));
        argv[0] = p;
        PyObject *name = PyUnicode_FromString("m_varargs");
        show("vectorcallmethod", PyObject_VectorcallMethod(name, argv, 3, NULL));
        show_int("nargs", (long)PyVectorcall_NARGS(2 | PY_VECTORCALL_ARGUMENTS_OFFSET));
        Py_DECREF(name); Py_DECREF(kwn);
    }
    getslot(P);
    /* subclass */
    {
        PyType_Slot sub_slots[] = {{0, NULL}};
        PyType_Spec sub_spec = {"mod.SubPoint", 0, 0, Py_TPFLAGS_DEFAULT, sub_slots};
        PyObject *Sub = PyType_FromSpecWithBases(&sub_spec, P);
        show("sub_mro", attr(Sub, "__mro__"));
        PyObject *sp = Sub ? PyObject_CallFunction(Sub, "ii", 5, 6) : NULL;
        show("sub_repr", sp ? PyObject_Repr(sp) : NULL);
        show("sub_class_method", sp ? PyObject_CallMethod(sp, "m_class", NULL) : NULL);
        show("sub_m_method", sp ? PyObject_CallMethod(sp, "m_method", NULL) : NULL);
        show("sub_sub", Sub ? PyType_FromSpecWithBases(&sub_spec, Sub) : NULL);
        Py_XDECREF(sp);
        Py_XDECREF(Sub);
    }
    /* negative basicsize */
    {
        PyType_Slot es[] = {{0, NULL}};
        PyType_Spec extra_spec = {"mod.Extra", -(int)sizeof(ExtraData), 0, Py_TPFLAGS_DEFAULT, es};
        PyObject *E = PyType_FromSpecWithBases(&extra_spec, P);
        show("extra_basicsize", attr(E, "__basicsize__"));
        show_int("extra_datasize", E ? (long)PyType_GetTypeDataSize((PyTypeObject *)E) : -1);
        show_int("point_datasize", (long)PyType_GetTypeDataSize((PyTypeObject *)P));
        PyObject *e = E ? PyObject_CallFunction(E, "ii", 7, 8) : NULL;
        show("extra_repr", e ? PyObject_Repr(e) : NULL);
        Py_XDECREF(e); Py_XDECREF(E);
    }
    /* metaclass */
    {
        PyType_Slot ms[] = {{0, NULL}};
        PyType_Spec meta_spec = {"mod.Meta", 0, 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE, ms};
        PyObject *M = PyType_FromSpecWithBases(&meta_spec, (PyObject *)&PyType_Type);
        PyType_Spec made_spec = {"mod.Made", 0, 0, Py_TPFLAGS_DEFAULT, ms};
        PyObject *Made = M ? PyType_FromMetaclass((PyTypeObject *)M, NULL, &made_spec, NULL) : NULL;
        show_int("made_type_is_meta", Made && (PyObject *)Py_TYPE(Made) == M);
        show("made_repr", Made ? PyObject_Repr(Made) : NULL);
        PyObject *inst = Made ? PyObject_CallNoArgs(Made) : NULL;
        show("made_instance_type", inst ? PyObject_Repr((PyObject *)Py_TYPE(inst)) : NULL);
        show("frommeta_int", PyType_FromMetaclass(&PyLong_Type, NULL, &made_spec, NULL));
        Py_XDECREF(inst); Py_XDECREF(Made); Py_XDECREF(M);
    }
    /* tokens and modules */
    {
        PyType_Slot ts[] = {{Py_tp_token, Py_TP_USE_SPEC}, {0, NULL}};
        PyType_Spec tok_spec = {"mod.Tok", 0, 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE, ts};
        PyObject *m = PyModule_New("mod");
        PyObject *T = PyType_FromModuleAndSpec(m, &tok_spec, NULL);
        show_int("token_is_spec", T && PyType_GetSlot((PyTypeObject *)T, Py_tp_token) == &tok_spec);
        PyTypeObject *found = NULL;
        show_int("basebytoken", T ? PyType_GetBaseByToken((PyTypeObject *)T, &tok_spec, &found) : -9);
        show_int("basebytoken_same", found == (PyTypeObject *)T);
        Py_XDECREF((PyObject *)found);
        show_int("basebytoken_no", T ? PyType_GetBaseByToken((PyTypeObject *)T, &point_spec, &found) : -9);
        show_int("basebytoken_null", T ? PyType_GetBaseByToken((PyTypeObject *)T, NULL, &found) : -9);
        show("", NULL);
        show_int("basebytoken_static", PyType_GetBaseByToken(&PyLong_Type, &tok_spec, &found));
        show_int("getmodule_is", T && PyType_GetModule((PyTypeObject *)T) == m);
        show("getmodule_none", PyType_GetModule((PyTypeObject *)P));
        show("getmodule_static", PyType_GetModule(&PyLong_Type));
        show_int("getmodulestate_null", T && PyType_GetModuleState((PyTypeObject *)T) == NULL && !PyErr_Occurred());
        Py_XDECREF(T); Py_XDECREF(m);
    }
    /* PyType_FromSlots */
    {
        PySlot slots[] = {
            PySlot_DATA(Py_tp_name, "slots.Made"),
            PySlot_DATA(Py_tp_flags, Py_TPFLAGS_DEFAULT),
            PySlot_FUNC(Py_tp_repr, point_repr),
            PySlot_SIZE(Py_tp_basicsize, sizeof(PointObject)),
            PySlot_END,
        };
        PyObject *S = PyType_FromSlots(slots);
        show("fromslots_repr", S ? PyObject_Repr(S) : NULL);
        PyObject *s = S ? PyObject_CallNoArgs(S) : NULL;
        show("fromslots_inst", s ? PyObject_Repr(s) : NULL);
        Py_XDECREF(s); Py_XDECREF(S);
        PySlot noname[] = {PySlot_FUNC(Py_tp_repr, point_repr), PySlot_END};
        show("fromslots_noname", PyType_FromSlots(noname));
        PySlot opt[] = {PySlot_DATA(Py_tp_name, "slots.Opt"),
                        {.sl_id = 200, .sl_flags = PySlot_OPTIONAL, .sl_ptr = NULL}, PySlot_END};
        show("fromslots_optional", PyType_FromSlots(opt));
        PySlot unk[] = {PySlot_DATA(Py_tp_name, "slots.Unk"), {.sl_id = 200, .sl_ptr = NULL}, PySlot_END};
        show("fromslots_unknown", PyType_FromSlots(unk));
        PySlot inner[] = {PySlot_FUNC(Py_tp_repr, point_repr), PySlot_END};
        PySlot nested[] = {PySlot_DATA(Py_tp_name, "slots.Nested"),
                           PySlot_SIZE(Py_tp_basicsize, sizeof(PointObject)),
                           PySlot_DATA(Py_tp_slots, inner), PySlot_END};
        PyObject *N = PyType_FromSlots(nested);
        PyObject *n = N ? PyObject_CallNoArgs(N) : NULL;
        show("fromslots_nested", n ? PyObject_Repr(n) : NULL);
        Py_XDECREF(n); Py_XDECREF(N);
    }
    /* vectorcall slot */
    {
        typedef struct { PyObject_HEAD vectorcallfunc vc; } VC;
        PyMemberDef vm[] = {{"__vectorcalloffset__", Py_T_PYSSIZET, offsetof(VC, vc), Py_READONLY, NULL}, {NULL, 0, 0, 0, NULL}};
        PyType_Slot vs[] = {{Py_tp_call, PyVectorcall_Call}, {Py_tp_members, vm}, {0, NULL}};
        PyType_Spec vspec = {"mod.VC", sizeof(VC), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_VECTORCALL, vs};
        PyObject *V = PyType_FromSpec(&vspec);
        PyObject *v = V ? PyType_GenericNew((PyTypeObject *)V, NULL, NULL) : NULL;
        if (v) ((VC *)v)->vc = vc_func;
        show("vc_call", v ? PyObject_CallFunction(v, "ii", 1, 2) : NULL);
        show("vc_call_kw", v ? PyObject_Call(v, Py_BuildValue("(i)", 1), Py_BuildValue("{s:i}", "k", 3)) : NULL);
        PyObject *argv[2] = {PyLong_FromLong(1), PyLong_FromLong(2)};
        show("vc_vectorcall", v ? PyObject_Vectorcall(v, argv, 2, NULL) : NULL);
        show("vc_vectorcall_call", v ? PyVectorcall_Call(v, Py_BuildValue("(ii)", 1, 2), NULL) : NULL);
        show("vc_noattr", attr(V, "__vectorcalloffset__"));
        Py_XDECREF(v); Py_XDECREF(V);
    }
    spec_errors();
    {
        PyType_Slot cs[] = {{Py_tp_vectorcall, ctor_vc}, {0, NULL}};
        PyType_Spec cspec = {"mod.Ctor", 0, 0, Py_TPFLAGS_DEFAULT, cs};
        PyObject *Ct = PyType_FromSpec(&cspec);
        show("tp_vectorcall_call", Ct ? PyObject_CallFunction(Ct, "ii", 1, 2) : NULL);
        PyObject *argv[1] = {Py_None};
        show("tp_vectorcall_vc", Ct ? PyObject_Vectorcall(Ct, argv, 1, NULL) : NULL);
        show("tp_vectorcall_kw", Ct ? PyObject_Call(Ct, PyTuple_New(0), Py_BuildValue("{s:i}", "a", 1)) : NULL);
        show_int("tp_vectorcall_getslot", Ct && PyType_GetSlot((PyTypeObject *)Ct, Py_tp_vectorcall) == (void *)ctor_vc);
        Py_XDECREF(Ct);
    }
    /* slot wrappers */
    show("sw_repr", PyObject_CallMethod(p, "__repr__", NULL));
    show("sw_repr_args", PyObject_CallMethod(p, "__repr__", "i", 1));
    show("sw_call", PyObject_CallMethod(p, "__call__", "i", 1));
    show("sw_descr", PyObject_GetAttrString(P, "__repr__"));
    show("sw_descr_call", PyObject_CallMethod(P, "__repr__", "O", p));
    show("sw_descr_call_bad", PyObject_CallMethod(P, "__repr__", "i", 1));
    show("sw_descr_call_none", PyObject_CallMethod(P, "__repr__", NULL));
    show("sw_name", attr(attr(P, "__repr__"), "__name__"));
    show("sw_qualname", attr(attr(P, "__repr__"), "__qualname__"));
    show("sw_objclass", attr(attr(P, "__repr__"), "__objclass__"));
    show("sw_doc", attr(attr(P, "__repr__"), "__doc__"));
    show("sw_bound_name", attr(attr(p, "__repr__"), "__name__"));
    show_int("sw_bound_self", attr(attr(p, "__repr__"), "__self__") == p);
    show("sw_bound_type", PyObject_Repr((PyObject *)Py_TYPE(attr(p, "__repr__"))));
    show("sw_new", PyObject_CallMethod(P, "__new__", "O", P));
    show("sw_new_noargs", PyObject_CallMethod(P, "__new__", NULL));
    show("sw_new_notype", PyObject_CallMethod(P, "__new__", "i", 1));
    show("sw_new_notsub", PyObject_CallMethod(P, "__new__", "O", (PyObject *)&PyLong_Type));
    show("sw_new_name", attr(attr(P, "__new__"), "__name__"));
    show("sw_int_repr", PyObject_CallMethod(PyLong_FromLong(7), "__repr__", NULL));
    show("sw_object_repr_descr", attr((PyObject *)&PyBaseObject_Type, "__repr__"));
    show("sw_hash_none", attr(P, "__hash__"));
    show("sw_eq_missing", attr(P, "__eq__"));
    /* C functions */
    {
        static PyMethodDef fdef = {"fn", pm_varargs, METH_VARARGS, "doc"};
        PyObject *self = PyUnicode_FromString("self");
        PyObject *f = PyCFunction_New(&fdef, self);
        show("cfunc_call", PyObject_CallFunction(f, "i", 1));
        show_int("cfunc_self", PyCFunction_GetSelf(f) == self);
        show_int("cfunc_flags", PyCFunction_GetFlags(f));
        show_int("cfunc_function", PyCFunction_GetFunction(f) == pm_varargs);
        show("cfunc_name", attr(f, "__name__"));
        {
            int r = PyCFunction_GetFlags(self);
            int ok = r == -1 && PyErr_Occurred() == PyExc_SystemError;
            PyErr_Clear();
            show_int("cfunc_getflags_bad", ok);
        }
        PyObject *m = PyUnicode_FromString("modname");
        PyObject *g = PyCFunction_NewEx(&fdef, NULL, m);
        show("cfunc_module", attr(g, "__module__"));
        show("cfunc_repr", g ? PyObject_Repr(g) : NULL);
        static PyMethodDef mdef = {"mm", (PyCFunction)(void (*)(void))pm_method, METH_METHOD | METH_FASTCALL | METH_KEYWORDS, NULL};
        show("cmethod_noclass", PyCMethod_New(&mdef, NULL, NULL, NULL));
        show("cfunc_withclass", PyCMethod_New(&fdef, NULL, NULL, &PyLong_Type));
        PyObject *h = PyCMethod_New(&mdef, NULL, NULL, &PyLong_Type);
        show("cmethod_call", h ? PyObject_CallFunction(h, "ii", 1, 2) : NULL);
        show("descr_method", PyDescr_NewMethod(&PyLong_Type, &fdef));
        show("descr_classmethod", PyDescr_NewClassMethod(&PyLong_Type, &fdef));
        Py_XDECREF(f); Py_XDECREF(g); Py_XDECREF(h); Py_DECREF(self); Py_DECREF(m);
    }
    /* members */
    {
        struct { long l; double d; PyObject *o; char c; } rec = {5, 2.5, NULL, 'z'};
        PyMemberDef ml = {"l", Py_T_LONG, 0, 0, NULL};
        PyMemberDef md = {"d", Py_T_DOUBLE, offsetof(__typeof__(rec), d), 0, NULL};
        PyMemberDef mo = {"o", Py_T_OBJECT_EX, offsetof(__typeof__(rec), o), 0, NULL};
        PyMemberDef mc = {"c", Py_T_CHAR, offsetof(__typeof__(rec), c), 0, NULL};
        PyMemberDef mr = {"r", Py_T_LONG, 0, Py_READONLY, NULL};
        show("member_getone_long", PyMember_GetOne((const char *)&rec, &ml));
        show("member_getone_double", PyMember_GetOne((const char *)&rec, &md));
        (void)mo;
        show("member_getone_char", PyMember_GetOne((const char *)&rec, &mc));
        show_int("member_setone_long", PyMember_SetOne((char *)&rec, &ml, PyLong_FromLong(77)));
        show("member_after", PyMember_GetOne((const char *)&rec, &ml));
        show_int("member_setone_ro", PyMember_SetOne((char *)&rec, &mr, PyLong_FromLong(1)));
        show("", NULL);
        show_int("member_setone_del", PyMember_SetOne((char *)&rec, &ml, NULL));
        show("", NULL);
    }
    Py_XDECREF(p);
    Py_XDECREF(P);
    END();
}
