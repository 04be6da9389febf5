//! `memoryview`: a view of another object's buffer (the buffer protocol).
//!
//! A memoryview holds one `Py_buffer` taken from its exporter (released by
//! `release()` or on deallocation) plus its own copies of format, shape and
//! strides. Slices are new memoryviews holding a buffer of the parent view, so
//! the parent cannot be released while they live (as in CPython).

use core::ffi::{c_char, c_int, c_void, CStr};
use core::ptr::null_mut;
use core::sync::atomic::{AtomicIsize, AtomicU8, Ordering};

use crate::alloc;
use crate::defs::*;
use crate::exported::*;
use crate::object::*;
use crate::objects::{bytes, list, long, tuple, typeobject, unicode};
use crate::protocols::buffer;
use crate::typeobj::*;

#[repr(C)]
pub struct MemoryViewObject {
    pub ob_base: PyObject,
    pub view: Py_buffer,
    /// Buffers exported by this view.
    pub exports: AtomicIsize,
    /// 1 once released.
    pub released: AtomicU8,
    /// Whether `view` must be given back to its exporter (not for FromMemory/FromBuffer).
    pub owns_buffer: u8,
    pub meta: *mut Meta,
}

pub struct Meta {
    pub format: std::ffi::CString,
    pub shape: Vec<Py_ssize_t>,
    pub strides: Vec<Py_ssize_t>,
}

#[inline]
pub unsafe fn is_memoryview(o: *mut PyObject) -> bool {
    typeobject::instance_of(o, &raw mut PyMemoryView_Type)
}

unsafe fn mv<'a>(o: *mut PyObject) -> &'a mut MemoryViewObject {
    &mut *(o as *mut MemoryViewObject)
}

unsafe fn check_released(o: *mut PyObject) -> PyResult<()> {
    if mv(o).released.load(Ordering::Acquire) != 0 {
        return crate::raise!(
            PyExc_ValueError,
            "operation forbidden on released memoryview object"
        );
    }
    Ok(())
}

/// Make a memoryview from a filled `Py_buffer` (taken over).
unsafe fn from_view(view: Py_buffer, owns: bool) -> *mut PyObject {
    let fmt = if view.format.is_null() {
        c"B".to_owned()
    } else {
        CStr::from_ptr(view.format).to_owned()
    };
    let ndim = view.ndim.max(0) as usize;
    let shape: Vec<Py_ssize_t> = if view.shape.is_null() {
        if ndim == 0 {
            vec![]
        } else {
            vec![view.len / view.itemsize.max(1)]
        }
    } else {
        core::slice::from_raw_parts(view.shape, ndim).to_vec()
    };
    let strides: Vec<Py_ssize_t> = if view.strides.is_null() {
        let mut s = vec![0; ndim];
        let mut sd = view.itemsize;
        for k in (0..ndim).rev() {
            s[k] = sd;
            sd *= shape[k];
        }
        s
    } else {
        core::slice::from_raw_parts(view.strides, ndim).to_vec()
    };
    let meta = Box::into_raw(Box::new(Meta {
        format: fmt,
        shape,
        strides,
    }));
    let mut v: Py_buffer = core::ptr::read(&view);
    v.format = (*meta).format.as_ptr() as *mut c_char;
    v.shape = (*meta).shape.as_mut_ptr();
    v.strides = (*meta).strides.as_mut_ptr();
    let o = alloc::new_object(
        &raw mut PyMemoryView_Type,
        MemoryViewObject {
            ob_base: PyObject {
                ob_refcnt: 1,
                ob_type: null_mut(),
            },
            view: v,
            exports: AtomicIsize::new(0),
            released: AtomicU8::new(0),
            owns_buffer: owns as u8,
            meta,
        },
    );
    if o.is_null() {
        let mut vv: Py_buffer = core::ptr::read(&view);
        if owns {
            buffer::release(&mut vv);
        }
        drop(Box::from_raw(meta));
        return null_mut();
    }
    o as *mut PyObject
}

/// `PyMemoryView_FromObject`.
pub unsafe fn from_object(o: *mut PyObject) -> *mut PyObject {
    if !buffer::check(o) {
        return crate::raise_null!(
            PyExc_TypeError,
            "memoryview: a bytes-like object is required, not '{}'",
            typeobject::type_name(Py_TYPE(o))
        );
    }
    let mut view: Py_buffer = core::mem::zeroed();
    if buffer::get_buffer(o, &mut view, buffer::PyBUF_FULL_RO) < 0 {
        return null_mut();
    }
    from_view(view, true)
}

