//! The interpreter: frames and the evaluation loop over `bytecode`. This module's
//! functions are what the rest of the core uses to run code and to look at the
//! running frame (builtins' `globals()`, zero-argument `super()`, the C API's
//! `PyEval_*`).

pub mod ceval;
pub mod frame;

use crate::object::{PyObject, PyResult};
use crate::typeobj::PyTypeObject;

/// Run a code object in a new frame with these namespaces (`PyEval_EvalCode`).
/// `locals` may be NULL (then globals).
pub unsafe fn eval_code(
    code: *mut PyObject,
    globals: *mut PyObject,
    locals: *mut PyObject,
) -> *mut PyObject {
    let _ = (code, globals, locals);
    crate::raise_null!(PyExc_SystemError, "the interpreter is not written yet")
}

/// Run a class body: call the function `func` (no arguments) with `ns` as its
/// frame's locals (`__build_class__`). Returns the body's return value (the
/// `__classcell__` cell or None).
pub unsafe fn run_class_body(func: *mut PyObject, ns: *mut PyObject) -> *mut PyObject {
    let _ = (func, ns);
    crate::raise_null!(PyExc_SystemError, "the interpreter is not written yet")
}

/// The running Python frame of this thread as a frame object (new reference), or
/// NULL without an exception when none runs.
pub unsafe fn current_frame() -> *mut PyObject {
    core::ptr::null_mut()
}

/// Borrowed: the running frame's globals, or NULL when no frame runs.
pub unsafe fn current_globals() -> *mut PyObject {
    core::ptr::null_mut()
}

/// New reference: the running frame's locals mapping (a snapshot dict for
/// function frames, as CPython 3.13+), or NULL without an exception when no frame
/// runs.
pub unsafe fn current_locals() -> *mut PyObject {
    core::ptr::null_mut()
}

/// Borrowed: the running frame's builtins dict (the interpreter's when none runs).
pub unsafe fn current_builtins() -> *mut PyObject {
    (*crate::pystate::interp()).builtins
}

/// Zero-argument `super()`: the `__class__` cell's class and the first argument of
/// the running function. RuntimeError as in CPython ("super(): no arguments",
/// "super(): __class__ cell not found", ...) when they cannot be found.
pub unsafe fn super_context() -> PyResult<(*mut PyTypeObject, *mut PyObject)> {
    crate::raise!(PyExc_RuntimeError, "super(): no current frame")
}

/// This area's types, slot tables filled, bases first (`lifecycle` readies them).
pub unsafe fn static_types() -> Vec<*mut crate::typeobj::PyTypeObject> {
    Vec::new()
}
