//! `bytes`: an immutable byte string (CPython's layout: `PyVarObject`, a cached
//! hash, then the bytes and a trailing NUL inline).

use core::ffi::c_int;
use core::ptr::null_mut;

use crate::alloc;
use crate::exported::*;
use crate::object::*;
use crate::objects::unicode;
use crate::typeobj::*;

#[repr(C)]
pub struct BytesObject {
    pub ob_base: PyVarObject,
    pub ob_shash: Py_hash_t,
    pub ob_sval: [u8; 1],
}

pub const HEADER: usize = core::mem::offset_of!(BytesObject, ob_sval);

static mut EMPTY: *mut PyObject = null_mut();

#[inline]
pub unsafe fn is_bytes(o: *mut PyObject) -> bool {
    has_flag(Py_TYPE(o), Py_TPFLAGS_BYTES_SUBCLASS)
}

#[inline]
pub unsafe fn is_bytes_exact(o: *mut PyObject) -> bool {
    Py_TYPE(o) == &raw mut PyBytes_Type
}

#[inline]
pub unsafe fn data(o: *mut PyObject) -> *mut u8 {
    (o as *mut u8).add(HEADER)
}

/// The bytes of a `bytes` object.
#[inline]
pub unsafe fn as_slice_of<'a>(o: *mut PyObject) -> &'a [u8] {
    core::slice::from_raw_parts(data(o), Py_SIZE(o) as usize)
}

/// A new, uninitialised (zeroed) bytes object of `n` bytes, to be filled before use.
pub unsafe fn new_uninit(n: Py_ssize_t) -> *mut PyObject {
    if n < 0 {
        return crate::raise_null!(
            PyExc_SystemError,
            "Negative size passed to PyBytes_FromStringAndSize"
        );
    }
    let op = alloc::alloc_object_memory(HEADER + n as usize + 1, false);
    if op.is_null() {
        return op;
    }
    alloc::init_header(op, &raw mut PyBytes_Type);
    set_size(op, n);
    (*(op as *mut BytesObject)).ob_shash = -1;
    op
}

pub unsafe fn from_slice(b: &[u8]) -> *mut PyObject {
    if b.is_empty() && !EMPTY.is_null() {
        return EMPTY;
    }
    let op = new_uninit(b.len() as Py_ssize_t);
    if op.is_null() {
        return op;
    }
    core::ptr::copy_nonoverlapping(b.as_ptr(), data(op), b.len());
    op
}

pub unsafe extern "C" fn bytes_hash(o: *mut PyObject) -> Py_hash_t {
    let bo = o as *mut BytesObject;
    if (*bo).ob_shash != -1 {
        return (*bo).ob_shash;
    }
    // bytes and str of the same ASCII text hash alike, as in CPython.
    let h = unicode::hash_bytes(as_slice_of(o));
    (*bo).ob_shash = h;
    h
}

/// `repr(bytes)`: b'...' with CPython's escapes and quote choice.
pub fn repr_of(b: &[u8], prefix: &str, suffix: &str) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut s = String::with_capacity(b.len() + 3);
    s.push_str(prefix);
    s.push(quote);
    for &c in b {
        match c {
            b'\\' => s.push_str("\\\\"),
            b'\t' => s.push_str("\\t"),
            b'\n' => s.push_str("\\n"),
            b'\r' => s.push_str("\\r"),
            c if c as char == quote => {
                s.push('\\');
                s.push(quote);
            }
            0x20..=0x7e => s.push(c as char),
            c => s.push_str(&format!("\\x{c:02x}")),
        }
    }
    s.push(quote);
    s.push_str(suffix);
    s
}

pub unsafe extern "C" fn bytes_repr(o: *mut PyObject) -> *mut PyObject {
    unicode::from_str(&repr_of(as_slice_of(o), "b", ""))
}

pub unsafe extern "C" fn bytes_richcompare(
    a: *mut PyObject,
    b: *mut PyObject,
    op: c_int,
) -> *mut PyObject {
    if !is_bytes(b) {
        return new_ref(not_implemented());
    }
    let ord = as_slice_of(a).cmp(as_slice_of(b));
    use core::cmp::Ordering::*;
    let r = match op {
        0 => ord == Less,
        1 => ord != Greater,
        2 => ord == Equal,
        3 => ord != Equal,
        4 => ord == Greater,
        _ => ord != Less,
    };
    py_bool(r)
}

pub unsafe extern "C" fn bytes_length(o: *mut PyObject) -> Py_ssize_t {
    Py_SIZE(o)
}

static BYTES_AS_SEQUENCE: PySequenceMethods = PySequenceMethods {
    sq_length: Some(bytes_length),
    ..PySequenceMethods::EMPTY
};

pub unsafe fn init_type() {
    let t = &raw mut PyBytes_Type;
    crate::objects::typeobject::init_builtin(t, c"bytes", HEADER + 1, 1);
    (*t).tp_flags |= Py_TPFLAGS_BASETYPE | Py_TPFLAGS_BYTES_SUBCLASS;
    (*t).tp_repr = Some(bytes_repr);
    (*t).tp_hash = Some(bytes_hash);
    (*t).tp_richcompare = Some(bytes_richcompare);
    (*t).tp_dealloc = Some(crate::objects::baseobject::object_dealloc);
    (*t).tp_as_sequence = &raw const BYTES_AS_SEQUENCE as *mut _;
    (*t).tp_doc = c"bytes(iterable_of_ints) -> bytes".as_ptr();
}

pub unsafe fn init_empty() {
    let o = new_uninit(0);
    make_immortal(o);
    EMPTY = o;
}

pub fn empty() -> *mut PyObject {
    unsafe { EMPTY }
}
