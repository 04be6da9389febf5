//! `gc`.

use crate::object::*;

crate::native_module!(c"gc", c"", exec, []);

unsafe fn exec(_m: *mut PyObject) -> PyResult<()> {
    Ok(())
}
