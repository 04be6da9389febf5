//! `list`: a mutable array of references (CPython's layout: `PyVarObject`,
//! `ob_item`, `allocated`), plus the object lock that makes it safe to share
//! between threads.

use core::ffi::{c_int, c_void};
use core::ptr::null_mut;

use crate::alloc;
use crate::exported::*;
use crate::lock::RawLock;
use crate::object::*;
use crate::objects::unicode;
use crate::protocols;
use crate::typeobj::*;

#[repr(C)]
pub struct ListObject {
    pub ob_base: PyVarObject,
    pub ob_item: *mut *mut PyObject,
    pub allocated: Py_ssize_t,
    pub lock: RawLock,
}

#[inline]
pub unsafe fn is_list(o: *mut PyObject) -> bool {
    has_flag(Py_TYPE(o), Py_TPFLAGS_LIST_SUBCLASS)
}

#[inline]
pub unsafe fn is_list_exact(o: *mut PyObject) -> bool {
    Py_TYPE(o) == &raw mut PyList_Type
}

#[inline]
pub unsafe fn l<'a>(o: *mut PyObject) -> &'a mut ListObject {
    &mut *(o as *mut ListObject)
}

/// A new list of `n` NULL items (`PyList_New`).
pub unsafe fn new(n: Py_ssize_t) -> *mut PyObject {
    if n < 0 {
        crate::errors::bad_internal_call();
        return null_mut();
    }
    let op = alloc::new_object(
        &raw mut PyList_Type,
        ListObject {
            ob_base: PyVarObject {
                ob_base: PyObject {
                    ob_refcnt: 1,
                    ob_type: null_mut(),
                },
                ob_size: n,
            },
            ob_item: null_mut(),
            allocated: 0,
            lock: RawLock::new(),
        },
    ) as *mut PyObject;
    if op.is_null() {
        return op;
    }
    if n > 0 {
        let items =
            libc::calloc(n as usize, core::mem::size_of::<*mut PyObject>()) as *mut *mut PyObject;
        if items.is_null() {
            Py_DECREF(op);
            crate::errors::no_memory();
            return null_mut();
        }
        l(op).ob_item = items;
        l(op).allocated = n;
    }
    crate::gc::track(op);
    op
}

/// Initialise the list part of a list-subclass instance made by `tp_alloc`.
pub unsafe fn init_in_place(o: *mut PyObject) {
    let lo = l(o);
    lo.ob_item = null_mut();
    lo.allocated = 0;
    lo.ob_base.ob_size = 0;
    core::ptr::write(&raw mut lo.lock, RawLock::new());
}

/// A new list of new references to `v`'s items.
pub unsafe fn from_slice(v: &[*mut PyObject]) -> *mut PyObject {
    let o = new(v.len() as Py_ssize_t);
    if o.is_null() {
        return o;
    }
    for (i, &x) in v.iter().enumerate() {
        Py_INCREF(x);
        *l(o).ob_item.add(i) = x;
    }
    o
}

/// Grow the item array to hold at least `newsize` (lock held).
pub unsafe fn reserve_locked(o: *mut PyObject, newsize: Py_ssize_t) -> bool {
    let lo = l(o);
    if newsize <= lo.allocated {
        return true;
    }
    // CPython's growth pattern: ~1/8 over-allocation plus a little.
    let mut cap = (newsize as usize + (newsize as usize >> 3) + 6) & !3;
    if newsize == 0 {
        cap = 0;
    }
    let p = libc::realloc(
        lo.ob_item as *mut c_void,
        cap.max(1) * core::mem::size_of::<*mut PyObject>(),
    ) as *mut *mut PyObject;
    if p.is_null() {
        return false;
    }
    lo.ob_item = p;
    lo.allocated = cap as Py_ssize_t;
    true
}

/// `PyList_Append` (takes a new reference to `v`).
pub unsafe fn append(o: *mut PyObject, v: *mut PyObject) -> PyResult<()> {
    let lo = l(o);
    lo.lock.lock();
    let n = lo.ob_base.ob_size;
    if !reserve_locked(o, n + 1) {
        lo.lock.unlock();
        crate::errors::no_memory();
        return Err(());
    }
    Py_INCREF(v);
    *lo.ob_item.offset(n) = v;
    lo.ob_base.ob_size = n + 1;
    lo.lock.unlock();
    Ok(())
}

/// New references to the current items (a consistent snapshot).
pub unsafe fn snapshot(o: *mut PyObject) -> Vec<Owned> {
    let lo = l(o);
    lo.lock.lock();
    let n = lo.ob_base.ob_size as usize;
    let mut v = Vec::with_capacity(n);
    for i in 0..n {
        let x = *lo.ob_item.add(i);
        v.push(Owned::from_borrowed(x));
    }
    lo.lock.unlock();
    v
}

/// Item `i` as a new reference, or NULL with IndexError.
pub unsafe fn get_item_ref(o: *mut PyObject, i: Py_ssize_t) -> *mut PyObject {
    let lo = l(o);
    lo.lock.lock();
    if i < 0 || i >= lo.ob_base.ob_size {
        lo.lock.unlock();
        return crate::raise_null!(PyExc_IndexError, "list index out of range");
    }
    let x = *lo.ob_item.offset(i);
    Py_INCREF(x);
    lo.lock.unlock();
    x
}

