//! The plain-data structs of the Limited API that C hands to the runtime:
//! method, member and getset tables, type and module specs, slots, buffers.
//! Layouts are CPython's (checked against its headers by `abi/checks`).

#![allow(non_camel_case_types, non_snake_case)]

use core::ffi::{c_char, c_int, c_void};

use crate::object::{PyObject, Py_ssize_t};
use crate::typeobj::{freefunc, inquiry, traverseproc};

pub type PyCFunction = unsafe extern "C" fn(*mut PyObject, *mut PyObject) -> *mut PyObject;
pub type getter = unsafe extern "C" fn(*mut PyObject, *mut c_void) -> *mut PyObject;
pub type setter = unsafe extern "C" fn(*mut PyObject, *mut PyObject, *mut c_void) -> c_int;

#[repr(C)]
#[derive(Clone, Copy)]
pub struct PyMethodDef {
    pub ml_name: *const c_char,
    /// Any of the `METH_*` calling conventions, cast to `PyCFunction`.
    pub ml_meth: Option<PyCFunction>,
    pub ml_flags: c_int,
    pub ml_doc: *const c_char,
}
unsafe impl Sync for PyMethodDef {}

impl PyMethodDef {
    pub const SENTINEL: PyMethodDef = PyMethodDef {
        ml_name: core::ptr::null(),
        ml_meth: None,
        ml_flags: 0,
        ml_doc: core::ptr::null(),
    };
}

pub const METH_VARARGS: c_int = 0x0001;
pub const METH_KEYWORDS: c_int = 0x0002;
pub const METH_NOARGS: c_int = 0x0004;
pub const METH_O: c_int = 0x0008;
pub const METH_CLASS: c_int = 0x0010;
pub const METH_STATIC: c_int = 0x0020;
pub const METH_COEXIST: c_int = 0x0040;
pub const METH_FASTCALL: c_int = 0x0080;
pub const METH_METHOD: c_int = 0x0200;

#[repr(C)]
#[derive(Clone, Copy)]
pub struct PyMemberDef {
    pub name: *const c_char,
    pub type_code: c_int,
    pub offset: Py_ssize_t,
    pub flags: c_int,
    pub doc: *const c_char,
}
unsafe impl Sync for PyMemberDef {}

impl PyMemberDef {
    /// The all-zero entry that ends a member table.
    pub const SENTINEL: PyMemberDef = PyMemberDef {
        name: core::ptr::null(),
        type_code: 0,
        offset: 0,
        flags: 0,
        doc: core::ptr::null(),
    };
}

pub const Py_T_SHORT: c_int = 0;
pub const Py_T_INT: c_int = 1;
pub const Py_T_LONG: c_int = 2;
pub const Py_T_FLOAT: c_int = 3;
pub const Py_T_DOUBLE: c_int = 4;
pub const Py_T_STRING: c_int = 5;
pub const _Py_T_OBJECT: c_int = 6;
pub const Py_T_CHAR: c_int = 7;
pub const Py_T_BYTE: c_int = 8;
pub const Py_T_UBYTE: c_int = 9;
pub const Py_T_USHORT: c_int = 10;
pub const Py_T_UINT: c_int = 11;
pub const Py_T_ULONG: c_int = 12;
pub const Py_T_STRING_INPLACE: c_int = 13;
pub const Py_T_BOOL: c_int = 14;
pub const Py_T_OBJECT_EX: c_int = 16;
pub const Py_T_LONGLONG: c_int = 17;
pub const Py_T_ULONGLONG: c_int = 18;
pub const Py_T_PYSSIZET: c_int = 19;
pub const _Py_T_NONE: c_int = 20;
pub const Py_READONLY: c_int = 1;
pub const Py_AUDIT_READ: c_int = 2;
pub const Py_RELATIVE_OFFSET: c_int = 8;

