/* types: weak references, heap types and imports from several threads at once
 * (no GIL in Carapace: the striped weakref locks and module locks at work). */
#include "common.h"
#include <pthread.h>
#include <stddef.h>
#pragma GCC diagnostic ignored "-Wunused-parameter"

typedef struct { PyObject_HEAD PyObject *weaklist; } WObj;
static void w_dealloc(PyObject *o)
{
    PyTypeObject *tp = Py_TYPE(o);
    if (((WObj *)o)->weaklist) PyObject_ClearWeakRefs(o);
    freefunc f = (freefunc)PyType_GetSlot(tp, Py_tp_free);
    f(o);
    Py_DECREF(tp);
}
static PyMemberDef w_members[] = {
    {"__weaklistoffset__", Py_T_PYSSIZET, offsetof(WObj, weaklist), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};
static PyType_Slot w_slots[] = {{Py_tp_members, w_members}, {Py_tp_dealloc, w_dealloc}, {0, NULL}};
static PyType_Spec w_spec = {"tmod.W", sizeof(WObj), 0, Py_TPFLAGS_DEFAULT, w_slots};

static PyObject *W;
static PyObject *shared;          /* one object all threads reference weakly */
static long callbacks[8];
static long errors_seen[8];

static PyObject *cb(PyObject *self, PyObject *ref)
{
    callbacks[PyLong_AsLong(self)]++;
    Py_RETURN_NONE;
}
static PyMethodDef cb_def = {"cb", cb, METH_O, NULL};

#define ROUNDS 2000

static void *worker(void *arg)
{
    long id = (long)arg;
    PyGILState_STATE g = PyGILState_Ensure();
    PyObject *idobj = PyLong_FromLong(id);
    PyObject *f = PyCFunction_New(&cb_def, idobj);
    for (int i = 0; i < ROUNDS; i++) {
        PyObject *o = PyType_GenericNew((PyTypeObject *)W, NULL, NULL);
        PyObject *r = PyWeakref_NewRef(o, f);
        PyObject *r2 = PyWeakref_NewRef(shared, NULL);
        PyObject *r3 = PyWeakref_NewRef(shared, f);
        PyObject *got = NULL;
        if (PyWeakref_GetRef(r2, &got) != 1 || got != shared) errors_seen[id]++;
        Py_XDECREF(got);
        Py_DECREF(o);                       /* callback runs here */
        if (PyWeakref_GetRef(r, &got) != 0) errors_seen[id]++;
        Py_DECREF(r); Py_DECREF(r2); Py_DECREF(r3);
        if (i % 100 == 0) {
            PyObject *m = PyImport_ImportModule("sys");
            if (m == NULL) { errors_seen[id]++; PyErr_Clear(); }
            Py_XDECREF(m);
        }
    }
    Py_DECREF(f); Py_DECREF(idobj);
    PyGILState_Release(g);
    return NULL;
}

int main(void)
{
    BEGIN();
    W = PyType_FromSpec(&w_spec);
    shared = PyType_GenericNew((PyTypeObject *)W, NULL, NULL);
    PyThreadState *save = PyEval_SaveThread();
    pthread_t th[8];
    for (long i = 0; i < 8; i++) pthread_create(&th[i], NULL, worker, (void *)i);
    for (int i = 0; i < 8; i++) pthread_join(th[i], NULL);
    PyEval_RestoreThread(save);
    long total = 0, errs = 0;
    for (int i = 0; i < 8; i++) { total += callbacks[i]; errs += errors_seen[i]; }
    show_int("callbacks", total);
    show_int("errors", errs);
    PyObject *r = PyWeakref_NewRef(shared, NULL);
    Py_DECREF(shared);
    PyObject *got = (PyObject *)1;
    show_int("shared_dead", PyWeakref_GetRef(r, &got) == 0 && got == NULL);
    Py_DECREF(r);
    Py_DECREF(W);
    END();
}
