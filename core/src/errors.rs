//! The per-thread error indicator and how the core raises exceptions.
//!
//! As in CPython 3.12+, the indicator holds one normalised exception instance;
//! `PyErr_Fetch`-style (type, value, traceback) triples are derived from it.

use core::ptr::null_mut;

use crate::exported::*;
use crate::object::{new_ref, PyObject, PyResult, Py_DECREF, Py_TYPE, Py_XDECREF};
use crate::objects::exceptions;
use crate::pystate::tstate;
use crate::typeobj::{
    has_flag, PyTypeObject, Py_TPFLAGS_BASE_EXC_SUBCLASS, Py_TPFLAGS_TYPE_SUBCLASS,
};

/// Is `o` an exception class?
#[inline]
pub unsafe fn is_exception_class(o: *mut PyObject) -> bool {
    has_flag(Py_TYPE(o), Py_TPFLAGS_TYPE_SUBCLASS)
        && has_flag(o as *mut PyTypeObject, Py_TPFLAGS_BASE_EXC_SUBCLASS)
}

/// Is `o` an exception instance?
#[inline]
pub unsafe fn is_exception_instance(o: *mut PyObject) -> bool {
    has_flag(Py_TYPE(o), Py_TPFLAGS_BASE_EXC_SUBCLASS)
}

/// The exception being raised on this thread (borrowed), or NULL.
#[inline]
pub fn raised() -> *mut PyObject {
    unsafe { (*tstate()).curexc }
}

/// `PyErr_Occurred`: the type of the exception being raised (borrowed), or NULL.
#[inline]
pub fn occurred() -> *mut PyObject {
    let e = raised();
    if e.is_null() {
        null_mut()
    } else {
        unsafe { Py_TYPE(e) as *mut PyObject }
    }
}

/// Take the raised exception (new reference), leaving none set.
#[inline]
pub fn take_raised() -> *mut PyObject {
    unsafe {
        let ts = tstate();
        let e = (*ts).curexc;
        (*ts).curexc = null_mut();
        e
    }
}

/// Set the raised exception, stealing `exc` (NULL clears).
pub unsafe fn set_raised(exc: *mut PyObject) {
    let ts = tstate();
    let old = (*ts).curexc;
    (*ts).curexc = exc;
    Py_XDECREF(old);
}

pub fn clear() {
    unsafe { set_raised(null_mut()) }
}

/// `PyErr_SetObject`: raise `ty` with `value` (an instance, an argument tuple, a
/// single argument, or NULL/None for no arguments), chaining the handled exception
/// as `__context__`.
pub unsafe fn set_object(ty: *mut PyObject, value: *mut PyObject) {
    if ty.is_null() || !is_exception_class(ty) {
        let msg = if ty.is_null() {
            "_PyErr_SetObject: exception NULL is not a BaseException subclass".to_string()
        } else {
            format!(
                "_PyErr_SetObject: exception {} is not a BaseException subclass",
                crate::objects::unicode::repr_string(ty)
            )
        };
        set_string(exceptions::exc(&raw mut PyExc_SystemError), &msg);
        return;
    }
    let exc = if !value.is_null()
        && is_exception_instance(value)
        && crate::objects::typeobject::is_subtype(Py_TYPE(value), ty as *mut PyTypeObject)
    {
        new_ref(value)
    } else {
        let made = exceptions::create(ty as *mut PyTypeObject, value);
        if made.is_null() {
            return; // the constructor raised; that exception stands
        }
        made
    };
    let handled = (*tstate()).exc_info;
    if !handled.is_null() && handled != exc {
        exceptions::set_context_chained(exc, handled);
    }
    set_raised(exc);
}

/// `PyErr_SetString`.
pub unsafe fn set_string(ty: *mut PyObject, msg: &str) {
    let s = crate::objects::unicode::from_str(msg);
    if s.is_null() {
        return;
    }
    set_object(ty, s);
    Py_DECREF(s);
}

