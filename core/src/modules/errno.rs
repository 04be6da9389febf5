//! `errno`.

use crate::object::*;

crate::native_module!(c"errno", c"", exec, []);

unsafe fn exec(_m: *mut PyObject) -> PyResult<()> {
    Ok(())
}
