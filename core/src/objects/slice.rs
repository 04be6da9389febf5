//! `slice`: `(start, stop, step)`, as CPython lays it out (`PySliceObject`).

use core::ffi::{c_int, c_void};
use core::ptr::null_mut;

use num_bigint::BigInt;
use num_traits::{Signed, Zero};

use crate::alloc;
use crate::defs::*;
use crate::exported::*;
use crate::object::*;
use crate::objects::sequtil::*;
use crate::objects::{long, tuple, unicode};
use crate::protocols;
use crate::typeobj::*;

#[repr(C)]
pub struct SliceObject {
    pub ob_base: PyObject,
    pub start: *mut PyObject,
    pub stop: *mut PyObject,
    pub step: *mut PyObject,
}

#[inline]
pub unsafe fn is_slice(o: *mut PyObject) -> bool {
    Py_TYPE(o) == &raw mut PySlice_Type
}

#[inline]
unsafe fn s<'a>(o: *mut PyObject) -> &'a mut SliceObject {
    &mut *(o as *mut SliceObject)
}

/// `PySlice_New` (NULL parts are None).
pub unsafe fn new(start: *mut PyObject, stop: *mut PyObject, step: *mut PyObject) -> *mut PyObject {
    let or_none = |p: *mut PyObject| if p.is_null() { none() } else { p };
    let (a, b, c) = (or_none(start), or_none(stop), or_none(step));
    let op = alloc::new_object(
        &raw mut PySlice_Type,
        SliceObject {
            ob_base: PyObject {
                ob_refcnt: 1,
                ob_type: null_mut(),
            },
            start: a,
            stop: b,
            step: c,
        },
    );
    if op.is_null() {
        return null_mut();
    }
    Py_INCREF(a);
    Py_INCREF(b);
    Py_INCREF(c);
    crate::gc::track(op as *mut PyObject);
    op as *mut PyObject
}

/// A slice from C indices.
pub unsafe fn from_indices(start: Py_ssize_t, stop: Py_ssize_t) -> *mut PyObject {
    let a = long::from_i64(start as i64);
    let b = long::from_i64(stop as i64);
    let r = if a.is_null() || b.is_null() {
        null_mut()
    } else {
        new(a, b, null_mut())
    };
    Py_XDECREF(a);
    Py_XDECREF(b);
    r
}

/// `PySlice_Unpack`: start/stop/step clamped to ssize_t, None filled in.
pub unsafe fn unpack(o: *mut PyObject) -> PyResult<(Py_ssize_t, Py_ssize_t, Py_ssize_t)> {
    let so = s(o);
    let mut step: Py_ssize_t = 1;
    if so.step != none() {
        slice_index(so.step, &mut step)?;
        if step == 0 {
            return crate::raise!(PyExc_ValueError, "slice step cannot be zero");
        }
        if step < -Py_ssize_t::MAX {
            step = -Py_ssize_t::MAX;
        }
    }
    let mut start = if step < 0 { Py_ssize_t::MAX } else { 0 };
    slice_index(so.start, &mut start)?;
    let mut stop = if step < 0 {
        Py_ssize_t::MIN
    } else {
        Py_ssize_t::MAX
    };
    slice_index(so.stop, &mut stop)?;
    Ok((start, stop, step))
}

/// `PySlice_AdjustIndices`: clip to a sequence of `len`, return the slice length.
pub fn adjust_indices(
    len: Py_ssize_t,
    start: &mut Py_ssize_t,
    stop: &mut Py_ssize_t,
    step: Py_ssize_t,
) -> Py_ssize_t {
    if *start < 0 {
        *start += len;
        if *start < 0 {
            *start = if step < 0 { -1 } else { 0 };
        }
    } else if *start >= len {
        *start = if step < 0 { len - 1 } else { len };
    }
    if *stop < 0 {
        *stop += len;
        if *stop < 0 {
            *stop = if step < 0 { -1 } else { 0 };
        }
    } else if *stop >= len {
        *stop = if step < 0 { len - 1 } else { len };
    }
    if step < 0 {
        if *stop < *start {
            return (*start - *stop - 1) / (-step) + 1;
        }
    } else if *start < *stop {
        return (*stop - *start - 1) / step + 1;
    }
    0
}

/// Unpack and adjust for a sequence of `len`: (start, stop, step, slicelength).
pub unsafe fn indices_for(
    o: *mut PyObject,
    len: Py_ssize_t,
) -> PyResult<(Py_ssize_t, Py_ssize_t, Py_ssize_t, Py_ssize_t)> {
    let (mut a, mut b, c) = unpack(o)?;
    let n = adjust_indices(len, &mut a, &mut b, c);
    Ok((a, b, c, n))
}

