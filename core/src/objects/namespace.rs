//! `types.SimpleNamespace` (CPython's `Objects/namespaceobject.c`): attribute
//! access over an instance dict, keyword construction, a `namespace(a=1)` repr
//! and equality by dict. `sys.implementation` is one.

use core::ptr::null_mut;

use crate::exported::*;
use crate::object::*;
use crate::objects::{dict, unicode};
use crate::typeobj::PyTypeObject;

#[repr(C)]
pub struct Namespace {
    ob_base: PyObject,
    dict: *mut PyObject,
}

pub static mut NAMESPACE_TYPE: PyTypeObject = PyTypeObject::static_empty(&raw mut PyType_Type);

unsafe fn ns_dict(o: *mut PyObject) -> *mut PyObject {
    (*(o as *mut Namespace)).dict
}

/// A new namespace holding the items of `d` (a dict; copied).
pub unsafe fn new(d: *mut PyObject) -> *mut PyObject {
    let o = namespace_new(&raw mut NAMESPACE_TYPE, null_mut(), null_mut());
    if o.is_null() {
        return o;
    }
    if !d.is_null() && dict::merge(ns_dict(o), d, true).is_err() {
        Py_DECREF(o);
        return null_mut();
    }
    o
}

unsafe extern "C" fn namespace_new(
    t: *mut PyTypeObject,
    _args: *mut PyObject,
    _kw: *mut PyObject,
) -> *mut PyObject {
    let d = dict::new();
    if d.is_null() {
        return d;
    }
    let alloc = (*t).tp_alloc.expect("ready types have tp_alloc");
    let o = alloc(t, 0);
    if o.is_null() {
        Py_DECREF(d);
        return o;
    }
    (*(o as *mut Namespace)).dict = d;
    o
}

unsafe extern "C" fn namespace_init(
    o: *mut PyObject,
    args: *mut PyObject,
    kw: *mut PyObject,
) -> core::ffi::c_int {
    let a = crate::objects::sequtil::args_slice(args);
    if a.len() > 1 {
        crate::errors::set_string(
            crate::objects::exceptions::exc(&raw mut PyExc_TypeError),
            &format!(
                "SimpleNamespace expected at most 1 positional argument, got {}",
                a.len()
            ),
        );
        return -1;
    }
    let d = ns_dict(o);
    for src in a.iter().copied().chain((!kw.is_null()).then_some(kw)) {
        for (k, v) in dict::snapshot(src) {
            let (k, v) = (Owned(k), Owned(v));
            if !unicode::is_unicode(k.as_ptr()) {
                crate::errors::set_string(
                    crate::objects::exceptions::exc(&raw mut PyExc_TypeError),
                    &format!(
                        "keywords must be strings, not '{}'",
                        crate::objects::sequtil::tname(k.as_ptr())
                    ),
                );
                return -1;
            }
            if dict::set_item(d, k.as_ptr(), v.as_ptr()).is_err() {
                return -1;
            }
        }
    }
    0
}

unsafe extern "C" fn namespace_repr(o: *mut PyObject) -> *mut PyObject {
    let name = if Py_TYPE(o) == &raw mut NAMESPACE_TYPE {
        "namespace".to_string()
    } else {
        crate::objects::typeobject::type_name(Py_TYPE(o)).to_string()
    };
    if crate::protocols::object::repr_enter(o) != 0 {
        return unicode::from_str(&format!("{name}(...)"));
    }
    let r = (|| -> PyResult<String> {
        let mut parts = Vec::new();
        for (k, v) in dict::snapshot(ns_dict(o)) {
            let (k, v) = (Owned(k), Owned(v));
            if !unicode::is_unicode(k.as_ptr()) {
                continue;
            }
            let vr = Owned(nonnull(crate::protocols::object::repr(v.as_ptr()))?);
            parts.push(format!(
                "{}={}",
                unicode::to_string_lossy(k.as_ptr()),
                unicode::to_string_lossy(vr.as_ptr())
            ));
        }
        Ok(format!("{name}({})", parts.join(", ")))
    })();
    crate::protocols::object::repr_leave(o);
    match r {
        Ok(s) => unicode::from_str(&s),
        Err(()) => null_mut(),
    }
}

unsafe extern "C" fn namespace_richcompare(
    a: *mut PyObject,
    b: *mut PyObject,
    op: core::ffi::c_int,
) -> *mut PyObject {
    let t = &raw mut NAMESPACE_TYPE;
    let both = crate::objects::typeobject::is_subtype(Py_TYPE(a), t)
        && crate::objects::typeobject::is_subtype(Py_TYPE(b), t);
    if both && (op == 2 || op == 3) {
        return crate::protocols::object::rich_compare(ns_dict(a), ns_dict(b), op);
    }
    new_ref(not_implemented())
}

unsafe extern "C" fn namespace_dealloc(o: *mut PyObject) {
    crate::gc::untrack(o);
    Py_XDECREF(ns_dict(o));
    crate::alloc::free_via_type(o);
}

unsafe extern "C" fn namespace_traverse(
    o: *mut PyObject,
    visit: crate::typeobj::visitproc,
    arg: *mut core::ffi::c_void,
) -> core::ffi::c_int {
    let d = ns_dict(o);
    if d.is_null() {
        0
    } else {
        visit(d, arg)
    }
}

unsafe extern "C" fn namespace_clear(o: *mut PyObject) -> core::ffi::c_int {
    let n = o as *mut Namespace;
    Py_XDECREF(core::mem::replace(&mut (*n).dict, null_mut()));
    0
}

/// Fill and ready the type (once).
pub unsafe fn init_type() -> PyResult<()> {
    let t = &raw mut NAMESPACE_TYPE;
    if !(*t).tp_name.is_null() {
        return Ok(());
    }
    crate::objects::typeobject::init_builtin(
        t,
        c"types.SimpleNamespace",
        core::mem::size_of::<Namespace>(),
        0,
    );
    (*t).tp_flags |= crate::typeobj::Py_TPFLAGS_HAVE_GC | crate::typeobj::Py_TPFLAGS_BASETYPE;
    (*t).tp_new = Some(namespace_new);
    (*t).tp_init = Some(namespace_init);
    (*t).tp_repr = Some(namespace_repr);
    (*t).tp_richcompare = Some(namespace_richcompare);
    (*t).tp_dealloc = Some(namespace_dealloc);
    (*t).tp_traverse = Some(namespace_traverse);
    (*t).tp_clear = Some(namespace_clear);
    (*t).tp_dictoffset = core::mem::offset_of!(Namespace, dict) as Py_ssize_t;
    (*t).tp_getattro = Some(crate::objects::baseobject::generic_getattr);
    (*t).tp_setattro = Some(crate::objects::baseobject::generic_setattr);
    crate::objects::typeobject::ready(t)
}
