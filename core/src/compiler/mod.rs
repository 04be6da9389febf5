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
mod unparse;

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
    /// `from __future__ import annotations` in effect (CO_FUTURE_ANNOTATIONS).
    pub const FUTURE_ANNOTATIONS: u32 = 0x0100_0000;
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
    let future_annotations =
        flags & cflags::FUTURE_ANNOTATIONS != 0 || future_features(&src, body)?;
    let st = symtable::build_module(&src, body, expr, top_level_await, future_annotations)?;
    let mut c = Compiler {
        src: &src,
        st: &st,
        filename: filename.to_string(),
        optimize,
        interactive: mode == Mode::Single,
        top_level_await,
        future_annotations,
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

/// Check the `from __future__ import` statements (only after the docstring,
/// only known features); returns whether `annotations` is among them.
fn future_features(src: &SourceMap, body: &[ast::Stmt]) -> Result<bool, CompileError> {
    const KNOWN: &[&str] = &[
        "nested_scopes",
        "generators",
        "division",
        "absolute_import",
        "with_statement",
        "print_function",
        "unicode_literals",
        "barry_as_FLUFL",
        "generator_stop",
        "annotations",
    ];
    let mut annotations = false;
    let mut leading = true;
    for (i, s) in body.iter().enumerate() {
        match s {
            ast::Stmt::ImportFrom(f)
                if f.module.as_deref() == Some("__future__") && f.level == 0 =>
            {
                if !leading {
                    return Err(src.syntax_error(
                        "from __future__ imports must occur at the beginning of the file",
                        f.range,
                    ));
                }
                for a in &f.names {
                    match a.name.as_str() {
                        "annotations" => annotations = true,
                        "braces" => return Err(src.syntax_error("not a chance", a.range)),
                        n if KNOWN.contains(&n) => {}
                        n => {
                            return Err(src.syntax_error(
                                format!("future feature {n} is not defined"),
                                a.range,
                            ))
                        }
                    }
                }
            }
            ast::Stmt::Expr(e) if i == 0 && matches!(&*e.value, ast::Expr::StringLiteral(_)) => {}
            _ => leading = false,
        }
    }
    Ok(annotations)
}
