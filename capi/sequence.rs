//! The sequence protocol (`PySequence_*`).

use core::ffi::{c_char, c_int};
use core::ptr::null_mut;

use carapace_core::object::*;
use carapace_core::protocols::sequence as seq;

fn rc(r: PyResult<()>) -> c_int {
    if r.is_ok() {
        0
    } else {
        -1
    }
}

#[no_mangle]
pub unsafe extern "C" fn PySequence_Check(o: *mut PyObject) -> c_int {
    guard!(0, {
        if o.is_null() {
            return 0;
        }
        seq::check(o) as c_int
    })
}

#[no_mangle]
pub unsafe extern "C" fn PySequence_Size(o: *mut PyObject) -> Py_ssize_t {
    guard!(-1, {
        if o.is_null() {
            seq::null_error();
            return -1;
        }
        seq::size(o)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PySequence_Length(o: *mut PyObject) -> Py_ssize_t {
    PySequence_Size(o)
}

#[no_mangle]
pub unsafe extern "C" fn PySequence_Concat(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), { seq::concat(a, b) })
}

#[no_mangle]
pub unsafe extern "C" fn PySequence_Repeat(o: *mut PyObject, n: Py_ssize_t) -> *mut PyObject {
    guard!(null_mut(), { seq::repeat(o, n) })
}

#[no_mangle]
pub unsafe extern "C" fn PySequence_InPlaceConcat(
    a: *mut PyObject,
    b: *mut PyObject,
) -> *mut PyObject {
    guard!(null_mut(), { seq::inplace_concat(a, b) })
}

#[no_mangle]
pub unsafe extern "C" fn PySequence_InPlaceRepeat(
    o: *mut PyObject,
    n: Py_ssize_t,
) -> *mut PyObject {
    guard!(null_mut(), { seq::inplace_repeat(o, n) })
}

#[no_mangle]
pub unsafe extern "C" fn PySequence_GetItem(o: *mut PyObject, i: Py_ssize_t) -> *mut PyObject {
    guard!(null_mut(), {
        if o.is_null() {
            seq::null_error();
            return null_mut();
        }
        seq::get_item(o, i)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PySequence_GetSlice(
    o: *mut PyObject,
    i1: Py_ssize_t,
    i2: Py_ssize_t,
) -> *mut PyObject {
    guard!(null_mut(), { seq::get_slice(o, i1, i2) })
}

#[no_mangle]
pub unsafe extern "C" fn PySequence_SetItem(
    o: *mut PyObject,
    i: Py_ssize_t,
    v: *mut PyObject,
) -> c_int {
    guard!(-1, {
        if o.is_null() {
            seq::null_error();
            return -1;
        }
        if v.is_null() {
            // CPython treats a NULL value as deletion here too.
            return rc(seq::set_item(o, i, null_mut()));
        }
        rc(seq::set_item(o, i, v))
    })
}

#[no_mangle]
pub unsafe extern "C" fn PySequence_DelItem(o: *mut PyObject, i: Py_ssize_t) -> c_int {
    guard!(-1, {
        if o.is_null() {
            seq::null_error();
            return -1;
        }
        rc(seq::set_item(o, i, null_mut()))
    })
}

#[no_mangle]
pub unsafe extern "C" fn PySequence_SetSlice(
    o: *mut PyObject,
    i1: Py_ssize_t,
    i2: Py_ssize_t,
    v: *mut PyObject,
) -> c_int {
    guard!(-1, { rc(seq::set_slice(o, i1, i2, v)) })
}

#[no_mangle]
pub unsafe extern "C" fn PySequence_DelSlice(
    o: *mut PyObject,
    i1: Py_ssize_t,
    i2: Py_ssize_t,
) -> c_int {
    guard!(-1, { rc(seq::set_slice(o, i1, i2, null_mut())) })
}

#[no_mangle]
pub unsafe extern "C" fn PySequence_Tuple(o: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), { seq::to_tuple(o) })
}

#[no_mangle]
pub unsafe extern "C" fn PySequence_List(o: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), { seq::to_list(o) })
}

#[no_mangle]
pub unsafe extern "C" fn PySequence_Fast(o: *mut PyObject, m: *const c_char) -> *mut PyObject {
    guard!(null_mut(), {
        let msg = crate::guard::cstr(m);
        seq::fast(o, &msg)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PySequence_Count(o: *mut PyObject, v: *mut PyObject) -> Py_ssize_t {
    guard!(-1, { seq::iter_search(o, v, seq::Search::Count) })
}

#[no_mangle]
pub unsafe extern "C" fn PySequence_Index(o: *mut PyObject, v: *mut PyObject) -> Py_ssize_t {
    guard!(-1, { seq::iter_search(o, v, seq::Search::Index) })
}

#[no_mangle]
pub unsafe extern "C" fn PySequence_Contains(o: *mut PyObject, v: *mut PyObject) -> c_int {
    guard!(-1, { seq::contains(o, v) })
}

/// The old name of `PySequence_Contains`.
#[no_mangle]
pub unsafe extern "C" fn PySequence_In(o: *mut PyObject, v: *mut PyObject) -> c_int {
    PySequence_Contains(o, v)
}
