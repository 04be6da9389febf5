//! `tuple`: an immutable array of references, items stored inline after the
//! header (CPython's layout: `PyVarObject` then `ob_item[]`).

use core::ffi::{c_int, c_void};
use core::ptr::null_mut;

use crate::alloc;
use crate::exported::*;
use crate::object::*;
use crate::objects::unicode;
use crate::protocols;
use crate::typeobj::*;

#[repr(C)]
pub struct TupleObject {
    pub ob_base: PyVarObject,
    pub ob_item: [*mut PyObject; 0],
}

static mut EMPTY: *mut PyObject = null_mut();

#[inline]
pub unsafe fn is_tuple(o: *mut PyObject) -> bool {
    has_flag(Py_TYPE(o), Py_TPFLAGS_TUPLE_SUBCLASS)
}

#[inline]
pub unsafe fn is_tuple_exact(o: *mut PyObject) -> bool {
    Py_TYPE(o) == &raw mut PyTuple_Type
}

#[inline]
pub unsafe fn items(o: *mut PyObject) -> *mut *mut PyObject {
    (o as *mut u8).add(core::mem::size_of::<PyVarObject>()) as *mut *mut PyObject
}

#[inline]
pub unsafe fn as_slice<'a>(o: *mut PyObject) -> &'a [*mut PyObject] {
    core::slice::from_raw_parts(items(o), Py_SIZE(o) as usize)
}

/// Borrowed item `i` (in range).
#[inline]
pub unsafe fn get_item(o: *mut PyObject, i: Py_ssize_t) -> *mut PyObject {
    *items(o).offset(i)
}

/// Store into a fresh tuple, stealing `v` (`PyTuple_SET_ITEM`).
#[inline]
pub unsafe fn set_item_steal(o: *mut PyObject, i: Py_ssize_t, v: *mut PyObject) {
    let slot = items(o).offset(i);
    let old = *slot;
    *slot = v;
    Py_XDECREF(old);
}

/// A new tuple of `n` NULL items (to be filled before use), or the empty tuple.
pub unsafe fn new(n: Py_ssize_t) -> *mut PyObject {
    if n < 0 {
        crate::errors::bad_internal_call();
        return null_mut();
    }
    if n == 0 && !EMPTY.is_null() {
        return EMPTY;
    }
    let t = &raw mut PyTuple_Type;
    let op = alloc::new_untracked(t, n);
    if op.is_null() {
        return op;
    }
    core::ptr::write_bytes(items(op), 0, n as usize);
    crate::gc::track(op);
    op
}

/// A new tuple of new references to `v`'s items.
pub unsafe fn from_slice(v: &[*mut PyObject]) -> *mut PyObject {
    let t = new(v.len() as Py_ssize_t);
    if t.is_null() || v.is_empty() {
        return t;
    }
    for (i, &x) in v.iter().enumerate() {
        Py_INCREF(x);
        *items(t).add(i) = x;
    }
    t
}

/// A new tuple stealing the references in `v`.
pub unsafe fn from_vec_steal(v: Vec<*mut PyObject>) -> *mut PyObject {
    let t = new(v.len() as Py_ssize_t);
    if t.is_null() {
        for x in v {
            Py_DECREF(x);
        }
        return t;
    }
    for (i, x) in v.into_iter().enumerate() {
        *items(t).add(i) = x;
    }
    t
}

pub unsafe fn pack(v: &[*mut PyObject]) -> *mut PyObject {
    from_slice(v)
}

pub unsafe extern "C" fn tuple_dealloc(o: *mut PyObject) {
    crate::gc::untrack(o);
    for i in 0..Py_SIZE(o) {
        Py_XDECREF(get_item(o, i));
    }
    alloc::free_via_type(o);
}

