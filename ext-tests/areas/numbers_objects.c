/* numbers: constructors and methods of int, float, complex and bool called
 * through the call protocol (needs tuples and the call shims). */
#include "common.h"
#include <math.h>

static PyObject *I(long v) { return PyLong_FromLong(v); }
static PyObject *F(double d) { return PyFloat_FromDouble(d); }

int main(void)
{
    BEGIN();
    PyObject *c = PyComplex_FromDoubles(1.5, -2.0);
    const char *cs[] = {"1+2j", " ( 1+2j ) ", "j", "-j", "+j", "1-j", "1_0j", "", "x", "1+2", "inf+nanj", "-1.5e3-2.5e-3J", "(1+2j", "1 + 2j", "1e500j", NULL};
    for (int i = 0; cs[i]; i++) {
        char label[64];
        snprintf(label, sizeof label, "complex_fromstr[%s]", cs[i]);
        show(label, PyObject_CallFunction((PyObject *)&PyComplex_Type, "s", cs[i]));
    }
    show("complex_conj", PyObject_CallMethod(c, "conjugate", NULL));
    show("complex_call_dd", PyObject_CallFunction((PyObject *)&PyComplex_Type, "dd", 1.5, -2.0));
    show("complex_none", PyObject_CallFunction((PyObject *)&PyComplex_Type, "O", Py_None));
    show("complex_str_str", PyObject_CallFunction((PyObject *)&PyComplex_Type, "ss", "1", "2"));
    show("complex_num_str", PyObject_CallFunction((PyObject *)&PyComplex_Type, "is", 1, "2"));
    show("complex_int_int", PyObject_CallFunction((PyObject *)&PyComplex_Type, "ii", 1, 2));
    show("complex_empty", PyObject_CallFunction((PyObject *)&PyComplex_Type, NULL));
    show("complex_3args", PyObject_CallFunction((PyObject *)&PyComplex_Type, "iii", 1, 2, 3));
    show("float_call_str", PyObject_CallFunction((PyObject *)&PyFloat_Type, "s", " 1_0.5 "));
    show("float_call_int", PyObject_CallFunction((PyObject *)&PyFloat_Type, "i", 3));
    show("float_call_none", PyObject_CallFunction((PyObject *)&PyFloat_Type, "O", Py_None));
    show("float_call_two", PyObject_CallFunction((PyObject *)&PyFloat_Type, "ii", 1, 2));
    show("float_call_empty", PyObject_CallFunction((PyObject *)&PyFloat_Type, NULL));
    show("float_is_integer", PyObject_CallMethod(F(2.0), "is_integer", NULL));
    show("float_is_integer_no", PyObject_CallMethod(F(2.5), "is_integer", NULL));
    show("float_ratio", PyObject_CallMethod(F(1.5), "as_integer_ratio", NULL));
    show("float_ratio_small", PyObject_CallMethod(F(0.1), "as_integer_ratio", NULL));
    show("float_ratio_inf", PyObject_CallMethod(F(HUGE_VAL), "as_integer_ratio", NULL));
    show("float_ratio_nan", PyObject_CallMethod(F(NAN), "as_integer_ratio", NULL));
    show("float_hex", PyObject_CallMethod(F(1.5), "hex", NULL));
    show("float_hex_small", PyObject_CallMethod(F(5e-324), "hex", NULL));
    show("float_hex_neg", PyObject_CallMethod(F(-0.1), "hex", NULL));
    show("float_round", PyObject_CallMethod(F(2.5), "__round__", NULL));
    show("float_round_3_5", PyObject_CallMethod(F(3.5), "__round__", NULL));
    show("float_round_2", PyObject_CallMethod(F(2.675), "__round__", "i", 2));
    show("float_round_neg", PyObject_CallMethod(F(123.456), "__round__", "i", -1));
    show("float_round_neg0", PyObject_CallMethod(F(-0.4), "__round__", "i", 0));
    show("float_round_huge", PyObject_CallMethod(F(1e300), "__round__", "i", -400));
    show("float_round_inf", PyObject_CallMethod(F(HUGE_VAL), "__round__", NULL));
    show("float_round_nan", PyObject_CallMethod(F(NAN), "__round__", NULL));
    show("float_trunc", PyObject_CallMethod(F(-3.7), "__trunc__", NULL));
    show("float_floor", PyObject_CallMethod(F(-3.2), "__floor__", NULL));
    show("float_ceil", PyObject_CallMethod(F(-3.7), "__ceil__", NULL));
    show("float_conj", PyObject_CallMethod(F(2.5), "conjugate", NULL));
    show("bool_call", PyObject_CallFunction((PyObject *)&PyBool_Type, "s", ""));
    /* int constructor and methods */
    PyObject *T = (PyObject *)&PyLong_Type;
    show("int_empty", PyObject_CallFunction(T, NULL));
    show("int_str", PyObject_CallFunction(T, "s", "  -1_000  "));
    show("int_str_base", PyObject_CallFunction(T, "si", "ff", 16));
    show("int_str_base0", PyObject_CallFunction(T, "si", "0o17", 0));
    show("int_str_base0_bad", PyObject_CallFunction(T, "si", "010", 0));
    show("int_str_base0_prefix_bad", PyObject_CallFunction(T, "si", "0x", 0));
    show("int_str_bad", PyObject_CallFunction(T, "s", "12a"));
    show("int_str_badbase", PyObject_CallFunction(T, "si", "12", 99));
    show("int_float", PyObject_CallFunction(T, "d", -3.7));
    show("int_float_inf", PyObject_CallFunction(T, "d", HUGE_VAL));
    show("int_float_nan", PyObject_CallFunction(T, "d", NAN));
    show("int_float_base", PyObject_CallFunction(T, "di", 1.5, 10));
    show("int_none", PyObject_CallFunction(T, "O", Py_None));
    show("int_complex", PyObject_CallFunction(T, "O", c));
    show("int_bytes", PyObject_CallFunction(T, "y", "12"));
    show("int_bytes_base", PyObject_CallFunction(T, "yi", "z", 36));
    show("int_3args", PyObject_CallFunction(T, "sii", "1", 2, 3));
    show("int_unicode_digits", PyObject_CallFunction(T, "s", "\xd9\xa3\xd9\xa4"));
    show("int_bool", PyObject_CallFunction(T, "O", Py_True));
    show("int_long_digits", PyObject_CallFunction(T, "s", "123456789012345678901234567890123456789"));
    PyObject *n = I(-300);
    show("bit_length", PyObject_CallMethod(n, "bit_length", NULL));
    show("bit_count", PyObject_CallMethod(n, "bit_count", NULL));
    show("to_bytes_default", PyObject_CallMethod(I(1), "to_bytes", NULL));
    show("to_bytes_neg_unsigned", PyObject_CallMethod(n, "to_bytes", "is", 2, "big"));
    show("to_bytes_too_big", PyObject_CallMethod(I(256), "to_bytes", "is", 1, "big"));
    show("to_bytes_bad_order", PyObject_CallMethod(I(1), "to_bytes", "is", 2, "middle"));
    show("to_bytes_neg_len", PyObject_CallMethod(I(1), "to_bytes", "is", -1, "big"));
    show("to_bytes_little", PyObject_CallMethod(I(0x1234), "to_bytes", "is", 4, "little"));
    show("from_bytes", PyObject_CallMethod(T, "from_bytes", "ys", "\x01\x00", "little"));
    show("from_bytes_default", PyObject_CallMethod(T, "from_bytes", "y", "\x01\x00"));
    show("as_integer_ratio", PyObject_CallMethod(n, "as_integer_ratio", NULL));
    show("is_integer", PyObject_CallMethod(n, "is_integer", NULL));
    show("conjugate", PyObject_CallMethod(n, "conjugate", NULL));
    show("round_neg", PyObject_CallMethod(I(1250), "__round__", "i", -2));
    show("round_neg2", PyObject_CallMethod(I(1350), "__round__", "i", -2));
    show("round_pos", PyObject_CallMethod(I(1250), "__round__", "i", 2));
    show("round_none", PyObject_CallMethod(I(1250), "__round__", NULL));
    show("trunc", PyObject_CallMethod(Py_True, "__trunc__", NULL));
    show("real", PyObject_GetAttrString(n, "real"));
    show("imag", PyObject_GetAttrString(n, "imag"));
    show("numerator", PyObject_GetAttrString(n, "numerator"));
    show("denominator", PyObject_GetAttrString(n, "denominator"));
    show("getnewargs", PyObject_CallMethod(n, "__getnewargs__", NULL));
    Py_DECREF(n);
    show("complex_getnewargs", PyObject_CallMethod(c, "__getnewargs__", NULL));
    show("complex_complex_arg", PyObject_CallFunction((PyObject *)&PyComplex_Type, "OO", c, c));
    show("complex_kw_imag", PyObject_CallFunction((PyObject *)&PyComplex_Type, "d", 2.0));
    const char *hx[] = {"0x1.8p0", "  -0X1P-2  ", "1.8", "0x.8", "0x1.", "inf", "-Infinity", "nan", "0x", "", "0x1p", "0xg",
        "0x1p1024", "0x1.fffffffffffffp1023", "0x1.fffffffffffff8p1023", "0x1p-1074", "0x1p-1075", "0x1.8p-1075", "0x3p-1076",
        "0x1.0000000000000800p0", "0x1.0000000000001800p0", "0x1.00000000000008000001p0", "0x0.0000000000001p-1022", "0x1p-2000",
        "0x123456789abcdef0123p-40", "1p99999999999999999999", "-0x0p0", NULL};
    for (int i = 0; hx[i]; i++) {
        char label[80];
        snprintf(label, sizeof label, "fromhex[%s]", hx[i]);
        show(label, PyObject_CallMethod((PyObject *)&PyFloat_Type, "fromhex", "s", hx[i]));
    }
    show("fromhex_int", PyObject_CallMethod((PyObject *)&PyFloat_Type, "fromhex", "i", 1));
    show("float_from_number_str", PyObject_CallMethod((PyObject *)&PyFloat_Type, "from_number", "s", "1"));
    show("float_from_number_int", PyObject_CallMethod((PyObject *)&PyFloat_Type, "from_number", "i", 3));
    show("float_from_number_bool", PyObject_CallMethod((PyObject *)&PyFloat_Type, "from_number", "O", Py_True));
    show("complex_from_number_str", PyObject_CallMethod((PyObject *)&PyComplex_Type, "from_number", "s", "1"));
    show("complex_from_number_float", PyObject_CallMethod((PyObject *)&PyComplex_Type, "from_number", "d", 2.5));
    show("complex_from_number_complex", PyObject_CallMethod((PyObject *)&PyComplex_Type, "from_number", "O", c));
    show("complex_from_number_none", PyObject_CallMethod((PyObject *)&PyComplex_Type, "from_number", "O", Py_None));
    show("to_bytes_3pos", PyObject_CallMethod(I(1), "to_bytes", "isO", 1, "big", Py_True));
    show("to_bytes_str_len", PyObject_CallMethod(I(1), "to_bytes", "s", "x"));
    show("to_bytes_int_order", PyObject_CallMethod(I(1), "to_bytes", "ii", 1, 2));
    show("to_bytes_huge_len", PyObject_CallMethod(I(1), "to_bytes", "O", PyNumber_Lshift(I(1), I(70))));
    show("from_bytes_none", PyObject_CallMethod((PyObject *)&PyLong_Type, "from_bytes", NULL));
    show("from_bytes_3pos", PyObject_CallMethod((PyObject *)&PyLong_Type, "from_bytes", "ysO", "", "big", Py_True));
    show("round_2args", PyObject_CallMethod(I(1), "__round__", "ii", 1, 2));
    show("fround_2args", PyObject_CallMethod(F(1.5), "__round__", "ii", 1, 2));
    Py_DECREF(c);
    (void)I; (void)F;
    END();
}
