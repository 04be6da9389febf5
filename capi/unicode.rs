//! Unicode objects (`PyUnicode_*`) and the Unicode error accessors
//! (`PyUnicodeDecodeError_*`, `PyUnicodeEncodeError_*`, `PyUnicodeTranslateError_*`).

use core::ffi::{c_char, c_int, c_void, CStr};
use core::ptr::{null, null_mut};

use carapace_core::errors;
use carapace_core::exported::*;
use carapace_core::object::*;
use carapace_core::objects::codecs::{self, Codec};
use carapace_core::objects::{bytes, exceptions, long, unicode, unicode_ops};
use carapace_core::{raise, raise_null};

extern "C" {
    fn PyMem_Malloc(n: usize) -> *mut c_void;
}

#[allow(non_camel_case_types)]
type Py_UCS4 = u32;
#[allow(non_camel_case_types)]
type wchar_t = i32;

unsafe fn opt_cstr<'a>(p: *const c_char) -> Option<std::borrow::Cow<'a, str>> {
    if p.is_null() {
        None
    } else {
        Some(String::from_utf8_lossy(CStr::from_ptr(p).to_bytes()))
    }
}

unsafe fn raw<'a>(s: *const c_char, size: Py_ssize_t) -> &'a [u8] {
    if s.is_null() || size <= 0 {
        &[]
    } else {
        core::slice::from_raw_parts(s as *const u8, size as usize)
    }
}

unsafe fn tname(o: *mut PyObject) -> &'static str {
    carapace_core::objects::typeobject::type_name(Py_TYPE(o))
}

/// `ensure_unicode`: TypeError "must be str, not X".
unsafe fn ensure(o: *mut PyObject) -> PyResult<()> {
    if o.is_null() {
        errors::bad_internal_call();
        return Err(());
    }
    if !unicode::is_unicode(o) {
        return raise!(PyExc_TypeError, "must be str, not {}", tname(o));
    }
    Ok(())
}

unsafe fn check_arg(o: *mut PyObject) -> PyResult<()> {
    if o.is_null() || !unicode::is_unicode(o) {
        errors::bad_argument();
        return Err(());
    }
    Ok(())
}

