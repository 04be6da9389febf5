//! Integer objects (`PyLong_*`).

use core::ffi::c_long;
use core::ptr::null_mut;

use carapace_core::object::PyObject;
use carapace_core::objects::long;

#[no_mangle]
pub unsafe extern "C" fn PyLong_FromLong(v: c_long) -> *mut PyObject {
    guard!(null_mut(), { long::from_i64(v as i64) })
}
