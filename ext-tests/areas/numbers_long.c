/* numbers: the PyLong_* API (conversions both ways, parsing, native bytes, PEP 757). */
#include "common.h"
#include <limits.h>
#include <string.h>
#include <stdint.h>

static PyObject *I(long v) { return PyLong_FromLong(v); }
static PyObject *S(const char *s) { return PyUnicode_FromString(s); }

#define SHOW_L(label, expr) do { long v_ = (expr); show_int(label, v_); PyErr_Clear(); } while (0)
#define SHOW_UL(label, expr) do { unsigned long v_ = (expr); \
    if (PyErr_Occurred()) { printf("%s: %lu and ", label, v_); show("", NULL); } \
    else printf("%s: %lu\n", label, v_); } while (0)
#define SHOW_D(label, expr) do { double d_ = (expr); \
    if (PyErr_Occurred()) { printf("%s: %g and ", label, d_); show("", NULL); } \
    else printf("%s: %.17g\n", label, d_); } while (0)

static void bytes_hex(const char *label, Py_ssize_t n, const unsigned char *b, int len)
{
    if (n < 0) { show(label, NULL); return; }
    printf("%s: %zd [", label, n);
    for (int i = 0; i < len; i++) printf("%02x", b[i]);
    printf("]\n");
}

int main(void)
{
    BEGIN();
    PyObject *big = PyLong_FromString("-99999999999999999999999", NULL, 0);
    PyObject *pbig = PyLong_FromString("1267650600228229401496703205376", NULL, 10); /* 2**100 */
    show("fromlong", I(-7));
    show("fromulong", PyLong_FromUnsignedLong(ULONG_MAX));
    show("fromll", PyLong_FromLongLong(LLONG_MIN));
    show("fromull", PyLong_FromUnsignedLongLong(ULLONG_MAX));
    show("fromssize", PyLong_FromSsize_t(PY_SSIZE_T_MIN));
    show("fromsize", PyLong_FromSize_t((size_t)-1));
    show("fromint32", PyLong_FromInt32(INT32_MIN));
    show("fromuint32", PyLong_FromUInt32(UINT32_MAX));
    show("fromint64", PyLong_FromInt64(INT64_MIN));
    show("fromuint64", PyLong_FromUInt64(UINT64_MAX));
    show("fromvoidptr", PyLong_FromVoidPtr((void *)0x1234));
    show("fromdouble", PyLong_FromDouble(-3.99));
    show("fromdouble_huge", PyLong_FromDouble(1e30));
    show("fromdouble_neg_huge", PyLong_FromDouble(-1.5e300));
    show("fromdouble_inf", PyLong_FromDouble(Py_HUGE_VAL));
    show("fromdouble_nan", PyLong_FromDouble(Py_HUGE_VAL - Py_HUGE_VAL));
    const char *strs[] = {"0x1F", "0b101", "0o17", "017", "0", "000", "-0", " +12 ", "1_000", "1__0",
        "_1", "1_", "12a", "", " ", "0x", "0x_1f", "-0b1_1", "99999999999999999999999999", "zz", "ZZ", "\t7\n", NULL};
    int bases[] = {0, 10, 16, 36};
    for (int i = 0; strs[i]; i++) {
        for (int b = 0; b < 4; b++) {
            char label[80];
            char *end = NULL;
            snprintf(label, sizeof label, "fromstring[%s|%d]", strs[i], bases[b]);
            PyObject *r = PyLong_FromString(strs[i], &end, bases[b]);
            show(label, r);
            printf("  end=%ld\n", end ? (long)(end - strs[i]) : -1L);
        }
    }
    show("fromstring_badbase", PyLong_FromString("12", NULL, 99));
    show("fromstring_base1", PyLong_FromString("12", NULL, 1));
    {
        char *end = NULL;
        const char *src = "  77 tail";
        show("fromstring_pend", PyLong_FromString(src, &end, 10));
        printf("pend: %ld\n", end ? (long)(end - src) : -1L);
    }
    PyObject *vals[] = {I(0), I(-1), I(-12345), Py_True, pbig, big, PyFloat_FromDouble(1.5), S("x"),
        PyLong_FromString("9223372036854775807", NULL, 10), PyLong_FromString("9223372036854775808", NULL, 10),
        PyLong_FromString("-9223372036854775808", NULL, 10), PyLong_FromString("-9223372036854775809", NULL, 10),
        PyLong_FromString("18446744073709551615", NULL, 10), PyLong_FromString("18446744073709551616", NULL, 10),
        PyLong_FromString("2147483648", NULL, 10), PyLong_FromString("-2147483649", NULL, 10),
        PyLong_FromString("4294967295", NULL, 10), PyLong_FromString("4294967296", NULL, 10)};
    int nv = (int)(sizeof vals / sizeof vals[0]);
    for (int i = 0; i < nv; i++) {
        PyObject *v = vals[i];
        PyObject *r = PyObject_Repr(v);
        printf("== %s\n", u8(r));
        Py_DECREF(r);
        SHOW_L("aslong", PyLong_AsLong(v));
        SHOW_L("asint", PyLong_AsInt(v));
        SHOW_L("aslonglong", (long)PyLong_AsLongLong(v));
        SHOW_UL("asulong", PyLong_AsUnsignedLong(v));
        SHOW_UL("asulonglong", (unsigned long)PyLong_AsUnsignedLongLong(v));
        SHOW_UL("asulongmask", PyLong_AsUnsignedLongMask(v));
        SHOW_UL("asulonglongmask", (unsigned long)PyLong_AsUnsignedLongLongMask(v));
        SHOW_L("asssize", (long)PyLong_AsSsize_t(v));
        SHOW_UL("assize", (unsigned long)PyLong_AsSize_t(v));
        SHOW_D("asdouble", PyLong_AsDouble(v));
        SHOW_UL("asvoidptr", (unsigned long)(uintptr_t)PyLong_AsVoidPtr(v));
        int ov = 99;
        long lv = PyLong_AsLongAndOverflow(v, &ov);
        printf("andoverflow: %ld %d\n", lv, ov);
        PyErr_Clear();
        ov = 99;
        long long llv = PyLong_AsLongLongAndOverflow(v, &ov);
        printf("llandoverflow: %lld %d\n", llv, ov);
        PyErr_Clear();
        int32_t i32 = 7; int64_t i64 = 7; uint32_t u32 = 7; uint64_t u64 = 7;
        int rc = PyLong_AsInt32(v, &i32); printf("asint32: rc=%d v=%ld\n", rc, (long)i32); if (rc < 0) show(" err", NULL);
        rc = PyLong_AsInt64(v, &i64); printf("asint64: rc=%d v=%lld\n", rc, (long long)i64); if (rc < 0) show(" err", NULL);
        rc = PyLong_AsUInt32(v, &u32); printf("asuint32: rc=%d v=%lu\n", rc, (unsigned long)u32); if (rc < 0) show(" err", NULL);
        rc = PyLong_AsUInt64(v, &u64); printf("asuint64: rc=%d v=%llu\n", rc, (unsigned long long)u64); if (rc < 0) show(" err", NULL);
        int flags[] = {-1, Py_ASNATIVEBYTES_BIG_ENDIAN, Py_ASNATIVEBYTES_LITTLE_ENDIAN,
            Py_ASNATIVEBYTES_BIG_ENDIAN | Py_ASNATIVEBYTES_UNSIGNED_BUFFER,
            Py_ASNATIVEBYTES_LITTLE_ENDIAN | Py_ASNATIVEBYTES_REJECT_NEGATIVE,
            Py_ASNATIVEBYTES_NATIVE_ENDIAN | Py_ASNATIVEBYTES_ALLOW_INDEX};
        int sizes[] = {0, 1, 2, 4, 8, 9, 16};
        for (int f = 0; f < 6; f++) {
            for (int s = 0; s < 7; s++) {
                unsigned char buf[16];
                memset(buf, 0xAA, sizeof buf);
                char label[64];
                snprintf(label, sizeof label, "asnativebytes[%d,%d]", flags[f], sizes[s]);
                Py_ssize_t n = PyLong_AsNativeBytes(v, sizes[s] ? buf : NULL, sizes[s], flags[f]);
                bytes_hex(label, n, buf, sizes[s]);
            }
        }
        PyLongExport ex;
        if (PyLong_Export(v, &ex) < 0) {
            show("export", NULL);
        }
        else {
            printf("export: value=%lld negative=%d ndigits=%zd\n", (long long)ex.value, ex.negative, ex.ndigits);
            for (Py_ssize_t k = 0; k < ex.ndigits; k++) printf("  digit %u\n", ((const uint32_t *)ex.digits)[k]);
            PyLong_FreeExport(&ex);
        }
    }
    {
        unsigned char be[3] = {0xFF, 0x00, 0x01};
        show("fromnative_signed_be", PyLong_FromNativeBytes(be, 3, Py_ASNATIVEBYTES_BIG_ENDIAN));
        show("fromnative_signed_le", PyLong_FromNativeBytes(be, 3, Py_ASNATIVEBYTES_LITTLE_ENDIAN));
        show("fromnative_unsigned_flag", PyLong_FromNativeBytes(be, 3, Py_ASNATIVEBYTES_BIG_ENDIAN | Py_ASNATIVEBYTES_UNSIGNED_BUFFER));
        show("fromnative_defaults", PyLong_FromNativeBytes(be, 3, -1));
        show("fromnative_zero", PyLong_FromNativeBytes(be, 0, -1));
        show("fromunsigned_le", PyLong_FromUnsignedNativeBytes(be, 3, Py_ASNATIVEBYTES_LITTLE_ENDIAN));
        show("fromunsigned_be", PyLong_FromUnsignedNativeBytes(be, 3, Py_ASNATIVEBYTES_BIG_ENDIAN));
    }
    {
        const PyLongLayout *l = PyLong_GetNativeLayout();
        printf("layout: %d %d %d %d\n", l->bits_per_digit, l->digit_size, l->digits_order, l->digit_endianness);
        void *digits = NULL;
        PyLongWriter *w = PyLongWriter_Create(1, 3, &digits);
        ((uint32_t *)digits)[0] = 5; ((uint32_t *)digits)[1] = 0; ((uint32_t *)digits)[2] = 7;
        show("writer", PyLongWriter_Finish(w));
        w = PyLongWriter_Create(0, 1, &digits);
        ((uint32_t *)digits)[0] = 42;
        show("writer_small", PyLongWriter_Finish(w));
        w = PyLongWriter_Create(0, 2, &digits);
        PyLongWriter_Discard(w);
        PyLongWriter_Discard(NULL);
        show("writer_zero", (PyObject *)PyLongWriter_Create(0, 0, &digits));
    }
    show("check_bool", PyBool_FromLong(PyLong_Check(Py_True)));
    show("checkexact_bool", PyBool_FromLong(PyLong_CheckExact(Py_True)));
    END();
}
