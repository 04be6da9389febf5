/* gc against CPython 3.15 (what does not depend on the heap's contents). */
#include "natives.h"

int main(void)
{
    BEGIN();
    PyObject *m = import("gc");
    show_dir("dir", m);
    CALL("isenabled", m, "isenabled", NULL);
    CALL("disable", m, "disable", NULL);
    CALL("isenabled off", m, "isenabled", NULL);
    CALL("enable", m, "enable", NULL);
    CALL("get_threshold", m, "get_threshold", NULL);
    CALL("set_threshold(700)", m, "set_threshold", "(i)", 700);
    CALL("get_threshold 700", m, "get_threshold", NULL);
    CALL("set_threshold(2000,10,10)", m, "set_threshold", "(iii)", 2000, 10, 10);
    CALL("set_threshold()", m, "set_threshold", NULL);
    CALL("set_threshold(1,2,3,4)", m, "set_threshold", "(iiii)", 1, 2, 3, 4);
    CALL("get_debug", m, "get_debug", NULL);
    CALL("set_debug('x')", m, "set_debug", "(s)", "x");
    CALL("set_debug(0)", m, "set_debug", "(i)", 0);
    show("collect() is int", PyBool_FromLong(PyLong_Check(PyObject_CallMethod(m, "collect", NULL))));
    CALL("collect(3)", m, "collect", "(i)", 3);
    CALL("collect(-1)", m, "collect", "(i)", -1);
    CALL("get_objects(3)", m, "get_objects", "(i)", 3);
    PyObject *l = Py_BuildValue("[i]", 1);
    PyObject *objs = PyObject_CallMethod(m, "get_objects", NULL);
    show("l in get_objects()", PyBool_FromLong(PySequence_Contains(objs, l)));
    Py_DECREF(objs);
    CALL("is_tracked(1)", m, "is_tracked", "(i)", 1);
    CALL("is_tracked([])", m, "is_tracked", "(O)", l);
    CALL("is_finalized([])", m, "is_finalized", "(O)", l);
    /* single items: the core traverses lists forwards, CPython backwards */
    CALL("get_referents([1],(3,))", m, "get_referents", "([i](i))", 1, 3);
    CALL("get_referents(1)", m, "get_referents", "(i)", 1);
    PyObject *holder = Py_BuildValue("[O]", l);
    PyObject *refs = PyObject_CallMethod(m, "get_referrers", "(O)", l);
    show("holder in get_referrers(l)", PyBool_FromLong(PySequence_Contains(refs, holder)));
    show("get_stats len", PyLong_FromSsize_t(PyObject_Length(PyObject_CallMethod(m, "get_stats", NULL))));
    show("get_stats keys", PySequence_List(PyMapping_Keys(PySequence_GetItem(PyObject_CallMethod(m, "get_stats", NULL), 0))));
    CALL("unfreeze", m, "unfreeze", NULL);
    CALL("get_freeze_count", m, "get_freeze_count", NULL);
    show("garbage", PyObject_GetAttrString(m, "garbage"));
    show("callbacks", PyObject_GetAttrString(m, "callbacks"));
    END();
}
