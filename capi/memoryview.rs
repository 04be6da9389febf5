//! Memory views (`PyMemoryView_*`).

use core::ffi::{c_char, c_int};
use core::ptr::null_mut;

use carapace_core::defs::Py_buffer;
use carapace_core::errors;
use carapace_core::object::*;
use carapace_core::objects::memoryview;
use carapace_core::protocols::buffer;

#[no_mangle]
pub unsafe extern "C" fn PyMemoryView_FromObject(o: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), {
        if o.is_null() {
            errors::bad_internal_call();
            return null_mut();
        }
        memoryview::from_object(o)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyMemoryView_FromMemory(
    mem: *mut c_char,
    size: Py_ssize_t,
    flags: c_int,
) -> *mut PyObject {
    guard!(null_mut(), {
        if mem.is_null()
            || size < 0
            || (flags != buffer::PyBUF_READ && flags != buffer::PyBUF_WRITE)
        {
            errors::bad_internal_call();
            return null_mut();
        }
        memoryview::from_memory(mem, size, flags)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyMemoryView_FromBuffer(info: *const Py_buffer) -> *mut PyObject {
    guard!(null_mut(), {
        if info.is_null() {
            errors::bad_internal_call();
            return null_mut();
        }
        memoryview::from_buffer(info)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyMemoryView_GetContiguous(
    o: *mut PyObject,
    buffertype: c_int,
    order: c_char,
) -> *mut PyObject {
    guard!(null_mut(), {
        if o.is_null() || (buffertype != buffer::PyBUF_READ && buffertype != buffer::PyBUF_WRITE) {
            errors::bad_internal_call();
            return null_mut();
        }
        if !matches!(order as u8, b'C' | b'F' | b'A') {
            errors::bad_internal_call();
            return null_mut();
        }
        memoryview::get_contiguous(o, buffertype, order)
    })
}
