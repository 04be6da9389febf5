//! `bytearray`: a mutable byte string with CPython's layout (`ob_alloc`,
//! `ob_bytes`, `ob_start`, `ob_exports`), protected by its per-object lock.
//! While buffers are exported (`ob_exports > 0`) it refuses to resize, with
//! CPython's BufferError.

use core::ffi::{c_int, c_void};
use core::ptr::null_mut;
use core::sync::atomic::{AtomicIsize, Ordering};

use crate::alloc;
use crate::defs::*;
use crate::exported::*;
use crate::lock::RawLock;
use crate::object::*;
use crate::objects::bytes_ops;
use crate::typeobj::*;

#[repr(C)]
pub struct ByteArrayObject {
    pub ob_base: PyVarObject,
    pub ob_alloc: Py_ssize_t,
    /// malloc'ed, `ob_alloc` bytes (one more than the size: a trailing NUL), or NULL.
    pub ob_bytes: *mut u8,
    pub ob_start: *mut u8,
    pub ob_exports: AtomicIsize,
    pub lock: RawLock,
}

static mut EMPTY_STRING: [u8; 1] = [0];

#[inline]
pub unsafe fn is_bytearray(o: *mut PyObject) -> bool {
    crate::objects::typeobject::instance_of(o, &raw mut PyByteArray_Type)
}

#[inline]
pub unsafe fn is_bytearray_exact(o: *mut PyObject) -> bool {
    Py_TYPE(o) == &raw mut PyByteArray_Type
}

#[inline]
unsafe fn ba<'a>(o: *mut PyObject) -> &'a mut ByteArrayObject {
    &mut *(o as *mut ByteArrayObject)
}

/// The current bytes (the caller holds the lock or owns the only reference).
unsafe fn slice_locked<'a>(o: *mut PyObject) -> &'a [u8] {
    let b = ba(o);
    if b.ob_start.is_null() || Py_SIZE(o) == 0 {
        &[]
    } else {
        core::slice::from_raw_parts(b.ob_start, Py_SIZE(o) as usize)
    }
}

/// A copy of the contents.
pub unsafe fn snapshot(o: *mut PyObject) -> Vec<u8> {
    ba(o).lock.with(|| slice_locked(o).to_vec())
}

/// `PyByteArray_AsString`: the buffer (a static "" when empty).
pub unsafe fn as_string(o: *mut PyObject) -> *mut u8 {
    let b = ba(o);
    if b.ob_start.is_null() {
        (&raw mut EMPTY_STRING).cast()
    } else {
        b.ob_start
    }
}

unsafe fn init_fields(o: *mut PyObject) {
    let b = o as *mut ByteArrayObject;
    (*b).ob_alloc = 0;
    (*b).ob_bytes = null_mut();
    (*b).ob_start = null_mut();
    core::ptr::write(&raw mut (*b).ob_exports, AtomicIsize::new(0));
    core::ptr::write(&raw mut (*b).lock, RawLock::new());
    set_size(o, 0);
}

/// Set the size with the lock held (no export check).
unsafe fn set_len_locked(o: *mut PyObject, n: usize) -> bool {
    let b = ba(o);
    if n + 1 > b.ob_alloc as usize || (n + 1) * 2 < b.ob_alloc as usize {
        let alloc = if n + 1 > b.ob_alloc as usize {
            (n + 1).max(n + n / 8 + 1)
        } else {
            n + 1
        };
        let p = libc::realloc(b.ob_bytes as *mut c_void, alloc) as *mut u8;
        if p.is_null() {
            return false;
        }
        b.ob_bytes = p;
        b.ob_start = p;
        b.ob_alloc = alloc as Py_ssize_t;
    }
    *b.ob_start.add(n) = 0;
    set_size(o, n as Py_ssize_t);
    true
}

/// A new exact bytearray holding `v`.
pub unsafe fn from_slice(v: &[u8]) -> *mut PyObject {
    let o = alloc::new_untracked(&raw mut PyByteArray_Type, 0);
    if o.is_null() {
        return o;
    }
    init_fields(o);
    if !v.is_empty() {
        if !set_len_locked(o, v.len()) {
            Py_DECREF(o);
            crate::errors::no_memory();
            return null_mut();
        }
        core::ptr::copy_nonoverlapping(v.as_ptr(), ba(o).ob_start, v.len());
    }
    o
}

