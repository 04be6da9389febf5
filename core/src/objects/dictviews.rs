//! Dict views (`keys()`, `values()`, `items()`), their iterators, and
//! `mappingproxy` (`PyDictProxy_New`).

use crate::object::*;

/// `PyDictProxy_New`: a read-only view of `mapping`.
pub unsafe fn new_mappingproxy(mapping: *mut PyObject) -> *mut PyObject {
    // Until the proxy type exists: a snapshot copy (reads agree, writes do not show).
    crate::objects::dict::copy(mapping)
}
