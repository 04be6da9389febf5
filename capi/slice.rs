//! Slices (`PySlice_*`).

use core::ffi::c_int;
use core::ptr::null_mut;

use carapace_core::errors::bad_internal_call;
use carapace_core::object::*;
use carapace_core::objects::slice;

#[no_mangle]
pub unsafe extern "C" fn PySlice_New(
    start: *mut PyObject,
    stop: *mut PyObject,
    step: *mut PyObject,
) -> *mut PyObject {
    guard!(null_mut(), { slice::new(start, stop, step) })
}

#[no_mangle]
pub unsafe extern "C" fn PySlice_Unpack(
    o: *mut PyObject,
    start: *mut Py_ssize_t,
    stop: *mut Py_ssize_t,
    step: *mut Py_ssize_t,
) -> c_int {
    guard!(-1, {
        if o.is_null() || !slice::is_slice(o) {
            bad_internal_call();
            return -1;
        }
        match slice::unpack(o) {
            Ok((a, b, c)) => {
                *start = a;
                *stop = b;
                *step = c;
                0
            }
            Err(()) => -1,
        }
    })
}

#[no_mangle]
pub unsafe extern "C" fn PySlice_AdjustIndices(
    length: Py_ssize_t,
    start: *mut Py_ssize_t,
    stop: *mut Py_ssize_t,
    step: Py_ssize_t,
) -> Py_ssize_t {
    guard!(0, {
        slice::adjust_indices(length, &mut *start, &mut *stop, step)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PySlice_GetIndicesEx(
    o: *mut PyObject,
    length: Py_ssize_t,
    start: *mut Py_ssize_t,
    stop: *mut Py_ssize_t,
    step: *mut Py_ssize_t,
    slicelength: *mut Py_ssize_t,
) -> c_int {
    guard!(-1, {
        if PySlice_Unpack(o, start, stop, step) < 0 {
            return -1;
        }
        let n = slice::adjust_indices(length, &mut *start, &mut *stop, *step);
        if !slicelength.is_null() {
            *slicelength = n;
        }
        0
    })
}

#[no_mangle]
pub unsafe extern "C" fn PySlice_GetIndices(
    o: *mut PyObject,
    length: Py_ssize_t,
    start: *mut Py_ssize_t,
    stop: *mut Py_ssize_t,
    step: *mut Py_ssize_t,
) -> c_int {
    guard!(-1, {
        if o.is_null() || !slice::is_slice(o) {
            bad_internal_call();
            return -1;
        }
        match slice::get_indices_old(o, length) {
            Ok(Some((a, b, c))) => {
                *start = a;
                *stop = b;
                *step = c;
                0
            }
            _ => -1,
        }
    })
}