/// `PyMemoryView_FromMemory`.
pub unsafe fn from_memory(mem: *mut c_char, size: Py_ssize_t, flags: c_int) -> *mut PyObject {
    let mut view: Py_buffer = core::mem::zeroed();
    let readonly = if flags == buffer::PyBUF_WRITE { 0 } else { 1 };
    buffer::fill_info(
        &mut view,
        null_mut(),
        mem as *mut c_void,
        size,
        readonly,
        PyBUF_FULL_RO_W,
    );
    from_view(view, false)
}

const PyBUF_FULL_RO_W: c_int = PyBUF_INDIRECT | PyBUF_FORMAT;

/// `PyMemoryView_FromBuffer`.
pub unsafe fn from_buffer(info: *const Py_buffer) -> *mut PyObject {
    if (*info).buf.is_null() {
        return crate::raise_null!(
            PyExc_ValueError,
            "PyMemoryView_FromBuffer(): info->buf must not be NULL"
        );
    }
    let mut v: Py_buffer = core::ptr::read(info);
    v.obj = null_mut();
    from_view(v, false)
}

/// `PyMemoryView_GetContiguous`.
pub unsafe fn get_contiguous(o: *mut PyObject, buffertype: c_int, order: c_char) -> *mut PyObject {
    let m = from_object(o);
    if m.is_null() {
        return m;
    }
    let view = &mv(m).view;
    if buffertype == buffer::PyBUF_WRITE && view.readonly != 0 {
        Py_DECREF(m);
        return crate::raise_null!(PyExc_BufferError, "underlying buffer is not writable");
    }
    if buffer::is_contiguous(view, order) {
        return m;
    }
    if buffertype == buffer::PyBUF_WRITE {
        Py_DECREF(m);
        return crate::raise_null!(
            PyExc_BufferError,
            "writable contiguous buffer requested for a non-contiguous object."
        );
    }
    let mut data = vec![0u8; view.len as usize];
    let ord = if order as u8 == b'F' { b'F' } else { b'C' };
    buffer::to_contiguous(
        data.as_mut_ptr() as *mut c_void,
        view,
        view.len,
        ord as c_char,
    );
    Py_DECREF(m);
    let b = bytes::from_slice(&data);
    if b.is_null() {
        return b;
    }
    let r = from_object(b);
    Py_DECREF(b);
    r
}

/// A new buffer describing the same memory as view `o` (for slices and
/// `toreadonly`): taken again from the exporter so that it stays valid after `o`
/// is released, as CPython's shared managed buffer does.
unsafe fn derive_view(o: *mut PyObject) -> PyResult<(Py_buffer, bool)> {
    let m = mv(o);
    let base = &m.view;
    let mut nv: Py_buffer = core::mem::zeroed();
    let owns = m.owns_buffer != 0 && !base.obj.is_null();
    if owns && buffer::get_buffer(base.obj, &mut nv, buffer::PyBUF_FULL_RO) < 0 {
        return Err(());
    }
    nv.buf = base.buf;
    nv.len = base.len;
    nv.itemsize = base.itemsize;
    nv.readonly = base.readonly;
    nv.ndim = base.ndim;
    nv.format = base.format;
    nv.shape = base.shape;
    nv.strides = base.strides;
    nv.suboffsets = null_mut();
    Ok((nv, owns))
}

unsafe fn do_release(o: *mut PyObject) -> PyResult<()> {
    let m = mv(o);
    if m.released.load(Ordering::Acquire) != 0 {
        return Ok(());
    }
    let n = m.exports.load(Ordering::Acquire);
    if n > 0 {
        return crate::raise!(
            PyExc_BufferError,
            "memoryview has {} exported buffer{}",
            n,
            if n == 1 { "" } else { "s" }
        );
    }
    if m.released.swap(1, Ordering::AcqRel) != 0 {
        return Ok(());
    }
    if m.owns_buffer != 0 {
        // Give the exporter back the buffer with its own format/shape/strides.
        let fmt = (*m.meta).format.as_ptr();
        let _ = fmt;
        buffer::release(&mut m.view);
    } else {
        m.view.obj = null_mut();
    }
    Ok(())
}

unsafe extern "C" fn memory_dealloc(o: *mut PyObject) {
    let m = mv(o);
    if m.released.load(Ordering::Acquire) == 0 {
        // With no exports left, releasing cannot raise (and must not disturb an
        // exception being raised by the code that dropped the view).
        m.exports.store(0, Ordering::Release);
        let _ = do_release(o);
    }
    if !m.meta.is_null() {
        drop(Box::from_raw(m.meta));
        m.meta = null_mut();
    }
    alloc::free_via_type(o);
}