// ---- creation -----------------------------------------------------------------

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_FromString(s: *const c_char) -> *mut PyObject {
    guard!(null_mut(), {
        if s.is_null() {
            errors::bad_internal_call();
            return null_mut();
        }
        unicode::from_utf8(CStr::from_ptr(s).to_bytes())
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_FromStringAndSize(
    s: *const c_char,
    size: Py_ssize_t,
) -> *mut PyObject {
    guard!(null_mut(), {
        if size < 0 {
            return raise_null!(
                PyExc_SystemError,
                "Negative size passed to PyUnicode_FromStringAndSize"
            );
        }
        if s.is_null() {
            if size == 0 {
                return new_ref(unicode::empty());
            }
            return raise_null!(
                PyExc_SystemError,
                "NULL string with positive size with NULL passed to PyUnicode_FromStringAndSize"
            );
        }
        unicode::from_utf8(raw(s, size))
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_FromOrdinal(ordinal: c_int) -> *mut PyObject {
    guard!(null_mut(), {
        if !(0..=0x10FFFF).contains(&ordinal) {
            return raise_null!(PyExc_ValueError, "chr() arg not in range(0x110000)");
        }
        if ordinal < 256 {
            return new_ref(unicode::latin1_char(ordinal as u8));
        }
        unicode_ops::from_cps(&[ordinal as u32])
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_FromWideChar(
    w: *const wchar_t,
    size: Py_ssize_t,
) -> *mut PyObject {
    guard!(null_mut(), {
        if w.is_null() && size != 0 {
            errors::bad_internal_call();
            return null_mut();
        }
        let n = if size == -1 {
            let mut k = 0;
            while *w.add(k) != 0 {
                k += 1;
            }
            k
        } else if size < 0 {
            errors::bad_internal_call();
            return null_mut();
        } else {
            size as usize
        };
        let v: Vec<u32> = (0..n).map(|k| *w.add(k) as u32).collect();
        unicode::from_code_points(v)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_FromObject(o: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), {
        if o.is_null() {
            errors::bad_internal_call();
            return null_mut();
        }
        if unicode::is_unicode_exact(o) {
            return new_ref(o);
        }
        if unicode::is_unicode(o) {
            return unicode::from_wtf8_unchecked(unicode::bytes_of(o));
        }
        raise_null!(
            PyExc_TypeError,
            "Can't convert '{}' object to str implicitly",
            tname(o)
        )
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_FromEncodedObject(
    o: *mut PyObject,
    encoding: *const c_char,
    errors_: *const c_char,
) -> *mut PyObject {
    guard!(null_mut(), {
        if o.is_null() {
            errors::bad_internal_call();
            return null_mut();
        }
        if bytes::is_bytes(o) {
            let d = bytes::as_slice_of(o).to_vec();
            return decode_named(&d, encoding, errors_);
        }
        if unicode::is_unicode(o) {
            return raise_null!(PyExc_TypeError, "decoding str is not supported");
        }
        if !carapace_core::protocols::buffer::check(o) {
            return raise_null!(
                PyExc_TypeError,
                "decoding to str: need a bytes-like object, {} found",
                tname(o)
            );
        }
        match carapace_core::protocols::buffer::bytes_of_buffer(o) {
            Ok(d) => decode_named(&d, encoding, errors_),
            Err(()) => null_mut(),
        }
    })
}

unsafe fn decode_named(d: &[u8], encoding: *const c_char, errors_: *const c_char) -> *mut PyObject {
    let enc = opt_cstr(encoding).unwrap_or("utf-8".into()).into_owned();
    let err = opt_cstr(errors_).map(|c| c.into_owned());
    let r = codecs::decode_by_name(d, &enc, err.as_deref());
    if !r.is_null() && !unicode::is_unicode(r) {
        let t = tname(r);
        Py_DECREF(r);
        return raise_null!(
            PyExc_TypeError,
            "'{}' decoder returned '{}' instead of 'str'; use codecs.decode() to decode to arbitrary types",
            enc,
            t
        );
    }
    r
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_Decode(
    s: *const c_char,
    size: Py_ssize_t,
    encoding: *const c_char,
    errors_: *const c_char,
) -> *mut PyObject {
    guard!(null_mut(), {
        if size < 0 {
            errors::bad_internal_call();
            return null_mut();
        }
        decode_named(raw(s, size), encoding, errors_)
    })
}

unsafe fn decode_builtin(
    s: *const c_char,
    size: Py_ssize_t,
    c: Codec,
    errors_: *const c_char,
) -> *mut PyObject {
    if size < 0 {
        errors::bad_internal_call();
        return null_mut();
    }
    let err = opt_cstr(errors_);
    codecs::decode(raw(s, size), c, err.as_deref())
}

unsafe fn decode_stateful(
    s: *const c_char,
    size: Py_ssize_t,
    c: Codec,
    errors_: *const c_char,
    consumed: *mut Py_ssize_t,
) -> *mut PyObject {
    if size < 0 {
        errors::bad_internal_call();
        return null_mut();
    }
    let err = opt_cstr(errors_);
    match codecs::decode_to_wtf8(raw(s, size), c, err.as_deref(), consumed.is_null()) {
        Ok((v, n)) => {
            if !consumed.is_null() {
                *consumed = n as Py_ssize_t;
            }
            unicode::from_wtf8_unchecked(&v)
        }
        Err(()) => null_mut(),
    }
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_DecodeUTF8(
    s: *const c_char,
    size: Py_ssize_t,
    e: *const c_char,
) -> *mut PyObject {
    guard!(null_mut(), { decode_builtin(s, size, Codec::Utf8, e) })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_DecodeUTF8Stateful(
    s: *const c_char,
    size: Py_ssize_t,
    e: *const c_char,
    consumed: *mut Py_ssize_t,
) -> *mut PyObject {
    guard!(null_mut(), {
        decode_stateful(s, size, Codec::Utf8, e, consumed)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_DecodeASCII(
    s: *const c_char,
    size: Py_ssize_t,
    e: *const c_char,
) -> *mut PyObject {
    guard!(null_mut(), { decode_builtin(s, size, Codec::Ascii, e) })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_DecodeLatin1(
    s: *const c_char,
    size: Py_ssize_t,
    e: *const c_char,
) -> *mut PyObject {
    guard!(null_mut(), { decode_builtin(s, size, Codec::Latin1, e) })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_DecodeUnicodeEscape(
    s: *const c_char,
    size: Py_ssize_t,
    e: *const c_char,
) -> *mut PyObject {
    guard!(null_mut(), {
        decode_builtin(s, size, Codec::UnicodeEscape, e)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_DecodeRawUnicodeEscape(
    s: *const c_char,
    size: Py_ssize_t,
    e: *const c_char,
) -> *mut PyObject {
    guard!(null_mut(), {
        decode_builtin(s, size, Codec::RawUnicodeEscape, e)
    })
}

/// UTF-16/32 with CPython's `byteorder` in/out protocol.
unsafe fn decode_utf_n(
    s: *const c_char,
    size: Py_ssize_t,
    e: *const c_char,
    byteorder: *mut c_int,
    consumed: *mut Py_ssize_t,
    wide: bool,
) -> *mut PyObject {
    if size < 0 {
        errors::bad_internal_call();
        return null_mut();
    }
    let data = raw(s, size);
    let bo = if byteorder.is_null() { 0 } else { *byteorder };
    let unit = if wide { 4 } else { 2 };
    let (order, skip, new_bo) = if bo == 0 {
        let le_bom: &[u8] = if wide {
            &[0xFF, 0xFE, 0, 0]
        } else {
            &[0xFF, 0xFE]
        };
        let be_bom: &[u8] = if wide {
            &[0, 0, 0xFE, 0xFF]
        } else {
            &[0xFE, 0xFF]
        };
        if data.starts_with(le_bom) {
            (Some(false), unit, -1)
        } else if data.starts_with(be_bom) {
            (Some(true), unit, 1)
        } else {
            (Some(false), 0, 0)
        }
    } else {
        (Some(bo > 0), 0, bo)
    };
    let c = if wide {
        Codec::Utf32(order)
    } else {
        Codec::Utf16(order)
    };
    let err = opt_cstr(e);
    match codecs::decode_to_wtf8(&data[skip..], c, err.as_deref(), consumed.is_null()) {
        Ok((v, n)) => {
            if !consumed.is_null() {
                *consumed = (n + skip) as Py_ssize_t;
            }
            if !byteorder.is_null() {
                *byteorder = new_bo;
            }
            unicode::from_wtf8_unchecked(&v)
        }
        Err(()) => {
            // Positions in the error count from the start of the input.
            let exc = errors::raised();
            if skip > 0 && !exc.is_null() {
                let t = &raw mut PyExc_UnicodeDecodeError;
                if errors::exception_matches(exceptions::exc(t)) {
                    for i in [2usize, 3] {
                        let v = exceptions::extra(exc, i);
                        if !v.is_null() && long::is_long(v) {
                            let n = long::from_i64(long::to_i64(v).unwrap_or(0) + skip as i64);
                            exceptions::set_extra(exc, i, n);
                            Py_XDECREF(n);
                        }
                    }
                    let full = bytes::from_slice(data);
                    if !full.is_null() {
                        exceptions::set_extra(exc, 1, full);
                        Py_DECREF(full);
                    }
                }
            }
            null_mut()
        }
    }
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_DecodeUTF16(
    s: *const c_char,
    size: Py_ssize_t,
    e: *const c_char,
    byteorder: *mut c_int,
) -> *mut PyObject {
    guard!(null_mut(), {
        decode_utf_n(s, size, e, byteorder, null_mut(), false)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_DecodeUTF16Stateful(
    s: *const c_char,
    size: Py_ssize_t,
    e: *const c_char,
    byteorder: *mut c_int,
    consumed: *mut Py_ssize_t,
) -> *mut PyObject {
    guard!(null_mut(), {
        decode_utf_n(s, size, e, byteorder, consumed, false)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_DecodeUTF32(
    s: *const c_char,
    size: Py_ssize_t,
    e: *const c_char,
    byteorder: *mut c_int,
) -> *mut PyObject {
    guard!(null_mut(), {
        decode_utf_n(s, size, e, byteorder, null_mut(), true)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_DecodeUTF32Stateful(
    s: *const c_char,
    size: Py_ssize_t,
    e: *const c_char,
    byteorder: *mut c_int,
    consumed: *mut Py_ssize_t,
) -> *mut PyObject {
    guard!(null_mut(), {
        decode_utf_n(s, size, e, byteorder, consumed, true)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_DecodeUTF7(
    s: *const c_char,
    size: Py_ssize_t,
    e: *const c_char,
) -> *mut PyObject {
    guard!(null_mut(), { utf7_decode(s, size, e, null_mut()) })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_DecodeUTF7Stateful(
    s: *const c_char,
    size: Py_ssize_t,
    e: *const c_char,
    consumed: *mut Py_ssize_t,
) -> *mut PyObject {
    guard!(null_mut(), { utf7_decode(s, size, e, consumed) })
}

/// UTF-7 (RFC 2152) decoding; errors are reported as UnicodeDecodeError('utf7').
unsafe fn utf7_decode(
    s: *const c_char,
    size: Py_ssize_t,
    e: *const c_char,
    consumed: *mut Py_ssize_t,
) -> *mut PyObject {
    if size < 0 {
        errors::bad_internal_call();
        return null_mut();
    }
    let d = raw(s, size);
    let b64 = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => (c - b'A') as u32,
            b'a'..=b'z' => (c - b'a') as u32 + 26,
            b'0'..=b'9' => (c - b'0') as u32 + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        })
    };
    let err = opt_cstr(e);
    let mode = err.as_deref().unwrap_or("strict").to_string();
    let mut out: Vec<u32> = Vec::new();
    let mut i = 0;
    let fail = |start: usize, end: usize, reason: &str, out: &mut Vec<u32>| -> bool {
        match mode.as_str() {
            "ignore" => true,
            "replace" => {
                out.push(0xFFFD);
                true
            }
            _ => {
                let x = codecs::decode_exc("utf7", d, start, end.min(d.len()), reason);
                if !x.is_null() {
                    errors::set_object(Py_TYPE(x) as *mut PyObject, x);
                    Py_DECREF(x);
                }
                false
            }
        }
    };
    let mut last_complete = 0;
    while i < d.len() {
        let c = d[i];
        if c != b'+' {
            if c >= 0x80 {
                if !fail(i, i + 1, "unexpected special character", &mut out) {
                    return null_mut();
                }
                i += 1;
                last_complete = i;
                continue;
            }
            out.push(c as u32);
            i += 1;
            last_complete = i;
            continue;
        }
        let start = i;
        i += 1;
        if i < d.len() && d[i] == b'-' {
            out.push(b'+' as u32);
            i += 1;
            last_complete = i;
            continue;
        }
        let mut bits: u32 = 0;
        let mut nbits = 0;
        let mut pending_hi: Option<u32> = None;
        while i < d.len() {
            let Some(v) = b64(d[i]) else { break };
            bits = (bits << 6) | v;
            nbits += 6;
            i += 1;
            if nbits >= 16 {
                nbits -= 16;
                let unit = (bits >> nbits) & 0xFFFF;
                bits &= (1 << nbits) - 1;
                if let Some(h) = pending_hi.take() {
                    if (0xDC00..0xE000).contains(&unit) {
                        out.push(0x10000 + ((h - 0xD800) << 10) + (unit - 0xDC00));
                        continue;
                    }
                    out.push(h);
                }
                if (0xD800..0xDC00).contains(&unit) {
                    pending_hi = Some(unit);
                } else {
                    out.push(unit);
                }
            }
        }
        if let Some(h) = pending_hi {
            out.push(h);
        }
        if i >= d.len() && !consumed.is_null() {
            // An open shift sequence at the end: leave it for the next call.
            *consumed = start as Py_ssize_t;
            out.truncate(out.len());
            return unicode::from_code_points(out_prefix(&out, d, start));
        }
        if (nbits >= 6 || (bits != 0))
            && !fail(start, i, "partial character in shift sequence", &mut out)
        {
            return null_mut();
        }
        if i < d.len() && d[i] == b'-' {
            i += 1;
        }
        last_complete = i;
    }
    if !consumed.is_null() {
        *consumed = last_complete as Py_ssize_t;
    }
    unicode::from_code_points(out)
}

fn out_prefix(out: &[u32], d: &[u8], start: usize) -> Vec<u32> {
    // Re-decode the plain prefix up to `start` (the shift sequence is dropped).
    let _ = out;
    let mut v = Vec::new();
    let mut i = 0;
    while i < start {
        if d[i] == b'+' && i + 1 < d.len() && d[i + 1] == b'-' {
            v.push(b'+' as u32);
            i += 2;
        } else {
            v.push(d[i] as u32);
            i += 1;
        }
    }
    v
}

// ---- encoding -------------------------------------------------------------------

unsafe fn encode_builtin(u: *mut PyObject, c: Codec, e: Option<&str>) -> *mut PyObject {
    if check_arg(u).is_err() {
        return null_mut();
    }
    codecs::encode(u, c, e)
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_AsUTF8String(u: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), { encode_builtin(u, Codec::Utf8, None) })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_AsASCIIString(u: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), { encode_builtin(u, Codec::Ascii, None) })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_AsLatin1String(u: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), { encode_builtin(u, Codec::Latin1, None) })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_AsUTF16String(u: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), { encode_builtin(u, Codec::Utf16(None), None) })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_AsUTF32String(u: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), { encode_builtin(u, Codec::Utf32(None), None) })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_AsUnicodeEscapeString(u: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), {
        encode_builtin(u, Codec::UnicodeEscape, None)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_AsRawUnicodeEscapeString(u: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), {
        encode_builtin(u, Codec::RawUnicodeEscape, None)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_AsEncodedString(
    u: *mut PyObject,
    encoding: *const c_char,
    errors_: *const c_char,
) -> *mut PyObject {
    guard!(null_mut(), {
        if check_arg(u).is_err() {
            return null_mut();
        }
        let enc = opt_cstr(encoding).unwrap_or("utf-8".into()).into_owned();
        let err = opt_cstr(errors_).map(|c| c.into_owned());
        let r = codecs::encode_by_name(u, &enc, err.as_deref());
        if r.is_null() || bytes::is_bytes(r) {
            return r;
        }
        if carapace_core::objects::bytearray::is_bytearray(r) {
            let _ = carapace_core::objects::warnings::warn(
                exceptions::exc(&raw mut PyExc_RuntimeWarning),
                &format!("encoder {} returned bytearray instead of bytes; use codecs.encode() to encode to arbitrary types", enc),
                1,
            );
            let v = carapace_core::objects::bytearray::snapshot(r);
            Py_DECREF(r);
            return bytes::from_slice(&v);
        }
        let t = tname(r);
        Py_DECREF(r);
        raise_null!(
            PyExc_TypeError,
            "'{}' encoder returned '{}' instead of 'bytes'; use codecs.encode() to encode to arbitrary types",
            enc,
            t
        )
    })
}

/// The removed (3.15) generic-codec variants, kept for the Stable ABI.
#[no_mangle]
pub unsafe extern "C" fn PyUnicode_AsEncodedObject(
    u: *mut PyObject,
    encoding: *const c_char,
    errors_: *const c_char,
) -> *mut PyObject {
    guard!(null_mut(), {
        if check_arg(u).is_err() {
            return null_mut();
        }
        let enc = opt_cstr(encoding).unwrap_or("utf-8".into()).into_owned();
        let err = opt_cstr(errors_).map(|c| c.into_owned());
        codecs::call_codec(u, &enc, err.as_deref(), 0)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_AsEncodedUnicode(
    u: *mut PyObject,
    encoding: *const c_char,
    errors_: *const c_char,
) -> *mut PyObject {
    guard!(null_mut(), {
        if check_arg(u).is_err() {
            return null_mut();
        }
        let enc = opt_cstr(encoding).unwrap_or("utf-8".into()).into_owned();
        let err = opt_cstr(errors_).map(|c| c.into_owned());
        let r = codecs::call_codec(u, &enc, err.as_deref(), 0);
        if r.is_null() || unicode::is_unicode(r) {
            return r;
        }
        let t = tname(r);
        Py_DECREF(r);
        raise_null!(
            PyExc_TypeError,
            "'{}' encoder returned '{}' instead of 'str'; use codecs.encode() to encode to arbitrary types",
            enc,
            t
        )
    })
}

unsafe fn as_decoded(
    u: *mut PyObject,
    encoding: *const c_char,
    errors_: *const c_char,
    want_str: bool,
) -> *mut PyObject {
    if check_arg(u).is_err() {
        return null_mut();
    }
    let enc = opt_cstr(encoding).unwrap_or("utf-8".into()).into_owned();
    let err = opt_cstr(errors_).map(|c| c.into_owned());
    if codecs::find(&enc).is_some() {
        // The built-in codecs decode bytes-like objects only.
        return raise_null!(
            PyExc_TypeError,
            "a bytes-like object is required, not '{}'",
            tname(u)
        );
    }
    let r = codecs::call_codec(u, &enc, err.as_deref(), 1);
    if !want_str || r.is_null() || unicode::is_unicode(r) {
        return r;
    }
    let t = tname(r);
    Py_DECREF(r);
    raise_null!(
        PyExc_TypeError,
        "'{}' decoder returned '{}' instead of 'str'; use codecs.decode() to decode to arbitrary types",
        enc,
        t
    )
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_AsDecodedObject(
    u: *mut PyObject,
    encoding: *const c_char,
    errors_: *const c_char,
) -> *mut PyObject {
    guard!(null_mut(), { as_decoded(u, encoding, errors_, false) })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_AsDecodedUnicode(
    u: *mut PyObject,
    encoding: *const c_char,
    errors_: *const c_char,
) -> *mut PyObject {
    guard!(null_mut(), { as_decoded(u, encoding, errors_, true) })
}

// ---- locale and file system encoding (UTF-8, as in CPython's UTF-8 mode) -----

unsafe fn locale_decode(b: &[u8], errors_: *const c_char) -> *mut PyObject {
    let e = opt_cstr(errors_);
    let surrogateescape = match e.as_deref() {
        None | Some("strict") => false,
        Some("surrogateescape") => true,
        Some(other) => {
            return raise_null!(PyExc_ValueError, "unsupported error handler: {}", other);
        }
    };
    if surrogateescape {
        return codecs::decode(b, Codec::Utf8, Some("surrogateescape"));
    }
    match core::str::from_utf8(b) {
        Ok(s) => unicode::from_str(s),
        Err(er) => {
            let pos = er.valid_up_to();
            let x = codecs::decode_exc("locale", b, pos, pos + 1, "decoding error");
            if !x.is_null() {
                errors::set_object(Py_TYPE(x) as *mut PyObject, x);
                Py_DECREF(x);
            }
            null_mut()
        }
    }
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_DecodeLocaleAndSize(
    s: *const c_char,
    len: Py_ssize_t,
    e: *const c_char,
) -> *mut PyObject {
    guard!(null_mut(), {
        let b = raw(s, len);
        if b.contains(&0) {
            return raise_null!(PyExc_ValueError, "embedded null byte");
        }
        locale_decode(b, e)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_DecodeLocale(
    s: *const c_char,
    e: *const c_char,
) -> *mut PyObject {
    guard!(null_mut(), {
        locale_decode(CStr::from_ptr(s).to_bytes(), e)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_EncodeLocale(
    u: *mut PyObject,
    e: *const c_char,
) -> *mut PyObject {
    guard!(null_mut(), {
        if check_arg(u).is_err() {
            return null_mut();
        }
        let err = opt_cstr(e);
        let se = match err.as_deref() {
            None | Some("strict") => false,
            Some("surrogateescape") => true,
            Some(other) => {
                return raise_null!(PyExc_ValueError, "unsupported error handler: {}", other)
            }
        };
        let b = unicode::bytes_of(u);
        if b.contains(&0) {
            return raise_null!(PyExc_ValueError, "embedded null character");
        }
        if se {
            return codecs::encode(u, Codec::Utf8, Some("surrogateescape"));
        }
        if unicode::as_unicode(u).has_surrogates != 0 {
            let pos = unicode::decode_wtf8(b)
                .position(|c| (0xD800..0xE000).contains(&c))
                .unwrap_or(0);
            let x = codecs::encode_exc("locale", u, pos, pos + 1, "encoding error");
            if !x.is_null() {
                errors::set_object(Py_TYPE(x) as *mut PyObject, x);
                Py_DECREF(x);
            }
            return null_mut();
        }
        bytes::from_slice(b)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_DecodeFSDefaultAndSize(
    s: *const c_char,
    size: Py_ssize_t,
) -> *mut PyObject {
    guard!(null_mut(), {
        if size < 0 {
            errors::bad_internal_call();
            return null_mut();
        }
        codecs::decode(raw(s, size), Codec::Utf8, Some("surrogateescape"))
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_DecodeFSDefault(s: *const c_char) -> *mut PyObject {
    guard!(null_mut(), {
        codecs::decode(
            CStr::from_ptr(s).to_bytes(),
            Codec::Utf8,
            Some("surrogateescape"),
        )
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_EncodeFSDefault(u: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), {
        encode_builtin(u, Codec::Utf8, Some("surrogateescape"))
    })
}

const Py_CLEANUP_SUPPORTED: c_int = 0x20000;

unsafe fn fspath(o: *mut PyObject) -> *mut PyObject {
    if unicode::is_unicode(o) || bytes::is_bytes(o) {
        return new_ref(o);
    }
    let m = carapace_core::objects::typeobject::lookup_str(Py_TYPE(o), "__fspath__");
    if m.is_null() {
        return raise_null!(
            PyExc_TypeError,
            "expected str, bytes or os.PathLike object, not {}",
            tname(o)
        );
    }
    let r = carapace_core::protocols::call::call_method(o, "__fspath__", &[]).unwrap_or(null_mut());
    if r.is_null() {
        return r;
    }
    if !unicode::is_unicode(r) && !bytes::is_bytes(r) {
        let t = tname(r);
        Py_DECREF(r);
        return raise_null!(
            PyExc_TypeError,
            "expected {}.__fspath__() to return str or bytes, not {}",
            tname(o),
            t
        );
    }
    r
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_FSConverter(arg: *mut PyObject, addr: *mut c_void) -> c_int {
    guard!(0, {
        let slot = addr as *mut *mut PyObject;
        if arg.is_null() {
            Py_XDECREF(*slot);
            *slot = null_mut();
            return 1;
        }
        let p = fspath(arg);
        if p.is_null() {
            return 0;
        }
        let out = if bytes::is_bytes(p) {
            p
        } else {
            let b = codecs::encode(p, Codec::Utf8, Some("surrogateescape"));
            Py_DECREF(p);
            if b.is_null() {
                return 0;
            }
            b
        };
        if bytes::as_slice_of(out).contains(&0) {
            Py_DECREF(out);
            let _: PyResult<()> = raise!(PyExc_ValueError, "embedded null byte");
            return 0;
        }
        *slot = out;
        Py_CLEANUP_SUPPORTED
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_FSDecoder(arg: *mut PyObject, addr: *mut c_void) -> c_int {
    guard!(0, {
        let slot = addr as *mut *mut PyObject;
        if arg.is_null() {
            Py_XDECREF(*slot);
            *slot = null_mut();
            return 1;
        }
        let p = fspath(arg);
        if p.is_null() {
            return 0;
        }
        let out = if unicode::is_unicode(p) {
            p
        } else {
            let s = codecs::decode(bytes::as_slice_of(p), Codec::Utf8, Some("surrogateescape"));
            Py_DECREF(p);
            if s.is_null() {
                return 0;
            }
            s
        };
        if unicode::bytes_of(out).contains(&0) {
            Py_DECREF(out);
            let _: PyResult<()> = raise!(PyExc_ValueError, "embedded null character");
            return 0;
        }
        *slot = out;
        Py_CLEANUP_SUPPORTED
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_GetDefaultEncoding() -> *const c_char {
    c"utf-8".as_ptr()
}

// ---- access ---------------------------------------------------------------------

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_AsUTF8AndSize(
    o: *mut PyObject,
    size: *mut Py_ssize_t,
) -> *const c_char {
    guard!(null(), {
        if o.is_null() || !unicode::is_unicode(o) {
            errors::bad_argument();
            if !size.is_null() {
                *size = -1;
            }
            return null();
        }
        let r = unicode::as_utf8(o, size);
        if r.is_null() && !size.is_null() {
            *size = -1;
        }
        r
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_GetLength(o: *mut PyObject) -> Py_ssize_t {
    guard!(-1, {
        if check_arg(o).is_err() {
            return -1;
        }
        unicode::as_unicode(o).length
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_GetSize(_o: *mut PyObject) -> Py_ssize_t {
    guard!(-1, {
        errors::set_string(
            exceptions::exc(&raw mut PyExc_RuntimeError),
            "PyUnicode_GetSize has been removed.",
        );
        -1
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_ReadChar(o: *mut PyObject, index: Py_ssize_t) -> Py_UCS4 {
    guard!(u32::MAX, {
        if check_arg(o).is_err() {
            return u32::MAX;
        }
        if index < 0 || index >= unicode::as_unicode(o).length {
            let _: PyResult<()> = raise!(PyExc_IndexError, "string index out of range");
            return u32::MAX;
        }
        unicode::char_at(o, index as usize)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_WriteChar(
    o: *mut PyObject,
    index: Py_ssize_t,
    ch: Py_UCS4,
) -> c_int {
    guard!(-1, {
        if o.is_null() || !unicode::is_unicode(o) {
            errors::bad_argument();
            return -1;
        }
        let u = unicode::as_unicode(o);
        if index < 0 || index >= u.length {
            let _: PyResult<()> = raise!(PyExc_IndexError, "string index out of range");
            return -1;
        }
        if refcnt(o) != 1
            || u.hash.load(core::sync::atomic::Ordering::Relaxed) != -1
            || u.interned != 0
            || is_immortal(o)
        {
            let _: PyResult<()> =
                raise!(PyExc_SystemError, "Cannot modify a string currently used");
            return -1;
        }
        let kind_max = match u.maxclass {
            1 | 2 => 0xFF,
            3 => 0xFFFF,
            _ => 0x10FFFF,
        };
        if ch > kind_max {
            let _: PyResult<()> = raise!(PyExc_ValueError, "character out of range");
            return -1;
        }
        match unicode::write_char(o, index as usize, ch) {
            Ok(()) => 0,
            Err(()) => -1,
        }
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_Resize(p: *mut *mut PyObject, length: Py_ssize_t) -> c_int {
    guard!(-1, {
        if p.is_null() {
            errors::bad_internal_call();
            return -1;
        }
        let o = *p;
        if o.is_null() || !unicode::is_unicode(o) || length < 0 {
            errors::bad_internal_call();
            return -1;
        }
        let n = unicode::as_unicode(o).length;
        if n == length {
            return 0;
        }
        let mut v = unicode_ops::cps(o);
        v.resize(length as usize, 0);
        let s = unicode_ops::from_cps(&v);
        if s.is_null() {
            return -1;
        }
        *p = s;
        Py_DECREF(o);
        0
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_AsUCS4(
    o: *mut PyObject,
    buffer: *mut Py_UCS4,
    buflen: Py_ssize_t,
    copy_null: c_int,
) -> *mut Py_UCS4 {
    guard!(null_mut(), {
        if o.is_null() || buffer.is_null() || buflen < 0 || !unicode::is_unicode(o) {
            errors::bad_internal_call();
            return null_mut();
        }
        let v = unicode_ops::cps(o);
        let len = v.len() as Py_ssize_t;
        if buflen < len {
            let _: PyResult<()> = raise!(PyExc_SystemError, "string is longer than the buffer");
            if copy_null != 0 && buflen > 0 {
                *buffer = 0;
            }
            return null_mut();
        }
        core::ptr::copy_nonoverlapping(v.as_ptr(), buffer, v.len());
        if copy_null != 0 {
            if buflen < len + 1 {
                let _: PyResult<()> = raise!(PyExc_SystemError, "string is longer than the buffer");
                if buflen > 0 {
                    *buffer.add(buflen as usize - 1) = 0;
                }
                return null_mut();
            }
            *buffer.add(v.len()) = 0;
        }
        buffer
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_AsUCS4Copy(o: *mut PyObject) -> *mut Py_UCS4 {
    guard!(null_mut(), {
        if check_arg(o).is_err() {
            return null_mut();
        }
        let v = unicode_ops::cps(o);
        let p = PyMem_Malloc((v.len() + 1) * 4) as *mut Py_UCS4;
        if p.is_null() {
            errors::no_memory();
            return null_mut();
        }
        core::ptr::copy_nonoverlapping(v.as_ptr(), p, v.len());
        *p.add(v.len()) = 0;
        p
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_AsWideChar(
    o: *mut PyObject,
    w: *mut wchar_t,
    size: Py_ssize_t,
) -> Py_ssize_t {
    guard!(-1, {
        if o.is_null() || !unicode::is_unicode(o) {
            errors::bad_internal_call();
            return -1;
        }
        let v = unicode_ops::cps(o);
        if w.is_null() {
            return v.len() as Py_ssize_t + 1;
        }
        if size < 0 {
            errors::bad_internal_call();
            return -1;
        }
        let n = if size as usize > v.len() {
            v.len() + 1
        } else {
            size as usize
        };
        for k in 0..n {
            *w.add(k) = if k < v.len() { v[k] as wchar_t } else { 0 };
        }
        if size as usize > v.len() {
            v.len() as Py_ssize_t
        } else {
            size
        }
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_AsWideCharString(
    o: *mut PyObject,
    size: *mut Py_ssize_t,
) -> *mut wchar_t {
    guard!(null_mut(), {
        if o.is_null() || !unicode::is_unicode(o) {
            errors::bad_argument();
            return null_mut();
        }
        let v = unicode_ops::cps(o);
        if size.is_null() && v.contains(&0) {
            let _: PyResult<()> = raise!(PyExc_ValueError, "embedded null character");
            return null_mut();
        }
        let p = PyMem_Malloc((v.len() + 1) * 4) as *mut wchar_t;
        if p.is_null() {
            errors::no_memory();
            return null_mut();
        }
        for (k, &c) in v.iter().enumerate() {
            *p.add(k) = c as wchar_t;
        }
        *p.add(v.len()) = 0;
        if !size.is_null() {
            *size = v.len() as Py_ssize_t;
        }
        p
    })
}

// ---- operations -------------------------------------------------------------------

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_Concat(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), {
        if ensure(a).is_err() {
            return null_mut();
        }
        if b.is_null() {
            errors::bad_internal_call();
            return null_mut();
        }
        if !unicode::is_unicode(b) {
            return raise_null!(
                PyExc_TypeError,
                "can only concatenate str (not \"{}\") to str",
                tname(b)
            );
        }
        unicode_ops::concat(a, b)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_Append(p: *mut *mut PyObject, right: *mut PyObject) {
    guard!((), {
        if p.is_null() {
            if errors::raised().is_null() {
                errors::bad_internal_call();
            }
            return;
        }
        let left = *p;
        if left.is_null()
            || right.is_null()
            || !unicode::is_unicode(left)
            || !unicode::is_unicode(right)
        {
            if errors::raised().is_null() {
                errors::bad_internal_call();
            }
            xsetref(p, null_mut());
            return;
        }
        let r = unicode_ops::concat(left, right);
        xsetref(p, r);
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_AppendAndDel(p: *mut *mut PyObject, right: *mut PyObject) {
    PyUnicode_Append(p, right);
    Py_XDECREF(right);
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_Split(
    s: *mut PyObject,
    sep: *mut PyObject,
    maxsplit: Py_ssize_t,
) -> *mut PyObject {
    guard!(null_mut(), {
        if ensure(s).is_err() || (!sep.is_null() && ensure(sep).is_err()) {
            return null_mut();
        }
        unicode_ops::split(s, sep, maxsplit)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_RSplit(
    s: *mut PyObject,
    sep: *mut PyObject,
    maxsplit: Py_ssize_t,
) -> *mut PyObject {
    guard!(null_mut(), {
        if ensure(s).is_err() || (!sep.is_null() && ensure(sep).is_err()) {
            return null_mut();
        }
        unicode_ops::rsplit(s, sep, maxsplit)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_Splitlines(s: *mut PyObject, keepends: c_int) -> *mut PyObject {
    guard!(null_mut(), {
        if ensure(s).is_err() {
            return null_mut();
        }
        unicode_ops::splitlines(s, keepends != 0)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_Partition(
    s: *mut PyObject,
    sep: *mut PyObject,
) -> *mut PyObject {
    guard!(null_mut(), {
        if ensure(s).is_err() || ensure(sep).is_err() {
            return null_mut();
        }
        unicode_ops::partition(s, sep, false)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_RPartition(
    s: *mut PyObject,
    sep: *mut PyObject,
) -> *mut PyObject {
    guard!(null_mut(), {
        if ensure(s).is_err() || ensure(sep).is_err() {
            return null_mut();
        }
        unicode_ops::partition(s, sep, true)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_Join(sep: *mut PyObject, seq: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), {
        if seq.is_null() {
            errors::bad_internal_call();
            return null_mut();
        }
        let items = match carapace_core::protocols::iter::collect(seq) {
            Ok(v) => v,
            Err(()) => {
                if errors::exception_matches(exceptions::exc(&raw mut PyExc_TypeError)) {
                    errors::clear();
                    return raise_null!(PyExc_TypeError, "can only join an iterable");
                }
                return null_mut();
            }
        };
        if items.is_empty() {
            return new_ref(unicode::empty());
        }
        if items.len() == 1 && unicode::is_unicode_exact(items[0].as_ptr()) {
            return new_ref(items[0].as_ptr());
        }
        if !sep.is_null() && !unicode::is_unicode(sep) {
            return raise_null!(
                PyExc_TypeError,
                "separator: expected str instance, {} found",
                tname(sep)
            );
        }
        let space;
        let sep = if sep.is_null() {
            space = Owned(unicode::from_str(" "));
            space.as_ptr()
        } else {
            sep
        };
        let ptrs: Vec<*mut PyObject> = items.iter().map(|o| o.as_ptr()).collect();
        let t = carapace_core::objects::tuple::from_slice(&ptrs);
        if t.is_null() {
            return t;
        }
        let t = Owned(t);
        unicode_ops::join(sep, t.as_ptr())
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_Tailmatch(
    s: *mut PyObject,
    sub: *mut PyObject,
    start: Py_ssize_t,
    end: Py_ssize_t,
    direction: c_int,
) -> Py_ssize_t {
    guard!(-1, {
        if ensure(s).is_err() || ensure(sub).is_err() {
            return -1;
        }
        unicode_ops::tailmatch(s, sub, start, end, direction) as Py_ssize_t
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_Find(
    s: *mut PyObject,
    sub: *mut PyObject,
    start: Py_ssize_t,
    end: Py_ssize_t,
    direction: c_int,
) -> Py_ssize_t {
    guard!(-2, {
        if ensure(s).is_err() || ensure(sub).is_err() {
            return -2;
        }
        unicode_ops::find(s, sub, start, end, direction)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_FindChar(
    s: *mut PyObject,
    ch: Py_UCS4,
    start: Py_ssize_t,
    end: Py_ssize_t,
    direction: c_int,
) -> Py_ssize_t {
    guard!(-2, {
        if ensure(s).is_err() {
            return -2;
        }
        let v = unicode_ops::cps(s);
        let (a, b) = unicode_ops::adjust(start, end, v.len());
        if a >= b {
            return -1;
        }
        let r = if direction > 0 {
            v[a..b].iter().position(|&c| c == ch)
        } else {
            v[a..b].iter().rposition(|&c| c == ch)
        };
        match r {
            Some(i) => (a + i) as Py_ssize_t,
            None => -1,
        }
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_Count(
    s: *mut PyObject,
    sub: *mut PyObject,
    start: Py_ssize_t,
    end: Py_ssize_t,
) -> Py_ssize_t {
    guard!(-1, {
        if ensure(s).is_err() || ensure(sub).is_err() {
            return -1;
        }
        unicode_ops::count(s, sub, start, end)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_Replace(
    s: *mut PyObject,
    old: *mut PyObject,
    new: *mut PyObject,
    maxcount: Py_ssize_t,
) -> *mut PyObject {
    guard!(null_mut(), {
        if ensure(s).is_err() || ensure(old).is_err() || ensure(new).is_err() {
            return null_mut();
        }
        unicode_ops::replace(s, old, new, maxcount)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_Compare(a: *mut PyObject, b: *mut PyObject) -> c_int {
    guard!(-1, {
        if !a.is_null() && !b.is_null() && unicode::is_unicode(a) && unicode::is_unicode(b) {
            return match unicode::compare(a, b) {
                core::cmp::Ordering::Less => -1,
                core::cmp::Ordering::Equal => 0,
                core::cmp::Ordering::Greater => 1,
            };
        }
        if a.is_null() || b.is_null() {
            errors::bad_internal_call();
            return -1;
        }
        let _: PyResult<()> = raise!(
            PyExc_TypeError,
            "Can't compare {} and {}",
            tname(a),
            tname(b)
        );
        -1
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_CompareWithASCIIString(
    u: *mut PyObject,
    s: *const c_char,
) -> c_int {
    guard!(-1, {
        if u.is_null() || s.is_null() || !unicode::is_unicode(u) {
            return -1;
        }
        let a = unicode_ops::cps(u);
        let b = CStr::from_ptr(s).to_bytes();
        for (x, &y) in a.iter().zip(b.iter()) {
            if *x != y as u32 {
                return if *x < y as u32 { -1 } else { 1 };
            }
        }
        match a.len().cmp(&b.len()) {
            core::cmp::Ordering::Less => -1,
            core::cmp::Ordering::Equal => 0,
            core::cmp::Ordering::Greater => 1,
        }
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_EqualToUTF8(u: *mut PyObject, s: *const c_char) -> c_int {
    PyUnicode_EqualToUTF8AndSize(u, s, libc::strlen(s) as Py_ssize_t)
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_EqualToUTF8AndSize(
    u: *mut PyObject,
    s: *const c_char,
    size: Py_ssize_t,
) -> c_int {
    guard!(0, {
        if u.is_null() || !unicode::is_unicode(u) || unicode::as_unicode(u).has_surrogates != 0 {
            return 0;
        }
        (unicode::bytes_of(u) == raw(s, size)) as c_int
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_Equal(a: *mut PyObject, b: *mut PyObject) -> c_int {
    guard!(-1, {
        if !unicode::is_unicode(a) {
            let _: PyResult<()> = raise!(
                PyExc_TypeError,
                "first argument must be str, not {}",
                tname(a)
            );
            return -1;
        }
        if !unicode::is_unicode(b) {
            let _: PyResult<()> = raise!(
                PyExc_TypeError,
                "second argument must be str, not {}",
                tname(b)
            );
            return -1;
        }
        unicode::eq(a, b) as c_int
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_RichCompare(
    a: *mut PyObject,
    b: *mut PyObject,
    op: c_int,
) -> *mut PyObject {
    guard!(null_mut(), {
        if a.is_null() || b.is_null() {
            errors::bad_internal_call();
            return null_mut();
        }
        if !unicode::is_unicode(a) || !unicode::is_unicode(b) {
            return new_ref(not_implemented());
        }
        if !(0..=5).contains(&op) {
            errors::bad_argument();
            return null_mut();
        }
        unicode::unicode_richcompare(a, b, op)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_Contains(
    container: *mut PyObject,
    element: *mut PyObject,
) -> c_int {
    guard!(-1, {
        if ensure(container).is_err() {
            return -1;
        }
        if element.is_null() {
            errors::bad_internal_call();
            return -1;
        }
        unicode_ops::unicode_contains(container, element)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_Substring(
    s: *mut PyObject,
    start: Py_ssize_t,
    end: Py_ssize_t,
) -> *mut PyObject {
    guard!(null_mut(), {
        if check_arg(s).is_err() {
            return null_mut();
        }
        if start < 0 || end < 0 {
            return raise_null!(PyExc_IndexError, "string index out of range");
        }
        let n = unicode::as_unicode(s).length;
        let end = end.min(n);
        if start >= end {
            return new_ref(unicode::empty());
        }
        unicode::substring(s, start as usize, end as usize)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_Format(
    format: *mut PyObject,
    args: *mut PyObject,
) -> *mut PyObject {
    guard!(null_mut(), {
        if format.is_null() || args.is_null() {
            errors::bad_internal_call();
            return null_mut();
        }
        if ensure(format).is_err() {
            return null_mut();
        }
        carapace_core::objects::unicode_format::format(format, args)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_IsIdentifier(s: *mut PyObject) -> c_int {
    guard!(-1, {
        if check_arg(s).is_err() {
            return -1;
        }
        unicode_ops::is_identifier(s) as c_int
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_Translate(
    s: *mut PyObject,
    table: *mut PyObject,
    errors_: *const c_char,
) -> *mut PyObject {
    guard!(null_mut(), {
        if ensure(s).is_err() {
            return null_mut();
        }
        translate(s, table, opt_cstr(errors_).as_deref())
    })
}

/// `str.translate` with a mapping table (ord -> ord/str/None; missing: unchanged).
unsafe fn translate(
    s: *mut PyObject,
    table: *mut PyObject,
    errors_: Option<&str>,
) -> *mut PyObject {
    let v = unicode_ops::cps(s);
    let mut out = Vec::with_capacity(v.len());
    for (pos, &c) in v.iter().enumerate() {
        let k = long::from_i64(c as i64);
        if k.is_null() {
            return k;
        }
        let r = carapace_core::protocols::object::get_item(table, k);
        Py_DECREF(k);
        if r.is_null() {
            let lookup = exceptions::exc(&raw mut PyExc_LookupError);
            if errors::exception_matches(lookup) {
                errors::clear();
                out.push(c);
                continue;
            }
            return null_mut();
        }
        let r = Owned(r);
        let p = r.as_ptr();
        if p == none() {
            match errors_.unwrap_or("strict") {
                "ignore" => continue,
                "replace" => {
                    out.push(b'?' as u32);
                    continue;
                }
                _ => {}
            }
            // Deleting is what None means for str.translate.
            let _ = pos;
            continue;
        }
        if long::is_long(p) {
            match long::to_i64(p) {
                Some(x) if (0..=0x10FFFF).contains(&x) => out.push(x as u32),
                _ => {
                    return raise_null!(
                        PyExc_ValueError,
                        "character mapping must be in range(0x110000)"
                    )
                }
            }
        } else if unicode::is_unicode(p) {
            out.extend(unicode_ops::cps(p));
        } else {
            return raise_null!(
                PyExc_TypeError,
                "character mapping must return integer, None or str"
            );
        }
    }
    unicode_ops::from_cps(&out)
}

// ---- charmap ----------------------------------------------------------------------

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_BuildEncodingMap(string: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), {
        if string.is_null() || !unicode::is_unicode(string) {
            errors::bad_argument();
            return null_mut();
        }
        let d = carapace_core::objects::dict::new();
        if d.is_null() {
            return d;
        }
        for (i, c) in unicode_ops::cps(string).into_iter().enumerate() {
            if c == 0xFFFE {
                continue;
            }
            let k = long::from_i64(c as i64);
            let v = long::from_i64(i as i64);
            let r = if k.is_null() || v.is_null() {
                Err(())
            } else {
                carapace_core::objects::dict::set_item(d, k, v)
            };
            Py_XDECREF(k);
            Py_XDECREF(v);
            if r.is_err() {
                Py_DECREF(d);
                return null_mut();
            }
        }
        d
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_DecodeCharmap(
    s: *const c_char,
    size: Py_ssize_t,
    mapping: *mut PyObject,
    errors_: *const c_char,
) -> *mut PyObject {
    guard!(null_mut(), {
        if mapping.is_null() {
            return decode_builtin(s, size, Codec::Latin1, errors_);
        }
        let d = raw(s, size);
        let err = opt_cstr(errors_).map(|c| c.into_owned());
        let mode = err.as_deref().unwrap_or("strict");
        let mut out = Vec::with_capacity(d.len());
        let table: Option<Vec<u32>> = if unicode::is_unicode(mapping) {
            Some(unicode_ops::cps(mapping))
        } else {
            None
        };
        for (i, &b) in d.iter().enumerate() {
            let got: Option<Vec<u32>> = if let Some(t) = &table {
                match t.get(b as usize) {
                    Some(&c) if c != 0xFFFE => Some(vec![c]),
                    _ => None,
                }
            } else {
                let k = long::from_i64(b as i64);
                if k.is_null() {
                    return k;
                }
                let r = carapace_core::protocols::object::get_item(mapping, k);
                Py_DECREF(k);
                if r.is_null() {
                    if errors::exception_matches(exceptions::exc(&raw mut PyExc_LookupError)) {
                        errors::clear();
                        None
                    } else {
                        return null_mut();
                    }
                } else {
                    let r = Owned(r);
                    let p = r.as_ptr();
                    if p == none() {
                        None
                    } else if long::is_long(p) {
                        match long::to_i64(p) {
                            Some(x) if (0..=0x10FFFF).contains(&x) => {
                                if x == 0xFFFE {
                                    None
                                } else {
                                    Some(vec![x as u32])
                                }
                            }
                            _ => {
                                return raise_null!(
                                    PyExc_TypeError,
                                    "character mapping must be in range(0x110000)"
                                )
                            }
                        }
                    } else if unicode::is_unicode(p) {
                        let v = unicode_ops::cps(p);
                        if v == [0xFFFE] {
                            None
                        } else {
                            Some(v)
                        }
                    } else {
                        return raise_null!(
                            PyExc_TypeError,
                            "character mapping must return integer, None or str"
                        );
                    }
                }
            };
            match got {
                Some(v) => out.extend(v),
                None => match mode {
                    "ignore" => {}
                    "replace" => out.push(0xFFFD),
                    "surrogateescape" if b >= 0x80 => out.push(0xDC00 + b as u32),
                    "backslashreplace" => {
                        out.extend(format!("\\x{b:02x}").bytes().map(|x| x as u32))
                    }
                    _ => {
                        let x = codecs::decode_exc(
                            "charmap",
                            d,
                            i,
                            i + 1,
                            "character maps to <undefined>",
                        );
                        if !x.is_null() {
                            errors::set_object(Py_TYPE(x) as *mut PyObject, x);
                            Py_DECREF(x);
                        }
                        return null_mut();
                    }
                },
            }
        }
        unicode::from_code_points(out)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_AsCharmapString(
    u: *mut PyObject,
    mapping: *mut PyObject,
) -> *mut PyObject {
    guard!(null_mut(), {
        if u.is_null() || mapping.is_null() || !unicode::is_unicode(u) {
            errors::bad_argument();
            return null_mut();
        }
        let v = unicode_ops::cps(u);
        let mut out = Vec::with_capacity(v.len());
        for (i, &c) in v.iter().enumerate() {
            let k = long::from_i64(c as i64);
            if k.is_null() {
                return k;
            }
            let r = carapace_core::protocols::object::get_item(mapping, k);
            Py_DECREF(k);
            let undefined = |i: usize| {
                let x = codecs::encode_exc("charmap", u, i, i + 1, "character maps to <undefined>");
                if !x.is_null() {
                    errors::set_object(Py_TYPE(x) as *mut PyObject, x);
                    Py_DECREF(x);
                }
                null_mut()
            };
            if r.is_null() {
                if errors::exception_matches(exceptions::exc(&raw mut PyExc_LookupError)) {
                    errors::clear();
                    return undefined(i);
                }
                return null_mut();
            }
            let r = Owned(r);
            let p = r.as_ptr();
            if p == none() {
                return undefined(i);
            } else if long::is_long(p) {
                match long::to_i64(p) {
                    Some(x) if (0..256).contains(&x) => out.push(x as u8),
                    _ => {
                        return raise_null!(
                            PyExc_TypeError,
                            "character mapping must be in range(256)"
                        )
                    }
                }
            } else if bytes::is_bytes(p) {
                out.extend_from_slice(bytes::as_slice_of(p));
            } else {
                return raise_null!(
                    PyExc_TypeError,
                    "character mapping must return integer, bytes or None, not {}",
                    tname(p)
                );
            }
        }
        bytes::from_slice(&out)
    })
}

// ---- interning ----------------------------------------------------------------------

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_InternInPlace(p: *mut *mut PyObject) {
    guard!((), {
        if p.is_null() {
            return;
        }
        unicode::intern_in_place(p)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_InternImmortal(p: *mut *mut PyObject) {
    PyUnicode_InternInPlace(p)
}

#[no_mangle]
pub unsafe extern "C" fn PyUnicode_InternFromString(s: *const c_char) -> *mut PyObject {
    guard!(null_mut(), {
        let mut o = unicode::from_utf8(CStr::from_ptr(s).to_bytes());
        if o.is_null() {
            return o;
        }
        unicode::intern_in_place(&mut o);
        o
    })
}

// ---- Unicode error accessors ------------------------------------------------------------

unsafe fn check_exc(e: *mut PyObject, expect: &str) -> PyResult<()> {
    let t = exceptions::exc(&raw mut PyExc_UnicodeError);
    if e.is_null() || !carapace_core::objects::typeobject::is_subtype(Py_TYPE(e), t as *mut _) {
        return raise!(
            PyExc_TypeError,
            "expecting a {} object, got {}",
            expect,
            if e.is_null() {
                "NULL".to_string()
            } else {
                carapace_core::objects::typeobject::fully_qualified_name(Py_TYPE(e))
            }
        );
    }
    Ok(())
}

/// The attribute at `idx` checked as bytes or str (CPython 3.15's messages).
unsafe fn get_attr_checked(
    e: *mut PyObject,
    idx: usize,
    name: &str,
    want_bytes: bool,
) -> *mut PyObject {
    let v = exceptions::extra(e, idx);
    if v.is_null() {
        return raise_null!(
            PyExc_TypeError,
            "UnicodeError '{}' attribute is not set",
            name
        );
    }
    let ok = if want_bytes {
        bytes::is_bytes(v)
    } else {
        unicode::is_unicode(v)
    };
    if !ok {
        return raise_null!(
            PyExc_TypeError,
            "UnicodeError '{}' attribute must be a {}",
            name,
            if want_bytes { "bytes" } else { "string" }
        );
    }
    new_ref(v)
}

unsafe fn get_pos(e: *mut PyObject, idx: usize, out: *mut Py_ssize_t, want_bytes: bool) -> c_int {
    let o = get_attr_checked(e, 1, "object", want_bytes);
    if o.is_null() {
        return -1;
    }
    let len = if want_bytes {
        Py_SIZE(o) as i64
    } else {
        unicode::as_unicode(o).length as i64
    };
    Py_DECREF(o);
    let v = exceptions::extra(e, idx);
    let mut p = if v.is_null() || !long::is_long(v) {
        -1
    } else {
        long::to_i64(v).unwrap_or(-1)
    };
    if idx == 2 {
        if p < 0 {
            p = 0;
        }
        if p >= len {
            p = if len == 0 { 0 } else { len - 1 };
        }
    } else {
        if p < 1 {
            p = 1;
        }
        if p > len {
            p = len;
        }
    }
    if !out.is_null() {
        *out = p as Py_ssize_t;
    }
    0
}

unsafe fn set_pos(e: *mut PyObject, idx: usize, v: Py_ssize_t) -> c_int {
    let n = long::from_i64(v as i64);
    if n.is_null() {
        return -1;
    }
    exceptions::set_extra(e, idx, n);
    Py_DECREF(n);
    0
}

unsafe fn set_reason(e: *mut PyObject, r: *const c_char) -> c_int {
    let s = unicode::from_utf8(CStr::from_ptr(r).to_bytes());
    if s.is_null() {
        return -1;
    }
    exceptions::set_extra(e, 4, s);
    Py_DECREF(s);
    0
}

macro_rules! unicode_error_accessors {
    ($ty:ident, $want_bytes:expr, $get_enc:ident, $get_obj:ident, $get_start:ident, $set_start:ident,
     $get_end:ident, $set_end:ident, $get_reason:ident, $set_reason:ident) => {
        #[no_mangle]
        pub unsafe extern "C" fn $get_obj(e: *mut PyObject) -> *mut PyObject {
            guard!(null_mut(), {
                if check_exc(e, stringify!($ty).trim_start_matches("PyExc_")).is_err() {
                    return null_mut();
                }
                get_attr_checked(e, 1, "object", $want_bytes)
            })
        }
        #[no_mangle]
        pub unsafe extern "C" fn $get_start(e: *mut PyObject, out: *mut Py_ssize_t) -> c_int {
            guard!(-1, {
                if check_exc(e, stringify!($ty).trim_start_matches("PyExc_")).is_err() {
                    return -1;
                }
                get_pos(e, 2, out, $want_bytes)
            })
        }
        #[no_mangle]
        pub unsafe extern "C" fn $set_start(e: *mut PyObject, v: Py_ssize_t) -> c_int {
            guard!(-1, {
                if check_exc(e, stringify!($ty).trim_start_matches("PyExc_")).is_err() {
                    return -1;
                }
                set_pos(e, 2, v)
            })
        }
        #[no_mangle]
        pub unsafe extern "C" fn $get_end(e: *mut PyObject, out: *mut Py_ssize_t) -> c_int {
            guard!(-1, {
                if check_exc(e, stringify!($ty).trim_start_matches("PyExc_")).is_err() {
                    return -1;
                }
                get_pos(e, 3, out, $want_bytes)
            })
        }
        #[no_mangle]
        pub unsafe extern "C" fn $set_end(e: *mut PyObject, v: Py_ssize_t) -> c_int {
            guard!(-1, {
                if check_exc(e, stringify!($ty).trim_start_matches("PyExc_")).is_err() {
                    return -1;
                }
                set_pos(e, 3, v)
            })
        }
        #[no_mangle]
        pub unsafe extern "C" fn $get_reason(e: *mut PyObject) -> *mut PyObject {
            guard!(null_mut(), {
                if check_exc(e, stringify!($ty).trim_start_matches("PyExc_")).is_err() {
                    return null_mut();
                }
                get_attr_checked(e, 4, "reason", false)
            })
        }
        #[no_mangle]
        pub unsafe extern "C" fn $set_reason(e: *mut PyObject, r: *const c_char) -> c_int {
            guard!(-1, {
                if check_exc(e, stringify!($ty).trim_start_matches("PyExc_")).is_err() {
                    return -1;
                }
                set_reason(e, r)
            })
        }
        unicode_error_accessors!(@enc $ty, $get_enc);
    };
    (@enc $ty:ident, none) => {};
    (@enc $ty:ident, $get_enc:ident) => {
        #[no_mangle]
        pub unsafe extern "C" fn $get_enc(e: *mut PyObject) -> *mut PyObject {
            guard!(null_mut(), {
                if check_exc(e, stringify!($ty).trim_start_matches("PyExc_")).is_err() {
                    return null_mut();
                }
                get_attr_checked(e, 0, "encoding", false)
            })
        }
    };
}

unicode_error_accessors!(
    PyExc_UnicodeDecodeError,
    true,
    PyUnicodeDecodeError_GetEncoding,
    PyUnicodeDecodeError_GetObject,
    PyUnicodeDecodeError_GetStart,
    PyUnicodeDecodeError_SetStart,
    PyUnicodeDecodeError_GetEnd,
    PyUnicodeDecodeError_SetEnd,
    PyUnicodeDecodeError_GetReason,
    PyUnicodeDecodeError_SetReason
);
unicode_error_accessors!(
    PyExc_UnicodeEncodeError,
    false,
    PyUnicodeEncodeError_GetEncoding,
    PyUnicodeEncodeError_GetObject,
    PyUnicodeEncodeError_GetStart,
    PyUnicodeEncodeError_SetStart,
    PyUnicodeEncodeError_GetEnd,
    PyUnicodeEncodeError_SetEnd,
    PyUnicodeEncodeError_GetReason,
    PyUnicodeEncodeError_SetReason
);
unicode_error_accessors!(
    PyExc_UnicodeTranslateError,
    false,
    none,
    PyUnicodeTranslateError_GetObject,
    PyUnicodeTranslateError_GetStart,
    PyUnicodeTranslateError_SetStart,
    PyUnicodeTranslateError_GetEnd,
    PyUnicodeTranslateError_SetEnd,
    PyUnicodeTranslateError_GetReason,
    PyUnicodeTranslateError_SetReason
);

#[no_mangle]
pub unsafe extern "C" fn PyUnicodeDecodeError_Create(
    encoding: *const c_char,
    object: *const c_char,
    length: Py_ssize_t,
    start: Py_ssize_t,
    end: Py_ssize_t,
    reason: *const c_char,
) -> *mut PyObject {
    guard!(null_mut(), {
        let enc = CStr::from_ptr(encoding).to_string_lossy();
        let r = CStr::from_ptr(reason).to_string_lossy();
        let t = exceptions::exc(&raw mut PyExc_UnicodeDecodeError);
        let args = [
            unicode::from_str(&enc),
            bytes::from_slice(raw(object, length)),
            long::from_i64(start as i64),
            long::from_i64(end as i64),
            unicode::from_str(&r),
        ];
        let res = if args.iter().any(|p| p.is_null()) {
            null_mut()
        } else {
            carapace_core::protocols::call::call_function(t, &args)
        };
        for p in args {
            Py_XDECREF(p);
        }
        res
    })
}
