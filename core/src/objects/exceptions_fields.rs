//! Family-specific exception attributes: StopIteration.value, SystemExit.code,
//! ImportError.msg/name/path/name_from, OSError.errno/strerror/filename/filename2,
//! SyntaxError's location, the Unicode errors, AttributeError.name/obj,
//! NameError.name, BaseExceptionGroup's message and exceptions.

use core::ffi::c_int;
use core::ptr::null_mut;

use crate::defs::*;
use crate::exported::*;
use crate::object::*;
use crate::objects::exceptions::{extra, family_of, set_extra, BaseExceptionObject, Family};
use crate::objects::{dict, tuple, unicode};
use crate::typeobj::*;

const fn off(i: usize) -> Py_ssize_t {
    (core::mem::offset_of!(BaseExceptionObject, extra) + i * core::mem::size_of::<*mut PyObject>())
        as Py_ssize_t
}

macro_rules! member {
    ($name:literal, $i:expr) => {
        PyMemberDef {
            name: $name.as_ptr(),
            type_code: _Py_T_OBJECT,
            offset: off($i),
            flags: 0,
            doc: core::ptr::null(),
        }
    };
}

static mut STOPITER_MEMBERS: [PyMemberDef; 2] = [member!(c"value", 0), PyMemberDef::SENTINEL];
static mut SYSEXIT_MEMBERS: [PyMemberDef; 2] = [member!(c"code", 0), PyMemberDef::SENTINEL];
static mut IMPORT_MEMBERS: [PyMemberDef; 5] = [
    member!(c"msg", 0),
    member!(c"name", 1),
    member!(c"path", 2),
    member!(c"name_from", 3),
    PyMemberDef::SENTINEL,
];
static mut OS_MEMBERS: [PyMemberDef; 5] = [
    member!(c"errno", 0),
    member!(c"strerror", 1),
    member!(c"filename", 2),
    member!(c"filename2", 3),
    PyMemberDef::SENTINEL,
];
static mut SYNTAX_MEMBERS: [PyMemberDef; 9] = [
    member!(c"msg", 0),
    member!(c"filename", 1),
    member!(c"lineno", 2),
    member!(c"offset", 3),
    member!(c"text", 4),
    member!(c"end_lineno", 5),
    member!(c"end_offset", 6),
    member!(c"print_file_and_line", 7),
    PyMemberDef::SENTINEL,
];
static mut UNICODE_MEMBERS: [PyMemberDef; 6] = [
    member!(c"encoding", 0),
    member!(c"object", 1),
    member!(c"start", 2),
    member!(c"end", 3),
    member!(c"reason", 4),
    PyMemberDef::SENTINEL,
];
static mut ATTRIBUTE_MEMBERS: [PyMemberDef; 3] = [
    member!(c"name", 0),
    member!(c"obj", 1),
    PyMemberDef::SENTINEL,
];
static mut NAME_MEMBERS: [PyMemberDef; 2] = [member!(c"name", 0), PyMemberDef::SENTINEL];
static mut GROUP_MEMBERS: [PyMemberDef; 3] = [
    member!(c"message", 0),
    member!(c"exceptions", 1),
    PyMemberDef::SENTINEL,
];

/// Give the first type of each family its members and `__str__`.
pub unsafe fn customize(t: *mut PyTypeObject, fam: Family, _is_root: bool) {
    let base_family = if (*t).tp_base.is_null() {
        Family::Plain
    } else {
        family_of((*t).tp_base)
    };
    if fam == base_family {
        return;
    }
    if fam == Family::Group {
        (*t).tp_methods = (&raw mut GROUP_METHODS).cast();
    }
    if fam == Family::Os {
        (*t).tp_getset = (&raw mut OS_GETSET).cast();
    }
    (*t).tp_members = match fam {
        Family::StopIteration => (&raw mut STOPITER_MEMBERS).cast(),
        Family::SystemExit => (&raw mut SYSEXIT_MEMBERS).cast(),
        Family::Import => (&raw mut IMPORT_MEMBERS).cast(),
        Family::Os => (&raw mut OS_MEMBERS).cast(),
        Family::Syntax => (&raw mut SYNTAX_MEMBERS).cast(),
        Family::Unicode => (&raw mut UNICODE_MEMBERS).cast(),
        Family::Attribute => (&raw mut ATTRIBUTE_MEMBERS).cast(),
        Family::Name => (&raw mut NAME_MEMBERS).cast(),
        Family::Group => (&raw mut GROUP_MEMBERS).cast(),
        Family::Plain => null_mut(),
    };
}

