/* Carapace: what the Limited API does inline -- reference counting, type
 * access, type checks, singletons, and convenience macros. Which form is
 * used depends on the Limited API version, exactly as compiled code built
 * with CPython's headers of the same version expects:
 *   < 3.12  refcounts are changed in place (immortal-aware, 3.14+ layout)
 *   >= 3.12 refcounting calls _Py_IncRef/_Py_DecRef
 *   >= 3.14 Py_TYPE/Py_REFCNT are calls; >= 3.15 Py_SIZE/Py_IS_TYPE too
 *   abi3t   PyObject is opaque: everything goes through functions. */
#ifndef CARAPACE_INLINE_H
#define CARAPACE_INLINE_H

/* ---- type flags ------------------------------------------------------- */
#define Py_TPFLAGS_HAVE_FINALIZE (1UL << 0)
#define Py_TPFLAGS_DISALLOW_INSTANTIATION (1UL << 7)
#define Py_TPFLAGS_IMMUTABLETYPE (1UL << 8)
#define Py_TPFLAGS_HEAPTYPE (1UL << 9)
#define Py_TPFLAGS_BASETYPE (1UL << 10)
#if _Py_LIMITED_VERSION >= 0x030c0000
#  define Py_TPFLAGS_HAVE_VECTORCALL (1UL << 11)
#endif
#define Py_TPFLAGS_READY (1UL << 12)
#define Py_TPFLAGS_READYING (1UL << 13)
#define Py_TPFLAGS_HAVE_GC (1UL << 14)
#define Py_TPFLAGS_HAVE_STACKLESS_EXTENSION 0
#define Py_TPFLAGS_METHOD_DESCRIPTOR (1UL << 17)
#define Py_TPFLAGS_HAVE_VERSION_TAG (1UL << 18)
#define Py_TPFLAGS_VALID_VERSION_TAG (1UL << 19)
#define Py_TPFLAGS_IS_ABSTRACT (1UL << 20)
#define _Py_TPFLAGS_MATCH_SELF (1UL << 22)
#define Py_TPFLAGS_ITEMS_AT_END (1UL << 23)
#define Py_TPFLAGS_LONG_SUBCLASS (1UL << 24)
#define Py_TPFLAGS_LIST_SUBCLASS (1UL << 25)
#define Py_TPFLAGS_TUPLE_SUBCLASS (1UL << 26)
#define Py_TPFLAGS_BYTES_SUBCLASS (1UL << 27)
#define Py_TPFLAGS_UNICODE_SUBCLASS (1UL << 28)
#define Py_TPFLAGS_DICT_SUBCLASS (1UL << 29)
#define Py_TPFLAGS_BASE_EXC_SUBCLASS (1UL << 30)
#define Py_TPFLAGS_TYPE_SUBCLASS (1UL << 31)
#define Py_TPFLAGS_DEFAULT 0

