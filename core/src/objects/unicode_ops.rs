//! Operations on `str` beyond storage (split, join, find, replace, case mapping,
//! the sequence/mapping slots, iteration with `PyUnicodeIter_Type`, and the
//! Python-level methods). Text is viewed as code points where needed.

use core::ffi::c_int;
use core::ptr::null_mut;

use crate::defs::*;
use crate::exported::*;
use crate::object::*;
use crate::objects::sequtil::args_slice;
use crate::objects::unicode::{self, bytes_of, decode_wtf8, from_wtf8_unchecked, push_wtf8};
use crate::objects::unicode_db as db;
use crate::objects::{list, long, tuple, typeobject};
use crate::typeobj::*;

/// The code points of a `str`.
pub unsafe fn cps(o: *mut PyObject) -> Vec<u32> {
    decode_wtf8(bytes_of(o)).collect()
}

/// A new `str` from code points known to be valid.
pub unsafe fn from_cps(v: &[u32]) -> *mut PyObject {
    let mut b = Vec::with_capacity(v.len());
    for &c in v {
        push_wtf8(&mut b, c);
    }
    from_wtf8_unchecked(&b)
}

pub unsafe fn len(o: *mut PyObject) -> usize {
    unicode::as_unicode(o).length as usize
}

unsafe fn type_name(o: *mut PyObject) -> &'static str {
    typeobject::type_name(Py_TYPE(o))
}

/// Python's whitespace (`str.isspace`).
pub fn is_space(c: u32) -> bool {
    db::in_ranges(&db::SPACE, c)
}

/// Line boundaries for `splitlines`.
pub fn is_linebreak(c: u32) -> bool {
    db::in_ranges(&db::LINEBREAK, c)
}

pub fn is_upper(c: u32) -> bool {
    db::in_ranges(&db::UPPER, c)
}
pub fn is_lower(c: u32) -> bool {
    db::in_ranges(&db::LOWER, c)
}
pub fn is_title(c: u32) -> bool {
    db::in_ranges(&db::TITLE, c)
}
pub fn is_cased(c: u32) -> bool {
    is_upper(c) || is_lower(c) || is_title(c)
}
/// Characters skipped when deciding whether a capital sigma ends a word.
fn is_case_ignorable(c: u32) -> bool {
    matches!(
        c,
        0x27 | 0x2E | 0x3A | 0x5E | 0x60 | 0xA8 | 0xAD | 0xAF | 0xB4 | 0xB7 | 0xB8 | 0x2019
    ) || (0x300..0x370).contains(&c)
        || (0x2B0..0x300).contains(&c)
        || (0x200B..0x2010).contains(&c)
}

fn push_upper(out: &mut Vec<u32>, c: u32) {
    match db::map_s(&db::UPPER_SPECIAL, c) {
        Some(s) => out.extend(s.chars().map(|x| x as u32)),
        None => out.push(db::map1(&db::UPPER_MAP, c).unwrap_or(c)),
    }
}
fn push_lower(out: &mut Vec<u32>, v: &[u32], i: usize) {
    let c = v[i];
    if c == 0x3A3 {
        out.push(if final_sigma(v, i) { 0x3C2 } else { 0x3C3 });
        return;
    }
    match db::map_s(&db::LOWER_SPECIAL, c) {
        Some(s) => out.extend(s.chars().map(|x| x as u32)),
        None => out.push(db::map1(&db::LOWER_MAP, c).unwrap_or(c)),
    }
}
fn push_title(out: &mut Vec<u32>, c: u32) {
    match db::map_s(&db::TITLE_SPECIAL, c) {
        Some(s) => out.extend(s.chars().map(|x| x as u32)),
        None => push_upper(out, c),
    }
}
/// CPython's Final_Sigma test: a cased letter before (skipping case-ignorable
/// ones) and none after.
fn final_sigma(v: &[u32], i: usize) -> bool {
    let mut j = i;
    let mut before = false;
    while j > 0 {
        j -= 1;
        if is_case_ignorable(v[j]) {
            continue;
        }
        before = is_cased(v[j]);
        break;
    }
    if !before {
        return false;
    }
    let mut k = i + 1;
    while k < v.len() {
        if is_case_ignorable(v[k]) {
            k += 1;
            continue;
        }
        return !is_cased(v[k]);
    }
    true
}

/// Clamp `start`/`end` like slice indices (negative counts from the end).
pub fn adjust(start: Py_ssize_t, end: Py_ssize_t, n: usize) -> (usize, usize) {
    let n = n as Py_ssize_t;
    // As CPython's ADJUST_INDICES: the end is clamped to the length, the start
    // only from below (a start past the end finds nothing).
    let fix = |v: Py_ssize_t| -> usize {
        if v < 0 {
            (v + n).max(0) as usize
        } else {
            v as usize
        }
    };
    (fix(start), fix(end).min(n as usize))
}

/// First (or last) place of `n` in `h[start..end]`: one search for str (code
/// points) and bytes (bytes_ops uses it too).
pub fn find_in<T: PartialEq>(
    h: &[T],
    n: &[T],
    start: usize,
    end: usize,
    forward: bool,
) -> Option<usize> {
    if start > end || end > h.len() || end - start < n.len() {
        return None;
    }
    let last = end - n.len();
    if forward {
        (start..=last).find(|&i| h[i..i + n.len()] == *n)
    } else {
        (start..=last).rev().find(|&i| h[i..i + n.len()] == *n)
    }
}

/// Non-overlapping occurrences of `n` in `h[a..b]` (an empty `n` matches
/// between every two items), shared by str.count and bytes.count.
pub fn count_in<T: PartialEq>(h: &[T], n: &[T], a: usize, b: usize) -> usize {
    if a > b {
        return 0;
    }
    if n.is_empty() {
        return b - a + 1;
    }
    let mut c = 0;
    let mut i = a;
    while let Some(j) = find_in(h, n, i, b, true) {
        c += 1;
        i = j + n.len();
    }
    c
}

/// The `[a, b)` left after stripping items matching `strip_it` from the left
/// (which & 1) and/or the right (which & 2): shared by str and bytes strip.
pub fn strip_span<T: Copy>(v: &[T], which: u8, strip_it: impl Fn(T) -> bool) -> (usize, usize) {
    let mut a = 0;
    let mut b = v.len();
    if which & 1 != 0 {
        while a < b && strip_it(v[a]) {
            a += 1;
        }
    }
    if which & 2 != 0 {
        while b > a && strip_it(v[b - 1]) {
            b -= 1;
        }
    }
    (a, b)
}

