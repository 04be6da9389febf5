//! Frame objects from C: `PyFrame_GetCode`, `PyFrame_GetLineNumber`.

use core::ffi::c_int;
use core::ptr::null_mut;

use carapace_core::errors;
use carapace_core::object::*;
use carapace_core::objects::frameobject;

/// New reference to the frame's code object.
#[no_mangle]
pub unsafe extern "C" fn PyFrame_GetCode(f: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), {
        if !frameobject::is_frame(f) {
            errors::bad_internal_call();
            return null_mut();
        }
        let fr = frameobject::frame_of(f);
        if fr.is_null() || (*fr).code.is_null() {
            return carapace_core::raise_null!(PyExc_RuntimeError, "frame has been cleared");
        }
        new_ref((*fr).code)
    })
}

/// The line the frame is at (-1 when unknown).
#[no_mangle]
pub unsafe extern "C" fn PyFrame_GetLineNumber(f: *mut PyObject) -> c_int {
    guard!(-1, {
        if !frameobject::is_frame(f) {
            return -1;
        }
        frameobject::lineno(f)
    })
}
