//! The built-in exceptions: `BaseException`'s layout and attributes, the whole
//! hierarchy behind the exported `PyExc_*` pointers, and helpers that raise the
//! exceptions with extra attributes (KeyError, AttributeError, Unicode errors).
//!
//! Every exception instance has the `BaseException` layout followed by the fields
//! of its family (`ExcExtra`); subclass-specific attributes are members over those
//! fields, as in CPython's `Objects/exceptions.c`.

use core::ffi::{c_int, c_void, CStr};
use core::ptr::null_mut;

use crate::alloc;
use crate::defs::*;
use crate::exported::*;
use crate::object::*;
use crate::objects::typeobject::visit_each;
use crate::objects::{dict, tuple, unicode};
use crate::typeobj::*;

#[repr(C)]
pub struct BaseExceptionObject {
    pub ob_base: PyObject,
    pub dict: *mut PyObject,
    pub args: *mut PyObject,
    pub notes: *mut PyObject,
    pub traceback: *mut PyObject,
    pub context: *mut PyObject,
    pub cause: *mut PyObject,
    pub suppress_context: c_int,
    /// Family-specific fields (see `Family`); NULL when unused.
    pub extra: [*mut PyObject; 8],
    /// Guards the reference fields above against concurrent replacement (CPython
    /// 3.13t's critical section on the exception). Zeroed memory is unlocked.
    pub lock: crate::lock::RawLock,
}

/// Replace the field `sel` selects with `new` (a reference given away) under the
/// exception's lock; the old value is released after unlocking.
unsafe fn swap_field(
    o: *mut PyObject,
    sel: impl FnOnce(&mut BaseExceptionObject) -> &mut *mut PyObject,
    new: *mut PyObject,
) {
    let x = o as *mut BaseExceptionObject;
    let old = (*x).lock.with(|| core::mem::replace(sel(&mut *x), new));
    Py_XDECREF(old);
}

/// A new reference to the field `sel` selects (NULL when unset), read under the lock.
unsafe fn read_field(
    o: *mut PyObject,
    sel: impl FnOnce(&mut BaseExceptionObject) -> &mut *mut PyObject,
) -> *mut PyObject {
    let x = o as *mut BaseExceptionObject;
    (*x).lock.with(|| {
        let p = *sel(&mut *x);
        Py_XINCREF(p);
        p
    })
}

const NEXTRA: usize = 8;

/// Read a `PyExc_*` pointer variable.
#[inline]
pub unsafe fn exc(var: *mut *mut PyObject) -> *mut PyObject {
    *var
}

#[inline]
unsafe fn e<'a>(o: *mut PyObject) -> &'a mut BaseExceptionObject {
    &mut *(o as *mut BaseExceptionObject)
}

/// Which extra fields a family of exceptions uses, by index into `extra`.
#[derive(Clone, Copy, PartialEq)]
pub enum Family {
    Plain,
    /// StopIteration: value.
    StopIteration,
    /// SystemExit: code.
    SystemExit,
    /// ImportError: msg, name, path, name_from.
    Import,
    /// OSError: errno, strerror, filename, filename2, characters_written (as int).
    Os,
    /// SyntaxError: msg, filename, lineno, offset, text, end_lineno, end_offset, print_file_and_line.
    Syntax,
    /// UnicodeError family: encoding, object, start, end, reason.
    Unicode,
    /// AttributeError: name, obj.
    Attribute,
    /// NameError: name.
    Name,
    /// BaseExceptionGroup: msg, excs.
    Group,
}

struct ExcDef {
    var: *mut *mut PyObject,
    name: &'static CStr,
    base: Option<usize>,
    family: Family,
    doc: &'static CStr,
}

macro_rules! exc_table {
    ($( $var:ident : $name:literal, $base:expr, $fam:ident, $doc:literal; )*) => {
        unsafe fn table() -> Vec<ExcDef> {
            vec![ $( ExcDef { var: &raw mut $var, name: $name, base: $base, family: Family::$fam, doc: $doc }, )* ]
        }
    };
}