/// `PyUnicode_Find` semantics on code points: index or -1.
pub unsafe fn find(
    s: *mut PyObject,
    sub: *mut PyObject,
    start: Py_ssize_t,
    end: Py_ssize_t,
    dir: c_int,
) -> Py_ssize_t {
    let h = cps(s);
    let n = cps(sub);
    let (a, b) = adjust(start, end, h.len());
    match find_in(&h, &n, a, b, dir > 0) {
        Some(i) => i as Py_ssize_t,
        None => -1,
    }
}

pub unsafe fn count(
    s: *mut PyObject,
    sub: *mut PyObject,
    start: Py_ssize_t,
    end: Py_ssize_t,
) -> Py_ssize_t {
    let h = cps(s);
    let n = cps(sub);
    let (a, b) = adjust(start, end, h.len());
    count_in(&h, &n, a, b) as Py_ssize_t
}

/// `PyUnicode_Tailmatch`: 1 if `sub` matches at the start (dir <= 0) or end.
pub unsafe fn tailmatch(
    s: *mut PyObject,
    sub: *mut PyObject,
    start: Py_ssize_t,
    end: Py_ssize_t,
    dir: c_int,
) -> bool {
    let h = cps(s);
    let n = cps(sub);
    let (a, b) = adjust(start, end, h.len());
    if b < a || b - a < n.len() {
        return n.is_empty() && a <= b;
    }
    if dir > 0 {
        h[b - n.len()..b] == *n
    } else {
        h[a..a + n.len()] == *n
    }
}

pub unsafe fn replace(
    s: *mut PyObject,
    old: *mut PyObject,
    new: *mut PyObject,
    maxcount: Py_ssize_t,
) -> *mut PyObject {
    let h = cps(s);
    let o = cps(old);
    let nw = cps(new);
    let mut max = if maxcount < 0 {
        usize::MAX
    } else {
        maxcount as usize
    };
    let mut out = Vec::with_capacity(h.len());
    if o.is_empty() {
        for (k, &c) in h.iter().enumerate() {
            if max > 0 {
                out.extend_from_slice(&nw);
                max -= 1;
            }
            out.push(c);
            let _ = k;
        }
        if max > 0 {
            out.extend_from_slice(&nw);
        }
        return from_cps(&out);
    }
    let mut i = 0;
    while i < h.len() {
        if max > 0 && h.len() - i >= o.len() && h[i..i + o.len()] == *o {
            out.extend_from_slice(&nw);
            i += o.len();
            max -= 1;
        } else {
            out.push(h[i]);
            i += 1;
        }
    }
    from_cps(&out)
}

unsafe fn list_of(parts: Vec<*mut PyObject>) -> *mut PyObject {
    if parts.iter().any(|p| p.is_null()) {
        for p in parts {
            Py_XDECREF(p);
        }
        return null_mut();
    }
    let l = list::from_slice(&parts);
    for p in parts {
        Py_DECREF(p);
    }
    l
}

/// `str.split(sep, maxsplit)`; `sep` NULL/None splits on whitespace runs.
pub unsafe fn split(s: *mut PyObject, sep: *mut PyObject, maxsplit: Py_ssize_t) -> *mut PyObject {
    let h = cps(s);
    let mut max = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let mut parts = Vec::new();
    if sep.is_null() || sep == none() {
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
                parts.push(from_cps(&h[i..]));
                break;
            }
            let j = i;
            while i < n && !is_space(h[i]) {
                i += 1;
            }
            parts.push(from_cps(&h[j..i]));
            max -= 1;
        }
        return list_of(parts);
    }
    if !unicode::is_unicode(sep) {
        return crate::raise_null!(
            PyExc_TypeError,
            "must be str or None, not {}",
            type_name(sep)
        );
    }
    let p = cps(sep);
    if p.is_empty() {
        return crate::raise_null!(PyExc_ValueError, "empty separator");
    }
    let mut i = 0;
    while max > 0 {
        match find_in(&h, &p, i, h.len(), true) {
            Some(j) => {
                parts.push(from_cps(&h[i..j]));
                i = j + p.len();
                max -= 1;
            }
            None => break,
        }
    }
    parts.push(from_cps(&h[i..]));
    list_of(parts)
}

pub unsafe fn rsplit(s: *mut PyObject, sep: *mut PyObject, maxsplit: Py_ssize_t) -> *mut PyObject {
    let h = cps(s);
    let mut max = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let mut parts = Vec::new();
    if sep.is_null() || sep == none() {
        let mut i = h.len();
        loop {
            while i > 0 && is_space(h[i - 1]) {
                i -= 1;
            }
            if i == 0 {
                break;
            }
            if max == 0 {
                parts.push(from_cps(&h[..i]));
                break;
            }
            let j = i;
            while i > 0 && !is_space(h[i - 1]) {
                i -= 1;
            }
            parts.push(from_cps(&h[i..j]));
            max -= 1;
        }
        parts.reverse();
        return list_of(parts);
    }
    if !unicode::is_unicode(sep) {
        return crate::raise_null!(
            PyExc_TypeError,
            "must be str or None, not {}",
            type_name(sep)
        );
    }
    let p = cps(sep);
    if p.is_empty() {
        return crate::raise_null!(PyExc_ValueError, "empty separator");
    }
    let mut e = h.len();
    while max > 0 {
        match find_in(&h, &p, 0, e, false) {
            Some(j) => {
                parts.push(from_cps(&h[j + p.len()..e]));
                e = j;
                max -= 1;
            }
            None => break,
        }
    }
    parts.push(from_cps(&h[..e]));
    parts.reverse();
    list_of(parts)
}

pub unsafe fn splitlines(s: *mut PyObject, keepends: bool) -> *mut PyObject {
    let h = cps(s);
    let mut parts = Vec::new();
    let mut i = 0;
    while i < h.len() {
        let j = i;
        while i < h.len() && !is_linebreak(h[i]) {
            i += 1;
        }
        let mut eol = i;
        if i < h.len() {
            if h[i] == 0x0D && i + 1 < h.len() && h[i + 1] == 0x0A {
                i += 2;
            } else {
                i += 1;
            }
            if keepends {
                eol = i;
            }
        }
        parts.push(from_cps(&h[j..eol]));
    }
    list_of(parts)
}

/// `sep.join(seq)`; `sep` NULL means "".
pub unsafe fn join(sep: *mut PyObject, seq: *mut PyObject) -> *mut PyObject {
    let items = match crate::protocols::iter::collect(seq) {
        Ok(v) => v,
        Err(()) => {
            if crate::errors::exception_matches(crate::objects::exceptions::exc(
                &raw mut PyExc_TypeError,
            )) {
                crate::errors::clear();
                return crate::raise_null!(PyExc_TypeError, "can only join an iterable");
            }
            return null_mut();
        }
    };
    let sepb: &[u8] = if sep.is_null() { b"" } else { bytes_of(sep) };
    if items.len() == 1 && unicode::is_unicode_exact(items[0].as_ptr()) {
        return new_ref(items[0].as_ptr());
    }
    let mut out = Vec::new();
    for (k, it) in items.iter().enumerate() {
        let p = it.as_ptr();
        if !unicode::is_unicode(p) {
            return crate::raise_null!(
                PyExc_TypeError,
                "sequence item {}: expected str instance, {} found",
                k,
                type_name(p)
            );
        }
        if k > 0 {
            out.extend_from_slice(sepb);
        }
        out.extend_from_slice(bytes_of(p));
    }
    from_wtf8_unchecked(&out)
}

