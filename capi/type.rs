//! Type objects (`PyType_*`).

use core::ptr::null_mut;

use carapace_core::object::PyObject;
use carapace_core::objects::{typeobject, unicode};
use carapace_core::typeobj::PyTypeObject;

#[no_mangle]
pub unsafe extern "C" fn PyType_GetQualName(t: *mut PyTypeObject) -> *mut PyObject {
    guard!(null_mut(), { unicode::from_str(typeobject::qual_name(t)) })
}
