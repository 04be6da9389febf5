//! `classmethod` and `staticmethod`: descriptors that bind a callable to the
//! class, or not at all. Both carry an instance `__dict__` holding the wrapped
//! callable's `__module__`, `__name__`, `__qualname__` and `__doc__` (3.10+), and
//! `__wrapped__`/`__func__` members.

use core::ffi::{c_int, c_void};
use core::ptr::null_mut;

use crate::defs::*;
use crate::exported::*;
use crate::object::*;
use crate::objects::typeobject::{init_builtin, visit_each};
use crate::objects::{dict, tuple, unicode};
use crate::protocols;
use crate::typeobj::*;

#[repr(C)]
pub struct ClassMethodObject {
    pub ob_base: PyObject,
    pub cm_callable: *mut PyObject,
    pub cm_dict: *mut PyObject,
}

/// `builtins.classmethod`.
pub static mut CLASSMETHOD_TYPE: PyTypeObject = PyTypeObject::static_empty(null_mut());
/// `builtins.staticmethod`.
pub static mut STATICMETHOD_TYPE: PyTypeObject = PyTypeObject::static_empty(null_mut());

#[inline]
unsafe fn cm<'a>(o: *mut PyObject) -> &'a mut ClassMethodObject {
    &mut *(o as *mut ClassMethodObject)
}

pub unsafe fn is_classmethod(o: *mut PyObject) -> bool {
    crate::objects::typeobject::instance_of(o, &raw mut CLASSMETHOD_TYPE)
}

pub unsafe fn is_staticmethod(o: *mut PyObject) -> bool {
    crate::objects::typeobject::instance_of(o, &raw mut STATICMETHOD_TYPE)
}

/// `PyClassMethod_New`.
pub unsafe fn new_classmethod(callable: *mut PyObject) -> *mut PyObject {
    wrap(&raw mut CLASSMETHOD_TYPE, callable)
}

/// `PyStaticMethod_New`.
pub unsafe fn new_staticmethod(callable: *mut PyObject) -> *mut PyObject {
    wrap(&raw mut STATICMETHOD_TYPE, callable)
}

unsafe fn wrap(t: *mut PyTypeObject, callable: *mut PyObject) -> *mut PyObject {
    let Some(args) = Owned::from_new(tuple::pack(&[callable])) else {
        return null_mut();
    };
    crate::objects::typeobject::type_call(t as *mut PyObject, args.as_ptr(), null_mut())
}

/// The wrapped callable (borrowed).
pub unsafe fn callable_of(o: *mut PyObject) -> *mut PyObject {
    cm(o).cm_callable
}

/// `tp_init` of both: one positional argument, then the wrapper attributes
/// copied into the instance dict as `functools.wraps` would.
unsafe extern "C" fn cm_init(o: *mut PyObject, args: *mut PyObject, kwds: *mut PyObject) -> c_int {
    let name = crate::objects::typeobject::short_name(Py_TYPE(o));
    if !kwds.is_null() && dict::len(kwds) > 0 {
        let _: PyResult<()> =
            crate::raise!(PyExc_TypeError, "{}() takes no keyword arguments", name);
        return -1;
    }
    let n = Py_SIZE(args);
    if n != 1 {
        let _: PyResult<()> =
            crate::raise!(PyExc_TypeError, "{} expected 1 argument, got {}", name, n);
        return -1;
    }
    let f = tuple::get_item(args, 0);
    xsetref(&mut cm(o).cm_callable, new_ref(f));
    for attr in ["__module__", "__name__", "__qualname__", "__doc__"] {
        let key = unicode::intern_str(attr);
        match protocols::object::get_optional_attr(f, key) {
            Err(()) => return -1,
            Ok(v) if v.is_null() => {}
            Ok(v) => {
                let r = protocols::object::set_attr(o, key, v);
                Py_DECREF(v);
                if r.is_err() {
                    return -1;
                }
            }
        }
    }
    0
}

/// Bind `func` to `obj` as a bound method (`PyMethod_New`).
unsafe fn bind_method(func: *mut PyObject, obj: *mut PyObject) -> *mut PyObject {
    let _ = (func, obj);
    crate::raise_null!(
        PyExc_SystemError,
        "bound methods need the interpreter's method type"
    )
}

unsafe extern "C" fn cm_descr_get(
    o: *mut PyObject,
    obj: *mut PyObject,
    t: *mut PyObject,
) -> *mut PyObject {
    let t = if t.is_null() {
        Py_TYPE(obj) as *mut PyObject
    } else {
        t
    };
    bind_method(cm(o).cm_callable, t)
}

unsafe extern "C" fn sm_descr_get(
    o: *mut PyObject,
    _obj: *mut PyObject,
    _t: *mut PyObject,
) -> *mut PyObject {
    new_ref(cm(o).cm_callable)
}

unsafe extern "C" fn sm_call(
    o: *mut PyObject,
    args: *mut PyObject,
    kwds: *mut PyObject,
) -> *mut PyObject {
    protocols::call::call(cm(o).cm_callable, args, kwds)
}