const EXPORTS_MSG: &str = "Existing exports of data: object cannot be re-sized";

/// `PyByteArray_Resize`.
pub unsafe fn resize(o: *mut PyObject, n: Py_ssize_t) -> PyResult<()> {
    if n < 0 {
        return crate::raise!(
            PyExc_ValueError,
            "Can only resize to positive sizes, got {}",
            n
        );
    }
    let b = ba(o);
    let r = b.lock.with(|| {
        if Py_SIZE(o) == n {
            return Ok(true);
        }
        if b.ob_exports.load(Ordering::Acquire) > 0 {
            return Err(());
        }
        Ok(set_len_locked(o, n as usize))
    });
    match r {
        Ok(true) => Ok(()),
        Ok(false) => {
            crate::errors::no_memory();
            Err(())
        }
        Err(()) => crate::raise!(PyExc_BufferError, "{}", EXPORTS_MSG),
    }
}

/// Replace `[start, stop)` with `v` (resizing as needed), under the lock.
pub unsafe fn splice(o: *mut PyObject, start: usize, stop: usize, v: &[u8]) -> PyResult<()> {
    let b = ba(o);
    let r = b.lock.with(|| {
        let old = slice_locked(o).to_vec();
        let (start, stop) = (
            start.min(old.len()),
            stop.min(old.len()).max(start.min(old.len())),
        );
        let newlen = old.len() - (stop - start) + v.len();
        if newlen != old.len() {
            if b.ob_exports.load(Ordering::Acquire) > 0 {
                return Err(false);
            }
            if !set_len_locked(o, newlen) {
                return Err(true);
            }
        }
        let dst = b.ob_start;
        if !dst.is_null() {
            core::ptr::copy_nonoverlapping(v.as_ptr(), dst.add(start), v.len());
            let tail = &old[stop..];
            core::ptr::copy_nonoverlapping(tail.as_ptr(), dst.add(start + v.len()), tail.len());
        }
        Ok(())
    });
    match r {
        Ok(()) => Ok(()),
        Err(true) => {
            crate::errors::no_memory();
            Err(())
        }
        Err(false) => crate::raise!(PyExc_BufferError, "{}", EXPORTS_MSG),
    }
}

unsafe extern "C" fn bytearray_dealloc(o: *mut PyObject) {
    let b = ba(o);
    if b.ob_exports.load(Ordering::Relaxed) > 0 {
        crate::objects::exceptions::write_unraisable_msg(
            "deallocated bytearray object has exported buffers",
            null_mut(),
        );
    }
    if !b.ob_bytes.is_null() {
        libc::free(b.ob_bytes as *mut c_void);
    }
    alloc::free_via_type(o);
}

unsafe extern "C" fn bytearray_getbuffer(
    o: *mut PyObject,
    view: *mut Py_buffer,
    flags: c_int,
) -> c_int {
    if view.is_null() {
        let _: PyResult<()> = crate::raise!(
            PyExc_BufferError,
            "bytearray_getbuffer: view==NULL argument is obsolete"
        );
        return -1;
    }
    let b = ba(o);
    b.lock.with(|| {
        let p = as_string(o);
        let r =
            crate::protocols::buffer::fill_info(view, o, p as *mut c_void, Py_SIZE(o), 0, flags);
        if r == 0 {
            b.ob_exports.fetch_add(1, Ordering::AcqRel);
        }
        r
    })
}

unsafe extern "C" fn bytearray_releasebuffer(o: *mut PyObject, _view: *mut Py_buffer) {
    ba(o).ob_exports.fetch_sub(1, Ordering::AcqRel);
}

unsafe extern "C" fn bytearray_length(o: *mut PyObject) -> Py_ssize_t {
    Py_SIZE(o)
}

unsafe extern "C" fn bytearray_repr(o: *mut PyObject) -> *mut PyObject {
    let v = snapshot(o);
    let name = crate::objects::typeobject::type_name(Py_TYPE(o));
    crate::objects::unicode::from_str(&crate::objects::bytes::repr_of(
        &v,
        &format!("{name}(b"),
        ")",
    ))
}