/// The keyword-only attributes of ImportError, AttributeError and NameError:
/// each key must be one of `names`, whose values go to the extra fields from
/// `first` on (missing ones are cleared).
unsafe fn keyword_fields(
    o: *mut PyObject,
    kwds: *mut PyObject,
    names: &[&str],
    first: usize,
) -> PyResult<()> {
    if !kwds.is_null() {
        for (k, v) in dict::snapshot(kwds) {
            let ks = unicode::to_string_lossy(k);
            Py_DECREF(k);
            Py_DECREF(v);
            if !names.contains(&ks.as_str()) {
                return crate::raise!(
                    PyExc_TypeError,
                    "'{}' is an invalid keyword argument for {}()",
                    ks,
                    crate::objects::typeobject::type_name(Py_TYPE(o))
                );
            }
        }
    }
    for (i, name) in names.iter().enumerate() {
        set_extra(o, first + i, kwarg(kwds, name));
    }
    Ok(())
}

unsafe fn arg(args: *mut PyObject, i: isize) -> *mut PyObject {
    if !args.is_null() && Py_SIZE(args) > i {
        tuple::get_item(args, i)
    } else {
        null_mut()
    }
}

unsafe fn kwarg(kwds: *mut PyObject, name: &str) -> *mut PyObject {
    if kwds.is_null() {
        null_mut()
    } else {
        dict::get_str(kwds, name)
    }
}