// Index of each entry is its position; bases refer to earlier entries.
exc_table! {
    PyExc_BaseException: c"BaseException", None, Plain, c"Common base class for all exceptions";
    PyExc_BaseExceptionGroup: c"BaseExceptionGroup", Some(0), Group, c"A combination of multiple unrelated exceptions.";
    PyExc_Exception: c"Exception", Some(0), Plain, c"Common base class for all non-exit exceptions.";
    PyExc_GeneratorExit: c"GeneratorExit", Some(0), Plain, c"Request that a generator exit.";
    PyExc_KeyboardInterrupt: c"KeyboardInterrupt", Some(0), Plain, c"Program interrupted by user.";
    PyExc_SystemExit: c"SystemExit", Some(0), SystemExit, c"Request to exit from the interpreter.";
    PyExc_ArithmeticError: c"ArithmeticError", Some(2), Plain, c"Base class for arithmetic errors.";
    PyExc_AssertionError: c"AssertionError", Some(2), Plain, c"Assertion failed.";
    PyExc_AttributeError: c"AttributeError", Some(2), Attribute, c"Attribute not found.";
    PyExc_BufferError: c"BufferError", Some(2), Plain, c"Buffer error.";
    PyExc_EOFError: c"EOFError", Some(2), Plain, c"Read beyond end of file.";
    PyExc_ImportError: c"ImportError", Some(2), Import, c"Import can't find module, or can't find name in module.";
    PyExc_LookupError: c"LookupError", Some(2), Plain, c"Base class for lookup errors.";
    PyExc_MemoryError: c"MemoryError", Some(2), Plain, c"Out of memory.";
    PyExc_NameError: c"NameError", Some(2), Name, c"Name not found globally.";
    PyExc_OSError: c"OSError", Some(2), Os, c"Base class for I/O related errors.";
    PyExc_ReferenceError: c"ReferenceError", Some(2), Plain, c"Weak ref proxy used after referent went away.";
    PyExc_RuntimeError: c"RuntimeError", Some(2), Plain, c"Unspecified run-time error.";
    PyExc_StopAsyncIteration: c"StopAsyncIteration", Some(2), Plain, c"Signal the end from iterator.__anext__().";
    PyExc_StopIteration: c"StopIteration", Some(2), StopIteration, c"Signal the end from iterator.__next__().";
    PyExc_SyntaxError: c"SyntaxError", Some(2), Syntax, c"Invalid syntax.";
    PyExc_SystemError: c"SystemError", Some(2), Plain, c"Internal error in the Python interpreter.\n\nPlease report this to the Python maintainer, along with the traceback,\nthe Python version, and the hardware/OS platform and version.";
    PyExc_TypeError: c"TypeError", Some(2), Plain, c"Inappropriate argument type.";
    PyExc_ValueError: c"ValueError", Some(2), Plain, c"Inappropriate argument value (of correct type).";
    PyExc_Warning: c"Warning", Some(2), Plain, c"Base class for warning categories.";
    PyExc_FloatingPointError: c"FloatingPointError", Some(6), Plain, c"Floating-point operation failed.";
    PyExc_OverflowError: c"OverflowError", Some(6), Plain, c"Result too large to be represented.";
    PyExc_ZeroDivisionError: c"ZeroDivisionError", Some(6), Plain, c"Second argument to a division or modulo operation was zero.";
    PyExc_ModuleNotFoundError: c"ModuleNotFoundError", Some(11), Import, c"Module not found.";
    PyExc_IndexError: c"IndexError", Some(12), Plain, c"Sequence index out of range.";
    PyExc_KeyError: c"KeyError", Some(12), Plain, c"Mapping key not found.";
    PyExc_UnboundLocalError: c"UnboundLocalError", Some(14), Name, c"Local name referenced but not bound to a value.";
    PyExc_BlockingIOError: c"BlockingIOError", Some(15), Os, c"I/O operation would block.";
    PyExc_ChildProcessError: c"ChildProcessError", Some(15), Os, c"Child process error.";
    PyExc_ConnectionError: c"ConnectionError", Some(15), Os, c"Connection error.";
    PyExc_BrokenPipeError: c"BrokenPipeError", Some(34), Os, c"Broken pipe.";
    PyExc_ConnectionAbortedError: c"ConnectionAbortedError", Some(34), Os, c"Connection aborted.";
    PyExc_ConnectionRefusedError: c"ConnectionRefusedError", Some(34), Os, c"Connection refused.";
    PyExc_ConnectionResetError: c"ConnectionResetError", Some(34), Os, c"Connection reset.";
    PyExc_FileExistsError: c"FileExistsError", Some(15), Os, c"File already exists.";
    PyExc_FileNotFoundError: c"FileNotFoundError", Some(15), Os, c"File not found.";
    PyExc_InterruptedError: c"InterruptedError", Some(15), Os, c"Interrupted by signal.";
    PyExc_IsADirectoryError: c"IsADirectoryError", Some(15), Os, c"Operation doesn't work on directories.";
    PyExc_NotADirectoryError: c"NotADirectoryError", Some(15), Os, c"Operation only works on directories.";
    PyExc_PermissionError: c"PermissionError", Some(15), Os, c"Not enough permissions.";
    PyExc_ProcessLookupError: c"ProcessLookupError", Some(15), Os, c"Process not found.";
    PyExc_TimeoutError: c"TimeoutError", Some(15), Os, c"Timeout expired.";
    PyExc_NotImplementedError: c"NotImplementedError", Some(17), Plain, c"Method or function hasn't been implemented yet.";
    PyExc_RecursionError: c"RecursionError", Some(17), Plain, c"Recursion limit exceeded.";
    PyExc_IndentationError: c"IndentationError", Some(20), Syntax, c"Improper indentation.";
    PyExc_TabError: c"TabError", Some(49), Syntax, c"Improper mixture of spaces and tabs.";
    PyExc_UnicodeError: c"UnicodeError", Some(23), Unicode, c"Unicode related error.";
    PyExc_UnicodeDecodeError: c"UnicodeDecodeError", Some(51), Unicode, c"Unicode decoding error.";
    PyExc_UnicodeEncodeError: c"UnicodeEncodeError", Some(51), Unicode, c"Unicode encoding error.";
    PyExc_UnicodeTranslateError: c"UnicodeTranslateError", Some(51), Unicode, c"Unicode translation error.";
    PyExc_BytesWarning: c"BytesWarning", Some(24), Plain, c"Base class for warnings about bytes and buffer related problems, mostly\nrelated to conversion from str or comparing to str.";
    PyExc_DeprecationWarning: c"DeprecationWarning", Some(24), Plain, c"Base class for warnings about deprecated features.";
    PyExc_EncodingWarning: c"EncodingWarning", Some(24), Plain, c"Base class for warnings about encodings.";
    PyExc_FutureWarning: c"FutureWarning", Some(24), Plain, c"Base class for warnings about constructs that will change semantically\nin the future.";
    PyExc_ImportWarning: c"ImportWarning", Some(24), Plain, c"Base class for warnings about probable mistakes in module imports";
    PyExc_PendingDeprecationWarning: c"PendingDeprecationWarning", Some(24), Plain, c"Base class for warnings about features which will be deprecated\nin the future.";
    PyExc_ResourceWarning: c"ResourceWarning", Some(24), Plain, c"Base class for warnings about resource usage.";
    PyExc_RuntimeWarning: c"RuntimeWarning", Some(24), Plain, c"Base class for warnings about dubious runtime behavior.";
    PyExc_SyntaxWarning: c"SyntaxWarning", Some(24), Plain, c"Base class for warnings about dubious syntax.";
    PyExc_UnicodeWarning: c"UnicodeWarning", Some(24), Plain, c"Base class for warnings about Unicode related problems, mostly\nrelated to conversion problems.";
    PyExc_UserWarning: c"UserWarning", Some(24), Plain, c"Base class for warnings generated by user code.";
}