/// The bytes of the right operand of `+`/`+=` (any buffer, else TypeError).
unsafe fn concat_operand(a: *mut PyObject, b: *mut PyObject) -> PyResult<Vec<u8>> {
    if !crate::protocols::buffer::check(b) {
        return crate::raise!(
            PyExc_TypeError,
            "can't concat {} to {}",
            crate::objects::typeobject::type_name(Py_TYPE(b)),
            crate::objects::typeobject::type_name(Py_TYPE(a))
        );
    }
    crate::protocols::buffer::bytes_of_buffer(b)
}

unsafe extern "C" fn bytearray_concat(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    let Ok(y) = concat_operand(a, b) else {
        return null_mut();
    };
    let mut v = snapshot(a);
    v.extend_from_slice(&y);
    from_slice(&v)
}

unsafe extern "C" fn bytearray_iconcat(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    let Ok(y) = concat_operand(a, b) else {
        return null_mut();
    };
    let n = Py_SIZE(a) as usize;
    if splice(a, n, n, &y).is_err() {
        return null_mut();
    }
    new_ref(a)
}

unsafe extern "C" fn bytearray_repeat(a: *mut PyObject, n: Py_ssize_t) -> *mut PyObject {
    let v = snapshot(a);
    if n <= 0 {
        return from_slice(b"");
    }
    match v.len().checked_mul(n as usize) {
        Some(t) if t < isize::MAX as usize / 2 => from_slice(&v.repeat(n as usize)),
        _ => crate::raise_null!(PyExc_MemoryError, ""),
    }
}

unsafe extern "C" fn bytearray_irepeat(a: *mut PyObject, n: Py_ssize_t) -> *mut PyObject {
    let v = snapshot(a);
    let nv = if n <= 0 {
        Vec::new()
    } else {
        v.repeat(n as usize)
    };
    if splice(a, 0, v.len(), &nv).is_err() {
        return null_mut();
    }
    new_ref(a)
}

unsafe extern "C" fn bytearray_item(a: *mut PyObject, i: Py_ssize_t) -> *mut PyObject {
    let b = ba(a);
    let r = b
        .lock
        .with(|| slice_locked(a).get(i as usize).copied().filter(|_| i >= 0));
    match r {
        Some(c) => crate::objects::long::from_i64(c as i64),
        None => crate::raise_null!(PyExc_IndexError, "bytearray index out of range"),
    }
}

unsafe extern "C" fn bytearray_ass_item(
    a: *mut PyObject,
    i: Py_ssize_t,
    v: *mut PyObject,
) -> c_int {
    let n = Py_SIZE(a);
    if i < 0 || i >= n {
        let _: PyResult<()> = crate::raise!(PyExc_IndexError, "bytearray index out of range");
        return -1;
    }
    if v.is_null() {
        return match splice(a, i as usize, i as usize + 1, &[]) {
            Ok(()) => 0,
            Err(()) => -1,
        };
    }
    let Ok(c) = bytes_ops::byte_value(v) else {
        return -1;
    };
    let b = ba(a);
    b.lock.with(|| {
        if (i as usize) < Py_SIZE(a) as usize {
            *b.ob_start.add(i as usize) = c;
        }
    });
    0
}

unsafe extern "C" fn bytearray_contains(a: *mut PyObject, x: *mut PyObject) -> c_int {
    bytes_ops::contains(&snapshot(a), x)
}

unsafe extern "C" fn bytearray_subscript(a: *mut PyObject, k: *mut PyObject) -> *mut PyObject {
    bytes_ops::subscript(
        a,
        &snapshot(a),
        k,
        "bytearray index out of range",
        "bytearray",
    )
}

