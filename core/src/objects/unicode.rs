//! `str`: immutable Unicode text, stored as UTF-8.
//!
//! The text is kept in (generalised) UTF-8 so `PyUnicode_AsUTF8AndSize` is free.
//! Lone surrogates, which Python strings may hold, are stored in their 3-byte
//! generalised form and flagged: such strings refuse strict UTF-8 encoding, as in
//! CPython. Indexing is O(1) for ASCII strings; for others a sparse index of byte
//! offsets (every `INDEX_STEP` characters) is built on first use.

use core::ffi::c_char;
use core::ptr::null_mut;
use core::sync::atomic::{AtomicIsize, AtomicPtr, Ordering};
use std::collections::HashMap;
use std::sync::OnceLock;

use crate::alloc;
use crate::exported::*;
use crate::object::*;
use crate::typeobj::*;

#[repr(C)]
pub struct UnicodeObject {
    pub ob_base: PyObject,
    /// Cached hash; -1 until computed.
    pub hash: AtomicIsize,
    /// Length in code points.
    pub length: Py_ssize_t,
    /// Length of `data` in bytes (without the terminating NUL).
    pub utf8_len: Py_ssize_t,
    /// Widest character class: 1 ASCII, 2 Latin-1, 3 BMP, 4 astral (CPython's
    /// `kind` for the non-ASCII classes is 1/2/4 bytes per char).
    pub maxclass: u8,
    pub interned: u8,
    pub has_surrogates: u8,
    _pad: [u8; 5],
    /// Sparse char-index -> byte-offset table for non-ASCII text (lazily built).
    pub index: AtomicPtr<Vec<u32>>,
    /// The UTF-8 bytes, NUL-terminated: inline after the struct for exact `str`,
    /// a separate allocation for instances of subclasses.
    pub data: *mut u8,
}

pub const INDEX_STEP: usize = 64;

#[inline]
pub unsafe fn is_unicode(o: *mut PyObject) -> bool {
    has_flag(Py_TYPE(o), Py_TPFLAGS_UNICODE_SUBCLASS)
}

#[inline]
pub unsafe fn is_unicode_exact(o: *mut PyObject) -> bool {
    Py_TYPE(o) == &raw mut PyUnicode_Type
}

#[inline]
pub unsafe fn as_unicode<'a>(o: *mut PyObject) -> &'a UnicodeObject {
    &*(o as *const UnicodeObject)
}

/// The stored bytes (generalised UTF-8).
#[inline]
pub unsafe fn bytes_of<'a>(o: *mut PyObject) -> &'a [u8] {
    let u = as_unicode(o);
    core::slice::from_raw_parts(u.data, u.utf8_len as usize)
}

/// The text as `&str`. For strings with lone surrogates the bytes are generalised
/// UTF-8, which Rust's `str` does not allow; use `bytes_of` / `to_string_lossy`.
#[inline]
pub unsafe fn as_str<'a>(o: *mut PyObject) -> &'a str {
    debug_assert!(as_unicode(o).has_surrogates == 0);
    core::str::from_utf8_unchecked(bytes_of(o))
}

/// An owned Rust string (surrogates become U+FFFD).
pub unsafe fn to_string_lossy(o: *mut PyObject) -> String {
    if as_unicode(o).has_surrogates == 0 {
        as_str(o).to_owned()
    } else {
        decode_wtf8(bytes_of(o))
            .map(|c| char::from_u32(c).unwrap_or('\u{FFFD}'))
            .collect()
    }
}

/// Iterate the code points of generalised UTF-8.
pub fn decode_wtf8(b: &[u8]) -> impl Iterator<Item = u32> + '_ {
    let mut i = 0;
    core::iter::from_fn(move || {
        if i >= b.len() {
            return None;
        }
        let c0 = b[i] as u32;
        let (cp, n) = if c0 < 0x80 {
            (c0, 1)
        } else if c0 < 0xE0 {
            (((c0 & 0x1F) << 6) | (b[i + 1] as u32 & 0x3F), 2)
        } else if c0 < 0xF0 {
            (
                ((c0 & 0x0F) << 12) | ((b[i + 1] as u32 & 0x3F) << 6) | (b[i + 2] as u32 & 0x3F),
                3,
            )
        } else {
            (
                ((c0 & 0x07) << 18)
                    | ((b[i + 1] as u32 & 0x3F) << 12)
                    | ((b[i + 2] as u32 & 0x3F) << 6)
                    | (b[i + 3] as u32 & 0x3F),
                4,
            )
        };
        i += n;
        Some(cp)
    })
}

