/* Carapace: Limited API declarations -- abstract object, number, sequence, mapping, iterator and call protocols.
 * Each block is guarded by the first Limited API version that offers it. */
#ifndef CARAPACE_API_ABSTRACT_H
#define CARAPACE_API_ABSTRACT_H

/* since 3.2 */
PyAPI_FUNC(int) PyAIter_Check(PyObject *);
PyAPI_FUNC(int) PyIndex_Check(PyObject *);
PyAPI_FUNC(int) PyIter_Check(PyObject *);
PyAPI_FUNC(PyObject *) PyIter_Next(PyObject *);
PyAPI_FUNC(int) PyMapping_Check(PyObject *);
PyAPI_FUNC(PyObject *) PyMapping_GetItemString(PyObject *, const char *);
PyAPI_FUNC(int) PyMapping_HasKey(PyObject *, PyObject *);
PyAPI_FUNC(int) PyMapping_HasKeyString(PyObject *, const char *);
PyAPI_FUNC(int) PyMapping_HasKeyStringWithError(PyObject *, const char *);
PyAPI_FUNC(int) PyMapping_HasKeyWithError(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyMapping_Items(PyObject *);
PyAPI_FUNC(PyObject *) PyMapping_Keys(PyObject *);
PyAPI_FUNC(Py_ssize_t) PyMapping_Length(PyObject *);
PyAPI_FUNC(int) PyMapping_SetItemString(PyObject *, const char *, PyObject *);
PyAPI_FUNC(Py_ssize_t) PyMapping_Size(PyObject *);
PyAPI_FUNC(PyObject *) PyMapping_Values(PyObject *);
PyAPI_FUNC(PyObject *) PyNumber_Absolute(PyObject *);
PyAPI_FUNC(PyObject *) PyNumber_Add(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyNumber_And(PyObject *, PyObject *);
PyAPI_FUNC(Py_ssize_t) PyNumber_AsSsize_t(PyObject *, PyObject *);
PyAPI_FUNC(int) PyNumber_Check(PyObject *);
PyAPI_FUNC(PyObject *) PyNumber_Divmod(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyNumber_Float(PyObject *);
PyAPI_FUNC(PyObject *) PyNumber_FloorDivide(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyNumber_InPlaceAdd(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyNumber_InPlaceAnd(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyNumber_InPlaceFloorDivide(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyNumber_InPlaceLshift(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyNumber_InPlaceMultiply(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyNumber_InPlaceOr(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyNumber_InPlacePower(PyObject *, PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyNumber_InPlaceRemainder(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyNumber_InPlaceRshift(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyNumber_InPlaceSubtract(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyNumber_InPlaceTrueDivide(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyNumber_InPlaceXor(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyNumber_Index(PyObject *);
PyAPI_FUNC(PyObject *) PyNumber_Invert(PyObject *);
PyAPI_FUNC(PyObject *) PyNumber_Long(PyObject *);
PyAPI_FUNC(PyObject *) PyNumber_Lshift(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyNumber_Multiply(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyNumber_Negative(PyObject *);
PyAPI_FUNC(PyObject *) PyNumber_Or(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyNumber_Positive(PyObject *);
PyAPI_FUNC(PyObject *) PyNumber_Power(PyObject *, PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyNumber_Remainder(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyNumber_Rshift(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyNumber_Subtract(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyNumber_ToBase(PyObject *, int);
PyAPI_FUNC(PyObject *) PyNumber_TrueDivide(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyNumber_Xor(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyObject_Call(PyObject *, PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyObject_CallFunction(PyObject *, const char *, ...);
PyAPI_FUNC(PyObject *) PyObject_CallFunctionObjArgs(PyObject *, ...);
PyAPI_FUNC(PyObject *) PyObject_CallMethod(PyObject *, const char *, const char *, ...);
PyAPI_FUNC(PyObject *) PyObject_CallMethodObjArgs(PyObject *, PyObject *, ...);
PyAPI_FUNC(PyObject *) PyObject_CallObject(PyObject *, PyObject *);
PyAPI_FUNC(int) PyObject_DelItem(PyObject *, PyObject *);
PyAPI_FUNC(int) PyObject_DelItemString(PyObject *, const char *);
PyAPI_FUNC(PyObject *) PyObject_Format(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyObject_GetAIter(PyObject *);
PyAPI_FUNC(PyObject *) PyObject_GetItem(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyObject_GetIter(PyObject *);
PyAPI_FUNC(int) PyObject_IsInstance(PyObject *, PyObject *);
PyAPI_FUNC(int) PyObject_IsSubclass(PyObject *, PyObject *);
PyAPI_FUNC(Py_ssize_t) PyObject_Length(PyObject *);
PyAPI_FUNC(int) PyObject_SetItem(PyObject *, PyObject *, PyObject *);
PyAPI_FUNC(Py_ssize_t) PyObject_Size(PyObject *);
PyAPI_FUNC(PyObject *) PyObject_Type(PyObject *);
PyAPI_FUNC(int) PySequence_Check(PyObject *);
PyAPI_FUNC(PyObject *) PySequence_Concat(PyObject *, PyObject *);
PyAPI_FUNC(int) PySequence_Contains(PyObject *, PyObject *);
PyAPI_FUNC(Py_ssize_t) PySequence_Count(PyObject *, PyObject *);
PyAPI_FUNC(int) PySequence_DelItem(PyObject *, Py_ssize_t);
PyAPI_FUNC(int) PySequence_DelSlice(PyObject *, Py_ssize_t, Py_ssize_t);
PyAPI_FUNC(PyObject *) PySequence_Fast(PyObject *, const char *);
PyAPI_FUNC(PyObject *) PySequence_GetItem(PyObject *, Py_ssize_t);
PyAPI_FUNC(PyObject *) PySequence_GetSlice(PyObject *, Py_ssize_t, Py_ssize_t);
PyAPI_FUNC(int) PySequence_In(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PySequence_InPlaceConcat(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PySequence_InPlaceRepeat(PyObject *, Py_ssize_t);
PyAPI_FUNC(Py_ssize_t) PySequence_Index(PyObject *, PyObject *);
PyAPI_FUNC(Py_ssize_t) PySequence_Length(PyObject *);
PyAPI_FUNC(PyObject *) PySequence_List(PyObject *);
PyAPI_FUNC(PyObject *) PySequence_Repeat(PyObject *, Py_ssize_t);
PyAPI_FUNC(int) PySequence_SetItem(PyObject *, Py_ssize_t, PyObject *);
PyAPI_FUNC(int) PySequence_SetSlice(PyObject *, Py_ssize_t, Py_ssize_t, PyObject *);
PyAPI_FUNC(Py_ssize_t) PySequence_Size(PyObject *);
PyAPI_FUNC(PyObject *) PySequence_Tuple(PyObject *);
PyAPI_FUNC(PyObject *) PyVectorcall_Call(PyObject *, PyObject *, PyObject *);
PyAPI_FUNC(Py_ssize_t) PyVectorcall_NARGS(size_t);

#if _Py_LIMITED_VERSION >= 0x03050000
PyAPI_FUNC(PyObject *) PyNumber_InPlaceMatrixMultiply(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyNumber_MatrixMultiply(PyObject *, PyObject *);
#endif /* >= 3.5 */

#if _Py_LIMITED_VERSION >= 0x03090000
PyAPI_FUNC(PyObject *) PyObject_CallNoArgs(PyObject *);
#endif /* >= 3.9 */

#if _Py_LIMITED_VERSION >= 0x030a0000
PyAPI_FUNC(PySendResult) PyIter_Send(PyObject *, PyObject *, PyObject **);
#endif /* >= 3.10 */

#if _Py_LIMITED_VERSION >= 0x030c0000
PyAPI_FUNC(PyObject *) PyObject_Vectorcall(PyObject *, PyObject *const *, size_t, PyObject *);
PyAPI_FUNC(PyObject *) PyObject_VectorcallMethod(PyObject *, PyObject *const *, size_t, PyObject *);
#endif /* >= 3.12 */

#if _Py_LIMITED_VERSION >= 0x030d0000
PyAPI_FUNC(int) PyMapping_GetOptionalItem(PyObject *, PyObject *, PyObject **);
PyAPI_FUNC(int) PyMapping_GetOptionalItemString(PyObject *, const char *, PyObject **);
#endif /* >= 3.13 */

#if _Py_LIMITED_VERSION >= 0x030e0000
PyAPI_FUNC(int) PyIter_NextItem(PyObject *, PyObject **);
#endif /* >= 3.14 */

#endif
