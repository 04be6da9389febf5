//! Warnings as the C API raises them (`PyErr_WarnEx`), before the `warnings`
//! module exists: CPython's default action ("print the first occurrence per
//! location") with the location CPython reports when no Python frame runs
//! (`sys:1`), and the `-W error` / `-W ignore` actions.

use core::ffi::c_int;
use std::collections::HashSet;
use std::sync::Mutex;

use crate::object::*;
use crate::objects::typeobject::qual_name;

/// The action for all categories: 0 default, 1 error, 2 ignore, 3 always.
pub static ACTION: core::sync::atomic::AtomicI32 = core::sync::atomic::AtomicI32::new(0);
static SEEN: Mutex<Option<HashSet<(usize, String)>>> = Mutex::new(None);

/// Issue a warning of `category` (a Warning subclass). Returns -1 when the
/// warning became an exception.
pub unsafe fn warn(category: *mut PyObject, msg: &str, _stacklevel: isize) -> c_int {
    match ACTION.load(core::sync::atomic::Ordering::Relaxed) {
        1 => {
            crate::errors::set_string(category, msg);
            -1
        }
        2 => 0,
        a => {
            if a == 0 {
                let mut seen = SEEN.lock().unwrap();
                if !seen
                    .get_or_insert_with(HashSet::new)
                    .insert((category as usize, msg.to_string()))
                {
                    return 0;
                }
            }
            let name = qual_name(category as *mut crate::typeobj::PyTypeObject);
            crate::objects::sysmodule::write_stderr(&format!("sys:1: {}: {}\n", name, msg));
            0
        }
    }
}