/* ---- misc constants ------------------------------------------------------ */
#define Py_LT 0
#define Py_LE 1
#define Py_EQ 2
#define Py_NE 3
#define Py_GT 4
#define Py_GE 5
/* ids for Py_GetConstant() */
#if 1
#  define Py_CONSTANT_NONE 0
#  define Py_CONSTANT_FALSE 1
#  define Py_CONSTANT_TRUE 2
#  define Py_CONSTANT_ELLIPSIS 3
#  define Py_CONSTANT_NOT_IMPLEMENTED 4
#  define Py_CONSTANT_ZERO 5
#  define Py_CONSTANT_ONE 6
#  define Py_CONSTANT_EMPTY_STR 7
#  define Py_CONSTANT_EMPTY_BYTES 8
#  define Py_CONSTANT_EMPTY_TUPLE 9
#endif
#if _Py_LIMITED_VERSION >= 0x030e0000
#  define Py_ASNATIVEBYTES_DEFAULTS -1
#  define Py_ASNATIVEBYTES_BIG_ENDIAN 0
#  define Py_ASNATIVEBYTES_LITTLE_ENDIAN 1
#  define Py_ASNATIVEBYTES_NATIVE_ENDIAN 3
#  define Py_ASNATIVEBYTES_UNSIGNED_BUFFER 4
#  define Py_ASNATIVEBYTES_REJECT_NEGATIVE 8
#  define Py_ASNATIVEBYTES_ALLOW_INDEX 16
#endif
#define Py_CLEANUP_SUPPORTED 0x20000
#define Py_PRINT_RAW 1
#define Py_single_input 256
#define Py_file_input 257
#define Py_eval_input 258
#define Py_func_type_input 345
#define Py_DTSF_SIGN 0x01
#define Py_DTSF_ADD_DOT_0 0x02
#define Py_DTSF_ALT 0x04
#define Py_DTSF_NO_NEG_0 0x08
#define Py_DTST_FINITE 0
#define Py_DTST_INFINITE 1
#define Py_DTST_NAN 2
#define Py_UNICODE_REPLACEMENT_CHARACTER ((Py_UCS4) 0xFFFD)
#define WAIT_LOCK 1
#define NOWAIT_LOCK 0
#define PY_HAVE_THREAD_NATIVE_ID
#define MAX_CO_EXTRA_USERS 255
/* conversion flags of formatted values (f-strings) */
#define FVC_MASK 0x3
#define FVC_NONE 0x0
#define FVC_STR 0x1
#define FVC_REPR 0x2
#define FVC_ASCII 0x3
#define FVS_MASK 0x4
#define FVS_HAVE_SPEC 0x4
#if _Py_LIMITED_VERSION >= 0x030e0000
#  define Py_PACK_FULL_VERSION _Py_PACK_FULL_VERSION
#  define Py_PACK_VERSION _Py_PACK_VERSION
#endif

/* ---- object header access --------------------------------------------------- */
#define Py_Is(x, y) ((x) == (y))

#ifndef _Py_OPAQUE_PYOBJECT
static inline void Py_SET_TYPE(PyObject *ob, PyTypeObject *type)
{
    ob->ob_type = type;
}

#  if _Py_LIMITED_VERSION < 0x030b0000
#    define Py_TYPE(ob) _Cara_type(_PyObject_CAST(ob))
#    define Py_SIZE(ob) _Cara_size(_PyObject_CAST(ob))
#    define Py_IS_TYPE(ob, type) _Cara_is_type(_PyObject_CAST(ob), (type))
#    define Py_SET_SIZE(ob, size) _Cara_set_size(_PyVarObject_CAST(ob), (size))
#    define Py_SET_TYPE(ob, type) Py_SET_TYPE(_PyObject_CAST(ob), type)
#  elif _Py_LIMITED_VERSION < 0x030f0000
#    define Py_SIZE(ob) _Cara_size(ob)
#    define Py_IS_TYPE(ob, type) _Cara_is_type((ob), (type))
#    define Py_SET_SIZE(ob, size) _Cara_set_size((ob), (size))
#    if _Py_LIMITED_VERSION < 0x030e0000
#      define Py_TYPE(ob) _Cara_type(ob)
#    endif
#  endif

/* Private helpers behind those macros (Carapace's own names). Py_IS_TYPE
 * goes through Py_TYPE, which is a call from 3.14 on. */
static inline PyTypeObject *_Cara_type(PyObject *ob) { return ob->ob_type; }
static inline Py_ssize_t _Cara_size(PyObject *ob) { return ((PyVarObject *)ob)->ob_size; }
static inline int _Cara_is_type(PyObject *ob, PyTypeObject *t) { return Py_TYPE(ob) == t; }
static inline void _Cara_set_size(PyVarObject *ob, Py_ssize_t n) { ob->ob_size = n; }
/* 3.14+ immortality test: the 32-bit count reads negative. */
static inline Py_ALWAYS_INLINE int _Cara_immortal(PyObject *op) { return (int32_t)op->ob_refcnt < 0; }
static inline Py_ssize_t _Cara_refcnt(PyObject *ob) { return ob->ob_refcnt; }
#endif /* !_Py_OPAQUE_PYOBJECT */

/* Py_REFCNT: a call from 3.14 and in abi3t, a field read before. */
#if _Py_LIMITED_VERSION < 0x030e0000 && !defined(_Py_OPAQUE_PYOBJECT)
#  if _Py_LIMITED_VERSION < 0x030b0000
#    define Py_REFCNT(ob) _Cara_refcnt(_PyObject_CAST(ob))
#  else
#    define Py_REFCNT(ob) _Cara_refcnt(ob)
#  endif
#endif

