//! The abstract object layer (CPython's `Objects/abstract.c` and `Objects/call.c`):
//! operations on any object, dispatched through its type's slots.

pub mod buffer;
pub mod call;
pub mod iter;
pub mod mapping;
pub mod number;
pub mod object;
pub mod objproto;
pub mod sequence;
pub mod sequence_cmp;
