//! The sequence protocol (`PySequence_*`).

use core::ptr::null_mut;

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
    if !sq.is_null() {
        if let Some(f) = (*sq).sq_length {
            return f(o);
        }
    }
    let mp = (*t).tp_as_mapping;
    if !mp.is_null() && (*mp).mp_length.is_some() {
        let _: PyResult<()> = crate::raise!(PyExc_TypeError, "{} is not a sequence", type_name(t));
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
