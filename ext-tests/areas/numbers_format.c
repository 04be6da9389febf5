/* numbers: int.__format__ and float.__format__ through PyObject_Format
 * (needs the object protocol). */
#include "common.h"
#include <math.h>

int main(void)
{
    BEGIN();
    const char *ispecs[] = {"", "d", "5d", "<5", "^7", ">7", "=+8", "+d", " d", "-d", "08", "08,", "010,", "09,", "_", ",", "x", "#x", "X", "#X",
        "#010x", "b", "#b", "o", "#o", "_b", "_x", "#_x", "012_x", "c", "n", "e", ".2e", "f", ".3f", "g", "%", ".1%", "*^9", "0<6", "z", ".2",
        ",x", ",b", ",n", ",c", "+c", "#c", "abc", "xx", ",_", "__", "q", "010", "-010", " 010", "08.3f", ",.2f", "G", "E", "F", NULL};
    long ivals[] = {0, 7, -7, 255, -255, 1234567, -1234567, 65, 0x1F600};
    for (int i = 0; ispecs[i]; i++)
        for (int v = 0; v < (int)(sizeof ivals / sizeof ivals[0]); v++) {
            char label[64];
            snprintf(label, sizeof label, "int[%ld|%s]", ivals[v], ispecs[i]);
            PyObject *o = PyLong_FromLong(ivals[v]);
            PyObject *s = PyUnicode_FromString(ispecs[i]);
            show(label, PyObject_Format(o, s));
            Py_DECREF(o);
            Py_DECREF(s);
        }
    {
        PyObject *big = PyLong_FromString("-123456789012345678901234567890", NULL, 10);
        const char *bs[] = {",", "_x", "#o", "e", "40", "=+45,", NULL};
        for (int i = 0; bs[i]; i++) {
            char label[64];
            snprintf(label, sizeof label, "big[%s]", bs[i]);
            PyObject *s = PyUnicode_FromString(bs[i]);
            show(label, PyObject_Format(big, s));
            Py_DECREF(s);
        }
        PyObject *s = PyUnicode_FromString("c");
        PyObject *o = PyLong_FromLong(0x110000);
        show("int_c_range", PyObject_Format(o, s));
        Py_DECREF(o);
        o = PyLong_FromLong(-1);
        show("int_c_neg", PyObject_Format(o, s));
        Py_DECREF(o); Py_DECREF(s);
        s = PyUnicode_FromString("d");
        show("bool_d", PyObject_Format(Py_True, s));
        Py_DECREF(s);
        s = PyUnicode_FromString("");
        show("bool_empty", PyObject_Format(Py_True, s));
        Py_DECREF(s);
        s = PyUnicode_FromString("^6");
        show("bool_center", PyObject_Format(Py_False, s));
        Py_DECREF(s);
        Py_DECREF(big);
    }
    const char *fspecs[] = {"", "f", ".2f", "10.3f", "<10.3f", "^10.3f", "=+10.3f", "e", ".3e", "E", "g", ".3g", "G", "#g", "#.3g", "%", ".1%",
        ",", ",.2f", "_.2f", "015,.2f", "010", "z.1f", "z", "+", " ", ".0f", "#.0f", ".0e", "#.0e", "n", ".2", ".10", "d", "x", "c", "abc",
        ".3n", "*>12.2e", "12", "F", ".1F", NULL};
    double fvals[] = {0.0, -0.0, 1.5, -1.5, 1234567.891, -0.00001234, 1e22, 1e-7, 2.5, 1.0 / 3.0, HUGE_VAL, -HUGE_VAL, NAN, -0.04, 100.0};
    for (int i = 0; fspecs[i]; i++)
        for (int v = 0; v < (int)(sizeof fvals / sizeof fvals[0]); v++) {
            char label[64];
            snprintf(label, sizeof label, "float[%d|%s]", v, fspecs[i]);
            PyObject *o = PyFloat_FromDouble(fvals[v]);
            PyObject *s = PyUnicode_FromString(fspecs[i]);
            show(label, PyObject_Format(o, s));
            Py_DECREF(o);
            Py_DECREF(s);
        }
    double cv[][2] = {{1.5, -2}, {0, 1}, {-0.0, -1}, {0, 0}, {-1e22, 1e-7}, {HUGE_VAL, NAN}, {1234.5, -6789.25}};
    const char *cspecs[] = {"", ".3", "f", ".2f", "+.1e", ">20", "<20.2f", "^25", "g", "#g", "*^22.3f", " ", "+", "=10", "010", "z.1f",
        "%", "d", ",.2f", "_", "E", "n", "0<5", "-", NULL};
    for (int i = 0; cspecs[i]; i++)
        for (int v = 0; v < (int)(sizeof cv / sizeof cv[0]); v++) {
            char label[64];
            snprintf(label, sizeof label, "complex[%d|%s]", v, cspecs[i]);
            PyObject *o = PyComplex_FromDoubles(cv[v][0], cv[v][1]);
            PyObject *s = PyUnicode_FromString(cspecs[i]);
            show(label, PyObject_Format(o, s));
            Py_DECREF(o);
            Py_DECREF(s);
        }
    show("getformat_double", PyObject_CallMethod((PyObject *)&PyFloat_Type, "__getformat__", "s", "double"));
    show("getformat_bad", PyObject_CallMethod((PyObject *)&PyFloat_Type, "__getformat__", "s", "x"));
    show("getformat_int", PyObject_CallMethod((PyObject *)&PyFloat_Type, "__getformat__", "i", 1));
    END();
}
