//! `float` arithmetic (the `nb_*` slots), methods, the constructor, and the
//! text conversions behind `PyOS_double_to_string` / `PyOS_string_to_double`.

use core::ffi::c_void;
use core::ptr::null_mut;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Zero};

use crate::defs::*;
use crate::exported::*;
use crate::object::*;
use crate::objects::float::{from_f64, is_float, value, FloatObject};
use crate::objects::typeobject::tp_name;
use crate::objects::{long, long_ops, tuple, unicode};
use crate::typeobj::*;

/// An operand as a double: floats, ints (OverflowError when too large), else
/// `Ok(None)` (NotImplemented).
unsafe fn operand(o: *mut PyObject) -> PyResult<Option<f64>> {
    if is_float(o) {
        Ok(Some(value(o)))
    } else if long::is_long(o) {
        long::to_f64(o).map(Some)
    } else {
        Ok(None)
    }
}

macro_rules! operands {
    ($a:expr, $b:expr) => {
        match (operand($a), operand($b)) {
            (Ok(Some(x)), Ok(Some(y))) => (x, y),
            (Err(()), _) | (_, Err(())) => return null_mut(),
            _ => return new_ref(not_implemented()),
        }
    };
}

unsafe extern "C" fn float_add(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    let (x, y) = operands!(a, b);
    from_f64(x + y)
}
unsafe extern "C" fn float_sub(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    let (x, y) = operands!(a, b);
    from_f64(x - y)
}
unsafe extern "C" fn float_mul(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    let (x, y) = operands!(a, b);
    from_f64(x * y)
}
unsafe extern "C" fn float_div(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    let (x, y) = operands!(a, b);
    if y == 0.0 {
        return crate::raise_null!(PyExc_ZeroDivisionError, "division by zero");
    }
    from_f64(x / y)
}

/// Python's float divmod: the remainder takes the divisor's sign.
pub fn divmod_f64(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

unsafe extern "C" fn float_floordiv(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    let (x, y) = operands!(a, b);
    if y == 0.0 {
        return crate::raise_null!(PyExc_ZeroDivisionError, "division by zero");
    }
    from_f64(divmod_f64(x, y).0)
}
unsafe extern "C" fn float_mod(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    let (x, y) = operands!(a, b);
    if y == 0.0 {
        return crate::raise_null!(PyExc_ZeroDivisionError, "division by zero");
    }
    let mut m = x % y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
        }
    } else {
        m = 0f64.copysign(y);
    }
    from_f64(m)
}
unsafe extern "C" fn float_divmod(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    let (x, y) = operands!(a, b);
    if y == 0.0 {
        return crate::raise_null!(PyExc_ZeroDivisionError, "division by zero");
    }
    let (q, r) = divmod_f64(x, y);
    let q = from_f64(q);
    let r = from_f64(r);
    let t = tuple::from_slice(&[q, r]);
    Py_DECREF(q);
    Py_DECREF(r);
    t
}

fn is_odd_integer(v: f64) -> bool {
    v.is_finite() && v % 2.0 == 1.0 || v % 2.0 == -1.0
}

/// Raise OverflowError(34, 'Numerical result out of range') as CPython's libm
/// error path does.
pub unsafe fn raise_erange() {
    let n = long::from_i64(34);
    let s = unicode::from_str("Numerical result out of range");
    let t = tuple::from_slice(&[n, s]);
    Py_DECREF(n);
    Py_DECREF(s);
    crate::errors::set_object(
        crate::objects::exceptions::exc(&raw mut PyExc_OverflowError),
        t,
    );
    Py_DECREF(t);
}

