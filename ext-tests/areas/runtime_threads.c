/* Threads: N pthreads x many rounds through PyGILState_Ensure/Release, appending
 * to one shared list and updating one shared dict, creating and dropping objects, detaching with
 * PyEval_SaveThread/RestoreThread in between, critical sections keeping pairs of
 * appends together, collections running while other threads work, and PyThread_*
 * locks and thread-specific storage. Only deterministic summaries are printed. */
#include "common.h"
#include <pthread.h>

/* In the Stable ABI, no longer declared by the 3.15 Limited API headers */
PyAPI_FUNC(void) PyThreadState_DeleteCurrent(void);

#define NTHREADS 8
#define ROUNDS 300
#define BATCH 20
#define NKEYS 10

struct arg {
    int tid;
    PyObject *list, *dict, *pairs;
    int errors;
    int nested_ok;
    PyThread_type_lock counter_lock;
    long *counter;
    Py_tss_t *tss;
    int tss_ok;
};

static void *worker(void *p)
{
    struct arg *a = p;
    /* thread-specific storage: each thread sees its own value */
    if (PyThread_tss_set(a->tss, (void *)(long)(a->tid + 1)) != 0) a->errors++;
    for (int start = 0; start < ROUNDS; start += BATCH) {
        PyGILState_STATE g = PyGILState_Ensure();
        /* a nested Ensure on the same thread */
        PyGILState_STATE g2 = PyGILState_Ensure();
        if (g2 != PyGILState_LOCKED || PyGILState_GetThisThreadState() != PyThreadState_Get())
            a->nested_ok = 0;
        PyGILState_Release(g2);
        for (int i = start; i < start + BATCH; i++) {
            PyObject *v = PyLong_FromLong(a->tid * 100000L + i);
            if (v == NULL || PyList_Append(a->list, v) < 0) a->errors++;
            PyObject *key = PyUnicode_FromFormat("t%d-%d", a->tid, i % NKEYS);
            if (key == NULL || PyDict_SetItem(a->dict, key, v) < 0) a->errors++;
            /* two appends that must stay adjacent (the list's own operations run
               inside the critical section on it) */
            PyCriticalSection cs;
            PyCriticalSection_Begin(&cs, a->pairs);
            if (PyList_Append(a->pairs, v) < 0 || PyList_Append(a->pairs, v) < 0) a->errors++;
            PyCriticalSection_End(&cs);
            /* two objects at once */
            PyCriticalSection2 cs2;
            PyCriticalSection2_Begin(&cs2, a->list, a->dict);
            PyCriticalSection2_End(&cs2);
            /* objects created and dropped */
            PyObject *tup = Py_BuildValue("(isO[i]{s:i})", i, "x", v, i, "k", i);
            PyObject *str = tup ? PyObject_Repr(tup) : NULL;
            if (tup == NULL || str == NULL) a->errors++;
            Py_XDECREF(str); Py_XDECREF(tup); Py_XDECREF(key); Py_XDECREF(v);
            if (PyErr_Occurred()) { PyErr_Clear(); a->errors++; }
            if (i % 7 == 0) {
                /* detach in the middle of a batch, and hold a critical section
                   across the detach (it is suspended meanwhile) */
                PyCriticalSection cs3;
                PyCriticalSection_Begin(&cs3, a->pairs);
                PyThreadState *s = PyEval_SaveThread();
                PyThread_acquire_lock(a->counter_lock, WAIT_LOCK);
                (*a->counter)++;
                PyThread_release_lock(a->counter_lock);
                PyEval_RestoreThread(s);
                PyCriticalSection_End(&cs3);
            }
        }
        if (a->tid == 0 && start % (4 * BATCH) == 0)
            PyGC_Collect(); /* stops the world while the others run */
        PyGILState_Release(g);
    }
    a->tss_ok = PyThread_tss_get(a->tss) == (void *)(long)(a->tid + 1);
    return NULL;
}

/* The older pattern: a thread state made with PyThreadState_New (here by the
 * main thread, for the worker), attached with PyEval_AcquireThread, released
 * with PyEval_ReleaseThread, and deleted by the worker at the end. */
struct legacy_arg {
    PyThreadState *ts;
    PyObject *list;
    int errors;
};

static void *legacy_worker(void *p)
{
    struct legacy_arg *a = p;
    for (int round = 0; round < ROUNDS / BATCH; round++) {
        PyEval_AcquireThread(a->ts);
        if (PyThreadState_Get() != a->ts) a->errors++;
        for (int i = 0; i < BATCH; i++) {
            PyObject *v = PyLong_FromLong(-1);
            if (v == NULL || PyList_Append(a->list, v) < 0) a->errors++;
            Py_XDECREF(v);
        }
        PyEval_ReleaseThread(a->ts);
    }
    PyEval_AcquireThread(a->ts);
    PyThreadState_Clear(a->ts);
    PyThreadState_DeleteCurrent();
    return NULL;
}

