//! Exception handling (`PyErr_*`, `PyException_*`, `PyExceptionClass_Name`,
//! `PyTraceBack_*`, the warnings entry points).

use core::ffi::{c_char, c_int, CStr};
use core::ptr::null_mut;

use carapace_core::errors;
use carapace_core::exported::*;
use carapace_core::object::{new_ref, PyObject, Py_DECREF, Py_TYPE, Py_XDECREF};
use carapace_core::objects::exceptions::{self as exc_mod, exc};
use carapace_core::objects::{traceback, unicode, warnings};

#[inline]
unsafe fn is_exc_instance(o: *mut PyObject) -> bool {
    !o.is_null() && errors::is_exception_instance(o)
}

/// Raise TypeError when `o` is not an exception instance (what CPython's
/// `PyException_*` functions would crash on).
unsafe fn check_exc(o: *mut PyObject, func: &str) -> bool {
    if is_exc_instance(o) {
        return true;
    }
    if o.is_null() {
        errors::bad_internal_call();
    } else {
        errors::type_error(&format!(
            "{func}: expected an exception instance, got {}",
            carapace_core::objects::typeobject::type_name(Py_TYPE(o))
        ));
    }
    false
}

// ---- the raised exception ---------------------------------------------------------

#[no_mangle]
pub unsafe extern "C" fn PyErr_Occurred() -> *mut PyObject {
    errors::occurred()
}

#[no_mangle]
pub unsafe extern "C" fn PyErr_Clear() {
    errors::clear()
}

#[no_mangle]
pub unsafe extern "C" fn PyErr_GetRaisedException() -> *mut PyObject {
    errors::take_raised()
}

#[no_mangle]
pub unsafe extern "C" fn PyErr_SetRaisedException(exc: *mut PyObject) {
    errors::set_raised(exc)
}

#[no_mangle]
pub unsafe extern "C" fn PyErr_SetObject(ty: *mut PyObject, value: *mut PyObject) {
    guard!((), { errors::set_object(ty, value) })
}

#[no_mangle]
pub unsafe extern "C" fn PyErr_SetNone(ty: *mut PyObject) {
    guard!((), { errors::set_object(ty, null_mut()) })
}

