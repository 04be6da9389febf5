/* Thread and interpreter states: PyThreadState_*, PyGILState_* from a thread the
 * runtime does not know, PyInterpreterState_*, PEP 788 guards and views,
 * PyThreadState_SetAsyncExc, memory and object allocation, the GC API, and
 * finalisation followed by a second initialisation. */
#include "common.h"
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#include <pthread.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* Stable ABI symbols the 3.15 headers no longer declare */
PyAPI_FUNC(int) PyEval_ThreadsInitialized(void);
PyAPI_FUNC(PyThreadState *) _PyThreadState_Prealloc(PyInterpreterState *);

static PyThreadState *seen_ts;
static int foreign_ok;

static void *foreign(void *unused)
{
    (void)unused;
    int ok = 1;
    ok &= PyGILState_GetThisThreadState() == NULL;
    ok &= PyThreadState_GetDict() == NULL; /* no thread state: NULL, no crash */
    PyGILState_STATE g = PyGILState_Ensure();
    ok &= g == PyGILState_UNLOCKED;
    PyThreadState *ts = PyThreadState_Get();
    ok &= ts != NULL && PyGILState_GetThisThreadState() == ts;
    ok &= ts != seen_ts;
    ok &= PyThreadState_GetInterpreter(ts) == PyInterpreterState_Get();
    PyGILState_STATE g2 = PyGILState_Ensure();
    ok &= g2 == PyGILState_LOCKED;
    PyGILState_Release(g2);
    ok &= PyThreadState_Get() == ts;
    PyObject *d = PyThreadState_GetDict();
    ok &= d != NULL && d != PyThreadState_GetDict() ? 0 : 1;
    PyGILState_Release(g);
    /* the auto-created state is gone */
    ok &= PyGILState_GetThisThreadState() == NULL;
    /* PEP 788 from a new thread */
    PyInterpreterView *view = PyInterpreterView_FromMain();
    ok &= view != NULL;
    PyThreadStateToken *tok = PyThreadState_EnsureFromView(view);
    ok &= tok != NULL;
    if (tok) {
        ok &= PyThreadState_Get() != NULL;
        PyObject *x = PyLong_FromLong(99);
        ok &= x != NULL;
        Py_XDECREF(x);
        PyThreadState_Release(tok);
    }
    PyInterpreterView_Close(view);
    foreign_ok = ok;
    return NULL;
}

static int finalize_calls;
static void tracked_dealloc_check(void) { finalize_calls++; }