/// Set the family fields from the constructor arguments.
pub unsafe fn init_family(o: *mut PyObject, args: *mut PyObject, kwds: *mut PyObject) -> c_int {
    let n = if args.is_null() { 0 } else { Py_SIZE(args) };
    match family_of(Py_TYPE(o)) {
        Family::StopIteration => set_extra(o, 0, if n > 0 { arg(args, 0) } else { none() }),
        Family::SystemExit => set_extra(
            o,
            0,
            if n == 0 {
                none()
            } else if n == 1 {
                arg(args, 0)
            } else {
                args
            },
        ),
        Family::Import => {
            if keyword_fields(o, kwds, &["name", "path", "name_from"], 1).is_err() {
                return -1;
            }
            set_extra(o, 0, if n == 1 { arg(args, 0) } else { null_mut() });
        }
        Family::Attribute => {
            if keyword_fields(o, kwds, &["name", "obj"], 0).is_err() {
                return -1;
            }
        }
        Family::Name => {
            if keyword_fields(o, kwds, &["name"], 0).is_err() {
                return -1;
            }
        }
        Family::Os => {
            if (2..=5).contains(&n) {
                set_extra(o, 0, arg(args, 0));
                set_extra(o, 1, arg(args, 1));
                let f1 = arg(args, 2);
                if !f1.is_null() && f1 != none() {
                    let blocking = Py_TYPE(o) as *mut PyObject == PyExc_BlockingIOError;
                    if blocking && crate::protocols::number::index_check(f1) {
                        // BlockingIOError(errno, strerror, characters_written)
                        let w = crate::protocols::number::index(f1);
                        if w.is_null() {
                            return -1;
                        }
                        if crate::objects::long::to_i64(w).is_none() {
                            Py_DECREF(w);
                            let _: PyResult<()> = crate::raise!(
                                PyExc_ValueError,
                                "cannot fit 'int' into an index-sized integer"
                            );
                            return -1;
                        }
                        set_extra(o, 4, w);
                        Py_DECREF(w);
                    } else {
                        set_extra(o, 2, f1);
                        let f2 = arg(args, 4);
                        if !f2.is_null() && f2 != none() {
                            set_extra(o, 3, f2);
                        }
                        // args keeps only (errno, strerror) when a filename was given.
                        let t = tuple::from_slice(&tuple::as_slice(args)[..2]);
                        if t.is_null() {
                            return -1;
                        }
                        crate::objects::exceptions::set_args(o, t);
                        Py_DECREF(t);
                    }
                }
            }
        }
        Family::Syntax => {
            if n >= 1 {
                set_extra(o, 0, arg(args, 0));
            }
            if n == 2 {
                // (filename, lineno, offset, text[, end_lineno, end_offset[, metadata]])
                let info = tuple::sequence_to_tuple(arg(args, 1));
                if info.is_null() {
                    return -1;
                }
                let k = Py_SIZE(info);
                if !(4..=7).contains(&k) {
                    Py_DECREF(info);
                    let _: PyResult<()> = crate::raise!(
                        PyExc_TypeError,
                        "function takes {} {} arguments ({} given)",
                        if k < 4 { "at least" } else { "at most" },
                        if k < 4 { 4 } else { 7 },
                        k
                    );
                    return -1;
                }
                for i in 0..k.min(6) {
                    set_extra(o, 1 + i as usize, tuple::get_item(info, i));
                }
                Py_DECREF(info);
            }
        }
        Family::Unicode => {
            let t = Py_TYPE(o);
            let is = |v: *mut *mut PyObject| {
                crate::objects::typeobject::is_subtype(t, *v as *mut PyTypeObject)
            };
            let decode = is(&raw mut PyExc_UnicodeDecodeError);
            let encode = is(&raw mut PyExc_UnicodeEncodeError);
            let translate = is(&raw mut PyExc_UnicodeTranslateError);
            if !(decode || encode || translate) {
                return 0;
            }
            let want = if translate { 4 } else { 5 };
            if n != want {
                let _: PyResult<()> = crate::raise!(
                    PyExc_TypeError,
                    "function takes exactly {} arguments ({} given)",
                    want,
                    n
                );
                return -1;
            }
            let need_str = |i: isize, pos: usize| -> bool {
                let v = arg(args, i);
                if unicode::is_unicode(v) {
                    return true;
                }
                let _: PyResult<()> = crate::raise!(
                    PyExc_TypeError,
                    "argument {} must be str, not {}",
                    pos,
                    crate::objects::typeobject::type_name(Py_TYPE(v))
                );
                false
            };
            let off = if translate { 1 } else { 0 };
            if !translate && !need_str(0, 1) {
                return -1;
            }
            let obj = arg(args, 1 - off);
            let obj = if decode {
                if crate::objects::bytes::is_bytes(obj) {
                    new_ref(obj)
                } else {
                    let b = bytes_of_buffer(obj);
                    if b.is_null() {
                        return -1;
                    }
                    b
                }
            } else {
                if !need_str(1 - off, 2 - off as usize) {
                    return -1;
                }
                new_ref(obj)
            };
            let mut idx = [null_mut(); 2];
            for (j, slot) in idx.iter_mut().enumerate() {
                let v = crate::protocols::number::index(arg(args, 2 + j as isize - off));
                if v.is_null() {
                    Py_DECREF(obj);
                    Py_XDECREF(if j == 1 { idx[0] } else { null_mut() });
                    return -1;
                }
                *slot = v;
            }
            if !need_str(4 - off, 5 - off as usize) {
                Py_DECREF(obj);
                Py_DECREF(idx[0]);
                Py_DECREF(idx[1]);
                return -1;
            }
            set_extra(o, 0, if translate { null_mut() } else { arg(args, 0) });
            set_extra(o, 1, obj);
            set_extra(o, 2, idx[0]);
            set_extra(o, 3, idx[1]);
            set_extra(o, 4, arg(args, 4 - off));
            Py_DECREF(obj);
            Py_DECREF(idx[0]);
            Py_DECREF(idx[1]);
        }
        Family::Group => {
            // message and exceptions were set by __new__ (`group_new`).
        }
        Family::Plain => {}
    }
    0
}