/// The family of an exception type (from the nearest built-in ancestor).
pub unsafe fn family_of(t: *mut PyTypeObject) -> Family {
    let mut b = t;
    while !b.is_null() {
        if let Some(f) = FAMILIES.iter().find(|(tp, _)| *tp == b as usize) {
            return f.1;
        }
        b = (*b).tp_base;
    }
    Family::Plain
}

static mut FAMILIES: Vec<(usize, Family)> = Vec::new();

// ---- construction ----------------------------------------------------------------

/// The OSError subclass CPython picks for an errno (`OSError(errno, ...)`).
pub unsafe fn oserror_subclass_for(errno: i64) -> *mut PyObject {
    let v: *mut *mut PyObject = match errno as i32 {
        libc::EAGAIN | libc::EALREADY | libc::EINPROGRESS => &raw mut PyExc_BlockingIOError,
        libc::ECHILD => &raw mut PyExc_ChildProcessError,
        libc::EPIPE | libc::ESHUTDOWN => &raw mut PyExc_BrokenPipeError,
        libc::ECONNABORTED => &raw mut PyExc_ConnectionAbortedError,
        libc::ECONNREFUSED => &raw mut PyExc_ConnectionRefusedError,
        libc::ECONNRESET => &raw mut PyExc_ConnectionResetError,
        libc::EEXIST => &raw mut PyExc_FileExistsError,
        libc::ENOENT => &raw mut PyExc_FileNotFoundError,
        libc::EISDIR => &raw mut PyExc_IsADirectoryError,
        libc::ENOTDIR => &raw mut PyExc_NotADirectoryError,
        libc::EINTR => &raw mut PyExc_InterruptedError,
        libc::EACCES | libc::EPERM => &raw mut PyExc_PermissionError,
        libc::ESRCH => &raw mut PyExc_ProcessLookupError,
        libc::ETIMEDOUT => &raw mut PyExc_TimeoutError,
        _ => return null_mut(),
    };
    *v
}

unsafe extern "C" fn exc_new(
    t: *mut PyTypeObject,
    args: *mut PyObject,
    _kwds: *mut PyObject,
) -> *mut PyObject {
    let mut t = t;
    if t as *mut PyObject == exc(&raw mut PyExc_OSError)
        && !args.is_null()
        && (2..=5).contains(&Py_SIZE(args))
    {
        let en = tuple::get_item(args, 0);
        if crate::objects::long::is_long(en) {
            if let Some(n) = crate::objects::long::to_i64(en) {
                if n > 0 && n < i32::MAX as i64 {
                    let sub = oserror_subclass_for(n);
                    if !sub.is_null() {
                        t = sub as *mut PyTypeObject;
                    }
                }
            }
        }
    }
    let mut group = None;
    if family_of(t) == Family::Group {
        match crate::objects::exceptions_fields::group_new(t, args) {
            Ok(g) => {
                t = g.0;
                group = Some(g);
            }
            Err(()) => return null_mut(),
        }
    }
    let alloc_fn = (*t).tp_alloc.unwrap_or(alloc::generic_alloc_slot);
    let o = alloc_fn(t, 0);
    if o.is_null() {
        if let Some((_, m, x, _)) = group {
            Py_DECREF(m);
            Py_DECREF(x);
        }
        return o;
    }
    if let Some((_, m, x, was_list)) = group {
        e(o).extra[0] = m;
        e(o).extra[1] = x;
        e(o).extra[2] = new_ref(py_bool(was_list));
    }
    let a = if args.is_null() {
        tuple::new(0)
    } else {
        new_ref(args)
    };
    e(o).args = a;
    o
}

