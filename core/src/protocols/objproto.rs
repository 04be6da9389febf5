//! The rest of the object protocol: `isinstance`/`issubclass` with
//! `__instancecheck__`/`__subclasscheck__`, `dir()`, `format()`, attribute
//! presence and deletion, `not`.

use core::ffi::c_int;
use core::ptr::null_mut;

use crate::exported::*;
use crate::object::*;
use crate::objects::typeobject::{is_subtype, is_type, lookup_str, type_name};
use crate::objects::{list, tuple, unicode};
use crate::protocols::object::{
    enter_recursive_call, get_attr, get_optional_attr, leave_recursive_call,
};
use crate::typeobj::PyTypeObject;

/// `_PyObject_LookupSpecial`: `name` looked up on the type of `o` and bound to `o`.
/// Ok(NULL) when the type has no such attribute.
pub unsafe fn lookup_special(o: *mut PyObject, name: &str) -> PyResult<*mut PyObject> {
    let t = Py_TYPE(o);
    if (*t).tp_dict.is_null() {
        crate::objects::typeobject::ready(t)?;
    }
    let d = lookup_str(t, name);
    if d.is_null() {
        return if crate::errors::raised().is_null() {
            Ok(null_mut())
        } else {
            Err(())
        };
    }
    Py_INCREF(d);
    match (*Py_TYPE(d)).tp_descr_get {
        Some(get) => {
            let r = get(d, o, t as *mut PyObject);
            Py_DECREF(d);
            nonnull(r)
        }
        None => Ok(d),
    }
}

/// `cls.__bases__` when it is a tuple (new reference), else Ok(NULL).
unsafe fn abstract_get_bases(cls: *mut PyObject) -> PyResult<*mut PyObject> {
    let b = get_optional_attr(cls, unicode::intern_str("__bases__"))?;
    if !b.is_null() && !tuple::is_tuple(b) {
        Py_DECREF(b);
        return Ok(null_mut());
    }
    Ok(b)
}

unsafe fn check_class(cls: *mut PyObject, msg: &str) -> PyResult<()> {
    let b = abstract_get_bases(cls)?;
    if b.is_null() {
        return crate::raise!(PyExc_TypeError, "{}", msg);
    }
    Py_DECREF(b);
    Ok(())
}

unsafe fn abstract_issubclass(derived: *mut PyObject, cls: *mut PyObject) -> c_int {
    let mut derived = Owned::from_borrowed(derived);
    let mut depth = 0;
    let r = loop {
        if derived.as_ptr() == cls {
            break 1;
        }
        let bases = match abstract_get_bases(derived.as_ptr()) {
            Ok(b) if b.is_null() => break 0,
            Ok(b) => Owned(b),
            Err(()) => break -1,
        };
        let n = Py_SIZE(bases.as_ptr());
        if n == 0 {
            break 0;
        }
        if n == 1 {
            // Single inheritance: iterate instead of recursing.
            if enter_recursive_call(" in __issubclass__").is_err() {
                break -1;
            }
            depth += 1;
            derived = Owned::from_borrowed(tuple::get_item(bases.as_ptr(), 0));
            continue;
        }
        let mut r = 0;
        for i in 0..n {
            r = abstract_issubclass(tuple::get_item(bases.as_ptr(), i), cls);
            if r != 0 {
                break;
            }
        }
        break r;
    };
    for _ in 0..depth {
        leave_recursive_call();
    }
    r
}

unsafe fn object_isinstance(inst: *mut PyObject, cls: *mut PyObject) -> c_int {
    if is_type(cls) {
        if is_subtype(Py_TYPE(inst), cls as *mut PyTypeObject) {
            return 1;
        }
        let icls = match get_optional_attr(inst, unicode::intern_str("__class__")) {
            Ok(c) => c,
            Err(()) => return -1,
        };
        if icls.is_null() {
            return 0;
        }
        let r = if icls != Py_TYPE(inst) as *mut PyObject && is_type(icls) {
            is_subtype(icls as *mut PyTypeObject, cls as *mut PyTypeObject) as c_int
        } else {
            0
        };
        Py_DECREF(icls);
        return r;
    }
    if check_class(
        cls,
        "isinstance() arg 2 must be a type, a tuple of types, or a union",
    )
    .is_err()
    {
        return -1;
    }
    let icls = match get_optional_attr(inst, unicode::intern_str("__class__")) {
        Ok(c) => c,
        Err(()) => return -1,
    };
    if icls.is_null() {
        return 0;
    }
    let r = abstract_issubclass(icls, cls);
    Py_DECREF(icls);
    r
}

