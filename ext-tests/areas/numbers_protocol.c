/* numbers: the number protocol (PyNumber_*) over int, bool, float and complex
 * operands: every binary, in-place, unary and conversion entry point. */
#include "common.h"
#include <math.h>
#include <string.h>

static PyObject *I(long v) { return PyLong_FromLong(v); }
static PyObject *F(double d) { return PyFloat_FromDouble(d); }
static PyObject *S(const char *s) { return PyUnicode_FromString(s); }
static PyObject *B(const char *s) { return PyLong_FromString(s, NULL, 0); }

typedef PyObject *(*binfn)(PyObject *, PyObject *);
typedef PyObject *(*unfn)(PyObject *);

int main(void)
{
    BEGIN();
    PyObject *ops[] = {I(0), I(1), I(-1), I(7), I(-7), I(3), I(-3), I(64), Py_True, Py_False,
        B("123456789012345678901234567890"), B("-99999999999999999999999"), B("0x7fffffffffffffff"),
        B("-0x8000000000000000"), B("0xffffffffffffffffffff"),
        F(0.0), F(-0.0), F(2.5), F(-7.5), F(1e308), F(HUGE_VAL), F(NAN), F(0.1),
        PyComplex_FromDoubles(1.5, -2.0), PyComplex_FromDoubles(0, 0), PyComplex_FromDoubles(0, 1),
        PyComplex_FromDoubles(HUGE_VAL, 1), PyComplex_FromDoubles(NAN, HUGE_VAL), PyComplex_FromDoubles(1e300, -1e300),
        Py_None, S("ab")};
    int nops = (int)(sizeof ops / sizeof ops[0]);
    struct { const char *name; binfn f; } bins[] = {
        {"+", PyNumber_Add}, {"-", PyNumber_Subtract}, {"*", PyNumber_Multiply}, {"//", PyNumber_FloorDivide},
        {"/", PyNumber_TrueDivide}, {"%", PyNumber_Remainder}, {"divmod", PyNumber_Divmod}, {"<<", PyNumber_Lshift},
        {">>", PyNumber_Rshift}, {"&", PyNumber_And}, {"|", PyNumber_Or}, {"^", PyNumber_Xor}, {"@", PyNumber_MatrixMultiply},
        {"+=", PyNumber_InPlaceAdd}, {"-=", PyNumber_InPlaceSubtract}, {"*=", PyNumber_InPlaceMultiply},
        {"//=", PyNumber_InPlaceFloorDivide}, {"/=", PyNumber_InPlaceTrueDivide}, {"%=", PyNumber_InPlaceRemainder},
        {"<<=", PyNumber_InPlaceLshift}, {">>=", PyNumber_InPlaceRshift}, {"&=", PyNumber_InPlaceAnd},
        {"|=", PyNumber_InPlaceOr}, {"^=", PyNumber_InPlaceXor}, {"@=", PyNumber_InPlaceMatrixMultiply}};
    int nbins = (int)(sizeof bins / sizeof bins[0]);
    for (int i = 0; i < nops; i++) {
        for (int j = 0; j < nops; j++) {
            PyObject *ra = PyObject_Repr(ops[i]), *rb = PyObject_Repr(ops[j]);
            char pfx[200];
            snprintf(pfx, sizeof pfx, "%s , %s", u8(ra), u8(rb));
            Py_DECREF(ra); Py_DECREF(rb);
            for (int k = 0; k < nbins; k++) {
                /* skip the string cases that need other areas' slots */
                if ((i == nops - 1 || j == nops - 1) && (k == 0 || k == 2 || k == 5 || k == 13 || k == 15 || k == 18)) continue;
                /* huge shifts and powers are slow or memory-heavy everywhere */
                char label[260];
                snprintf(label, sizeof label, "%s %s", pfx, bins[k].name);
                show(label, bins[k].f(ops[i], ops[j]));
            }
            char label[260];
            int small = (j < 10);
            if (small || PyFloat_Check(ops[j]) || PyComplex_Check(ops[j]) || ops[j] == Py_None) {
                snprintf(label, sizeof label, "%s **", pfx);
                show(label, PyNumber_Power(ops[i], ops[j], Py_None));
                snprintf(label, sizeof label, "%s **=", pfx);
                show(label, PyNumber_InPlacePower(ops[i], ops[j], Py_None));
            }
            snprintf(label, sizeof label, "%s pow mod 5", pfx);
            if (small) show(label, PyNumber_Power(ops[i], ops[j], I(5)));
            snprintf(label, sizeof label, "%s pow mod -5", pfx);
            if (small) show(label, PyNumber_Power(ops[i], ops[j], I(-5)));
            snprintf(label, sizeof label, "%s pow mod 0", pfx);
            if (small) show(label, PyNumber_Power(ops[i], ops[j], I(0)));
            snprintf(label, sizeof label, "%s pow mod float", pfx);
            if (small) show(label, PyNumber_Power(ops[i], ops[j], F(5.0)));
            snprintf(label, sizeof label, "%s pow mod str", pfx);
            if (small) show(label, PyNumber_Power(ops[i], ops[j], S("x")));
        }
        PyObject *ra = PyObject_Repr(ops[i]);
        struct { const char *name; unfn f; } uns[] = {{"neg", PyNumber_Negative}, {"pos", PyNumber_Positive},
            {"abs", PyNumber_Absolute}, {"invert", PyNumber_Invert}, {"index", PyNumber_Index},
            {"long", PyNumber_Long}, {"float", PyNumber_Float}};
        for (int k = 0; k < 7; k++) {
            char label[260];
            snprintf(label, sizeof label, "%s %s", u8(ra), uns[k].name);
            show(label, uns[k].f(ops[i]));
        }
        char label[260];
        snprintf(label, sizeof label, "%s check", u8(ra));
        show_int(label, PyNumber_Check(ops[i]));
        snprintf(label, sizeof label, "%s index_check", u8(ra));
        show_int(label, PyIndex_Check(ops[i]));
        snprintf(label, sizeof label, "%s asssize_null", u8(ra));
        show_int(label, (long)PyNumber_AsSsize_t(ops[i], NULL));
        PyErr_Clear();
        snprintf(label, sizeof label, "%s asssize_overflow", u8(ra));
        show_int(label, (long)PyNumber_AsSsize_t(ops[i], PyExc_OverflowError));
        PyErr_Clear();
        snprintf(label, sizeof label, "%s asssize_index", u8(ra));
        show_int(label, (long)PyNumber_AsSsize_t(ops[i], PyExc_IndexError));
        PyErr_Clear();
        int bases[] = {2, 8, 10, 16, 3};
        for (int b = 0; b < 5; b++) {
            snprintf(label, sizeof label, "%s tobase %d", u8(ra), bases[b]);
            show(label, PyNumber_ToBase(ops[i], bases[b]));
        }
        Py_DECREF(ra);
    }
    /* int() semantics of PyNumber_Long on strings */
    const char *ls[] = {"  -42 ", "4x2", "0x10", "1_000", "١٢٣", "", "9", NULL};
    for (int i = 0; ls[i]; i++) {
        char label[64];
        snprintf(label, sizeof label, "long_from_str[%s]", ls[i]);
        show(label, PyNumber_Long(S(ls[i])));
    }
    show("float_from_str", PyNumber_Float(S("1e3")));
    show("float_from_badstr", PyNumber_Float(S("1e3x")));
    show("big_pow", PyNumber_Power(I(7), I(77), Py_None));
    {
        PyObject *t = PyNumber_Power(I(10), I(4299), Py_None);
        PyObject *r = PyObject_Repr(t);
        printf("digits_4300: %ld\n", r ? (long)strlen(u8(r)) : -1L);
        Py_XDECREF(r);
        PyErr_Clear();
        PyObject *t2 = PyNumber_Multiply(t, I(10));
        show("digits_4301", PyObject_Repr(t2));
        PyObject *t3 = PyNumber_Negative(t);
        r = PyObject_Repr(t3);
        printf("digits_neg_4300: %ld\n", r ? (long)strlen(u8(r)) : -1L);
        Py_XDECREF(r);
        PyErr_Clear();
        show("tobase10_4301", PyNumber_ToBase(t2, 10));
        {
            PyObject *h = PyNumber_ToBase(t2, 16);
            printf("tobase16_4301_len: %ld\n", h ? (long)strlen(u8(h)) : -1L);
            Py_XDECREF(h);
        }
        Py_DECREF(t); Py_DECREF(t2); Py_DECREF(t3);
    }
    show("big_shift", PyNumber_Lshift(I(1), I(200)));
    show("big_shift_neg", PyNumber_Rshift(B("-123456789012345678901234567890"), I(70)));
    show("big_shift_huge", PyNumber_Rshift(B("-123456789012345678901234567890"), B("0x10000000000000000")));
    show("lshift_huge", PyNumber_Lshift(I(1), B("0x10000000000000000000")));
    show("lshift_zero_huge", PyNumber_Lshift(I(0), B("0x10000000000000000000")));
    show("pow_inverse", PyNumber_Power(I(3), I(-1), I(7)));
    show("pow_not_invertible", PyNumber_Power(I(2), I(-1), I(4)));
    show("pow_big_mod", PyNumber_Power(B("123456789012345678901234567890"), I(65537), B("1000000000000000000000007")));
    show("truediv_big", PyNumber_TrueDivide(B("123456789012345678901234567890"), B("987654321098765432109876543")));
    show("truediv_overflow", PyNumber_TrueDivide(PyNumber_Lshift(I(1), I(2000)), I(3)));
    show("truediv_tiny", PyNumber_TrueDivide(I(1), PyNumber_Lshift(I(1), I(2000))));
    show("truediv_ratio", PyNumber_TrueDivide(PyNumber_Lshift(I(1), I(2000)), PyNumber_Lshift(I(1), I(1999))));
    show("truediv_round", PyNumber_TrueDivide(B("9007199254740993"), I(1)));
    show("float_pow_overflow", PyNumber_Power(F(10.0), F(400.0), Py_None));
    show("float_pow_neg_frac", PyNumber_Power(F(-8.0), F(1.0 / 3.0), Py_None));
    show("complex_pow_big", PyNumber_Power(PyComplex_FromDoubles(1e300, 1e300), I(2), Py_None));
    show("complex_pow_frac", PyNumber_Power(PyComplex_FromDoubles(0, 1e300), F(1.5), Py_None));
    show("complex_pow_neg", PyNumber_Power(PyComplex_FromDoubles(1, 2), I(-1), Py_None));
    show("complex_pow_zero_neg", PyNumber_Power(PyComplex_FromDoubles(0, 0), I(-1), Py_None));
    show("complex_pow_zero_cplx", PyNumber_Power(PyComplex_FromDoubles(0, 0), PyComplex_FromDoubles(1, 1), Py_None));
    show("complex_abs_overflow", PyNumber_Absolute(PyComplex_FromDoubles(1e308, 1e308)));
    show("complex_div", PyNumber_TrueDivide(I(2), PyComplex_FromDoubles(1, 1)));
    show("sub_neg0", PyNumber_Subtract(I(1), PyComplex_FromDoubles(0, 0)));
    show("float_mod_neg0", PyNumber_Remainder(F(5.0), F(-0.0)));
    /* int -> float and int / int rounding near ties */
    for (int k = 53; k < 1030; k += 97) {
        for (int d = -2; d <= 2; d++) {
            PyObject *p = PyNumber_Lshift(I(1), I(k));
            PyObject *h = PyNumber_Lshift(I(1), I(k - 53));
            PyObject *v = PyNumber_Add(p, h);
            PyObject *w = PyNumber_Add(v, I(d));
            char label[64];
            snprintf(label, sizeof label, "tie_float[%d,%d]", k, d);
            show(label, PyNumber_Float(w));
            snprintf(label, sizeof label, "tie_div3[%d,%d]", k, d);
            show(label, PyNumber_TrueDivide(w, I(3)));
            snprintf(label, sizeof label, "tie_divbig[%d,%d]", k, d);
            show(label, PyNumber_TrueDivide(w, PyNumber_Add(p, I(1))));
            Py_DECREF(p); Py_DECREF(h); Py_DECREF(v); Py_DECREF(w);
        }
    }
    show("div_subnormal", PyNumber_TrueDivide(I(1), PyNumber_Lshift(I(3), I(1070))));
    show("div_subnormal2", PyNumber_TrueDivide(I(7), PyNumber_Lshift(I(5), I(1072))));
    /* pseudo-random big ints through every operator */
    {
        unsigned long long x = 0x2545F4914F6CDD1DULL;
        for (int i = 0; i < 400; i++) {
            char a[80], b[80];
            PyObject *v[2];
            for (int k = 0; k < 2; k++) {
                x ^= x << 13; x ^= x >> 7; x ^= x << 17;
                int len = 1 + (int)(x % 40);
                char *buf = k ? b : a;
                int p = 0;
                if (x & 0x100) buf[p++] = '-';
                buf[p++] = '0'; buf[p++] = 'x';
                unsigned long long y = x;
                for (int j = 0; j < len; j++) {
                    y = y * 6364136223846793005ULL + 1442695040888963407ULL;
                    buf[p++] = "0123456789abcdef"[(y >> 33) & 15];
                }
                buf[p] = 0;
                v[k] = PyLong_FromString(buf, NULL, 0);
            }
            binfn ops2[] = {PyNumber_Add, PyNumber_Subtract, PyNumber_Multiply, PyNumber_FloorDivide, PyNumber_Remainder,
                PyNumber_And, PyNumber_Or, PyNumber_Xor, PyNumber_TrueDivide, PyNumber_Divmod};
            printf("rand %d: %s %s\n", i, a, b);
            for (int k = 0; k < 10; k++) {
                char label[32];
                snprintf(label, sizeof label, " op%d", k);
                show(label, ops2[k](v[0], v[1]));
            }
            PyObject *sh = PyLong_FromLong((long)(x % 200));
            show(" lshift", PyNumber_Lshift(v[0], sh));
            show(" rshift", PyNumber_Rshift(v[0], sh));
            show(" powmod", PyNumber_Power(v[0], v[1], PyNumber_Add(sh, PyLong_FromLong(2))));
            show(" invert", PyNumber_Invert(v[0]));
            show(" hex", PyNumber_ToBase(v[0], 16));
            show(" oct", PyNumber_ToBase(v[1], 8));
            show(" bin", PyNumber_ToBase(v[1], 2));
            show(" float", PyNumber_Float(v[0]));
            Py_DECREF(sh); Py_DECREF(v[0]); Py_DECREF(v[1]);
        }
    }
    END();
}
