//! The data symbols of the Stable ABI, as the core sees them.
//!
//! They are *defined* in the cdylib (`capi/data.rs`, writable, CPython 3.15's symbol
//! sizes) and only *declared* here. Declaring them `extern` makes every access go
//! through the GOT, so when a PIE embedder copies an object into itself (a copy
//! relocation), the core uses that copy too: the C pointer stays the one object.

#![allow(non_upper_case_globals)]

use crate::object::PyObject;
use crate::objects::long::LongObject;
use crate::typeobj::PyTypeObject;

/// Calls `$m!` with the names of the 60 exported type objects.
#[macro_export]
macro_rules! for_each_exported_type {
    ($m:ident) => {
        $m! { PyBaseObject_Type, PyBool_Type, PyByteArrayIter_Type, PyByteArray_Type, PyBytesIter_Type, PyBytes_Type, PyCFunction_Type, PyCallIter_Type, PyCapsule_Type, PyClassMethodDescr_Type, PyComplex_Type, PyDictItems_Type, PyDictIterItem_Type, PyDictIterKey_Type, PyDictIterValue_Type, PyDictKeys_Type, PyDictProxy_Type, PyDictRevIterItem_Type, PyDictRevIterKey_Type, PyDictRevIterValue_Type, PyDictValues_Type, PyDict_Type, PyEllipsis_Type, PyEnum_Type, PyFilter_Type, PyFloat_Type, PyFrozenSet_Type, PyGetSetDescr_Type, PyListIter_Type, PyListRevIter_Type, PyList_Type, PyLongRangeIter_Type, PyLong_Type, PyMap_Type, PyMemberDescr_Type, PyMemoryView_Type, PyMethodDescr_Type, PyModuleDef_Type, PyModule_Type, PyProperty_Type, PyRangeIter_Type, PyRange_Type, PyReversed_Type, PySeqIter_Type, PySetIter_Type, PySet_Type, PySlice_Type, PySuper_Type, PyTraceBack_Type, PyTupleIter_Type, PyTuple_Type, PyType_Type, PyUnicodeIter_Type, PyUnicode_Type, PyWrapperDescr_Type, PyZip_Type, Py_GenericAliasType, _PyWeakref_CallableProxyType, _PyWeakref_ProxyType, _PyWeakref_RefType }
    };
}

/// Calls `$m!` with the names of the exported `PyExc_*` pointer variables (Linux).
#[macro_export]
macro_rules! for_each_exported_exception {
    ($m:ident) => {
        $m! { PyExc_ArithmeticError, PyExc_AssertionError, PyExc_AttributeError, PyExc_BaseException, PyExc_BaseExceptionGroup, PyExc_BlockingIOError, PyExc_BrokenPipeError, PyExc_BufferError, PyExc_BytesWarning, PyExc_ChildProcessError, PyExc_ConnectionAbortedError, PyExc_ConnectionError, PyExc_ConnectionRefusedError, PyExc_ConnectionResetError, PyExc_DeprecationWarning, PyExc_EOFError, PyExc_EncodingWarning, PyExc_EnvironmentError, PyExc_Exception, PyExc_FileExistsError, PyExc_FileNotFoundError, PyExc_FloatingPointError, PyExc_FutureWarning, PyExc_GeneratorExit, PyExc_IOError, PyExc_ImportError, PyExc_ImportWarning, PyExc_IndentationError, PyExc_IndexError, PyExc_InterruptedError, PyExc_IsADirectoryError, PyExc_KeyError, PyExc_KeyboardInterrupt, PyExc_LookupError, PyExc_MemoryError, PyExc_ModuleNotFoundError, PyExc_NameError, PyExc_NotADirectoryError, PyExc_NotImplementedError, PyExc_OSError, PyExc_OverflowError, PyExc_PendingDeprecationWarning, PyExc_PermissionError, PyExc_ProcessLookupError, PyExc_RecursionError, PyExc_ReferenceError, PyExc_ResourceWarning, PyExc_RuntimeError, PyExc_RuntimeWarning, PyExc_StopAsyncIteration, PyExc_StopIteration, PyExc_SyntaxError, PyExc_SyntaxWarning, PyExc_SystemError, PyExc_SystemExit, PyExc_TabError, PyExc_TimeoutError, PyExc_TypeError, PyExc_UnboundLocalError, PyExc_UnicodeDecodeError, PyExc_UnicodeEncodeError, PyExc_UnicodeError, PyExc_UnicodeTranslateError, PyExc_UnicodeWarning, PyExc_UserWarning, PyExc_ValueError, PyExc_Warning, PyExc_ZeroDivisionError }
    };
}

macro_rules! declare_types {
    ($($name:ident),*) => {
        extern "C" { $(pub static mut $name: PyTypeObject;)* }
    };
}
for_each_exported_type!(declare_types);

macro_rules! declare_exceptions {
    ($($name:ident),*) => {
        extern "C" { $(pub static mut $name: *mut PyObject;)* }
    };
}
for_each_exported_exception!(declare_exceptions);

// LongObject holds a pointer to a Rust BigInt: never read by C.
#[allow(improper_ctypes)]
extern "C" {
    pub static mut _Py_NoneStruct: PyObject;
    pub static mut _Py_NotImplementedStruct: PyObject;
    pub static mut _Py_EllipsisObject: PyObject;
    pub static mut _Py_TrueStruct: LongObject;
    pub static mut _Py_FalseStruct: LongObject;
    pub static mut _Py_SwappedOp: [core::ffi::c_int; 6];
    pub static mut PyStructSequence_UnnamedField: *const core::ffi::c_char;
}

#[inline(always)]
pub fn none() -> *mut PyObject {
    &raw mut _Py_NoneStruct
}
#[inline(always)]
pub fn not_implemented() -> *mut PyObject {
    &raw mut _Py_NotImplementedStruct
}
#[inline(always)]
pub fn ellipsis() -> *mut PyObject {
    &raw mut _Py_EllipsisObject
}
#[inline(always)]
pub fn py_true() -> *mut PyObject {
    (&raw mut _Py_TrueStruct).cast()
}
#[inline(always)]
pub fn py_false() -> *mut PyObject {
    (&raw mut _Py_FalseStruct).cast()
}
/// A new reference to True or False.
#[inline(always)]
pub fn py_bool(b: bool) -> *mut PyObject {
    if b {
        py_true()
    } else {
        py_false()
    }
}
/// A new reference to None (immortal: no count to bump).
#[inline(always)]
pub fn none_ref() -> *mut PyObject {
    none()
}