/// Call `checker(arg)` and take its truth (the `__instancecheck__` protocol).
unsafe fn call_checker(checker: *mut PyObject, arg: *mut PyObject, what: &str) -> c_int {
    if enter_recursive_call(what).is_err() {
        Py_DECREF(checker);
        return -1;
    }
    let res = crate::protocols::call::call_function(checker, &[arg]);
    leave_recursive_call();
    Py_DECREF(checker);
    if res.is_null() {
        return -1;
    }
    let ok = crate::protocols::object::is_true(res);
    Py_DECREF(res);
    ok
}

/// `PyObject_IsInstance`.
pub unsafe fn is_instance(inst: *mut PyObject, cls: *mut PyObject) -> c_int {
    if Py_TYPE(inst) as *mut PyObject == cls {
        return 1;
    }
    if Py_TYPE(cls) == &raw mut PyType_Type {
        return object_isinstance(inst, cls);
    }
    if tuple::is_tuple(cls) {
        if enter_recursive_call(" in __instancecheck__").is_err() {
            return -1;
        }
        let mut r = 0;
        for i in 0..Py_SIZE(cls) {
            r = is_instance(inst, tuple::get_item(cls, i));
            if r != 0 {
                break;
            }
        }
        leave_recursive_call();
        return r;
    }
    match lookup_special(cls, "__instancecheck__") {
        Ok(c) if !c.is_null() => call_checker(c, inst, " in __instancecheck__"),
        Ok(_) => object_isinstance(inst, cls),
        Err(()) => -1,
    }
}

unsafe fn recursive_issubclass(derived: *mut PyObject, cls: *mut PyObject) -> c_int {
    if is_type(cls) && is_type(derived) {
        return is_subtype(derived as *mut PyTypeObject, cls as *mut PyTypeObject) as c_int;
    }
    if check_class(derived, "issubclass() arg 1 must be a class").is_err() {
        return -1;
    }
    if check_class(
        cls,
        "issubclass() arg 2 must be a class, a tuple of classes, or a union",
    )
    .is_err()
    {
        return -1;
    }
    abstract_issubclass(derived, cls)
}

/// `PyObject_IsSubclass`.
pub unsafe fn is_subclass(derived: *mut PyObject, cls: *mut PyObject) -> c_int {
    if Py_TYPE(cls) == &raw mut PyType_Type {
        if derived == cls {
            return 1;
        }
        return recursive_issubclass(derived, cls);
    }
    if tuple::is_tuple(cls) {
        if enter_recursive_call(" in __subclasscheck__").is_err() {
            return -1;
        }
        let mut r = 0;
        for i in 0..Py_SIZE(cls) {
            r = is_subclass(derived, tuple::get_item(cls, i));
            if r != 0 {
                break;
            }
        }
        leave_recursive_call();
        return r;
    }
    match lookup_special(cls, "__subclasscheck__") {
        Ok(c) if !c.is_null() => call_checker(c, derived, " in __subclasscheck__"),
        Ok(_) => recursive_issubclass(derived, cls),
        Err(()) => -1,
    }
}

/// `PyObject_Not`.
pub unsafe fn not(o: *mut PyObject) -> c_int {
    let r = crate::protocols::object::is_true(o);
    if r < 0 {
        r
    } else {
        (r == 0) as c_int
    }
}

/// Sort a list of str in place by code point (what `sorted(dir(x))` needs).
/// Lists holding other objects are sorted with `<`.
unsafe fn sort_list(l: *mut PyObject) -> PyResult<()> {
    let mut items: Vec<Owned> = list::snapshot(l);
    if items.iter().all(|o| unicode::is_unicode(o.as_ptr())) {
        items.sort_by(|a, b| unicode::compare(a.as_ptr(), b.as_ptr()));
    } else {
        // Insertion sort with rich comparison (stable, like list.sort()).
        for i in 1..items.len() {
            let mut j = i;
            while j > 0 {
                let lt = crate::protocols::object::rich_compare_bool(
                    items[j].as_ptr(),
                    items[j - 1].as_ptr(),
                    0,
                );
                if lt < 0 {
                    return Err(());
                }
                if lt == 0 {
                    break;
                }
                items.swap(j, j - 1);
                j -= 1;
            }
        }
    }
    // Refill the list in order: it keeps its identity.
    list::clear(l);
    for o in &items {
        list::append(l, o.as_ptr())?;
    }
    Ok(())
}

