//! Reference counting and the object header as functions: what Limited-API
//! macros compile into (`_Py_IncRef`, `_Py_DecRef`, `_Py_Dealloc`, `Py_TYPE()` ...)
//! and the constants of `Py_GetConstant`.

use core::ffi::{c_int, c_uint};
use core::ptr::null_mut;

use carapace_core::exported::*;
use carapace_core::object::{self, PyObject, PyVarObject, Py_ssize_t};
use carapace_core::objects::{bytes, long, tuple, unicode};
use carapace_core::typeobj::PyTypeObject;

#[no_mangle]
pub unsafe extern "C" fn _Py_IncRef(o: *mut PyObject) {
    object::Py_XINCREF(o)
}

#[no_mangle]
pub unsafe extern "C" fn _Py_DecRef(o: *mut PyObject) {
    object::Py_XDECREF(o)
}

#[no_mangle]
pub unsafe extern "C" fn Py_IncRef(o: *mut PyObject) {
    object::Py_XINCREF(o)
}

#[no_mangle]
pub unsafe extern "C" fn Py_DecRef(o: *mut PyObject) {
    object::Py_XDECREF(o)
}

/// Reached from old binaries' inline `Py_DECREF` when the count hits zero.
#[no_mangle]
pub unsafe extern "C" fn _Py_Dealloc(o: *mut PyObject) {
    object::dealloc(o)
}

#[no_mangle]
pub unsafe extern "C" fn Py_NewRef(o: *mut PyObject) -> *mut PyObject {
    object::Py_INCREF(o);
    o
}

#[no_mangle]
pub unsafe extern "C" fn Py_XNewRef(o: *mut PyObject) -> *mut PyObject {
    object::Py_XINCREF(o);
    o
}

#[no_mangle]
pub unsafe extern "C" fn Py_REFCNT(o: *mut PyObject) -> Py_ssize_t {
    object::refcnt(o)
}

#[no_mangle]
pub unsafe extern "C" fn _Py_SetRefcnt(o: *mut PyObject, n: Py_ssize_t) {
    object::set_refcnt(o, n)
}

#[no_mangle]
pub unsafe extern "C" fn Py_TYPE(o: *mut PyObject) -> *mut PyTypeObject {
    (*o).ob_type
}

#[no_mangle]
pub unsafe extern "C" fn Py_SIZE(o: *mut PyObject) -> Py_ssize_t {
    (*(o as *mut PyVarObject)).ob_size
}

#[no_mangle]
pub unsafe extern "C" fn Py_SET_SIZE(o: *mut PyVarObject, n: Py_ssize_t) {
    (*o).ob_size = n
}

#[no_mangle]
pub unsafe extern "C" fn Py_IS_TYPE(o: *mut PyObject, t: *mut PyTypeObject) -> c_int {
    ((*o).ob_type == t) as c_int
}

#[no_mangle]
pub unsafe extern "C" fn Py_Is(a: *mut PyObject, b: *mut PyObject) -> c_int {
    (a == b) as c_int
}

#[no_mangle]
pub unsafe extern "C" fn Py_IsNone(o: *mut PyObject) -> c_int {
    (o == none()) as c_int
}

#[no_mangle]
pub unsafe extern "C" fn Py_IsTrue(o: *mut PyObject) -> c_int {
    (o == py_true()) as c_int
}

#[no_mangle]
pub unsafe extern "C" fn Py_IsFalse(o: *mut PyObject) -> c_int {
    (o == py_false()) as c_int
}

/// `Py_GetConstantBorrowed`: the objects behind `Py_CONSTANT_*` 0..=9 (all immortal).
#[no_mangle]
pub unsafe extern "C" fn Py_GetConstantBorrowed(id: c_uint) -> *mut PyObject {
    match id {
        0 => none(),
        1 => py_false(),
        2 => py_true(),
        3 => ellipsis(),
        4 => not_implemented(),
        5 => long::from_i64(0),
        6 => long::from_i64(1),
        7 => unicode::empty(),
        8 => bytes::empty(),
        9 => tuple::empty(),
        _ => {
            carapace_core::errors::bad_internal_call();
            null_mut()
        }
    }
}

#[no_mangle]
pub unsafe extern "C" fn Py_GetConstant(id: c_uint) -> *mut PyObject {
    // The constants are immortal: a new reference costs nothing.
    Py_GetConstantBorrowed(id)
}
