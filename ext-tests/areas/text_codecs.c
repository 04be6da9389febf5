/* The codec registry and error handlers (area `text`). */
#include "common.h"
#include <string.h>

#define S(x) PyUnicode_FromString(x)
#define I(x) PyLong_FromLong(x)
#define B(x) PyBytes_FromString(x)

/* A registered codec "upper-x": encode = str.upper + utf-8, decode = lower. */
static PyObject *ux_encode(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *s = PyTuple_GetItem(args, 0);
    PyObject *u = PyObject_CallMethod(s, "upper", NULL);
    if (u == NULL) return NULL;
    PyObject *b = PyUnicode_AsUTF8String(u);
    Py_DECREF(u);
    if (b == NULL) return NULL;
    return Py_BuildValue("(Nn)", b, PyUnicode_GetLength(s));
}

static PyObject *ux_decode(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *b = PyTuple_GetItem(args, 0);
    PyObject *s = PyUnicode_FromEncodedObject(b, "utf-8", NULL);
    if (s == NULL) return NULL;
    PyObject *l = PyObject_CallMethod(s, "lower", NULL);
    Py_DECREF(s);
    if (l == NULL) return NULL;
    return Py_BuildValue("(Nn)", l, PyBytes_Size(b));
}

static PyMethodDef ux_defs[] = {
    {"ux_encode", ux_encode, METH_VARARGS, NULL},
    {"ux_decode", ux_decode, METH_VARARGS, NULL},
};

static PyObject *search(PyObject *self, PyObject *name)
{
    (void)self;
    if (PyUnicode_CompareWithASCIIString(name, "upper-x") != 0)
        Py_RETURN_NONE;
    PyObject *e = PyCFunction_New(&ux_defs[0], NULL);
    PyObject *d = PyCFunction_New(&ux_defs[1], NULL);
    return Py_BuildValue("(NNOO)", e, d, Py_None, Py_None);
}

static PyMethodDef search_def = {"search", search, METH_O, NULL};

static PyObject *call1(PyObject *f, PyObject *a)
{
    if (f == NULL) return NULL;
    return PyObject_CallFunctionObjArgs(f, a, NULL);
}

