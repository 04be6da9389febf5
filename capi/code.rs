//! Compiling source to code objects: `Py_CompileString` and its flagged forms.

use core::ffi::{c_char, c_int};
use core::ptr::null_mut;

use carapace_core::compiler::{cflags, Mode};
use carapace_core::errors;
use carapace_core::object::*;
use carapace_core::objects::{code, unicode};

/// `Py_single_input`, `Py_file_input`, `Py_eval_input`, `Py_func_type_input`.
const SINGLE_INPUT: c_int = 256;
const FILE_INPUT: c_int = 257;
const EVAL_INPUT: c_int = 258;

/// `PyCompilerFlags`.
#[repr(C)]
pub struct PyCompilerFlags {
    pub cf_flags: c_int,
    pub cf_feature_version: c_int,
}

unsafe fn compile(
    s: *const c_char,
    filename: *const c_char,
    start: c_int,
    flags: u32,
    optimize: c_int,
) -> *mut PyObject {
    if s.is_null() || filename.is_null() {
        errors::bad_internal_call();
        return null_mut();
    }
    let mode = match start {
        FILE_INPUT => Mode::Exec,
        EVAL_INPUT => Mode::Eval,
        SINGLE_INPUT => Mode::Single,
        _ => {
            return carapace_core::raise_null!(
                PyExc_ValueError,
                "compile() mode must be 'exec', 'eval' or 'single'"
            )
        }
    };
    if flags & cflags::ONLY_AST != 0 {
        return carapace_core::raise_null!(
            PyExc_SystemError,
            "compiling to an AST is not supported"
        );
    }
    let src = core::ffi::CStr::from_ptr(s).to_bytes();
    let Ok(src) = core::str::from_utf8(src) else {
        return carapace_core::raise_null!(
            PyExc_SyntaxError,
            "source code cannot be decoded as UTF-8"
        );
    };
    let fname = unicode::from_utf8(core::ffi::CStr::from_ptr(filename).to_bytes());
    if fname.is_null() {
        return fname;
    }
    let r = code::compile(src, fname, mode, flags, optimize);
    Py_DECREF(fname);
    r
}

/// `Py_CompileString(str, filename, start)`: a code object.
#[no_mangle]
pub unsafe extern "C" fn Py_CompileString(
    s: *const c_char,
    filename: *const c_char,
    start: c_int,
) -> *mut PyObject {
    guard!(null_mut(), { compile(s, filename, start, 0, -1) })
}

#[no_mangle]
pub unsafe extern "C" fn Py_CompileStringExFlags(
    s: *const c_char,
    filename: *const c_char,
    start: c_int,
    flags: *mut PyCompilerFlags,
    optimize: c_int,
) -> *mut PyObject {
    guard!(null_mut(), {
        let f = if flags.is_null() {
            0
        } else {
            (*flags).cf_flags as u32
        };
        compile(s, filename, start, f, optimize)
    })
}