unsafe extern "C" fn exc_init(o: *mut PyObject, args: *mut PyObject, kwds: *mut PyObject) -> c_int {
    if !kwds.is_null()
        && dict::len(kwds) > 0
        && family_of(Py_TYPE(o)) != Family::Import
        && family_of(Py_TYPE(o)) != Family::Attribute
        && family_of(Py_TYPE(o)) != Family::Name
    {
        let _: PyResult<()> = crate::raise!(
            PyExc_TypeError,
            "{}() takes no keyword arguments",
            crate::objects::typeobject::type_name(Py_TYPE(o))
        );
        return -1;
    }
    Py_INCREF(args);
    swap_field(o, |x| &mut x.args, args);
    crate::objects::exceptions_fields::init_family(o, args, kwds)
}

/// `t(*args)` with the exception being raised (if any) set aside meanwhile: C code
/// may raise over a pending exception, and the constructor must not see it. When
/// the constructor fails its error stands; otherwise the pending one is put back.
unsafe fn call_aside(t: *mut PyTypeObject, args: *mut PyObject) -> *mut PyObject {
    let saved = crate::errors::take_raised();
    let r = crate::protocols::call::call(t as *mut PyObject, args, null_mut());
    if r.is_null() {
        Py_XDECREF(saved);
    } else {
        crate::errors::set_raised(saved);
    }
    r
}

/// Make an instance of `t` from `value` as `PyErr_SetObject` does: a tuple is the
/// argument list, NULL/None means no arguments, anything else is one argument.
pub unsafe fn create(t: *mut PyTypeObject, value: *mut PyObject) -> *mut PyObject {
    let args = if value.is_null() || value == none() {
        tuple::new(0)
    } else if tuple::is_tuple(value) {
        new_ref(value)
    } else {
        tuple::pack(&[value])
    };
    if args.is_null() {
        return null_mut();
    }
    let r = call_aside(t, args);
    Py_DECREF(args);
    if !r.is_null() && !crate::errors::is_exception_instance(r) {
        let msg = format!(
            "calling {} should have returned an instance of BaseException, not {}",
            unicode::repr_string(t as *mut PyObject),
            crate::objects::typeobject::type_name(Py_TYPE(r))
        );
        Py_DECREF(r);
        crate::errors::set_string(exc(&raw mut PyExc_TypeError), &msg);
        return null_mut();
    }
    r
}

/// A new exception instance `t(*args)` built without running Python code.
pub unsafe fn new_instance(t: *mut PyTypeObject, args: &[*mut PyObject]) -> *mut PyObject {
    let a = tuple::from_slice(args);
    if a.is_null() {
        return a;
    }
    let r = call_aside(t, a);
    Py_DECREF(a);
    r
}

// ---- chaining --------------------------------------------------------------------

/// Set `exc.__context__ = ctx` (new reference taken), avoiding cycles as CPython does.
pub unsafe fn set_context_chained(exc_: *mut PyObject, ctx: *mut PyObject) {
    // Break a cycle exc -> ... -> exc in the existing context chain of ctx.
    let mut o = new_ref(ctx);
    let mut visited: Vec<usize> = Vec::new();
    loop {
        visited.push(o as usize);
        let next = read_field(o, |x| &mut x.context);
        if next.is_null() {
            Py_DECREF(o);
            break;
        }
        if next == exc_ {
            swap_field(o, |x| &mut x.context, null_mut());
            Py_DECREF(next);
            Py_DECREF(o);
            break;
        }
        Py_DECREF(o);
        if visited.contains(&(next as usize)) {
            // A cycle that does not go through exc_: leave it.
            Py_DECREF(next);
            break;
        }
        o = next;
    }
    Py_INCREF(ctx);
    swap_field(exc_, |x| &mut x.context, ctx);
}

/// `PyException_SetCause`: steals `cause` (may be NULL); sets `__suppress_context__`.
pub unsafe fn set_cause(exc_: *mut PyObject, cause: *mut PyObject) {
    swap_field(
        exc_,
        |x| {
            x.suppress_context = 1;
            &mut x.cause
        },
        cause,
    );
}

/// `PyException_SetContext`: steals `ctx`.
pub unsafe fn set_context(exc_: *mut PyObject, ctx: *mut PyObject) {
    swap_field(exc_, |x| &mut x.context, ctx);
}

/// Borrowed reads, for a thread that owns the exception (printing, fetching).
pub unsafe fn get_context(exc_: *mut PyObject) -> *mut PyObject {
    e(exc_).context
}
pub unsafe fn get_cause(exc_: *mut PyObject) -> *mut PyObject {
    e(exc_).cause
}
pub unsafe fn get_traceback(exc_: *mut PyObject) -> *mut PyObject {
    e(exc_).traceback
}
/// New references, read under the exception's lock (the C API's getters).
pub unsafe fn get_context_ref(exc_: *mut PyObject) -> *mut PyObject {
    read_field(exc_, |x| &mut x.context)
}
pub unsafe fn get_cause_ref(exc_: *mut PyObject) -> *mut PyObject {
    read_field(exc_, |x| &mut x.cause)
}
pub unsafe fn get_traceback_ref(exc_: *mut PyObject) -> *mut PyObject {
    read_field(exc_, |x| &mut x.traceback)
}
pub unsafe fn get_args_ref(exc_: *mut PyObject) -> *mut PyObject {
    read_field(exc_, |x| &mut x.args)
}
/// `PyException_SetTraceback`: takes a new reference; NULL or None clears.
pub unsafe fn set_traceback(exc_: *mut PyObject, tb: *mut PyObject) -> PyResult<()> {
    if tb.is_null() || tb == none() {
        swap_field(exc_, |x| &mut x.traceback, null_mut());
        return Ok(());
    }
    if Py_TYPE(tb) != &raw mut PyTraceBack_Type {
        return crate::raise!(PyExc_TypeError, "__traceback__ must be a traceback or None");
    }
    Py_INCREF(tb);
    swap_field(exc_, |x| &mut x.traceback, tb);
    Ok(())
}
pub unsafe fn get_args(exc_: *mut PyObject) -> *mut PyObject {
    e(exc_).args
}
/// `PyException_SetArgs` (new reference taken).
pub unsafe fn set_args(exc_: *mut PyObject, args: *mut PyObject) {
    Py_INCREF(args);
    swap_field(exc_, |x| &mut x.args, args);
}

