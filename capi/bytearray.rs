//! Byte array objects (`PyByteArray_*`).

use core::ffi::c_char;
use core::ptr::null_mut;

use carapace_core::errors;
use carapace_core::exported::*;
use carapace_core::object::*;
use carapace_core::objects::{bytearray, typeobject};
use carapace_core::raise_null;

#[no_mangle]
pub unsafe extern "C" fn PyByteArray_FromStringAndSize(
    s: *const c_char,
    size: Py_ssize_t,
) -> *mut PyObject {
    guard!(null_mut(), {
        if size < 0 {
            return raise_null!(
                PyExc_SystemError,
                "Negative size passed to PyByteArray_FromStringAndSize"
            );
        }
        if s.is_null() {
            return bytearray::from_slice(&vec![0u8; size as usize]);
        }
        bytearray::from_slice(core::slice::from_raw_parts(s as *const u8, size as usize))
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyByteArray_FromObject(o: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), {
        if o.is_null() {
            errors::bad_internal_call();
            return null_mut();
        }
        carapace_core::protocols::call::call_function((&raw mut PyByteArray_Type).cast(), &[o])
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyByteArray_Concat(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), {
        if a.is_null() || b.is_null() {
            errors::bad_internal_call();
            return null_mut();
        }
        let (x, y) = (
            carapace_core::protocols::buffer::bytes_of_buffer(a),
            carapace_core::protocols::buffer::bytes_of_buffer(b),
        );
        match (x, y) {
            (Ok(mut x), Ok(y)) => {
                x.extend_from_slice(&y);
                bytearray::from_slice(&x)
            }
            _ => {
                errors::clear();
                raise_null!(
                    PyExc_TypeError,
                    "can't concat {} to {}",
                    typeobject::type_name(Py_TYPE(b)),
                    typeobject::type_name(Py_TYPE(a))
                )
            }
        }
    })
}

unsafe fn check(o: *mut PyObject) -> bool {
    if o.is_null() || !bytearray::is_bytearray(o) {
        errors::bad_internal_call();
        return false;
    }
    true
}

#[no_mangle]
pub unsafe extern "C" fn PyByteArray_Size(o: *mut PyObject) -> Py_ssize_t {
    guard!(-1, {
        if !check(o) {
            return -1;
        }
        Py_SIZE(o)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyByteArray_AsString(o: *mut PyObject) -> *mut c_char {
    guard!(null_mut(), {
        if !check(o) {
            return null_mut();
        }
        bytearray::as_string(o) as *mut c_char
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyByteArray_Resize(o: *mut PyObject, len: Py_ssize_t) -> core::ffi::c_int {
    guard!(-1, {
        if !check(o) {
            return -1;
        }
        match bytearray::resize(o, len) {
            Ok(()) => 0,
            Err(()) => -1,
        }
    })
}
