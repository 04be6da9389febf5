/* Carapace: Limited API declarations -- tuple, list, dict, set, slice, iterators, memoryview, struct sequences.
 * Each block is guarded by the first Limited API version that offers it. */
#ifndef CARAPACE_API_CONTAINERS_H
#define CARAPACE_API_CONTAINERS_H

/* since 3.2 */
PyAPI_FUNC(PyObject *) PyCallIter_New(PyObject *, PyObject *);
PyAPI_FUNC(void) PyDict_Clear(PyObject *);
PyAPI_FUNC(int) PyDict_Contains(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyDict_Copy(PyObject *);
PyAPI_FUNC(int) PyDict_DelItem(PyObject *, PyObject *);
PyAPI_FUNC(int) PyDict_DelItemString(PyObject *, const char *);
PyAPI_FUNC(PyObject *) PyDict_GetItem(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyDict_GetItemString(PyObject *, const char *);
PyAPI_FUNC(PyObject *) PyDict_GetItemWithError(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyDict_Items(PyObject *);
PyAPI_FUNC(PyObject *) PyDict_Keys(PyObject *);
PyAPI_FUNC(int) PyDict_Merge(PyObject *, PyObject *, int);
PyAPI_FUNC(int) PyDict_MergeFromSeq2(PyObject *, PyObject *, int);
PyAPI_FUNC(PyObject *) PyDict_New(void);
PyAPI_FUNC(int) PyDict_Next(PyObject *, Py_ssize_t *, PyObject **, PyObject **);
PyAPI_FUNC(int) PyDict_SetItem(PyObject *, PyObject *, PyObject *);
PyAPI_FUNC(int) PyDict_SetItemString(PyObject *, const char *, PyObject *);
PyAPI_FUNC(Py_ssize_t) PyDict_Size(PyObject *);
PyAPI_FUNC(int) PyDict_Update(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyDict_Values(PyObject *);
PyAPI_FUNC(PyObject *) PyFrozenSet_New(PyObject *);
PyAPI_FUNC(int) PyList_Append(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyList_AsTuple(PyObject *);
PyAPI_FUNC(PyObject *) PyList_GetItem(PyObject *, Py_ssize_t);
PyAPI_FUNC(PyObject *) PyList_GetSlice(PyObject *, Py_ssize_t, Py_ssize_t);
PyAPI_FUNC(int) PyList_Insert(PyObject *, Py_ssize_t, PyObject *);
PyAPI_FUNC(PyObject *) PyList_New(Py_ssize_t);
PyAPI_FUNC(int) PyList_Reverse(PyObject *);
PyAPI_FUNC(int) PyList_SetItem(PyObject *, Py_ssize_t, PyObject *);
PyAPI_FUNC(int) PyList_SetSlice(PyObject *, Py_ssize_t, Py_ssize_t, PyObject *);
PyAPI_FUNC(Py_ssize_t) PyList_Size(PyObject *);
PyAPI_FUNC(int) PyList_Sort(PyObject *);
PyAPI_FUNC(PyObject *) PyMemoryView_FromObject(PyObject *);
PyAPI_FUNC(PyObject *) PyMemoryView_GetContiguous(PyObject *, int, char);
PyAPI_FUNC(PyObject *) PySeqIter_New(PyObject *);
PyAPI_FUNC(int) PySet_Add(PyObject *, PyObject *);
PyAPI_FUNC(int) PySet_Clear(PyObject *);
PyAPI_FUNC(int) PySet_Contains(PyObject *, PyObject *);
PyAPI_FUNC(int) PySet_Discard(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PySet_New(PyObject *);
PyAPI_FUNC(PyObject *) PySet_Pop(PyObject *);
PyAPI_FUNC(Py_ssize_t) PySet_Size(PyObject *);
PyAPI_FUNC(int) PySlice_GetIndices(PyObject *, Py_ssize_t, Py_ssize_t *, Py_ssize_t *, Py_ssize_t *);
PyAPI_FUNC(int) PySlice_GetIndicesEx(PyObject *, Py_ssize_t, Py_ssize_t *, Py_ssize_t *, Py_ssize_t *, Py_ssize_t *);
PyAPI_FUNC(PyObject *) PySlice_New(PyObject *, PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyStructSequence_GetItem(PyObject *, Py_ssize_t);
PyAPI_FUNC(PyObject *) PyStructSequence_New(PyTypeObject *);
PyAPI_FUNC(PyTypeObject *) PyStructSequence_NewType(PyStructSequence_Desc *);
PyAPI_FUNC(void) PyStructSequence_SetItem(PyObject *, Py_ssize_t, PyObject *);
PyAPI_FUNC(PyObject *) PyTuple_GetItem(PyObject *, Py_ssize_t);
PyAPI_FUNC(PyObject *) PyTuple_GetSlice(PyObject *, Py_ssize_t, Py_ssize_t);
PyAPI_FUNC(PyObject *) PyTuple_New(Py_ssize_t);
PyAPI_FUNC(PyObject *) PyTuple_Pack(Py_ssize_t, ...);
PyAPI_FUNC(int) PyTuple_SetItem(PyObject *, Py_ssize_t, PyObject *);
PyAPI_FUNC(Py_ssize_t) PyTuple_Size(PyObject *);
PyAPI_FUNC(PyObject *) Py_GenericAlias(PyObject *, PyObject *);

#if _Py_LIMITED_VERSION >= 0x03030000
PyAPI_FUNC(PyObject *) PyMemoryView_FromMemory(char *, Py_ssize_t, int);
#endif /* >= 3.3 */

#if _Py_LIMITED_VERSION >= 0x03070000
PyAPI_FUNC(Py_ssize_t) PySlice_AdjustIndices(Py_ssize_t, Py_ssize_t *, Py_ssize_t *, Py_ssize_t);
PyAPI_FUNC(int) PySlice_Unpack(PyObject *, Py_ssize_t *, Py_ssize_t *, Py_ssize_t *);
#endif /* >= 3.7 */

#if _Py_LIMITED_VERSION >= 0x030a0000
PyAPI_FUNC(PyObject *) PyObject_GenericGetDict(PyObject *, void *);
#endif /* >= 3.10 */

#if _Py_LIMITED_VERSION >= 0x030b0000
PyAPI_FUNC(PyObject *) PyMemoryView_FromBuffer(const Py_buffer *);
#endif /* >= 3.11 */

#if _Py_LIMITED_VERSION >= 0x030d0000
PyAPI_FUNC(int) PyDict_GetItemRef(PyObject *, PyObject *, PyObject **);
PyAPI_FUNC(int) PyDict_GetItemStringRef(PyObject *, const char *, PyObject **);
PyAPI_FUNC(PyObject *) PyList_GetItemRef(PyObject *, Py_ssize_t);
#endif /* >= 3.13 */

#if _Py_LIMITED_VERSION >= 0x030f0000
PyAPI_FUNC(int) PyDict_SetDefaultRef(PyObject *, PyObject *, PyObject *, PyObject **);
#endif /* >= 3.15 */

#endif
