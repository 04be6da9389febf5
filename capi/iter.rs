//! Iterators (`PyIter_*`, `PyObject_GetIter`, `PySeqIter_New`, `PyCallIter_New`, ...).

use core::ffi::c_int;
use core::ptr::null_mut;

use carapace_core::errors;
use carapace_core::exported::*;
use carapace_core::object::*;
use carapace_core::objects::{exceptions, iterobject, typeobject::type_name};
use carapace_core::protocols::{self, sequence::null_error};

#[no_mangle]
pub unsafe extern "C" fn PyObject_GetIter(o: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), {
        if o.is_null() {
            null_error();
            return null_mut();
        }
        protocols::iter::get_iter(o)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_SelfIter(o: *mut PyObject) -> *mut PyObject {
    new_ref(o)
}

#[no_mangle]
pub unsafe extern "C" fn PyIter_Check(o: *mut PyObject) -> c_int {
    guard!(0, { (!o.is_null() && protocols::iter::check(o)) as c_int })
}

#[no_mangle]
pub unsafe extern "C" fn PyIter_Next(it: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), {
        if it.is_null() {
            null_error();
            return null_mut();
        }
        protocols::iter::next(it)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyIter_NextItem(it: *mut PyObject, item: *mut *mut PyObject) -> c_int {
    guard!(-1, {
        if !item.is_null() {
            *item = null_mut();
        }
        if it.is_null() || item.is_null() {
            null_error();
            return -1;
        }
        if (*Py_TYPE(it)).tp_iternext.is_none() || !protocols::iter::check(it) {
            let _: PyResult<()> = carapace_core::raise!(
                PyExc_TypeError,
                "expected an iterator, got '{}'",
                type_name(Py_TYPE(it))
            );
            return -1;
        }
        let r = protocols::iter::next(it);
        if !r.is_null() {
            *item = r;
            return 1;
        }
        if errors::raised().is_null() {
            0
        } else {
            -1
        }
    })
}

/// The value a `StopIteration` carries (new reference), clearing it.
unsafe fn stop_iteration_value() -> Option<*mut PyObject> {
    let stop = exceptions::exc(&raw mut PyExc_StopIteration);
    if errors::raised().is_null() {
        return Some(none());
    }
    if !errors::exception_matches(stop) {
        return None;
    }
    let e = errors::take_raised();
    let v = protocols::object::get_attr_str(e, "value");
    let v = if v.is_null() {
        errors::clear();
        let args = exceptions::get_args(e);
        if !args.is_null() && Py_SIZE(args) > 0 {
            new_ref(carapace_core::objects::tuple::get_item(args, 0))
        } else {
            none()
        }
    } else {
        v
    };
    Py_DECREF(e);
    Some(v)
}

/// `PyIter_Send`: PYGEN_NEXT (1) with a yielded value, PYGEN_RETURN (0) with
/// the return value, PYGEN_ERROR (-1).
#[no_mangle]
pub unsafe extern "C" fn PyIter_Send(
    iter: *mut PyObject,
    arg: *mut PyObject,
    presult: *mut *mut PyObject,
) -> c_int {
    guard!(-1, {
        if iter.is_null() || arg.is_null() || presult.is_null() {
            null_error();
            return -1;
        }
        *presult = null_mut();
        let t = Py_TYPE(iter);
        let am = (*t).tp_as_async;
        if !am.is_null() {
            if let Some(send) = (*am).am_send {
                return send(iter, arg, presult);
            }
        }
        let r = if arg == none() && (*t).tp_iternext.is_some() {
            ((*t).tp_iternext.unwrap())(iter)
        } else {
            protocols::call::call_method(iter, "send", &[arg]).unwrap_or(null_mut())
        };
        if !r.is_null() {
            *presult = r;
            return 1;
        }
        match stop_iteration_value() {
            Some(v) => {
                *presult = v;
                0
            }
            None => -1,
        }
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyAIter_Check(o: *mut PyObject) -> c_int {
    guard!(0, {
        if o.is_null() {
            return 0;
        }
        let am = (*Py_TYPE(o)).tp_as_async;
        (!am.is_null() && (*am).am_anext.is_some()) as c_int
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_GetAIter(o: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), {
        if o.is_null() {
            null_error();
            return null_mut();
        }
        let t = Py_TYPE(o);
        let am = (*t).tp_as_async;
        let Some(f) = (if am.is_null() { None } else { (*am).am_aiter }) else {
            return carapace_core::raise_null!(
                PyExc_TypeError,
                "'{}' object is not an async iterable",
                type_name(t)
            );
        };
        let it = f(o);
        if it.is_null() {
            return it;
        }
        if PyAIter_Check(it) == 0 {
            let msg = format!(
                "aiter() returned not an async iterator of type '{}'",
                type_name(Py_TYPE(it))
            );
            Py_DECREF(it);
            return carapace_core::raise_null!(PyExc_TypeError, "{}", msg);
        }
        it
    })
}

#[no_mangle]
pub unsafe extern "C" fn PySeqIter_New(seq: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), {
        if seq.is_null() || !protocols::sequence::check(seq) {
            errors::bad_internal_call();
            return null_mut();
        }
        iterobject::new_seq_iter(seq)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyCallIter_New(
    callable: *mut PyObject,
    sentinel: *mut PyObject,
) -> *mut PyObject {
    guard!(null_mut(), {
        if callable.is_null() || sentinel.is_null() {
            null_error();
            return null_mut();
        }
        iterobject::new_call_iter(callable, sentinel)
    })
}