/// `__str__` for families whose text is not just `str(args)`.
pub unsafe fn family_str(o: *mut PyObject) -> Option<*mut PyObject> {
    let t = Py_TYPE(o);
    match family_of(t) {
        Family::Import => {
            let m = extra(o, 0);
            if !m.is_null() && m != none() {
                return Some(crate::protocols::object::str(m));
            }
            None
        }
        Family::Os => {
            let (errno, strerror, f1, f2) = (extra(o, 0), extra(o, 1), extra(o, 2), extra(o, 3));
            if errno.is_null() || strerror.is_null() {
                return None;
            }
            let s = if !f1.is_null() && f1 != none() && !f2.is_null() && f2 != none() {
                format!(
                    "[Errno {}] {}: {} -> {}",
                    unicode::str_string(errno),
                    unicode::str_string(strerror),
                    unicode::repr_string(f1),
                    unicode::repr_string(f2)
                )
            } else if !f1.is_null() && f1 != none() {
                format!(
                    "[Errno {}] {}: {}",
                    unicode::str_string(errno),
                    unicode::str_string(strerror),
                    unicode::repr_string(f1)
                )
            } else {
                format!(
                    "[Errno {}] {}",
                    unicode::str_string(errno),
                    unicode::str_string(strerror)
                )
            };
            Some(unicode::from_str(&s))
        }
        Family::Syntax => {
            let msg = extra(o, 0);
            let msg = if msg.is_null() { none() } else { msg };
            let (file, line) = (extra(o, 1), extra(o, 2));
            let mut s = unicode::str_string(msg);
            let fname = if !file.is_null() && unicode::is_unicode(file) {
                let f = unicode::to_string_lossy(file);
                Some(f.rsplit('/').next().unwrap_or(&f).to_string())
            } else {
                None
            };
            let lineno = if !line.is_null() && crate::objects::long::is_long(line) {
                crate::objects::long::to_i64(line)
            } else {
                None
            };
            match (fname, lineno) {
                (Some(f), Some(l)) => s = format!("{} ({}, line {})", s, f, l),
                (Some(f), None) => s = format!("{} ({})", s, f),
                (None, Some(l)) => s = format!("{} (line {})", s, l),
                (None, None) => {}
            }
            Some(unicode::from_str(&s))
        }
        Family::Unicode => unicode_error_str(o),
        Family::Group => {
            let msg = extra(o, 0);
            let excs = extra(o, 1);
            if msg.is_null() || excs.is_null() {
                return None;
            }
            let n = Py_SIZE(excs);
            Some(unicode::from_str(&format!(
                "{} ({} sub-exception{})",
                unicode::str_string(msg),
                n,
                if n == 1 { "" } else { "s" }
            )))
        }
        _ => None,
    }
}

unsafe fn unicode_error_str(o: *mut PyObject) -> Option<*mut PyObject> {
    let t = Py_TYPE(o);
    let (enc, obj, start, end, reason) = (
        extra(o, 0),
        extra(o, 1),
        extra(o, 2),
        extra(o, 3),
        extra(o, 4),
    );
    if obj.is_null() || reason.is_null() || start.is_null() || end.is_null() {
        return None;
    }
    let s = crate::objects::long::to_i64(start).unwrap_or(0);
    let e = crate::objects::long::to_i64(end).unwrap_or(0);
    let reason = unicode::str_string(reason);
    let is =
        |v: *mut *mut PyObject| crate::objects::typeobject::is_subtype(t, *v as *mut PyTypeObject);
    let text = if is(&raw mut PyExc_UnicodeDecodeError) {
        let bytes = crate::objects::bytes::as_slice_of(obj);
        let encs = if enc.is_null() {
            String::new()
        } else {
            unicode::str_string(enc)
        };
        if e == s + 1 && (s as usize) < bytes.len() {
            format!(
                "'{}' codec can't decode byte 0x{:02x} in position {}: {}",
                encs, bytes[s as usize], s, reason
            )
        } else {
            format!(
                "'{}' codec can't decode bytes in position {}-{}: {}",
                encs,
                s,
                e - 1,
                reason
            )
        }
    } else {
        let encs = if enc.is_null() {
            String::new()
        } else {
            format!("'{}' codec can't encode", unicode::str_string(enc))
        };
        let prefix = if is(&raw mut PyExc_UnicodeTranslateError) {
            "can't translate".to_string()
        } else {
            encs
        };
        let len = if unicode::is_unicode(obj) {
            unicode::as_unicode(obj).length as i64
        } else {
            0
        };
        if e == s + 1 && s < len {
            let c = unicode::char_at(obj, s as usize);
            let cs = if c <= 0xff {
                format!("\\x{:02x}", c)
            } else if c <= 0xffff {
                format!("\\u{:04x}", c)
            } else {
                format!("\\U{:08x}", c)
            };
            format!(
                "{} character '{}' in position {}: {}",
                prefix, cs, s, reason
            )
        } else {
            format!(
                "{} characters in position {}-{}: {}",
                prefix,
                s,
                e - 1,
                reason
            )
        }
    };
    Some(unicode::from_str(&text))
}

