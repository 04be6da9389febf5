//! The mapping protocol (`PyMapping_*`, and `PyObject_GetItem`/`SetItem`/`DelItem`).

use core::ptr::null_mut;

use crate::exported::*;
use crate::object::*;
use crate::objects::typeobject::type_name;

/// `PyObject_GetItem`: `mp_subscript`, else `sq_item` with an index key, else
/// `__class_getitem__` on types.
pub unsafe fn get_item(o: *mut PyObject, key: *mut PyObject) -> *mut PyObject {
    let t = Py_TYPE(o);
    let mp = (*t).tp_as_mapping;
    if !mp.is_null() {
        if let Some(f) = (*mp).mp_subscript {
            return f(o, key);
        }
    }
    let sq = (*t).tp_as_sequence;
    if !sq.is_null() && (*sq).sq_item.is_some() {
        if crate::protocols::number::index_check(key) {
            let Ok(i) = crate::protocols::number::as_ssize_t(key, &raw mut PyExc_IndexError) else {
                return null_mut();
            };
            return crate::protocols::sequence::get_item(o, i);
        }
        return crate::raise_null!(
            PyExc_TypeError,
            "sequence index must be integer, not '{}'",
            type_name(Py_TYPE(key))
        );
    }
    if crate::objects::typeobject::is_type(o) {
        let cg = crate::protocols::object::get_optional_attr(
            o,
            crate::objects::unicode::intern_str("__class_getitem__"),
        );
        match cg {
            Ok(m) if !m.is_null() => {
                let r = crate::protocols::call::call_function(m, &[key]);
                Py_DECREF(m);
                return r;
            }
            Ok(_) => {
                return crate::raise_null!(
                    PyExc_TypeError,
                    "type '{}' is not subscriptable",
                    crate::objects::typeobject::qual_name(o as *mut _)
                )
            }
            Err(()) => return null_mut(),
        }
    }
    crate::raise_null!(
        PyExc_TypeError,
        "'{}' object is not subscriptable",
        type_name(t)
    )
}

/// `PyObject_SetItem` (`value` NULL deletes, as `PyObject_DelItem`).
pub unsafe fn set_item(o: *mut PyObject, key: *mut PyObject, value: *mut PyObject) -> PyResult<()> {
    let t = Py_TYPE(o);
    let mp = (*t).tp_as_mapping;
    if !mp.is_null() {
        if let Some(f) = (*mp).mp_ass_subscript {
            return if f(o, key, value) < 0 {
                Err(())
            } else {
                Ok(())
            };
        }
    }
    let sq = (*t).tp_as_sequence;
    if !sq.is_null() && (*sq).sq_ass_item.is_some() {
        if crate::protocols::number::index_check(key) {
            let i = crate::protocols::number::as_ssize_t(key, &raw mut PyExc_IndexError)?;
            return crate::protocols::sequence::set_item(o, i, value);
        }
        return crate::raise!(
            PyExc_TypeError,
            "sequence index must be integer, not '{}'",
            type_name(Py_TYPE(key))
        );
    }
    if value.is_null() {
        crate::raise!(
            PyExc_TypeError,
            "'{}' object does not support item deletion",
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

/// `PyMapping_Check`.
pub unsafe fn check(o: *mut PyObject) -> bool {
    let mp = (*Py_TYPE(o)).tp_as_mapping;
    !mp.is_null() && (*mp).mp_subscript.is_some()
}

/// `PyMapping_Size`.
pub unsafe fn size(o: *mut PyObject) -> Py_ssize_t {
    let t = Py_TYPE(o);
    let mp = (*t).tp_as_mapping;
    if !mp.is_null() {
        if let Some(f) = (*mp).mp_length {
            return f(o);
        }
    }
    let sq = (*t).tp_as_sequence;
    if !sq.is_null() && (*sq).sq_length.is_some() {
        let _: PyResult<()> = crate::raise!(PyExc_TypeError, "{} is not a mapping", type_name(t));
        return -1;
    }
    let _: PyResult<()> = crate::raise!(
        PyExc_TypeError,
        "object of type '{}' has no len()",
        type_name(t)
    );
    -1
}
