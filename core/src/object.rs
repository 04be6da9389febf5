//! The object header: the 16 bytes every `PyObject*` handed to C starts with.
//!
//! Word at +0 is encoded exactly as in CPython 3.14+'s GIL build:
//! `u32 ob_refcnt | u16 ob_overflow | u16 ob_flags`. Binaries built with <= 3.11
//! headers add/subtract 1 on the whole 64-bit word inline; 3.12/3.13 headers are
//! immortal-aware on the low 32 bits; 3.12+ Limited API calls `_Py_IncRef`. All of
//! them agree with this module as long as mortal counts stay in the low 32 bits and
//! immortal objects keep the low 32 bits >= 2^31 (old binaries drift them by +-1,
//! harmlessly).
//!
//! Carapace's own code updates the low 32 bits atomically, so threads may share
//! objects freely. Legacy binaries update them non-atomically; while such a module is
//! loaded the process-wide fallback lock (see `pystate`) serialises every thread.

use core::sync::atomic::{AtomicU32, Ordering};

use crate::typeobj::PyTypeObject;

pub type Py_ssize_t = isize;
pub type Py_hash_t = isize;

#[repr(C)]
pub struct PyObject {
    pub ob_refcnt: u64,
    pub ob_type: *mut PyTypeObject,
}

#[repr(C)]
pub struct PyVarObject {
    pub ob_base: PyObject,
    pub ob_size: Py_ssize_t,
}

/// Immortal objects start here (CPython's `_Py_IMMORTAL_INITIAL_REFCNT`).
pub const IMMORTAL_INITIAL_REFCNT: u32 = 3 << 30;
/// A low word at or above this is immortal (`_Py_IMMORTAL_MINIMUM_REFCNT`).
pub const IMMORTAL_MINIMUM_REFCNT: u32 = 1 << 31;
/// `ob_flags` bits (upper 16 bits of the word).
pub const FLAG_IMMORTAL: u64 = 1;
pub const FLAG_STATICALLY_ALLOCATED: u64 = 4;
/// The full word of a statically allocated immortal object.
pub const STATIC_IMMORTAL_REFCNT: u64 =
    IMMORTAL_INITIAL_REFCNT as u64 | ((FLAG_STATICALLY_ALLOCATED | FLAG_IMMORTAL) << 48);
/// The full word of an immortal object allocated at run time (small ints, interned).
pub const HEAP_IMMORTAL_REFCNT: u64 = IMMORTAL_INITIAL_REFCNT as u64 | (FLAG_IMMORTAL << 48);

impl PyObject {
    /// A header for a statically allocated, immortal object of type `ty`.
    pub const fn static_head(ty: *mut PyTypeObject) -> PyObject {
        PyObject {
            ob_refcnt: STATIC_IMMORTAL_REFCNT,
            ob_type: ty,
        }
    }
}

#[inline(always)]
unsafe fn low_word<'a>(op: *mut PyObject) -> &'a AtomicU32 {
    // SAFETY: the low 32 bits of the word at +0 (little endian) are the count.
    &*(op as *const AtomicU32)
}

#[inline(always)]
pub unsafe fn is_immortal(op: *mut PyObject) -> bool {
    (low_word(op).load(Ordering::Relaxed) as i32) < 0
}

#[inline(always)]
pub unsafe fn Py_INCREF(op: *mut PyObject) {
    let rc = low_word(op);
    // Immortal objects are left alone (no write, so no cache-line ping-pong).
    if (rc.load(Ordering::Relaxed) as i32) >= 0 {
        rc.fetch_add(1, Ordering::Relaxed);
    }
}

#[inline(always)]
pub unsafe fn Py_XINCREF(op: *mut PyObject) {
    if !op.is_null() {
        Py_INCREF(op)
    }
}

#[inline(always)]
pub unsafe fn Py_DECREF(op: *mut PyObject) {
    let rc = low_word(op);
    if (rc.load(Ordering::Relaxed) as i32) < 0 {
        return;
    }
    if rc.fetch_sub(1, Ordering::Release) == 1 {
        core::sync::atomic::fence(Ordering::Acquire);
        dealloc(op);
    }
}

