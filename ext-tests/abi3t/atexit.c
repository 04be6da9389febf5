/* PyUnstable_AtExit: callbacks with data run at Py_FinalizeEx, after the
 * Python-level atexit functions, newest first; one embedding program run on
 * CPython 3.15 and on Carapace. */
#include <Python.h>
#include <stdio.h>

PyAPI_FUNC(int) PyUnstable_AtExit(PyInterpreterState *, void (*)(void *), void *);

static void say(void *data) { printf("PyUnstable_AtExit callback: %s\n", (const char *)data); fflush(stdout); }
static void plain(void) { printf("Py_AtExit callback\n"); fflush(stdout); }

int main(void)
{
    Py_Initialize();
    PyInterpreterState *interp = PyInterpreterState_Get();
    printf("register first: %d\n", PyUnstable_AtExit(interp, say, "first"));
    printf("register second: %d\n", PyUnstable_AtExit(interp, say, "second"));
    printf("Py_AtExit: %d\n", Py_AtExit(plain));
    fflush(stdout);
    int r = Py_FinalizeEx();
    printf("finalized: %d\n", r);
    return 0;
}
