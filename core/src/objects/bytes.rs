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
    sq_concat: Some(bytes_concat),
    sq_repeat: Some(bytes_repeat),
    sq_item: Some(bytes_item),
    sq_contains: Some(bytes_contains),
    ..PySequenceMethods::EMPTY
};
static BYTES_AS_MAPPING: PyMappingMethods = PyMappingMethods {
    mp_length: Some(bytes_length),
    mp_subscript: Some(bytes_subscript),
    ..PyMappingMethods::EMPTY
};
static BYTES_AS_BUFFER: PyBufferProcs = PyBufferProcs {
    bf_getbuffer: Some(bytes_getbuffer),
    bf_releasebuffer: None,
};

/// `bytes + other` (any bytes-like other).
pub unsafe extern "C" fn bytes_concat(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    if !crate::protocols::buffer::check(a) || !crate::protocols::buffer::check(b) {
        return crate::raise_null!(
            PyExc_TypeError,
            "can't concat {} to {}",
            crate::objects::typeobject::type_name(Py_TYPE(b)),
            crate::objects::typeobject::type_name(Py_TYPE(a))
        );
    }
    let (Ok(x), Ok(y)) = (
        crate::protocols::buffer::bytes_of_buffer(a),
        crate::protocols::buffer::bytes_of_buffer(b),
    ) else {
        return null_mut();
    };
    let mut v = x;
    v.extend_from_slice(&y);
    from_slice(&v)
}

pub unsafe extern "C" fn bytes_repeat(a: *mut PyObject, n: Py_ssize_t) -> *mut PyObject {
    let s = as_slice_of(a);
    if n <= 0 {
        return from_slice(b"");
    }
    if n == 1 && is_bytes_exact(a) {
        return new_ref(a);
    }
    match s.len().checked_mul(n as usize) {
        Some(t) if t < isize::MAX as usize / 2 => from_slice(&s.repeat(n as usize)),
        _ => crate::raise_null!(PyExc_OverflowError, "repeated bytes are too long"),
    }
}

pub unsafe extern "C" fn bytes_item(a: *mut PyObject, i: Py_ssize_t) -> *mut PyObject {
    let s = as_slice_of(a);
    if i < 0 || i as usize >= s.len() {
        return crate::raise_null!(PyExc_IndexError, "index out of range");
    }
    crate::objects::long::from_i64(s[i as usize] as i64)
}

pub unsafe extern "C" fn bytes_contains(a: *mut PyObject, x: *mut PyObject) -> c_int {
    crate::objects::bytes_ops::contains(as_slice_of(a), x)
}

pub unsafe extern "C" fn bytes_subscript(a: *mut PyObject, k: *mut PyObject) -> *mut PyObject {
    crate::objects::bytes_ops::subscript(a, as_slice_of(a), k, "index out of range", "byte")
}

pub unsafe extern "C" fn bytes_getbuffer(
    o: *mut PyObject,
    view: *mut crate::defs::Py_buffer,
    flags: c_int,
) -> c_int {
    crate::protocols::buffer::fill_info(
        view,
        o,
        data(o) as *mut core::ffi::c_void,
        Py_SIZE(o),
        1,
        flags,
    )
}

// ---- iteration ----------------------------------------------------------------

#[repr(C)]
pub struct BytesIterObject {
    pub ob_base: PyObject,
    pub index: core::sync::atomic::AtomicIsize,
    pub seq: *mut PyObject,
}

pub unsafe extern "C" fn bytes_iter(o: *mut PyObject) -> *mut PyObject {
    let it = alloc::new_object(
        &raw mut PyBytesIter_Type,
        BytesIterObject {
            ob_base: PyObject {
                ob_refcnt: 1,
                ob_type: null_mut(),
            },
            index: core::sync::atomic::AtomicIsize::new(0),
            seq: o,
        },
    );
    if it.is_null() {
        return null_mut();
    }
    Py_INCREF(o);
    it as *mut PyObject
}

unsafe extern "C" fn bytesiter_next(o: *mut PyObject) -> *mut PyObject {
    let it = &*(o as *const BytesIterObject);
    let i = it.index.fetch_add(1, core::sync::atomic::Ordering::Relaxed);
    let s = as_slice_of(it.seq);
    if i < 0 || i as usize >= s.len() {
        it.index
            .store(isize::MAX / 2, core::sync::atomic::Ordering::Relaxed);
        return null_mut();
    }
    crate::objects::long::from_i64(s[i as usize] as i64)
}

unsafe extern "C" fn bytesiter_dealloc(o: *mut PyObject) {
    Py_DECREF((*(o as *mut BytesIterObject)).seq);
    alloc::free_via_type(o);
}

