//! The call protocol: `tp_call` with a tuple and dict, and vectorcall (PEP 590).

use core::ptr::null_mut;

use crate::object::*;
use crate::objects::typeobject::type_name;
use crate::objects::{dict, tuple, unicode};
use crate::typeobj::*;

/// `PY_VECTORCALL_ARGUMENTS_OFFSET`.
pub const ARGUMENTS_OFFSET: usize = 1 << (usize::BITS - 1);

#[inline]
pub fn nargs(nargsf: usize) -> usize {
    nargsf & !ARGUMENTS_OFFSET
}

/// The vectorcall function of `callable`, if its type supports it.
#[inline]
pub unsafe fn vectorcall_func(callable: *mut PyObject) -> Option<vectorcallfunc> {
    let t = Py_TYPE(callable);
    if !has_flag(t, Py_TPFLAGS_HAVE_VECTORCALL) || (*t).tp_vectorcall_offset <= 0 {
        return None;
    }
    let slot =
        (callable as *mut u8).offset((*t).tp_vectorcall_offset) as *mut Option<vectorcallfunc>;
    *slot
}

/// `PyObject_Call`.
pub unsafe fn call(
    callable: *mut PyObject,
    args: *mut PyObject,
    kwargs: *mut PyObject,
) -> *mut PyObject {
    if !crate::errors::raised().is_null() {
        // Calling with an exception set would lose it (CPython asserts here).
        return crate::raise_null!(
            PyExc_SystemError,
            "PyObject_Call() called with an exception set"
        );
    }
    if args.is_null() || !tuple::is_tuple(args) {
        return crate::raise_null!(PyExc_TypeError, "argument list must be a tuple");
    }
    if !kwargs.is_null() && !dict::is_dict(kwargs) {
        return crate::raise_null!(PyExc_TypeError, "keyword list must be a dictionary");
    }
    let t = Py_TYPE(callable);
    // As CPython's `_PyObject_Call`: a callable with a vectorcall function is
    // always called through it (keyword arguments become kwnames).
    if let Some(vc) = vectorcall_func(callable) {
        let n = Py_SIZE(args) as usize;
        if kwargs.is_null() || dict::len(kwargs) == 0 {
            let r = vc(callable, tuple::items(args), n, null_mut());
            return crate::errors::check_function_result(callable, r);
        }
        return call_vector_with_dict(callable, vc, tuple::items(args), n, kwargs);
    }
    let Some(f) = (*t).tp_call else {
        return crate::raise_null!(PyExc_TypeError, "'{}' object is not callable", type_name(t));
    };
    if crate::protocols::object::enter_recursive_call(" while calling a Python object").is_err() {
        return null_mut();
    }
    let r = f(callable, args, kwargs);
    crate::protocols::object::leave_recursive_call();
    crate::errors::check_function_result(callable, r)
}

unsafe fn call_vector_with_dict(
    callable: *mut PyObject,
    vc: vectorcallfunc,
    args: *const *mut PyObject,
    n: usize,
    kwargs: *mut PyObject,
) -> *mut PyObject {
    let entries = dict::snapshot(kwargs);
    let mut all: Vec<*mut PyObject> = Vec::with_capacity(n + entries.len());
    all.extend_from_slice(core::slice::from_raw_parts(args, n));
    let names: Vec<*mut PyObject> = entries.iter().map(|e| e.0).collect();
    all.extend(entries.iter().map(|e| e.1));
    let kwnames = tuple::from_slice(&names);
    let r = if kwnames.is_null() {
        null_mut()
    } else {
        let r = vc(callable, all.as_ptr(), n, kwnames);
        Py_DECREF(kwnames);
        crate::errors::check_function_result(callable, r)
    };
    for (k, v) in entries {
        Py_DECREF(k);
        Py_DECREF(v);
    }
    r
}

/// `PyObject_Vectorcall`: positional args `args[..nargs(nargsf)]` followed by the
/// values of the keyword arguments named in `kwnames`.
pub unsafe fn vectorcall(
    callable: *mut PyObject,
    args: *const *mut PyObject,
    nargsf: usize,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    if let Some(vc) = vectorcall_func(callable) {
        let r = vc(callable, args, nargsf, kwnames);
        return crate::errors::check_function_result(callable, r);
    }
    let n = nargs(nargsf);
    let nk = if kwnames.is_null() {
        0
    } else {
        Py_SIZE(kwnames) as usize
    };
    let slice = if n + nk == 0 {
        &[][..]
    } else {
        core::slice::from_raw_parts(args, n + nk)
    };
    let argtuple = tuple::from_slice(&slice[..n]);
    if argtuple.is_null() {
        return null_mut();
    }
    let mut kwargs = null_mut();
    if nk > 0 {
        kwargs = dict::new();
        if kwargs.is_null() {
            Py_DECREF(argtuple);
            return null_mut();
        }
        for i in 0..nk {
            if dict::set_item(kwargs, tuple::get_item(kwnames, i as isize), slice[n + i]).is_err() {
                Py_DECREF(argtuple);
                Py_DECREF(kwargs);
                return null_mut();
            }
        }
    }
    let r = call(callable, argtuple, kwargs);
    Py_DECREF(argtuple);
    Py_XDECREF(kwargs);
    r
}

/// Call with positional arguments.
pub unsafe fn call_function(callable: *mut PyObject, args: &[*mut PyObject]) -> *mut PyObject {
    vectorcall(callable, args.as_ptr(), args.len(), null_mut())
}

/// `obj.name(*args)`; Err with the exception set.
pub unsafe fn call_method(
    obj: *mut PyObject,
    name: &str,
    args: &[*mut PyObject],
) -> PyResult<*mut PyObject> {
    let m = crate::protocols::object::get_attr(obj, unicode::intern_str(name));
    if m.is_null() {
        return Err(());
    }
    let r = call_function(m, args);
    Py_DECREF(m);
    nonnull(r)
}

/// `PyObject_VectorcallMethod`: `args[0]` is self, `name` the method name.
pub unsafe fn vectorcall_method(
    name: *mut PyObject,
    args: *const *mut PyObject,
    nargsf: usize,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    let n = nargs(nargsf);
    if n == 0 {
        return crate::raise_null!(
            PyExc_TypeError,
            "PyObject_VectorcallMethod() needs the object as first argument"
        );
    }
    let obj = *args;
    let m = crate::protocols::object::get_attr(obj, name);
    if m.is_null() {
        return null_mut();
    }
    let r = vectorcall(m, args.add(1), n - 1, kwnames);
    Py_DECREF(m);
    r
}

/// `PyCallable_Check`.
pub unsafe fn is_callable(o: *mut PyObject) -> bool {
    (*Py_TYPE(o)).tp_call.is_some()
}

/// `PyVectorcall_Call` as a `tp_call` slot: for types whose instances always
/// carry a vectorcall function.
pub unsafe extern "C" fn vectorcall_as_tp_call(
    callable: *mut PyObject,
    args: *mut PyObject,
    kwargs: *mut PyObject,
) -> *mut PyObject {
    let Some(vc) = vectorcall_func(callable) else {
        return crate::raise_null!(
            PyExc_TypeError,
            "'{}' object does not support vectorcall",
            type_name(Py_TYPE(callable))
        );
    };
    let n = Py_SIZE(args) as usize;
    if kwargs.is_null() || dict::len(kwargs) == 0 {
        return vc(callable, tuple::items(args), n, null_mut());
    }
    call_vector_with_dict(callable, vc, tuple::items(args), n, kwargs)
}
