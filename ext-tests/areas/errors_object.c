/* errors: the object protocol (attributes, hashing, comparison, truth,
 * isinstance/issubclass, dir, format). */
#include "common.h"
#include <string.h>

#define S(s) PyUnicode_FromString(s)
#define I(i) PyLong_FromLong(i)

static PyObject *newexc(PyObject *t, const char *msg)
{
    PyErr_SetString(t, msg);
    return PyErr_GetRaisedException();
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    BEGIN();
    PyObject *e = newexc(PyExc_ValueError, "obj");
    PyObject *name = S("color");

    /* set / get / del */
    show_int("setattr", PyObject_SetAttr(e, name, S("red")));
    show("getattr", PyObject_GetAttr(e, name));
    show_int("hasattr", PyObject_HasAttr(e, name));
    show_int("hasattrwitherror", PyObject_HasAttrWithError(e, name));
    show_int("hasattrstring", PyObject_HasAttrString(e, "color"));
    show_int("hasattrstringwitherror", PyObject_HasAttrStringWithError(e, "color"));
    show_int("delattr", PyObject_DelAttr(e, name));
    show_int("hasattr_after_del", PyObject_HasAttr(e, name));
    show_int("delattr_missing", PyObject_DelAttr(e, name));
    show_int("delattrstring_missing", PyObject_DelAttrString(e, "color"));
    show_int("setattrstring", PyObject_SetAttrString(e, "size", I(3)));
    show("getattrstring", PyObject_GetAttrString(e, "size"));
    show_int("delattrstring", PyObject_DelAttrString(e, "size"));
    show_int("setattr_nonstr", PyObject_SetAttr(e, I(1), I(2)));
    show("getattr_nonstr", PyObject_GetAttr(e, I(1)));
    show_int("hasattr_nonstr", PyObject_HasAttr(e, I(1)));
    show_int("hasattrwitherror_nonstr", PyObject_HasAttrWithError(e, I(1)));
    show_int("setattr_int", PyObject_SetAttrString(I(5), "x", I(1)));
    show_int("delattr_int_real", PyObject_DelAttrString(I(5), "real"));
    show_int("setattr_readonly", PyObject_SetAttrString(PyExc_ValueError, "__name__", I(1)));

    PyObject *r = (PyObject *)1;
    show_int("getoptional_found", PyObject_GetOptionalAttr(e, S("args"), &r));
    show("getoptional_value", r);
    show_int("getoptional_missing", PyObject_GetOptionalAttr(e, name, &r));
    show_int("getoptional_missing_null", r == NULL);
    show_int("getoptional_nonstr", PyObject_GetOptionalAttr(e, I(1), &r));
    show_int("getoptionalstring", PyObject_GetOptionalAttrString(e, "args", &r));
    show("getoptionalstring_value", r);
    show_int("getoptionalstring_missing", PyObject_GetOptionalAttrString(e, "nope", &r));

    /* generic attribute access */
    show("genericgetattr", PyObject_GenericGetAttr(e, S("args")));
    show("genericgetattr_missing", PyObject_GenericGetAttr(e, S("zzz")));
    show_int("genericsetattr", PyObject_GenericSetAttr(e, S("viaGeneric"), I(1)));
    show("genericgetdict", PyObject_GenericGetDict(e, NULL));
    show_int("genericsetdict_bad", PyObject_GenericSetDict(e, I(1), NULL));
    show_int("genericsetdict_del", PyObject_GenericSetDict(e, NULL, NULL));
    show("genericgetdict_int", PyObject_GenericGetDict(I(1), NULL));
    show_int("genericsetattr_int", PyObject_GenericSetAttr(I(1), S("x"), I(1)));
    show_int("genericsetattr_del_missing", PyObject_GenericSetAttr(e, S("nothere"), NULL));

    /* hashing */
    show_int("hash_int", (long)PyObject_Hash(I(42)));
    show_int("hash_minus1", (long)PyObject_Hash(I(-1)));
    show_int("hash_none_ok", PyObject_Hash(Py_None) != -1);
    show_int("hash_exc_ok", PyObject_Hash(e) != -1);
    show_int("hash_dict", (long)PyObject_Hash(PyObject_GenericGetDict(e, NULL)));
    show_int("hashnotimpl", (long)PyObject_HashNotImplemented(e));

    /* comparison */
    show("richcmp_lt", PyObject_RichCompare(I(1), I(2), Py_LT));
    show("richcmp_ge", PyObject_RichCompare(I(1), I(2), Py_GE));
    show("richcmp_eq_mixed", PyObject_RichCompare(I(1), S("1"), Py_EQ));
    show("richcmp_ne_mixed", PyObject_RichCompare(I(1), S("1"), Py_NE));
    show("richcmp_lt_mixed", PyObject_RichCompare(I(1), S("1"), Py_LT));
    show("richcmp_str", PyObject_RichCompare(S("abc"), S("abd"), Py_LE));
    show("richcmp_exc_eq", PyObject_RichCompare(e, e, Py_EQ));
    show("richcmp_exc_lt", PyObject_RichCompare(e, e, Py_GT));
    show_int("richcmpbool_same", PyObject_RichCompareBool(e, e, Py_EQ));
    show_int("richcmpbool_same_ne", PyObject_RichCompareBool(e, e, Py_NE));
    show_int("richcmpbool_lt", PyObject_RichCompareBool(I(3), I(2), Py_LT));
    show_int("richcmpbool_err", PyObject_RichCompareBool(I(3), Py_None, Py_LT));

    /* truth */
    show_int("istrue_0", PyObject_IsTrue(I(0)));
    show_int("istrue_7", PyObject_IsTrue(I(7)));
    show_int("istrue_none", PyObject_IsTrue(Py_None));
    show_int("istrue_empty_str", PyObject_IsTrue(S("")));
    show_int("istrue_exc", PyObject_IsTrue(e));
    show_int("not_0", PyObject_Not(I(0)));
    show_int("not_str", PyObject_Not(S("x")));
    show("type", PyObject_Type(e));
    show("type_null", PyObject_Type(NULL));

    /* isinstance / issubclass */
    show_int("isinstance", PyObject_IsInstance(e, PyExc_Exception));
    show_int("isinstance_no", PyObject_IsInstance(e, PyExc_KeyError));
    PyObject *tup = PyObject_GetAttrString(PyExc_KeyError, "__bases__");
    show_int("isinstance_tuple_no", PyObject_IsInstance(e, tup));
    show_int("issubclass_tuple", PyObject_IsSubclass(PyExc_KeyError, tup));
    Py_DECREF(tup);
    tup = PyObject_GetAttrString(PyExc_KeyError, "__mro__");
    show_int("isinstance_tuple_yes", PyObject_IsInstance(e, tup));
    Py_DECREF(tup);
    show_int("isinstance_bad", PyObject_IsInstance(e, I(1)));
    show_int("issubclass", PyObject_IsSubclass(PyExc_KeyError, PyExc_LookupError));
    show_int("issubclass_same", PyObject_IsSubclass(PyExc_KeyError, PyExc_KeyError));
    show_int("issubclass_no", PyObject_IsSubclass(PyExc_LookupError, PyExc_KeyError));
    show_int("issubclass_bad1", PyObject_IsSubclass(I(1), PyExc_KeyError));
    show_int("issubclass_bad2", PyObject_IsSubclass(PyExc_KeyError, I(1)));
    show_int("issubclass_type_object", PyObject_IsSubclass((PyObject *)&PyType_Type, (PyObject *)&PyBaseObject_Type));
    /* an abstract class: anything with a __bases__ tuple */
    PyObject *fake = newexc(PyExc_ValueError, "fake class");
    PyObject *bases = PyObject_GetAttrString(PyExc_KeyError, "__bases__");
    PyObject_SetAttrString(fake, "__bases__", bases);
    Py_DECREF(bases);
    show_int("issubclass_abstract", PyObject_IsSubclass(fake, PyExc_LookupError));
    show_int("issubclass_abstract_no", PyObject_IsSubclass(fake, PyExc_KeyError));
    show_int("issubclass_abstract_cls", PyObject_IsSubclass(PyExc_KeyError, fake));
    show_int("isinstance_abstract", PyObject_IsInstance(e, fake));
    show_int("issubclass_abstract_self", PyObject_IsSubclass(fake, fake));
    PyObject_SetAttrString(fake, "__bases__", I(3));
    show_int("issubclass_abstract_badbases", PyObject_IsSubclass(fake, PyExc_LookupError));
    Py_DECREF(fake);

    /* dir and format */
    {   /* the public names (dunders come from other areas' slot wrappers) */
        PyObject *d = PyObject_Dir(e);
        PyObject *r = d ? PyObject_Repr(d) : NULL;
        char buf[4096];
        snprintf(buf, sizeof buf, "%s", r ? u8(r) : "?");
        printf("dir_exc:");
        for (char *tok = strtok(buf, "[], "); tok; tok = strtok(NULL, "[], "))
            if (strncmp(tok, "'_", 2) != 0)
                printf(" %s", tok);
        printf("\n");
        Py_XDECREF(r);
        Py_XDECREF(d);
    }
    show("dir_null", PyObject_Dir(NULL));
    show("format_int_empty", PyObject_Format(I(42), NULL));
    show("format_str_empty", PyObject_Format(S("s"), S("")));
    show("format_exc_empty", PyObject_Format(e, S("")));
    show("format_exc_spec", PyObject_Format(e, S(">10")));
    show("format_spec_int", PyObject_Format(e, I(1)));
    show("format_none", PyObject_Format(Py_None, NULL));
    Py_DECREF(name);
    Py_DECREF(e);
    END();
}