unsafe extern "C" fn bytearray_ass_subscript(
    a: *mut PyObject,
    k: *mut PyObject,
    v: *mut PyObject,
) -> c_int {
    if crate::protocols::number::index_check(k) {
        let Ok(mut i) = crate::protocols::number::as_ssize_t(k, &raw mut PyExc_IndexError) else {
            return -1;
        };
        if i < 0 {
            i += Py_SIZE(a);
        }
        return bytearray_ass_item(a, i, v);
    }
    if !crate::objects::unicode_ops::is_slice(k) {
        let _: PyResult<()> = crate::raise!(
            PyExc_TypeError,
            "bytearray indices must be integers or slices, not {}",
            crate::objects::typeobject::type_name(Py_TYPE(k))
        );
        return -1;
    }
    let Ok((start, stop, step, n)) = crate::objects::unicode_ops::slice_indices(k, Py_SIZE(a))
    else {
        return -1;
    };
    let vals: Vec<u8> = if v.is_null() {
        Vec::new()
    } else if v == a {
        snapshot(a)
    } else if crate::protocols::number::index_check(v) {
        let _: PyResult<()> = crate::raise!(
            PyExc_TypeError,
            "can assign only bytes, buffers, or iterables of ints in range(0, 256)"
        );
        return -1;
    } else {
        match bytes_ops::bytes_from_object(v) {
            Ok(x) => x,
            Err(()) => {
                if crate::errors::exception_matches(crate::objects::exceptions::exc(
                    &raw mut PyExc_TypeError,
                )) && crate::objects::unicode::is_unicode(v)
                {
                    crate::errors::clear();
                    let _: PyResult<()> = crate::raise!(
                        PyExc_TypeError,
                        "can assign only bytes, buffers, or iterables of ints in range(0, 256)"
                    );
                }
                return -1;
            }
        }
    };
    if step == 1 {
        let stop = stop.max(start);
        return match splice(a, start as usize, stop as usize, &vals) {
            Ok(()) => 0,
            Err(()) => -1,
        };
    }
    let mut cur = snapshot(a);
    if v.is_null() {
        let idx: std::collections::HashSet<isize> = (0..n).map(|j| start + j * step).collect();
        let kept: Vec<u8> = cur
            .iter()
            .enumerate()
            .filter(|(i, _)| !idx.contains(&(*i as isize)))
            .map(|(_, &c)| c)
            .collect();
        let len = cur.len();
        return match splice(a, 0, len, &kept) {
            Ok(()) => 0,
            Err(()) => -1,
        };
    }
    if vals.len() as isize != n {
        let _: PyResult<()> = crate::raise!(
            PyExc_ValueError,
            "attempt to assign bytes of size {} to extended slice of size {}",
            vals.len(),
            n
        );
        return -1;
    }
    for (j, &c) in vals.iter().enumerate() {
        cur[(start + j as isize * step) as usize] = c;
    }
    let len = cur.len();
    match splice(a, 0, len, &cur) {
        Ok(()) => 0,
        Err(()) => -1,
    }
}

unsafe extern "C" fn bytearray_richcompare(
    a: *mut PyObject,
    b: *mut PyObject,
    op: c_int,
) -> *mut PyObject {
    if !crate::protocols::buffer::check(b) || crate::objects::unicode::is_unicode(b) {
        return new_ref(not_implemented());
    }
    let Ok(y) = crate::protocols::buffer::bytes_of_buffer(b) else {
        crate::errors::clear();
        return new_ref(not_implemented());
    };
    let x = snapshot(a);
    let ord = x.cmp(&y);
    use core::cmp::Ordering::*;
    py_bool(match op {
        0 => ord == Less,
        1 => ord != Greater,
        2 => ord == Equal,
        3 => ord != Equal,
        4 => ord == Greater,
        _ => ord != Less,
    })
}

// ---- iteration ------------------------------------------------------------------

#[repr(C)]
pub struct ByteArrayIterObject {
    pub ob_base: PyObject,
    pub index: AtomicIsize,
    pub seq: *mut PyObject,
}

unsafe extern "C" fn bytearray_iter(o: *mut PyObject) -> *mut PyObject {
    let it = alloc::new_object(
        &raw mut PyByteArrayIter_Type,
        ByteArrayIterObject {
            ob_base: PyObject {
                ob_refcnt: 1,
                ob_type: null_mut(),
            },
            index: AtomicIsize::new(0),
            seq: o,
        },
    );
    if it.is_null() {
        return null_mut();
    }
    Py_INCREF(o);
    it as *mut PyObject
}

unsafe extern "C" fn bytearrayiter_next(o: *mut PyObject) -> *mut PyObject {
    let it = &*(o as *const ByteArrayIterObject);
    let i = it.index.fetch_add(1, Ordering::Relaxed);
    let s = it.seq;
    let r = ba(s)
        .lock
        .with(|| slice_locked(s).get(i as usize).copied().filter(|_| i >= 0));
    match r {
        Some(c) => crate::objects::long::from_i64(c as i64),
        None => {
            it.index.store(isize::MAX / 2, Ordering::Relaxed);
            null_mut()
        }
    }
}

