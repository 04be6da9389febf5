/* Carapace: Limited API declarations -- interpreter, threads, import, sys, lifecycle, evaluation.
 * Each block is guarded by the first Limited API version that offers it. */
#ifndef CARAPACE_API_RUNTIME_H
#define CARAPACE_API_RUNTIME_H

/* since 3.2 */
PyAPI_FUNC(void) PyErr_Display(PyObject *, PyObject *, PyObject *);
PyAPI_FUNC(void) PyErr_Print(void);
PyAPI_FUNC(void) PyErr_PrintEx(int);
PyAPI_FUNC(void) PyEval_AcquireThread(PyThreadState *);
PyAPI_FUNC(PyObject *) PyEval_EvalCode(PyObject *, PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyEval_EvalCodeEx(PyObject *, PyObject *, PyObject *, PyObject *const *, int, PyObject *const *, int, PyObject *const *, int, PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyEval_EvalFrame(PyFrameObject *);
PyAPI_FUNC(PyObject *) PyEval_EvalFrameEx(PyFrameObject *, int);
PyAPI_FUNC(PyObject *) PyEval_GetBuiltins(void);
PyAPI_FUNC(PyFrameObject *) PyEval_GetFrame(void);
PyAPI_FUNC(PyObject *) PyEval_GetFrameBuiltins(void);
PyAPI_FUNC(PyObject *) PyEval_GetFrameGlobals(void);
PyAPI_FUNC(PyObject *) PyEval_GetFrameLocals(void);
PyAPI_FUNC(const char *) PyEval_GetFuncDesc(PyObject *);
PyAPI_FUNC(const char *) PyEval_GetFuncName(PyObject *);
PyAPI_FUNC(PyObject *) PyEval_GetGlobals(void);
PyAPI_FUNC(PyObject *) PyEval_GetLocals(void);
PyAPI_FUNC(void) PyEval_InitThreads(void);
PyAPI_FUNC(void) PyEval_ReleaseThread(PyThreadState *);
PyAPI_FUNC(void) PyEval_RestoreThread(PyThreadState *);
PyAPI_FUNC(PyThreadState *) PyEval_SaveThread(void);
PyAPI_FUNC(PyObject *) PyFile_FromFd(int, const char *, const char *, int, const char *, const char *, const char *, int);
PyAPI_FUNC(PyObject *) PyFile_GetLine(PyObject *, int);
PyAPI_FUNC(int) PyFile_WriteObject(PyObject *, PyObject *, int);
PyAPI_FUNC(int) PyFile_WriteString(const char *, PyObject *);
PyAPI_FUNC(PyCodeObject *) PyFrame_GetCode(PyFrameObject *);
PyAPI_FUNC(int) PyFrame_GetLineNumber(PyFrameObject *);
PyAPI_FUNC(PyGILState_STATE) PyGILState_Ensure(void);
PyAPI_FUNC(PyThreadState *) PyGILState_GetThisThreadState(void);
PyAPI_FUNC(void) PyGILState_Release(PyGILState_STATE);
PyAPI_FUNC(PyObject *) PyImport_AddModule(const char *);
PyAPI_FUNC(int) PyImport_AppendInittab(const char *, PyObject *(*)(void));
PyAPI_FUNC(PyObject *) PyImport_ExecCodeModule(const char *, PyObject *);
PyAPI_FUNC(PyObject *) PyImport_ExecCodeModuleEx(const char *, PyObject *, const char *);
PyAPI_FUNC(PyObject *) PyImport_ExecCodeModuleWithPathnames(const char *, PyObject *, const char *, const char *);
PyAPI_FUNC(PyObject *) PyImport_GetImporter(PyObject *);
PyAPI_FUNC(long) PyImport_GetMagicNumber(void);
PyAPI_FUNC(const char *) PyImport_GetMagicTag(void);
PyAPI_FUNC(PyObject *) PyImport_GetModuleDict(void);
PyAPI_FUNC(PyObject *) PyImport_Import(PyObject *);
PyAPI_FUNC(int) PyImport_ImportFrozenModule(const char *);
PyAPI_FUNC(PyObject *) PyImport_ImportModule(const char *);
PyAPI_FUNC(PyObject *) PyImport_ImportModuleLevel(const char *, PyObject *, PyObject *, PyObject *, int);
PyAPI_FUNC(PyObject *) PyImport_ReloadModule(PyObject *);
PyAPI_FUNC(void) PyInterpreterState_Clear(PyInterpreterState *);
PyAPI_FUNC(void) PyInterpreterState_Delete(PyInterpreterState *);
PyAPI_FUNC(PyInterpreterState *) PyInterpreterState_New(void);
PyAPI_FUNC(void) PyOS_AfterFork(void);
PyAPI_DATA(int) (*PyOS_InputHook)(void);
PyAPI_FUNC(int) PyOS_InterruptOccurred(void);
PyAPI_FUNC(PyOS_sighandler_t) PyOS_getsig(int);
PyAPI_FUNC(PyOS_sighandler_t) PyOS_setsig(int, PyOS_sighandler_t);
PyAPI_FUNC(int) PyObject_AsFileDescriptor(PyObject *);
PyAPI_FUNC(PyObject *) PyState_FindModule(PyModuleDef *);
PyAPI_FUNC(void) PySys_FormatStderr(const char *, ...);
PyAPI_FUNC(void) PySys_FormatStdout(const char *, ...);
PyAPI_FUNC(PyObject *) PySys_GetObject(const char *);
PyAPI_FUNC(PyObject *) PySys_GetXOptions(void);
PyAPI_FUNC(void) PySys_SetArgv(int, wchar_t **);
PyAPI_FUNC(void) PySys_SetArgvEx(int, wchar_t **, int);
PyAPI_FUNC(int) PySys_SetObject(const char *, PyObject *);
PyAPI_FUNC(void) PySys_WriteStderr(const char *, ...);
PyAPI_FUNC(void) PySys_WriteStdout(const char *, ...);
PyAPI_FUNC(void) PyThreadState_Clear(PyThreadState *);
PyAPI_FUNC(void) PyThreadState_Delete(PyThreadState *);
PyAPI_FUNC(PyThreadState *) PyThreadState_Get(void);
PyAPI_FUNC(PyObject *) PyThreadState_GetDict(void);
PyAPI_FUNC(PyThreadState *) PyThreadState_New(PyInterpreterState *);
PyAPI_FUNC(int) PyThreadState_SetAsyncExc(unsigned long, PyObject *);
PyAPI_FUNC(PyThreadState *) PyThreadState_Swap(PyThreadState *);
PyAPI_FUNC(void) PyThread_ReInitTLS(void);
PyAPI_FUNC(int) PyThread_acquire_lock(PyThread_type_lock, int);
PyAPI_FUNC(PyLockStatus) PyThread_acquire_lock_timed(PyThread_type_lock, long long, int);
PyAPI_FUNC(PyThread_type_lock) PyThread_allocate_lock(void);
PyAPI_FUNC(int) PyThread_create_key(void);
PyAPI_FUNC(void) PyThread_delete_key(int);
PyAPI_FUNC(void) PyThread_delete_key_value(int);
PyAPI_FUNC(void) PyThread_exit_thread(void);
PyAPI_FUNC(void) PyThread_free_lock(PyThread_type_lock);
PyAPI_FUNC(void *) PyThread_get_key_value(int);
PyAPI_FUNC(size_t) PyThread_get_stacksize(void);
PyAPI_FUNC(unsigned long) PyThread_get_thread_ident(void);
PyAPI_FUNC(unsigned long) PyThread_get_thread_native_id(void);
PyAPI_FUNC(void) PyThread_init_thread(void);
PyAPI_FUNC(void) PyThread_release_lock(PyThread_type_lock);
PyAPI_FUNC(int) PyThread_set_key_value(int, void *);
PyAPI_FUNC(int) PyThread_set_stacksize(size_t);
PyAPI_FUNC(unsigned long) PyThread_start_new_thread(void(*)(void *), void *);
PyAPI_FUNC(int) Py_AddPendingCall(int(*)(void *), void *);
PyAPI_FUNC(int) Py_AtExit(void(*)(void));
PyAPI_FUNC(int) Py_BytesMain(int, char **);
PyAPI_FUNC(PyObject *) Py_CompileString(const char *, const char *, int);
PyAPI_FUNC(void) Py_EndInterpreter(PyThreadState *);
PyAPI_FUNC(int) Py_EnterRecursiveCall(const char *);
_Py_NO_RETURN PyAPI_FUNC(void) Py_Exit(int);
PyAPI_FUNC(void) Py_Finalize(void);
PyAPI_FUNC(const char *) Py_GetBuildInfo(void);
PyAPI_FUNC(const char *) Py_GetCompiler(void);
PyAPI_FUNC(const char *) Py_GetCopyright(void);
PyAPI_FUNC(const char *) Py_GetPlatform(void);
PyAPI_FUNC(int) Py_GetRecursionLimit(void);
PyAPI_FUNC(const char *) Py_GetVersion(void);
PyAPI_FUNC(void) Py_Initialize(void);
PyAPI_FUNC(void) Py_InitializeEx(int);
PyAPI_FUNC(int) Py_IsInitialized(void);
PyAPI_FUNC(void) Py_LeaveRecursiveCall(void);
PyAPI_FUNC(int) Py_Main(int, wchar_t **);
PyAPI_FUNC(int) Py_MakePendingCalls(void);
PyAPI_FUNC(PyThreadState *) Py_NewInterpreter(void);
PyAPI_FUNC(void) Py_SetProgramName(const wchar_t *);
PyAPI_FUNC(void) Py_SetPythonHome(const wchar_t *);
PyAPI_FUNC(void) Py_SetRecursionLimit(int);

#if _Py_LIMITED_VERSION >= 0x03030000
PyAPI_FUNC(PyObject *) PyImport_AddModuleObject(PyObject *);
PyAPI_FUNC(PyObject *) PyImport_ExecCodeModuleObject(PyObject *, PyObject *, PyObject *, PyObject *);
PyAPI_FUNC(int) PyImport_ImportFrozenModuleObject(PyObject *);
PyAPI_FUNC(int) PyState_AddModule(PyObject *, PyModuleDef *);
PyAPI_FUNC(int) PyState_RemoveModule(PyModuleDef *);
PyAPI_FUNC(PyObject *) PyThread_GetInfo(void);
#endif /* >= 3.3 */

#if _Py_LIMITED_VERSION >= 0x03050000
PyAPI_FUNC(PyObject *) PyImport_ImportModuleLevelObject(PyObject *, PyObject *, PyObject *, PyObject *, int);
PyAPI_FUNC(wchar_t *) Py_DecodeLocale(const char *, size_t *);
PyAPI_FUNC(char *) Py_EncodeLocale(const wchar_t *, size_t *);
#endif /* >= 3.5 */

#if _Py_LIMITED_VERSION >= 0x03060000
PyAPI_FUNC(PyObject *) PyOS_FSPath(PyObject *);
PyAPI_FUNC(int) Py_FinalizeEx(void);
#endif /* >= 3.6 */

#if _Py_LIMITED_VERSION >= 0x03070000
PyAPI_FUNC(PyObject *) PyImport_GetModule(PyObject *);
PyAPI_FUNC(int64_t) PyInterpreterState_GetID(PyInterpreterState *);
PyAPI_FUNC(void) PyOS_AfterFork_Child(void);
PyAPI_FUNC(void) PyOS_AfterFork_Parent(void);
PyAPI_FUNC(void) PyOS_BeforeFork(void);
PyAPI_FUNC(Py_tss_t *) PyThread_tss_alloc(void);
PyAPI_FUNC(int) PyThread_tss_create(Py_tss_t *);
PyAPI_FUNC(void) PyThread_tss_delete(Py_tss_t *);
PyAPI_FUNC(void) PyThread_tss_free(Py_tss_t *);
PyAPI_FUNC(void *) PyThread_tss_get(Py_tss_t *);
PyAPI_FUNC(int) PyThread_tss_is_created(Py_tss_t *);
PyAPI_FUNC(int) PyThread_tss_set(Py_tss_t *, void *);
#endif /* >= 3.7 */

#if _Py_LIMITED_VERSION >= 0x03080000
PyAPI_FUNC(PyObject *) PyInterpreterState_GetDict(PyInterpreterState *);
#endif /* >= 3.8 */

#if _Py_LIMITED_VERSION >= 0x03090000
PyAPI_FUNC(PyInterpreterState *) PyInterpreterState_Get(void);
PyAPI_FUNC(PyFrameObject *) PyThreadState_GetFrame(PyThreadState *);
PyAPI_FUNC(uint64_t) PyThreadState_GetID(PyThreadState *);
PyAPI_FUNC(PyInterpreterState *) PyThreadState_GetInterpreter(PyThreadState *);
#endif /* >= 3.9 */

#if _Py_LIMITED_VERSION >= 0x030c0000
PyAPI_FUNC(void) PyErr_DisplayException(PyObject *);
#endif /* >= 3.12 */

#if _Py_LIMITED_VERSION >= 0x030d0000
PyAPI_FUNC(PyObject *) PyImport_AddModuleRef(const char *);
PyAPI_FUNC(int) PySys_Audit(const char *, const char *, ...);
PyAPI_FUNC(int) PySys_AuditTuple(const char *, PyObject *);
PyAPI_FUNC(int) Py_IsFinalizing(void);
#endif /* >= 3.13 */

#if _Py_LIMITED_VERSION >= 0x030f0000
PyAPI_FUNC(void) PyInterpreterGuard_Close(PyInterpreterGuard *);
PyAPI_FUNC(PyInterpreterGuard *) PyInterpreterGuard_FromCurrent(void);
PyAPI_FUNC(PyInterpreterGuard *) PyInterpreterGuard_FromView(PyInterpreterView *);
PyAPI_FUNC(void) PyInterpreterView_Close(PyInterpreterView *);
PyAPI_FUNC(PyInterpreterView *) PyInterpreterView_FromCurrent(void);
PyAPI_FUNC(PyInterpreterView *) PyInterpreterView_FromMain(void);
PyAPI_FUNC(PyObject *) PySys_GetAttr(PyObject *);
PyAPI_FUNC(PyObject *) PySys_GetAttrString(const char *);
PyAPI_FUNC(int) PySys_GetOptionalAttr(PyObject *, PyObject **);
PyAPI_FUNC(int) PySys_GetOptionalAttrString(const char *, PyObject **);
PyAPI_FUNC(PyThreadStateToken *) PyThreadState_Ensure(PyInterpreterGuard *);
PyAPI_FUNC(PyThreadStateToken *) PyThreadState_EnsureFromView(PyInterpreterView *);
PyAPI_FUNC(void) PyThreadState_Release(PyThreadStateToken *);
#endif /* >= 3.15 */

#endif
