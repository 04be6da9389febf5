//! The built-in object types, one file per type (CPython's `Objects/`).

pub mod baseobject;
pub mod boolobject;
pub mod bytes;
pub mod complex;
pub mod descr;
pub mod dict;
pub mod dictviews;
pub mod exceptions;
pub mod exceptions_fields;
pub mod float;
pub mod float_ops;
pub mod heaptype;
pub mod iterobject;
pub mod list;
pub mod long;
pub mod long_ops;
pub mod methodobject;
pub mod module;
pub mod none;
pub mod slots;
pub mod sysmodule;
pub mod tuple;
pub mod typeobject;
pub mod unicode;
pub mod warnings;
pub mod weakref;
