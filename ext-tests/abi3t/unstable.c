/* PyUnstable_* functions Carapace exports (abi/unstable.tsv), called from one
 * embedding program on CPython 3.15 and on Carapace. Limited API headers, so
 * the unstable prototypes are declared here as CPython 3.15 declares them. */
#include <Python.h>
#include <stdio.h>

PyAPI_FUNC(int) PyUnstable_IsImmortal(PyObject *);
PyAPI_FUNC(int) PyUnstable_SetImmortal(PyObject *);
PyAPI_FUNC(int) PyUnstable_TryIncRef(PyObject *);
PyAPI_FUNC(void) PyUnstable_EnableTryIncRef(PyObject *);
PyAPI_FUNC(int) PyUnstable_Object_IsUniquelyReferenced(PyObject *);
PyAPI_FUNC(int) PyUnstable_Long_IsCompact(const PyObject *);
PyAPI_FUNC(Py_ssize_t) PyUnstable_Long_CompactValue(const PyObject *);
PyAPI_FUNC(void) PyUnstable_Object_ClearWeakRefsNoCallbacks(PyObject *);
PyAPI_FUNC(PyObject *) PyUnstable_Object_GC_NewWithExtraData(PyTypeObject *, size_t);
PyAPI_FUNC(void) PyUnstable_GC_VisitObjects(int (*)(PyObject *, void *), void *);

static int find(PyObject *o, void *arg)
{
    if (o == *(PyObject **)arg) { *(PyObject **)arg = NULL; return 0; }
    return 1;
}

int main(void)
{
    Py_Initialize();
    printf("IsImmortal(None) %d\n", PyUnstable_IsImmortal(Py_None));
    PyObject *big = PyLong_FromString("123456789012345678901234567890", NULL, 10);
    printf("IsImmortal(big) %d\n", PyUnstable_IsImmortal(big));
    printf("IsUniquelyReferenced(big) %d\n", PyUnstable_Object_IsUniquelyReferenced(big));
    printf("TryIncRef(big) %d\n", PyUnstable_TryIncRef(big));
    PyUnstable_EnableTryIncRef(big);
    printf("IsUniquelyReferenced(big, 2 refs) %d\n", PyUnstable_Object_IsUniquelyReferenced(big));
    Py_DECREF(big);
    const long values[] = {0, 1, -1, (1L << 30) - 1, 1L << 30, -(1L << 30) + 1, -(1L << 30), 1L << 40};
    for (size_t i = 0; i < sizeof values / sizeof *values; i++) {
        PyObject *v = PyLong_FromLong(values[i]);
        int compact = PyUnstable_Long_IsCompact(v);
        printf("IsCompact(%ld) %d", values[i], compact);
        if (compact) printf(" value %zd", PyUnstable_Long_CompactValue(v));
        printf("\n");
        Py_DECREF(v);
    }
    PyObject *s = PyUnicode_FromString("not made immortal: a str");
    int r = PyUnstable_SetImmortal(s);
    printf("SetImmortal(str) %d IsImmortal %d\n", r, PyUnstable_IsImmortal(s));
    PyObject *l = PyList_New(0);
    Py_INCREF(l);
    r = PyUnstable_SetImmortal(l);
    printf("SetImmortal(shared list) %d IsImmortal %d\n", r, PyUnstable_IsImmortal(l));
    Py_DECREF(l);
    r = PyUnstable_SetImmortal(l);
    printf("SetImmortal(unique list) %d IsImmortal %d\n", r, PyUnstable_IsImmortal(l));
    Py_DECREF(s);
    /* A set is a GC type with weak references: visit it, clear its weakrefs. */
    PyObject *set = PySet_New(NULL);
    PyObject *cb = PyObject_GetAttrString(PyImport_ImportModule("builtins"), "print");
    PyObject *ref = PyWeakref_NewRef(set, cb);
    PyObject *target = set;
    PyUnstable_GC_VisitObjects(find, &target);
    printf("GC_VisitObjects found the set %d\n", target == NULL);
    PyUnstable_Object_ClearWeakRefsNoCallbacks(set);
    PyObject *got = NULL;
    printf("after ClearWeakRefsNoCallbacks: GetRef %d, referent None %d\n", PyWeakref_GetRef(ref, &got), got == NULL);
    Py_DECREF(ref);
    Py_DECREF(set);
    PyObject *t = PyObject_Type(set = PySet_New(NULL));
    PyObject *o = PyUnstable_Object_GC_NewWithExtraData((PyTypeObject *)t, 64);
    printf("GC_NewWithExtraData(set) type ok %d\n", o != NULL && Py_TYPE(o) == (PyTypeObject *)t);
    Py_DECREF(set);
    Py_DECREF(t);
    Py_DECREF(cb);
    fflush(stdout);
    return 0;
}
