//! `code` objects: a `bytecode::CodeUnit` as a Python object.

use crate::compiler::Mode;
use crate::object::PyObject;

/// Compile `source` into a `code` object (the core of `compile()`,
/// `Py_CompileString`, imports): SyntaxError (or IndentationError/TabError) with
/// filename, line, offset, text and end position when the compiler refuses it.
/// `filename` is a str.
pub unsafe fn compile(
    source: &str,
    filename: *mut PyObject,
    mode: Mode,
    flags: u32,
    optimize: i32,
) -> *mut PyObject {
    let _ = (source, filename, mode, flags, optimize);
    crate::raise_null!(PyExc_SystemError, "code objects are not written yet")
}
