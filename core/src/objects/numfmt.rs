//! `int.__format__` and `float.__format__`: the format specification
//! mini-language (`[[fill]align][sign][z][#][0][width][grouping][.precision][type]`).

use core::ptr::null_mut;

use crate::defs::*;
use crate::object::*;
use crate::objects::float_ops::{double_to_string, DTSF_ADD_DOT_0, DTSF_ALT, DTSF_NO_NEG_0};
use crate::objects::typeobject::tp_name;
use crate::objects::{float, long, unicode};

struct Spec {
    fill: char,
    align: Option<char>,
    sign: char,
    z: bool,
    alt: bool,
    width: usize,
    grouping: Option<char>,
    precision: Option<usize>,
    ty: Option<char>,
}

fn parse_spec(spec: &str, tyname: &str) -> Result<Spec, String> {
    let c: Vec<char> = spec.chars().collect();
    let mut i = 0;
    let mut s = Spec {
        fill: ' ',
        align: None,
        sign: '-',
        z: false,
        alt: false,
        width: 0,
        grouping: None,
        precision: None,
        ty: None,
    };
    let is_align = |ch: char| matches!(ch, '<' | '>' | '=' | '^');
    let mut fill_given = false;
    if c.len() >= 2 && is_align(c[1]) {
        s.fill = c[0];
        s.align = Some(c[1]);
        fill_given = true;
        i = 2;
    } else if !c.is_empty() && is_align(c[0]) {
        s.align = Some(c[0]);
        i = 1;
    }
    if i < c.len() && matches!(c[i], '+' | '-' | ' ') {
        s.sign = c[i];
        i += 1;
    }
    if i < c.len() && c[i] == 'z' {
        s.z = true;
        i += 1;
    }
    if i < c.len() && c[i] == '#' {
        s.alt = true;
        i += 1;
    }
    if i < c.len() && c[i] == '0' {
        if !fill_given {
            s.fill = '0';
        }
        if s.align.is_none() {
            s.align = Some('=');
        }
        i += 1;
    }
    let start = i;
    while i < c.len() && c[i].is_ascii_digit() {
        i += 1;
    }
    if i > start {
        let w: String = c[start..i].iter().collect();
        s.width = w
            .parse()
            .map_err(|_| "Too many decimal digits in format string".to_string())?;
    }
    if i < c.len() && (c[i] == ',' || c[i] == '_') {
        s.grouping = Some(c[i]);
        i += 1;
        if i < c.len() && (c[i] == ',' || c[i] == '_') {
            return Err(if c[i] == s.grouping.unwrap() {
                format!("Cannot specify '{}' with '{}'.", c[i], c[i])
            } else {
                "Cannot specify both ',' and '_'.".to_string()
            });
        }
    }
    if i < c.len() && c[i] == '.' {
        i += 1;
        let start = i;
        while i < c.len() && c[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return Err("Format specifier missing precision".to_string());
        }
        let p: String = c[start..i].iter().collect();
        s.precision = Some(
            p.parse()
                .map_err(|_| "Too many decimal digits in format string".to_string())?,
        );
    }
    if c.len() - i > 1 {
        return Err(format!(
            "Invalid format specifier '{}' for object of type '{}'",
            spec, tyname
        ));
    }
    if i < c.len() {
        s.ty = Some(c[i]);
    }
    if let (Some(g), Some(t)) = (s.grouping, s.ty) {
        let ok = match t {
            'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' => true,
            'b' | 'o' | 'x' | 'X' => g == '_',
            _ => false,
        };
        if !ok {
            return Err(format!("Cannot specify '{}' with '{}'.", g, t));
        }
    }
    Ok(s)
}

/// Insert `sep` every `every` digits from the right of `digits`.
fn group(digits: &str, sep: char, every: usize) -> String {
    let n = digits.len();
    let mut out = String::with_capacity(n + n / every);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (n - i).is_multiple_of(every) {
            out.push(sep);
        }
        out.push(ch);
    }
    out
}