/// `x ** y` for doubles with CPython's special cases; a negative base with a
/// fractional exponent gives a complex.
pub unsafe fn float_pow_values(iv: f64, iw: f64) -> *mut PyObject {
    if iw == 0.0 {
        return from_f64(1.0);
    }
    if iv.is_nan() {
        return from_f64(iv);
    }
    if iw.is_nan() {
        return from_f64(if iv == 1.0 { 1.0 } else { iw });
    }
    if iw.is_infinite() {
        let a = iv.abs();
        if a == 1.0 {
            return from_f64(1.0);
        }
        return from_f64(if (iw > 0.0) == (a > 1.0) {
            iw.abs()
        } else {
            0.0
        });
    }
    if iv.is_infinite() {
        let odd = is_odd_integer(iw);
        return from_f64(if iw > 0.0 {
            if odd {
                iv
            } else {
                iv.abs()
            }
        } else if odd {
            0f64.copysign(iv)
        } else {
            0.0
        });
    }
    if iv == 0.0 {
        let odd = is_odd_integer(iw);
        if iw < 0.0 {
            return crate::raise_null!(PyExc_ZeroDivisionError, "zero to a negative power");
        }
        return from_f64(if odd { iv } else { 0.0 });
    }
    let mut base = iv;
    let mut negate = false;
    if iv < 0.0 {
        if iw != iw.floor() {
            return crate::objects::complex::pow_values((iv, 0.0), (iw, 0.0));
        }
        base = -iv;
        negate = is_odd_integer(iw);
    }
    if base == 1.0 {
        return from_f64(if negate { -1.0 } else { 1.0 });
    }
    let r = base.powf(iw);
    if r.is_infinite() {
        raise_erange();
        return null_mut();
    }
    from_f64(if negate { -r } else { r })
}

unsafe extern "C" fn float_pow(
    a: *mut PyObject,
    b: *mut PyObject,
    m: *mut PyObject,
) -> *mut PyObject {
    if !m.is_null() && m != none() {
        return crate::raise_null!(
            PyExc_TypeError,
            "pow() 3rd argument not allowed unless all arguments are integers"
        );
    }
    let (x, y) = operands!(a, b);
    float_pow_values(x, y)
}

unsafe extern "C" fn float_neg(a: *mut PyObject) -> *mut PyObject {
    from_f64(-value(a))
}
unsafe extern "C" fn float_pos(a: *mut PyObject) -> *mut PyObject {
    float_float(a)
}
unsafe extern "C" fn float_abs(a: *mut PyObject) -> *mut PyObject {
    from_f64(value(a).abs())
}
unsafe extern "C" fn float_bool(a: *mut PyObject) -> core::ffi::c_int {
    (value(a) != 0.0) as core::ffi::c_int
}
unsafe extern "C" fn float_int(a: *mut PyObject) -> *mut PyObject {
    long_ops::from_f64(value(a))
}
unsafe extern "C" fn float_float(a: *mut PyObject) -> *mut PyObject {
    if Py_TYPE(a) == &raw mut PyFloat_Type {
        new_ref(a)
    } else {
        from_f64(value(a))
    }
}

pub static mut FLOAT_AS_NUMBER: PyNumberMethods = PyNumberMethods {
    nb_add: Some(float_add),
    nb_subtract: Some(float_sub),
    nb_multiply: Some(float_mul),
    nb_remainder: Some(float_mod),
    nb_divmod: Some(float_divmod),
    nb_power: Some(float_pow),
    nb_negative: Some(float_neg),
    nb_positive: Some(float_pos),
    nb_absolute: Some(float_abs),
    nb_bool: Some(float_bool),
    nb_int: Some(float_int),
    nb_float: Some(float_float),
    nb_floor_divide: Some(float_floordiv),
    nb_true_divide: Some(float_div),
    ..PyNumberMethods::EMPTY
};

// ---------------------------------------------------------------- parsing

