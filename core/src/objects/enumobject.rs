//! `enumerate`, `reversed`, and the builtin iterator types `zip`, `map` and
//! `filter` (all callable as types, as from C with `PyObject_Call`).

use core::ffi::{c_int, c_void};
use core::ptr::null_mut;

use num_bigint::BigInt;

use crate::alloc;
use crate::defs::*;
use crate::exported::*;
use crate::lock::RawLock;
use crate::object::*;
use crate::objects::sequtil::*;
use crate::objects::{dict, long, tuple, unicode};
use crate::protocols;
use crate::typeobj::*;

/// Every one of these objects: a lock, a few object references, a counter.
#[repr(C)]
pub struct IterObject {
    pub ob_base: PyObject,
    pub lock: RawLock,
    /// enumerate: the iterator; reversed: the sequence (NULL when done);
    /// map/filter: the function; zip: unused.
    pub a: *mut PyObject,
    /// map/zip: tuple of iterators; filter: the iterator.
    pub b: *mut PyObject,
    /// enumerate: the count; reversed: the next index.
    pub count: BigInt,
    pub strict: bool,
}

unsafe fn new_obj(
    t: *mut PyTypeObject,
    a: *mut PyObject,
    b: *mut PyObject,
    count: BigInt,
    strict: bool,
) -> *mut PyObject {
    let op = if t == &raw mut PyEnum_Type
        || t == &raw mut PyReversed_Type
        || t == &raw mut PyZip_Type
        || t == &raw mut PyMap_Type
        || t == &raw mut PyFilter_Type
    {
        alloc::new_object(
            t,
            IterObject {
                ob_base: PyObject {
                    ob_refcnt: 1,
                    ob_type: null_mut(),
                },
                lock: RawLock::new(),
                a,
                b,
                count,
                strict,
            },
        ) as *mut PyObject
    } else {
        let f = (*t).tp_alloc.unwrap_or(alloc::generic_alloc_slot);
        let op = f(t, 0);
        if !op.is_null() {
            let p = op as *mut IterObject;
            core::ptr::write(&raw mut (*p).lock, RawLock::new());
            (*p).a = a;
            (*p).b = b;
            core::ptr::write(&raw mut (*p).count, count);
            (*p).strict = strict;
        }
        return op;
    };
    if op.is_null() {
        Py_XDECREF(a);
        Py_XDECREF(b);
        return op;
    }
    crate::gc::track(op);
    op
}

#[inline]
unsafe fn io<'a>(o: *mut PyObject) -> &'a mut IterObject {
    &mut *(o as *mut IterObject)
}

unsafe extern "C" fn it_dealloc(o: *mut PyObject) {
    crate::gc::untrack(o);
    let x = io(o);
    Py_XDECREF(x.a);
    Py_XDECREF(x.b);
    core::ptr::drop_in_place(&raw mut x.count);
    alloc::free_via_type(o);
}