pub unsafe fn concat(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    if !unicode::is_unicode(a) || !unicode::is_unicode(b) {
        let bad = if unicode::is_unicode(a) { b } else { a };
        if unicode::is_unicode(a) {
            return crate::raise_null!(
                PyExc_TypeError,
                "can only concatenate str (not \"{}\") to str",
                type_name(bad)
            );
        }
        return crate::raise_null!(PyExc_TypeError, "must be str, not {}", type_name(bad));
    }
    let mut v = Vec::with_capacity(bytes_of(a).len() + bytes_of(b).len());
    v.extend_from_slice(bytes_of(a));
    v.extend_from_slice(bytes_of(b));
    from_wtf8_unchecked(&v)
}

pub unsafe fn partition(s: *mut PyObject, sep: *mut PyObject, right: bool) -> *mut PyObject {
    if !unicode::is_unicode(sep) {
        return crate::raise_null!(PyExc_TypeError, "must be str, not {}", type_name(sep));
    }
    let h = cps(s);
    let p = cps(sep);
    if p.is_empty() {
        return crate::raise_null!(PyExc_ValueError, "empty separator");
    }
    let parts = match find_in(&h, &p, 0, h.len(), !right) {
        Some(j) => [from_cps(&h[..j]), new_ref(sep), from_cps(&h[j + p.len()..])],
        None if right => [
            new_ref(unicode::empty()),
            new_ref(unicode::empty()),
            unicode::unicode_str(s),
        ],
        None => [
            unicode::unicode_str(s),
            new_ref(unicode::empty()),
            new_ref(unicode::empty()),
        ],
    };
    if parts.iter().any(|p| p.is_null()) {
        for p in parts {
            Py_XDECREF(p);
        }
        return null_mut();
    }
    let t = tuple::pack(&parts);
    for p in parts {
        Py_DECREF(p);
    }
    t
}

/// `str.isidentifier`: XID_Start (or '_') then XID_Continue.
pub unsafe fn is_identifier(s: *mut PyObject) -> bool {
    let v = cps(s);
    let Some(&first) = v.first() else {
        return false;
    };
    db::in_ranges(&db::XID_START, first)
        && v[1..].iter().all(|&c| db::in_ranges(&db::XID_CONTINUE, c))
}

pub unsafe fn upper(s: *mut PyObject) -> *mut PyObject {
    let v = cps(s);
    let mut out = Vec::with_capacity(v.len());
    for &c in &v {
        push_upper(&mut out, c);
    }
    from_cps(&out)
}
pub unsafe fn lower(s: *mut PyObject) -> *mut PyObject {
    let v = cps(s);
    let mut out = Vec::with_capacity(v.len());
    for i in 0..v.len() {
        push_lower(&mut out, &v, i);
    }
    from_cps(&out)
}
pub unsafe fn casefold(s: *mut PyObject) -> *mut PyObject {
    let v = cps(s);
    let mut out = Vec::with_capacity(v.len());
    for &c in &v {
        match db::map_s(&db::CASEFOLD_SPECIAL, c) {
            Some(f) => out.extend(f.chars().map(|x| x as u32)),
            None => match db::map_s(&db::LOWER_SPECIAL, c) {
                Some(f) => out.extend(f.chars().map(|x| x as u32)),
                None => out.push(db::map1(&db::LOWER_MAP, c).unwrap_or(c)),
            },
        }
    }
    from_cps(&out)
}
pub unsafe fn swapcase(s: *mut PyObject) -> *mut PyObject {
    let v = cps(s);
    let mut out = Vec::with_capacity(v.len());
    for i in 0..v.len() {
        let c = v[i];
        if is_upper(c) {
            push_lower(&mut out, &v, i);
        } else if is_lower(c) {
            push_upper(&mut out, c);
        } else {
            out.push(c);
        }
    }
    from_cps(&out)
}
unsafe fn capitalize_or_title(s: *mut PyObject, title: bool) -> *mut PyObject {
    let v = cps(s);
    let mut out = Vec::with_capacity(v.len());
    let mut prev_cased = false;
    for i in 0..v.len() {
        let c = v[i];
        let first = if title { !prev_cased } else { i == 0 };
        if first {
            push_title(&mut out, c);
        } else {
            push_lower(&mut out, &v, i);
        }
        prev_cased = is_cased(c);
    }
    from_cps(&out)
}

/// The value of a decimal digit.
pub fn decimal_value(c: u32) -> Option<u32> {
    db::decimal_value(c)
}

/// Strip `chars` (NULL/None: whitespace) from the left (1), right (2) or both (3).
pub unsafe fn strip(
    s: *mut PyObject,
    chars: *mut PyObject,
    which: u8,
    name: &str,
) -> *mut PyObject {
    let v = cps(s);
    let set: Option<Vec<u32>> = if chars.is_null() || chars == none() {
        None
    } else if unicode::is_unicode(chars) {
        Some(cps(chars))
    } else {
        return crate::raise_null!(PyExc_TypeError, "{} arg must be None or str", name);
    };
    let strip_it = |c: u32| match &set {
        None => is_space(c),
        Some(s) => s.contains(&c),
    };
    let (a, b) = strip_span(&v, which, strip_it);
    if a == 0 && b == v.len() {
        return unicode::unicode_str(s);
    }
    from_cps(&v[a..b])
}

// ---- slots ---------------------------------------------------------------------

pub unsafe extern "C" fn unicode_concat_slot(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    concat(a, b)
}

pub unsafe extern "C" fn unicode_repeat(a: *mut PyObject, n: Py_ssize_t) -> *mut PyObject {
    if n <= 0 {
        return new_ref(unicode::empty());
    }
    let b = bytes_of(a);
    if n == 1 && unicode::is_unicode_exact(a) {
        return new_ref(a);
    }
    match b.len().checked_mul(n as usize) {
        Some(t) if t < isize::MAX as usize / 2 => from_wtf8_unchecked(&b.repeat(n as usize)),
        _ => crate::raise_null!(PyExc_OverflowError, "repeated string is too long"),
    }
}

