//! Module objects and definitions (`PyModule_*`, `PyModuleDef_Init`, `PyState_*`,
//! `PyABIInfo_Check`).

use core::ffi::{c_char, c_int, c_long, c_void, CStr};
use core::ptr::null_mut;

use carapace_core::defs::{PyABIInfo, PyMethodDef, PyModuleDef, PySlot};
use carapace_core::errors;
use carapace_core::object::*;
use carapace_core::objects::{dict, module, typeobject, unicode};
use carapace_core::typeobj::PyTypeObject;

/// `PyModule_Check` or `PyErr_BadArgument` (TypeError), as CPython's getters do.
unsafe fn check_module(m: *mut PyObject) -> bool {
    if m.is_null() || !module::is_module(m) {
        errors::bad_argument();
        return false;
    }
    true
}

unsafe fn check_module_internal(m: *mut PyObject) -> bool {
    if m.is_null() || !module::is_module(m) {
        errors::bad_internal_call();
        return false;
    }
    true
}

#[no_mangle]
pub unsafe extern "C" fn PyModule_NewObject(name: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), {
        if name.is_null() {
            errors::bad_internal_call();
            return null_mut();
        }
        module::new(name)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyModule_New(name: *const c_char) -> *mut PyObject {
    guard!(null_mut(), {
        let n = unicode::from_utf8(CStr::from_ptr(name).to_bytes());
        if n.is_null() {
            return n;
        }
        let r = module::new(n);
        Py_DECREF(n);
        r
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyModule_GetDict(m: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), {
        if !check_module_internal(m) {
            return null_mut();
        }
        module::m(m).md_dict
    })
}

/// A module's `__name__` or `__file__` from its dict: a new reference to the str, or
/// NULL with SystemError(`missing`) when it is absent or not a str (as CPython's
/// `PyModule_GetNameObject`/`PyModule_GetFilenameObject`).
unsafe fn module_str_attr(m: *mut PyObject, key: &str, missing: &str) -> *mut PyObject {
    if !check_module(m) {
        return null_mut();
    }
    let d = module::m(m).md_dict;
    let v = if d.is_null() {
        null_mut()
    } else {
        dict::get_str(d, key)
    };
    if v.is_null() || !unicode::is_unicode(v) {
        return carapace_core::raise_null!(PyExc_SystemError, "{missing}");
    }
    new_ref(v)
}

/// The UTF-8 of `module_str_attr`'s result, borrowed: the module's dict keeps the
/// str alive (as in CPython).
unsafe fn module_str_attr_utf8(m: *mut PyObject, key: &str, missing: &str) -> *const c_char {
    let v = module_str_attr(m, key, missing);
    if v.is_null() {
        return core::ptr::null();
    }
    let p = unicode::as_utf8(v, null_mut());
    Py_DECREF(v);
    p
}

#[no_mangle]
pub unsafe extern "C" fn PyModule_GetNameObject(m: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), {
        module_str_attr(m, "__name__", "nameless module")
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyModule_GetName(m: *mut PyObject) -> *const c_char {
    guard!(core::ptr::null(), {
        module_str_attr_utf8(m, "__name__", "nameless module")
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyModule_GetFilenameObject(m: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), {
        module_str_attr(m, "__file__", "module filename missing")
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyModule_GetFilename(m: *mut PyObject) -> *const c_char {
    guard!(core::ptr::null(), {
        module_str_attr_utf8(m, "__file__", "module filename missing")
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyModule_GetDef(m: *mut PyObject) -> *mut PyModuleDef {
    guard!(null_mut(), {
        if !check_module(m) {
            return null_mut();
        }
        module::m(m).md_def
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyModule_GetState(m: *mut PyObject) -> *mut c_void {
    guard!(null_mut(), {
        if !check_module(m) {
            return null_mut();
        }
        module::m(m).md_state
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyModule_GetState_DuringGC(m: *mut PyObject) -> *mut c_void {
    if m.is_null() || !module::is_module(m) {
        return null_mut();
    }
    module::m(m).md_state
}

#[no_mangle]
pub unsafe extern "C" fn PyModule_GetStateSize(m: *mut PyObject, result: *mut Py_ssize_t) -> c_int {
    guard!(-1, {
        if !result.is_null() {
            *result = 0;
        }
        if !check_module(m) {
            return -1;
        }
        if !result.is_null() {
            *result = module::state_size(m);
        }
        0
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyModule_GetToken(m: *mut PyObject, result: *mut *mut c_void) -> c_int {
    guard!(-1, {
        if !result.is_null() {
            *result = null_mut();
        }
        if !check_module(m) {
            return -1;
        }
        if !result.is_null() {
            *result = module::token_of(m);
        }
        0
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyModule_GetToken_DuringGC(
    m: *mut PyObject,
    result: *mut *mut c_void,
) -> c_int {
    if !result.is_null() {
        *result = null_mut();
    }
    if m.is_null() || !module::is_module(m) {
        return -1;
    }
    if !result.is_null() {
        *result = module::token_of(m);
    }
    0
}

#[no_mangle]
pub unsafe extern "C" fn PyModuleDef_Init(def: *mut PyModuleDef) -> *mut PyObject {
    guard!(null_mut(), { module::def_init(def) })
}

/// The module API version every CPython since 2.x passes (`PYTHON_API_VERSION`).
const PYTHON_API_VERSION: c_int = 1013;
const PYTHON_ABI_VERSION: c_int = 3;

unsafe fn check_api_version(name: *const c_char, v: c_int) -> bool {
    if v != PYTHON_API_VERSION && v != PYTHON_ABI_VERSION {
        let msg = format!(
            "Python C API version mismatch for module {}: This Python has API version {}, module {} has version {}.",
            CStr::from_ptr(name).to_string_lossy(),
            PYTHON_API_VERSION,
            CStr::from_ptr(name).to_string_lossy(),
            v
        );
        let cat = carapace_core::objects::exceptions::exc(
            &raw mut carapace_core::exported::PyExc_RuntimeWarning,
        );
        if carapace_core::objects::warnings::warn(cat, &msg, 1) < 0 {
            return false;
        }
    }
    true
}

#[no_mangle]
pub unsafe extern "C" fn PyModule_Create2(def: *mut PyModuleDef, apiver: c_int) -> *mut PyObject {
    guard!(null_mut(), {
        if def.is_null() || (*def).m_name.is_null() {
            errors::bad_internal_call();
            return null_mut();
        }
        if !check_api_version((*def).m_name, apiver) {
            return null_mut();
        }
        module::create(def)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyModule_FromDefAndSpec2(
    def: *mut PyModuleDef,
    spec: *mut PyObject,
    apiver: c_int,
) -> *mut PyObject {
    guard!(null_mut(), {
        if def.is_null() || spec.is_null() {
            errors::bad_internal_call();
            return null_mut();
        }
        if !(*def).m_name.is_null() && !check_api_version((*def).m_name, apiver) {
            return null_mut();
        }
        module::from_def_and_spec(def, spec)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyModule_ExecDef(m: *mut PyObject, def: *mut PyModuleDef) -> c_int {
    guard!(-1, {
        if m.is_null() || def.is_null() {
            errors::bad_internal_call();
            return -1;
        }
        match module::exec_def(m, def) {
            Ok(()) => 0,
            Err(()) => -1,
        }
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyModule_FromSlotsAndSpec(
    slots: *const PySlot,
    spec: *mut PyObject,
) -> *mut PyObject {
    guard!(null_mut(), {
        if slots.is_null() || spec.is_null() {
            errors::bad_internal_call();
            return null_mut();
        }
        module::from_slots_and_spec(slots, spec)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyModule_Exec(m: *mut PyObject) -> c_int {
    guard!(-1, {
        if !check_module(m) {
            return -1;
        }
        match module::exec(m) {
            Ok(()) => 0,
            Err(()) => -1,
        }
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyABIInfo_Check(
    info: *mut PyABIInfo,
    module_name: *const c_char,
) -> c_int {
    guard!(-1, {
        let name = if module_name.is_null() {
            "<unknown>".into()
        } else {
            CStr::from_ptr(module_name).to_string_lossy()
        };
        match module::abi_info_check(info, &name) {
            Ok(()) => 0,
            Err(()) => -1,
        }
    })
}

// ---- adding to modules -----------------------------------------------------------

unsafe fn module_dict_for_add(m: *mut PyObject, func: &str) -> *mut PyObject {
    if m.is_null() || !module::is_module(m) {
        let _: PyResult<()> = carapace_core::raise!(
            PyExc_TypeError,
            "{}() first argument must be a module",
            func
        );
        return null_mut();
    }
    module::m(m).md_dict
}

#[no_mangle]
pub unsafe extern "C" fn PyModule_AddObjectRef(
    m: *mut PyObject,
    name: *const c_char,
    value: *mut PyObject,
) -> c_int {
    guard!(-1, {
        let d = module_dict_for_add(m, "PyModule_AddObjectRef");
        if d.is_null() {
            return -1;
        }
        if value.is_null() {
            if errors::raised().is_null() {
                let _: PyResult<()> = carapace_core::raise!(
                    PyExc_SystemError,
                    "PyModule_AddObjectRef() must be called with an exception raised if value is NULL"
                );
            }
            return -1;
        }
        if name.is_null() {
            errors::bad_internal_call();
            return -1;
        }
        let key = unicode::from_utf8(CStr::from_ptr(name).to_bytes());
        if key.is_null() {
            return -1;
        }
        let r = dict::set_item(d, key, value);
        Py_DECREF(key);
        if r.is_ok() {
            0
        } else {
            -1
        }
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyModule_Add(
    m: *mut PyObject,
    name: *const c_char,
    value: *mut PyObject,
) -> c_int {
    let r = PyModule_AddObjectRef(m, name, value);
    Py_XDECREF(value);
    r
}

#[no_mangle]
pub unsafe extern "C" fn PyModule_AddObject(
    m: *mut PyObject,
    name: *const c_char,
    value: *mut PyObject,
) -> c_int {
    let r = PyModule_AddObjectRef(m, name, value);
    if r == 0 {
        Py_DECREF(value);
    }
    r
}

#[no_mangle]
pub unsafe extern "C" fn PyModule_AddIntConstant(
    m: *mut PyObject,
    name: *const c_char,
    value: c_long,
) -> c_int {
    let v = guard!(null_mut(), {
        carapace_core::objects::long::from_i64(value)
    });
    PyModule_Add(m, name, v)
}

#[no_mangle]
pub unsafe extern "C" fn PyModule_AddStringConstant(
    m: *mut PyObject,
    name: *const c_char,
    value: *const c_char,
) -> c_int {
    let v = guard!(null_mut(), {
        if value.is_null() {
            errors::bad_internal_call();
            return null_mut();
        }
        unicode::from_utf8(CStr::from_ptr(value).to_bytes())
    });
    PyModule_Add(m, name, v)
}

#[no_mangle]
pub unsafe extern "C" fn PyModule_AddType(m: *mut PyObject, t: *mut PyTypeObject) -> c_int {
    guard!(-1, {
        if typeobject::ready(t).is_err() {
            return -1;
        }
        let Ok(name) = std::ffi::CString::new(typeobject::short_name(t)) else {
            errors::bad_internal_call();
            return -1;
        };
        PyModule_AddObjectRef(m, name.as_ptr(), t as *mut PyObject)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyModule_AddFunctions(
    m: *mut PyObject,
    functions: *mut PyMethodDef,
) -> c_int {
    guard!(-1, {
        if m.is_null() || functions.is_null() {
            errors::bad_internal_call();
            return -1;
        }
        match module::add_functions(m, functions) {
            Ok(()) => 0,
            Err(()) => -1,
        }
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyModule_SetDocString(m: *mut PyObject, doc: *const c_char) -> c_int {
    guard!(-1, {
        if m.is_null() || doc.is_null() {
            errors::bad_internal_call();
            return -1;
        }
        match module::set_doc_string(m, doc) {
            Ok(()) => 0,
            Err(()) => -1,
        }
    })
}

// ---- PyState_* -------------------------------------------------------------------

#[no_mangle]
pub unsafe extern "C" fn PyState_FindModule(def: *mut PyModuleDef) -> *mut PyObject {
    guard!(null_mut(), {
        if def.is_null() {
            return null_mut();
        }
        module::state_find(def)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyState_AddModule(m: *mut PyObject, def: *mut PyModuleDef) -> c_int {
    guard!(-1, {
        if def.is_null() {
            let _: PyResult<()> =
                carapace_core::raise!(PyExc_SystemError, "module definition is NULL");
            return -1;
        }
        if !module::state_find(def).is_null() && module::state_find(def) == m {
            let _: PyResult<()> = carapace_core::raise!(
                PyExc_SystemError,
                "module {} already added",
                CStr::from_ptr((*def).m_name).to_string_lossy()
            );
            return -1;
        }
        match module::state_add(m, def) {
            Ok(()) => 0,
            Err(()) => -1,
        }
    })
}

#[no_mangle]
pub unsafe extern "C" fn _PyState_AddModule(m: *mut PyObject, def: *mut PyModuleDef) -> c_int {
    guard!(-1, {
        if def.is_null() {
            let _: PyResult<()> =
                carapace_core::raise!(PyExc_SystemError, "module definition is NULL");
            return -1;
        }
        match module::state_add(m, def) {
            Ok(()) => 0,
            Err(()) => -1,
        }
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyState_RemoveModule(def: *mut PyModuleDef) -> c_int {
    guard!(-1, {
        if def.is_null() {
            errors::bad_internal_call();
            return -1;
        }
        match module::state_remove(def) {
            Ok(()) => 0,
            Err(()) => -1,
        }
    })
}
