//! Operations shared by `bytes` and `bytearray`: the methods (decode, join,
//! split, find, hex, fromhex, ...) work on a snapshot of the bytes and build
//! their results with the receiver's kind.

use core::ffi::c_int;
use core::ptr::null_mut;

use crate::defs::*;
use crate::exported::*;
use crate::object::*;
use crate::objects::sequtil::args_slice;
use crate::objects::unicode_ops::{
    adjust, codec_names, count_in, find_in, nargs, opt_index, strip_span,
};
use crate::objects::{bytearray, bytes, list, long, tuple, typeobject, unicode};
use crate::protocols::buffer::BufferView;

unsafe fn tname(o: *mut PyObject) -> &'static str {
    typeobject::type_name(Py_TYPE(o))
}

/// The receiver's bytes, copied (a bytearray may change while Python code runs).
pub unsafe fn snapshot(o: *mut PyObject) -> Vec<u8> {
    if bytes::is_bytes(o) {
        bytes::as_slice_of(o).to_vec()
    } else {
        bytearray::snapshot(o)
    }
}

/// A result of the receiver's kind.
pub unsafe fn make(like: *mut PyObject, v: &[u8]) -> *mut PyObject {
    if bytearray::is_bytearray(like) {
        bytearray::from_slice(v)
    } else {
        bytes::from_slice(v)
    }
}

/// The bytes of a bytes-like argument (buffer protocol), or TypeError in
/// CPython's words.
pub unsafe fn bytes_like(o: *mut PyObject) -> PyResult<Vec<u8>> {
    if bytes::is_bytes(o) {
        return Ok(bytes::as_slice_of(o).to_vec());
    }
    if !crate::protocols::buffer::check(o) {
        return crate::raise!(
            PyExc_TypeError,
            "a bytes-like object is required, not '{}'",
            tname(o)
        );
    }
    crate::protocols::buffer::bytes_of_buffer(o)
}

/// A `sub` argument of find/count/...: bytes-like or an int in range(256).
unsafe fn sub_arg(o: *mut PyObject) -> PyResult<Vec<u8>> {
    if crate::protocols::number::index_check(o) && !crate::protocols::buffer::check(o) {
        let v = crate::protocols::number::as_ssize_t(o, &raw mut PyExc_OverflowError)?;
        if !(0..256).contains(&v) {
            return crate::raise!(PyExc_ValueError, "byte must be in range(0, 256)");
        }
        return Ok(vec![v as u8]);
    }
    if !crate::protocols::buffer::check(o) {
        return crate::raise!(
            PyExc_TypeError,
            "argument should be integer or bytes-like object, not '{}'",
            tname(o)
        );
    }
    bytes_like(o)
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C)
}

pub unsafe fn split(
    like: *mut PyObject,
    h: &[u8],
    sep: Option<&[u8]>,
    maxsplit: isize,
    right: bool,
) -> *mut PyObject {
    let mut max = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let mut parts: Vec<Vec<u8>> = Vec::new();
    match sep {
        None => {
            if !right {
                let mut i = 0;
                let n = h.len();
                loop {
                    while i < n && is_space(h[i]) {
                        i += 1;
                    }
                    if i >= n {
                        break;
                    }
                    if max == 0 {
                        parts.push(h[i..].to_vec());
                        break;
                    }
                    let j = i;
                    while i < n && !is_space(h[i]) {
                        i += 1;
                    }
                    parts.push(h[j..i].to_vec());
                    max -= 1;
                }
            } else {
                let mut i = h.len();
                loop {
                    while i > 0 && is_space(h[i - 1]) {
                        i -= 1;
                    }
                    if i == 0 {
                        break;
                    }
                    if max == 0 {
                        parts.push(h[..i].to_vec());
                        break;
                    }
                    let j = i;
                    while i > 0 && !is_space(h[i - 1]) {
                        i -= 1;
                    }
                    parts.push(h[i..j].to_vec());
                    max -= 1;
                }
                parts.reverse();
            }
        }
        Some(p) => {
            if p.is_empty() {
                return crate::raise_null!(PyExc_ValueError, "empty separator");
            }
            if !right {
                let mut i = 0;
                while max > 0 {
                    match find_in(h, p, i, h.len(), true) {
                        Some(j) => {
                            parts.push(h[i..j].to_vec());
                            i = j + p.len();
                            max -= 1;
                        }
                        None => break,
                    }
                }
                parts.push(h[i..].to_vec());
            } else {
                let mut e = h.len();
                while max > 0 {
                    match find_in(h, p, 0, e, false) {
                        Some(j) => {
                            parts.push(h[j + p.len()..e].to_vec());
                            e = j;
                            max -= 1;
                        }
                        None => break,
                    }
                }
                parts.push(h[..e].to_vec());
                parts.reverse();
            }
        }
    }
    let objs: Vec<*mut PyObject> = parts.iter().map(|p| make(like, p)).collect();
    if objs.iter().any(|p| p.is_null()) {
        for p in objs {
            Py_XDECREF(p);
        }
        return null_mut();
    }
    let l = list::from_slice(&objs);
    for p in objs {
        Py_DECREF(p);
    }
    l
}

