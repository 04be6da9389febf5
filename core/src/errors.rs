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
        let var = &raw mut $crate::exported::$exc;
        let msg = format!($($fmt)*);
        #[allow(unused_unsafe)]
        let r = unsafe { $crate::errors::raise($crate::objects::exceptions::exc(var), &msg) };
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

/// CPython's internal `PyErr_BadInternalCall()` (the macro): SystemError naming the
/// source file and line of the caller, as `_PyErr_BadInternalCall(__FILE__, __LINE__)`.
#[track_caller]
pub unsafe fn bad_internal_call() {
    let at = core::panic::Location::caller();
    set_string(
        exceptions::exc(&raw mut PyExc_SystemError),
        &format!(
            "{}:{}: bad argument to internal function",
            at.file(),
            at.line()
        ),
    );
}

/// The exported function `PyErr_BadInternalCall()` (no location, as CPython's).
pub unsafe fn bad_internal_call_plain() {
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

// ---- the legacy (type, value, traceback) view ---------------------------------------

/// `PyErr_Fetch`: the raised exception as a new (type, value, traceback) triple,
/// leaving none set. All three are NULL when nothing is raised.
pub unsafe fn fetch() -> (*mut PyObject, *mut PyObject, *mut PyObject) {
    let e = take_raised();
    if e.is_null() {
        return (null_mut(), null_mut(), null_mut());
    }
    let t = new_ref(Py_TYPE(e) as *mut PyObject);
    let tb = exceptions::get_traceback(e);
    crate::object::Py_XINCREF(tb);
    (t, e, tb)
}

/// `PyErr_Restore`: steals all three. A value that is not an instance of exactly
/// `ty` is turned into one (`ty(value)`), as CPython 3.12+ does.
pub unsafe fn restore(ty: *mut PyObject, value: *mut PyObject, tb: *mut PyObject) {
    if ty.is_null() {
        Py_XDECREF(value);
        Py_XDECREF(tb);
        set_raised(null_mut());
        return;
    }
    if !is_exception_class(ty) {
        // CPython asserts here; report it instead of crashing.
        set_object(ty, value);
        Py_DECREF(ty);
        Py_XDECREF(value);
        Py_XDECREF(tb);
        return;
    }
    let exc = if !value.is_null() && Py_TYPE(value) as *mut PyObject == ty {
        value
    } else {
        let made = exceptions::create(ty as *mut PyTypeObject, value);
        Py_XDECREF(value);
        if made.is_null() {
            Py_DECREF(ty);
            Py_XDECREF(tb);
            return;
        }
        made
    };
    let mut tb = tb;
    if !tb.is_null() && Py_TYPE(tb) != &raw mut PyTraceBack_Type {
        if tb == none() {
            Py_DECREF(tb);
            tb = null_mut();
        } else {
            set_string(
                exceptions::exc(&raw mut PyExc_TypeError),
                "__traceback__ must be a traceback or None",
            );
            Py_DECREF(exc);
            Py_DECREF(ty);
            Py_DECREF(tb);
            return;
        }
    }
    let _ = exceptions::set_traceback(exc, tb);
    Py_XDECREF(tb);
    set_raised(exc);
    Py_DECREF(ty);
}

/// `PyErr_NormalizeException`: make `*v` an instance of `*t` (replacing `*t` with
/// the instance's own class when it is a subclass). References are replaced in place.
pub unsafe fn normalize(
    pt: *mut *mut PyObject,
    pv: *mut *mut PyObject,
    ptb: *mut *mut PyObject,
    depth: u32,
) {
    let ty = *pt;
    if ty.is_null() {
        return;
    }
    if (*pv).is_null() {
        *pv = new_ref(none());
    }
    if !is_exception_class(ty) {
        return;
    }
    let value = *pv;
    let inclass = if is_exception_instance(value) {
        Py_TYPE(value)
    } else {
        null_mut()
    };
    let is_sub = !inclass.is_null()
        && crate::objects::typeobject::is_subtype(inclass, ty as *mut PyTypeObject);
    if !is_sub {
        let fixed = exceptions::create(ty as *mut PyTypeObject, value);
        if fixed.is_null() {
            // The constructor failed: normalise the new error instead.
            Py_XDECREF(*pt);
            Py_XDECREF(*pv);
            let (t2, v2, tb2) = fetch();
            *pt = t2;
            *pv = v2;
            if !tb2.is_null() {
                Py_XDECREF(*ptb);
                *ptb = tb2;
            }
            if depth >= 32 {
                return;
            }
            return normalize(pt, pv, ptb, depth + 1);
        }
        Py_DECREF(value);
        *pv = fixed;
    } else if inclass as *mut PyObject != ty {
        *pt = new_ref(inclass as *mut PyObject);
        Py_DECREF(ty);
    }
}

/// The exception being handled (`sys.exception()`), borrowed; NULL if none.
pub unsafe fn handled() -> *mut PyObject {
    (*tstate()).exc_info
}

/// `PyErr_SetHandledException`: NULL or None clears.
pub unsafe fn set_handled(exc: *mut PyObject) {
    let v = if exc.is_null() || exc == none() {
        null_mut()
    } else {
        new_ref(exc)
    };
    crate::object::xsetref(&mut (*tstate()).exc_info, v);
}

// ---- errno ---------------------------------------------------------------------------

/// The C library's message for `errno` `e` (`strerror`).
pub fn strerror_text(e: i32) -> String {
    unsafe {
        let p = libc::strerror(e);
        if p.is_null() {
            return format!("Unknown error {e}");
        }
        String::from_utf8_lossy(core::ffi::CStr::from_ptr(p).to_bytes()).into_owned()
    }
}

/// `PyErr_SetFromErrnoWithFilenameObjects`: raise `exc(errno, strerror[, f1[, 0, f2]])`
/// with the calling thread's `errno` (saved by the caller in `e`).
pub unsafe fn set_from_errno_objects(
    exc: *mut PyObject,
    e: i32,
    f1: *mut PyObject,
    f2: *mut PyObject,
) {
    if e == libc::EINTR && crate::objects::sysmodule::check_signals() < 0 {
        return;
    }
    let text = if e == 0 {
        "Error".to_string()
    } else {
        strerror_text(e)
    };
    let num = crate::objects::long::from_i64(e as i64);
    let msg = crate::objects::unicode::from_str(&text);
    if num.is_null() || msg.is_null() {
        Py_XDECREF(num);
        Py_XDECREF(msg);
        return;
    }
    let zero = crate::objects::long::from_i64(0);
    let items: Vec<*mut PyObject> = if f1.is_null() {
        vec![num, msg]
    } else if f2.is_null() {
        vec![num, msg, f1]
    } else {
        vec![num, msg, f1, zero, f2]
    };
    let args = crate::objects::tuple::from_slice(&items);
    Py_DECREF(num);
    Py_DECREF(msg);
    Py_XDECREF(zero);
    if args.is_null() {
        return;
    }
    let v = crate::protocols::call::call(exc, args, null_mut());
    Py_DECREF(args);
    if !v.is_null() {
        set_object(Py_TYPE(v) as *mut PyObject, v);
        Py_DECREF(v);
    }
}

// ---- ImportError -----------------------------------------------------------------------

/// `PyErr_SetImportErrorSubclass`: raise `exception(msg, name=..., path=..., name_from=None)`.
pub unsafe fn set_import_error(
    exception: *mut PyObject,
    msg: *mut PyObject,
    name: *mut PyObject,
    path: *mut PyObject,
) {
    let ie = exceptions::exc(&raw mut PyExc_ImportError);
    let is_sub = crate::protocols::objproto::is_subclass(exception, ie);
    if is_sub < 0 {
        return;
    }
    if is_sub == 0 {
        set_string(
            exceptions::exc(&raw mut PyExc_TypeError),
            "expected a subclass of ImportError",
        );
        return;
    }
    if msg.is_null() {
        set_string(
            exceptions::exc(&raw mut PyExc_TypeError),
            "expected a message argument",
        );
        return;
    }
    let nn = |o: *mut PyObject| if o.is_null() { none() } else { o };
    let kw = crate::objects::dict::new();
    if kw.is_null() {
        return;
    }
    let ok = crate::objects::dict::set_str(kw, "name", nn(name)).is_ok()
        && crate::objects::dict::set_str(kw, "path", nn(path)).is_ok()
        && crate::objects::dict::set_str(kw, "name_from", none()).is_ok();
    if ok {
        let args = crate::objects::tuple::pack(&[msg]);
        if !args.is_null() {
            let err = crate::protocols::call::call(exception, args, kw);
            Py_DECREF(args);
            if !err.is_null() {
                set_object(Py_TYPE(err) as *mut PyObject, err);
                Py_DECREF(err);
            }
        }
    }
    Py_DECREF(kw);
}

// ---- SyntaxError locations -----------------------------------------------------------

/// `PyErr_ProgramTextObject`: line `lineno` (1-based) of the file, or NULL without
/// an exception.
pub unsafe fn program_text(filename: &[u8], lineno: i32) -> *mut PyObject {
    if lineno <= 0 || filename.is_empty() {
        return null_mut();
    }
    let path = std::ffi::OsStr::from_encoded_bytes_unchecked(filename);
    let Ok(data) = std::fs::read(path) else {
        return null_mut();
    };
    let mut rest: &[u8] = &data;
    for _ in 1..lineno {
        match rest.iter().position(|&b| b == b'\n') {
            Some(p) => rest = &rest[p + 1..],
            None => return null_mut(),
        }
    }
    if rest.is_empty() {
        return null_mut();
    }
    let end = rest
        .iter()
        .position(|&b| b == b'\n')
        .map(|p| p + 1)
        .unwrap_or(rest.len());
    let r = crate::objects::unicode::from_utf8(&rest[..end]);
    if r.is_null() {
        // Undecodable text: CPython gives up silently.
        clear();
    }
    r
}

/// `PyErr_SyntaxLocationObject`: add the location to the raised exception: lineno,
/// offset, end_lineno, end_offset, filename, the source line as `text`, and for
/// anything but a SyntaxError itself `msg` and `print_file_and_line` when missing.
pub unsafe fn syntax_location(filename: *mut PyObject, lineno: i32, col_offset: i32) {
    let exc = take_raised();
    if exc.is_null() {
        return;
    }
    let set = |name: &str, v: *mut PyObject| {
        if v.is_null() {
            clear();
            return;
        }
        let r =
            crate::protocols::object::set_attr(exc, crate::objects::unicode::intern_str(name), v);
        Py_DECREF(v);
        if r.is_err() {
            clear();
        }
    };
    set("lineno", crate::objects::long::from_i64(lineno as i64));
    if col_offset >= 0 {
        set("offset", crate::objects::long::from_i64(col_offset as i64));
    } else {
        set("offset", new_ref(none()));
    }
    set("end_lineno", crate::objects::long::from_i64(lineno as i64));
    set("end_offset", new_ref(none()));
    if !filename.is_null() {
        set("filename", new_ref(filename));
        let f = crate::objects::unicode::to_string_lossy(filename);
        let t = program_text(f.as_bytes(), lineno);
        if !t.is_null() {
            set("text", t);
        }
    }
    if Py_TYPE(exc) as *mut PyObject != exceptions::exc(&raw mut PyExc_SyntaxError) {
        let has = |name: &str| {
            crate::protocols::objproto::has_attr_with_error(
                exc,
                crate::objects::unicode::intern_str(name),
            )
        };
        match has("msg") {
            0 => set("msg", crate::protocols::object::str(exc)),
            r if r < 0 => clear(),
            _ => {}
        }
        match has("print_file_and_line") {
            0 => set("print_file_and_line", new_ref(none())),
            r if r < 0 => clear(),
            _ => {}
        }
    }
    set_raised(exc);
}

// ---- new exception classes -------------------------------------------------------------

/// `PyErr_NewExceptionWithDoc`: `type(name, bases, dict)` for a dotted "module.Name",
/// with `__module__` and (when given) `__doc__` in the class dict.
pub unsafe fn new_exception(
    name: &str,
    doc: Option<&str>,
    base: *mut PyObject,
    dict_in: *mut PyObject,
) -> *mut PyObject {
    let Some(dot) = name.rfind('.') else {
        set_string(
            exceptions::exc(&raw mut PyExc_SystemError),
            "PyErr_NewException: name must be module.class",
        );
        return null_mut();
    };
    let base = if base.is_null() {
        exceptions::exc(&raw mut PyExc_Exception)
    } else {
        base
    };
    let d = if dict_in.is_null() {
        crate::objects::dict::new()
    } else {
        new_ref(dict_in)
    };
    if d.is_null() {
        return null_mut();
    }
    let result = (|| -> *mut PyObject {
        if let Some(doc) = doc {
            let s = crate::objects::unicode::from_str(doc);
            if s.is_null() || crate::objects::dict::set_str(d, "__doc__", s).is_err() {
                Py_XDECREF(s);
                return null_mut();
            }
            Py_DECREF(s);
        }
        if crate::objects::dict::get_str(d, "__module__").is_null() {
            let m = crate::objects::unicode::from_str(&name[..dot]);
            if m.is_null() || crate::objects::dict::set_str(d, "__module__", m).is_err() {
                Py_XDECREF(m);
                return null_mut();
            }
            Py_DECREF(m);
        }
        let bases = if crate::objects::tuple::is_tuple(base) {
            new_ref(base)
        } else {
            crate::objects::tuple::pack(&[base])
        };
        let n = crate::objects::unicode::from_str(&name[dot + 1..]);
        if bases.is_null() || n.is_null() {
            Py_XDECREF(bases);
            Py_XDECREF(n);
            return null_mut();
        }
        let args = crate::objects::tuple::pack(&[n, bases, d]);
        Py_DECREF(n);
        Py_DECREF(bases);
        if args.is_null() {
            return null_mut();
        }
        let r =
            crate::protocols::call::call(&raw mut PyType_Type as *mut PyObject, args, null_mut());
        Py_DECREF(args);
        r
    })();
    Py_DECREF(d);
    result
}
