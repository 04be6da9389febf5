//! `libpython3.15.so.1.0`: the C API of CPython 3.15's Stable ABI over Carapace's core.
//!
//! One file per area of the C API reference. Every export is
//! `#[no_mangle] pub unsafe extern "C" fn`, wrapped in `guard!` so that a Rust panic
//! becomes a `SystemError` instead of unwinding into C (which would abort).
//! C-variadic entry points are C in `shims/` and call the `carapace_*` functions here.

#![allow(non_snake_case, non_upper_case_globals, clippy::missing_safety_doc)]
// `Result<T, ()>` is the C API's "NULL/-1 and an exception set on the thread": the
// error value is the thread's exception, not something to carry in the `Err`.
#![allow(clippy::result_unit_err)]
// Slot function pointers are cast between C calling conventions (METH_* kinds,
// slot ids) exactly as C does; the target type is the annotated binding.
#![allow(clippy::missing_transmute_annotations)]

#[macro_use]
mod guard;

mod bool;
mod buffer;
mod bytearray;
mod bytes;
mod call;
mod capsule;
mod code;
mod codecs;
mod complex;
mod data;
mod dict;
mod errors;
mod eval;
mod float;
mod format;
mod frame;
mod gc;
mod getargs;
mod import;
mod iter;
mod lifecycle;
mod list;
mod long;
mod mapping;
mod mem;
mod memoryview;
mod modsupport;
mod module;
mod number;
mod object;
mod os;
mod pymain;
mod pystate;
mod refcount;
mod sequence;
mod set;
mod slice;
mod structseq;
mod sys;
mod thread;
mod tuple;
mod r#type;
mod unicode;
mod unstable;
mod weakref;