pub unsafe extern "C" fn list_dealloc(o: *mut PyObject) {
    crate::gc::untrack(o);
    let lo = l(o);
    let items = lo.ob_item;
    let n = lo.ob_base.ob_size;
    lo.ob_item = null_mut();
    lo.ob_base.ob_size = 0;
    lo.allocated = 0;
    for i in 0..n {
        Py_XDECREF(*items.offset(i));
    }
    libc::free(items as *mut c_void);
    alloc::free_via_type(o);
}

pub unsafe extern "C" fn list_traverse(
    o: *mut PyObject,
    visit: visitproc,
    arg: *mut c_void,
) -> c_int {
    let lo = l(o);
    for i in 0..lo.ob_base.ob_size {
        let x = *lo.ob_item.offset(i);
        if !x.is_null() {
            let r = visit(x, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

/// Drop every item (`tp_clear`, `list.clear()`).
pub unsafe fn clear(o: *mut PyObject) {
    let lo = l(o);
    lo.lock.lock();
    let items = lo.ob_item;
    let n = lo.ob_base.ob_size;
    lo.ob_item = null_mut();
    lo.ob_base.ob_size = 0;
    lo.allocated = 0;
    lo.lock.unlock();
    for i in 0..n {
        Py_XDECREF(*items.offset(i));
    }
    libc::free(items as *mut c_void);
}

pub unsafe extern "C" fn list_tp_clear(o: *mut PyObject) -> c_int {
    clear(o);
    0
}

pub unsafe extern "C" fn list_length(o: *mut PyObject) -> Py_ssize_t {
    l(o).ob_base.ob_size
}

pub unsafe extern "C" fn list_item(o: *mut PyObject, i: Py_ssize_t) -> *mut PyObject {
    get_item_ref(o, i)
}

pub use crate::objects::list_ops::*;

pub unsafe extern "C" fn list_repr(o: *mut PyObject) -> *mut PyObject {
    if l(o).ob_base.ob_size == 0 {
        return unicode::from_str("[]");
    }
    let Some(guard) = protocols::object::ReprGuard::enter(o) else {
        return unicode::from_str("[...]");
    };
    let mut s = String::from("[");
    for (i, x) in snapshot(o).into_iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        let r = protocols::object::repr(x.as_ptr());
        if r.is_null() {
            drop(guard);
            return null_mut();
        }
        s.push_str(&unicode::to_string_lossy(r));
        Py_DECREF(r);
    }
    s.push(']');
    drop(guard);
    unicode::from_str(&s)
}

pub unsafe extern "C" fn list_richcompare(
    v: *mut PyObject,
    w: *mut PyObject,
    op: c_int,
) -> *mut PyObject {
    if !is_list(w) {
        return new_ref(not_implemented());
    }
    let a: Vec<*mut PyObject> = snapshot(v).into_iter().map(|x| x.into_ptr()).collect();
    let b: Vec<*mut PyObject> = snapshot(w).into_iter().map(|x| x.into_ptr()).collect();
    let r = protocols::sequence_cmp::compare_slices(&a, &b, op);
    for x in a.into_iter().chain(b) {
        Py_DECREF(x);
    }
    r
}

static LIST_AS_SEQUENCE: PySequenceMethods = PySequenceMethods {
    sq_length: Some(list_length),
    sq_concat: Some(list_concat),
    sq_repeat: Some(list_repeat),
    sq_item: Some(list_item),
    sq_ass_item: Some(list_ass_item),
    sq_contains: Some(list_contains),
    sq_inplace_concat: Some(list_inplace_concat),
    sq_inplace_repeat: Some(list_inplace_repeat),
    ..PySequenceMethods::EMPTY
};

static LIST_AS_MAPPING: PyMappingMethods = PyMappingMethods {
    mp_length: Some(list_length),
    mp_subscript: Some(list_subscript),
    mp_ass_subscript: Some(list_ass_subscript),
};

pub unsafe fn init_type() {
    let t = &raw mut PyList_Type;
    crate::objects::typeobject::init_builtin(t, c"list", core::mem::size_of::<ListObject>(), 0);
    (*t).tp_flags |=
        Py_TPFLAGS_BASETYPE | Py_TPFLAGS_LIST_SUBCLASS | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_SEQUENCE;
    (*t).tp_dealloc = Some(list_dealloc);
    (*t).tp_traverse = Some(list_traverse);
    (*t).tp_clear = Some(list_tp_clear);
    (*t).tp_repr = Some(list_repr);
    (*t).tp_richcompare = Some(list_richcompare);
    (*t).tp_hash = Some(crate::objects::baseobject::hash_not_implemented);
    (*t).tp_as_sequence = &raw const LIST_AS_SEQUENCE as *mut _;
    (*t).tp_as_mapping = &raw const LIST_AS_MAPPING as *mut _;
    (*t).tp_iter = Some(list_iter);
    (*t).tp_new = Some(list_new);
    (*t).tp_init = Some(list_init);
    (*t).tp_methods = (&raw mut LIST_METHODS).cast();
    (*t).tp_doc = c"Built-in mutable sequence.\n\nIf no argument is given, the constructor creates a new empty list.\nThe argument must be an iterable if specified.".as_ptr();
    init_iter_types();
}
