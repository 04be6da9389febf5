//! The buffer protocol (`PyObject_GetBuffer`, `PyBuffer_*`) and the old buffer
//! helpers (`PyObject_AsCharBuffer` & co).

use core::ffi::{c_char, c_int, c_void, CStr};
use core::ptr::null_mut;

use carapace_core::defs::*;
use carapace_core::errors;
use carapace_core::object::*;
use carapace_core::protocols::buffer;
use carapace_core::raise;

#[no_mangle]
pub unsafe extern "C" fn PyObject_CheckBuffer(o: *mut PyObject) -> c_int {
    guard!(0, { (!o.is_null() && buffer::check(o)) as c_int })
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_GetBuffer(
    o: *mut PyObject,
    view: *mut Py_buffer,
    flags: c_int,
) -> c_int {
    guard!(-1, {
        if o.is_null() || view.is_null() {
            errors::bad_internal_call();
            return -1;
        }
        buffer::get_buffer(o, view, flags)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyBuffer_Release(view: *mut Py_buffer) {
    guard!((), {
        if view.is_null() {
            return;
        }
        buffer::release(view)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyBuffer_FillInfo(
    view: *mut Py_buffer,
    o: *mut PyObject,
    buf: *mut c_void,
    len: Py_ssize_t,
    readonly: c_int,
    flags: c_int,
) -> c_int {
    guard!(-1, {
        buffer::fill_info(view, o, buf, len, readonly, flags)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyBuffer_IsContiguous(view: *const Py_buffer, order: c_char) -> c_int {
    guard!(0, { buffer::is_contiguous(&*view, order) as c_int })
}

#[no_mangle]
pub unsafe extern "C" fn PyBuffer_GetPointer(
    view: *const Py_buffer,
    indices: *const Py_ssize_t,
) -> *mut c_void {
    guard!(null_mut(), { buffer::get_pointer(&*view, indices) })
}

#[no_mangle]
pub unsafe extern "C" fn PyBuffer_FillContiguousStrides(
    nd: c_int,
    shape: *mut Py_ssize_t,
    strides: *mut Py_ssize_t,
    itemsize: c_int,
    order: c_char,
) {
    guard!((), {
        buffer::fill_contiguous_strides(nd, shape, strides, itemsize, order)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyBuffer_ToContiguous(
    buf: *mut c_void,
    view: *const Py_buffer,
    len: Py_ssize_t,
    order: c_char,
) -> c_int {
    guard!(-1, { buffer::to_contiguous(buf, &*view, len, order) })
}

#[no_mangle]
pub unsafe extern "C" fn PyBuffer_FromContiguous(
    view: *const Py_buffer,
    buf: *const c_void,
    len: Py_ssize_t,
    fort: c_char,
) -> c_int {
    guard!(-1, { buffer::from_contiguous(&*view, buf, len, fort) })
}

#[no_mangle]
pub unsafe extern "C" fn PyBuffer_SizeFromFormat(format: *const c_char) -> Py_ssize_t {
    guard!(-1, {
        if format.is_null() {
            errors::bad_internal_call();
            return -1;
        }
        buffer::size_from_format(CStr::from_ptr(format)).unwrap_or(-1)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_CopyData(dest: *mut PyObject, src: *mut PyObject) -> c_int {
    guard!(-1, {
        if dest.is_null() || src.is_null() {
            errors::bad_internal_call();
            return -1;
        }
        if !buffer::check(dest) || !buffer::check(src) {
            let _: PyResult<()> = raise!(
                PyExc_TypeError,
                "both destination and source must be bytes-like objects"
            );
            return -1;
        }
        let mut vd: Py_buffer = core::mem::zeroed();
        if buffer::get_buffer(dest, &mut vd, PyBUF_FULL) < 0 {
            return -1;
        }
        let data = match buffer::bytes_of_buffer(src) {
            Ok(d) => d,
            Err(()) => {
                buffer::release(&mut vd);
                return -1;
            }
        };
        if (vd.len as usize) < data.len() {
            buffer::release(&mut vd);
            let _: PyResult<()> = raise!(
                PyExc_BufferError,
                "destination is too small to receive data from source"
            );
            return -1;
        }
        let r = buffer::from_contiguous(
            &vd,
            data.as_ptr() as *const c_void,
            data.len() as Py_ssize_t,
            b'C' as c_char,
        );
        buffer::release(&mut vd);
        r
    })
}

const PyBUF_FULL: c_int = PyBUF_INDIRECT | PyBUF_WRITABLE | PyBUF_FORMAT;

unsafe fn old_buffer(
    o: *mut PyObject,
    ptr: *mut *mut c_void,
    len: *mut Py_ssize_t,
    flags: c_int,
) -> c_int {
    if o.is_null() || ptr.is_null() || len.is_null() {
        errors::bad_internal_call();
        return -1;
    }
    if !buffer::check(o) {
        let _: PyResult<()> = if flags & PyBUF_WRITABLE != 0 {
            raise!(PyExc_TypeError, "expected a writable bytes-like object")
        } else {
            raise!(
                PyExc_TypeError,
                "a bytes-like object is required, not '{}'",
                carapace_core::objects::typeobject::type_name(Py_TYPE(o))
            )
        };
        return -1;
    }
    let mut v: Py_buffer = core::mem::zeroed();
    if buffer::get_buffer(o, &mut v, flags) < 0 {
        if flags & PyBUF_WRITABLE != 0 {
            errors::clear();
            let _: PyResult<()> = raise!(PyExc_TypeError, "expected a writable bytes-like object");
        }
        return -1;
    }
    *ptr = v.buf;
    *len = v.len;
    buffer::release(&mut v);
    0
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_AsCharBuffer(
    o: *mut PyObject,
    buffer: *mut *const c_char,
    len: *mut Py_ssize_t,
) -> c_int {
    guard!(-1, {
        old_buffer(o, buffer as *mut *mut c_void, len, PyBUF_SIMPLE)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_AsReadBuffer(
    o: *mut PyObject,
    buffer: *mut *const c_void,
    len: *mut Py_ssize_t,
) -> c_int {
    guard!(-1, {
        old_buffer(o, buffer as *mut *mut c_void, len, PyBUF_SIMPLE)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_AsWriteBuffer(
    o: *mut PyObject,
    buffer: *mut *mut c_void,
    len: *mut Py_ssize_t,
) -> c_int {
    guard!(-1, { old_buffer(o, buffer, len, PyBUF_WRITABLE) })
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_CheckReadBuffer(o: *mut PyObject) -> c_int {
    guard!(0, {
        if o.is_null() || !buffer::check(o) {
            return 0;
        }
        let mut v: Py_buffer = core::mem::zeroed();
        if buffer::get_buffer(o, &mut v, PyBUF_SIMPLE) < 0 {
            errors::clear();
            return 0;
        }
        buffer::release(&mut v);
        1
    })
}
