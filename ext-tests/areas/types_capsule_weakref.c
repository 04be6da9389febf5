/* types: capsules and weak references. */
#include "common.h"
#include <stddef.h>
#pragma GCC diagnostic ignored "-Wunused-parameter"
PyAPI_FUNC(PyObject *) PyWeakref_GetObject(PyObject *ref); /* abi-only since 3.13 */

static int payload = 1234;
static int destructor_calls = 0;
static void cap_destructor(PyObject *c) { destructor_calls++; }

typedef struct { PyObject_HEAD long v; PyObject *weaklist; } WObj;
static PyMemberDef w_members[] = {
    {"v", Py_T_LONG, offsetof(WObj, v), 0, NULL},
    {"__weaklistoffset__", Py_T_PYSSIZET, offsetof(WObj, weaklist), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};
static void w_dealloc(PyObject *o)
{
    PyTypeObject *tp = Py_TYPE(o);
    if (((WObj *)o)->weaklist)
        PyObject_ClearWeakRefs(o);
    freefunc f = (freefunc)PyType_GetSlot(tp, Py_tp_free);
    f(o);
    Py_DECREF(tp);
}
static PyObject *w_call(PyObject *o, PyObject *a, PyObject *k) { return PyUnicode_FromString("called"); }
static PyType_Slot w_slots[] = {{Py_tp_members, w_members}, {Py_tp_call, w_call}, {Py_tp_dealloc, w_dealloc}, {0, NULL}};
static PyType_Spec w_spec = {"wmod.W", sizeof(WObj), 0, Py_TPFLAGS_DEFAULT, w_slots};
static PyType_Slot nc_slots[] = {{Py_tp_members, w_members}, {Py_tp_dealloc, w_dealloc}, {0, NULL}};
static PyType_Spec nc_spec = {"wmod.NC", sizeof(WObj), 0, Py_TPFLAGS_DEFAULT, nc_slots};

static int cb_count = 0;
static PyObject *cb(PyObject *self, PyObject *ref)
{
    cb_count++;
    PyObject *o = NULL;
    int r = PyWeakref_GetRef(ref, &o);
    printf("callback: getref=%d obj_null=%d\n", r, o == NULL);
    Py_XDECREF(o);
    Py_RETURN_NONE;
}
static PyMethodDef cb_def = {"cb", cb, METH_O, NULL};

int main(void)
{
    BEGIN();
    /* capsules */
    PyObject *c = PyCapsule_New(&payload, "mod.cap", cap_destructor);
    show_int("isvalid", PyCapsule_IsValid(c, "mod.cap"));
    show_int("isvalid_wrong", PyCapsule_IsValid(c, "other"));
    show_int("isvalid_null", PyCapsule_IsValid(c, NULL));
    show_int("isvalid_notcap", PyCapsule_IsValid(Py_None, "mod.cap"));
    show_int("getpointer", *(int *)PyCapsule_GetPointer(c, "mod.cap"));
    show_int("getpointer_wrong", PyCapsule_GetPointer(c, "x") == NULL);
    show("", NULL);
    show_int("getpointer_notcap", PyCapsule_GetPointer(Py_None, "x") == NULL);
    show("", NULL);
    printf("getname: %s\n", PyCapsule_GetName(c));
    show_int("getdestructor", PyCapsule_GetDestructor(c) == cap_destructor);
    show_int("getcontext_null", PyCapsule_GetContext(c) == NULL && !PyErr_Occurred());
    show_int("setcontext", PyCapsule_SetContext(c, &payload));
    show_int("getcontext", PyCapsule_GetContext(c) == &payload);
    show_int("setname", PyCapsule_SetName(c, "mod.renamed"));
    printf("getname_after: %s\n", PyCapsule_GetName(c));
    show_int("setpointer_null", PyCapsule_SetPointer(c, NULL));
    show_int("setpointer", PyCapsule_SetPointer(c, &destructor_calls));
    show_int("setdestructor_null", PyCapsule_SetDestructor(c, NULL));
    show_int("setdestructor", PyCapsule_SetDestructor(c, cap_destructor));
    show_int("getname_notcap", PyCapsule_GetName(Py_None) == NULL);
    show("", NULL);
    show_int("getcontext_notcap", PyCapsule_GetContext(Py_None) == NULL);
    show("", NULL);
    show_int("getdestructor_notcap", PyCapsule_GetDestructor(Py_None) == NULL);
    show("", NULL);
    show_int("setname_notcap", PyCapsule_SetName(Py_None, "x"));
    show_int("setcontext_notcap", PyCapsule_SetContext(Py_None, NULL));
    show_int("setdestructor_notcap", PyCapsule_SetDestructor(Py_None, NULL));
    show_int("setpointer_notcap", PyCapsule_SetPointer(Py_None, &payload));
    show("new_null", PyCapsule_New(NULL, "x", NULL));
    show("type", PyObject_Repr((PyObject *)Py_TYPE(c)));
    Py_DECREF(c);
    show_int("destructor_calls", destructor_calls);
    PyObject *c2 = PyCapsule_New(&payload, NULL, NULL);
    show_int("noname", PyCapsule_GetPointer(c2, NULL) == &payload);
    show_int("noname_wrong", PyCapsule_GetPointer(c2, "x") == NULL);
    show("", NULL);
    Py_DECREF(c2);
    show_int("import_nomodule", PyCapsule_Import("no_such_mod_xyz.cap", 0) == NULL);
    show("", NULL);
    show_int("import_sys_attr", PyCapsule_Import("sys.path", 0) == NULL);
    show("", NULL);
    show_int("import_missing_attr", PyCapsule_Import("sys.nope", 0) == NULL);
    show("", NULL);

    /* weak references */
    PyObject *W = PyType_FromSpec(&w_spec);
    PyObject *NC = PyType_FromSpec(&nc_spec);
    PyObject *o = PyType_GenericNew((PyTypeObject *)W, NULL, NULL);
    PyObject *cbf = PyCFunction_New(&cb_def, NULL);
    PyObject *r1 = PyWeakref_NewRef(o, NULL);
    PyObject *r2 = PyWeakref_NewRef(o, NULL);
    PyObject *r3 = PyWeakref_NewRef(o, cbf);
    PyObject *r4 = PyWeakref_NewRef(o, Py_None);
    show_int("basic_shared", r1 == r2);
    show_int("cb_distinct", r1 != r3);
    show_int("none_cb_shared", r4 == r1);
    PyObject *p1 = PyWeakref_NewProxy(o, NULL);
    PyObject *p2 = PyWeakref_NewProxy(o, NULL);
    show_int("proxy_shared", p1 == p2);
    show("proxy_type", PyObject_Repr((PyObject *)Py_TYPE(p1)));
    show("ref_type", PyObject_Repr((PyObject *)Py_TYPE(r1)));
    show_int("checkref", PyWeakref_CheckRef(r1));
    show_int("checkref_proxy", PyWeakref_CheckRef(p1));
    show_int("checkproxy", PyWeakref_CheckProxy(p1));
    show_int("check", PyWeakref_Check(r3) && PyWeakref_Check(p1) && !PyWeakref_Check(o));
    show_int("getobject", PyWeakref_GetObject(r1) == o);
    PyObject *got = NULL;
    show_int("getref", PyWeakref_GetRef(r3, &got));
    show_int("getref_same", got == o);
    Py_XDECREF(got);
    got = (PyObject *)1;
    show_int("getref_notref", PyWeakref_GetRef(o, &got));
    show_int("getref_notref_null", got == NULL);
    show_int("call_is_obj", PyObject_CallNoArgs(r1) == o);
    Py_DECREF(o);
    show("call_args", PyObject_CallFunction(r1, "i", 1));
    show("callback_attr", PyObject_GetAttrString(r3, "__callback__"));
    show("callback_attr_none", PyObject_GetAttrString(r1, "__callback__"));
    show("proxy_getattr", PyObject_GetAttrString(p1, "v"));
    show("proxy_call", PyObject_CallNoArgs(p1));
    Py_DECREF(o);
    show_int("cb_count", cb_count);
    show_int("dead_getobject_none", PyWeakref_GetObject(r1) == Py_None);
    got = (PyObject *)1;
    show_int("dead_getref", PyWeakref_GetRef(r1, &got));
    show_int("dead_getref_null", got == NULL);
    show_int("dead_call_none", PyObject_CallNoArgs(r1) == Py_None);
    show("dead_proxy", PyObject_GetAttrString(p1, "v"));
    show("dead_proxy_call", PyObject_CallNoArgs(p1));
    show("ref_int", PyWeakref_NewRef(PyLong_FromLong(5), NULL));
    show("proxy_int", PyWeakref_NewProxy(PyLong_FromLong(5), NULL));
    PyObject *o2 = PyType_GenericNew((PyTypeObject *)NC, NULL, NULL);
    PyObject *p3 = PyWeakref_NewProxy(o2, NULL);
    show("proxy_noncallable_type", PyObject_Repr((PyObject *)Py_TYPE(p3)));
    PyObject *tr = PyWeakref_NewRef(W, NULL);
    show_int("type_ref", PyWeakref_GetObject(tr) == W);
    Py_DECREF(tr);
    Py_DECREF(p3); Py_DECREF(o2);
    Py_DECREF(r1); Py_DECREF(r2); Py_DECREF(r3); Py_DECREF(r4); Py_DECREF(p1); Py_DECREF(p2);
    /* a reference dying before its referent */
    o = PyType_GenericNew((PyTypeObject *)W, NULL, NULL);
    r1 = PyWeakref_NewRef(o, cbf);
    Py_DECREF(r1);
    Py_DECREF(o);
    show_int("cb_count_after_ref_died", cb_count);
    PyObject_ClearWeakRefs(Py_None);
    {
        int se = PyErr_Occurred() == PyExc_SystemError;
        PyErr_Clear();
        show_int("clear_none_systemerror", se);
    }
    Py_DECREF(cbf); Py_DECREF(W); Py_DECREF(NC);
    END();
}
