/* testext_multi: multi-phase initialisation (PyModuleDef_Init + Py_mod_exec),
 * module state, and Py_mod_gil = Py_MOD_GIL_NOT_USED where the Limited API
 * version has it (3.13+).  It defines one small type, Item, that the embedder's
 * thread test creates from many threads at once.
 *
 * info() returns a list of (label, value) pairs like testext's t_* functions.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>

#define API (Py_LIMITED_API + 0)

#ifndef Py_T_LONG
#define Py_T_LONG T_LONG
#endif

typedef struct {
    long exec_calls;
    PyObject *item_type;
} multi_state;

static struct PyModuleDef multi_def;

/* Item(n): holds one long; no GC, no dict */
typedef struct { PyObject_HEAD long n; } ItemObject;

static PyObject *item_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    long n = 0;
    if (!PyArg_ParseTuple(args, "|l:Item", &n))
        return NULL;
    ItemObject *self = (ItemObject *)PyType_GenericAlloc(type, 0);
    if (self) self->n = n;
    return (PyObject *)self;
}
static void item_dealloc(PyObject *op)
{
    PyTypeObject *tp = Py_TYPE(op);
    freefunc f = (freefunc)PyType_GetSlot(tp, Py_tp_free);
    f(op);
    Py_DECREF(tp);
}
static PyObject *item_repr(PyObject *op)
{
    return PyUnicode_FromFormat("Item(%ld)", ((ItemObject *)op)->n);
}
static PyMemberDef item_members[] = {
    {"n", Py_T_LONG, offsetof(ItemObject, n), 0, NULL},
    {NULL, 0, 0, 0, NULL}
};
static PyType_Slot item_slots[] = {
    {Py_tp_new, item_new},
    {Py_tp_dealloc, item_dealloc},
    {Py_tp_repr, item_repr},
    {Py_tp_members, item_members},
    {0, NULL}
};
static PyType_Spec item_spec = {"testext_multi.Item", sizeof(ItemObject), 0, Py_TPFLAGS_DEFAULT, item_slots};

static PyObject *info(PyObject *self, PyObject *unused)
{
    multi_state *st = PyModule_GetState(self);
    PyObject *out = PyList_New(0);
    if (out == NULL || st == NULL) return out;
#define ADD(label, v) do { PyObject *t_ = Py_BuildValue("(sN)", label, v); \
        if (t_) { PyList_Append(out, t_); Py_DECREF(t_); } else PyErr_Clear(); } while (0)
    ADD("exec_calls", PyLong_FromLong(st->exec_calls));
    ADD("state_type_is_attr", PyBool_FromLong(PyObject_GetAttrString(self, "Item") == st->item_type));
    Py_DECREF(st->item_type); /* reference from GetAttrString above */
    ADD("name", PyModule_GetNameObject(self));
    ADD("def_same", PyBool_FromLong(PyModule_GetDef(self) == &multi_def));
    /* multi-phase modules cannot be found with PyState_FindModule */
    ADD("findmodule_null", PyBool_FromLong(PyState_FindModule(&multi_def) == NULL));
    if (PyErr_Occurred()) PyErr_Clear();
    ADD("doc", PyObject_GetAttrString(self, "__doc__"));
    ADD("const", PyObject_GetAttrString(self, "ANSWER"));
    {
        PyObject *it = PyObject_CallFunction(st->item_type, "i", 7);
        ADD("item_repr", it ? PyObject_Repr(it) : NULL);
        ADD("item_n", it ? PyObject_GetAttrString(it, "n") : NULL);
        Py_XDECREF(it);
    }
#if API >= 0x030a0000
    ADD("type_getmodule@3.10", PyBool_FromLong(PyType_GetModule((PyTypeObject *)st->item_type) == self));
#endif
#if API >= 0x030d0000
    ADD("gil_slot@3.13", PyUnicode_FromString("Py_MOD_GIL_NOT_USED"));
#endif
#undef ADD
    if (PyErr_Occurred()) PyErr_Clear();
    return out;
}

static PyMethodDef multi_methods[] = {
    {"info", info, METH_NOARGS, "state and init facts as (label, value) pairs"},
    {NULL, NULL, 0, NULL}
};

static int multi_exec(PyObject *m)
{
    multi_state *st = PyModule_GetState(m);
    st->exec_calls++;
#if API >= 0x030a0000
    st->item_type = PyType_FromModuleAndSpec(m, &item_spec, NULL);
#else
    st->item_type = PyType_FromSpec(&item_spec);
#endif
    if (st->item_type == NULL)
        return -1;
    Py_INCREF(st->item_type);
    if (PyModule_AddObject(m, "Item", st->item_type) < 0) {
        Py_DECREF(st->item_type);
        return -1;
    }
    return PyModule_AddIntConstant(m, "ANSWER", 42);
}

static int multi_traverse(PyObject *m, visitproc visit, void *arg)
{
    multi_state *st = PyModule_GetState(m);
    if (st) Py_VISIT(st->item_type);
    return 0;
}
static int multi_clear(PyObject *m)
{
    multi_state *st = PyModule_GetState(m);
    if (st) Py_CLEAR(st->item_type);
    return 0;
}
static void multi_free(void *m) { multi_clear((PyObject *)m); }

static PyModuleDef_Slot multi_slots[] = {
    {Py_mod_exec, (void *)multi_exec},
#if API >= 0x030d0000
    /* this module keeps no unsynchronised global state */
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL}
};

static struct PyModuleDef multi_def = {
    PyModuleDef_HEAD_INIT,
    "testext_multi",
    "Multi-phase init test module.",
    sizeof(multi_state),
    multi_methods,
    multi_slots,
    multi_traverse,
    multi_clear,
    multi_free
};

PyMODINIT_FUNC PyInit_testext_multi(void)
{
    return PyModuleDef_Init(&multi_def);
}
