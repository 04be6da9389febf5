//! `bool`: a subclass of `int` with the two singletons `True` and `False`.

use core::ffi::c_int;

use crate::exported::*;
use crate::object::*;
use crate::objects::long;
use crate::typeobj::*;

unsafe extern "C" fn bool_repr(o: *mut PyObject) -> *mut PyObject {
    new_ref(crate::objects::unicode::intern_str(if o == py_true() {
        "True"
    } else {
        "False"
    }))
}

unsafe extern "C" fn bool_new(
    _t: *mut PyTypeObject,
    args: *mut PyObject,
    kwds: *mut PyObject,
) -> *mut PyObject {
    if !kwds.is_null() && crate::objects::dict::len(kwds) > 0 {
        return crate::raise_null!(PyExc_TypeError, "bool() takes no keyword arguments");
    }
    let n = if args.is_null() { 0 } else { Py_SIZE(args) };
    if n > 1 {
        return crate::raise_null!(
            PyExc_TypeError,
            "bool expected at most 1 argument, got {}",
            n
        );
    }
    if n == 0 {
        return py_false();
    }
    match crate::protocols::object::is_true(crate::objects::tuple::get_item(args, 0)) {
        r if r < 0 => core::ptr::null_mut(),
        r => py_bool(r == 1),
    }
}

unsafe fn logic(
    a: *mut PyObject,
    b: *mut PyObject,
    f: fn(bool, bool) -> bool,
    fallback: unsafe extern "C" fn(*mut PyObject, *mut PyObject) -> *mut PyObject,
) -> *mut PyObject {
    let ta = Py_TYPE(a) == &raw mut PyBool_Type;
    let tb = Py_TYPE(b) == &raw mut PyBool_Type;
    if ta && tb {
        return py_bool(f(a == py_true(), b == py_true()));
    }
    fallback(a, b)
}

unsafe extern "C" fn int_binop_fallback_and(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    int_fallback(a, b, |n| n.nb_and)
}
unsafe extern "C" fn int_binop_fallback_or(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    int_fallback(a, b, |n| n.nb_or)
}
unsafe extern "C" fn int_binop_fallback_xor(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    int_fallback(a, b, |n| n.nb_xor)
}

unsafe fn int_fallback(
    a: *mut PyObject,
    b: *mut PyObject,
    pick: fn(&PyNumberMethods) -> Option<binaryfunc>,
) -> *mut PyObject {
    let nb = PyLong_Type.tp_as_number;
    match if nb.is_null() { None } else { pick(&*nb) } {
        Some(f) => f(a, b),
        None => new_ref(not_implemented()),
    }
}

unsafe extern "C" fn bool_and(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    logic(a, b, |x, y| x & y, int_binop_fallback_and)
}
unsafe extern "C" fn bool_or(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    logic(a, b, |x, y| x | y, int_binop_fallback_or)
}
unsafe extern "C" fn bool_xor(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    logic(a, b, |x, y| x ^ y, int_binop_fallback_xor)
}

/// `~bool`: the int inversion, with CPython 3.12+'s DeprecationWarning.
unsafe extern "C" fn bool_invert(a: *mut PyObject) -> *mut PyObject {
    let msg = "Bitwise inversion '~' on bool is deprecated and will be removed in Python 3.16. This returns the bitwise inversion of the underlying int object and is usually not what you expect from negating a bool. Use the 'not' operator for boolean negation or ~int(x) if you really want the bitwise inversion of the underlying int.";
    if crate::objects::warnings::warn(
        crate::objects::exceptions::exc(&raw mut PyExc_DeprecationWarning),
        msg,
        1,
    ) < 0
    {
        return core::ptr::null_mut();
    }
    long::from_i64(if a == py_true() { -2 } else { -1 })
}

unsafe extern "C" fn bool_dealloc(o: *mut PyObject) {
    // True and False are immortal statics; an over-decref from C lands here.
    make_immortal(o);
}

static mut BOOL_AS_NUMBER: PyNumberMethods = PyNumberMethods {
    nb_and: Some(bool_and),
    nb_or: Some(bool_or),
    nb_xor: Some(bool_xor),
    nb_invert: Some(bool_invert),
    ..PyNumberMethods::EMPTY
};

pub unsafe fn init_type() {
    let t = &raw mut PyBool_Type;
    crate::objects::typeobject::init_builtin(
        t,
        c"bool",
        core::mem::size_of::<long::LongObject>(),
        0,
    );
    (*t).tp_base = &raw mut PyLong_Type;
    (*t).tp_repr = Some(bool_repr);
    (*t).tp_new = Some(bool_new);
    (*t).tp_dealloc = Some(bool_dealloc);
    (*t).tp_as_number = &raw mut BOOL_AS_NUMBER;
    (*t).tp_doc = c"Returns True when the argument is true, False otherwise.".as_ptr();
    let _: c_int = 0;
}
