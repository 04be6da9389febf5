//! The call protocol (`PyObject_Call*`, vectorcall) and C functions / descriptors
//! (`PyCFunction_*`, `PyCMethod_New`, `PyDescr_*`, `PyMember_*`).

use core::ffi::{c_char, c_int};
use core::ptr::null_mut;

use carapace_core::defs::*;
use carapace_core::errors;
use carapace_core::object::*;
use carapace_core::objects::methodobject::{self, CFunctionObject};
use carapace_core::objects::{descr, dict, tuple};
use carapace_core::protocols::call;
use carapace_core::typeobj::PyTypeObject;

#[no_mangle]
pub unsafe extern "C" fn PyObject_Call(
    callable: *mut PyObject,
    args: *mut PyObject,
    kwargs: *mut PyObject,
) -> *mut PyObject {
    guard!(null_mut(), {
        if callable.is_null() {
            errors::bad_internal_call();
            return null_mut();
        }
        call::call(callable, args, kwargs)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_CallObject(
    callable: *mut PyObject,
    args: *mut PyObject,
) -> *mut PyObject {
    PyEval_CallObjectWithKeywords(callable, args, null_mut())
}

#[no_mangle]
pub unsafe extern "C" fn PyEval_CallObjectWithKeywords(
    callable: *mut PyObject,
    args: *mut PyObject,
    kwargs: *mut PyObject,
) -> *mut PyObject {
    guard!(null_mut(), {
        if callable.is_null() {
            errors::bad_internal_call();
            return null_mut();
        }
        if !args.is_null() && !tuple::is_tuple(args) {
            return carapace_core::raise_null!(PyExc_TypeError, "argument list must be a tuple");
        }
        if !kwargs.is_null() && !dict::is_dict(kwargs) {
            return carapace_core::raise_null!(
                PyExc_TypeError,
                "keyword list must be a dictionary"
            );
        }
        if args.is_null() {
            return call::vectorcall(callable, core::ptr::null(), 0, null_mut());
        }
        call::call(callable, args, kwargs)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_CallNoArgs(callable: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), {
        if callable.is_null() {
            errors::bad_internal_call();
            return null_mut();
        }
        call::vectorcall(callable, core::ptr::null(), 0, null_mut())
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_Vectorcall(
    callable: *mut PyObject,
    args: *const *mut PyObject,
    nargsf: usize,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    guard!(null_mut(), {
        if callable.is_null() {
            errors::bad_internal_call();
            return null_mut();
        }
        call::vectorcall(callable, args, nargsf, kwnames)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_VectorcallMethod(
    name: *mut PyObject,
    args: *const *mut PyObject,
    nargsf: usize,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    guard!(null_mut(), {
        if name.is_null() || args.is_null() {
            errors::bad_internal_call();
            return null_mut();
        }
        call::vectorcall_method(name, args, nargsf, kwnames)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyVectorcall_Call(
    callable: *mut PyObject,
    tuple_: *mut PyObject,
    dict_: *mut PyObject,
) -> *mut PyObject {
    guard!(null_mut(), {
        if callable.is_null() || tuple_.is_null() || !tuple::is_tuple(tuple_) {
            errors::bad_internal_call();
            return null_mut();
        }
        call::vectorcall_as_tp_call(callable, tuple_, dict_)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyVectorcall_NARGS(nargsf: usize) -> Py_ssize_t {
    call::nargs(nargsf) as Py_ssize_t
}

#[no_mangle]
pub unsafe extern "C" fn PyCallable_Check(o: *mut PyObject) -> c_int {
    if o.is_null() {
        return 0;
    }
    guard!(0, { call::is_callable(o) as c_int })
}

// ---- C functions -----------------------------------------------------------------

#[no_mangle]
pub unsafe extern "C" fn PyCMethod_New(
    ml: *mut PyMethodDef,
    self_: *mut PyObject,
    module: *mut PyObject,
    cls: *mut PyTypeObject,
) -> *mut PyObject {
    guard!(null_mut(), {
        if ml.is_null() {
            errors::bad_internal_call();
            return null_mut();
        }
        methodobject::new(ml, self_, module, cls)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyCFunction_NewEx(
    ml: *mut PyMethodDef,
    self_: *mut PyObject,
    module: *mut PyObject,
) -> *mut PyObject {
    PyCMethod_New(ml, self_, module, null_mut())
}

#[no_mangle]
pub unsafe extern "C" fn PyCFunction_New(
    ml: *mut PyMethodDef,
    self_: *mut PyObject,
) -> *mut PyObject {
    PyCMethod_New(ml, self_, null_mut(), null_mut())
}

unsafe fn check_cfunction(o: *mut PyObject) -> bool {
    if o.is_null() || !methodobject::is_cfunction(o) {
        errors::bad_internal_call();
        return false;
    }
    true
}

#[no_mangle]
pub unsafe extern "C" fn PyCFunction_GetFunction(o: *mut PyObject) -> Option<PyCFunction> {
    guard!(None, {
        if !check_cfunction(o) {
            return None;
        }
        (*(*(o as *mut CFunctionObject)).m_ml).ml_meth
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyCFunction_GetSelf(o: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), {
        if !check_cfunction(o) {
            return null_mut();
        }
        let f = o as *mut CFunctionObject;
        if (*(*f).m_ml).ml_flags & METH_STATIC != 0 {
            return null_mut();
        }
        (*f).m_self
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyCFunction_GetFlags(o: *mut PyObject) -> c_int {
    guard!(-1, {
        if !check_cfunction(o) {
            return -1;
        }
        (*(*(o as *mut CFunctionObject)).m_ml).ml_flags
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyCFunction_Call(
    callable: *mut PyObject,
    args: *mut PyObject,
    kwargs: *mut PyObject,
) -> *mut PyObject {
    PyObject_Call(callable, args, kwargs)
}

// ---- descriptors -----------------------------------------------------------------

/// The `PyDescr_New*` constructors: a NULL type or definition is
/// `PyErr_BadInternalCall`, as in CPython.
unsafe fn new_descriptor<D>(
    t: *mut PyTypeObject,
    def: *mut D,
    new: unsafe fn(*mut PyTypeObject, *mut D) -> PyResult<*mut PyObject>,
) -> *mut PyObject {
    if t.is_null() || def.is_null() {
        errors::bad_internal_call();
        return null_mut();
    }
    new(t, def).unwrap_or(null_mut())
}

#[no_mangle]
pub unsafe extern "C" fn PyDescr_NewMethod(
    t: *mut PyTypeObject,
    ml: *mut PyMethodDef,
) -> *mut PyObject {
    guard!(null_mut(), {
        new_descriptor(t, ml, descr::new_method_descriptor)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyDescr_NewClassMethod(
    t: *mut PyTypeObject,
    ml: *mut PyMethodDef,
) -> *mut PyObject {
    guard!(null_mut(), {
        new_descriptor(t, ml, descr::new_classmethod_descriptor)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyDescr_NewMember(
    t: *mut PyTypeObject,
    m: *mut PyMemberDef,
) -> *mut PyObject {
    guard!(null_mut(), {
        new_descriptor(t, m, descr::new_member_descriptor)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyDescr_NewGetSet(
    t: *mut PyTypeObject,
    g: *mut PyGetSetDef,
) -> *mut PyObject {
    guard!(null_mut(), {
        new_descriptor(t, g, descr::new_getset_descriptor)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyMember_GetOne(obj: *const c_char, m: *mut PyMemberDef) -> *mut PyObject {
    guard!(null_mut(), {
        if obj.is_null() || m.is_null() {
            errors::bad_internal_call();
            return null_mut();
        }
        if (*m).flags & Py_RELATIVE_OFFSET != 0 {
            return carapace_core::raise_null!(
                PyExc_SystemError,
                "PyMember_GetOne used with Py_RELATIVE_OFFSET"
            );
        }
        descr::member_get_one(obj as *mut u8, m)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyMember_SetOne(
    obj: *mut c_char,
    m: *mut PyMemberDef,
    v: *mut PyObject,
) -> c_int {
    guard!(-1, {
        if obj.is_null() || m.is_null() {
            errors::bad_internal_call();
            return -1;
        }
        if (*m).flags & Py_RELATIVE_OFFSET != 0 {
            let _: PyResult<()> = carapace_core::raise!(
                PyExc_SystemError,
                "PyMember_SetOne used with Py_RELATIVE_OFFSET"
            );
            return -1;
        }
        descr::member_set_one(obj as *mut u8, m, v)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyWrapper_New(
    descr: *mut PyObject,
    self_: *mut PyObject,
) -> *mut PyObject {
    guard!(null_mut(), {
        if descr.is_null()
            || self_.is_null()
            || !carapace_core::objects::slots::is_wrapper_descr(descr)
        {
            errors::bad_internal_call();
            return null_mut();
        }
        let wd = descr as *mut carapace_core::objects::slots::WrapperDescr;
        if !carapace_core::objects::typeobject::instance_of(self_, (*wd).d_type) {
            errors::bad_internal_call();
            return null_mut();
        }
        carapace_core::objects::slots::new_method_wrapper(descr, self_)
    })
}

#[no_mangle]
pub unsafe extern "C" fn Py_GenericAlias(
    origin: *mut PyObject,
    args: *mut PyObject,
) -> *mut PyObject {
    guard!(null_mut(), {
        if origin.is_null() || args.is_null() {
            errors::bad_internal_call();
            return null_mut();
        }
        carapace_core::objects::genericalias::new(origin, args)
    })
}
