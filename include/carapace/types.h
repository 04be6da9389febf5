/* Carapace: the types of the Limited API -- opaque handles, the object
 * header, function-pointer types and the definition structs extensions
 * fill in (methods, members, type specs, module definitions, slots). */
#ifndef CARAPACE_TYPES_H
#define CARAPACE_TYPES_H

/* ---- opaque handles ------------------------------------------------------ */
typedef struct _object PyObject;
typedef struct PyVarObject PyVarObject;
typedef struct _typeobject PyTypeObject;
typedef struct _longobject PyLongObject;
typedef struct PyCodeObject PyCodeObject;
typedef struct _frame PyFrameObject;
typedef struct _ts PyThreadState;
typedef struct _is PyInterpreterState;
typedef struct _PyWeakReference PyWeakReference;
typedef struct PyLongWriter PyLongWriter;
typedef struct PyInterpreterGuard PyInterpreterGuard;
typedef struct PyInterpreterView PyInterpreterView;
typedef struct PyThreadStateToken PyThreadStateToken;
typedef struct _Py_tss_t Py_tss_t;
typedef void *PyThread_type_lock;
typedef struct PyModuleDef PyModuleDef;
typedef struct PyModuleDef_Slot PyModuleDef_Slot;
typedef struct PyMethodDef PyMethodDef;
typedef struct PyGetSetDef PyGetSetDef;
typedef struct PyMemberDef PyMemberDef;
typedef struct PySlot PySlot;

typedef uint32_t Py_UCS4;
typedef uint16_t Py_UCS2;
typedef uint8_t  Py_UCS1;

/* ob_flags bits (also named under abi3t, where the header is hidden). */
#define _Py_IMMORTAL_FLAGS (1 << 0)
#define _Py_LEGACY_ABI_CHECK_FLAG (1 << 1)
#define _Py_STATICALLY_ALLOCATED_FLAG (1 << 2)

/* ---- the object header ----------------------------------------------------
 * GIL-build layout of CPython 3.14+: a 32-bit count, a 16-bit overflow and
 * 16 bits of flags (little endian), overlaid by one 64-bit word, then the
 * type. Hidden entirely under abi3t. */
#ifndef _Py_OPAQUE_PYOBJECT
struct _object {
#if defined(__GNUC__) && !defined(__cplusplus) && (!defined(__STDC_VERSION__) || __STDC_VERSION__ < 201112L)
    __extension__
#endif
    union {
        int64_t ob_refcnt_full;
#if defined(__GNUC__) && !defined(__cplusplus) && (!defined(__STDC_VERSION__) || __STDC_VERSION__ < 201112L)
        __extension__
#endif
        struct {
            uint32_t ob_refcnt;
            uint16_t ob_overflow;
            uint16_t ob_flags;
        };
        Py_ALIGNED(4) char _aligner;
    };
    PyTypeObject *ob_type;
};

struct PyVarObject {
    PyObject ob_base;
    Py_ssize_t ob_size;
};

/* Count given to statically allocated objects: immortal, with the
 * "static" and "immortal" flag bits set in ob_flags. */
#define _Py_IMMORTAL_INITIAL_REFCNT (3ULL << 30)
#define _Py_IMMORTAL_MINIMUM_REFCNT (1ULL << 31)
#define _Py_STATIC_FLAG_BITS ((Py_ssize_t)(_Py_STATICALLY_ALLOCATED_FLAG | _Py_IMMORTAL_FLAGS))
#define _Py_STATIC_IMMORTAL_INITIAL_REFCNT \
    (((Py_ssize_t)_Py_IMMORTAL_INITIAL_REFCNT) | (_Py_STATIC_FLAG_BITS << 48))

#define PyObject_HEAD PyObject ob_base;
#define PyObject_VAR_HEAD PyVarObject ob_base;
#define _PyObject_EXTRA_INIT
#define PyObject_HEAD_INIT(type) { { _Py_STATIC_IMMORTAL_INITIAL_REFCNT }, (type) },
#define PyVarObject_HEAD_INIT(type, size) { PyObject_HEAD_INIT(type) (size) },
#endif /* !_Py_OPAQUE_PYOBJECT */