pub unsafe fn extra(exc_: *mut PyObject, i: usize) -> *mut PyObject {
    e(exc_).extra[i]
}

/// Store extra field `i` (new reference taken; NULL clears).
pub unsafe fn set_extra(exc_: *mut PyObject, i: usize, v: *mut PyObject) {
    Py_XINCREF(v);
    swap_field(exc_, |x| &mut x.extra[i], v);
}

// ---- raising helpers -------------------------------------------------------------

/// KeyError(key): the key itself is the single argument (even a tuple).
pub unsafe fn raise_key_error(key: *mut PyObject) {
    let t = exc(&raw mut PyExc_KeyError) as *mut PyTypeObject;
    let inst = new_instance(t, &[key]);
    if !inst.is_null() {
        crate::errors::set_object(t as *mut PyObject, inst);
        Py_DECREF(inst);
    }
}

/// AttributeError(msg) with `name` and `obj` set (3.10+ attributes).
pub unsafe fn raise_attribute_error(obj: *mut PyObject, name: *mut PyObject, msg: &str) {
    let t = exc(&raw mut PyExc_AttributeError) as *mut PyTypeObject;
    let m = unicode::from_str(msg);
    if m.is_null() {
        return;
    }
    let inst = new_instance(t, &[m]);
    Py_DECREF(m);
    if inst.is_null() {
        return;
    }
    set_extra(inst, 0, name);
    set_extra(inst, 1, obj);
    crate::errors::set_object(t as *mut PyObject, inst);
    Py_DECREF(inst);
}

/// UnicodeDecodeError(encoding, object: bytes, start, end, reason).
pub unsafe fn raise_unicode_decode_error(
    encoding: &str,
    data: &[u8],
    start: usize,
    end: usize,
    reason: &str,
) {
    let enc = unicode::from_str(encoding);
    let obj = crate::objects::bytes::from_slice(data);
    let s = crate::objects::long::from_i64(start as i64);
    let en = crate::objects::long::from_i64(end as i64);
    let r = unicode::from_str(reason);
    if !enc.is_null() && !obj.is_null() && !s.is_null() && !en.is_null() && !r.is_null() {
        let t = exc(&raw mut PyExc_UnicodeDecodeError) as *mut PyTypeObject;
        let inst = new_instance(t, &[enc, obj, s, en, r]);
        if !inst.is_null() {
            crate::errors::set_object(t as *mut PyObject, inst);
            Py_DECREF(inst);
        }
    }
    for p in [enc, obj, s, en, r] {
        Py_XDECREF(p);
    }
}

/// UnicodeEncodeError(encoding, object: str, start, end, reason).
pub unsafe fn raise_unicode_encode_error(
    encoding: &str,
    obj: *mut PyObject,
    start: usize,
    end: usize,
    reason: &str,
) {
    let enc = unicode::from_str(encoding);
    let s = crate::objects::long::from_i64(start as i64);
    let en = crate::objects::long::from_i64(end as i64);
    let r = unicode::from_str(reason);
    if !enc.is_null() && !s.is_null() && !en.is_null() && !r.is_null() {
        let t = exc(&raw mut PyExc_UnicodeEncodeError) as *mut PyTypeObject;
        let inst = new_instance(t, &[enc, obj, s, en, r]);
        if !inst.is_null() {
            crate::errors::set_object(t as *mut PyObject, inst);
            Py_DECREF(inst);
        }
    }
    for p in [enc, s, en, r] {
        Py_XDECREF(p);
    }
}

/// Report an exception that cannot be raised (`PyErr_WriteUnraisable` with a
/// message): prints to stderr in CPython's format and clears it.
pub unsafe fn write_unraisable_msg(msg: &str, obj: *mut PyObject) {
    let ex = crate::errors::take_raised();
    if ex.is_null() {
        return;
    }
    let mut out = String::new();
    if obj.is_null() {
        out.push_str(&format!("{}:\n", msg));
    } else {
        out.push_str(&format!("{}: {}\n", msg, unicode::repr_string(obj)));
    }
    out.push_str(&format_exception_only(ex));
    Py_DECREF(ex);
    crate::objects::sysmodule::write_stderr(&out);
}