/// Append code point `cp` (any value up to 0x10FFFF, surrogates included).
#[inline]
pub fn push_wtf8(out: &mut Vec<u8>, cp: u32) {
    if cp < 0x80 {
        out.push(cp as u8);
    } else if cp < 0x800 {
        out.extend_from_slice(&[0xC0 | (cp >> 6) as u8, 0x80 | (cp & 0x3F) as u8]);
    } else if cp < 0x10000 {
        out.extend_from_slice(&[
            0xE0 | (cp >> 12) as u8,
            0x80 | ((cp >> 6) & 0x3F) as u8,
            0x80 | (cp & 0x3F) as u8,
        ]);
    } else {
        out.extend_from_slice(&[
            0xF0 | (cp >> 18) as u8,
            0x80 | ((cp >> 12) & 0x3F) as u8,
            0x80 | ((cp >> 6) & 0x3F) as u8,
            0x80 | (cp & 0x3F) as u8,
        ]);
    }
}

/// Facts about generalised UTF-8 text: (code points, max class, has surrogates).
pub fn scan(b: &[u8]) -> (usize, u8, bool) {
    if b.is_ascii() {
        return (b.len(), 1, false);
    }
    let mut n = 0;
    let mut maxc = 1u8;
    let mut sur = false;
    for cp in decode_wtf8(b) {
        n += 1;
        let c = if cp < 0x80 {
            1
        } else if cp < 0x100 {
            2
        } else if cp < 0x10000 {
            if (0xD800..0xE000).contains(&cp) {
                sur = true;
            }
            3
        } else {
            4
        };
        maxc = maxc.max(c);
    }
    (n, maxc, sur)
}

/// A new exact `str` from generalised UTF-8 bytes the caller guarantees well-formed.
pub unsafe fn from_wtf8_unchecked(b: &[u8]) -> *mut PyObject {
    if b.is_empty() {
        return new_ref(empty());
    }
    if b.len() == 1 && b[0] < 0x80 {
        return new_ref(latin1_char(b[0]));
    }
    new_exact(b)
}

unsafe fn new_exact(b: &[u8]) -> *mut PyObject {
    let (n, maxc, sur) = scan(b);
    let head = core::mem::size_of::<UnicodeObject>();
    let op = alloc::alloc_object_memory(head + b.len() + 1, false) as *mut UnicodeObject;
    if op.is_null() {
        return null_mut();
    }
    let data = (op as *mut u8).add(head);
    core::ptr::copy_nonoverlapping(b.as_ptr(), data, b.len());
    *data.add(b.len()) = 0;
    core::ptr::write(
        op,
        UnicodeObject {
            ob_base: PyObject {
                ob_refcnt: 1,
                ob_type: &raw mut PyUnicode_Type,
            },
            hash: AtomicIsize::new(-1),
            length: n as Py_ssize_t,
            utf8_len: b.len() as Py_ssize_t,
            maxclass: maxc,
            interned: 0,
            has_surrogates: sur as u8,
            _pad: [0; 5],
            index: AtomicPtr::new(null_mut()),
            data,
        },
    );
    op as *mut PyObject
}

/// A new `str` from Rust text.
#[inline]
pub unsafe fn from_str(s: &str) -> *mut PyObject {
    from_wtf8_unchecked(s.as_bytes())
}

/// A new `str` from code points (validated: each must be <= 0x10FFFF).
pub unsafe fn from_code_points(cps: impl IntoIterator<Item = u32>) -> *mut PyObject {
    let mut v = Vec::new();
    for cp in cps {
        if cp > 0x10FFFF {
            return crate::raise_null!(
                PyExc_ValueError,
                "character U+{:x} is not in range [U+0000; U+10ffff]",
                cp
            );
        }
        push_wtf8(&mut v, cp);
    }
    from_wtf8_unchecked(&v)
}