/// Lay out `prefix` (sign and base prefix), the integer digits (grouped), and
/// `rest` (fraction, exponent, suffix) in the field.
fn layout(s: &Spec, prefix: &str, int_digits: &str, rest: &str, every: usize) -> String {
    let align = s.align.unwrap_or('>');
    let mut digits = int_digits.to_string();
    let grouped = |d: &str| match s.grouping {
        Some(g) => group(d, g, every),
        None => d.to_string(),
    };
    // Zero padding with '=' pads the digits themselves, grouped as digits.
    if align == '=' && s.fill == '0' && s.grouping.is_some() && !int_digits.is_empty() {
        loop {
            let len = prefix.chars().count() + grouped(&digits).len() + rest.chars().count();
            if len >= s.width {
                break;
            }
            digits.insert(0, '0');
        }
    }
    let body = format!("{}{}", grouped(&digits), rest);
    let len = prefix.chars().count() + body.chars().count();
    let pad = s.width.saturating_sub(len);
    let fill: String = core::iter::repeat_n(s.fill, pad).collect();
    match align {
        '<' => format!("{prefix}{body}{fill}"),
        '^' => {
            let left: String = core::iter::repeat_n(s.fill, pad / 2).collect();
            let right: String = core::iter::repeat_n(s.fill, pad - pad / 2).collect();
            format!("{left}{prefix}{body}{right}")
        }
        '=' => format!("{prefix}{fill}{body}"),
        _ => format!("{fill}{prefix}{body}"),
    }
}

fn sign_str(neg: bool, sign: char) -> &'static str {
    if neg {
        "-"
    } else {
        match sign {
            '+' => "+",
            ' ' => " ",
            _ => "",
        }
    }
}

unsafe fn format_float_value(v: f64, s: &Spec, tyname: &str) -> Result<String, String> {
    let (code, prec, mut flags, pct) = match s.ty {
        None => match s.precision {
            None => (b'r', 0, DTSF_ADD_DOT_0, false),
            Some(p) => (b'g', p.max(1), DTSF_ADD_DOT_0, false),
        },
        Some(t @ ('e' | 'E' | 'f' | 'F' | 'g' | 'G')) => {
            (t as u8, s.precision.unwrap_or(6), 0, false)
        }
        Some('n') => (b'g', s.precision.unwrap_or(6), 0, false),
        Some('%') => (b'f', s.precision.unwrap_or(6), 0, true),
        Some(t) => {
            return Err(format!(
                "Unknown format code '{}' for object of type '{}'",
                t, tyname
            ))
        }
    };
    if s.alt {
        flags |= DTSF_ALT;
    }
    if s.z {
        flags |= DTSF_NO_NEG_0;
    }
    let x = if pct { v * 100.0 } else { v };
    let (text, _) = double_to_string(x, code, prec as i32, flags).unwrap_or_default();
    let (neg, mag) = match text.strip_prefix('-') {
        Some(m) => (true, m.to_string()),
        None => (false, text),
    };
    let mag = if pct { mag + "%" } else { mag };
    // Split the integer digits (grouped) from the rest.
    let k = mag.find(|c: char| !c.is_ascii_digit()).unwrap_or(mag.len());
    let (int_part, rest) = mag.split_at(k);
    let int_part = if int_part.is_empty() { "" } else { int_part };
    Ok(layout(s, sign_str(neg, s.sign), int_part, rest, 3))
}