static inline void Py_SET_REFCNT(PyObject *ob, Py_ssize_t refcnt)
{
#  if _Py_LIMITED_VERSION >= 0x030d0000 || defined(_Py_OPAQUE_PYOBJECT)
    _Py_SetRefcnt(ob, refcnt);
#  else
    if (_Cara_immortal(ob)) {
        return;
    }
    ob->ob_refcnt = (uint32_t)refcnt;
#  endif
}
#if _Py_LIMITED_VERSION < 0x030b0000
#  define Py_SET_REFCNT(ob, refcnt) Py_SET_REFCNT(_PyObject_CAST(ob), (refcnt))
#endif

/* ---- reference counting ------------------------------------------------------- */
#if _Py_LIMITED_VERSION >= 0x030c0000 || defined(_Py_OPAQUE_PYOBJECT)
/* Out of line: the runtime owns the count's encoding. */
static inline Py_ALWAYS_INLINE void Py_INCREF(PyObject *op) { _Py_IncRef(op); }
static inline void Py_DECREF(PyObject *op) { _Py_DecRef(op); }
#else
/* In place, on the low 32 bits: counts at or above 0xC0000000 are immortal
 * and never change; a count that drops to zero deallocates. */
static inline Py_ALWAYS_INLINE void Py_INCREF(PyObject *op)
{
    uint32_t cur = op->ob_refcnt;
    if (cur >= _Py_IMMORTAL_INITIAL_REFCNT) {
        return;
    }
    op->ob_refcnt = cur + 1;
}
static inline Py_ALWAYS_INLINE void Py_DECREF(PyObject *op)
{
    if (_Cara_immortal(op)) {
        return;
    }
    if (--op->ob_refcnt == 0) {
        _Py_Dealloc(op);
    }
}
#endif
#define Py_DECREF(op) Py_DECREF(_PyObject_CAST(op))
#if _Py_LIMITED_VERSION < 0x030b0000
#  define Py_INCREF(op) Py_INCREF(_PyObject_CAST(op))
#endif

static inline void Py_XINCREF(PyObject *op)
{
    if (op != _Py_NULL) {
        Py_INCREF(op);
    }
}
static inline void Py_XDECREF(PyObject *op)
{
    if (op != _Py_NULL) {
        Py_DECREF(op);
    }
}
#if _Py_LIMITED_VERSION < 0x030b0000
#  define Py_XINCREF(op) Py_XINCREF(_PyObject_CAST(op))
#  define Py_XDECREF(op) Py_XDECREF(_PyObject_CAST(op))
#endif

static inline PyObject *_Py_NewRef(PyObject *obj)
{
    Py_INCREF(obj);
    return obj;
}
static inline PyObject *_Py_XNewRef(PyObject *obj)
{
    Py_XINCREF(obj);
    return obj;
}
#if _Py_LIMITED_VERSION < 0x030b0000
#  define Py_NewRef(obj) _Py_NewRef(_PyObject_CAST(obj))
#  define Py_XNewRef(obj) _Py_XNewRef(_PyObject_CAST(obj))
#else
#  define Py_NewRef(obj) _Py_NewRef(obj)
#  define Py_XNewRef(obj) _Py_XNewRef(obj)
#endif

/* Clear a reference, setting the variable to NULL before the decref. */
#if defined(_Py_TYPEOF)
#  define Py_CLEAR(op) \
    do { \
        _Py_TYPEOF(&(op)) _py_clear_slot = &(op); \
        _Py_TYPEOF(op) _py_clear_old = *_py_clear_slot; \
        if (_py_clear_old != _Py_NULL) { \
            *_py_clear_slot = _Py_NULL; \
            Py_DECREF(_py_clear_old); \
        } \
    } while (0)
#elif defined(__cplusplus) && __cplusplus >= 201103L
#  define Py_CLEAR(op) \
    do { \
        auto _py_clear_slot = &(op); \
        auto _py_clear_old = *_py_clear_slot; \
        if (_py_clear_old != _Py_NULL) { \
            *_py_clear_slot = _Py_NULL; \
            Py_DECREF(_py_clear_old); \
        } \
    } while (0)