#[inline(always)]
pub unsafe fn Py_XDECREF(op: *mut PyObject) {
    if !op.is_null() {
        Py_DECREF(op)
    }
}

/// `Py_NewRef`: incref and hand back.
#[inline(always)]
pub unsafe fn new_ref(op: *mut PyObject) -> *mut PyObject {
    Py_INCREF(op);
    op
}

/// Replace `*slot` with `value` (a new reference), releasing the old one last,
/// as `Py_XSETREF` does.
#[inline]
pub unsafe fn xsetref(slot: *mut *mut PyObject, value: *mut PyObject) {
    let old = *slot;
    *slot = value;
    Py_XDECREF(old);
}

#[inline]
pub unsafe fn refcnt(op: *mut PyObject) -> Py_ssize_t {
    let low = low_word(op).load(Ordering::Relaxed);
    if (low as i32) < 0 {
        IMMORTAL_INITIAL_REFCNT as Py_ssize_t
    } else {
        low as Py_ssize_t
    }
}

/// `Py_SET_REFCNT`: immortal objects keep their count; others take the low word.
pub unsafe fn set_refcnt(op: *mut PyObject, n: Py_ssize_t) {
    if is_immortal(op) {
        return;
    }
    if n as u64 >= IMMORTAL_MINIMUM_REFCNT as u64 {
        make_immortal(op);
    } else {
        low_word(op).store(n as u32, Ordering::Relaxed);
    }
}

/// Turn an object immortal (its memory is never given back).
pub unsafe fn make_immortal(op: *mut PyObject) {
    (*op).ob_refcnt = HEAP_IMMORTAL_REFCNT;
}

/// Called when a count reaches zero (also `_Py_Dealloc`, reached inline from old binaries).
pub unsafe fn dealloc(op: *mut PyObject) {
    let ty = (*op).ob_type;
    if let Some(f) = (*ty).tp_dealloc {
        f(op)
    }
}

#[inline(always)]
pub unsafe fn Py_TYPE(op: *mut PyObject) -> *mut PyTypeObject {
    (*op).ob_type
}

#[inline(always)]
pub unsafe fn Py_SIZE(op: *mut PyObject) -> Py_ssize_t {
    (*(op as *mut PyVarObject)).ob_size
}

#[inline(always)]
pub unsafe fn set_size(op: *mut PyObject, n: Py_ssize_t) {
    (*(op as *mut PyVarObject)).ob_size = n;
}

/// Owns one strong reference; releases it on drop. For Rust code in the core that
/// wants `?`-style early returns without leaking.
pub struct Owned(pub *mut PyObject);

impl Owned {
    /// Takes over a new reference; `None` for NULL (an error is set).
    #[inline]
    pub unsafe fn from_new(p: *mut PyObject) -> Option<Owned> {
        if p.is_null() {
            None
        } else {
            Some(Owned(p))
        }
    }
    #[inline]
    pub unsafe fn from_borrowed(p: *mut PyObject) -> Owned {
        Py_INCREF(p);
        Owned(p)
    }
    #[inline]
    pub fn as_ptr(&self) -> *mut PyObject {
        self.0
    }
    /// Hand the reference back to C.
    #[inline]
    pub fn into_ptr(self) -> *mut PyObject {
        let p = self.0;
        core::mem::forget(self);
        p
    }
}

impl Drop for Owned {
    fn drop(&mut self) {
        unsafe { Py_DECREF(self.0) }
    }
}

/// Result of core operations: `Err(())` means a Python exception is set on this thread.
pub type PyResult<T> = Result<T, ()>;

/// Turn a NULL-on-error pointer into a `PyResult`.
#[inline]
pub fn nonnull(p: *mut PyObject) -> PyResult<*mut PyObject> {
    if p.is_null() {
        Err(())
    } else {
        Ok(p)
    }
}
