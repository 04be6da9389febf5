//! The buffer protocol (`PyObject_GetBuffer`, `PyBuffer_*`).

use core::ffi::{c_char, c_int, c_void, CStr};
use core::ptr::null_mut;

use crate::defs::*;
use crate::object::*;

/// Does `o`'s type export buffers?
pub unsafe fn check(o: *mut PyObject) -> bool {
    let pb = (*Py_TYPE(o)).tp_as_buffer;
    !pb.is_null() && (*pb).bf_getbuffer.is_some()
}

/// `PyObject_GetBuffer`.
pub unsafe fn get_buffer(o: *mut PyObject, view: *mut Py_buffer, flags: c_int) -> c_int {
    let pb = (*Py_TYPE(o)).tp_as_buffer;
    match if pb.is_null() {
        None
    } else {
        (*pb).bf_getbuffer
    } {
        Some(f) => f(o, view, flags),
        None => {
            let _: PyResult<()> = crate::raise!(
                PyExc_TypeError,
                "a bytes-like object is required, not '{}'",
                crate::objects::typeobject::type_name(Py_TYPE(o))
            );
            -1
        }
    }
}

/// `PyBuffer_Release`.
pub unsafe fn release(view: *mut Py_buffer) {
    let o = (*view).obj;
    if o.is_null() {
        return;
    }
    let pb = (*Py_TYPE(o)).tp_as_buffer;
    if !pb.is_null() {
        if let Some(f) = (*pb).bf_releasebuffer {
            f(o, view);
        }
    }
    (*view).obj = null_mut();
    Py_DECREF(o);
}

static mut FORMAT_B: [u8; 2] = *b"B\0";

/// `PyBuffer_FillInfo`.
pub unsafe fn fill_info(
    view: *mut Py_buffer,
    obj: *mut PyObject,
    buf: *mut c_void,
    len: Py_ssize_t,
    readonly: c_int,
    flags: c_int,
) -> c_int {
    if view.is_null() {
        let _: PyResult<()> = crate::raise!(
            PyExc_BufferError,
            "PyBuffer_FillInfo: view==NULL argument is obsolete"
        );
        return -1;
    }
    if flags != PyBUF_SIMPLE {
        // PyBUF_READ/PyBUF_WRITE are memoryview flags, not buffer request flags.
        if flags == PyBUF_READ || flags == PyBUF_WRITE {
            crate::errors::bad_internal_call();
            return -1;
        }
        if (flags & PyBUF_WRITABLE) == PyBUF_WRITABLE && readonly == 1 {
            let _: PyResult<()> = crate::raise!(PyExc_BufferError, "Object is not writable.");
            return -1;
        }
    }
    (*view).obj = obj;
    if !obj.is_null() {
        Py_INCREF(obj);
    }
    (*view).buf = buf;
    (*view).len = len;
    (*view).readonly = readonly;
    (*view).itemsize = 1;
    (*view).format = null_mut();
    if (flags & PyBUF_FORMAT) == PyBUF_FORMAT {
        (*view).format = (&raw mut FORMAT_B).cast();
    }
    (*view).ndim = 1;
    (*view).shape = null_mut();
    if (flags & PyBUF_ND) == PyBUF_ND {
        (*view).shape = &raw mut (*view).len;
    }
    (*view).strides = null_mut();
    if (flags & PyBUF_STRIDES) == PyBUF_STRIDES {
        (*view).strides = &raw mut (*view).itemsize;
    }
    (*view).suboffsets = null_mut();
    (*view).internal = null_mut();
    0
}

pub const PyBUF_READ: c_int = 0x100;
pub const PyBUF_WRITE: c_int = 0x200;

unsafe fn ndim_slice<'a>(p: *const Py_ssize_t, n: c_int) -> &'a [Py_ssize_t] {
    if p.is_null() || n <= 0 {
        &[]
    } else {
        core::slice::from_raw_parts(p, n as usize)
    }
}

unsafe fn is_c_contig(v: &Py_buffer) -> bool {
    if v.len == 0 || v.strides.is_null() {
        return true;
    }
    let shape = ndim_slice(v.shape, v.ndim);
    let strides = ndim_slice(v.strides, v.ndim);
    let mut sd = v.itemsize;
    for i in (0..v.ndim as usize).rev() {
        let dim = shape[i];
        if dim > 1 && strides[i] != sd {
            return false;
        }
        sd *= dim;
    }
    true
}