/// Parse the longest float literal at the start of `s` (no whitespace, no
/// underscores): `(value, bytes used)`; `None` when there is no number.
pub fn parse_float_prefix(s: &[u8]) -> Option<(f64, usize)> {
    let mut i = 0;
    let mut neg = false;
    if i < s.len() && (s[i] == b'+' || s[i] == b'-') {
        neg = s[i] == b'-';
        i += 1;
    }
    let rest = &s[i..];
    let lower = |n: usize| -> String {
        rest[..n.min(rest.len())]
            .iter()
            .map(|c| c.to_ascii_lowercase() as char)
            .collect()
    };
    if lower(8) == "infinity" {
        return Some((
            if neg {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            },
            i + 8,
        ));
    }
    if lower(3) == "inf" {
        return Some((
            if neg {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            },
            i + 3,
        ));
    }
    if lower(3) == "nan" {
        return Some((if neg { -f64::NAN } else { f64::NAN }, i + 3));
    }
    let start = i;
    let mut nd = 0;
    while i < s.len() && s[i].is_ascii_digit() {
        i += 1;
        nd += 1;
    }
    if i < s.len() && s[i] == b'.' {
        i += 1;
        while i < s.len() && s[i].is_ascii_digit() {
            i += 1;
            nd += 1;
        }
    }
    if nd == 0 {
        return None;
    }
    if i < s.len() && (s[i] == b'e' || s[i] == b'E') {
        let mut j = i + 1;
        if j < s.len() && (s[j] == b'+' || s[j] == b'-') {
            j += 1;
        }
        if j < s.len() && s[j].is_ascii_digit() {
            while j < s.len() && s[j].is_ascii_digit() {
                j += 1;
            }
            i = j;
        }
    }
    let text = core::str::from_utf8(&s[start..i]).ok()?;
    let v: f64 = text.parse().ok()?;
    Some((if neg { -v } else { v }, i))
}

/// `float(str)`: whitespace around, single underscores between digits.
pub fn parse_float_text(s: &str) -> Option<f64> {
    let t = long_ops::to_ascii_number_text(s);
    let t = t.trim_matches(|c: char| {
        c.is_ascii_whitespace() || c == '\x0b' || ('\x1c'..='\x1f').contains(&c)
    });
    let b = t.as_bytes();
    let mut clean = Vec::with_capacity(b.len());
    for (i, &c) in b.iter().enumerate() {
        if c == b'_' {
            let ok =
                i > 0 && i + 1 < b.len() && b[i - 1].is_ascii_digit() && b[i + 1].is_ascii_digit();
            if !ok {
                return None;
            }
            continue;
        }
        clean.push(c);
    }
    match parse_float_prefix(&clean) {
        Some((v, n)) if n == clean.len() => Some(v),
        _ => None,
    }
}

/// `PyFloat_FromString` / `float(str)`.
pub unsafe fn from_string_object(o: *mut PyObject) -> *mut PyObject {
    let text: String = if unicode::is_unicode(o) {
        unicode::to_string_lossy(o)
    } else if let Some(b) = crate::protocols::number::buffer_bytes(o) {
        match b {
            Ok(b) => String::from_utf8_lossy(&b).into_owned(),
            Err(()) => return null_mut(),
        }
    } else {
        return crate::raise_null!(
            PyExc_TypeError,
            "float() argument must be a string or a real number, not '{}'",
            tp_name(Py_TYPE(o))
        );
    };
    match parse_float_text(&text) {
        Some(v) => from_f64(v),
        None => {
            let r = unicode::repr_string(o);
            crate::raise_null!(PyExc_ValueError, "could not convert string to float: {}", r)
        }
    }
}

// ---------------------------------------------------------------- formatting

pub const DTSF_SIGN: i32 = 1;
pub const DTSF_ADD_DOT_0: i32 = 2;
pub const DTSF_ALT: i32 = 4;
pub const DTSF_NO_NEG_0: i32 = 8;

/// Split Rust's `{:.*e}` output into digits and exponent.
fn sci(v: f64, prec: usize) -> (String, i32) {
    let e = format!("{:.*e}", prec, v);
    let (m, x) = e.split_once('e').unwrap();
    (m.to_string(), x.parse().unwrap())
}