unsafe extern "C" fn bytearrayiter_dealloc(o: *mut PyObject) {
    Py_DECREF((*(o as *mut ByteArrayIterObject)).seq);
    alloc::free_via_type(o);
}

// ---- methods ------------------------------------------------------------------------

unsafe extern "C" fn m_append(s: *mut PyObject, v: *mut PyObject) -> *mut PyObject {
    let Ok(c) = bytes_ops::byte_value(v) else {
        return null_mut();
    };
    let n = Py_SIZE(s) as usize;
    if splice(s, n, n, &[c]).is_err() {
        return null_mut();
    }
    none_ref()
}

unsafe extern "C" fn m_extend(s: *mut PyObject, v: *mut PyObject) -> *mut PyObject {
    if crate::objects::unicode::is_unicode(v) {
        return crate::raise_null!(PyExc_TypeError, "expected iterable of integers; got: 'str'");
    }
    let vals = if v == s {
        snapshot(s)
    } else {
        match bytes_ops::bytes_from_object(v) {
            Ok(x) => x,
            Err(()) => return null_mut(),
        }
    };
    let n = Py_SIZE(s) as usize;
    if splice(s, n, n, &vals).is_err() {
        return null_mut();
    }
    none_ref()
}

unsafe extern "C" fn m_pop(s: *mut PyObject, a: *mut PyObject) -> *mut PyObject {
    let a = crate::objects::tuple::as_slice(a);
    let mut i = match a.first() {
        Some(&x) => match crate::protocols::number::as_ssize_t(x, &raw mut PyExc_OverflowError) {
            Ok(v) => v,
            Err(()) => return null_mut(),
        },
        None => -1,
    };
    let v = snapshot(s);
    if v.is_empty() {
        return crate::raise_null!(PyExc_IndexError, "pop from empty bytearray");
    }
    if i < 0 {
        i += v.len() as isize;
    }
    if i < 0 || i as usize >= v.len() {
        return crate::raise_null!(PyExc_IndexError, "pop index out of range");
    }
    if splice(s, i as usize, i as usize + 1, &[]).is_err() {
        return null_mut();
    }
    crate::objects::long::from_i64(v[i as usize] as i64)
}

unsafe extern "C" fn m_clear(s: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    let n = Py_SIZE(s) as usize;
    if splice(s, 0, n, &[]).is_err() {
        return null_mut();
    }
    none_ref()
}

unsafe extern "C" fn m_copy(s: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    from_slice(&snapshot(s))
}

unsafe extern "C" fn m_reverse(s: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    let b = ba(s);
    b.lock.with(|| {
        if !b.ob_start.is_null() {
            core::slice::from_raw_parts_mut(b.ob_start, Py_SIZE(s) as usize).reverse();
        }
    });
    none_ref()
}

unsafe extern "C" fn m_insert(s: *mut PyObject, a: *mut PyObject) -> *mut PyObject {
    let a = crate::objects::tuple::as_slice(a);
    if a.len() != 2 {
        return crate::raise_null!(
            PyExc_TypeError,
            "insert expected 2 arguments, got {}",
            a.len()
        );
    }
    let Ok(mut i) = crate::protocols::number::as_ssize_t(a[0], &raw mut PyExc_OverflowError) else {
        return null_mut();
    };
    let Ok(c) = bytes_ops::byte_value(a[1]) else {
        return null_mut();
    };
    let n = Py_SIZE(s);
    if i < 0 {
        i = (i + n).max(0);
    }
    let i = i.min(n) as usize;
    if splice(s, i, i, &[c]).is_err() {
        return null_mut();
    }
    none_ref()
}

unsafe extern "C" fn m_remove(s: *mut PyObject, v: *mut PyObject) -> *mut PyObject {
    let Ok(c) = bytes_ops::byte_value(v) else {
        return null_mut();
    };
    let cur = snapshot(s);
    match cur.iter().position(|&x| x == c) {
        Some(i) => {
            if splice(s, i, i + 1, &[]).is_err() {
                return null_mut();
            }
            none_ref()
        }
        None => crate::raise_null!(PyExc_ValueError, "value not found in bytearray"),
    }
}

