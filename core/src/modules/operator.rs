//! `operator`.

use crate::object::*;

crate::native_module!(c"operator", c"", exec, []);

unsafe fn exec(_m: *mut PyObject) -> PyResult<()> {
    Ok(())
}

pub unsafe fn static_types() -> Vec<*mut crate::typeobj::PyTypeObject> {
    Vec::new()
}