/// `__repr__` for families that show more than their args (ImportError's
/// `name=`/`path=`).
pub unsafe fn family_repr(o: *mut PyObject) -> Option<*mut PyObject> {
    if family_of(Py_TYPE(o)) == Family::Group {
        return group_repr(o);
    }
    if family_of(Py_TYPE(o)) != Family::Import {
        return None;
    }
    let (name, path) = (extra(o, 1), extra(o, 2));
    if name.is_null() && path.is_null() {
        return None;
    }
    let args = crate::objects::exceptions::get_args(o);
    let mut parts: Vec<String> = Vec::new();
    if !args.is_null() {
        for &a in tuple::as_slice(args) {
            let r = crate::protocols::object::repr(a);
            if r.is_null() {
                return Some(r);
            }
            parts.push(unicode::to_string_lossy(r));
            Py_DECREF(r);
        }
    }
    for (label, v) in [("name", name), ("path", path)] {
        if !v.is_null() {
            let r = crate::protocols::object::repr(v);
            if r.is_null() {
                return Some(r);
            }
            parts.push(format!("{}={}", label, unicode::to_string_lossy(r)));
            Py_DECREF(r);
        }
    }
    Some(unicode::from_str(&format!(
        "{}({})",
        crate::objects::typeobject::qual_name(Py_TYPE(o)),
        parts.join(", ")
    )))
}

// ---- exception groups ------------------------------------------------------------------

/// `ExceptionGroup` (not exported by CPython either: `builtins.ExceptionGroup`).
pub static mut EXCEPTION_GROUP: *mut PyTypeObject = null_mut();

unsafe fn is_group(o: *mut PyObject) -> bool {
    crate::objects::typeobject::is_subtype(
        Py_TYPE(o),
        PyExc_BaseExceptionGroup as *mut PyTypeObject,
    )
}

