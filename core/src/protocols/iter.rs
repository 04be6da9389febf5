//! The iterator protocol.

use core::ptr::null_mut;

use crate::exported::*;
use crate::object::*;
use crate::objects::typeobject::type_name;

/// `PyObject_GetIter`: `tp_iter`, or a sequence iterator over `__getitem__`.
pub unsafe fn get_iter(o: *mut PyObject) -> *mut PyObject {
    let t = Py_TYPE(o);
    if let Some(f) = (*t).tp_iter {
        let it = f(o);
        if !it.is_null() && (*Py_TYPE(it)).tp_iternext.is_none() {
            let msg = format!(
                "iter() returned non-iterator of type '{}'",
                type_name(Py_TYPE(it))
            );
            Py_DECREF(it);
            return crate::raise_null!(PyExc_TypeError, "{}", msg);
        }
        return it;
    }
    if crate::protocols::sequence::check(o) {
        return crate::objects::iterobject::new_seq_iter(o);
    }
    crate::raise_null!(PyExc_TypeError, "'{}' object is not iterable", type_name(t))
}

/// `PyIter_Next`: the next item, or NULL at the end (no exception) or on error.
/// A `StopIteration` raised by `tp_iternext` counts as the end.
pub unsafe fn next(it: *mut PyObject) -> *mut PyObject {
    let t = Py_TYPE(it);
    let Some(f) = (*t).tp_iternext else {
        return crate::raise_null!(
            PyExc_TypeError,
            "'{}' object is not an iterator",
            type_name(t)
        );
    };
    let r = f(it);
    if r.is_null() {
        let stop = crate::objects::exceptions::exc(&raw mut PyExc_StopIteration);
        if !crate::errors::raised().is_null() && crate::errors::exception_matches(stop) {
            crate::errors::clear();
        }
        return null_mut();
    }
    r
}

/// `PyIter_Check`.
pub unsafe fn check(o: *mut PyObject) -> bool {
    let f = (*Py_TYPE(o)).tp_iternext;
    f.is_some() && f != Some(crate::objects::baseobject::not_implemented_iternext)
}

/// Collect all items of an iterable into a Vec of new references.
pub unsafe fn collect(o: *mut PyObject) -> PyResult<Vec<Owned>> {
    let it = Owned::from_new(get_iter(o)).ok_or(())?;
    let mut v = Vec::new();
    loop {
        let x = next(it.as_ptr());
        if x.is_null() {
            if crate::errors::raised().is_null() {
                return Ok(v);
            }
            return Err(());
        }
        v.push(Owned::from_new(x).unwrap());
    }
}

/// Is `o` iterable (has `tp_iter`, or is a sequence)? `Some(())` when it is.
pub unsafe fn get_iter_check(o: *mut PyObject) -> Option<()> {
    if (*Py_TYPE(o)).tp_iter.is_some() || crate::protocols::sequence::check(o) {
        Some(())
    } else {
        None
    }
}
