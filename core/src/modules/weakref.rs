//! `weakref`.

use crate::object::*;

crate::native_module!(c"weakref", c"", exec, []);

unsafe fn exec(_m: *mut PyObject) -> PyResult<()> {
    Ok(())
}
