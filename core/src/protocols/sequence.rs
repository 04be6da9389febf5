//! The sequence protocol (`PySequence_*`).

use core::ptr::null_mut;

use crate::exported::*;

use crate::object::*;
use crate::objects::typeobject::type_name;

/// `PySequence_Check`: has `sq_item` and is not a dict.
pub unsafe fn check(o: *mut PyObject) -> bool {
    if crate::objects::dict::is_dict(o) {
        return false;
    }
    let sq = (*Py_TYPE(o)).tp_as_sequence;
    !sq.is_null() && (*sq).sq_item.is_some()
}

/// `PySequence_Size`.
pub unsafe fn size(o: *mut PyObject) -> Py_ssize_t {
    let t = Py_TYPE(o);
    let sq = (*t).tp_as_sequence;
    let mp = (*t).tp_as_mapping;
    size_by(
        o,
        if sq.is_null() { None } else { (*sq).sq_length },
        !mp.is_null() && (*mp).mp_length.is_some(),
        "sequence",
    )
}

/// `PySequence_Size` and `PyMapping_Size`: `own`, the length slot of the asked
/// protocol; without one, "is not a `what`" when the other protocol has a
/// length, else "has no len()".
pub(crate) unsafe fn size_by(
    o: *mut PyObject,
    own: Option<crate::typeobj::lenfunc>,
    other_has_len: bool,
    what: &str,
) -> Py_ssize_t {
    if let Some(f) = own {
        return f(o);
    }
    let t = Py_TYPE(o);
    if other_has_len {
        let _: PyResult<()> = crate::raise!(PyExc_TypeError, "{} is not a {}", type_name(t), what);
        return -1;
    }
    let _: PyResult<()> = crate::raise!(
        PyExc_TypeError,
        "object of type '{}' has no len()",
        type_name(t)
    );
    -1
}

/// `PySequence_GetItem`: negative indexes count from the end via `sq_length`.
pub unsafe fn get_item(o: *mut PyObject, mut i: Py_ssize_t) -> *mut PyObject {
    let t = Py_TYPE(o);
    let sq = (*t).tp_as_sequence;
    if !sq.is_null() {
        if let Some(f) = (*sq).sq_item {
            if i < 0 {
                if let Some(len) = (*sq).sq_length {
                    let n = len(o);
                    if n < 0 {
                        return null_mut();
                    }
                    i += n;
                }
            }
            return f(o, i);
        }
    }
    let mp = (*t).tp_as_mapping;
    if !mp.is_null() && (*mp).mp_subscript.is_some() {
        return crate::raise_null!(PyExc_TypeError, "{} is not a sequence", type_name(t));
    }
    crate::raise_null!(
        PyExc_TypeError,
        "'{}' object does not support indexing",
        type_name(t)
    )
}

/// `PySequence_SetItem` / `PySequence_DelItem` (`value` NULL).
pub unsafe fn set_item(o: *mut PyObject, mut i: Py_ssize_t, value: *mut PyObject) -> PyResult<()> {
    let t = Py_TYPE(o);
    let sq = (*t).tp_as_sequence;
    if !sq.is_null() {
        if let Some(f) = (*sq).sq_ass_item {
            if i < 0 {
                if let Some(len) = (*sq).sq_length {
                    let n = len(o);
                    if n < 0 {
                        return Err(());
                    }
                    i += n;
                }
            }
            return if f(o, i, value) < 0 { Err(()) } else { Ok(()) };
        }
    }
    let mp = (*t).tp_as_mapping;
    if !mp.is_null() && (*mp).mp_ass_subscript.is_some() {
        return crate::raise!(PyExc_TypeError, "{} is not a sequence", type_name(t));
    }
    if value.is_null() {
        crate::raise!(
            PyExc_TypeError,
            "'{}' object doesn't support item deletion",
            type_name(t)
        )
    } else {
        crate::raise!(
            PyExc_TypeError,
            "'{}' object does not support item assignment",
            type_name(t)
        )
    }
}

/// SystemError "null argument to internal routine" unless an exception is set.
pub unsafe fn null_error() {
    if crate::errors::raised().is_null() {
        crate::errors::set_string(
            crate::objects::exceptions::exc(&raw mut crate::exported::PyExc_SystemError),
            "null argument to internal routine",
        );
    }
}

unsafe fn sq<'a>(o: *mut PyObject) -> Option<&'a crate::typeobj::PySequenceMethods> {
    let p = (*Py_TYPE(o)).tp_as_sequence;
    if p.is_null() {
        None
    } else {
        Some(&*p)
    }
}

unsafe fn nb_slot(
    o: *mut PyObject,
    f: impl Fn(&crate::typeobj::PyNumberMethods) -> Option<crate::typeobj::binaryfunc>,
) -> Option<crate::typeobj::binaryfunc> {
    let p = (*Py_TYPE(o)).tp_as_number;
    if p.is_null() {
        None
    } else {
        f(&*p)
    }
}

