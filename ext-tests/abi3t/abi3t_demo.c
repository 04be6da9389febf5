/* An abi3t extension (PEP 803): built with Py_TARGET_ABI3T=3.15, so PyObject is
 * opaque. No PyModuleDef: the module is found through PyModExport_abi3t_demo
 * (PEP 793), which returns PySlot entries (PEP 820). Its class declares only
 * its own data (negative basic size), reaches it with PyObject_GetTypeData
 * from the defining class, and exposes it with Py_RELATIVE_OFFSET members. */
#include <Python.h>
#include <stddef.h>

typedef struct { long count; PyObject *label; } CounterData;
typedef struct { long calls; } ModState;

static int counter_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    PyObject *label = NULL;
    static char *kw[] = {"label", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|U", kw, &label))
        return -1;
    PyObject *mod = PyType_GetModuleByToken(Py_TYPE(self), (void *)&counter_init);
    if (mod == NULL) return -1;
    PyObject *cls = PyObject_GetAttrString(mod, "Counter");
    Py_DECREF(mod);
    if (cls == NULL) return -1;
    CounterData *d = PyObject_GetTypeData(self, (PyTypeObject *)cls);
    Py_DECREF(cls);
    d->count = 0;
    PyObject *old = d->label;
    d->label = label ? Py_NewRef(label) : PyUnicode_FromString("unnamed");
    Py_XDECREF(old);
    return d->label ? 0 : -1;
}

static PyObject *counter_incr(PyObject *self, PyTypeObject *defining, PyObject *const *args,
                              Py_ssize_t nargs, PyObject *kwnames)
{
    if (kwnames != NULL || nargs > 1) {
        PyErr_SetString(PyExc_TypeError, "incr() takes at most one positional argument");
        return NULL;
    }
    long by = nargs ? PyLong_AsLong(args[0]) : 1;
    if (by == -1 && PyErr_Occurred()) return NULL;
    CounterData *d = PyObject_GetTypeData(self, defining);
    d->count += by;
    ModState *st = PyType_GetModuleState(defining);
    st->calls++;
    return PyLong_FromLong(d->count);
}

/* During a collection only the _DuringGC lookups are allowed: borrowed
   results, no exception. */
static int counter_traverse(PyObject *self, visitproc visit, void *arg)
{
    PyTypeObject *base = NULL;
    if (PyType_GetBaseByToken_DuringGC(Py_TYPE(self), (void *)&counter_init, &base) == 1) {
        CounterData *d = PyObject_GetTypeData_DuringGC(self, base);
        Py_VISIT(d->label);
    }
    Py_VISIT(Py_TYPE(self));
    return 0;
}

static void counter_dealloc(PyObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    /* The data of the base the token names: found without the module. */
    PyTypeObject *base = NULL;
    if (PyType_GetBaseByToken(tp, (void *)&counter_init, &base) == 1) {
        CounterData *d = PyObject_GetTypeData(self, base);
        Py_CLEAR(d->label);
        Py_DECREF(base);
    }
    PyObject_GC_Del(self);
    Py_DECREF(tp);
}

static PyMethodDef counter_methods[] = {
    {"incr", (PyCFunction)(void (*)(void))counter_incr, METH_METHOD | METH_FASTCALL | METH_KEYWORDS,
     PyDoc_STR("incr($self, by=1, /)\n--\n\nAdd to the count and return it.")},
    {NULL, NULL, 0, NULL}
};

static PyMemberDef counter_members[] = {
    {"count", Py_T_LONG, offsetof(CounterData, count), Py_READONLY | Py_RELATIVE_OFFSET, NULL},
    {"label", Py_T_OBJECT_EX, offsetof(CounterData, label), Py_RELATIVE_OFFSET, NULL},
    {NULL, 0, 0, 0, NULL}
};

static PySlot counter_slots[] = {
    PySlot_PTR(Py_tp_name, "abi3t_demo.Counter"),
    PySlot_SIZE(Py_tp_extra_basicsize, sizeof(CounterData)),
    PySlot_UINT64(Py_tp_flags, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC),
    PySlot_PTR(Py_tp_token, (void *)&counter_init),
    PySlot_FUNC(Py_tp_init, counter_init),
    PySlot_FUNC(Py_tp_traverse, counter_traverse),
    PySlot_FUNC(Py_tp_dealloc, counter_dealloc),
    PySlot_PTR_STATIC(Py_tp_methods, counter_methods),
    PySlot_PTR_STATIC(Py_tp_members, counter_members),
    PySlot_PTR(Py_tp_doc, "A counter whose data abi3t code reaches through PyObject_GetTypeData."),
    PySlot_END
};

