//! The `builtins` module (CPython's `Python/bltinmodule.c`): its functions and the
//! names of the built-in types and constants.

use crate::object::{PyObject, PyResult};

/// Fill the `builtins` module's dict (the exceptions are already in it).
pub unsafe fn init(dict: *mut PyObject) -> PyResult<()> {
    let _ = dict;
    Ok(())
}

/// This area's types, slot tables filled, bases first (`lifecycle` readies them).
pub unsafe fn static_types() -> Vec<*mut crate::typeobj::PyTypeObject> {
    Vec::new()
}
