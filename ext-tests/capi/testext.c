/* testext: a Limited-API extension module (single-phase init, PyModule_Create)
 * that exercises the C API area by area.
 *
 * Every test function ("t_<area>") takes no arguments and returns a list of
 * (label, value) pairs.  A value is whatever the API produced; when an API call
 * raised, the value is the string "!ExcName: message" (see rec()).  The
 * embedding program (embed.c) compares repr(value) with its expected table, so
 * the values here must be deterministic: no addresses, no str hashes, no set
 * iteration order.
 *
 * Checks that need an API newer than the Py_LIMITED_API this file is compiled
 * with are compiled out; the block then records a single "<area>@3.NN" label
 * with the value "skipped".  Labels that carry "@" are variant-specific: the
 * embedder tags their output lines so the three header variants stay
 * comparable.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h> /* PyMemberDef, T_* for the 3.8 build */
#include <string.h>
#include <wchar.h>
#include <errno.h>

/* deprecated APIs (PyWeakref_GetObject, ...) are exercised on purpose */
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

#define API (Py_LIMITED_API + 0)

#ifndef PyBUF_READ /* the values are ABI; the names entered the Limited API in 3.11 */
#define PyBUF_READ 0x100
#define PyBUF_WRITE 0x200
#endif

/* ---------------------------------------------------------------- helpers */

#if API >= 0x030a0000
#define NEWREF(o) Py_NewRef(o)
#else
static PyObject *compat_newref(PyObject *o) { Py_INCREF(o); return o; }
#define NEWREF(o) compat_newref((PyObject *)(o))
#endif

#ifndef Py_T_LONG /* 3.12 renamed the member type constants */
#define Py_T_LONG T_LONG
#define Py_T_OBJECT_EX T_OBJECT_EX
#define Py_T_PYSSIZET T_PYSSIZET
#define Py_T_INT T_INT
#define Py_T_DOUBLE T_DOUBLE
#define Py_READONLY READONLY
#endif

/* "!TypeName: message" for the current exception (which is cleared). */
static PyObject *exc_string(void)
{
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    if (type == NULL)
        return PyUnicode_FromString("!<NULL without exception>");
    PyErr_NormalizeException(&type, &value, &tb);
    PyObject *name = PyObject_GetAttrString(type, "__name__");
    PyObject *msg = value ? PyObject_Str(value) : NULL;
    PyObject *res = NULL;
    if (name && msg) {
        /* "<file>:<line>: bad argument to internal function" names a source
         * file of the runtime: keep only the stable part */
        const char *tail = ": bad argument to internal function";
        PyObject *t = PyUnicode_FromString(tail);
        Py_ssize_t at = t ? PyUnicode_Find(msg, t, 0, PY_SSIZE_T_MAX, 1) : -1;
        Py_XDECREF(t);
        if (at > 0) {
            Py_DECREF(msg);
            msg = PyUnicode_FromString("<file>:<line>: bad argument to internal function");
        }
        res = msg ? PyUnicode_FromFormat("!%U: %U", name, msg) : NULL;
    }
    if (res == NULL)
    {
        PyErr_Clear();
        res = PyUnicode_FromString("!<unprintable exception>");
    }
    Py_XDECREF(name);
    Py_XDECREF(msg);
    Py_XDECREF(type);
    Py_XDECREF(value);
    Py_XDECREF(tb);
    return res;
}

/* Append (label, value) to out; steals value; NULL value => exception text. */
static void rec(PyObject *out, const char *label, PyObject *value)
{
    if (value == NULL)
        value = exc_string();
    else if (PyErr_Occurred()) { /* a result *and* an exception: a bug */
        PyObject *e = exc_string();
        PyObject *s = PyUnicode_FromFormat("!<result with exception set> %S", e);
        Py_XDECREF(e);
        Py_DECREF(value);
        value = s;
    }
    if (value == NULL) { PyErr_Clear(); return; }
    PyObject *t = Py_BuildValue("(sN)", label, value);
    if (t == NULL) { PyErr_Clear(); return; }
    if (PyList_Append(out, t) < 0)
        PyErr_Clear();
    Py_DECREF(t);
}

/* int-returning APIs: -1 with an exception becomes the exception text */
static PyObject *int_or_exc(long r)
{
    if (r == -1 && PyErr_Occurred())
        return NULL;
    return PyLong_FromLong(r);
}

/* snapshot of a mutable object: its repr now, since later steps mutate it */
static PyObject *snap(PyObject *o) { return PyObject_Repr(o); }

static PyObject *borrowed(PyObject *o) { if (o) Py_INCREF(o); return o; }

#define BEGIN PyObject *out = PyList_New(0); if (out == NULL) return NULL
#define END                                             \
    if (PyErr_Occurred()) rec(out, "leaked_exception", NULL); \
    return out
#define R(label, expr) rec(out, label, (expr))
#define RI(label, expr) rec(out, label, int_or_exc((long)(expr)))
#define RB(label, cond) rec(out, label, PyBool_FromLong((cond) ? 1 : 0))
#define RBOR(label, expr) rec(out, label, borrowed(expr))
#define RS(label, s) rec(out, label, PyUnicode_FromString(s))
#define RLL(label, v) rec(out, label, PyLong_FromLongLong(v))
#define RD(label, v) rec(out, label, PyFloat_FromDouble(v))
#define SKIP(label) RS(label "/skipped", "skipped") /* own key: never collides */
/* long-returning API that may fail: record value or exception */
#define RLONG(label, expr) do { long v_ = (expr); \
    rec(out, label, (v_ == -1 && PyErr_Occurred()) ? NULL : PyLong_FromLong(v_)); } while (0)

static PyObject *S(const char *s) { return PyUnicode_FromString(s); }
static PyObject *I(long v) { return PyLong_FromLong(v); }

/* module state of testext (single-phase, m_size > 0) */
typedef struct {
    long counter;
    PyObject *error; /* testext.Error */
} ext_state;

static struct PyModuleDef testext_def;
static long gc_dealloc_count = 0;
static long capsule_destructor_count = 0;
static long weakref_callback_count = 0;

/* ========================================================= object protocol */

static PyObject *t_object(PyObject *self, PyObject *unused)
{
    BEGIN;
    PyObject *d = PyDict_New();
    PyObject *l = Py_BuildValue("[iii]", 1, 2, 3);
    PyObject *s = S("abc");
    PyObject *n = I(42);
    PyObject *ns = PyObject_CallObject((PyObject *)&PyType_Type, NULL); /* error: no args */
    R("type_noargs", ns);
    /* attributes on a module-less simple object: use a str's method */
    R("getattr_upper", PyObject_CallMethod(s, "upper", NULL));
    R("getattr_missing", PyObject_GetAttrString(s, "nope"));
    RI("hasattr_yes", PyObject_HasAttrString(s, "upper"));
    RI("hasattr_no", PyObject_HasAttrString(s, "nope"));
    PyObject *name = S("real");
    R("getattr_obj", PyObject_GetAttr(n, name));
    Py_DECREF(name);
    RI("setattr_int_fails", PyObject_SetAttrString(n, "x", n));
    R("repr_str", PyObject_Repr(s));
    R("str_int", PyObject_Str(n));
    R("ascii_nonascii", PyObject_ASCII(PyUnicode_FromString("\xc3\xa9")));
    R("bytes_of_list", PyObject_Bytes(l));
    RB("hash_int_eq", PyObject_Hash(n) == 42);
    RLONG("hash_list", (long)PyObject_Hash(l));
    RLONG("hash_minus1", (long)PyObject_Hash(PyLong_FromLong(-1))); /* leaks one small int: immortal */
    R("richcmp_lt", PyObject_RichCompare(n, I(43), Py_LT));
    RI("richcmpbool_eq", PyObject_RichCompareBool(s, s, Py_EQ));
    RI("richcmpbool_ne", PyObject_RichCompareBool(n, s, Py_NE));
    RI("richcmpbool_typeerr", PyObject_RichCompareBool(n, s, Py_LT));
    RI("istrue_empty", PyObject_IsTrue(d));
    RI("istrue_list", PyObject_IsTrue(l));
    RI("not_list", PyObject_Not(l));
    RBOR("type_of_int", (PyObject *)Py_TYPE(n));
    R("type_func", PyObject_Type(s));
    RI("length_list", PyObject_Length(l));
    RI("size_str", PyObject_Size(s));
    RI("length_int", PyObject_Length(n));
    R("getitem_list", PyObject_GetItem(l, I(1)));
    RI("setitem_dict", PyObject_SetItem(d, s, n));
    R("getitem_dict", PyObject_GetItem(d, s));
    RI("delitem_dict", PyObject_DelItem(d, s));
    R("getitem_missing", PyObject_GetItem(d, s));
    RI("delitem_missing", PyObject_DelItemString(d, "zz"));
    RI("isinstance", PyObject_IsInstance(n, (PyObject *)&PyLong_Type));
    RI("issubclass", PyObject_IsSubclass((PyObject *)&PyBool_Type, (PyObject *)&PyLong_Type));
    RI("typecheck", PyObject_TypeCheck(Py_True, &PyLong_Type));
    RI("callable_yes", PyCallable_Check((PyObject *)&PyLong_Type));
    RI("callable_no", PyCallable_Check(n));
    R("format", PyObject_Format(I(255), S("08x")));
    RB("none_is_none", Py_None == Py_None && Py_TYPE(Py_None) != NULL);
    R("self_iter", PyObject_SelfIter(l));
    R("generic_getattr", PyObject_GenericGetAttr(n, S("imag")));
    Py_DECREF(d); Py_DECREF(l); Py_DECREF(s); Py_DECREF(n);
    END;
}

/* ========================================================= number protocol */

static PyObject *t_number(PyObject *self, PyObject *unused)
{
    BEGIN;
    PyObject *a = I(17), *b = I(5), *f = PyFloat_FromDouble(2.5), *z = I(0);
    PyObject *big = PyLong_FromString("123456789012345678901234567890", NULL, 10);
    R("add", PyNumber_Add(a, b));
    R("sub", PyNumber_Subtract(a, b));
    R("mul", PyNumber_Multiply(a, b));
    R("floordiv", PyNumber_FloorDivide(a, b));
    R("truediv", PyNumber_TrueDivide(a, b));
    R("rem", PyNumber_Remainder(a, b));
    R("rem_neg", PyNumber_Remainder(I(-17), b));
    R("divmod", PyNumber_Divmod(a, b));
    R("pow", PyNumber_Power(a, b, Py_None));
    R("pow_mod", PyNumber_Power(a, b, I(7)));
    R("neg", PyNumber_Negative(a));
    R("pos", PyNumber_Positive(a));
    R("abs", PyNumber_Absolute(I(-3)));
    R("invert", PyNumber_Invert(a));
    R("lshift", PyNumber_Lshift(a, I(70)));
    R("rshift", PyNumber_Rshift(big, I(64)));
    R("and", PyNumber_And(a, b));
    R("or", PyNumber_Or(a, b));
    R("xor", PyNumber_Xor(a, b));
    R("matmul_err", PyNumber_MatrixMultiply(a, b));
    R("add_float", PyNumber_Add(a, f));
    R("mul_float", PyNumber_Multiply(f, f));
    R("div_zero", PyNumber_TrueDivide(a, z));
    R("floordiv_zero", PyNumber_FloorDivide(a, z));
    R("add_typeerr", PyNumber_Add(a, Py_None));
    R("mul_seq", PyNumber_Multiply(S("ab"), I(3)));
    R("add_seq", PyNumber_Add(S("ab"), S("cd")));
    R("big_mul", PyNumber_Multiply(big, big));
    R("big_floordiv", PyNumber_FloorDivide(big, I(7)));
    /* in-place forms: on immutable ints they return new objects */
    R("iadd", PyNumber_InPlaceAdd(a, b));
    R("isub", PyNumber_InPlaceSubtract(a, b));
    R("imul", PyNumber_InPlaceMultiply(a, b));
    R("ifloordiv", PyNumber_InPlaceFloorDivide(a, b));
    R("itruediv", PyNumber_InPlaceTrueDivide(a, b));
    R("irem", PyNumber_InPlaceRemainder(a, b));
    R("ipow", PyNumber_InPlacePower(a, b, Py_None));
    R("ilshift", PyNumber_InPlaceLshift(a, b));
    R("irshift", PyNumber_InPlaceRshift(a, I(2)));
    R("iand", PyNumber_InPlaceAnd(a, b));
    R("ior", PyNumber_InPlaceOr(a, b));
    R("ixor", PyNumber_InPlaceXor(a, b));
    R("imatmul_err", PyNumber_InPlaceMatrixMultiply(a, b));
    {   /* in-place on a list really mutates */
        PyObject *l = Py_BuildValue("[i]", 1);
        PyObject *r = PyNumber_InPlaceAdd(l, Py_BuildValue("[i]", 2));
        RB("iadd_list_same", r == l);
        R("iadd_list", r);
        R("imul_list", PyNumber_InPlaceMultiply(l, I(2)));
        R("iadd_list_result", l);
    }
    RI("check_int", PyNumber_Check(a));
    RI("check_float", PyNumber_Check(f));
    RI("check_str", PyNumber_Check(S("1")));
    RI("index_check_int", PyIndex_Check(a));
    RI("index_check_float", PyIndex_Check(f));
    R("index", PyNumber_Index(Py_True));
    R("index_float", PyNumber_Index(f));
    RI("asssize", PyNumber_AsSsize_t(a, NULL));
    RI("asssize_big_clamp", PyNumber_AsSsize_t(big, NULL) == PY_SSIZE_T_MAX);
    RI("asssize_big_err", PyNumber_AsSsize_t(big, PyExc_OverflowError));
    R("long_from_float", PyNumber_Long(f));
    R("long_from_str", PyNumber_Long(S("  -42 ")));
    R("long_from_badstr", PyNumber_Long(S("4x2")));
    R("float_from_int", PyNumber_Float(a));
    R("float_from_str", PyNumber_Float(S("1e3")));
    R("float_from_none", PyNumber_Float(Py_None));
    R("tobase_2", PyNumber_ToBase(a, 2));
    R("tobase_8", PyNumber_ToBase(a, 8));
    R("tobase_10", PyNumber_ToBase(a, 10));
    R("tobase_16", PyNumber_ToBase(I(-255), 16));
    R("tobase_bad", PyNumber_ToBase(a, 3));
    Py_DECREF(a); Py_DECREF(b); Py_DECREF(f); Py_DECREF(z); Py_DECREF(big);
    END;
}

/* =================================================== sequence and mapping */

static PyObject *t_sequence(PyObject *self, PyObject *unused)
{
    BEGIN;
    PyObject *l = Py_BuildValue("[iiiii]", 1, 2, 3, 2, 1);
    PyObject *t = Py_BuildValue("(sss)", "a", "b", "c");
    RI("check_list", PySequence_Check(l));
    RI("check_dict", PySequence_Check(PyDict_New()));
    RI("size", PySequence_Size(l));
    RI("length", PySequence_Length(t));
    R("concat", PySequence_Concat(t, t));
    R("repeat", PySequence_Repeat(t, 2));
    R("getitem", PySequence_GetItem(l, 2));
    R("getitem_neg", PySequence_GetItem(l, -1));
    R("getitem_oob", PySequence_GetItem(l, 10));
    R("getslice", PySequence_GetSlice(l, 1, 4));
    RI("setitem", PySequence_SetItem(l, 0, I(9)));
    RI("setitem_tuple", PySequence_SetItem(t, 0, I(9)));
    RI("delitem", PySequence_DelItem(l, 1));
    RI("setslice", PySequence_SetSlice(l, 0, 2, t));
    RI("delslice", PySequence_DelSlice(l, 0, 1));
    R("after_mutation", snap(l));
    RI("count", PySequence_Count(l, I(2)));
    RI("contains", PySequence_Contains(l, S("c")));
    RI("contains_no", PySequence_Contains(l, S("z")));
    RI("index", PySequence_Index(l, I(1)));
    RI("index_missing", PySequence_Index(l, I(77)));
    R("tuple", PySequence_Tuple(l));
    R("list", PySequence_List(t));
    R("list_from_str", PySequence_List(S("xyz")));
    R("fast", PySequence_Fast(t, "not iterable"));
    R("fast_err", PySequence_Fast(I(3), "custom message"));
    R("inplace_concat", PySequence_InPlaceConcat(l, t));
    R("inplace_repeat", PySequence_InPlaceRepeat(Py_BuildValue("[i]", 7), 3));
    R("concat_err", PySequence_Concat(l, t));
    Py_DECREF(l); Py_DECREF(t);
    END;
}

static PyObject *t_mapping(PyObject *self, PyObject *unused)
{
    BEGIN;
    PyObject *d = Py_BuildValue("{s:i,s:i}", "a", 1, "b", 2);
    RI("check_dict", PyMapping_Check(d));
    RI("check_int", PyMapping_Check(I(1)));
    RI("size", PyMapping_Size(d));
    RI("length", PyMapping_Length(d));
    R("getitemstring", PyMapping_GetItemString(d, "a"));
    R("getitemstring_missing", PyMapping_GetItemString(d, "zz"));
    RI("setitemstring", PyMapping_SetItemString(d, "c", I(3)));
    RI("haskey", PyMapping_HasKey(d, S("c")));
    RI("haskeystring", PyMapping_HasKeyString(d, "q"));
    R("keys", PyMapping_Keys(d));
    R("values", PyMapping_Values(d));
    R("items", PyMapping_Items(d));
    RI("delitemstring", PyMapping_DelItemString(d, "a"));
    RI("delitem", PyMapping_DelItem(d, S("b")));
    R("after", snap(d));
    R("list_as_mapping", PyMapping_GetItemString(Py_BuildValue("[i]", 5), "0"));
#if API >= 0x030d0000
    {
        PyObject *v = NULL;
        int r = PyMapping_GetOptionalItem(d, S("c"), &v);
        R("getoptional_hit@3.13", Py_BuildValue("(iN)", r, v ? v : NEWREF(Py_None)));
        v = (PyObject *)1;
        r = PyMapping_GetOptionalItemString(d, "nope", &v);
        R("getoptional_miss@3.13", Py_BuildValue("(iO)", r, v ? v : Py_None));
        RI("haskeywitherror@3.13", PyMapping_HasKeyStringWithError(d, "c"));
    }
#else
    SKIP("mapping_optional@3.13");
#endif
    Py_DECREF(d);
    END;
}

