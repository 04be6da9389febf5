//! `typing`.

use crate::object::*;

crate::native_module!(c"typing", c"", exec, []);

unsafe fn exec(_m: *mut PyObject) -> PyResult<()> {
    Ok(())
}