#else
#  define Py_CLEAR(op) \
    do { \
        PyObject **_py_clear_slot = _Py_CAST(PyObject **, &(op)); \
        PyObject *_py_clear_old = *_py_clear_slot; \
        if (_py_clear_old != _Py_NULL) { \
            PyObject *_py_clear_null = _Py_NULL; \
            memcpy(_py_clear_slot, &_py_clear_null, sizeof(PyObject *)); \
            Py_DECREF(_py_clear_old); \
        } \
    } while (0)
#endif

#define Py_VISIT(op) \
    do { \
        if (op) { \
            int _py_visit_rc = visit(_PyObject_CAST(op), arg); \
            if (_py_visit_rc) \
                return _py_visit_rc; \
        } \
    } while (0)

/* ---- type checks -------------------------------------------------------------- */
static inline int PyType_HasFeature(PyTypeObject *type, unsigned long feature)
{
    return (PyType_GetFlags(type) & feature) != 0;
}
#define PyType_FastSubclass(type, flag) PyType_HasFeature((type), (flag))
#define PyType_IS_GC(t) PyType_HasFeature((t), Py_TPFLAGS_HAVE_GC)

static inline int PyObject_TypeCheck(PyObject *ob, PyTypeObject *type)
{
    return Py_IS_TYPE(ob, type) || PyType_IsSubtype(Py_TYPE(ob), type);
}
#if _Py_LIMITED_VERSION < 0x030b0000
#  define PyObject_TypeCheck(ob, type) PyObject_TypeCheck(_PyObject_CAST(ob), (type))
#endif

static inline int PyType_Check(PyObject *op)
{
    return PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_TYPE_SUBCLASS);
}
#if _Py_LIMITED_VERSION < 0x030b0000
#  define PyType_Check(op) PyType_Check(_PyObject_CAST(op))
#endif
static inline int PyType_CheckExact(PyObject *op)
{
    return Py_IS_TYPE(op, &PyType_Type);
}
#if _Py_LIMITED_VERSION < 0x030b0000
#  define PyType_CheckExact(op) PyType_CheckExact(_PyObject_CAST(op))
#endif

#define PyLong_Check(op) PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_LONG_SUBCLASS)
#define PyLong_CheckExact(op) Py_IS_TYPE((op), &PyLong_Type)
#define PyBool_Check(x) Py_IS_TYPE((x), &PyBool_Type)
#define PyFloat_Check(op) PyObject_TypeCheck(op, &PyFloat_Type)
#define PyFloat_CheckExact(op) Py_IS_TYPE((op), &PyFloat_Type)
#define PyComplex_Check(op) PyObject_TypeCheck((op), &PyComplex_Type)
#define PyComplex_CheckExact(op) Py_IS_TYPE((op), &PyComplex_Type)
#define PyUnicode_Check(op) PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_UNICODE_SUBCLASS)
#define PyUnicode_CheckExact(op) Py_IS_TYPE((op), &PyUnicode_Type)
#define PyBytes_Check(op) PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_BYTES_SUBCLASS)
#define PyBytes_CheckExact(op) Py_IS_TYPE((op), &PyBytes_Type)
#define PyByteArray_Check(self) PyObject_TypeCheck((self), &PyByteArray_Type)
#define PyByteArray_CheckExact(self) Py_IS_TYPE((self), &PyByteArray_Type)
#define PyTuple_Check(op) PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_TUPLE_SUBCLASS)
#define PyTuple_CheckExact(op) Py_IS_TYPE((op), &PyTuple_Type)
#define PyList_Check(op) PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_LIST_SUBCLASS)
#define PyList_CheckExact(op) Py_IS_TYPE((op), &PyList_Type)
#define PyDict_Check(op) PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_DICT_SUBCLASS)
#define PyDict_CheckExact(op) Py_IS_TYPE((op), &PyDict_Type)
#define PyDictKeys_Check(op) PyObject_TypeCheck((op), &PyDictKeys_Type)
#define PyDictValues_Check(op) PyObject_TypeCheck((op), &PyDictValues_Type)
#define PyDictItems_Check(op) PyObject_TypeCheck((op), &PyDictItems_Type)
#define PyDictViewSet_Check(op) (PyDictKeys_Check(op) || PyDictItems_Check(op))
#define PySet_CheckExact(op) Py_IS_TYPE(op, &PySet_Type)
#define PySet_Check(ob) (Py_IS_TYPE((ob), &PySet_Type) || PyType_IsSubtype(Py_TYPE(ob), &PySet_Type))
#define PyFrozenSet_CheckExact(ob) Py_IS_TYPE((ob), &PyFrozenSet_Type)
#define PyFrozenSet_Check(ob) \
    (Py_IS_TYPE((ob), &PyFrozenSet_Type) || PyType_IsSubtype(Py_TYPE(ob), &PyFrozenSet_Type))