fn exp_str(e: i32) -> String {
    format!("e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs())
}

/// The body of `PyOS_double_to_string` for a finite, non-negative `v`.
fn format_abs(v: f64, code: u8, prec: usize, alt: bool, dot0: bool) -> String {
    match code {
        b'e' => {
            let (m, x) = sci(v, prec);
            let m = if alt && prec == 0 { format!("{m}.") } else { m };
            format!("{}{}", m, exp_str(x))
        }
        b'f' => {
            let s = format!("{:.*}", prec, v);
            if alt && prec == 0 {
                format!("{s}.")
            } else {
                s
            }
        }
        b'g' => {
            let p = prec.max(1);
            let (_, x) = sci(v, p - 1);
            // With ADD_DOT_0 an integral result switches to exponent one digit early.
            let limit = if dot0 { p as i32 - 1 } else { p as i32 };
            let mut s = if x >= -4 && x < limit {
                format!("{:.*}", (p as i32 - 1 - x) as usize, v)
            } else {
                let (m, x) = sci(v, p - 1);
                format!("{}{}", m, exp_str(x))
            };
            if !alt {
                let (mant, ex) = match s.find('e') {
                    Some(k) => (s[..k].to_string(), s[k..].to_string()),
                    None => (s.clone(), String::new()),
                };
                let mant = if mant.contains('.') {
                    mant.trim_end_matches('0').trim_end_matches('.').to_string()
                } else {
                    mant
                };
                s = mant + &ex;
            } else if !s.contains('.') {
                match s.find('e') {
                    Some(k) => s.insert(k, '.'),
                    None => s.push('.'),
                }
            }
            s
        }
        _ => {
            // 'r': shortest repr digits, exponent when decpt < -4 or > 16.
            let e = crate::objects::float::shortest_e(v);
            let (mant, exp) = e.split_once('e').unwrap();
            let exp: i32 = exp.parse().unwrap();
            let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
            let mut out = String::new();
            if (-4..16).contains(&exp) {
                crate::objects::float::push_fixed(&mut out, &digits, exp, "");
            } else {
                out.push_str(&digits[..1]);
                if digits.len() > 1 || alt {
                    out.push('.');
                    out.push_str(&digits[1..]);
                }
                out.push_str(&exp_str(exp));
            }
            if alt && !out.contains('.') {
                out.push('.');
            }
            out
        }
    }
}

/// `PyOS_double_to_string` without the allocation: `None` for a bad code.
/// Returns the text and the type (0 finite, 1 infinite, 2 NaN).
pub fn double_to_string(v: f64, code: u8, prec: i32, flags: i32) -> Option<(String, i32)> {
    let lower = code.to_ascii_lowercase();
    let upper = code.is_ascii_uppercase();
    if !matches!(lower, b'e' | b'f' | b'g' | b'r') || code == b'R' {
        return None;
    }
    if lower == b'r' && prec != 0 {
        return None;
    }
    let prec = prec.max(0) as usize;
    let alt = flags & DTSF_ALT != 0;
    let (mut body, kind, mut neg) = if v.is_nan() {
        ("nan".to_string(), 2, false)
    } else if v.is_infinite() {
        ("inf".to_string(), 1, v < 0.0)
    } else {
        let dot0 = flags & DTSF_ADD_DOT_0 != 0;
        let mut b = format_abs(v.abs(), lower, prec, alt, dot0);
        if dot0 && !b.contains('e') {
            if !b.contains('.') {
                b.push_str(".0");
            } else if b.ends_with('.') {
                b.push('0');
            }
        }
        (b, 0, v.is_sign_negative())
    };
    if neg
        && kind == 0
        && flags & DTSF_NO_NEG_0 != 0
        && body
            .bytes()
            .all(|c| !(b'1'..=b'9').contains(&c) || c == b'e')
    {
        // A negative value that rounds to zero prints as zero.
        let mant = body.split('e').next().unwrap_or("");
        if mant.bytes().all(|c| c == b'0' || c == b'.') {
            neg = false;
        }
    }
    if upper {
        body = body.to_ascii_uppercase();
    }
    let mut out = String::new();
    if neg {
        out.push('-');
    } else if flags & DTSF_SIGN != 0 {
        out.push('+');
    }
    out.push_str(&body);
    Some((out, kind))
}

// ---------------------------------------------------------------- methods

unsafe fn self_val(o: *mut PyObject) -> f64 {
    value(o)
}

unsafe extern "C" fn float_is_integer(o: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let v = self_val(o);
    py_bool(v.is_finite() && v == v.floor())
}

unsafe extern "C" fn float_conjugate(o: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    float_float(o)
}

/// The exact ratio of a finite double in lowest terms.
pub fn f64_ratio(v: f64) -> (BigInt, BigInt) {
    let bits = v.to_bits();
    let neg = bits >> 63 != 0;
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1 << 52) - 1);
    let (mant, e) = if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1 << 52), exp - 1075)
    };
    let mut n = BigInt::from(mant);
    let mut d = BigInt::one();
    if e >= 0 {
        n <<= e as usize;
    } else {
        d <<= (-e) as usize;
    }
    let g = n.gcd(&d);
    if !g.is_zero() {
        n /= &g;
        d /= &g;
    }
    if neg {
        n = -n;
    }
    (n, d)
}

