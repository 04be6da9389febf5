//! The number protocol (`PyNumber_*`): binary operators with the reflected-operand
//! rules, in-place forms, conversions (`__index__`, `__int__`, `__float__`).

use core::ptr::null_mut;

use crate::object::*;
use crate::objects::long;
use crate::objects::typeobject::type_name;

/// `PyIndex_Check`.
pub unsafe fn index_check(o: *mut PyObject) -> bool {
    let nb = (*Py_TYPE(o)).tp_as_number;
    !nb.is_null() && (*nb).nb_index.is_some()
}

/// `PyNumber_Index`: an exact-or-subclass int from `__index__`.
pub unsafe fn index(o: *mut PyObject) -> *mut PyObject {
    if long::is_long(o) {
        return new_ref(o);
    }
    let t = Py_TYPE(o);
    let nb = (*t).tp_as_number;
    let f = if nb.is_null() { None } else { (*nb).nb_index };
    let Some(f) = f else {
        return crate::raise_null!(
            PyExc_TypeError,
            "'{}' object cannot be interpreted as an integer",
            type_name(t)
        );
    };
    let r = f(o);
    if r.is_null() || long::is_long_exact(r) {
        return r;
    }
    if !long::is_long(r) {
        let msg = format!(
            "__index__ returned non-int (type {})",
            type_name(Py_TYPE(r))
        );
        Py_DECREF(r);
        return crate::raise_null!(PyExc_TypeError, "{}", msg);
    }
    r
}

/// `PyNumber_AsSsize_t`: on overflow raise `exc` (NULL: clamp instead).
pub unsafe fn as_ssize_t(o: *mut PyObject, exc: *mut *mut PyObject) -> PyResult<Py_ssize_t> {
    let i = Owned::from_new(index(o)).ok_or(())?;
    match long::to_i64(i.as_ptr()) {
        Some(v) => Ok(v as Py_ssize_t),
        None => {
            if exc.is_null() {
                Ok(if long::is_negative(i.as_ptr()) {
                    Py_ssize_t::MIN
                } else {
                    Py_ssize_t::MAX
                })
            } else {
                let _ = null_mut::<PyObject>();
                crate::errors::set_string(
                    crate::objects::exceptions::exc(exc),
                    &format!(
                        "cannot fit '{}' into an index-sized integer",
                        type_name(Py_TYPE(o))
                    ),
                );
                Err(())
            }
        }
    }
}