int main(void)
{
    BEGIN();
    show_int("known_utf8", PyCodec_KnownEncoding("utf8"));
    show_int("known_latin", PyCodec_KnownEncoding("Latin-1"));
    show_int("known_bogus", PyCodec_KnownEncoding("bogus"));
    show("encode", PyCodec_Encode(S("h\xc3\xa9"), "utf-8", NULL));
    show("encode_latin", PyCodec_Encode(S("h\xc3\xa9"), "latin-1", "strict"));
    show("encode_err", PyCodec_Encode(S("h\xe2\x82\xac"), "latin-1", NULL));
    show("encode_replace", PyCodec_Encode(S("h\xe2\x82\xac"), "latin-1", "replace"));
    show("encode_bogus", PyCodec_Encode(S("x"), "bogus", NULL));
    show("decode", PyCodec_Decode(B("h\xc3\xa9"), "utf-8", NULL));
    show("decode_err", PyCodec_Decode(B("h\xff"), "utf-8", NULL));
    show("decode_ignore", PyCodec_Decode(B("h\xff"), "ascii", "ignore"));
    show("decode_bytearray", PyCodec_Decode(PyByteArray_FromStringAndSize("ab", 2), "ascii", NULL));
    show("decode_str", PyCodec_Decode(S("ab"), "ascii", NULL));
    show("encoder_call", call1(PyCodec_Encoder("latin-1"), S("ab")));
    show("decoder_call", call1(PyCodec_Decoder("utf-16-le"), B("a\x00")));
    show("encoder_bogus", PyCodec_Encoder("bogus"));
    show("encoder_utf16", call1(PyCodec_Encoder("utf-16-be"), S("A")));
    show("encoder_uesc", call1(PyCodec_Encoder("unicode_escape"), S("a\n\xc3\xa9")));
    show("decoder_rawuesc", call1(PyCodec_Decoder("raw_unicode_escape"), B("\\u20ac\\n")));
    {
        PyObject *ie = PyCodec_IncrementalEncoder("utf-16", NULL);
        show("incenc_1", PyObject_CallMethodObjArgs(ie, S("encode"), S("a"), NULL));
        show("incenc_2", PyObject_CallMethodObjArgs(ie, S("encode"), S("b"), Py_True, NULL));
        Py_XDECREF(ie);
        ie = PyCodec_IncrementalEncoder("ascii", "replace");
        show("incenc_replace", PyObject_CallMethodObjArgs(ie, S("encode"), S("a\xc3\xa9"), NULL));
        show("incenc_errors", PyObject_GetAttrString(ie, "errors"));
        Py_XDECREF(ie);
        PyObject *id = PyCodec_IncrementalDecoder("utf-8", NULL);
        show("incdec_1", PyObject_CallMethodObjArgs(id, S("decode"), B("a\xe2\x82"), NULL));
        show("incdec_2", PyObject_CallMethodObjArgs(id, S("decode"), B("\xac!"), NULL));
        show("incdec_trunc_final", PyObject_CallMethodObjArgs(id, S("decode"), B("\xe2"), Py_True, NULL));
        Py_XDECREF(id);
        id = PyCodec_IncrementalDecoder("utf-16", NULL);
        show("incdec16_1", PyObject_CallMethodObjArgs(id, S("decode"), B("\xff"), NULL));
        show("incdec16_2", PyObject_CallMethodObjArgs(id, S("decode"), PyBytes_FromStringAndSize("\xfe" "A\x00" "B", 4), NULL));
        show("incdec16_3", PyObject_CallMethodObjArgs(id, S("decode"), PyBytes_FromStringAndSize("\x00", 1), Py_True, NULL));
        Py_XDECREF(id);
        show("incenc_bogus", PyCodec_IncrementalEncoder("bogus", NULL));
    }
    show("enc_utf16_spass", PyUnicode_AsEncodedString(PyUnicode_DecodeUTF8("a\xed\xa0\x80", 4, "surrogatepass"), "utf-16-le", "surrogatepass"));
    show("enc_utf16_strict", PyUnicode_AsEncodedString(PyUnicode_DecodeUTF8("a\xed\xa0\x80", 4, "surrogatepass"), "utf-16", NULL));
    show("enc_utf32_be", PyUnicode_AsEncodedString(S("a\xf0\x9f\x98\x80"), "utf-32-be", NULL));
    show("enc_latin_sesc", PyUnicode_AsEncodedString(PyUnicode_DecodeUTF8("a\xff", 2, "surrogateescape"), "latin-1", "surrogateescape"));
    show("enc_ascii_sesc_bad", PyUnicode_AsEncodedString(S("a\xc3\xa9"), "ascii", "surrogateescape"));
    show("enc_ascii_bs", PyUnicode_AsEncodedString(S("a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80"), "ascii", "backslashreplace"));
    show("enc_utf8_replace_sur", PyUnicode_AsEncodedString(PyUnicode_DecodeUTF8("a\xff\xfe", 3, "surrogateescape"), "utf-8", "replace"));
    show("enc_utf8_strict_sur", PyUnicode_AsEncodedString(PyUnicode_DecodeUTF8("a\xff\xfe", 3, "surrogateescape"), "utf-8", NULL));
    show("enc_uesc", PyUnicode_AsEncodedString(S("\t\\'\x01\xc3\xa9"), "unicode_escape", NULL));
    show("dec_utf32_sur", PyUnicode_Decode("\x00\xd8\x00\x00", 4, "utf-32-le", NULL));
    show("dec_utf32_trunc", PyUnicode_Decode("a\x00\x00", 3, "utf-32-le", "replace"));
    show("dec_utf32_bom", PyUnicode_Decode("\x00\x00\xfe\xff\x00\x00\x00A", 8, "utf-32", NULL));
    show("dec_utf16_lone_low", PyUnicode_Decode("\x00\xdc" "A\x00", 4, "utf-16-le", "backslashreplace"));
    show("dec_utf16_spass", PyUnicode_Decode("\x00\xdc" "A\x00", 4, "utf-16-le", "surrogatepass"));
    show("dec_uesc_oct", PyUnicode_Decode("\\101\\0\\777", 10, "unicode_escape", NULL));
    show("dec_uesc_bad_u", PyUnicode_Decode("\\u12", 4, "unicode_escape", "replace"));
    show("dec_uesc_big_U", PyUnicode_Decode("\\U00110000", 10, "unicode_escape", NULL));
    show("dec_rawuesc_big", PyUnicode_Decode("\\U00110000", 10, "raw_unicode_escape", NULL));
    show("dec_uesc_unknown", PyUnicode_Decode("\\q", 2, "unicode_escape", NULL));
    show("dec_utf8_overlong", PyUnicode_Decode("\xc0\x80", 2, "utf-8", "replace"));
    show("dec_utf8_4byte_bad", PyUnicode_Decode("\xf4\x90\x80\x80", 4, "utf-8", "replace"));
    show("dec_utf8_trunc_mid", PyUnicode_Decode("\xe2\x82" "a", 3, "utf-8", "replace"));
    show("dec_latin_alias", PyUnicode_Decode("\xe9", 1, "ISO-8859-1", NULL));
    show("dec_ascii_alias", PyUnicode_Decode("a", 1, "US-ASCII", NULL));
    show("dec_utf8_alias", PyUnicode_Decode("a", 1, "UTF8", NULL));
    /* the built-in error handlers */
    PyObject *strict = PyCodec_LookupError("strict");
    PyObject *ignore = PyCodec_LookupError("ignore");
    PyObject *replace = PyCodec_LookupError("replace");
    PyObject *xml = PyCodec_LookupError("xmlcharrefreplace");
    PyObject *bs = PyCodec_LookupError("backslashreplace");
    PyObject *sesc = PyCodec_LookupError("surrogateescape");
    PyObject *spass = PyCodec_LookupError("surrogatepass");
    show_int("lookup_null_is_strict", PyCodec_LookupError(NULL) == strict);
    show("lookup_bad", PyCodec_LookupError("bogus"));
    PyObject *ue = PyObject_CallFunctionObjArgs(PyExc_UnicodeEncodeError, S("ascii"), S("a\xc3\xa9\xe2\x82\xac" "b"), I(1), I(3), S("ordinal not in range(128)"), NULL);
    PyObject *ud = PyObject_CallFunctionObjArgs(PyExc_UnicodeDecodeError, S("utf-8"), B("a\xff\xfe" "b"), I(1), I(3), S("invalid start byte"), NULL);
    PyObject *ut = PyObject_CallFunctionObjArgs(PyExc_UnicodeTranslateError, S("a\xc3\xa9" "b"), I(1), I(2), S("no"), NULL);
    show("encode_error_str", PyObject_Str(ue));
    show("strict_errors", call1(strict, ue));
    show("strict_errors_api", PyCodec_StrictErrors(ud));
    show("strict_errors_int", PyCodec_StrictErrors(I(1)));
    show("ignore_enc", call1(ignore, ue));
    show("ignore_dec", PyCodec_IgnoreErrors(ud));
    show("ignore_tr", PyCodec_IgnoreErrors(ut));
    show("ignore_int", PyCodec_IgnoreErrors(I(1)));
    show("replace_enc", PyCodec_ReplaceErrors(ue));
    show("replace_dec", call1(replace, ud));
    show("replace_tr", PyCodec_ReplaceErrors(ut));
    show("xml_enc", PyCodec_XMLCharRefReplaceErrors(ue));
    show("xml_dec", call1(xml, ud));
    show("bs_enc", PyCodec_BackslashReplaceErrors(ue));
    show("bs_dec", call1(bs, ud));
    show("bs_tr", PyCodec_BackslashReplaceErrors(ut));
    show("sesc_dec", call1(sesc, ud));
    show("sesc_enc_fail", call1(sesc, ue));
    show("spass_enc_fail", call1(spass, ue));
    show("namereplace_dec", PyCodec_NameReplaceErrors(ud));
    /* a registered handler */
    show_int("register_error", PyCodec_RegisterError("myhandler", replace));
    show_int("lookup_registered", PyCodec_LookupError("myhandler") == replace);
    show("use_registered", PyUnicode_AsEncodedString(S("a\xc3\xa9"), "ascii", "myhandler"));
    show("use_registered_dec", PyUnicode_DecodeUTF8("a\xff", 2, "myhandler"));
    show_int("register_builtin", PyCodec_RegisterError("strict", replace));
    show_int("register_noncallable", PyCodec_RegisterError("x", I(1)));
    Py_DECREF(ue); Py_DECREF(ud); Py_DECREF(ut);
    {
        PyObject *fn = PyCFunction_New(&search_def, NULL);
        show_int("known_before", PyCodec_KnownEncoding("Upper-X"));
        show_int("register", PyCodec_Register(fn));
        show_int("register_bad", PyCodec_Register(I(1)));
        show_int("known_after", PyCodec_KnownEncoding("Upper-X"));
        show("reg_encode", PyCodec_Encode(S("abc"), "upper-x", NULL));
        show("reg_decode", PyCodec_Decode(B("ABC"), "upper-x", NULL));
        show("reg_asencoded", PyUnicode_AsEncodedString(S("abc"), "upper-x", NULL));
        show("reg_decode_fn", PyUnicode_Decode("XYZ", 3, "upper-x", NULL));
        show("reg_builtin_still", PyUnicode_AsEncodedString(S("abc"), "ascii", NULL));
        show("reg_unknown", PyCodec_Encode(S("abc"), "nope-x", NULL));
        show_int("unregister", PyCodec_Unregister(fn));
        show_int("known_unregistered", PyCodec_KnownEncoding("upper-x"));
        Py_DECREF(fn);
    }
    END();
}