/// Decode strict UTF-8 (`PyUnicode_FromStringAndSize`); invalid input raises
/// UnicodeDecodeError like CPython.
pub unsafe fn from_utf8(b: &[u8]) -> *mut PyObject {
    match core::str::from_utf8(b) {
        Ok(s) => from_str(s),
        Err(e) => {
            let start = e.valid_up_to();
            let end = start + e.error_len().unwrap_or(b.len() - start).max(1);
            let reason = match e.error_len() {
                None => "unexpected end of data",
                Some(_) if b[start] >= 0x80 && b[start] < 0xC2 || b[start] > 0xF4 => {
                    "invalid start byte"
                }
                Some(_) => "invalid continuation byte",
            };
            crate::objects::exceptions::raise_unicode_decode_error(
                "utf-8",
                b,
                start,
                end.min(b.len()),
                reason,
            );
            null_mut()
        }
    }
}

/// Subclass instance storage: the data lives in its own allocation.
pub unsafe fn init_subclass_instance(op: *mut PyObject, b: &[u8]) -> PyResult<()> {
    let (n, maxc, sur) = scan(b);
    let data = libc::malloc(b.len() + 1) as *mut u8;
    if data.is_null() {
        crate::errors::no_memory();
        return Err(());
    }
    core::ptr::copy_nonoverlapping(b.as_ptr(), data, b.len());
    *data.add(b.len()) = 0;
    let u = op as *mut UnicodeObject;
    (*u).hash = AtomicIsize::new(-1);
    (*u).length = n as Py_ssize_t;
    (*u).utf8_len = b.len() as Py_ssize_t;
    (*u).maxclass = maxc;
    (*u).has_surrogates = sur as u8;
    (*u).index = AtomicPtr::new(null_mut());
    (*u).data = data;
    Ok(())
}

#[inline]
unsafe fn data_is_inline(op: *mut PyObject) -> bool {
    as_unicode(op).data == (op as *mut u8).add(core::mem::size_of::<UnicodeObject>())
}

pub unsafe extern "C" fn unicode_dealloc(op: *mut PyObject) {
    let u = op as *mut UnicodeObject;
    let idx = (*u).index.load(Ordering::Acquire);
    if !idx.is_null() {
        drop(Box::from_raw(idx));
    }
    if !data_is_inline(op) && !(*u).data.is_null() {
        libc::free((*u).data as *mut libc::c_void);
    }
    alloc::free_via_type(op);
}

// ---- singletons and interning ------------------------------------------------

static mut EMPTY: *mut PyObject = null_mut();
static mut LATIN1: [*mut PyObject; 256] = [null_mut(); 256];

/// The empty string (immortal).
#[inline]
pub fn empty() -> *mut PyObject {
    unsafe { EMPTY }
}

/// The one-character string for a Latin-1 code point (immortal).
#[inline]
pub fn latin1_char(c: u8) -> *mut PyObject {
    unsafe { LATIN1[c as usize] }
}

struct Interned(HashMap<Box<[u8]>, usize>);
static INTERNED: OnceLock<parking_lot::Mutex<Interned>> = OnceLock::new();

fn interned_table() -> &'static parking_lot::Mutex<Interned> {
    INTERNED.get_or_init(|| parking_lot::Mutex::new(Interned(HashMap::new())))
}

/// The interned (immortal) `str` equal to `s` (borrowed: it never dies).
pub unsafe fn intern_str(s: &str) -> *mut PyObject {
    intern_bytes(s.as_bytes())
}

unsafe fn intern_bytes(b: &[u8]) -> *mut PyObject {
    let mut t = interned_table().lock();
    if let Some(&p) = t.0.get(b) {
        return p as *mut PyObject;
    }
    let o = if b.len() == 1 && b[0] < 0x80 {
        latin1_char(b[0])
    } else {
        new_exact(b)
    };
    if o.is_null() {
        return o;
    }
    make_immortal(o);
    (*(o as *mut UnicodeObject)).interned = 1;
    t.0.insert(b.into(), o as usize);
    o
}

/// `PyUnicode_InternInPlace`: replace `*p` with the interned equal string.
pub unsafe fn intern_in_place(p: *mut *mut PyObject) {
    let s = *p;
    if s.is_null() || !is_unicode_exact(s) || as_unicode(s).interned != 0 {
        return;
    }
    let i = intern_bytes(bytes_of(s));
    if i.is_null() {
        crate::errors::clear();
        return;
    }
    if i != s {
        *p = i; // interned strings are immortal: no reference to take
        Py_DECREF(s);
    }
}

// ---- hashing and comparison ----------------------------------------------------

