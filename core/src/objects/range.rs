//! `range` (arbitrary-size ints) and its iterators (`PyRangeIter_Type` for ranges
//! that fit in a C long, `PyLongRangeIter_Type` for the others).

use core::ffi::c_int;
use core::ptr::null_mut;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::alloc;
use crate::defs::*;
use crate::exported::*;
use crate::lock::RawLock;
use crate::object::*;
use crate::objects::sequtil::*;
use crate::objects::{long, slice, tuple, unicode};
use crate::protocols;
use crate::typeobj::*;

#[repr(C)]
pub struct RangeObject {
    pub ob_base: PyObject,
    pub start: *mut PyObject,
    pub stop: *mut PyObject,
    pub step: *mut PyObject,
    pub length: *mut PyObject,
}

#[inline]
unsafe fn r<'a>(o: *mut PyObject) -> &'a RangeObject {
    &*(o as *mut RangeObject)
}

#[inline]
pub unsafe fn is_range(o: *mut PyObject) -> bool {
    Py_TYPE(o) == &raw mut PyRange_Type
}

fn compute_len(lo: &BigInt, hi: &BigInt, step: &BigInt) -> BigInt {
    if step.is_positive() {
        if lo < hi {
            return (hi - lo - 1u32) / step + 1u32;
        }
    } else if lo > hi {
        return (lo - hi - 1u32) / (-step) + 1u32;
    }
    BigInt::zero()
}

unsafe fn big(o: *mut PyObject) -> BigInt {
    long::to_bigint(o)
}

/// A range from BigInts.
unsafe fn make(start: BigInt, stop: BigInt, step: BigInt) -> *mut PyObject {
    let len = compute_len(&start, &stop, &step);
    let parts = [
        long::from_bigint(start),
        long::from_bigint(stop),
        long::from_bigint(step),
        long::from_bigint(len),
    ];
    if parts.iter().any(|p| p.is_null()) {
        for p in parts {
            Py_XDECREF(p);
        }
        return null_mut();
    }
    let op = alloc::new_object(
        &raw mut PyRange_Type,
        RangeObject {
            ob_base: PyObject {
                ob_refcnt: 1,
                ob_type: null_mut(),
            },
            start: parts[0],
            stop: parts[1],
            step: parts[2],
            length: parts[3],
        },
    );
    if op.is_null() {
        for p in parts {
            Py_DECREF(p);
        }
        return null_mut();
    }
    op as *mut PyObject
}

unsafe fn index_big(o: *mut PyObject) -> PyResult<BigInt> {
    let i = Owned::from_new(protocols::number::index(o)).ok_or(())?;
    Ok(big(i.as_ptr()))
}

unsafe extern "C" fn range_new(
    _t: *mut PyTypeObject,
    args: *mut PyObject,
    kw: *mut PyObject,
) -> *mut PyObject {
    let res = (|| -> PyResult<*mut PyObject> {
        no_keywords("range", kw)?;
        let a = args_slice(args);
        check_positional("range", a.len(), 1, 3)?;
        let (start, stop, step) = match a.len() {
            1 => (BigInt::zero(), index_big(a[0])?, BigInt::one()),
            2 => (index_big(a[0])?, index_big(a[1])?, BigInt::one()),
            _ => {
                let s = index_big(a[0])?;
                let e = index_big(a[1])?;
                let st = index_big(a[2])?;
                if st.is_zero() {
                    return crate::raise!(PyExc_ValueError, "range() arg 3 must not be zero");
                }
                (s, e, st)
            }
        };
        nonnull(make(start, stop, step))
    })();
    res.unwrap_or(null_mut())
}

unsafe extern "C" fn range_dealloc(o: *mut PyObject) {
    let x = r(o);
    Py_XDECREF(x.start);
    Py_XDECREF(x.stop);
    Py_XDECREF(x.step);
    Py_XDECREF(x.length);
    alloc::free_via_type(o);
}