#define Py_INVALID_SIZE (Py_ssize_t)-1
#define _PyObject_CAST(op) _Py_CAST(PyObject*, (op))
#define _PyVarObject_CAST(op) _Py_CAST(PyVarObject*, (op))
#define _PyType_CAST(op) _Py_CAST(PyTypeObject*, (op))

/* ---- function-pointer types used by slots -------------------------------- */
typedef PyObject *(*unaryfunc)(PyObject *);
typedef PyObject *(*binaryfunc)(PyObject *, PyObject *);
typedef PyObject *(*ternaryfunc)(PyObject *, PyObject *, PyObject *);
typedef int (*inquiry)(PyObject *);
typedef Py_ssize_t (*lenfunc)(PyObject *);
typedef PyObject *(*ssizeargfunc)(PyObject *, Py_ssize_t);
typedef PyObject *(*ssizessizeargfunc)(PyObject *, Py_ssize_t, Py_ssize_t);
typedef int (*ssizeobjargproc)(PyObject *, Py_ssize_t, PyObject *);
typedef int (*ssizessizeobjargproc)(PyObject *, Py_ssize_t, Py_ssize_t, PyObject *);
typedef int (*objobjargproc)(PyObject *, PyObject *, PyObject *);
typedef int (*objobjproc)(PyObject *, PyObject *);
typedef int (*visitproc)(PyObject *, void *);
typedef int (*traverseproc)(PyObject *, visitproc, void *);
typedef void (*freefunc)(void *);
typedef void (*destructor)(PyObject *);
typedef PyObject *(*getattrfunc)(PyObject *, char *);
typedef PyObject *(*getattrofunc)(PyObject *, PyObject *);
typedef int (*setattrfunc)(PyObject *, char *, PyObject *);
typedef int (*setattrofunc)(PyObject *, PyObject *, PyObject *);
typedef PyObject *(*reprfunc)(PyObject *);
typedef Py_hash_t (*hashfunc)(PyObject *);
typedef PyObject *(*richcmpfunc)(PyObject *, PyObject *, int);
typedef PyObject *(*getiterfunc)(PyObject *);
typedef PyObject *(*iternextfunc)(PyObject *);
typedef PyObject *(*descrgetfunc)(PyObject *, PyObject *, PyObject *);
typedef int (*descrsetfunc)(PyObject *, PyObject *, PyObject *);
typedef int (*initproc)(PyObject *, PyObject *, PyObject *);
typedef PyObject *(*newfunc)(PyTypeObject *, PyObject *, PyObject *);
typedef PyObject *(*allocfunc)(PyTypeObject *, Py_ssize_t);
typedef void (*_Py_funcptr_t)(void);

/* ---- buffers (struct part of the ABI since 3.11) ------------------------- */
#if _Py_LIMITED_VERSION >= 0x030b0000
typedef struct {
    void *buf;
    PyObject *obj;
    Py_ssize_t len;
    Py_ssize_t itemsize;
    int readonly;
    int ndim;
    char *format;
    Py_ssize_t *shape;
    Py_ssize_t *strides;
    Py_ssize_t *suboffsets;
    void *internal;
} Py_buffer;
typedef int (*getbufferproc)(PyObject *, Py_buffer *, int);
typedef void (*releasebufferproc)(PyObject *, Py_buffer *);
#define PyBUF_MAX_NDIM 64
#define PyBUF_SIMPLE 0
#define PyBUF_WRITABLE 0x0001
#define PyBUF_FORMAT 0x0004
#define PyBUF_ND 0x0008
#define PyBUF_STRIDES (0x0010 | PyBUF_ND)
#define PyBUF_C_CONTIGUOUS (0x0020 | PyBUF_STRIDES)
#define PyBUF_F_CONTIGUOUS (0x0040 | PyBUF_STRIDES)
#define PyBUF_ANY_CONTIGUOUS (0x0080 | PyBUF_STRIDES)
#define PyBUF_INDIRECT (0x0100 | PyBUF_STRIDES)
#define PyBUF_CONTIG (PyBUF_ND | PyBUF_WRITABLE)
#define PyBUF_CONTIG_RO (PyBUF_ND)
#define PyBUF_STRIDED (PyBUF_STRIDES | PyBUF_WRITABLE)
#define PyBUF_STRIDED_RO (PyBUF_STRIDES)
#define PyBUF_RECORDS (PyBUF_STRIDES | PyBUF_WRITABLE | PyBUF_FORMAT)
#define PyBUF_RECORDS_RO (PyBUF_STRIDES | PyBUF_FORMAT)
#define PyBUF_FULL (PyBUF_INDIRECT | PyBUF_WRITABLE | PyBUF_FORMAT)
#define PyBUF_FULL_RO (PyBUF_INDIRECT | PyBUF_FORMAT)
#define PyBUF_READ 0x100
#define PyBUF_WRITE 0x200
#endif