#[no_mangle]
pub unsafe extern "C" fn PyErr_SetString(ty: *mut PyObject, msg: *const c_char) {
    guard!((), {
        let s = if msg.is_null() {
            new_ref(none())
        } else {
            unicode::from_utf8(CStr::from_ptr(msg).to_bytes())
        };
        if s.is_null() {
            return;
        }
        errors::set_object(ty, s);
        Py_DECREF(s);
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyErr_Fetch(
    pt: *mut *mut PyObject,
    pv: *mut *mut PyObject,
    ptb: *mut *mut PyObject,
) {
    let (t, v, tb) = errors::fetch();
    *pt = t;
    *pv = v;
    *ptb = tb;
}

#[no_mangle]
pub unsafe extern "C" fn PyErr_Restore(t: *mut PyObject, v: *mut PyObject, tb: *mut PyObject) {
    guard!((), { errors::restore(t, v, tb) })
}

#[no_mangle]
pub unsafe extern "C" fn PyErr_NormalizeException(
    pt: *mut *mut PyObject,
    pv: *mut *mut PyObject,
    ptb: *mut *mut PyObject,
) {
    guard!((), {
        if pt.is_null() || pv.is_null() || ptb.is_null() {
            return;
        }
        errors::normalize(pt, pv, ptb, 0)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyErr_ExceptionMatches(exc: *mut PyObject) -> c_int {
    errors::exception_matches(exc) as c_int
}

#[no_mangle]
pub unsafe extern "C" fn PyErr_GivenExceptionMatches(
    given: *mut PyObject,
    exc: *mut PyObject,
) -> c_int {
    errors::given_exception_matches(given, exc) as c_int
}

// ---- the handled exception --------------------------------------------------------

#[no_mangle]
pub unsafe extern "C" fn PyErr_GetHandledException() -> *mut PyObject {
    let h = errors::handled();
    if h.is_null() {
        null_mut()
    } else {
        new_ref(h)
    }
}

#[no_mangle]
pub unsafe extern "C" fn PyErr_SetHandledException(exc: *mut PyObject) {
    errors::set_handled(exc)
}

#[no_mangle]
pub unsafe extern "C" fn PyErr_GetExcInfo(
    pt: *mut *mut PyObject,
    pv: *mut *mut PyObject,
    ptb: *mut *mut PyObject,
) {
    let h = errors::handled();
    if h.is_null() {
        *pt = null_mut();
        *pv = null_mut();
        *ptb = null_mut();
        return;
    }
    *pt = new_ref(Py_TYPE(h) as *mut PyObject);
    *pv = new_ref(h);
    let tb = exc_mod::get_traceback(h);
    // CPython hands back None, not NULL, for a missing traceback here.
    *ptb = new_ref(if tb.is_null() { none() } else { tb });
}

#[no_mangle]
pub unsafe extern "C" fn PyErr_SetExcInfo(t: *mut PyObject, v: *mut PyObject, tb: *mut PyObject) {
    errors::set_handled(v);
    Py_XDECREF(v);
    Py_XDECREF(t);
    Py_XDECREF(tb);
}

// ---- raising common errors --------------------------------------------------------

#[no_mangle]
pub unsafe extern "C" fn PyErr_BadArgument() -> c_int {
    guard!(0, {
        errors::bad_argument();
        0
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyErr_BadInternalCall() {
    guard!((), { errors::bad_internal_call_plain() })
}

#[no_mangle]
pub unsafe extern "C" fn _PyErr_BadInternalCall(filename: *const c_char, lineno: c_int) {
    guard!((), {
        let f = crate::guard::cstr(filename);
        errors::set_string(
            exc(&raw mut PyExc_SystemError),
            &format!("{}:{}: bad argument to internal function", f, lineno),
        );
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyErr_NoMemory() -> *mut PyObject {
    guard!(null_mut(), {
        errors::no_memory();
        null_mut()
    })
}

#[inline]
fn last_errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

#[no_mangle]
pub unsafe extern "C" fn PyErr_SetFromErrno(ty: *mut PyObject) -> *mut PyObject {
    let e = last_errno();
    guard!(null_mut(), {
        errors::set_from_errno_objects(ty, e, null_mut(), null_mut());
        null_mut()
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyErr_SetFromErrnoWithFilenameObject(
    ty: *mut PyObject,
    f: *mut PyObject,
) -> *mut PyObject {
    let e = last_errno();
    guard!(null_mut(), {
        errors::set_from_errno_objects(ty, e, f, null_mut());
        null_mut()
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyErr_SetFromErrnoWithFilenameObjects(
    ty: *mut PyObject,
    f1: *mut PyObject,
    f2: *mut PyObject,
) -> *mut PyObject {
    let e = last_errno();
    guard!(null_mut(), {
        errors::set_from_errno_objects(ty, e, f1, f2);
        null_mut()
    })
}

/// A file name from C: the file system encoding (UTF-8, surrogateescape).
unsafe fn fs_decode(p: *const c_char) -> *mut PyObject {
    let b = CStr::from_ptr(p).to_bytes();
    match core::str::from_utf8(b) {
        Ok(s) => unicode::from_str(s),
        Err(_) => unicode::from_code_points(carapace_core_fs_escape(b)),
    }
}

/// UTF-8 with undecodable bytes as lone surrogates U+DC80..U+DCFF (surrogateescape).
fn carapace_core_fs_escape(b: &[u8]) -> Vec<u32> {
    let mut out = Vec::new();
    let mut rest = b;
    while !rest.is_empty() {
        match core::str::from_utf8(rest) {
            Ok(s) => {
                out.extend(s.chars().map(|c| c as u32));
                break;
            }
            Err(e) => {
                let good = e.valid_up_to();
                let s = core::str::from_utf8(&rest[..good]).unwrap();
                out.extend(s.chars().map(|c| c as u32));
                let bad = e.error_len().unwrap_or(rest.len() - good);
                for &x in &rest[good..good + bad] {
                    out.push(0xDC00 + x as u32);
                }
                rest = &rest[good + bad..];
            }
        }
    }
    out
}

#[no_mangle]
pub unsafe extern "C" fn PyErr_SetFromErrnoWithFilename(
    ty: *mut PyObject,
    filename: *const c_char,
) -> *mut PyObject {
    let e = last_errno();
    guard!(null_mut(), {
        let f = if filename.is_null() {
            null_mut()
        } else {
            let f = fs_decode(filename);
            if f.is_null() {
                return null_mut();
            }
            f
        };
        errors::set_from_errno_objects(ty, e, f, null_mut());
        Py_XDECREF(f);
        null_mut()
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyErr_SetImportErrorSubclass(
    exception: *mut PyObject,
    msg: *mut PyObject,
    name: *mut PyObject,
    path: *mut PyObject,
) -> *mut PyObject {
    guard!(null_mut(), {
        if exception.is_null() {
            errors::bad_internal_call();
            return null_mut();
        }
        errors::set_import_error(exception, msg, name, path);
        null_mut()
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyErr_SetImportError(
    msg: *mut PyObject,
    name: *mut PyObject,
    path: *mut PyObject,
) -> *mut PyObject {
    guard!(null_mut(), {
        errors::set_import_error(exc(&raw mut PyExc_ImportError), msg, name, path);
        null_mut()
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyErr_SyntaxLocationEx(
    filename: *const c_char,
    lineno: c_int,
    col_offset: c_int,
) {
    guard!((), {
        let f = if filename.is_null() {
            null_mut()
        } else {
            let f = fs_decode(filename);
            if f.is_null() {
                errors::clear();
            }
            f
        };
        errors::syntax_location(f, lineno, col_offset);
        Py_XDECREF(f);
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyErr_SyntaxLocation(filename: *const c_char, lineno: c_int) {
    PyErr_SyntaxLocationEx(filename, lineno, -1)
}

#[no_mangle]
pub unsafe extern "C" fn PyErr_ProgramText(
    filename: *const c_char,
    lineno: c_int,
) -> *mut PyObject {
    guard!(null_mut(), {
        if filename.is_null() {
            return null_mut();
        }
        errors::program_text(CStr::from_ptr(filename).to_bytes(), lineno)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyErr_NewExceptionWithDoc(
    name: *const c_char,
    doc: *const c_char,
    base: *mut PyObject,
    dict: *mut PyObject,
) -> *mut PyObject {
    guard!(null_mut(), {
        if name.is_null() {
            errors::bad_internal_call();
            return null_mut();
        }
        let n = crate::guard::cstr(name);
        let d = if doc.is_null() {
            None
        } else {
            Some(crate::guard::cstr(doc).into_owned())
        };
        errors::new_exception(&n, d.as_deref(), base, dict)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyErr_NewException(
    name: *const c_char,
    base: *mut PyObject,
    dict: *mut PyObject,
) -> *mut PyObject {
    guard!(null_mut(), {
        if name.is_null() {
            errors::bad_internal_call();
            return null_mut();
        }
        errors::new_exception(&crate::guard::cstr(name), None, base, dict)
    })
}

// ---- printing -------------------------------------------------------------------------

#[no_mangle]
pub unsafe extern "C" fn PyErr_WriteUnraisable(obj: *mut PyObject) {
    guard!((), { traceback::write_unraisable("", obj) })
}

#[no_mangle]
pub unsafe extern "C" fn PyErr_DisplayException(exc_: *mut PyObject) {
    guard!((), {
        if exc_.is_null() {
            return;
        }
        traceback::display(exc_)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyErr_Display(t: *mut PyObject, v: *mut PyObject, _tb: *mut PyObject) {
    guard!((), {
        let _ = t;
        if v.is_null() || v == none() {
            return;
        }
        traceback::display(v)
    })
}

/// `SystemExit` reaching the top: exit with its code, as CPython's `PyErr_Print`.
unsafe fn handle_system_exit(e: *mut PyObject) -> ! {
    let code = {
        let c = carapace_core::protocols::object::get_attr_str(e, "code");
        if c.is_null() {
            errors::clear();
            new_ref(none())
        } else {
            c
        }
    };
    let status = if code == none() {
        0
    } else if carapace_core::objects::long::is_long(code) {
        match carapace_core::objects::long::to_i64(code) {
            Some(v) => v as i32,
            None => {
                errors::clear();
                -1
            }
        }
    } else {
        let s = carapace_core::protocols::object::str(code);
        if s.is_null() {
            errors::clear();
        } else {
            carapace_core::objects::sysmodule::write_stderr(&format!(
                "{}\n",
                unicode::to_string_lossy(s)
            ));
            Py_DECREF(s);
        }
        1
    };
    libc::fflush(core::ptr::null_mut());
    libc::exit(status)
}

#[no_mangle]
pub unsafe extern "C" fn PyErr_PrintEx(set_sys_last_vars: c_int) {
    guard!((), {
        let e = errors::take_raised();
        if e.is_null() {
            return;
        }
        if carapace_core::objects::typeobject::is_subtype(
            Py_TYPE(e),
            exc(&raw mut PyExc_SystemExit) as *mut carapace_core::typeobj::PyTypeObject,
        ) {
            handle_system_exit(e);
        }
        if set_sys_last_vars != 0 {
            use carapace_core::objects::sysmodule::set_object;
            let tb = exc_mod::get_traceback(e);
            let tb = if tb.is_null() { none() } else { tb };
            let ok = set_object("last_exc", e).is_ok()
                && set_object("last_type", Py_TYPE(e) as *mut PyObject).is_ok()
                && set_object("last_value", e).is_ok()
                && set_object("last_traceback", tb).is_ok();
            if !ok {
                errors::clear();
            }
        }
        // sys.excepthook when one is installed, else the default display.
        let hook = carapace_core::objects::sysmodule::get_object("excepthook");
        if !hook.is_null() && hook != none() {
            let tb = exc_mod::get_traceback(e);
            let tb = if tb.is_null() { none() } else { tb };
            let r = carapace_core::protocols::call::call_function(
                hook,
                &[Py_TYPE(e) as *mut PyObject, e, tb],
            );
            if !r.is_null() {
                Py_DECREF(r);
                Py_DECREF(e);
                return;
            }
            let e2 = errors::take_raised();
            carapace_core::objects::sysmodule::write_stderr("Error in sys.excepthook:\n");
            if !e2.is_null() {
                traceback::display(e2);
                Py_DECREF(e2);
            }
            carapace_core::objects::sysmodule::write_stderr("\nOriginal exception was:\n");
        }
        traceback::display(e);
        Py_DECREF(e);
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyErr_Print() {
    PyErr_PrintEx(1)
}

// ---- signals --------------------------------------------------------------------------

#[no_mangle]
pub unsafe extern "C" fn PyErr_CheckSignals() -> c_int {
    guard!(-1, { carapace_core::objects::sysmodule::check_signals() })
}

#[no_mangle]
pub unsafe extern "C" fn PyErr_SetInterruptEx(signum: c_int) -> c_int {
    carapace_core::objects::sysmodule::set_interrupt(signum)
}

#[no_mangle]
pub unsafe extern "C" fn PyErr_SetInterrupt() {
    carapace_core::objects::sysmodule::set_interrupt(libc::SIGINT);
}

// ---- warnings -------------------------------------------------------------------------

#[no_mangle]
pub unsafe extern "C" fn PyErr_WarnEx(
    category: *mut PyObject,
    text: *const c_char,
    stack_level: isize,
) -> c_int {
    guard!(-1, {
        if text.is_null() {
            errors::bad_internal_call();
            return -1;
        }
        let m = unicode::from_utf8(CStr::from_ptr(text).to_bytes());
        if m.is_null() {
            return -1;
        }
        let r = warnings::warn_obj(category, m, stack_level);
        Py_DECREF(m);
        r
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyErr_WarnExplicit(
    category: *mut PyObject,
    text: *const c_char,
    filename: *const c_char,
    lineno: c_int,
    module: *const c_char,
    registry: *mut PyObject,
) -> c_int {
    guard!(-1, {
        if text.is_null() || filename.is_null() {
            errors::bad_internal_call();
            return -1;
        }
        let m = unicode::from_utf8(CStr::from_ptr(text).to_bytes());
        let f = fs_decode(filename);
        let md = if module.is_null() {
            null_mut()
        } else {
            unicode::from_utf8(CStr::from_ptr(module).to_bytes())
        };
        let r = if m.is_null() || f.is_null() || (!module.is_null() && md.is_null()) {
            -1
        } else {
            warnings::warn_explicit(category, m, f, lineno as i64, md, registry)
        };
        Py_XDECREF(m);
        Py_XDECREF(f);
        Py_XDECREF(md);
        r
    })
}

// ---- exception objects ------------------------------------------------------------------

#[no_mangle]
pub unsafe extern "C" fn PyException_GetTraceback(e: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), {
        if !check_exc(e, "PyException_GetTraceback") {
            return null_mut();
        }
        exc_mod::get_traceback_ref(e)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyException_SetTraceback(e: *mut PyObject, tb: *mut PyObject) -> c_int {
    guard!(-1, {
        if !check_exc(e, "PyException_SetTraceback") {
            return -1;
        }
        if tb.is_null() {
            errors::type_error("__traceback__ may not be deleted");
            return -1;
        }
        if exc_mod::set_traceback(e, tb).is_ok() {
            0
        } else {
            -1
        }
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyException_GetCause(e: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), {
        if !check_exc(e, "PyException_GetCause") {
            return null_mut();
        }
        exc_mod::get_cause_ref(e)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyException_SetCause(e: *mut PyObject, cause: *mut PyObject) {
    guard!((), {
        if !check_exc(e, "PyException_SetCause") {
            Py_XDECREF(cause);
            return;
        }
        exc_mod::set_cause(e, cause)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyException_GetContext(e: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), {
        if !check_exc(e, "PyException_GetContext") {
            return null_mut();
        }
        exc_mod::get_context_ref(e)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyException_SetContext(e: *mut PyObject, ctx: *mut PyObject) {
    guard!((), {
        if !check_exc(e, "PyException_SetContext") {
            Py_XDECREF(ctx);
            return;
        }
        exc_mod::set_context(e, ctx)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyException_GetArgs(e: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), {
        if !check_exc(e, "PyException_GetArgs") {
            return null_mut();
        }
        let a = exc_mod::get_args_ref(e);
        if a.is_null() {
            carapace_core::objects::tuple::new(0)
        } else {
            a
        }
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyException_SetArgs(e: *mut PyObject, args: *mut PyObject) {
    guard!((), {
        if !check_exc(e, "PyException_SetArgs") {
            return;
        }
        if args.is_null() || !carapace_core::objects::tuple::is_tuple(args) {
            errors::bad_internal_call();
            return;
        }
        exc_mod::set_args(e, args)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyExceptionClass_Name(t: *mut PyObject) -> *const c_char {
    guard!(core::ptr::null(), {
        if t.is_null() {
            return core::ptr::null();
        }
        (*(t as *mut carapace_core::typeobj::PyTypeObject)).tp_name
    })
}

// ---- tracebacks -------------------------------------------------------------------------

#[no_mangle]
pub unsafe extern "C" fn PyTraceBack_Here(frame: *mut PyObject) -> c_int {
    guard!(-1, {
        if !carapace_core::objects::frameobject::is_frame(frame) {
            errors::bad_internal_call();
            return -1;
        }
        if traceback::here(frame).is_ok() {
            0
        } else {
            -1
        }
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyTraceBack_Print(tb: *mut PyObject, file: *mut PyObject) -> c_int {
    guard!(-1, {
        if tb.is_null() {
            return 0;
        }
        if !traceback::is_traceback(tb) || file.is_null() {
            errors::bad_internal_call();
            return -1;
        }
        if traceback::print_tb(tb, file).is_ok() {
            0
        } else {
            -1
        }
    })
}