#define PyAnySet_CheckExact(ob) (Py_IS_TYPE((ob), &PySet_Type) || Py_IS_TYPE((ob), &PyFrozenSet_Type))
#define PyAnySet_Check(ob) \
    (PyAnySet_CheckExact(ob) || PyType_IsSubtype(Py_TYPE(ob), &PySet_Type) \
     || PyType_IsSubtype(Py_TYPE(ob), &PyFrozenSet_Type))
#define PySlice_Check(op) Py_IS_TYPE((op), &PySlice_Type)
#define PyRange_Check(op) Py_IS_TYPE((op), &PyRange_Type)
#define PyMemoryView_Check(op) Py_IS_TYPE((op), &PyMemoryView_Type)
#define PySeqIter_Check(op) Py_IS_TYPE((op), &PySeqIter_Type)
#define PyCallIter_Check(op) Py_IS_TYPE((op), &PyCallIter_Type)
#define PyCapsule_CheckExact(op) Py_IS_TYPE((op), &PyCapsule_Type)
#define PyCFunction_Check(op) PyObject_TypeCheck((op), &PyCFunction_Type)
#define PyCFunction_CheckExact(op) Py_IS_TYPE((op), &PyCFunction_Type)
#define PyModule_Check(op) PyObject_TypeCheck((op), &PyModule_Type)
#define PyModule_CheckExact(op) Py_IS_TYPE((op), &PyModule_Type)
#define PyTraceBack_Check(v) Py_IS_TYPE((v), &PyTraceBack_Type)
#define PyWeakref_CheckRef(op) PyObject_TypeCheck((op), &_PyWeakref_RefType)
#define PyWeakref_CheckRefExact(op) Py_IS_TYPE((op), &_PyWeakref_RefType)
#define PyWeakref_CheckProxy(op) \
    (Py_IS_TYPE((op), &_PyWeakref_ProxyType) || Py_IS_TYPE((op), &_PyWeakref_CallableProxyType))
#define PyWeakref_Check(op) (PyWeakref_CheckRef(op) || PyWeakref_CheckProxy(op))
#define PyExceptionClass_Check(x) \
    (PyType_Check((x)) && PyType_FastSubclass((PyTypeObject*)(x), Py_TPFLAGS_BASE_EXC_SUBCLASS))
#define PyExceptionInstance_Check(x) PyType_FastSubclass(Py_TYPE(x), Py_TPFLAGS_BASE_EXC_SUBCLASS)
#define PyExceptionInstance_Class(x) _PyObject_CAST(Py_TYPE(x))

/* ---- singletons ------------------------------------------------------------------ */
#if _Py_LIMITED_VERSION >= 0x030d0000
#  define Py_None Py_GetConstantBorrowed(Py_CONSTANT_NONE)
#  define Py_False Py_GetConstantBorrowed(Py_CONSTANT_FALSE)
#  define Py_True Py_GetConstantBorrowed(Py_CONSTANT_TRUE)
#  define Py_Ellipsis Py_GetConstantBorrowed(Py_CONSTANT_ELLIPSIS)
#  define Py_NotImplemented Py_GetConstantBorrowed(Py_CONSTANT_NOT_IMPLEMENTED)
#else
#  define Py_None (&_Py_NoneStruct)
#  define Py_False _PyObject_CAST(&_Py_FalseStruct)
#  define Py_True _PyObject_CAST(&_Py_TrueStruct)
#  define Py_Ellipsis (&_Py_EllipsisObject)
#  define Py_NotImplemented (&_Py_NotImplementedStruct)
#endif
#define Py_IsNone(x) Py_Is((x), Py_None)
#define Py_IsTrue(x) Py_Is((x), Py_True)
#define Py_IsFalse(x) Py_Is((x), Py_False)

