//! The mapping protocol (`PyMapping_*`) and item access on any object
//! (`PyObject_GetItem`, `PyObject_SetItem`, `PyObject_DelItem`, ...).

use core::ffi::{c_char, c_int};
use core::ptr::null_mut;

use carapace_core::object::*;
use carapace_core::objects::unicode;
use carapace_core::protocols::mapping as map;
use carapace_core::protocols::sequence::null_error;

fn rc(r: PyResult<()>) -> c_int {
    if r.is_ok() {
        0
    } else {
        -1
    }
}

/// A C string key as a new str (NULL key: SystemError); PyDict_* use it too.
pub(crate) unsafe fn key_str(key: *const c_char) -> *mut PyObject {
    if key.is_null() {
        null_error();
        return null_mut();
    }
    unicode::from_utf8(core::ffi::CStr::from_ptr(key).to_bytes())
}

/// The tail of the "optional item" lookups (`PyMapping_GetOptionalItem`,
/// `PyDict_GetItemRef`): the new reference goes to `*result` (or is dropped when
/// `result` is NULL), and the return says found (1), missing (0) or error (-1).
pub(crate) unsafe fn store_optional(
    r: PyResult<*mut PyObject>,
    result: *mut *mut PyObject,
) -> c_int {
    match r {
        Err(()) => -1,
        Ok(v) => {
            let found = !v.is_null();
            if result.is_null() {
                Py_XDECREF(v);
            } else {
                *result = v;
            }
            found as c_int
        }
    }
}

/// The `...String` variants of the optional lookups: `*result` is NULL on any
/// failure, then `lookup` runs with the key as a temporary str.
pub(crate) unsafe fn with_str_key(
    o: *mut PyObject,
    key: *const c_char,
    result: *mut *mut PyObject,
    lookup: unsafe extern "C" fn(*mut PyObject, *mut PyObject, *mut *mut PyObject) -> c_int,
) -> c_int {
    if !result.is_null() {
        *result = null_mut();
    }
    let k = key_str(key);
    if k.is_null() {
        return -1;
    }
    let r = lookup(o, k, result);
    Py_DECREF(k);
    r
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_GetItem(o: *mut PyObject, key: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), {
        if o.is_null() || key.is_null() {
            null_error();
            return null_mut();
        }
        map::get_item(o, key)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_SetItem(
    o: *mut PyObject,
    key: *mut PyObject,
    v: *mut PyObject,
) -> c_int {
    guard!(-1, {
        if o.is_null() || key.is_null() || v.is_null() {
            null_error();
            return -1;
        }
        rc(map::set_item(o, key, v))
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_DelItem(o: *mut PyObject, key: *mut PyObject) -> c_int {
    guard!(-1, {
        if o.is_null() || key.is_null() {
            null_error();
            return -1;
        }
        rc(map::set_item(o, key, null_mut()))
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_DelItemString(o: *mut PyObject, key: *const c_char) -> c_int {
    guard!(-1, {
        if o.is_null() {
            null_error();
            return -1;
        }
        let k = key_str(key);
        if k.is_null() {
            return -1;
        }
        let r = rc(map::set_item(o, k, null_mut()));
        Py_DECREF(k);
        r
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_Size(o: *mut PyObject) -> Py_ssize_t {
    guard!(-1, { carapace_core::protocols::sequence::object_size(o) })
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_Length(o: *mut PyObject) -> Py_ssize_t {
    PyObject_Size(o)
}

#[no_mangle]
pub unsafe extern "C" fn PyMapping_Check(o: *mut PyObject) -> c_int {
    guard!(0, { (!o.is_null() && map::check(o)) as c_int })
}

#[no_mangle]
pub unsafe extern "C" fn PyMapping_Size(o: *mut PyObject) -> Py_ssize_t {
    guard!(-1, {
        if o.is_null() {
            null_error();
            return -1;
        }
        map::size(o)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyMapping_Length(o: *mut PyObject) -> Py_ssize_t {
    PyMapping_Size(o)
}

#[no_mangle]
pub unsafe extern "C" fn PyMapping_GetItemString(
    o: *mut PyObject,
    key: *const c_char,
) -> *mut PyObject {
    guard!(null_mut(), {
        if o.is_null() {
            null_error();
            return null_mut();
        }
        let k = key_str(key);
        if k.is_null() {
            return null_mut();
        }
        let r = map::get_item(o, k);
        Py_DECREF(k);
        r
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyMapping_SetItemString(
    o: *mut PyObject,
    key: *const c_char,
    v: *mut PyObject,
) -> c_int {
    guard!(-1, {
        if o.is_null() || v.is_null() {
            null_error();
            return -1;
        }
        let k = key_str(key);
        if k.is_null() {
            return -1;
        }
        let r = rc(map::set_item(o, k, v));
        Py_DECREF(k);
        r
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyMapping_GetOptionalItem(
    o: *mut PyObject,
    key: *mut PyObject,
    result: *mut *mut PyObject,
) -> c_int {
    guard!(-1, {
        if !result.is_null() {
            *result = null_mut();
        }
        if o.is_null() || key.is_null() {
            null_error();
            return -1;
        }
        store_optional(map::get_optional_item(o, key), result)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyMapping_GetOptionalItemString(
    o: *mut PyObject,
    key: *const c_char,
    result: *mut *mut PyObject,
) -> c_int {
    guard!(-1, {
        with_str_key(o, key, result, PyMapping_GetOptionalItem)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyMapping_HasKeyWithError(o: *mut PyObject, key: *mut PyObject) -> c_int {
    guard!(-1, {
        let mut v = null_mut();
        let r = PyMapping_GetOptionalItem(o, key, &mut v);
        Py_XDECREF(v);
        r
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyMapping_HasKeyStringWithError(
    o: *mut PyObject,
    key: *const c_char,
) -> c_int {
    guard!(-1, {
        let mut v = null_mut();
        let r = PyMapping_GetOptionalItemString(o, key, &mut v);
        Py_XDECREF(v);
        r
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyMapping_HasKey(o: *mut PyObject, key: *mut PyObject) -> c_int {
    guard!(0, {
        let r = PyMapping_HasKeyWithError(o, key);
        if r < 0 {
            carapace_core::objects::exceptions::write_unraisable_msg(
                "Exception ignored in PyMapping_HasKey(); consider using PyMapping_HasKeyWithError(), PyMapping_GetOptionalItem() or PyObject_GetItem()",
                null_mut(),
            );
            return 0;
        }
        r
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyMapping_HasKeyString(o: *mut PyObject, key: *const c_char) -> c_int {
    guard!(0, {
        let r = PyMapping_HasKeyStringWithError(o, key);
        if r < 0 {
            carapace_core::objects::exceptions::write_unraisable_msg(
                "Exception ignored in PyMapping_HasKeyString(); consider using PyMapping_HasKeyStringWithError(), PyMapping_GetOptionalItemString() or PyMapping_GetItemString()",
                null_mut(),
            );
            return 0;
        }
        r
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyMapping_Keys(o: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), { map::method_as_list(o, "keys") })
}

#[no_mangle]
pub unsafe extern "C" fn PyMapping_Values(o: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), { map::method_as_list(o, "values") })
}

#[no_mangle]
pub unsafe extern "C" fn PyMapping_Items(o: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), { map::method_as_list(o, "items") })
}
