/* The buffer protocol and memoryview (area `text`). */
#include "common.h"
#include <string.h>

#define S(x) PyUnicode_FromString(x)
#define I(x) PyLong_FromLong(x)
#define B(x) PyBytes_FromString(x)
#define CM0(o, name) PyObject_CallMethodObjArgs(o, S(name), NULL)
#define CM(o, name, ...) PyObject_CallMethodObjArgs(o, S(name), __VA_ARGS__, NULL)
#define GA(o, name) PyObject_GetAttrString(o, name)

/* Stable ABI only (no longer declared by the 3.15 headers). */
PyAPI_FUNC(int) PyObject_AsCharBuffer(PyObject *, const char **, Py_ssize_t *);
PyAPI_FUNC(int) PyObject_AsReadBuffer(PyObject *, const void **, Py_ssize_t *);
PyAPI_FUNC(int) PyObject_AsWriteBuffer(PyObject *, void **, Py_ssize_t *);
PyAPI_FUNC(int) PyObject_CheckReadBuffer(PyObject *);

int main(void)
{
    BEGIN();
    static char raw[6] = "hello";
    PyObject *mv = PyMemoryView_FromMemory(raw, 5, PyBUF_READ);
    show("frommemory", PyObject_Bytes(mv));
    show_int("memoryview_check", PyMemoryView_Check(mv));
    show_int("frommemory_setitem_ro", PyObject_SetItem(mv, I(0), I(65)));
    show("frommemory_readonly", GA(mv, "readonly"));
    show("frommemory_obj", GA(mv, "obj"));
    Py_DECREF(mv);
    mv = PyMemoryView_FromMemory(raw, 5, PyBUF_WRITE);
    show_int("frommemory_setitem_rw", PyObject_SetItem(mv, I(0), I(74)));
    show_int("frommemory_setitem_big", PyObject_SetItem(mv, I(0), I(256)));
    show_int("frommemory_setitem_type", PyObject_SetItem(mv, I(0), S("x")));
    show_int("frommemory_setitem_oob", PyObject_SetItem(mv, I(9), I(1)));
    show_str("raw_after_write", raw);
    Py_DECREF(mv);
    raw[0] = 'h';
    PyObject *ba = PyByteArray_FromStringAndSize("abcdef", 6);
    mv = PyMemoryView_FromObject(ba);
    show("mv_tolist", CM0(mv, "tolist"));
    show("fromobject_slice", PyObject_Bytes(PyObject_GetItem(mv, PySlice_New(I(1), I(3), NULL))));
    show("slice_step", PyObject_Bytes(PyObject_GetItem(mv, PySlice_New(NULL, NULL, I(-2)))));
    show("slice_step_strides", GA(PyObject_GetItem(mv, PySlice_New(NULL, NULL, I(-2))), "strides"));
    show("mv_tobytes", CM0(mv, "tobytes"));
    show("mv_hex", CM0(mv, "hex"));
    show("mv_format", GA(mv, "format"));
    show("mv_itemsize", GA(mv, "itemsize"));
    show("mv_ndim", GA(mv, "ndim"));
    show("mv_shape", GA(mv, "shape"));
    show("mv_strides", GA(mv, "strides"));
    show("mv_readonly", GA(mv, "readonly"));
    show("mv_nbytes", GA(mv, "nbytes"));
    show("mv_contiguous", GA(mv, "c_contiguous"));
    show_int("mv_len", PyObject_Size(mv));
    show("mv_item", PyObject_GetItem(mv, I(-1)));
    show("mv_item_oob", PyObject_GetItem(mv, I(6)));
    show("mv_item_bad", PyObject_GetItem(mv, S("x")));
    show_int("mv_setitem", PyObject_SetItem(mv, I(0), I(90)));
    show("mv_after_set", PyObject_Bytes(ba));
    show_int("mv_slice_set", PyObject_SetItem(mv, PySlice_New(I(1), I(3), NULL), B("QR")));
    show_int("mv_slice_set_bad", PyObject_SetItem(mv, PySlice_New(I(1), I(3), NULL), B("QRS")));
    show("mv_after_slice_set", PyObject_Bytes(ba));
    show("mv_eq", PyObject_RichCompare(mv, B("Zbcdef"), Py_EQ));
    show("mv_ne", PyObject_RichCompare(mv, B("zzz"), Py_NE));
    show_int("ba_resize_while_viewed", PyByteArray_Resize(ba, 2));
    show("ba_append_while_viewed", CM(ba, "append", I(1)));
    show("mv_release", CM0(mv, "release"));
    show("mv_after_release", CM0(mv, "tolist"));
    show("mv_len_after_release", PyObject_Size(mv) < 0 ? NULL : S("?"));
    show_int("ba_resize_after_release", PyByteArray_Resize(ba, 2));
    Py_DECREF(mv);
    show("fromobject_int", PyMemoryView_FromObject(I(3)));
    show("fromobject_str", PyMemoryView_FromObject(S("x")));
    {
        Py_buffer view;
        PyObject *b = B("xyz");
        int r = PyObject_GetBuffer(b, &view, PyBUF_SIMPLE);
        show_int("bytes_get", r);
        show_int("bytes_len", view.len);
        show_int("bytes_readonly", view.readonly);
        show_int("bytes_itemsize", view.itemsize);
        show_int("bytes_ndim", view.ndim);
        show_int("bytes_format_null", view.format == NULL);
        show_int("bytes_shape_null", view.shape == NULL);
        show("bytes_data", PyBytes_FromStringAndSize(view.buf, view.len));
        show_int("bytes_obj", view.obj == b);
        PyBuffer_Release(&view);
        show_int("released_obj_null", view.obj == NULL);
        show_int("bytes_writable_err", PyObject_GetBuffer(b, &view, PyBUF_WRITABLE));
        r = PyObject_GetBuffer(b, &view, PyBUF_FULL_RO);
        show_int("bytes_full_ro", r);
        show_str("bytes_full_ro_format", view.format);
        show_int("bytes_full_ro_stride", view.strides ? view.strides[0] : -1);
        show_int("bytes_full_ro_suboffsets_null", view.suboffsets == NULL);
        PyBuffer_Release(&view);
        r = PyObject_GetBuffer(ba, &view, PyBUF_WRITABLE | PyBUF_FORMAT | PyBUF_ND);
        show_int("bytearray_get", r);
        show_str("bytearray_format", view.format ? view.format : "NULL");
        show_int("bytearray_ndim", view.ndim);
        show_int("bytearray_shape0", view.shape ? view.shape[0] : -1);
        show_int("bytearray_itemsize", view.itemsize);
        show_int("bytearray_readonly", view.readonly);
        ((char *)view.buf)[0] = 'Z';
        show_int("bytearray_resize_exported", PyByteArray_Resize(ba, 1));
        PyBuffer_Release(&view);
        show("bytearray_after", PyObject_Bytes(ba));
        show_int("checkbuffer_bytes", PyObject_CheckBuffer(b));
        show_int("checkbuffer_bytearray", PyObject_CheckBuffer(ba));
        show_int("checkbuffer_str", PyObject_CheckBuffer(S("s")));
        show_int("checkbuffer_int", PyObject_CheckBuffer(I(1)));
        show_int("getbuffer_str", PyObject_GetBuffer(S("s"), &view, PyBUF_SIMPLE));
        show_int("getbuffer_int", PyObject_GetBuffer(I(1), &view, PyBUF_SIMPLE));
        mv = PyMemoryView_FromObject(b);
        r = PyObject_GetBuffer(mv, &view, PyBUF_SIMPLE);
        show_int("memoryview_get", r);
        show_int("memoryview_len", view.len);
        show("memoryview_release_exported", CM0(mv, "release"));
        PyBuffer_Release(&view);
        show_int("memoryview_get_writable", PyObject_GetBuffer(mv, &view, PyBUF_WRITABLE));
        show("memoryview_release_ok", CM0(mv, "release"));
        Py_DECREF(mv);
        static char data[4] = "abc";
        r = PyBuffer_FillInfo(&view, NULL, data, 3, 1, PyBUF_SIMPLE);
        show_int("fillinfo", r);
        show_int("fillinfo_ro", view.readonly);
        show_int("fillinfo_obj_null", view.obj == NULL);
        show_int("fillinfo_writable_err", PyBuffer_FillInfo(&view, NULL, data, 3, 1, PyBUF_WRITABLE));
        {   /* SystemError (its message names CPython's source file) */
            int r1 = PyBuffer_FillInfo(&view, NULL, data, 3, 1, PyBUF_READ);
            int e1 = PyErr_ExceptionMatches(PyExc_SystemError);
            PyErr_Clear();
            int r2 = PyBuffer_FillInfo(&view, NULL, data, 3, 0, PyBUF_WRITE);
            int e2 = PyErr_ExceptionMatches(PyExc_SystemError);
            PyErr_Clear();
            show("fillinfo_read_write_flags", PyTuple_Pack(4, I(r1), I(e1), I(r2), I(e2)));
        }
        show_int("fillinfo_writable_rw", PyBuffer_FillInfo(&view, NULL, data, 3, 0, PyBUF_WRITABLE));
        show_int("fillinfo_null_view", PyBuffer_FillInfo(NULL, NULL, data, 3, 1, PyBUF_SIMPLE));
        r = PyBuffer_FillInfo(&view, NULL, data, 3, 0, PyBUF_FULL);
        show_int("fillinfo_full", r);
        show_str("fillinfo_full_format", view.format);
        show_int("fillinfo_full_shape", view.shape[0]);
        show_int("fillinfo_full_stride", view.strides[0]);
        show_int("iscontiguous_c", PyBuffer_IsContiguous(&view, 'C'));
        show_int("iscontiguous_f", PyBuffer_IsContiguous(&view, 'F'));
        show_int("iscontiguous_a", PyBuffer_IsContiguous(&view, 'A'));
        show_int("iscontiguous_x", PyBuffer_IsContiguous(&view, 'x'));
        char dst[4] = {0};
        show_int("tocontiguous", PyBuffer_ToContiguous(dst, &view, 3, 'C'));
        show_str("tocontiguous_data", dst);
        show_int("tocontiguous_badlen", PyBuffer_ToContiguous(dst, &view, 2, 'C'));
        show_int("fromcontiguous", PyBuffer_FromContiguous(&view, "XYZW", 4, 'C'));
        show_str("fromcontiguous_data", data);
        Py_ssize_t idx = 1;
        show_int("getpointer", (char *)PyBuffer_GetPointer(&view, &idx) - data);
        PyObject *fm = PyMemoryView_FromBuffer(&view);
        show("frombuffer", PyObject_Bytes(fm));
        show("frombuffer_obj", GA(fm, "obj"));
        Py_DECREF(fm);
        view.buf = NULL;
        show("frombuffer_null", PyMemoryView_FromBuffer(&view));
        {
            Py_ssize_t shape[3] = {2, 3, 4}, strides[3];
            PyBuffer_FillContiguousStrides(3, shape, strides, 8, 'C');
            show("strides_c", PyTuple_Pack(3, I(strides[0]), I(strides[1]), I(strides[2])));
            PyBuffer_FillContiguousStrides(3, shape, strides, 8, 'F');
            show("strides_f", PyTuple_Pack(3, I(strides[0]), I(strides[1]), I(strides[2])));
        }
        show_int("sizefromformat_B", PyBuffer_SizeFromFormat("B"));
        show_int("sizefromformat_i", PyBuffer_SizeFromFormat("i"));
        show_int("sizefromformat_3d", PyBuffer_SizeFromFormat("3d"));
        show_int("sizefromformat_ci", PyBuffer_SizeFromFormat("ci"));
        show_int("sizefromformat_std", PyBuffer_SizeFromFormat("<ci"));
        show_int("sizefromformat_10s", PyBuffer_SizeFromFormat("10s"));
        {
            PyObject *dest = PyByteArray_FromStringAndSize("......", 6);
            show_int("copydata", PyObject_CopyData(dest, B("abc")));
            show("copydata_after", PyObject_Bytes(dest));
            show_int("copydata_small", PyObject_CopyData(B("ab"), B("abc")));
            show_int("copydata_small_ba", PyObject_CopyData(PyByteArray_FromStringAndSize("a", 1), B("abc")));
            show_int("copydata_type", PyObject_CopyData(dest, I(3)));
            Py_DECREF(dest);
        }
        {
            const char *cb; Py_ssize_t cl; const void *rb; void *wb;
            show_int("ascharbuffer", PyObject_AsCharBuffer(b, &cb, &cl));
            show_int("ascharbuffer_len", cl);
            show_int("asreadbuffer", PyObject_AsReadBuffer(b, &rb, &cl));
            show_int("aswritebuffer_bytes", PyObject_AsWriteBuffer(b, &wb, &cl));
            show_int("aswritebuffer_ba", PyObject_AsWriteBuffer(ba, &wb, &cl));
            show_int("ascharbuffer_str", PyObject_AsCharBuffer(S("x"), &cb, &cl));
            show_int("checkreadbuffer", PyObject_CheckReadBuffer(b));
            show_int("checkreadbuffer_str", PyObject_CheckReadBuffer(S("x")));
        }
        {
            PyObject *c = PyMemoryView_GetContiguous(b, PyBUF_READ, 'C');
            show("getcontiguous", PyObject_Bytes(c));
            Py_XDECREF(c);
            show("getcontiguous_write_ro", PyMemoryView_GetContiguous(b, PyBUF_WRITE, 'C'));
            c = PyMemoryView_GetContiguous(ba, PyBUF_WRITE, 'C');
            show("getcontiguous_write", c ? GA(c, "readonly") : NULL);
            Py_XDECREF(c);
        }
        Py_DECREF(b);
    }
    {
        PyObject *m = PyMemoryView_FromObject(B("ab"));
        show("mv_iter_first", PyIter_Next(PyObject_GetIter(m)));
        show("mv_hash", PyLong_FromLong(PyObject_Hash(m) == PyObject_Hash(B("ab"))));
        show("mv_hash_writable", PyObject_Hash(PyMemoryView_FromObject(ba)) == -1 ? NULL : S("?"));
        show("mv_of_mv", PyObject_Bytes(PyMemoryView_FromObject(m)));
        show("mv_toreadonly", GA(CM0(PyMemoryView_FromObject(ba), "toreadonly"), "readonly"));
        Py_DECREF(m);
    }
    Py_DECREF(ba);
    END();
}
