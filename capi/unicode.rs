//! Unicode objects (`PyUnicode_*`).

use core::ffi::c_char;
use core::ptr::{null, null_mut};

use carapace_core::object::{PyObject, Py_ssize_t};
use carapace_core::objects::unicode;

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_FromString(s: *const c_char) -> *mut PyObject {
    guard!(null_mut(), {
        unicode::from_utf8(core::ffi::CStr::from_ptr(s).to_bytes())
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_AsUTF8AndSize(
    o: *mut PyObject,
    size: *mut Py_ssize_t,
) -> *const c_char {
    guard!(null(), {
        if o.is_null() || !unicode::is_unicode(o) {
            carapace_core::errors::bad_argument();
            return null();
        }
        unicode::as_utf8(o, size)
    })
}