pub unsafe fn join(like: *mut PyObject, sep: &[u8], seq: *mut PyObject) -> *mut PyObject {
    let items = match crate::protocols::iter::collect(seq) {
        Ok(v) => v,
        Err(()) => return null_mut(),
    };
    let mut out = Vec::new();
    for (k, it) in items.iter().enumerate() {
        let p = it.as_ptr();
        if !crate::protocols::buffer::check(p) {
            return crate::raise_null!(
                PyExc_TypeError,
                "sequence item {}: expected a bytes-like object, {} found",
                k,
                tname(p)
            );
        }
        let Ok(b) = bytes_like(p) else {
            return null_mut();
        };
        if k > 0 {
            out.extend_from_slice(sep);
        }
        out.extend_from_slice(&b);
    }
    make(like, &out)
}

pub fn hex(b: &[u8], sep: Option<u8>, group: isize) -> String {
    let mut s = String::with_capacity(b.len() * 3);
    let g = group.unsigned_abs().max(1);
    let n = b.len();
    for (i, x) in b.iter().enumerate() {
        if i > 0 {
            if let Some(c) = sep {
                // Groups count from the right for positive `group`, the left for negative.
                let boundary = if group >= 0 {
                    (n - i).is_multiple_of(g)
                } else {
                    i % g == 0
                };
                if boundary {
                    s.push(c as char);
                }
            }
        }
        s.push_str(&format!("{x:02x}"));
    }
    s
}