unsafe extern "C" fn m_alloc(s: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    crate::objects::long::from_i64(ba(s).ob_alloc as i64)
}

/// The contents `bytes(...)`/`bytearray(...)` make from their arguments
/// (source, encoding, errors), with `tyname` in the messages.
pub unsafe fn constructor_data(
    args: *mut PyObject,
    kw: *mut PyObject,
    tyname: &str,
) -> PyResult<Vec<u8>> {
    let a = if args.is_null() {
        &[][..]
    } else {
        crate::objects::tuple::as_slice(args)
    };
    let mut src = a.first().copied().unwrap_or(null_mut());
    let mut enc = a.get(1).copied().unwrap_or(null_mut());
    let mut err = a.get(2).copied().unwrap_or(null_mut());
    if !kw.is_null() {
        for (name, slot) in [
            ("source", &mut src),
            ("encoding", &mut enc),
            ("errors", &mut err),
        ] {
            let v = crate::objects::dict::get_str(kw, name);
            if !v.is_null() {
                *slot = v;
            }
        }
    }
    if a.len() > 3 {
        let _: PyResult<()> = crate::raise!(
            PyExc_TypeError,
            "{}() takes at most 3 arguments ({} given)",
            tyname,
            a.len()
        );
        return Err(());
    }
    let data: Vec<u8> = if src.is_null() {
        if !enc.is_null() || !err.is_null() {
            let _: PyResult<()> = crate::raise!(
                PyExc_TypeError,
                "{}",
                if !enc.is_null() {
                    "encoding without a string argument"
                } else {
                    "errors without a string argument"
                }
            );
            return Err(());
        }
        Vec::new()
    } else if crate::objects::unicode::is_unicode(src) {
        if enc.is_null() {
            let _: PyResult<()> =
                crate::raise!(PyExc_TypeError, "string argument without an encoding");
            return Err(());
        }
        let e = crate::objects::unicode::to_string_lossy(enc);
        let er = if err.is_null() {
            None
        } else {
            Some(crate::objects::unicode::to_string_lossy(err))
        };
        let b = crate::objects::codecs::encode_by_name(src, &e, er.as_deref());
        if b.is_null() {
            return Err(());
        }
        let b = Owned(b);
        match crate::protocols::buffer::bytes_of_buffer(b.as_ptr()) {
            Ok(v) => v,
            Err(()) => return Err(()),
        }
    } else if !enc.is_null() || !err.is_null() {
        let _: PyResult<()> = crate::raise!(
            PyExc_TypeError,
            "{}",
            if !enc.is_null() {
                "encoding without a string argument"
            } else {
                "errors without a string argument"
            }
        );
        return Err(());
    } else if crate::protocols::number::index_check(src) && !crate::protocols::buffer::check(src) {
        let Ok(n) = crate::protocols::number::as_ssize_t(src, &raw mut PyExc_OverflowError) else {
            return Err(());
        };
        if n < 0 {
            let _: PyResult<()> = crate::raise!(PyExc_ValueError, "negative count");
            return Err(());
        }
        vec![0u8; n as usize]
    } else {
        match bytes_ops::bytes_from_object(src) {
            Ok(v) => v,
            Err(()) => {
                if crate::errors::exception_matches(crate::objects::exceptions::exc(
                    &raw mut PyExc_TypeError,
                )) {
                    crate::errors::clear();
                    let _: PyResult<()> = crate::raise!(
                        PyExc_TypeError,
                        "cannot convert '{}' object to {}",
                        crate::objects::typeobject::type_name(Py_TYPE(src)),
                        tyname
                    );
                }
                return Err(());
            }
        }
    };
    Ok(data)
}

unsafe extern "C" fn bytearray_init(
    o: *mut PyObject,
    args: *mut PyObject,
    kw: *mut PyObject,
) -> c_int {
    let Ok(data) = constructor_data(args, kw, "bytearray") else {
        return -1;
    };
    let n = Py_SIZE(o) as usize;
    match splice(o, 0, n, &data) {
        Ok(()) => 0,
        Err(()) => -1,
    }
}

