/* numbers: PyFloat_*, PyComplex_*, PyBool_*, PyOS_double_to_string,
 * PyOS_string_to_double, PyOS_strtol, PyOS_strtoul. */
#include "common.h"
#include <errno.h>
#include <float.h>
#include <math.h>
#include <string.h>

static PyObject *I(long v) { return PyLong_FromLong(v); }
static PyObject *S(const char *s) { return PyUnicode_FromString(s); }
static PyObject *F(double d) { return PyFloat_FromDouble(d); }

#define SHOW_D(label, expr) do { double d_ = (expr); \
    if (PyErr_Occurred()) { printf("%s: %g and ", label, d_); show("", NULL); } \
    else printf("%s: %.17g\n", label, d_); } while (0)

int main(void)
{
    BEGIN();
    show("fromdouble", F(0.1));
    show("fromdouble_neg0", F(-0.0));
    show("fromdouble_inf", F(-HUGE_VAL));
    const char *fs[] = {" 2.5e-3 ", "abc", "-inf", "+Infinity", "nan", "-NaN", "1_000.5", "1__0", "_1", "1_", "1e", ".5", "5.",
        "1e500", "-1e500", "1e-400", "", "  ", "0x10", "1.5j", "\t\n3\r", "１２", NULL};
    for (int i = 0; fs[i]; i++) {
        char label[64];
        snprintf(label, sizeof label, "fromstring[%s]", fs[i]);
        show(label, PyFloat_FromString(S(fs[i])));
    }
    show("fromstring_int", PyFloat_FromString(I(1)));
    show("fromstring_none", PyFloat_FromString(Py_None));
    SHOW_D("asdouble", PyFloat_AsDouble(F(3.25)));
    SHOW_D("asdouble_int", PyFloat_AsDouble(I(7)));
    SHOW_D("asdouble_bool", PyFloat_AsDouble(Py_True));
    SHOW_D("asdouble_str", PyFloat_AsDouble(S("x")));
    SHOW_D("asdouble_none", PyFloat_AsDouble(Py_None));
    SHOW_D("asdouble_bigint", PyFloat_AsDouble(PyNumber_Lshift(I(1), I(2000))));
    SHOW_D("max", PyFloat_GetMax());
    SHOW_D("min", PyFloat_GetMin());
    show("float_info", PyFloat_GetInfo());
    show("float_info_type", PyObject_Repr((PyObject *)Py_TYPE(PyFloat_GetInfo())));
    show("float_info_dig", PyObject_GetAttrString(PyFloat_GetInfo(), "dig"));
    show("int_info", PyLong_GetInfo());
    show("int_info_type", PyObject_Repr((PyObject *)Py_TYPE(PyLong_GetInfo())));
    show("int_info_bits", PyObject_GetAttrString(PyLong_GetInfo(), "bits_per_digit"));
    show("int_info_n_fields", PyObject_GetAttrString((PyObject *)Py_TYPE(PyLong_GetInfo()), "n_fields"));
    show("check", PyBool_FromLong(PyFloat_Check(F(1))));
    show("check_int", PyBool_FromLong(PyFloat_Check(I(1))));
    double reprs[] = {1.0 / 3.0, 1e22, 1e-7, -0.0, 1e16, 1e15, 123456789012345678.0, 0.0001, 0.00001, 5e-324, DBL_MAX, 2.5, 100.0};
    for (int i = 0; i < (int)(sizeof reprs / sizeof reprs[0]); i++) {
        char label[32];
        snprintf(label, sizeof label, "repr[%d]", i);
        show(label, PyObject_Repr(F(reprs[i])));
    }
    /* PyOS_double_to_string */
    double vals[] = {1.5, 0.0001234, -0.0, HUGE_VAL, -HUGE_VAL, NAN, 1e22, 123456789.0, -0.001, 1e16, 0.5, 2.5, 1e-5, 123.456, 1e100, 0.0};
    const char codes[] = "efgrEFGR";
    int flagsets[] = {0, Py_DTSF_SIGN, Py_DTSF_ADD_DOT_0, Py_DTSF_ALT, Py_DTSF_NO_NEG_0, Py_DTSF_SIGN | Py_DTSF_ADD_DOT_0 | Py_DTSF_ALT};
    int precs[] = {0, 1, 3, 17};
    for (int f = 0; f < 6; f++)
        for (int c = 0; codes[c]; c++)
            for (int v = 0; v < (int)(sizeof vals / sizeof vals[0]); v++)
                for (int p = 0; p < 4; p++) {
                    if ((codes[c] == 'r' || codes[c] == 'R') && p > 0) continue;
                    int type = -1;
                    char *s = PyOS_double_to_string(vals[v], codes[c], precs[p], flagsets[f], &type);
                    char label[64];
                    snprintf(label, sizeof label, "dts[%d,%c,%d,%d]", flagsets[f], codes[c], v, precs[p]);
                    if (s == NULL) { show(label, NULL); continue; }
                    printf("%s: \"%s\" type=%d\n", label, s, type);
                    PyMem_Free(s);
                }
    {
        char *s = PyOS_double_to_string(1.0, 'x', 0, 0, NULL);
        show_str("dts_badcode", s);
        if (s) PyMem_Free(s);
        s = PyOS_double_to_string(1.0, 'r', 3, 0, NULL);
        show_str("dts_r_prec", s);
        if (s) PyMem_Free(s);
    }
    /* PyOS_string_to_double */
    const char *sd[] = {"1.5", "  1.5", "1.5  ", "1e500", "-1e500", "1e-500", "inf", "-Infinity", "nan", "abc", "", "1.5xyz",
        "0x10", "1_0", "+.5e+3", "1e+", NULL};
    for (int i = 0; sd[i]; i++) {
        char label[64];
        char *end = NULL;
        snprintf(label, sizeof label, "s2d[%s]", sd[i]);
        SHOW_D(label, PyOS_string_to_double(sd[i], NULL, NULL));
        snprintf(label, sizeof label, "s2d_end[%s]", sd[i]);
        SHOW_D(label, PyOS_string_to_double(sd[i], &end, NULL));
        printf("  end=%ld\n", end ? (long)(end - sd[i]) : -1L);
        snprintf(label, sizeof label, "s2d_exc[%s]", sd[i]);
        SHOW_D(label, PyOS_string_to_double(sd[i], NULL, PyExc_OverflowError));
    }
    /* PyOS_strtol / PyOS_strtoul */
    const char *st[] = {"123", "  -42xyz", "+7", "0x1f", "0X1F", "0o17", "0b101", "0b2", "0x", "0", "0123", "000", "  0  ",
        "99999999999999999999", "-9223372036854775808", "9223372036854775808", "-9223372036854775809",
        "18446744073709551615", "18446744073709551616", "zz", "", "-", "12_3", NULL};
    int sbases[] = {0, 10, 16, 2, 36, 1};
    for (int i = 0; st[i]; i++)
        for (int b = 0; b < 6; b++) {
            char *end = NULL;
            errno = 0;
            long l = PyOS_strtol(st[i], &end, sbases[b]);
            printf("strtol[%s|%d]: %ld errno=%d end=%ld\n", st[i], sbases[b], l, errno == ERANGE, end ? (long)(end - st[i]) : -1L);
            end = NULL;
            errno = 0;
            unsigned long u = PyOS_strtoul(st[i], &end, sbases[b]);
            printf("strtoul[%s|%d]: %lu errno=%d end=%ld\n", st[i], sbases[b], u, errno == ERANGE, end ? (long)(end - st[i]) : -1L);
        }
    /* complex */
    PyObject *c = PyComplex_FromDoubles(1.5, -2.0);
    show("complex", Py_NewRef(c));
    SHOW_D("real", PyComplex_RealAsDouble(c));
    SHOW_D("imag", PyComplex_ImagAsDouble(c));
    SHOW_D("real_int", PyComplex_RealAsDouble(I(3)));
    SHOW_D("imag_int", PyComplex_ImagAsDouble(I(3)));
    SHOW_D("real_str", PyComplex_RealAsDouble(S("x")));
    SHOW_D("imag_str", PyComplex_ImagAsDouble(S("x")));
    SHOW_D("imag_float", PyComplex_ImagAsDouble(F(2.5)));
    double cr[][2] = {{0, 1}, {-0.0, -1}, {-0.0, 0}, {0, 0}, {1e16, 1e-7}, {HUGE_VAL, NAN}, {1, 2}, {-1.5, 0.5}, {0, -0.0}, {2, -0.0}};
    for (int i = 0; i < (int)(sizeof cr / sizeof cr[0]); i++) {
        char label[32];
        snprintf(label, sizeof label, "complex_repr[%d]", i);
        show(label, PyObject_Repr(PyComplex_FromDoubles(cr[i][0], cr[i][1])));
    }
    show("complex_getattr_real", PyObject_GetAttrString(c, "real"));
    show("complex_getattr_imag", PyObject_GetAttrString(c, "imag"));
    Py_DECREF(c);
    /* float constructor and methods */
    show("float_real", PyObject_GetAttrString(F(2.5), "real"));
    show("float_imag", PyObject_GetAttrString(F(2.5), "imag"));
    /* bool */
    show("bool_true", PyBool_FromLong(42));
    show("bool_false", PyBool_FromLong(0));
    show("bool_singleton", PyBool_FromLong(PyBool_FromLong(5) == Py_True));
    show("bool_check", PyBool_FromLong(PyBool_Check(Py_False)));
    show("bool_check_int", PyBool_FromLong(PyBool_Check(I(1))));
    show("bool_add", PyNumber_Add(Py_True, Py_True));
    show("bool_and", PyNumber_And(Py_True, Py_False));
    show("bool_or_int", PyNumber_Or(Py_True, I(2)));
    show("bool_xor", PyNumber_Xor(Py_True, Py_True));
    show("bool_neg", PyNumber_Negative(Py_True));
    show("bool_invert", PyNumber_Invert(Py_False));
    /* repr, str and PyOS_double_to_string of many doubles (a fixed pseudo-random walk over bit patterns) */
    {
        unsigned long long x = 0x9E3779B97F4A7C15ULL;
        for (int i = 0; i < 3000; i++) {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17;
            double d;
            unsigned long long bits = x;
            if (i % 3 == 1) bits = (x & 0x800FFFFFFFFFFFFFULL) | ((unsigned long long)(1023 + (int)(x % 80) - 40) << 52);
            if (i % 3 == 2) bits = (x & 0x800FFFFFFFFFFFFFULL) | ((unsigned long long)((x >> 20) % 2047) << 52);
            memcpy(&d, &bits, sizeof d);
            PyObject *f = PyFloat_FromDouble(d);
            PyObject *r = PyObject_Repr(f);
            char *g = PyOS_double_to_string(d, 'g', 1 + i % 17, 0, NULL);
            char *e = PyOS_double_to_string(d, 'e', i % 20, i % 2 ? Py_DTSF_ALT : 0, NULL);
            char *ff = fabs(d) < 1e30 ? PyOS_double_to_string(d, 'f', i % 12, 0, NULL) : NULL;
            printf("walk %d: %s %s %s %s\n", i, u8(r), g, e, ff ? ff : "-");
            PyMem_Free(g); PyMem_Free(e); if (ff) PyMem_Free(ff);
            char *end = NULL;
            double back = PyOS_string_to_double(u8(r), &end, NULL);
            if (PyErr_Occurred()) PyErr_Clear();
            if (!(back == d || (back != back && d != d))) printf("walk %d: roundtrip mismatch\n", i);
            Py_DECREF(r);
            Py_DECREF(f);
        }
    }
    END();
}
