//! The plain functions of `builtins`: conversions, attribute access, iteration
//! helpers and arithmetic.

use crate::defs::{PyMethodDef, METH_FASTCALL, METH_KEYWORDS, METH_O};
use crate::object::*;
use crate::objects::sequtil::SENTINEL;
use crate::protocols::{number, object};

unsafe extern "C" fn builtin_repr(_m: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
    object::repr(o)
}

unsafe extern "C" fn builtin_ascii(_m: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
    object::ascii(o)
}

unsafe extern "C" fn builtin_abs(_m: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
    number::absolute(o)
}

pub static mut METHODS: [PyMethodDef; 5] = [
    crate::meth!(
        c"__build_class__",
        crate::objects::buildclass::build_class,
        METH_FASTCALL | METH_KEYWORDS
    ),
    crate::meth!(c"abs", builtin_abs, METH_O),
    crate::meth!(c"ascii", builtin_ascii, METH_O),
    crate::meth!(c"repr", builtin_repr, METH_O),
    SENTINEL,
];