unsafe extern "C" fn float_as_integer_ratio(o: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let v = self_val(o);
    if v.is_infinite() {
        return crate::raise_null!(
            PyExc_OverflowError,
            "cannot convert Infinity to integer ratio"
        );
    }
    if v.is_nan() {
        return crate::raise_null!(PyExc_ValueError, "cannot convert NaN to integer ratio");
    }
    let (n, d) = f64_ratio(v);
    let n = long::from_bigint(n);
    let d = long::from_bigint(d);
    let t = tuple::from_slice(&[n, d]);
    Py_DECREF(n);
    Py_DECREF(d);
    t
}

unsafe extern "C" fn float_trunc(o: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    long_ops::from_f64(self_val(o))
}
unsafe extern "C" fn float_floor(o: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    long_ops::from_f64(self_val(o).floor())
}
unsafe extern "C" fn float_ceil(o: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    long_ops::from_f64(self_val(o).ceil())
}

fn round_half_even(n: &BigInt, d: &BigInt) -> BigInt {
    let (q, r) = n.div_mod_floor(d);
    let twice = &r * 2u32;
    if &twice > d || (&twice == d && q.is_odd()) {
        q + 1u32
    } else {
        q
    }
}

/// `round(x, nd)` for a double, correctly rounded (half to even on the exact value).
pub fn round_f64(x: f64, nd: i64) -> f64 {
    if !x.is_finite() || x == 0.0 {
        return x;
    }
    if nd > 400 {
        return x;
    }
    if nd < -400 {
        return 0f64.copysign(x);
    }
    let (n, d) = f64_ratio(x.abs());
    let ten = BigInt::from(10);
    let s = if nd >= 0 {
        let p = num_traits::Pow::pow(&ten, nd as u32);
        let q = round_half_even(&(n * p), &d);
        format!("{}e-{}", q, nd)
    } else {
        let p = num_traits::Pow::pow(&ten, (-nd) as u32);
        let q = round_half_even(&n, &(d * p));
        format!("{}e{}", q, -nd)
    };
    let r: f64 = s.parse().unwrap_or(f64::INFINITY);
    if x < 0.0 {
        -r
    } else {
        r
    }
}

unsafe extern "C" fn float_round(
    o: *mut PyObject,
    args: *const *mut PyObject,
    nargs: Py_ssize_t,
) -> *mut PyObject {
    if nargs > 1 {
        return crate::raise_null!(
            PyExc_TypeError,
            "__round__ expected at most 1 argument, got {}",
            nargs
        );
    }
    let v = self_val(o);
    if nargs == 0 || *args == none() {
        return long_ops::from_f64(v.round_ties_even());
    }
    let nd = match crate::protocols::number::as_ssize_t(*args, null_mut()) {
        Ok(n) => n as i64,
        Err(()) => return null_mut(),
    };
    let r = round_f64(v, nd);
    if r.is_infinite() && v.is_finite() {
        return crate::raise_null!(PyExc_OverflowError, "rounded value too large to represent");
    }
    from_f64(r)
}