/// `BaseExceptionGroup.__new__`'s checks: returns the class to instantiate (plain
/// BaseExceptionGroup becomes ExceptionGroup when every member is an Exception),
/// the message, the members as a tuple, and whether they came as a list.
pub unsafe fn group_new(
    t: *mut PyTypeObject,
    args: *mut PyObject,
) -> PyResult<(*mut PyTypeObject, *mut PyObject, *mut PyObject, bool)> {
    let n = if args.is_null() { 0 } else { Py_SIZE(args) };
    if n != 2 {
        return crate::raise!(
            PyExc_TypeError,
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
            n
        );
    }
    let message = tuple::get_item(args, 0);
    let seq = tuple::get_item(args, 1);
    if !unicode::is_unicode(message) {
        return crate::raise!(
            PyExc_TypeError,
            "BaseExceptionGroup.__new__() argument 1 must be str, not {}",
            crate::objects::typeobject::type_name(Py_TYPE(message))
        );
    }
    if !crate::protocols::sequence::check(seq) {
        return crate::raise!(
            PyExc_TypeError,
            "second argument (exceptions) must be a sequence"
        );
    }
    let excs = tuple::sequence_to_tuple(seq);
    nonnull(excs)?;
    let excs = Owned(excs);
    let items = tuple::as_slice(excs.as_ptr());
    if items.is_empty() {
        return crate::raise!(
            PyExc_ValueError,
            "second argument (exceptions) must be a non-empty sequence"
        );
    }
    let exception_t = PyExc_Exception as *mut PyTypeObject;
    let mut nested_base = false;
    for (i, &x) in items.iter().enumerate() {
        if !crate::errors::is_exception_instance(x) {
            return crate::raise!(
                PyExc_ValueError,
                "Item {} of second argument (exceptions) is not an exception",
                i
            );
        }
        if !crate::objects::typeobject::is_subtype(Py_TYPE(x), exception_t) {
            nested_base = true;
        }
    }
    let base_group = PyExc_BaseExceptionGroup as *mut PyTypeObject;
    let mut cls = t;
    if cls == base_group {
        if !nested_base {
            cls = EXCEPTION_GROUP;
        }
    } else if cls == EXCEPTION_GROUP {
        if nested_base {
            return crate::raise!(
                PyExc_TypeError,
                "Cannot nest BaseExceptions in an ExceptionGroup"
            );
        }
    } else if nested_base && crate::objects::typeobject::is_subtype(cls, exception_t) {
        return crate::raise!(
            PyExc_TypeError,
            "Cannot nest BaseExceptions in '{}'",
            crate::objects::typeobject::tp_name(cls)
        );
    }
    Ok((
        cls,
        new_ref(message),
        excs.into_ptr(),
        crate::objects::list::is_list(seq),
    ))
}

unsafe fn group_repr(o: *mut PyObject) -> Option<*mut PyObject> {
    let (msg, excs, was_list) = (extra(o, 0), extra(o, 1), extra(o, 2));
    if msg.is_null() || excs.is_null() {
        return None;
    }
    let m = crate::protocols::object::repr(msg);
    if m.is_null() {
        return Some(m);
    }
    let ms = unicode::to_string_lossy(m);
    Py_DECREF(m);
    let e = crate::protocols::object::repr(excs);
    if e.is_null() {
        return Some(e);
    }
    let mut es = unicode::to_string_lossy(e);
    Py_DECREF(e);
    if !was_list.is_null() && was_list == py_true() {
        // Shown as the list it was given as (a one-item tuple's comma dropped).
        let inner = es[1..es.len() - 1].trim_end_matches(',').to_string();
        es = format!("[{}]", inner);
    }
    Some(unicode::from_str(&format!(
        "{}({}, {})",
        crate::objects::typeobject::qual_name(Py_TYPE(o)),
        ms,
        es
    )))
}

unsafe extern "C" fn group_derive(o: *mut PyObject, excs: *mut PyObject) -> *mut PyObject {
    let msg = extra(o, 0);
    let msg = if msg.is_null() { unicode::empty() } else { msg };
    let args = tuple::pack(&[msg, excs]);
    if args.is_null() {
        return args;
    }
    let r = crate::protocols::call::call(PyExc_BaseExceptionGroup, args, null_mut());
    Py_DECREF(args);
    r
}

#[derive(Clone, Copy)]
enum Matcher {
    ByType(*mut PyObject),
    Predicate(*mut PyObject),
}

unsafe fn get_matcher(v: *mut PyObject) -> PyResult<Matcher> {
    if crate::protocols::call::is_callable(v) && !crate::objects::typeobject::is_type(v) {
        return Ok(Matcher::Predicate(v));
    }
    if crate::errors::is_exception_class(v) {
        return Ok(Matcher::ByType(v));
    }
    if tuple::is_tuple(v)
        && tuple::as_slice(v)
            .iter()
            .all(|&x| crate::errors::is_exception_class(x))
    {
        return Ok(Matcher::ByType(v));
    }
    crate::raise!(
        PyExc_TypeError,
        "expected an exception type, a tuple of exception types, or a callable (other than a class)"
    )
}

unsafe fn matches(e: *mut PyObject, m: Matcher) -> PyResult<bool> {
    match m {
        Matcher::ByType(t) => Ok(crate::errors::given_exception_matches(e, t)),
        Matcher::Predicate(f) => {
            let r = crate::protocols::call::call_function(f, &[e]);
            nonnull(r)?;
            let b = crate::protocols::object::is_true(r);
            Py_DECREF(r);
            if b < 0 {
                Err(())
            } else {
                Ok(b == 1)
            }
        }
    }
}