/// `PySlice_GetIndices` (the old interface: plain ints only, -1 without an
/// exception when they do not fit).
pub unsafe fn get_indices_old(
    o: *mut PyObject,
    length: Py_ssize_t,
) -> PyResult<Option<(Py_ssize_t, Py_ssize_t, Py_ssize_t)>> {
    let so = s(o);
    let as_ss = |v: *mut PyObject| -> PyResult<Option<Py_ssize_t>> {
        if !long::is_long(v) {
            return Ok(None);
        }
        match long::to_i64(v) {
            Some(x) => Ok(Some(x as Py_ssize_t)),
            None => crate::raise!(
                PyExc_OverflowError,
                "Python int too large to convert to C ssize_t"
            ),
        }
    };
    let step = if so.step == none() {
        1
    } else {
        match as_ss(so.step)? {
            Some(x) => x,
            None => return Ok(None),
        }
    };
    let start = if so.start == none() {
        if step < 0 {
            length - 1
        } else {
            0
        }
    } else {
        match as_ss(so.start)? {
            Some(x) => {
                if x < 0 {
                    x + length
                } else {
                    x
                }
            }
            None => return Ok(None),
        }
    };
    let stop = if so.stop == none() {
        if step < 0 {
            -1
        } else {
            length
        }
    } else {
        match as_ss(so.stop)? {
            Some(x) => {
                if x < 0 {
                    x + length
                } else {
                    x
                }
            }
            None => return Ok(None),
        }
    };
    if stop > length || start >= length || step == 0 {
        return Ok(None);
    }
    Ok(Some((start, stop, step)))
}

unsafe extern "C" fn slice_dealloc(o: *mut PyObject) {
    crate::gc::untrack(o);
    let so = s(o);
    Py_XDECREF(so.start);
    Py_XDECREF(so.stop);
    Py_XDECREF(so.step);
    alloc::free_via_type(o);
}

