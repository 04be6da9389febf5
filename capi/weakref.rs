//! Weak references (`PyWeakref_*`, `PyObject_ClearWeakRefs`).

use core::ffi::c_int;
use core::ptr::null_mut;

use carapace_core::errors;
use carapace_core::exported::_PyWeakref_RefType;
use carapace_core::object::*;
use carapace_core::objects::weakref;

#[no_mangle]
pub unsafe extern "C" fn PyWeakref_NewRef(
    ob: *mut PyObject,
    callback: *mut PyObject,
) -> *mut PyObject {
    guard!(null_mut(), {
        if ob.is_null() {
            errors::bad_internal_call();
            return null_mut();
        }
        weakref::new_ref_to(&raw mut _PyWeakref_RefType, ob, callback)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyWeakref_NewProxy(
    ob: *mut PyObject,
    callback: *mut PyObject,
) -> *mut PyObject {
    guard!(null_mut(), {
        if ob.is_null() {
            errors::bad_internal_call();
            return null_mut();
        }
        weakref::new_proxy(ob, callback)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyWeakref_GetObject(r: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), {
        if r.is_null() || !weakref::is_weakref(r) {
            errors::bad_internal_call();
            return null_mut();
        }
        weakref::get_object_borrowed(r)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyWeakref_GetRef(r: *mut PyObject, pobj: *mut *mut PyObject) -> c_int {
    guard!(-1, {
        if r.is_null() || !weakref::is_weakref(r) {
            if !pobj.is_null() {
                *pobj = null_mut();
            }
            let _: PyResult<()> = carapace_core::raise!(PyExc_TypeError, "expected a weakref");
            return -1;
        }
        let o = weakref::get_ref(r);
        if !pobj.is_null() {
            *pobj = o;
        } else {
            Py_XDECREF(o);
        }
        (!o.is_null()) as c_int
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_ClearWeakRefs(o: *mut PyObject) {
    guard!((), {
        if o.is_null() || (*Py_TYPE(o)).tp_weaklistoffset <= 0 {
            errors::bad_internal_call();
            return;
        }
        weakref::clear_weakrefs_of(o)
    })
}