#[repr(C)]
#[derive(Clone, Copy)]
pub struct PyGetSetDef {
    pub name: *const c_char,
    pub get: Option<getter>,
    pub set: Option<setter>,
    pub doc: *const c_char,
    pub closure: *mut c_void,
}
unsafe impl Sync for PyGetSetDef {}

impl PyGetSetDef {
    /// The all-zero entry that ends a getset table.
    pub const SENTINEL: PyGetSetDef = PyGetSetDef {
        name: core::ptr::null(),
        get: None,
        set: None,
        doc: core::ptr::null(),
        closure: core::ptr::null_mut(),
    };
}

/// A read-only entry (getter only, no doc, no closure) of a built-in type's
/// static getset table: `getset!(c"__name__", get_name)`.
macro_rules! getset {
    ($name:literal, $get:expr) => {
        $crate::defs::PyGetSetDef {
            name: $name.as_ptr(),
            get: Some($get),
            set: None,
            doc: core::ptr::null(),
            closure: core::ptr::null_mut(),
        }
    };
}
pub(crate) use getset;

#[repr(C)]
#[derive(Clone, Copy)]
pub struct PyType_Slot {
    pub slot: c_int,
    pub pfunc: *mut c_void,
}

#[repr(C)]
pub struct PyType_Spec {
    pub name: *const c_char,
    pub basicsize: c_int,
    pub itemsize: c_int,
    pub flags: core::ffi::c_uint,
    pub slots: *mut PyType_Slot,
}

#[repr(C)]
pub struct PyModuleDef_Base {
    pub ob_base: PyObject,
    pub m_init: Option<unsafe extern "C" fn() -> *mut PyObject>,
    pub m_index: Py_ssize_t,
    pub m_copy: *mut PyObject,
}

#[repr(C)]
#[derive(Clone, Copy)]
pub struct PyModuleDef_Slot {
    pub slot: c_int,
    pub value: *mut c_void,
}

#[repr(C)]
pub struct PyModuleDef {
    pub m_base: PyModuleDef_Base,
    pub m_name: *const c_char,
    pub m_doc: *const c_char,
    pub m_size: Py_ssize_t,
    pub m_methods: *mut PyMethodDef,
    pub m_slots: *mut PyModuleDef_Slot,
    pub m_traverse: Option<traverseproc>,
    pub m_clear: Option<inquiry>,
    pub m_free: Option<freefunc>,
}

/// PEP 820 slot (3.15): 16 bytes, payload at +8.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct PySlot {
    pub sl_id: u16,
    pub sl_flags: u16,
    pub sl_reserved: u32,
    pub sl_ptr: *mut c_void,
}
pub const PySlot_OPTIONAL: u16 = 0x01;
pub const PySlot_STATIC: u16 = 0x02;
pub const PySlot_INTPTR: u16 = 0x04;

#[repr(C)]
#[derive(Clone, Copy)]
pub struct PyABIInfo {
    pub abiinfo_major_version: u8,
    pub abiinfo_minor_version: u8,
    pub flags: u16,
    pub build_version: u32,
    pub abi_version: u32,
}
pub const PyABIInfo_STABLE: u16 = 0x1;
pub const PyABIInfo_GIL: u16 = 0x2;
pub const PyABIInfo_FREETHREADED: u16 = 0x4;
pub const PyABIInfo_INTERNAL: u16 = 0x8;

#[repr(C)]
pub struct Py_buffer {
    pub buf: *mut c_void,
    pub obj: *mut PyObject,
    pub len: Py_ssize_t,
    pub itemsize: Py_ssize_t,
    pub readonly: c_int,
    pub ndim: c_int,
    pub format: *mut c_char,
    pub shape: *mut Py_ssize_t,
    pub strides: *mut Py_ssize_t,
    pub suboffsets: *mut Py_ssize_t,
    pub internal: *mut c_void,
}

