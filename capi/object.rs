//! The object protocol (`PyObject_*` from the "Object Protocol" page).

use core::ffi::c_char;
use core::ptr::null_mut;

use carapace_core::object::PyObject;
use carapace_core::protocols::object as obj;

#[no_mangle]
pub unsafe extern "C" fn PyObject_Repr(o: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), { obj::repr(o) })
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_Str(o: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), { obj::str(o) })
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_ASCII(o: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), { obj::ascii(o) })
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_GetAttrString(
    o: *mut PyObject,
    name: *const c_char,
) -> *mut PyObject {
    guard!(null_mut(), {
        let n =
            carapace_core::objects::unicode::from_utf8(core::ffi::CStr::from_ptr(name).to_bytes());
        if n.is_null() {
            return null_mut();
        }
        let r = obj::get_attr(o, n);
        carapace_core::object::Py_DECREF(n);
        r
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_GetAttr(o: *mut PyObject, name: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), { obj::get_attr(o, name) })
}