unsafe extern "C" fn memory_getbuffer(
    o: *mut PyObject,
    view: *mut Py_buffer,
    flags: c_int,
) -> c_int {
    if check_released(o).is_err() {
        return -1;
    }
    let m = mv(o);
    let base = &m.view;
    if flags & PyBUF_WRITABLE != 0 && base.readonly != 0 {
        let _: PyResult<()> = crate::raise!(
            PyExc_BufferError,
            "memoryview: underlying buffer is not writable"
        );
        return -1;
    }
    // Each contiguity the consumer asks for must hold for the underlying view.
    for (want, order, what) in [
        (PyBUF_C_CONTIGUOUS, b'C', "C-contiguous"),
        (PyBUF_F_CONTIGUOUS, b'F', "Fortran contiguous"),
        (PyBUF_ANY_CONTIGUOUS, b'A', "contiguous"),
    ] {
        if (flags & want) == want && !buffer::is_contiguous(base, order as c_char) {
            let _: PyResult<()> = crate::raise!(
                PyExc_BufferError,
                "memoryview: underlying buffer is not {}",
                what
            );
            return -1;
        }
    }
    if (flags & PyBUF_STRIDES) != PyBUF_STRIDES && !buffer::is_contiguous(base, b'C' as c_char) {
        let _: PyResult<()> = crate::raise!(
            PyExc_BufferError,
            "memoryview: underlying buffer requires strides"
        );
        return -1;
    }
    let v = &mut *view;
    v.buf = base.buf;
    v.len = base.len;
    v.itemsize = base.itemsize;
    v.readonly = base.readonly;
    v.ndim = base.ndim;
    v.format = if flags & PyBUF_FORMAT != 0 {
        base.format
    } else {
        null_mut()
    };
    v.shape = if (flags & PyBUF_ND) == PyBUF_ND {
        base.shape
    } else {
        null_mut()
    };
    v.strides = if (flags & PyBUF_STRIDES) == PyBUF_STRIDES {
        base.strides
    } else {
        null_mut()
    };
    v.suboffsets = null_mut();
    v.internal = null_mut();
    v.obj = new_ref(o);
    m.exports.fetch_add(1, Ordering::AcqRel);
    0
}

unsafe extern "C" fn memory_releasebuffer(o: *mut PyObject, _v: *mut Py_buffer) {
    mv(o).exports.fetch_sub(1, Ordering::AcqRel);
}

// ---- items ----------------------------------------------------------------------

/// The struct code of a simple format ("B", "<i", "@d", ...), or None.
fn simple_code(fmt: &[u8]) -> Option<u8> {
    let f = match fmt {
        [b'@', rest @ ..] => rest,
        other => other,
    };
    if f.len() == 1 {
        Some(f[0])
    } else {
        None
    }
}

unsafe fn unpack(code: u8, p: *const u8) -> *mut PyObject {
    macro_rules! rd {
        ($t:ty) => {
            core::ptr::read_unaligned(p as *const $t)
        };
    }
    match code {
        b'B' => long::from_i64(rd!(u8) as i64),
        b'b' => long::from_i64(rd!(i8) as i64),
        b'c' => bytes::from_slice(&[rd!(u8)]),
        b'h' => long::from_i64(rd!(i16) as i64),
        b'H' => long::from_i64(rd!(u16) as i64),
        b'i' => long::from_i64(rd!(i32) as i64),
        b'I' => long::from_i64(rd!(u32) as i64),
        b'l' | b'q' | b'n' => long::from_i64(rd!(i64)),
        b'L' | b'Q' | b'N' | b'P' => long::from_u64(rd!(u64)),
        b'f' => crate::objects::float::from_f64(rd!(f32) as f64),
        b'd' => crate::objects::float::from_f64(rd!(f64)),
        b'?' => new_ref(py_bool(rd!(u8) != 0)),
        _ => crate::raise_null!(
            PyExc_NotImplementedError,
            "memoryview: unsupported format {}",
            code as char
        ),
    }
}