unsafe extern "C" fn range_len(o: *mut PyObject) -> Py_ssize_t {
    match long::to_i64(r(o).length) {
        Some(n) => n as Py_ssize_t,
        None => {
            let _: PyResult<()> = crate::raise!(
                PyExc_OverflowError,
                "Python int too large to convert to C ssize_t"
            );
            -1
        }
    }
}

unsafe fn item_big(o: *mut PyObject, i: &BigInt) -> *mut PyObject {
    let x = r(o);
    long::from_bigint(big(x.start) + i * big(x.step))
}

unsafe extern "C" fn range_item(o: *mut PyObject, i: Py_ssize_t) -> *mut PyObject {
    let n = big(r(o).length);
    let i = BigInt::from(i);
    if i.is_negative() || i >= n {
        return crate::raise_null!(PyExc_IndexError, "range object index out of range");
    }
    item_big(o, &i)
}

unsafe extern "C" fn range_subscript(o: *mut PyObject, key: *mut PyObject) -> *mut PyObject {
    let x = r(o);
    if slice::is_slice(key) {
        let t = crate::objects::slice::indices_big(key, x.length);
        let Ok((a, b, c)) = t else {
            return null_mut();
        };
        let (s0, st) = (big(x.start), big(x.step));
        return make(&s0 + &a * &st, &s0 + &b * &st, st * c);
    }
    if is_index(key) {
        let Ok(mut i) = index_big(key) else {
            return null_mut();
        };
        let n = big(x.length);
        if i.is_negative() {
            i += &n;
        }
        if i.is_negative() || i >= n {
            return crate::raise_null!(PyExc_IndexError, "range object index out of range");
        }
        return item_big(o, &i);
    }
    crate::raise_null!(
        PyExc_TypeError,
        "range indices must be integers or slices, not {}",
        tname(key)
    )
}

/// Position of the int `v` in the range, if present.
unsafe fn int_position(o: *mut PyObject, v: &BigInt) -> Option<BigInt> {
    let x = r(o);
    let (s, st, n) = (big(x.start), big(x.step), big(x.length));
    let d = v - &s;
    let (q, rem) = d.div_mod_floor(&st);
    if !rem.is_zero() || q.is_negative() || q >= n {
        return None;
    }
    Some(q)
}

unsafe extern "C" fn range_contains(o: *mut PyObject, v: *mut PyObject) -> c_int {
    if long::is_long_exact(v) || Py_TYPE(v) == &raw mut PyBool_Type {
        return int_position(o, &big(v)).is_some() as c_int;
    }
    protocols::sequence::iter_search(o, v, protocols::sequence::Search::Contains) as c_int
}

unsafe extern "C" fn m_index(o: *mut PyObject, v: *mut PyObject) -> *mut PyObject {
    if long::is_long_exact(v) || Py_TYPE(v) == &raw mut PyBool_Type {
        return match int_position(o, &big(v)) {
            Some(q) => long::from_bigint(q),
            None => crate::raise_null!(PyExc_ValueError, "range.index(x): x not in range"),
        };
    }
    let i = protocols::sequence::iter_search(o, v, protocols::sequence::Search::Index);
    if i < 0 {
        if crate::errors::exception_matches(crate::objects::exceptions::exc(
            &raw mut PyExc_ValueError,
        )) {
            crate::errors::clear();
            return crate::raise_null!(PyExc_ValueError, "range.index(x): x not in range");
        }
        return null_mut();
    }
    long::from_i64(i as i64)
}

unsafe extern "C" fn m_count(o: *mut PyObject, v: *mut PyObject) -> *mut PyObject {
    if long::is_long_exact(v) || Py_TYPE(v) == &raw mut PyBool_Type {
        return long::from_i64(int_position(o, &big(v)).is_some() as i64);
    }
    let n = protocols::sequence::iter_search(o, v, protocols::sequence::Search::Count);
    if n < 0 {
        return null_mut();
    }
    long::from_i64(n as i64)
}