unsafe extern "C" fn cm_repr(o: *mut PyObject) -> *mut PyObject {
    let f = cm(o).cm_callable;
    let name = crate::objects::typeobject::short_name(Py_TYPE(o));
    if f.is_null() {
        return unicode::from_str(&format!("<{}(NULL)>", name));
    }
    let Some(r) = Owned::from_new(protocols::object::repr(f)) else {
        return null_mut();
    };
    unicode::from_str(&format!(
        "<{}({})>",
        name,
        unicode::to_string_lossy(r.as_ptr())
    ))
}

unsafe extern "C" fn cm_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    visit_each([cm(o).cm_callable, cm(o).cm_dict], visit, arg)
}

unsafe extern "C" fn cm_clear(o: *mut PyObject) -> c_int {
    xsetref(&mut cm(o).cm_callable, null_mut());
    xsetref(&mut cm(o).cm_dict, null_mut());
    0
}

unsafe extern "C" fn cm_dealloc(o: *mut PyObject) {
    crate::gc::untrack(o);
    cm_clear(o);
    crate::alloc::free_via_type(o);
}

/// `__isabstractmethod__`: the wrapped callable's, as a bool.
unsafe extern "C" fn cm_get_isabstract(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    is_abstract(cm(o).cm_callable)
}

/// Whether `f.__isabstractmethod__` is true (`_PyObject_IsAbstract`), as a bool
/// object (new reference) or NULL.
pub unsafe fn is_abstract(f: *mut PyObject) -> *mut PyObject {
    if f.is_null() {
        return new_ref(py_bool(false));
    }
    match protocols::object::get_optional_attr(f, unicode::intern_str("__isabstractmethod__")) {
        Err(()) => null_mut(),
        Ok(v) if v.is_null() => new_ref(py_bool(false)),
        Ok(v) => {
            let t = protocols::object::is_true(v);
            Py_DECREF(v);
            if t < 0 {
                null_mut()
            } else {
                new_ref(py_bool(t != 0))
            }
        }
    }
}

static mut CM_MEMBERS: [PyMemberDef; 3] = [
    PyMemberDef {
        name: c"__func__".as_ptr(),
        type_code: _Py_T_OBJECT,
        offset: core::mem::offset_of!(ClassMethodObject, cm_callable) as Py_ssize_t,
        flags: Py_READONLY,
        doc: core::ptr::null(),
    },
    PyMemberDef {
        name: c"__wrapped__".as_ptr(),
        type_code: _Py_T_OBJECT,
        offset: core::mem::offset_of!(ClassMethodObject, cm_callable) as Py_ssize_t,
        flags: Py_READONLY,
        doc: core::ptr::null(),
    },
    PyMemberDef::SENTINEL,
];

static mut CM_GETSET: [PyGetSetDef; 3] = [
    getset!(c"__isabstractmethod__", cm_get_isabstract),
    PyGetSetDef {
        name: c"__dict__".as_ptr(),
        get: Some(crate::objects::baseobject::get_instance_dict),
        set: Some(crate::objects::baseobject::set_instance_dict),
        doc: core::ptr::null(),
        closure: null_mut(),
    },
    PyGetSetDef::SENTINEL,
];

unsafe fn init_one(t: *mut PyTypeObject, name: &'static core::ffi::CStr) {
    init_builtin(t, name, core::mem::size_of::<ClassMethodObject>(), 0);
    (*t).tp_flags |= Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC;
    (*t).tp_dealloc = Some(cm_dealloc);
    (*t).tp_traverse = Some(cm_traverse);
    (*t).tp_clear = Some(cm_clear);
    (*t).tp_repr = Some(cm_repr);
    (*t).tp_init = Some(cm_init);
    (*t).tp_new = Some(crate::objects::heaptype::generic_new);
    (*t).tp_alloc = Some(crate::alloc::generic_alloc_slot);
    (*t).tp_free = Some(crate::alloc::gc_del_slot);
    (*t).tp_members = (&raw mut CM_MEMBERS).cast();
    (*t).tp_getset = (&raw mut CM_GETSET).cast();
    (*t).tp_dictoffset = core::mem::offset_of!(ClassMethodObject, cm_dict) as Py_ssize_t;
}

/// Fill both types' slots (`objects::static_types` lists them).
pub unsafe fn init_types() -> [*mut PyTypeObject; 2] {
    let t = &raw mut CLASSMETHOD_TYPE;
    init_one(t, c"classmethod");
    (*t).tp_descr_get = Some(cm_descr_get);
    (*t).tp_doc =
        c"classmethod(function, /)\n--\n\nConvert a function to be a class method.".as_ptr();
    let s = &raw mut STATICMETHOD_TYPE;
    init_one(s, c"staticmethod");
    (*s).tp_descr_get = Some(sm_descr_get);
    (*s).tp_call = Some(sm_call);
    (*s).tp_doc =
        c"staticmethod(function, /)\n--\n\nConvert a function to be a static method.".as_ptr();
    [t, s]
}