unsafe fn pack(code: u8, p: *mut u8, v: *mut PyObject, fmt: &str) -> PyResult<()> {
    let bad_type = || {
        crate::raise!(
            PyExc_TypeError,
            "memoryview: invalid type for format '{}'",
            fmt
        )
    };
    let bad_value = || {
        crate::raise!(
            PyExc_ValueError,
            "memoryview: invalid value for format '{}'",
            fmt
        )
    };
    macro_rules! int {
        ($t:ty) => {{
            if !crate::protocols::number::index_check(v) {
                return bad_type();
            }
            let i = Owned::from_new(crate::protocols::number::index(v)).ok_or(())?;
            let big = long::to_bigint(i.as_ptr());
            match <$t>::try_from(big) {
                Ok(x) => core::ptr::write_unaligned(p as *mut $t, x),
                Err(_) => return bad_value(),
            }
        }};
    }
    match code {
        b'B' => int!(u8),
        b'b' => int!(i8),
        b'h' => int!(i16),
        b'H' => int!(u16),
        b'i' => int!(i32),
        b'I' => int!(u32),
        b'l' | b'q' | b'n' => int!(i64),
        b'L' | b'Q' | b'N' | b'P' => int!(u64),
        b'c' => {
            if !bytes::is_bytes(v) {
                return bad_type();
            }
            if Py_SIZE(v) != 1 {
                return bad_value();
            }
            *p = bytes::as_slice_of(v)[0];
        }
        b'f' | b'd' => {
            let x = crate::objects::float::as_f64(v).map_err(|_| {
                crate::errors::clear();
                let _: PyResult<()> = bad_type();
            })?;
            if code == b'f' {
                core::ptr::write_unaligned(p as *mut f32, x as f32);
            } else {
                core::ptr::write_unaligned(p as *mut f64, x);
            }
        }
        b'?' => {
            let t = crate::protocols::object::is_true(v);
            if t < 0 {
                return Err(());
            }
            *p = t as u8;
        }
        _ => {
            return crate::raise!(
                PyExc_NotImplementedError,
                "memoryview: unsupported format {}",
                fmt
            );
        }
    }
    Ok(())
}

unsafe fn fmt_str(o: *mut PyObject) -> String {
    (*mv(o).meta).format.to_string_lossy().into_owned()
}

unsafe fn code_of(o: *mut PyObject) -> PyResult<u8> {
    let f = fmt_str(o);
    match simple_code(f.as_bytes()) {
        Some(c) if b"BbchHiIlLqQnNPfd?".contains(&c) => Ok(c),
        _ => crate::raise!(
            PyExc_NotImplementedError,
            "memoryview: unsupported format {}",
            f
        ),
    }
}

unsafe fn item_ptr(o: *mut PyObject, i: Py_ssize_t) -> *mut u8 {
    let v = &mv(o).view;
    (v.buf as *mut u8).offset(i * *v.strides)
}

unsafe fn index_1d(o: *mut PyObject, key: *mut PyObject) -> PyResult<Py_ssize_t> {
    let v = &mv(o).view;
    let mut i = crate::protocols::number::as_ssize_t(key, &raw mut PyExc_IndexError)?;
    let n = *v.shape;
    if i < 0 {
        i += n;
    }
    if i < 0 || i >= n {
        return crate::raise!(PyExc_IndexError, "index out of bounds on dimension 1");
    }
    Ok(i)
}

unsafe extern "C" fn memory_subscript(o: *mut PyObject, key: *mut PyObject) -> *mut PyObject {
    if check_released(o).is_err() {
        return null_mut();
    }
    let v = &mv(o).view;
    if v.ndim == 0 {
        if key == ellipsis() {
            return new_ref(o);
        }
        if tuple::is_tuple(key) && Py_SIZE(key) == 0 {
            let Ok(c) = code_of(o) else {
                return null_mut();
            };
            return unpack(c, v.buf as *const u8);
        }
        return crate::raise_null!(PyExc_TypeError, "invalid indexing of 0-dim memory");
    }
    if crate::protocols::number::index_check(key) {
        if v.ndim > 1 {
            return crate::raise_null!(
                PyExc_NotImplementedError,
                "multi-dimensional sub-views are not implemented"
            );
        }
        let Ok(c) = code_of(o) else {
            return null_mut();
        };
        let Ok(i) = index_1d(o, key) else {
            return null_mut();
        };
        return unpack(c, item_ptr(o, i));
    }
    if crate::objects::unicode_ops::is_slice(key) {
        let Ok((start, _stop, step, n)) = crate::objects::unicode_ops::slice_indices(key, *v.shape)
        else {
            return null_mut();
        };
        let Ok((mut nv, owns)) = derive_view(o) else {
            return null_mut();
        };
        let stride0 = *v.strides;
        let mut shape = (*mv(o).meta).shape.clone();
        let mut strides = (*mv(o).meta).strides.clone();
        shape[0] = n;
        strides[0] = stride0 * step;
        nv.buf = (v.buf as *mut u8).offset(start * stride0) as *mut c_void;
        nv.len = shape.iter().product::<Py_ssize_t>() * v.itemsize;
        nv.shape = shape.as_mut_ptr();
        nv.strides = strides.as_mut_ptr();
        return from_view(nv, owns);
    }
    if tuple::is_tuple(key) {
        return crate::raise_null!(
            PyExc_NotImplementedError,
            "multi-dimensional slicing is not implemented"
        );
    }
    crate::raise_null!(PyExc_TypeError, "memoryview: invalid slice key")
}

