/* Runtime services: Py_* misc (version strings, recursion guards, locale
 * conversion, Py_AtExit, pending calls), PyEval_Get*, PyOS_*, PyThread_*. */
#include "common.h"
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#include <signal.h>
#include <string.h>
#include <wchar.h>
#include <pthread.h>
#include <unistd.h>

/* call the exported functions, not the header's macros of the same name */
#undef Py_PACK_VERSION
#undef Py_PACK_FULL_VERSION

static void atexit_a(void) { printf("atexit a (registered first, runs last)\n"); fflush(stdout); }
static void atexit_b(void) { printf("atexit b\n"); fflush(stdout); }

static int pending_runs = 0;
static int pending_ok(void *arg) { pending_runs += (int)(long)arg; return 0; }
static int pending_fail(void *arg)
{
    (void)arg;
    PyErr_SetString(PyExc_ValueError, "pending failed");
    return -1;
}

static volatile int thread_ran = 0;
static void thread_body(void *arg) { thread_ran = (int)(long)arg; }

static void handler(int sig) { (void)sig; }

static void show_wide(const char *label, const wchar_t *w, size_t n)
{
    printf("%s: [", label);
    for (size_t i = 0; i < n; i++) printf("%s%x", i ? " " : "", (unsigned)w[i]);
    printf("]\n");
}

static void show_bytes(const char *label, const char *s)
{
    if (s == NULL) { printf("%s: NULL\n", label); return; }
    printf("%s: [", label);
    for (size_t i = 0; s[i]; i++) printf("%s%02x", i ? " " : "", (unsigned char)s[i]);
    printf("]\n");
}