static HASH_KEYS: OnceLock<std::hash::RandomState> = OnceLock::new();

/// The process's string hash (SipHash-1-3 with a per-process random key, as
/// CPython's default; `PYTHONHASHSEED=0` gives a fixed key).
pub fn hash_bytes(b: &[u8]) -> Py_hash_t {
    use std::hash::{BuildHasher, Hasher};
    if b.is_empty() {
        return 0;
    }
    let keys = HASH_KEYS.get_or_init(std::hash::RandomState::new);
    let mut h = if std::env::var_os("PYTHONHASHSEED").is_some_and(|v| v == "0") {
        #[allow(deprecated)]
        let s: std::hash::SipHasher = Default::default();
        let _ = keys;
        Box::new(s) as Box<dyn Hasher>
    } else {
        Box::new(keys.build_hasher()) as Box<dyn Hasher>
    };
    h.write(b);
    let v = h.finish() as Py_hash_t;
    if v == -1 {
        -2
    } else {
        v
    }
}

pub unsafe extern "C" fn unicode_hash(op: *mut PyObject) -> Py_hash_t {
    let u = as_unicode(op);
    let h = u.hash.load(Ordering::Relaxed);
    if h != -1 {
        return h;
    }
    let h = hash_bytes(bytes_of(op));
    u.hash.store(h, Ordering::Relaxed);
    h
}

/// Equal text (both must be `str`).
#[inline]
pub unsafe fn eq(a: *mut PyObject, b: *mut PyObject) -> bool {
    a == b || bytes_of(a) == bytes_of(b)
}

/// Code-point order of two `str` (UTF-8 byte order is code-point order).
#[inline]
pub unsafe fn compare(a: *mut PyObject, b: *mut PyObject) -> core::cmp::Ordering {
    bytes_of(a).cmp(bytes_of(b))
}

// ---- conversions used across the core ---------------------------------------

/// `repr(o)` as a Rust string ("<NULL>" for NULL; a failing repr gives a placeholder
/// and leaves no exception behind).
pub unsafe fn repr_string(o: *mut PyObject) -> String {
    if o.is_null() {
        return "<NULL>".into();
    }
    let r = crate::protocols::object::repr(o);
    if r.is_null() {
        crate::errors::clear();
        return format!(
            "<{} object>",
            crate::objects::typeobject::type_name(Py_TYPE(o))
        );
    }
    let s = to_string_lossy(r);
    Py_DECREF(r);
    s
}

/// `str(o)` as a Rust string (see `repr_string`).
pub unsafe fn str_string(o: *mut PyObject) -> String {
    if o.is_null() {
        return "<NULL>".into();
    }
    let r = crate::protocols::object::str(o);
    if r.is_null() {
        crate::errors::clear();
        return format!(
            "<{} object>",
            crate::objects::typeobject::type_name(Py_TYPE(o))
        );
    }
    let s = to_string_lossy(r);
    Py_DECREF(r);
    s
}

/// NUL-terminated UTF-8 of a `str` (`PyUnicode_AsUTF8AndSize`): fails with
/// UnicodeEncodeError when the string holds surrogates.
pub unsafe fn as_utf8(o: *mut PyObject, size: *mut Py_ssize_t) -> *const c_char {
    let u = as_unicode(o);
    if u.has_surrogates != 0 {
        raise_surrogate_encode_error(o);
        return core::ptr::null();
    }
    if !size.is_null() {
        *size = u.utf8_len;
    }
    u.data as *const c_char
}

/// UnicodeEncodeError for the first surrogate of `o` ('surrogates not allowed').
pub unsafe fn raise_surrogate_encode_error(o: *mut PyObject) {
    let is_sur = |c: &u32| (0xD800..0xE000).contains(c);
    let pos = decode_wtf8(bytes_of(o))
        .position(|c| is_sur(&c))
        .unwrap_or(0);
    let run = decode_wtf8(bytes_of(o))
        .skip(pos)
        .take_while(is_sur)
        .count()
        .max(1);
    crate::objects::exceptions::raise_unicode_encode_error(
        "utf-8",
        o,
        pos,
        pos + run,
        "surrogates not allowed",
    );
}

