//! Struct sequences (`PyStructSequence_*`).

use core::ptr::null_mut;

use carapace_core::defs::PyStructSequence_Desc;
use carapace_core::errors;
use carapace_core::object::*;
use carapace_core::objects::{structseq, tuple};
use carapace_core::typeobj::PyTypeObject;

#[no_mangle]
pub unsafe extern "C" fn PyStructSequence_NewType(
    desc: *mut PyStructSequence_Desc,
) -> *mut PyTypeObject {
    guard!(null_mut(), {
        if desc.is_null() || (*desc).name.is_null() || (*desc).fields.is_null() {
            errors::bad_internal_call();
            return null_mut();
        }
        structseq::new_type(desc) as *mut PyTypeObject
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyStructSequence_New(t: *mut PyTypeObject) -> *mut PyObject {
    guard!(null_mut(), {
        if t.is_null() {
            errors::bad_internal_call();
            return null_mut();
        }
        structseq::new(t)
    })
}

unsafe fn check_index(p: *mut PyObject, i: Py_ssize_t) -> bool {
    if p.is_null() || !tuple::is_tuple(p) {
        errors::bad_internal_call();
        return false;
    }
    if i < 0 || i >= structseq::n_fields(Py_TYPE(p)) {
        let _: PyResult<()> = carapace_core::raise!(PyExc_IndexError, "tuple index out of range");
        return false;
    }
    true
}

#[no_mangle]
pub unsafe extern "C" fn PyStructSequence_GetItem(
    p: *mut PyObject,
    i: Py_ssize_t,
) -> *mut PyObject {
    guard!(null_mut(), {
        if !check_index(p, i) {
            return null_mut();
        }
        *tuple::items(p).offset(i)
    })
}

/// Steals `v`; like `PyTuple_SET_ITEM`, meant for filling a new instance (an
/// item already there is not released, as in CPython).
#[no_mangle]
pub unsafe extern "C" fn PyStructSequence_SetItem(
    p: *mut PyObject,
    i: Py_ssize_t,
    v: *mut PyObject,
) {
    guard!((), {
        if !check_index(p, i) {
            Py_XDECREF(v);
            return;
        }
        *tuple::items(p).offset(i) = v;
    })
}