/* ============================================================== iterators */

static PyObject *t_iter(PyObject *self, PyObject *unused)
{
    BEGIN;
    PyObject *l = Py_BuildValue("[iii]", 10, 20, 30);
    PyObject *it = PyObject_GetIter(l);
    RI("check_iter", PyIter_Check(it));
    RI("check_list", PyIter_Check(l));
    PyObject *acc = PyList_New(0), *item;
    while ((item = PyIter_Next(it)) != NULL) {
        PyList_Append(acc, item);
        Py_DECREF(item);
    }
    RB("exhausted_no_error", !PyErr_Occurred());
    R("collected", acc);
    R("next_after_end", PyIter_Next(it)); /* NULL, no exception */
    Py_DECREF(it);
    R("getiter_int", PyObject_GetIter(I(5)));
    {   /* dict iteration yields keys in insertion order */
        PyObject *d = Py_BuildValue("{s:i,s:i,s:i}", "z", 1, "a", 2, "m", 3);
        it = PyObject_GetIter(d);
        R("dict_iter", PySequence_List(it));
        Py_DECREF(it);
        Py_DECREF(d);
    }
    {   /* range iterator via a call to the type */
        PyObject *r = PyObject_CallFunction((PyObject *)&PyRange_Type, "iii", 3, 12, 4);
        it = PyObject_GetIter(r);
        R("range_iter", PySequence_Tuple(it));
        Py_XDECREF(it);
        Py_XDECREF(r);
    }
#if API >= 0x030e0000
    {
        PyObject *v = NULL;
        it = PyObject_GetIter(l);
        int r1 = PyIter_NextItem(it, &v);
        R("nextitem@3.14", Py_BuildValue("(iN)", r1, v));
        Py_DECREF(it);
        v = (PyObject *)1;
        RI("nextitem_noniter@3.14", PyIter_NextItem(l, &v));
    }
#else
    SKIP("iter_nextitem@3.14");
#endif
    Py_DECREF(l);
    END;
}

/* ================================================================= buffer */

static PyObject *t_buffer(PyObject *self, PyObject *unused)
{
    BEGIN;
    static char raw[6] = "hello";
    PyObject *mv = PyMemoryView_FromMemory(raw, 5, PyBUF_READ);
    R("frommemory", PyObject_Bytes(mv));
    RI("memoryview_check", PyMemoryView_Check(mv));
    RI("frommemory_setitem_ro", PyObject_SetItem(mv, I(0), I(65)));
    Py_DECREF(mv);
    mv = PyMemoryView_FromMemory(raw, 5, PyBUF_WRITE);
    RI("frommemory_setitem_rw", PyObject_SetItem(mv, I(0), I(74)));
    RS("raw_after_write", raw);
    Py_DECREF(mv);
    raw[0] = 'h';
    PyObject *ba = PyByteArray_FromStringAndSize("abcdef", 6);
    mv = PyMemoryView_FromObject(ba);
    R("fromobject_slice", PyObject_Bytes(PyObject_GetItem(mv, PySlice_New(I(1), I(3), NULL))));
    R("fromobject_int", PyMemoryView_FromObject(I(3)));
    Py_DECREF(mv);
#if API >= 0x030b0000
    {
        Py_buffer view;
        PyObject *b = PyBytes_FromString("xyz");
        int r = PyObject_GetBuffer(b, &view, PyBUF_SIMPLE);
        RI("bytes_get@3.11", r);
        RI("bytes_len@3.11", view.len);
        RI("bytes_readonly@3.11", view.readonly);
        R("bytes_data@3.11", PyBytes_FromStringAndSize(view.buf, view.len));
        RB("bytes_obj@3.11", view.obj == b);
        PyBuffer_Release(&view);
        RB("released_obj_null@3.11", view.obj == NULL);
        RI("bytes_writable_err@3.11", PyObject_GetBuffer(b, &view, PyBUF_WRITABLE));
        r = PyObject_GetBuffer(ba, &view, PyBUF_WRITABLE | PyBUF_FORMAT | PyBUF_ND);
        RI("bytearray_get@3.11", r);
        R("bytearray_format@3.11", PyUnicode_FromString(view.format ? view.format : "NULL"));
        RI("bytearray_ndim@3.11", view.ndim);
        RI("bytearray_shape0@3.11", view.shape ? view.shape[0] : -1);
        RI("bytearray_itemsize@3.11", view.itemsize);
        ((char *)view.buf)[0] = 'Z';
        /* resizing an exported bytearray is refused */
        RI("bytearray_resize_exported@3.11", PyByteArray_Resize(ba, 2));
        PyBuffer_Release(&view);
        R("bytearray_after@3.11", snap(ba));
        RI("checkbuffer_bytes@3.11", PyObject_CheckBuffer(b));
        RI("checkbuffer_str@3.11", PyObject_CheckBuffer(S("s")));
        RI("getbuffer_str@3.11", PyObject_GetBuffer(S("s"), &view, PyBUF_SIMPLE));
        mv = PyMemoryView_FromObject(b);
        r = PyObject_GetBuffer(mv, &view, PyBUF_SIMPLE);
        RI("memoryview_get@3.11", r);
        RI("memoryview_len@3.11", view.len);
        PyBuffer_Release(&view);
        Py_DECREF(mv);
        /* a buffer filled by PyBuffer_FillInfo round-trips through memoryview */
        static char data[4] = "abc";
        r = PyBuffer_FillInfo(&view, NULL, data, 3, 1, PyBUF_SIMPLE);
        RI("fillinfo@3.11", r);
        RI("fillinfo_ro@3.11", view.readonly);
        RI("fillinfo_writable_err@3.11", PyBuffer_FillInfo(&view, NULL, data, 3, 1, PyBUF_WRITABLE));
        RI("iscontiguous@3.11", PyBuffer_IsContiguous(&view, 'C'));
        char dst[4] = {0};
        RI("tocontiguous@3.11", PyBuffer_ToContiguous(dst, &view, 3, 'C'));
        RS("tocontiguous_data@3.11", dst);
        Py_DECREF(b);
    }
#else
    SKIP("buffer_protocol@3.11");
#endif
    Py_DECREF(ba);
    END;
}

/* =========================================================== call protocol */

static PyObject *t_call(PyObject *self, PyObject *unused)
{
    BEGIN;
    PyObject *s = S("a-b-c");
    PyObject *split = PyObject_GetAttrString(s, "split");
    PyObject *args = Py_BuildValue("(s)", "-");
    R("call", PyObject_Call(split, args, NULL));
    PyObject *kw = Py_BuildValue("{s:i}", "maxsplit", 1);
    R("call_kw", PyObject_Call(split, args, kw));
    R("callobject", PyObject_CallObject(split, args));
    R("callobject_null", PyObject_CallObject(split, NULL));
    R("call_badkw", PyObject_Call(split, args, Py_BuildValue("{s:i}", "bogus", 1)));
    R("call_notcallable", PyObject_Call(s, args, NULL));
#if API >= 0x030a0000
    R("callnoargs@3.10", PyObject_CallNoArgs(split));
#else
    SKIP("callnoargs@3.10");
#endif
    R("callfunction", PyObject_CallFunction((PyObject *)&PyLong_Type, "si", "ff", 16));
    R("callfunction_noargs", PyObject_CallFunction((PyObject *)&PyTuple_Type, NULL));
    R("callfunction_tuplearg", PyObject_CallFunction((PyObject *)&PyTuple_Type, "(ii)", 1, 2));
    R("callmethod", PyObject_CallMethod(s, "replace", "ss", "-", "+"));
    R("callmethod_missing", PyObject_CallMethod(s, "nope", NULL));
    R("callfunctionobjargs", PyObject_CallFunctionObjArgs(split, S("b"), NULL));
    PyObject *mname = S("count");
    R("callmethodobjargs", PyObject_CallMethodObjArgs(s, mname, S("-"), NULL));
    Py_DECREF(mname);
    R("callfunction_badfmt", PyObject_CallFunction(split, "(i", 1));
#if API >= 0x030c0000
    {
        PyObject *argv[3] = {NULL, S("-"), I(1)};
        R("vectorcall@3.12", PyObject_Vectorcall(split, argv + 1, 1 | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL));
        PyObject *kwnames = Py_BuildValue("(s)", "maxsplit");
        R("vectorcall_kw@3.12", PyObject_Vectorcall(split, argv + 1, 1, kwnames));
        argv[0] = s;
        PyObject *name = S("rsplit");
        R("vectorcallmethod@3.12", PyObject_VectorcallMethod(name, argv, 2 | PY_VECTORCALL_ARGUMENTS_OFFSET, kwnames));
        R("vectorcall_call@3.12", PyVectorcall_Call(split, args, kw));
        R("vectorcall_nargs@3.12", PyLong_FromSsize_t(PyVectorcall_NARGS(2 | PY_VECTORCALL_ARGUMENTS_OFFSET)));
        Py_DECREF(name);
        Py_DECREF(kwnames);
        Py_DECREF(argv[1]); Py_DECREF(argv[2]);
    }
#else
    SKIP("vectorcall@3.12");
#endif
    Py_DECREF(s); Py_DECREF(split); Py_DECREF(args); Py_DECREF(kw);
    END;
}

/* ===================================================================== int */

static PyObject *t_long(PyObject *self, PyObject *unused)
{
    BEGIN;
    int overflow = 0;
    PyObject *big = PyLong_FromString("-99999999999999999999999", NULL, 0);
    R("fromlong", PyLong_FromLong(-7));
    R("fromulong_max", PyLong_FromUnsignedLong(ULONG_MAX));
    R("fromlonglong_min", PyLong_FromLongLong(LLONG_MIN));
    R("fromulonglong_max", PyLong_FromUnsignedLongLong(ULLONG_MAX));
    R("fromssize", PyLong_FromSsize_t(PY_SSIZE_T_MIN));
    R("fromsize", PyLong_FromSize_t((size_t)-1));
    R("fromdouble", PyLong_FromDouble(-3.99));
    R("fromdouble_huge", PyLong_FromDouble(1e30));
    R("fromdouble_inf", PyLong_FromDouble(Py_HUGE_VAL));
    R("fromdouble_nan", PyLong_FromDouble(Py_HUGE_VAL - Py_HUGE_VAL));
    R("fromstring_hex", PyLong_FromString("0x1F", NULL, 0));
    R("fromstring_bin", PyLong_FromString("0b101", NULL, 0));
    R("fromstring_base36", PyLong_FromString("zz", NULL, 36));
    R("fromstring_under", PyLong_FromString("1_000", NULL, 10));
    R("fromstring_bad", PyLong_FromString("12a", NULL, 10));
    R("fromstring_badbase", PyLong_FromString("12", NULL, 99));
    {
        char *end = NULL;
        const char *src = "  77 tail";
        PyObject *v = PyLong_FromString(src, &end, 10);
        R("fromstring_pend", v);
        RI("fromstring_pend_off", end ? end - src : -1);
    }
    R("big", snap(big));
    RLONG("aslong", PyLong_AsLong(I(-12345)));
    RLONG("aslong_overflow", PyLong_AsLong(big));
    RLONG("aslong_float", PyLong_AsLong(PyFloat_FromDouble(1.5)));
    RLONG("aslong_index", PyLong_AsLong(Py_True));
    long v = PyLong_AsLongAndOverflow(big, &overflow);
    R("aslongandoverflow_big", Py_BuildValue("(li)", v, overflow));
    v = PyLong_AsLongAndOverflow(I(5), &overflow);
    R("aslongandoverflow_small", Py_BuildValue("(li)", v, overflow));
    long long ll = PyLong_AsLongLongAndOverflow(PyNumber_Negative(big), &overflow);
    R("aslonglongandoverflow", Py_BuildValue("(Li)", ll, overflow));
    ll = PyLong_AsLongLong(PyLong_FromString("9223372036854775807", NULL, 10));
    RLL("aslonglong_max", ll);
    ll = PyLong_AsLongLong(PyLong_FromString("9223372036854775808", NULL, 10));
    R("aslonglong_overflow", (ll == -1 && PyErr_Occurred()) ? NULL : PyLong_FromLongLong(ll));
    unsigned long ul = PyLong_AsUnsignedLong(PyLong_FromUnsignedLong(ULONG_MAX));
    RB("asulong_max", ul == ULONG_MAX);
    ul = PyLong_AsUnsignedLong(I(-1));
    R("asulong_neg", (ul == (unsigned long)-1 && PyErr_Occurred()) ? NULL : PyLong_FromUnsignedLong(ul));
    unsigned long long ull = PyLong_AsUnsignedLongLong(I(-1));
    R("asulonglong_neg", (ull == (unsigned long long)-1 && PyErr_Occurred()) ? NULL : PyLong_FromUnsignedLongLong(ull));
    R("asulonglongmask", PyLong_FromUnsignedLongLong(PyLong_AsUnsignedLongLongMask(I(-1))));
    R("asulongmask", PyLong_FromUnsignedLong(PyLong_AsUnsignedLongMask(big)));
    Py_ssize_t ss = PyLong_AsSsize_t(big);
    R("asssize_overflow", (ss == -1 && PyErr_Occurred()) ? NULL : PyLong_FromSsize_t(ss));
    size_t sz = PyLong_AsSize_t(I(-2));
    R("assize_neg", (sz == (size_t)-1 && PyErr_Occurred()) ? NULL : PyLong_FromSize_t(sz));
    RD("asdouble", PyLong_AsDouble(PyLong_FromString("12345678901234567890", NULL, 10)));
    double dd = PyLong_AsDouble(PyNumber_Lshift(I(1), I(2000)));
    R("asdouble_overflow", (dd == -1.0 && PyErr_Occurred()) ? NULL : PyFloat_FromDouble(dd));
    RI("check_bool", PyLong_Check(Py_True));
    RI("checkexact_bool", PyLong_CheckExact(Py_True));
    R("getinfo_type", PyObject_Type(PyLong_GetInfo()));
    R("big_str", PyObject_Str(PyNumber_Power(I(7), I(77), Py_None)));
    R("big_neg_hex", PyNumber_ToBase(big, 16));
#if API >= 0x030d0000
    {
        int iv = PyLong_AsInt(PyLong_FromLongLong(1LL << 40));
        R("asint_overflow@3.13", (iv == -1 && PyErr_Occurred()) ? NULL : PyLong_FromLong(iv));
        RI("asint@3.13", PyLong_AsInt(I(-77)));
    }
#endif
#if API >= 0x030e0000
    {
        unsigned char buf[16];
        memset(buf, 0xAA, sizeof buf);
        Py_ssize_t n = PyLong_AsNativeBytes(I(0x1234), buf, 4, Py_ASNATIVEBYTES_BIG_ENDIAN);
        R("asnativebytes@3.14", Py_BuildValue("(ny#)", n, (const char *)buf, (Py_ssize_t)4));
        n = PyLong_AsNativeBytes(I(-2), buf, 2, Py_ASNATIVEBYTES_LITTLE_ENDIAN);
        R("asnativebytes_neg@3.14", Py_BuildValue("(ny#)", n, (const char *)buf, (Py_ssize_t)2));
        n = PyLong_AsNativeBytes(big, buf, 4, Py_ASNATIVEBYTES_BIG_ENDIAN);
        RI("asnativebytes_needed@3.14", n);
        n = PyLong_AsNativeBytes(I(-1), buf, 1, Py_ASNATIVEBYTES_LITTLE_ENDIAN | Py_ASNATIVEBYTES_UNSIGNED_BUFFER | Py_ASNATIVEBYTES_REJECT_NEGATIVE);
        R("asnativebytes_rejectneg@3.14", n < 0 ? NULL : PyLong_FromSsize_t(n));
        unsigned char be[3] = {0xFF, 0x00, 0x01};
        R("fromnativebytes_signed@3.14", PyLong_FromNativeBytes(be, 3, Py_ASNATIVEBYTES_BIG_ENDIAN));
        R("fromunsignednativebytes@3.14", PyLong_FromUnsignedNativeBytes(be, 3, Py_ASNATIVEBYTES_LITTLE_ENDIAN));
    }
#else
    SKIP("long_native_bytes@3.14");
#endif
    Py_DECREF(big);
    END;
}

/* ======================================================= float, complex, bool */

static PyObject *t_float(PyObject *self, PyObject *unused)
{
    BEGIN;
    R("fromdouble", PyFloat_FromDouble(0.1));
    R("fromstring", PyFloat_FromString(S(" 2.5e-3 ")));
    R("fromstring_bad", PyFloat_FromString(S("abc")));
    R("fromstring_inf", PyFloat_FromString(S("-inf")));
    RD("asdouble", PyFloat_AsDouble(PyFloat_FromDouble(3.25)));
    RD("asdouble_int", PyFloat_AsDouble(I(7)));
    double d = PyFloat_AsDouble(S("x"));
    R("asdouble_str", (d == -1.0 && PyErr_Occurred()) ? NULL : PyFloat_FromDouble(d));
    RD("max", PyFloat_GetMax());
    RD("min", PyFloat_GetMin());
    R("info_type", PyObject_Type(PyFloat_GetInfo()));
    RI("check", PyFloat_Check(PyFloat_FromDouble(1)));
    RI("check_int", PyFloat_Check(I(1)));
    R("repr_exact", PyObject_Repr(PyFloat_FromDouble(1.0 / 3.0)));
    R("repr_big", PyObject_Repr(PyFloat_FromDouble(1e22)));
    R("repr_small", PyObject_Repr(PyFloat_FromDouble(1e-7)));
    R("repr_negzero", PyObject_Repr(PyFloat_FromDouble(-0.0)));
    /* complex: only via the generic API (PyComplex_* is not in the Limited API
     * except the type object); build with the type's constructor */
    PyObject *c = PyObject_CallFunction((PyObject *)&PyComplex_Type, "dd", 1.5, -2.0);
    R("complex", snap(c));
    R("complex_real", PyObject_GetAttrString(c, "real"));
    R("complex_imag", PyObject_GetAttrString(c, "imag"));
    R("complex_mul", PyNumber_Multiply(c, c));
    R("complex_abs", PyNumber_Absolute(c));
    R("complex_fromstr", PyObject_CallFunction((PyObject *)&PyComplex_Type, "s", "1+2j"));
    R("complex_conj", PyObject_CallMethod(c, "conjugate", NULL));
    R("complex_cmp", PyObject_RichCompare(c, c, Py_LT));
    Py_DECREF(c);
    /* bool */
    R("bool_true", PyBool_FromLong(42));
    R("bool_false", PyBool_FromLong(0));
    RB("bool_singleton", PyBool_FromLong(5) == Py_True);
    RI("bool_check", PyBool_Check(Py_False));
    RI("bool_check_int", PyBool_Check(I(1)));
    R("bool_add", PyNumber_Add(Py_True, Py_True));
    R("bool_and", PyNumber_And(Py_True, Py_False));
    R("bool_call", PyObject_CallFunction((PyObject *)&PyBool_Type, "s", ""));
    END;
}