static PyObject *add(PyObject *Py_UNUSED(m), PyObject *args)
{
    long a, b;
    if (!PyArg_ParseTuple(args, "ll:add", &a, &b)) return NULL;
    return PyLong_FromLong(a + b);
}

static PyObject *calls(PyObject *m, PyObject *Py_UNUSED(args))
{
    ModState *st = PyModule_GetState(m);
    return st ? PyLong_FromLong(st->calls) : NULL;
}

static PyObject *abi_facts(PyObject *m, PyObject *Py_UNUSED(args))
{
    void *token = NULL;
    if (PyModule_GetToken(m, &token) < 0) return NULL;
    Py_ssize_t size = -1;
    if (PyModule_GetStateSize(m, &size) < 0) return NULL;
    PyObject *one = PyLong_FromLong(1);
    if (one == NULL) return NULL;
    /* Py_TYPE and Py_REFCNT are function calls under abi3t. */
    PyObject *r = Py_BuildValue("(iniiO)", token == (void *)&counter_init, size,
                                Py_IS_TYPE(one, &PyLong_Type), Py_REFCNT(m) > 0,
                                (PyObject *)Py_TYPE(one));
    Py_DECREF(one);
    return r;
}

static PyObject *gc_facts(PyObject *m, PyObject *Py_UNUSED(args))
{
    PyObject *cls = PyObject_GetAttrString(m, "Counter");
    if (cls == NULL) return NULL;
    PyTypeObject *tp = (PyTypeObject *)cls;
    void *token = NULL;
    int got = PyModule_GetToken_DuringGC(m, &token);
    void *state = PyModule_GetState_DuringGC(m);
    PyObject *r = Py_BuildValue("(iiiiii)", got, token == (void *)&counter_init, state != NULL,
                                PyType_GetModule_DuringGC(tp) == m,
                                PyType_GetModuleByToken_DuringGC(tp, (void *)&counter_init) == m,
                                PyType_GetModuleState_DuringGC(tp) == state);
    Py_DECREF(cls);
    return r;
}

static PyObject *frozen_class(PyObject *m, PyObject *Py_UNUSED(args))
{
    PySlot slots[] = {
        PySlot_PTR(Py_tp_name, "abi3t_demo.Frozen"),
        PySlot_PTR(Py_tp_module, m),
        PySlot_UINT64(Py_tp_flags, Py_TPFLAGS_DEFAULT),
        PySlot_END
    };
    PyObject *cls = PyType_FromSlots(slots);
    if (cls == NULL) return NULL;
    if (PyObject_SetAttrString(cls, "before", Py_True) < 0 || PyType_Freeze((PyTypeObject *)cls) < 0) {
        Py_DECREF(cls);
        return NULL;
    }
    return cls;
}

static PyMethodDef mod_methods[] = {
    {"gc_facts", gc_facts, METH_NOARGS, NULL},
    {"frozen_class", frozen_class, METH_NOARGS, NULL},
    {"add", add, METH_VARARGS, PyDoc_STR("add(a, b) -> a + b")},
    {"calls", calls, METH_NOARGS, NULL},
    {"abi_facts", abi_facts, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static int mod_exec(PyObject *m)
{
    /* The static slots nested in a per-module array naming the module. */
    PySlot slots[] = {
        PySlot_PTR(Py_tp_module, m),
        PySlot_PTR(Py_slot_subslots, counter_slots),
        PySlot_END
    };
    PyObject *cls = PyType_FromSlots(slots);
    if (cls == NULL) return -1;
    if (PyModule_AddObjectRef(m, "Counter", cls) < 0) { Py_DECREF(cls); return -1; }
    Py_DECREF(cls);
    return PyModule_AddStringConstant(m, "flavour", "abi3t");
}

PyABIInfo_VAR(abi_info);

static PySlot mod_slots[] = {
    PySlot_PTR(Py_mod_abi, &abi_info),
    PySlot_PTR(Py_mod_name, "abi3t_demo"),
    PySlot_PTR(Py_mod_doc, "An abi3t module made from slots."),
    PySlot_SIZE(Py_mod_state_size, sizeof(ModState)),
    PySlot_PTR(Py_mod_token, (void *)&counter_init),
    PySlot_PTR_STATIC(Py_mod_methods, mod_methods),
    PySlot_FUNC(Py_mod_exec, mod_exec),
    PySlot_PTR(Py_mod_gil, Py_MOD_GIL_NOT_USED),
    PySlot_END
};

PyMODEXPORT_FUNC PyModExport_abi3t_demo(void) { return mod_slots; }