/* ---- vectorcall ------------------------------------------------------------ */
#if _Py_LIMITED_VERSION >= 0x030c0000
typedef PyObject *(*vectorcallfunc)(PyObject *callable, PyObject *const *args,
                                    size_t nargsf, PyObject *kwnames);
#define PY_VECTORCALL_ARGUMENTS_OFFSET (_Py_STATIC_CAST(size_t, 1) << (8 * sizeof(size_t) - 1))
#endif

#if _Py_LIMITED_VERSION >= 0x030a0000
typedef enum {
    PYGEN_RETURN = 0,
    PYGEN_ERROR = -1,
    PYGEN_NEXT = 1
} PySendResult;
#endif

/* ---- type creation from specs ---------------------------------------------- */
typedef struct {
    int slot;
    void *pfunc;
} PyType_Slot;

typedef struct {
    const char *name;
    int basicsize;
    int itemsize;
    unsigned int flags;
    PyType_Slot *slots;
} PyType_Spec;

/* ---- methods ------------------------------------------------------------------ */
typedef PyObject *(*PyCFunction)(PyObject *, PyObject *);
typedef PyObject *(*PyCFunctionFast)(PyObject *, PyObject *const *, Py_ssize_t);
typedef PyObject *(*PyCFunctionWithKeywords)(PyObject *, PyObject *, PyObject *);
typedef PyObject *(*PyCFunctionFastWithKeywords)(PyObject *, PyObject *const *,
                                                 Py_ssize_t, PyObject *);
typedef PyObject *(*PyCMethod)(PyObject *, PyTypeObject *, PyObject *const *,
                               size_t, PyObject *);
typedef PyCFunctionFast _PyCFunctionFast;
typedef PyCFunctionFastWithKeywords _PyCFunctionFastWithKeywords;

#define _PyCFunction_CAST(func) _Py_CAST(PyCFunction, _Py_CAST(void(*)(void), (func)))
#define _PyCFunctionFast_CAST(func) _Py_CAST(PyCFunctionFast, _Py_CAST(void(*)(void), (func)))
#define _PyCFunctionWithKeywords_CAST(func) _Py_CAST(PyCFunctionWithKeywords, _Py_CAST(void(*)(void), (func)))
#define _PyCFunctionFastWithKeywords_CAST(func) _Py_CAST(PyCFunctionFastWithKeywords, _Py_CAST(void(*)(void), (func)))

struct PyMethodDef {
    const char *ml_name;
    PyCFunction ml_meth;
    int ml_flags;
    const char *ml_doc;
};

/* calling conventions */
#define METH_VARARGS  0x0001
#define METH_KEYWORDS 0x0002
#define METH_NOARGS   0x0004
#define METH_O        0x0008
#define METH_CLASS    0x0010
#define METH_STATIC   0x0020
#define METH_COEXIST  0x0040
#if _Py_LIMITED_VERSION >= 0x030a0000
#  define METH_FASTCALL 0x0080
#endif
#define METH_STACKLESS 0x0000
#if _Py_LIMITED_VERSION >= 0x03090000
#  define METH_METHOD 0x0200
#endif

/* ---- attributes: getset and member tables ---------------------------------- */
typedef PyObject *(*getter)(PyObject *, void *);
typedef int (*setter)(PyObject *, PyObject *, void *);

struct PyGetSetDef {
    const char *name;
    getter get;
    setter set;
    const char *doc;
    void *closure;
};

