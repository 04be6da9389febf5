//! `sys.int_info` and `sys.float_info` (`PyLong_GetInfo`, `PyFloat_GetInfo`):
//! struct-sequence-like tuple subclasses with named, read-only fields and
//! CPython's repr (`sys.int_info(bits_per_digit=30, ...)`).
//!
//! This is a minimal, self-contained struct sequence for the two number info
//! types; the general `PyStructSequence_*` API lives with the types area.

use core::ffi::{c_void, CStr};
use core::ptr::null_mut;
use std::sync::Once;

use crate::defs::PyGetSetDef;
use crate::exported::*;
use crate::object::*;
use crate::objects::{dict, float, long, tuple, typeobject, unicode};
use crate::typeobj::*;

static mut INT_INFO_TYPE: PyTypeObject = PyTypeObject::static_empty(null_mut());
static mut FLOAT_INFO_TYPE: PyTypeObject = PyTypeObject::static_empty(null_mut());
static READY: Once = Once::new();
static mut READY_OK: bool = false;

const INT_FIELDS: [&CStr; 4] = [
    c"bits_per_digit",
    c"sizeof_digit",
    c"default_max_str_digits",
    c"str_digits_check_threshold",
];
const FLOAT_FIELDS: [&CStr; 11] = [
    c"max",
    c"max_exp",
    c"max_10_exp",
    c"min",
    c"min_exp",
    c"min_10_exp",
    c"dig",
    c"mant_dig",
    c"epsilon",
    c"radix",
    c"rounds",
];

const fn getset_table<const N: usize>(names: [&'static CStr; N]) -> [PyGetSetDef; 12] {
    let mut t: [PyGetSetDef; 12] = [PyGetSetDef {
        name: core::ptr::null(),
        get: None,
        set: None,
        doc: core::ptr::null(),
        closure: null_mut(),
    }; 12];
    let mut i = 0;
    while i < N {
        t[i].name = names[i].as_ptr();
        t[i].get = Some(field_get);
        t[i].closure = i as *mut c_void;
        i += 1;
    }
    t
}

static mut INT_GETSET: [PyGetSetDef; 12] = getset_table(INT_FIELDS);
static mut FLOAT_GETSET: [PyGetSetDef; 12] = getset_table(FLOAT_FIELDS);

unsafe extern "C" fn field_get(o: *mut PyObject, closure: *mut c_void) -> *mut PyObject {
    new_ref(tuple::get_item(o, closure as usize as Py_ssize_t))
}

unsafe fn field_names(t: *mut PyTypeObject) -> &'static [&'static CStr] {
    if t == &raw mut INT_INFO_TYPE {
        &INT_FIELDS
    } else {
        &FLOAT_FIELDS
    }
}

unsafe extern "C" fn info_repr(o: *mut PyObject) -> *mut PyObject {
    let names = field_names(Py_TYPE(o));
    let mut s = format!("{}(", typeobject::tp_name(Py_TYPE(o)));
    for (i, name) in names.iter().enumerate() {
        let r = crate::protocols::object::repr(tuple::get_item(o, i as Py_ssize_t));
        if r.is_null() {
            return r;
        }
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(&name.to_string_lossy());
        s.push('=');
        s.push_str(&unicode::to_string_lossy(r));
        Py_DECREF(r);
    }
    s.push(')');
    unicode::from_str(&s)
}

unsafe fn init_one(
    t: *mut PyTypeObject,
    name: &'static CStr,
    getset: *mut PyGetSetDef,
    n: usize,
) -> PyResult<()> {
    typeobject::init_builtin(
        t,
        name,
        PyTuple_Type.tp_basicsize as usize,
        PyTuple_Type.tp_itemsize as usize,
    );
    (*t).tp_base = &raw mut PyTuple_Type;
    (*t).tp_flags |=
        Py_TPFLAGS_DISALLOW_INSTANTIATION | (PyTuple_Type.tp_flags & Py_TPFLAGS_HAVE_GC);
    (*t).tp_repr = Some(info_repr);
    (*t).tp_getset = getset;
    typeobject::ready(t)?;
    let d = (*t).tp_dict;
    for (k, v) in [
        ("n_sequence_fields", n),
        ("n_fields", n),
        ("n_unnamed_fields", 0),
    ] {
        let o = Owned::from_new(long::from_i64(v as i64)).ok_or(())?;
        dict::set_str(d, k, o.as_ptr())?;
    }
    Ok(())
}

unsafe fn ensure_ready() -> PyResult<()> {
    READY.call_once(|| {
        READY_OK = init_one(
            &raw mut INT_INFO_TYPE,
            c"sys.int_info",
            (&raw mut INT_GETSET).cast(),
            INT_FIELDS.len(),
        )
        .and_then(|_| {
            init_one(
                &raw mut FLOAT_INFO_TYPE,
                c"sys.float_info",
                (&raw mut FLOAT_GETSET).cast(),
                FLOAT_FIELDS.len(),
            )
        })
        .is_ok();
    });
    if READY_OK {
        Ok(())
    } else {
        if crate::errors::raised().is_null() {
            let _: PyResult<()> =
                crate::raise!(PyExc_SystemError, "sys.int_info/sys.float_info not ready");
        }
        Err(())
    }
}

unsafe fn make(t: *mut PyTypeObject, values: Vec<*mut PyObject>) -> *mut PyObject {
    if values.iter().any(|v| v.is_null()) {
        for v in values {
            Py_XDECREF(v);
        }
        return null_mut();
    }
    let op = crate::alloc::new_untracked(t, values.len() as Py_ssize_t);
    if op.is_null() {
        for v in values {
            Py_DECREF(v);
        }
        return op;
    }
    for (i, v) in values.into_iter().enumerate() {
        *tuple::items(op).add(i) = v;
    }
    if has_flag(t, Py_TPFLAGS_HAVE_GC) {
        crate::gc::track(op);
    }
    op
}

/// `PyLong_GetInfo`: a new `sys.int_info`.
pub unsafe fn int_info() -> *mut PyObject {
    if ensure_ready().is_err() {
        return null_mut();
    }
    let limit = long::MAX_STR_DIGITS.load(core::sync::atomic::Ordering::Relaxed);
    make(
        &raw mut INT_INFO_TYPE,
        vec![
            long::from_i64(30),
            long::from_i64(4),
            long::from_i64(limit as i64),
            long::from_i64(640),
        ],
    )
}

/// `PyFloat_GetInfo`: a new `sys.float_info`.
pub unsafe fn float_info() -> *mut PyObject {
    if ensure_ready().is_err() {
        return null_mut();
    }
    make(
        &raw mut FLOAT_INFO_TYPE,
        vec![
            float::from_f64(f64::MAX),
            long::from_i64(f64::MAX_EXP as i64),
            long::from_i64(f64::MAX_10_EXP as i64),
            float::from_f64(f64::MIN_POSITIVE),
            long::from_i64(f64::MIN_EXP as i64),
            long::from_i64(f64::MIN_10_EXP as i64),
            long::from_i64(f64::DIGITS as i64),
            long::from_i64(f64::MANTISSA_DIGITS as i64),
            float::from_f64(f64::EPSILON),
            long::from_i64(f64::RADIX as i64),
            long::from_i64(1),
        ],
    )
}
