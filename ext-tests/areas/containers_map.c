/* dict, views, mappingproxy, set/frozenset, mapping protocol, iterators */
#include "common.h"

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
/* str hashes vary per process: show the size of a set holding strings */
static PyObject *n(PyObject *o) { if (!o) return NULL; PyObject *r = PyLong_FromSsize_t(PyObject_Size(o)); Py_DECREF(o); return r; }

int main(void)
{
    BEGIN();
    PyObject *d = PyDict_New();
    show_int("d.set", PyDict_SetItem(d, S("a"), I(1)));
    show_int("d.setstr", PyDict_SetItemString(d, "b", I(2)));
    show_int("d.set_int", PyDict_SetItem(d, I(3), S("three")));
    show_int("d.set_unhash", PyDict_SetItem(d, PyList_New(0), I(0)));
    show_int("d.set_bad", PyDict_SetItem(I(1), I(1), I(1)));
    show("d", bor(d));
    show("d.get", bor(PyDict_GetItem(d, S("a"))));
    show_int("d.get_unhash_noerr", PyDict_GetItem(d, PyList_New(0)) == NULL && !PyErr_Occurred());
    show_int("d.get_notdict", PyDict_GetItem(I(1), I(1)) == NULL && !PyErr_Occurred());
    show("d.getwe_unhash", bor(PyDict_GetItemWithError(d, PyList_New(0))));
    show("d.getwe_bad", bor(PyDict_GetItemWithError(I(1), I(1))));
    show("d.getstr", bor(PyDict_GetItemString(d, "b")));
    PyObject *v = (PyObject *)1;
    int r = PyDict_GetItemRef(d, S("zz"), &v);
    printf("getref_miss: %d %d\n", r, v == NULL);
    r = PyDict_GetItemStringRef(d, "a", &v);
    printf("getstrref: %d\n", r); show("getstrref.v", v);
    r = PyDict_GetItemRef(I(1), S("zz"), &v);
    show_int("getref_bad", r);
    show_int("d.contains", PyDict_Contains(d, I(3)));
    show_int("d.contains_unhash", PyDict_Contains(d, PyDict_New()));
    show_int("d.size", PyDict_Size(d));
    show_int("d.size_bad", PyDict_Size(I(1)));
    show("d.keys", PyDict_Keys(d));
    show("d.values", PyDict_Values(d));
    show("d.items", PyDict_Items(d));
    show("d.keys_bad", PyDict_Keys(I(2)));
    show_int("d.del", PyDict_DelItem(d, S("a")));
    show_int("d.del_miss", PyDict_DelItem(d, S("a")));
    show_int("d.delstr_miss", PyDict_DelItemString(d, "nope"));
    show_int("d.update", PyDict_Update(d, Py_BuildValue("{s:i,s:i}", "x", 1, "b", 20)));
    show_int("d.update_int", PyDict_Update(d, I(1)));
    show_int("d.merge_noover", PyDict_Merge(d, Py_BuildValue("{s:i,s:i}", "x", 100, "y", 2), 0));
    show_int("d.mergeseq", PyDict_MergeFromSeq2(d, Py_BuildValue("[(si)(si)]", "x", 5, "z", 6), 0));
    show_int("d.mergeseq_bad", PyDict_MergeFromSeq2(d, Py_BuildValue("[i]", 5), 1));
    show_int("d.mergeseq_len", PyDict_MergeFromSeq2(d, Py_BuildValue("[(iii)]", 5, 6, 7), 1));
    show("d2", bor(d));
    PyObject *res = NULL;
    r = PyDict_SetDefaultRef(d, S("sd"), I(1), &res);
    printf("sdr: %d\n", r); show("sdr.v", res);
    r = PyDict_SetDefaultRef(d, S("sd"), I(2), &res);
    printf("sdr2: %d\n", r); show("sdr2.v", res);
    {
        Py_ssize_t pos = 0; PyObject *k, *val; PyObject *acc = PyList_New(0);
        while (PyDict_Next(d, &pos, &k, &val)) PyList_Append(acc, k);
        show("next", acc);
    }
    show("d.copy", PyDict_Copy(d));
    show("d.m.get", PyObject_CallMethod(d, "get", "s", "x"));
    show("d.m.get_def", PyObject_CallMethod(d, "get", "si", "nope", 7));
    show("d.m.get0", PyObject_CallMethod(d, "get", NULL));
    show("d.m.pop", PyObject_CallMethod(d, "pop", "s", "x"));
    show("d.m.pop_miss", PyObject_CallMethod(d, "pop", "s", "x"));
    show("d.m.pop_def", PyObject_CallMethod(d, "pop", "si", "x", 0));
    show("d.m.popitem", PyObject_CallMethod(d, "popitem", NULL));
    show("d.m.popitem_empty", PyObject_CallMethod(PyDict_New(), "popitem", NULL));
    show("d.m.setdefault", PyObject_CallMethod(d, "setdefault", "s", "q"));
    show("d.m.fromkeys", PyObject_CallMethod((PyObject *)&PyDict_Type, "fromkeys", "(ii)i", 1, 2, 0));
    show("d.m.update_kw", PyObject_Call(PyObject_GetAttrString(d, "update"), Py_BuildValue("([(ii)])", 9, 9), Py_BuildValue("{s:i}", "kw", 1)));
    show("d.m.update2", PyObject_CallMethod(d, "update", "ii", 1, 2));
    show("d3", bor(d));
    show("d.keysview", PyObject_CallMethod(d, "keys", NULL));
    show("d.valuesview", PyObject_CallMethod(d, "values", NULL));
    show("d.itemsview", PyObject_CallMethod(d, "items", NULL));
    PyObject *kv = PyObject_CallMethod(d, "keys", NULL);
    show_int("kv.len", PyObject_Length(kv));
    show_int("kv.contains", PySequence_Contains(kv, S("q")));
    show("kv.list", PySequence_List(kv));
    show("kv.rev", PySequence_List(PyObject_CallMethod(kv, "__reversed__", NULL)));
    show("kv.and", PyNumber_And(kv, Py_BuildValue("[ss]", "q", "zz")));
    show("kv.or", n(PyNumber_Or(kv, Py_BuildValue("[i]", 1))));
    show("kv.sub", n(PyNumber_Subtract(kv, Py_BuildValue("[s]", "q"))));
    show("kv.eq", PyObject_RichCompare(kv, PySet_New(kv), Py_EQ));
    show("kv.le", PyObject_RichCompare(kv, PySet_New(NULL), Py_LE));
    show("kv.isdisjoint", PyObject_CallMethod(kv, "isdisjoint", "O", Py_BuildValue("[s]", "q")));
    PyObject *iv = PyObject_CallMethod(d, "items", NULL);
    show_int("iv.contains", PySequence_Contains(iv, Py_BuildValue("(si)", "kw", 1)));
    show_int("iv.contains_no", PySequence_Contains(iv, Py_BuildValue("(si)", "kw", 2)));
    show("iv.rev", PySequence_List(PyObject_CallMethod(iv, "__reversed__", NULL)));
    show("d.reversed", PySequence_List(PyObject_CallMethod(d, "__reversed__", NULL)));
    {
        PyObject *it = PyObject_GetIter(d);
        show("it.next", PyIter_Next(it));
        PyDict_SetItemString(d, "new", I(0));
        show("it.changed", PyIter_Next(it));
        show("it.changed2", PyIter_Next(it));
        Py_DECREF(it);
    }
    {
        PyObject *dd = Py_BuildValue("{i:i,i:i}", 1, 1, 2, 2);
        PyObject *it = PyObject_GetIter(dd);
        show("kc.next", PyIter_Next(it));
        PyDict_DelItem(dd, PyLong_FromLong(2));
        PyDict_SetItem(dd, PyLong_FromLong(3), PyLong_FromLong(3));
        show("kc.next2", PyIter_Next(it));
        show("kc.next3", PyIter_Next(it));
        show("view.mapping", PyObject_GetAttrString(PyObject_CallMethod(dd, "keys", NULL), "mapping"));
    }
    show("d.or", PyNumber_Or(Py_BuildValue("{i:i}", 1, 1), Py_BuildValue("{i:i,i:i}", 1, 2, 3, 3)));
    show("d.ior", PyNumber_InPlaceOr(Py_BuildValue("{i:i}", 1, 1), Py_BuildValue("[(ii)]", 5, 5)));
    show("d.call", PyObject_Call((PyObject *)&PyDict_Type, Py_BuildValue("([(ii)])", 1, 2), Py_BuildValue("{s:i}", "a", 3)));
    show("d.call2", PyObject_CallFunction((PyObject *)&PyDict_Type, "ii", 1, 2));
    show("d.call_bad", PyObject_CallFunction((PyObject *)&PyDict_Type, "i", 1));
    show("d.eq", PyObject_RichCompare(Py_BuildValue("{i:i}", 1, 1), Py_BuildValue("{i:i}", 1, 1), Py_EQ));
    PyDict_Clear(d);
    show("d.cleared", bor(d));

    /* mappingproxy */
    PyObject *src = Py_BuildValue("{s:i}", "k", 1);
    PyObject *mp = PyDictProxy_New(src);
    show("mp", bor(mp));
    show("mp.get", PyObject_GetItem(mp, S("k")));
    show("mp.get_miss", PyObject_GetItem(mp, S("z")));
    show_int("mp.set", PyObject_SetItem(mp, S("k"), I(2)));
    show_int("mp.len", PyObject_Length(mp));
    show_int("mp.contains", PySequence_Contains(mp, S("k")));
    show("mp.keys", PyObject_CallMethod(mp, "keys", NULL));
    show("mp.m.get", PyObject_CallMethod(mp, "get", "si", "z", 5));
    show("mp.copy", PyObject_CallMethod(mp, "copy", NULL));
    PyDict_SetItemString(src, "live", I(7));
    show("mp.live", bor(mp));
    show("mp.bad", PyDictProxy_New(I(1)));
    show("mp.list", PyDictProxy_New(PyList_New(0)));
    show("mp.or", PyNumber_Or(mp, Py_BuildValue("{i:i}", 1, 1)));

    /* sets */
    PyObject *s = PySet_New(NULL);
    long vals[] = {3, 1, 2, 100, 17, 33, 8, 64, -1, 5};
    for (int i = 0; i < 10; i++) PySet_Add(s, I(vals[i]));
    show("s", bor(s));
    show_int("s.add_dup", PySet_Add(s, I(3)));
    show_int("s.add_unhash", PySet_Add(s, PyList_New(0)));
    show_int("s.add_bad", PySet_Add(I(1), I(1)));
    show_int("s.size", PySet_Size(s));
    show_int("s.size_bad", PySet_Size(I(1)));
    show_int("s.contains", PySet_Contains(s, I(17)));
    show_int("s.contains_unhash", PySet_Contains(s, PyList_New(0)));
    show_int("s.contains_set", PySet_Contains(s, PySet_New(NULL)));
    show_int("s.discard", PySet_Discard(s, I(17)));
    show_int("s.discard_miss", PySet_Discard(s, I(17)));
    show_int("s.discard_frozen", PySet_Discard(PyFrozenSet_New(NULL), I(1)));
    show("s2", bor(s));
    show("s.pop", PySet_Pop(s));
    show("s.pop2", PySet_Pop(s));
    show("s3", bor(s));
    show("s.list", PySequence_List(s));
    PyObject *fs = PyFrozenSet_New(Py_BuildValue("[iiii]", 5, 6, 5, 1));
    show("fs", bor(fs));
    show_int("fs.add_fresh", PySet_Add(PyFrozenSet_New(NULL), I(1)));
    show_int("fs.add_shared", PySet_Add(fs, I(1)));
    show_int("fs.pop", PySet_Pop(fs) == NULL);
    PyErr_Clear();
    show("fs.hash_eq", PyBool_FromLong(PyObject_Hash(fs) == PyObject_Hash(PyFrozenSet_New(Py_BuildValue("[iii]", 1, 6, 5)))));
    show("fs.empty", PyFrozenSet_New(NULL));
    show("s.empty", PySet_New(NULL));
    show("s.new_err", PySet_New(I(5)));
    show("s.new_unhash", PySet_New(Py_BuildValue("[[]]")));
    show("s.or", PyNumber_Or(s, fs));
    show("s.and", PyNumber_And(s, PySet_New(Py_BuildValue("[iii]", 1, 2, 3))));
    show("s.sub", PyNumber_Subtract(s, PySet_New(Py_BuildValue("[iii]", 1, 2, 3))));
    show("s.xor", PyNumber_Xor(s, PySet_New(Py_BuildValue("[iii]", 1, 2, 999))));
    show("fs.or", PyNumber_Or(fs, s));
    show("s.union", PyObject_CallMethod(s, "union", "OO", Py_BuildValue("[i]", 7), Py_BuildValue("(i)", 77)));
    show("s.inter", PyObject_CallMethod(s, "intersection", "O", Py_BuildValue("[ii]", 1, 100)));
    show("s.diff", PyObject_CallMethod(s, "difference", "O", Py_BuildValue("[ii]", 1, 100)));
    show("s.symdiff", PyObject_CallMethod(s, "symmetric_difference", "O", Py_BuildValue("[ii]", 1, 1000)));
    show("s.issubset", PyObject_CallMethod(s, "issubset", "O", Py_BuildValue("[iiiiiiiiiiii]", 1, 2, 3, 100, 33, 8, 64, -1, 5, 0, 0, 0)));
    show("s.issuperset", PyObject_CallMethod(s, "issuperset", "O", Py_BuildValue("[ii]", 1, 2)));
    show("s.isdisjoint", PyObject_CallMethod(s, "isdisjoint", "O", Py_BuildValue("[ii]", 1000, 2000)));
    show("s.remove_miss", PyObject_CallMethod(s, "remove", "i", 4242));
    show("s.remove_unhash", PyObject_CallMethod(s, "remove", "O", PyList_New(0)));
    show("s.copy", PyObject_CallMethod(s, "copy", NULL));
    show("s.upd", PyObject_CallMethod(s, "update", "OO", Py_BuildValue("[ii]", 40, 41), Py_BuildValue("{i:i}", 42, 0)));
    show("s.iupd", PyObject_CallMethod(s, "intersection_update", "O", Py_BuildValue("[iiii]", 40, 41, 1, 5)));
    show("s4", bor(s));
    show("s.dupd", PyObject_CallMethod(s, "difference_update", "O", Py_BuildValue("[i]", 40)));
    show("s.sdupd", PyObject_CallMethod(s, "symmetric_difference_update", "O", Py_BuildValue("[ii]", 41, 9)));
    show("s5", bor(s));
    show("s.lt", PyObject_RichCompare(s, PySet_New(Py_BuildValue("[iiiii]", 1, 5, 9, 10, 11)), Py_LT));
    show("s.eq_fs", PyObject_RichCompare(s, PyFrozenSet_New(s), Py_EQ));
    show("s.lt_int", PyObject_RichCompare(s, I(3), Py_LT));
    show("s.call", PyObject_CallFunction((PyObject *)&PySet_Type, "O", Py_BuildValue("(iii)", 3, 2, 1)));
    show("s.call_kw", PyObject_Call((PyObject *)&PySet_Type, PyTuple_New(0), Py_BuildValue("{s:i}", "x", 1)));
    show("fs.call", PyObject_CallFunction((PyObject *)&PyFrozenSet_Type, "O", Py_BuildValue("(iii)", 3, 2, 1)));
    show("fs.call2", PyObject_CallFunction((PyObject *)&PyFrozenSet_Type, "ii", 3, 2));
    show("fs.nested", PyFrozenSet_New(Py_BuildValue("[OO]", fs, PyFrozenSet_New(NULL))));
    {
        PyObject *it = PyObject_GetIter(s);
        show("sit.next", PyIter_Next(it));
        PySet_Add(s, I(12345));
        show("sit.changed", PyIter_Next(it));
        Py_DECREF(it);
    }
    show_int("s.clear", PySet_Clear(s));
    show("s.cleared", bor(s));
    PyObject *big = PySet_New(NULL);
    for (int i = 0; i < 50; i++) PySet_Add(big, I(i * 37 % 101));
    show("big", bor(big));
    for (int i = 0; i < 50; i += 3) PySet_Discard(big, I(i * 37 % 101));
    show("big2", PySet_New(big));

    /* mapping protocol */
    PyObject *md = Py_BuildValue("{s:i,s:i}", "a", 1, "b", 2);
    show_int("mp.check_dict", PyMapping_Check(md));
    show_int("mp.check_list", PyMapping_Check(PyList_New(0)));
    show_int("mp.check_int", PyMapping_Check(I(1)));
    show_int("mp.size", PyMapping_Size(md));
    show_int("mp.size_tuple", PyMapping_Size(PyTuple_New(0)));
    show_int("mp.size_int", PyMapping_Length(I(1)));
    show("mp.getstr", PyMapping_GetItemString(md, "a"));
    show("mp.getstr_miss", PyMapping_GetItemString(md, "zz"));
    show_int("mp.setstr", PyMapping_SetItemString(md, "c", I(3)));
    show_int("mp.haskey", PyMapping_HasKey(md, S("c")));
    show_int("mp.haskeystr", PyMapping_HasKeyString(md, "q"));
    show_int("mp.haskeywe", PyMapping_HasKeyWithError(md, PyList_New(0)));
    show_int("mp.haskeystrwe", PyMapping_HasKeyStringWithError(md, "a"));
    v = NULL;
    r = PyMapping_GetOptionalItem(md, S("c"), &v);
    printf("getopt: %d\n", r); show("getopt.v", v);
    v = (PyObject *)1;
    r = PyMapping_GetOptionalItemString(md, "zz", &v);
    printf("getopt_miss: %d %d\n", r, v == NULL);
    v = (PyObject *)1;
    r = PyMapping_GetOptionalItem(Py_BuildValue("[i]", 1), S("x"), &v);
    show_int("getopt_list", r);
    show("mp.keys", PyMapping_Keys(md));
    show("mp.values", PyMapping_Values(md));
    show("mp.items", PyMapping_Items(md));
    show("mp.keys_proxy", PyMapping_Keys(mp));
    show("mp.items_list", PyMapping_Items(PyList_New(0)));
    show_int("mp.delstr", PyMapping_DelItemString(md, "a"));
    show_int("mp.del", PyMapping_DelItem(md, S("zz")));
    show_int("obj.delstr", PyObject_DelItemString(md, "b"));
    show_int("obj.del_tuple", PyObject_DelItem(PyTuple_New(0), I(0)));
    show_int("obj.set_int", PyObject_SetItem(I(1), I(0), I(0)));
    show("obj.get_int", PyObject_GetItem(I(1), I(0)));
    show("obj.get_null", PyObject_GetItem(NULL, I(0)));
    show_int("obj.size", PyObject_Size(md));
    show_int("obj.size_int", PyObject_Size(I(1)));

    /* iterators */
    PyObject *it = PyObject_GetIter(Py_BuildValue("[ii]", 1, 2));
    show_int("iter.check", PyIter_Check(it));
    show_int("iter.check_list", PyIter_Check(PyList_New(0)));
    PyObject *item = NULL;
    r = PyIter_NextItem(it, &item);
    printf("nextitem: %d\n", r); show("nextitem.v", item);
    PyIter_NextItem(it, &item); Py_XDECREF(item);
    r = PyIter_NextItem(it, &item);
    printf("nextitem_end: %d %d\n", r, item == NULL);
    show_int("nextitem_bad", PyIter_NextItem(I(1), &item));
    show("iter.int", PyObject_GetIter(I(1)));
    show("selfiter", PyObject_SelfIter(bor(it)) == it ? S("same") : NULL);
    show("seqiter", PySequence_List(PySeqIter_New(Py_BuildValue("(ii)", 4, 5))));
    show("seqiter_bad", PySeqIter_New(I(1)));
    PyObject *res2 = NULL;
    r = PyIter_Send(PyObject_GetIter(Py_BuildValue("[i]", 8)), Py_None, &res2);
    printf("send: %d\n", r); show("send.v", res2);
    r = PyIter_Send(PyObject_GetIter(PyList_New(0)), Py_None, &res2);
    printf("send_end: %d\n", r); show("send_end.v", res2);
    show_int("aiter_check", PyAIter_Check(it));
    show("getaiter", PyObject_GetAIter(it));
    show("tupleiter", PySequence_List(PyObject_GetIter(Py_BuildValue("(iii)", 1, 2, 3))));
    show("listiter_len", PyObject_CallMethod(PyObject_GetIter(Py_BuildValue("[iii]", 1, 2, 3)), "__length_hint__", NULL));
    END();
}