/// `bytes.fromhex` parsing.
pub unsafe fn fromhex(s: *mut PyObject) -> PyResult<Vec<u8>> {
    let cps: Vec<u32> = unicode::decode_wtf8(unicode::bytes_of(s)).collect();
    let mut out = Vec::new();
    let mut i = 0;
    let hexv = |c: u32| {
        char::from_u32(c).and_then(|ch| if ch.is_ascii() { ch.to_digit(16) } else { None })
    };
    while i < cps.len() {
        if cps[i] == b' ' as u32 || (9..=13).contains(&cps[i]) {
            i += 1;
            continue;
        }
        let Some(hi) = hexv(cps[i]) else {
            return crate::raise!(
                PyExc_ValueError,
                "non-hexadecimal number found in fromhex() arg at position {}",
                i
            );
        };
        let Some(lo) = cps.get(i + 1).and_then(|&c| hexv(c)) else {
            if i + 1 >= cps.len() {
                return crate::raise!(
                    PyExc_ValueError,
                    "fromhex() arg must contain an even number of hexadecimal digits"
                );
            }
            return crate::raise!(
                PyExc_ValueError,
                "non-hexadecimal number found in fromhex() arg at position {}",
                i + 1
            );
        };
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    Ok(out)
}

// ---- methods ---------------------------------------------------------------------

unsafe fn kwarg(kw: *mut PyObject, name: &str) -> *mut PyObject {
    if kw.is_null() {
        null_mut()
    } else {
        crate::objects::dict::get_str(kw, name)
    }
}

pub unsafe extern "C" fn m_decode(
    s: *mut PyObject,
    a: *mut PyObject,
    kw: *mut PyObject,
) -> *mut PyObject {
    let a = args_slice(a);
    if nargs("decode", a, 0, 2).is_err() {
        return null_mut();
    }
    let mut enc = a.first().copied().unwrap_or(null_mut());
    let mut err = a.get(1).copied().unwrap_or(null_mut());
    let k = kwarg(kw, "encoding");
    if !k.is_null() {
        enc = k;
    }
    let k = kwarg(kw, "errors");
    if !k.is_null() {
        err = k;
    }
    let Ok((e, er)) = codec_names("decode", enc, err) else {
        return null_mut();
    };
    let data = snapshot(s);
    let r = crate::objects::codecs::decode_by_name(&data, &e, er.as_deref());
    if !r.is_null() && !unicode::is_unicode(r) {
        let t = tname(r);
        Py_DECREF(r);
        return crate::raise_null!(
            PyExc_TypeError,
            "'{}' decoder returned '{}' instead of 'str'; use codecs.decode() to decode to arbitrary types",
            e,
            t
        );
    }
    r
}

pub unsafe extern "C" fn m_join(s: *mut PyObject, seq: *mut PyObject) -> *mut PyObject {
    join(s, &snapshot(s), seq)
}

unsafe fn split_m(
    s: *mut PyObject,
    a: *mut PyObject,
    kw: *mut PyObject,
    right: bool,
) -> *mut PyObject {
    let a = args_slice(a);
    if nargs(if right { "rsplit" } else { "split" }, a, 0, 2).is_err() {
        return null_mut();
    }
    let mut sep = a.first().copied().unwrap_or(null_mut());
    let mut mx = a.get(1).copied().unwrap_or(null_mut());
    let k = kwarg(kw, "sep");
    if !k.is_null() {
        sep = k;
    }
    let k = kwarg(kw, "maxsplit");
    if !k.is_null() {
        mx = k;
    }
    let max = if mx.is_null() {
        -1
    } else {
        match crate::protocols::number::as_ssize_t(mx, &raw mut PyExc_OverflowError) {
            Ok(v) => v,
            Err(()) => return null_mut(),
        }
    };
    let sepv = if sep.is_null() || sep == none() {
        None
    } else {
        match bytes_like(sep) {
            Ok(v) => Some(v),
            Err(()) => return null_mut(),
        }
    };
    split(s, &snapshot(s), sepv.as_deref(), max, right)
}
pub unsafe extern "C" fn m_split(
    s: *mut PyObject,
    a: *mut PyObject,
    kw: *mut PyObject,
) -> *mut PyObject {
    split_m(s, a, kw, false)
}
pub unsafe extern "C" fn m_rsplit(
    s: *mut PyObject,
    a: *mut PyObject,
    kw: *mut PyObject,
) -> *mut PyObject {
    split_m(s, a, kw, true)
}

unsafe fn find_m(
    s: *mut PyObject,
    a: *mut PyObject,
    name: &str,
    forward: bool,
    raise: bool,
) -> *mut PyObject {
    let a = args_slice(a);
    if nargs(name, a, 1, 3).is_err() {
        return null_mut();
    }
    let Ok(sub) = sub_arg(a[0]) else {
        return null_mut();
    };
    let (Ok(st), Ok(en)) = (opt_index(a, 1, 0), opt_index(a, 2, isize::MAX)) else {
        return null_mut();
    };
    let h = snapshot(s);
    let (x, y) = adjust(st, en, h.len());
    if name == "count" {
        return long::from_i64(count_in(&h, &sub, x, y) as i64);
    }
    match find_in(&h, &sub, x, y, forward) {
        Some(i) => long::from_i64(i as i64),
        None if raise => crate::raise_null!(PyExc_ValueError, "subsection not found"),
        None => long::from_i64(-1),
    }
}
pub unsafe extern "C" fn m_find(s: *mut PyObject, a: *mut PyObject) -> *mut PyObject {
    find_m(s, a, "find", true, false)
}
pub unsafe extern "C" fn m_rfind(s: *mut PyObject, a: *mut PyObject) -> *mut PyObject {
    find_m(s, a, "rfind", false, false)
}
pub unsafe extern "C" fn m_index(s: *mut PyObject, a: *mut PyObject) -> *mut PyObject {
    find_m(s, a, "index", true, true)
}
pub unsafe extern "C" fn m_rindex(s: *mut PyObject, a: *mut PyObject) -> *mut PyObject {
    find_m(s, a, "rindex", false, true)
}
pub unsafe extern "C" fn m_count(s: *mut PyObject, a: *mut PyObject) -> *mut PyObject {
    find_m(s, a, "count", true, false)
}

unsafe fn tail_m(s: *mut PyObject, a: *mut PyObject, name: &str, end: bool) -> *mut PyObject {
    let a = args_slice(a);
    if nargs(name, a, 1, 3).is_err() {
        return null_mut();
    }
    let (Ok(st), Ok(en)) = (opt_index(a, 1, 0), opt_index(a, 2, isize::MAX)) else {
        return null_mut();
    };
    let h = snapshot(s);
    let (x, y) = adjust(st, en, h.len());
    let test = |p: &[u8]| -> bool {
        if y < x || y - x < p.len() {
            return false;
        }
        if end {
            &h[y - p.len()..y] == p
        } else {
            &h[x..x + p.len()] == p
        }
    };
    let p = a[0];
    if tuple::is_tuple(p) {
        for &x in tuple::as_slice(p) {
            let Ok(v) = bytes_like(x) else {
                return null_mut();
            };
            if test(&v) {
                return py_bool(true);
            }
        }
        return py_bool(false);
    }
    if !crate::protocols::buffer::check(p) {
        return crate::raise_null!(
            PyExc_TypeError,
            "{} first arg must be bytes or a tuple of bytes, not {}",
            name,
            tname(p)
        );
    }
    let Ok(v) = bytes_like(p) else {
        return null_mut();
    };
    py_bool(test(&v))
}
pub unsafe extern "C" fn m_startswith(s: *mut PyObject, a: *mut PyObject) -> *mut PyObject {
    tail_m(s, a, "startswith", false)
}
pub unsafe extern "C" fn m_endswith(s: *mut PyObject, a: *mut PyObject) -> *mut PyObject {
    tail_m(s, a, "endswith", true)
}

pub unsafe extern "C" fn m_hex(
    s: *mut PyObject,
    a: *mut PyObject,
    kw: *mut PyObject,
) -> *mut PyObject {
    let a = args_slice(a);
    if nargs("hex", a, 0, 2).is_err() {
        return null_mut();
    }
    let mut sep = a.first().copied().unwrap_or(null_mut());
    let mut bps = a.get(1).copied().unwrap_or(null_mut());
    let k = kwarg(kw, "sep");
    if !k.is_null() {
        sep = k;
    }
    let k = kwarg(kw, "bytes_per_sep");
    if !k.is_null() {
        bps = k;
    }
    let sepc = if sep.is_null() {
        None
    } else {
        let v: Vec<u8> = if unicode::is_unicode(sep) {
            unicode::bytes_of(sep).to_vec()
        } else {
            match bytes_like(sep) {
                Ok(v) => v,
                Err(()) => return null_mut(),
            }
        };
        if v.len() != 1 {
            return crate::raise_null!(PyExc_ValueError, "sep must be length 1.");
        }
        if v[0] >= 0x80 {
            return crate::raise_null!(PyExc_ValueError, "sep must be ASCII.");
        }
        Some(v[0])
    };
    let g = if bps.is_null() {
        1
    } else {
        match crate::protocols::number::as_ssize_t(bps, &raw mut PyExc_OverflowError) {
            Ok(v) => v,
            Err(()) => return null_mut(),
        }
    };
    unicode::from_str(&hex(&snapshot(s), sepc, g))
}

pub unsafe extern "C" fn m_fromhex(cls: *mut PyObject, s: *mut PyObject) -> *mut PyObject {
    if !unicode::is_unicode(s) {
        return crate::raise_null!(
            PyExc_TypeError,
            "fromhex() argument must be str, not {}",
            tname(s)
        );
    }
    let Ok(v) = fromhex(s) else {
        return null_mut();
    };
    if cls == (&raw mut PyByteArray_Type) as *mut PyObject {
        return bytearray::from_slice(&v);
    }
    let b = bytes::from_slice(&v);
    if cls == (&raw mut PyBytes_Type) as *mut PyObject || b.is_null() {
        return b;
    }
    let r = crate::protocols::call::call_function(cls, &[b]);
    Py_DECREF(b);
    r
}

pub unsafe extern "C" fn m_replace(s: *mut PyObject, a: *mut PyObject) -> *mut PyObject {
    let a = args_slice(a);
    if nargs("replace", a, 2, 3).is_err() {
        return null_mut();
    }
    let (Ok(old), Ok(new)) = (bytes_like(a[0]), bytes_like(a[1])) else {
        return null_mut();
    };
    let mut max = match a.get(2) {
        Some(&c) => match crate::protocols::number::as_ssize_t(c, &raw mut PyExc_OverflowError) {
            Ok(v) if v >= 0 => v as usize,
            Ok(_) => usize::MAX,
            Err(()) => return null_mut(),
        },
        None => usize::MAX,
    };
    let h = snapshot(s);
    let mut out = Vec::with_capacity(h.len());
    if old.is_empty() {
        for &c in &h {
            if max > 0 {
                out.extend_from_slice(&new);
                max -= 1;
            }
            out.push(c);
        }
        if max > 0 {
            out.extend_from_slice(&new);
        }
        return make(s, &out);
    }
    let mut i = 0;
    while i < h.len() {
        if max > 0 && h[i..].starts_with(&old) {
            out.extend_from_slice(&new);
            i += old.len();
            max -= 1;
        } else {
            out.push(h[i]);
            i += 1;
        }
    }
    make(s, &out)
}

unsafe fn strip_m(s: *mut PyObject, a: *mut PyObject, name: &str, which: u8) -> *mut PyObject {
    let a = args_slice(a);
    if nargs(name, a, 0, 1).is_err() {
        return null_mut();
    }
    let set: Option<Vec<u8>> = match a.first() {
        None => None,
        Some(&p) if p == none() => None,
        Some(&p) => match bytes_like(p) {
            Ok(v) => Some(v),
            Err(()) => return null_mut(),
        },
    };
    let h = snapshot(s);
    let st = |c: u8| match &set {
        None => is_space(c),
        Some(v) => v.contains(&c),
    };
    let (x, y) = strip_span(&h, which, st);
    make(s, &h[x..y])
}
pub unsafe extern "C" fn m_strip(s: *mut PyObject, a: *mut PyObject) -> *mut PyObject {
    strip_m(s, a, "strip", 3)
}
pub unsafe extern "C" fn m_lstrip(s: *mut PyObject, a: *mut PyObject) -> *mut PyObject {
    strip_m(s, a, "lstrip", 1)
}
pub unsafe extern "C" fn m_rstrip(s: *mut PyObject, a: *mut PyObject) -> *mut PyObject {
    strip_m(s, a, "rstrip", 2)
}

macro_rules! mapper {
    ($name:ident, $f:expr) => {
        pub unsafe extern "C" fn $name(s: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
            let v: Vec<u8> = snapshot(s).into_iter().map($f).collect();
            make(s, &v)
        }
    };
}
mapper!(m_upper, |c: u8| c.to_ascii_uppercase());
mapper!(m_lower, |c: u8| c.to_ascii_lowercase());
mapper!(m_swapcase, |c: u8| if c.is_ascii_uppercase() {
    c.to_ascii_lowercase()
} else {
    c.to_ascii_uppercase()
});

macro_rules! pred {
    ($name:ident, $empty:expr, $f:expr) => {
        pub unsafe extern "C" fn $name(s: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
            let v = snapshot(s);
            if v.is_empty() {
                return py_bool($empty);
            }
            py_bool(v.iter().all(|&c| $f(c)))
        }
    };
}
pred!(m_isascii, true, |c: u8| c < 0x80);
pred!(m_isdigit, false, |c: u8| c.is_ascii_digit());
pred!(m_isalpha, false, |c: u8| c.is_ascii_alphabetic());
pred!(m_isalnum, false, |c: u8| c.is_ascii_alphanumeric());
pred!(m_isspace, false, is_space);
pub unsafe extern "C" fn m_islower(s: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    let v = snapshot(s);
    py_bool(v.iter().any(|c| c.is_ascii_lowercase()) && !v.iter().any(|c| c.is_ascii_uppercase()))
}
pub unsafe extern "C" fn m_isupper(s: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    let v = snapshot(s);
    py_bool(v.iter().any(|c| c.is_ascii_uppercase()) && !v.iter().any(|c| c.is_ascii_lowercase()))
}

unsafe fn partition_m(s: *mut PyObject, sep: *mut PyObject, right: bool) -> *mut PyObject {
    let Ok(p) = bytes_like(sep) else {
        return null_mut();
    };
    if p.is_empty() {
        return crate::raise_null!(PyExc_ValueError, "empty separator");
    }
    let h = snapshot(s);
    let parts: [Vec<u8>; 3] = match find_in(&h, &p, 0, h.len(), !right) {
        Some(j) => [h[..j].to_vec(), p.clone(), h[j + p.len()..].to_vec()],
        None if right => [vec![], vec![], h.clone()],
        None => [h.clone(), vec![], vec![]],
    };
    let objs: Vec<*mut PyObject> = parts.iter().map(|v| make(s, v)).collect();
    if objs.iter().any(|o| o.is_null()) {
        for o in objs {
            Py_XDECREF(o);
        }
        return null_mut();
    }
    let t = tuple::pack(&objs);
    for o in objs {
        Py_DECREF(o);
    }
    t
}
pub unsafe extern "C" fn m_partition(s: *mut PyObject, sep: *mut PyObject) -> *mut PyObject {
    partition_m(s, sep, false)
}
pub unsafe extern "C" fn m_rpartition(s: *mut PyObject, sep: *mut PyObject) -> *mut PyObject {
    partition_m(s, sep, true)
}
pub unsafe extern "C" fn m_removeprefix(s: *mut PyObject, p: *mut PyObject) -> *mut PyObject {
    let Ok(p) = bytes_like(p) else {
        return null_mut();
    };
    let h = snapshot(s);
    if h.starts_with(&p) {
        return make(s, &h[p.len()..]);
    }
    if bytes::is_bytes_exact(s) {
        return new_ref(s);
    }
    make(s, &h)
}
pub unsafe extern "C" fn m_removesuffix(s: *mut PyObject, p: *mut PyObject) -> *mut PyObject {
    let Ok(p) = bytes_like(p) else {
        return null_mut();
    };
    let h = snapshot(s);
    if !p.is_empty() && h.ends_with(&p) {
        return make(s, &h[..h.len() - p.len()]);
    }
    if bytes::is_bytes_exact(s) {
        return new_ref(s);
    }
    make(s, &h)
}

unsafe fn pad_m(s: *mut PyObject, a: *mut PyObject, name: &str, how: u8) -> *mut PyObject {
    let a = args_slice(a);
    if nargs(name, a, 1, 2).is_err() {
        return null_mut();
    }
    let Ok(width) = crate::protocols::number::as_ssize_t(a[0], &raw mut PyExc_OverflowError) else {
        return null_mut();
    };
    let fill = match a.get(1) {
        None => b' ',
        Some(&f) => {
            let ok = (bytes::is_bytes(f) && Py_SIZE(f) == 1)
                || (bytearray::is_bytearray(f) && Py_SIZE(f) == 1);
            if !ok {
                return crate::raise_null!(
                    PyExc_TypeError,
                    "{}() argument 2 must be a byte string of length 1, not {}",
                    name,
                    tname(f)
                );
            }
            snapshot(f)[0]
        }
    };
    let h = snapshot(s);
    if width <= h.len() as isize {
        return make_same(s, &h);
    }
    let total = width as usize - h.len();
    let (l, r) = match how {
        b'l' => (0, total),
        b'r' => (total, 0),
        _ => {
            let left = total / 2 + (total & width as usize & 1);
            (left, total - left)
        }
    };
    let mut out = vec![fill; l];
    out.extend_from_slice(&h);
    out.extend(core::iter::repeat_n(fill, r));
    make(s, &out)
}

/// The receiver itself for exact bytes (immutable), else a copy of its kind.
unsafe fn make_same(s: *mut PyObject, h: &[u8]) -> *mut PyObject {
    if bytes::is_bytes_exact(s) {
        return new_ref(s);
    }
    make(s, h)
}

pub unsafe extern "C" fn m_center(s: *mut PyObject, a: *mut PyObject) -> *mut PyObject {
    pad_m(s, a, "center", b'c')
}
pub unsafe extern "C" fn m_ljust(s: *mut PyObject, a: *mut PyObject) -> *mut PyObject {
    pad_m(s, a, "ljust", b'l')
}
pub unsafe extern "C" fn m_rjust(s: *mut PyObject, a: *mut PyObject) -> *mut PyObject {
    pad_m(s, a, "rjust", b'r')
}
pub unsafe extern "C" fn m_zfill(s: *mut PyObject, w: *mut PyObject) -> *mut PyObject {
    let Ok(width) = crate::protocols::number::as_ssize_t(w, &raw mut PyExc_OverflowError) else {
        return null_mut();
    };
    let h = snapshot(s);
    if width <= h.len() as isize {
        return make_same(s, &h);
    }
    let fill = width as usize - h.len();
    let mut out = Vec::with_capacity(width as usize);
    let mut rest = &h[..];
    if let Some(&c) = h.first() {
        if c == b'+' || c == b'-' {
            out.push(c);
            rest = &h[1..];
        }
    }
    out.extend(core::iter::repeat_n(b'0', fill));
    out.extend_from_slice(rest);
    make(s, &out)
}
pub unsafe extern "C" fn m_expandtabs(
    s: *mut PyObject,
    a: *mut PyObject,
    kw: *mut PyObject,
) -> *mut PyObject {
    let a = args_slice(a);
    let mut t = a.first().copied().unwrap_or(null_mut());
    let k = kwarg(kw, "tabsize");
    if !k.is_null() {
        t = k;
    }
    let ts = if t.is_null() {
        8
    } else {
        match crate::protocols::number::as_ssize_t(t, &raw mut PyExc_OverflowError) {
            Ok(v) => v,
            Err(()) => return null_mut(),
        }
    };
    let mut out = Vec::new();
    let mut col = 0isize;
    for c in snapshot(s) {
        if c == b'\t' {
            if ts > 0 {
                let n = ts - col % ts;
                out.extend(core::iter::repeat_n(b' ', n as usize));
                col += n;
            }
        } else {
            out.push(c);
            col += 1;
            if c == b'\n' || c == b'\r' {
                col = 0;
            }
        }
    }
    make(s, &out)
}
pub unsafe extern "C" fn m_splitlines(
    s: *mut PyObject,
    a: *mut PyObject,
    kw: *mut PyObject,
) -> *mut PyObject {
    let a = args_slice(a);
    let mut keep = a.first().copied().unwrap_or(null_mut());
    let k = kwarg(kw, "keepends");
    if !k.is_null() {
        keep = k;
    }
    let keep = if keep.is_null() {
        false
    } else {
        match crate::protocols::object::is_true(keep) {
            x if x < 0 => return null_mut(),
            x => x == 1,
        }
    };
    let h = snapshot(s);
    let mut parts: Vec<Vec<u8>> = Vec::new();
    let mut i = 0;
    while i < h.len() {
        let j = i;
        while i < h.len() && h[i] != b'\n' && h[i] != b'\r' {
            i += 1;
        }
        let mut eol = i;
        if i < h.len() {
            if h[i] == b'\r' && i + 1 < h.len() && h[i + 1] == b'\n' {
                i += 2;
            } else {
                i += 1;
            }
            if keep {
                eol = i;
            }
        }
        parts.push(h[j..eol].to_vec());
    }
    let objs: Vec<*mut PyObject> = parts.iter().map(|p| make(s, p)).collect();
    if objs.iter().any(|p| p.is_null()) {
        for p in objs {
            Py_XDECREF(p);
        }
        return null_mut();
    }
    let l = list::from_slice(&objs);
    for p in objs {
        Py_DECREF(p);
    }
    l
}
pub unsafe extern "C" fn m_title(s: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    let mut prev = false;
    let v: Vec<u8> = snapshot(s)
        .into_iter()
        .map(|c| {
            let r = if prev {
                c.to_ascii_lowercase()
            } else {
                c.to_ascii_uppercase()
            };
            prev = c.is_ascii_alphabetic();
            r
        })
        .collect();
    make(s, &v)
}
pub unsafe extern "C" fn m_capitalize(s: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    let v: Vec<u8> = snapshot(s)
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            if i == 0 {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    make(s, &v)
}
pub unsafe extern "C" fn m_istitle(s: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    let mut cased = false;
    let mut prev = false;
    for c in snapshot(s) {
        if c.is_ascii_uppercase() {
            if prev {
                return py_bool(false);
            }
            prev = true;
            cased = true;
        } else if c.is_ascii_lowercase() {
            if !prev {
                return py_bool(false);
            }
            prev = true;
            cased = true;
        } else {
            prev = false;
        }
    }
    py_bool(cased)
}

/// `x in b` for bytes and bytearray.
pub unsafe fn contains(h: &[u8], x: *mut PyObject) -> c_int {
    let v = if crate::protocols::number::index_check(x) && !crate::protocols::buffer::check(x) {
        sub_arg(x)
    } else {
        bytes_like(x)
    };
    match v {
        Ok(v) => (v.is_empty() || h.windows(v.len()).any(|w| w == v.as_slice())) as c_int,
        Err(()) => -1,
    }
}

#[macro_export]
macro_rules! bytes_md {
    ($name:literal, $f:expr, $flags:expr) => {
        $crate::defs::PyMethodDef {
            ml_name: $name.as_ptr(),
            ml_meth: Some({
                let f = $f as *const ();
                unsafe { core::mem::transmute::<*const (), $crate::defs::PyCFunction>(f) }
            }),
            ml_flags: $flags,
            ml_doc: core::ptr::null(),
        }
    };
}

/// The methods `bytes` and `bytearray` share (29 entries, no sentinel).
pub const COMMON_METHODS: [PyMethodDef; 40] = [
    bytes_md!(c"center", m_center, METH_VARARGS),
    bytes_md!(c"ljust", m_ljust, METH_VARARGS),
    bytes_md!(c"rjust", m_rjust, METH_VARARGS),
    bytes_md!(c"zfill", m_zfill, METH_O),
    bytes_md!(c"expandtabs", m_expandtabs, METH_VARARGS | METH_KEYWORDS),
    bytes_md!(c"splitlines", m_splitlines, METH_VARARGS | METH_KEYWORDS),
    bytes_md!(c"title", m_title, METH_NOARGS),
    bytes_md!(c"capitalize", m_capitalize, METH_NOARGS),
    bytes_md!(c"istitle", m_istitle, METH_NOARGS),
    bytes_md!(c"decode", m_decode, METH_VARARGS | METH_KEYWORDS),
    bytes_md!(c"join", m_join, METH_O),
    bytes_md!(c"split", m_split, METH_VARARGS | METH_KEYWORDS),
    bytes_md!(c"rsplit", m_rsplit, METH_VARARGS | METH_KEYWORDS),
    bytes_md!(c"find", m_find, METH_VARARGS),
    bytes_md!(c"rfind", m_rfind, METH_VARARGS),
    bytes_md!(c"index", m_index, METH_VARARGS),
    bytes_md!(c"rindex", m_rindex, METH_VARARGS),
    bytes_md!(c"count", m_count, METH_VARARGS),
    bytes_md!(c"startswith", m_startswith, METH_VARARGS),
    bytes_md!(c"endswith", m_endswith, METH_VARARGS),
    bytes_md!(c"hex", m_hex, METH_VARARGS | METH_KEYWORDS),
    bytes_md!(c"fromhex", m_fromhex, METH_O | METH_CLASS),
    bytes_md!(c"replace", m_replace, METH_VARARGS),
    bytes_md!(c"strip", m_strip, METH_VARARGS),
    bytes_md!(c"lstrip", m_lstrip, METH_VARARGS),
    bytes_md!(c"rstrip", m_rstrip, METH_VARARGS),
    bytes_md!(c"upper", m_upper, METH_NOARGS),
    bytes_md!(c"lower", m_lower, METH_NOARGS),
    bytes_md!(c"swapcase", m_swapcase, METH_NOARGS),
    bytes_md!(c"isascii", m_isascii, METH_NOARGS),
    bytes_md!(c"isdigit", m_isdigit, METH_NOARGS),
    bytes_md!(c"isalpha", m_isalpha, METH_NOARGS),
    bytes_md!(c"isalnum", m_isalnum, METH_NOARGS),
    bytes_md!(c"isspace", m_isspace, METH_NOARGS),
    bytes_md!(c"islower", m_islower, METH_NOARGS),
    bytes_md!(c"isupper", m_isupper, METH_NOARGS),
    bytes_md!(c"partition", m_partition, METH_O),
    bytes_md!(c"rpartition", m_rpartition, METH_O),
    bytes_md!(c"removeprefix", m_removeprefix, METH_O),
    bytes_md!(c"removesuffix", m_removesuffix, METH_O),
];

/// `PyBytes_FromObject` / `bytes(x)` conversion of a non-str object.
pub unsafe fn bytes_from_object(x: *mut PyObject) -> PyResult<Vec<u8>> {
    if crate::protocols::buffer::check(x) {
        return crate::protocols::buffer::bytes_of_buffer(x);
    }
    if unicode::is_unicode(x) || crate::protocols::number::index_check(x) {
        return crate::raise!(
            PyExc_TypeError,
            "cannot convert '{}' object to bytes",
            tname(x)
        );
    }
    let it = crate::protocols::iter::get_iter(x);
    if it.is_null() {
        if crate::errors::exception_matches(crate::objects::exceptions::exc(
            &raw mut PyExc_TypeError,
        )) {
            crate::errors::clear();
            return crate::raise!(
                PyExc_TypeError,
                "cannot convert '{}' object to bytes",
                tname(x)
            );
        }
        return Err(());
    }
    let it = Owned(it);
    let mut out = Vec::new();
    loop {
        let v = crate::protocols::iter::next(it.as_ptr());
        if v.is_null() {
            if !crate::errors::raised().is_null() {
                return Err(());
            }
            break;
        }
        let v = Owned(v);
        let p = v.as_ptr();
        if !crate::protocols::number::index_check(p) {
            return crate::raise!(
                PyExc_TypeError,
                "'{}' object cannot be interpreted as an integer",
                tname(p)
            );
        }
        let n = crate::protocols::number::as_ssize_t(p, null_mut())?;
        if !(0..256).contains(&n) {
            return crate::raise!(PyExc_ValueError, "bytes must be in range(0, 256)");
        }
        out.push(n as u8);
    }
    Ok(out)
}

/// An int in range(256) (for item assignment and iterables of ints).
pub unsafe fn byte_value(v: *mut PyObject) -> PyResult<u8> {
    if !crate::protocols::number::index_check(v) {
        return crate::raise!(
            PyExc_TypeError,
            "'{}' object cannot be interpreted as an integer",
            tname(v)
        );
    }
    let n = crate::protocols::number::as_ssize_t(v, null_mut())?;
    if !(0..256).contains(&n) {
        return crate::raise!(PyExc_ValueError, "byte must be in range(0, 256)");
    }
    Ok(n as u8)
}

/// Item or slice of a byte string (`b[i]` gives an int).
pub unsafe fn subscript(
    like: *mut PyObject,
    h: &[u8],
    key: *mut PyObject,
    range_msg: &str,
    what: &str,
) -> *mut PyObject {
    if crate::protocols::number::index_check(key) {
        let Ok(mut i) = crate::protocols::number::as_ssize_t(key, &raw mut PyExc_IndexError) else {
            return null_mut();
        };
        if i < 0 {
            i += h.len() as isize;
        }
        if i < 0 || i >= h.len() as isize {
            return crate::raise_null!(PyExc_IndexError, "{}", range_msg);
        }
        return long::from_i64(h[i as usize] as i64);
    }
    if crate::objects::unicode_ops::is_slice(key) {
        let Ok((start, _stop, step, n)) =
            crate::objects::unicode_ops::slice_indices(key, h.len() as isize)
        else {
            return null_mut();
        };
        let v: Vec<u8> = (0..n).map(|k| h[(start + k * step) as usize]).collect();
        return make(like, &v);
    }
    crate::raise_null!(
        PyExc_TypeError,
        "{} indices must be integers or slices, not {}",
        what,
        tname(key)
    )
}

/// Hold a buffer of `o` while `f` reads it.
pub unsafe fn with_buffer<R>(o: *mut PyObject, f: impl FnOnce(&[u8]) -> R) -> PyResult<R> {
    let v = BufferView::new(o, PyBUF_SIMPLE)?;
    Ok(f(v.as_slice()))
}
