//! Lexicographic comparison of item arrays (tuples, lists).

use core::ffi::c_int;
use core::ptr::null_mut;

use crate::object::*;
use crate::protocols::object::{rich_compare, rich_compare_bool};

/// Compare `v` and `w` item by item with `op`, as tuple and list comparison do.
/// The slices must stay valid while comparing (callers pass snapshots or
/// immutable storage).
pub unsafe fn compare_slices(v: &[*mut PyObject], w: &[*mut PyObject], op: c_int) -> *mut PyObject {
    if v.len() != w.len() && (op == 2 || op == 3) {
        return new_ref(crate::exported::py_bool(op == 3));
    }
    let mut i = 0;
    while i < v.len() && i < w.len() {
        let r = rich_compare_bool(v[i], w[i], 2);
        if r < 0 {
            return null_mut();
        }
        if r == 0 {
            break;
        }
        i += 1;
    }
    if i >= v.len() || i >= w.len() {
        let (a, b) = (v.len(), w.len());
        let r = match op {
            0 => a < b,
            1 => a <= b,
            2 => a == b,
            3 => a != b,
            4 => a > b,
            _ => a >= b,
        };
        return new_ref(crate::exported::py_bool(r));
    }
    match op {
        2 => new_ref(crate::exported::py_false()),
        3 => new_ref(crate::exported::py_true()),
        _ => rich_compare(v[i], w[i], op),
    }
}