/// `orig.derive(excs)` carrying over cause, context, traceback and notes.
unsafe fn group_subset(orig: *mut PyObject, excs: &[*mut PyObject]) -> PyResult<*mut PyObject> {
    if excs.is_empty() {
        return Ok(null_mut());
    }
    let l = crate::objects::list::from_slice(excs);
    nonnull(l)?;
    let eg = crate::protocols::call::call_method(orig, "derive", &[l]);
    Py_DECREF(l);
    let eg = eg?;
    if !crate::errors::is_exception_instance(eg) || !is_group(eg) {
        Py_DECREF(eg);
        return crate::raise!(
            PyExc_TypeError,
            "derive must return an instance of BaseExceptionGroup"
        );
    }
    use crate::objects::exceptions as ex;
    let c = ex::get_cause(orig);
    Py_XINCREF(c);
    ex::set_cause(eg, c);
    let c = ex::get_context(orig);
    Py_XINCREF(c);
    ex::set_context(eg, c);
    let _ = ex::set_traceback(eg, ex::get_traceback(orig));
    let notes =
        match crate::protocols::object::get_optional_attr(orig, unicode::intern_str("__notes__")) {
            Ok(n) => Owned::from_new(n),
            Err(()) => {
                Py_DECREF(eg);
                return Err(());
            }
        };
    if let Some(notes) = notes.filter(|n| crate::protocols::sequence::check(n.as_ptr())) {
        let items = crate::protocols::iter::collect(notes.as_ptr());
        let Ok(items) = items else {
            Py_DECREF(eg);
            return Err(());
        };
        let ptrs: Vec<*mut PyObject> = items.iter().map(|x| x.as_ptr()).collect();
        let nl = crate::objects::list::from_slice(&ptrs);
        if nl.is_null() {
            Py_DECREF(eg);
            return Err(());
        }
        let r = crate::protocols::object::set_attr(eg, unicode::intern_str("__notes__"), nl);
        Py_DECREF(nl);
        if r.is_err() {
            Py_DECREF(eg);
            return Err(());
        }
    }
    Ok(eg)
}

/// Split `e` into the part matching `m` and (with `rest`) the part that does not.
unsafe fn split_recursive(
    e: *mut PyObject,
    m: Matcher,
    rest: bool,
) -> PyResult<(*mut PyObject, *mut PyObject)> {
    if matches(e, m)? {
        return Ok((new_ref(e), null_mut()));
    }
    if !is_group(e) {
        return Ok((null_mut(), if rest { new_ref(e) } else { null_mut() }));
    }
    let excs = extra(e, 1);
    let mut mlist: Vec<Owned> = Vec::new();
    let mut rlist: Vec<Owned> = Vec::new();
    if !excs.is_null() {
        for &x in tuple::as_slice(excs) {
            if crate::protocols::object::enter_recursive_call(" in exceptiongroup_split_recursive")
                .is_err()
            {
                return Err(());
            }
            let r = split_recursive(x, m, rest);
            crate::protocols::object::leave_recursive_call();
            let (a, b) = r?;
            if !a.is_null() {
                mlist.push(Owned(a));
            }
            if !b.is_null() {
                rlist.push(Owned(b));
            }
        }
    }
    let mp: Vec<*mut PyObject> = mlist.iter().map(|x| x.as_ptr()).collect();
    let rp: Vec<*mut PyObject> = rlist.iter().map(|x| x.as_ptr()).collect();
    let a = group_subset(e, &mp)?;
    let b = if rest {
        match group_subset(e, &rp) {
            Ok(b) => b,
            Err(()) => {
                Py_XDECREF(a);
                return Err(());
            }
        }
    } else {
        null_mut()
    };
    Ok((a, b))
}