pub unsafe extern "C" fn unicode_item(a: *mut PyObject, i: Py_ssize_t) -> *mut PyObject {
    let n = len(a) as Py_ssize_t;
    if i < 0 || i >= n {
        return crate::raise_null!(PyExc_IndexError, "string index out of range");
    }
    let c = unicode::char_at(a, i as usize);
    if c < 0x100 {
        return new_ref(unicode::latin1_char(c as u8));
    }
    from_cps(&[c])
}

pub unsafe extern "C" fn unicode_contains(a: *mut PyObject, x: *mut PyObject) -> c_int {
    if !unicode::is_unicode(x) {
        let _: PyResult<()> = crate::raise!(
            PyExc_TypeError,
            "'in <string>' requires string as left operand, not {}",
            type_name(x)
        );
        return -1;
    }
    let h = bytes_of(a);
    let n = bytes_of(x);
    // Byte search is exact for generalised UTF-8 (sequences are self-synchronising).
    (n.is_empty() || h.windows(n.len()).any(|w| w == n)) as c_int
}

/// Read a slice object's fields (CPython's `PySliceObject` layout).
#[repr(C)]
struct SliceFields {
    ob_base: PyObject,
    start: *mut PyObject,
    stop: *mut PyObject,
    step: *mut PyObject,
}

pub unsafe fn is_slice(o: *mut PyObject) -> bool {
    Py_TYPE(o) == &raw mut PySlice_Type
}

/// `PySlice_GetIndicesEx` over a slice object: (start, stop, step, slicelength).
pub unsafe fn slice_indices(
    o: *mut PyObject,
    length: Py_ssize_t,
) -> PyResult<(isize, isize, isize, isize)> {
    let s = &*(o as *const SliceFields);
    let val = |p: *mut PyObject| -> PyResult<Option<isize>> {
        if p.is_null() || p == none() {
            return Ok(None);
        }
        if !crate::protocols::number::index_check(p) {
            return crate::raise!(
                PyExc_TypeError,
                "slice indices must be integers or None or have an __index__ method"
            );
        }
        crate::protocols::number::as_ssize_t(p, null_mut()).map(Some)
    };
    let step = match val(s.step)? {
        None => 1,
        Some(0) => return crate::raise!(PyExc_ValueError, "slice step cannot be zero"),
        Some(v) => v.max(-isize::MAX),
    };
    let (lo_def, hi_def) = if step < 0 {
        (length - 1, -1)
    } else {
        (0, length)
    };
    let clamp = |v: Option<isize>, def: isize| -> isize {
        match v {
            None => def,
            Some(mut v) => {
                if v < 0 {
                    v += length;
                    if v < 0 {
                        v = if step < 0 { -1 } else { 0 };
                    }
                } else if v >= length {
                    v = if step < 0 { length - 1 } else { length };
                }
                v
            }
        }
    };
    let start = clamp(val(s.start)?, lo_def);
    let stop = clamp(val(s.stop)?, hi_def);
    let n = if step < 0 {
        if stop < start {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        }
    } else if start < stop {
        (stop - start - 1) / step + 1
    } else {
        0
    };
    Ok((start, stop, step, n))
}

pub unsafe extern "C" fn unicode_subscript(a: *mut PyObject, key: *mut PyObject) -> *mut PyObject {
    if crate::protocols::number::index_check(key) {
        let Ok(mut i) = crate::protocols::number::as_ssize_t(key, &raw mut PyExc_IndexError) else {
            return null_mut();
        };
        if i < 0 {
            i += len(a) as Py_ssize_t;
        }
        return unicode_item(a, i);
    }
    if is_slice(key) {
        let Ok((start, _stop, step, n)) = slice_indices(key, len(a) as Py_ssize_t) else {
            return null_mut();
        };
        if step == 1 {
            return unicode::substring(a, start as usize, (start + n) as usize);
        }
        let v = cps(a);
        let out: Vec<u32> = (0..n).map(|k| v[(start + k * step) as usize]).collect();
        return from_cps(&out);
    }
    crate::raise_null!(
        PyExc_TypeError,
        "string indices must be integers, not '{}'",
        type_name(key)
    )
}

pub unsafe extern "C" fn unicode_mod(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    if !unicode::is_unicode(a) {
        return new_ref(not_implemented());
    }
    crate::objects::unicode_format::format(a, b)
}

// ---- iteration ---------------------------------------------------------------------

#[repr(C)]
pub struct UnicodeIterObject {
    pub ob_base: PyObject,
    pub index: core::sync::atomic::AtomicIsize,
    pub seq: *mut PyObject,
}

pub unsafe extern "C" fn unicode_iter(o: *mut PyObject) -> *mut PyObject {
    let it = crate::alloc::new_object(
        &raw mut PyUnicodeIter_Type,
        UnicodeIterObject {
            ob_base: PyObject {
                ob_refcnt: 1,
                ob_type: null_mut(),
            },
            index: core::sync::atomic::AtomicIsize::new(0),
            seq: new_ref(o),
        },
    );
    if it.is_null() {
        Py_DECREF(o);
        return null_mut();
    }
    it as *mut PyObject
}

unsafe extern "C" fn unicodeiter_next(o: *mut PyObject) -> *mut PyObject {
    let it = &*(o as *const UnicodeIterObject);
    let i = it.index.fetch_add(1, core::sync::atomic::Ordering::Relaxed);
    if i >= len(it.seq) as isize {
        it.index
            .store(isize::MAX / 2, core::sync::atomic::Ordering::Relaxed);
        return null_mut();
    }
    unicode_item(it.seq, i)
}

unsafe extern "C" fn unicodeiter_dealloc(o: *mut PyObject) {
    Py_DECREF((*(o as *mut UnicodeIterObject)).seq);
    crate::alloc::free_via_type(o);
}

unsafe extern "C" fn unicodeiter_length_hint(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    let it = &*(o as *const UnicodeIterObject);
    let i = it.index.load(core::sync::atomic::Ordering::Relaxed);
    long::from_i64((len(it.seq) as isize - i).max(0) as i64)
}

static mut UNICODEITER_METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"__length_hint__".as_ptr(),
        ml_meth: Some(unicodeiter_length_hint),
        ml_flags: METH_NOARGS,
        ml_doc: c"Private method returning an estimate of len(list(it)).".as_ptr(),
    },
    PyMethodDef::SENTINEL,
];

// ---- Python-level methods -----------------------------------------------------------

/// `min..=max` positional arguments, with CPython's "expected at least/at most"
/// messages (bytes methods use it as it is).
pub(crate) unsafe fn nargs(
    name: &str,
    a: &[*mut PyObject],
    min: usize,
    max: usize,
) -> PyResult<()> {
    if a.len() < min {
        return crate::raise!(
            PyExc_TypeError,
            "{} expected at least {} argument{}, got {}",
            name,
            min,
            if min == 1 { "" } else { "s" },
            a.len()
        );
    }
    if a.len() > max {
        return crate::raise!(
            PyExc_TypeError,
            "{} expected at most {} argument{}, got {}",
            name,
            max,
            if max == 1 { "" } else { "s" },
            a.len()
        );
    }
    Ok(())
}