/* ===================================================================== str */

static PyObject *t_unicode(PyObject *self, PyObject *unused)
{
    BEGIN;
    /* "h\u00e9\u20ac\U0001F600" : 1-, 2-, 3- and 4-byte UTF-8 sequences */
    const char *mixed = "h\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80";
    PyObject *u = PyUnicode_FromString(mixed);
    R("fromstring", snap(u));
    RI("getlength", PyUnicode_GetLength(u));
    R("fromstringandsize", PyUnicode_FromStringAndSize("abcdef", 3));
    R("fromstringandsize_badutf8", PyUnicode_FromStringAndSize("\xff", 1));
    R("fromformat_basic", PyUnicode_FromFormat("%s|%d|%i|%u|%ld|%lu|%lld|%llu|%zd|%zu|%x|%c|%%",
        "str", -1, 2, 3u, -4L, 5UL, -6LL, 7ULL, (Py_ssize_t)-8, (size_t)9, 255, 0x20AC));
    R("fromformat_width", PyUnicode_FromFormat("[%5d][%-5d][%05d][%.3s][%5s]", 42, 42, 42, "abcdef", "ab"));
    R("fromformat_obj", PyUnicode_FromFormat("%U %S %R %A %V %V", u, I(7), u, u, NULL, "x", u, "y"));
    R("fromformat_ptr_nonnull", PyBool_FromLong(PyUnicode_GetLength(PyUnicode_FromFormat("%p", (void *)u)) > 2));
    R("fromformat_trailing", PyUnicode_FromFormat("100%% done%s", ""));
#if API >= 0x030a0000
    {
        PyObject *ascii = S("abc");
        Py_ssize_t size = -1;
        const char *p = PyUnicode_AsUTF8AndSize(u, &size);
        R("asutf8andsize@3.10", p ? PyBytes_FromStringAndSize(p, size) : NULL);
        RI("asutf8andsize_size@3.10", size);
        p = PyUnicode_AsUTF8AndSize(ascii, NULL);
        RS("asutf8_nosize@3.10", p ? p : "NULL");
        Py_DECREF(ascii);
    }
#else
    SKIP("asutf8andsize@3.10");
#endif
    R("asutf8string", PyUnicode_AsUTF8String(u));
    R("asascii_err", PyUnicode_AsASCIIString(u));
    R("aslatin1", PyUnicode_AsLatin1String(PyUnicode_FromString("caf\xc3\xa9")));
    R("asencoded_replace", PyUnicode_AsEncodedString(u, "ascii", "replace"));
    R("asencoded_xml", PyUnicode_AsEncodedString(u, "ascii", "xmlcharrefreplace"));
    R("asencoded_utf16", PyUnicode_AsEncodedString(S("A"), "utf-16-be", NULL));
    R("asencoded_badcodec", PyUnicode_AsEncodedString(u, "no-such-codec", NULL));
    R("concat", PyUnicode_Concat(u, S("!")));
    R("concat_err", PyUnicode_Concat(u, I(1)));
    R("split", PyUnicode_Split(S("a,b,,c"), S(","), -1));
    R("split_ws", PyUnicode_Split(S("  a b\t c "), NULL, -1));
    R("split_max", PyUnicode_Split(S("a,b,c"), S(","), 1));
    R("rsplit", PyUnicode_RSplit(S("a,b,c"), S(","), 1));
    R("splitlines", PyUnicode_Splitlines(S("x\ny\r\nz"), 0));
    R("partition", PyUnicode_Partition(S("key=val=2"), S("=")));
    R("rpartition", PyUnicode_RPartition(S("key=val=2"), S("=")));
    R("join", PyUnicode_Join(S("-"), Py_BuildValue("[sss]", "a", mixed, "c")));
    R("join_err", PyUnicode_Join(S("-"), Py_BuildValue("[si]", "a", 1)));
    RI("find", PyUnicode_Find(u, S("\xe2\x82\xac"), 0, 10, 1));
    RI("find_back", PyUnicode_Find(S("abcabc"), S("bc"), 0, 6, -1));
    RI("find_missing", PyUnicode_Find(u, S("q"), 0, 10, 1));
    RI("findchar", PyUnicode_FindChar(u, 0x1F600, 0, 4, 1));
    RI("count", PyUnicode_Count(S("aaaa"), S("aa"), 0, PY_SSIZE_T_MAX));
    RI("tailmatch", PyUnicode_Tailmatch(S("hello"), S("llo"), 0, 5, 1));
    R("replace", PyUnicode_Replace(S("aaa"), S("a"), S("bc"), 2));
    R("replace_all", PyUnicode_Replace(u, S("h"), S("H"), -1));
    RI("compare_lt", PyUnicode_Compare(S("abc"), S("abd")));
    RI("compare_eq", PyUnicode_Compare(u, PyUnicode_FromString(mixed)));
    RI("compare_err", PyUnicode_Compare(S("a"), I(1)));
    RI("compareascii_eq", PyUnicode_CompareWithASCIIString(S("abc"), "abc"));
    RI("compareascii_gt", PyUnicode_CompareWithASCIIString(S("abd"), "abc"));
    RI("compareascii_shorter", PyUnicode_CompareWithASCIIString(S("ab"), "abc"));
    R("richcompare", PyUnicode_RichCompare(S("b"), S("a"), Py_GT));
    RI("contains", PyUnicode_Contains(u, S("\xc3\xa9")));
    RI("contains_err", PyUnicode_Contains(u, I(1)));
    RI("readchar0", PyUnicode_ReadChar(u, 0));
    RI("readchar3", PyUnicode_ReadChar(u, 3));
    {
        Py_UCS4 ch = PyUnicode_ReadChar(u, 4);
        R("readchar_oob", ch == (Py_UCS4)-1 && PyErr_Occurred() ? NULL : PyLong_FromUnsignedLong(ch));
    }
    {   /* WriteChar is refused on a string with more than one reference */
        PyObject *w = PyUnicode_FromString("wxyz");
        Py_INCREF(w);
        RI("writechar_shared", PyUnicode_WriteChar(w, 0, 'x'));
        Py_DECREF(w);
        Py_DECREF(w);
    }
    R("substring", PyUnicode_Substring(u, 1, 3));
    R("substring_clamp", PyUnicode_Substring(u, 2, 100));
    R("format", PyUnicode_Format(S("%s-%d"), Py_BuildValue("(si)", "a", 5)));
    RI("isidentifier", PyUnicode_IsIdentifier(S("_x1")));
    RI("isidentifier_no", PyUnicode_IsIdentifier(S("1x")));
    {
        Py_UCS4 buf[8];
        memset(buf, 0, sizeof buf);
        Py_UCS4 *r = PyUnicode_AsUCS4(u, buf, 8, 1);
        R("asucs4", r ? Py_BuildValue("(kkkkk)", (unsigned long)buf[0], (unsigned long)buf[1],
                                      (unsigned long)buf[2], (unsigned long)buf[3], (unsigned long)buf[4]) : NULL);
        r = PyUnicode_AsUCS4(u, buf, 2, 1);
        R("asucs4_short", r ? S("no error") : NULL);
        Py_UCS4 *copy = PyUnicode_AsUCS4Copy(u);
        R("asucs4copy", copy ? PyLong_FromUnsignedLong(copy[3]) : NULL);
        PyMem_Free(copy);
        wchar_t w[8];
        Py_ssize_t n = PyUnicode_AsWideChar(u, w, 8);
        R("aswidechar", Py_BuildValue("(nkk)", n, (unsigned long)w[1], (unsigned long)w[3]));
        n = PyUnicode_AsWideChar(u, NULL, 0);
        RI("aswidechar_needed", n);
        wchar_t *wc = PyUnicode_AsWideCharString(u, &n);
        R("aswidecharstring", PyUnicode_FromWideChar(wc, n));
        PyMem_Free(wc);
        R("fromwidechar_nul", PyUnicode_FromWideChar(L"w\u00e9", -1));
        R("fromordinal", PyUnicode_FromOrdinal(0x1F600));
        R("fromordinal_bad", PyUnicode_FromOrdinal(0x110000));
    }
    R("decodeutf8", PyUnicode_DecodeUTF8("a\xc3\xa9", 3, NULL));
    R("decodeutf8_strict", PyUnicode_DecodeUTF8("a\xffz", 3, "strict"));
    R("decodeutf8_replace", PyUnicode_DecodeUTF8("a\xffz", 3, "replace"));
    R("decodeutf8_ignore", PyUnicode_DecodeUTF8("a\xffz", 3, "ignore"));
    R("decodeutf8_surrogateescape", PyUnicode_DecodeUTF8("a\xffz", 3, "surrogateescape"));
    R("decodeutf8_surrogate_strict", PyUnicode_DecodeUTF8("\xed\xa0\x80", 3, "strict"));
    R("decodeutf8_badhandler", PyUnicode_DecodeUTF8("a\xff", 2, "nonsense"));
    R("decodelatin1", PyUnicode_DecodeLatin1("\xe9\xff", 2, NULL));
    R("decodeascii_err", PyUnicode_DecodeASCII("a\x80", 2, NULL));
    R("decode_codec", PyUnicode_Decode("\x00\x41", 2, "utf-16-be", NULL));
    R("fromencodedobject", PyUnicode_FromEncodedObject(PyBytes_FromString("xy"), "ascii", NULL));
    {   /* a lone surrogate cannot be encoded strictly */
        PyObject *sur = PyUnicode_DecodeUTF8("a\xffz", 3, "surrogateescape");
        R("surrogate_asutf8string", PyUnicode_AsUTF8String(sur));
#if API >= 0x030a0000
        R("surrogate_asutf8andsize@3.10", PyUnicode_AsUTF8AndSize(sur, NULL) ? S("no error") : NULL);
#endif
        R("surrogate_roundtrip", PyUnicode_AsEncodedString(sur, "utf-8", "surrogateescape"));
        R("surrogate_repr", PyObject_Repr(sur));
        Py_XDECREF(sur);
    }
    R("fromobject", PyUnicode_FromObject(S("x")));
    R("fromobject_err", PyUnicode_FromObject(I(1)));
    R("internfromstring", PyUnicode_InternFromString("interned_name"));
    {
        PyObject *a = PyUnicode_FromString("some_interned_key");
        PyObject *b = PyUnicode_FromString("some_interned_key");
        PyUnicode_InternInPlace(&a);
        PyUnicode_InternInPlace(&b);
        RB("interninplace_same", a == b);
        Py_DECREF(a); Py_DECREF(b);
    }
    R("repr_nonascii", PyObject_Repr(u));
    R("repr_controls", PyObject_Repr(PyUnicode_FromString("\t\n\x01'\"\\")));
    R("ascii_repr", PyObject_ASCII(u));
    R("upper_nonascii", PyObject_CallMethod(u, "upper", NULL));
    R("encode_method", PyObject_CallMethod(u, "encode", NULL));
    R("build_str_sharp", Py_BuildValue("s#", mixed, (Py_ssize_t)3));
    RI("check", PyUnicode_Check(u));
    RI("checkexact", PyUnicode_CheckExact(u));
#if API >= 0x030d0000
    RI("equaltoutf8@3.13", PyUnicode_EqualToUTF8(u, mixed));
    RI("equaltoutf8_no@3.13", PyUnicode_EqualToUTF8(u, "h"));
    RI("equaltoutf8andsize@3.13", PyUnicode_EqualToUTF8AndSize(u, "habc", 1));
#if API >= 0x030e0000
    RI("equal@3.14", PyUnicode_Equal(u, PyUnicode_FromString(mixed)));
    RI("equal_err@3.14", PyUnicode_Equal(u, I(1)));
#endif
#else
    SKIP("unicode_equal@3.13");
#endif
    Py_DECREF(u);
    END;
}

/* ========================================================= bytes, bytearray */

static PyObject *t_bytes(PyObject *self, PyObject *unused)
{
    BEGIN;
    PyObject *b = PyBytes_FromStringAndSize("a\0b", 3);
    R("fromstringandsize", snap(b));
    RI("size", PyBytes_Size(b));
    RB("asstring_nul", PyBytes_AsString(b)[1] == '\0' && PyBytes_AsString(b)[3] == '\0');
    R("fromstring", PyBytes_FromString("xyz"));
    R("fromformat", PyBytes_FromFormat("%d-%s-%c-%x", 12, "ab", 'Q', 255));
    R("fromobject_list", PyBytes_FromObject(Py_BuildValue("[iii]", 65, 66, 67)));
    R("fromobject_bad", PyBytes_FromObject(I(3)));
    R("fromobject_str", PyBytes_FromObject(S("s")));
    {
        char *buf; Py_ssize_t len;
        int r = PyBytes_AsStringAndSize(b, &buf, &len);
        R("asstringandsize", Py_BuildValue("(in)", r, len));
        r = PyBytes_AsStringAndSize(b, &buf, NULL);
        RI("asstringandsize_embedded_nul", r);
        RI("asstringandsize_str", PyBytes_AsStringAndSize(S("x"), &buf, &len));
    }
    {
        PyObject *c = PyBytes_FromString("ab");
        PyBytes_Concat(&c, b);
        R("concat", c);
        PyObject *d = PyBytes_FromString("cd");
        PyBytes_ConcatAndDel(&d, PyBytes_FromString("ef"));
        R("concatanddel", d);
    }
    R("repr", PyObject_Repr(PyBytes_FromStringAndSize("\x00\x7f\x80'\"", 5)));
    R("decode", PyObject_CallMethod(b, "decode", "s", "latin-1"));
    R("getitem", PySequence_GetItem(b, 2));
    RI("check", PyBytes_Check(b));
    RI("check_bytearray", PyBytes_Check(PyByteArray_FromStringAndSize("", 0)));
    /* bytearray */
    PyObject *ba = PyByteArray_FromStringAndSize("hello", 5);
    RI("ba_size", PyByteArray_Size(ba));
    RI("ba_resize", PyByteArray_Resize(ba, 3));
    R("ba_after_resize", snap(ba));
    PyByteArray_AsString(ba)[0] = 'J';
    R("ba_after_write", snap(ba));
    R("ba_concat", PyByteArray_Concat(ba, b));
    R("ba_fromobject", PyByteArray_FromObject(b));
    R("ba_fromobject_int", PyByteArray_FromObject(I(3)));
    RI("ba_setitem", PySequence_SetItem(ba, 0, I(300)));
    R("ba_append", PyObject_CallMethod(ba, "append", "i", 33));
    R("ba_final", snap(ba));
    RI("ba_check", PyByteArray_Check(ba));
    Py_DECREF(ba); Py_DECREF(b);
    END;
}

/* =========================================================== tuple, list */

static PyObject *t_tuple_list(PyObject *self, PyObject *unused)
{
    BEGIN;
    PyObject *t = PyTuple_New(3);
    PyTuple_SetItem(t, 0, I(1));
    PyTuple_SetItem(t, 1, S("two"));
    PyTuple_SetItem(t, 2, PyFloat_FromDouble(3.0));
    R("tuple", snap(t));
    RI("tuple_size", PyTuple_Size(t));
    RBOR("tuple_getitem", PyTuple_GetItem(t, 1));
    R("tuple_getitem_oob", borrowed(PyTuple_GetItem(t, 3)));
    R("tuple_getslice", PyTuple_GetSlice(t, 1, 10));
    R("tuple_pack", PyTuple_Pack(2, Py_None, Py_True));
    R("tuple_empty", PyTuple_New(0));
    RB("tuple_empty_singleton", PyTuple_New(0) == PyTuple_New(0)); /* leaks immortal */
    Py_INCREF(t); /* a shared tuple must not be modified */
    RI("tuple_setitem_shared", PyTuple_SetItem(t, 0, I(5)));
    Py_DECREF(t);
    RI("tuple_size_notuple", PyTuple_Size(I(1)));
    RI("tuple_check", PyTuple_Check(t));
    R("tuple_hash_eq", PyBool_FromLong(PyObject_Hash(t) == PyObject_Hash(Py_BuildValue("(isd)", 1, "two", 3.0))));
    Py_DECREF(t);
    PyObject *l = PyList_New(0);
    RI("append", PyList_Append(l, I(3)));
    PyList_Append(l, I(1));
    PyList_Append(l, I(2));
    RI("insert", PyList_Insert(l, 0, S("a")));
    RI("insert_neg", PyList_Insert(l, -1, S("b")));
    RI("insert_big", PyList_Insert(l, 100, S("c")));
    R("after_insert", snap(l));
    RI("size", PyList_Size(l));
    RBOR("getitem", PyList_GetItem(l, 1));
    R("getitem_oob", borrowed(PyList_GetItem(l, 99)));
    RI("setitem", PyList_SetItem(l, 0, I(0)));
    RI("setitem_oob", PyList_SetItem(l, 99, I(0)));
    R("getslice", PyList_GetSlice(l, 1, 3));
    RI("setslice", PyList_SetSlice(l, 4, 6, NULL));
    R("after_setslice", snap(l));
    RI("setslice_insert", PyList_SetSlice(l, 0, 0, Py_BuildValue("[ii]", 7, 8)));
    RI("sort", PyList_Sort(l));
    R("sorted", snap(l));
    RI("reverse", PyList_Reverse(l));
    R("reversed", snap(l));
    R("astuple", PyList_AsTuple(l));
    PyList_Append(l, S("x"));
    RI("sort_typeerr", PyList_Sort(l));
    { PyObject *notlist = PyTuple_New(0); RI("append_notlist", PyList_Append(notlist, I(1))); Py_DECREF(notlist); }
#if API >= 0x030d0000
    R("getitemref@3.13", PyList_GetItemRef(l, 0));
    R("getitemref_oob@3.13", PyList_GetItemRef(l, 50));
#endif
    Py_DECREF(l);
    END;
}

/* ==================================================================== dict */

