//! Heap types: `PyType_FromSpec` and friends, `PyType_FromSlots`, and
//! `type(name, bases, dict)`.

use crate::object::*;
use crate::typeobj::PyTypeObject;

/// `type.__new__(name, bases, dict)`.
pub unsafe extern "C" fn type_new(
    _meta: *mut PyTypeObject,
    _args: *mut PyObject,
    _kwds: *mut PyObject,
) -> *mut PyObject {
    crate::raise_null!(PyExc_TypeError, "type() takes 1 argument")
}
