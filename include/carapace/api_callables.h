/* Carapace: Limited API declarations -- functions, methods, descriptors, capsules, weak references, modules.
 * Each block is guarded by the first Limited API version that offers it. */
#ifndef CARAPACE_API_CALLABLES_H
#define CARAPACE_API_CALLABLES_H

/* since 3.2 */
PyAPI_FUNC(int) PyArg_Parse(PyObject *, const char *, ...);
PyAPI_FUNC(int) PyArg_ParseTuple(PyObject *, const char *, ...);
PyAPI_FUNC(int) PyArg_ParseTupleAndKeywords(PyObject *, PyObject *, const char *, char *const *, ...);
PyAPI_FUNC(int) PyArg_UnpackTuple(PyObject *, const char *, Py_ssize_t, Py_ssize_t, ...);
PyAPI_FUNC(int) PyArg_VaParse(PyObject *, const char *, va_list);
PyAPI_FUNC(int) PyArg_VaParseTupleAndKeywords(PyObject *, PyObject *, const char *, char *const *, va_list);
PyAPI_FUNC(int) PyArg_ValidateKeywordArguments(PyObject *);
PyAPI_FUNC(int) PyCFunction_GetFlags(PyObject *);
PyAPI_FUNC(PyCFunction) PyCFunction_GetFunction(PyObject *);
PyAPI_FUNC(PyObject *) PyCFunction_GetSelf(PyObject *);
PyAPI_FUNC(PyObject *) PyCFunction_New(PyMethodDef *, PyObject *);
PyAPI_FUNC(PyObject *) PyCFunction_NewEx(PyMethodDef *, PyObject *, PyObject *);
PyAPI_FUNC(void *) PyCapsule_GetContext(PyObject *);
PyAPI_FUNC(PyCapsule_Destructor) PyCapsule_GetDestructor(PyObject *);
PyAPI_FUNC(const char *) PyCapsule_GetName(PyObject *);
PyAPI_FUNC(void *) PyCapsule_GetPointer(PyObject *, const char *);
PyAPI_FUNC(void *) PyCapsule_Import(const char *, int);
PyAPI_FUNC(int) PyCapsule_IsValid(PyObject *, const char *);
PyAPI_FUNC(PyObject *) PyCapsule_New(void *, const char *, PyCapsule_Destructor);
PyAPI_FUNC(int) PyCapsule_SetContext(PyObject *, void *);
PyAPI_FUNC(int) PyCapsule_SetDestructor(PyObject *, PyCapsule_Destructor);
PyAPI_FUNC(int) PyCapsule_SetName(PyObject *, const char *);
PyAPI_FUNC(int) PyCapsule_SetPointer(PyObject *, void *);
PyAPI_FUNC(PyObject *) PyDescr_NewClassMethod(PyTypeObject *, PyMethodDef *);
PyAPI_FUNC(PyObject *) PyDescr_NewGetSet(PyTypeObject *, PyGetSetDef *);
PyAPI_FUNC(PyObject *) PyDescr_NewMember(PyTypeObject *, PyMemberDef *);
PyAPI_FUNC(PyObject *) PyDescr_NewMethod(PyTypeObject *, PyMethodDef *);
PyAPI_FUNC(PyObject *) PyDictProxy_New(PyObject *);
PyAPI_FUNC(PyObject *) PyMember_GetOne(const char *, PyMemberDef *);
PyAPI_FUNC(int) PyMember_SetOne(char *, PyMemberDef *, PyObject *);
PyAPI_FUNC(int) PyModule_AddIntConstant(PyObject *, const char *, long);
PyAPI_FUNC(int) PyModule_AddObject(PyObject *, const char *, PyObject *);
PyAPI_FUNC(int) PyModule_AddStringConstant(PyObject *, const char *, const char *);
PyAPI_FUNC(PyObject *) PyModule_Create2(PyModuleDef *, int);
PyAPI_FUNC(PyModuleDef *) PyModule_GetDef(PyObject *);
PyAPI_FUNC(PyObject *) PyModule_GetDict(PyObject *);
PyAPI_FUNC(const char *) PyModule_GetFilename(PyObject *);
PyAPI_FUNC(PyObject *) PyModule_GetFilenameObject(PyObject *);
PyAPI_FUNC(const char *) PyModule_GetName(PyObject *);
PyAPI_FUNC(void *) PyModule_GetState(PyObject *);
PyAPI_FUNC(PyObject *) PyModule_New(const char *);
PyAPI_FUNC(PyObject *) PyWeakref_NewProxy(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyWeakref_NewRef(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyWrapper_New(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) Py_BuildValue(const char *, ...);
PyAPI_FUNC(PyObject *) Py_VaBuildValue(const char *, va_list);

#if _Py_LIMITED_VERSION >= 0x03030000
PyAPI_FUNC(PyObject *) PyModule_GetNameObject(PyObject *);
PyAPI_FUNC(PyObject *) PyModule_NewObject(PyObject *);
#endif /* >= 3.3 */

#if _Py_LIMITED_VERSION >= 0x03050000
PyAPI_FUNC(PyObject *) PyModuleDef_Init(PyModuleDef *);
PyAPI_FUNC(int) PyModule_AddFunctions(PyObject *, PyMethodDef *);
PyAPI_FUNC(int) PyModule_ExecDef(PyObject *, PyModuleDef *);
PyAPI_FUNC(PyObject *) PyModule_FromDefAndSpec2(PyModuleDef *, PyObject *, int);
PyAPI_FUNC(int) PyModule_SetDocString(PyObject *, const char *);
#endif /* >= 3.5 */

#if _Py_LIMITED_VERSION >= 0x03090000
PyAPI_FUNC(PyObject *) PyCMethod_New(PyMethodDef *, PyObject *, PyObject *, PyTypeObject *);
PyAPI_FUNC(int) PyModule_AddType(PyObject *, PyTypeObject *);
#endif /* >= 3.9 */

#if _Py_LIMITED_VERSION >= 0x030a0000
PyAPI_FUNC(int) PyModule_AddObjectRef(PyObject *, const char *, PyObject *);
#endif /* >= 3.10 */

#if _Py_LIMITED_VERSION >= 0x030d0000
PyAPI_FUNC(int) PyModule_Add(PyObject *, const char *, PyObject *);
PyAPI_FUNC(int) PyWeakref_GetRef(PyObject *, PyObject **);
#endif /* >= 3.13 */

#if _Py_LIMITED_VERSION >= 0x030f0000
PyAPI_FUNC(int) PyABIInfo_Check(PyABIInfo *, const char *);
PyAPI_FUNC(int) PyModule_Exec(PyObject *);
PyAPI_FUNC(PyObject *) PyModule_FromSlotsAndSpec(const PySlot *, PyObject *);
PyAPI_FUNC(int) PyModule_GetStateSize(PyObject *, Py_ssize_t *);
PyAPI_FUNC(void *) PyModule_GetState_DuringGC(PyObject *);
PyAPI_FUNC(int) PyModule_GetToken(PyObject *, void **);
PyAPI_FUNC(int) PyModule_GetToken_DuringGC(PyObject *, void **);
#endif /* >= 3.15 */

#endif