pub unsafe extern "C" fn tuple_traverse(
    o: *mut PyObject,
    visit: visitproc,
    arg: *mut c_void,
) -> c_int {
    for i in 0..Py_SIZE(o) {
        let x = get_item(o, i);
        if !x.is_null() {
            let r = visit(x, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

pub unsafe extern "C" fn tuple_length(o: *mut PyObject) -> Py_ssize_t {
    Py_SIZE(o)
}

pub unsafe extern "C" fn tuple_item(o: *mut PyObject, i: Py_ssize_t) -> *mut PyObject {
    if i < 0 || i >= Py_SIZE(o) {
        return crate::raise_null!(PyExc_IndexError, "tuple index out of range");
    }
    new_ref(get_item(o, i))
}

pub unsafe extern "C" fn tuple_repr(o: *mut PyObject) -> *mut PyObject {
    let n = Py_SIZE(o);
    if n == 0 {
        return unicode::from_str("()");
    }
    let Some(guard) = protocols::object::ReprGuard::enter(o) else {
        return unicode::from_str("(...)");
    };
    let mut s = String::from("(");
    for i in 0..n {
        if i > 0 {
            s.push_str(", ");
        }
        let r = protocols::object::repr(get_item(o, i));
        if r.is_null() {
            drop(guard);
            return null_mut();
        }
        s.push_str(&unicode::to_string_lossy(r));
        Py_DECREF(r);
    }
    if n == 1 {
        s.push(',');
    }
    s.push(')');
    drop(guard);
    unicode::from_str(&s)
}

/// CPython's xxHash-based tuple hash (so equal tuples hash as on CPython).
pub unsafe extern "C" fn tuple_hash(o: *mut PyObject) -> Py_hash_t {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let n = Py_SIZE(o) as u64;
    let mut acc: u64 = P5;
    for i in 0..Py_SIZE(o) {
        let h = protocols::object::hash(get_item(o, i));
        if h == -1 {
            return -1;
        }
        acc = acc.wrapping_add((h as u64).wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add(n ^ (P5 ^ 3527539));
    if acc == u64::MAX {
        return 1546275796;
    }
    acc as Py_hash_t
}

pub unsafe extern "C" fn tuple_richcompare(
    v: *mut PyObject,
    w: *mut PyObject,
    op: c_int,
) -> *mut PyObject {
    if !is_tuple(w) {
        return new_ref(not_implemented());
    }
    protocols::sequence_cmp::compare_slices(as_slice(v), as_slice(w), op)
}

pub unsafe extern "C" fn tuple_contains(o: *mut PyObject, x: *mut PyObject) -> c_int {
    for &item in as_slice(o) {
        let r = protocols::object::rich_compare_bool(item, x, 2);
        if r != 0 {
            return r;
        }
    }
    0
}

static TUPLE_AS_SEQUENCE: PySequenceMethods = PySequenceMethods {
    sq_length: Some(tuple_length),
    sq_item: Some(tuple_item),
    sq_contains: Some(tuple_contains),
    ..PySequenceMethods::EMPTY
};

pub unsafe fn init_type() {
    let t = &raw mut PyTuple_Type;
    crate::objects::typeobject::init_builtin(
        t,
        c"tuple",
        core::mem::size_of::<PyVarObject>(),
        core::mem::size_of::<*mut PyObject>(),
    );
    (*t).tp_flags |=
        Py_TPFLAGS_BASETYPE | Py_TPFLAGS_TUPLE_SUBCLASS | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_SEQUENCE;
    (*t).tp_dealloc = Some(tuple_dealloc);
    (*t).tp_traverse = Some(tuple_traverse);
    (*t).tp_repr = Some(tuple_repr);
    (*t).tp_hash = Some(tuple_hash);
    (*t).tp_richcompare = Some(tuple_richcompare);
    (*t).tp_as_sequence = &raw const TUPLE_AS_SEQUENCE as *mut _;
    (*t).tp_doc = c"Built-in immutable sequence.".as_ptr();
}

pub unsafe fn init_empty() {
    let t = &raw mut PyTuple_Type;
    let op = alloc::new_untracked(t, 0);
    make_immortal(op);
    EMPTY = op;
}

/// The empty tuple (immortal).
pub fn empty() -> *mut PyObject {
    unsafe { EMPTY }
}

/// `PySequence_Tuple`: a tuple with the items of any iterable.
pub unsafe fn sequence_to_tuple(o: *mut PyObject) -> *mut PyObject {
    if is_tuple_exact(o) {
        return new_ref(o);
    }
    if crate::objects::list::is_list(o) {
        let items = crate::objects::list::snapshot(o);
        return from_vec_steal(items.into_iter().map(|x| x.into_ptr()).collect());
    }
    match protocols::iter::collect(o) {
        Ok(v) => from_vec_steal(v.into_iter().map(|x| x.into_ptr()).collect()),
        Err(()) => null_mut(),
    }
}