unsafe fn format_int(o: *mut PyObject, spec: &str) -> Result<String, (bool, String)> {
    let tyname = tp_name(Py_TYPE(o));
    let s = parse_spec(spec, tyname).map_err(|m| (false, m))?;
    let v = long::to_bigint(o);
    if let Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') = s.ty {
        let f = long::to_f64(o).map_err(|_| (true, String::new()))?;
        return format_float_value(f, &s, tyname).map_err(|m| (false, m));
    }
    if s.precision.is_some() {
        return Err((
            false,
            "Precision not allowed in integer format specifier".to_string(),
        ));
    }
    if s.z {
        return Err((
            false,
            "Negative zero coercion (z) not allowed in integer format specifier".to_string(),
        ));
    }
    let (radix, pfx, upper) = match s.ty {
        None | Some('d') | Some('n') => (10, "", false),
        Some('b') => (2, "0b", false),
        Some('o') => (8, "0o", false),
        Some('x') => (16, "0x", false),
        Some('X') => (16, "0X", true),
        Some('c') => {
            if s.sign != '-' {
                return Err((
                    false,
                    "Sign not allowed with integer format specifier 'c'".to_string(),
                ));
            }
            if s.alt {
                return Err((
                    false,
                    "Alternate form (#) not allowed with integer format specifier 'c'".to_string(),
                ));
            }
            let ch = num_traits::ToPrimitive::to_u32(&v)
                .filter(|&c| c < 0x110000)
                .ok_or_else(|| (false, String::new()))
                .map_err(|_| (false, "\u{0}overflow".to_string()))?;
            let text: String = match char::from_u32(ch) {
                Some(c) => c.to_string(),
                None => String::from_utf16_lossy(&[ch as u16]),
            };
            return Ok(layout(
                &Spec {
                    align: Some(s.align.unwrap_or('<')),
                    ..s
                },
                "",
                "",
                &text,
                3,
            ));
        }
        Some(t) => {
            return Err((
                false,
                format!(
                    "Unknown format code '{}' for object of type '{}'",
                    t, tyname
                ),
            ))
        }
    };
    let neg = v.sign() == num_bigint::Sign::Minus;
    let mut digits = v.magnitude().to_str_radix(radix);
    if upper {
        digits = digits.to_ascii_uppercase();
    }
    if radix == 10 {
        let limit = long::MAX_STR_DIGITS.load(core::sync::atomic::Ordering::Relaxed);
        if limit > 0 && digits.len() > limit {
            return Err((
                false,
                format!(
                    "\u{1}Exceeds the limit ({} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
                    limit
                ),
            ));
        }
    }
    let prefix = format!("{}{}", sign_str(neg, s.sign), if s.alt { pfx } else { "" });
    let every = if radix == 10 { 3 } else { 4 };
    Ok(layout(&s, &prefix, &digits, "", every))
}

unsafe fn spec_arg(arg: *mut PyObject) -> Option<String> {
    if unicode::is_unicode(arg) {
        Some(unicode::to_string_lossy(arg))
    } else {
        let _: PyResult<()> = crate::raise!(
            PyExc_TypeError,
            "__format__() argument must be str, not {}",
            tp_name(Py_TYPE(arg))
        );
        None
    }
}

/// `int.__format__(spec)`.
pub unsafe extern "C" fn int_format(o: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let Some(spec) = spec_arg(arg) else {
        return null_mut();
    };
    if spec.is_empty() {
        return crate::protocols::object::str(o);
    }
    match format_int(o, &spec) {
        Ok(s) => unicode::from_str(&s),
        Err((true, _)) => null_mut(),
        Err((false, m)) if m == "\u{0}overflow" => {
            crate::raise_null!(PyExc_OverflowError, "%c arg not in range(0x110000)")
        }
        Err((false, m)) if m.starts_with('\u{1}') => {
            crate::raise_null!(PyExc_ValueError, "{}", &m[1..])
        }
        Err((false, m)) => crate::raise_null!(PyExc_ValueError, "{}", m),
    }
}

/// `float.__format__(spec)`.
pub unsafe extern "C" fn float_format(o: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let Some(spec) = spec_arg(arg) else {
        return null_mut();
    };
    if spec.is_empty() {
        return crate::protocols::object::str(o);
    }
    let tyname = tp_name(Py_TYPE(o));
    let r = parse_spec(&spec, tyname).and_then(|s| {
        if matches!(s.ty, Some('c' | 'b' | 'o' | 'x' | 'X' | 'd'))
            || s.ty.is_some_and(|t| !"eEfFgGn%".contains(t))
        {
            return Err(format!(
                "Unknown format code '{}' for object of type '{}'",
                s.ty.unwrap(),
                tyname
            ));
        }
        format_float_value(float::value(o), &s, tyname)
    });
    match r {
        Ok(s) => unicode::from_str(&s),
        Err(m) => crate::raise_null!(PyExc_ValueError, "{}", m),
    }
}

/// One part of a complex number: sign handling as asked, digits grouped.
unsafe fn complex_part(
    v: f64,
    code: u8,
    prec: usize,
    flags: i32,
    s: &Spec,
    force_sign: bool,
) -> String {
    let (text, _) = double_to_string(v, code, prec as i32, flags).unwrap_or_default();
    let (neg, mag) = match text.strip_prefix('-') {
        Some(m) => (true, m.to_string()),
        None => (false, text),
    };
    let k = mag.find(|c: char| !c.is_ascii_digit()).unwrap_or(mag.len());
    let (int_part, rest) = mag.split_at(k);
    let int_part = match s.grouping {
        Some(g) if !int_part.is_empty() => group(int_part, g, 3),
        _ => int_part.to_string(),
    };
    let sign = if force_sign && !neg {
        "+"
    } else {
        sign_str(neg, s.sign)
    };
    format!("{sign}{int_part}{rest}")
}

