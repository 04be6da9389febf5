//! Sets and frozensets (`PySet_*`, `PyFrozenSet_New`).

use core::ffi::c_int;
use core::ptr::null_mut;

use carapace_core::errors::bad_internal_call;
use carapace_core::exported::*;
use carapace_core::object::*;
use carapace_core::objects::set;

unsafe fn not_anyset(o: *mut PyObject) -> bool {
    if o.is_null() || !set::is_anyset(o) {
        bad_internal_call();
        return true;
    }
    false
}

unsafe fn not_set(o: *mut PyObject) -> bool {
    if o.is_null() || !set::is_set(o) {
        bad_internal_call();
        return true;
    }
    false
}

#[no_mangle]
pub unsafe extern "C" fn PySet_New(iterable: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), { set::make(&raw mut PySet_Type, iterable) })
}

#[no_mangle]
pub unsafe extern "C" fn PyFrozenSet_New(iterable: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), {
        set::make(&raw mut PyFrozenSet_Type, iterable)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PySet_Size(o: *mut PyObject) -> Py_ssize_t {
    guard!(-1, {
        if not_anyset(o) {
            return -1;
        }
        set::len(o)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PySet_Contains(o: *mut PyObject, key: *mut PyObject) -> c_int {
    guard!(-1, {
        if not_anyset(o) {
            return -1;
        }
        match set::contains_exact(o, key) {
            Ok(b) => b as c_int,
            Err(()) => -1,
        }
    })
}

/// Also fills a frozenset nobody else holds yet (as CPython allows).
#[no_mangle]
pub unsafe extern "C" fn PySet_Add(o: *mut PyObject, key: *mut PyObject) -> c_int {
    guard!(-1, {
        if o.is_null() || !(set::is_set(o) || (set::is_frozenset(o) && refcnt(o) == 1)) {
            bad_internal_call();
            return -1;
        }
        let added = if set::is_frozenset(o) {
            set::add_to_frozenset(o, key)
        } else {
            set::add(o, key)
        };
        if added.is_ok() {
            0
        } else {
            -1
        }
    })
}

#[no_mangle]
pub unsafe extern "C" fn PySet_Discard(o: *mut PyObject, key: *mut PyObject) -> c_int {
    guard!(-1, {
        if not_set(o) {
            return -1;
        }
        match set::discard_exact(o, key) {
            Ok(b) => b as c_int,
            Err(()) => -1,
        }
    })
}

#[no_mangle]
pub unsafe extern "C" fn PySet_Pop(o: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), {
        if not_set(o) {
            return null_mut();
        }
        match set::pop(o) {
            Some(k) => k,
            None => {
                let m = carapace_core::objects::unicode::from_str("pop from an empty set");
                if !m.is_null() {
                    carapace_core::objects::exceptions::raise_key_error(m);
                    Py_DECREF(m);
                }
                null_mut()
            }
        }
    })
}

#[no_mangle]
pub unsafe extern "C" fn PySet_Clear(o: *mut PyObject) -> c_int {
    guard!(-1, {
        if not_anyset(o) {
            return -1;
        }
        set::clear(o);
        0
    })
}
