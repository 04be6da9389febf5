/* tuple, list, slice, sequence protocol */
#include "common.h"

/* SystemError messages carry CPython's C file and line: print the type only. */
static void show_x(const char *label, PyObject *o)
{
    if (o == NULL && PyErr_ExceptionMatches(PyExc_SystemError)) {
        PyErr_Clear();
        printf("%s: !SystemError\n", label);
        return;
    }
    show(label, o);
}
static void show_int_x(const char *label, long v)
{
    if (PyErr_Occurred() && PyErr_ExceptionMatches(PyExc_SystemError)) {
        PyErr_Clear();
        printf("%s: %ld and !SystemError\n", label, v);
        return;
    }
    show_int(label, v);
}
#define show show_x
#define show_int show_int_x

static PyObject *I(long v) { return PyLong_FromLong(v); }
static PyObject *S(const char *s) { return PyUnicode_FromString(s); }
static PyObject *bor(PyObject *o) { Py_XINCREF(o); return o; }

int main(void)
{
    BEGIN();
    /* tuple */
    PyObject *t = PyTuple_New(3);
    show_int("t.set0", PyTuple_SetItem(t, 0, I(1)));
    PyTuple_SetItem(t, 1, S("two"));
    PyTuple_SetItem(t, 2, I(3));
    show_int("t.set_oob", PyTuple_SetItem(t, 5, I(1)));
    show_int("t.set_notuple", PyTuple_SetItem(I(1), 0, I(1)));
    show("t", bor(t));
    show_int("t.size", PyTuple_Size(t));
    show_int("t.size_bad", PyTuple_Size(S("x")));
    show("t.get1", bor(PyTuple_GetItem(t, 1)));
    show("t.get_oob", bor(PyTuple_GetItem(t, 3)));
    show("t.get_neg", bor(PyTuple_GetItem(t, -1)));
    show("t.get_bad", bor(PyTuple_GetItem(I(3), 0)));
    show("t.slice", PyTuple_GetSlice(t, 1, 10));
    show("t.slice_neg", PyTuple_GetSlice(t, -5, 2));
    show("t.slice_bad", PyTuple_GetSlice(I(1), 0, 1));
    show("t.new_neg", PyTuple_New(-1));
    show("t.call", PyObject_CallFunction((PyObject *)&PyTuple_Type, "O", Py_BuildValue("[sss]", "a", "b", "c")));
    show("t.call_kw", PyObject_Call((PyObject *)&PyTuple_Type, PyTuple_New(0), Py_BuildValue("{s:i}", "x", 1)));
    show("t.call_2", PyObject_CallFunction((PyObject *)&PyTuple_Type, "ii", 1, 2));
    show("t.count", PyObject_CallMethod(t, "count", "i", 1));
    show("t.index", PyObject_CallMethod(t, "index", "s", "two"));
    show("t.index_miss", PyObject_CallMethod(t, "index", "i", 9));
    show("t.index_range", PyObject_CallMethod(t, "index", "iii", 1, 1, 3));
    show("t.concat", PySequence_Concat(t, t));
    show("t.concat_bad", PySequence_Concat(t, Py_BuildValue("[i]", 1)));
    show("t.repeat", PySequence_Repeat(t, 2));
    show("t.repeat0", PySequence_Repeat(t, 0));
    show("t.getitem_slice", PyObject_GetItem(t, PySlice_New(NULL, NULL, I(-1))));
    show("t.getitem_str", PyObject_GetItem(t, S("a")));
    show("t.getitem_neg", PyObject_GetItem(t, I(-1)));
    show("t.hash_eq", PyBool_FromLong(PyObject_Hash(t) == PyObject_Hash(Py_BuildValue("(isi)", 1, "two", 3))));
    show("t.iter", PySequence_List(PyObject_GetIter(t)));
    show("t.contains", PyLong_FromLong(PySequence_Contains(t, S("two"))));
    show("t.rich", PyObject_RichCompare(t, Py_BuildValue("(isi)", 1, "two", 4), Py_LT));
    show("t.repr1", PyObject_Repr(Py_BuildValue("(i)", 1)));

    /* list */
    PyObject *l = PyList_New(0);
    for (int i = 0; i < 6; i++) PyList_Append(l, I((i * 7) % 5));
    show("l", bor(l));
    show_int("l.size", PyList_Size(l));
    show_int("l.size_bad", PyList_Size(t));
    show("l.get", bor(PyList_GetItem(l, 2)));
    show("l.get_oob", bor(PyList_GetItem(l, 6)));
    show("l.get_bad", bor(PyList_GetItem(t, 0)));
    show("l.getref_bad", PyList_GetItemRef(t, 0));
    show("l.getref_oob", PyList_GetItemRef(l, -1));
    show_int("l.set", PyList_SetItem(l, 0, S("z")));
    show_int("l.set_oob", PyList_SetItem(l, 6, S("z")));
    show_int("l.set_bad", PyList_SetItem(t, 0, S("z")));
    show_int("l.insert", PyList_Insert(l, -100, S("first")));
    show_int("l.insert_null", PyList_Insert(l, 0, NULL));
    show_int("l.append_null", PyList_Append(l, NULL));
    show("l2", bor(l));
    show("l.slice", PyList_GetSlice(l, 2, 100));
    show_int("l.setslice", PyList_SetSlice(l, 0, 2, Py_BuildValue("(ss)", "a", "b")));
    show_int("l.setslice_str", PyList_SetSlice(l, 0, 0, PyObject_GetIter(Py_BuildValue("(ss)", "x", "y"))));
    show_int("l.setslice_bad", PyList_SetSlice(l, 0, 0, I(5)));
    show_int("l.delslice", PyList_SetSlice(l, 5, 100, NULL));
    show("l3", bor(l));
    show_int("l.sort_err", PyList_Sort(l));
    show("l4", bor(l));
    PyObject *l5 = Py_BuildValue("[iiiiiiiiiiiiiiiiiiii]", 5, 3, 9, 1, 1, 0, 44, 12, -3, 7, 8, 8, 2, 100, 55, 4, 6, 13, 0, 1);
    show_int("l5.sort", PyList_Sort(l5));
    show("l5", bor(l5));
    show_int("l5.reverse", PyList_Reverse(l5));
    show("l5r", bor(l5));
    PyObject *keyd = Py_BuildValue("{i:i,i:i,i:i,i:i}", 100, 0, 55, 0, 44, 1, 13, 1);
    show("l5.sort_key", PyObject_Call(PyObject_GetAttrString(l5, "sort"), PyTuple_New(0),
        Py_BuildValue("{sOsO}", "key", PyObject_GetAttrString(keyd, "get"), "reverse", Py_True)));
    show("l5.sortkw", PyObject_Call(PyObject_GetAttrString(l5, "sort"), PyTuple_New(0), Py_BuildValue("{si}", "x", 1)));
    show("l5.sortpos", PyObject_CallMethod(l5, "sort", "i", 1));
    show("l5s", bor(l5));
    PyObject *strs = Py_BuildValue("[ssss]", "bb", "a", "ccc", "dd");


    show("astuple", PyList_AsTuple(strs));
    show("astuple_bad", PyList_AsTuple(t));
    show("l.pop", PyObject_CallMethod(l5, "pop", NULL));
    show("l.pop0", PyObject_CallMethod(l5, "pop", "i", 0));
    show("l.pop_oob", PyObject_CallMethod(l5, "pop", "i", 99));
    show("l.pop_empty", PyObject_CallMethod(PyList_New(0), "pop", NULL));
    show("l.remove", PyObject_CallMethod(l5, "remove", "i", 8));
    show("l.remove_miss", PyObject_CallMethod(l5, "remove", "i", 999));
    show("l.index", PyObject_CallMethod(l5, "index", "i", 7));
    show("l.index_miss", PyObject_CallMethod(l5, "index", "i", 999));
    show("l.count", PyObject_CallMethod(l5, "count", "i", 1));
    show("l.extend", PyObject_CallMethod(l5, "extend", "O", Py_BuildValue("(ii)", -1, -2)));
    show("l.extend_bad", PyObject_CallMethod(l5, "extend", "i", 5));
    show("l.insertm", PyObject_CallMethod(l5, "insert", "ii", 2, 77));
    show("l.copy", PyObject_CallMethod(l5, "copy", NULL));
    show("l.clear", PyObject_CallMethod(strs, "clear", NULL));
    show("strs", bor(strs));
    show("l.call", PyObject_CallFunction((PyObject *)&PyList_Type, "O", Py_BuildValue("(sss)", "a", "b", "c")));
    show("l.call2", PyObject_CallFunction((PyObject *)&PyList_Type, "ii", 1, 2));
    show("l.call_kw", PyObject_Call((PyObject *)&PyList_Type, PyTuple_New(0), Py_BuildValue("{s:i}", "x", 1)));
    show("l.concat", PySequence_Concat(l5, Py_BuildValue("[i]", 1)));
    show("l.concat_bad", PySequence_Concat(l5, t));
    show("l.repeat", PySequence_Repeat(Py_BuildValue("[ii]", 1, 2), 3));
    show("l.repeat_neg", PySequence_Repeat(Py_BuildValue("[ii]", 1, 2), -3));
    show("l.irepeat", PySequence_InPlaceRepeat(Py_BuildValue("[ii]", 1, 2), 2));
    show("l.iconcat", PySequence_InPlaceConcat(Py_BuildValue("[ii]", 1, 2), Py_BuildValue("(ss)", "x", "y")));
    PyObject *m = Py_BuildValue("[iiiiiiiiii]", 0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    show("m.ext", PyObject_GetItem(m, PySlice_New(I(1), I(8), I(3))));
    show("m.extneg", PyObject_GetItem(m, PySlice_New(NULL, NULL, I(-2))));
    show_int("m.setext", PyObject_SetItem(m, PySlice_New(NULL, NULL, I(3)), Py_BuildValue("(ssss)", "a", "b", "c", "d")));
    show("m1", bor(m));
    show_int("m.setext_bad", PyObject_SetItem(m, PySlice_New(NULL, NULL, I(3)), Py_BuildValue("(s)", "a")));
    show_int("m.setext_notiter", PyObject_SetItem(m, PySlice_New(NULL, NULL, I(3)), I(4)));
    show_int("m.setslice_notiter", PyObject_SetItem(m, PySlice_New(NULL, I(2), NULL), I(4)));
    show_int("m.delext", PyObject_DelItem(m, PySlice_New(I(1), NULL, I(2))));
    show("m2", bor(m));
    show_int("m.del_oob", PyObject_DelItem(m, I(10)));
    show_int("m.set_oob", PyObject_SetItem(m, I(-10), I(1)));
    show_int("m.set_str", PyObject_SetItem(m, S("a"), I(1)));
    show_int("m.step0", PyObject_SetItem(m, PySlice_New(NULL, NULL, I(0)), I(1)));
    show("m.reversed", PySequence_List(PyObject_CallMethod(m, "__reversed__", NULL)));
    show("m.iter", PySequence_Tuple(m));
    show("m.eq", PyObject_RichCompare(m, PySequence_List(m), Py_EQ));
    show("m.lt", PyObject_RichCompare(m, Py_BuildValue("[s]", "b"), Py_LT));
    show("m.lt_bad", PyObject_RichCompare(m, Py_BuildValue("[i]", 1), Py_LT));

    {
        const char *fmts[] = {"[iiis]", "[isi]", "[si]", "[iiiis]", "[iisii]", "[iiiiiiis]"};
        PyObject *ls[] = {
            Py_BuildValue(fmts[0], 3, 2, 1, "x"), Py_BuildValue(fmts[1], 1, "x", 2),
            Py_BuildValue(fmts[2], "x", 1), Py_BuildValue(fmts[3], 5, 5, 3, 3, "a"),
            Py_BuildValue(fmts[4], 9, 1, "q", 4, 4), Py_BuildValue(fmts[5], 1, 2, 2, 1, 1, 0, 0, "z"),
        };
        for (int i = 0; i < 6; i++) {
            char label[32];
            snprintf(label, sizeof label, "sorterr%d", i);
            show_int(label, PyList_Sort(ls[i]));
            show(label, ls[i]);
        }
        PyObject *pairs = Py_BuildValue("[(ii)(ii)(ii)(ii)(ii)(ii)]", 2, 0, 1, 1, 2, 2, 1, 3, 0, 4, 2, 5);
        PyObject *kd = PyObject_GetAttrString(Py_BuildValue("{(ii)i(ii)i(ii)i(ii)i(ii)i(ii)i}",
            2, 0, 2, 1, 1, 1, 2, 2, 2, 1, 3, 1, 0, 4, 0, 2, 5, 2), "get");
        show("stable_key", PyObject_Call(PyObject_GetAttrString(pairs, "sort"), PyTuple_New(0), Py_BuildValue("{sO}", "key", kd)));
        show("stable", pairs);
        PyObject *bigl = PyList_New(0);
        for (long i = 0; i < 300; i++) { PyObject *x = I((i * 7919) % 257); PyList_Append(bigl, x); Py_DECREF(x); }
        show_int("big.sort", PyList_Sort(bigl));
        show("big.sorted", PyList_GetSlice(bigl, 0, 300));
        PyObject *bigp = PyList_New(0);
        for (long i = 0; i < 100; i++) { PyObject *x = Py_BuildValue("(ii)", (int)(i % 3), (int)i); PyList_Append(bigp, x); Py_DECREF(x); }
        PyObject *kd2 = PyDict_New();
        for (long i = 0; i < 100; i++) { PyObject *x = Py_BuildValue("(ii)", (int)(i % 3), (int)i); PyDict_SetItem(kd2, x, I(i % 3)); Py_DECREF(x); }
        show("big.rev_stable", PyObject_Call(PyObject_GetAttrString(bigp, "sort"), PyTuple_New(0),
            Py_BuildValue("{sOsO}", "key", PyObject_GetAttrString(kd2, "get"), "reverse", Py_True)));
        show("big.rev_stable_v", PyList_GetSlice(bigp, 0, 100));
    }

    /* slice */
    PyObject *sl = PySlice_New(I(1), NULL, I(-2));
    show("sl", bor(sl));
    show("sl.indices", PyObject_CallMethod(sl, "indices", "i", 10));
    show("sl.indices_neg", PyObject_CallMethod(sl, "indices", "i", -1));
    show("sl.start", PyObject_GetAttrString(sl, "start"));
    show("sl.step", PyObject_GetAttrString(sl, "step"));
    show("sl.eq", PyObject_RichCompare(sl, PySlice_New(I(1), Py_None, I(-2)), Py_EQ));
    show("sl.lt", PyObject_RichCompare(sl, PySlice_New(I(1), Py_None, I(-1)), Py_LT));
    show("sl.hash_ok", PyBool_FromLong(PyObject_Hash(sl) != -1));
    show("sl.call", PyObject_CallFunction((PyObject *)&PySlice_Type, "i", 5));
    show("sl.call0", PyObject_CallFunction((PyObject *)&PySlice_Type, NULL));
    show("sl.call4", PyObject_CallFunction((PyObject *)&PySlice_Type, "iiii", 1, 2, 3, 4));
    Py_ssize_t a, b, c, n;
    int r = PySlice_GetIndicesEx(sl, 10, &a, &b, &c, &n);
    printf("getindicesex: %d %zd %zd %zd %zd\n", r, a, b, c, n);
    r = PySlice_Unpack(PySlice_New(S("x"), NULL, NULL), &a, &b, &c);
    show_int("unpack_bad", r);
    r = PySlice_Unpack(PySlice_New(NULL, NULL, PyLong_FromLongLong(-9223372036854775807LL - 1)), &a, &b, &c);
    printf("unpack_minstep: %d %zd %zd %zd\n", r, a, b, c);
    r = PySlice_GetIndices(PySlice_New(I(2), I(20), NULL), 10, &a, &b, &c);
    printf("getindices_oob: %d\n", r);
    r = PySlice_GetIndices(PySlice_New(I(-3), NULL, NULL), 10, &a, &b, &c);
    printf("getindices_neg: %d %zd %zd %zd\n", r, a, b, c);

    /* sequence protocol */
    show_int("sq.check_tuple", PySequence_Check(t));
    show_int("sq.check_dict", PySequence_Check(PyDict_New()));
    show_int("sq.check_int", PySequence_Check(I(1)));
    show_int("sq.size_dict", PySequence_Size(PyDict_New()));
    show_int("sq.size_int", PySequence_Size(I(1)));
    show("sq.getitem_dict", PySequence_GetItem(PyDict_New(), 0));
    show("sq.getitem_int", PySequence_GetItem(I(1), 0));
    show_int("sq.setitem_tuple", PySequence_SetItem(t, 0, I(1)));
    show_int("sq.setitem_dict", PySequence_SetItem(PyDict_New(), 0, I(1)));
    show_int("sq.delitem_tuple", PySequence_DelItem(t, 0));
    show("sq.getslice_int", PySequence_GetSlice(I(1), 0, 1));
    show("sq.getslice_tuple", PySequence_GetSlice(Py_BuildValue("(iiii)", 1, 2, 3, 4), 1, -1));
    show_int("sq.setslice_tuple", PySequence_SetSlice(t, 0, 1, t));
    show_int("sq.delslice_tuple", PySequence_DelSlice(t, 0, 1));
    show_int("sq.count", PySequence_Count(Py_BuildValue("(sss)", "a", "b", "a"), S("a")));
    show_int("sq.count_int", PySequence_Count(I(5), I(1)));
    show_int("sq.index", PySequence_Index(Py_BuildValue("[iii]", 4, 5, 6), I(6)));
    show_int("sq.index_int", PySequence_Index(I(5), I(1)));
    show_int("sq.contains_int", PySequence_Contains(I(5), I(1)));
    show_int("sq.in", PySequence_In(Py_BuildValue("[ss]", "a", "b"), S("b")));
    show("sq.tuple_int", PySequence_Tuple(I(5)));
    show("sq.list_gen", PySequence_List(PyObject_GetIter(Py_BuildValue("(ss)", "x", "y"))));
    show("sq.fast", PySequence_Fast(PyObject_GetIter(Py_BuildValue("(ss)", "x", "y")), "nope"));
    show("sq.fast_err", PySequence_Fast(I(1), "nope"));
    show("sq.concat_int", PySequence_Concat(I(1), I(2)));
    show("sq.repeat_int", PySequence_Repeat(I(1), 2));
    show("sq.iconcat_int", PySequence_InPlaceConcat(I(1), I(2)));
    show("sq.null", PySequence_Concat(NULL, I(1)));
    END();
}