static PyObject *t_dict(PyObject *self, PyObject *unused)
{
    BEGIN;
    PyObject *d = PyDict_New();
    PyObject *k = S("k");
    RI("setitem", PyDict_SetItem(d, k, I(1)));
    RI("setitemstring", PyDict_SetItemString(d, "b", I(2)));
    PyDict_SetItem(d, I(3), S("three"));
    PyDict_SetItem(d, Py_None, Py_None);
    RI("setitem_unhashable", PyDict_SetItem(d, Py_BuildValue("[]"), I(0)));
    RBOR("getitem", PyDict_GetItem(d, k));
    RB("getitem_missing_null", PyDict_GetItem(d, S("zz")) == NULL && !PyErr_Occurred());
    RBOR("getitemstring", PyDict_GetItemString(d, "b"));
    R("getitemwitherror_missing", borrowed(PyDict_GetItemWithError(d, S("zz"))));
    R("getitemwitherror_unhashable", borrowed(PyDict_GetItemWithError(d, Py_BuildValue("[]"))));
    RI("contains", PyDict_Contains(d, I(3)));
    RI("contains_unhashable", PyDict_Contains(d, Py_BuildValue("{}")));
    RI("size", PyDict_Size(d));
    R("keys", PyDict_Keys(d));
    R("values", PyDict_Values(d));
    R("items", PyDict_Items(d));
    {
        Py_ssize_t pos = 0;
        PyObject *key, *value, *acc = PyList_New(0);
        while (PyDict_Next(d, &pos, &key, &value)) {
            PyObject *pair = PyTuple_Pack(2, key, value);
            PyList_Append(acc, pair);
            Py_DECREF(pair);
        }
        R("next_iteration", acc);
    }
    RI("delitem", PyDict_DelItem(d, k));
    RI("delitem_missing", PyDict_DelItem(d, k));
    RI("delitemstring", PyDict_DelItemString(d, "b"));
    RI("reinsert", PyDict_SetItem(d, k, I(10)));
    R("order_after_reinsert", PyDict_Keys(d));
    PyObject *other = Py_BuildValue("{s:i,O:i}", "new", 5, k, 11);
    RI("update", PyDict_Update(d, other));
    R("after_update", snap(d));
    RI("merge_nooverride", PyDict_Merge(d, Py_BuildValue("{s:i,s:i}", "new", 99, "m", 6), 0));
    R("after_merge", snap(d));
    RI("mergefromseq2", PyDict_MergeFromSeq2(d, Py_BuildValue("[(si)(si)]", "p", 1, "new", 7), 1));
    RI("mergefromseq2_bad", PyDict_MergeFromSeq2(d, Py_BuildValue("[(i)]", 1), 1));
    RI("update_notmapping", PyDict_Update(d, I(1)));
    PyObject *c = PyDict_Copy(d);
    R("copy", snap(c));
    RB("copy_distinct", c != d);
    PyDict_Clear(c);
    RI("clear", PyDict_Size(c));
    /* PyDict_SetDefault is not in the Limited API: use the method */
    R("setdefault_missing", PyObject_CallMethod(d, "setdefault", "si", "sd", 42));
    R("setdefault_present", PyObject_CallMethod(d, "setdefault", "si", "sd", 43));
    R("proxy", PyObject_Type(PyDictProxy_New(d)));
    RI("proxy_setitem", PyObject_SetItem(PyDictProxy_New(d), k, I(1)));
    R("dict_check", PyBool_FromLong(PyDict_Check(d) && !PyDict_Check(I(1))));
#if API >= 0x030d0000
    {
        PyObject *v = NULL;
        int r = PyDict_GetItemRef(d, k, &v);
        R("getitemref@3.13", Py_BuildValue("(iN)", r, v ? v : NEWREF(Py_None)));
        v = (PyObject *)1;
        r = PyDict_GetItemRef(d, S("absent"), &v);
        R("getitemref_missing@3.13", Py_BuildValue("(iO)", r, v ? v : Py_None));
        v = (PyObject *)1;
        r = PyDict_GetItemStringRef(d, "sd", &v);
        R("getitemstringref@3.13", Py_BuildValue("(iN)", r, v ? v : NEWREF(Py_None)));
        v = (PyObject *)1;
        r = PyDict_GetItemRef(d, Py_BuildValue("[]"), &v);
        R("getitemref_err@3.13", r < 0 ? NULL : PyLong_FromLong(r));
    }
#endif
    R("final", snap(d));
#if API >= 0x030f0000
    {
        PyObject *res = NULL;
        int r = PyDict_SetDefaultRef(d, S("sdr"), I(1), &res);
        R("setdefaultref_insert@3.15", Py_BuildValue("(iN)", r, res));
        r = PyDict_SetDefaultRef(d, S("sdr"), I(2), &res);
        R("setdefaultref_present@3.15", Py_BuildValue("(iN)", r, res));
        r = PyDict_SetDefaultRef(d, S("sdr2"), I(3), NULL);
        RI("setdefaultref_noresult@3.15", r);
    }
#endif
    Py_DECREF(d); Py_DECREF(k); Py_DECREF(other); Py_DECREF(c);
    END;
}

/* ================================================================ set, frozenset */

static PyObject *sorted_list(PyObject *iterable)
{
    PyObject *l = PySequence_List(iterable);
    if (l && PyList_Sort(l) < 0) { Py_DECREF(l); return NULL; }
    return l;
}

static PyObject *t_set(PyObject *self, PyObject *unused)
{
    BEGIN;
    PyObject *s = PySet_New(NULL);
    RI("add", PySet_Add(s, I(3)));
    PySet_Add(s, I(1));
    PySet_Add(s, I(2));
    RI("add_dup", PySet_Add(s, I(2)));
    RI("add_unhashable", PySet_Add(s, Py_BuildValue("[]")));
    RI("size", PySet_Size(s));
    RI("contains", PySet_Contains(s, I(1)));
    RI("contains_no", PySet_Contains(s, I(9)));
    RI("discard", PySet_Discard(s, I(1)));
    RI("discard_missing", PySet_Discard(s, I(1)));
    R("sorted", sorted_list(s));
    PyObject *p = PySet_Pop(s);
    RB("pop_member", p && (PyLong_AsLong(p) == 2 || PyLong_AsLong(p) == 3));
    Py_XDECREF(p);
    RI("clear", PySet_Clear(s));
    R("pop_empty", PySet_Pop(s));
    PyObject *fs = PyFrozenSet_New(Py_BuildValue("[iii]", 5, 5, 6));
    RI("frozen_size", PySet_Size(fs));
    R("frozen_sorted", sorted_list(fs));
    /* a frozenset that nobody else has seen yet may still be filled */
    RI("frozen_add_fresh", PySet_Add(fs, I(1)));
    if (PyErr_Occurred()) PyErr_Clear();
    RI("anyset_check", PyAnySet_Check(fs) && PyFrozenSet_Check(fs) && !PyFrozenSet_Check(s));
    R("from_str", sorted_list(PySet_New(S("abca"))));
    R("new_err", PySet_New(I(5)));
    R("or", sorted_list(PyNumber_Or(fs, PySet_New(Py_BuildValue("[i]", 9)))));
    R("and", sorted_list(PyNumber_And(fs, PySet_New(Py_BuildValue("[i]", 6)))));
    R("frozen_hash_eq", PyBool_FromLong(PyObject_Hash(fs) == PyObject_Hash(PyFrozenSet_New(Py_BuildValue("[iii]", 6, 1, 5)))));
    Py_DECREF(s); Py_DECREF(fs);
    END;
}

/* ============================================================ slice, range */

static PyObject *t_slice(PyObject *self, PyObject *unused)
{
    BEGIN;
    PyObject *sl = PySlice_New(I(-8), NULL, I(2));
    R("repr", PyObject_Repr(sl));
    Py_ssize_t start, stop, step, len;
    int r = PySlice_Unpack(sl, &start, &stop, &step);
    RB("unpack", r == 0 && start == -8 && stop == PY_SSIZE_T_MAX && step == 2);
    len = PySlice_AdjustIndices(10, &start, &stop, step);
    R("adjust", Py_BuildValue("(nnnn)", start, stop, step, len));
    r = PySlice_GetIndicesEx(sl, 5, &start, &stop, &step, &len);
    R("getindicesex", Py_BuildValue("(innnn)", r, start, stop, step, len));
    PyObject *neg = PySlice_New(NULL, NULL, I(-1));
    PySlice_GetIndicesEx(neg, 4, &start, &stop, &step, &len);
    R("getindicesex_neg", Py_BuildValue("(nnnn)", start, stop, step, len));
    PyObject *zero = PySlice_New(NULL, NULL, I(0));
    RI("unpack_zero_step", PySlice_Unpack(zero, &start, &stop, &step));
    PyObject *bigs = PySlice_New(PyLong_FromString("1" "000000000000000000000", NULL, 10), NULL, NULL);
    r = PySlice_Unpack(bigs, &start, &stop, &step);
    RB("unpack_clamped", r == 0 && start == PY_SSIZE_T_MAX);
    r = PySlice_GetIndices(sl, 10, &start, &stop, &step);
    R("getindices", Py_BuildValue("(innn)", r, start, stop, step));
    RI("check", PySlice_Check(sl));
    PyObject *l = Py_BuildValue("[iiiiiiiiii]", 0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    R("apply_list", PyObject_GetItem(l, sl));
    R("apply_neg", PyObject_GetItem(S("abcd"), neg));
    R("slice_badindex", PyObject_GetItem(l, PySlice_New(S("a"), NULL, NULL)));
    R("ellipsis", PyObject_Repr(Py_Ellipsis));
    /* range */
    PyObject *rg = PyObject_CallFunction((PyObject *)&PyRange_Type, "iii", 10, 0, -3);
    R("range_repr", PyObject_Repr(rg));
    RI("range_len", PyObject_Length(rg));
    R("range_list", PySequence_List(rg));
    R("range_getitem", PySequence_GetItem(rg, -1));
    R("range_slice", PyObject_Repr(PyObject_GetItem(rg, PySlice_New(I(1), NULL, NULL))));
    RI("range_contains", PySequence_Contains(rg, I(4)));
    R("range_zero_step", PyObject_CallFunction((PyObject *)&PyRange_Type, "iii", 1, 2, 0));
    R("range_big_len", PyObject_Length(PyObject_CallFunction((PyObject *)&PyRange_Type, "O",
        PyNumber_Lshift(I(1), I(70)))) < 0 ? NULL : S("no error"));
    Py_DECREF(sl); Py_DECREF(neg); Py_DECREF(zero); Py_DECREF(bigs); Py_DECREF(l); Py_XDECREF(rg);
    END;
}

/* ================================================================= capsule */

static void capsule_destructor(PyObject *cap)
{
    capsule_destructor_count++;
    void *ctx = PyCapsule_GetContext(cap);
    if (ctx) capsule_destructor_count += 100;
}

static PyObject *t_capsule(PyObject *self, PyObject *unused)
{
    BEGIN;
    static int payload = 1234;
    static int ctxval = 1;
    long before = capsule_destructor_count;
    PyObject *c = PyCapsule_New(&payload, "testext.cap", capsule_destructor);
    RI("isvalid", PyCapsule_IsValid(c, "testext.cap"));
    RI("isvalid_wrong_name", PyCapsule_IsValid(c, "other"));
    void *p = PyCapsule_GetPointer(c, "testext.cap");
    RI("getpointer", p ? *(int *)p : -1);
    R("getpointer_wrongname", PyCapsule_GetPointer(c, "other") ? S("no error") : NULL);
    RS("getname", PyCapsule_GetName(c));
    RB("getdestructor", PyCapsule_GetDestructor(c) == capsule_destructor);
    RI("setcontext", PyCapsule_SetContext(c, &ctxval));
    RB("getcontext", PyCapsule_GetContext(c) == &ctxval);
    RI("setname", PyCapsule_SetName(c, "testext.renamed"));
    RS("getname_after", PyCapsule_GetName(c));
    RI("setpointer_null", PyCapsule_SetPointer(c, NULL));
    RB("type", Py_TYPE(c) == &PyCapsule_Type);
    Py_DECREF(c);
    RI("destructor_called", capsule_destructor_count - before);
    R("new_null", PyCapsule_New(NULL, "x", NULL));
    PyObject *c2 = PyCapsule_New(&payload, NULL, NULL);
    RB("noname_getpointer", PyCapsule_GetPointer(c2, NULL) == &payload);
    R("import_missing", PyCapsule_Import("testext.nope", 0) ? S("no error") : NULL);
    Py_DECREF(c2);
    R("getpointer_notcapsule", PyCapsule_GetPointer(I(1), "x") ? S("no error") : NULL);
    END;
}

/* ================================================================= weakref */

static PyObject *weak_callback(PyObject *self, PyObject *ref)
{
    weakref_callback_count++;
    Py_RETURN_NONE;
}
static PyMethodDef weak_callback_def = {"weak_callback", weak_callback, METH_O, NULL};

static PyObject *point_type; /* testext.Point, defined below: weakly referenceable */

static PyObject *t_weakref(PyObject *self, PyObject *unused)
{
    BEGIN;
    PyObject *obj = PyObject_CallFunction(point_type, "ii", 1, 2);
    PyObject *cb = PyCFunction_New(&weak_callback_def, NULL);
    long before = weakref_callback_count;
    PyObject *ref = PyWeakref_NewRef(obj, cb);
    PyObject *ref_nocb = PyWeakref_NewRef(obj, NULL);
    PyObject *proxy = PyWeakref_NewProxy(obj, NULL);
    RI("check_ref", PyWeakref_CheckRef(ref));
    RI("check_proxy", PyWeakref_CheckProxy(proxy));
    RI("check_any", PyWeakref_Check(proxy) && PyWeakref_Check(ref));
#if API >= 0x030d0000
    {   /* PyWeakref_GetObject left the Limited API in 3.13 */
        PyObject *o2 = NULL;
        RB("getobject", PyWeakref_GetRef(ref, &o2) == 1 && o2 == obj);
        Py_XDECREF(o2);
    }
#else
    RB("getobject", PyWeakref_GetObject(ref) == obj);
#endif
    RB("ref_call", PyObject_CallObject(ref, NULL) == obj);
    Py_DECREF(obj); /* the extra reference from the call above */
    R("proxy_getattr", PyObject_GetAttrString(proxy, "x"));
    R("proxy_repr_head", PyUnicode_Substring(PyObject_Str(PyObject_Type(proxy)), 0, 100));
#if API >= 0x030d0000
    {
        PyObject *got = NULL;
        int r = PyWeakref_GetRef(ref, &got);
        RB("getref@3.13", r == 1 && got == obj);
        Py_XDECREF(got);
        got = (PyObject *)1;
        RI("getref_notref@3.13", PyWeakref_GetRef(obj, &got));
    }
#endif
    Py_DECREF(obj); /* dies now: the callback runs */
    RI("callback_count", weakref_callback_count - before);
#if API >= 0x030d0000
    {
        PyObject *o2 = (PyObject *)1;
        RB("dead_getobject_none", PyWeakref_GetRef(ref, &o2) == 0 && o2 == NULL);
    }
#else
    RB("dead_getobject_none", PyWeakref_GetObject(ref) == Py_None);
#endif
    RB("dead_call_none", PyObject_CallObject(ref, NULL) == Py_None);
    R("dead_proxy", PyObject_GetAttrString(proxy, "x"));
    R("ref_int", PyWeakref_NewRef(I(5), NULL));
    Py_DECREF(ref); Py_DECREF(ref_nocb); Py_DECREF(proxy); Py_DECREF(cb);
    END;
}

/* ================================================================== errors */

static PyObject *t_errors(PyObject *self, PyObject *unused)
{
    BEGIN;
    {   /* query a pending exception first, record afterwards */
        PyObject *tup = Py_BuildValue("(OO)", PyExc_KeyError, PyExc_ValueError);
        PyErr_SetString(PyExc_ValueError, "plain message");
        int occurred = PyErr_Occurred() == PyExc_ValueError;
        int m1 = PyErr_ExceptionMatches(PyExc_Exception);
        int m2 = PyErr_ExceptionMatches(tup);
        int m3 = PyErr_ExceptionMatches(PyExc_KeyError);
        R("setstring", NULL);
        RB("occurred", occurred);
        RI("exceptionmatches", m1);
        RI("exceptionmatches_tuple", m2);
        RI("exceptionmatches_no", m3);
        Py_DECREF(tup);
    }
    PyErr_Format(PyExc_KeyError, "key %d of %s", 5, "dict");
    R("format", NULL);
    PyErr_SetObject(PyExc_LookupError, I(77));
    R("setobject", NULL);
    PyErr_SetNone(PyExc_StopIteration);
    R("setnone", NULL);
    RI("givenmatches", PyErr_GivenExceptionMatches(PyExc_KeyError, PyExc_LookupError));
    RI("givenmatches_no", PyErr_GivenExceptionMatches(PyExc_KeyError, PyExc_ValueError));
    {
        PyObject *t, *v, *tb;
        PyErr_SetString(PyExc_TypeError, "fetched");
        PyErr_Fetch(&t, &v, &tb);
        RB("fetch_type", t == PyExc_TypeError);
        RB("fetch_cleared", PyErr_Occurred() == NULL);
        PyErr_NormalizeException(&t, &v, &tb);
        RB("normalized", PyObject_TypeCheck(v, (PyTypeObject *)PyExc_TypeError));
        PyErr_Restore(t, v, tb);
        R("restore", NULL);
    }
    PyErr_SetString(PyExc_RuntimeError, "to clear");
    PyErr_Clear();
    RB("clear", PyErr_Occurred() == NULL);
    {
        int r = PyErr_BadArgument();
        R("badargument_exc", NULL);
        RI("badargument", r);
    }
    PyErr_BadInternalCall();
    R("badinternalcall", NULL);
    R("nomemory", PyErr_NoMemory());
    errno = 2; /* ENOENT: the message comes from the C library */
    PyErr_SetFromErrno(PyExc_OSError);
    R("setfromerrno_noerr", NULL);
    R("format_returns_null", PyErr_Format(PyExc_ZeroDivisionError, "%s", "zd"));
    {   /* new exception classes */
        PyObject *e1 = PyErr_NewException("testext.MyError", NULL, NULL);
        R("newexception", PyObject_Repr(e1));
        R("newexception_mro", PyObject_GetAttrString(e1, "__mro__"));
        R("newexception_module", PyObject_GetAttrString(e1, "__module__"));
        PyObject *e2 = PyErr_NewExceptionWithDoc("testext.Sub", "Sub doc", e1, NULL);
        R("newexceptionwithdoc_doc", PyObject_GetAttrString(e2, "__doc__"));
        RI("newexception_subclass", PyObject_IsSubclass(e2, e1));
        PyObject *e3 = PyErr_NewException("testext.Multi", Py_BuildValue("(OO)", PyExc_KeyError, PyExc_AttributeError), NULL);
        R("newexception_bases", PyObject_GetAttrString(e3, "__bases__"));
        R("newexception_noddot", PyErr_NewException("nodot", NULL, NULL));
        PyErr_SetString(e2, "raised sub");
        int m = PyErr_ExceptionMatches(e1);
        R("newexception_raised", NULL);
        RI("newexception_matches_base", m);
        Py_XDECREF(e1); Py_XDECREF(e2); Py_XDECREF(e3);
    }
    {   /* exception object attributes */
        PyObject *cause = PyObject_CallFunction(PyExc_ValueError, "s", "the cause");
        PyObject *ctx = PyObject_CallFunction(PyExc_KeyError, "s", "ctx");
        PyObject *exc = PyObject_CallFunction(PyExc_RuntimeError, "si", "outer", 3);
        RB("getcause_none", PyException_GetCause(exc) == NULL);
        PyException_SetCause(exc, NEWREF(cause)); /* steals */
        PyObject *got = PyException_GetCause(exc);
        RB("getcause", got == cause);
        Py_XDECREF(got);
        R("suppress_context", PyObject_GetAttrString(exc, "__suppress_context__"));
        PyException_SetContext(exc, NEWREF(ctx));
        got = PyException_GetContext(exc);
        RB("getcontext", got == ctx);
        Py_XDECREF(got);
        got = PyException_GetTraceback(exc);
        RB("gettraceback_none", got == NULL);
        RI("settraceback_bad", PyException_SetTraceback(exc, I(1)));
        RI("settraceback_none", PyException_SetTraceback(exc, Py_None));
        R("args_attr", PyObject_GetAttrString(exc, "args"));
        R("str", PyObject_Str(exc));
        R("repr", PyObject_Repr(exc));
#if API >= 0x030c0000
        R("getargs@3.12", PyException_GetArgs(exc));
        PyException_SetArgs(exc, Py_BuildValue("(s)", "new args"));
        R("setargs@3.12", PyObject_Str(exc));
        PyErr_SetRaisedException(NEWREF(exc));
        PyObject *raised = PyErr_GetRaisedException();
        RB("raisedexception_roundtrip@3.12", raised == exc && PyErr_Occurred() == NULL);
        Py_XDECREF(raised);
        RB("getraised_none@3.12", PyErr_GetRaisedException() == NULL);
#else
        SKIP("raised_exception@3.12");
#endif
        R("keyerror_str", PyObject_Str(ctx));
        R("oserror_attrs", PyObject_GetAttrString(PyObject_CallFunction(PyExc_OSError, "is", 2, "nofile"), "strerror"));
        R("oserror_errno", PyObject_GetAttrString(PyObject_CallFunction(PyExc_OSError, "is", 2, "nofile"), "errno"));
        R("stopiteration_value", PyObject_GetAttrString(PyObject_CallFunction(PyExc_StopIteration, "i", 9), "value"));
        R("unicodedecodeerror", PyObject_Str(PyUnicodeDecodeError_Create("utf-8", "ab\xff", 3, 2, 3, "invalid start byte")));
        R("syntaxerror_msg", PyObject_GetAttrString(PyObject_CallFunction(PyExc_SyntaxError, "s", "bad"), "msg"));
        {
            PyObject *t, *v, *tb;
            PyErr_SetImportError(S("msg"), S("modname"), S("path"));
            PyErr_Fetch(&t, &v, &tb);
            PyErr_NormalizeException(&t, &v, &tb);
            R("importerror_name", v ? PyObject_GetAttrString(v, "name") : NULL);
            R("importerror_path", v ? PyObject_GetAttrString(v, "path") : NULL);
            R("importerror_str", v ? PyObject_Str(v) : NULL);
            Py_XDECREF(t); Py_XDECREF(v); Py_XDECREF(tb);
        }
        Py_DECREF(cause); Py_DECREF(ctx); Py_DECREF(exc);
    }
#if API >= 0x030b0000
    {
        PyObject *h = PyErr_GetHandledException();
        RB("handled_none@3.11", h == NULL || h == Py_None);
        Py_XDECREF(h);
        PyObject *e = PyObject_CallFunction(PyExc_ValueError, "s", "handled");
        PyErr_SetHandledException(e);
        h = PyErr_GetHandledException();
        RB("handled_set@3.11", h == e);
        Py_XDECREF(h);
        PyErr_SetHandledException(NULL);
        h = PyErr_GetHandledException();
        RB("handled_cleared@3.11", h == NULL || h == Py_None);
        Py_XDECREF(h);
        Py_DECREF(e);
    }
#endif
    /* warnings: without the warnings module's filters being configured, only
     * the return codes are observable; the default action prints to stderr
     * (which the harness does not compare). */
    RI("warnex", PyErr_WarnEx(PyExc_DeprecationWarning, "a deprecation warning", 1));
    RI("warnformat", PyErr_WarnFormat(PyExc_RuntimeWarning, 1, "warned %d", 7));
    RI("warnexplicit", PyErr_WarnExplicit(PyExc_UserWarning, "explicit", "file.py", 3, "mod", NULL));
    RI("resourcewarning", PyErr_ResourceWarning(NULL, 1, "resource %s", "x"));
    RB("warn_no_exc", PyErr_Occurred() == NULL);
    {   /* PyErr_WriteUnraisable / PyErr_Print go to stderr: just must not crash */
        PyErr_SetString(PyExc_ValueError, "unraisable");
        PyErr_WriteUnraisable(NULL);
        RB("writeunraisable_clears", PyErr_Occurred() == NULL);
    }
    END;
}

/* ========================================================= type creation */

/* Point: a plain heap type via PyType_FromSpec with members, getset, methods
 * of every METH_ kind, rich compare, hash, repr, __dict__ and weakref slots. */
typedef struct {
    PyObject_HEAD
    long x, y;
    PyObject *dict;
    PyObject *weakreflist;
} PointObject;

static PyObject *point_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PointObject *self = (PointObject *)PyType_GenericAlloc(type, 0);
    return (PyObject *)self;
}

