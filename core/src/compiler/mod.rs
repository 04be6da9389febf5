//! The compiler: Python source to `bytecode::CodeUnit`, with no Python objects
//! involved (plain Rust data in, plain Rust data out). Parsing is done by the
//! `rustpython-ruff_python_parser` crate (docs/DECISIONS.md says why);
//! `objects/code.rs` turns the result into `code` objects and raises the
//! `SyntaxError` a `CompileError` describes.

mod codegen;
mod error;
mod expr;
mod pattern;
mod stmt;
mod symtable;
#[cfg(test)]
mod tests;
mod unit;

use ruff_python_ast as ast;
use ruff_python_parser::ParseOptions;

use crate::bytecode::{CodeUnit, Opcode};
use codegen::Compiler;
use error::SourceMap;

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
    let src = SourceMap::new(source);
    let parse_mode = match mode {
        Mode::Eval => ruff_python_parser::Mode::Expression,
        Mode::Exec | Mode::Single => ruff_python_parser::Mode::Module,
    };
    let parsed = ruff_python_parser::parse_unchecked(source, ParseOptions::from(parse_mode));
    if let Some(e) = parsed.errors().first() {
        return Err(src.parse_error(e, parsed.tokens()));
    }
    let (body, expr): (&[ast::Stmt], Option<&ast::Expr>) = match parsed.syntax() {
        ast::Mod::Module(m) => (&m.body, None),
        ast::Mod::Expression(e) => (&[], Some(&e.body)),
    };
    let top_level_await = flags & cflags::ALLOW_TOP_LEVEL_AWAIT != 0;
    let st = symtable::build_module(&src, body, expr, top_level_await)?;
    let mut c = Compiler {
        src: &src,
        st: &st,
        filename: filename.to_string(),
        optimize,
        interactive: mode == Mode::Single,
        top_level_await,
        units: Vec::new(),
    };
    c.enter_scope(0, "<module>", ruff_text_size::TextRange::default());
    match expr {
        Some(e) => {
            c.expr(e)?;
            c.emit(Opcode::RETURN_VALUE, 0);
        }
        None => {
            c.module_body(body)?;
            c.implicit_return(body);
        }
    }
    let mut code = c.exit_scope();
    code.firstlineno = 1;
    Ok(code)
}