struct PyMemberDef {
    const char *name;
    int type;
    Py_ssize_t offset;
    int flags;
    const char *doc;
};

/* member types (the T_* names of structmember.h, renamed in 3.12) */
#  define Py_T_SHORT 0
#  define Py_T_INT 1
#  define Py_T_LONG 2
#  define Py_T_FLOAT 3
#  define Py_T_DOUBLE 4
#  define Py_T_STRING 5
#  define _Py_T_OBJECT 6
#  define Py_T_CHAR 7
#  define Py_T_BYTE 8
#  define Py_T_UBYTE 9
#  define Py_T_USHORT 10
#  define Py_T_UINT 11
#  define Py_T_ULONG 12
#  define Py_T_STRING_INPLACE 13
#  define Py_T_BOOL 14
#  define Py_T_OBJECT_EX 16
#  define Py_T_LONGLONG 17
#  define Py_T_ULONGLONG 18
#  define Py_T_PYSSIZET 19
#  define _Py_T_NONE 20
/* member flags */
#  define Py_READONLY 1
#  define Py_AUDIT_READ 2
#  define _Py_WRITE_RESTRICTED 4
#  define Py_RELATIVE_OFFSET 8

/* ---- struct sequences -------------------------------------------------------- */
typedef struct PyStructSequence_Field {
    const char *name;
    const char *doc;
} PyStructSequence_Field;

typedef struct PyStructSequence_Desc {
    const char *name;
    const char *doc;
    PyStructSequence_Field *fields;
    int n_in_sequence;
} PyStructSequence_Desc;

/* ---- module definitions ------------------------------------------------------- */
#if _Py_LIMITED_VERSION >= 0x03050000
struct PyModuleDef_Slot {
    int slot;
    void *value;
};
#endif

#ifndef _Py_OPAQUE_PYOBJECT
typedef struct PyModuleDef_Base {
    PyObject_HEAD
    PyObject *(*m_init)(void);
    Py_ssize_t m_index;
    PyObject *m_copy;
} PyModuleDef_Base;

#define PyModuleDef_HEAD_INIT { PyObject_HEAD_INIT(_Py_NULL) _Py_NULL, 0, _Py_NULL, }

struct PyModuleDef {
    PyModuleDef_Base m_base;
    const char *m_name;
    const char *m_doc;
    Py_ssize_t m_size;
    PyMethodDef *m_methods;
    PyModuleDef_Slot *m_slots;
    traverseproc m_traverse;
    inquiry m_clear;
    freefunc m_free;
};
#endif

/* ---- PEP 820 slots ------------------------------------------------------------ */
struct PySlot {
    uint16_t sl_id;
    uint16_t sl_flags;
#if defined(__GNUC__) && !defined(__cplusplus) && (!defined(__STDC_VERSION__) || __STDC_VERSION__ < 201112L)
    __extension__
#endif
    union {
        uint32_t sl_reserved;
    };
#if defined(__GNUC__) && !defined(__cplusplus) && (!defined(__STDC_VERSION__) || __STDC_VERSION__ < 201112L)
    __extension__
#endif
    union {
        void *sl_ptr;
        _Py_funcptr_t sl_func;
        Py_ssize_t sl_size;
        int64_t sl_int64;
        uint64_t sl_uint64;
    };
};
#define PySlot_OPTIONAL 0x0001
#define PySlot_STATIC   0x0002
#define PySlot_INTPTR   0x0004
#define PySlot_END {0, 0, {0}, {_Py_NULL}}
#define PySlot_PTR(NAME, VALUE) {(NAME), PySlot_INTPTR, {0}, {(void*)(VALUE)}}
#define PySlot_PTR_STATIC(NAME, VALUE) {(NAME), PySlot_INTPTR | PySlot_STATIC, {0}, {(void*)(VALUE)}}
#define PySlot_DATA(NAME, VALUE) {.sl_id=(NAME), .sl_flags=PySlot_INTPTR, .sl_ptr=(void*)(VALUE)}
#define PySlot_FUNC(NAME, VALUE) {.sl_id=(NAME), .sl_func=(_Py_funcptr_t)(VALUE)}
#define PySlot_SIZE(NAME, VALUE) {.sl_id=(NAME), .sl_size=(Py_ssize_t)(VALUE)}
#define PySlot_INT64(NAME, VALUE) {.sl_id=(NAME), .sl_int64=(int64_t)(VALUE)}
#define PySlot_UINT64(NAME, VALUE) {.sl_id=(NAME), .sl_uint64=(uint64_t)(VALUE)}
#define PySlot_STATIC_DATA(NAME, VALUE) {.sl_id=(NAME), .sl_flags=PySlot_STATIC, .sl_ptr=(VALUE)}