/// As `nargs`, but a fixed count says "takes exactly" as str methods do.
unsafe fn nargs_check(name: &str, a: &[*mut PyObject], min: usize, max: usize) -> PyResult<()> {
    if min == max && a.len() != min {
        return crate::raise!(
            PyExc_TypeError,
            "{}() takes exactly {} argument{} ({} given)",
            name,
            min,
            if min == 1 { "" } else { "s" },
            a.len()
        );
    }
    nargs(name, a, min, max)
}

unsafe fn str_arg(name: &str, n: usize, o: *mut PyObject) -> PyResult<*mut PyObject> {
    if unicode::is_unicode(o) {
        Ok(o)
    } else {
        crate::raise!(
            PyExc_TypeError,
            "{}() argument {} must be str, not {}",
            name,
            n,
            type_name(o)
        )
    }
}

/// Optional start/end argument `i` (missing or None: `def`); shared with bytes_ops.
pub(crate) unsafe fn opt_index(
    a: &[*mut PyObject],
    i: usize,
    def: Py_ssize_t,
) -> PyResult<Py_ssize_t> {
    match a.get(i) {
        None => Ok(def),
        Some(&p) if p == none() => Ok(def),
        Some(&p) => {
            if !crate::protocols::number::index_check(p) {
                return crate::raise!(
                    PyExc_TypeError,
                    "slice indices must be integers or None or have an __index__ method"
                );
            }
            crate::protocols::number::as_ssize_t(p, null_mut())
        }
    }
}

macro_rules! noargs {
    ($name:ident, $f:expr) => {
        unsafe extern "C" fn $name(s: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
            $f(s)
        }
    };
}
noargs!(m_upper, upper);
noargs!(m_lower, lower);
noargs!(m_casefold, casefold);
noargs!(m_swapcase, swapcase);
unsafe extern "C" fn m_title(s: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    capitalize_or_title(s, true)
}
unsafe extern "C" fn m_capitalize(s: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    capitalize_or_title(s, false)
}

macro_rules! predicate {
    ($name:ident, $empty:expr, $f:expr) => {
        unsafe extern "C" fn $name(s: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
            let v = cps(s);
            if v.is_empty() {
                return py_bool($empty);
            }
            let f: fn(u32, Option<char>) -> bool = $f;
            py_bool(v.iter().all(|&c| f(c, char::from_u32(c))))
        }
    };
}
predicate!(m_isascii, true, |c, _| c < 0x80);
predicate!(m_isspace, false, |c, _| is_space(c));
predicate!(m_isalpha, false, |c, _| db::in_ranges(&db::ALPHA, c));
predicate!(m_isalnum, false, |c, _| db::in_ranges(&db::ALPHA, c)
    || db::in_ranges(&db::DECIMAL, c)
    || db::in_ranges(&db::DIGIT, c)
    || db::in_ranges(&db::NUMERIC, c));
predicate!(m_isdecimal, false, |c, _| db::in_ranges(&db::DECIMAL, c));
predicate!(m_isdigit, false, |c, _| db::in_ranges(&db::DIGIT, c));
predicate!(m_isnumeric, false, |c, _| db::in_ranges(&db::NUMERIC, c));
predicate!(m_isprintable, true, |c, _| db::in_ranges(&db::PRINTABLE, c));

