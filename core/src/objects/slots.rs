//! Slot wrappers: the `__add__`, `__repr__`, ... entries of a type's dict that
//! expose C slots to Python (CPython's `slotdefs`), and the reverse direction for
//! Python classes (a dunder defined in Python fills the slot).

use crate::object::*;
use crate::typeobj::PyTypeObject;

/// Add a wrapper descriptor for each slot `t` defines and its dict lacks.
pub unsafe fn add_slot_wrappers(_t: *mut PyTypeObject) -> PyResult<()> {
    Ok(())
}

/// A dunder was set or deleted on a heap type: refresh the matching slot.
pub unsafe fn update_slot(_t: *mut PyTypeObject, _name: *mut PyObject) {}