static int point_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    PointObject *self = (PointObject *)op;
    static char *kwlist[] = {"x", "y", NULL};
    long x = 0, y = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|ll:Point", kwlist, &x, &y))
        return -1;
    self->x = x;
    self->y = y;
    return 0;
}

static void point_dealloc(PyObject *op)
{
    PointObject *self = (PointObject *)op;
    PyTypeObject *tp = Py_TYPE(op);
    if (self->weakreflist)
        PyObject_ClearWeakRefs(op);
    Py_CLEAR(self->dict);
    freefunc f = (freefunc)PyType_GetSlot(tp, Py_tp_free);
    f(op);
    Py_DECREF(tp);
}

static PyObject *point_repr(PyObject *op)
{
    PointObject *self = (PointObject *)op;
    return PyUnicode_FromFormat("Point(%ld, %ld)", self->x, self->y);
}

static Py_hash_t point_hash(PyObject *op)
{
    PointObject *self = (PointObject *)op;
    Py_hash_t h = (Py_hash_t)(self->x * 1000003 + self->y);
    return h == -1 ? -2 : h;
}

static PyObject *point_richcompare(PyObject *a, PyObject *b, int op)
{
    if (!PyObject_TypeCheck(b, Py_TYPE(a)) || (op != Py_EQ && op != Py_NE))
        Py_RETURN_NOTIMPLEMENTED;
    PointObject *p = (PointObject *)a, *q = (PointObject *)b;
    int eq = p->x == q->x && p->y == q->y;
    return PyBool_FromLong(op == Py_EQ ? eq : !eq);
}

static PyObject *point_get_sum(PyObject *op, void *closure)
{
    PointObject *self = (PointObject *)op;
    return PyLong_FromLong(self->x + self->y + (long)(Py_ssize_t)closure);
}

static int point_set_sum(PyObject *op, PyObject *value, void *closure)
{
    PointObject *self = (PointObject *)op;
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError, "cannot delete sum");
        return -1;
    }
    long v = PyLong_AsLong(value);
    if (v == -1 && PyErr_Occurred())
        return -1;
    self->x = v - self->y;
    return 0;
}

/* one method per calling convention */
static PyObject *pm_noargs(PyObject *self, PyObject *unused) { return S("noargs"); }
static PyObject *pm_o(PyObject *self, PyObject *arg) { return Py_BuildValue("(sO)", "o", arg); }
static PyObject *pm_varargs(PyObject *self, PyObject *args) { return Py_BuildValue("(sO)", "varargs", args); }
static PyObject *pm_kw(PyObject *self, PyObject *args, PyObject *kw)
{
    return Py_BuildValue("(sOO)", "kw", args, kw ? kw : Py_None);
}
#if API >= 0x030a0000
static PyObject *pm_fast(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *t = PyTuple_New(nargs);
    for (Py_ssize_t i = 0; t && i < nargs; i++)
        PyTuple_SetItem(t, i, NEWREF(args[i]));
    return Py_BuildValue("(sN)", "fast", t);
}
static PyObject *pm_fastkw(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    Py_ssize_t nkw = kwnames ? PyTuple_Size(kwnames) : 0;
    PyObject *t = PyTuple_New(nargs + nkw);
    for (Py_ssize_t i = 0; t && i < nargs + nkw; i++)
        PyTuple_SetItem(t, i, NEWREF(args[i]));
    return Py_BuildValue("(sNO)", "fastkw", t, kwnames ? kwnames : Py_None);
}
static PyObject *pm_method(PyObject *self, PyTypeObject *cls, PyObject *const *args,
                           Py_ssize_t nargs, PyObject *kwnames)
{
    /* defining_class is the type the method was defined on, even for a subclass */
    return Py_BuildValue("(sOnO)", "method", (PyObject *)cls, nargs, kwnames ? kwnames : Py_None);
}
#endif
static PyObject *pm_class(PyObject *cls, PyObject *unused) { return Py_BuildValue("(sO)", "class", cls); }
static PyObject *pm_static(PyObject *nothing, PyObject *args)
{
    return Py_BuildValue("(sOO)", "static", nothing ? nothing : Py_None, args);
}

static PyMethodDef point_methods[] = {
    {"m_noargs", pm_noargs, METH_NOARGS, "no arguments"},
    {"m_o", pm_o, METH_O, NULL},
    {"m_varargs", pm_varargs, METH_VARARGS, NULL},
    {"m_kw", (PyCFunction)(void (*)(void))pm_kw, METH_VARARGS | METH_KEYWORDS, NULL},
#if API >= 0x030a0000
    {"m_fast", (PyCFunction)(void (*)(void))pm_fast, METH_FASTCALL, NULL},
    {"m_fastkw", (PyCFunction)(void (*)(void))pm_fastkw, METH_FASTCALL | METH_KEYWORDS, NULL},
    {"m_method", (PyCFunction)(void (*)(void))pm_method, METH_METHOD | METH_FASTCALL | METH_KEYWORDS, NULL},
#endif
    {"m_class", pm_class, METH_NOARGS | METH_CLASS, NULL},
    {"m_static", pm_static, METH_VARARGS | METH_STATIC, NULL},
    {NULL, NULL, 0, NULL}
};

static PyMemberDef point_members[] = {
    {"x", Py_T_LONG, offsetof(PointObject, x), 0, "x coordinate"},
    {"y", Py_T_LONG, offsetof(PointObject, y), Py_READONLY, NULL},
    {"__dictoffset__", Py_T_PYSSIZET, offsetof(PointObject, dict), Py_READONLY, NULL},
    {"__weaklistoffset__", Py_T_PYSSIZET, offsetof(PointObject, weakreflist), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};

static PyGetSetDef point_getset[] = {
    {"sum", point_get_sum, point_set_sum, "x + y", NULL},
    {"sum_plus_100", point_get_sum, NULL, NULL, (void *)100},
    {NULL, NULL, NULL, NULL, NULL}
};

/* number slots */
static PyObject *point_add(PyObject *a, PyObject *b)
{
    if (!PyObject_TypeCheck(a, (PyTypeObject *)point_type) || !PyObject_TypeCheck(b, (PyTypeObject *)point_type))
        Py_RETURN_NOTIMPLEMENTED;
    PointObject *p = (PointObject *)a, *q = (PointObject *)b;
    return PyObject_CallFunction(point_type, "ll", p->x + q->x, p->y + q->y);
}
static PyObject *point_neg(PyObject *a)
{
    PointObject *p = (PointObject *)a;
    return PyObject_CallFunction((PyObject *)Py_TYPE(a), "ll", -p->x, -p->y);
}
static int point_bool(PyObject *a)
{
    PointObject *p = (PointObject *)a;
    return p->x != 0 || p->y != 0;
}
static PyObject *point_int(PyObject *a) { return PyLong_FromLong(((PointObject *)a)->x); }

/* mapping / sequence slots: index 0 -> x, 1 -> y */
static Py_ssize_t point_len(PyObject *a) { return 2; }
static PyObject *point_item(PyObject *a, Py_ssize_t i)
{
    PointObject *p = (PointObject *)a;
    if (i == 0) return PyLong_FromLong(p->x);
    if (i == 1) return PyLong_FromLong(p->y);
    PyErr_SetString(PyExc_IndexError, "Point index out of range");
    return NULL;
}
static PyObject *point_subscript(PyObject *a, PyObject *key)
{
    if (PyUnicode_Check(key)) return PyObject_GetAttr(a, key);
    Py_ssize_t i = PyNumber_AsSsize_t(key, PyExc_IndexError);
    if (i == -1 && PyErr_Occurred()) return NULL;
    return point_item(a, i);
}
static int point_ass_subscript(PyObject *a, PyObject *key, PyObject *v)
{
    if (v == NULL) {
        PyErr_SetString(PyExc_TypeError, "cannot delete Point items");
        return -1;
    }
    return PyObject_SetAttr(a, key, v);
}
static int point_contains(PyObject *a, PyObject *v)
{
    PointObject *p = (PointObject *)a;
    long x = PyLong_AsLong(v);
    if (x == -1 && PyErr_Occurred()) { PyErr_Clear(); return 0; }
    return x == p->x || x == p->y;
}
static PyObject *point_call(PyObject *a, PyObject *args, PyObject *kw)
{
    return Py_BuildValue("(sOO)", "called", args, kw ? kw : Py_None);
}

static PyType_Slot point_slots[] = {
    {Py_tp_new, point_new},
    {Py_tp_init, point_init},
    {Py_tp_dealloc, point_dealloc},
    {Py_tp_repr, point_repr},
    {Py_tp_hash, point_hash},
    {Py_tp_richcompare, point_richcompare},
    {Py_tp_call, point_call},
    {Py_tp_methods, point_methods},
    {Py_tp_members, point_members},
    {Py_tp_getset, point_getset},
    {Py_tp_doc, "Point(x, y)\n--\n\nA point."},
    {Py_nb_add, point_add},
    {Py_nb_negative, point_neg},
    {Py_nb_bool, point_bool},
    {Py_nb_int, point_int},
    {Py_nb_index, point_int},
    {Py_mp_length, point_len},
    {Py_mp_subscript, point_subscript},
    {Py_mp_ass_subscript, point_ass_subscript},
    {Py_sq_length, point_len},
    {Py_sq_item, point_item},
    {Py_sq_contains, point_contains},
    {0, NULL}
};

static PyType_Spec point_spec = {
    "testext.Point", sizeof(PointObject), 0,
    Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE, point_slots
};

/* Countdown: an iterator type (tp_iter / tp_iternext) */
typedef struct { PyObject_HEAD long n; } CountdownObject;

static PyObject *countdown_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    long n;
    if (!PyArg_ParseTuple(args, "l:Countdown", &n))
        return NULL;
    CountdownObject *self = (CountdownObject *)PyType_GenericAlloc(type, 0);
    if (self) self->n = n;
    return (PyObject *)self;
}
static PyObject *countdown_next(PyObject *op)
{
    CountdownObject *self = (CountdownObject *)op;
    if (self->n <= 0) return NULL; /* exhausted, no exception */
    return PyLong_FromLong(self->n--);
}
static PyType_Slot countdown_slots[] = {
    {Py_tp_new, countdown_new},
    {Py_tp_iter, PyObject_SelfIter},
    {Py_tp_iternext, countdown_next},
    {0, NULL}
};
static PyType_Spec countdown_spec = {
    "testext.Countdown", sizeof(CountdownObject), 0, Py_TPFLAGS_DEFAULT, countdown_slots
};

/* Node: a GC type; two nodes pointing at each other form a cycle that only
 * the collector can reclaim.  gc_dealloc_count counts deallocations. */
typedef struct { PyObject_HEAD PyObject *next; } NodeObject;

static int node_traverse(PyObject *op, visitproc visit, void *arg)
{
    NodeObject *self = (NodeObject *)op;
#if API >= 0x03090000
    Py_VISIT(Py_TYPE(op)); /* heap types are visited from 3.9 on */
#endif
    Py_VISIT(self->next);
    return 0;
}
static int node_clear(PyObject *op)
{
    NodeObject *self = (NodeObject *)op;
    Py_CLEAR(self->next);
    return 0;
}
static void node_dealloc(PyObject *op)
{
    PyTypeObject *tp = Py_TYPE(op);
    PyObject_GC_UnTrack(op);
    node_clear(op);
    PyObject_GC_Del(op);
    gc_dealloc_count++;
    Py_DECREF(tp);
}
static PyMemberDef node_members[] = {
    {"next", Py_T_OBJECT_EX, offsetof(NodeObject, next), 0, NULL},
    {NULL, 0, 0, 0, NULL}
};
static PyType_Slot node_slots[] = {
    {Py_tp_traverse, node_traverse},
    {Py_tp_clear, node_clear},
    {Py_tp_dealloc, node_dealloc},
    {Py_tp_members, node_members},
    {0, NULL}
};
static PyType_Spec node_spec = {
    "testext.Node", sizeof(NodeObject), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC, node_slots
};