/// str.islower/isupper: at least one cased character, and every cased one of
/// case `want` (`other` and titlecase fail).
unsafe fn all_cased_as(
    s: *mut PyObject,
    want: fn(u32) -> bool,
    other: fn(u32) -> bool,
) -> *mut PyObject {
    let mut cased = false;
    for c in cps(s) {
        if other(c) || is_title(c) {
            return py_bool(false);
        }
        if want(c) {
            cased = true;
        }
    }
    py_bool(cased)
}
unsafe extern "C" fn m_islower(s: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    all_cased_as(s, is_lower, is_upper)
}
unsafe extern "C" fn m_isupper(s: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    all_cased_as(s, is_upper, is_lower)
}
unsafe extern "C" fn m_istitle(s: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    let mut cased = false;
    let mut prev = false;
    for c in cps(s) {
        if is_upper(c) || is_title(c) {
            if prev {
                return py_bool(false);
            }
            prev = true;
            cased = true;
        } else if is_lower(c) {
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
unsafe extern "C" fn m_isidentifier(s: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    py_bool(is_identifier(s))
}

unsafe extern "C" fn m_split(
    s: *mut PyObject,
    a: *mut PyObject,
    kw: *mut PyObject,
) -> *mut PyObject {
    split_common(s, a, kw, false)
}
unsafe extern "C" fn m_rsplit(
    s: *mut PyObject,
    a: *mut PyObject,
    kw: *mut PyObject,
) -> *mut PyObject {
    split_common(s, a, kw, true)
}
unsafe fn split_common(
    s: *mut PyObject,
    a: *mut PyObject,
    kw: *mut PyObject,
    right: bool,
) -> *mut PyObject {
    let a = args_slice(a);
    let name = if right { "rsplit" } else { "split" };
    if nargs_check(name, a, 0, 2).is_err() {
        return null_mut();
    }
    let mut sep = a.first().copied().unwrap_or(null_mut());
    let mut max = match a.get(1) {
        Some(&m) => match crate::protocols::number::as_ssize_t(m, &raw mut PyExc_OverflowError) {
            Ok(v) => v,
            Err(()) => return null_mut(),
        },
        None => -1,
    };
    if crate::objects::sequtil::check_keywords(name, kw, &["sep", "maxsplit"], a.len()).is_err() {
        return null_mut();
    }
    if !kw.is_null() {
        let k = crate::objects::dict::get_str(kw, "sep");
        if !k.is_null() {
            sep = k;
        }
        let m = crate::objects::dict::get_str(kw, "maxsplit");
        if !m.is_null() {
            match crate::protocols::number::as_ssize_t(m, &raw mut PyExc_OverflowError) {
                Ok(v) => max = v,
                Err(()) => return null_mut(),
            }
        }
    }
    if right {
        rsplit(s, sep, max)
    } else {
        split(s, sep, max)
    }
}
unsafe extern "C" fn m_splitlines(
    s: *mut PyObject,
    a: *mut PyObject,
    kw: *mut PyObject,
) -> *mut PyObject {
    let a = args_slice(a);
    let mut keep = a.first().copied().unwrap_or(null_mut());
    if crate::objects::sequtil::check_keywords("splitlines", kw, &["keepends"], a.len()).is_err() {
        return null_mut();
    }
    if !kw.is_null() {
        let k = crate::objects::dict::get_str(kw, "keepends");
        if !k.is_null() {
            keep = k;
        }
    }
    let k = if keep.is_null() {
        0
    } else {
        crate::protocols::object::is_true(keep)
    };
    if k < 0 {
        return null_mut();
    }
    splitlines(s, k == 1)
}
unsafe extern "C" fn m_join(s: *mut PyObject, seq: *mut PyObject) -> *mut PyObject {
    join(s, seq)
}
unsafe fn find_args(
    name: &str,
    a: *mut PyObject,
) -> PyResult<(*mut PyObject, Py_ssize_t, Py_ssize_t)> {
    let a = args_slice(a);
    nargs_check(name, a, 1, 3)?;
    let sub = a[0];
    if !unicode::is_unicode(sub) {
        return crate::raise!(PyExc_TypeError, "must be str, not {}", type_name(sub));
    }
    Ok((sub, opt_index(a, 1, 0)?, opt_index(a, 2, Py_ssize_t::MAX)?))
}
macro_rules! finder {
    ($name:ident, $pyname:literal, $dir:expr, $raise:expr) => {
        unsafe extern "C" fn $name(s: *mut PyObject, a: *mut PyObject) -> *mut PyObject {
            let Ok((sub, st, en)) = find_args($pyname, a) else {
                return null_mut();
            };
            let r = find(s, sub, st, en, $dir);
            if r < 0 && $raise {
                return crate::raise_null!(PyExc_ValueError, "substring not found");
            }
            long::from_i64(r as i64)
        }
    };
}
finder!(m_find, "find", 1, false);
finder!(m_rfind, "rfind", -1, false);
finder!(m_index, "index", 1, true);
finder!(m_rindex, "rindex", -1, true);
unsafe extern "C" fn m_count(s: *mut PyObject, a: *mut PyObject) -> *mut PyObject {
    let Ok((sub, st, en)) = find_args("count", a) else {
        return null_mut();
    };
    long::from_i64(count(s, sub, st, en) as i64)
}
unsafe extern "C" fn m_replace(s: *mut PyObject, a: *mut PyObject) -> *mut PyObject {
    let a = args_slice(a);
    if nargs_check("replace", a, 2, 3).is_err() {
        return null_mut();
    }
    if str_arg("replace", 1, a[0]).is_err() || str_arg("replace", 2, a[1]).is_err() {
        return null_mut();
    }
    let n = match a.get(2) {
        Some(&c) => match crate::protocols::number::as_ssize_t(c, &raw mut PyExc_OverflowError) {
            Ok(v) => v,
            Err(()) => return null_mut(),
        },
        None => -1,
    };
    replace(s, a[0], a[1], n)
}
unsafe fn startsend(s: *mut PyObject, a: *mut PyObject, dir: c_int, name: &str) -> *mut PyObject {
    let a = args_slice(a);
    if nargs_check(name, a, 1, 3).is_err() {
        return null_mut();
    }
    let (Ok(st), Ok(en)) = (opt_index(a, 1, 0), opt_index(a, 2, Py_ssize_t::MAX)) else {
        return null_mut();
    };
    let p = a[0];
    if tuple::is_tuple(p) {
        for &x in tuple::as_slice(p) {
            if !unicode::is_unicode(x) {
                return crate::raise_null!(
                    PyExc_TypeError,
                    "tuple for {} must only contain str, not {}",
                    name,
                    type_name(x)
                );
            }
            if tailmatch(s, x, st, en, dir) {
                return py_bool(true);
            }
        }
        return py_bool(false);
    }
    if !unicode::is_unicode(p) {
        return crate::raise_null!(
            PyExc_TypeError,
            "{} first arg must be str or a tuple of str, not {}",
            name,
            type_name(p)
        );
    }
    py_bool(tailmatch(s, p, st, en, dir))
}
unsafe extern "C" fn m_startswith(s: *mut PyObject, a: *mut PyObject) -> *mut PyObject {
    startsend(s, a, -1, "startswith")
}
unsafe extern "C" fn m_endswith(s: *mut PyObject, a: *mut PyObject) -> *mut PyObject {
    startsend(s, a, 1, "endswith")
}
macro_rules! stripper {
    ($name:ident, $pyname:literal, $which:expr) => {
        unsafe extern "C" fn $name(s: *mut PyObject, a: *mut PyObject) -> *mut PyObject {
            let a = args_slice(a);
            if nargs_check($pyname, a, 0, 1).is_err() {
                return null_mut();
            }
            strip(s, a.first().copied().unwrap_or(null_mut()), $which, $pyname)
        }
    };
}
stripper!(m_strip, "strip", 3);
stripper!(m_lstrip, "lstrip", 1);
stripper!(m_rstrip, "rstrip", 2);
unsafe extern "C" fn m_partition(s: *mut PyObject, sep: *mut PyObject) -> *mut PyObject {
    partition(s, sep, false)
}
unsafe extern "C" fn m_rpartition(s: *mut PyObject, sep: *mut PyObject) -> *mut PyObject {
    partition(s, sep, true)
}
unsafe extern "C" fn m_removeprefix(s: *mut PyObject, p: *mut PyObject) -> *mut PyObject {
    if str_arg("removeprefix", 1, p).is_err() {
        return null_mut();
    }
    let (b, pb) = (bytes_of(s), bytes_of(p));
    if b.starts_with(pb) {
        return from_wtf8_unchecked(&b[pb.len()..]);
    }
    unicode::unicode_str(s)
}
unsafe extern "C" fn m_removesuffix(s: *mut PyObject, p: *mut PyObject) -> *mut PyObject {
    if str_arg("removesuffix", 1, p).is_err() {
        return null_mut();
    }
    let (b, pb) = (bytes_of(s), bytes_of(p));
    if !pb.is_empty() && b.ends_with(pb) {
        return from_wtf8_unchecked(&b[..b.len() - pb.len()]);
    }
    unicode::unicode_str(s)
}
unsafe fn pad(s: *mut PyObject, a: *mut PyObject, name: &str, how: u8) -> *mut PyObject {
    let a = args_slice(a);
    if nargs_check(name, a, 1, 2).is_err() {
        return null_mut();
    }
    let Ok(width) = crate::protocols::number::as_ssize_t(a[0], &raw mut PyExc_OverflowError) else {
        return null_mut();
    };
    let fill = match a.get(1) {
        None => b' ' as u32,
        Some(&f) => {
            if !unicode::is_unicode(f) || len(f) != 1 {
                return crate::raise_null!(
                    PyExc_TypeError,
                    "The fill character must be exactly one character long"
                );
            }
            unicode::char_at(f, 0)
        }
    };
    let v = cps(s);
    if width <= v.len() as isize {
        return unicode::unicode_str(s);
    }
    let total = width as usize - v.len();
    let (l, r) = match how {
        b'l' => (0, total),
        b'r' => (total, 0),
        _ => {
            let left = total / 2 + (total & width as usize & 1);
            (left, total - left)
        }
    };
    let mut out = vec![fill; l];
    out.extend_from_slice(&v);
    out.extend(core::iter::repeat_n(fill, r));
    from_cps(&out)
}
unsafe extern "C" fn m_ljust(s: *mut PyObject, a: *mut PyObject) -> *mut PyObject {
    pad(s, a, "ljust", b'l')
}
unsafe extern "C" fn m_rjust(s: *mut PyObject, a: *mut PyObject) -> *mut PyObject {
    pad(s, a, "rjust", b'r')
}
unsafe extern "C" fn m_center(s: *mut PyObject, a: *mut PyObject) -> *mut PyObject {
    pad(s, a, "center", b'c')
}
unsafe extern "C" fn m_zfill(s: *mut PyObject, w: *mut PyObject) -> *mut PyObject {
    let Ok(width) = crate::protocols::number::as_ssize_t(w, &raw mut PyExc_OverflowError) else {
        return null_mut();
    };
    let v = cps(s);
    if width <= v.len() as isize {
        return unicode::unicode_str(s);
    }
    let fill = width as usize - v.len();
    let mut out = Vec::with_capacity(width as usize);
    let mut rest = &v[..];
    if let Some(&c) = v.first() {
        if c == b'+' as u32 || c == b'-' as u32 {
            out.push(c);
            rest = &v[1..];
        }
    }
    out.extend(core::iter::repeat_n(b'0' as u32, fill));
    out.extend_from_slice(rest);
    from_cps(&out)
}
/// The `encoding` and `errors` arguments of str.encode and bytes.decode (NULL:
/// not given; else they must be str): the encoding ("utf-8" by default) and the
/// error handler.
pub(crate) unsafe fn codec_names(
    fname: &str,
    enc: *mut PyObject,
    err: *mut PyObject,
) -> PyResult<(String, Option<String>)> {
    for (n, p) in [("'encoding'", enc), ("'errors'", err)] {
        if !p.is_null() && !unicode::is_unicode(p) {
            return crate::raise!(
                PyExc_TypeError,
                "{}() argument {} must be str, not {}",
                fname,
                n,
                type_name(p)
            );
        }
    }
    let enc = if enc.is_null() {
        "utf-8".to_string()
    } else {
        unicode::to_string_lossy(enc)
    };
    let err = if err.is_null() {
        None
    } else {
        Some(unicode::to_string_lossy(err))
    };
    Ok((enc, err))
}
unsafe extern "C" fn m_encode(
    s: *mut PyObject,
    a: *mut PyObject,
    kw: *mut PyObject,
) -> *mut PyObject {
    let a = args_slice(a);
    if nargs_check("encode", a, 0, 2).is_err() {
        return null_mut();
    }
    let mut enc = a.first().copied().unwrap_or(null_mut());
    let mut err = a.get(1).copied().unwrap_or(null_mut());
    if crate::objects::sequtil::check_keywords("encode", kw, &["encoding", "errors"], a.len())
        .is_err()
    {
        return null_mut();
    }
    if !kw.is_null() {
        let e = crate::objects::dict::get_str(kw, "encoding");
        if !e.is_null() {
            enc = e;
        }
        let e = crate::objects::dict::get_str(kw, "errors");
        if !e.is_null() {
            err = e;
        }
    }
    let Ok((enc_s, err_s)) = codec_names("encode", enc, err) else {
        return null_mut();
    };
    let r = crate::objects::codecs::encode_by_name(s, &enc_s, err_s.as_deref());
    if !r.is_null() && !crate::objects::bytes::is_bytes(r) {
        let t = type_name(r);
        Py_DECREF(r);
        return crate::raise_null!(
            PyExc_TypeError,
            "'{}' encoder returned '{}' instead of 'bytes'; use codecs.encode() to encode to arbitrary types",
            enc_s,
            t
        );
    }
    r
}
unsafe extern "C" fn m_expandtabs(s: *mut PyObject, a: *mut PyObject) -> *mut PyObject {
    let a = args_slice(a);
    let ts = match a.first() {
        Some(&t) => match crate::protocols::number::as_ssize_t(t, &raw mut PyExc_OverflowError) {
            Ok(v) => v,
            Err(()) => return null_mut(),
        },
        None => 8,
    };
    let mut out = Vec::new();
    let mut col = 0isize;
    for c in cps(s) {
        if c == 9 {
            if ts > 0 {
                let n = ts - col % ts;
                out.extend(core::iter::repeat_n(b' ' as u32, n as usize));
                col += n;
            }
        } else {
            out.push(c);
            col += 1;
            if c == 10 || c == 13 {
                col = 0;
            }
        }
    }
    from_cps(&out)
}
unsafe extern "C" fn m_getnewargs(s: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    let c = from_wtf8_unchecked(bytes_of(s));
    if c.is_null() {
        return c;
    }
    let t = tuple::pack(&[c]);
    Py_DECREF(c);
    t
}
unsafe extern "C" fn m_format_mod(s: *mut PyObject, a: *mut PyObject) -> *mut PyObject {
    crate::objects::unicode_format::format(s, a)
}

macro_rules! md {
    ($name:literal, $f:expr, $flags:expr) => {
        PyMethodDef {
            ml_name: $name.as_ptr(),
            ml_meth: Some(unsafe {
                core::mem::transmute::<*const (), PyCFunction>($f as *const ())
            }),
            ml_flags: $flags,
            ml_doc: core::ptr::null(),
        }
    };
}

static mut UNICODE_METHODS: [PyMethodDef; 51] = [
    md!(c"upper", m_upper, METH_NOARGS),
    md!(c"lower", m_lower, METH_NOARGS),
    md!(c"casefold", m_casefold, METH_NOARGS),
    md!(c"swapcase", m_swapcase, METH_NOARGS),
    md!(c"title", m_title, METH_NOARGS),
    md!(c"capitalize", m_capitalize, METH_NOARGS),
    md!(c"isascii", m_isascii, METH_NOARGS),
    md!(c"isspace", m_isspace, METH_NOARGS),
    md!(c"isalpha", m_isalpha, METH_NOARGS),
    md!(c"isalnum", m_isalnum, METH_NOARGS),
    md!(c"isdecimal", m_isdecimal, METH_NOARGS),
    md!(c"isdigit", m_isdigit, METH_NOARGS),
    md!(c"isnumeric", m_isnumeric, METH_NOARGS),
    md!(c"isprintable", m_isprintable, METH_NOARGS),
    md!(c"islower", m_islower, METH_NOARGS),
    md!(c"isupper", m_isupper, METH_NOARGS),
    md!(c"istitle", m_istitle, METH_NOARGS),
    md!(c"isidentifier", m_isidentifier, METH_NOARGS),
    md!(c"split", m_split, METH_VARARGS | METH_KEYWORDS),
    md!(c"rsplit", m_rsplit, METH_VARARGS | METH_KEYWORDS),
    md!(c"splitlines", m_splitlines, METH_VARARGS | METH_KEYWORDS),
    md!(c"join", m_join, METH_O),
    md!(c"find", m_find, METH_VARARGS),
    md!(c"rfind", m_rfind, METH_VARARGS),
    md!(c"index", m_index, METH_VARARGS),
    md!(c"rindex", m_rindex, METH_VARARGS),
    md!(c"count", m_count, METH_VARARGS),
    md!(c"replace", m_replace, METH_VARARGS),
    md!(c"startswith", m_startswith, METH_VARARGS),
    md!(c"endswith", m_endswith, METH_VARARGS),
    md!(c"strip", m_strip, METH_VARARGS),
    md!(c"lstrip", m_lstrip, METH_VARARGS),
    md!(c"rstrip", m_rstrip, METH_VARARGS),
    md!(c"partition", m_partition, METH_O),
    md!(c"rpartition", m_rpartition, METH_O),
    md!(c"removeprefix", m_removeprefix, METH_O),
    md!(c"removesuffix", m_removesuffix, METH_O),
    md!(c"ljust", m_ljust, METH_VARARGS),
    md!(c"rjust", m_rjust, METH_VARARGS),
    md!(c"center", m_center, METH_VARARGS),
    md!(c"zfill", m_zfill, METH_O),
    md!(c"encode", m_encode, METH_VARARGS | METH_KEYWORDS),
    md!(c"expandtabs", m_expandtabs, METH_VARARGS),
    md!(c"__getnewargs__", m_getnewargs, METH_NOARGS),
    PyMethodDef::SENTINEL,
    PyMethodDef::SENTINEL,
    PyMethodDef::SENTINEL,
    PyMethodDef::SENTINEL,
    PyMethodDef::SENTINEL,
    PyMethodDef::SENTINEL,
    PyMethodDef::SENTINEL,
];

static mut UNICODE_AS_NUMBER: PyNumberMethods = PyNumberMethods::EMPTY;

/// Fill in the slots this module provides (called from `unicode::init_type`'s
/// neighbour in `lifecycle`).
pub unsafe fn init_type() {
    let t = &raw mut PyUnicode_Type;
    (*t).tp_methods = (&raw mut UNICODE_METHODS).cast();
    (*t).tp_iter = Some(unicode_iter);
    if (*t).tp_new.is_none() {
        (*t).tp_new = Some(unicode_new);
    }
    UNICODE_AS_NUMBER.nb_remainder = Some(unicode_mod);
    (*t).tp_as_number = &raw mut UNICODE_AS_NUMBER;
    let _ = m_format_mod;
    let t = &raw mut PyUnicodeIter_Type;
    typeobject::init_builtin(
        t,
        c"str_iterator",
        core::mem::size_of::<UnicodeIterObject>(),
        0,
    );
    (*t).tp_iter = Some(crate::objects::iterobject::self_iter);
    (*t).tp_iternext = Some(unicodeiter_next);
    (*t).tp_dealloc = Some(unicodeiter_dealloc);
    (*t).tp_methods = (&raw mut UNICODEITER_METHODS).cast();
}

/// `str(object='')` / `str(bytes_or_buffer, encoding='utf-8', errors='strict')`.
pub unsafe extern "C" fn unicode_new(
    t: *mut PyTypeObject,
    args: *mut PyObject,
    kw: *mut PyObject,
) -> *mut PyObject {
    let a = args_slice(args);
    if a.len() > 3 {
        return crate::raise_null!(
            PyExc_TypeError,
            "str() takes at most 3 arguments ({} given)",
            a.len()
        );
    }
    let mut obj = a.first().copied().unwrap_or(null_mut());
    let mut enc = a.get(1).copied().unwrap_or(null_mut());
    let mut err = a.get(2).copied().unwrap_or(null_mut());
    if crate::objects::sequtil::check_keywords(
        "str",
        kw,
        &["object", "encoding", "errors"],
        a.len(),
    )
    .is_err()
    {
        return null_mut();
    }
    if !kw.is_null() {
        for (name, slot) in [
            ("object", &mut obj),
            ("encoding", &mut enc),
            ("errors", &mut err),
        ] {
            let v = crate::objects::dict::get_str(kw, name);
            if !v.is_null() {
                *slot = v;
            }
        }
    }
    for (n, p) in [("'encoding'", enc), ("'errors'", err)] {
        if !p.is_null() && !unicode::is_unicode(p) {
            return crate::raise_null!(
                PyExc_TypeError,
                "str() argument {} must be str, not {}",
                n,
                type_name(p)
            );
        }
    }
    let value = if obj.is_null() {
        new_ref(unicode::empty())
    } else if enc.is_null() && err.is_null() {
        crate::protocols::object::str(obj)
    } else {
        if unicode::is_unicode(obj) {
            return crate::raise_null!(PyExc_TypeError, "decoding str is not supported");
        }
        if !crate::protocols::buffer::check(obj) {
            return crate::raise_null!(
                PyExc_TypeError,
                "decoding to str: need a bytes-like object, {} found",
                type_name(obj)
            );
        }
        let data = match crate::protocols::buffer::bytes_of_buffer(obj) {
            Ok(d) => d,
            Err(()) => return null_mut(),
        };
        let e = if enc.is_null() {
            "utf-8".to_string()
        } else {
            unicode::to_string_lossy(enc)
        };
        let er = if err.is_null() {
            None
        } else {
            Some(unicode::to_string_lossy(err))
        };
        let r = crate::objects::codecs::decode_by_name(&data, &e, er.as_deref());
        if !r.is_null() && !unicode::is_unicode(r) {
            let tn = type_name(r);
            Py_DECREF(r);
            return crate::raise_null!(
                PyExc_TypeError,
                "'{}' decoder returned '{}' instead of 'str'; use codecs.decode() to decode to arbitrary types",
                e,
                tn
            );
        }
        r
    };
    if value.is_null() || t == &raw mut PyUnicode_Type {
        return value;
    }
    let value = Owned(value);
    let o = match (*t).tp_alloc {
        Some(f) => f(t, 0),
        None => crate::alloc::generic_alloc(t, 0),
    };
    if o.is_null() {
        return o;
    }
    if unicode::init_subclass_instance(o, bytes_of(value.as_ptr())).is_err() {
        Py_DECREF(o);
        return null_mut();
    }
    o
}
