/* time against CPython 3.15: calendar functions, struct_time, clocks (their
 * types and order, not their values), sleep, errors. */
#include "natives.h"

/* Print type(v).__name__ and whether v is positive, for clock readings. */
static void show_clock(const char *label, PyObject *v)
{
    if (v == NULL) {
        show(label, NULL);
        return;
    }
    PyObject *zero = PyLong_FromLong(0);
    printf("%s: %s %s\n", label, Py_TYPE(v)->tp_name ? (PyLong_Check(v) ? "int" : PyFloat_Check(v) ? "float" : "?") : "?",
           PyObject_RichCompareBool(v, zero, Py_GE) ? ">= 0" : "< 0");
    Py_DECREF(zero);
    Py_DECREF(v);
}

int main(void)
{
    BEGIN();
    PyObject *m = import("time");
    show_dir("dir", m);
    show("timezone", PyObject_GetAttrString(m, "timezone"));
    show("altzone", PyObject_GetAttrString(m, "altzone"));
    show("daylight", PyObject_GetAttrString(m, "daylight"));
    show("tzname", PyObject_GetAttrString(m, "tzname"));
    show("_STRUCT_TM_ITEMS", PyObject_GetAttrString(m, "_STRUCT_TM_ITEMS"));
    const char *clocks[] = {"CLOCK_BOOTTIME", "CLOCK_MONOTONIC", "CLOCK_MONOTONIC_RAW", "CLOCK_PROCESS_CPUTIME_ID",
                            "CLOCK_REALTIME", "CLOCK_TAI", "CLOCK_THREAD_CPUTIME_ID", NULL};
    for (const char **c = clocks; *c; c++)
        show(*c, PyObject_GetAttrString(m, *c));
    const char *fns[] = {"time", "time_ns", "monotonic", "monotonic_ns", "perf_counter", "perf_counter_ns",
                         "process_time", "process_time_ns", "thread_time", "thread_time_ns", NULL};
    for (const char **f = fns; *f; f++)
        show_clock(*f, PyObject_CallMethod(m, *f, NULL));
    PyObject *a = PyObject_CallMethod(m, "monotonic_ns", NULL);
    PyObject *b = PyObject_CallMethod(m, "monotonic_ns", NULL);
    show("monotonic_ns ordered", PyBool_FromLong(PyObject_RichCompareBool(a, b, Py_LE)));
    show_clock("clock_gettime(MONOTONIC)", PyObject_CallMethod(m, "clock_gettime", "(i)", 1));
    show_clock("clock_gettime_ns(REALTIME)", PyObject_CallMethod(m, "clock_gettime_ns", "(i)", 0));
    CALL("clock_getres(MONOTONIC)", m, "clock_getres", "(i)", 1);
    CALL("clock_gettime(12345)", m, "clock_gettime", "(i)", 12345);
    CALL("clock_gettime('x')", m, "clock_gettime", "(s)", "x");
    CALL("sleep(0)", m, "sleep", "(i)", 0);
    CALL("sleep(0.01)", m, "sleep", "(d)", 0.01);
    CALL("sleep(-1)", m, "sleep", "(i)", -1);
    CALL("sleep('x')", m, "sleep", "(s)", "x");
    CALL("sleep(nan)", m, "sleep", "(d)", Py_NAN);

    PyObject *st = PyObject_GetAttrString(m, "struct_time");
    show("struct_time", PyObject_Repr(st));
    show("struct_time.n_fields", PyObject_GetAttrString(st, "n_fields"));
    show("struct_time.n_sequence_fields", PyObject_GetAttrString(st, "n_sequence_fields"));
    show("struct_time.__doc__", PyObject_GetAttrString(st, "__doc__"));
    show("struct_time((1,2,3))", PyObject_CallFunction(st, "((iii))", 1, 2, 3));
    show("struct_time(9)", PyObject_CallFunction(st, "((iiiiiiiii))", 2020, 1, 2, 3, 4, 5, 6, 2, 0));
    CALL("gmtime(0)", m, "gmtime", "(i)", 0);
    PyObject *g = PyObject_CallMethod(m, "gmtime", "(l)", 1234567890L);
    show("gmtime(1234567890)", Py_NewRef(g));
    show("tm_zone", PyObject_GetAttrString(g, "tm_zone"));
    show("tm_gmtoff", PyObject_GetAttrString(g, "tm_gmtoff"));
    show("tm_yday", PyObject_GetAttrString(g, "tm_yday"));
    show("len", PyLong_FromSsize_t(PyObject_Length(g)));
    CALL("gmtime(-1)", m, "gmtime", "(i)", -1);
    CALL("gmtime(1.9)", m, "gmtime", "(d)", 1.9);
    CALL("gmtime(-1.5)", m, "gmtime", "(d)", -1.5);
    CALL("gmtime(1e30)", m, "gmtime", "(d)", 1e30);
    CALL("gmtime(nan)", m, "gmtime", "(d)", Py_NAN);
    CALL("gmtime('x')", m, "gmtime", "(s)", "x");
    CALL("gmtime(10**20)", m, "gmtime", "(N)", big("100000000000000000000"));
    show_clock("gmtime(None).tm_year", PyObject_GetAttrString(PyObject_CallMethod(m, "gmtime", "(O)", Py_None), "tm_year"));
    CALL("gmtime(1, 2)", m, "gmtime", "(ii)", 1, 2);
    CALL("localtime(0)", m, "localtime", "(i)", 0);
    CALL("localtime(86400*365.25*30)", m, "localtime", "(d)", 86400 * 365.25 * 30);
    CALL("mktime(localtime(10**9))", m, "mktime", "(N)", PyObject_CallMethod(m, "localtime", "(i)", 1000000000));
    CALL("mktime(2020 tuple)", m, "mktime", "((iiiiiiiii))", 2020, 1, 1, 0, 0, 0, 0, 1, -1);
    CALL("mktime((1,))", m, "mktime", "((i))", 1);
    CALL("mktime(1)", m, "mktime", "(i)", 1);
    CALL("asctime(tuple)", m, "asctime", "((iiiiiiiii))", 2020, 1, 1, 0, 0, 0, 0, 1, 0);
    CALL("asctime(month 13)", m, "asctime", "((iiiiiiiii))", 2020, 13, 1, 0, 0, 0, 0, 1, 0);
    CALL("asctime(hour 24)", m, "asctime", "((iiiiiiiii))", 2020, 1, 1, 24, 0, 0, 0, 1, 0);
    CALL("asctime(gmtime(10**10))", m, "asctime", "(N)", PyObject_CallMethod(m, "gmtime", "(l)", 10000000000L));
    CALL("ctime(0)", m, "ctime", "(i)", 0);
    CALL("ctime(1e9)", m, "ctime", "(d)", 1e9);
    CALL("strftime full", m, "strftime", "(s(iiiiiiiii))", "%Y-%m-%d %H:%M:%S %a %b %j %%", 2020, 1, 2, 3, 4, 5, 6, 2, 0);
    CALL("strftime zeros", m, "strftime", "(s(iiiiiiiii))", "%Y %m %d %j", 2020, 0, 0, 0, 0, 0, 0, 0, 0);
    CALL("strftime year 1", m, "strftime", "(s(iiiiiiiii))", "%Y", 1, 1, 1, 0, 0, 0, 0, 1, 0);
    CALL("strftime empty", m, "strftime", "(s(iiiiiiiii))", "", 2020, 1, 1, 0, 0, 0, 0, 1, 0);
    CALL("strftime gmtime %Z %z", m, "strftime", "(sN)", "%Z %z", PyObject_CallMethod(m, "gmtime", "(i)", 0));
    CALL("strftime(1)", m, "strftime", "(i)", 1);
    CALL("strftime bad month", m, "strftime", "(s(iiiiiiiii))", "%Y", 2020, 14, 1, 0, 0, 0, 0, 1, 0);
    CALL("get_clock_info('x')", m, "get_clock_info", "(s)", "x");
    END();
}