unsafe extern "C" fn memory_ass_subscript(
    o: *mut PyObject,
    key: *mut PyObject,
    value: *mut PyObject,
) -> c_int {
    if check_released(o).is_err() {
        return -1;
    }
    let v = &mv(o).view;
    if v.readonly != 0 {
        let _: PyResult<()> = crate::raise!(PyExc_TypeError, "cannot modify read-only memory");
        return -1;
    }
    if value.is_null() {
        let _: PyResult<()> = crate::raise!(PyExc_TypeError, "cannot delete memory");
        return -1;
    }
    let fmt = fmt_str(o);
    let Ok(c) = code_of(o) else {
        return -1;
    };
    if v.ndim == 0 {
        if key == ellipsis() || (tuple::is_tuple(key) && Py_SIZE(key) == 0) {
            return match pack(c, v.buf as *mut u8, value, &fmt) {
                Ok(()) => 0,
                Err(()) => -1,
            };
        }
        let _: PyResult<()> = crate::raise!(PyExc_TypeError, "invalid indexing of 0-dim memory");
        return -1;
    }
    if crate::protocols::number::index_check(key) {
        if v.ndim > 1 {
            let _: PyResult<()> =
                crate::raise!(PyExc_NotImplementedError, "sub-views are not implemented");
            return -1;
        }
        let Ok(i) = index_1d(o, key) else {
            return -1;
        };
        return match pack(c, item_ptr(o, i), value, &fmt) {
            Ok(()) => 0,
            Err(()) => -1,
        };
    }
    if crate::objects::unicode_ops::is_slice(key) && v.ndim == 1 {
        let Ok((start, _stop, step, n)) = crate::objects::unicode_ops::slice_indices(key, *v.shape)
        else {
            return -1;
        };
        let src = match buffer::BufferView::new(value, buffer::PyBUF_FULL_RO) {
            Ok(s) => s,
            Err(()) => return -1,
        };
        let sv = &src.view;
        let sfmt = if sv.format.is_null() {
            "B".to_string()
        } else {
            CStr::from_ptr(sv.format).to_string_lossy().into_owned()
        };
        let same_fmt = simple_code(sfmt.as_bytes()) == simple_code(fmt.as_bytes());
        let slen = if sv.ndim == 0 {
            1
        } else if sv.shape.is_null() {
            sv.len / sv.itemsize.max(1)
        } else {
            *sv.shape
        };
        if !same_fmt || sv.ndim > 1 || slen != n || sv.itemsize != v.itemsize {
            let _: PyResult<()> = crate::raise!(
                PyExc_ValueError,
                "memoryview assignment: lvalue and rvalue have different structures"
            );
            return -1;
        }
        let data = match buffer::bytes_of_buffer(value) {
            Ok(d) => d,
            Err(()) => return -1,
        };
        let isz = v.itemsize as usize;
        for k in 0..n {
            let dst = item_ptr(o, start + k * step);
            core::ptr::copy(data.as_ptr().add(k as usize * isz), dst, isz);
        }
        return 0;
    }
    let _: PyResult<()> = crate::raise!(PyExc_TypeError, "memoryview: invalid slice key");
    -1
}

unsafe extern "C" fn memory_length(o: *mut PyObject) -> Py_ssize_t {
    if check_released(o).is_err() {
        return -1;
    }
    let v = &mv(o).view;
    if v.ndim == 0 {
        let _: PyResult<()> = crate::raise!(PyExc_TypeError, "0-dim memory has no length");
        return -1;
    }
    *v.shape
}

unsafe fn tolist_dim(o: *mut PyObject, c: u8, p: *const u8, dim: usize) -> *mut PyObject {
    let m = &*mv(o).meta;
    let n = m.shape[dim];
    let mut items = Vec::with_capacity(n as usize);
    for k in 0..n {
        let q = p.offset(k * m.strides[dim]);
        let it = if dim + 1 == m.shape.len() {
            unpack(c, q)
        } else {
            tolist_dim(o, c, q, dim + 1)
        };
        if it.is_null() {
            for x in items {
                Py_DECREF(x);
            }
            return null_mut();
        }
        items.push(it);
    }
    let l = list::from_slice(&items);
    for x in items {
        Py_DECREF(x);
    }
    l
}

