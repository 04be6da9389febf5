//! Memory (`PyMem_*`, `PyObject_Malloc` & co) and object allocation
//! (`PyObject_Init`, `_PyObject_New`, `_PyObject_GC_New`, ...).
//!
//! Every family is the C allocator underneath (CPython's "0 bytes is a valid
//! request" rule included), so memory from one family may not go to another's
//! free function in portable code, but here nothing breaks if it does.

use core::ffi::c_void;
use core::ptr::null_mut;

use carapace_core::alloc;
use carapace_core::gc;
use carapace_core::object::{self, PyObject, PyVarObject, Py_ssize_t};
use carapace_core::typeobj::{has_flag, PyTypeObject, Py_TPFLAGS_HAVE_GC};

use crate::lifecycle::fatal;

const MAX: usize = isize::MAX as usize;

#[inline]
fn too_big(n: usize) -> bool {
    n > MAX
}

#[inline]
fn calloc_too_big(nelem: usize, elsize: usize) -> bool {
    elsize != 0 && nelem > MAX / elsize
}

// ------------------------------------------------------------------ raw / mem / object

#[no_mangle]
pub unsafe extern "C" fn PyMem_RawMalloc(n: usize) -> *mut c_void {
    if too_big(n) {
        return null_mut();
    }
    alloc::raw_malloc(n)
}

#[no_mangle]
pub unsafe extern "C" fn PyMem_RawCalloc(nelem: usize, elsize: usize) -> *mut c_void {
    if calloc_too_big(nelem, elsize) {
        return null_mut();
    }
    alloc::raw_calloc(nelem, elsize)
}

#[no_mangle]
pub unsafe extern "C" fn PyMem_RawRealloc(p: *mut c_void, n: usize) -> *mut c_void {
    if too_big(n) {
        return null_mut();
    }
    alloc::raw_realloc(p, n)
}

#[no_mangle]
pub unsafe extern "C" fn PyMem_RawFree(p: *mut c_void) {
    alloc::raw_free(p)
}

#[no_mangle]
pub unsafe extern "C" fn PyMem_Malloc(n: usize) -> *mut c_void {
    PyMem_RawMalloc(n)
}

#[no_mangle]
pub unsafe extern "C" fn PyMem_Calloc(nelem: usize, elsize: usize) -> *mut c_void {
    PyMem_RawCalloc(nelem, elsize)
}

#[no_mangle]
pub unsafe extern "C" fn PyMem_Realloc(p: *mut c_void, n: usize) -> *mut c_void {
    PyMem_RawRealloc(p, n)
}

