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
        if crate::objects::sequtil::is_index(key) {
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
        if crate::objects::sequtil::is_index(key) {
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

/// `PyMapping_Check`.
pub unsafe fn check(o: *mut PyObject) -> bool {
    let mp = (*Py_TYPE(o)).tp_as_mapping;
    !mp.is_null() && (*mp).mp_subscript.is_some()
}

/// `PyMapping_Size`.
pub unsafe fn size(o: *mut PyObject) -> Py_ssize_t {
    let t = Py_TYPE(o);
    let mp = (*t).tp_as_mapping;
    let sq = (*t).tp_as_sequence;
    crate::protocols::sequence::size_by(
        o,
        if mp.is_null() { None } else { (*mp).mp_length },
        !sq.is_null() && (*sq).sq_length.is_some(),
        "mapping",
    )
}

/// `PyMapping_GetOptionalItem`: Ok(new reference) or Ok(NULL) when the key is
/// missing (KeyError swallowed).
pub unsafe fn get_optional_item(o: *mut PyObject, key: *mut PyObject) -> PyResult<*mut PyObject> {
    if crate::objects::dict::is_dict_exact(o) {
        return crate::objects::dict::get_item_ref(o, key);
    }
    let r = get_item(o, key);
    if !r.is_null() {
        return Ok(r);
    }
    let ke = crate::objects::exceptions::exc(&raw mut PyExc_KeyError);
    if crate::errors::exception_matches(ke) {
        crate::errors::clear();
        return Ok(null_mut());
    }
    Err(())
}

/// `PyMapping_Keys`/`Values`/`Items`: a list, from dicts directly or from the
/// iterable the method returns.
pub unsafe fn method_as_list(o: *mut PyObject, name: &str) -> *mut PyObject {
    if o.is_null() {
        crate::protocols::sequence::null_error();
        return null_mut();
    }
    if crate::objects::dict::is_dict_exact(o) {
        return match name {
            "keys" => crate::objects::dict_ops::keys_list(o),
            "values" => crate::objects::dict_ops::values_list(o),
            _ => crate::objects::dict_ops::items_list(o),
        };
    }
    let Ok(out) = crate::protocols::call::call_method(o, name, &[]) else {
        return null_mut();
    };
    let out = Owned(out);
    let it = crate::protocols::iter::get_iter(out.as_ptr());
    if it.is_null() {
        let te = crate::objects::exceptions::exc(&raw mut PyExc_TypeError);
        if crate::errors::exception_matches(te) {
            crate::errors::clear();
            return crate::raise_null!(
                PyExc_TypeError,
                "{}.{}() returned a non-iterable (type {})",
                type_name(t_of(o)),
                name,
                type_name(t_of(out.as_ptr()))
            );
        }
        return null_mut();
    }
    let r = crate::protocols::sequence::to_list(it);
    Py_DECREF(it);
    r
}

unsafe fn t_of(o: *mut PyObject) -> *mut crate::typeobj::PyTypeObject {
    Py_TYPE(o)
}