unsafe extern "C" fn m_tolist(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    if check_released(o).is_err() {
        return null_mut();
    }
    let Ok(c) = code_of(o) else {
        return null_mut();
    };
    let v = &mv(o).view;
    if v.ndim == 0 {
        return unpack(c, v.buf as *const u8);
    }
    tolist_dim(o, c, v.buf as *const u8, 0)
}

unsafe fn contiguous_bytes(o: *mut PyObject, order: u8) -> Vec<u8> {
    let v = &mv(o).view;
    let mut out = vec![0u8; v.len.max(0) as usize];
    buffer::to_contiguous(out.as_mut_ptr() as *mut c_void, v, v.len, order as c_char);
    out
}

unsafe extern "C" fn m_tobytes(
    o: *mut PyObject,
    a: *mut PyObject,
    kw: *mut PyObject,
) -> *mut PyObject {
    if check_released(o).is_err() {
        return null_mut();
    }
    let mut order = if a.is_null() {
        null_mut()
    } else {
        tuple::as_slice(a).first().copied().unwrap_or(null_mut())
    };
    if !kw.is_null() {
        let k = crate::objects::dict::get_str(kw, "order");
        if !k.is_null() {
            order = k;
        }
    }
    let ord = if order.is_null() || order == none() {
        b'C'
    } else if unicode::is_unicode(order) {
        match unicode::bytes_of(order) {
            b"C" => b'C',
            b"F" => b'F',
            b"A" => b'A',
            _ => return crate::raise_null!(PyExc_ValueError, "order must be 'C', 'F' or 'A'"),
        }
    } else {
        return crate::raise_null!(
            PyExc_TypeError,
            "tobytes() argument 'order' must be str or None, not {}",
            typeobject::type_name(Py_TYPE(order))
        );
    };
    let ord = if ord == b'A' { b'C' } else { ord };
    bytes::from_slice(&contiguous_bytes(o, ord))
}

unsafe extern "C" fn m_hex(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    if check_released(o).is_err() {
        return null_mut();
    }
    unicode::from_str(&crate::objects::bytes_ops::hex(
        &contiguous_bytes(o, b'C'),
        None,
        1,
    ))
}

unsafe extern "C" fn m_release(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    match do_release(o) {
        Ok(()) => none_ref(),
        Err(()) => null_mut(),
    }
}

unsafe extern "C" fn m_enter(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    if check_released(o).is_err() {
        return null_mut();
    }
    new_ref(o)
}

unsafe extern "C" fn m_exit(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    m_release(o, null_mut())
}

unsafe extern "C" fn m_toreadonly(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    if check_released(o).is_err() {
        return null_mut();
    }
    let Ok((mut nv, owns)) = derive_view(o) else {
        return null_mut();
    };
    nv.readonly = 1;
    from_view(nv, owns)
}

unsafe extern "C" fn memory_repr(o: *mut PyObject) -> *mut PyObject {
    let released = mv(o).released.load(Ordering::Acquire) != 0;
    unicode::from_str(&format!(
        "<{}memory at {:#x}>",
        if released { "released " } else { "" },
        o as usize
    ))
}

unsafe extern "C" fn memory_richcompare(
    a: *mut PyObject,
    b: *mut PyObject,
    op: c_int,
) -> *mut PyObject {
    if op != 2 && op != 3 {
        return new_ref(not_implemented());
    }
    let eq = if a == b {
        true
    } else if mv(a).released.load(Ordering::Acquire) != 0
        || (is_memoryview(b) && mv(b).released.load(Ordering::Acquire) != 0)
    {
        false
    } else if !buffer::check(b) {
        return new_ref(not_implemented());
    } else {
        // Compare item values: both sides as lists.
        let other = if is_memoryview(b) {
            new_ref(b)
        } else {
            from_object(b)
        };
        if other.is_null() {
            crate::errors::clear();
            return new_ref(not_implemented());
        }
        let other = Owned(other);
        let (va, vb) = (&mv(a).view, &mv(other.as_ptr()).view);
        let same_shape =
            va.ndim == vb.ndim && (*mv(a).meta).shape == (*mv(other.as_ptr()).meta).shape;
        if !same_shape {
            false
        } else {
            let la = m_tolist(a, null_mut());
            let lb = m_tolist(other.as_ptr(), null_mut());
            if la.is_null() || lb.is_null() {
                Py_XDECREF(la);
                Py_XDECREF(lb);
                crate::errors::clear();
                return new_ref(not_implemented());
            }
            let r = crate::protocols::object::rich_compare_bool(la, lb, 2);
            Py_DECREF(la);
            Py_DECREF(lb);
            if r < 0 {
                return null_mut();
            }
            r == 1
        }
    };
    py_bool(if op == 2 { eq } else { !eq })
}

