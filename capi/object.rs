//! The object protocol (`PyObject_*` from the "Object Protocol" page).

use core::ffi::c_char;
use core::ptr::null_mut;

use carapace_core::object::PyObject;
use carapace_core::protocols::object as obj;

#[no_mangle]
pub unsafe extern "C" fn PyObject_Repr(o: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), { obj::repr(o) })
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_Str(o: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), { obj::str(o) })
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_ASCII(o: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), { obj::ascii(o) })
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_GetAttrString(
    o: *mut PyObject,
    name: *const c_char,
) -> *mut PyObject {
    guard!(null_mut(), {
        if o.is_null() || name.is_null() {
            return null_error();
        }
        let n =
            carapace_core::objects::unicode::from_utf8(core::ffi::CStr::from_ptr(name).to_bytes());
        if n.is_null() {
            return null_mut();
        }
        let r = obj::get_attr(o, n);
        carapace_core::object::Py_DECREF(n);
        r
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_GetAttr(o: *mut PyObject, name: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), {
        if o.is_null() || name.is_null() {
            return null_error();
        }
        obj::get_attr(o, name)
    })
}

/// CPython's `null_error()`: a NULL argument where an object was expected
/// (usually a failed call's result passed on): keep the pending exception, or say so.
unsafe fn null_error() -> *mut PyObject {
    if carapace_core::errors::raised().is_null() {
        carapace_core::errors::set_string(
            carapace_core::objects::exceptions::exc(&raw mut PyExc_SystemError),
            "null argument to internal routine",
        );
    }
    null_mut()
}

// ---- attributes ---------------------------------------------------------------------

use carapace_core::errors;
use carapace_core::object::{Py_DECREF, Py_TYPE};
use carapace_core::protocols::objproto;
use core::ffi::c_int;

/// A C attribute name as a str (NULL on error with an exception set).
unsafe fn name_obj(name: *const c_char) -> *mut PyObject {
    carapace_core::objects::unicode::from_utf8(core::ffi::CStr::from_ptr(name).to_bytes())
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_SetAttr(
    o: *mut PyObject,
    name: *mut PyObject,
    v: *mut PyObject,
) -> c_int {
    guard!(-1, {
        if o.is_null() || name.is_null() {
            errors::bad_internal_call();
            return -1;
        }
        if obj::set_attr(o, name, v).is_ok() {
            0
        } else {
            -1
        }
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_SetAttrString(
    o: *mut PyObject,
    name: *const c_char,
    v: *mut PyObject,
) -> c_int {
    guard!(-1, {
        if o.is_null() || name.is_null() {
            errors::bad_internal_call();
            return -1;
        }
        let n = name_obj(name);
        if n.is_null() {
            return -1;
        }
        let r = obj::set_attr(o, n, v);
        Py_DECREF(n);
        if r.is_ok() {
            0
        } else {
            -1
        }
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_DelAttr(o: *mut PyObject, name: *mut PyObject) -> c_int {
    PyObject_SetAttr(o, name, null_mut())
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_DelAttrString(o: *mut PyObject, name: *const c_char) -> c_int {
    PyObject_SetAttrString(o, name, null_mut())
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_HasAttrWithError(o: *mut PyObject, name: *mut PyObject) -> c_int {
    guard!(-1, {
        if o.is_null() || name.is_null() {
            errors::bad_internal_call();
            return -1;
        }
        objproto::has_attr_with_error(o, name)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_HasAttrStringWithError(
    o: *mut PyObject,
    name: *const c_char,
) -> c_int {
    guard!(-1, {
        if o.is_null() || name.is_null() {
            errors::bad_internal_call();
            return -1;
        }
        let n = name_obj(name);
        if n.is_null() {
            return -1;
        }
        let r = objproto::has_attr_with_error(o, n);
        Py_DECREF(n);
        r
    })
}

unsafe fn has_attr_report(o: *mut PyObject, n: *mut PyObject, what: &str) -> c_int {
    let r = objproto::has_attr_with_error(o, n);
    if r < 0 {
        carapace_core::objects::traceback::write_unraisable(what, null_mut());
        return 0;
    }
    r
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_HasAttr(o: *mut PyObject, name: *mut PyObject) -> c_int {
    guard!(0, {
        if o.is_null() || name.is_null() {
            return 0;
        }
        has_attr_report(
            o,
            name,
            "Exception ignored in PyObject_HasAttr(); consider using PyObject_HasAttrWithError(), PyObject_GetOptionalAttr() or PyObject_GetAttr()",
        )
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_HasAttrString(o: *mut PyObject, name: *const c_char) -> c_int {
    guard!(0, {
        if o.is_null() || name.is_null() {
            return 0;
        }
        let n = name_obj(name);
        if n.is_null() {
            carapace_core::objects::traceback::write_unraisable(
                "Exception ignored in PyObject_HasAttrString() while decoding the attribute name",
                null_mut(),
            );
            return 0;
        }
        let r = has_attr_report(
            o,
            n,
            "Exception ignored in PyObject_HasAttrString(); consider using PyObject_HasAttrStringWithError(), PyObject_GetOptionalAttrString() or PyObject_GetAttrString()",
        );
        Py_DECREF(n);
        r
    })
}

/// The `*GetOptional*` convention (CPython's `PyObject_GetOptionalAttr`): `*result`
/// is always set, to NULL unless found; returns 1 (found: a new reference in
/// `*result`), 0 (absent) or -1 (error). A NULL `result`, or `args_ok` false (NULL
/// arguments), is `PyErr_BadInternalCall`; `lookup` answers `Ok(NULL)` for absent.
pub(crate) unsafe fn get_optional(
    result: *mut *mut PyObject,
    args_ok: bool,
    lookup: impl FnOnce() -> carapace_core::object::PyResult<*mut PyObject>,
) -> c_int {
    if result.is_null() {
        errors::bad_internal_call();
        return -1;
    }
    *result = null_mut();
    if !args_ok {
        errors::bad_internal_call();
        return -1;
    }
    match lookup() {
        Ok(r) if r.is_null() => 0,
        Ok(r) => {
            *result = r;
            1
        }
        Err(()) => -1,
    }
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_GetOptionalAttr(
    o: *mut PyObject,
    name: *mut PyObject,
    result: *mut *mut PyObject,
) -> c_int {
    guard!(-1, {
        get_optional(result, !o.is_null() && !name.is_null(), || {
            obj::get_optional_attr(o, name)
        })
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_GetOptionalAttrString(
    o: *mut PyObject,
    name: *const c_char,
    result: *mut *mut PyObject,
) -> c_int {
    guard!(-1, {
        get_optional(result, !o.is_null() && !name.is_null(), || {
            let n = name_obj(name);
            if n.is_null() {
                return Err(());
            }
            let r = obj::get_optional_attr(o, n);
            Py_DECREF(n);
            r
        })
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_GenericGetAttr(
    o: *mut PyObject,
    name: *mut PyObject,
) -> *mut PyObject {
    guard!(null_mut(), {
        if o.is_null() || name.is_null() {
            return null_error();
        }
        carapace_core::objects::baseobject::generic_getattr_with_dict(o, name, null_mut(), false)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_GenericSetAttr(
    o: *mut PyObject,
    name: *mut PyObject,
    v: *mut PyObject,
) -> c_int {
    guard!(-1, {
        if o.is_null() || name.is_null() {
            null_error();
            return -1;
        }
        carapace_core::objects::baseobject::generic_setattr_with_dict(o, name, v, null_mut())
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_GenericGetDict(
    o: *mut PyObject,
    _context: *mut core::ffi::c_void,
) -> *mut PyObject {
    guard!(null_mut(), {
        if o.is_null() {
            return null_error();
        }
        let p = carapace_core::objects::baseobject::dict_ptr(o);
        if p.is_null() {
            return carapace_core::raise_null!(PyExc_AttributeError, "This object has no __dict__");
        }
        if (*p).is_null() {
            let d = carapace_core::objects::dict::new();
            if d.is_null() {
                return null_mut();
            }
            *p = d;
        }
        carapace_core::object::new_ref(*p)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_GenericSetDict(
    o: *mut PyObject,
    value: *mut PyObject,
    _context: *mut core::ffi::c_void,
) -> c_int {
    guard!(-1, {
        if o.is_null() {
            null_error();
            return -1;
        }
        let p = carapace_core::objects::baseobject::dict_ptr(o);
        if p.is_null() {
            let _: carapace_core::object::PyResult<()> =
                carapace_core::raise!(PyExc_AttributeError, "This object has no __dict__");
            return -1;
        }
        if value.is_null() {
            let _: carapace_core::object::PyResult<()> =
                carapace_core::raise!(PyExc_TypeError, "cannot delete __dict__");
            return -1;
        }
        if !carapace_core::objects::dict::is_dict(value) {
            let _: carapace_core::object::PyResult<()> = carapace_core::raise!(
                PyExc_TypeError,
                "__dict__ must be set to a dictionary, not a '{}'",
                carapace_core::objects::typeobject::type_name(Py_TYPE(value))
            );
            return -1;
        }
        carapace_core::object::Py_INCREF(value);
        carapace_core::object::xsetref(p, value);
        0
    })
}

// ---- hashing, comparison, truth ---------------------------------------------------------

#[no_mangle]
pub unsafe extern "C" fn PyObject_Hash(o: *mut PyObject) -> isize {
    guard!(-1, {
        if o.is_null() {
            null_error();
            return -1;
        }
        obj::hash(o)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_HashNotImplemented(o: *mut PyObject) -> isize {
    guard!(-1, {
        carapace_core::objects::baseobject::hash_not_implemented(o)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_RichCompare(
    v: *mut PyObject,
    w: *mut PyObject,
    op: c_int,
) -> *mut PyObject {
    guard!(null_mut(), {
        if v.is_null() || w.is_null() {
            if errors::raised().is_null() {
                errors::bad_internal_call();
            }
            return null_mut();
        }
        obj::rich_compare(v, w, op)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_RichCompareBool(
    v: *mut PyObject,
    w: *mut PyObject,
    op: c_int,
) -> c_int {
    guard!(-1, {
        if v.is_null() || w.is_null() {
            if errors::raised().is_null() {
                errors::bad_internal_call();
            }
            return -1;
        }
        obj::rich_compare_bool(v, w, op)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_IsTrue(o: *mut PyObject) -> c_int {
    guard!(-1, {
        if o.is_null() {
            null_error();
            return -1;
        }
        obj::is_true(o)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_Not(o: *mut PyObject) -> c_int {
    guard!(-1, {
        if o.is_null() {
            null_error();
            return -1;
        }
        objproto::not(o)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_Type(o: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), {
        if o.is_null() {
            return null_error();
        }
        carapace_core::object::new_ref(Py_TYPE(o) as *mut PyObject)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_IsInstance(inst: *mut PyObject, cls: *mut PyObject) -> c_int {
    guard!(-1, {
        if inst.is_null() || cls.is_null() {
            errors::bad_internal_call();
            return -1;
        }
        objproto::is_instance(inst, cls)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_IsSubclass(derived: *mut PyObject, cls: *mut PyObject) -> c_int {
    guard!(-1, {
        if derived.is_null() || cls.is_null() {
            errors::bad_internal_call();
            return -1;
        }
        objproto::is_subclass(derived, cls)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_Dir(o: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), { objproto::dir(o) })
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_Format(o: *mut PyObject, spec: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), {
        if o.is_null() {
            errors::bad_internal_call();
            return null_mut();
        }
        objproto::format(o, spec)
    })
}

use carapace_core::exported::PyExc_SystemError;

/// `PyObject_AsFileDescriptor`: an int, or the result of `o.fileno()`.
#[no_mangle]
pub unsafe extern "C" fn PyObject_AsFileDescriptor(o: *mut PyObject) -> c_int {
    guard!(-1, {
        use carapace_core::objects::long;
        if o.is_null() {
            errors::bad_internal_call();
            return -1;
        }
        let owned;
        let num = if long::is_long(o) {
            o
        } else {
            let name = carapace_core::objects::unicode::intern_str("fileno");
            let meth = match obj::get_optional_attr(o, name) {
                Ok(m) if !m.is_null() => m,
                Ok(_) => {
                    let _: Result<(), ()> = carapace_core::raise!(
                        PyExc_TypeError,
                        "argument must be an int, or have a fileno() method."
                    );
                    return -1;
                }
                Err(()) => return -1,
            };
            let r = carapace_core::protocols::call::call_function(meth, &[]);
            Py_DECREF(meth);
            if r.is_null() {
                return -1;
            }
            owned = carapace_core::object::Owned(r);
            if !long::is_long(r) {
                let _: Result<(), ()> =
                    carapace_core::raise!(PyExc_TypeError, "fileno() returned a non-integer");
                return -1;
            }
            let _ = &owned;
            r
        };
        let fd = match long::to_i64(num) {
            Some(v) if v >= c_int::MIN as i64 && v <= c_int::MAX as i64 => v as c_int,
            _ => {
                let _: Result<(), ()> = carapace_core::raise!(
                    PyExc_OverflowError,
                    "Python int too large to convert to C int"
                );
                return -1;
            }
        };
        if fd < 0 {
            let _: Result<(), ()> = carapace_core::raise!(
                PyExc_ValueError,
                "file descriptor cannot be a negative integer ({})",
                fd
            );
            return -1;
        }
        fd
    })
}
