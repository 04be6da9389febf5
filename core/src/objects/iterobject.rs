//! Generic iterators: over a sequence's `__getitem__` (`PySeqIter_Type`) and over
//! a callable until a sentinel (`PyCallIter_Type`).

use core::ffi::{c_int, c_void};
use core::ptr::null_mut;

use crate::alloc;
use crate::exported::*;
use crate::lock::RawLock;
use crate::object::*;
use crate::typeobj::*;

#[repr(C)]
pub struct SeqIterObject {
    pub ob_base: PyObject,
    pub lock: RawLock,
    pub index: Py_ssize_t,
    /// NULL once exhausted.
    pub seq: *mut PyObject,
}

#[repr(C)]
pub struct CallIterObject {
    pub ob_base: PyObject,
    pub callable: *mut PyObject,
    pub sentinel: *mut PyObject,
}

/// `PySeqIter_New`.
pub unsafe fn new_seq_iter(seq: *mut PyObject) -> *mut PyObject {
    let op = alloc::new_object(
        &raw mut PySeqIter_Type,
        SeqIterObject {
            ob_base: PyObject {
                ob_refcnt: 1,
                ob_type: null_mut(),
            },
            lock: RawLock::new(),
            index: 0,
            seq,
        },
    );
    if op.is_null() {
        return null_mut();
    }
    Py_INCREF(seq);
    crate::gc::track(op as *mut PyObject);
    op as *mut PyObject
}

/// `PyCallIter_New`.
pub unsafe fn new_call_iter(callable: *mut PyObject, sentinel: *mut PyObject) -> *mut PyObject {
    let op = alloc::new_object(
        &raw mut PyCallIter_Type,
        CallIterObject {
            ob_base: PyObject {
                ob_refcnt: 1,
                ob_type: null_mut(),
            },
            callable,
            sentinel,
        },
    );
    if op.is_null() {
        return null_mut();
    }
    Py_INCREF(callable);
    Py_INCREF(sentinel);
    crate::gc::track(op as *mut PyObject);
    op as *mut PyObject
}

unsafe extern "C" fn seqiter_next(o: *mut PyObject) -> *mut PyObject {
    let it = o as *mut SeqIterObject;
    (*it).lock.lock();
    let seq = (*it).seq;
    let i = (*it).index;
    if seq.is_null() {
        (*it).lock.unlock();
        return null_mut();
    }
    Py_INCREF(seq);
    (*it).index = i + 1;
    (*it).lock.unlock();
    let r = crate::protocols::sequence::get_item(seq, i);
    Py_DECREF(seq);
    if r.is_null() {
        let idx = crate::objects::exceptions::exc(&raw mut PyExc_IndexError);
        let stop = crate::objects::exceptions::exc(&raw mut PyExc_StopIteration);
        if crate::errors::exception_matches(idx) || crate::errors::exception_matches(stop) {
            crate::errors::clear();
            (*it).lock.lock();
            let s = (*it).seq;
            (*it).seq = null_mut();
            (*it).lock.unlock();
            Py_XDECREF(s);
        }
    }
    r
}

unsafe extern "C" fn seqiter_dealloc(o: *mut PyObject) {
    crate::gc::untrack(o);
    Py_XDECREF((*(o as *mut SeqIterObject)).seq);
    alloc::free_via_type(o);
}

unsafe extern "C" fn seqiter_traverse(
    o: *mut PyObject,
    visit: visitproc,
    arg: *mut c_void,
) -> c_int {
    let s = (*(o as *mut SeqIterObject)).seq;
    if s.is_null() {
        0
    } else {
        visit(s, arg)
    }
}

unsafe extern "C" fn calliter_next(o: *mut PyObject) -> *mut PyObject {
    let it = o as *mut CallIterObject;
    let f = (*it).callable;
    if f.is_null() {
        return null_mut();
    }
    let r = crate::protocols::call::call_function(f, &[]);
    if r.is_null() {
        let stop = crate::objects::exceptions::exc(&raw mut PyExc_StopIteration);
        if crate::errors::exception_matches(stop) {
            crate::errors::clear();
            xsetref(&mut (*it).callable, null_mut());
            xsetref(&mut (*it).sentinel, null_mut());
        }
        return null_mut();
    }
    let eq = crate::protocols::object::rich_compare_bool(r, (*it).sentinel, 2);
    if eq == 0 {
        return r;
    }
    Py_DECREF(r);
    if eq > 0 {
        xsetref(&mut (*it).callable, null_mut());
        xsetref(&mut (*it).sentinel, null_mut());
    }
    null_mut()
}

unsafe extern "C" fn calliter_dealloc(o: *mut PyObject) {
    crate::gc::untrack(o);
    let it = o as *mut CallIterObject;
    Py_XDECREF((*it).callable);
    Py_XDECREF((*it).sentinel);
    alloc::free_via_type(o);
}

unsafe extern "C" fn calliter_traverse(
    o: *mut PyObject,
    visit: visitproc,
    arg: *mut c_void,
) -> c_int {
    let it = o as *mut CallIterObject;
    for p in [(*it).callable, (*it).sentinel] {
        if !p.is_null() {
            let r = visit(p, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

/// `iter(it)` is `it` for iterators.
pub unsafe extern "C" fn self_iter(o: *mut PyObject) -> *mut PyObject {
    new_ref(o)
}

pub unsafe fn init_types() {
    let t = &raw mut PySeqIter_Type;
    crate::objects::typeobject::init_builtin(
        t,
        c"iterator",
        core::mem::size_of::<SeqIterObject>(),
        0,
    );
    (*t).tp_flags |= Py_TPFLAGS_HAVE_GC;
    (*t).tp_iter = Some(self_iter);
    (*t).tp_iternext = Some(seqiter_next);
    (*t).tp_dealloc = Some(seqiter_dealloc);
    (*t).tp_traverse = Some(seqiter_traverse);

    let t = &raw mut PyCallIter_Type;
    crate::objects::typeobject::init_builtin(
        t,
        c"callable_iterator",
        core::mem::size_of::<CallIterObject>(),
        0,
    );
    (*t).tp_flags |= Py_TPFLAGS_HAVE_GC;
    (*t).tp_iter = Some(self_iter);
    (*t).tp_iternext = Some(calliter_next);
    (*t).tp_dealloc = Some(calliter_dealloc);
    (*t).tp_traverse = Some(calliter_traverse);
}