/// "TypeName: message\n" as the traceback module prints the last line.
pub unsafe fn format_exception_only(ex: *mut PyObject) -> String {
    let t = Py_TYPE(ex);
    let m = crate::objects::typeobject::module_name(t);
    let ms = if m.is_null() {
        crate::errors::clear();
        String::new()
    } else {
        let s = unicode::str_string(m);
        Py_DECREF(m);
        s
    };
    let name = if ms.is_empty() || ms == "builtins" || ms == "__main__" {
        crate::objects::typeobject::qual_name(t).to_string()
    } else {
        format!("{}.{}", ms, crate::objects::typeobject::qual_name(t))
    };
    let s = unicode::str_string(ex);
    if s.is_empty() {
        format!("{}\n", name)
    } else {
        format!("{}: {}\n", name, s)
    }
}

// ---- the BaseException type ------------------------------------------------------

unsafe extern "C" fn exc_dealloc(o: *mut PyObject) {
    crate::gc::untrack(o);
    exc_clear(o);
    alloc::free_via_type(o);
}

unsafe extern "C" fn exc_clear(o: *mut PyObject) -> c_int {
    let x = e(o);
    xsetref(&mut x.dict, null_mut());
    xsetref(&mut x.args, null_mut());
    xsetref(&mut x.notes, null_mut());
    xsetref(&mut x.traceback, null_mut());
    xsetref(&mut x.context, null_mut());
    xsetref(&mut x.cause, null_mut());
    for i in 0..NEXTRA {
        xsetref(&mut x.extra[i], null_mut());
    }
    0
}

unsafe extern "C" fn exc_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let x = e(o);
    visit_each(
        [x.dict, x.args, x.notes, x.traceback, x.context, x.cause]
            .into_iter()
            .chain(x.extra),
        visit,
        arg,
    )
}

unsafe extern "C" fn exc_str(o: *mut PyObject) -> *mut PyObject {
    if let Some(s) = crate::objects::exceptions_fields::family_str(o) {
        return s;
    }
    let Some(args) = Owned::from_new(get_args_ref(o)) else {
        return new_ref(unicode::empty());
    };
    let args = args.as_ptr();
    let n = Py_SIZE(args);
    if n == 1
        && crate::objects::typeobject::is_subtype(
            Py_TYPE(o),
            exc(&raw mut PyExc_KeyError) as *mut PyTypeObject,
        )
    {
        // KeyError shows the key as repr, so that '' and missing keys are visible.
        return crate::protocols::object::repr(tuple::get_item(args, 0));
    }
    match n {
        0 => new_ref(unicode::empty()),
        1 => crate::protocols::object::str(tuple::get_item(args, 0)),
        _ => crate::protocols::object::str(args),
    }
}

unsafe extern "C" fn exc_repr(o: *mut PyObject) -> *mut PyObject {
    if let Some(r) = crate::objects::exceptions_fields::family_repr(o) {
        return r;
    }
    let name = crate::objects::typeobject::qual_name(Py_TYPE(o)).to_string();
    let held = Owned::from_new(get_args_ref(o));
    let args = held.as_ref().map_or(null_mut(), |a| a.as_ptr());
    let n = if args.is_null() { 0 } else { Py_SIZE(args) };
    let inner = if n == 1 {
        unicode::repr_string(tuple::get_item(args, 0))
    } else if n == 0 {
        String::new()
    } else {
        let r = unicode::repr_string(args);
        r[1..r.len() - 1].to_string()
    };
    unicode::from_str(&format!("{}({})", name, inner))
}

unsafe extern "C" fn get_args_slot(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    let a = get_args_ref(o);
    if a.is_null() {
        tuple::new(0)
    } else {
        a
    }
}
unsafe extern "C" fn set_args_slot(o: *mut PyObject, v: *mut PyObject, _c: *mut c_void) -> c_int {
    if v.is_null() {
        let _: PyResult<()> = crate::raise!(PyExc_TypeError, "args may not be deleted");
        return -1;
    }
    let t = crate::objects::tuple::sequence_to_tuple(v);
    if t.is_null() {
        return -1;
    }
    swap_field(o, |x| &mut x.args, t);
    0
}
unsafe extern "C" fn get_tb(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    let t = get_traceback_ref(o);
    if t.is_null() {
        none()
    } else {
        t
    }
}
unsafe extern "C" fn set_tb(o: *mut PyObject, v: *mut PyObject, _c: *mut c_void) -> c_int {
    if v.is_null() {
        let _: PyResult<()> = crate::raise!(PyExc_TypeError, "__traceback__ may not be deleted");
        return -1;
    }
    if set_traceback(o, v).is_ok() {
        0
    } else {
        -1
    }
}
unsafe fn chain_setter(o: *mut PyObject, v: *mut PyObject, what: &str) -> c_int {
    let cause = what == "__cause__";
    let store = |v: *mut PyObject| {
        swap_field(
            o,
            |x| {
                if cause {
                    x.suppress_context = 1;
                    &mut x.cause
                } else {
                    &mut x.context
                }
            },
            v,
        )
    };
    if v.is_null() {
        let _: PyResult<()> = crate::raise!(PyExc_TypeError, "{} may not be deleted", what);
        return -1;
    }
    if v == none() {
        store(null_mut());
        return 0;
    }
    if !crate::errors::is_exception_instance(v) {
        let _: PyResult<()> = crate::raise!(
            PyExc_TypeError,
            "exception {} must be None or derive from BaseException",
            if what == "__cause__" {
                "cause"
            } else {
                "context"
            }
        );
        return -1;
    }
    Py_INCREF(v);
    store(v);
    0
}
unsafe extern "C" fn get_ctx(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    let t = get_context_ref(o);
    if t.is_null() {
        none()
    } else {
        t
    }
}
unsafe extern "C" fn set_ctx(o: *mut PyObject, v: *mut PyObject, _c: *mut c_void) -> c_int {
    chain_setter(o, v, "__context__")
}
unsafe extern "C" fn get_cause_slot(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    let t = get_cause_ref(o);
    if t.is_null() {
        none()
    } else {
        t
    }
}
unsafe extern "C" fn set_cause_slot(o: *mut PyObject, v: *mut PyObject, _c: *mut c_void) -> c_int {
    chain_setter(o, v, "__cause__")
}
unsafe extern "C" fn get_dict(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    let d = read_field(o, |x| &mut x.dict);
    if !d.is_null() {
        return d;
    }
    // Made outside the lock (it is a GC object), installed unless another thread won.
    let nd = dict::new();
    if nd.is_null() {
        return null_mut();
    }
    let x = o as *mut BaseExceptionObject;
    let cur = (*x).lock.with(|| {
        if (*x).dict.is_null() {
            (*x).dict = nd;
            Py_INCREF(nd);
            null_mut()
        } else {
            Py_INCREF((*x).dict);
            (*x).dict
        }
    });
    if cur.is_null() {
        nd
    } else {
        Py_DECREF(nd);
        cur
    }
}

