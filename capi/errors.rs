//! Exception handling (`PyErr_*`, `PyException_*`).

use carapace_core::errors;
use carapace_core::object::PyObject;

#[no_mangle]
pub unsafe extern "C" fn PyErr_Occurred() -> *mut PyObject {
    errors::occurred()
}

#[no_mangle]
pub unsafe extern "C" fn PyErr_Clear() {
    errors::clear()
}

#[no_mangle]
pub unsafe extern "C" fn PyErr_GetRaisedException() -> *mut PyObject {
    errors::take_raised()
}

#[no_mangle]
pub unsafe extern "C" fn PyErr_SetRaisedException(exc: *mut PyObject) {
    errors::set_raised(exc)
}