/// Byte offset of character `i` (0 <= i <= length).
pub unsafe fn byte_offset(o: *mut PyObject, i: usize) -> usize {
    let u = as_unicode(o);
    if u.maxclass == 1 {
        return i;
    }
    let b = bytes_of(o);
    let mut idx = u.index.load(Ordering::Acquire);
    if idx.is_null() {
        let mut v = Vec::with_capacity(u.length as usize / INDEX_STEP + 1);
        let mut pos = 0usize;
        let mut ch = 0usize;
        while pos < b.len() {
            if ch.is_multiple_of(INDEX_STEP) {
                v.push(pos as u32);
            }
            pos += utf8_width(b[pos]);
            ch += 1;
        }
        let fresh = Box::into_raw(Box::new(v));
        match u
            .index
            .compare_exchange(null_mut(), fresh, Ordering::AcqRel, Ordering::Acquire)
        {
            Ok(_) => idx = fresh,
            Err(other) => {
                drop(Box::from_raw(fresh));
                idx = other;
            }
        }
    }
    let table = &*idx;
    let block = i / INDEX_STEP;
    if block >= table.len() {
        return b.len();
    }
    let mut pos = table[block] as usize;
    for _ in 0..(i % INDEX_STEP) {
        pos += utf8_width(b[pos]);
    }
    pos
}

#[inline]
pub fn utf8_width(b0: u8) -> usize {
    if b0 < 0x80 {
        1
    } else if b0 < 0xE0 {
        2
    } else if b0 < 0xF0 {
        3
    } else {
        4
    }
}

/// The code point at character index `i` (in range).
pub unsafe fn char_at(o: *mut PyObject, i: usize) -> u32 {
    let off = byte_offset(o, i);
    decode_wtf8(&bytes_of(o)[off..]).next().unwrap_or(0)
}

/// Characters `[start, end)` as a new `str`.
pub unsafe fn substring(o: *mut PyObject, start: usize, end: usize) -> *mut PyObject {
    let n = as_unicode(o).length as usize;
    if start == 0 && end >= n && is_unicode_exact(o) {
        return new_ref(o);
    }
    if start >= end {
        return new_ref(empty());
    }
    let a = byte_offset(o, start);
    let b = byte_offset(o, end);
    from_wtf8_unchecked(&bytes_of(o)[a..b])
}

// ---- the type ------------------------------------------------------------------

pub unsafe extern "C" fn unicode_repr(op: *mut PyObject) -> *mut PyObject {
    let mut out = Vec::with_capacity(as_unicode(op).utf8_len as usize + 2);
    let b = bytes_of(op);
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    out.push(quote);
    for cp in decode_wtf8(b) {
        match cp {
            0x5C => out.extend_from_slice(b"\\\\"),
            0x0A => out.extend_from_slice(b"\\n"),
            0x0D => out.extend_from_slice(b"\\r"),
            0x09 => out.extend_from_slice(b"\\t"),
            c if c == quote as u32 => {
                out.push(b'\\');
                out.push(quote);
            }
            c if c < 0x20 || c == 0x7F => out.extend_from_slice(format!("\\x{c:02x}").as_bytes()),
            c if c < 0x7F => out.push(c as u8),
            c if is_printable(c) => push_wtf8(&mut out, c),
            c if c < 0x100 => out.extend_from_slice(format!("\\x{c:02x}").as_bytes()),
            c if c < 0x10000 => out.extend_from_slice(format!("\\u{c:04x}").as_bytes()),
            c => out.extend_from_slice(format!("\\U{c:08x}").as_bytes()),
        }
    }
    out.push(quote);
    from_wtf8_unchecked(&out)
}

/// Python's notion of printable (`str.isprintable`) for non-ASCII code points:
/// not a control, format, surrogate, private-use, unassigned or separator (other
/// than space) character. Approximated without the Unicode database for the
/// classes that matter most in reprs.
pub fn is_printable(c: u32) -> bool {
    crate::objects::unicode_db::in_ranges(&crate::objects::unicode_db::PRINTABLE, c)
}

pub unsafe extern "C" fn unicode_str(op: *mut PyObject) -> *mut PyObject {
    if is_unicode_exact(op) {
        return new_ref(op);
    }
    from_wtf8_unchecked(bytes_of(op))
}

