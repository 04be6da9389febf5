//! Weak references (`_PyWeakref_RefType`, proxies, callbacks).

use crate::object::PyObject;

/// Clear every weak reference to `o` and run their callbacks (the object is
/// about to go away). Weak reference objects are not implemented yet, so no
/// object can have any.
pub unsafe fn clear_weakrefs_of(_o: *mut PyObject) {}