/* Immortal singletons need no new reference from 3.12 on. */
#if _Py_LIMITED_VERSION >= 0x030c0000
#  define Py_RETURN_NONE return Py_None
#  define Py_RETURN_TRUE return Py_True
#  define Py_RETURN_FALSE return Py_False
#  define Py_RETURN_NOTIMPLEMENTED return Py_NotImplemented
#else
#  define Py_RETURN_NONE return Py_NewRef(Py_None)
#  define Py_RETURN_TRUE return Py_NewRef(Py_True)
#  define Py_RETURN_FALSE return Py_NewRef(Py_False)
#  define Py_RETURN_NOTIMPLEMENTED return Py_NewRef(Py_NotImplemented)
#endif
#define Py_RETURN_NAN return PyFloat_FromDouble(Py_NAN)
#define Py_RETURN_INF(sign) \
    do { \
        if (copysign(1., sign) == 1.) { return PyFloat_FromDouble(Py_INFINITY); } \
        else { return PyFloat_FromDouble(-Py_INFINITY); } \
    } while (0)
#define Py_RETURN_RICHCOMPARE(val1, val2, op) \
    do { \
        int _py_rc_res; \
        switch (op) { \
        case Py_EQ: _py_rc_res = (val1) == (val2); break; \
        case Py_NE: _py_rc_res = (val1) != (val2); break; \
        case Py_LT: _py_rc_res = (val1) < (val2); break; \
        case Py_GT: _py_rc_res = (val1) > (val2); break; \
        case Py_LE: _py_rc_res = (val1) <= (val2); break; \
        case Py_GE: _py_rc_res = (val1) >= (val2); break; \
        default: Py_UNREACHABLE(); \
        } \
        if (_py_rc_res) Py_RETURN_TRUE; \
        Py_RETURN_FALSE; \
    } while (0)

/* ---- allocation ------------------------------------------------------------------- */
#define PyObject_New(type, typeobj) ((type *)_PyObject_New(typeobj))
#define PyObject_NewVar(type, typeobj, n) ((type *)_PyObject_NewVar((typeobj), (n)))
#define PyObject_GC_New(type, typeobj) _Py_CAST(type*, _PyObject_GC_New(typeobj))
#define PyObject_GC_NewVar(type, typeobj, n) _Py_CAST(type*, _PyObject_GC_NewVar((typeobj), (n)))
#define PyObject_GC_Resize(type, op, n) ((type *)_PyObject_GC_Resize(_PyVarObject_CAST(op), (n)))
#define PyObject_INIT(op, typeobj) PyObject_Init(_PyObject_CAST(op), (typeobj))
#define PyObject_INIT_VAR(op, typeobj, size) PyObject_InitVar(_PyVarObject_CAST(op), (typeobj), (size))
#define PyObject_MALLOC PyObject_Malloc
#define PyObject_REALLOC PyObject_Realloc
#define PyObject_FREE PyObject_Free
#define PyObject_Del PyObject_Free
#define PyObject_DEL PyObject_Free
#define PyObject_NEW(type, typeobj) PyObject_New(type, (typeobj))
#define PyObject_NEW_VAR(type, typeobj, n) PyObject_NewVar(type, (typeobj), (n))
#define PyMem_MALLOC(n) PyMem_Malloc((n))
#define PyMem_REALLOC(p, n) PyMem_Realloc((p), (n))
#define PyMem_FREE(p) PyMem_Free((p))
#define PyMem_New(type, n) \
    (((size_t)(n) > PY_SSIZE_T_MAX / sizeof(type)) ? NULL \
     : ((type *)PyMem_Malloc((n) * sizeof(type))))
#define PyMem_NEW(type, n) PyMem_New(type, n)
#define PyMem_Resize(p, type, n) \
    ((p) = ((size_t)(n) > PY_SSIZE_T_MAX / sizeof(type)) ? NULL \
     : (type *)PyMem_Realloc((p), (n) * sizeof(type)))
#define PyMem_RESIZE(p, type, n) PyMem_Resize(p, type, n)
#define PyMem_Del PyMem_Free
#define PyMem_DEL PyMem_Free

