//! PEP 750 template strings: `string.templatelib.Template` and `Interpolation`.
//!
//! The interpreter creates them through these functions (`BUILD_TEMPLATE`,
//! `BUILD_INTERPOLATION`).

use crate::object::PyObject;

/// `BUILD_TEMPLATE`: `strings` and `interpolations` are tuples.
pub unsafe fn build_template(
    strings: *mut PyObject,
    interpolations: *mut PyObject,
) -> *mut PyObject {
    let _ = (strings, interpolations);
    crate::raise_null!(PyExc_SystemError, "template strings are not written yet")
}

/// `BUILD_INTERPOLATION`: `conversion` is None or one of "s", "r", "a";
/// `format_spec` a str ("" when absent).
pub unsafe fn build_interpolation(
    value: *mut PyObject,
    expression: *mut PyObject,
    conversion: *mut PyObject,
    format_spec: *mut PyObject,
) -> *mut PyObject {
    let _ = (value, expression, conversion, format_spec);
    crate::raise_null!(PyExc_SystemError, "template strings are not written yet")
}

pub unsafe fn static_types() -> Vec<*mut crate::typeobj::PyTypeObject> {
    Vec::new()
}
