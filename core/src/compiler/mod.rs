//! The compiler: Python source to `bytecode::CodeUnit`, with no Python objects
//! involved (plain Rust data in, plain Rust data out). Parsing is done by the
//! `rustpython-ruff_python_parser` crate (docs/DECISIONS.md says why);
//! `objects/code.rs` turns the result into `code` objects and raises the
//! `SyntaxError` a `CompileError` describes.

use crate::bytecode::CodeUnit;

/// What `compile()` is asked to produce (its `mode` argument).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A module: a sequence of statements.
    Exec,
    /// A single expression; the code returns its value.
    Eval,
    /// One interactive statement: expression statements print through
    /// `sys.displayhook` (`CALL_INTRINSIC_1 PRINT`).
    Single,
}

/// `compile()` flags (CPython's `PyCF_*` values where they exist).
pub mod cflags {
    pub const DONT_IMPLY_DEDENT: u32 = 0x0200;
    pub const ONLY_AST: u32 = 0x0400;
    pub const ALLOW_TOP_LEVEL_AWAIT: u32 = 0x2000;
}

/// Which SyntaxError subclass a compile error is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
}

/// A syntax error, with what `SyntaxError`'s attributes need: 1-based line
/// numbers and 1-based character (not byte) offsets, as CPython reports them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError {
    pub kind: ErrorKind,
    pub msg: String,
    pub lineno: u32,
    pub offset: u32,
    pub end_lineno: u32,
    pub end_offset: u32,
    /// The source line, with its newline, when there is one.
    pub text: Option<String>,
}

/// Compile `source` (already decoded) read from `filename`.
pub fn compile(
    source: &str,
    filename: &str,
    mode: Mode,
    flags: u32,
    optimize: i32,
) -> Result<CodeUnit, CompileError> {
    let _ = (source, filename, mode, flags, optimize);
    Err(CompileError {
        kind: ErrorKind::SyntaxError,
        msg: "the compiler is not written yet".into(),
        lineno: 1,
        offset: 1,
        end_lineno: 1,
        end_offset: 1,
        text: None,
    })
}