/// Try a binary number slot of `a`, then of `b` (for sequences implemented with
/// `__add__`/`__mul__` only); NotImplemented when neither applies.
unsafe fn binop(
    a: *mut PyObject,
    b: *mut PyObject,
    f: impl Fn(&crate::typeobj::PyNumberMethods) -> Option<crate::typeobj::binaryfunc>,
) -> *mut PyObject {
    let fa = nb_slot(a, &f);
    let fb = nb_slot(b, &f);
    if let Some(g) = fa {
        let r = g(a, b);
        if r != not_implemented() {
            return r;
        }
        Py_DECREF(r);
    }
    if let Some(g) = fb {
        if fb != fa {
            let r = g(a, b);
            if r != not_implemented() {
                return r;
            }
            Py_DECREF(r);
        }
    }
    new_ref(not_implemented())
}

/// `PySequence_Concat` / `PySequence_InPlaceConcat`: the sequence slot (the
/// in-place one first when `inplace`), else `+=`/`+` when both are sequences.
unsafe fn concat_impl(a: *mut PyObject, b: *mut PyObject, inplace: bool) -> *mut PyObject {
    if a.is_null() || b.is_null() {
        null_error();
        return null_mut();
    }
    if let Some(m) = sq(a) {
        if inplace {
            if let Some(f) = m.sq_inplace_concat {
                return f(a, b);
            }
        }
        if let Some(f) = m.sq_concat {
            return f(a, b);
        }
    }
    if check(a) && check(b) {
        if inplace {
            let r = binop(a, b, |m| m.nb_inplace_add);
            if r != not_implemented() {
                return r;
            }
            Py_DECREF(r);
        }
        let r = binop(a, b, |m| m.nb_add);
        if r != not_implemented() {
            return r;
        }
        Py_DECREF(r);
    }
    crate::raise_null!(
        PyExc_TypeError,
        "'{}' object can't be concatenated",
        type_name(Py_TYPE(a))
    )
}

/// `PySequence_Concat`.
pub unsafe fn concat(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    concat_impl(a, b, false)
}

/// `PySequence_InPlaceConcat`.
pub unsafe fn inplace_concat(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    concat_impl(a, b, true)
}

unsafe fn repeat_impl(o: *mut PyObject, count: Py_ssize_t, inplace: bool) -> *mut PyObject {
    if o.is_null() {
        null_error();
        return null_mut();
    }
    if let Some(m) = sq(o) {
        if inplace {
            if let Some(f) = m.sq_inplace_repeat {
                return f(o, count);
            }
        }
        if let Some(f) = m.sq_repeat {
            return f(o, count);
        }
    }
    if check(o) {
        let n = crate::objects::long::from_i64(count as i64);
        if n.is_null() {
            return null_mut();
        }
        let mut r = new_ref(not_implemented());
        if inplace {
            Py_DECREF(r);
            r = binop(o, n, |m| m.nb_inplace_multiply);
        }
        if r == not_implemented() {
            Py_DECREF(r);
            r = binop(o, n, |m| m.nb_multiply);
        }
        Py_DECREF(n);
        if r != not_implemented() {
            return r;
        }
        Py_DECREF(r);
    }
    crate::raise_null!(
        PyExc_TypeError,
        "'{}' object can't be repeated",
        type_name(Py_TYPE(o))
    )
}

/// `PySequence_Repeat`.
pub unsafe fn repeat(o: *mut PyObject, count: Py_ssize_t) -> *mut PyObject {
    repeat_impl(o, count, false)
}

/// `PySequence_InPlaceRepeat`.
pub unsafe fn inplace_repeat(o: *mut PyObject, count: Py_ssize_t) -> *mut PyObject {
    repeat_impl(o, count, true)
}

/// `PySequence_GetSlice`.
pub unsafe fn get_slice(o: *mut PyObject, i1: Py_ssize_t, i2: Py_ssize_t) -> *mut PyObject {
    if o.is_null() {
        null_error();
        return null_mut();
    }
    let mp = (*Py_TYPE(o)).tp_as_mapping;
    if !mp.is_null() {
        if let Some(f) = (*mp).mp_subscript {
            let sl = crate::objects::slice::from_indices(i1, i2);
            if sl.is_null() {
                return null_mut();
            }
            let r = f(o, sl);
            Py_DECREF(sl);
            return r;
        }
    }
    crate::raise_null!(
        PyExc_TypeError,
        "'{}' object is unsliceable",
        type_name(Py_TYPE(o))
    )
}

/// `PySequence_SetSlice` / `PySequence_DelSlice` (`v` NULL).
pub unsafe fn set_slice(
    o: *mut PyObject,
    i1: Py_ssize_t,
    i2: Py_ssize_t,
    v: *mut PyObject,
) -> PyResult<()> {
    if o.is_null() {
        null_error();
        return Err(());
    }
    let mp = (*Py_TYPE(o)).tp_as_mapping;
    if !mp.is_null() {
        if let Some(f) = (*mp).mp_ass_subscript {
            let sl = crate::objects::slice::from_indices(i1, i2);
            if sl.is_null() {
                return Err(());
            }
            let r = f(o, sl, v);
            Py_DECREF(sl);
            return if r < 0 { Err(()) } else { Ok(()) };
        }
    }
    if v.is_null() {
        crate::raise!(
            PyExc_TypeError,
            "'{}' object doesn't support slice deletion",
            type_name(Py_TYPE(o))
        )
    } else {
        crate::raise!(
            PyExc_TypeError,
            "'{}' object doesn't support slice assignment",
            type_name(Py_TYPE(o))
        )
    }
}