int main(void)
{
    BEGIN();
    PyThreadState *ts = PyThreadState_Get();
    seen_ts = ts;
    show_int("get", ts != NULL);
    show_int("gilstate this thread", PyGILState_GetThisThreadState() == ts);
    show_int("nested ensure", PyGILState_Ensure() == PyGILState_LOCKED);
    PyGILState_Release(PyGILState_LOCKED);
    show_int("still current", PyThreadState_Get() == ts);
    show_int("threads initialized", PyEval_ThreadsInitialized());
    PyEval_InitThreads();

    /* dict */
    PyObject *d = PyThreadState_GetDict();
    show_int("dict is dict", d != NULL && PyDict_Check(d));
    show_int("dict stable", PyThreadState_GetDict() == d);
    /* interpreter */
    PyInterpreterState *interp = PyInterpreterState_Get();
    show_int("interp", interp != NULL && interp == PyThreadState_GetInterpreter(ts));
    show_int("interp id", (long)PyInterpreterState_GetID(interp));
    PyObject *idict = PyInterpreterState_GetDict(interp);
    show_int("interp dict", idict != NULL && PyDict_Check(idict) && idict == PyInterpreterState_GetDict(interp));
    show_int("frame", PyThreadState_GetFrame(ts) == NULL && !PyErr_Occurred());
    show_int("id positive", PyThreadState_GetID(ts) > 0);

    /* a second thread state on this thread, swapped in and out */
    PyThreadState *other = PyThreadState_New(interp);
    show_int("new", other != NULL && other != ts);
    show_int("new id differs", PyThreadState_GetID(other) != PyThreadState_GetID(ts));
    show_int("gilstate unchanged by New", PyGILState_GetThisThreadState() == ts);
    PyThreadState *prev = PyThreadState_Swap(other);
    show_int("swap returns previous", prev == ts);
    show_int("swapped", PyThreadState_Get() == other);
    PyObject *od = PyThreadState_GetDict();
    show_int("other dict differs", od != NULL && od != d);
    show("error in other", (PyErr_SetString(PyExc_ValueError, "k"), NULL));
    prev = PyThreadState_Swap(ts);
    show_int("swap back", prev == other && PyThreadState_Get() == ts);
    PyThreadState_Clear(other);
    PyThreadState_Delete(other);
    PyThreadState *pre = _PyThreadState_Prealloc(interp);
    show_int("prealloc", pre != NULL && pre != ts);
    PyThreadState_Clear(pre);
    PyThreadState_Delete(pre);

    /* save / restore */
    PyThreadState *saved = PyEval_SaveThread();
    PyEval_RestoreThread(saved);
    show_int("save restore", saved == ts && PyThreadState_Get() == ts);
    PyEval_ReleaseThread(ts);
    PyEval_AcquireThread(ts);
    show_int("release acquire", PyThreadState_Get() == ts);

    /* async exceptions */
    show_int("async exc unknown thread", PyThreadState_SetAsyncExc(12345, PyExc_ValueError));
    show_int("async exc this thread", PyThreadState_SetAsyncExc(PyThread_get_thread_ident(), PyExc_ValueError));
    show_int("async exc cancel", PyThreadState_SetAsyncExc(PyThread_get_thread_ident(), NULL));

    /* a thread the runtime does not know */
    pthread_t th;
    Py_BEGIN_ALLOW_THREADS
    pthread_create(&th, NULL, foreign, NULL);
    pthread_join(th, NULL);
    Py_END_ALLOW_THREADS
    show_int("foreign thread", foreign_ok);

    /* PEP 788 on this thread */
    PyInterpreterGuard *guard = PyInterpreterGuard_FromCurrent();
    show_int("guard", guard != NULL);
    PyThreadStateToken *tok = PyThreadState_Ensure(guard);
    show_int("ensure attached", tok != NULL && PyThreadState_Get() == ts);
    PyThreadState_Release(tok);
    show_int("release keeps current", PyThreadState_Get() == ts);
    PyInterpreterGuard_Close(guard);
    PyInterpreterView *view = PyInterpreterView_FromCurrent();
    show_int("view", view != NULL);
    PyInterpreterGuard *g2 = PyInterpreterGuard_FromView(view);
    show_int("guard from view", g2 != NULL);
    PyInterpreterGuard_Close(g2);
    PyInterpreterView_Close(view);

    /* memory */
    char *p = PyMem_Malloc(16);
    show_int("malloc", p != NULL);
    p = PyMem_Realloc(p, 4096);
    show_int("realloc", p != NULL);
    PyMem_Free(p);
    long *z = PyMem_Calloc(8, sizeof(long));
    show_int("calloc zeroed", z != NULL && z[0] == 0 && z[7] == 0);
    PyMem_Free(z);
    show_int("malloc 0", (p = PyMem_Malloc(0)) != NULL);
    PyMem_Free(p);
    show_int("calloc 0", (p = PyMem_Calloc(0, 0)) != NULL);
    PyMem_Free(p);
    PyMem_Free(NULL);
    show_int("malloc too big", PyMem_Malloc((size_t)PY_SSIZE_T_MAX + 1) == NULL && !PyErr_Occurred());
    show_int("calloc overflow", PyMem_Calloc((size_t)1 << 62, 16) == NULL);
    show_int("realloc too big", PyMem_Realloc(NULL, (size_t)-1) == NULL);
    show_int("raw malloc", (p = PyMem_RawMalloc(10)) != NULL);
    p = PyMem_RawRealloc(p, 100);
    PyMem_RawFree(p);
    p = PyMem_RawCalloc(3, 3);
    show_int("raw calloc", p != NULL && p[8] == 0);
    PyMem_RawFree(p);
    p = PyObject_Malloc(100);
    p = PyObject_Realloc(p, 5000);
    show_int("object realloc", p != NULL);
    PyObject_Free(p);
    z = PyObject_Calloc(4, sizeof(long));
    show_int("object calloc", z != NULL && z[3] == 0);
    PyObject_Free(z);
    show_int("object malloc too big", PyObject_Malloc((size_t)-1) == NULL);

    /* object init on caller memory */
    PyObject *o = PyObject_Malloc(sizeof(PyObject) + 16);
    PyObject *r = PyObject_Init(o, &PyBaseObject_Type);
    show_int("init", r == o && Py_TYPE(o) == &PyBaseObject_Type && Py_REFCNT(o) == 1);
    PyObject_Free(o);
    show("init NULL", PyObject_Init(NULL, &PyBaseObject_Type));
    PyVarObject *vo = PyObject_Malloc(sizeof(PyVarObject) + 16);
    show_int("initvar", PyObject_InitVar(vo, &PyTuple_Type, 0) == vo && Py_SIZE((PyObject *)vo) == 0);
    PyObject_Free(vo);
    show("initvar NULL", (PyObject *)PyObject_InitVar(NULL, &PyTuple_Type, 0));
    PyObject *n = _PyObject_New(&PyBaseObject_Type);
    show_int("new", n != NULL && Py_TYPE(n) == &PyBaseObject_Type && Py_REFCNT(n) == 1);
    show_int("new not tracked", PyObject_GC_IsTracked(n));
    Py_DECREF(n);

    /* GC objects */
    PyObject *l = PyList_New(0);
    show_int("list tracked", PyObject_GC_IsTracked(l));
    PyObject_GC_UnTrack(l);
    show_int("untracked", PyObject_GC_IsTracked(l));
    PyObject_GC_UnTrack(l);
    PyObject_GC_Track(l);
    show_int("tracked again", PyObject_GC_IsTracked(l));
    show_int("finalized", PyObject_GC_IsFinalized(l));
    show_int("int is not gc", PyObject_GC_IsTracked(Py_None));
    show_int("static type not tracked", PyObject_GC_IsTracked((PyObject *)&PyLong_Type));
    show_int("static type not finalized", PyObject_GC_IsFinalized((PyObject *)&PyLong_Type));
    Py_DECREF(l);

    /* GC allocation */
    show("gc newvar negative", (PyObject *)_PyObject_GC_NewVar(&PyTuple_Type, -1));
    {
        PyVarObject *t = _PyObject_GC_NewVar(&PyTuple_Type, 3);
        show_int("gc newvar", t != NULL && Py_SIZE((PyObject *)t) == 3 && Py_REFCNT((PyObject *)t) == 1);
        show_int("gc newvar untracked", PyObject_GC_IsTracked((PyObject *)t));
        PyTuple_SetItem((PyObject *)t, 0, PyLong_FromLong(1));
        PyTuple_SetItem((PyObject *)t, 1, PyLong_FromLong(2));
        t = _PyObject_GC_Resize(t, 2); /* the third slot was never filled */
        show_int("gc resize", t != NULL && Py_SIZE((PyObject *)t) == 2);
        PyObject_GC_Track(t);
        show_int("gc tracked after resize", PyObject_GC_IsTracked((PyObject *)t));
        show("gc resized tuple", (PyObject *)t);
    }

    /* GC switches */
    show_int("gc enabled", PyGC_IsEnabled());
    show_int("gc disable prev", PyGC_Disable());
    show_int("gc disable again", PyGC_Disable());
    show_int("gc enabled now", PyGC_IsEnabled());
    show_int("gc collect disabled", (long)PyGC_Collect());
    show_int("gc enable prev", PyGC_Enable());
    show_int("gc enable again", PyGC_Enable());
    PyErr_SetString(PyExc_ValueError, "kept");
    show_int("gc collect nonneg", PyGC_Collect() >= 0);
    show("exception kept across collect", NULL);
    {
        /* a cycle the collector frees */
        PyObject *a = PyList_New(0), *b = PyList_New(0);
        PyList_Append(a, b);
        PyList_Append(b, a);
        Py_DECREF(a);
        Py_DECREF(b);
        show_int("collect finds the cycle", PyGC_Collect() >= 2);
    }

    /* fork: the child goes on with the API; the parent too */
    {
        fflush(stdout);
        PyOS_BeforeFork();
        pid_t pid = fork();
        if (pid == 0) {
            PyOS_AfterFork_Child();
            show("child int", PyLong_FromLong(5));
            show_int("child has thread state", PyThreadState_Get() != NULL);
            PyObject *cl = PyList_New(0);
            show_int("child list append", PyList_Append(cl, Py_None));
            Py_DECREF(cl);
            fflush(stdout);
            _exit(0);
        }
        PyOS_AfterFork_Parent();
        int status = 0;
        waitpid(pid, &status, 0);
        show_int("child exit", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
        show("parent int", PyLong_FromLong(6));
    }

    show_int("initialized", Py_IsInitialized());
    show_int("finalizing", Py_IsFinalizing());
    Py_AtExit(tracked_dealloc_check);
    int fin = Py_FinalizeEx();
    printf("finalize: %d\n", fin);
    printf("after finalize: initialized %d, atexit ran %d\n", Py_IsInitialized(), finalize_calls);
    printf("finalize twice: %d\n", Py_FinalizeEx());
    /* a second life */
    Py_Initialize();
    printf("reinitialized: %d\n", Py_IsInitialized());
    show("int after reinit", PyLong_FromLong(7));
    show("str after reinit", PyUnicode_FromString("again"));
    show_int("thread state after reinit", PyThreadState_Get() != NULL);
    show_int("builtins after reinit", PyEval_GetBuiltins() != NULL);
    END();
}
