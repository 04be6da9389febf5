/* CPython 3.15's compiled _testlimitedcapi and _testclinic_limited, imported by
 * an embedding program (PyImport_ImportModule) and called with a fixed set of
 * arguments; the same program runs on CPython 3.15 and on Carapace and the
 * outputs are compared. Usage: calls DIR (the folder holding the modules). */
#include <Python.h>
#include <stdio.h>
#include <string.h>

static PyObject *T, *C;

static void show(const char *what, PyObject *o)
{
    if (o == NULL) {
        PyObject *exc = PyErr_GetRaisedException();
        PyObject *name = PyType_GetName(Py_TYPE(exc));
        PyObject *msg = PyObject_Str(exc);
        printf("%s -> %s: %s\n", what, name ? PyUnicode_AsUTF8AndSize(name, NULL) : "?",
               msg ? PyUnicode_AsUTF8AndSize(msg, NULL) : "?");
        PyErr_Clear();
        Py_XDECREF(name);
        Py_XDECREF(msg);
        Py_DECREF(exc);
        return;
    }
    PyObject *r = PyObject_Repr(o);
    printf("%s = %s\n", what, r ? PyUnicode_AsUTF8AndSize(r, NULL) : "<repr failed>");
    if (r == NULL) PyErr_Clear();
    Py_XDECREF(r);
    Py_DECREF(o);
}

/* Call MOD.NAME(*ARGS) where ARGS is built by Py_BuildValue(FMT, ...) (a tuple). */
static void callf(PyObject *mod, const char *name, const char *fmt, ...)
{
    char what[200];
    snprintf(what, sizeof what, "%s%s", name, fmt ? fmt : "()");
    PyObject *f = PyObject_GetAttrString(mod, name);
    if (f == NULL) { show(what, NULL); return; }
    va_list va;
    va_start(va, fmt);
    PyObject *args = fmt ? Py_VaBuildValue(fmt, va) : PyTuple_New(0);
    va_end(va);
    show(what, args ? PyObject_CallObject(f, args) : NULL);
    Py_XDECREF(args);
    Py_DECREF(f);
}

