//! The built-in codecs (UTF-8, ASCII, Latin-1, UTF-16/32, unicode_escape,
//! raw_unicode_escape) with CPython's error handlers, and the codec registry
//! (`PyCodec_Register`/`Lookup`, `PyCodec_RegisterError`).
//!
//! Strings are handled as code points (`Vec<u32>`); decoders produce generalised
//! UTF-8 (lone surrogates allowed) that becomes a `str`.

use core::ptr::null_mut;
use std::sync::OnceLock;

use crate::exported::*;
use crate::object::*;
use crate::objects::unicode::{self, push_wtf8};
use crate::objects::{bytes, exceptions, long, tuple};

/// A built-in codec.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Codec {
    Utf8,
    Ascii,
    Latin1,
    /// `None`: native order with a BOM; `Some(true)`: big endian.
    Utf16(Option<bool>),
    Utf32(Option<bool>),
    UnicodeEscape,
    RawUnicodeEscape,
}

impl Codec {
    /// The name used in UnicodeError messages (CPython's).
    pub fn error_name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
            Codec::Utf16(None) => "utf-16",
            Codec::Utf16(Some(false)) => "utf-16-le",
            Codec::Utf16(Some(true)) => "utf-16-be",
            Codec::Utf32(None) => "utf-32",
            Codec::Utf32(Some(false)) => "utf-32-le",
            Codec::Utf32(Some(true)) => "utf-32-be",
            Codec::UnicodeEscape => "unicodeescape",
            Codec::RawUnicodeEscape => "rawunicodeescape",
        }
    }
    /// The codec's canonical name (`codecs.lookup(x).name`).
    pub fn name(self) -> &'static str {
        match self {
            Codec::Latin1 => "iso8859-1",
            Codec::UnicodeEscape => "unicode-escape",
            Codec::RawUnicodeEscape => "raw-unicode-escape",
            c => c.error_name(),
        }
    }
}

/// Normalise an encoding name as the `encodings` package does: lower case, runs of
/// non-alphanumeric characters (other than '.') become one '_'.
pub fn normalize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut pending = false;
    for c in name.chars() {
        if c.is_alphanumeric() || c == '.' {
            if pending && !out.is_empty() {
                out.push('_');
            }
            pending = false;
            out.extend(c.to_lowercase());
        } else {
            pending = true;
        }
    }
    out
}

/// The built-in codec for an encoding name (with the usual aliases).
pub fn find(name: &str) -> Option<Codec> {
    let n = normalize(name);
    Some(match n.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "utf8_ucs2" | "utf8_ucs4" | "cp65001" => Codec::Utf8,
        "ascii" | "us_ascii" | "646" | "ansi_x3.4_1968" | "ansi_x3_4_1968" | "ansi_x3.4_1986"
        | "cp367" | "csascii" | "ibm367" | "iso646_us" | "iso_646.irv_1991" | "iso_ir_6" | "us" => {
            Codec::Ascii
        }
        "latin_1" | "latin1" | "latin" | "l1" | "iso8859_1" | "iso_8859_1" | "8859" | "cp819"
        | "iso_8859_1_1987" | "iso_ir_100" | "csisolatin1" | "ibm819" => Codec::Latin1,
        "utf_16" | "utf16" | "u16" => Codec::Utf16(None),
        "utf_16_le" | "utf_16le" | "utf16le" | "unicodelittleunmarked" => Codec::Utf16(Some(false)),
        "utf_16_be" | "utf_16be" | "utf16be" | "unicodebigunmarked" => Codec::Utf16(Some(true)),
        "utf_32" | "utf32" | "u32" => Codec::Utf32(None),
        "utf_32_le" | "utf_32le" | "utf32le" => Codec::Utf32(Some(false)),
        "utf_32_be" | "utf_32be" | "utf32be" => Codec::Utf32(Some(true)),
        "unicode_escape" => Codec::UnicodeEscape,
        "raw_unicode_escape" => Codec::RawUnicodeEscape,
        _ => return None,
    })
}

// ---- exceptions --------------------------------------------------------------

unsafe fn ssize(v: usize) -> *mut PyObject {
    long::from_i64(v as i64)
}

/// A new UnicodeDecodeError instance.
pub unsafe fn decode_exc(
    enc: &str,
    data: &[u8],
    start: usize,
    end: usize,
    reason: &str,
) -> *mut PyObject {
    let o = bytes::from_slice(data);
    if o.is_null() {
        return o;
    }
    let r = new_unicode_exc(
        &raw mut PyExc_UnicodeDecodeError,
        enc,
        o,
        start,
        end,
        reason,
    );
    Py_DECREF(o);
    r
}

/// A new UnicodeEncodeError instance over `obj` (a `str`).
pub unsafe fn encode_exc(
    enc: &str,
    obj: *mut PyObject,
    start: usize,
    end: usize,
    reason: &str,
) -> *mut PyObject {
    new_unicode_exc(
        &raw mut PyExc_UnicodeEncodeError,
        enc,
        obj,
        start,
        end,
        reason,
    )
}

unsafe fn new_unicode_exc(
    ty: *mut *mut PyObject,
    enc: &str,
    obj: *mut PyObject,
    start: usize,
    end: usize,
    reason: &str,
) -> *mut PyObject {
    let args = [
        unicode::from_str(enc),
        new_ref(obj),
        ssize(start),
        ssize(end),
        unicode::from_str(reason),
    ];
    let r = if args.iter().any(|p| p.is_null()) {
        null_mut()
    } else {
        exceptions::new_instance(exceptions::exc(ty) as *mut _, &args)
    };
    for p in args {
        Py_XDECREF(p);
    }
    r
}

unsafe fn raise_exc(e: *mut PyObject) {
    if e.is_null() {
        return;
    }
    crate::errors::set_object(Py_TYPE(e) as *mut PyObject, e);
    Py_DECREF(e);
}

unsafe fn unknown_handler(name: &str) {
    let _: PyResult<()> = crate::raise!(PyExc_LookupError, "unknown error handler name '{}'", name);
}

// ---- error handler registry -----------------------------------------------------

/// The registries are Python containers (each protected by its own object lock):
/// the search-function list, the lookup cache and the error handlers (both dicts),
/// created once and immortal.
struct CodecState {
    search: usize,
    cache: usize,
    handlers: usize,
}

static STATE: OnceLock<CodecState> = OnceLock::new();

unsafe fn state() -> PyResult<&'static CodecState> {
    let st = STATE.get_or_init(|| {
        let l = crate::objects::list::new(0);
        let c = crate::objects::dict::new();
        let h = crate::objects::dict::new();
        for o in [l, c, h] {
            if !o.is_null() {
                make_immortal(o);
            }
        }
        CodecState {
            search: l as usize,
            cache: c as usize,
            handlers: h as usize,
        }
    });
    if st.search == 0 || st.cache == 0 || st.handlers == 0 {
        return crate::raise!(PyExc_SystemError, "codec registry unavailable");
    }
    Ok(st)
}

/// Whether any search function is registered (the built-in fast paths apply
/// only without them).
fn no_search_functions() -> bool {
    match STATE.get() {
        None => true,
        Some(st) => st.search == 0 || unsafe { Py_SIZE(st.search as *mut PyObject) } == 0,
    }
}

pub const BUILTIN_HANDLERS: [&str; 8] = [
    "strict",
    "ignore",
    "replace",
    "xmlcharrefreplace",
    "backslashreplace",
    "namereplace",
    "surrogateescape",
    "surrogatepass",
];

/// `PyCodec_RegisterError` (a new reference is kept).
pub unsafe fn register_error(name: &str, handler: *mut PyObject) -> PyResult<()> {
    if !crate::protocols::call::is_callable(handler) {
        return crate::raise!(PyExc_TypeError, "handler must be callable");
    }
    let st = state()?;
    let k = Owned::from_new(unicode::from_str(name)).ok_or(())?;
    crate::objects::dict::set_item(st.handlers as *mut PyObject, k.as_ptr(), handler)
}

