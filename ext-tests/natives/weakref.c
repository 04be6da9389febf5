/* _weakref against CPython 3.15. */
#include "natives.h"

int main(void)
{
    BEGIN();
    PyObject *m = import("_weakref");
    show_dir("dir", m);
    show("ref", PyObject_Repr(PyObject_GetAttrString(m, "ref")));
    show("ReferenceType", PyObject_Repr(PyObject_GetAttrString(m, "ReferenceType")));
    show("ProxyType", PyObject_Repr(PyObject_GetAttrString(m, "ProxyType")));
    show("CallableProxyType", PyObject_Repr(PyObject_GetAttrString(m, "CallableProxyType")));
    show("proxy.__text_signature__", PyObject_GetAttrString(PyObject_GetAttrString(m, "proxy"), "__text_signature__"));
    /* A type whose instances take weak references: a class made by type(). */
    PyObject *cls = PyObject_CallFunction((PyObject *)&PyType_Type, "s(){}", "C");
    PyObject *obj = PyObject_CallNoArgs(cls);
    CALL("getweakrefcount(obj)", m, "getweakrefcount", "(O)", obj);
    CALL("getweakrefs(obj)", m, "getweakrefs", "(O)", obj);
    PyObject *r1 = PyObject_CallMethod(m, "ref", "(O)", obj);
    PyObject *r2 = PyObject_CallMethod(m, "ref", "(OO)", obj, PyObject_GetAttrString(m, "getweakrefs"));
    PyObject *p1 = PyObject_CallMethod(m, "proxy", "(O)", obj);
    PyObject *p2 = PyObject_CallMethod(m, "proxy", "(O)", cls);
    CALL("getweakrefcount(obj) 3", m, "getweakrefcount", "(O)", obj);
    PyObject *refs = PyObject_CallMethod(m, "getweakrefs", "(O)", obj);
    show("len(getweakrefs(obj))", PyLong_FromSsize_t(PyList_Size(refs)));
    show("r1 in refs", PyBool_FromLong(PySequence_Contains(refs, r1)));
    show("p1 in refs", PyBool_FromLong(PySequence_Contains(refs, p1)));
    show("type(p1)", PyObject_Repr((PyObject *)Py_TYPE(p1)));
    show("type(p2)", PyObject_Repr((PyObject *)Py_TYPE(p2)));
    show("ref() is obj", PyBool_FromLong(PyObject_CallNoArgs(r1) == obj));
    CALL("getweakrefcount(1)", m, "getweakrefcount", "(i)", 1);
    CALL("getweakrefs(1)", m, "getweakrefs", "(i)", 1);
    CALL("proxy(1)", m, "proxy", "(i)", 1);
    CALL("proxy()", m, "proxy", "()");
    CALL("getweakrefcount()", m, "getweakrefcount", "()");
    PyObject *d = PyDict_New();
    PyDict_SetItemString(d, "alive", r1);
    PyDict_SetItemString(d, "plain", PyLong_FromLong(1));
    Py_DECREF(refs);
    Py_DECREF(p1);
    PyObject *obj2 = PyObject_CallNoArgs(cls);
    PyObject *r3 = PyObject_CallMethod(m, "ref", "(O)", obj2);
    PyDict_SetItemString(d, "dead", r3);
    Py_DECREF(obj2);
    CALL("dead ref()", r3, "__call__", NULL);
    CALL("_remove_dead_weakref(d,'alive')", m, "_remove_dead_weakref", "(Os)", d, "alive");
    CALL("_remove_dead_weakref(d,'dead')", m, "_remove_dead_weakref", "(Os)", d, "dead");
    CALL("_remove_dead_weakref(d,'plain')", m, "_remove_dead_weakref", "(Os)", d, "plain");
    CALL("_remove_dead_weakref(d,'missing')", m, "_remove_dead_weakref", "(Os)", d, "missing");
    show("sorted keys", PySequence_List(PyMapping_Keys(d)));
    CALL("_remove_dead_weakref(1,'k')", m, "_remove_dead_weakref", "(is)", 1, "k");
    (void)r2;
    END();
}