#[no_mangle]
pub unsafe extern "C" fn PyMem_Free(p: *mut c_void) {
    alloc::raw_free(p)
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_Malloc(n: usize) -> *mut c_void {
    PyMem_RawMalloc(n)
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_Calloc(nelem: usize, elsize: usize) -> *mut c_void {
    PyMem_RawCalloc(nelem, elsize)
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_Realloc(p: *mut c_void, n: usize) -> *mut c_void {
    PyMem_RawRealloc(p, n)
}

/// Also the `tp_free` of objects allocated by `_PyObject_New` (no pre-header).
#[no_mangle]
pub unsafe extern "C" fn PyObject_Free(p: *mut c_void) {
    alloc::free_object_memory(p)
}

// ------------------------------------------------------------------ object init

unsafe fn no_memory() -> *mut PyObject {
    carapace_core::errors::no_memory();
    null_mut()
}

/// `PyObject_Init`: set the type and a count of 1 on memory the caller allocated
/// (no pre-header needed); NULL memory gives `MemoryError`.
#[no_mangle]
pub unsafe extern "C" fn PyObject_Init(op: *mut PyObject, tp: *mut PyTypeObject) -> *mut PyObject {
    if op.is_null() {
        return no_memory();
    }
    alloc::init_header(op, tp);
    op
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_InitVar(
    op: *mut PyVarObject,
    tp: *mut PyTypeObject,
    size: Py_ssize_t,
) -> *mut PyVarObject {
    if op.is_null() {
        return no_memory() as *mut PyVarObject;
    }
    alloc::init_header(op as *mut PyObject, tp);
    (*op).ob_size = size;
    op
}

/// Fresh zeroed memory for an instance of `tp` with `nitems` items: behind a GC
/// pre-header when the type has GC (so its `tp_free` matches), not tracked.
unsafe fn new_instance(tp: *mut PyTypeObject, nitems: Py_ssize_t) -> *mut PyObject {
    if tp.is_null() {
        carapace_core::errors::bad_internal_call();
        return null_mut();
    }
    let basic = (*tp).tp_basicsize;
    let item = (*tp).tp_itemsize;
    if basic < 0 || item < 0 {
        return no_memory();
    }
    let size = match (nitems.max(0) as usize)
        .checked_mul(item as usize)
        .and_then(|x| x.checked_add(basic as usize + 7))
    {
        Some(s) if s <= MAX - 64 => s & !7,
        _ => return no_memory(),
    };
    let op = alloc::alloc_object_memory(size, has_flag(tp, Py_TPFLAGS_HAVE_GC));
    if op.is_null() {
        return op;
    }
    alloc::init_header(op, tp);
    if item != 0 || nitems != 0 {
        (*(op as *mut PyVarObject)).ob_size = nitems;
    }
    op
}

#[no_mangle]
pub unsafe extern "C" fn _PyObject_New(tp: *mut PyTypeObject) -> *mut PyObject {
    guard!(null_mut(), { new_instance(tp, 0) })
}

#[no_mangle]
pub unsafe extern "C" fn _PyObject_NewVar(
    tp: *mut PyTypeObject,
    nitems: Py_ssize_t,
) -> *mut PyVarObject {
    guard!(null_mut(), { new_instance(tp, nitems) as *mut PyVarObject })
}

#[no_mangle]
pub unsafe extern "C" fn _PyObject_GC_New(tp: *mut PyTypeObject) -> *mut PyObject {
    guard!(null_mut(), {
        let op = new_instance(tp, 0);
        if !op.is_null() && has_flag(tp, Py_TPFLAGS_HAVE_GC) {
            gc::maybe_collect();
        }
        op
    })
}

#[no_mangle]
pub unsafe extern "C" fn _PyObject_GC_NewVar(
    tp: *mut PyTypeObject,
    nitems: Py_ssize_t,
) -> *mut PyVarObject {
    guard!(null_mut(), {
        if nitems < 0 {
            // CPython's internal PyErr_BadInternalCall names its source line.
            carapace_core::errors::set_string(
                carapace_core::objects::exceptions::exc(
                    &raw mut carapace_core::exported::PyExc_SystemError,
                ),
                "../Python/gc.c:2056: bad argument to internal function",
            );
            return null_mut();
        }
        let op = new_instance(tp, nitems);
        if !op.is_null() && has_flag(tp, Py_TPFLAGS_HAVE_GC) {
            gc::maybe_collect();
        }
        op as *mut PyVarObject
    })
}

/// `_PyObject_GC_Resize`: grow or shrink a GC var-object in place or by moving
/// it (the pre-header moves with it); `MemoryError` on failure.
#[no_mangle]
pub unsafe extern "C" fn _PyObject_GC_Resize(
    op: *mut PyVarObject,
    nitems: Py_ssize_t,
) -> *mut PyVarObject {
    guard!(null_mut(), {
        let o = op as *mut PyObject;
        let tp = (*o).ob_type;
        let has_gc = has_flag(tp, Py_TPFLAGS_HAVE_GC);
        let pre = if has_gc {
            core::mem::size_of::<gc::GcHead>()
        } else {
            0
        };
        if nitems < 0 {
            return no_memory() as *mut PyVarObject;
        }
        let size = match (nitems as usize)
            .checked_mul((*tp).tp_itemsize.max(0) as usize)
            .and_then(|x| x.checked_add((*tp).tp_basicsize.max(0) as usize + 7))
        {
            Some(s) if s <= MAX - pre => s & !7,
            _ => return no_memory() as *mut PyVarObject,
        };
        let old_n = (*op).ob_size.max(0) as usize;
        let old_size = (((*tp).tp_basicsize.max(0) as usize)
            .saturating_add(old_n.saturating_mul((*tp).tp_itemsize.max(0) as usize))
            + 7)
            & !7;
        let tracked = has_gc && gc::is_tracked(o);
        if tracked {
            gc::untrack(o);
        }
        let mem = (o as *mut u8).sub(pre);
        let new = libc::realloc(mem as *mut c_void, pre + size) as *mut u8;
        if new.is_null() {
            if tracked {
                gc::track(o);
            }
            return no_memory() as *mut PyVarObject;
        }
        // What a grown object gains starts zeroed (NULL item slots).
        if size > old_size {
            core::ptr::write_bytes(new.add(pre + old_size), 0, size - old_size);
        }
        let nop = new.add(pre) as *mut PyVarObject;
        (*nop).ob_size = nitems;
        if tracked {
            gc::track(nop as *mut PyObject);
        }
        nop
    })
}

// ------------------------------------------------------------------ GC objects

/// `_PyObject_IS_GC`: a GC type, and `tp_is_gc` (if any) says yes.
unsafe fn is_gc(op: *mut PyObject) -> bool {
    let t = (*op).ob_type;
    if t.is_null() || !has_flag(t, Py_TPFLAGS_HAVE_GC) {
        return false;
    }
    match (*t).tp_is_gc {
        Some(f) => f(op) != 0,
        None => true,
    }
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_GC_Track(op: *mut c_void) {
    let o = op as *mut PyObject;
    if !is_gc(o) {
        fatal("PyObject_GC_Track: object is not a GC object");
    }
    if gc::is_tracked(o) {
        fatal("PyObject_GC_Track: object already tracked by the garbage collector");
    }
    gc::track(o)
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_GC_UnTrack(op: *mut c_void) {
    let o = op as *mut PyObject;
    if is_gc(o) && gc::is_tracked(o) {
        gc::untrack(o)
    }
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_GC_Del(op: *mut c_void) {
    if !op.is_null() {
        alloc::gc_del(op)
    }
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_GC_IsTracked(op: *mut PyObject) -> core::ffi::c_int {
    (is_gc(op) && gc::is_tracked(op)) as core::ffi::c_int
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_GC_IsFinalized(op: *mut PyObject) -> core::ffi::c_int {
    (is_gc(op) && gc::is_finalized(op)) as core::ffi::c_int
}

/// Run `tp_finalize` from a `tp_dealloc` (the count is 0): resurrect for the
/// call; 0 when the object may be freed, -1 when the finalizer resurrected it.
#[no_mangle]
pub unsafe extern "C" fn PyObject_CallFinalizerFromDealloc(op: *mut PyObject) -> core::ffi::c_int {
    if object::refcnt(op) != 0 {
        fatal("PyObject_CallFinalizerFromDealloc called on object with a non-zero refcount");
    }
    object::set_refcnt(op, 1);
    if let Some(fin) = (*(*op).ob_type).tp_finalize {
        guard!((), {
            carapace_core::objects::baseobject::call_finalizer_once(op, fin)
        });
    }
    let n = object::refcnt(op);
    if n <= 1 {
        object::set_refcnt(op, 0);
        0
    } else {
        object::set_refcnt(op, n - 1);
        -1
    }
}
