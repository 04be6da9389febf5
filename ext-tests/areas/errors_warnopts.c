/* errors: -W style warning options given before start-up (PySys_AddWarnOption)
 * and the filter actions they select. stderr goes to stdout. */
#include "common.h"
#include <unistd.h>

/* Stable ABI functions that CPython 3.15's headers no longer declare. */
PyAPI_FUNC(void) PySys_AddWarnOption(const wchar_t *);
PyAPI_FUNC(void) PySys_AddWarnOptionUnicode(PyObject *);
PyAPI_FUNC(void) PySys_ResetWarnOptions(void);
PyAPI_FUNC(int) PySys_HasWarnOptions(void);

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    dup2(1, 2);
    PySys_AddWarnOption(L"error::RuntimeWarning");
    PySys_AddWarnOption(L"ignore::UserWarning");
    PySys_AddWarnOption(L"always::FutureWarning");
    PySys_AddWarnOption(L"once::SyntaxWarning");
    PySys_AddWarnOption(L"module::BytesWarning");
    PySys_AddWarnOption(L"error:Special:EncodingWarning");
    PySys_AddWarnOption(L"error::ImportWarning:only.this");
    PySys_AddWarnOption(L"error::UnicodeWarning::5");
    PySys_AddWarnOption(L"d::ResourceWarning");
    PySys_AddWarnOption(L"bogus");
    PySys_AddWarnOption(L"error::NoSuchWarning");
    PySys_AddWarnOption(L"error::ValueError");
    PySys_AddWarnOption(L"error:::mod:notanumber");
    PySys_AddWarnOption(L"error:::mod:-1");
    PySys_AddWarnOption(L"a:b:c:d:e:f");
    BEGIN();
    show("warnoptions", Py_XNewRef(PySys_GetObject("warnoptions")));
    show_int("haswarnoptions", PySys_HasWarnOptions());
    show_int("runtime_error", PyErr_WarnEx(PyExc_RuntimeWarning, "now an error", 1));
    show("runtime_error_exc", NULL);
    show_int("user_ignored", PyErr_WarnEx(PyExc_UserWarning, "ignored", 1));
    show_int("future_always1", PyErr_WarnEx(PyExc_FutureWarning, "always", 1));
    show_int("future_always2", PyErr_WarnEx(PyExc_FutureWarning, "always", 1));
    show_int("syntax_once1", PyErr_WarnExplicit(PyExc_SyntaxWarning, "once", "a.py", 1, "a", NULL));
    show_int("syntax_once2", PyErr_WarnExplicit(PyExc_SyntaxWarning, "once", "b.py", 2, "b", NULL));
    show_int("syntax_once_other", PyErr_WarnExplicit(PyExc_SyntaxWarning, "once other", "b.py", 2, "b", NULL));
    PyObject *reg = PyObject_GetAttrString(PyExc_ValueError, "__dict__");
    Py_XDECREF(reg);
    show_int("bytes_module1", PyErr_WarnEx(PyExc_BytesWarning, "module", 1));
    show_int("bytes_module2", PyErr_WarnEx(PyExc_BytesWarning, "module", 1));
    show_int("bytes_module_explicit1", PyErr_WarnExplicit(PyExc_BytesWarning, "mod", "m.py", 1, "m", NULL));
    show_int("bytes_module_explicit2", PyErr_WarnExplicit(PyExc_BytesWarning, "mod", "m.py", 2, "m", NULL));
    show_int("encoding_special", PyErr_WarnEx(PyExc_EncodingWarning, "special case", 1));
    show("encoding_special_exc", NULL);
    show_int("encoding_special_caseless", PyErr_WarnEx(PyExc_EncodingWarning, "SPECIAL too", 1));
    show("encoding_special_caseless_exc", NULL);
    show_int("encoding_other", PyErr_WarnEx(PyExc_EncodingWarning, "not special", 1));
    show_int("import_other_module", PyErr_WarnExplicit(PyExc_ImportWarning, "imp", "x.py", 1, "other", NULL));
    show_int("import_module", PyErr_WarnExplicit(PyExc_ImportWarning, "imp", "x.py", 1, "only.this", NULL));
    show("import_module_exc", NULL);
    show_int("import_module_prefix", PyErr_WarnExplicit(PyExc_ImportWarning, "imp", "x.py", 1, "only.this.not", NULL));
    show_int("unicode_line4", PyErr_WarnExplicit(PyExc_UnicodeWarning, "u", "u.py", 4, "u", NULL));
    show_int("unicode_line5", PyErr_WarnExplicit(PyExc_UnicodeWarning, "u", "u.py", 5, "u", NULL));
    show("unicode_line5_exc", NULL);
    show_int("resource_default", PyErr_WarnEx(PyExc_ResourceWarning, "res", 1));
    show_int("resource_default2", PyErr_WarnEx(PyExc_ResourceWarning, "res", 1));
    show_int("resource_source", PyErr_ResourceWarning(Py_None, 1, "with source %d", 1));
    show_int("deprecation_default", PyErr_WarnEx(PyExc_DeprecationWarning, "dep", 1));
    /* PySys_ResetWarnOptions empties sys.warnoptions (the filters stay) */
    PySys_ResetWarnOptions();
    show("warnoptions_reset", Py_XNewRef(PySys_GetObject("warnoptions")));
    show_int("haswarnoptions_reset", PySys_HasWarnOptions());
    PySys_AddWarnOption(L"ignore");
    PySys_AddWarnOptionUnicode(PyUnicode_FromString("error::Warning"));
    show("warnoptions_added", Py_XNewRef(PySys_GetObject("warnoptions")));
    show_int("runtime_still_error", PyErr_WarnEx(PyExc_RuntimeWarning, "still", 1));
    show("runtime_still_error_exc", NULL);
    END();
}