unsafe extern "C" fn memory_hash(o: *mut PyObject) -> Py_hash_t {
    if check_released(o).is_err() {
        return -1;
    }
    let v = &mv(o).view;
    if v.readonly == 0 {
        let _: PyResult<()> =
            crate::raise!(PyExc_ValueError, "cannot hash writable memoryview object");
        return -1;
    }
    let f = fmt_str(o);
    if !matches!(simple_code(f.as_bytes()), Some(b'B' | b'b' | b'c')) {
        let _: PyResult<()> = crate::raise!(
            PyExc_ValueError,
            "memoryview: hashing is restricted to formats 'B', 'b' or 'c'"
        );
        return -1;
    }
    unicode::hash_bytes(&contiguous_bytes(o, b'C'))
}

// ---- attributes --------------------------------------------------------------------

macro_rules! getter {
    ($name:ident, |$o:ident, $v:ident| $body:expr) => {
        unsafe extern "C" fn $name($o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
            if check_released($o).is_err() {
                return null_mut();
            }
            let $v = &mv($o).view;
            $body
        }
    };
}

unsafe fn ssize_tuple(v: &[Py_ssize_t]) -> *mut PyObject {
    let items: Vec<*mut PyObject> = v.iter().map(|&x| long::from_i64(x as i64)).collect();
    let t = tuple::pack(&items);
    for x in items {
        Py_XDECREF(x);
    }
    t
}

getter!(g_obj, |o, v| if v.obj.is_null() {
    none_ref()
} else {
    new_ref(v.obj)
});
getter!(g_nbytes, |o, v| long::from_i64(v.len as i64));
getter!(g_readonly, |o, v| new_ref(py_bool(v.readonly != 0)));
getter!(g_itemsize, |o, v| long::from_i64(v.itemsize as i64));
getter!(g_format, |o, v| {
    let _ = v;
    unicode::from_str(&fmt_str(o))
});
getter!(g_ndim, |o, v| long::from_i64(v.ndim as i64));
getter!(g_shape, |o, v| {
    let _ = v;
    ssize_tuple(&(*mv(o).meta).shape)
});
getter!(g_strides, |o, v| {
    let _ = v;
    ssize_tuple(&(*mv(o).meta).strides)
});
getter!(g_suboffsets, |o, v| {
    let _ = v;
    tuple::pack(&[])
});
getter!(g_c_contig, |o, v| new_ref(py_bool(buffer::is_contiguous(
    v,
    b'C' as c_char
))));
getter!(g_f_contig, |o, v| new_ref(py_bool(buffer::is_contiguous(
    v,
    b'F' as c_char
))));
getter!(g_contig, |o, v| new_ref(py_bool(buffer::is_contiguous(
    v,
    b'A' as c_char
))));
/// `m[i]` for one-dimensional views (the sequence slot, used by iteration).
unsafe extern "C" fn memory_item(o: *mut PyObject, i: Py_ssize_t) -> *mut PyObject {
    if check_released(o).is_err() {
        return null_mut();
    }
    let v = &mv(o).view;
    if v.ndim == 0 {
        return crate::raise_null!(PyExc_TypeError, "invalid indexing of 0-dim memory");
    }
    if v.ndim > 1 {
        return crate::raise_null!(
            PyExc_NotImplementedError,
            "multi-dimensional sub-views are not implemented"
        );
    }
    let Ok(c) = code_of(o) else {
        return null_mut();
    };
    if i < 0 || i >= *v.shape {
        return crate::raise_null!(PyExc_IndexError, "index out of bounds on dimension 1");
    }
    unpack(c, item_ptr(o, i))
}

unsafe extern "C" fn memory_iter(o: *mut PyObject) -> *mut PyObject {
    if check_released(o).is_err() {
        return null_mut();
    }
    let v = &mv(o).view;
    if v.ndim == 0 {
        return crate::raise_null!(PyExc_TypeError, "invalid indexing of 0-dim memory");
    }
    if v.ndim > 1 {
        return crate::raise_null!(
            PyExc_NotImplementedError,
            "multi-dimensional sub-views are not implemented"
        );
    }
    if code_of(o).is_err() {
        return null_mut();
    }
    crate::objects::iterobject::new_seq_iter(o)
}