unsafe extern "C" fn float_getnewargs(o: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let f = from_f64(self_val(o));
    let t = tuple::from_slice(&[f]);
    Py_DECREF(f);
    t
}

/// `float.hex()`.
pub fn hex_f64(v: f64) -> String {
    if v.is_nan() {
        return "nan".into();
    }
    if v.is_infinite() {
        return if v > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sign = if v.is_sign_negative() { "-" } else { "" };
    if v == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1 << 52) - 1);
    let (lead, e) = if exp == 0 {
        (0, -1022)
    } else {
        (1, exp - 1023)
    };
    let h = format!("{:013x}", frac);
    format!(
        "{sign}0x{lead}.{h}p{}{}",
        if e < 0 { '-' } else { '+' },
        e.abs()
    )
}

/// `float.fromhex()` parsing: `Err(true)` for overflow, `Err(false)` for bad syntax.
pub fn fromhex_f64(text: &str) -> Result<f64, bool> {
    let t = text.trim_matches(|c: char| c.is_ascii_whitespace() || c == '\x0b');
    let b = t.as_bytes();
    let mut i = 0;
    let mut neg = false;
    if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
        neg = b[i] == b'-';
        i += 1;
    }
    let rest = t[i..].to_ascii_lowercase();
    let sign = |v: f64| if neg { -v } else { v };
    if rest == "inf" || rest == "infinity" {
        return Ok(sign(f64::INFINITY));
    }
    if rest == "nan" {
        return Ok(sign(f64::NAN));
    }
    if rest.starts_with("0x") {
        i += 2;
    }
    let mut mant = BigInt::zero();
    let mut ndigits = 0;
    let mut frac_digits: i64 = 0;
    while i < b.len() && b[i].is_ascii_hexdigit() {
        mant = (mant << 4u32) + (b[i] as char).to_digit(16).unwrap();
        ndigits += 1;
        i += 1;
    }
    if i < b.len() && b[i] == b'.' {
        i += 1;
        while i < b.len() && b[i].is_ascii_hexdigit() {
            mant = (mant << 4u32) + (b[i] as char).to_digit(16).unwrap();
            ndigits += 1;
            frac_digits += 1;
            i += 1;
        }
    }
    if ndigits == 0 {
        return Err(false);
    }
    let mut exp: i64 = 0;
    if i < b.len() && (b[i] == b'p' || b[i] == b'P') {
        i += 1;
        let mut eneg = false;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            eneg = b[i] == b'-';
            i += 1;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            exp = exp.saturating_mul(10).saturating_add((b[i] - b'0') as i64);
            i += 1;
        }
        if i == start {
            return Err(false);
        }
        if eneg {
            exp = -exp;
        }
    }
    if i != b.len() {
        return Err(false);
    }
    if mant.is_zero() {
        return Ok(sign(0.0));
    }
    let e = exp.saturating_sub(4 * frac_digits);
    let bits = mant.bits() as i64;
    let top = bits.saturating_add(e) - 1;
    if top > 1023 {
        return Err(true);
    }
    if top < -1200 {
        return Ok(sign(0.0));
    }
    // Significant bits available at this magnitude (fewer for subnormals).
    let p = 53.min(top + 1075);
    let shift = bits - p;
    let (q, qe) = if shift <= 0 {
        (mant << ((-shift) as usize), e + shift)
    } else {
        let q: BigInt = &mant >> (shift as usize);
        let r = &mant - (&q << (shift as usize));
        let half = BigInt::one() << ((shift - 1) as usize);
        let q = if r > half || (r == half && q.is_odd()) {
            q + 1u32
        } else {
            q
        };
        (q, e + shift)
    };
    if q.bits() as i64 + qe > 1024 {
        return Err(true);
    }
    let mut v = num_traits::ToPrimitive::to_f64(&q).unwrap_or(0.0);
    let mut k = qe;
    while k > 0 {
        let s = k.min(1000);
        v *= 2f64.powi(s as i32);
        k -= s;
    }
    while k < 0 {
        let s = (-k).min(1000);
        v /= 2f64.powi(s as i32);
        k += s;
    }
    Ok(sign(v))
}

