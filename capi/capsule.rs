//! Capsules (`PyCapsule_*`).

use core::ffi::{c_char, c_int, c_void};
use core::ptr::null_mut;

use carapace_core::object::*;
use carapace_core::objects::capsule::{self, c, PyCapsule_Destructor};

#[no_mangle]
pub unsafe extern "C" fn PyCapsule_New(
    pointer: *mut c_void,
    name: *const c_char,
    destructor: Option<PyCapsule_Destructor>,
) -> *mut PyObject {
    guard!(null_mut(), { capsule::new(pointer, name, destructor) })
}

#[no_mangle]
pub unsafe extern "C" fn PyCapsule_GetPointer(
    o: *mut PyObject,
    name: *const c_char,
) -> *mut c_void {
    guard!(null_mut(), { capsule::get_pointer(o, name) })
}

#[no_mangle]
pub unsafe extern "C" fn PyCapsule_GetName(o: *mut PyObject) -> *const c_char {
    guard!(core::ptr::null(), {
        if capsule::check_legal(o, "PyCapsule_GetName").is_err() {
            return core::ptr::null();
        }
        c(o).name
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyCapsule_GetDestructor(o: *mut PyObject) -> Option<PyCapsule_Destructor> {
    guard!(None, {
        if capsule::check_legal(o, "PyCapsule_GetDestructor").is_err() {
            return None;
        }
        c(o).destructor
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyCapsule_GetContext(o: *mut PyObject) -> *mut c_void {
    guard!(null_mut(), {
        if capsule::check_legal(o, "PyCapsule_GetContext").is_err() {
            return null_mut();
        }
        c(o).context
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyCapsule_IsValid(o: *mut PyObject, name: *const c_char) -> c_int {
    guard!(0, { capsule::is_valid(o, name) as c_int })
}

#[no_mangle]
pub unsafe extern "C" fn PyCapsule_SetPointer(o: *mut PyObject, pointer: *mut c_void) -> c_int {
    guard!(-1, {
        if pointer.is_null() {
            let _: PyResult<()> = carapace_core::raise!(
                PyExc_ValueError,
                "PyCapsule_SetPointer called with null pointer"
            );
            return -1;
        }
        if capsule::check_legal(o, "PyCapsule_SetPointer").is_err() {
            return -1;
        }
        c(o).pointer = pointer;
        0
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyCapsule_SetName(o: *mut PyObject, name: *const c_char) -> c_int {
    guard!(-1, {
        if capsule::check_legal(o, "PyCapsule_SetName").is_err() {
            return -1;
        }
        c(o).name = name;
        0
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyCapsule_SetDestructor(
    o: *mut PyObject,
    destructor: Option<PyCapsule_Destructor>,
) -> c_int {
    guard!(-1, {
        if capsule::check_legal(o, "PyCapsule_SetDestructor").is_err() {
            return -1;
        }
        c(o).destructor = destructor;
        0
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyCapsule_SetContext(o: *mut PyObject, context: *mut c_void) -> c_int {
    guard!(-1, {
        if capsule::check_legal(o, "PyCapsule_SetContext").is_err() {
            return -1;
        }
        c(o).context = context;
        0
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyCapsule_Import(name: *const c_char, _no_block: c_int) -> *mut c_void {
    guard!(null_mut(), {
        if name.is_null() {
            carapace_core::errors::bad_internal_call();
            return null_mut();
        }
        capsule::import(name)
    })
}
