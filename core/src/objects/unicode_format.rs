//! printf-style formatting of `str` (`str % args`, `PyUnicode_Format`).

use core::ptr::null_mut;

use crate::object::*;
use crate::objects::unicode::{self, push_wtf8};
use crate::objects::{float, long, tuple, typeobject};

unsafe fn tname(o: *mut PyObject) -> &'static str {
    typeobject::type_name(Py_TYPE(o))
}

/// Python's `%e`/`%f`/`%g` rendering of a double.
pub fn format_float(v: f64, conv: u8, prec: usize, alt: bool) -> String {
    if v.is_nan() {
        return if conv.is_ascii_uppercase() {
            "NAN"
        } else {
            "nan"
        }
        .into();
    }
    if v.is_infinite() {
        let s = if v < 0.0 { "-inf" } else { "inf" };
        return if conv.is_ascii_uppercase() {
            s.to_uppercase()
        } else {
            s.into()
        };
    }
    let exp_form = |v: f64, p: usize| -> String {
        let s = format!("{:.*e}", p, v);
        let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
        let e: i32 = e.parse().unwrap_or(0);
        let mut m = m.to_string();
        if alt && p == 0 {
            m.push('.');
        }
        format!("{}e{}{:02}", m, if e < 0 { '-' } else { '+' }, e.abs())
    };
    let r = match conv.to_ascii_lowercase() {
        b'f' => {
            let mut s = format!("{:.*}", prec, v);
            if alt && prec == 0 {
                s.push('.');
            }
            s
        }
        b'e' => exp_form(v, prec),
        _ => {
            let p = if prec == 0 { 1 } else { prec };
            let exp = if v == 0.0 {
                0
            } else {
                let s = format!("{:.*e}", p - 1, v);
                s.split_once('e')
                    .map(|(_, e)| e.parse::<i32>().unwrap_or(0))
                    .unwrap_or(0)
            };
            let mut s = if exp < -4 || exp >= p as i32 {
                exp_form(v, p - 1)
            } else {
                format!("{:.*}", (p as i32 - 1 - exp).max(0) as usize, v)
            };
            if !alt {
                // strip trailing zeros of the fraction
                let (mant, rest) = match s.find('e') {
                    Some(i) => (s[..i].to_string(), s[i..].to_string()),
                    None => (s.clone(), String::new()),
                };
                let mant = if mant.contains('.') {
                    mant.trim_end_matches('0').trim_end_matches('.').to_string()
                } else {
                    mant
                };
                s = mant + &rest;
            }
            s
        }
    };
    if conv.is_ascii_uppercase() {
        r.to_uppercase()
    } else {
        r
    }
}

#[derive(Clone, Copy)]
struct Spec {
    left: bool,
    plus: bool,
    space: bool,
    alt: bool,
    zero: bool,
    width: Option<usize>,
    prec: Option<usize>,
}

fn pad_num(sign: &str, prefix: &str, digits: &str, sp: &Spec) -> String {
    let body_len = sign.len() + prefix.len() + digits.chars().count();
    let w = sp.width.unwrap_or(0);
    if body_len >= w {
        return format!("{sign}{prefix}{digits}");
    }
    let fill = w - body_len;
    if sp.left {
        format!("{sign}{prefix}{digits}{}", " ".repeat(fill))
    } else if sp.zero {
        format!("{sign}{prefix}{}{digits}", "0".repeat(fill))
    } else {
        format!("{}{sign}{prefix}{digits}", " ".repeat(fill))
    }
}