macro_rules! gs {
    ($name:literal, $f:ident) => {
        PyGetSetDef {
            name: $name.as_ptr(),
            get: Some($f),
            set: None,
            doc: core::ptr::null(),
            closure: core::ptr::null_mut(),
        }
    };
}

static mut MEMORY_GETSET: [PyGetSetDef; 13] = [
    gs!(c"obj", g_obj),
    gs!(c"nbytes", g_nbytes),
    gs!(c"readonly", g_readonly),
    gs!(c"itemsize", g_itemsize),
    gs!(c"format", g_format),
    gs!(c"ndim", g_ndim),
    gs!(c"shape", g_shape),
    gs!(c"strides", g_strides),
    gs!(c"suboffsets", g_suboffsets),
    gs!(c"c_contiguous", g_c_contig),
    gs!(c"f_contiguous", g_f_contig),
    gs!(c"contiguous", g_contig),
    PyGetSetDef {
        name: core::ptr::null(),
        get: None,
        set: None,
        doc: core::ptr::null(),
        closure: core::ptr::null_mut(),
    },
];

static mut MEMORY_METHODS: [PyMethodDef; 9] = [
    crate::bytes_md!(c"tolist", m_tolist, METH_NOARGS),
    crate::bytes_md!(c"tobytes", m_tobytes, METH_VARARGS | METH_KEYWORDS),
    crate::bytes_md!(c"hex", m_hex, METH_NOARGS),
    crate::bytes_md!(c"release", m_release, METH_NOARGS),
    crate::bytes_md!(c"toreadonly", m_toreadonly, METH_NOARGS),
    crate::bytes_md!(c"__enter__", m_enter, METH_NOARGS),
    crate::bytes_md!(c"__exit__", m_exit, METH_VARARGS),
    PyMethodDef::SENTINEL,
    PyMethodDef::SENTINEL,
];

unsafe extern "C" fn memory_new(
    _t: *mut PyTypeObject,
    args: *mut PyObject,
    kw: *mut PyObject,
) -> *mut PyObject {
    let a = if args.is_null() {
        &[][..]
    } else {
        tuple::as_slice(args)
    };
    let mut obj = a.first().copied().unwrap_or(null_mut());
    if !kw.is_null() {
        let k = crate::objects::dict::get_str(kw, "object");
        if !k.is_null() {
            obj = k;
        }
    }
    if obj.is_null() || a.len() > 1 {
        return crate::raise_null!(
            PyExc_TypeError,
            "memoryview() takes exactly one argument ({} given)",
            a.len()
        );
    }
    from_object(obj)
}

static MEMORY_AS_SEQUENCE: PySequenceMethods = PySequenceMethods {
    sq_length: Some(memory_length),
    sq_item: Some(memory_item),
    ..PySequenceMethods::EMPTY
};
static MEMORY_AS_MAPPING: PyMappingMethods = PyMappingMethods {
    mp_length: Some(memory_length),
    mp_subscript: Some(memory_subscript),
    mp_ass_subscript: Some(memory_ass_subscript),
};
static MEMORY_AS_BUFFER: PyBufferProcs = PyBufferProcs {
    bf_getbuffer: Some(memory_getbuffer),
    bf_releasebuffer: Some(memory_releasebuffer),
};

pub unsafe fn init_type() {
    let t = &raw mut PyMemoryView_Type;
    typeobject::init_builtin(
        t,
        c"memoryview",
        core::mem::size_of::<MemoryViewObject>(),
        0,
    );
    (*t).tp_flags |= Py_TPFLAGS_SEQUENCE;
    (*t).tp_dealloc = Some(memory_dealloc);
    (*t).tp_repr = Some(memory_repr);
    (*t).tp_hash = Some(memory_hash);
    (*t).tp_richcompare = Some(memory_richcompare);
    (*t).tp_new = Some(memory_new);
    (*t).tp_iter = Some(memory_iter);
    (*t).tp_as_sequence = &raw const MEMORY_AS_SEQUENCE as *mut _;
    (*t).tp_as_mapping = &raw const MEMORY_AS_MAPPING as *mut _;
    (*t).tp_as_buffer = &raw const MEMORY_AS_BUFFER as *mut _;
    (*t).tp_getset = (&raw mut MEMORY_GETSET).cast();
    (*t).tp_methods = (&raw mut MEMORY_METHODS).cast();
    (*t).tp_doc = c"Create a new memoryview object which references the given object.".as_ptr();
}