/// A registered error handler (new reference), or None.
pub unsafe fn registered_handler(name: &str) -> Option<*mut PyObject> {
    let st = STATE.get()?;
    if st.handlers == 0 {
        return None;
    }
    let k = Owned::from_new(unicode::from_str(name))?;
    match crate::objects::dict::get_item_ref(st.handlers as *mut PyObject, k.as_ptr()) {
        Ok(p) if !p.is_null() => Some(p),
        Ok(_) => None,
        Err(()) => {
            crate::errors::clear();
            None
        }
    }
}

/// `PyCodec_Register`.
pub unsafe fn register_search(f: *mut PyObject) -> PyResult<()> {
    if !crate::protocols::call::is_callable(f) {
        return crate::raise!(PyExc_TypeError, "argument must be callable");
    }
    let st = state()?;
    crate::objects::list::append(st.search as *mut PyObject, f)
}

/// `PyCodec_Unregister`.
pub unsafe fn unregister_search(f: *mut PyObject) {
    let Some(st) = STATE.get() else {
        return;
    };
    if st.search == 0 {
        return;
    }
    let l = st.search as *mut PyObject;
    let items = crate::objects::list::snapshot(l);
    if !items.iter().any(|o| o.as_ptr() == f) {
        return;
    }
    crate::objects::list::clear(l);
    let mut removed = false;
    for o in &items {
        if o.as_ptr() == f && !removed {
            removed = true;
            continue;
        }
        if crate::objects::list::append(l, o.as_ptr()).is_err() {
            crate::errors::clear();
        }
    }
    crate::objects::dict::clear(st.cache as *mut PyObject);
}

