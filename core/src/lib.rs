//! Carapace's core: objects, types, the abstract object layer, thread states,
//! the cycle collector, the import system, the compiler (`compiler`, emitting
//! `bytecode`), the interpreter (`vm`), `builtins` and the native `modules`. Plain Rust with C-compatible layouts;
//! the exported C API lives in the `capi/` crate on top of it.

#![allow(non_snake_case, non_upper_case_globals, non_camel_case_types)]
#![allow(clippy::missing_safety_doc, static_mut_refs)]
// Slot functions are compared by address, as CPython does (`tp_new == object_new`);
// they are plain non-generic functions with one address each.
#![allow(unpredictable_function_pointer_comparisons)]
// `Result<T, ()>` is the C API's "NULL/-1 and an exception set on the thread": the
// error value is the thread's exception, not something to carry in the `Err`.
#![allow(clippy::result_unit_err)]
// Slot function pointers are cast between C calling conventions (METH_* kinds,
// slot ids) exactly as C does; the target type is the annotated binding.
#![allow(clippy::missing_transmute_annotations)]

pub mod alloc;
pub mod builtins;
pub mod bytecode;
pub mod compiler;
pub mod critical;
pub mod defs;
pub mod errors;
pub mod exported;
pub mod fmt_units;
pub mod gc;
pub mod import;
pub mod lifecycle;
pub mod lock;
pub mod modules;
pub mod object;
pub mod objects;
pub mod protocols;
pub mod pymain;
pub mod pystate;
pub mod typeobj;
pub mod version;
pub mod vm;