int main(void)
{
    BEGIN();
    /* version strings: the first field and the shape */
    const char *v = Py_GetVersion();
    printf("version starts: %.6s\n", v);
    printf("version has parens and brackets: %d\n", strchr(v, '(') != NULL && strchr(v, '[') != NULL);
    show_str("platform", Py_GetPlatform());
    printf("compiler bracketed: %d\n", Py_GetCompiler()[0] == '[' || Py_GetCompiler()[0] == ' ');
    printf("buildinfo nonempty: %d\n", Py_GetBuildInfo()[0] != 0);
    printf("copyright starts: %.46s\n", Py_GetCopyright());
    printf("copyright length: %zu\n", strlen(Py_GetCopyright()));
    show_int("pack version 3.15", (long)Py_PACK_VERSION(3, 15));
    show_int("pack full 3.15.2 final", (long)Py_PACK_FULL_VERSION(3, 15, 2, 0xF, 0));
    show_int("pack full masks", (long)Py_PACK_FULL_VERSION(0x1ff, 0x2ff, 0x3ff, 0x1f, 0x2f));
    show_int("pack negative", (long)Py_PACK_VERSION(-1, -1));

    /* recursion */
    show_int("recursion limit", Py_GetRecursionLimit());
    Py_SetRecursionLimit(50);
    show_int("recursion limit set", Py_GetRecursionLimit());
    Py_SetRecursionLimit(1000);
    show_int("enter", Py_EnterRecursiveCall(" in test"));
    Py_LeaveRecursiveCall();
    {
        int depth = 0, rc = 0;
        while (depth < 100000 && (rc = Py_EnterRecursiveCall(" while testing")) == 0) depth++;
        printf("recursion stops: %d\n", rc == -1 && depth > 0);
        show("recursion error", NULL);
        for (int i = 0; i < depth; i++) Py_LeaveRecursiveCall();
        show_int("enter after unwinding", Py_EnterRecursiveCall(""));
        Py_LeaveRecursiveCall();
    }

    /* repr guards */
    PyObject *o = PyLong_FromLong(12345678);
    show_int("repr enter", Py_ReprEnter(o));
    show_int("repr enter again", Py_ReprEnter(o));
    Py_ReprLeave(o);
    show_int("repr enter after leave", Py_ReprEnter(o));
    Py_ReprLeave(o);
    Py_DECREF(o);

    /* locale conversion (UTF-8, surrogateescape) */
    {
        size_t n = 99;
        wchar_t *w = Py_DecodeLocale("h\xc3\xa9llo\xff\x80!", &n);
        show_int("decode size", (long)n);
        show_wide("decode", w, n);
        size_t err = 99;
        char *b = Py_EncodeLocale(w, &err);
        show_bytes("encode back", b);
        show_int("encode error pos untouched or -1", err == 99 || err == (size_t)-1);
        PyMem_Free(b);
        PyMem_RawFree(w);
        w = Py_DecodeLocale("", &n);
        show_int("decode empty", (long)n);
        PyMem_RawFree(w);
        wchar_t bad[] = {L'a', L'b', 0xD800, L'c', 0};
        err = 99;
        b = Py_EncodeLocale(bad, &err);
        printf("encode lone surrogate: %s pos %zu\n", b ? "ok" : "NULL", err);
        PyMem_Free(b);
        wchar_t esc[] = {0xDCFF, L'x', 0};
        b = Py_EncodeLocale(esc, NULL);
        show_bytes("encode escaped", b);
        PyMem_Free(b);
    }

    /* PyOS */
    show_int("stricmp eq", PyOS_mystricmp("HeLLo", "hello"));
    show_int("stricmp lt", PyOS_mystricmp("abc", "abd") < 0);
    show_int("stricmp prefix", PyOS_mystricmp("abc", "ab") > 0);
    show_int("strnicmp 3", PyOS_mystrnicmp("ABCx", "abcy", 3));
    show_int("strnicmp 4", PyOS_mystrnicmp("ABCx", "abcy", 4) < 0);
    show_int("strnicmp 0", PyOS_mystrnicmp("a", "b", 0));
    show("fspath str", PyOS_FSPath(PyUnicode_FromString("/tmp/x")));
    {
        PyObject *s = PyUnicode_FromString("p");
        PyObject *r = PyOS_FSPath(s);
        show_int("fspath str same object", r == s);
        Py_XDECREF(r);
        Py_DECREF(s);
        PyObject *i = PyLong_FromLong(3);
        show("fspath int", PyOS_FSPath(i));
        Py_DECREF(i);
        show("fspath none", PyOS_FSPath(Py_None));
    }
    show_int("interrupt occurred", PyOS_InterruptOccurred());
    {
        PyOS_sighandler_t old = PyOS_setsig(SIGUSR1, handler);
        show_int("setsig old default", old == SIG_DFL);
        show_int("getsig", PyOS_getsig(SIGUSR1) == handler);
        show_int("setsig back", PyOS_setsig(SIGUSR1, old) == handler);
        show_int("getsig default", PyOS_getsig(SIGUSR1) == SIG_DFL);
    }

    /* PyEval */
    PyObject *b = PyEval_GetBuiltins();
    show_int("builtins is dict", b != NULL && PyDict_Check(b));
    PyObject *fb = PyEval_GetFrameBuiltins();
    show_int("frame builtins", fb == b);
    Py_XDECREF(fb);
    show_int("globals NULL", PyEval_GetGlobals() == NULL && !PyErr_Occurred());
    show_int("frame globals NULL", PyEval_GetFrameGlobals() == NULL && !PyErr_Occurred());
    show_int("frame NULL", PyEval_GetFrame() == NULL && !PyErr_Occurred());
    show("locals", Py_XNewRef(PyEval_GetLocals()));
    show("frame locals", PyEval_GetFrameLocals());
    show_str("funcname none", PyEval_GetFuncName(Py_None));
    show_str("funcdesc none", PyEval_GetFuncDesc(Py_None));
    show_str("funcname type", PyEval_GetFuncName((PyObject *)&PyLong_Type));

    /* pending calls */
    show_int("add pending 1", Py_AddPendingCall(pending_ok, (void *)1L));
    show_int("add pending 2", Py_AddPendingCall(pending_ok, (void *)10L));
    show_int("make pending", Py_MakePendingCalls());
    show_int("pending ran", pending_runs);
    show_int("make pending again", Py_MakePendingCalls());
    Py_AddPendingCall(pending_fail, NULL);
    Py_AddPendingCall(pending_ok, (void *)100L);
    show_int("make failing", Py_MakePendingCalls());
    show_int("make rest", Py_MakePendingCalls());
    show_int("pending ran after", pending_runs);
    {
        int added = 0;
        while (added < 1000 && Py_AddPendingCall(pending_ok, (void *)0L) == 0) added++;
        printf("pending queue bounded: %d\n", added > 0 && added < 1000);
        Py_MakePendingCalls();
    }

    /* PyThread */
    PyThread_init_thread();
    show_int("ident nonzero", PyThread_get_thread_ident() != 0);
    show_int("ident is pthread_self", PyThread_get_thread_ident() == (unsigned long)pthread_self());
    show_int("native id is pid (main thread)", PyThread_get_thread_native_id() == (unsigned long)getpid());
    PyThread_type_lock lk = PyThread_allocate_lock();
    show_int("acquire", PyThread_acquire_lock(lk, WAIT_LOCK));
    show_int("acquire nowait busy", PyThread_acquire_lock(lk, NOWAIT_LOCK));
    show_int("timed 0 busy", PyThread_acquire_lock_timed(lk, 0, 0));
    show_int("timed 20ms busy", PyThread_acquire_lock_timed(lk, 20000, 0));
    PyThread_release_lock(lk);
    show_int("timed free", PyThread_acquire_lock_timed(lk, 1000, 0));
    PyThread_release_lock(lk);
    show_int("timed forever free", PyThread_acquire_lock_timed(lk, -1, 0));
    PyThread_release_lock(lk);
    PyThread_free_lock(lk);
    show_int("stacksize default", (long)PyThread_get_stacksize());
    show_int("set stacksize too small", PyThread_set_stacksize(100));
    show_int("set stacksize 1MiB", PyThread_set_stacksize(1 << 20));
    show_int("stacksize now", (long)PyThread_get_stacksize());
    show_int("set stacksize 0", PyThread_set_stacksize(0));
    show_int("stacksize reset", (long)PyThread_get_stacksize());
    unsigned long tid = PyThread_start_new_thread(thread_body, (void *)7L);
    show_int("start thread", tid != (unsigned long)-1);
    for (int i = 0; i < 2000 && !thread_ran; i++) usleep(1000);
    show_int("thread ran", thread_ran);
    PyObject *info = PyThread_GetInfo();
    show_int("info is tuple", info != NULL && PyTuple_Check(info));
    show("info name", Py_XNewRef(PyTuple_GetItem(info, 0)));
    show("info lock", Py_XNewRef(PyTuple_GetItem(info, 1)));
    Py_XDECREF(info);
    {
        int key = PyThread_create_key();
        show_int("tls key", key >= 0);
        show_int("tls get unset", PyThread_get_key_value(key) == NULL);
        show_int("tls set", PyThread_set_key_value(key, (void *)5L));
        show_int("tls get", (long)PyThread_get_key_value(key));
        PyThread_delete_key_value(key);
        show_int("tls deleted value", PyThread_get_key_value(key) == NULL);
        PyThread_delete_key(key);
        PyThread_ReInitTLS();
    }

    /* Py_AtExit: run at the end of Py_FinalizeEx, newest first */
    show_int("atexit a", Py_AtExit(atexit_a));
    show_int("atexit b", Py_AtExit(atexit_b));
    {
        int n = 2;
        while (n < 100 && Py_AtExit(atexit_b) == 0) n++;
        printf("atexit table bounded at: %d\n", n);
    }
    printf("finalizing\n");
    END();
}
