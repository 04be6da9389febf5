//! Type objects (`PyType_*`).

use core::ffi::{c_int, c_uint, c_ulong, c_void};
use core::ptr::null_mut;

use carapace_core::defs::{PyModuleDef, PySlot, PyType_Spec};
use carapace_core::errors;
use carapace_core::object::*;
use carapace_core::objects::{heaptype, module, typeobject, unicode};
use carapace_core::typeobj::*;

unsafe fn check_type(t: *mut PyTypeObject) -> bool {
    if t.is_null() || !typeobject::is_type(t as *mut PyObject) {
        errors::bad_internal_call();
        return false;
    }
    true
}

#[no_mangle]
pub unsafe extern "C" fn PyType_GetQualName(t: *mut PyTypeObject) -> *mut PyObject {
    guard!(null_mut(), {
        if !check_type(t) {
            return null_mut();
        }
        if has_flag(t, Py_TPFLAGS_HEAPTYPE) {
            let q = (*(t as *mut HeapType)).ht_qualname;
            if !q.is_null() {
                return new_ref(q);
            }
        }
        unicode::from_str(typeobject::qual_name(t))
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyType_GetName(t: *mut PyTypeObject) -> *mut PyObject {
    guard!(null_mut(), {
        if !check_type(t) {
            return null_mut();
        }
        if has_flag(t, Py_TPFLAGS_HEAPTYPE) {
            let q = (*(t as *mut HeapType)).ht_name;
            if !q.is_null() {
                return new_ref(q);
            }
        }
        unicode::from_str(typeobject::short_name(t))
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyType_GetFullyQualifiedName(t: *mut PyTypeObject) -> *mut PyObject {
    guard!(null_mut(), {
        if !check_type(t) {
            return null_mut();
        }
        let m = typeobject::module_name(t);
        if m.is_null() {
            return m;
        }
        Py_DECREF(m);
        unicode::from_str(&typeobject::fully_qualified_name(t))
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyType_GetModuleName(t: *mut PyTypeObject) -> *mut PyObject {
    guard!(null_mut(), {
        if !check_type(t) {
            return null_mut();
        }
        typeobject::module_name(t)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyType_GetFlags(t: *mut PyTypeObject) -> c_ulong {
    if t.is_null() {
        return 0;
    }
    (*t).tp_flags
}

#[no_mangle]
pub unsafe extern "C" fn PyType_IsSubtype(a: *mut PyTypeObject, b: *mut PyTypeObject) -> c_int {
    guard!(0, { typeobject::is_subtype(a, b) as c_int })
}

#[no_mangle]
pub unsafe extern "C" fn PyType_Ready(t: *mut PyTypeObject) -> c_int {
    guard!(-1, {
        if t.is_null() {
            errors::bad_internal_call();
            return -1;
        }
        match typeobject::ready(t) {
            Ok(()) => 0,
            Err(()) => -1,
        }
    })
}

/// Attribute caches are not kept by Carapace's lookups (they read the dicts along
/// the MRO each time), so there is nothing to invalidate.
#[no_mangle]
pub unsafe extern "C" fn PyType_Modified(_t: *mut PyTypeObject) {}

/// No method cache exists (see `PyType_Modified`): nothing to clear.
#[no_mangle]
pub unsafe extern "C" fn PyType_ClearCache() -> c_uint {
    0
}

#[no_mangle]
pub unsafe extern "C" fn PyType_GenericAlloc(t: *mut PyTypeObject, n: Py_ssize_t) -> *mut PyObject {
    guard!(null_mut(), { carapace_core::alloc::generic_alloc(t, n) })
}

#[no_mangle]
pub unsafe extern "C" fn PyType_GenericNew(
    t: *mut PyTypeObject,
    _args: *mut PyObject,
    _kwds: *mut PyObject,
) -> *mut PyObject {
    guard!(null_mut(), {
        let alloc = (*t)
            .tp_alloc
            .unwrap_or(carapace_core::alloc::generic_alloc_slot);
        alloc(t, 0)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyType_Freeze(t: *mut PyTypeObject) -> c_int {
    guard!(-1, {
        if !check_type(t) {
            return -1;
        }
        let bases = (*t).tp_bases;
        if !bases.is_null() {
            for &b in carapace_core::objects::tuple::as_slice(bases) {
                let bt = b as *mut PyTypeObject;
                if !has_flag(bt, Py_TPFLAGS_IMMUTABLETYPE) {
                    let _: PyResult<()> = carapace_core::raise!(
                        PyExc_TypeError,
                        "Creating immutable type {} from mutable base {}",
                        typeobject::tp_name(t),
                        typeobject::fully_qualified_name(bt)
                    );
                    return -1;
                }
            }
        }
        (*t).tp_flags |= Py_TPFLAGS_IMMUTABLETYPE;
        0
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyType_GetSlot(t: *mut PyTypeObject, slot: c_int) -> *mut c_void {
    guard!(null_mut(), {
        if !check_type(t) {
            return null_mut();
        }
        heaptype::get_slot(t, slot).unwrap_or(null_mut())
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyType_GetTypeDataSize(t: *mut PyTypeObject) -> Py_ssize_t {
    guard!(0, {
        if !check_type(t) {
            return 0;
        }
        heaptype::type_data_size(t)
    })
}

/// `PyObject_GetTypeData` (PEP 697): the part of `o` that `cls` itself added,
/// after its base's (aligned) basic size.
#[no_mangle]
pub unsafe extern "C" fn PyObject_GetTypeData(
    o: *mut PyObject,
    cls: *mut PyTypeObject,
) -> *mut core::ffi::c_void {
    (o as *mut u8).offset(heaptype::type_data_offset(cls)) as *mut core::ffi::c_void
}

/// `PyObject_GetTypeData_DuringGC`: the same, safe to call from `tp_traverse`
/// (nothing here can run code or allocate).
#[no_mangle]
pub unsafe extern "C" fn PyObject_GetTypeData_DuringGC(
    o: *mut PyObject,
    cls: *mut PyTypeObject,
) -> *mut core::ffi::c_void {
    PyObject_GetTypeData(o, cls)
}

#[no_mangle]
pub unsafe extern "C" fn PyType_FromSpec(spec: *mut PyType_Spec) -> *mut PyObject {
    PyType_FromMetaclass(null_mut(), null_mut(), spec, null_mut())
}

#[no_mangle]
pub unsafe extern "C" fn PyType_FromSpecWithBases(
    spec: *mut PyType_Spec,
    bases: *mut PyObject,
) -> *mut PyObject {
    PyType_FromMetaclass(null_mut(), null_mut(), spec, bases)
}

#[no_mangle]
pub unsafe extern "C" fn PyType_FromModuleAndSpec(
    module: *mut PyObject,
    spec: *mut PyType_Spec,
    bases: *mut PyObject,
) -> *mut PyObject {
    PyType_FromMetaclass(null_mut(), module, spec, bases)
}

#[no_mangle]
pub unsafe extern "C" fn PyType_FromMetaclass(
    meta: *mut PyTypeObject,
    module: *mut PyObject,
    spec: *mut PyType_Spec,
    bases: *mut PyObject,
) -> *mut PyObject {
    guard!(null_mut(), {
        if spec.is_null() {
            errors::bad_internal_call();
            return null_mut();
        }
        heaptype::from_metaclass(meta, module, spec, bases)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyType_FromSlots(slots: *const PySlot) -> *mut PyObject {
    guard!(null_mut(), {
        if slots.is_null() {
            errors::bad_internal_call();
            return null_mut();
        }
        heaptype::from_slots(slots)
    })
}

// ---- the module of a type ---------------------------------------------------------

unsafe fn get_module(t: *mut PyTypeObject, raise: bool) -> *mut PyObject {
    if !has_flag(t, Py_TPFLAGS_HEAPTYPE) {
        if raise {
            let _: PyResult<()> = carapace_core::raise!(
                PyExc_TypeError,
                "PyType_GetModule: Type '{}' is not a heap type",
                typeobject::tp_name(t)
            );
        }
        return null_mut();
    }
    let m = (*(t as *mut HeapType)).ht_module;
    if m.is_null() && raise {
        let _: PyResult<()> = carapace_core::raise!(
            PyExc_TypeError,
            "PyType_GetModule: Type '{}' has no associated module",
            typeobject::tp_name(t)
        );
    }
    m
}

#[no_mangle]
pub unsafe extern "C" fn PyType_GetModule(t: *mut PyTypeObject) -> *mut PyObject {
    guard!(null_mut(), { get_module(t, true) })
}

#[no_mangle]
pub unsafe extern "C" fn PyType_GetModule_DuringGC(t: *mut PyTypeObject) -> *mut PyObject {
    guard!(null_mut(), { get_module(t, false) })
}

#[no_mangle]
pub unsafe extern "C" fn PyType_GetModuleState(t: *mut PyTypeObject) -> *mut c_void {
    guard!(null_mut(), {
        let m = get_module(t, true);
        if m.is_null() {
            return null_mut();
        }
        module::m(m).md_state
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyType_GetModuleState_DuringGC(t: *mut PyTypeObject) -> *mut c_void {
    guard!(null_mut(), {
        let m = get_module(t, false);
        if m.is_null() {
            return null_mut();
        }
        module::m(m).md_state
    })
}

unsafe fn module_by(
    t: *mut PyTypeObject,
    what: &str,
    pred: &dyn Fn(*mut PyObject) -> bool,
    raise: bool,
) -> *mut PyObject {
    if t.is_null() || !typeobject::is_type(t as *mut PyObject) {
        if raise {
            errors::bad_internal_call();
        }
        return null_mut();
    }
    let m = heaptype::find_module_in_mro(t, pred);
    if m.is_null() && raise {
        let _: PyResult<()> = carapace_core::raise!(
            PyExc_TypeError,
            "{}: No superclass of '{}' has the given module",
            what,
            typeobject::tp_name(t)
        );
    }
    m
}

#[no_mangle]
pub unsafe extern "C" fn PyType_GetModuleByDef(
    t: *mut PyTypeObject,
    def: *mut PyModuleDef,
) -> *mut PyObject {
    guard!(null_mut(), {
        module_by(
            t,
            "PyType_GetModuleByDef",
            &|m| module::is_module(m) && module::m(m).md_def == def,
            true,
        )
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyType_GetModuleByToken(
    t: *mut PyTypeObject,
    token: *const c_void,
) -> *mut PyObject {
    guard!(null_mut(), {
        let m = module_by(
            t,
            "PyType_GetModuleByDef",
            &|m| module::is_module(m) && std::ptr::eq(module::token_of(m), token),
            true,
        );
        if m.is_null() {
            m
        } else {
            new_ref(m)
        }
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyType_GetModuleByToken_DuringGC(
    t: *mut PyTypeObject,
    token: *const c_void,
) -> *mut PyObject {
    guard!(null_mut(), {
        module_by(
            t,
            "PyType_GetModuleByDef",
            &|m| module::is_module(m) && std::ptr::eq(module::token_of(m), token),
            false,
        )
    })
}

unsafe fn base_by_token(
    t: *mut PyTypeObject,
    token: *mut c_void,
    result: *mut *mut PyTypeObject,
    raise: bool,
) -> c_int {
    if !result.is_null() {
        *result = null_mut();
    }
    if token.is_null() {
        if raise {
            let _: PyResult<()> = carapace_core::raise!(
                PyExc_SystemError,
                "PyType_GetBaseByToken called with token=NULL"
            );
        }
        return -1;
    }
    if t.is_null() || !typeobject::is_type(t as *mut PyObject) {
        if raise {
            let _: PyResult<()> = carapace_core::raise!(
                PyExc_TypeError,
                "expected a type, got a '{}' object",
                if t.is_null() {
                    "NoneType".to_string()
                } else {
                    typeobject::fully_qualified_name(Py_TYPE(t as *mut PyObject))
                }
            );
        }
        return -1;
    }
    let b = heaptype::base_by_token(t, token);
    if b.is_null() {
        return 0;
    }
    if !result.is_null() {
        *result = if raise {
            new_ref(b as *mut PyObject) as *mut PyTypeObject
        } else {
            b
        };
    }
    1
}

#[no_mangle]
pub unsafe extern "C" fn PyType_GetBaseByToken(
    t: *mut PyTypeObject,
    token: *mut c_void,
    result: *mut *mut PyTypeObject,
) -> c_int {
    guard!(-1, { base_by_token(t, token, result, true) })
}

#[no_mangle]
pub unsafe extern "C" fn PyType_GetBaseByToken_DuringGC(
    t: *mut PyTypeObject,
    token: *mut c_void,
    result: *mut *mut PyTypeObject,
) -> c_int {
    guard!(-1, { base_by_token(t, token, result, false) })
}