/// `PyObject_Dir`: `sorted(type(o).__dir__(o))`; NULL asks for the current frame's
/// names, and there is no Python frame here.
pub unsafe fn dir(o: *mut PyObject) -> *mut PyObject {
    if o.is_null() {
        return crate::raise_null!(PyExc_SystemError, "frame does not exist");
    }
    let f = match lookup_special(o, "__dir__") {
        Ok(f) if f.is_null() => {
            return crate::raise_null!(PyExc_TypeError, "object does not provide __dir__")
        }
        Ok(f) => f,
        Err(()) => return null_mut(),
    };
    let r = crate::protocols::call::call_function(f, &[]);
    Py_DECREF(f);
    if r.is_null() {
        return r;
    }
    let l = if list::is_list_exact(r) {
        let items = list::snapshot(r);
        let ptrs: Vec<*mut PyObject> = items.iter().map(|o| o.as_ptr()).collect();
        list::from_slice(&ptrs)
    } else {
        match crate::protocols::iter::collect(r) {
            Ok(v) => {
                let ptrs: Vec<*mut PyObject> = v.iter().map(|o| o.as_ptr()).collect();
                list::from_slice(&ptrs)
            }
            Err(()) => null_mut(),
        }
    };
    Py_DECREF(r);
    if l.is_null() {
        return l;
    }
    if sort_list(l).is_err() {
        Py_DECREF(l);
        return null_mut();
    }
    l
}

/// `PyObject_Format`: `type(o).__format__(o, spec)`; `object.__format__` (str() for an
/// empty spec) when the type defines none.
pub unsafe fn format(o: *mut PyObject, spec: *mut PyObject) -> *mut PyObject {
    if !spec.is_null() && !unicode::is_unicode(spec) {
        return crate::raise_null!(
            PyExc_SystemError,
            "Format specifier must be a string, not {}",
            type_name(Py_TYPE(spec))
        );
    }
    let empty = spec.is_null() || unicode::as_unicode(spec).length == 0;
    if empty {
        if unicode::is_unicode_exact(o) {
            return new_ref(o);
        }
        if crate::objects::long::is_long_exact(o) {
            return crate::protocols::object::str(o);
        }
    }
    let spec = if spec.is_null() {
        unicode::empty()
    } else {
        spec
    };
    let m = match lookup_special(o, "__format__") {
        Ok(m) => m,
        Err(()) => return null_mut(),
    };
    if m.is_null() {
        // object.__format__
        if !empty {
            return crate::raise_null!(
                PyExc_TypeError,
                "unsupported format string passed to {}.__format__",
                type_name(Py_TYPE(o))
            );
        }
        return crate::protocols::object::str(o);
    }
    let r = crate::protocols::call::call_function(m, &[spec]);
    Py_DECREF(m);
    if !r.is_null() && !unicode::is_unicode(r) {
        let n = type_name(Py_TYPE(r)).to_string();
        Py_DECREF(r);
        return crate::raise_null!(PyExc_TypeError, "__format__ must return a str, not {}", n);
    }
    r
}

/// `PyObject_HasAttrWithError`: 1, 0, or -1 with an exception set.
pub unsafe fn has_attr_with_error(o: *mut PyObject, name: *mut PyObject) -> c_int {
    match get_optional_attr(o, name) {
        Ok(r) if r.is_null() => 0,
        Ok(r) => {
            Py_DECREF(r);
            1
        }
        Err(()) => -1,
    }
}

/// `PyObject_HasAttr`: any error counts as "no" (and is reported as unraisable,
/// as CPython 3.13+ does).
pub unsafe fn has_attr(o: *mut PyObject, name: *mut PyObject) -> c_int {
    let r = has_attr_with_error(o, name);
    if r < 0 {
        let what =
            "Exception ignored in PyObject_HasAttr(); consider using PyObject_HasAttrWithError()"
                .to_string();
        crate::objects::traceback::write_unraisable(&what, null_mut());
        return 0;
    }
    r
}

/// `getattr` without the AttributeError (kept for callers that take `&str`).
pub unsafe fn get_attr_opt_str(o: *mut PyObject, name: &str) -> PyResult<*mut PyObject> {
    let n = unicode::from_str(name);
    nonnull(n)?;
    let r = get_optional_attr(o, n);
    Py_DECREF(n);
    r
}

/// `getattr(o, name)` for a name given as UTF-8 bytes.
pub unsafe fn get_attr_bytes(o: *mut PyObject, name: &[u8]) -> *mut PyObject {
    let n = unicode::from_utf8(name);
    if n.is_null() {
        return n;
    }
    let r = get_attr(o, n);
    Py_DECREF(n);
    r
}