unsafe fn is_f_contig(v: &Py_buffer) -> bool {
    if v.len == 0 {
        return true;
    }
    if v.strides.is_null() {
        if v.ndim <= 1 {
            return true;
        }
        if v.shape.is_null() {
            return false;
        }
        // C-contiguous with one non-trivial dimension is also Fortran-contiguous.
        let shape = ndim_slice(v.shape, v.ndim);
        return shape.iter().filter(|&&d| d > 1).count() <= 1;
    }
    let shape = ndim_slice(v.shape, v.ndim);
    let strides = ndim_slice(v.strides, v.ndim);
    let mut sd = v.itemsize;
    for i in 0..v.ndim as usize {
        let dim = shape[i];
        if dim > 1 && strides[i] != sd {
            return false;
        }
        sd *= dim;
    }
    true
}

/// `PyBuffer_IsContiguous`.
pub unsafe fn is_contiguous(v: &Py_buffer, order: c_char) -> bool {
    if !v.suboffsets.is_null() {
        return false;
    }
    match order as u8 {
        b'C' => is_c_contig(v),
        b'F' => is_f_contig(v),
        b'A' => is_c_contig(v) || is_f_contig(v),
        _ => false,
    }
}

/// `PyBuffer_GetPointer`.
pub unsafe fn get_pointer(v: &Py_buffer, indices: *const Py_ssize_t) -> *mut c_void {
    let mut p = v.buf as *mut u8;
    let strides = ndim_slice(v.strides, v.ndim);
    for i in 0..v.ndim.max(0) as usize {
        let stride = if strides.is_empty() {
            // C-contiguous without strides: compute them.
            let shape = ndim_slice(v.shape, v.ndim);
            shape[i + 1..].iter().product::<Py_ssize_t>() * v.itemsize
        } else {
            strides[i]
        };
        p = p.offset(stride * *indices.add(i));
        if !v.suboffsets.is_null() && *v.suboffsets.add(i) >= 0 {
            p = (*(p as *mut *mut u8)).offset(*v.suboffsets.add(i));
        }
    }
    p as *mut c_void
}

/// `PyBuffer_FillContiguousStrides`.
pub unsafe fn fill_contiguous_strides(
    nd: c_int,
    shape: *const Py_ssize_t,
    strides: *mut Py_ssize_t,
    itemsize: c_int,
    order: c_char,
) {
    let mut sd = itemsize as Py_ssize_t;
    if order as u8 == b'F' {
        for k in 0..nd.max(0) as usize {
            *strides.add(k) = sd;
            sd *= *shape.add(k);
        }
    } else {
        for k in (0..nd.max(0) as usize).rev() {
            *strides.add(k) = sd;
            sd *= *shape.add(k);
        }
    }
}

/// Visit every item of `v` in `order` ('C' or 'F'), calling `f(item_ptr)`.
unsafe fn for_each_item(v: &Py_buffer, order: u8, mut f: impl FnMut(*mut u8)) {
    let nd = v.ndim.max(0) as usize;
    if nd == 0 {
        f(v.buf as *mut u8);
        return;
    }
    let shape: Vec<Py_ssize_t> = if v.shape.is_null() {
        vec![v.len / v.itemsize.max(1)]
    } else {
        ndim_slice(v.shape, v.ndim).to_vec()
    };
    if shape.contains(&0) {
        return;
    }
    let mut idx = vec![0 as Py_ssize_t; nd];
    loop {
        f(get_pointer(v, idx.as_ptr()) as *mut u8);
        // advance
        let mut done = true;
        let dims: Vec<usize> = if order == b'F' {
            (0..nd).collect()
        } else {
            (0..nd).rev().collect()
        };
        for d in dims {
            idx[d] += 1;
            if idx[d] < shape[d] {
                done = false;
                break;
            }
            idx[d] = 0;
        }
        if done {
            return;
        }
    }
}

/// `PyBuffer_ToContiguous`.
pub unsafe fn to_contiguous(
    buf: *mut c_void,
    v: &Py_buffer,
    len: Py_ssize_t,
    order: c_char,
) -> c_int {
    if !matches!(order as u8, b'C' | b'F' | b'A') {
        let _: PyResult<()> =
            crate::raise!(PyExc_ValueError, "invalid order, must be 'C', 'F' or 'A'");
        return -1;
    }
    if len != v.len {
        let _: PyResult<()> =
            crate::raise!(PyExc_ValueError, "PyBuffer_ToContiguous: len != view->len");
        return -1;
    }
    if is_contiguous(v, order) {
        core::ptr::copy(v.buf as *const u8, buf as *mut u8, len as usize);
        return 0;
    }
    let o = if order as u8 == b'F' { b'F' } else { b'C' };
    let mut dst = buf as *mut u8;
    let isz = v.itemsize as usize;
    for_each_item(v, o, |p| {
        core::ptr::copy(p, dst, isz);
        dst = dst.add(isz);
    });
    0
}

