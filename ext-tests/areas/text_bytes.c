/* bytes and bytearray (area `text`). */
#include "common.h"
#include <string.h>

#define S(x) PyUnicode_FromString(x)
#define I(x) PyLong_FromLong(x)
#define B(x) PyBytes_FromString(x)
#define CM0(o, name) PyObject_CallMethodObjArgs(o, S(name), NULL)
#define CM(o, name, ...) PyObject_CallMethodObjArgs(o, S(name), __VA_ARGS__, NULL)

int main(void)
{
    BEGIN();
    PyObject *b = PyBytes_FromStringAndSize("a\0b", 3);
    show("fromstringandsize", Py_NewRef(b));
    show_int("size", PyBytes_Size(b));
    show_int("size_err", PyBytes_Size(S("x")));
    show_int("asstring_nul", PyBytes_AsString(b)[1] == '\0' && PyBytes_AsString(b)[3] == '\0');
    show("asstring_err", PyBytes_AsString(S("x")) ? S("no error") : NULL);
    show("fromstring", B("xyz"));
    show("fromstringandsize_neg", PyBytes_FromStringAndSize("a", -1));
    show("fromstringandsize_null", PyBytes_FromStringAndSize(NULL, 2) ? S("ok") : NULL);
    show("fromformat", PyBytes_FromFormat("%d-%s-%c-%x", 12, "ab", 'Q', 255));
    show("fromobject_tuple", PyBytes_FromObject(PyTuple_Pack(3, I(65), I(66), I(67))));
    show("fromobject_bad", PyBytes_FromObject(I(3)));
    show("fromobject_str", PyBytes_FromObject(S("s")));
    show("fromobject_range", PyBytes_FromObject(PyTuple_Pack(1, I(256))));
    show("fromobject_bytearray", PyBytes_FromObject(PyByteArray_FromStringAndSize("qq", 2)));
    show("fromobject_bytes", PyBytes_FromObject(b));
    show("object_bytes", PyObject_Bytes(b));
    show("object_bytes_ba", PyObject_Bytes(PyByteArray_FromStringAndSize("ba", 2)));
    show("object_bytes_int", PyObject_Bytes(I(3)));
    show("object_bytes_null", PyObject_Bytes(NULL));
    {
        char *buf; Py_ssize_t len;
        int r = PyBytes_AsStringAndSize(b, &buf, &len);
        show("asstringandsize", PyTuple_Pack(2, I(r), PyLong_FromSsize_t(len)));
        r = PyBytes_AsStringAndSize(b, &buf, NULL);
        show_int("asstringandsize_embedded_nul", r);
        show_int("asstringandsize_str", PyBytes_AsStringAndSize(S("x"), &buf, &len));
    }
    {
        PyObject *c = B("ab");
        PyBytes_Concat(&c, b);
        show("concat", c);
        PyObject *d = B("cd");
        PyBytes_ConcatAndDel(&d, B("ef"));
        show("concatanddel", d);
        PyObject *e = B("cd");
        PyBytes_Concat(&e, S("x"));
        show("concat_err", e);
        PyObject *f = B("cd");
        PyBytes_Concat(&f, PyByteArray_FromStringAndSize("zz", 2));
        show("concat_bytearray", f);
    }
    show("repr", PyObject_Repr(PyBytes_FromStringAndSize("\x00\x7f\x80'\"", 5)));
    show("repr_quote", PyObject_Repr(B("it's")));
    show("bytes_repr_smart", PyBytes_Repr(B("it's"), 1));
    show("bytes_repr_nosmart", PyBytes_Repr(B("it's"), 0));
    show("decodeescape", PyBytes_DecodeEscape("a\\n\x41\\101\\\\", 14, NULL, 0, NULL));
    show("decodeescape_bad", PyBytes_DecodeEscape("\x4", 3, NULL, 0, NULL));
    show("decodeescape_replace", PyBytes_DecodeEscape("\x4z", 4, "replace", 0, NULL));
    show("decodeescape_trailing", PyBytes_DecodeEscape("ab\\", 3, NULL, 0, NULL));
    show("decode", CM(b, "decode", S("latin-1")));
    show("decode_default", CM0(B("\xc3\xa9"), "decode"));
    show("decode_err", CM0(B("\xff"), "decode"));
    show("decode_replace", CM(B("a\xff"), "decode", S("utf-8"), S("replace")));
    show("getitem", PyObject_GetItem(b, I(2)));
    show("getitem_neg", PyObject_GetItem(b, I(-1)));
    show("getitem_oob", PyObject_GetItem(b, I(5)));
    show("getitem_bad", PyObject_GetItem(b, S("x")));
    show("seq_getitem", PySequence_GetItem(b, 0));
    show("slice", PyObject_GetItem(B("abcdef"), PySlice_New(I(1), I(4), NULL)));
    show("slice_step", PyObject_GetItem(B("abcdef"), PySlice_New(NULL, NULL, I(-2))));
    show_int("check", PyBytes_Check(b));
    show_int("check_bytearray", PyBytes_Check(PyByteArray_FromStringAndSize("", 0)));
    show("join", CM(B(", "), "join", PyTuple_Pack(2, B("a"), B("b"))));
    show("join_err", CM(B(", "), "join", PyTuple_Pack(2, B("a"), S("b"))));
    show("split", CM0(B("a b  c"), "split"));
    show("split_sep", CM(B("a,b,,c"), "split", B(",")));
    show("rsplit_max", CM(B("a,b,c"), "rsplit", B(","), I(1)));
    show("find", CM(B("hello"), "find", B("l")));
    show("find_int", CM(B("hello"), "find", I(111)));
    show("rfind", CM(B("hello"), "rfind", B("l")));
    show("index_err", CM(B("hello"), "index", B("z")));
    show("count", CM(B("hello"), "count", B("l")));
    show("startswith", CM(B("hello"), "startswith", B("he")));
    show("startswith_tuple", CM(B("hello"), "startswith", PyTuple_Pack(2, B("x"), B("h"))));
    show("startswith_err", CM(B("hello"), "startswith", S("he")));
    show("endswith", CM(B("hello"), "endswith", B("lo")));
    show("hex", CM0(B("\x01\xab\xff"), "hex"));
    show("hex_sep", CM(B("\x01\xab\xff"), "hex", S(":")));
    show("hex_sep2", CM(B("\x01\xab\xff\x02\x03"), "hex", S("-"), I(2)));
    show("hex_sepneg", CM(B("\x01\xab\xff\x02\x03"), "hex", S("-"), I(-2)));
    show("fromhex", PyObject_CallMethodObjArgs((PyObject *)&PyBytes_Type, S("fromhex"), S("01 ab ff"), NULL));
    show("fromhex_bad", PyObject_CallMethodObjArgs((PyObject *)&PyBytes_Type, S("fromhex"), S("0g"), NULL));
    show("fromhex_odd", PyObject_CallMethodObjArgs((PyObject *)&PyBytes_Type, S("fromhex"), S("abc"), NULL));
    show("replace", CM(B("aaa"), "replace", B("a"), B("bc"), I(2)));
    show("strip", CM0(B("  x  "), "strip"));
    show("lstrip_chars", CM(B("xxaxx"), "lstrip", B("x")));
    show("upper", CM0(B("abc1"), "upper"));
    show("lower", CM0(B("ABC1"), "lower"));
    show("isdigit", CM0(B("123"), "isdigit"));
    show("isalpha", CM0(B("ab1"), "isalpha"));
    show("partition", CM(B("a=b=c"), "partition", B("=")));
    show("rpartition", CM(B("a=b=c"), "rpartition", B("=")));
    show("removeprefix", CM(B("abc"), "removeprefix", B("a")));
    show_int("contains", PySequence_Contains(B("abc"), B("bc")));
    show_int("contains_int", PySequence_Contains(B("abc"), I(97)));
    show_int("contains_bad", PySequence_Contains(B("abc"), S("a")));
    show("concat_seq", PySequence_Concat(B("ab"), B("cd")));
    show("repeat", PySequence_Repeat(B("ab"), 3));
    show_int("len", PyObject_Length(B("abcd")));
    {
        PyObject *it = PyObject_GetIter(B("ab"));
        show("iter_type", PyObject_Repr((PyObject *)Py_TYPE(it)));
        show("iter1", PyIter_Next(it));
        show("iter2", PyIter_Next(it));
        PyObject *end = PyIter_Next(it);
        show_int("iter_end", end == NULL && !PyErr_Occurred());
        Py_DECREF(it);
    }
    show("bytes_call", PyObject_CallFunctionObjArgs((PyObject *)&PyBytes_Type, S("\xc3\xa9"), S("utf-8"), NULL));
    show("bytes_call_int", PyObject_CallFunctionObjArgs((PyObject *)&PyBytes_Type, I(2), NULL));
    show("bytes_call_neg", PyObject_CallFunctionObjArgs((PyObject *)&PyBytes_Type, I(-2), NULL));
    show("bytes_call_tuple", PyObject_CallFunctionObjArgs((PyObject *)&PyBytes_Type, PyTuple_Pack(2, I(1), I(2)), NULL));
    show("bytes_call_noenc", PyObject_CallFunctionObjArgs((PyObject *)&PyBytes_Type, S("x"), NULL));
    show("bytes_call_enc_noarg", PyObject_CallFunctionObjArgs((PyObject *)&PyBytes_Type, B("x"), S("utf-8"), NULL));
    show("bytes_call_float", PyObject_CallFunctionObjArgs((PyObject *)&PyBytes_Type, PyFloat_FromDouble(1.5), NULL));
    show("bytes_call_empty", PyObject_CallFunctionObjArgs((PyObject *)&PyBytes_Type, NULL));
    /* bytearray */
    PyObject *ba = PyByteArray_FromStringAndSize("hello", 5);
    show("ba", Py_NewRef(ba));
    show_int("ba_size", PyByteArray_Size(ba));
    show_int("ba_resize", PyByteArray_Resize(ba, 3));
    show("ba_after_resize", Py_NewRef(ba));
    PyByteArray_AsString(ba)[0] = 'J';
    show("ba_after_write", Py_NewRef(ba));
    show_int("ba_resize_grow", PyByteArray_Resize(ba, 6));
    show_int("ba_size_grown", PyByteArray_Size(ba));
    show_int("ba_resize_neg", PyByteArray_Resize(ba, -1));
    show_int("ba_resize_back", PyByteArray_Resize(ba, 3));
    show("ba_concat", PyByteArray_Concat(ba, b));
    show("ba_concat_err", PyByteArray_Concat(ba, S("x")));
    show("ba_fromobject", PyByteArray_FromObject(b));
    show("ba_fromobject_int", PyByteArray_FromObject(I(3)));
    show("ba_fromobject_str", PyByteArray_FromObject(S("x")));
    show("ba_fromstringandsize_neg", PyByteArray_FromStringAndSize("x", -1));
    show("ba_empty_asstring", PyUnicode_FromString(PyByteArray_AsString(PyByteArray_FromStringAndSize("", 0))));
    show_int("ba_setitem", PySequence_SetItem(ba, 0, I(300)));
    show_int("ba_setitem_ok", PySequence_SetItem(ba, 0, I(75)));
    show_int("ba_setitem_type", PySequence_SetItem(ba, 0, S("x")));
    show("ba_append", CM(ba, "append", I(33)));
    show("ba_extend", CM(ba, "extend", B("xy")));
    show("ba_extend_str", CM(ba, "extend", S("xy")));
    show("ba_pop", CM0(ba, "pop"));
    show("ba_insert", CM(ba, "insert", I(0), I(64)));
    show("ba_remove_err", CM(ba, "remove", I(1)));
    show("ba_final", Py_NewRef(ba));
    show("ba_decode", CM0(ba, "decode"));
    show("ba_upper", CM0(ba, "upper"));
    show("ba_split", CM0(PyByteArray_FromStringAndSize("a b", 3), "split"));
    show("ba_hex", CM0(ba, "hex"));
    show("ba_fromhex", PyObject_CallMethodObjArgs((PyObject *)&PyByteArray_Type, S("fromhex"), S("41 42"), NULL));
    show("ba_copy", CM0(ba, "copy"));
    show("ba_reverse", CM0(ba, "reverse"));
    show("ba_after_reverse", Py_NewRef(ba));
    show("ba_clear", CM0(ba, "clear"));
    show("ba_after_clear", Py_NewRef(ba));
    show("ba_pop_empty", CM0(ba, "pop"));
    show_int("ba_check", PyByteArray_Check(ba));
    show_int("ba_checkexact", PyByteArray_CheckExact(ba));
    show_int("ba_check_bytes", PyByteArray_Check(b));
    show("ba_str", PyObject_Str(PyByteArray_FromStringAndSize("a'", 2)));
    show("ba_getitem", PyObject_GetItem(PyByteArray_FromStringAndSize("ab", 2), I(1)));
    {
        PyObject *x = PyByteArray_FromStringAndSize("abcdef", 6);
        show("ba_slice", PyObject_GetItem(x, PySlice_New(I(1), I(3), NULL)));
        show_int("ba_slice_assign", PyObject_SetItem(x, PySlice_New(I(1), I(3), NULL), B("XYZ")));
        show("ba_after_slice_assign", Py_NewRef(x));
        show_int("ba_slice_del", PyObject_DelItem(x, PySlice_New(NULL, NULL, I(2))));
        show("ba_after_slice_del", Py_NewRef(x));
        show_int("ba_ext_slice_bad", PyObject_SetItem(x, PySlice_New(NULL, NULL, I(2)), B("a")));
        show_int("ba_slice_int", PyObject_SetItem(x, PySlice_New(NULL, NULL, NULL), I(3)));
        show_int("ba_item_del", PyObject_DelItem(x, I(0)));
        show("ba_after_item_del", Py_NewRef(x));
        Py_DECREF(x);
    }
    show("ba_call", PyObject_CallFunctionObjArgs((PyObject *)&PyByteArray_Type, S("\xc3\xa9"), S("utf-8"), NULL));
    show("ba_call_int", PyObject_CallFunctionObjArgs((PyObject *)&PyByteArray_Type, I(2), NULL));
    show("ba_call_noenc", PyObject_CallFunctionObjArgs((PyObject *)&PyByteArray_Type, S("x"), NULL));
    show("ba_inplace", PySequence_InPlaceConcat(ba, B("zz")));
    show("ba_after_inplace", Py_NewRef(ba));
    {
        PyObject *it = PyObject_GetIter(PyByteArray_FromStringAndSize("ab", 2));
        show("ba_iter_type", PyObject_Repr((PyObject *)Py_TYPE(it)));
        show("ba_iter1", PyIter_Next(it));
        Py_DECREF(it);
    }
    Py_DECREF(ba); Py_DECREF(b);
    END();
}