unsafe extern "C" fn group_split(o: *mut PyObject, matcher: *mut PyObject) -> *mut PyObject {
    let Ok(m) = get_matcher(matcher) else {
        return null_mut();
    };
    let Ok((a, b)) = split_recursive(o, m, true) else {
        return null_mut();
    };
    let a = if a.is_null() { new_ref(none()) } else { a };
    let b = if b.is_null() { new_ref(none()) } else { b };
    let r = tuple::pack(&[a, b]);
    Py_DECREF(a);
    Py_DECREF(b);
    r
}

unsafe extern "C" fn group_subgroup(o: *mut PyObject, matcher: *mut PyObject) -> *mut PyObject {
    let Ok(m) = get_matcher(matcher) else {
        return null_mut();
    };
    let Ok((a, _)) = split_recursive(o, m, false) else {
        return null_mut();
    };
    if a.is_null() {
        new_ref(none())
    } else {
        a
    }
}

static mut GROUP_METHODS: [PyMethodDef; 4] = [
    PyMethodDef {
        ml_name: c"derive".as_ptr(),
        ml_meth: Some(group_derive),
        ml_flags: METH_O,
        ml_doc: core::ptr::null(),
    },
    PyMethodDef {
        ml_name: c"split".as_ptr(),
        ml_meth: Some(group_split),
        ml_flags: METH_O,
        ml_doc: core::ptr::null(),
    },
    PyMethodDef {
        ml_name: c"subgroup".as_ptr(),
        ml_meth: Some(group_subgroup),
        ml_flags: METH_O,
        ml_doc: core::ptr::null(),
    },
    PyMethodDef::SENTINEL,
];

/// `bytes(obj)` for a bytes-like object (through its buffer), as UnicodeDecodeError
/// takes its `object`; TypeError for anything else.
unsafe fn bytes_of_buffer(obj: *mut PyObject) -> *mut PyObject {
    let bp = (*Py_TYPE(obj)).tp_as_buffer;
    let get = if bp.is_null() {
        None
    } else {
        (*bp).bf_getbuffer
    };
    let Some(get) = get else {
        return crate::raise_null!(
            PyExc_TypeError,
            "a bytes-like object is required, not '{}'",
            crate::objects::typeobject::type_name(Py_TYPE(obj))
        );
    };
    let mut view: Py_buffer = core::mem::zeroed();
    if get(obj, &mut view, 0) < 0 {
        return null_mut();
    }
    let data = if view.buf.is_null() || view.len <= 0 {
        &[][..]
    } else {
        core::slice::from_raw_parts(view.buf as *const u8, view.len as usize)
    };
    let r = crate::objects::bytes::from_slice(data);
    if let Some(rel) = (*bp).bf_releasebuffer {
        rel(obj, &mut view);
    }
    Py_XDECREF(view.obj);
    r
}

unsafe extern "C" fn written_get(o: *mut PyObject, _c: *mut core::ffi::c_void) -> *mut PyObject {
    let w = extra(o, 4);
    if w.is_null() {
        return crate::raise_null!(PyExc_AttributeError, "characters_written");
    }
    new_ref(w)
}

unsafe extern "C" fn written_set(
    o: *mut PyObject,
    v: *mut PyObject,
    _c: *mut core::ffi::c_void,
) -> c_int {
    if v.is_null() {
        if extra(o, 4).is_null() {
            let _: PyResult<()> = crate::raise!(PyExc_AttributeError, "characters_written");
            return -1;
        }
        set_extra(o, 4, null_mut());
        return 0;
    }
    let w = crate::protocols::number::index(v);
    if w.is_null() {
        return -1;
    }
    if crate::objects::long::to_i64(w).is_none() {
        Py_DECREF(w);
        let _: PyResult<()> = crate::raise!(
            PyExc_ValueError,
            "cannot fit 'int' into an index-sized integer"
        );
        return -1;
    }
    set_extra(o, 4, w);
    Py_DECREF(w);
    0
}

static mut OS_GETSET: [PyGetSetDef; 2] = [
    PyGetSetDef {
        name: c"characters_written".as_ptr(),
        get: Some(written_get),
        set: Some(written_set),
        doc: core::ptr::null(),
        closure: null_mut(),
    },
    PyGetSetDef::SENTINEL,
];