/// `PyBuffer_FromContiguous`.
pub unsafe fn from_contiguous(
    v: &Py_buffer,
    buf: *const c_void,
    mut len: Py_ssize_t,
    fort: c_char,
) -> c_int {
    if len > v.len {
        len = v.len;
    }
    if is_contiguous(v, fort) {
        core::ptr::copy(buf as *const u8, v.buf as *mut u8, len.max(0) as usize);
        return 0;
    }
    let o = if fort as u8 == b'F' { b'F' } else { b'C' };
    let mut src = buf as *const u8;
    let end = src.add(len.max(0) as usize);
    let isz = v.itemsize as usize;
    for_each_item(v, o, |p| {
        if src.add(isz) <= end {
            core::ptr::copy(src, p, isz);
            src = src.add(isz);
        }
    });
    0
}

/// The size of one item of a struct-module format (`PyBuffer_SizeFromFormat`),
/// with native sizes and alignment for '@' (the default) and standard sizes for
/// '<', '>', '!', '='.
pub unsafe fn size_from_format(format: &CStr) -> PyResult<Py_ssize_t> {
    let s = format.to_bytes();
    let (native, body) = match s.first() {
        Some(b'@') => (true, &s[1..]),
        Some(b'<' | b'>' | b'!' | b'=') => (false, &s[1..]),
        _ => (true, s),
    };
    let mut size: usize = 0;
    let mut i = 0;
    while i < body.len() {
        let c = body[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let mut count: Option<usize> = None;
        while i < body.len() && body[i].is_ascii_digit() {
            count = Some(count.unwrap_or(0) * 10 + (body[i] - b'0') as usize);
            i += 1;
        }
        if i >= body.len() {
            return crate::raise!(
                PyExc_ValueError,
                "repeat count given without format specifier"
            );
        }
        let code = body[i];
        i += 1;
        let (sz, al) = match code {
            b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => (1, 1),
            b'h' | b'H' | b'e' => (2, 2),
            b'i' | b'I' | b'f' => (4, 4),
            b'l' | b'L' => {
                if native {
                    (8, 8)
                } else {
                    (4, 4)
                }
            }
            b'q' | b'Q' | b'd' => (8, 8),
            b'n' | b'N' | b'P' if native => (8, 8),
            b'F' => (8, 4),
            b'D' => (16, 8),
            _ => return crate::raise!(PyExc_ValueError, "bad char in struct format"),
        };
        let n = count.unwrap_or(1);
        if native && al > 1 {
            size = size.div_ceil(al) * al;
        }
        if code == b's' || code == b'p' {
            size += n;
        } else {
            size += sz * n;
        }
    }
    Ok(size as Py_ssize_t)
}

/// A buffer held for the life of the value (released on drop).
pub struct BufferView {
    pub view: Py_buffer,
}

impl BufferView {
    pub unsafe fn new(o: *mut PyObject, flags: c_int) -> PyResult<BufferView> {
        let mut view: Py_buffer = core::mem::zeroed();
        if get_buffer(o, &mut view, flags) < 0 {
            return Err(());
        }
        Ok(BufferView { view })
    }
    pub unsafe fn as_slice(&self) -> &[u8] {
        if self.view.len == 0 || self.view.buf.is_null() {
            &[]
        } else {
            core::slice::from_raw_parts(self.view.buf as *const u8, self.view.len as usize)
        }
    }
}

impl Drop for BufferView {
    fn drop(&mut self) {
        unsafe { release(&mut self.view) }
    }
}

/// The contiguous bytes of any buffer exporter, copied.
pub unsafe fn bytes_of_buffer(o: *mut PyObject) -> PyResult<Vec<u8>> {
    let v = BufferView::new(o, PyBUF_FULL_RO)?;
    if is_contiguous(&v.view, b'C' as c_char) {
        return Ok(v.as_slice().to_vec());
    }
    let mut out = vec![0u8; v.view.len as usize];
    if to_contiguous(
        out.as_mut_ptr() as *mut c_void,
        &v.view,
        v.view.len,
        b'C' as c_char,
    ) < 0
    {
        return Err(());
    }
    Ok(out)
}

pub const PyBUF_FULL_RO: c_int = PyBUF_INDIRECT | PyBUF_FORMAT;
pub const PyBUF_RECORDS_RO: c_int = PyBUF_STRIDES | PyBUF_FORMAT;
