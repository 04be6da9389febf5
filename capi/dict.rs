//! Dictionaries (`PyDict_*`, `PyDictProxy_New`).

use core::ffi::{c_char, c_int};
use core::ptr::null_mut;

use carapace_core::errors::{self, bad_internal_call};
use carapace_core::object::*;
use carapace_core::objects::{dict, dict_ops, dictviews, exceptions, unicode};

use crate::mapping::{key_str, store_optional, with_str_key};

unsafe fn not_dict(o: *mut PyObject) -> bool {
    if o.is_null() || !dict::is_dict(o) {
        bad_internal_call();
        return true;
    }
    false
}

#[no_mangle]
pub unsafe extern "C" fn PyDict_New() -> *mut PyObject {
    guard!(null_mut(), { dict::new() })
}

/// Borrowed value or NULL; errors are swallowed and a pending exception kept.
#[no_mangle]
pub unsafe extern "C" fn PyDict_GetItem(o: *mut PyObject, key: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), {
        if o.is_null() || key.is_null() || !dict::is_dict(o) {
            return null_mut();
        }
        let saved = errors::take_raised();
        // The key is hashed first, as CPython does here (so an unhashable key
        // gives the plain "unhashable type" message, not the dict-key one).
        let r = if carapace_core::protocols::object::hash(key) == -1 && !errors::raised().is_null()
        {
            null_mut()
        } else {
            dict::get_item_borrowed(o, key)
        };
        // A failing hash or comparison is reported, not silently dropped, as
        // CPython 3.14+ does; the caller's pending exception stays.
        exceptions::write_unraisable_msg(
            "Exception ignored in PyDict_GetItem(); consider using \
             PyDict_GetItemRef() or PyDict_GetItemWithError()",
            null_mut(),
        );
        errors::set_raised(saved);
        r
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyDict_GetItemWithError(
    o: *mut PyObject,
    key: *mut PyObject,
) -> *mut PyObject {
    guard!(null_mut(), {
        if not_dict(o) {
            return null_mut();
        }
        dict::get_item_borrowed(o, key)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyDict_GetItemString(
    o: *mut PyObject,
    key: *const c_char,
) -> *mut PyObject {
    guard!(null_mut(), {
        let saved = errors::take_raised();
        let k = if key.is_null() {
            null_mut()
        } else {
            unicode::from_utf8(core::ffi::CStr::from_ptr(key).to_bytes())
        };
        let r = if k.is_null() || o.is_null() || !dict::is_dict(o) {
            null_mut()
        } else {
            dict::get_item_borrowed(o, k)
        };
        Py_XDECREF(k);
        exceptions::write_unraisable_msg(
            "Exception ignored in PyDict_GetItemString(); consider using \
             PyDict_GetItemStringRef()",
            null_mut(),
        );
        errors::set_raised(saved);
        r
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyDict_GetItemRef(
    o: *mut PyObject,
    key: *mut PyObject,
    result: *mut *mut PyObject,
) -> c_int {
    guard!(-1, {
        if !result.is_null() {
            *result = null_mut();
        }
        if not_dict(o) || key.is_null() {
            if key.is_null() && !o.is_null() && dict::is_dict(o) {
                bad_internal_call();
            }
            return -1;
        }
        store_optional(dict::get_item_ref(o, key), result)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyDict_GetItemStringRef(
    o: *mut PyObject,
    key: *const c_char,
    result: *mut *mut PyObject,
) -> c_int {
    guard!(-1, { with_str_key(o, key, result, PyDict_GetItemRef) })
}

#[no_mangle]
pub unsafe extern "C" fn PyDict_SetItem(
    o: *mut PyObject,
    key: *mut PyObject,
    v: *mut PyObject,
) -> c_int {
    guard!(-1, {
        if not_dict(o) {
            return -1;
        }
        if key.is_null() || v.is_null() {
            bad_internal_call();
            return -1;
        }
        if dict::set_item(o, key, v).is_ok() {
            0
        } else {
            -1
        }
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyDict_SetItemString(
    o: *mut PyObject,
    key: *const c_char,
    v: *mut PyObject,
) -> c_int {
    guard!(-1, {
        let mut k = key_str(key);
        if k.is_null() {
            return -1;
        }
        unicode::intern_in_place(&mut k);
        let r = PyDict_SetItem(o, k, v);
        Py_DECREF(k);
        r
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyDict_DelItem(o: *mut PyObject, key: *mut PyObject) -> c_int {
    guard!(-1, {
        if not_dict(o) {
            return -1;
        }
        if key.is_null() {
            bad_internal_call();
            return -1;
        }
        if dict::del_item(o, key).is_ok() {
            0
        } else {
            -1
        }
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyDict_DelItemString(o: *mut PyObject, key: *const c_char) -> c_int {
    guard!(-1, {
        let k = key_str(key);
        if k.is_null() {
            return -1;
        }
        let r = PyDict_DelItem(o, k);
        Py_DECREF(k);
        r
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyDict_Contains(o: *mut PyObject, key: *mut PyObject) -> c_int {
    guard!(-1, {
        if not_dict(o) {
            return -1;
        }
        if key.is_null() {
            bad_internal_call();
            return -1;
        }
        match dict::contains(o, key) {
            Ok(b) => b as c_int,
            Err(()) => -1,
        }
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyDict_Size(o: *mut PyObject) -> Py_ssize_t {
    guard!(-1, {
        if not_dict(o) {
            return -1;
        }
        dict::len(o)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyDict_Keys(o: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), {
        if not_dict(o) {
            return null_mut();
        }
        dict_ops::keys_list(o)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyDict_Values(o: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), {
        if not_dict(o) {
            return null_mut();
        }
        dict_ops::values_list(o)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyDict_Items(o: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), {
        if not_dict(o) {
            return null_mut();
        }
        dict_ops::items_list(o)
    })
}

/// Borrowed key and value; 0 at the end (or for a non-dict).
#[no_mangle]
pub unsafe extern "C" fn PyDict_Next(
    o: *mut PyObject,
    pos: *mut Py_ssize_t,
    key: *mut *mut PyObject,
    value: *mut *mut PyObject,
) -> c_int {
    guard!(0, {
        if o.is_null() || pos.is_null() || !dict::is_dict(o) {
            return 0;
        }
        match dict::next(o, &mut *pos) {
            None => 0,
            Some((k, v, _)) => {
                if !key.is_null() {
                    *key = k;
                }
                if !value.is_null() {
                    *value = v;
                }
                1
            }
        }
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyDict_Copy(o: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), {
        if not_dict(o) {
            return null_mut();
        }
        dict::copy(o)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyDict_Clear(o: *mut PyObject) {
    guard!((), {
        if !o.is_null() && dict::is_dict(o) {
            dict::clear(o);
        }
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyDict_Merge(
    a: *mut PyObject,
    b: *mut PyObject,
    override_: c_int,
) -> c_int {
    guard!(-1, {
        if a.is_null() || !dict::is_dict(a) || b.is_null() {
            bad_internal_call();
            return -1;
        }
        if dict::merge(a, b, override_ != 0).is_ok() {
            0
        } else {
            -1
        }
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyDict_Update(a: *mut PyObject, b: *mut PyObject) -> c_int {
    PyDict_Merge(a, b, 1)
}

#[no_mangle]
pub unsafe extern "C" fn PyDict_MergeFromSeq2(
    a: *mut PyObject,
    seq2: *mut PyObject,
    override_: c_int,
) -> c_int {
    guard!(-1, {
        if a.is_null() || !dict::is_dict(a) || seq2.is_null() {
            bad_internal_call();
            return -1;
        }
        if dict_ops::merge_from_seq2(a, seq2, override_ != 0).is_ok() {
            0
        } else {
            -1
        }
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyDict_SetDefaultRef(
    o: *mut PyObject,
    key: *mut PyObject,
    default: *mut PyObject,
    result: *mut *mut PyObject,
) -> c_int {
    guard!(-1, {
        if !result.is_null() {
            *result = null_mut();
        }
        if not_dict(o) {
            return -1;
        }
        if key.is_null() || default.is_null() {
            bad_internal_call();
            return -1;
        }
        match dict_ops::set_default_ref(o, key, default) {
            Err(()) => -1,
            Ok((r, v)) => {
                if result.is_null() {
                    Py_DECREF(v);
                } else {
                    *result = v;
                }
                r
            }
        }
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyDictProxy_New(mapping: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), {
        if mapping.is_null() {
            carapace_core::protocols::sequence::null_error();
            return null_mut();
        }
        dictviews::new_mappingproxy(mapping)
    })
}