unsafe extern "C" fn with_traceback(o: *mut PyObject, tb: *mut PyObject) -> *mut PyObject {
    if set_traceback(o, tb).is_err() {
        return null_mut();
    }
    new_ref(o)
}

unsafe extern "C" fn add_note(o: *mut PyObject, note: *mut PyObject) -> *mut PyObject {
    if !unicode::is_unicode(note) {
        return crate::raise_null!(
            PyExc_TypeError,
            "add_note() argument must be str, not {}",
            crate::objects::typeobject::type_name(Py_TYPE(note))
        );
    }
    // __notes__ lives in the instance dict, as in CPython.
    let name = unicode::intern_str("__notes__");
    let notes = match crate::protocols::object::get_optional_attr(o, name) {
        Ok(n) => n,
        Err(()) => return null_mut(),
    };
    let notes = if notes.is_null() {
        let l = crate::objects::list::new(0);
        if l.is_null() {
            return null_mut();
        }
        if crate::protocols::object::set_attr(o, name, l).is_err() {
            Py_DECREF(l);
            return null_mut();
        }
        l
    } else if !crate::objects::list::is_list(notes) {
        Py_DECREF(notes);
        return crate::raise_null!(PyExc_TypeError, "Cannot add note: __notes__ is not a list");
    } else {
        notes
    };
    let r = crate::objects::list::append(notes, note);
    Py_DECREF(notes);
    if r.is_err() {
        return null_mut();
    }
    none()
}

unsafe extern "C" fn exc_reduce(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    let x = e(o);
    let args = if x.args.is_null() {
        tuple::new(0)
    } else {
        new_ref(x.args)
    };
    let r = if x.dict.is_null() {
        tuple::pack(&[Py_TYPE(o) as *mut PyObject, args])
    } else {
        tuple::pack(&[Py_TYPE(o) as *mut PyObject, args, x.dict])
    };
    Py_DECREF(args);
    r
}

unsafe extern "C" fn exc_setstate(o: *mut PyObject, state: *mut PyObject) -> *mut PyObject {
    if state != none() {
        if !dict::is_dict(state) {
            return crate::raise_null!(PyExc_TypeError, "state is not a dictionary");
        }
        for (k, v) in dict::snapshot(state) {
            let r = crate::protocols::object::set_attr(o, k, v);
            Py_DECREF(k);
            Py_DECREF(v);
            if r.is_err() {
                return null_mut();
            }
        }
    }
    none()
}

static mut EXC_METHODS: [PyMethodDef; 5] = [
    PyMethodDef {
        ml_name: c"__setstate__".as_ptr(),
        ml_meth: Some(exc_setstate),
        ml_flags: METH_O,
        ml_doc: core::ptr::null(),
    },
    PyMethodDef {
        ml_name: c"with_traceback".as_ptr(),
        ml_meth: Some(with_traceback),
        ml_flags: METH_O,
        ml_doc: c"Set self.__traceback__ to tb and return self.".as_ptr(),
    },
    PyMethodDef {
        ml_name: c"add_note".as_ptr(),
        ml_meth: Some(add_note),
        ml_flags: METH_O,
        ml_doc: c"Add a note to the exception".as_ptr(),
    },
    PyMethodDef {
        ml_name: c"__reduce__".as_ptr(),
        ml_meth: Some(exc_reduce),
        ml_flags: METH_NOARGS,
        ml_doc: core::ptr::null(),
    },
    PyMethodDef::SENTINEL,
];