unsafe extern "C" fn slice_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let so = s(o);
    for p in [so.start, so.stop, so.step] {
        if !p.is_null() {
            let r = visit(p, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

unsafe extern "C" fn slice_repr(o: *mut PyObject) -> *mut PyObject {
    let so = s(o);
    let mut out = String::from("slice(");
    for (i, p) in [so.start, so.stop, so.step].into_iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        let r = protocols::object::repr(p);
        if r.is_null() {
            return null_mut();
        }
        out.push_str(&unicode::to_string_lossy(r));
        Py_DECREF(r);
    }
    out.push(')');
    unicode::from_str(&out)
}

unsafe extern "C" fn slice_richcompare(
    v: *mut PyObject,
    w: *mut PyObject,
    op: c_int,
) -> *mut PyObject {
    if !is_slice(v) || !is_slice(w) {
        return new_ref(not_implemented());
    }
    if v == w {
        let r = matches!(op, 1 | 2 | 5);
        return new_ref(py_bool(r));
    }
    let a = [s(v).start, s(v).stop, s(v).step];
    let b = [s(w).start, s(w).stop, s(w).step];
    protocols::sequence_cmp::compare_slices(&a, &b, op)
}

/// 3.12+: the tuple hash of `(start, stop, step)` without its length term.
unsafe extern "C" fn slice_hash(o: *mut PyObject) -> Py_hash_t {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let so = s(o);
    let mut acc: u64 = P5;
    for p in [so.start, so.stop, so.step] {
        let h = protocols::object::hash(p);
        if h == -1 {
            return -1;
        }
        acc = acc.wrapping_add((h as u64).wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    if acc == u64::MAX {
        return 1546275796;
    }
    acc as Py_hash_t
}

unsafe extern "C" fn slice_new(
    _t: *mut PyTypeObject,
    args: *mut PyObject,
    kw: *mut PyObject,
) -> *mut PyObject {
    if no_keywords("slice", kw).is_err() {
        return null_mut();
    }
    let a = args_slice(args);
    if check_positional("slice", a.len(), 1, 3).is_err() {
        return null_mut();
    }
    match a.len() {
        1 => new(null_mut(), a[0], null_mut()),
        2 => new(a[0], a[1], null_mut()),
        _ => new(a[0], a[1], a[2]),
    }
}

/// An int argument as a BigInt (through `__index__`).
unsafe fn big_of(v: *mut PyObject) -> PyResult<BigInt> {
    let i = Owned::from_new(protocols::number::index(v)).ok_or(())?;
    Ok(long::to_bigint(i.as_ptr()))
}

/// `slice.indices(length)` with arbitrary-size ints.
unsafe extern "C" fn slice_indices(o: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let r = (|| -> PyResult<*mut PyObject> {
        let (start, stop, step) = indices_big(o, arg)?;
        let a = Owned::from_new(long::from_bigint(start)).ok_or(())?;
        let b = Owned::from_new(long::from_bigint(stop)).ok_or(())?;
        let c = Owned::from_new(long::from_bigint(step)).ok_or(())?;
        nonnull(tuple::pack(&[a.as_ptr(), b.as_ptr(), c.as_ptr()]))
    })();
    r.unwrap_or(null_mut())
}

/// The (start, stop, step) a slice selects from a sequence of `length` items
/// (an int object), as arbitrary-size ints.
pub unsafe fn indices_big(
    o: *mut PyObject,
    length: *mut PyObject,
) -> PyResult<(BigInt, BigInt, BigInt)> {
    {
        let length = big_of(length)?;
        if length.is_negative() {
            return crate::raise!(PyExc_ValueError, "length should not be negative");
        }
        let so = s(o);
        let step = if so.step == none() {
            BigInt::from(1)
        } else {
            let st = slice_big(so.step)?;
            if st.is_zero() {
                return crate::raise!(PyExc_ValueError, "slice step cannot be zero");
            }
            st
        };
        let neg = step.is_negative();
        let (lower, upper) = if neg {
            (BigInt::from(-1), &length + BigInt::from(-1))
        } else {
            (BigInt::zero(), length.clone())
        };
        let clamp = |v: *mut PyObject, dflt: &BigInt| -> PyResult<BigInt> {
            if v == none() {
                return Ok(dflt.clone());
            }
            let mut x = slice_big(v)?;
            if x.is_negative() {
                x += &length;
                if x < lower {
                    x = lower.clone();
                }
            } else if x > upper {
                x = upper.clone();
            }
            Ok(x)
        };
        let start = clamp(so.start, if neg { &upper } else { &lower })?;
        let stop = clamp(so.stop, if neg { &lower } else { &upper })?;
        Ok((start, stop, step))
    }
}

unsafe fn slice_big(v: *mut PyObject) -> PyResult<BigInt> {
    if !crate::objects::sequtil::is_index(v) {
        return crate::raise!(
            PyExc_TypeError,
            "slice indices must be integers or None or have an __index__ method"
        );
    }
    big_of(v)
}

unsafe extern "C" fn slice_reduce(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    let so = s(o);
    let args = tuple::pack(&[so.start, so.stop, so.step]);
    if args.is_null() {
        return null_mut();
    }
    let r = tuple::pack(&[(&raw mut PySlice_Type) as *mut PyObject, args]);
    Py_DECREF(args);
    r
}

static mut SLICE_METHODS: [PyMethodDef; 3] = [
    crate::meth!(c"indices", slice_indices, METH_O),
    crate::meth!(c"__reduce__", slice_reduce, METH_NOARGS),
    SENTINEL,
];

static mut SLICE_MEMBERS: [PyMemberDef; 4] = [
    crate::ro_member!(SliceObject, c"start", start),
    crate::ro_member!(SliceObject, c"stop", stop),
    crate::ro_member!(SliceObject, c"step", step),
    MEMBER_SENTINEL,
];

pub unsafe fn init_type() {
    let t = &raw mut PySlice_Type;
    crate::objects::typeobject::init_builtin(t, c"slice", core::mem::size_of::<SliceObject>(), 0);
    (*t).tp_flags |= Py_TPFLAGS_HAVE_GC;
    (*t).tp_dealloc = Some(slice_dealloc);
    (*t).tp_traverse = Some(slice_traverse);
    (*t).tp_repr = Some(slice_repr);
    (*t).tp_richcompare = Some(slice_richcompare);
    (*t).tp_hash = Some(slice_hash);
    (*t).tp_new = Some(slice_new);
    (*t).tp_methods = (&raw mut SLICE_METHODS).cast();
    (*t).tp_members = (&raw mut SLICE_MEMBERS).cast();
    (*t).tp_doc = c"slice(stop)\nslice(start, stop[, step])\n\nCreate a slice object.  This is used for extended slicing (e.g. a[0:10:2]).".as_ptr();
}
