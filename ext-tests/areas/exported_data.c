/* Every exported data symbol is the object CPython 3.15 has there: each type
 * object (name, module, MRO, subclass flags) and each PyExc_* class, plus the
 * plain data variables. Generated list, written out so the test reads plainly. */
#include "common.h"

/* Stable ABI data without a Limited API declaration (abi_only). */
extern int _Py_SwappedOp[];

static void type_info(const char *sym, PyTypeObject *t)
{
    char label[160];
    snprintf(label, sizeof label, "%s repr", sym);
    show(label, PyObject_Repr((PyObject *)t));
    snprintf(label, sizeof label, "%s mro", sym);
    show(label, PyObject_GetAttrString((PyObject *)t, "__mro__"));
    snprintf(label, sizeof label, "%s subclass flags", sym);
    show_int(label, (long)(PyType_GetFlags(t) >> 24));
    snprintf(label, sizeof label, "%s is a type", sym);
    show_int(label, PyType_Check((PyObject *)t));
}

int main(void)
{
    BEGIN();
    type_info("PyBaseObject_Type", &PyBaseObject_Type);
    type_info("PyBool_Type", &PyBool_Type);
    type_info("PyByteArrayIter_Type", &PyByteArrayIter_Type);
    type_info("PyByteArray_Type", &PyByteArray_Type);
    type_info("PyBytesIter_Type", &PyBytesIter_Type);
    type_info("PyBytes_Type", &PyBytes_Type);
    type_info("PyCFunction_Type", &PyCFunction_Type);
    type_info("PyCallIter_Type", &PyCallIter_Type);
    type_info("PyCapsule_Type", &PyCapsule_Type);
    type_info("PyClassMethodDescr_Type", &PyClassMethodDescr_Type);
    type_info("PyComplex_Type", &PyComplex_Type);
    type_info("PyDictItems_Type", &PyDictItems_Type);
    type_info("PyDictIterItem_Type", &PyDictIterItem_Type);
    type_info("PyDictIterKey_Type", &PyDictIterKey_Type);
    type_info("PyDictIterValue_Type", &PyDictIterValue_Type);
    type_info("PyDictKeys_Type", &PyDictKeys_Type);
    type_info("PyDictProxy_Type", &PyDictProxy_Type);
    type_info("PyDictRevIterItem_Type", &PyDictRevIterItem_Type);
    type_info("PyDictRevIterKey_Type", &PyDictRevIterKey_Type);
    type_info("PyDictRevIterValue_Type", &PyDictRevIterValue_Type);
    type_info("PyDictValues_Type", &PyDictValues_Type);
    type_info("PyDict_Type", &PyDict_Type);
    type_info("PyEllipsis_Type", &PyEllipsis_Type);
    type_info("PyEnum_Type", &PyEnum_Type);
    type_info("PyFilter_Type", &PyFilter_Type);
    type_info("PyFloat_Type", &PyFloat_Type);
    type_info("PyFrozenSet_Type", &PyFrozenSet_Type);
    type_info("PyGetSetDescr_Type", &PyGetSetDescr_Type);
    type_info("PyListIter_Type", &PyListIter_Type);
    type_info("PyListRevIter_Type", &PyListRevIter_Type);
    type_info("PyList_Type", &PyList_Type);
    type_info("PyLongRangeIter_Type", &PyLongRangeIter_Type);
    type_info("PyLong_Type", &PyLong_Type);
    type_info("PyMap_Type", &PyMap_Type);
    type_info("PyMemberDescr_Type", &PyMemberDescr_Type);
    type_info("PyMemoryView_Type", &PyMemoryView_Type);
    type_info("PyMethodDescr_Type", &PyMethodDescr_Type);
    type_info("PyModuleDef_Type", &PyModuleDef_Type);
    type_info("PyModule_Type", &PyModule_Type);
    type_info("PyProperty_Type", &PyProperty_Type);
    type_info("PyRangeIter_Type", &PyRangeIter_Type);
    type_info("PyRange_Type", &PyRange_Type);
    type_info("PyReversed_Type", &PyReversed_Type);
    type_info("PySeqIter_Type", &PySeqIter_Type);
    type_info("PySetIter_Type", &PySetIter_Type);
    type_info("PySet_Type", &PySet_Type);
    type_info("PySlice_Type", &PySlice_Type);
    type_info("PySuper_Type", &PySuper_Type);
    type_info("PyTraceBack_Type", &PyTraceBack_Type);
    type_info("PyTupleIter_Type", &PyTupleIter_Type);
    type_info("PyTuple_Type", &PyTuple_Type);
    type_info("PyType_Type", &PyType_Type);
    type_info("PyUnicodeIter_Type", &PyUnicodeIter_Type);
    type_info("PyUnicode_Type", &PyUnicode_Type);
    type_info("PyWrapperDescr_Type", &PyWrapperDescr_Type);
    type_info("PyZip_Type", &PyZip_Type);
    type_info("Py_GenericAliasType", &Py_GenericAliasType);
    type_info("_PyWeakref_CallableProxyType", &_PyWeakref_CallableProxyType);
    type_info("_PyWeakref_ProxyType", &_PyWeakref_ProxyType);
    type_info("_PyWeakref_RefType", &_PyWeakref_RefType);
    type_info("PyExc_ArithmeticError", (PyTypeObject *)PyExc_ArithmeticError);
    type_info("PyExc_AssertionError", (PyTypeObject *)PyExc_AssertionError);
    type_info("PyExc_AttributeError", (PyTypeObject *)PyExc_AttributeError);
    type_info("PyExc_BaseException", (PyTypeObject *)PyExc_BaseException);
    type_info("PyExc_BaseExceptionGroup", (PyTypeObject *)PyExc_BaseExceptionGroup);
    type_info("PyExc_BlockingIOError", (PyTypeObject *)PyExc_BlockingIOError);
    type_info("PyExc_BrokenPipeError", (PyTypeObject *)PyExc_BrokenPipeError);
    type_info("PyExc_BufferError", (PyTypeObject *)PyExc_BufferError);
    type_info("PyExc_BytesWarning", (PyTypeObject *)PyExc_BytesWarning);
    type_info("PyExc_ChildProcessError", (PyTypeObject *)PyExc_ChildProcessError);
    type_info("PyExc_ConnectionAbortedError", (PyTypeObject *)PyExc_ConnectionAbortedError);
    type_info("PyExc_ConnectionError", (PyTypeObject *)PyExc_ConnectionError);
    type_info("PyExc_ConnectionRefusedError", (PyTypeObject *)PyExc_ConnectionRefusedError);
    type_info("PyExc_ConnectionResetError", (PyTypeObject *)PyExc_ConnectionResetError);
    type_info("PyExc_DeprecationWarning", (PyTypeObject *)PyExc_DeprecationWarning);
    type_info("PyExc_EOFError", (PyTypeObject *)PyExc_EOFError);
    type_info("PyExc_EncodingWarning", (PyTypeObject *)PyExc_EncodingWarning);
    type_info("PyExc_EnvironmentError", (PyTypeObject *)PyExc_EnvironmentError);
    type_info("PyExc_Exception", (PyTypeObject *)PyExc_Exception);
    type_info("PyExc_FileExistsError", (PyTypeObject *)PyExc_FileExistsError);
    type_info("PyExc_FileNotFoundError", (PyTypeObject *)PyExc_FileNotFoundError);
    type_info("PyExc_FloatingPointError", (PyTypeObject *)PyExc_FloatingPointError);
    type_info("PyExc_FutureWarning", (PyTypeObject *)PyExc_FutureWarning);
    type_info("PyExc_GeneratorExit", (PyTypeObject *)PyExc_GeneratorExit);
    type_info("PyExc_IOError", (PyTypeObject *)PyExc_IOError);
    type_info("PyExc_ImportError", (PyTypeObject *)PyExc_ImportError);
    type_info("PyExc_ImportWarning", (PyTypeObject *)PyExc_ImportWarning);
    type_info("PyExc_IndentationError", (PyTypeObject *)PyExc_IndentationError);
    type_info("PyExc_IndexError", (PyTypeObject *)PyExc_IndexError);
    type_info("PyExc_InterruptedError", (PyTypeObject *)PyExc_InterruptedError);
    type_info("PyExc_IsADirectoryError", (PyTypeObject *)PyExc_IsADirectoryError);
    type_info("PyExc_KeyError", (PyTypeObject *)PyExc_KeyError);
    type_info("PyExc_KeyboardInterrupt", (PyTypeObject *)PyExc_KeyboardInterrupt);
    type_info("PyExc_LookupError", (PyTypeObject *)PyExc_LookupError);
    type_info("PyExc_MemoryError", (PyTypeObject *)PyExc_MemoryError);
    type_info("PyExc_ModuleNotFoundError", (PyTypeObject *)PyExc_ModuleNotFoundError);
    type_info("PyExc_NameError", (PyTypeObject *)PyExc_NameError);
    type_info("PyExc_NotADirectoryError", (PyTypeObject *)PyExc_NotADirectoryError);
    type_info("PyExc_NotImplementedError", (PyTypeObject *)PyExc_NotImplementedError);
    type_info("PyExc_OSError", (PyTypeObject *)PyExc_OSError);
    type_info("PyExc_OverflowError", (PyTypeObject *)PyExc_OverflowError);
    type_info("PyExc_PendingDeprecationWarning", (PyTypeObject *)PyExc_PendingDeprecationWarning);
    type_info("PyExc_PermissionError", (PyTypeObject *)PyExc_PermissionError);
    type_info("PyExc_ProcessLookupError", (PyTypeObject *)PyExc_ProcessLookupError);
    type_info("PyExc_RecursionError", (PyTypeObject *)PyExc_RecursionError);
    type_info("PyExc_ReferenceError", (PyTypeObject *)PyExc_ReferenceError);
    type_info("PyExc_ResourceWarning", (PyTypeObject *)PyExc_ResourceWarning);
    type_info("PyExc_RuntimeError", (PyTypeObject *)PyExc_RuntimeError);
    type_info("PyExc_RuntimeWarning", (PyTypeObject *)PyExc_RuntimeWarning);
    type_info("PyExc_StopAsyncIteration", (PyTypeObject *)PyExc_StopAsyncIteration);
    type_info("PyExc_StopIteration", (PyTypeObject *)PyExc_StopIteration);
    type_info("PyExc_SyntaxError", (PyTypeObject *)PyExc_SyntaxError);
    type_info("PyExc_SyntaxWarning", (PyTypeObject *)PyExc_SyntaxWarning);
    type_info("PyExc_SystemError", (PyTypeObject *)PyExc_SystemError);
    type_info("PyExc_SystemExit", (PyTypeObject *)PyExc_SystemExit);
    type_info("PyExc_TabError", (PyTypeObject *)PyExc_TabError);
    type_info("PyExc_TimeoutError", (PyTypeObject *)PyExc_TimeoutError);
    type_info("PyExc_TypeError", (PyTypeObject *)PyExc_TypeError);
    type_info("PyExc_UnboundLocalError", (PyTypeObject *)PyExc_UnboundLocalError);
    type_info("PyExc_UnicodeDecodeError", (PyTypeObject *)PyExc_UnicodeDecodeError);
    type_info("PyExc_UnicodeEncodeError", (PyTypeObject *)PyExc_UnicodeEncodeError);
    type_info("PyExc_UnicodeError", (PyTypeObject *)PyExc_UnicodeError);
    type_info("PyExc_UnicodeTranslateError", (PyTypeObject *)PyExc_UnicodeTranslateError);
    type_info("PyExc_UnicodeWarning", (PyTypeObject *)PyExc_UnicodeWarning);
    type_info("PyExc_UserWarning", (PyTypeObject *)PyExc_UserWarning);
    type_info("PyExc_ValueError", (PyTypeObject *)PyExc_ValueError);
    type_info("PyExc_Warning", (PyTypeObject *)PyExc_Warning);
    type_info("PyExc_ZeroDivisionError", (PyTypeObject *)PyExc_ZeroDivisionError);
    show_int("PyExc_IOError is PyExc_OSError", PyExc_IOError == PyExc_OSError);
    show_int("PyExc_EnvironmentError is PyExc_OSError", PyExc_EnvironmentError == PyExc_OSError);
    /* Deprecated since 3.12 but still exported data: read them anyway. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
    show_str("Py_FileSystemDefaultEncoding", Py_FileSystemDefaultEncoding);
    show_str("Py_FileSystemDefaultEncodeErrors", Py_FileSystemDefaultEncodeErrors);
    show_int("Py_HasFileSystemDefaultEncoding", Py_HasFileSystemDefaultEncoding);
#pragma GCC diagnostic pop
    show_str("PyStructSequence_UnnamedField", PyStructSequence_UnnamedField);
    {
        static const char *ops[] = {"<", "<=", "==", "!=", ">", ">="};
        for (int op = Py_LT; op <= Py_GE; op++) {
            char label[64];
            snprintf(label, sizeof label, "_Py_SwappedOp[%s]", ops[op]);
            show_str(label, ops[_Py_SwappedOp[op]]);
        }
    }
    show_int("PyOS_InputHook is NULL", PyOS_InputHook == NULL);
    END();
}