int main(int argc, char **argv)
{
    if (argc != 2) { fprintf(stderr, "usage: calls DIR\n"); return 2; }
    Py_Initialize();
    PyObject *dir = PyUnicode_FromString(argv[1]);
    PyList_Insert(PySys_GetObject("path"), 0, dir);
    Py_DECREF(dir);
    T = PyImport_ImportModule("_testlimitedcapi");
    C = PyImport_ImportModule("_testclinic_limited");
    if (T == NULL || C == NULL) { show("import", NULL); return 1; }

    /* The module's own self-tests: every test_* function, no arguments. */
    PyObject *names = PyObject_Dir(T);
    for (Py_ssize_t i = 0; i < PyList_Size(names); i++) {
        const char *n = PyUnicode_AsUTF8AndSize(PyList_GetItem(names, i), NULL);
        if (strncmp(n, "test_", 5) == 0) callf(T, n, NULL);
    }
    Py_DECREF(names);

    callf(T, "bytes_fromstringandsize", "(y#n)", "abc", (Py_ssize_t)3, (Py_ssize_t)2);
    callf(T, "bytes_concat", "(yy)", "ab", "cd");
    callf(T, "bytes_size", "(y)", "hello");
    callf(T, "bytes_size", "(s)", "hello");
    callf(T, "bytearray_fromobject", "(y)", "xyz");
    callf(T, "dict_getitemstring", "({s:i}y)", "a", 1, "a");
    callf(T, "dict_setitem", "({s:i}si)", "a", 1, "b", 2);
    callf(T, "dict_size", "({s:i,s:i})", "a", 1, "b", 2);
    callf(T, "dict_contains", "({s:i}s)", "a", 1, "z");
    callf(T, "dict_keys", "({s:i,s:i})", "a", 1, "b", 2);
    callf(T, "dict_getitem", "({s:i}[])", "a", 1);
    callf(T, "list_getitem", "([iii]n)", 1, 2, 3, (Py_ssize_t)5);
    callf(T, "list_get_item_ref", "([iii]n)", 1, 2, 3, (Py_ssize_t)1);
    callf(T, "list_getslice", "([iiii]nn)", 1, 2, 3, 4, (Py_ssize_t)1, (Py_ssize_t)3);
    callf(T, "list_astuple", "([si])", "x", 2);
    callf(T, "list_sort", "([iii])", 3, 1, 2);
    callf(T, "list_size", "(i)", 3);
    callf(T, "tuple_getitem", "((ii)n)", 1, 2, (Py_ssize_t)-1);
    callf(T, "tuple_size", "((iii))", 1, 2, 3);
    callf(T, "tuple_pack", "(nii)", (Py_ssize_t)2, 7, 8);
    callf(T, "set_new", "([iii])", 1, 1, 2);
    callf(T, "set_size", "([i])", 1);
    callf(T, "float_fromstring", "(s)", "2.5");
    callf(T, "float_fromstring", "(s)", "x");
    callf(T, "float_asdouble", "(i)", 3);
    callf(T, "float_getinfo", NULL);
    callf(T, "complex_fromdoubles", "(dd)", 1.5, -2.0);
    callf(T, "pylong_aslong", "(s)", "no");
    callf(T, "pylong_aslong", "(L)", (long long)1 << 62);
    callf(T, "pylong_aslongandoverflow", "(N)", PyLong_FromString("99999999999999999999999", NULL, 10));
    callf(T, "pylong_asint32", "(L)", (long long)1 << 40);
    callf(T, "pylong_asuint64", "(i)", -1);
    callf(T, "pylong_fromstring", "(yi)", "0x1f", 0);
    callf(T, "pylong_asdouble", "(N)", PyLong_FromString("1" "000000000000000000000000000000", NULL, 10));
    callf(T, "pylong_as_size_t", "(i)", -5);
    callf(T, "unicode_fromstringandsize", "(y#n)", "hello", (Py_ssize_t)5, (Py_ssize_t)3);
    callf(T, "unicode_fromordinal", "(i)", 0x1F600);
    callf(T, "unicode_fromordinal", "(i)", 0x110000);
    callf(T, "unicode_getlength", "(s)", "h\xc3\xa9llo");
    callf(T, "unicode_concat", "(ss)", "ab", "cd");
    callf(T, "unicode_split", "(ssn)", "a,b,c", ",", (Py_ssize_t)1);
    callf(T, "unicode_rsplit", "(ssn)", "a,b,c", ",", (Py_ssize_t)1);
    callf(T, "unicode_splitlines", "(si)", "a\nb\r\nc", 1);
    callf(T, "unicode_partition", "(ss)", "key=value", "=");
    callf(T, "unicode_join", "(s[sss])", "-", "a", "b", "c");
    callf(T, "unicode_count", "(ssnn)", "banana", "an", (Py_ssize_t)0, (Py_ssize_t)6);
    callf(T, "unicode_find", "(ssnni)", "banana", "na", (Py_ssize_t)0, (Py_ssize_t)6, -1);
    callf(T, "unicode_findchar", "(sinni)", "banana", 'n', (Py_ssize_t)0, (Py_ssize_t)6, 1);
    callf(T, "unicode_replace", "(sssn)", "aaaa", "a", "b", (Py_ssize_t)2);
    callf(T, "unicode_compare", "(ss)", "abc", "abd");
    callf(T, "unicode_richcompare", "(ssi)", "abc", "abd", Py_LT);
    callf(T, "unicode_tailmatch", "(ssnni)", "hello", "lo", (Py_ssize_t)0, (Py_ssize_t)5, 1);
    callf(T, "unicode_substring", "(snn)", "hello", (Py_ssize_t)1, (Py_ssize_t)3);
    callf(T, "unicode_readchar", "(sn)", "h\xc3\xa9", (Py_ssize_t)1);
    callf(T, "unicode_asutf8string", "(s)", "h\xc3\xa9");
    callf(T, "unicode_asutf16string", "(s)", "hi");
    callf(T, "unicode_aslatin1string", "(s)", "\xe2\x82\xac");
    callf(T, "unicode_decodeutf8", "(y#s)", "a\xff", (Py_ssize_t)2, "replace");
    callf(T, "unicode_decodeutf8stateful", "(y#s)", "a\xc3", (Py_ssize_t)2, "strict");
    callf(T, "unicode_asunicodeescapestring", "(s)", "a\n\xc3\xa9");
    callf(T, "unicode_equaltoutf8", "(sy)", "abc", "abc");
    callf(T, "unicode_equaltoutf8andsize", "(sy#)", "abc", "abcd", (Py_ssize_t)3);
    callf(T, "unicode_isidentifier", "(s)", "a1");
    callf(T, "unicode_format", "(s(i))", "%05d", 42);
    callf(T, "unicode_contains", "(ss)", "hello", "ell");
    callf(T, "sequence_repeat", "([i]n)", 1, (Py_ssize_t)3);
    callf(T, "sequence_index", "((iii)i)", 1, 2, 3, 3);
    callf(T, "sequence_count", "((iii)i)", 1, 1, 3, 1);
    callf(T, "sequence_tuple", "(s)", "abc");
    callf(T, "mapping_keys", "({s:i})", "k", 1);
    callf(T, "mapping_haskeystring", "({s:i}y)", "k", 1, "k");
    callf(T, "object_repr", "(s)", "x");
    callf(T, "object_ascii", "(s)", "\xc3\xa9");
    callf(T, "object_getattrstring", "(iy)", 1, "real");
    callf(T, "object_hasattrstring", "(iy)", 1, "nope");
    callf(T, "number_check", "(d)", 1.0);
    callf(T, "slice_new", "(iii)", 1, 10, 2);
    callf(T, "slice_adjustindices", "(Nn)", PySlice_New(NULL, NULL, NULL), (Py_ssize_t)5);
    callf(T, "pack_version", "(ii)", 3, 15);
    callf(T, "pack_full_version", "(iiiii)", 3, 15, 0, 0xf, 0);
    callf(T, "get_type_name", "(O)", (PyObject *)&PyLong_Type);
    callf(T, "get_type_qualname", "(O)", (PyObject *)&PyFloat_Type);
    callf(T, "get_type_fullyqualname", "(O)", (PyObject *)&PyDict_Type);
    callf(T, "get_type_module_name", "(O)", (PyObject *)&PyDict_Type);
    callf(T, "type_getflags", "(O)", (PyObject *)&PyBool_Type);
    callf(T, "type_issubtype", "(OO)", (PyObject *)&PyBool_Type, (PyObject *)&PyLong_Type);
    callf(T, "get_constant", "(i)", 4);
    callf(T, "get_constant_borrowed", "(i)", 99);
    callf(T, "pyweakref_check", "(i)", 1);
    callf(T, "sys_getobject", "(y)", "nonexistent");
    callf(T, "sys_getoptionalattrstring", "(y)", "nonexistent");
    callf(T, "eval_get_func_name", "(O)", (PyObject *)&PyLong_Type);
    callf(T, "eval_get_func_desc", "(O)", (PyObject *)&PyLong_Type);
    callf(T, "_py_getbuiltwithassert", NULL);

    /* PEP 793/820: modules and classes from PySlot arrays, every case CPython's
       test_capi.test_slots/test_module use; the spec is an object with a
       `name` attribute, like their FakeSpec. */
    static const char *module_cases[] = {
        "basic", "exec", "foreign_slot", "intptr_methods", "invalid", "invalid_fbad",
        "multi_interp", "nested", "nested_max", "nested_old", "nested_old_max",
        "nested_old_over_limit", "nested_over_limit", "nested_pingpong",
        "nonstatic_mod_methods", "optional_end", "optional_invalid",
        "optional_invalid_fbad", "repeat_create", "repeat_exec", "repeat_gil", "state_size"};
    PyObject *spec = PyModule_New("spec");
    PyObject_SetAttrString(spec, "name", PyUnicode_FromString("module"));
    for (size_t i = 0; i < sizeof module_cases / sizeof *module_cases; i++) {
        char what[100];
        snprintf(what, sizeof what, "module_from_slots('%s')", module_cases[i]);
        PyObject *f = PyObject_GetAttrString(T, "module_from_slots");
        PyObject *m = PyObject_CallFunction(f, "sO", module_cases[i], spec);
        Py_DECREF(f);
        if (m != NULL && PyModule_Check(m)) {
            PyObject *d = PyObject_Dir(m);
            Py_DECREF(m);
            show(what, d);
        } else {
            show(what, m);
        }
    }
    Py_DECREF(spec);
    static const char *type_cases[] = {
        "basic", "basicsize", "extra_basicsize", "flags", "foreign_slot",
        "intptr_flags_macro", "intptr_flags_struct", "intptr_static", "invalid",
        "invalid_fbad", "itemsize", "matmul_123", "nested", "nested_max", "nested_old",
        "nested_old_max", "nested_old_over_limit", "nested_over_limit",
        "nested_pingpong", "nonstatic_tp_members", "optional_end", "optional_invalid",
        "optional_invalid_fbad", "repeat_add", "repeat_module"};
    for (size_t i = 0; i < sizeof type_cases / sizeof *type_cases; i++) {
        char what[100];
        snprintf(what, sizeof what, "type_from_slots('%s')", type_cases[i]);
        show(what, PyObject_CallMethod(T, "type_from_slots", "s", type_cases[i]));
    }
    callf(T, "make_heaptype_with_member", "(iiii)", 0, -8, 0, 1);
    callf(T, "make_heaptype_with_member", "(iiii)", 0, -8, -1, 1);
    callf(T, "make_heaptype_with_member", "(iiii)", 0, 1234, 0, 1);
    callf(T, "subclass_heaptype", "(Oii)", (PyObject *)&PyLong_Type, -8, 0);
    callf(T, "get_heaptype_for_name", NULL);
    callf(T, "eval_get_recursion_limit", NULL);

    callf(C, "test_empty_function", NULL);
    callf(C, "my_int_func", "(i)", 7);
    callf(C, "my_int_func", "(s)", "x");
    callf(C, "my_int_sum", "(ii)", 2, 40);
    callf(C, "my_int_sum", "(i)", 2);
    callf(C, "my_float_sum", "(dd)", 0.5, 0.25);
    callf(C, "my_double_sum", "(dd)", 1e300, 1e300);
    callf(C, "get_file_descriptor", "(i)", 3);
    Py_DECREF(T);
    Py_DECREF(C);
    fflush(stdout);
    return Py_FinalizeEx() < 0 ? 1 : 0;
}