/* ---- ABI information record (PEP 793/803) ---- */
#if _Py_LIMITED_VERSION >= 0x030f0000
typedef struct PyABIInfo {
    uint8_t abiinfo_major_version;
    uint8_t abiinfo_minor_version;
    uint16_t flags;
    uint32_t build_version;
    uint32_t abi_version;
} PyABIInfo;
#define PyABIInfo_STABLE 0x0001
#define PyABIInfo_GIL 0x0002
#define PyABIInfo_FREETHREADED 0x0004
#define PyABIInfo_INTERNAL 0x0008
#define PyABIInfo_FREETHREADING_AGNOSTIC (PyABIInfo_GIL | PyABIInfo_FREETHREADED)
#define _PyABIInfo_DEFAULT_FLAG_STABLE PyABIInfo_STABLE
#ifdef _Py_OPAQUE_PYOBJECT
#  define _PyABIInfo_DEFAULT_FLAG_FT PyABIInfo_FREETHREADING_AGNOSTIC
#else
#  define _PyABIInfo_DEFAULT_FLAG_FT PyABIInfo_GIL
#endif
#define _PyABIInfo_DEFAULT_FLAG_INTERNAL 0
#define PyABIInfo_DEFAULT_FLAGS (_PyABIInfo_DEFAULT_FLAG_STABLE \
    | _PyABIInfo_DEFAULT_FLAG_FT | _PyABIInfo_DEFAULT_FLAG_INTERNAL)
#ifdef Py_LIMITED_API
#  define PyABIInfo_DEFAULT_ABI_VERSION Py_LIMITED_API
#else
#  define PyABIInfo_DEFAULT_ABI_VERSION _Py_LIMITED_VERSION
#endif
#define _PyABIInfo_DEFAULT { 1, 0, PyABIInfo_DEFAULT_FLAGS, PY_VERSION_HEX, \
                             PyABIInfo_DEFAULT_ABI_VERSION }
#define PyABIInfo_VAR(NAME) static PyABIInfo NAME = _PyABIInfo_DEFAULT
#endif /* >= 3.15 */

/* ---- critical sections (no-ops on a GIL-only extension, real in abi3t) ---- */
typedef struct PyCriticalSection {
    uintptr_t _cs_prev;
    struct PyMutex *_cs_mutex;
} PyCriticalSection;
typedef struct PyCriticalSection2 {
    PyCriticalSection _cs_base;
    struct PyMutex *_cs_mutex2;
} PyCriticalSection2;

/* ---- PEP 757 integer import/export ---- */
typedef struct PyLongLayout {
    uint8_t bits_per_digit;
    uint8_t digit_size;
    int8_t digits_order;
    int8_t digit_endianness;
} PyLongLayout;
typedef struct PyLongExport {
    int64_t value;
    uint8_t negative;
    Py_ssize_t ndigits;
    const void *digits;
    Py_uintptr_t _reserved;
} PyLongExport;

/* ---- interpreter / thread state enums ---- */
typedef enum { PyGILState_LOCKED, PyGILState_UNLOCKED } PyGILState_STATE;
typedef enum PyLockStatus { PY_LOCK_FAILURE = 0, PY_LOCK_ACQUIRED = 1, PY_LOCK_INTR } PyLockStatus;
typedef void (*PyCapsule_Destructor)(PyObject *);
typedef void (*PyOS_sighandler_t)(int);
typedef enum { PyImport_LAZY_NORMAL, PyImport_LAZY_ALL } PyImport_LazyImportsMode;

#endif /* CARAPACE_TYPES_H */
