//! Carapace's bytecode: the instruction set (`opcode.rs`, the one table every tier
//! reads) and the compiler's output (`CodeUnit`), which is plain Rust data with no
//! Python objects in it. `objects/code.rs` turns a `CodeUnit` into a `code` object.
//!
//! Encoding: one `u32` per code unit, the opcode in the low 8 bits and the argument
//! in the high 24 (no `EXTENDED_ARG`). An instruction with inline cache entries is
//! followed by that many `CACHE` units (`opcode::cache_entries`), zero until the
//! specializing tier writes them. Jump arguments are absolute code-unit indexes.

pub mod dis;
pub mod opcode;

use num_bigint::BigInt;

pub use opcode::Opcode;

/// Encodes one instruction.
#[inline]
pub const fn encode(op: Opcode, arg: u32) -> u32 {
    (op as u32) | (arg << 8)
}

/// The opcode byte of a code unit.
#[inline]
pub const fn op_byte(unit: u32) -> u8 {
    unit as u8
}

/// The argument of a code unit.
#[inline]
pub const fn arg_of(unit: u32) -> u32 {
    unit >> 8
}

/// Largest argument a code unit can hold.
pub const MAX_ARG: u32 = (1 << 24) - 1;

/// A compile-time constant (`co_consts` entries). Strings are generalised UTF-8
/// (WTF-8): lone surrogates from escapes such as `"\ud800"` are kept.
#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    None,
    True,
    False,
    Ellipsis,
    Int(BigInt),
    Float(f64),
    Complex { re: f64, im: f64 },
    Str(Vec<u8>),
    Bytes(Vec<u8>),
    Tuple(Vec<Constant>),
    FrozenSet(Vec<Constant>),
    Code(Box<CodeUnit>),
}

/// One entry of the exception table. Entries are sorted by `start` and do not
/// overlap; an exception raised by the instruction at index `i` with
/// `start <= i < end` is handled by popping the value stack down to `depth`,
/// pushing the raising instruction's index as an int when `push_lasti`, pushing
/// the exception, and jumping to `handler`. No entry: the frame unwinds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExceptionEntry {
    pub start: u32,
    pub end: u32,
    pub handler: u32,
    pub depth: u32,
    pub push_lasti: bool,
}

/// Source position of a code unit: 1-based lines, 0-based UTF-8 byte columns, as
/// CPython's `co_positions()`. `line == 0` means "no position" (None).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Location {
    pub line: u32,
    pub end_line: u32,
    pub col: u32,
    pub end_col: u32,
}

/// `co_flags` bits (CPython's values).
pub mod flags {
    pub const OPTIMIZED: u32 = 0x0001;
    pub const NEWLOCALS: u32 = 0x0002;
    pub const VARARGS: u32 = 0x0004;
    pub const VARKEYWORDS: u32 = 0x0008;
    pub const NESTED: u32 = 0x0010;
    pub const GENERATOR: u32 = 0x0020;
    pub const NOFREE: u32 = 0x0040;
    pub const COROUTINE: u32 = 0x0080;
    pub const ITERABLE_COROUTINE: u32 = 0x0100;
    pub const ASYNC_GENERATOR: u32 = 0x0200;
    pub const HAS_DOCSTRING: u32 = 0x0400_0000;
    pub const METHOD: u32 = 0x0800_0000;
}

/// Kind bits of a `localsplus` slot (CPython's `CO_FAST_*`). A parameter captured
/// by an inner function is `LOCAL | CELL`: its slot holds the argument until
/// `MAKE_CELL` wraps it.
pub mod fast {
    pub const HIDDEN: u8 = 0x10;
    pub const LOCAL: u8 = 0x20;
    pub const CELL: u8 = 0x40;
    pub const FREE: u8 = 0x80;
}

/// What the compiler produces for one code block (module, class body, function,
/// lambda, comprehension, annotation scope).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CodeUnit {
    pub code: Vec<u32>,
    /// One per code unit (caches repeat their instruction's position).
    pub locations: Vec<Location>,
    pub exception_table: Vec<ExceptionEntry>,
    pub consts: Vec<Constant>,
    /// Names used by `*_NAME`, `*_GLOBAL`, `*_ATTR`, `IMPORT_*`.
    pub names: Vec<String>,
    /// Every fast slot: parameters first (positional-only, positional-or-keyword,
    /// keyword-only, `*args`, `**kwargs`), other locals, cells, then free
    /// variables (in the order `COPY_FREE_VARS` copies the closure).
    pub localsplus_names: Vec<String>,
    pub localsplus_kinds: Vec<u8>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    /// Deepest value stack the block needs.
    pub stacksize: u32,
    pub name: String,
    pub qualname: String,
    pub filename: String,
    pub firstlineno: u32,
}