/// Raise `ty(msg)` and return `Err(())` for `?`.
pub unsafe fn raise<T>(ty: *mut PyObject, msg: &str) -> PyResult<T> {
    set_string(ty, msg);
    Err(())
}

/// `raise!(TypeError, "fmt {}", x)`: set the exception and evaluate to `Err(())`.
#[macro_export]
macro_rules! raise {
    ($exc:ident, $($fmt:tt)*) => {{
        #[allow(unused_unsafe)]
        let r = unsafe {
            $crate::errors::raise(
                $crate::objects::exceptions::exc(&raw mut $crate::exported::$exc),
                &format!($($fmt)*),
            )
        };
        r
    }};
}

/// Like `raise!` but returns the NULL pointer C expects.
#[macro_export]
macro_rules! raise_null {
    ($exc:ident, $($fmt:tt)*) => {{
        let _: $crate::object::PyResult<()> = $crate::raise!($exc, $($fmt)*);
        core::ptr::null_mut()
    }};
}

pub unsafe fn type_error(msg: &str) {
    set_string(exceptions::exc(&raw mut PyExc_TypeError), msg)
}

/// `PyErr_NoMemory`.
pub unsafe fn no_memory() {
    let t = exceptions::exc(&raw mut PyExc_MemoryError);
    if t.is_null() {
        return; // before initialisation: nothing to raise with
    }
    set_object(t, null_mut());
}

/// `PyErr_BadInternalCall`.
pub unsafe fn bad_internal_call() {
    set_string(
        exceptions::exc(&raw mut PyExc_SystemError),
        "bad argument to internal function",
    );
}

/// `PyErr_GivenExceptionMatches`.
pub unsafe fn given_exception_matches(given: *mut PyObject, exc: *mut PyObject) -> bool {
    if given.is_null() || exc.is_null() {
        return false;
    }
    if crate::objects::tuple::is_tuple(exc) {
        let n = crate::object::Py_SIZE(exc);
        for i in 0..n {
            if given_exception_matches(given, crate::objects::tuple::get_item(exc, i)) {
                return true;
            }
        }
        return false;
    }
    let given = if is_exception_instance(given) {
        Py_TYPE(given) as *mut PyObject
    } else {
        given
    };
    if is_exception_class(given) && is_exception_class(exc) {
        return crate::objects::typeobject::is_subtype(
            given as *mut PyTypeObject,
            exc as *mut PyTypeObject,
        );
    }
    given == exc
}

/// `PyErr_ExceptionMatches`.
pub unsafe fn exception_matches(exc: *mut PyObject) -> bool {
    given_exception_matches(occurred(), exc)
}

/// A C function returned NULL: make sure an exception says why (CPython's
/// `_Py_CheckFunctionResult`), and that a non-NULL result did not leave one set.
pub unsafe fn check_function_result(
    callable: *mut PyObject,
    result: *mut PyObject,
) -> *mut PyObject {
    if result.is_null() {
        if raised().is_null() {
            let msg = format!(
                "{} returned NULL without setting an exception",
                crate::objects::unicode::repr_string(callable)
            );
            set_string(exceptions::exc(&raw mut PyExc_SystemError), &msg);
        }
        return null_mut();
    }
    if !raised().is_null() {
        Py_DECREF(result);
        let cause = take_raised();
        let msg = format!(
            "{} returned a result with an exception set",
            crate::objects::unicode::repr_string(callable)
        );
        set_string(exceptions::exc(&raw mut PyExc_SystemError), &msg);
        let e = raised();
        if !e.is_null() {
            exceptions::set_cause(e, cause);
        } else {
            Py_XDECREF(cause);
        }
        return null_mut();
    }
    result
}

/// `PyErr_BadArgument`: TypeError "bad argument type for built-in operation".
pub unsafe fn bad_argument() {
    type_error("bad argument type for built-in operation");
}
