//! Boolean objects (`PyBool_*`).

use core::ffi::c_long;

use carapace_core::exported::py_bool;
use carapace_core::object::PyObject;

#[no_mangle]
pub extern "C" fn PyBool_FromLong(v: c_long) -> *mut PyObject {
    py_bool(v != 0)
}