/* ---- aliases and shorthands --------------------------------------------------------- */
#define PyObject_Length PyObject_Size
#define PySequence_Length PySequence_Size
#define PySequence_In PySequence_Contains
#define PyMapping_Length PyMapping_Size
#define PyMapping_DelItemString(O, K) PyObject_DelItemString((O), (K))
#define PyMapping_DelItem(O, K) PyObject_DelItem((O), (K))
#if _Py_LIMITED_VERSION < 0x030d0000
#  define PyObject_DelAttrString(O, A) PyObject_SetAttrString((O), (A), NULL)
#  define PyObject_DelAttr(O, A) PyObject_SetAttr((O), (A), NULL)
#endif
#define PyLong_AS_LONG(op) PyLong_AsLong(op)
#define PyLong_FromPid PyLong_FromLong
#if _Py_LIMITED_VERSION >= 0x030d0000
#  define PyLong_AsPid PyLong_AsInt
#else
static inline int PyLong_AsPid(PyObject *obj)
{
    int overflow;
    long result = PyLong_AsLongAndOverflow(obj, &overflow);
    if (overflow || result > INT_MAX || result < INT_MIN) {
        PyErr_SetString(PyExc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    return (int)result;
}
#endif
#define _Py_PARSE_PID "i"
#define _Py_PARSE_INTPTR "l"
#define _Py_PARSE_UINTPTR "k"
#define PyOS_stricmp PyOS_mystricmp
#define PyOS_strnicmp PyOS_mystrnicmp
#define PyErr_BadInternalCall() _PyErr_BadInternalCall(__FILE__, __LINE__)
#define PyThreadState_GET() PyThreadState_Get()
#define PyImport_ImportModuleEx(n, g, l, f) PyImport_ImportModuleLevel((n), (g), (l), (f), 0)
#define PyCFunction_New(ML, SELF) PyCFunction_NewEx((ML), (SELF), NULL)
#if _Py_LIMITED_VERSION >= 0x03090000
#  define PyCFunction_NewEx(ML, SELF, MOD) PyCMethod_New((ML), (SELF), (MOD), NULL)
#endif
#if (_Py_LIMITED_VERSION >= 0x03050400 && _Py_LIMITED_VERSION < 0x03060000) \
    || _Py_LIMITED_VERSION >= 0x03060100
#define PySlice_GetIndicesEx(slice, length, start, stop, step, slicelen) \
    (PySlice_Unpack((slice), (start), (stop), (step)) < 0 ? ((*(slicelen) = 0), -1) \
     : ((*(slicelen) = PySlice_AdjustIndices((length), (start), (stop), *(step))), 0))
#endif
#define PyModule_AddIntMacro(m, c) PyModule_AddIntConstant((m), #c, (c))
#define PyModule_AddStringMacro(m, c) PyModule_AddStringConstant((m), #c, (c))
#define PyModule_Create(module) PyModule_Create2((module), PYTHON_ABI_VERSION)
#if _Py_LIMITED_VERSION >= 0x03050000
#  define PyModule_FromDefAndSpec(module, spec) \
     PyModule_FromDefAndSpec2((module), (spec), PYTHON_ABI_VERSION)
#endif

/* ---- threads ------------------------------------------------------------------------ */
#define Py_BEGIN_ALLOW_THREADS { PyThreadState *_save; _save = PyEval_SaveThread();
#define Py_BLOCK_THREADS PyEval_RestoreThread(_save);
#define Py_UNBLOCK_THREADS _save = PyEval_SaveThread();
#define Py_END_ALLOW_THREADS PyEval_RestoreThread(_save); }

#if 1
#  define Py_BEGIN_CRITICAL_SECTION(op) \
    { \
        PyCriticalSection _py_cs; \
        PyCriticalSection_Begin(&_py_cs, _PyObject_CAST(op))
#  define Py_END_CRITICAL_SECTION() \
        PyCriticalSection_End(&_py_cs); \
    }
#  define Py_BEGIN_CRITICAL_SECTION2(a, b) \
    { \
        PyCriticalSection2 _py_cs2; \
        PyCriticalSection2_Begin(&_py_cs2, _PyObject_CAST(a), _PyObject_CAST(b))
#  define Py_END_CRITICAL_SECTION2() \
        PyCriticalSection2_End(&_py_cs2); \
    }
#endif

#endif /* CARAPACE_INLINE_H */