unsafe extern "C" fn float_fromhex(t: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    if !unicode::is_unicode(arg) {
        crate::errors::bad_argument();
        return null_mut();
    }
    let v = match fromhex_f64(&unicode::to_string_lossy(arg)) {
        Ok(v) => v,
        Err(true) => {
            return crate::raise_null!(
                PyExc_OverflowError,
                "hexadecimal value too large to represent as a float"
            )
        }
        Err(false) => {
            return crate::raise_null!(
                PyExc_ValueError,
                "invalid hexadecimal floating-point string"
            )
        }
    };
    let f = from_f64(v);
    if f.is_null() || t == &raw mut PyFloat_Type as *mut PyObject {
        return f;
    }
    let r = crate::protocols::call::call_function(t, &[f]);
    Py_DECREF(f);
    r
}

/// `float.from_number()`: a real number (no strings) as a float of class `t`.
unsafe extern "C" fn float_from_number(t: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    if t == &raw mut PyFloat_Type as *mut PyObject && Py_TYPE(arg) == &raw mut PyFloat_Type {
        return new_ref(arg);
    }
    let v = match crate::objects::float::as_f64(arg) {
        Ok(v) => v,
        Err(()) => return null_mut(),
    };
    let f = from_f64(v);
    if f.is_null() || t == &raw mut PyFloat_Type as *mut PyObject {
        return f;
    }
    let r = crate::protocols::call::call_function(t, &[f]);
    Py_DECREF(f);
    r
}

unsafe extern "C" fn float_hex(o: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    unicode::from_str(&hex_f64(self_val(o)))
}

unsafe extern "C" fn float_get_real(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    float_float(o)
}
unsafe extern "C" fn float_get_imag(_o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    from_f64(0.0)
}

unsafe extern "C" fn float_new(
    t: *mut PyTypeObject,
    args: *mut PyObject,
    kwds: *mut PyObject,
) -> *mut PyObject {
    if !kwds.is_null() && crate::objects::dict::len(kwds) > 0 {
        return crate::raise_null!(PyExc_TypeError, "float() takes no keyword arguments");
    }
    let n = if args.is_null() { 0 } else { Py_SIZE(args) };
    if n > 1 {
        return crate::raise_null!(
            PyExc_TypeError,
            "float expected at most 1 argument, got {}",
            n
        );
    }
    let r = if n == 0 {
        from_f64(0.0)
    } else {
        crate::protocols::number::float(tuple::get_item(args, 0))
    };
    if r.is_null() || t == &raw mut PyFloat_Type {
        return r;
    }
    let v = value(r);
    Py_DECREF(r);
    let alloc_fn = (*t).tp_alloc.unwrap_or(crate::alloc::generic_alloc_slot);
    let op = alloc_fn(t, 0);
    if !op.is_null() {
        (*(op as *mut FloatObject)).ob_fval = v;
    }
    op
}