pub enum Search {
    Count,
    Index,
    Contains,
}

/// CPython's `_PySequence_IterSearch`.
pub unsafe fn iter_search(seq: *mut PyObject, obj: *mut PyObject, how: Search) -> Py_ssize_t {
    if seq.is_null() || obj.is_null() {
        null_error();
        return -1;
    }
    let it = crate::protocols::iter::get_iter(seq);
    if it.is_null() {
        let te = crate::objects::exceptions::exc(&raw mut crate::exported::PyExc_TypeError);
        if crate::errors::exception_matches(te) {
            let what = if matches!(how, Search::Contains) {
                "a container or iterable"
            } else {
                "iterable"
            };
            crate::errors::clear();
            let _: PyResult<()> = crate::raise!(
                PyExc_TypeError,
                "argument of type '{}' is not {}",
                type_name(Py_TYPE(seq)),
                what
            );
        }
        return -1;
    }
    let it = Owned(it);
    let mut n: Py_ssize_t = 0;
    let mut i: Py_ssize_t = 0;
    loop {
        let item = crate::protocols::iter::next(it.as_ptr());
        if item.is_null() {
            if !crate::errors::raised().is_null() {
                return -1;
            }
            break;
        }
        let item = Owned(item);
        let c = crate::protocols::object::rich_compare_bool(item.as_ptr(), obj, 2);
        if c < 0 {
            return -1;
        }
        if c > 0 {
            match how {
                Search::Count => {
                    if n == Py_ssize_t::MAX {
                        let _: PyResult<()> =
                            crate::raise!(PyExc_OverflowError, "count exceeds C integer size");
                        return -1;
                    }
                    n += 1;
                }
                Search::Index => return i,
                Search::Contains => return 1,
            }
        }
        if matches!(how, Search::Index) {
            if i == Py_ssize_t::MAX {
                let _: PyResult<()> =
                    crate::raise!(PyExc_OverflowError, "index exceeds C integer size");
                return -1;
            }
            i += 1;
        }
    }
    match how {
        Search::Index => {
            let _: PyResult<()> =
                crate::raise!(PyExc_ValueError, "sequence.index(x): x not in sequence");
            -1
        }
        Search::Count => n,
        Search::Contains => 0,
    }
}

/// `PySequence_Contains`.
pub unsafe fn contains(seq: *mut PyObject, obj: *mut PyObject) -> core::ffi::c_int {
    if seq.is_null() || obj.is_null() {
        null_error();
        return -1;
    }
    if let Some(f) = sq(seq).and_then(|m| m.sq_contains) {
        return f(seq, obj);
    }
    iter_search(seq, obj, Search::Contains) as core::ffi::c_int
}

/// `PySequence_List`.
pub unsafe fn to_list(o: *mut PyObject) -> *mut PyObject {
    if o.is_null() {
        null_error();
        return null_mut();
    }
    match crate::objects::list_ops::items_of(o) {
        Ok(v) => crate::objects::list_ops::from_owned(v),
        Err(()) => null_mut(),
    }
}

/// `PySequence_Tuple`.
pub unsafe fn to_tuple(o: *mut PyObject) -> *mut PyObject {
    if o.is_null() {
        null_error();
        return null_mut();
    }
    crate::objects::tuple::sequence_to_tuple(o)
}

/// `PySequence_Fast`: the list or tuple itself, else a list of its items; a
/// TypeError from iterating becomes TypeError(`msg`).
pub unsafe fn fast(o: *mut PyObject, msg: &str) -> *mut PyObject {
    if o.is_null() {
        null_error();
        return null_mut();
    }
    if crate::objects::list::is_list_exact(o) || crate::objects::tuple::is_tuple_exact(o) {
        return new_ref(o);
    }
    let it = crate::protocols::iter::get_iter(o);
    if it.is_null() {
        let te = crate::objects::exceptions::exc(&raw mut crate::exported::PyExc_TypeError);
        if crate::errors::exception_matches(te) {
            crate::errors::clear();
            let _: PyResult<()> = crate::raise!(PyExc_TypeError, "{}", msg);
        }
        return null_mut();
    }
    let r = to_list(it);
    Py_DECREF(it);
    r
}

/// `PyObject_Size`: `sq_length`, else the mapping protocol's size.
pub unsafe fn object_size(o: *mut PyObject) -> Py_ssize_t {
    if o.is_null() {
        null_error();
        return -1;
    }
    if let Some(f) = sq(o).and_then(|m| m.sq_length) {
        return f(o);
    }
    crate::protocols::mapping::size(o)
}