/// `complex.__format__(spec)`.
pub unsafe extern "C" fn complex_format(o: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let Some(spec) = spec_arg(arg) else {
        return null_mut();
    };
    if spec.is_empty() {
        return crate::protocols::object::str(o);
    }
    let tyname = tp_name(Py_TYPE(o));
    let s = match parse_spec(&spec, tyname) {
        Ok(s) => s,
        Err(m) => return crate::raise_null!(PyExc_ValueError, "{}", m),
    };
    if s.fill == '0' {
        return crate::raise_null!(
            PyExc_ValueError,
            "Zero padding is not allowed in complex format specifier"
        );
    }
    if s.align == Some('=') {
        return crate::raise_null!(
            PyExc_ValueError,
            "'=' alignment flag is not allowed in complex format specifier"
        );
    }
    let (code, prec, parens) = match s.ty {
        None => match s.precision {
            None => (b'r', 0, true),
            Some(p) => (b'g', p.max(1), true),
        },
        Some(t @ ('e' | 'E' | 'f' | 'F' | 'g' | 'G')) => (t as u8, s.precision.unwrap_or(6), false),
        Some('n') => (b'g', s.precision.unwrap_or(6), false),
        Some(t) => {
            return crate::raise_null!(
                PyExc_ValueError,
                "Unknown format code '{}' for object of type '{}'",
                t,
                tyname
            )
        }
    };
    let mut flags = 0;
    if s.alt {
        flags |= DTSF_ALT;
    }
    if s.z {
        flags |= DTSF_NO_NEG_0;
    }
    let (re, im) = crate::objects::complex::parts(o);
    let skip_re = parens && re == 0.0 && re.is_sign_positive();
    let body = if skip_re {
        format!("{}j", complex_part(im, code, prec, flags, &s, false))
    } else {
        let r = complex_part(re, code, prec, flags, &s, false);
        let i = complex_part(im, code, prec, flags, &Spec { sign: '-', ..s }, true);
        if parens {
            format!("({r}{i}j)")
        } else {
            format!("{r}{i}j")
        }
    };
    let out = layout(
        &Spec {
            grouping: None,
            ..s
        },
        "",
        "",
        &body,
        3,
    );
    unicode::from_str(&out)
}

pub const COMPLEX_FORMAT_DEF: PyMethodDef = PyMethodDef {
    ml_name: c"__format__".as_ptr(),
    ml_meth: Some(complex_format),
    ml_flags: METH_O,
    ml_doc: c"Convert to a string according to format_spec.".as_ptr(),
};

/// `float.__getformat__(typestr)`.
pub unsafe extern "C" fn float_getformat(_t: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    if !unicode::is_unicode(arg) {
        return crate::raise_null!(
            PyExc_TypeError,
            "__getformat__() argument must be str, not {}",
            tp_name(Py_TYPE(arg))
        );
    }
    match unicode::to_string_lossy(arg).as_str() {
        "double" | "float" => unicode::from_str(if cfg!(target_endian = "little") {
            "IEEE, little-endian"
        } else {
            "IEEE, big-endian"
        }),
        _ => crate::raise_null!(
            PyExc_ValueError,
            "__getformat__() argument 1 must be 'double' or 'float'"
        ),
    }
}

pub const FLOAT_GETFORMAT_DEF: PyMethodDef = PyMethodDef {
    ml_name: c"__getformat__".as_ptr(),
    ml_meth: Some(float_getformat),
    ml_flags: METH_O | METH_CLASS,
    ml_doc: c"You probably don't want to use this function.".as_ptr(),
};

pub const INT_FORMAT_DEF: PyMethodDef = PyMethodDef {
    ml_name: c"__format__".as_ptr(),
    ml_meth: Some(int_format),
    ml_flags: METH_O,
    ml_doc: c"Convert to a string according to format_spec.".as_ptr(),
};

pub const FLOAT_FORMAT_DEF: PyMethodDef = PyMethodDef {
    ml_name: c"__format__".as_ptr(),
    ml_meth: Some(float_format),
    ml_flags: METH_O,
    ml_doc: c"Formats the float according to format_spec.".as_ptr(),
};