static mut FLOAT_METHODS: [PyMethodDef; 16] = [
    crate::objects::numfmt::FLOAT_GETFORMAT_DEF,
    crate::objects::numfmt::FLOAT_FORMAT_DEF,
    PyMethodDef {
        ml_name: c"from_number".as_ptr(),
        ml_meth: Some(float_from_number),
        ml_flags: METH_O | METH_CLASS,
        ml_doc: c"Convert real number to a floating-point number.".as_ptr(),
    },
    PyMethodDef {
        ml_name: c"fromhex".as_ptr(),
        ml_meth: Some(float_fromhex),
        ml_flags: METH_O | METH_CLASS,
        ml_doc: c"Create a floating-point number from a hexadecimal string.".as_ptr(),
    },
    PyMethodDef {
        ml_name: c"conjugate".as_ptr(),
        ml_meth: Some(float_conjugate),
        ml_flags: METH_NOARGS,
        ml_doc: c"Return self, the complex conjugate of any float.".as_ptr(),
    },
    PyMethodDef {
        ml_name: c"is_integer".as_ptr(),
        ml_meth: Some(float_is_integer),
        ml_flags: METH_NOARGS,
        ml_doc: c"Return True if the float is an integer.".as_ptr(),
    },
    PyMethodDef {
        ml_name: c"as_integer_ratio".as_ptr(),
        ml_meth: Some(float_as_integer_ratio),
        ml_flags: METH_NOARGS,
        ml_doc: c"Return a pair of integers, whose ratio is exactly equal to the original float."
            .as_ptr(),
    },
    PyMethodDef {
        ml_name: c"hex".as_ptr(),
        ml_meth: Some(float_hex),
        ml_flags: METH_NOARGS,
        ml_doc: c"Return a hexadecimal representation of a floating-point number.".as_ptr(),
    },
    PyMethodDef {
        ml_name: c"__trunc__".as_ptr(),
        ml_meth: Some(float_trunc),
        ml_flags: METH_NOARGS,
        ml_doc: c"Return the Integral closest to x between 0 and x.".as_ptr(),
    },
    PyMethodDef {
        ml_name: c"__floor__".as_ptr(),
        ml_meth: Some(float_floor),
        ml_flags: METH_NOARGS,
        ml_doc: c"Return the floor as an Integral.".as_ptr(),
    },
    PyMethodDef {
        ml_name: c"__ceil__".as_ptr(),
        ml_meth: Some(float_ceil),
        ml_flags: METH_NOARGS,
        ml_doc: c"Return the ceiling as an Integral.".as_ptr(),
    },
    PyMethodDef {
        ml_name: c"__round__".as_ptr(),
        ml_meth: Some(unsafe {
            core::mem::transmute::<
                unsafe extern "C" fn(
                    *mut PyObject,
                    *const *mut PyObject,
                    Py_ssize_t,
                ) -> *mut PyObject,
                PyCFunction,
            >(float_round)
        }),
        ml_flags: METH_FASTCALL,
        ml_doc: c"Return the Integral closest to x, rounding half toward even.".as_ptr(),
    },
    PyMethodDef {
        ml_name: c"__getnewargs__".as_ptr(),
        ml_meth: Some(float_getnewargs),
        ml_flags: METH_NOARGS,
        ml_doc: core::ptr::null(),
    },
    PyMethodDef {
        ml_name: c"__float__".as_ptr(),
        ml_meth: Some(float_conjugate),
        ml_flags: METH_NOARGS,
        ml_doc: c"float(self)".as_ptr(),
    },
    PyMethodDef {
        ml_name: c"__int__".as_ptr(),
        ml_meth: Some(float_trunc),
        ml_flags: METH_NOARGS,
        ml_doc: c"int(self)".as_ptr(),
    },
    PyMethodDef::SENTINEL,
];

static mut FLOAT_GETSET: [PyGetSetDef; 3] = [
    PyGetSetDef {
        name: c"real".as_ptr(),
        get: Some(float_get_real),
        set: None,
        doc: c"the real part of a complex number".as_ptr(),
        closure: null_mut(),
    },
    PyGetSetDef {
        name: c"imag".as_ptr(),
        get: Some(float_get_imag),
        set: None,
        doc: c"the imaginary part of a complex number".as_ptr(),
        closure: null_mut(),
    },
    PyGetSetDef {
        name: core::ptr::null(),
        get: None,
        set: None,
        doc: core::ptr::null(),
        closure: null_mut(),
    },
];

pub unsafe fn init_type() {
    let t = &raw mut PyFloat_Type;
    (*t).tp_as_number = &raw mut FLOAT_AS_NUMBER;
    (*t).tp_new = Some(float_new);
    (*t).tp_methods = (&raw mut FLOAT_METHODS).cast();
    (*t).tp_getset = (&raw mut FLOAT_GETSET).cast();
}