/* Blob: buffer slots (3.11+: Py_buffer is in the Limited API) */
#if API >= 0x030b0000
typedef struct { PyObject_HEAD char data[8]; Py_ssize_t exports; } BlobObject;
static int blob_getbuffer(PyObject *op, Py_buffer *view, int flags)
{
    BlobObject *self = (BlobObject *)op;
    if (PyBuffer_FillInfo(view, op, self->data, 8, 0, flags) < 0)
        return -1;
    self->exports++;
    return 0;
}
static void blob_releasebuffer(PyObject *op, Py_buffer *view)
{
    ((BlobObject *)op)->exports--;
}
static PyObject *blob_exports(PyObject *op, void *c) { return PyLong_FromSsize_t(((BlobObject *)op)->exports); }
static PyGetSetDef blob_getset[] = {{"exports", blob_exports, NULL, NULL, NULL}, {NULL, NULL, NULL, NULL, NULL}};
static PyType_Slot blob_slots[] = {
    {Py_bf_getbuffer, blob_getbuffer},
    {Py_bf_releasebuffer, blob_releasebuffer},
    {Py_tp_getset, blob_getset},
    {0, NULL}
};
static PyType_Spec blob_spec = {"testext.Blob", sizeof(BlobObject), 0, Py_TPFLAGS_DEFAULT, blob_slots};
#endif

/* VCall: a callable with a vectorcall slot (__vectorcalloffset__, 3.12+) */
#if API >= 0x030c0000
typedef struct { PyObject_HEAD vectorcallfunc vectorcall; } VCallObject;
static PyObject *vcall_vectorcall(PyObject *callable, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t n = PyVectorcall_NARGS(nargsf);
    return Py_BuildValue("(snn)", "vectorcall", n, kwnames ? PyTuple_Size(kwnames) : (Py_ssize_t)0);
}
static PyObject *vcall_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    VCallObject *self = (VCallObject *)PyType_GenericAlloc(type, 0);
    if (self) self->vectorcall = vcall_vectorcall;
    return (PyObject *)self;
}
static PyMemberDef vcall_members[] = {
    {"__vectorcalloffset__", Py_T_PYSSIZET, offsetof(VCallObject, vectorcall), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};
static PyType_Slot vcall_slots[] = {
    {Py_tp_new, vcall_new},
    {Py_tp_call, PyVectorcall_Call},
    {Py_tp_members, vcall_members},
    {0, NULL}
};
static PyType_Spec vcall_spec = {
    "testext.VCall", sizeof(VCallObject), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_VECTORCALL, vcall_slots
};

/* Extra: negative basicsize (data private to the subclass) */
typedef struct { int magic; double weight; } ExtraData;
static PyType_Slot extra_slots[] = {{0, NULL}};
static PyType_Spec extra_spec = {
    "testext.Extra", -(int)sizeof(ExtraData), 0, Py_TPFLAGS_DEFAULT, extra_slots
};
/* Meta: a metaclass made from a spec; Made: a type created through it */
static PyType_Slot meta_slots[] = {{0, NULL}};
static PyType_Spec meta_spec = {"testext.Meta", 0, 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE, meta_slots};
static PyType_Slot made_slots[] = {{0, NULL}};
static PyType_Spec made_spec = {"testext.Made", 0, 0, Py_TPFLAGS_DEFAULT, made_slots};
#endif

static PyObject *type_name(PyObject *t)
{
    return PyObject_GetAttrString(t, "__name__");
}

static PyObject *t_types(PyObject *self, PyObject *unused)
{
    BEGIN;
    PyObject *P = point_type;
    PyObject *p = PyObject_CallFunction(P, "ii", 3, 4);
    PyObject *q = PyObject_Call(P, Py_BuildValue("()"), Py_BuildValue("{s:i,s:i}", "x", 3, "y", 4));
    R("repr", PyObject_Repr(p));
    R("init_kw", PyObject_Repr(q));
    R("init_badkw", PyObject_Call(P, Py_BuildValue("()"), Py_BuildValue("{s:i}", "z", 1)));
    R("init_toomany", PyObject_CallFunction(P, "iii", 1, 2, 3));
    R("type_name", type_name(P));
    R("type_qualname", PyObject_GetAttrString(P, "__qualname__"));
    R("type_module", PyObject_GetAttrString(P, "__module__"));
    R("type_doc", PyObject_GetAttrString(P, "__doc__"));
    R("type_text_signature", PyObject_GetAttrString(P, "__text_signature__"));
    R("type_mro", PyObject_GetAttrString(P, "__mro__"));
    R("eq", PyObject_RichCompare(p, q, Py_EQ));
    R("ne", PyObject_RichCompare(p, q, Py_NE));
    R("lt_notimpl", PyObject_RichCompare(p, q, Py_LT));
    RB("hash", PyObject_Hash(p) == 3 * 1000003 + 4);
    R("member_x", PyObject_GetAttrString(p, "x"));
    RI("member_set_x", PyObject_SetAttrString(p, "x", I(10)));
    RI("member_set_x_bad", PyObject_SetAttrString(p, "x", S("no")));
    RI("member_set_y_ro", PyObject_SetAttrString(p, "y", I(1)));
    RI("member_del_x", PyObject_DelAttrString(p, "x"));
    R("getset_sum", PyObject_GetAttrString(p, "sum"));
    RI("getset_set", PyObject_SetAttrString(p, "sum", I(100)));
    R("getset_after", PyObject_GetAttrString(p, "x"));
    RI("getset_del", PyObject_DelAttrString(p, "sum"));
    R("getset_closure", PyObject_GetAttrString(p, "sum_plus_100"));
    RI("getset_ro", PyObject_SetAttrString(p, "sum_plus_100", I(1)));
    R("member_doc", PyObject_GetAttrString(PyObject_GetAttrString(P, "x"), "__doc__"));
    RI("dict_setattr", PyObject_SetAttrString(p, "extra", S("in dict")));
    R("dict_getattr", PyObject_GetAttrString(p, "extra"));
    R("dict_attr", PyObject_GetAttrString(p, "__dict__"));
    R("dictoffset_nonzero", PyBool_FromLong(PyLong_AsLong(PyObject_GetAttrString(P, "__dictoffset__")) > 0));
    R("weaklistoffset", PyObject_GetAttrString(P, "__weaklistoffset__"));
    RI("generic_getdict", PyObject_GenericSetAttr(p, S("viaGeneric"), I(1)));
    /* methods of every kind */
    R("m_noargs", PyObject_CallMethod(p, "m_noargs", NULL));
    R("m_noargs_extra", PyObject_CallMethod(p, "m_noargs", "i", 1));
    R("m_o", PyObject_CallMethod(p, "m_o", "i", 5));
    R("m_o_none", PyObject_CallMethod(p, "m_o", NULL));
    R("m_varargs", PyObject_CallMethod(p, "m_varargs", "ii", 1, 2));
    R("m_varargs_kw", PyObject_Call(PyObject_GetAttrString(p, "m_varargs"), Py_BuildValue("()"), Py_BuildValue("{s:i}", "a", 1)));
    R("m_kw", PyObject_Call(PyObject_GetAttrString(p, "m_kw"), Py_BuildValue("(i)", 1), Py_BuildValue("{s:i}", "a", 2)));
    R("m_kw_nokw", PyObject_CallMethod(p, "m_kw", "i", 1));
#if API >= 0x030a0000
    R("m_fast@3.10", PyObject_CallMethod(p, "m_fast", "iii", 1, 2, 3));
    R("m_fastkw@3.10", PyObject_Call(PyObject_GetAttrString(p, "m_fastkw"), Py_BuildValue("(i)", 1), Py_BuildValue("{s:i}", "k", 2)));
    R("m_method@3.10", PyObject_Call(PyObject_GetAttrString(p, "m_method"), Py_BuildValue("(ii)", 1, 2), Py_BuildValue("{s:i}", "k", 2)));
#endif
    R("m_class", PyObject_CallMethod(p, "m_class", NULL));
    R("m_class_on_type", PyObject_CallMethod(P, "m_class", NULL));
    R("m_static", PyObject_CallMethod(P, "m_static", "i", 9));
    R("m_noargs_unbound", PyObject_CallMethod(P, "m_noargs", NULL));
    R("m_noargs_unbound_ok", PyObject_CallMethod(P, "m_noargs", "O", p));
    R("method_doc", PyObject_GetAttrString(PyObject_GetAttrString(P, "m_noargs"), "__doc__"));
    R("method_type", type_name(PyObject_Type(PyObject_GetAttrString(P, "m_noargs"))));
    R("bound_method_type", type_name(PyObject_Type(PyObject_GetAttrString(p, "m_noargs"))));
    R("classmethod_descr_type", type_name(PyObject_Type(PyObject_GetAttrString(P, "m_class"))));
    /* tp_call */
    R("call", PyObject_Call(p, Py_BuildValue("(i)", 1), Py_BuildValue("{s:i}", "k", 2)));
    /* number slots */
    R("nb_add", PyObject_Repr(PyNumber_Add(p, q)));
    R("nb_add_int", PyNumber_Add(p, I(1)));
    R("nb_neg", PyObject_Repr(PyNumber_Negative(q)));
    RI("nb_bool_true", PyObject_IsTrue(q));
    RI("nb_bool_false", PyObject_IsTrue(PyObject_CallFunction(P, "ii", 0, 0)));
    R("nb_int", PyNumber_Long(q));
    R("nb_index", PyNumber_Index(q));
    R("nb_index_as_seq_idx", PySequence_GetItem(Py_BuildValue("[iiiii]", 0, 10, 20, 30, 40), PyNumber_AsSsize_t(q, NULL)));
    /* mapping / sequence slots */
    RI("mp_length", PyObject_Length(q));
    R("mp_subscript", PyObject_GetItem(q, I(1)));
    R("mp_subscript_attr", PyObject_GetItem(q, S("x")));
    R("mp_subscript_oob", PyObject_GetItem(q, I(5)));
    RI("mp_ass_subscript", PyObject_SetItem(q, S("x"), I(8)));
    RI("mp_del_subscript", PyObject_DelItem(q, S("x")));
    R("sq_item", PySequence_GetItem(q, 0));
    RI("sq_contains", PySequence_Contains(q, I(4)));
    RI("sq_contains_no", PySequence_Contains(q, I(5)));
    R("sq_tuple", PySequence_Tuple(q));
    /* subclass through PyType_FromSpecWithBases */
    {
        PyType_Slot sub_slots[] = {{0, NULL}};
        PyType_Spec sub_spec = {"testext.SubPoint", 0, 0, Py_TPFLAGS_DEFAULT, sub_slots};
        PyObject *bases = PyTuple_Pack(1, P);
        PyObject *Sub = PyType_FromSpecWithBases(&sub_spec, bases);
        PyObject *sp = Sub ? PyObject_CallFunction(Sub, "ii", 5, 6) : NULL;
        R("sub_repr", sp ? PyObject_Repr(sp) : NULL);
        R("sub_mro", Sub ? PyObject_GetAttrString(Sub, "__mro__") : NULL);
        R("sub_isinstance", sp ? PyBool_FromLong(PyObject_IsInstance(sp, P)) : NULL);
        R("sub_class_method", sp ? PyObject_CallMethod(sp, "m_class", NULL) : NULL);
        R("sub_add", sp ? PyObject_Repr(PyNumber_Add(sp, sp)) : NULL);
        Py_XDECREF(sp); Py_XDECREF(Sub); Py_DECREF(bases);
        /* a base that is not a type */
        bases = Py_BuildValue("(i)", 1);
        R("frombases_bad", PyType_FromSpecWithBases(&sub_spec, bases));
        Py_DECREF(bases);
        /* Point is BASETYPE; Countdown is not: subclassing it must fail */
        PyObject *cd = PyObject_GetAttrString(self, "Countdown");
        bases = PyTuple_Pack(1, cd);
        R("frombases_final", PyType_FromSpecWithBases(&sub_spec, bases));
        Py_DECREF(bases); Py_XDECREF(cd);
    }
    /* PyType_GetSlot */
    {
        PyTypeObject *tp = (PyTypeObject *)P;
        RB("getslot_repr", PyType_GetSlot(tp, Py_tp_repr) == (void *)point_repr);
        RB("getslot_nb_add", PyType_GetSlot(tp, Py_nb_add) == (void *)point_add);
        RB("getslot_absent", PyType_GetSlot(tp, Py_nb_multiply) == NULL && !PyErr_Occurred());
        RB("getslot_alloc", PyType_GetSlot(tp, Py_tp_alloc) != NULL);
        R("getslot_bad", PyType_GetSlot(tp, 9999) ? S("no error") : NULL);
#if API >= 0x030a0000
        RB("getslot_static@3.10", PyType_GetSlot(&PyLong_Type, Py_nb_add) != NULL);
#endif
        RI("hasfeature_basetype", PyType_HasFeature(tp, Py_TPFLAGS_BASETYPE));
        RB("getflags_heaptype", (PyType_GetFlags(tp) & Py_TPFLAGS_HEAPTYPE) != 0);
        RI("issubtype", PyType_IsSubtype(&PyBool_Type, &PyLong_Type));
        RI("type_check", PyType_Check(P) && !PyType_Check(p));
        RI("modified_ok", (PyType_Modified(tp), 0));
    }
#if API >= 0x030b0000
    R("getname@3.11", PyType_GetName((PyTypeObject *)P));
    R("getqualname@3.11", PyType_GetQualName((PyTypeObject *)P));
    R("getname_builtin@3.11", PyType_GetName(&PyLong_Type));
#endif
#if API >= 0x030d0000
    R("getfullyqualifiedname@3.13", PyType_GetFullyQualifiedName((PyTypeObject *)P));
    R("getmodulename@3.13", PyType_GetModuleName((PyTypeObject *)P));
    R("getmodulename_builtin@3.13", PyType_GetModuleName(&PyLong_Type));
#endif
    /* the iterator type */
    {
        PyObject *cd = PyObject_GetAttrString(self, "Countdown");
        PyObject *c = PyObject_CallFunction(cd, "i", 3);
        R("iter_list", c ? PySequence_List(c) : NULL);
        R("iter_badarg", PyObject_CallFunction(cd, "s", "x"));
        Py_XDECREF(c); Py_XDECREF(cd);
    }
    /* GC: a two-node cycle is reclaimed only by the collector */
    {
        PyObject *N = PyObject_GetAttrString(self, "Node");
        PyObject *a = PyObject_CallObject(N, NULL);
        PyObject *b = PyObject_CallObject(N, NULL);
#if API >= 0x03090000
        RI("gc_is_tracked@3.9", PyObject_GC_IsTracked(a));
#endif
        PyObject_SetAttrString(a, "next", b);
        PyObject_SetAttrString(b, "next", a);
        long before = gc_dealloc_count;
        Py_DECREF(a);
        Py_DECREF(b);
        RI("gc_cycle_alive", gc_dealloc_count - before);
        PyGC_Collect();
        RI("gc_cycle_collected", gc_dealloc_count - before);
        /* an acyclic node dies immediately */
        before = gc_dealloc_count;
        a = PyObject_CallObject(N, NULL);
        Py_DECREF(a);
        RI("gc_acyclic", gc_dealloc_count - before);
        /* a self-cycle through a list */
        before = gc_dealloc_count;
        a = PyObject_CallObject(N, NULL);
        PyObject *l = PyList_New(0);
        PyList_Append(l, a);
        PyObject_SetAttrString(a, "next", l);
        Py_DECREF(l);
        Py_DECREF(a);
        PyGC_Collect();
        RI("gc_cycle_via_list", gc_dealloc_count - before);
        R("node_next_unset", PyObject_GetAttrString(PyObject_CallObject(N, NULL), "next"));
        Py_DECREF(N);
    }
#if API >= 0x030b0000
    {
        PyObject *B = PyObject_GetAttrString(self, "Blob");
        PyObject *blob = PyObject_CallObject(B, NULL);
        PyObject *mv = PyMemoryView_FromObject(blob);
        R("bf_exports_during@3.11", PyObject_GetAttrString(blob, "exports"));
        RI("bf_write@3.11", PyObject_SetItem(mv, I(0), I(0x41)));
        R("bf_bytes@3.11", PyObject_Bytes(mv));
        Py_XDECREF(PyObject_CallMethod(mv, "release", NULL));
        R("bf_exports_after@3.11", PyObject_GetAttrString(blob, "exports"));
        R("bf_tobytes@3.11", PyObject_Bytes(blob));
        Py_XDECREF(mv); Py_XDECREF(blob); Py_XDECREF(B);
    }
#endif
#if API >= 0x030c0000
    {
        PyObject *V = PyObject_GetAttrString(self, "VCall");
        PyObject *v = PyObject_CallObject(V, NULL);
        R("vectorcall_slot_call@3.12", PyObject_Call(v, Py_BuildValue("(ii)", 1, 2), Py_BuildValue("{s:i}", "k", 3)));
        PyObject *argv[2] = {I(1), I(2)};
        R("vectorcall_slot_vc@3.12", PyObject_Vectorcall(v, argv, 2, NULL));
        RI("vectorcall_flag@3.12", PyType_HasFeature((PyTypeObject *)V, Py_TPFLAGS_HAVE_VECTORCALL) != 0);
        Py_XDECREF(v); Py_XDECREF(V);
        /* negative basicsize: each class gets private data */
        PyObject *bases = PyTuple_Pack(1, P);
        PyObject *E = PyType_FromSpecWithBases(&extra_spec, bases);
        Py_DECREF(bases);
        PyObject *e = E ? PyObject_CallFunction(E, "ii", 7, 8) : NULL;
        ExtraData *data = e ? PyObject_GetTypeData(e, (PyTypeObject *)E) : NULL;
        if (data) { data->magic = 4242; data->weight = 1.5; }
        data = e ? PyObject_GetTypeData(e, (PyTypeObject *)E) : NULL;
        R("typedata@3.12", data ? Py_BuildValue("(id)", data->magic, data->weight) : NULL);
        RB("typedata_distinct@3.12", e && (char *)PyObject_GetTypeData(e, (PyTypeObject *)E) >= (char *)e + sizeof(PointObject));
        R("typedata_repr@3.12", e ? PyObject_Repr(e) : NULL);
        Py_XDECREF(e); Py_XDECREF(E);
        /* metaclass */
        bases = PyTuple_Pack(1, (PyObject *)&PyType_Type);
        PyObject *M = PyType_FromSpecWithBases(&meta_spec, bases);
        Py_DECREF(bases);
        PyObject *Made = M ? PyType_FromMetaclass((PyTypeObject *)M, self, &made_spec, NULL) : NULL;
        RB("frommetaclass_type@3.12", Made && (PyObject *)Py_TYPE(Made) == M);
        R("frommetaclass_name@3.12", Made ? type_name(Made) : NULL);
        R("frommetaclass_instance@3.12", Made ? type_name(PyObject_Type(PyObject_CallObject(Made, NULL))) : NULL);
        Py_XDECREF(Made); Py_XDECREF(M);
    }
#else
    SKIP("types_vectorcall_typedata_metaclass@3.12");
#endif
    Py_DECREF(p); Py_DECREF(q);
    END;
}

/* ================================================ module-aware types (3.10+) */

#if API >= 0x030a0000
static PyObject *counter_bump(PyObject *self, PyTypeObject *cls, PyObject *const *args,
                              Py_ssize_t nargs, PyObject *kwnames)
{
    ext_state *st = PyType_GetModuleState(cls);
    if (st == NULL) return NULL;
    st->counter += nargs ? PyLong_AsLong(args[0]) : 1;
    return PyLong_FromLong(st->counter);
}
static PyObject *counter_module(PyObject *self, PyTypeObject *cls, PyObject *const *args,
                                Py_ssize_t nargs, PyObject *kwnames)
{
#if API >= 0x030d0000
    PyObject *m = PyType_GetModuleByDef(Py_TYPE(self), &testext_def);
    return m ? NEWREF(m) : NULL;
#else
    return NEWREF(PyType_GetModule(cls));
#endif
}
static PyMethodDef counter_methods[] = {
    {"bump", (PyCFunction)(void (*)(void))counter_bump, METH_METHOD | METH_FASTCALL | METH_KEYWORDS, NULL},
    {"module", (PyCFunction)(void (*)(void))counter_module, METH_METHOD | METH_FASTCALL | METH_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL}
};
static PyType_Slot counter_slots[] = {
    {Py_tp_methods, counter_methods},
    {0, NULL}
};
static PyType_Spec counter_spec = {
    "testext.Counter", 0, 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE, counter_slots
};
#endif

/* ================================================================= modules */

static PyObject *t_module(PyObject *self, PyObject *unused)
{
    BEGIN;
    R("getname", S(PyModule_GetName(self)));
    R("getnameobject", PyModule_GetNameObject(self));
    R("getfilenameobject", PyModule_GetFilenameObject(self));
    R("getdef_same", PyBool_FromLong(PyModule_GetDef(self) == &testext_def));
    RB("getdict", PyModule_GetDict(self) != NULL && PyDict_Check(PyModule_GetDict(self)));
    RBOR("getdict_item", PyDict_GetItemString(PyModule_GetDict(self), "INT_CONST"));
    RB("getstate", PyModule_GetState(self) != NULL);
    RB("findmodule", PyState_FindModule(&testext_def) == self);
    R("str_const", PyObject_GetAttrString(self, "STR_CONST"));
    R("obj_const", PyObject_GetAttrString(self, "OBJ_CONST"));
    R("added_const", PyObject_GetAttrString(self, "ADDED_CONST"));
    R("macro_const", PyObject_GetAttrString(self, "MACRO_CONST"));
    R("doc", PyObject_GetAttrString(self, "__doc__"));
    R("func_name", PyObject_GetAttrString(PyObject_GetAttrString(self, "t_module"), "__name__"));
    R("func_module", PyObject_GetAttrString(PyObject_GetAttrString(self, "t_module"), "__module__"));
    R("func_qualname", PyObject_GetAttrString(PyObject_GetAttrString(self, "t_module"), "__qualname__"));
    R("func_self_is_module", PyBool_FromLong(PyObject_GetAttrString(PyObject_GetAttrString(self, "t_module"), "__self__") == self));
    {
        PyObject *m = PyModule_New("testext.synthetic");
        R("new_name", PyModule_GetNameObject(m));
        R("new_filename", PyModule_GetFilenameObject(m));
        RI("addintconstant", PyModule_AddIntConstant(m, "A", 5));
        RI("addstringconstant", PyModule_AddStringConstant(m, "B", "bee"));
        RI("addobject", PyModule_AddObject(m, "C", S("see")));
        RI("addobject_null", PyModule_AddObject(m, "D", NULL));
        R("new_dict_keys", PyDict_Keys(PyModule_GetDict(m)));
        RI("setdocstring", PyModule_SetDocString(m, "synthetic doc"));
        R("new_doc", PyObject_GetAttrString(m, "__doc__"));
        R("new_repr", PyObject_Repr(m));
        R("new_state_null", PyModule_GetState(m) == NULL ? S("NULL") : S("non-NULL"));
        R("getname_notmodule", PyModule_GetNameObject(I(1)));
        static PyMethodDef extra[] = {{"fn", pm_noargs, METH_NOARGS, NULL}, {NULL, NULL, 0, NULL}};
        RI("addfunctions", PyModule_AddFunctions(m, extra));
        R("added_fn", PyObject_CallMethod(m, "fn", NULL));
        R("newobject", PyModule_GetNameObject(PyModule_NewObject(S("by_object"))));
        Py_DECREF(m);
    }
#if API >= 0x030a0000
    {
        PyObject *C = PyObject_GetAttrString(self, "Counter");
        RB("type_getmodule@3.10", PyType_GetModule((PyTypeObject *)C) == self);
        RB("type_getmodulestate@3.10", PyType_GetModuleState((PyTypeObject *)C) == PyModule_GetState(self));
        PyObject *c = PyObject_CallObject(C, NULL);
        ext_state *st = PyModule_GetState(self);
        long before = st->counter;
        PyObject *r = PyObject_CallMethod(c, "bump", "i", 5);
        R("defining_class_state@3.10", PyLong_FromLong(PyLong_AsLong(r) - before));
        Py_XDECREF(r);
        RB("module_via_defining_class@3.10", PyObject_CallMethod(c, "module", NULL) == self);
        Py_DECREF(self); /* the reference from the call above */
        R("type_getmodule_static@3.10", borrowed(PyType_GetModule(&PyLong_Type)));
        Py_DECREF(c); Py_DECREF(C);
    }
#else
    SKIP("module_types@3.10");
#endif
    END;
}

/* ========================================================= argument parsing */

static PyObject *parse_kw_impl(PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"a", "b", "c", "d", NULL};
    int a = 0; const char *b = "dflt"; PyObject *c = Py_None; double d = 0.5;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "i|sO$d:parse_kw", kwlist, &a, &b, &c, &d))
        return NULL;
    return Py_BuildValue("(isOd)", a, b, c, d);
}