unsafe extern "C" fn bytes_getnewargs(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    let b = from_slice(as_slice_of(o));
    if b.is_null() {
        return b;
    }
    let t = crate::objects::tuple::pack(&[b]);
    Py_DECREF(b);
    t
}

static mut BYTES_METHODS: [crate::defs::PyMethodDef; 44] = [crate::defs::PyMethodDef::SENTINEL; 44];

pub unsafe fn init_type() {
    let t = &raw mut PyBytes_Type;
    crate::objects::typeobject::init_builtin(t, c"bytes", HEADER + 1, 1);
    (*t).tp_flags |= Py_TPFLAGS_BASETYPE | Py_TPFLAGS_BYTES_SUBCLASS;
    (*t).tp_repr = Some(bytes_repr);
    (*t).tp_hash = Some(bytes_hash);
    (*t).tp_richcompare = Some(bytes_richcompare);
    (*t).tp_dealloc = Some(crate::objects::baseobject::object_dealloc);
    (*t).tp_as_sequence = &raw const BYTES_AS_SEQUENCE as *mut _;
    (*t).tp_as_mapping = &raw const BYTES_AS_MAPPING as *mut _;
    (*t).tp_as_buffer = &raw const BYTES_AS_BUFFER as *mut _;
    (*t).tp_iter = Some(bytes_iter);
    (*t).tp_new = Some(bytes_new);
    let common = crate::objects::bytes_ops::COMMON_METHODS;
    for (i, m) in common.iter().enumerate() {
        BYTES_METHODS[i] = *m;
    }
    BYTES_METHODS[common.len()] = crate::bytes_md!(
        c"__getnewargs__",
        bytes_getnewargs,
        crate::defs::METH_NOARGS
    );
    (*t).tp_methods = (&raw mut BYTES_METHODS).cast();
    (*t).tp_doc = c"bytes(iterable_of_ints) -> bytes".as_ptr();
    let t = &raw mut PyBytesIter_Type;
    crate::objects::typeobject::init_builtin(
        t,
        c"bytes_iterator",
        core::mem::size_of::<BytesIterObject>(),
        0,
    );
    (*t).tp_iter = Some(crate::objects::iterobject::self_iter);
    (*t).tp_iternext = Some(bytesiter_next);
    (*t).tp_dealloc = Some(bytesiter_dealloc);
}

pub unsafe fn init_empty() {
    let o = new_uninit(0);
    make_immortal(o);
    EMPTY = o;
}

pub fn empty() -> *mut PyObject {
    unsafe { EMPTY }
}

/// `bytes(source=b'', encoding=..., errors=...)` (`__bytes__` first, as CPython).
pub unsafe extern "C" fn bytes_new(
    t: *mut PyTypeObject,
    args: *mut PyObject,
    kw: *mut PyObject,
) -> *mut PyObject {
    let a = if args.is_null() {
        &[][..]
    } else {
        crate::objects::tuple::as_slice(args)
    };
    let no_kw = kw.is_null() || crate::objects::dict::len(kw) == 0;
    let mut data: Option<Vec<u8>> = None;
    if a.len() == 1 && no_kw {
        let x = a[0];
        if is_bytes_exact(x) && t == &raw mut PyBytes_Type {
            return new_ref(x);
        }
        let m = crate::objects::typeobject::lookup_str(Py_TYPE(x), "__bytes__");
        if !m.is_null() {
            let r = crate::protocols::call::call_method(x, "__bytes__", &[]).unwrap_or(null_mut());
            if r.is_null() {
                return r;
            }
            if !is_bytes(r) {
                let tn = crate::objects::typeobject::type_name(Py_TYPE(r));
                Py_DECREF(r);
                return crate::raise_null!(
                    PyExc_TypeError,
                    "__bytes__ returned non-bytes (type {})",
                    tn
                );
            }
            if t == &raw mut PyBytes_Type {
                return r;
            }
            data = Some(as_slice_of(r).to_vec());
            Py_DECREF(r);
        }
    }
    let data = match data {
        Some(d) => d,
        None => match crate::objects::bytearray::constructor_data(args, kw, "bytes") {
            Ok(d) => d,
            Err(()) => return null_mut(),
        },
    };
    if t == &raw mut PyBytes_Type {
        return from_slice(&data);
    }
    let o = match (*t).tp_alloc {
        Some(f) => f(t, data.len() as Py_ssize_t),
        None => alloc::generic_alloc(t, data.len() as Py_ssize_t),
    };
    if o.is_null() {
        return o;
    }
    set_size(o, data.len() as Py_ssize_t);
    (*(o as *mut BytesObject)).ob_shash = -1;
    core::ptr::copy_nonoverlapping(data.as_ptr(), self::data(o), data.len());
    *self::data(o).add(data.len()) = 0;
    o
}
