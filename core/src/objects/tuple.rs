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
    sq_concat: Some(tuple_concat),
    sq_repeat: Some(tuple_repeat),
    sq_item: Some(tuple_item),
    sq_contains: Some(tuple_contains),
    ..PySequenceMethods::EMPTY
};

static TUPLE_AS_MAPPING: PyMappingMethods = PyMappingMethods {
    mp_length: Some(tuple_length),
    mp_subscript: Some(tuple_subscript),
    mp_ass_subscript: None,
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
    (*t).tp_as_mapping = &raw const TUPLE_AS_MAPPING as *mut _;
    (*t).tp_iter = Some(tuple_iter);
    (*t).tp_new = Some(tuple_new);
    (*t).tp_methods = (&raw mut TUPLE_METHODS).cast();
    (*t).tp_doc = c"Built-in immutable sequence.\n\nIf no argument is given, the constructor returns an empty tuple.\nIf iterable is specified the tuple is initialized from iterable's items.\n\nIf the argument is a tuple, the return value is the same object.".as_ptr();
    init_iter_type();
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

// ---- slicing, concatenation, repetition, methods, constructor, iterator --------

/// `PyTuple_GetSlice` semantics: indices clipped to the tuple.
pub unsafe fn get_slice(o: *mut PyObject, mut lo: Py_ssize_t, mut hi: Py_ssize_t) -> *mut PyObject {
    let n = Py_SIZE(o);
    if lo < 0 {
        lo = 0;
    }
    if hi > n {
        hi = n;
    }
    if hi < lo {
        hi = lo;
    }
    if lo == 0 && hi == n && is_tuple_exact(o) {
        return new_ref(o);
    }
    from_slice(&as_slice(o)[lo as usize..hi as usize])
}

pub unsafe extern "C" fn tuple_concat(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    if !is_tuple(b) {
        return crate::raise_null!(
            PyExc_TypeError,
            "can only concatenate tuple (not \"{}\") to tuple",
            crate::objects::typeobject::type_name(Py_TYPE(b))
        );
    }
    if Py_SIZE(b) == 0 && is_tuple_exact(a) {
        return new_ref(a);
    }
    if Py_SIZE(a) == 0 && is_tuple_exact(b) {
        return new_ref(b);
    }
    let mut v: Vec<*mut PyObject> = Vec::with_capacity((Py_SIZE(a) + Py_SIZE(b)) as usize);
    v.extend_from_slice(as_slice(a));
    v.extend_from_slice(as_slice(b));
    from_slice(&v)
}

pub unsafe extern "C" fn tuple_repeat(a: *mut PyObject, n: Py_ssize_t) -> *mut PyObject {
    let len = Py_SIZE(a);
    if (len == 0 || n == 1) && is_tuple_exact(a) {
        return new_ref(a);
    }
    if len == 0 || n <= 0 {
        return new(0);
    }
    let Some(total) = len.checked_mul(n) else {
        crate::errors::no_memory();
        return null_mut();
    };
    if total as usize > (isize::MAX as usize) / core::mem::size_of::<*mut PyObject>() {
        crate::errors::no_memory();
        return null_mut();
    }
    let t = new(total);
    if t.is_null() {
        return t;
    }
    let src = as_slice(a);
    let dst = items(t);
    for k in 0..total as usize {
        let x = src[k % len as usize];
        Py_INCREF(x);
        *dst.add(k) = x;
    }
    t
}

pub unsafe extern "C" fn tuple_subscript(o: *mut PyObject, key: *mut PyObject) -> *mut PyObject {
    use crate::objects::slice;
    if crate::objects::sequtil::is_index(key) {
        let Ok(mut i) = crate::protocols::number::as_ssize_t(key, &raw mut PyExc_IndexError) else {
            return null_mut();
        };
        if i < 0 {
            i += Py_SIZE(o);
        }
        return tuple_item(o, i);
    }
    if slice::is_slice(key) {
        let Ok((start, _stop, step, n)) = slice::indices_for(key, Py_SIZE(o)) else {
            return null_mut();
        };
        if n <= 0 {
            return new(0);
        }
        if start == 0 && step == 1 && n == Py_SIZE(o) && is_tuple_exact(o) {
            return new_ref(o);
        }
        let src = as_slice(o);
        let v: Vec<*mut PyObject> = (0..n).map(|k| src[(start + k * step) as usize]).collect();
        return from_slice(&v);
    }
    crate::raise_null!(
        PyExc_TypeError,
        "tuple indices must be integers or slices, not {}",
        crate::objects::typeobject::type_name(Py_TYPE(key))
    )
}

unsafe extern "C" fn tuple_count(o: *mut PyObject, v: *mut PyObject) -> *mut PyObject {
    let mut n = 0i64;
    for &x in as_slice(o) {
        let r = protocols::object::rich_compare_bool(x, v, 2);
        if r < 0 {
            return null_mut();
        }
        n += r as i64;
    }
    crate::objects::long::from_i64(n)
}

unsafe extern "C" fn tuple_index(
    o: *mut PyObject,
    args: *const *mut PyObject,
    nargs: Py_ssize_t,
) -> *mut PyObject {
    let a = core::slice::from_raw_parts(args, nargs.max(0) as usize);
    if crate::objects::sequtil::check_positional("index", a.len(), 1, 3).is_err() {
        return null_mut();
    }
    let Ok((start, stop)) = crate::objects::sequtil::index_bounds(a, Py_SIZE(o)) else {
        return null_mut();
    };
    let mut i = start;
    while i < stop && i < Py_SIZE(o) {
        let r = protocols::object::rich_compare_bool(get_item(o, i), a[0], 2);
        if r < 0 {
            return null_mut();
        }
        if r > 0 {
            return crate::objects::long::from_i64(i as i64);
        }
        i += 1;
    }
    crate::raise_null!(PyExc_ValueError, "tuple.index(x): x not in tuple")
}

unsafe extern "C" fn tuple_getnewargs(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    let t = from_slice(as_slice(o));
    if t.is_null() {
        return t;
    }
    let r = pack(&[t]);
    Py_DECREF(t);
    r
}

static mut TUPLE_METHODS: [crate::defs::PyMethodDef; 4] = [
    crate::meth!(c"count", tuple_count, crate::defs::METH_O),
    crate::meth!(c"index", tuple_index, crate::defs::METH_FASTCALL),
    crate::meth!(
        c"__getnewargs__",
        tuple_getnewargs,
        crate::defs::METH_NOARGS
    ),
    crate::objects::sequtil::SENTINEL,
];

/// `tuple(iterable=())`, also for subclasses.
pub unsafe extern "C" fn tuple_new(
    t: *mut PyTypeObject,
    args: *mut PyObject,
    kw: *mut PyObject,
) -> *mut PyObject {
    use crate::objects::sequtil::*;
    if t == &raw mut PyTuple_Type && no_keywords("tuple", kw).is_err() {
        return null_mut();
    }
    let a = args_slice(args);
    if check_positional("tuple", a.len(), 0, 1).is_err() {
        return null_mut();
    }
    let base = if a.is_empty() {
        new_ref(empty())
    } else {
        sequence_to_tuple(a[0])
    };
    if base.is_null() || t == &raw mut PyTuple_Type {
        return base;
    }
    // A subclass: copy into an instance of `t`.
    let n = Py_SIZE(base);
    let alloc = (*t).tp_alloc.unwrap_or(alloc::generic_alloc_slot);
    let op = alloc(t, n);
    if op.is_null() {
        Py_DECREF(base);
        return op;
    }
    for (i, &x) in as_slice(base).iter().enumerate() {
        Py_INCREF(x);
        *items(op).add(i) = x;
    }
    Py_DECREF(base);
    op
}

/// The tuple iterator (`PyTupleIter_Type`).
#[repr(C)]
pub struct TupleIterObject {
    pub ob_base: PyObject,
    pub index: core::sync::atomic::AtomicIsize,
    /// NULL once exhausted.
    pub seq: core::sync::atomic::AtomicPtr<PyObject>,
}

pub unsafe extern "C" fn tuple_iter(o: *mut PyObject) -> *mut PyObject {
    let op = alloc::new_object(
        &raw mut PyTupleIter_Type,
        TupleIterObject {
            ob_base: PyObject {
                ob_refcnt: 1,
                ob_type: null_mut(),
            },
            index: core::sync::atomic::AtomicIsize::new(0),
            seq: core::sync::atomic::AtomicPtr::new(o),
        },
    );
    if op.is_null() {
        return null_mut();
    }
    Py_INCREF(o);
    crate::gc::track(op as *mut PyObject);
    op as *mut PyObject
}

unsafe extern "C" fn tupleiter_next(o: *mut PyObject) -> *mut PyObject {
    use core::sync::atomic::Ordering;
    let it = &*(o as *mut TupleIterObject);
    let seq = it.seq.load(Ordering::Acquire);
    if seq.is_null() {
        return null_mut();
    }
    let i = it.index.fetch_add(1, Ordering::AcqRel);
    if i >= 0 && i < Py_SIZE(seq) {
        return new_ref(get_item(seq, i));
    }
    let old = it.seq.swap(null_mut(), Ordering::AcqRel);
    Py_XDECREF(old);
    null_mut()
}

unsafe extern "C" fn tupleiter_dealloc(o: *mut PyObject) {
    crate::gc::untrack(o);
    let it = &*(o as *mut TupleIterObject);
    Py_XDECREF(it.seq.load(core::sync::atomic::Ordering::Acquire));
    alloc::free_via_type(o);
}

unsafe extern "C" fn tupleiter_traverse(
    o: *mut PyObject,
    visit: visitproc,
    arg: *mut c_void,
) -> c_int {
    let s = (*(o as *mut TupleIterObject))
        .seq
        .load(core::sync::atomic::Ordering::Acquire);
    if s.is_null() {
        0
    } else {
        visit(s, arg)
    }
}

unsafe extern "C" fn tupleiter_len(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    use core::sync::atomic::Ordering;
    let it = &*(o as *mut TupleIterObject);
    let seq = it.seq.load(Ordering::Acquire);
    let n = if seq.is_null() {
        0
    } else {
        (Py_SIZE(seq) - it.index.load(Ordering::Acquire)).max(0)
    };
    crate::objects::long::from_i64(n as i64)
}

static mut TUPLEITER_METHODS: [crate::defs::PyMethodDef; 2] = [
    crate::meth!(c"__length_hint__", tupleiter_len, crate::defs::METH_NOARGS),
    crate::objects::sequtil::SENTINEL,
];

unsafe fn init_iter_type() {
    let t = &raw mut PyTupleIter_Type;
    crate::objects::typeobject::init_builtin(
        t,
        c"tuple_iterator",
        core::mem::size_of::<TupleIterObject>(),
        0,
    );
    (*t).tp_flags |= Py_TPFLAGS_HAVE_GC;
    (*t).tp_iter = Some(crate::objects::iterobject::self_iter);
    (*t).tp_iternext = Some(tupleiter_next);
    (*t).tp_dealloc = Some(tupleiter_dealloc);
    (*t).tp_traverse = Some(tupleiter_traverse);
    (*t).tp_methods = (&raw mut TUPLEITER_METHODS).cast();
}