unsafe extern "C" fn range_repr(o: *mut PyObject) -> *mut PyObject {
    let x = r(o);
    let s = if big(x.step).is_one() {
        format!(
            "range({}, {})",
            long::to_decimal_string(x.start),
            long::to_decimal_string(x.stop)
        )
    } else {
        format!(
            "range({}, {}, {})",
            long::to_decimal_string(x.start),
            long::to_decimal_string(x.stop),
            long::to_decimal_string(x.step)
        )
    };
    unicode::from_str(&s)
}

unsafe extern "C" fn range_bool(o: *mut PyObject) -> c_int {
    !big(r(o).length).is_zero() as c_int
}

unsafe fn range_eq(a: *mut PyObject, b: *mut PyObject) -> bool {
    if a == b {
        return true;
    }
    let (x, y) = (r(a), r(b));
    let n = big(x.length);
    if n != big(y.length) {
        return false;
    }
    if n.is_zero() {
        return true;
    }
    if big(x.start) != big(y.start) {
        return false;
    }
    n.is_one() || big(x.step) == big(y.step)
}

unsafe extern "C" fn range_richcompare(
    a: *mut PyObject,
    b: *mut PyObject,
    op: c_int,
) -> *mut PyObject {
    if !is_range(b) || (op != 2 && op != 3) {
        return new_ref(not_implemented());
    }
    let e = range_eq(a, b);
    new_ref(bool_ref(if op == 2 { e } else { !e }))
}

unsafe extern "C" fn range_hash(o: *mut PyObject) -> Py_hash_t {
    let x = r(o);
    let n = big(x.length);
    let t = if n.is_zero() {
        tuple::pack(&[x.length, none(), none()])
    } else if n.is_one() {
        tuple::pack(&[x.length, x.start, none()])
    } else {
        tuple::pack(&[x.length, x.start, x.step])
    };
    if t.is_null() {
        return -1;
    }
    let h = protocols::object::hash(t);
    Py_DECREF(t);
    h
}

// ---- iterators ----------------------------------------------------------------------

#[repr(C)]
pub struct RangeIterObject {
    pub ob_base: PyObject,
    pub lock: RawLock,
    pub next: BigInt,
    pub step: BigInt,
    pub remaining: BigInt,
}

unsafe fn new_iter(start: BigInt, step: BigInt, len: BigInt) -> *mut PyObject {
    let small = [&start, &step, &len].iter().all(|v| v.to_i64().is_some())
        && (&start + &step * &len).to_i64().is_some();
    let t = if small {
        &raw mut PyRangeIter_Type
    } else {
        &raw mut PyLongRangeIter_Type
    };
    let op = alloc::new_object(
        t,
        RangeIterObject {
            ob_base: PyObject {
                ob_refcnt: 1,
                ob_type: null_mut(),
            },
            lock: RawLock::new(),
            next: start,
            step,
            remaining: len,
        },
    );
    op as *mut PyObject
}

unsafe extern "C" fn range_iter(o: *mut PyObject) -> *mut PyObject {
    let x = r(o);
    new_iter(big(x.start), big(x.step), big(x.length))
}

unsafe extern "C" fn range_reversed(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    let x = r(o);
    let (s, st, n) = (big(x.start), big(x.step), big(x.length));
    if n.is_zero() {
        return new_iter(s, st, n);
    }
    let last = &s + (&n - 1u32) * &st;
    new_iter(last, -st, n)
}

unsafe extern "C" fn rangeiter_next(o: *mut PyObject) -> *mut PyObject {
    let it = &mut *(o as *mut RangeIterObject);
    it.lock.lock();
    if !it.remaining.is_positive() {
        it.lock.unlock();
        return null_mut();
    }
    let v = it.next.clone();
    it.next += &it.step;
    it.remaining -= 1u32;
    it.lock.unlock();
    long::from_bigint(v)
}

