//! `PyCapsule`: a C pointer with a name, a context and a destructor, the way
//! extension modules publish C APIs to each other.

use core::ffi::{c_char, c_void, CStr};
use core::ptr::null_mut;

use crate::exported::*;
use crate::object::*;
use crate::typeobj::*;

pub type PyCapsule_Destructor = unsafe extern "C" fn(*mut PyObject);

#[repr(C)]
pub struct CapsuleObject {
    pub ob_base: PyObject,
    pub pointer: *mut c_void,
    pub name: *const c_char,
    pub context: *mut c_void,
    pub destructor: Option<PyCapsule_Destructor>,
}

#[inline]
pub unsafe fn is_capsule(o: *mut PyObject) -> bool {
    !o.is_null() && Py_TYPE(o) == &raw mut PyCapsule_Type
}

#[inline]
pub unsafe fn c<'a>(o: *mut PyObject) -> &'a mut CapsuleObject {
    &mut *(o as *mut CapsuleObject)
}

/// Do two capsule names match (both NULL, or equal C strings)?
pub unsafe fn names_match(a: *const c_char, b: *const c_char) -> bool {
    if a.is_null() || b.is_null() {
        return a == b;
    }
    CStr::from_ptr(a) == CStr::from_ptr(b)
}

/// `PyCapsule_New`.
pub unsafe fn new(
    pointer: *mut c_void,
    name: *const c_char,
    destructor: Option<PyCapsule_Destructor>,
) -> *mut PyObject {
    if pointer.is_null() {
        return crate::raise_null!(PyExc_ValueError, "PyCapsule_New called with null pointer");
    }
    crate::alloc::new_object(
        &raw mut PyCapsule_Type,
        CapsuleObject {
            ob_base: PyObject {
                ob_refcnt: 1,
                ob_type: null_mut(),
            },
            pointer,
            name,
            context: null_mut(),
            destructor,
        },
    ) as *mut PyObject
}

/// Is `o` a live capsule (for the `func` named in the message)? Raises ValueError.
pub unsafe fn check_legal(o: *mut PyObject, func: &str) -> PyResult<()> {
    if !is_capsule(o) || c(o).pointer.is_null() {
        return crate::raise!(
            PyExc_ValueError,
            "{} called with invalid PyCapsule object",
            func
        );
    }
    Ok(())
}

/// `PyCapsule_IsValid`.
pub unsafe fn is_valid(o: *mut PyObject, name: *const c_char) -> bool {
    is_capsule(o) && !c(o).pointer.is_null() && names_match(c(o).name, name)
}

/// `PyCapsule_GetPointer`.
pub unsafe fn get_pointer(o: *mut PyObject, name: *const c_char) -> *mut c_void {
    if check_legal(o, "PyCapsule_GetPointer").is_err() {
        return null_mut();
    }
    if !names_match(c(o).name, name) {
        return crate::raise_null!(
            PyExc_ValueError,
            "PyCapsule_GetPointer called with incorrect name"
        );
    }
    c(o).pointer
}

/// `PyCapsule_Import("pkg.module.attr", no_block)`.
pub unsafe fn import(name: *const c_char) -> *mut c_void {
    let full = CStr::from_ptr(name).to_string_lossy().into_owned();
    let mut parts = full.split('.');
    let first = parts.next().unwrap_or("");
    let fname = crate::objects::unicode::from_str(first);
    if fname.is_null() {
        return null_mut();
    }
    let mut object = crate::import::import(fname);
    Py_DECREF(fname);
    if object.is_null() {
        let msg = format!("PyCapsule_Import could not import module \"{}\"", first);
        crate::errors::clear();
        crate::errors::set_string(
            crate::objects::exceptions::exc(&raw mut PyExc_ImportError),
            &msg,
        );
        return null_mut();
    }
    let mut prefix = first.to_string();
    for part in parts {
        prefix.push('.');
        prefix.push_str(part);
        let attr = crate::protocols::object::get_attr_str(object, part);
        let next = if attr.is_null()
            && crate::objects::module::is_module(object)
            && crate::errors::exception_matches(crate::objects::exceptions::exc(
                &raw mut PyExc_AttributeError,
            )) {
            // A submodule not imported yet.
            let saved = crate::errors::take_raised();
            let pn = crate::objects::unicode::from_str(&prefix);
            let sub = if pn.is_null() {
                null_mut()
            } else {
                let s = crate::import::import(pn);
                Py_DECREF(pn);
                s
            };
            if sub.is_null() {
                crate::errors::clear();
                crate::errors::set_raised(saved);
            } else {
                Py_XDECREF(saved);
            }
            sub
        } else {
            attr
        };
        Py_DECREF(object);
        if next.is_null() {
            return null_mut();
        }
        object = next;
    }
    let r = if is_valid(object, name) {
        c(object).pointer
    } else {
        let msg = format!("PyCapsule_Import \"{}\" is not valid", full);
        crate::errors::set_string(
            crate::objects::exceptions::exc(&raw mut PyExc_AttributeError),
            &msg,
        );
        null_mut()
    };
    Py_DECREF(object);
    r
}

unsafe extern "C" fn capsule_dealloc(o: *mut PyObject) {
    if let Some(d) = c(o).destructor {
        d(o);
    }
    crate::alloc::free_via_type(o);
}

unsafe extern "C" fn capsule_repr(o: *mut PyObject) -> *mut PyObject {
    let cap = c(o);
    let s = if cap.name.is_null() {
        format!("<capsule object NULL at {:p}>", o)
    } else {
        format!(
            "<capsule object \"{}\" at {:p}>",
            CStr::from_ptr(cap.name).to_string_lossy(),
            o
        )
    };
    crate::objects::unicode::from_str(&s)
}

pub unsafe fn init_type() {
    let t = &raw mut PyCapsule_Type;
    crate::objects::typeobject::init_builtin(
        t,
        c"PyCapsule",
        core::mem::size_of::<CapsuleObject>(),
        0,
    );
    (*t).tp_flags &= !Py_TPFLAGS_DISALLOW_INSTANTIATION;
    (*t).tp_dealloc = Some(capsule_dealloc);
    (*t).tp_repr = Some(capsule_repr);
    (*t).tp_doc = c"Capsule objects let you wrap a C \"void *\" pointer in a Python\nobject.  They're a way of passing data through the Python interpreter\nwithout creating your own custom type.\n\nCapsules are used for communication between extension modules.\nThey provide a way for an extension module to export a C interface\nto other extension modules, so that extension modules can use the\nPython import mechanism to link to one another.\n".as_ptr();
}
