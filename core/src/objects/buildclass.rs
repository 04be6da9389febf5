//! `builtins.__build_class__`: the class statement (metaclass, `__prepare__`,
//! `__mro_entries__`, the body run with its namespace, `__classcell__`).

use crate::object::{PyObject, Py_ssize_t};

/// `__build_class__(func, name, /, *bases, metaclass=None, **kwds)` in the
/// vectorcall convention (`METH_FASTCALL | METH_KEYWORDS`).
pub unsafe extern "C" fn build_class(
    _module: *mut PyObject,
    args: *const *mut PyObject,
    nargs: Py_ssize_t,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    let _ = (args, nargs, kwnames);
    crate::raise_null!(PyExc_SystemError, "__build_class__ is not written yet")
}
