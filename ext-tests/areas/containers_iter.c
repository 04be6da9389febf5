/* range, enumerate, reversed, zip, map, filter */
#include "common.h"

static PyObject *I(long v) { return PyLong_FromLong(v); }
static PyObject *T(PyObject *type, PyObject *args, PyObject *kw) { return PyObject_Call(type, args, kw); }
#define R ((PyObject *)&PyRange_Type)

int main(void)
{
    BEGIN();
    PyObject *rg = PyObject_CallFunction(R, "iii", 10, 0, -3);
    show("rg", PyObject_Repr(rg));
    show_int("rg.len", PyObject_Length(rg));
    show("rg.list", PySequence_List(rg));
    show("rg.get", PySequence_GetItem(rg, -1));
    show("rg.get_oob", PySequence_GetItem(rg, 4));
    show("rg.slice", PyObject_GetItem(rg, PySlice_New(I(1), NULL, NULL)));
    show("rg.slice_rev", PyObject_GetItem(rg, PySlice_New(NULL, NULL, I(-1))));
    show("rg.slice_step", PyObject_GetItem(PyObject_CallFunction(R, "i", 20), PySlice_New(I(-15), I(18), I(4))));
    show("rg.getitem_str", PyObject_GetItem(rg, PyUnicode_FromString("a")));
    show_int("rg.contains", PySequence_Contains(rg, I(4)));
    show_int("rg.contains_no", PySequence_Contains(rg, I(5)));
    show("rg.index", PyObject_CallMethod(rg, "index", "i", 1));
    show("rg.index_miss", PyObject_CallMethod(rg, "index", "i", 2));
    show("rg.count", PyObject_CallMethod(rg, "count", "i", 7));
    show("rg.rev", PySequence_List(PyObject_CallMethod(rg, "__reversed__", NULL)));
    show("rg.start", PyObject_GetAttrString(rg, "start"));
    show("rg.eq", PyObject_RichCompare(PyObject_CallFunction(R, "iii", 0, 3, 2), PyObject_CallFunction(R, "iii", 0, 4, 2), Py_EQ));
    show("rg.eq_empty", PyObject_RichCompare(PyObject_CallFunction(R, "ii", 5, 3), PyObject_CallFunction(R, "i", 0), Py_EQ));
    show("rg.hash_eq", PyBool_FromLong(PyObject_Hash(PyObject_CallFunction(R, "ii", 5, 3)) == PyObject_Hash(PyObject_CallFunction(R, "i", 0))));
    show("rg.zero", PyObject_CallFunction(R, "iii", 1, 2, 0));
    show("rg.noargs", PyObject_CallFunction(R, NULL));
    show("rg.4args", PyObject_CallFunction(R, "iiii", 1, 2, 3, 4));

    show("rg.kw", T(R, Py_BuildValue("(i)", 1), Py_BuildValue("{s:i}", "x", 1)));
    show("rg.big", PyObject_CallFunction(R, "LLL", 9223372036854775807LL - 5, 9223372036854775807LL, 2LL));
    show("rg.big_list", PySequence_List(PyObject_CallFunction(R, "LLL", 9223372036854775807LL - 5, 9223372036854775807LL, 2LL)));
    show("rg.iter_type", PyObject_GetAttrString(PyObject_GetIter(rg), "__class__"));
    show("rg.empty_repr", PyObject_Repr(PyObject_CallFunction(R, "i", 0)));

    PyObject *l = Py_BuildValue("[sss]", "a", "b", "c");
    show("enum", PySequence_List(PyObject_CallFunction((PyObject *)&PyEnum_Type, "Oi", l, 5)));
    show("enum_kw", PySequence_List(T((PyObject *)&PyEnum_Type, Py_BuildValue("(O)", l), Py_BuildValue("{s:i}", "start", -1))));
    show("enum_none", PyObject_CallFunction((PyObject *)&PyEnum_Type, NULL));
    show("enum_bad", PyObject_CallFunction((PyObject *)&PyEnum_Type, "i", 1));
    show("enum_badkw", T((PyObject *)&PyEnum_Type, Py_BuildValue("(O)", l), Py_BuildValue("{s:i}", "x", 1)));
    show("rev", PySequence_List(PyObject_CallFunction((PyObject *)&PyReversed_Type, "O", Py_BuildValue("(iii)", 1, 2, 3))));
    show("rev_list", PySequence_List(PyObject_CallFunction((PyObject *)&PyReversed_Type, "O", l)));
    show("rev_dict", PySequence_List(PyObject_CallFunction((PyObject *)&PyReversed_Type, "O", Py_BuildValue("{i:i,i:i}", 1, 1, 2, 2))));
    show("rev_int", PyObject_CallFunction((PyObject *)&PyReversed_Type, "i", 5));
    show("rev_set", PyObject_CallFunction((PyObject *)&PyReversed_Type, "O", PySet_New(NULL)));
    show("zip", PySequence_List(PyObject_CallFunction((PyObject *)&PyZip_Type, "OO", l, Py_BuildValue("(ii)", 1, 2))));
    show("zip0", PySequence_List(PyObject_CallFunction((PyObject *)&PyZip_Type, NULL)));
    show("zip_bad", PyObject_CallFunction((PyObject *)&PyZip_Type, "i", 1));
    show("zip_strict", PySequence_List(T((PyObject *)&PyZip_Type, Py_BuildValue("(OO)", l, Py_BuildValue("(ii)", 1, 2)), Py_BuildValue("{s:O}", "strict", Py_True))));
    show("zip_strict2", PySequence_List(T((PyObject *)&PyZip_Type, Py_BuildValue("(OOO)", Py_BuildValue("(i)", 1), l, l), Py_BuildValue("{s:O}", "strict", Py_True))));
    show("zip_strict_ok", PySequence_List(T((PyObject *)&PyZip_Type, Py_BuildValue("(OO)", l, l), Py_BuildValue("{s:O}", "strict", Py_True))));
    PyObject *getter = PyObject_GetAttrString(Py_BuildValue("{s:[i],s:[],s:(i)}", "a", 1, "b", "c", 3), "get");
    show("map", PySequence_List(PyObject_CallFunction((PyObject *)&PyMap_Type, "OO", getter, l)));
    show("map1", PyObject_CallFunction((PyObject *)&PyMap_Type, "O", getter));
    show("map2", PySequence_List(PyObject_CallFunction((PyObject *)&PyMap_Type, "OOO", getter, l, Py_BuildValue("(ii)", 7, 8))));
    show("filter", PySequence_List(PyObject_CallFunction((PyObject *)&PyFilter_Type, "OO", getter, l)));
    show("filter_none", PySequence_List(PyObject_CallFunction((PyObject *)&PyFilter_Type, "OO", Py_None, Py_BuildValue("([][i]()O(i))", 1, Py_None, 2))));
    show("filter0", PyObject_CallFunction((PyObject *)&PyFilter_Type, NULL));
    show("filter_kw", T((PyObject *)&PyFilter_Type, Py_BuildValue("(OO)", Py_None, l), Py_BuildValue("{s:i}", "x", 1)));
    END();
}