/// `PyCodec_Lookup`: the search functions first (cached), then the built-in codecs
/// (as a CodecInfo-like 4-tuple of encode/decode functions). New reference.
pub unsafe fn lookup(encoding: &str) -> *mut PyObject {
    let key: String = encoding
        .chars()
        .map(|c| {
            if c == ' ' {
                '_'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    let arg = unicode::from_str(&key);
    if arg.is_null() {
        return null_mut();
    }
    let arg = Owned(arg);
    let mut funcs: Vec<Owned> = Vec::new();
    let mut cache: *mut PyObject = null_mut();
    if !no_search_functions() {
        let Ok(st) = state() else {
            return null_mut();
        };
        cache = st.cache as *mut PyObject;
        match crate::objects::dict::get_item_ref(cache, arg.as_ptr()) {
            Ok(p) if !p.is_null() => return p,
            Ok(_) => {}
            Err(()) => return null_mut(),
        }
        funcs = crate::objects::list::snapshot(st.search as *mut PyObject);
    }
    for f in funcs {
        let r = crate::protocols::call::call_function(f.as_ptr(), &[arg.as_ptr()]);
        if r.is_null() {
            return r;
        }
        if r == none() {
            continue;
        }
        if !tuple::is_tuple(r) || Py_SIZE(r) != 4 {
            Py_DECREF(r);
            return crate::raise_null!(
                PyExc_TypeError,
                "codec search functions must return 4-tuples"
            );
        }
        if !cache.is_null() && crate::objects::dict::set_item(cache, arg.as_ptr(), r).is_err() {
            Py_DECREF(r);
            return null_mut();
        }
        return r;
    }
    match find(encoding) {
        Some(c) => builtin_codec_info(c),
        None => crate::raise_null!(PyExc_LookupError, "unknown encoding: {}", encoding),
    }
}

// Built-in codec functions exposed as callables: `encode(str, errors=None)` ->
// (bytes, consumed) and `decode(bytes, errors=None)` -> (str, consumed).

const N_CODECS: usize = 11;
const ALL: [Codec; N_CODECS] = [
    Codec::Utf8,
    Codec::Ascii,
    Codec::Latin1,
    Codec::Utf16(None),
    Codec::Utf16(Some(false)),
    Codec::Utf16(Some(true)),
    Codec::Utf32(None),
    Codec::Utf32(Some(false)),
    Codec::Utf32(Some(true)),
    Codec::UnicodeEscape,
    Codec::RawUnicodeEscape,
];

const FUNC_NAMES: [[&core::ffi::CStr; 2]; N_CODECS] = [
    [c"utf_8_encode", c"utf_8_decode"],
    [c"ascii_encode", c"ascii_decode"],
    [c"latin_1_encode", c"latin_1_decode"],
    [c"utf_16_encode", c"utf_16_decode"],
    [c"utf_16_le_encode", c"utf_16_le_decode"],
    [c"utf_16_be_encode", c"utf_16_be_decode"],
    [c"utf_32_encode", c"utf_32_decode"],
    [c"utf_32_le_encode", c"utf_32_le_decode"],
    [c"utf_32_be_encode", c"utf_32_be_decode"],
    [c"unicode_escape_encode", c"unicode_escape_decode"],
    [c"raw_unicode_escape_encode", c"raw_unicode_escape_decode"],
];

static mut FUNCS: [[usize; 2]; N_CODECS] = [[0; 2]; N_CODECS];
static FUNCS_ONCE: std::sync::Once = std::sync::Once::new();
static mut DEFS: [[crate::defs::PyMethodDef; 2]; N_CODECS] =
    [[crate::defs::PyMethodDef::SENTINEL; 2]; N_CODECS];

unsafe fn parse_codec_args(
    args: *mut PyObject,
    what: &str,
) -> PyResult<(*mut PyObject, Option<String>)> {
    let a = tuple::as_slice(args);
    if a.is_empty() || a.len() > 2 {
        return crate::raise!(
            PyExc_TypeError,
            "{} expected at least 1 argument, got {}",
            what,
            a.len()
        );
    }
    let errors = if a.len() == 2 && a[1] != none() {
        if !unicode::is_unicode(a[1]) {
            return crate::raise!(PyExc_TypeError, "{}() argument 2 must be str or None", what);
        }
        Some(unicode::to_string_lossy(a[1]))
    } else {
        None
    };
    Ok((a[0], errors))
}

unsafe fn codec_index(f: *mut PyObject) -> Codec {
    // `self` of the function is an int: the index in ALL.
    ALL[long::to_i64(f).unwrap_or(0) as usize]
}

unsafe extern "C" fn builtin_encode(slf: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let c = codec_index(slf);
    let Ok((s, errors)) = parse_codec_args(args, "encode") else {
        return null_mut();
    };
    if !unicode::is_unicode(s) {
        return crate::raise_null!(
            PyExc_TypeError,
            "encode() argument 1 must be str, not {}",
            crate::objects::typeobject::type_name(Py_TYPE(s))
        );
    }
    let b = encode(s, c, errors.as_deref());
    if b.is_null() {
        return b;
    }
    let n = ssize(unicode::as_unicode(s).length as usize);
    let r = tuple::pack(&[b, n]);
    Py_DECREF(b);
    Py_XDECREF(n);
    r
}

unsafe extern "C" fn builtin_decode(slf: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let c = codec_index(slf);
    let Ok((b, errors)) = parse_codec_args(args, "decode") else {
        return null_mut();
    };
    let view = match crate::protocols::buffer::BufferView::new(b, crate::defs::PyBUF_SIMPLE) {
        Ok(v) => v,
        Err(()) => return null_mut(),
    };
    let data = view.as_slice();
    let s = decode(data, c, errors.as_deref());
    if s.is_null() {
        return s;
    }
    let n = ssize(data.len());
    let r = tuple::pack(&[s, n]);
    Py_DECREF(s);
    Py_XDECREF(n);
    r
}

unsafe fn codec_funcs(c: Codec) -> (*mut PyObject, *mut PyObject) {
    FUNCS_ONCE.call_once(|| {
        for (i, &_c) in ALL.iter().enumerate() {
            DEFS[i][0] = crate::defs::PyMethodDef {
                ml_name: FUNC_NAMES[i][0].as_ptr(),
                ml_meth: Some(builtin_encode),
                ml_flags: crate::defs::METH_VARARGS,
                ml_doc: core::ptr::null(),
            };
            DEFS[i][1] = crate::defs::PyMethodDef {
                ml_name: FUNC_NAMES[i][1].as_ptr(),
                ml_meth: Some(builtin_decode),
                ml_flags: crate::defs::METH_VARARGS,
                ml_doc: core::ptr::null(),
            };
            let idx = long::from_i64(i as i64);
            for k in 0..2 {
                let f = crate::objects::methodobject::new(
                    &raw mut DEFS[i][k],
                    idx,
                    null_mut(),
                    null_mut(),
                );
                if !f.is_null() {
                    make_immortal(f);
                }
                FUNCS[i][k] = f as usize;
            }
            Py_XDECREF(idx);
        }
    });
    let i = ALL.iter().position(|&x| x == c).unwrap_or(0);
    (FUNCS[i][0] as *mut PyObject, FUNCS[i][1] as *mut PyObject)
}

/// The codec info of a built-in codec: `(encode, decode, None, None)`.
pub unsafe fn builtin_codec_info(c: Codec) -> *mut PyObject {
    let (e, d) = codec_funcs(c);
    if e.is_null() || d.is_null() {
        return crate::raise_null!(PyExc_SystemError, "codec functions unavailable");
    }
    tuple::pack(&[e, d, none(), none()])
}

/// The built-in codec whose functions are in this codec info, if any.
pub unsafe fn builtin_of_info(info: *mut PyObject) -> Option<Codec> {
    if !tuple::is_tuple(info) || Py_SIZE(info) < 2 {
        return None;
    }
    let e = tuple::get_item(info, 0);
    ALL.iter().copied().find(|&c| codec_funcs(c).0 == e)
}

// ---- decoding ------------------------------------------------------------------

/// What the handler said: go on at this input position.
type Resume = usize;

/// Run the error handler `errors` for a decoding error over `data[start..end]`.
unsafe fn decode_error(
    errors: Option<&str>,
    c: Codec,
    data: &[u8],
    start: usize,
    end: usize,
    reason: &str,
    out: &mut Vec<u8>,
) -> PyResult<Resume> {
    let name = errors.unwrap_or("strict");
    let enc = c.error_name();
    match name {
        "strict" => {}
        "ignore" => return Ok(end),
        "replace" => {
            push_wtf8(out, 0xFFFD);
            return Ok(end);
        }
        "backslashreplace" => {
            for &b in &data[start..end] {
                out.extend_from_slice(format!("\\x{b:02x}").as_bytes());
            }
            return Ok(end);
        }
        "surrogateescape" => {
            if data[start..end].iter().all(|&b| b >= 0x80) {
                for &b in &data[start..end] {
                    push_wtf8(out, 0xDC00 + b as u32);
                }
                return Ok(end);
            }
        }
        "surrogatepass" => {
            if let Some((cp, n)) = surrogate_at(c, &data[start..]) {
                push_wtf8(out, cp);
                return Ok(start + n);
            }
        }
        "xmlcharrefreplace" | "namereplace" => {
            let e = decode_exc(enc, data, start, end, reason);
            if !e.is_null() {
                let _: PyResult<()> = crate::raise!(
                    PyExc_TypeError,
                    "don't know how to handle UnicodeDecodeError in error callback"
                );
                Py_DECREF(e);
            }
            return Err(());
        }
        other => {
            let Some(h) = registered_handler(other) else {
                unknown_handler(other);
                return Err(());
            };
            let h = Owned(h);
            let e = decode_exc(enc, data, start, end, reason);
            if e.is_null() {
                return Err(());
            }
            let e = Owned(e);
            let (rep, pos) = call_handler(h.as_ptr(), e.as_ptr(), data.len())?;
            let rep = Owned(rep);
            out.extend_from_slice(unicode::bytes_of(rep.as_ptr()));
            return Ok(pos);
        }
    }
    raise_exc(decode_exc(enc, data, start, end, reason));
    Err(())
}

/// Call a registered handler; check it returned `(str, int)`. Returns the
/// replacement (new reference) and the resume position (negative counts from the end).
unsafe fn call_handler(
    h: *mut PyObject,
    e: *mut PyObject,
    len: usize,
) -> PyResult<(*mut PyObject, usize)> {
    let r = crate::protocols::call::call_function(h, &[e]);
    let r = Owned::from_new(r).ok_or(())?;
    let bad = || {
        crate::raise!(
            PyExc_TypeError,
            "decoding error handler must return (str, int) tuple"
        )
    };
    if !tuple::is_tuple(r.as_ptr()) || Py_SIZE(r.as_ptr()) != 2 {
        return bad();
    }
    let rep = tuple::get_item(r.as_ptr(), 0);
    let pos = tuple::get_item(r.as_ptr(), 1);
    if !unicode::is_unicode(rep) || !long::is_long(pos) {
        return bad();
    }
    let Some(mut p) = long::to_i64(pos) else {
        return crate::raise!(
            PyExc_IndexError,
            "position {} from error handler out of bounds",
            long::to_decimal_string(pos)
        );
    };
    if p < 0 {
        p += len as i64;
    }
    if p < 0 || p as usize > len {
        return crate::raise!(
            PyExc_IndexError,
            "position {} from error handler out of bounds",
            long::to_decimal_string(pos)
        );
    }
    Ok((new_ref(rep), p as usize))
}

/// An encoded surrogate at the start of `b` for `surrogatepass`.
fn surrogate_at(c: Codec, b: &[u8]) -> Option<(u32, usize)> {
    let cp = match c {
        Codec::Utf8
            if b.len() >= 3
                && b[0] == 0xED
                && (0xA0..0xC0).contains(&b[1])
                && (0x80..0xC0).contains(&b[2]) =>
        {
            (((b[0] as u32) & 0x0F) << 12) | (((b[1] as u32) & 0x3F) << 6) | ((b[2] as u32) & 0x3F)
        }
        Codec::Utf16(o) => {
            if b.len() < 2 {
                return None;
            }
            let v = if o == Some(true) {
                u16::from_be_bytes([b[0], b[1]])
            } else {
                u16::from_le_bytes([b[0], b[1]])
            };
            return if (0xD800..0xE000).contains(&v) {
                Some((v as u32, 2))
            } else {
                None
            };
        }
        Codec::Utf32(o) => {
            if b.len() < 4 {
                return None;
            }
            let a = [b[0], b[1], b[2], b[3]];
            let v = if o == Some(true) {
                u32::from_be_bytes(a)
            } else {
                u32::from_le_bytes(a)
            };
            return if (0xD800..0xE000).contains(&v) {
                Some((v, 4))
            } else {
                None
            };
        }
        _ => return None,
    };
    Some((cp, 3))
}

/// Decode `data` with a built-in codec; a new `str` or NULL.
pub unsafe fn decode(data: &[u8], c: Codec, errors: Option<&str>) -> *mut PyObject {
    match decode_to_wtf8(data, c, errors, true) {
        Ok((v, _)) => unicode::from_wtf8_unchecked(&v),
        Err(()) => null_mut(),
    }
}

/// Decode; with `final_` false, an incomplete sequence at the end is left
/// undecoded. Returns the text and the number of bytes consumed.
pub unsafe fn decode_to_wtf8(
    data: &[u8],
    c: Codec,
    errors: Option<&str>,
    final_: bool,
) -> PyResult<(Vec<u8>, usize)> {
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    match c {
        Codec::Utf8 => {
            while i < data.len() {
                match core::str::from_utf8(&data[i..]) {
                    Ok(s) => {
                        out.extend_from_slice(s.as_bytes());
                        i = data.len();
                    }
                    Err(e) => {
                        let good = e.valid_up_to();
                        out.extend_from_slice(&data[i..i + good]);
                        i += good;
                        let (n, reason) = match e.error_len() {
                            None => {
                                if !final_ {
                                    return Ok((out, i));
                                }
                                (data.len() - i, "unexpected end of data")
                            }
                            Some(n) => {
                                let b0 = data[i];
                                if (0x80..0xC2).contains(&b0) || b0 > 0xF4 {
                                    (n, "invalid start byte")
                                } else {
                                    (n, "invalid continuation byte")
                                }
                            }
                        };
                        i = decode_error(errors, c, data, i, i + n, reason, &mut out)?;
                    }
                }
            }
        }
        Codec::Ascii => {
            while i < data.len() {
                let b = data[i];
                if b < 0x80 {
                    out.push(b);
                    i += 1;
                } else {
                    i = decode_error(
                        errors,
                        c,
                        data,
                        i,
                        i + 1,
                        "ordinal not in range(128)",
                        &mut out,
                    )?;
                }
            }
        }
        Codec::Latin1 => {
            for &b in data {
                push_wtf8(&mut out, b as u32);
            }
            i = data.len();
        }
        Codec::Utf16(order) => {
            let mut big = order == Some(true);
            if order.is_none() && data.len() >= 2 {
                if data[0] == 0xFF && data[1] == 0xFE {
                    i = 2;
                } else if data[0] == 0xFE && data[1] == 0xFF {
                    big = true;
                    i = 2;
                }
            }
            let c = Codec::Utf16(Some(big));
            let unit = |k: usize| -> u32 {
                if big {
                    u16::from_be_bytes([data[k], data[k + 1]]) as u32
                } else {
                    u16::from_le_bytes([data[k], data[k + 1]]) as u32
                }
            };
            while i < data.len() {
                if data.len() - i < 2 {
                    if !final_ {
                        break;
                    }
                    i = decode_error(errors, c, data, i, data.len(), "truncated data", &mut out)?;
                    continue;
                }
                let u = unit(i);
                if !(0xD800..0xE000).contains(&u) {
                    push_wtf8(&mut out, u);
                    i += 2;
                    continue;
                }
                if u >= 0xDC00 {
                    i = decode_error(errors, c, data, i, i + 2, "illegal encoding", &mut out)?;
                    continue;
                }
                if data.len() - i < 4 {
                    if !final_ {
                        break;
                    }
                    i = decode_error(
                        errors,
                        c,
                        data,
                        i,
                        data.len(),
                        "unexpected end of data",
                        &mut out,
                    )?;
                    continue;
                }
                let u2 = unit(i + 2);
                if (0xDC00..0xE000).contains(&u2) {
                    push_wtf8(&mut out, 0x10000 + ((u - 0xD800) << 10) + (u2 - 0xDC00));
                    i += 4;
                } else {
                    i = decode_error(
                        errors,
                        c,
                        data,
                        i,
                        i + 2,
                        "illegal UTF-16 surrogate",
                        &mut out,
                    )?;
                }
            }
        }
        Codec::Utf32(order) => {
            let mut big = order == Some(true);
            if order.is_none() && data.len() >= 4 {
                if data[..4] == [0xFF, 0xFE, 0, 0] {
                    i = 4;
                } else if data[..4] == [0, 0, 0xFE, 0xFF] {
                    big = true;
                    i = 4;
                }
            }
            let c = Codec::Utf32(Some(big));
            while i < data.len() {
                if data.len() - i < 4 {
                    if !final_ {
                        break;
                    }
                    i = decode_error(errors, c, data, i, data.len(), "truncated data", &mut out)?;
                    continue;
                }
                let a = [data[i], data[i + 1], data[i + 2], data[i + 3]];
                let u = if big {
                    u32::from_be_bytes(a)
                } else {
                    u32::from_le_bytes(a)
                };
                if u > 0x10FFFF {
                    i = decode_error(
                        errors,
                        c,
                        data,
                        i,
                        i + 4,
                        "code point not in range(0x110000)",
                        &mut out,
                    )?;
                } else if (0xD800..0xE000).contains(&u) {
                    i = decode_error(
                        errors,
                        c,
                        data,
                        i,
                        i + 4,
                        "code point in surrogate code point range(0xd800, 0xe000)",
                        &mut out,
                    )?;
                } else {
                    push_wtf8(&mut out, u);
                    i += 4;
                }
            }
        }
        Codec::UnicodeEscape | Codec::RawUnicodeEscape => {
            let raw = c == Codec::RawUnicodeEscape;
            while i < data.len() {
                let b = data[i];
                if b != b'\\' {
                    push_wtf8(&mut out, b as u32);
                    i += 1;
                    continue;
                }
                let start = i;
                if i + 1 >= data.len() {
                    if raw {
                        out.push(b'\\');
                        i += 1;
                        continue;
                    }
                    if !final_ {
                        break;
                    }
                    i = decode_error(
                        errors,
                        c,
                        data,
                        start,
                        data.len(),
                        "\\ at end of string",
                        &mut out,
                    )?;
                    continue;
                }
                let e = data[i + 1];
                let hex = |n: usize, what: &str| -> (Option<u32>, usize, String) {
                    let mut v = 0u32;
                    let mut k = 0;
                    while k < n {
                        match data.get(i + 2 + k).and_then(|&d| (d as char).to_digit(16)) {
                            Some(d) => v = v * 16 + d,
                            None => break,
                        }
                        k += 1;
                    }
                    if k < n {
                        (None, i + 2 + k, format!("truncated {what} escape"))
                    } else {
                        (Some(v), i + 2 + n, String::new())
                    }
                };
                if raw && e != b'u' && e != b'U' {
                    out.push(b'\\');
                    i += 1;
                    continue;
                }
                let simple = match e {
                    b'\n' => Some(None),
                    b'\\' => Some(Some(b'\\' as u32)),
                    b'\'' => Some(Some(b'\'' as u32)),
                    b'"' => Some(Some(b'"' as u32)),
                    b'b' => Some(Some(8)),
                    b'f' => Some(Some(12)),
                    b't' => Some(Some(9)),
                    b'n' => Some(Some(10)),
                    b'r' => Some(Some(13)),
                    b'v' => Some(Some(11)),
                    b'a' => Some(Some(7)),
                    _ => None,
                };
                if let Some(v) = simple {
                    if let Some(v) = v {
                        push_wtf8(&mut out, v);
                    }
                    i += 2;
                    continue;
                }
                if (b'0'..=b'7').contains(&e) {
                    let mut v = 0u32;
                    let mut k = i + 1;
                    while k < data.len() && k < i + 4 && (b'0'..=b'7').contains(&data[k]) {
                        v = v * 8 + (data[k] - b'0') as u32;
                        k += 1;
                    }
                    push_wtf8(&mut out, v);
                    i = k;
                    continue;
                }
                let (n, what) = match e {
                    b'x' => (2, "\\xXX"),
                    b'u' => (4, "\\uXXXX"),
                    b'U' => (8, "\\UXXXXXXXX"),
                    b'N' => {
                        i = decode_error(
                            errors,
                            c,
                            data,
                            start,
                            (i + 2).min(data.len()),
                            "malformed \\N character escape",
                            &mut out,
                        )?;
                        continue;
                    }
                    _ => {
                        // Unknown escapes stay as they are (a DeprecationWarning in CPython).
                        out.push(b'\\');
                        i += 1;
                        continue;
                    }
                };
                let (v, next, msg) = hex(n, what);
                match v {
                    None => {
                        if !final_ && next >= data.len() {
                            break;
                        }
                        i = decode_error(errors, c, data, start, next, &msg, &mut out)?;
                    }
                    Some(v) if v > 0x10FFFF => {
                        let msg = if raw {
                            "\\Uxxxxxxxx out of range"
                        } else {
                            "illegal Unicode character"
                        };
                        i = decode_error(errors, c, data, start, next, msg, &mut out)?;
                    }
                    Some(v) => {
                        push_wtf8(&mut out, v);
                        i = next;
                    }
                }
            }
        }
    }
    Ok((out, i.min(data.len())))
}

// ---- encoding ------------------------------------------------------------------

/// Append one code point in codec `c` (the caller checked it is encodable).
fn put(c: Codec, out: &mut Vec<u8>, cp: u32) {
    match c {
        Codec::Utf8 => push_wtf8(out, cp),
        Codec::Ascii | Codec::Latin1 => out.push(cp as u8),
        Codec::Utf16(o) => {
            let big = o == Some(true);
            let mut unit = |u: u16| {
                out.extend_from_slice(&if big {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                });
            };
            if cp >= 0x10000 {
                let v = cp - 0x10000;
                unit(0xD800 + (v >> 10) as u16);
                unit(0xDC00 + (v & 0x3FF) as u16);
            } else {
                unit(cp as u16);
            }
        }
        Codec::Utf32(o) => {
            out.extend_from_slice(&if o == Some(true) {
                cp.to_be_bytes()
            } else {
                cp.to_le_bytes()
            });
        }
        Codec::UnicodeEscape => escape_char(out, cp, false),
        Codec::RawUnicodeEscape => escape_char(out, cp, true),
    }
}

fn escape_char(out: &mut Vec<u8>, cp: u32, raw: bool) {
    if raw {
        if cp < 0x100 {
            out.push(cp as u8);
        } else if cp < 0x10000 {
            out.extend_from_slice(format!("\\u{cp:04x}").as_bytes());
        } else {
            out.extend_from_slice(format!("\\U{cp:08x}").as_bytes());
        }
        return;
    }
    match cp {
        0x5C => out.extend_from_slice(b"\\\\"),
        0x09 => out.extend_from_slice(b"\\t"),
        0x0A => out.extend_from_slice(b"\\n"),
        0x0D => out.extend_from_slice(b"\\r"),
        0x20..=0x7E => out.push(cp as u8),
        c if c < 0x100 => out.extend_from_slice(format!("\\x{c:02x}").as_bytes()),
        c if c < 0x10000 => out.extend_from_slice(format!("\\u{c:04x}").as_bytes()),
        c => out.extend_from_slice(format!("\\U{c:08x}").as_bytes()),
    }
}

fn encodable(c: Codec, cp: u32) -> bool {
    match c {
        Codec::Ascii => cp < 0x80,
        Codec::Latin1 => cp < 0x100,
        Codec::Utf8 | Codec::Utf16(_) | Codec::Utf32(_) => !(0xD800..0xE000).contains(&cp),
        Codec::UnicodeEscape | Codec::RawUnicodeEscape => true,
    }
}

fn reason(c: Codec) -> &'static str {
    match c {
        Codec::Ascii => "ordinal not in range(128)",
        Codec::Latin1 => "ordinal not in range(256)",
        _ => "surrogates not allowed",
    }
}

/// Encode the `str` `s` with a built-in codec: a new `bytes` or NULL.
pub unsafe fn encode(s: *mut PyObject, c: Codec, errors: Option<&str>) -> *mut PyObject {
    match encode_to_vec(s, c, errors) {
        Ok(v) => bytes::from_slice(&v),
        Err(()) => null_mut(),
    }
}

pub unsafe fn encode_to_vec(s: *mut PyObject, c: Codec, errors: Option<&str>) -> PyResult<Vec<u8>> {
    let u = unicode::as_unicode(s);
    // Fast paths.
    if u.has_surrogates == 0 {
        match c {
            Codec::Utf8 => return Ok(unicode::bytes_of(s).to_vec()),
            Codec::Ascii if u.maxclass == 1 => return Ok(unicode::bytes_of(s).to_vec()),
            _ => {}
        }
    }
    let cps: Vec<u32> = unicode::decode_wtf8(unicode::bytes_of(s)).collect();
    let mut out = Vec::with_capacity(cps.len());
    match c {
        Codec::Utf16(None) => out.extend_from_slice(&[0xFF, 0xFE]),
        Codec::Utf32(None) => out.extend_from_slice(&[0xFF, 0xFE, 0, 0]),
        _ => {}
    }
    let name = errors.unwrap_or("strict");
    let mut i = 0;
    while i < cps.len() {
        let cp = cps[i];
        if encodable(c, cp) {
            put(c, &mut out, cp);
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < cps.len() && !encodable(c, cps[end]) {
            end += 1;
        }
        i = encode_error(name, c, s, &cps, i, end, &mut out)?;
    }
    Ok(out)
}

unsafe fn encode_error(
    name: &str,
    c: Codec,
    s: *mut PyObject,
    cps: &[u32],
    start: usize,
    end: usize,
    out: &mut Vec<u8>,
) -> PyResult<usize> {
    let enc = c.error_name();
    let run = &cps[start..end];
    let ascii = |out: &mut Vec<u8>, text: &str| {
        for ch in text.bytes() {
            put(c, out, ch as u32);
        }
    };
    match name {
        "strict" => {}
        "ignore" => return Ok(end),
        "replace" => {
            for _ in run {
                put(c, out, b'?' as u32);
            }
            return Ok(end);
        }
        "xmlcharrefreplace" => {
            for &cp in run {
                ascii(out, &format!("&#{cp};"));
            }
            return Ok(end);
        }
        "backslashreplace" => {
            for &cp in run {
                let t = if cp < 0x100 {
                    format!("\\x{cp:02x}")
                } else if cp < 0x10000 {
                    format!("\\u{cp:04x}")
                } else {
                    format!("\\U{cp:08x}")
                };
                ascii(out, &t);
            }
            return Ok(end);
        }
        "surrogateescape" => {
            if let Some(bad) = run.iter().position(|&cp| !(0xDC80..0xDD00).contains(&cp)) {
                if bad > 0 {
                    // Escape the good prefix, then report from the first bad one.
                    for &cp in &run[..bad] {
                        out.push((cp - 0xDC00) as u8);
                    }
                }
                raise_exc(encode_exc(enc, s, start + bad, end, reason(c)));
                return Err(());
            }
            for &cp in run {
                out.push((cp - 0xDC00) as u8);
            }
            return Ok(end);
        }
        "surrogatepass" => {
            if matches!(c, Codec::Utf8 | Codec::Utf16(_) | Codec::Utf32(_))
                && run.iter().all(|&cp| (0xD800..0xE000).contains(&cp))
            {
                for &cp in run {
                    put(c, out, cp);
                }
                return Ok(end);
            }
        }
        other if BUILTIN_HANDLERS.contains(&other) => {}
        other => {
            let Some(h) = registered_handler(other) else {
                unknown_handler(other);
                return Err(());
            };
            let h = Owned(h);
            let e = Owned::from_new(encode_exc(enc, s, start, end, reason(c))).ok_or(())?;
            let r = Owned::from_new(crate::protocols::call::call_function(
                h.as_ptr(),
                &[e.as_ptr()],
            ))
            .ok_or(())?;
            let r = r.as_ptr();
            if !tuple::is_tuple(r)
                || Py_SIZE(r) != 2
                || !(unicode::is_unicode(tuple::get_item(r, 0))
                    || bytes::is_bytes(tuple::get_item(r, 0)))
                || !long::is_long(tuple::get_item(r, 1))
            {
                return crate::raise!(
                    PyExc_TypeError,
                    "encoding error handler must return (str/bytes, int) tuple"
                );
            }
            let rep = tuple::get_item(r, 0);
            if bytes::is_bytes(rep) {
                out.extend_from_slice(bytes::as_slice_of(rep));
            } else {
                for (k, cp) in unicode::decode_wtf8(unicode::bytes_of(rep)).enumerate() {
                    if !encodable(c, cp) {
                        raise_exc(encode_exc(
                            enc,
                            s,
                            start + k.min(end - start - 1),
                            end,
                            reason(c),
                        ));
                        return Err(());
                    }
                    put(c, out, cp);
                }
            }
            let mut p = long::to_i64(tuple::get_item(r, 1)).unwrap_or(i64::MAX);
            if p < 0 {
                p += cps.len() as i64;
            }
            if p < 0 || p as usize > cps.len() {
                return crate::raise!(
                    PyExc_IndexError,
                    "position {} from error handler out of bounds",
                    long::to_decimal_string(tuple::get_item(r, 1))
                );
            }
            return Ok(p as usize);
        }
    }
    if name == "namereplace" {
        // No Unicode name database: names are unavailable, so fail as strict does.
    }
    raise_exc(encode_exc(enc, s, start, end, reason(c)));
    Err(())
}

/// Encode a str by encoding name (built-in codecs, then registered search
/// functions). New `bytes` (or whatever a registered codec returns) or NULL.
pub unsafe fn encode_by_name(
    s: *mut PyObject,
    encoding: &str,
    errors: Option<&str>,
) -> *mut PyObject {
    if let Some(c) = find(encoding) {
        if no_search_functions() {
            return encode(s, c, errors);
        }
    }
    call_codec(s, encoding, errors, 0)
}

/// Decode bytes by encoding name. New `str` (or whatever a registered codec
/// returns) or NULL.
pub unsafe fn decode_by_name(data: &[u8], encoding: &str, errors: Option<&str>) -> *mut PyObject {
    if let Some(c) = find(encoding) {
        if no_search_functions() {
            return decode(data, c, errors);
        }
    }
    // As CPython: the codec gets a read-only memoryview over the data.
    let b = crate::objects::memoryview::from_memory(
        data.as_ptr() as *mut core::ffi::c_char,
        data.len() as Py_ssize_t,
        crate::protocols::buffer::PyBUF_READ,
    );
    if b.is_null() {
        return b;
    }
    let r = call_codec(b, encoding, errors, 1);
    Py_DECREF(b);
    r
}

/// `PyCodec_Encode` (which = 0) / `PyCodec_Decode` (which = 1) on any object.
pub unsafe fn call_codec(
    o: *mut PyObject,
    encoding: &str,
    errors: Option<&str>,
    which: usize,
) -> *mut PyObject {
    let info = lookup(encoding);
    if info.is_null() {
        return info;
    }
    let info = Owned(info);
    if let Some(c) = builtin_of_info(info.as_ptr()) {
        if which == 0 && unicode::is_unicode(o) {
            return encode(o, c, errors);
        }
    }
    let f = tuple::get_item(info.as_ptr(), which as isize);
    let r = match errors {
        None => crate::protocols::call::call_function(f, &[o]),
        Some(e) => {
            let es = unicode::from_str(e);
            if es.is_null() {
                return es;
            }
            let r = crate::protocols::call::call_function(f, &[o, es]);
            Py_DECREF(es);
            r
        }
    };
    if r.is_null() {
        return r;
    }
    if !tuple::is_tuple(r) || Py_SIZE(r) != 2 {
        Py_DECREF(r);
        let what = if which == 0 { "encoder" } else { "decoder" };
        return crate::raise_null!(
            PyExc_TypeError,
            "{} must return a tuple (object, integer)",
            what
        );
    }
    let v = new_ref(tuple::get_item(r, 0));
    Py_DECREF(r);
    v
}

// ---- the built-in error handlers as callables (`PyCodec_*Errors`) ---------------

/// Which built-in handler.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Handler {
    Strict,
    Ignore,
    Replace,
    XmlCharRefReplace,
    BackslashReplace,
    NameReplace,
    SurrogateEscape,
    SurrogatePass,
}

const HANDLERS: [(Handler, &core::ffi::CStr, &str); 8] = [
    (Handler::Strict, c"strict_errors", "strict"),
    (Handler::Ignore, c"ignore_errors", "ignore"),
    (Handler::Replace, c"replace_errors", "replace"),
    (
        Handler::XmlCharRefReplace,
        c"xmlcharrefreplace_errors",
        "xmlcharrefreplace",
    ),
    (
        Handler::BackslashReplace,
        c"backslashreplace_errors",
        "backslashreplace",
    ),
    (Handler::NameReplace, c"namereplace_errors", "namereplace"),
    (
        Handler::SurrogateEscape,
        c"surrogateescape",
        "surrogateescape",
    ),
    (Handler::SurrogatePass, c"surrogatepass", "surrogatepass"),
];

unsafe fn exc_kind(e: *mut PyObject) -> Option<u8> {
    let is = |t: *mut *mut PyObject| {
        crate::objects::typeobject::is_subtype(Py_TYPE(e), exceptions::exc(t) as *mut _)
    };
    if is(&raw mut PyExc_UnicodeEncodeError) {
        Some(b'e')
    } else if is(&raw mut PyExc_UnicodeDecodeError) {
        Some(b'd')
    } else if is(&raw mut PyExc_UnicodeTranslateError) {
        Some(b't')
    } else {
        None
    }
}

unsafe fn wrong_exc(e: *mut PyObject) -> *mut PyObject {
    crate::raise_null!(
        PyExc_TypeError,
        "don't know how to handle {} in error callback",
        crate::objects::typeobject::type_name(Py_TYPE(e))
    )
}

/// (object, start, end) of a Unicode error, clamped like CPython's accessors.
unsafe fn exc_span(e: *mut PyObject) -> PyResult<(*mut PyObject, usize, usize)> {
    let o = exceptions::extra(e, 1);
    if o.is_null() {
        return crate::raise!(PyExc_TypeError, "object attribute not set");
    }
    let len = if bytes::is_bytes(o) {
        Py_SIZE(o) as i64
    } else if unicode::is_unicode(o) {
        unicode::as_unicode(o).length as i64
    } else {
        return crate::raise!(PyExc_TypeError, "object attribute must be unicode");
    };
    let get = |i: usize| -> PyResult<i64> {
        let v = exceptions::extra(e, i);
        if v.is_null() || !long::is_long(v) {
            return crate::raise!(
                PyExc_TypeError,
                "{} attribute must be int",
                if i == 2 { "start" } else { "end" }
            );
        }
        Ok(long::to_i64(v).unwrap_or(0))
    };
    let s = get(2)?.clamp(0, (len - 1).max(0));
    let en = get(3)?.clamp(1.min(len), len);
    Ok((o, s as usize, en.max(s) as usize))
}

unsafe fn result(rep: &[u32], end: usize) -> *mut PyObject {
    let s = crate::objects::unicode_ops::from_cps(rep);
    if s.is_null() {
        return s;
    }
    let n = ssize(end);
    let t = tuple::pack(&[s, n]);
    Py_DECREF(s);
    Py_XDECREF(n);
    t
}

/// Run built-in handler `h` on exception `e` (the `PyCodec_*Errors` protocol).
pub unsafe fn run_handler(h: Handler, e: *mut PyObject) -> *mut PyObject {
    if e.is_null() || !crate::errors::is_exception_instance(e) {
        if h == Handler::Strict {
            return crate::raise_null!(PyExc_TypeError, "codec must pass exception instance");
        }
        if e.is_null() {
            crate::errors::bad_internal_call();
            return null_mut();
        }
        return wrong_exc(e);
    }
    if h == Handler::Strict {
        crate::errors::set_object(Py_TYPE(e) as *mut PyObject, e);
        return null_mut();
    }
    let Some(kind) = exc_kind(e) else {
        return wrong_exc(e);
    };
    let Ok((o, start, end)) = exc_span(e) else {
        return null_mut();
    };
    let text: Vec<u32> = if unicode::is_unicode(o) {
        unicode::decode_wtf8(unicode::bytes_of(o)).collect()
    } else {
        Vec::new()
    };
    let run = || text[start.min(text.len())..end.min(text.len())].to_vec();
    let ascii = |s: String| s.bytes().map(|b| b as u32).collect::<Vec<u32>>();
    match h {
        Handler::Ignore => result(&[], end),
        Handler::Replace => match kind {
            b'e' => result(&vec![b'?' as u32; end - start], end),
            b'd' => result(&[0xFFFD], end),
            _ => result(&vec![0xFFFD; end - start], end),
        },
        Handler::XmlCharRefReplace => {
            if kind != b'e' {
                return wrong_exc(e);
            }
            let mut out = Vec::new();
            for c in run() {
                out.extend(ascii(format!("&#{c};")));
            }
            result(&out, end)
        }
        Handler::BackslashReplace | Handler::NameReplace => {
            if h == Handler::NameReplace && kind != b'e' {
                return wrong_exc(e);
            }
            let mut out = Vec::new();
            if kind == b'd' {
                for &b in &bytes::as_slice_of(o)[start..end] {
                    out.extend(ascii(format!("\\x{b:02x}")));
                }
            } else {
                for c in run() {
                    out.extend(ascii(if c < 0x100 {
                        format!("\\x{c:02x}")
                    } else if c < 0x10000 {
                        format!("\\u{c:04x}")
                    } else {
                        format!("\\U{c:08x}")
                    }));
                }
            }
            result(&out, end)
        }
        Handler::SurrogateEscape => match kind {
            b'd' => {
                let b = &bytes::as_slice_of(o)[start..end];
                let mut out = Vec::new();
                for &x in b.iter().take(4) {
                    if x < 0x80 {
                        crate::errors::set_object(Py_TYPE(e) as *mut PyObject, e);
                        return null_mut();
                    }
                    out.push(0xDC00 + x as u32);
                }
                result(&out, start + out.len())
            }
            b'e' => {
                let mut out = Vec::new();
                for c in run() {
                    if !(0xDC80..0xDD00).contains(&c) {
                        crate::errors::set_object(Py_TYPE(e) as *mut PyObject, e);
                        return null_mut();
                    }
                    out.push(c - 0xDC00);
                }
                let b = bytes::from_slice(&out.iter().map(|&x| x as u8).collect::<Vec<u8>>());
                if b.is_null() {
                    return b;
                }
                let n = ssize(end);
                let t = tuple::pack(&[b, n]);
                Py_DECREF(b);
                Py_XDECREF(n);
                t
            }
            _ => wrong_exc(e),
        },
        Handler::SurrogatePass => {
            let enc = exceptions::extra(e, 0);
            let name = if enc.is_null() || !unicode::is_unicode(enc) {
                String::new()
            } else {
                unicode::to_string_lossy(enc)
            };
            let c = find(&name);
            match (kind, c) {
                (b'e', Some(c @ (Codec::Utf8 | Codec::Utf16(_) | Codec::Utf32(_)))) => {
                    let mut out = Vec::new();
                    for ch in run() {
                        if !(0xD800..0xE000).contains(&ch) {
                            crate::errors::set_object(Py_TYPE(e) as *mut PyObject, e);
                            return null_mut();
                        }
                        put(c, &mut out, ch);
                    }
                    let b = bytes::from_slice(&out);
                    if b.is_null() {
                        return b;
                    }
                    let n = ssize(end);
                    let t = tuple::pack(&[b, n]);
                    Py_DECREF(b);
                    Py_XDECREF(n);
                    t
                }
                (b'd', Some(c @ (Codec::Utf8 | Codec::Utf16(_) | Codec::Utf32(_)))) => {
                    let data = bytes::as_slice_of(o);
                    match surrogate_at(c, &data[start..]) {
                        Some((cp, n)) => result(&[cp], start + n),
                        None => {
                            crate::errors::set_object(Py_TYPE(e) as *mut PyObject, e);
                            null_mut()
                        }
                    }
                }
                (b'e' | b'd', _) => {
                    crate::errors::set_object(Py_TYPE(e) as *mut PyObject, e);
                    null_mut()
                }
                _ => wrong_exc(e),
            }
        }
        Handler::Strict => null_mut(),
    }
}

static HANDLER_ONCE: std::sync::Once = std::sync::Once::new();
static mut HANDLER_FUNCS: [usize; 8] = [0; 8];
static mut HANDLER_DEFS: [crate::defs::PyMethodDef; 8] = [crate::defs::PyMethodDef::SENTINEL; 8];

macro_rules! handler_fn {
    ($name:ident, $h:expr) => {
        unsafe extern "C" fn $name(_m: *mut PyObject, e: *mut PyObject) -> *mut PyObject {
            run_handler($h, e)
        }
    };
}
handler_fn!(h_strict, Handler::Strict);
handler_fn!(h_ignore, Handler::Ignore);
handler_fn!(h_replace, Handler::Replace);
handler_fn!(h_xml, Handler::XmlCharRefReplace);
handler_fn!(h_backslash, Handler::BackslashReplace);
handler_fn!(h_name, Handler::NameReplace);
handler_fn!(h_sesc, Handler::SurrogateEscape);
handler_fn!(h_spass, Handler::SurrogatePass);

/// `PyCodec_LookupError`: the handler callable for `name` (new reference).
pub unsafe fn lookup_error(name: &str) -> *mut PyObject {
    HANDLER_ONCE.call_once(|| {
        let fns: [crate::defs::PyCFunction; 8] = [
            h_strict,
            h_ignore,
            h_replace,
            h_xml,
            h_backslash,
            h_name,
            h_sesc,
            h_spass,
        ];
        for i in 0..8 {
            HANDLER_DEFS[i] = crate::defs::PyMethodDef {
                ml_name: HANDLERS[i].1.as_ptr(),
                ml_meth: Some(fns[i]),
                ml_flags: crate::defs::METH_O,
                ml_doc: core::ptr::null(),
            };
            let f = crate::objects::methodobject::new(
                &raw mut HANDLER_DEFS[i],
                null_mut(),
                null_mut(),
                null_mut(),
            );
            if !f.is_null() {
                make_immortal(f);
            }
            HANDLER_FUNCS[i] = f as usize;
        }
    });
    if let Some(h) = registered_handler(name) {
        return h;
    }
    if let Some(i) = HANDLERS.iter().position(|h| h.2 == name) {
        let f = HANDLER_FUNCS[i] as *mut PyObject;
        if f.is_null() {
            return crate::raise_null!(PyExc_SystemError, "error handler unavailable");
        }
        return f;
    }
    crate::raise_null!(PyExc_LookupError, "unknown error handler name '{}'", name)
}

// ---- incremental codecs and stream wrappers for the built-in codecs ---------------
//
// `PyCodec_IncrementalEncoder/Decoder` and `PyCodec_StreamReader/Writer` on a
// built-in codec make these objects (CPython gets them from the `encodings`
// package); registered codecs supply their own through their CodecInfo.

#[repr(C)]
pub struct IncrementalObject {
    pub ob_base: PyObject,
    pub lock: crate::lock::RawLock,
    pub codec: Codec,
    /// 0 encoder, 1 decoder, 2 stream writer, 3 stream reader.
    pub kind: u8,
    /// Whether the BOM (UTF-16/32 with BOM) has been written or consumed.
    pub started: bool,
    pub errors: *mut String,
    /// Undecoded trailing bytes (decoders).
    pub pending: *mut Vec<u8>,
    /// The wrapped stream (stream reader/writer), or NULL.
    pub stream: *mut PyObject,
}

static mut INCR_TYPES: [crate::typeobj::PyTypeObject; 4] = [
    crate::typeobj::PyTypeObject::static_empty(null_mut()),
    crate::typeobj::PyTypeObject::static_empty(null_mut()),
    crate::typeobj::PyTypeObject::static_empty(null_mut()),
    crate::typeobj::PyTypeObject::static_empty(null_mut()),
];
static INCR_READY: std::sync::Once = std::sync::Once::new();

unsafe fn incr<'a>(o: *mut PyObject) -> &'a mut IncrementalObject {
    &mut *(o as *mut IncrementalObject)
}

/// A new incremental encoder (0) / decoder (1) / stream writer (2) / reader (3).
pub unsafe fn new_incremental(
    c: Codec,
    kind: u8,
    errors: Option<&str>,
    stream: *mut PyObject,
) -> *mut PyObject {
    INCR_READY.call_once(|| init_incremental_types());
    let t = &raw mut INCR_TYPES[kind as usize];
    if (*t).tp_name.is_null() {
        return crate::raise_null!(PyExc_SystemError, "codec types unavailable");
    }
    let o = crate::alloc::new_object(
        t,
        IncrementalObject {
            ob_base: PyObject {
                ob_refcnt: 1,
                ob_type: null_mut(),
            },
            lock: crate::lock::RawLock::new(),
            codec: c,
            kind,
            started: false,
            errors: Box::into_raw(Box::new(errors.unwrap_or("strict").to_string())),
            pending: Box::into_raw(Box::new(Vec::new())),
            stream,
        },
    );
    if o.is_null() {
        return null_mut();
    }
    Py_XINCREF(stream);
    o as *mut PyObject
}

unsafe extern "C" fn incr_dealloc(o: *mut PyObject) {
    let s = incr(o);
    drop(Box::from_raw(s.errors));
    drop(Box::from_raw(s.pending));
    Py_XDECREF(s.stream);
    crate::alloc::free_via_type(o);
}

/// The codec to use for the next chunk: after the first chunk, UTF-16/32 with a
/// BOM continue in native (little-endian) order without writing another BOM.
fn chunk_codec(c: Codec, started: bool) -> Codec {
    match (c, started) {
        (Codec::Utf16(None), true) => Codec::Utf16(Some(false)),
        (Codec::Utf32(None), true) => Codec::Utf32(Some(false)),
        _ => c,
    }
}

unsafe fn encode_chunk(o: *mut PyObject, s: *mut PyObject) -> *mut PyObject {
    if !unicode::is_unicode(s) {
        return crate::raise_null!(
            PyExc_TypeError,
            "utf_8_encode() argument 1 must be str, not {}",
            crate::objects::typeobject::type_name(Py_TYPE(s))
        );
    }
    let st = incr(o);
    let (c, errors) = st.lock.with(|| {
        let c = chunk_codec(st.codec, st.started);
        (c, (*st.errors).clone())
    });
    let r = encode_to_vec(s, c, Some(&errors));
    match r {
        Ok(v) => {
            st.lock.with(|| st.started = true);
            bytes::from_slice(&v)
        }
        Err(()) => null_mut(),
    }
}

unsafe fn decode_chunk(o: *mut PyObject, data: &[u8], final_: bool) -> *mut PyObject {
    let st = incr(o);
    let (input, c, errors) = st.lock.with(|| {
        let mut input = core::mem::take(&mut *st.pending);
        input.extend_from_slice(data);
        (input, st.codec, (*st.errors).clone())
    });
    // A BOM codec decides its order from the first bytes it sees.
    let (c, skip) = match c {
        Codec::Utf16(None) | Codec::Utf32(None) => {
            let wide = matches!(c, Codec::Utf32(_));
            let n = if wide { 4 } else { 2 };
            if input.len() < n && !final_ {
                st.lock.with(|| *st.pending = input.clone());
                return new_ref(unicode::empty());
            }
            let le: &[u8] = if wide {
                &[0xFF, 0xFE, 0, 0]
            } else {
                &[0xFF, 0xFE]
            };
            let be: &[u8] = if wide {
                &[0, 0, 0xFE, 0xFF]
            } else {
                &[0xFE, 0xFF]
            };
            let (order, skip) = if input.starts_with(le) {
                (Some(false), n)
            } else if input.starts_with(be) {
                (Some(true), n)
            } else {
                (Some(false), 0)
            };
            let nc = if wide {
                Codec::Utf32(order)
            } else {
                Codec::Utf16(order)
            };
            st.lock.with(|| st.codec = nc);
            (nc, skip)
        }
        c => (c, 0),
    };
    match decode_to_wtf8(&input[skip..], c, Some(&errors), final_) {
        Ok((v, n)) => {
            let rest = input[skip + n..].to_vec();
            st.lock.with(|| *st.pending = rest);
            unicode::from_wtf8_unchecked(&v)
        }
        Err(()) => null_mut(),
    }
}

unsafe fn final_arg(a: &[*mut PyObject], i: usize) -> PyResult<bool> {
    match a.get(i) {
        None => Ok(false),
        Some(&f) => {
            let t = crate::protocols::object::is_true(f);
            if t < 0 {
                Err(())
            } else {
                Ok(t == 1)
            }
        }
    }
}

unsafe extern "C" fn m_incr_encode(o: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let a = tuple::as_slice(args);
    if a.is_empty() || a.len() > 2 {
        return crate::raise_null!(
            PyExc_TypeError,
            "encode() takes from 1 to 2 positional arguments but {} were given",
            a.len()
        );
    }
    if final_arg(a, 1).is_err() {
        return null_mut();
    }
    encode_chunk(o, a[0])
}

unsafe extern "C" fn m_incr_decode(o: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let a = tuple::as_slice(args);
    if a.is_empty() || a.len() > 2 {
        return crate::raise_null!(
            PyExc_TypeError,
            "decode() takes from 1 to 2 positional arguments but {} were given",
            a.len()
        );
    }
    let Ok(f) = final_arg(a, 1) else {
        return null_mut();
    };
    let data = match crate::protocols::buffer::bytes_of_buffer(a[0]) {
        Ok(d) => d,
        Err(()) => return null_mut(),
    };
    decode_chunk(o, &data, f)
}

unsafe extern "C" fn m_incr_reset(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    let st = incr(o);
    st.lock.with(|| {
        (*st.pending).clear();
        st.started = false;
    });
    none_ref()
}

unsafe extern "C" fn m_incr_getstate(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    let st = incr(o);
    if st.kind == 1 {
        let p = st.lock.with(|| (*st.pending).clone());
        let b = bytes::from_slice(&p);
        if b.is_null() {
            return b;
        }
        let z = long::from_i64(0);
        let t = tuple::pack(&[b, z]);
        Py_DECREF(b);
        Py_XDECREF(z);
        return t;
    }
    long::from_i64(st.lock.with(|| st.started) as i64)
}

unsafe extern "C" fn m_stream_write(o: *mut PyObject, s: *mut PyObject) -> *mut PyObject {
    let b = encode_chunk(o, s);
    if b.is_null() {
        return b;
    }
    let b = Owned(b);
    crate::protocols::call::call_method(incr(o).stream, "write", &[b.as_ptr()])
        .unwrap_or(null_mut())
}

unsafe extern "C" fn m_stream_read(o: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let a = tuple::as_slice(args);
    let r = crate::protocols::call::call_method(incr(o).stream, "read", a).unwrap_or(null_mut());
    if r.is_null() {
        return r;
    }
    let r = Owned(r);
    let data = match crate::protocols::buffer::bytes_of_buffer(r.as_ptr()) {
        Ok(d) => d,
        Err(()) => return null_mut(),
    };
    let at_end = data.is_empty() || a.is_empty();
    decode_chunk(o, &data, at_end)
}

unsafe extern "C" fn g_stream(o: *mut PyObject, _c: *mut core::ffi::c_void) -> *mut PyObject {
    let s = incr(o).stream;
    if s.is_null() {
        none_ref()
    } else {
        new_ref(s)
    }
}

unsafe extern "C" fn g_errors(o: *mut PyObject, _c: *mut core::ffi::c_void) -> *mut PyObject {
    unicode::from_str(&*incr(o).errors)
}

static mut INCR_METHODS: [[crate::defs::PyMethodDef; 4]; 4] =
    [[crate::defs::PyMethodDef::SENTINEL; 4]; 4];
static mut INCR_GETSET: [crate::defs::PyGetSetDef; 3] = [
    crate::defs::PyGetSetDef {
        name: c"errors".as_ptr(),
        get: Some(g_errors),
        set: None,
        doc: core::ptr::null(),
        closure: null_mut(),
    },
    crate::defs::PyGetSetDef {
        name: c"stream".as_ptr(),
        get: Some(g_stream),
        set: None,
        doc: core::ptr::null(),
        closure: null_mut(),
    },
    crate::defs::PyGetSetDef {
        name: core::ptr::null(),
        get: None,
        set: None,
        doc: core::ptr::null(),
        closure: null_mut(),
    },
];

unsafe fn init_incremental_types() {
    use crate::defs::{PyMethodDef, METH_NOARGS, METH_O, METH_VARARGS};
    let md = |name: &'static core::ffi::CStr, f: crate::defs::PyCFunction, flags| PyMethodDef {
        ml_name: name.as_ptr(),
        ml_meth: Some(f),
        ml_flags: flags,
        ml_doc: core::ptr::null(),
    };
    let names: [&'static core::ffi::CStr; 4] = [
        c"IncrementalEncoder",
        c"IncrementalDecoder",
        c"StreamWriter",
        c"StreamReader",
    ];
    INCR_METHODS[0][0] = md(c"encode", m_incr_encode, METH_VARARGS);
    INCR_METHODS[1][0] = md(c"decode", m_incr_decode, METH_VARARGS);
    INCR_METHODS[2][0] = md(c"write", m_stream_write, METH_O);
    INCR_METHODS[3][0] = md(c"read", m_stream_read, METH_VARARGS);
    for k in 0..4 {
        INCR_METHODS[k][1] = md(c"reset", m_incr_reset, METH_NOARGS);
        INCR_METHODS[k][2] = md(c"getstate", m_incr_getstate, METH_NOARGS);
        let t = &raw mut INCR_TYPES[k];
        crate::objects::typeobject::init_builtin(
            t,
            names[k],
            core::mem::size_of::<IncrementalObject>(),
            0,
        );
        (*t).tp_flags |= crate::typeobj::Py_TPFLAGS_DISALLOW_INSTANTIATION;
        (*t).tp_dealloc = Some(incr_dealloc);
        (*t).tp_methods = (&raw mut INCR_METHODS[k]).cast();
        (*t).tp_getset = (&raw mut INCR_GETSET).cast();
        if crate::objects::typeobject::ready(t).is_err() {
            crate::errors::clear();
            (*t).tp_name = core::ptr::null();
        }
    }
}