/// `format % args`.
pub unsafe fn format(fmt: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    if fmt.is_null() || args.is_null() || !unicode::is_unicode(fmt) {
        crate::errors::bad_internal_call();
        return null_mut();
    }
    let f: Vec<u32> = unicode::decode_wtf8(unicode::bytes_of(fmt)).collect();
    let is_tuple = tuple::is_tuple(args);
    let items: Vec<*mut PyObject> = if is_tuple {
        tuple::as_slice(args).to_vec()
    } else {
        vec![args]
    };
    let is_mapping = !is_tuple
        && !unicode::is_unicode(args)
        && !(*Py_TYPE(args)).tp_as_mapping.is_null()
        && (*(*Py_TYPE(args)).tp_as_mapping).mp_subscript.is_some();
    let mut argi = 0usize;
    let mut used_mapping = false;
    let mut out: Vec<u8> = Vec::with_capacity(f.len());
    let mut i = 0;
    let next_arg = |argi: &mut usize| -> PyResult<*mut PyObject> {
        if *argi < items.len() {
            *argi += 1;
            Ok(items[*argi - 1])
        } else {
            crate::raise!(
                PyExc_TypeError,
                "not enough arguments for format string (got {})",
                items.len()
            )
        }
    };
    let mut keep: Vec<Owned> = Vec::new();
    while i < f.len() {
        if f[i] != b'%' as u32 {
            push_wtf8(&mut out, f[i]);
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        let mut arg: *mut PyObject = null_mut();
        let mut desc = String::new();
        if i < f.len() && f[i] == b'(' as u32 {
            if !is_mapping {
                return crate::raise_null!(
                    PyExc_TypeError,
                    "format requires a mapping, not {}",
                    tname(args)
                );
            }
            let mut depth = 1;
            let ks = i + 1;
            i += 1;
            while i < f.len() && depth > 0 {
                if f[i] == b'(' as u32 {
                    depth += 1;
                } else if f[i] == b')' as u32 {
                    depth -= 1;
                }
                i += 1;
            }
            if depth > 0 {
                return crate::raise_null!(PyExc_ValueError, "incomplete format key");
            }
            let key = crate::objects::unicode_ops::from_cps(&f[ks..i - 1]);
            if key.is_null() {
                return key;
            }
            let v = crate::protocols::object::get_item(args, key);
            Py_DECREF(key);
            if v.is_null() {
                return v;
            }
            desc = format!("format argument {}", {
                let k = Owned(crate::objects::unicode_ops::from_cps(&f[ks..i - 1]));
                unicode::repr_string(k.as_ptr())
            });
            keep.push(Owned(v));
            arg = v;
            used_mapping = true;
        }
        let mut sp = Spec {
            left: false,
            plus: false,
            space: false,
            alt: false,
            zero: false,
            width: None,
            prec: None,
        };
        while i < f.len() {
            match f[i] {
                0x2D => sp.left = true,
                0x2B => sp.plus = true,
                0x20 => sp.space = true,
                0x23 => sp.alt = true,
                0x30 => sp.zero = true,
                _ => break,
            }
            i += 1;
        }
        let read_num = |i: &mut usize, argi: &mut usize| -> PyResult<Option<i64>> {
            if *i < f.len() && f[*i] == b'*' as u32 {
                *i += 1;
                let a = next_arg(argi)?;
                if !long::is_long(a) {
                    let d = if is_tuple {
                        format!("format argument {}", *argi)
                    } else {
                        "format argument".to_string()
                    };
                    return crate::raise!(
                        PyExc_TypeError,
                        "{}: * requires int, not {}",
                        d,
                        tname(a)
                    );
                }
                return Ok(Some(long::to_i64(a).unwrap_or(i64::MAX)));
            }
            let mut n: Option<i64> = None;
            while *i < f.len() && (b'0' as u32..=b'9' as u32).contains(&f[*i]) {
                n = Some(
                    n.unwrap_or(0)
                        .saturating_mul(10)
                        .saturating_add((f[*i] - b'0' as u32) as i64),
                );
                *i += 1;
            }
            Ok(n)
        };
        match read_num(&mut i, &mut argi) {
            Ok(Some(v)) if v < 0 => {
                sp.left = true;
                sp.width = Some(v.unsigned_abs() as usize);
            }
            Ok(v) => sp.width = v.map(|v| v as usize),
            Err(()) => return null_mut(),
        }
        if i < f.len() && f[i] == b'.' as u32 {
            i += 1;
            match read_num(&mut i, &mut argi) {
                Ok(v) => sp.prec = Some(v.unwrap_or(0).max(0) as usize),
                Err(()) => return null_mut(),
            }
        }
        while i < f.len() && matches!(f[i], 0x68 | 0x6C | 0x4C) {
            i += 1;
        }
        if i >= f.len() {
            return crate::raise_null!(PyExc_ValueError, "stray % at position {}", start);
        }
        let conv = f[i];
        i += 1;
        if conv == b'%' as u32 {
            out.push(b'%');
            continue;
        }
        if arg.is_null() {
            arg = match next_arg(&mut argi) {
                Ok(a) => a,
                Err(()) => return null_mut(),
            };
            desc = if is_tuple {
                format!("format argument {}", argi)
            } else {
                "format argument".to_string()
            };
        }
        let piece: String;
        match conv as u8 {
            b's' | b'r' | b'a' => {
                let s = match conv as u8 {
                    b's' => crate::protocols::object::str(arg),
                    b'r' => crate::protocols::object::repr(arg),
                    _ => crate::protocols::object::ascii(arg),
                };
                if s.is_null() {
                    return s;
                }
                let s = Owned(s);
                let mut cp: Vec<u32> =
                    unicode::decode_wtf8(unicode::bytes_of(s.as_ptr())).collect();
                if let Some(p) = sp.prec {
                    cp.truncate(p);
                }
                let w = sp.width.unwrap_or(0);
                let fill = w.saturating_sub(cp.len());
                if !sp.left {
                    out.extend(core::iter::repeat_n(b' ', fill));
                }
                for c in cp {
                    push_wtf8(&mut out, c);
                }
                if sp.left {
                    out.extend(core::iter::repeat_n(b' ', fill));
                }
                continue;
            }
            b'c' => {
                let c = if unicode::is_unicode(arg) {
                    if unicode::as_unicode(arg).length != 1 {
                        return crate::raise_null!(
                            PyExc_TypeError,
                            "{}: %c requires an integer or a unicode character, not a string of length {}",
                            desc,
                            unicode::as_unicode(arg).length
                        );
                    }
                    unicode::char_at(arg, 0)
                } else if long::is_long(arg) {
                    match long::to_i64(arg) {
                        Some(v) if (0..=0x10FFFF).contains(&v) => v as u32,
                        _ => {
                            return crate::raise_null!(
                                PyExc_OverflowError,
                                "{}: %c argument not in range(0x110000)",
                                desc
                            )
                        }
                    }
                } else {
                    return crate::raise_null!(
                        PyExc_TypeError,
                        "{}: %c requires an integer or a unicode character, not {}",
                        desc,
                        tname(arg)
                    );
                };
                let w = sp.width.unwrap_or(0);
                let fill = w.saturating_sub(1);
                if !sp.left {
                    out.extend(core::iter::repeat_n(b' ', fill));
                }
                push_wtf8(&mut out, c);
                if sp.left {
                    out.extend(core::iter::repeat_n(b' ', fill));
                }
                continue;
            }
            b'd' | b'i' | b'u' | b'x' | b'X' | b'o' => {
                let c = conv as u8;
                let n = if long::is_long(arg) {
                    Owned::from_borrowed(arg)
                } else if float::is_float(arg) && matches!(c, b'd' | b'i' | b'u') {
                    let v = float::value(arg);
                    if !v.is_finite() {
                        return crate::raise_null!(
                            PyExc_OverflowError,
                            "cannot convert float {} to integer",
                            if v.is_nan() { "NaN" } else { "infinity" }
                        );
                    }
                    match Owned::from_new(long::from_bigint(num_bigint::BigInt::from(
                        v.trunc() as i128
                    ))) {
                        Some(o) => o,
                        None => return null_mut(),
                    }
                } else if crate::protocols::number::index_check(arg) {
                    match Owned::from_new(crate::protocols::number::index(arg)) {
                        Some(o) => o,
                        None => return null_mut(),
                    }
                } else {
                    let what = if matches!(c, b'd' | b'i' | b'u') {
                        "a real number"
                    } else {
                        "an integer"
                    };
                    return crate::raise_null!(
                        PyExc_TypeError,
                        "{}: %{} requires {}, not {}",
                        desc,
                        c as char,
                        what,
                        tname(arg)
                    );
                };
                let v = long::to_bigint(n.as_ptr());
                let neg = v.sign() == num_bigint::Sign::Minus;
                let mag = if neg { -v } else { v };
                let mut digits = match c {
                    b'x' => mag.to_str_radix(16),
                    b'X' => mag.to_str_radix(16).to_uppercase(),
                    b'o' => mag.to_str_radix(8),
                    _ => mag.to_str_radix(10),
                };
                if let Some(p) = sp.prec {
                    if digits.len() < p {
                        digits = "0".repeat(p - digits.len()) + &digits;
                    }
                }
                let sign = if neg {
                    "-"
                } else if sp.plus {
                    "+"
                } else if sp.space {
                    " "
                } else {
                    ""
                };
                let prefix = if sp.alt {
                    match c {
                        b'x' => "0x",
                        b'X' => "0X",
                        b'o' => "0o",
                        _ => "",
                    }
                } else {
                    ""
                };
                piece = pad_num(sign, prefix, &digits, &sp);
            }
            b'e' | b'E' | b'f' | b'F' | b'g' | b'G' => {
                let v = match float::as_f64(arg) {
                    Ok(v) => v,
                    Err(()) => {
                        if !float::is_float(arg) && !long::is_long(arg) {
                            crate::errors::clear();
                            return crate::raise_null!(
                                PyExc_TypeError,
                                "{}: %{} requires a real number, not {}",
                                desc,
                                conv as u8 as char,
                                tname(arg)
                            );
                        }
                        return null_mut();
                    }
                };
                let s = format_float(v.abs(), conv as u8, sp.prec.unwrap_or(6), sp.alt);
                let neg = v.is_sign_negative() && !v.is_nan();
                let sign = if neg {
                    "-"
                } else if sp.plus {
                    "+"
                } else if sp.space {
                    " "
                } else {
                    ""
                };
                let mut sp2 = sp;
                if !v.is_finite() {
                    sp2.zero = false;
                }
                piece = pad_num(sign, "", &s, &sp2);
            }
            _ => {
                let ch = conv;
                let pos = i - 1;
                let c = char::from_u32(ch);
                return match c {
                    Some(c) if c.is_ascii_alphabetic() => crate::raise_null!(
                        PyExc_ValueError,
                        "unsupported format %{} at position {}",
                        c,
                        start
                    ),
                    Some('\'') => crate::raise_null!(
                        PyExc_ValueError,
                        "stray % at position {} or unexpected format character \"'\" at position {}",
                        start,
                        pos
                    ),
                    Some(c) if (' '..='~').contains(&c) => crate::raise_null!(
                        PyExc_ValueError,
                        "stray % at position {} or unexpected format character '{}' at position {}",
                        start,
                        c,
                        pos
                    ),
                    Some(c) if unicode::is_printable(ch) => crate::raise_null!(
                        PyExc_ValueError,
                        "stray % at position {} or unexpected format character '{}' (U+{:04X}) at position {}",
                        start,
                        c,
                        ch,
                        pos
                    ),
                    _ => crate::raise_null!(
                        PyExc_ValueError,
                        "stray % at position {} or unexpected format character U+{:04X} at position {}",
                        start,
                        ch,
                        pos
                    ),
                };
            }
        }
        let _ = start;
        out.extend_from_slice(piece.as_bytes());
    }
    if argi < items.len() && !is_mapping && !used_mapping {
        return crate::raise_null!(
            PyExc_TypeError,
            "not all arguments converted during string formatting (required {}, got {})",
            argi,
            items.len()
        );
    }
    drop(keep);
    unicode::from_wtf8_unchecked(&out)
}