pub unsafe extern "C" fn unicode_richcompare(
    a: *mut PyObject,
    b: *mut PyObject,
    op: core::ffi::c_int,
) -> *mut PyObject {
    if !is_unicode(b) {
        return new_ref(not_implemented());
    }
    let ord = compare(a, b);
    use core::cmp::Ordering::*;
    let r = match op {
        0 => ord == Less,
        1 => ord != Greater,
        2 => eq(a, b),
        3 => !eq(a, b),
        4 => ord == Greater,
        _ => ord != Less,
    };
    py_bool(r)
}

pub unsafe extern "C" fn unicode_length(op: *mut PyObject) -> Py_ssize_t {
    as_unicode(op).length
}

/// Fill in `PyUnicode_Type`'s core slots (the methods come with `unicode_methods`).
pub unsafe fn init_type() {
    let t = &raw mut PyUnicode_Type;
    crate::objects::typeobject::init_builtin(t, c"str", core::mem::size_of::<UnicodeObject>(), 0);
    (*t).tp_flags |= Py_TPFLAGS_BASETYPE | Py_TPFLAGS_UNICODE_SUBCLASS;
    (*t).tp_dealloc = Some(unicode_dealloc);
    (*t).tp_repr = Some(unicode_repr);
    (*t).tp_str = Some(unicode_str);
    (*t).tp_hash = Some(unicode_hash);
    (*t).tp_richcompare = Some(unicode_richcompare);
    (*t).tp_as_sequence = &raw const UNICODE_AS_SEQUENCE as *mut _;
    (*t).tp_as_mapping = &raw const UNICODE_AS_MAPPING as *mut _;
    (*t).tp_doc =
        c"str(object='') -> str\nstr(bytes_or_buffer[, encoding[, errors]]) -> str".as_ptr();
}

static UNICODE_AS_SEQUENCE: PySequenceMethods = PySequenceMethods {
    sq_length: Some(unicode_length),
    sq_concat: Some(crate::objects::unicode_ops::unicode_concat_slot),
    sq_repeat: Some(crate::objects::unicode_ops::unicode_repeat),
    sq_item: Some(crate::objects::unicode_ops::unicode_item),
    sq_contains: Some(crate::objects::unicode_ops::unicode_contains),
    ..PySequenceMethods::EMPTY
};
static UNICODE_AS_MAPPING: PyMappingMethods = PyMappingMethods {
    mp_length: Some(unicode_length),
    mp_subscript: Some(crate::objects::unicode_ops::unicode_subscript),
    ..PyMappingMethods::EMPTY
};

/// Create the immortal singletons (before anything makes strings).
pub unsafe fn init_singletons() {
    EMPTY = new_exact(b"");
    make_immortal(EMPTY);
    for c in 0..256u32 {
        let mut v = Vec::new();
        push_wtf8(&mut v, c);
        let o = new_exact(&v);
        make_immortal(o);
        LATIN1[c as usize] = o;
    }
}

/// `PyUnicode_WriteChar` on a string nobody else sees yet (the caller checked):
/// replace character `index` with `ch`, moving the text to its own buffer when
/// the UTF-8 length changes.
pub unsafe fn write_char(o: *mut PyObject, index: usize, ch: u32) -> PyResult<()> {
    let mut v: Vec<u8> = bytes_of(o).to_vec();
    let off = byte_offset(o, index);
    let w = utf8_width(v[off]);
    let mut enc = Vec::with_capacity(4);
    push_wtf8(&mut enc, ch);
    v.splice(off..off + w, enc);
    let u = o as *mut UnicodeObject;
    if v.len() == (*u).utf8_len as usize {
        core::ptr::copy_nonoverlapping(v.as_ptr(), (*u).data, v.len());
    } else {
        let data = libc::malloc(v.len() + 1) as *mut u8;
        if data.is_null() {
            crate::errors::no_memory();
            return Err(());
        }
        core::ptr::copy_nonoverlapping(v.as_ptr(), data, v.len());
        *data.add(v.len()) = 0;
        if !data_is_inline(o) {
            libc::free((*u).data as *mut libc::c_void);
        }
        (*u).data = data;
        (*u).utf8_len = v.len() as Py_ssize_t;
    }
    let (_, maxc, sur) = scan(&v);
    (*u).maxclass = maxc;
    (*u).has_surrogates = sur as u8;
    let idx = (*u).index.swap(null_mut(), Ordering::AcqRel);
    if !idx.is_null() {
        drop(Box::from_raw(idx));
    }
    Ok(())
}