unsafe extern "C" fn rangeiter_dealloc(o: *mut PyObject) {
    core::ptr::drop_in_place(o as *mut RangeIterObject);
    alloc::free_via_type(o);
}

unsafe extern "C" fn rangeiter_len(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    let it = &*(o as *mut RangeIterObject);
    it.lock.lock();
    let n = it.remaining.clone();
    it.lock.unlock();
    long::from_bigint(if n.is_negative() { BigInt::zero() } else { n })
}

static mut RANGEITER_METHODS: [PyMethodDef; 2] = [
    crate::meth!(c"__length_hint__", rangeiter_len, METH_NOARGS),
    SENTINEL,
];

static mut RANGE_METHODS: [PyMethodDef; 4] = [
    crate::meth!(c"__reversed__", range_reversed, METH_NOARGS),
    crate::meth!(c"count", m_count, METH_O),
    crate::meth!(c"index", m_index, METH_O),
    SENTINEL,
];

static mut RANGE_MEMBERS: [PyMemberDef; 4] = [
    crate::ro_member!(RangeObject, c"start", start),
    crate::ro_member!(RangeObject, c"stop", stop),
    crate::ro_member!(RangeObject, c"step", step),
    MEMBER_SENTINEL,
];

static RANGE_AS_SEQUENCE: PySequenceMethods = PySequenceMethods {
    sq_length: Some(range_len),
    sq_item: Some(range_item),
    sq_contains: Some(range_contains),
    ..PySequenceMethods::EMPTY
};

static RANGE_AS_MAPPING: PyMappingMethods = PyMappingMethods {
    mp_length: Some(range_len),
    mp_subscript: Some(range_subscript),
    mp_ass_subscript: None,
};

static RANGE_AS_NUMBER: PyNumberMethods = PyNumberMethods {
    nb_bool: Some(range_bool),
    ..PyNumberMethods::EMPTY
};

pub unsafe fn init_types() {
    use crate::objects::typeobject::init_builtin;
    let t = &raw mut PyRange_Type;
    init_builtin(t, c"range", core::mem::size_of::<RangeObject>(), 0);
    (*t).tp_flags |= Py_TPFLAGS_SEQUENCE;
    (*t).tp_new = Some(range_new);
    (*t).tp_dealloc = Some(range_dealloc);
    (*t).tp_repr = Some(range_repr);
    (*t).tp_hash = Some(range_hash);
    (*t).tp_richcompare = Some(range_richcompare);
    (*t).tp_iter = Some(range_iter);
    (*t).tp_as_sequence = &raw const RANGE_AS_SEQUENCE as *mut _;
    (*t).tp_as_mapping = &raw const RANGE_AS_MAPPING as *mut _;
    (*t).tp_as_number = &raw const RANGE_AS_NUMBER as *mut _;
    (*t).tp_methods = (&raw mut RANGE_METHODS).cast();
    (*t).tp_members = (&raw mut RANGE_MEMBERS).cast();
    (*t).tp_doc = c"range(stop) -> range object\nrange(start, stop[, step]) -> range object\n\nReturn an object that produces a sequence of integers from start (inclusive)\nto stop (exclusive) by step.  range(i, j) produces i, i+1, i+2, ..., j-1.\nstart defaults to 0, and stop is omitted!  range(4) produces 0, 1, 2, 3.\nThese are exactly the valid indices for a list of 4 elements.\nWhen step is given, it specifies the increment (or decrement).".as_ptr();
    for (t, name) in [
        (&raw mut PyRangeIter_Type, c"range_iterator"),
        (&raw mut PyLongRangeIter_Type, c"longrange_iterator"),
    ] {
        init_builtin(t, name, core::mem::size_of::<RangeIterObject>(), 0);
        (*t).tp_iter = Some(crate::objects::iterobject::self_iter);
        (*t).tp_iternext = Some(rangeiter_next);
        (*t).tp_dealloc = Some(rangeiter_dealloc);
        (*t).tp_methods = (&raw mut RANGEITER_METHODS).cast();
    }
}
