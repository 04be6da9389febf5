//! Lists (`PyList_*`).

use core::ptr::null_mut;

use carapace_core::errors::bad_internal_call;
use carapace_core::object::*;
use carapace_core::objects::list as lst;
use carapace_core::objects::list_ops as ops;

unsafe fn not_list(o: *mut PyObject) -> bool {
    if o.is_null() || !lst::is_list(o) {
        bad_internal_call();
        return true;
    }
    false
}

#[no_mangle]
pub unsafe extern "C" fn PyList_New(n: Py_ssize_t) -> *mut PyObject {
    guard!(null_mut(), { lst::new(n) })
}

#[no_mangle]
pub unsafe extern "C" fn PyList_Size(o: *mut PyObject) -> Py_ssize_t {
    guard!(-1, {
        if not_list(o) {
            return -1;
        }
        lst::list_length(o)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyList_GetItem(o: *mut PyObject, i: Py_ssize_t) -> *mut PyObject {
    guard!(null_mut(), {
        if not_list(o) {
            return null_mut();
        }
        let r = lst::get_item_ref(o, i);
        if !r.is_null() {
            // Borrowed: the list keeps its own reference.
            Py_DECREF(r);
        }
        r
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyList_GetItemRef(o: *mut PyObject, i: Py_ssize_t) -> *mut PyObject {
    guard!(null_mut(), {
        if o.is_null() || !lst::is_list(o) {
            return carapace_core::raise_null!(PyExc_TypeError, "expected a list");
        }
        lst::get_item_ref(o, i)
    })
}

/// Steals `v`, even on error.
#[no_mangle]
pub unsafe extern "C" fn PyList_SetItem(o: *mut PyObject, i: Py_ssize_t, v: *mut PyObject) -> i32 {
    guard!(-1, {
        if o.is_null() || !lst::is_list(o) {
            Py_XDECREF(v);
            bad_internal_call();
            return -1;
        }
        if ops::set_item_steal(o, i, v).is_ok() {
            0
        } else {
            -1
        }
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyList_Insert(o: *mut PyObject, i: Py_ssize_t, v: *mut PyObject) -> i32 {
    guard!(-1, {
        if v.is_null() || not_list(o) {
            if v.is_null() {
                bad_internal_call();
            }
            return -1;
        }
        if ops::insert(o, i, v).is_ok() {
            0
        } else {
            -1
        }
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyList_Append(o: *mut PyObject, v: *mut PyObject) -> i32 {
    guard!(-1, {
        if v.is_null() || o.is_null() || !lst::is_list(o) {
            bad_internal_call();
            return -1;
        }
        if lst::append(o, v).is_ok() {
            0
        } else {
            -1
        }
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyList_GetSlice(
    o: *mut PyObject,
    lo: Py_ssize_t,
    hi: Py_ssize_t,
) -> *mut PyObject {
    guard!(null_mut(), {
        if not_list(o) {
            return null_mut();
        }
        ops::get_slice(o, lo, hi)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyList_SetSlice(
    o: *mut PyObject,
    lo: Py_ssize_t,
    hi: Py_ssize_t,
    v: *mut PyObject,
) -> i32 {
    guard!(-1, {
        if not_list(o) {
            return -1;
        }
        if ops::set_slice(o, lo, hi, v).is_ok() {
            0
        } else {
            -1
        }
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyList_Sort(o: *mut PyObject) -> i32 {
    guard!(-1, {
        if not_list(o) {
            return -1;
        }
        if ops::sort(o, null_mut(), false).is_ok() {
            0
        } else {
            -1
        }
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyList_Reverse(o: *mut PyObject) -> i32 {
    guard!(-1, {
        if not_list(o) {
            return -1;
        }
        ops::reverse(o);
        0
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyList_AsTuple(o: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), {
        if not_list(o) {
            return null_mut();
        }
        ops::as_tuple(o)
    })
}