static int conv_double_it(PyObject *o, void *p)
{
    long v = PyLong_AsLong(o);
    if (v == -1 && PyErr_Occurred()) return 0;
    *(long *)p = v * 2;
    return 1;
}

#define ARGS(...) Py_BuildValue(__VA_ARGS__)

static PyObject *t_argparse(PyObject *self, PyObject *unused)
{
    BEGIN;
    {   /* integers: ranges are checked for b h i l, bitfields not for B H I k K */
        unsigned char b; unsigned char B; short h; unsigned short H; int i; unsigned int I_;
        long l; unsigned long k; long long L; unsigned long long K; Py_ssize_t n;
        int r = PyArg_ParseTuple(ARGS("(iiiiiiiiiin)", 200, 300, -3, 70000, -4, -1, -5, -1, -6, -1, (Py_ssize_t)7),
                                 "bBhHiIlkLKn", &b, &B, &h, &H, &i, &I_, &l, &k, &L, &K, &n);
        R("ints", r ? Py_BuildValue("(iiiiiIlkLKn)", b, B, h, H, i, I_, l, k, L, K, n) : NULL);
        r = PyArg_ParseTuple(ARGS("(i)", 256), "b", &b);
        R("b_overflow", r ? I(b) : NULL);
        r = PyArg_ParseTuple(ARGS("(i)", -1), "b", &b);
        R("b_negative", r ? I(b) : NULL);
        r = PyArg_ParseTuple(ARGS("(i)", 40000), "h", &h);
        R("h_overflow", r ? I(h) : NULL);
        r = PyArg_ParseTuple(ARGS("(L)", 1LL << 40), "i", &i);
        R("i_overflow", r ? I(i) : NULL);
        r = PyArg_ParseTuple(ARGS("(s)", "1"), "i", &i);
        R("i_str", r ? I(i) : NULL);
        r = PyArg_ParseTuple(ARGS("(d)", 1.5), "i", &i);
        R("i_float", r ? I(i) : NULL);
        r = PyArg_ParseTuple(ARGS("(d)", 1.5), "n", &n);
        R("n_float", r ? I((long)n) : NULL);
        r = PyArg_ParseTuple(ARGS("(O)", Py_True), "l", &l);
        R("l_bool", r ? I(l) : NULL);
        r = PyArg_ParseTuple(ARGS("(i)", -1), "k", &k);
        R("k_negative", r ? PyLong_FromUnsignedLong(k) : NULL);
        r = PyArg_ParseTuple(ARGS("(d)", 1.0), "k", &k);
        R("k_float", r ? PyLong_FromUnsignedLong(k) : NULL);
    }
    {   /* chars and floats */
        char c; int C; float f; double d;
        /* "D" (Py_complex) is not in the Limited API */
        int r = PyArg_ParseTuple(ARGS("(y#sdd)", "x", (Py_ssize_t)1, "\xe2\x82\xac", 1.25, 2.5),
                                 "cCfd", &c, &C, &f, &d);
        R("chars_floats", r ? Py_BuildValue("(cidd)", c, C, (double)f, d) : NULL);
        r = PyArg_ParseTuple(ARGS("(s)", "x"), "c", &c);
        R("c_str", r ? I(c) : NULL);
        r = PyArg_ParseTuple(ARGS("(s)", "xy"), "C", &C);
        R("C_long", r ? I(C) : NULL);
        r = PyArg_ParseTuple(ARGS("(i)", 3), "d", &d);
        R("d_int", r ? PyFloat_FromDouble(d) : NULL);
        r = PyArg_ParseTuple(ARGS("(s)", "3"), "d", &d);
        R("d_str", r ? PyFloat_FromDouble(d) : NULL);
    }
    {   /* strings and bytes */
        const char *s, *z, *z2, *y; Py_ssize_t slen, zlen, ylen;
        int r = PyArg_ParseTuple(ARGS("(sy)", "h\xc3\xa9", "by"), "sy", &s, &y);
        R("s_y", r ? Py_BuildValue("(ss)", s, y) : NULL);
        r = PyArg_ParseTuple(ARGS("(s#zz#y#)", "a\0b", (Py_ssize_t)3, NULL, "zz", (Py_ssize_t)2, "y\0y", (Py_ssize_t)3),
                             "s#zz#y#", &s, &slen, &z, &z2, &zlen, &y, &ylen);
        /* "z" gets None -> NULL, "z#" gets ("zz", 2) */
        R("sharp_forms", r ? Py_BuildValue("(s#Os#y#)", s, slen, z ? Py_True : Py_None, z2, zlen, y, ylen) : NULL);
        r = PyArg_ParseTuple(ARGS("(s#)", "a\0b", (Py_ssize_t)3), "s", &s);
        R("s_embedded_nul", r ? S(s) : NULL);
        r = PyArg_ParseTuple(ARGS("(i)", 1), "s", &s);
        R("s_int", r ? S(s) : NULL);
        r = PyArg_ParseTuple(ARGS("(y)", "b"), "s", &s);
        R("s_bytes", r ? S(s) : NULL);
        r = PyArg_ParseTuple(ARGS("(s)", "u"), "y", &y);
        R("y_str", r ? S(y) : NULL);
        r = PyArg_ParseTuple(ARGS("(O)", Py_None), "z", &z);
        R("z_none", r ? (z ? S(z) : S("NULL")) : NULL);
        r = PyArg_ParseTuple(ARGS("(O)", Py_None), "s", &s);
        R("s_none", r ? S(s) : NULL);
        PyObject *sur = PyUnicode_DecodeUTF8("\xff", 1, "surrogateescape");
        r = PyArg_ParseTuple(PyTuple_Pack(1, sur), "s", &s);
        R("s_surrogate", r ? S(s) : NULL);
        Py_XDECREF(sur);
    }
#if API >= 0x030b0000
    {   /* buffers: y* s* w* (Py_buffer in the Limited API since 3.11) */
        Py_buffer yb, sb, wb;
        PyObject *ba = PyByteArray_FromStringAndSize("rw", 2);
        int r = PyArg_ParseTuple(PyTuple_Pack(3, PyBytes_FromString("ro"), S("txt"), ba), "y*s*w*", &yb, &sb, &wb);
        if (r) {
            ((char *)wb.buf)[0] = 'R';
            R("buffers@3.11", Py_BuildValue("(y#y#n)", (char *)yb.buf, yb.len, (char *)sb.buf, sb.len, wb.len));
            PyBuffer_Release(&yb); PyBuffer_Release(&sb); PyBuffer_Release(&wb);
        } else R("buffers@3.11", NULL);
        R("w_star_written@3.11", snap(ba));
        r = PyArg_ParseTuple(ARGS("(y)", "ro"), "w*", &wb);
        R("w_star_readonly@3.11", r ? S("no error") : NULL);
        r = PyArg_ParseTuple(ARGS("(s)", "t"), "y*", &yb);
        R("y_star_str@3.11", r ? S("no error") : NULL);
        Py_DECREF(ba);
    }
#else
    SKIP("buffers@3.11");
#endif
    {   /* objects: S Y U O O! O& p */
        PyObject *S_, *Y, *U, *O, *Ot; long conv; int p1, p2, p3;
        PyObject *ba = PyByteArray_FromStringAndSize("Y", 1);
        int r = PyArg_ParseTuple(PyTuple_Pack(9, PyBytes_FromString("S"), ba, S("U"), Py_None, PyTuple_New(0), I(21), I(0), S("x"), Py_BuildValue("[]")),
                                 "SYUOO!O&ppp", &S_, &Y, &U, &O, &PyTuple_Type, &Ot, conv_double_it, &conv, &p1, &p2, &p3);
        R("objects", r ? Py_BuildValue("(OOOOOliii)", S_, Y, U, O, Ot, conv, p1, p2, p3) : NULL);
        r = PyArg_ParseTuple(ARGS("(i)", 1), "O!", &PyUnicode_Type, &O);
        R("O_bang_wrong", r ? S("no error") : NULL);
        r = PyArg_ParseTuple(ARGS("(s)", "x"), "O&", conv_double_it, &conv);
        R("O_amp_fails", r ? S("no error") : NULL);
        r = PyArg_ParseTuple(ARGS("(s)", "x"), "S", &S_);
        R("S_wrong", r ? S("no error") : NULL);
        r = PyArg_ParseTuple(ARGS("(y)", "x"), "U", &U);
        R("U_wrong", r ? S("no error") : NULL);
        r = PyArg_ParseTuple(ARGS("(s)", "x"), "Y", &Y);
        R("Y_wrong", r ? S("no error") : NULL);
        Py_DECREF(ba);
    }
    {   /* nesting, optional, counts, function names, custom messages */
        int a = 0, b = 0, c = 0; const char *s = "unset";
        int r = PyArg_ParseTuple(ARGS("(i(i(i)))", 1, 2, 3), "i(i(i))", &a, &b, &c);
        R("nested", r ? Py_BuildValue("(iii)", a, b, c) : NULL);
        r = PyArg_ParseTuple(ARGS("(ii)", 1, 2), "i(ii)", &a, &b, &c);
        R("nested_wrong", r ? S("no error") : NULL);
        r = PyArg_ParseTuple(ARGS("(i[ii])", 1, 2, 3), "i(ii)", &a, &b, &c);
        R("nested_list_ok", r ? Py_BuildValue("(iii)", a, b, c) : NULL);
        r = PyArg_ParseTuple(ARGS("(i)", 9), "i|s", &a, &s);
        R("optional_missing", r ? Py_BuildValue("(is)", a, s) : NULL);
        r = PyArg_ParseTuple(ARGS("()"), "i:myfunc", &a);
        R("too_few_named", r ? S("no error") : NULL);
        r = PyArg_ParseTuple(ARGS("(iii)", 1, 2, 3), "ii:myfunc", &a, &b);
        R("too_many_named", r ? S("no error") : NULL);
        r = PyArg_ParseTuple(ARGS("(iii)", 1, 2, 3), "i|i:myfunc", &a, &b);
        R("too_many_optional", r ? S("no error") : NULL);
        r = PyArg_ParseTuple(ARGS("(s)", "x"), "i;custom message here", &a);
        R("semicolon_message", r ? S("no error") : NULL);
        r = PyArg_ParseTuple(ARGS("(iii)", 1, 2, 3), "ii", &a, &b);
        R("too_many_anon", r ? S("no error") : NULL);
        r = PyArg_ParseTuple(ARGS("()"), "");
        RI("empty_ok", r);
        r = PyArg_ParseTuple(ARGS("(i)", 1), ":noargs");
        R("noargs_given", r ? S("no error") : NULL);
        r = PyArg_ParseTuple(ARGS("(s)", "x"), "s:fn", &s);
        RS("colon_ok", r ? s : "failed");
    }
    {   /* keywords */
        R("kw_positional", parse_kw_impl(ARGS("(is)", 1, "two"), NULL));
        R("kw_keywords", parse_kw_impl(ARGS("()"), ARGS("{s:i,s:s,s:d}", "a", 5, "b", "bee", "d", 2.0)));
        R("kw_mixed", parse_kw_impl(ARGS("(i)", 1), ARGS("{s:i}", "c", 3)));
        R("kw_unknown", parse_kw_impl(ARGS("(i)", 1), ARGS("{s:i}", "zz", 3)));
        R("kw_duplicate", parse_kw_impl(ARGS("(i)", 1), ARGS("{s:i}", "a", 3)));
        R("kw_missing_required", parse_kw_impl(ARGS("()"), ARGS("{s:s}", "b", "x")));
        R("kw_kwonly_positional", parse_kw_impl(ARGS("(isOd)", 1, "b", Py_None, 1.0), NULL));
        R("kw_toomany", parse_kw_impl(ARGS("(isOdi)", 1, "b", Py_None, 1.0, 5), NULL));
        R("kw_wrongtype", parse_kw_impl(ARGS("()"), ARGS("{s:s}", "a", "x")));
        R("kw_nonstr_key", parse_kw_impl(ARGS("(i)", 1), ARGS("{i:i}", 1, 2)));
        /* returns 1 on success, 0 with an exception on failure */
        int r = PyArg_ValidateKeywordArguments(ARGS("{s:i}", "a", 1));
        R("validate_ok", r ? I(r) : NULL);
        r = PyArg_ValidateKeywordArguments(ARGS("{i:i}", 1, 1));
        R("validate_bad", r ? I(r) : NULL);
        r = PyArg_ValidateKeywordArguments(ARGS("[]"));
        R("validate_notdict", r ? I(r) : NULL);
    }
    {   /* PyArg_UnpackTuple */
        PyObject *a = NULL, *b = NULL, *c = NULL;
        int r = PyArg_UnpackTuple(ARGS("(ii)", 1, 2), "unpk", 1, 3, &a, &b, &c);
        R("unpack", r ? Py_BuildValue("(OOO)", a, b, c ? c : Py_None) : NULL);
        r = PyArg_UnpackTuple(ARGS("()"), "unpk", 1, 3, &a, &b, &c);
        R("unpack_few", r ? S("no error") : NULL);
        r = PyArg_UnpackTuple(ARGS("(iiii)", 1, 2, 3, 4), "unpk", 1, 3, &a, &b, &c);
        R("unpack_many", r ? S("no error") : NULL);
        r = PyArg_UnpackTuple(ARGS("(i)", 1), "unpk", 1, 1, &a);
        R("unpack_exact", r ? NEWREF(a) : NULL);
        r = PyArg_UnpackTuple(ARGS("(ii)", 1, 2), "unpk", 0, 0);
        R("unpack_zero", r ? S("no error") : NULL);
    }
    {   /* PyArg_Parse on a single object (the old METH_OLDARGS style) */
        int a = 0;
        int r = PyArg_Parse(I(11), "i", &a);
        R("parse_single", r ? I(a) : NULL);
    }
    END;
}

