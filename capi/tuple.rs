//! Tuples (`PyTuple_*`).

use core::ptr::null_mut;

use carapace_core::errors::bad_internal_call;
use carapace_core::object::*;
use carapace_core::objects::tuple as tup;

#[no_mangle]
pub unsafe extern "C" fn PyTuple_New(n: Py_ssize_t) -> *mut PyObject {
    guard!(null_mut(), { tup::new(n) })
}

#[no_mangle]
pub unsafe extern "C" fn PyTuple_Size(o: *mut PyObject) -> Py_ssize_t {
    guard!(-1, {
        if o.is_null() || !tup::is_tuple(o) {
            bad_internal_call();
            return -1;
        }
        Py_SIZE(o)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyTuple_GetItem(o: *mut PyObject, i: Py_ssize_t) -> *mut PyObject {
    guard!(null_mut(), {
        if o.is_null() || !tup::is_tuple(o) {
            bad_internal_call();
            return null_mut();
        }
        if i < 0 || i >= Py_SIZE(o) {
            return carapace_core::raise_null!(PyExc_IndexError, "tuple index out of range");
        }
        tup::get_item(o, i)
    })
}

/// Steals `v`, even on error.
#[no_mangle]
pub unsafe extern "C" fn PyTuple_SetItem(o: *mut PyObject, i: Py_ssize_t, v: *mut PyObject) -> i32 {
    guard!(-1, {
        if o.is_null() || !tup::is_tuple(o) || refcnt(o) != 1 {
            Py_XDECREF(v);
            bad_internal_call();
            return -1;
        }
        if i < 0 || i >= Py_SIZE(o) {
            Py_XDECREF(v);
            let _: PyResult<()> =
                carapace_core::raise!(PyExc_IndexError, "tuple assignment index out of range");
            return -1;
        }
        tup::set_item_steal(o, i, v);
        0
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyTuple_GetSlice(
    o: *mut PyObject,
    lo: Py_ssize_t,
    hi: Py_ssize_t,
) -> *mut PyObject {
    guard!(null_mut(), {
        if o.is_null() || !tup::is_tuple(o) {
            bad_internal_call();
            return null_mut();
        }
        tup::get_slice(o, lo, hi)
    })
}
