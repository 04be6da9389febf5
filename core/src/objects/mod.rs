//! The built-in object types, one file per type (CPython's `Objects/`).

pub mod baseobject;
pub mod boolobject;
pub mod buildclass;
pub mod bytearray;
pub mod bytes;
pub mod bytes_ops;
pub mod capsule;
pub mod cell;
pub mod classmethod;
pub mod code;
pub mod codecs;
pub mod complex;
pub mod descr;
pub mod dict;
pub mod dict_ops;
pub mod dictviews;
pub mod dunder_slots;
pub mod enumobject;
pub mod exceptions;
pub mod exceptions_fields;
pub mod float;
pub mod float_ops;
pub mod frameobject;
pub mod function;
pub mod genericalias;
pub mod genobject;
pub mod heaptype;
pub mod iterobject;
pub mod lazyimport;
pub mod list;
pub mod list_ops;
pub mod long;
pub mod long_ops;
pub mod memoryview;
pub mod methodobject;
pub mod module;
pub mod none;
pub mod numfmt;
pub mod numinfo;
pub mod property;
pub mod range;
pub mod sequtil;
pub mod set;
pub mod slice;
pub mod slots;
pub mod structseq;
pub mod superobject;
pub mod sysmodule;
pub mod template;
pub mod textio;
pub mod traceback;
pub mod tuple;
pub mod typeobject;
pub mod typevar;
pub mod unicode;
pub mod unicode_db;
pub mod unicode_format;
pub mod unicode_ops;
pub mod warnings;
pub mod weakref;

/// This area's types, slot tables filled, bases first (`lifecycle` readies them).
pub unsafe fn static_types() -> Vec<*mut crate::typeobj::PyTypeObject> {
    classmethod::init_types().to_vec()
}
