//! `time`.

use crate::object::*;

crate::native_module!(c"time", c"", exec, []);

unsafe fn exec(_m: *mut PyObject) -> PyResult<()> {
    Ok(())
}