int main(void)
{
    BEGIN();
    PyObject *list = PyList_New(0), *dict = PyDict_New(), *pairs = PyList_New(0);
    PyObject *other = PyList_New(0);
    long counter = 0;
    Py_tss_t *tss = PyThread_tss_alloc();
    show_int("tss created before", PyThread_tss_is_created(tss));
    show_int("tss create", PyThread_tss_create(tss));
    show_int("tss create again", PyThread_tss_create(tss));
    show_int("tss is_created", PyThread_tss_is_created(tss));
    show_int("tss main unset", PyThread_tss_get(tss) == NULL);
    struct arg args[NTHREADS];
    pthread_t th[NTHREADS];
    PyThreadState *main_ts = PyThreadState_Get();
    PyThreadState *save = PyEval_SaveThread();
    int save_ok = save == main_ts;
    PyThread_type_lock lock = PyThread_allocate_lock();
    struct legacy_arg largs[2];
    pthread_t lth[2];
    for (int t = 0; t < 2; t++) {
        largs[t] = (struct legacy_arg){PyThreadState_New(PyThreadState_GetInterpreter(main_ts)), other, 0};
        pthread_create(&lth[t], NULL, legacy_worker, &largs[t]);
    }
    for (int t = 0; t < NTHREADS; t++) {
        args[t] = (struct arg){t, list, dict, pairs, 0, 1, lock, &counter, tss, 0};
        pthread_create(&th[t], NULL, worker, &args[t]);
    }
    for (int t = 0; t < NTHREADS; t++)
        pthread_join(th[t], NULL);
    for (int t = 0; t < 2; t++)
        pthread_join(lth[t], NULL);
    PyEval_RestoreThread(save);
    show_int("acquire/release thread workers", largs[0].errors + largs[1].errors);
    show_int("their list", (long)PyList_Size(other));
    Py_DECREF(other);
    show_int("save returns current", save_ok);
    show_int("restored", PyThreadState_Get() == main_ts);
    int errors = 0, nested_ok = 1, tss_ok = 1;
    for (int t = 0; t < NTHREADS; t++) {
        errors += args[t].errors;
        nested_ok &= args[t].nested_ok;
        tss_ok &= args[t].tss_ok;
    }
    show_int("errors", errors);
    show_int("nested ensure", nested_ok);
    show_int("tss per thread", tss_ok);
    show_int("tss main still unset", PyThread_tss_get(tss) == NULL);
    int expect_counter = 0;
    for (int i = 0; i < ROUNDS; i++) if (i % 7 == 0) expect_counter++;
    show_int("locked counter", counter == (long)expect_counter * NTHREADS);
    show_int("list len", (long)PyList_Size(list));
    show_int("dict len", (long)PyDict_Size(dict));
    show_int("pairs len", (long)PyList_Size(pairs));
    /* every thread's values appear exactly once, in its own order */
    long next[NTHREADS] = {0};
    int order_ok = 1;
    for (long i = 0; i < NTHREADS * ROUNDS; i++) {
        PyObject *it = PyList_GetItem(list, i);
        long v = it ? PyLong_AsLong(it) : -1;
        long t = v / 100000L, n = v % 100000L;
        if (v < 0 || t >= NTHREADS || n != next[t]) { order_ok = 0; break; }
        next[t]++;
    }
    show_int("list order", order_ok);
    int pairs_ok = 1;
    for (long i = 0; i < 2 * NTHREADS * ROUNDS; i += 2) {
        PyObject *x = PyList_GetItem(pairs, i), *y = PyList_GetItem(pairs, i + 1);
        if (x == NULL || x != y) pairs_ok = 0;
        if (!pairs_ok) break;
    }
    show_int("pairs adjacent", pairs_ok);
    int dict_ok = 1;
    for (int t = 0; t < NTHREADS; t++)
        for (int r = 0; r < NKEYS; r++) {
            PyObject *k = PyUnicode_FromFormat("t%d-%d", t, r);
            PyObject *v = PyDict_GetItemWithError(dict, k);
            if (v == NULL || PyLong_AsLong(v) != t * 100000L + (ROUNDS - NKEYS) + r) dict_ok = 0;
            Py_XDECREF(k);
        }
    show_int("dict last writes", dict_ok);
    PyErr_Clear();
    PyThread_free_lock(lock);
    PyThread_tss_delete(tss);
    show_int("tss deleted", PyThread_tss_is_created(tss));
    PyThread_tss_free(tss);
    Py_DECREF(list); Py_DECREF(dict); Py_DECREF(pairs);
    END();
}