static mut EXC_GETSET: [PyGetSetDef; 6] = [
    PyGetSetDef {
        name: c"args".as_ptr(),
        get: Some(get_args_slot),
        set: Some(set_args_slot),
        doc: core::ptr::null(),
        closure: null_mut(),
    },
    PyGetSetDef {
        name: c"__traceback__".as_ptr(),
        get: Some(get_tb),
        set: Some(set_tb),
        doc: core::ptr::null(),
        closure: null_mut(),
    },
    PyGetSetDef {
        name: c"__context__".as_ptr(),
        get: Some(get_ctx),
        set: Some(set_ctx),
        doc: c"exception context".as_ptr(),
        closure: null_mut(),
    },
    PyGetSetDef {
        name: c"__cause__".as_ptr(),
        get: Some(get_cause_slot),
        set: Some(set_cause_slot),
        doc: c"exception cause".as_ptr(),
        closure: null_mut(),
    },
    PyGetSetDef {
        name: c"__dict__".as_ptr(),
        get: Some(get_dict),
        set: None,
        doc: core::ptr::null(),
        closure: null_mut(),
    },
    PyGetSetDef::SENTINEL,
];

static mut EXC_MEMBERS: [PyMemberDef; 2] = [
    PyMemberDef {
        name: c"__suppress_context__".as_ptr(),
        type_code: Py_T_BOOL,
        offset: core::mem::offset_of!(BaseExceptionObject, suppress_context) as Py_ssize_t,
        flags: 0,
        doc: core::ptr::null(),
    },
    PyMemberDef::SENTINEL,
];

/// Create every built-in exception type and point the `PyExc_*` variables at them.
pub unsafe fn init_types() {
    let defs = table();
    let mut made: Vec<*mut PyTypeObject> = Vec::with_capacity(defs.len());
    FAMILIES = Vec::new();
    for d in &defs {
        // Exception types are static built-ins in CPython: immortal, never freed.
        let t = Box::into_raw(Box::new(PyTypeObject::static_empty(&raw mut PyType_Type)));
        crate::objects::typeobject::init_builtin(
            t,
            d.name,
            core::mem::size_of::<BaseExceptionObject>(),
            0,
        );
        (*t).tp_flags |= Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASE_EXC_SUBCLASS;
        (*t).tp_doc = d.doc.as_ptr();
        (*t).tp_dictoffset = core::mem::offset_of!(BaseExceptionObject, dict) as Py_ssize_t;
        match d.base {
            None => {
                (*t).tp_new = Some(exc_new);
                (*t).tp_init = Some(exc_init);
                (*t).tp_dealloc = Some(exc_dealloc);
                (*t).tp_traverse = Some(exc_traverse);
                (*t).tp_clear = Some(exc_clear);
                (*t).tp_str = Some(exc_str);
                (*t).tp_repr = Some(exc_repr);
                (*t).tp_methods = (&raw mut EXC_METHODS).cast();
                (*t).tp_getset = (&raw mut EXC_GETSET).cast();
                (*t).tp_members = (&raw mut EXC_MEMBERS).cast();
            }
            Some(b) => (*t).tp_base = made[b],
        }
        crate::objects::exceptions_fields::customize(t, d.family, d.base.is_none());
        FAMILIES.push((t as usize, d.family));
        made.push(t);
        *d.var = t as *mut PyObject;
    }
    // ExceptionGroup(BaseExceptionGroup, Exception): made at start-up, not exported.
    {
        let t = Box::into_raw(Box::new(PyTypeObject::static_empty(&raw mut PyType_Type)));
        crate::objects::typeobject::init_builtin(
            t,
            c"ExceptionGroup",
            core::mem::size_of::<BaseExceptionObject>(),
            0,
        );
        (*t).tp_flags |= Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASE_EXC_SUBCLASS;
        (*t).tp_dictoffset = core::mem::offset_of!(BaseExceptionObject, dict) as Py_ssize_t;
        (*t).tp_base = PyExc_BaseExceptionGroup as *mut PyTypeObject;
        (*t).tp_bases = tuple::pack(&[PyExc_BaseExceptionGroup, PyExc_Exception]);
        FAMILIES.push((t as usize, Family::Group));
        crate::objects::exceptions_fields::EXCEPTION_GROUP = t;
    }
    // The OSError aliases.
    PyExc_EnvironmentError = PyExc_OSError;
    PyExc_IOError = PyExc_OSError;
}

/// Ready the exception types (after the core types are ready).
pub unsafe fn ready_types() -> PyResult<()> {
    for (t, _) in FAMILIES.iter() {
        crate::objects::typeobject::ready(*t as *mut PyTypeObject)?;
    }
    Ok(())
}

/// A built-in exception class by its name (borrowed), NULL if there is none.
pub unsafe fn builtin_by_name(name: &str) -> *mut PyObject {
    for (t, _) in FAMILIES.iter() {
        let t = *t as *mut PyTypeObject;
        if crate::objects::typeobject::type_name(t) == name {
            return t as *mut PyObject;
        }
    }
    null_mut()
}

/// Put every built-in exception class (and the OSError aliases) in `builtins`.
pub unsafe fn add_to_builtins(d: *mut PyObject) -> PyResult<()> {
    for (t, _) in FAMILIES.iter() {
        let t = *t as *mut PyTypeObject;
        dict::set_str(
            d,
            crate::objects::typeobject::type_name(t),
            t as *mut PyObject,
        )?;
    }
    dict::set_str(d, "EnvironmentError", PyExc_OSError)?;
    dict::set_str(d, "IOError", PyExc_OSError)?;
    Ok(())
}
