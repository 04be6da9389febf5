//! The singletons `None`, `NotImplemented` and `Ellipsis` and their types.

use core::ffi::c_int;
use core::ptr::null_mut;

use crate::exported::*;
use crate::object::*;
use crate::objects::typeobject::init_builtin;
use crate::typeobj::*;

/// `type(None)`, `type(NotImplemented)`: not exported by the Stable ABI, so the
/// core owns them (writable statics, immortal).
pub static mut PY_NONE_TYPE: PyTypeObject = PyTypeObject::static_empty(null_mut());
pub static mut PY_NOTIMPLEMENTED_TYPE: PyTypeObject = PyTypeObject::static_empty(null_mut());

unsafe extern "C" fn none_repr(_o: *mut PyObject) -> *mut PyObject {
    new_ref(crate::objects::unicode::intern_str("None"))
}
unsafe extern "C" fn notimpl_repr(_o: *mut PyObject) -> *mut PyObject {
    new_ref(crate::objects::unicode::intern_str("NotImplemented"))
}
unsafe extern "C" fn ellipsis_repr(_o: *mut PyObject) -> *mut PyObject {
    new_ref(crate::objects::unicode::intern_str("Ellipsis"))
}
unsafe extern "C" fn none_bool(_o: *mut PyObject) -> c_int {
    0
}
unsafe extern "C" fn notimpl_bool(_o: *mut PyObject) -> c_int {
    // Python 3.14 made truth-testing NotImplemented an error.
    let _: PyResult<()> = crate::raise!(
        PyExc_TypeError,
        "NotImplemented should not be used in a boolean context"
    );
    -1
}
/// Immortal singletons are never deallocated; an over-decref from C lands here.
unsafe extern "C" fn singleton_dealloc(o: *mut PyObject) {
    make_immortal(o);
}

fn singleton_new(
    which: fn() -> *mut PyObject,
    name: &'static str,
) -> impl Fn(*mut PyObject, *mut PyObject) -> *mut PyObject {
    move |args, kwds| unsafe {
        if (!args.is_null() && Py_SIZE(args) > 0)
            || (!kwds.is_null() && crate::objects::dict::len(kwds) > 0)
        {
            return crate::raise_null!(PyExc_TypeError, "{} takes no arguments", name);
        }
        new_ref(which())
    }
}

unsafe extern "C" fn none_new(
    _t: *mut PyTypeObject,
    a: *mut PyObject,
    k: *mut PyObject,
) -> *mut PyObject {
    singleton_new(none, "NoneType")(a, k)
}
unsafe extern "C" fn notimpl_new(
    _t: *mut PyTypeObject,
    a: *mut PyObject,
    k: *mut PyObject,
) -> *mut PyObject {
    singleton_new(not_implemented, "NotImplementedType")(a, k)
}
unsafe extern "C" fn ellipsis_new(
    _t: *mut PyTypeObject,
    a: *mut PyObject,
    k: *mut PyObject,
) -> *mut PyObject {
    singleton_new(ellipsis, "ellipsis")(a, k)
}

static NONE_AS_NUMBER: PyNumberMethods = PyNumberMethods {
    nb_bool: Some(none_bool),
    ..PyNumberMethods::EMPTY
};
static NOTIMPL_AS_NUMBER: PyNumberMethods = PyNumberMethods {
    nb_bool: Some(notimpl_bool),
    ..PyNumberMethods::EMPTY
};

pub unsafe fn init_types() {
    let t = &raw mut PY_NONE_TYPE;
    init_builtin(t, c"NoneType", core::mem::size_of::<PyObject>(), 0);
    (*t).tp_repr = Some(none_repr);
    (*t).tp_dealloc = Some(singleton_dealloc);
    (*t).tp_as_number = &raw const NONE_AS_NUMBER as *mut _;
    (*t).tp_hash = Some(crate::objects::baseobject::object_hash);
    (*t).tp_new = Some(none_new);
    (*t).tp_doc = c"The type of the None singleton.".as_ptr();

    let t = &raw mut PY_NOTIMPLEMENTED_TYPE;
    init_builtin(
        t,
        c"NotImplementedType",
        core::mem::size_of::<PyObject>(),
        0,
    );
    (*t).tp_repr = Some(notimpl_repr);
    (*t).tp_dealloc = Some(singleton_dealloc);
    (*t).tp_as_number = &raw const NOTIMPL_AS_NUMBER as *mut _;
    (*t).tp_new = Some(notimpl_new);
    (*t).tp_doc = c"The type of the NotImplemented singleton.".as_ptr();

    let t = &raw mut PyEllipsis_Type;
    init_builtin(t, c"ellipsis", core::mem::size_of::<PyObject>(), 0);
    (*t).tp_repr = Some(ellipsis_repr);
    (*t).tp_dealloc = Some(singleton_dealloc);
    (*t).tp_new = Some(ellipsis_new);
    (*t).tp_doc = c"The type of the Ellipsis singleton.".as_ptr();
}
