//! Memory: the raw/mem/object allocator families and object allocation.
//!
//! Objects of a type with `Py_TPFLAGS_HAVE_GC` carry a `GcHead` *before* the
//! object (negative offsets), exactly where CPython keeps `PyGC_Head`; all other
//! objects start at the `PyObject` header. Whether an object has the pre-header is a
//! property of its type (as in CPython), never of the object: statics, and objects
//! an extension allocated itself and set up with `PyObject_Init`, have none, and the
//! matching `tp_free` is the one that knows.

use core::ffi::c_void;
use core::ptr::null_mut;

use crate::gc::{self, GcHead};
use crate::object::{PyObject, PyVarObject, Py_INCREF, Py_ssize_t};
use crate::typeobj::{has_flag, PyTypeObject, Py_TPFLAGS_HAVE_GC, Py_TPFLAGS_HEAPTYPE};

/// `PyMem_RawMalloc` & co: the C allocator, with CPython's "0 bytes is 1 byte" rule.
pub unsafe fn raw_malloc(n: usize) -> *mut c_void {
    libc::malloc(n.max(1))
}
pub unsafe fn raw_calloc(nelem: usize, elsize: usize) -> *mut c_void {
    if nelem == 0 || elsize == 0 {
        return libc::calloc(1, 1);
    }
    libc::calloc(nelem, elsize)
}
pub unsafe fn raw_realloc(p: *mut c_void, n: usize) -> *mut c_void {
    libc::realloc(p, n.max(1))
}
pub unsafe fn raw_free(p: *mut c_void) {
    libc::free(p)
}

/// Allocate a zeroed object of `size` bytes (`with_gc`: behind a GC pre-header).
/// Sets nothing in the header. NULL with MemoryError set on failure.
pub unsafe fn alloc_object_memory(size: usize, with_gc: bool) -> *mut PyObject {
    let pre = if with_gc {
        core::mem::size_of::<GcHead>()
    } else {
        0
    };
    let mem = libc::calloc(1, pre + size.max(core::mem::size_of::<PyObject>())) as *mut u8;
    if mem.is_null() {
        crate::errors::no_memory();
        return null_mut();
    }
    mem.add(pre) as *mut PyObject
}

/// Free an object allocated with `alloc_object_memory(_, false)` (`PyObject_Free`).
pub unsafe fn free_object_memory(op: *mut c_void) {
    libc::free(op)
}

/// `PyObject_GC_Del`: untrack if needed and free behind the pre-header.
pub unsafe fn gc_del(op: *mut c_void) {
    let op = op as *mut PyObject;
    if gc::is_tracked(op) {
        gc::untrack(op);
    }
    libc::free(gc::head_of(op) as *mut c_void)
}

/// Size of an instance with `nitems` items, as `_PyObject_VAR_SIZE` computes it.
#[inline]
pub unsafe fn var_size(t: *mut PyTypeObject, nitems: Py_ssize_t) -> usize {
    let size = (*t).tp_basicsize as usize + nitems.max(0) as usize * (*t).tp_itemsize as usize;
    (size + 7) & !7
}

/// Set the header of fresh memory (`PyObject_Init`): count 1, type (a strong
/// reference when the type is a heap type).
#[inline]
pub unsafe fn init_header(op: *mut PyObject, t: *mut PyTypeObject) {
    (*op).ob_refcnt = 1;
    (*op).ob_type = t;
    if has_flag(t, Py_TPFLAGS_HEAPTYPE) {
        Py_INCREF(t as *mut PyObject);
    }
}

/// `PyType_GenericAlloc`: zeroed instance, count 1, GC-tracked when the type has GC.
pub unsafe fn generic_alloc(t: *mut PyTypeObject, nitems: Py_ssize_t) -> *mut PyObject {
    let gc_type = has_flag(t, Py_TPFLAGS_HAVE_GC);
    // One spare item, as CPython allocates, so var-objects may hold a sentinel.
    let size = var_size(t, nitems + 1);
    let op = alloc_object_memory(size, gc_type);
    if op.is_null() {
        return op;
    }
    init_header(op, t);
    if (*t).tp_itemsize != 0 {
        (*(op as *mut PyVarObject)).ob_size = nitems;
    }
    if gc_type {
        gc::track(op);
        gc::maybe_collect();
    }
    op
}

/// `_PyObject_New`/`_PyObject_GC_New` without tracking (the caller tracks when ready,
/// as with `PyObject_GC_New` + `PyObject_GC_Track`).
pub unsafe fn new_untracked(t: *mut PyTypeObject, nitems: Py_ssize_t) -> *mut PyObject {
    let gc_type = has_flag(t, Py_TPFLAGS_HAVE_GC);
    let op = alloc_object_memory(var_size(t, nitems), gc_type);
    if op.is_null() {
        return op;
    }
    init_header(op, t);
    if (*t).tp_itemsize != 0 {
        (*(op as *mut PyVarObject)).ob_size = nitems;
    }
    if gc_type {
        gc::maybe_collect();
    }
    op
}

/// Allocate a built-in object of Rust type `T` whose first field is a `PyObject`,
/// moving `value` in and setting the header. `T` must be `#[repr(C)]`.
pub unsafe fn new_object<T>(t: *mut PyTypeObject, value: T) -> *mut T {
    let gc_type = has_flag(t, Py_TPFLAGS_HAVE_GC);
    let size = core::mem::size_of::<T>().max((*t).tp_basicsize as usize);
    let op = alloc_object_memory(size, gc_type) as *mut T;
    if op.is_null() {
        return op;
    }
    core::ptr::write(op, value);
    init_header(op as *mut PyObject, t);
    op
}

/// Free an object through its type's `tp_free`, dropping the reference the
/// instance held on a heap type (what a `tp_dealloc` ends with).
pub unsafe fn free_via_type(op: *mut PyObject) {
    let t = (*op).ob_type;
    match (*t).tp_free {
        Some(f) => f(op as *mut c_void),
        None => {
            if has_flag(t, Py_TPFLAGS_HAVE_GC) {
                gc_del(op as *mut c_void)
            } else {
                free_object_memory(op as *mut c_void)
            }
        }
    }
    if has_flag(t, Py_TPFLAGS_HEAPTYPE) {
        crate::object::Py_DECREF(t as *mut PyObject);
    }
}

/// `PyType_GenericAlloc` as a `tp_alloc` slot.
pub unsafe extern "C" fn generic_alloc_slot(
    t: *mut PyTypeObject,
    nitems: Py_ssize_t,
) -> *mut PyObject {
    generic_alloc(t, nitems)
}

/// `PyObject_Free` as a `tp_free` slot.
pub unsafe extern "C" fn object_free_slot(p: *mut c_void) {
    free_object_memory(p)
}

/// `PyObject_GC_Del` as a `tp_free` slot.
pub unsafe extern "C" fn gc_del_slot(p: *mut c_void) {
    gc_del(p)
}