unsafe extern "C" fn it_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let x = io(o);
    for p in [x.a, x.b] {
        if !p.is_null() {
            let r = visit(p, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

/// Keyword arguments as (name, value) pairs (borrowed from the dict's snapshot).
unsafe fn kwlist(kw: *mut PyObject) -> Vec<(String, Owned)> {
    if kw.is_null() {
        return Vec::new();
    }
    dict::snapshot(kw)
        .into_iter()
        .map(|(k, v)| {
            let name = unicode::to_string_lossy(k);
            Py_DECREF(k);
            (name, Owned(v))
        })
        .collect()
}

// ---- enumerate -------------------------------------------------------------------------

unsafe extern "C" fn enum_new(
    t: *mut PyTypeObject,
    args: *mut PyObject,
    kw: *mut PyObject,
) -> *mut PyObject {
    let a = args_slice(args);
    let mut iterable = a.first().copied().unwrap_or(null_mut());
    let mut start = a.get(1).copied().unwrap_or(null_mut());
    if a.len() > 2 {
        return crate::raise_null!(
            PyExc_TypeError,
            "enumerate() takes at most 2 arguments ({} given)",
            a.len() + nkw(kw) as usize
        );
    }
    let kws = kwlist(kw);
    for (name, v) in &kws {
        match name.as_str() {
            "iterable" if iterable.is_null() => iterable = v.as_ptr(),
            "start" if start.is_null() => start = v.as_ptr(),
            "iterable" | "start" => {
                return crate::raise_null!(
                    PyExc_TypeError,
                    "argument for enumerate() given by name ('{}') and position ({})",
                    name,
                    if name == "iterable" { 1 } else { 2 }
                )
            }
            _ => {
                return crate::raise_null!(
                    PyExc_TypeError,
                    "'{}' is an invalid keyword argument for enumerate()",
                    name
                )
            }
        }
    }
    if iterable.is_null() {
        return crate::raise_null!(
            PyExc_TypeError,
            "enumerate() missing required argument 'iterable'"
        );
    }
    let count = if start.is_null() {
        BigInt::from(0)
    } else {
        let i = protocols::number::index(start);
        if i.is_null() {
            return null_mut();
        }
        let b = long::to_bigint(i);
        Py_DECREF(i);
        b
    };
    let it = protocols::iter::get_iter(iterable);
    if it.is_null() {
        return null_mut();
    }
    new_obj(t, it, null_mut(), count, false)
}

unsafe extern "C" fn enum_next(o: *mut PyObject) -> *mut PyObject {
    let x = io(o);
    let item = protocols::iter::next(x.a);
    if item.is_null() {
        return null_mut();
    }
    x.lock.lock();
    let n = x.count.clone();
    x.count += 1;
    x.lock.unlock();
    let idx = long::from_bigint(n);
    if idx.is_null() {
        Py_DECREF(item);
        return null_mut();
    }
    let t = tuple::pack(&[idx, item]);
    Py_DECREF(idx);
    Py_DECREF(item);
    t
}

// ---- reversed ----------------------------------------------------------------------------

unsafe extern "C" fn reversed_new(
    t: *mut PyTypeObject,
    args: *mut PyObject,
    kw: *mut PyObject,
) -> *mut PyObject {
    if t == &raw mut PyReversed_Type && no_keywords("reversed", kw).is_err() {
        return null_mut();
    }
    let a = args_slice(args);
    if check_positional("reversed", a.len(), 1, 1).is_err() {
        return null_mut();
    }
    let seq = a[0];
    let m = crate::objects::typeobject::lookup_str(Py_TYPE(seq), "__reversed__");
    if m == none() {
        return crate::raise_null!(PyExc_TypeError, "'{}' object is not reversible", tname(seq));
    }
    if !m.is_null() {
        return protocols::call::call_method(seq, "__reversed__", &[]).unwrap_or(null_mut());
    }
    let sq = (*Py_TYPE(seq)).tp_as_sequence;
    if !protocols::sequence::check(seq) || sq.is_null() || (*sq).sq_length.is_none() {
        return crate::raise_null!(PyExc_TypeError, "'{}' object is not reversible", tname(seq));
    }
    let n = protocols::sequence::size(seq);
    if n < 0 {
        return null_mut();
    }
    new_obj(t, new_ref(seq), null_mut(), BigInt::from(n - 1), false)
}

unsafe extern "C" fn reversed_next(o: *mut PyObject) -> *mut PyObject {
    let x = io(o);
    x.lock.lock();
    let seq = x.a;
    let i = x.count.clone();
    if seq.is_null() || i < BigInt::from(0) {
        let s = x.a;
        x.a = null_mut();
        x.lock.unlock();
        Py_XDECREF(s);
        return null_mut();
    }
    Py_INCREF(seq);
    x.count -= 1;
    x.lock.unlock();
    let idx: i64 = i.try_into().unwrap_or(i64::MAX);
    let r = protocols::sequence::get_item(seq, idx as Py_ssize_t);
    Py_DECREF(seq);
    if r.is_null() {
        let ie = crate::objects::exceptions::exc(&raw mut PyExc_IndexError);
        let si = crate::objects::exceptions::exc(&raw mut PyExc_StopIteration);
        if crate::errors::exception_matches(ie) || crate::errors::exception_matches(si) {
            crate::errors::clear();
        }
        x.lock.lock();
        let s = x.a;
        x.a = null_mut();
        x.lock.unlock();
        Py_XDECREF(s);
    }
    r
}

// ---- zip and map ---------------------------------------------------------------------------

unsafe fn iter_tuple(items: &[*mut PyObject]) -> *mut PyObject {
    let mut v = Vec::with_capacity(items.len());
    for &x in items {
        let it = protocols::iter::get_iter(x);
        if it.is_null() {
            for i in v {
                Py_DECREF(i);
            }
            return null_mut();
        }
        v.push(it);
    }
    tuple::from_vec_steal(v)
}

unsafe fn strict_kw(name: &str, kw: *mut PyObject) -> PyResult<bool> {
    let mut strict = false;
    for (k, v) in kwlist(kw) {
        if k == "strict" {
            let r = protocols::object::is_true(v.as_ptr());
            if r < 0 {
                return Err(());
            }
            strict = r == 1;
        } else {
            return crate::raise!(
                PyExc_TypeError,
                "{}() got an unexpected keyword argument '{}'",
                name,
                k
            );
        }
    }
    Ok(strict)
}

unsafe extern "C" fn zip_new(
    t: *mut PyTypeObject,
    args: *mut PyObject,
    kw: *mut PyObject,
) -> *mut PyObject {
    let Ok(strict) = strict_kw("zip", kw) else {
        return null_mut();
    };
    let its = iter_tuple(args_slice(args));
    if its.is_null() {
        return its;
    }
    new_obj(t, null_mut(), its, BigInt::from(0), strict)
}

/// One item from each iterator; None at the end (with the strict checks).
unsafe fn next_all(name: &str, its: *mut PyObject, strict: bool) -> Option<Vec<*mut PyObject>> {
    let its = tuple::as_slice(its);
    let mut out = Vec::with_capacity(its.len());
    for (i, &it) in its.iter().enumerate() {
        let x = protocols::iter::next(it);
        if x.is_null() {
            for v in out {
                Py_DECREF(v);
            }
            if strict && crate::errors::raised().is_null() {
                if i > 0 {
                    let plural = if i == 1 { " " } else { "s 1-" };
                    let _: PyResult<()> = crate::raise!(
                        PyExc_ValueError,
                        "{}() argument {} is shorter than argument{}{}",
                        name,
                        i + 1,
                        plural,
                        i
                    );
                    return None;
                }
                for (j, &other) in its.iter().enumerate().skip(1) {
                    let y = protocols::iter::next(other);
                    if !y.is_null() {
                        Py_DECREF(y);
                        let plural = if j == 1 { " " } else { "s 1-" };
                        let _: PyResult<()> = crate::raise!(
                            PyExc_ValueError,
                            "{}() argument {} is longer than argument{}{}",
                            name,
                            j + 1,
                            plural,
                            j
                        );
                        return None;
                    }
                    if !crate::errors::raised().is_null() {
                        return None;
                    }
                }
            }
            return None;
        }
        out.push(x);
    }
    Some(out)
}

unsafe extern "C" fn zip_next(o: *mut PyObject) -> *mut PyObject {
    let x = io(o);
    if Py_SIZE(x.b) == 0 {
        return null_mut();
    }
    match next_all("zip", x.b, x.strict) {
        Some(v) => tuple::from_vec_steal(v),
        None => null_mut(),
    }
}

unsafe extern "C" fn map_new(
    t: *mut PyTypeObject,
    args: *mut PyObject,
    kw: *mut PyObject,
) -> *mut PyObject {
    let Ok(strict) = strict_kw("map", kw) else {
        return null_mut();
    };
    let a = args_slice(args);
    if a.len() < 2 {
        return crate::raise_null!(PyExc_TypeError, "map() must have at least two arguments.");
    }
    let its = iter_tuple(&a[1..]);
    if its.is_null() {
        return its;
    }
    new_obj(t, new_ref(a[0]), its, BigInt::from(0), strict)
}

unsafe extern "C" fn map_next(o: *mut PyObject) -> *mut PyObject {
    let x = io(o);
    match next_all("map", x.b, x.strict) {
        Some(v) => {
            let r = protocols::call::call_function(x.a, &v);
            for i in v {
                Py_DECREF(i);
            }
            r
        }
        None => null_mut(),
    }
}

// ---- filter ------------------------------------------------------------------------------------

unsafe extern "C" fn filter_new(
    t: *mut PyTypeObject,
    args: *mut PyObject,
    kw: *mut PyObject,
) -> *mut PyObject {
    if t == &raw mut PyFilter_Type && no_keywords("filter", kw).is_err() {
        return null_mut();
    }
    let a = args_slice(args);
    if check_positional("filter", a.len(), 2, 2).is_err() {
        return null_mut();
    }
    let it = protocols::iter::get_iter(a[1]);
    if it.is_null() {
        return null_mut();
    }
    new_obj(t, new_ref(a[0]), it, BigInt::from(0), false)
}

unsafe extern "C" fn filter_next(o: *mut PyObject) -> *mut PyObject {
    let x = io(o);
    let plain = x.a == none() || x.a == (&raw mut PyBool_Type) as *mut PyObject;
    loop {
        let item = protocols::iter::next(x.b);
        if item.is_null() {
            return null_mut();
        }
        let ok = if plain {
            protocols::object::is_true(item)
        } else {
            let r = protocols::call::call_function(x.a, &[item]);
            if r.is_null() {
                Py_DECREF(item);
                return null_mut();
            }
            let b = protocols::object::is_true(r);
            Py_DECREF(r);
            b
        };
        if ok > 0 {
            return item;
        }
        Py_DECREF(item);
        if ok < 0 {
            return null_mut();
        }
    }
}

unsafe extern "C" fn reversed_len(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    let x = io(o);
    x.lock.lock();
    let n = if x.a.is_null() || x.count < BigInt::from(0) {
        BigInt::from(0)
    } else {
        &x.count + 1
    };
    x.lock.unlock();
    long::from_bigint(n)
}

static mut REVERSED_METHODS: [PyMethodDef; 2] = [
    crate::meth!(c"__length_hint__", reversed_len, METH_NOARGS),
    SENTINEL,
];

pub unsafe fn init_types() {
    use crate::objects::typeobject::init_builtin;
    let table: [(*mut PyTypeObject, &'static core::ffi::CStr, newfunc, iternextfunc, &'static core::ffi::CStr); 5] = [
        (&raw mut PyEnum_Type, c"enumerate", enum_new, enum_next, c"Return an enumerate object."),
        (&raw mut PyReversed_Type, c"reversed", reversed_new, reversed_next, c"Return a reverse iterator over the values of the given sequence."),
        (&raw mut PyZip_Type, c"zip", zip_new, zip_next, c"The zip object yields n-length tuples, where n is the number of iterables\npassed as positional arguments to zip()."),
        (&raw mut PyMap_Type, c"map", map_new, map_next, c"Make an iterator that computes the function using arguments from\neach of the iterables.  Stops when the shortest iterable is exhausted."),
        (&raw mut PyFilter_Type, c"filter", filter_new, filter_next, c"Return an iterator yielding those items of iterable for which function(item)\nis true. If function is None, return the items that are true."),
    ];
    for (t, name, new, next, doc) in table {
        init_builtin(t, name, core::mem::size_of::<IterObject>(), 0);
        (*t).tp_flags |= Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC;
        (*t).tp_new = Some(new);
        (*t).tp_iter = Some(crate::objects::iterobject::self_iter);
        (*t).tp_iternext = Some(next);
        (*t).tp_dealloc = Some(it_dealloc);
        (*t).tp_traverse = Some(it_traverse);
        (*t).tp_doc = doc.as_ptr();
    }
    PyReversed_Type.tp_methods = (&raw mut REVERSED_METHODS).cast();
}
