/* str and bytes methods on tricky inputs (area `text`). */
#include "common.h"

#define S(x) PyUnicode_FromString(x)
#define I(x) PyLong_FromLong(x)
#define B(x) PyBytes_FromString(x)
#define CM0(o, name) PyObject_CallMethodObjArgs(o, S(name), NULL)
#define CM(o, name, ...) PyObject_CallMethodObjArgs(o, S(name), __VA_ARGS__, NULL)

int main(void)
{
    BEGIN();
    PyObject *ws = S("\x1c" "a\xc2\x85" "b\xe3\x80\x80" "c\x0b" "d\x0c" "e\x1f" "f ");
    show("split_unicode_ws", CM0(ws, "split"));
    show("strip_unicode_ws", CM0(S("\xe3\x80\x80 x\xc2\x85"), "strip"));
    show("splitlines_all", CM0(S("a\x0b" "b\x0c" "c\x1c" "d\x1d" "e\x1e" "f\xc2\x85" "g\xe2\x80\xa8" "h\xe2\x80\xa9" "i\r\nj"), "splitlines"));
    show("splitlines_keep_all", CM(S("a\x0b" "b\r" "c"), "splitlines", Py_True));
    show("find_neg", CM(S("abcabc"), "find", S("c"), I(-2)));
    show("find_start_gt_len", CM(S("abc"), "find", S(""), I(4)));
    show("find_empty_at_len", CM(S("abc"), "find", S(""), I(3)));
    show("rfind_range", CM(S("abcabc"), "rfind", S("b"), I(0), I(4)));
    show("count_range", CM(S("aaaaa"), "count", S("a"), I(1), I(-1)));
    show("count_empty_range", CM(S("abc"), "count", S(""), I(1), I(2)));
    show("count_none", CM(S("abc"), "count", S("b"), Py_None, Py_None));
    show("index_found", CM(S("abc"), "index", S("c")));
    show("rindex_err", CM(S("abc"), "rindex", S("z")));
    show("replace_count0", CM(S("aaa"), "replace", S("a"), S("b"), I(0)));
    show("replace_empty_count", CM(S("abc"), "replace", S(""), S("-"), I(2)));
    show("startswith_start_gt", CM(S("abc"), "startswith", S(""), I(4)));
    show("startswith_empty_end", CM(S("abc"), "endswith", S(""), I(3)));
    show("startswith_neg", CM(S("abc"), "startswith", S("bc"), I(-2)));
    show("endswith_range", CM(S("abcdef"), "endswith", S("cd"), I(0), I(4)));
    show("center_odd", CM(S("abc"), "center", I(6)));
    show("center_even", CM(S("ab"), "center", I(5)));
    show("center_even2", CM(S("abc"), "center", I(8), S("*")));
    show("center_badfill", CM(S("abc"), "center", I(8), S("**")));
    show("zfill_plus", CM(S("+7"), "zfill", I(4)));
    show("zfill_short", CM(S("12345"), "zfill", I(3)));
    show("expandtabs_default", CM0(S("a\tb\r\tc\n\td"), "expandtabs"));
    show("expandtabs_zero", CM(S("a\tb"), "expandtabs", I(0)));
    show("partition_empty", CM(S("abc"), "partition", S("")));
    show("rsplit_none_max0", CM(S("  a b  "), "rsplit", Py_None, I(0)));
    show("split_none_max0", CM(S("  a b  "), "split", Py_None, I(0)));
    show("split_sep_max0", CM(S("a,b"), "split", S(","), I(0)));
    show("split_bad_sep", CM(S("a,b"), "split", I(1)));
    show("join_gen_err", CM(S(","), "join", I(5)));
    show("strip_chars_none", CM(S("  x  "), "strip", Py_None));
    show("strip_bad", CM(S("  x  "), "strip", I(1)));
    show("title_digits", CM0(S("hello 2world x1y"), "title"));
    show("capitalize_sigma", CM0(S("\xce\xa3\xce\xa3"), "capitalize"));
    show("swapcase_sigma", CM0(S("a\xce\xa3"), "swapcase"));
    show("lower_sigma_alone", CM0(S("\xce\xa3"), "lower"));
    show("lower_sigma_word", CM0(S("O\xce\xa3 \xce\xa3" "A"), "lower"));
    show("upper_ligature", CM0(S("\xef\xac\x81"), "upper"));
    show("casefold_ligature", CM0(S("\xef\xac\x81 \xe1\xba\x9e"), "casefold"));
    show("isidentifier_nonascii", CM0(S("\xe2\x84\x98x"), "isidentifier"));
    show("repr_sur", PyObject_Repr(PyUnicode_DecodeUTF8("\xed\xb0\x80", 3, "surrogatepass")));
    show("repr_priv", PyObject_Repr(S("\xee\x80\x80\xe2\x80\x8b\xc2\xa0\xcd\xb8")));
    show("ascii_all", PyObject_ASCII(S("a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\x7f")));
    /* bytes */
    show("b_split_ws", CM0(B("\x1c" "a\x0b" "b\x0c" "c "), "split"));
    show("b_strip", CM0(B("\x0b a \x1c"), "strip"));
    show("b_center", CM(B("ab"), "center", I(5)));
    show("b_count_empty", CM(B("abc"), "count", B("")));
    show("b_find_range", CM(B("abcabc"), "find", B("c"), I(3)));
    show("b_replace_empty", CM(B("ab"), "replace", B(""), B("-")));
    show("b_title", CM0(B("hello world"), "title"));
    show("b_join_ba", CM(B("-"), "join", PyTuple_Pack(2, PyByteArray_FromStringAndSize("x", 1), B("y"))));
    show("b_find_big", CM(B("abc"), "find", I(256)));
    show("b_find_str", CM(B("abc"), "find", S("a")));
    show("b_decode_bad", CM(B("abc"), "decode", S("bogus")));
    show("b_hex_bad_sep", CM(B("ab"), "hex", S("::")));
    show("b_splitlines", CM0(B("a\nb\r\nc\x0bd"), "splitlines"));
    show("b_expandtabs", CM0(B("a\tb"), "expandtabs"));
    show("b_zfill", CM(B("-3"), "zfill", I(4)));
    show("b_ljust", CM(B("ab"), "ljust", I(4), B("*")));
    show("b_isalnum", CM0(B("ab1"), "isalnum"));
    show("b_capitalize", CM0(B("hELLO"), "capitalize"));
    show("b_istitle", CM0(B("Hello World"), "istitle"));
    END();
}