unsafe extern "C" fn bytearray_new(
    t: *mut PyTypeObject,
    _a: *mut PyObject,
    _k: *mut PyObject,
) -> *mut PyObject {
    let o = match (*t).tp_alloc {
        Some(f) => f(t, 0),
        None => alloc::generic_alloc(t, 0),
    };
    if o.is_null() {
        return o;
    }
    init_fields(o);
    o
}

static BYTEARRAY_AS_SEQUENCE: PySequenceMethods = PySequenceMethods {
    sq_length: Some(bytearray_length),
    sq_concat: Some(bytearray_concat),
    sq_repeat: Some(bytearray_repeat),
    sq_item: Some(bytearray_item),
    sq_ass_item: Some(bytearray_ass_item),
    sq_contains: Some(bytearray_contains),
    sq_inplace_concat: Some(bytearray_iconcat),
    sq_inplace_repeat: Some(bytearray_irepeat),
    ..PySequenceMethods::EMPTY
};
static BYTEARRAY_AS_MAPPING: PyMappingMethods = PyMappingMethods {
    mp_length: Some(bytearray_length),
    mp_subscript: Some(bytearray_subscript),
    mp_ass_subscript: Some(bytearray_ass_subscript),
};
static BYTEARRAY_AS_BUFFER: PyBufferProcs = PyBufferProcs {
    bf_getbuffer: Some(bytearray_getbuffer),
    bf_releasebuffer: Some(bytearray_releasebuffer),
};

static mut BYTEARRAY_METHODS: [PyMethodDef; 52] = [PyMethodDef::SENTINEL; 52];

pub unsafe fn init_type() {
    let t = &raw mut PyByteArray_Type;
    crate::objects::typeobject::init_builtin(
        t,
        c"bytearray",
        core::mem::size_of::<ByteArrayObject>(),
        0,
    );
    (*t).tp_flags |= Py_TPFLAGS_BASETYPE | Py_TPFLAGS_SEQUENCE;
    (*t).tp_dealloc = Some(bytearray_dealloc);
    (*t).tp_repr = Some(bytearray_repr);
    (*t).tp_str = Some(bytearray_repr);
    (*t).tp_hash = Some(crate::objects::baseobject::hash_not_implemented);
    (*t).tp_richcompare = Some(bytearray_richcompare);
    (*t).tp_iter = Some(bytearray_iter);
    (*t).tp_init = Some(bytearray_init);
    (*t).tp_new = Some(bytearray_new);
    (*t).tp_as_sequence = &raw const BYTEARRAY_AS_SEQUENCE as *mut _;
    (*t).tp_as_mapping = &raw const BYTEARRAY_AS_MAPPING as *mut _;
    (*t).tp_as_buffer = &raw const BYTEARRAY_AS_BUFFER as *mut _;
    (*t).tp_doc = c"bytearray(iterable_of_ints) -> bytearray".as_ptr();
    let common = bytes_ops::COMMON_METHODS;
    let mut k = 0;
    for m in common.iter() {
        BYTEARRAY_METHODS[k] = *m;
        k += 1;
    }
    let own = [
        crate::bytes_md!(c"append", m_append, METH_O),
        crate::bytes_md!(c"extend", m_extend, METH_O),
        crate::bytes_md!(c"pop", m_pop, METH_VARARGS),
        crate::bytes_md!(c"clear", m_clear, METH_NOARGS),
        crate::bytes_md!(c"copy", m_copy, METH_NOARGS),
        crate::bytes_md!(c"reverse", m_reverse, METH_NOARGS),
        crate::bytes_md!(c"insert", m_insert, METH_VARARGS),
        crate::bytes_md!(c"remove", m_remove, METH_O),
        crate::bytes_md!(c"__alloc__", m_alloc, METH_NOARGS),
    ];
    for m in own {
        BYTEARRAY_METHODS[k] = m;
        k += 1;
    }
    (*t).tp_methods = (&raw mut BYTEARRAY_METHODS).cast();

    let t = &raw mut PyByteArrayIter_Type;
    crate::objects::typeobject::init_builtin(
        t,
        c"bytearray_iterator",
        core::mem::size_of::<ByteArrayIterObject>(),
        0,
    );
    (*t).tp_iter = Some(crate::objects::iterobject::self_iter);
    (*t).tp_iternext = Some(bytearrayiter_next);
    (*t).tp_dealloc = Some(bytearrayiter_dealloc);
}
