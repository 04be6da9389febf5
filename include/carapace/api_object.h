/* Carapace: Limited API declarations -- object model, memory, buffers, critical sections.
 * Each block is guarded by the first Limited API version that offers it. */
#ifndef CARAPACE_API_OBJECT_H
#define CARAPACE_API_OBJECT_H

/* since 3.2 */
PyAPI_DATA(PyTypeObject) PyBaseObject_Type;
PyAPI_DATA(PyTypeObject) PyBool_Type;
PyAPI_DATA(PyTypeObject) PyByteArrayIter_Type;
PyAPI_DATA(PyTypeObject) PyByteArray_Type;
PyAPI_DATA(PyTypeObject) PyBytesIter_Type;
PyAPI_DATA(PyTypeObject) PyBytes_Type;
PyAPI_DATA(PyTypeObject) PyCFunction_Type;
PyAPI_DATA(PyTypeObject) PyCallIter_Type;
PyAPI_FUNC(int) PyCallable_Check(PyObject *);
PyAPI_DATA(PyTypeObject) PyCapsule_Type;
PyAPI_DATA(PyTypeObject) PyClassMethodDescr_Type;
PyAPI_DATA(PyTypeObject) PyComplex_Type;
PyAPI_FUNC(void) PyCriticalSection2_Begin(PyCriticalSection2 *, PyObject *, PyObject *);
PyAPI_FUNC(void) PyCriticalSection2_End(PyCriticalSection2 *);
PyAPI_FUNC(void) PyCriticalSection_Begin(PyCriticalSection *, PyObject *);
PyAPI_FUNC(void) PyCriticalSection_End(PyCriticalSection *);
PyAPI_DATA(PyTypeObject) PyDictItems_Type;
PyAPI_DATA(PyTypeObject) PyDictIterItem_Type;
PyAPI_DATA(PyTypeObject) PyDictIterKey_Type;
PyAPI_DATA(PyTypeObject) PyDictIterValue_Type;
PyAPI_DATA(PyTypeObject) PyDictKeys_Type;
PyAPI_DATA(PyTypeObject) PyDictProxy_Type;
PyAPI_DATA(PyTypeObject) PyDictRevIterItem_Type;
PyAPI_DATA(PyTypeObject) PyDictRevIterKey_Type;
PyAPI_DATA(PyTypeObject) PyDictRevIterValue_Type;
PyAPI_DATA(PyTypeObject) PyDictValues_Type;
PyAPI_DATA(PyTypeObject) PyDict_Type;
PyAPI_DATA(PyTypeObject) PyEllipsis_Type;
PyAPI_DATA(PyTypeObject) PyEnum_Type;
PyAPI_DATA(PyTypeObject) PyFilter_Type;
PyAPI_DATA(PyTypeObject) PyFloat_Type;
PyAPI_DATA(PyTypeObject) PyFrozenSet_Type;
PyAPI_FUNC(Py_ssize_t) PyGC_Collect(void);
PyAPI_FUNC(int) PyGC_Disable(void);
PyAPI_FUNC(int) PyGC_Enable(void);
PyAPI_FUNC(int) PyGC_IsEnabled(void);
PyAPI_DATA(PyTypeObject) PyGetSetDescr_Type;
PyAPI_DATA(PyTypeObject) PyListIter_Type;
PyAPI_DATA(PyTypeObject) PyListRevIter_Type;
PyAPI_DATA(PyTypeObject) PyList_Type;
PyAPI_DATA(PyTypeObject) PyLongRangeIter_Type;
PyAPI_DATA(PyTypeObject) PyLong_Type;
PyAPI_DATA(PyTypeObject) PyMap_Type;
PyAPI_FUNC(void *) PyMem_Calloc(size_t, size_t);
PyAPI_FUNC(void) PyMem_Free(void *);
PyAPI_FUNC(void *) PyMem_Malloc(size_t);
PyAPI_FUNC(void *) PyMem_Realloc(void *, size_t);
PyAPI_DATA(PyTypeObject) PyMemberDescr_Type;
PyAPI_DATA(PyTypeObject) PyMemoryView_Type;
PyAPI_DATA(PyTypeObject) PyMethodDescr_Type;
PyAPI_DATA(PyTypeObject) PyModule_Type;
PyAPI_FUNC(PyObject *) PyObject_ASCII(PyObject *);
PyAPI_FUNC(PyObject *) PyObject_Bytes(PyObject *);
PyAPI_FUNC(void) PyObject_ClearWeakRefs(PyObject *);
PyAPI_FUNC(int) PyObject_DelAttr(PyObject *, PyObject *);
PyAPI_FUNC(int) PyObject_DelAttrString(PyObject *, const char *);
PyAPI_FUNC(PyObject *) PyObject_Dir(PyObject *);
PyAPI_FUNC(void) PyObject_Free(void *);
PyAPI_FUNC(void) PyObject_GC_Del(void *);
PyAPI_FUNC(int) PyObject_GC_IsFinalized(PyObject *);
PyAPI_FUNC(int) PyObject_GC_IsTracked(PyObject *);
PyAPI_FUNC(void) PyObject_GC_Track(void *);
PyAPI_FUNC(void) PyObject_GC_UnTrack(void *);
PyAPI_FUNC(PyObject *) PyObject_GenericGetAttr(PyObject *, PyObject *);
PyAPI_FUNC(int) PyObject_GenericSetAttr(PyObject *, PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyObject_GetAttr(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyObject_GetAttrString(PyObject *, const char *);
PyAPI_FUNC(int) PyObject_HasAttr(PyObject *, PyObject *);
PyAPI_FUNC(int) PyObject_HasAttrString(PyObject *, const char *);
PyAPI_FUNC(Py_hash_t) PyObject_Hash(PyObject *);
PyAPI_FUNC(Py_hash_t) PyObject_HashNotImplemented(PyObject *);
PyAPI_FUNC(PyObject *) PyObject_Init(PyObject *, PyTypeObject *);
PyAPI_FUNC(PyVarObject *) PyObject_InitVar(PyVarObject *, PyTypeObject *, Py_ssize_t);
PyAPI_FUNC(int) PyObject_IsTrue(PyObject *);
PyAPI_FUNC(void *) PyObject_Malloc(size_t);
PyAPI_FUNC(int) PyObject_Not(PyObject *);
PyAPI_FUNC(void *) PyObject_Realloc(void *, size_t);
PyAPI_FUNC(PyObject *) PyObject_Repr(PyObject *);
PyAPI_FUNC(PyObject *) PyObject_RichCompare(PyObject *, PyObject *, int);
PyAPI_FUNC(int) PyObject_RichCompareBool(PyObject *, PyObject *, int);
PyAPI_FUNC(PyObject *) PyObject_SelfIter(PyObject *);
PyAPI_FUNC(int) PyObject_SetAttr(PyObject *, PyObject *, PyObject *);
PyAPI_FUNC(int) PyObject_SetAttrString(PyObject *, const char *, PyObject *);
PyAPI_FUNC(PyObject *) PyObject_Str(PyObject *);
PyAPI_DATA(PyTypeObject) PyProperty_Type;
PyAPI_DATA(PyTypeObject) PyRangeIter_Type;
PyAPI_DATA(PyTypeObject) PyRange_Type;
PyAPI_DATA(PyTypeObject) PyReversed_Type;
PyAPI_DATA(PyTypeObject) PySeqIter_Type;
PyAPI_DATA(PyTypeObject) PySetIter_Type;
PyAPI_DATA(PyTypeObject) PySet_Type;
PyAPI_DATA(PyTypeObject) PySlice_Type;
PyAPI_DATA(const char *const) PyStructSequence_UnnamedField;
PyAPI_DATA(PyTypeObject) PySuper_Type;
PyAPI_DATA(PyTypeObject) PyTraceBack_Type;
PyAPI_DATA(PyTypeObject) PyTupleIter_Type;
PyAPI_DATA(PyTypeObject) PyTuple_Type;
PyAPI_FUNC(unsigned) PyType_ClearCache(void);
PyAPI_FUNC(PyObject *) PyType_FromSpec(PyType_Spec *);
PyAPI_FUNC(PyObject *) PyType_GenericAlloc(PyTypeObject *, Py_ssize_t);
PyAPI_FUNC(PyObject *) PyType_GenericNew(PyTypeObject *, PyObject *, PyObject *);
PyAPI_FUNC(unsigned long) PyType_GetFlags(PyTypeObject *);
PyAPI_FUNC(int) PyType_IsSubtype(PyTypeObject *, PyTypeObject *);
PyAPI_FUNC(void) PyType_Modified(PyTypeObject *);
PyAPI_FUNC(int) PyType_Ready(PyTypeObject *);
PyAPI_DATA(PyTypeObject) PyType_Type;
PyAPI_DATA(PyTypeObject) PyUnicodeIter_Type;
PyAPI_DATA(PyTypeObject) PyUnicode_Type;
PyAPI_DATA(PyTypeObject) PyWrapperDescr_Type;
PyAPI_DATA(PyTypeObject) PyZip_Type;
PyAPI_FUNC(void) Py_DecRef(PyObject *);
PyAPI_DATA(const char *) Py_FileSystemDefaultEncoding;
PyAPI_DATA(PyTypeObject) Py_GenericAliasType;
PyAPI_DATA(int) Py_HasFileSystemDefaultEncoding;
PyAPI_FUNC(void) Py_IncRef(PyObject *);
PyAPI_FUNC(int) Py_Is(PyObject *, PyObject *);
PyAPI_FUNC(int) Py_IsNone(PyObject *);
PyAPI_FUNC(PyObject *) Py_NewRef(PyObject *);
PyAPI_FUNC(Py_ssize_t) Py_REFCNT(PyObject *);
PyAPI_FUNC(int) Py_ReprEnter(PyObject *);
PyAPI_FUNC(void) Py_ReprLeave(PyObject *);
PyAPI_FUNC(PyObject *) Py_XNewRef(PyObject *);
PyAPI_FUNC(PyObject *) _PyObject_GC_New(PyTypeObject *);
PyAPI_FUNC(PyVarObject *) _PyObject_GC_NewVar(PyTypeObject *, Py_ssize_t);
PyAPI_FUNC(PyVarObject *) _PyObject_GC_Resize(PyVarObject *, Py_ssize_t);
PyAPI_FUNC(PyObject *) _PyObject_New(PyTypeObject *);
PyAPI_FUNC(PyVarObject *) _PyObject_NewVar(PyTypeObject *, Py_ssize_t);
PyAPI_DATA(PyTypeObject) _PyWeakref_CallableProxyType;
PyAPI_DATA(PyTypeObject) _PyWeakref_ProxyType;
PyAPI_DATA(PyTypeObject) _PyWeakref_RefType;
PyAPI_FUNC(void) _Py_Dealloc(PyObject *);
PyAPI_FUNC(void) _Py_DecRef(PyObject *);
PyAPI_DATA(PyObject) _Py_EllipsisObject;
PyAPI_DATA(PyLongObject) _Py_FalseStruct;
PyAPI_FUNC(void) _Py_IncRef(PyObject *);
PyAPI_DATA(PyObject) _Py_NoneStruct;
PyAPI_DATA(PyObject) _Py_NotImplementedStruct;
PyAPI_FUNC(void) _Py_SetRefcnt(PyObject *, Py_ssize_t);
PyAPI_DATA(PyLongObject) _Py_TrueStruct;

#if _Py_LIMITED_VERSION >= 0x03030000
PyAPI_FUNC(int) PyObject_GenericSetDict(PyObject *, PyObject *, void *);
PyAPI_FUNC(PyObject *) PyType_FromSpecWithBases(PyType_Spec *, PyObject *);
#endif /* >= 3.3 */

#if _Py_LIMITED_VERSION >= 0x03040000
PyAPI_FUNC(void *) PyType_GetSlot(PyTypeObject *, int);
#endif /* >= 3.4 */

#if _Py_LIMITED_VERSION >= 0x03050000
PyAPI_DATA(PyTypeObject) PyModuleDef_Type;
PyAPI_FUNC(void *) PyObject_Calloc(size_t, size_t);
#endif /* >= 3.5 */

#if _Py_LIMITED_VERSION >= 0x03060000
PyAPI_DATA(const char *) Py_FileSystemDefaultEncodeErrors;
#endif /* >= 3.6 */

#if _Py_LIMITED_VERSION >= 0x03070000
PyAPI_DATA(int) Py_UTF8Mode;
#endif /* >= 3.7 */

#if _Py_LIMITED_VERSION >= 0x03090000
PyAPI_FUNC(PyObject *) PyType_FromModuleAndSpec(PyObject *, PyType_Spec *, PyObject *);
PyAPI_FUNC(PyObject *) PyType_GetModule(PyTypeObject *);
PyAPI_FUNC(void *) PyType_GetModuleState(PyTypeObject *);
#endif /* >= 3.9 */

#if _Py_LIMITED_VERSION >= 0x030b0000
PyAPI_FUNC(void) PyBuffer_FillContiguousStrides(int, Py_ssize_t *, Py_ssize_t *, int, char);
PyAPI_FUNC(int) PyBuffer_FillInfo(Py_buffer *, PyObject *, void *, Py_ssize_t, int, int);
PyAPI_FUNC(int) PyBuffer_FromContiguous(const Py_buffer *, const void *, Py_ssize_t, char);
PyAPI_FUNC(void *) PyBuffer_GetPointer(const Py_buffer *, const Py_ssize_t *);
PyAPI_FUNC(int) PyBuffer_IsContiguous(const Py_buffer *, char);
PyAPI_FUNC(void) PyBuffer_Release(Py_buffer *);
PyAPI_FUNC(Py_ssize_t) PyBuffer_SizeFromFormat(const char *);
PyAPI_FUNC(int) PyBuffer_ToContiguous(void *, const Py_buffer *, Py_ssize_t, char);
PyAPI_FUNC(int) PyObject_CheckBuffer(PyObject *);
PyAPI_FUNC(int) PyObject_CopyData(PyObject *, PyObject *);
PyAPI_FUNC(int) PyObject_GetBuffer(PyObject *, Py_buffer *, int);
PyAPI_FUNC(PyObject *) PyType_GetName(PyTypeObject *);
PyAPI_FUNC(PyObject *) PyType_GetQualName(PyTypeObject *);
PyAPI_DATA(const unsigned long) Py_Version;
#endif /* >= 3.11 */

#if _Py_LIMITED_VERSION >= 0x030c0000
PyAPI_FUNC(void *) PyObject_GetTypeData(PyObject *, PyTypeObject *);
PyAPI_FUNC(PyObject *) PyType_FromMetaclass(PyTypeObject *, PyObject *, PyType_Spec *, PyObject *);
PyAPI_FUNC(Py_ssize_t) PyType_GetTypeDataSize(PyTypeObject *);
#endif /* >= 3.12 */

#if _Py_LIMITED_VERSION >= 0x030d0000
PyAPI_FUNC(void *) PyMem_RawCalloc(size_t, size_t);
PyAPI_FUNC(void) PyMem_RawFree(void *);
PyAPI_FUNC(void *) PyMem_RawMalloc(size_t);
PyAPI_FUNC(void *) PyMem_RawRealloc(void *, size_t);
PyAPI_FUNC(int) PyObject_GetOptionalAttr(PyObject *, PyObject *, PyObject **);
PyAPI_FUNC(int) PyObject_GetOptionalAttrString(PyObject *, const char *, PyObject **);
PyAPI_FUNC(int) PyObject_HasAttrStringWithError(PyObject *, const char *);
PyAPI_FUNC(int) PyObject_HasAttrWithError(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyType_GetFullyQualifiedName(PyTypeObject *);
PyAPI_FUNC(PyObject *) PyType_GetModuleByDef(PyTypeObject *, PyModuleDef *);
PyAPI_FUNC(PyObject *) PyType_GetModuleName(PyTypeObject *);
PyAPI_FUNC(PyObject *) Py_GetConstant(unsigned);
PyAPI_FUNC(PyObject *) Py_GetConstantBorrowed(unsigned);
#endif /* >= 3.13 */

#if _Py_LIMITED_VERSION >= 0x030e0000
PyAPI_FUNC(int) PyType_Freeze(PyTypeObject *);
PyAPI_FUNC(int) PyType_GetBaseByToken(PyTypeObject *, void *, PyTypeObject **);
PyAPI_FUNC(uint32_t) Py_PACK_FULL_VERSION(int, int, int, int, int);
PyAPI_FUNC(uint32_t) Py_PACK_VERSION(int, int);
PyAPI_FUNC(PyTypeObject *) Py_TYPE(PyObject *);
#endif /* >= 3.14 */

#if _Py_LIMITED_VERSION >= 0x030f0000
PyAPI_FUNC(int) PyObject_CallFinalizerFromDealloc(PyObject *);
PyAPI_FUNC(void *) PyObject_GetTypeData_DuringGC(PyObject *, PyTypeObject *);
PyAPI_FUNC(PyObject *) PyType_FromSlots(struct PySlot *);
PyAPI_FUNC(int) PyType_GetBaseByToken_DuringGC(PyTypeObject *, void *, PyTypeObject **);
PyAPI_FUNC(PyObject *) PyType_GetModuleByToken(PyTypeObject *, const void *);
PyAPI_FUNC(PyObject *) PyType_GetModuleByToken_DuringGC(PyTypeObject *, const void *);
PyAPI_FUNC(void *) PyType_GetModuleState_DuringGC(PyTypeObject *);
PyAPI_FUNC(PyObject *) PyType_GetModule_DuringGC(PyTypeObject *);
PyAPI_FUNC(int) Py_IS_TYPE(PyObject *, PyTypeObject *);
PyAPI_FUNC(void) Py_SET_SIZE(PyVarObject *, Py_ssize_t);
PyAPI_FUNC(Py_ssize_t) Py_SIZE(PyObject *);
#endif /* >= 3.15 */

#endif