/* ========================================================== Py_BuildValue */

static PyObject *build_conv(void *p) { return PyUnicode_FromFormat("conv<%s>", (const char *)p); }

static PyObject *t_buildvalue(PyObject *self, PyObject *unused)
{
    BEGIN;
    R("empty", Py_BuildValue(""));
    R("single_int", Py_BuildValue("i", 5));
    R("single_paren", Py_BuildValue("(i)", 5));
    R("ints", Py_BuildValue("(bBhHiIlkLKn)", (char)-1, 255, -300, 65535, -70000, 4000000000u, -5L, 6UL,
                            -7LL, 18446744073709551615ULL, (Py_ssize_t)-9));
    R("floats", Py_BuildValue("(df)", 0.25, (double)1.5f));
    R("chars", Py_BuildValue("(cCC)", 'z', 0xE9, 0x1F600));
    R("strings", Py_BuildValue("(ss#zz#yy#U)", "s", "s#xx", (Py_ssize_t)2, NULL, "z#", (Py_ssize_t)1,
                               "y", "y\0y", (Py_ssize_t)3, "u"));
    R("s_null_none", Py_BuildValue("s", NULL));
    R("s_badutf8", Py_BuildValue("s", "\xff"));
    R("y_null", Py_BuildValue("y", NULL));
    PyObject *obj = S("obj");
    R("O", Py_BuildValue("(OS)", obj, obj));
    R("N", Py_BuildValue("(N)", S("stolen")));
    R("O_null", Py_BuildValue("(O)", NULL));
    R("O_null_with_exc", (PyErr_SetString(PyExc_KeyError, "pending"), Py_BuildValue("(O)", NULL)));
    R("O_amp", Py_BuildValue("(O&)", build_conv, "arg"));
    R("list", Py_BuildValue("[i,s,[i]]", 1, "a", 2));
    R("dict", Py_BuildValue("{s:i,i:[ii]}", "k", 1, 2, 3, 4));
    R("nested", Py_BuildValue("((ii)(s(d)))", 1, 2, "x", 0.5));
    R("separators", Py_BuildValue("( i , i : i )", 1, 2, 3));
    R("dict_unhashable", Py_BuildValue("{O:i}", Py_BuildValue("[]"), 1));
    R("bad_unit", Py_BuildValue("(i!)", 1));
    R("unclosed", Py_BuildValue("(ii", 1, 2));
    R("multiple_toplevel", Py_BuildValue("ii", 1, 2));
    R("bool_p", Py_BuildValue("(pp)", 3, 0));
    Py_DECREF(obj);
    END;
}

/* ================================================================== memory */

static PyObject *t_memory(PyObject *self, PyObject *unused)
{
    BEGIN;
    char *p = PyMem_Malloc(16);
    memcpy(p, "0123456789abcdef", 16);
    p = PyMem_Realloc(p, 1024);
    RB("mem_realloc_keeps", p && memcmp(p, "0123456789abcdef", 16) == 0);
    PyMem_Free(p);
    long *z = PyMem_Calloc(8, sizeof(long));
    long sum = 0;
    for (int i = 0; z && i < 8; i++) sum += z[i];
    RB("mem_calloc_zero", z && sum == 0);
    PyMem_Free(z);
    RB("mem_malloc0", (p = PyMem_Malloc(0)) != NULL);
    PyMem_Free(p);
    PyMem_Free(NULL);
    p = PyMem_Realloc(NULL, 8);
    RB("mem_realloc_null", p != NULL);
    PyMem_Free(p);
    p = PyObject_Malloc(100);
    memset(p, 7, 100);
    p = PyObject_Realloc(p, 5000);
    RB("obj_realloc_keeps", p && p[99] == 7);
    PyObject_Free(p);
    z = PyObject_Calloc(4, sizeof(long));
    RB("obj_calloc_zero", z && z[0] == 0 && z[3] == 0);
    PyObject_Free(z);
    p = PyMem_Malloc((size_t)PY_SSIZE_T_MAX + 1u);
    RB("mem_huge_null", p == NULL);
    /* PyObject_New / Init on extension-owned memory */
    {
        PyObject *o = PyObject_Malloc(sizeof(PyObject) + 16);
        PyObject *r = PyObject_Init(o, &PyBaseObject_Type);
        RB("object_init", r == o && Py_TYPE(o) == &PyBaseObject_Type);
        PyObject_Free(o); /* never released through the refcount: static-like */
    }
    END;
}

/* ======================================================= threads, lifecycle */

static PyObject *t_threadstate(PyObject *self, PyObject *unused)
{
    BEGIN;
    PyThreadState *ts = PyThreadState_Get();
    RB("threadstate_get", ts != NULL);
    RB("gilstate_getthisthreadstate", PyGILState_GetThisThreadState() == ts);
    PyObject *d = PyThreadState_GetDict();
    RB("threadstate_getdict", d != NULL && PyDict_Check(d));
    RB("threadstate_getdict_stable", PyThreadState_GetDict() == d);
#if API >= 0x03090000
    PyInterpreterState *interp = PyThreadState_GetInterpreter(ts);
    RB("getinterpreter@3.9", interp != NULL && interp == PyInterpreterState_Get());
    RI("interpreter_id@3.9", PyInterpreterState_GetID(interp));
    RB("interpreter_getdict@3.9", PyInterpreterState_GetDict(interp) != NULL);
#endif
#if API >= 0x030a0000
    RB("threadstate_getid@3.10", PyThreadState_GetID(ts) > 0);
#endif
    PyGILState_STATE g = PyGILState_Ensure(); /* nested ensure from a thread holding it */
    RB("gilstate_ensure_locked", g == PyGILState_LOCKED);
    PyGILState_Release(g);
    PyThreadState *saved = PyEval_SaveThread(); /* no API calls until restored */
    PyEval_RestoreThread(saved);
    RB("savethread_returns_ts", saved == ts);
    RB("restorethread", PyThreadState_Get() == ts);
    {
        unsigned long id = PyThread_get_thread_ident();
        RB("thread_ident", id != 0);
        PyThread_type_lock lock = PyThread_allocate_lock();
        RI("lock_acquire", PyThread_acquire_lock(lock, 1));
        RI("lock_acquire_nowait_busy", PyThread_acquire_lock(lock, 0));
        PyThread_release_lock(lock);
        RI("lock_reacquire", PyThread_acquire_lock(lock, 0));
        PyThread_release_lock(lock);
        PyThread_free_lock(lock);
    }
    RI("is_initialized", Py_IsInitialized());
#if API >= 0x030b0000
    RB("py_version@3.11", Py_Version >> 16 == 0x030f);
#endif
#if API >= 0x030a0000
    RI("gc_isenabled@3.10", PyGC_IsEnabled());
    RI("gc_disable_prev@3.10", PyGC_Disable());
    RI("gc_isenabled_after@3.10", PyGC_IsEnabled());
    RI("gc_enable_prev@3.10", PyGC_Enable());
#endif
    RB("gc_collect_nonneg", PyGC_Collect() >= 0);
#if API >= 0x030d0000
    RB("getconstant_none@3.13", Py_GetConstantBorrowed(Py_CONSTANT_NONE) == Py_None);
    RB("getconstant_true@3.13", Py_GetConstantBorrowed(Py_CONSTANT_TRUE) == Py_True);
    RB("getconstant_false@3.13", Py_GetConstantBorrowed(Py_CONSTANT_FALSE) == Py_False);
    RB("getconstant_ellipsis@3.13", Py_GetConstantBorrowed(Py_CONSTANT_ELLIPSIS) == Py_Ellipsis);
    RB("getconstant_notimpl@3.13", Py_GetConstantBorrowed(Py_CONSTANT_NOT_IMPLEMENTED) == Py_NotImplemented);
    R("getconstant_zero@3.13", Py_GetConstant(Py_CONSTANT_ZERO));
    R("getconstant_one@3.13", Py_GetConstant(Py_CONSTANT_ONE));
    R("getconstant_empty_str@3.13", Py_GetConstant(Py_CONSTANT_EMPTY_STR));
    R("getconstant_empty_bytes@3.13", Py_GetConstant(Py_CONSTANT_EMPTY_BYTES));
    R("getconstant_empty_tuple@3.13", Py_GetConstant(Py_CONSTANT_EMPTY_TUPLE));
    R("getconstant_bad@3.13", Py_GetConstant(12345));
#endif
    R("sys_getobject", PyObject_Type(PySys_GetObject("path")));
    RB("sys_getobject_missing", PySys_GetObject("no_such_attr_xyz") == NULL && !PyErr_Occurred());
    RI("sys_setobject", PySys_SetObject("testext_marker", I(1)));
    RBOR("sys_getobject_set", PySys_GetObject("testext_marker"));
    PySys_SetObject("testext_marker", NULL);
    RB("sys_deleted", PySys_GetObject("testext_marker") == NULL);
#if API >= 0x03090000
    RI("recursion_enter@3.9", Py_EnterRecursiveCall(" in test"));
    Py_LeaveRecursiveCall();
#endif
    END;
}

/* ============================================ helpers called by the embedder */

/* raise_type_error(): raises a TypeError from inside the extension */
static PyObject *raise_type_error(PyObject *self, PyObject *unused)
{
    PyErr_SetString(PyExc_TypeError, "raised in testext");
    return NULL;
}
/* raise_error(): raises testext.Error */
static PyObject *raise_error(PyObject *self, PyObject *arg)
{
    ext_state *st = PyModule_GetState(self);
    PyErr_SetObject(st->error, arg);
    return NULL;
}
/* identity(o): returns o; lets the embedder check object identity across the boundary */
static PyObject *identity(PyObject *self, PyObject *arg) { return NEWREF(arg); }
/* singletons(): (None, True, False, Ellipsis, NotImplemented, int type, TypeError) */
static PyObject *singletons(PyObject *self, PyObject *unused)
{
    return Py_BuildValue("(OOOOOOO)", Py_None, Py_True, Py_False, Py_Ellipsis, Py_NotImplemented,
                         (PyObject *)&PyLong_Type, PyExc_TypeError);
}
/* return_null(): returns NULL without an exception: the caller sees SystemError */
static PyObject *return_null(PyObject *self, PyObject *unused) { return NULL; }
/* result_and_error(): returns a value with an exception set: SystemError */
static PyObject *result_and_error(PyObject *self, PyObject *unused)
{
    PyErr_SetString(PyExc_ValueError, "set but returned a value");
    return NEWREF(Py_None);
}
/* gc_count(): deallocations of Node so far */
static PyObject *gc_count(PyObject *self, PyObject *unused) { return PyLong_FromLong(gc_dealloc_count); }
static PyObject *with_kwargs(PyObject *self, PyObject *args, PyObject *kwargs) { return parse_kw_impl(args, kwargs); }

static PyMethodDef testext_methods[] = {
    {"t_object", t_object, METH_NOARGS, NULL},
    {"t_number", t_number, METH_NOARGS, NULL},
    {"t_sequence", t_sequence, METH_NOARGS, NULL},
    {"t_mapping", t_mapping, METH_NOARGS, NULL},
    {"t_iter", t_iter, METH_NOARGS, NULL},
    {"t_buffer", t_buffer, METH_NOARGS, NULL},
    {"t_call", t_call, METH_NOARGS, NULL},
    {"t_long", t_long, METH_NOARGS, NULL},
    {"t_float", t_float, METH_NOARGS, NULL},
    {"t_unicode", t_unicode, METH_NOARGS, NULL},
    {"t_bytes", t_bytes, METH_NOARGS, NULL},
    {"t_tuple_list", t_tuple_list, METH_NOARGS, NULL},
    {"t_dict", t_dict, METH_NOARGS, NULL},
    {"t_set", t_set, METH_NOARGS, NULL},
    {"t_slice", t_slice, METH_NOARGS, NULL},
    {"t_capsule", t_capsule, METH_NOARGS, NULL},
    {"t_weakref", t_weakref, METH_NOARGS, NULL},
    {"t_errors", t_errors, METH_NOARGS, NULL},
    {"t_types", t_types, METH_NOARGS, NULL},
    {"t_module", t_module, METH_NOARGS, NULL},
    {"t_argparse", t_argparse, METH_NOARGS, NULL},
    {"t_buildvalue", t_buildvalue, METH_NOARGS, NULL},
    {"t_memory", t_memory, METH_NOARGS, NULL},
    {"t_threadstate", t_threadstate, METH_NOARGS, NULL},
    {"raise_type_error", raise_type_error, METH_NOARGS, NULL},
    {"raise_error", raise_error, METH_O, NULL},
    {"identity", identity, METH_O, NULL},
    {"singletons", singletons, METH_NOARGS, NULL},
    {"return_null", return_null, METH_NOARGS, NULL},
    {"result_and_error", result_and_error, METH_NOARGS, NULL},
    {"gc_count", gc_count, METH_NOARGS, NULL},
    {"with_kwargs", (PyCFunction)(void (*)(void))with_kwargs, METH_VARARGS | METH_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL}
};

static int testext_traverse(PyObject *m, visitproc visit, void *arg)
{
    ext_state *st = PyModule_GetState(m);
    if (st) Py_VISIT(st->error);
    return 0;
}
static int testext_clear(PyObject *m)
{
    ext_state *st = PyModule_GetState(m);
    if (st) Py_CLEAR(st->error);
    return 0;
}

static struct PyModuleDef testext_def = {
    PyModuleDef_HEAD_INIT,
    "testext",
    "Limited-API conformance tests (single-phase init).",
    sizeof(ext_state),
    testext_methods,
    NULL,
    testext_traverse,
    testext_clear,
    NULL
};

/* add a type made from spec; returns 0 or -1 */
static int add_type(PyObject *m, const char *name, PyObject *type)
{
    if (type == NULL) return -1;
#if API >= 0x030a0000
    int r = PyModule_AddObjectRef(m, name, type);
    Py_DECREF(type);
    return r;
#else
    if (PyModule_AddObject(m, name, type) < 0) { Py_DECREF(type); return -1; }
    return 0;
#endif
}

PyMODINIT_FUNC PyInit_testext(void)
{
    PyObject *m = PyModule_Create(&testext_def);
    if (m == NULL) return NULL;
    ext_state *st = PyModule_GetState(m);
    st->counter = 0;
    st->error = PyErr_NewException("testext.Error", PyExc_ValueError, NULL);
    if (st->error == NULL) goto fail;
    Py_INCREF(st->error);
    if (PyModule_AddObject(m, "Error", st->error) < 0) { Py_DECREF(st->error); goto fail; }

    point_type = PyType_FromSpec(&point_spec);
    if (point_type == NULL) goto fail;
    Py_INCREF(point_type); /* the module-level static keeps one reference */
    if (add_type(m, "Point", point_type) < 0) goto fail;
    if (add_type(m, "Countdown", PyType_FromSpec(&countdown_spec)) < 0) goto fail;
    if (add_type(m, "Node", PyType_FromSpec(&node_spec)) < 0) goto fail;
#if API >= 0x030a0000
    if (add_type(m, "Counter", PyType_FromModuleAndSpec(m, &counter_spec, NULL)) < 0) goto fail;
#endif
#if API >= 0x030b0000
    if (add_type(m, "Blob", PyType_FromSpec(&blob_spec)) < 0) goto fail;
#endif
#if API >= 0x030c0000
    if (add_type(m, "VCall", PyType_FromSpec(&vcall_spec)) < 0) goto fail;
#endif
    if (PyModule_AddIntConstant(m, "INT_CONST", 42) < 0) goto fail;
    if (PyModule_AddStringConstant(m, "STR_CONST", "s\xc3\xa9") < 0) goto fail;
#if API >= 0x030a0000
    {
        PyObject *o = Py_BuildValue("(ii)", 1, 2);
        int r = PyModule_AddObjectRef(m, "OBJ_CONST", o);
        Py_XDECREF(o);
        if (r < 0) goto fail;
    }
#else
    if (PyModule_AddObject(m, "OBJ_CONST", Py_BuildValue("(ii)", 1, 2)) < 0) goto fail;
#endif
#if API >= 0x030d0000
    if (PyModule_Add(m, "ADDED_CONST", PyFloat_FromDouble(0.5)) < 0) goto fail;
#else
    if (PyModule_AddObject(m, "ADDED_CONST", PyFloat_FromDouble(0.5)) < 0) goto fail;
#endif
    if (PyModule_AddIntMacro(m, Py_LT) < 0) goto fail;
    if (PyModule_AddObject(m, "MACRO_CONST", PyLong_FromLong(Py_GE)) < 0) goto fail;
    if (PyModule_AddIntConstant(m, "LIMITED_API", Py_LIMITED_API) < 0) goto fail;
    return m;
fail:
    Py_DECREF(m);
    return NULL;
}