pub const PyBUF_SIMPLE: c_int = 0;
pub const PyBUF_WRITABLE: c_int = 0x0001;
pub const PyBUF_FORMAT: c_int = 0x0004;
pub const PyBUF_ND: c_int = 0x0008;
pub const PyBUF_STRIDES: c_int = 0x0010 | PyBUF_ND;
pub const PyBUF_C_CONTIGUOUS: c_int = 0x0020 | PyBUF_STRIDES;
pub const PyBUF_F_CONTIGUOUS: c_int = 0x0040 | PyBUF_STRIDES;
pub const PyBUF_ANY_CONTIGUOUS: c_int = 0x0080 | PyBUF_STRIDES;
pub const PyBUF_INDIRECT: c_int = 0x0100 | PyBUF_STRIDES;

#[repr(C)]
pub struct PyStructSequence_Field {
    pub name: *const c_char,
    pub doc: *const c_char,
}

#[repr(C)]
pub struct PyStructSequence_Desc {
    pub name: *const c_char,
    pub doc: *const c_char,
    pub fields: *mut PyStructSequence_Field,
    pub n_in_sequence: c_int,
}

// Slot ids: legacy numbers (Py_LIMITED_API < 3.15) and PEP 820's unified ones.
// Ids 5..=83 are the same in both; the eight renumbered ones are listed twice.
pub mod slot {
    pub const Py_slot_end: u16 = 0;
    pub const Py_bf_getbuffer_OLD: u16 = 1;
    pub const Py_bf_releasebuffer_OLD: u16 = 2;
    pub const Py_mp_ass_subscript_OLD: u16 = 3;
    pub const Py_mp_length_OLD: u16 = 4;
    pub const Py_mp_subscript: u16 = 5;
    pub const Py_nb_absolute: u16 = 6;
    pub const Py_nb_add: u16 = 7;
    pub const Py_nb_and: u16 = 8;
    pub const Py_nb_bool: u16 = 9;
    pub const Py_nb_divmod: u16 = 10;
    pub const Py_nb_float: u16 = 11;
    pub const Py_nb_floor_divide: u16 = 12;
    pub const Py_nb_index: u16 = 13;
    pub const Py_nb_inplace_add: u16 = 14;
    pub const Py_nb_inplace_and: u16 = 15;
    pub const Py_nb_inplace_floor_divide: u16 = 16;
    pub const Py_nb_inplace_lshift: u16 = 17;
    pub const Py_nb_inplace_multiply: u16 = 18;
    pub const Py_nb_inplace_or: u16 = 19;
    pub const Py_nb_inplace_power: u16 = 20;
    pub const Py_nb_inplace_remainder: u16 = 21;
    pub const Py_nb_inplace_rshift: u16 = 22;
    pub const Py_nb_inplace_subtract: u16 = 23;
    pub const Py_nb_inplace_true_divide: u16 = 24;
    pub const Py_nb_inplace_xor: u16 = 25;
    pub const Py_nb_int: u16 = 26;
    pub const Py_nb_invert: u16 = 27;
    pub const Py_nb_lshift: u16 = 28;
    pub const Py_nb_multiply: u16 = 29;
    pub const Py_nb_negative: u16 = 30;
    pub const Py_nb_or: u16 = 31;
    pub const Py_nb_positive: u16 = 32;
    pub const Py_nb_power: u16 = 33;
    pub const Py_nb_remainder: u16 = 34;
    pub const Py_nb_rshift: u16 = 35;
    pub const Py_nb_subtract: u16 = 36;
    pub const Py_nb_true_divide: u16 = 37;
    pub const Py_nb_xor: u16 = 38;
    pub const Py_sq_ass_item: u16 = 39;
    pub const Py_sq_concat: u16 = 40;
    pub const Py_sq_contains: u16 = 41;
    pub const Py_sq_inplace_concat: u16 = 42;
    pub const Py_sq_inplace_repeat: u16 = 43;
    pub const Py_sq_item: u16 = 44;
    pub const Py_sq_length: u16 = 45;
    pub const Py_sq_repeat: u16 = 46;
    pub const Py_tp_alloc: u16 = 47;
    pub const Py_tp_base: u16 = 48;
    pub const Py_tp_bases: u16 = 49;
    pub const Py_tp_call: u16 = 50;
    pub const Py_tp_clear: u16 = 51;
    pub const Py_tp_dealloc: u16 = 52;
    pub const Py_tp_del: u16 = 53;
    pub const Py_tp_descr_get: u16 = 54;
    pub const Py_tp_descr_set: u16 = 55;
    pub const Py_tp_doc: u16 = 56;
    pub const Py_tp_getattr: u16 = 57;
    pub const Py_tp_getattro: u16 = 58;
    pub const Py_tp_hash: u16 = 59;
    pub const Py_tp_init: u16 = 60;
    pub const Py_tp_is_gc: u16 = 61;
    pub const Py_tp_iter: u16 = 62;
    pub const Py_tp_iternext: u16 = 63;
    pub const Py_tp_methods: u16 = 64;
    pub const Py_tp_new: u16 = 65;
    pub const Py_tp_repr: u16 = 66;
    pub const Py_tp_richcompare: u16 = 67;
    pub const Py_tp_setattr: u16 = 68;
    pub const Py_tp_setattro: u16 = 69;
    pub const Py_tp_str: u16 = 70;
    pub const Py_tp_traverse: u16 = 71;
    pub const Py_tp_members: u16 = 72;
    pub const Py_tp_getset: u16 = 73;
    pub const Py_tp_free: u16 = 74;
    pub const Py_nb_matrix_multiply: u16 = 75;
    pub const Py_nb_inplace_matrix_multiply: u16 = 76;
    pub const Py_am_await: u16 = 77;
    pub const Py_am_aiter: u16 = 78;
    pub const Py_am_anext: u16 = 79;
    pub const Py_tp_finalize: u16 = 80;
    pub const Py_am_send: u16 = 81;
    pub const Py_tp_vectorcall: u16 = 82;
    pub const Py_tp_token: u16 = 83;
    pub const Py_mod_create: u16 = 84;
    pub const Py_mod_exec: u16 = 85;
    pub const Py_mod_multiple_interpreters: u16 = 86;
    pub const Py_mod_gil: u16 = 87;
    pub const Py_bf_getbuffer: u16 = 88;
    pub const Py_bf_releasebuffer: u16 = 89;
    pub const Py_mp_ass_subscript: u16 = 90;
    pub const Py_mp_length: u16 = 91;
    pub const Py_slot_subslots: u16 = 92;
    pub const Py_tp_slots: u16 = 93;
    pub const Py_mod_slots: u16 = 94;
    pub const Py_tp_name: u16 = 95;
    pub const Py_tp_basicsize: u16 = 96;
    pub const Py_tp_extra_basicsize: u16 = 97;
    pub const Py_tp_itemsize: u16 = 98;
    pub const Py_tp_flags: u16 = 99;
    pub const Py_mod_name: u16 = 100;
    pub const Py_mod_doc: u16 = 101;
    pub const Py_mod_state_size: u16 = 102;
    pub const Py_mod_methods: u16 = 103;
    pub const Py_mod_state_traverse: u16 = 104;
    pub const Py_mod_state_clear: u16 = 105;
    pub const Py_mod_state_free: u16 = 106;
    pub const Py_tp_metaclass: u16 = 107;
    pub const Py_tp_module: u16 = 108;
    pub const Py_mod_abi: u16 = 109;
    pub const Py_mod_token: u16 = 110;
    pub const Py_slot_invalid: u16 = 0xFFFF;
    /// Legacy module slot ids (in a `PyModuleDef.m_slots` array).
    pub const Py_mod_create_OLD: u16 = 1;
    pub const Py_mod_exec_OLD: u16 = 2;
    pub const Py_mod_multiple_interpreters_OLD: u16 = 3;
    pub const Py_mod_gil_OLD: u16 = 4;
}
