//! `int` arithmetic (the `nb_*` slots), its methods and constructor, and the
//! parsing of integer literals (`int(str, base)`, `PyLong_FromString`).
//!
//! Values that fit in `i64` take checked machine arithmetic; everything else goes
//! through `BigInt`, whose bitwise operators already follow two's complement
//! semantics on negative numbers, as Python's do.

/// Re-exported for the C API layer, which has no direct dependency on them.
pub use num_bigint;
pub use num_traits;

use core::ffi::c_void;
use core::ptr::null_mut;

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::defs::*;
use crate::exported::*;
use crate::object::*;
use crate::objects::long::*;
use crate::objects::typeobject::tp_name;
use crate::objects::{bytes, dict, float, tuple, unicode};
use crate::typeobj::*;

#[inline]
unsafe fn ni() -> *mut PyObject {
    new_ref(not_implemented())
}

/// Both operands as ints, or `None` (the slot answers NotImplemented).
#[inline]
unsafe fn both(a: *mut PyObject, b: *mut PyObject) -> bool {
    is_long(a) && is_long(b)
}

unsafe fn binop(
    a: *mut PyObject,
    b: *mut PyObject,
    small: fn(i64, i64) -> Option<i64>,
    big: fn(BigInt, BigInt) -> BigInt,
) -> *mut PyObject {
    if !both(a, b) {
        return ni();
    }
    if let (Some(x), Some(y)) = (to_i64(a), to_i64(b)) {
        if let Some(r) = small(x, y) {
            return from_i64(r);
        }
    }
    from_bigint(big(to_bigint(a), to_bigint(b)))
}

unsafe extern "C" fn long_add(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    binop(a, b, |x, y| x.checked_add(y), |x, y| x + y)
}
unsafe extern "C" fn long_sub(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    binop(a, b, |x, y| x.checked_sub(y), |x, y| x - y)
}
unsafe extern "C" fn long_mul(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    binop(a, b, |x, y| x.checked_mul(y), |x, y| x * y)
}
unsafe extern "C" fn long_and(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    binop(a, b, |x, y| Some(x & y), |x, y| x & y)
}
unsafe extern "C" fn long_or(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    binop(a, b, |x, y| Some(x | y), |x, y| x | y)
}
unsafe extern "C" fn long_xor(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    binop(a, b, |x, y| Some(x ^ y), |x, y| x ^ y)
}

unsafe fn zero_div<T>() -> PyResult<T> {
    crate::raise!(PyExc_ZeroDivisionError, "division by zero")
}

/// Floor division and modulo with Python's signs (the remainder takes the
/// divisor's sign).
unsafe fn divmod_values(a: *mut PyObject, b: *mut PyObject) -> PyResult<(BigInt, BigInt)> {
    if is_zero(b) {
        return zero_div();
    }
    if let (Some(x), Some(y)) = (to_i64(a), to_i64(b)) {
        if !(x == i64::MIN && y == -1) {
            let (q, r) = x.div_mod_floor(&y);
            return Ok((BigInt::from(q), BigInt::from(r)));
        }
    }
    Ok(to_bigint(a).div_mod_floor(&to_bigint(b)))
}

unsafe extern "C" fn long_floordiv(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    if !both(a, b) {
        return ni();
    }
    match divmod_values(a, b) {
        Ok((q, _)) => from_bigint(q),
        Err(()) => null_mut(),
    }
}

unsafe extern "C" fn long_mod(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    if !both(a, b) {
        return ni();
    }
    match divmod_values(a, b) {
        Ok((_, r)) => from_bigint(r),
        Err(()) => null_mut(),
    }
}

unsafe extern "C" fn long_divmod(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    if !both(a, b) {
        return ni();
    }
    match divmod_values(a, b) {
        Ok((q, r)) => {
            let q = from_bigint(q);
            let r = from_bigint(r);
            if q.is_null() || r.is_null() {
                Py_XDECREF(q);
                Py_XDECREF(r);
                return null_mut();
            }
            let t = tuple::from_slice(&[q, r]);
            Py_DECREF(q);
            Py_DECREF(r);
            t
        }
        Err(()) => null_mut(),
    }
}

/// `a / b` for ints, correctly rounded.
pub fn true_divide_big(a: &BigInt, b: &BigInt) -> Result<f64, &'static str> {
    if b.is_zero() {
        return Err("division by zero");
    }
    if a.is_zero() {
        return Ok(if a.is_negative() != b.is_negative() {
            -0.0
        } else {
            0.0
        });
    }
    let neg = a.is_negative() != b.is_negative();
    let (x, y) = (a.abs(), b.abs());
    // Both exactly representable: one IEEE division is correctly rounded.
    if x.bits() <= 53 && y.bits() <= 53 {
        let r = x.to_f64().unwrap() / y.to_f64().unwrap();
        return Ok(if neg { -r } else { r });
    }
    // Scale so that the quotient has 55 significant bits, keep a sticky bit for
    // the remainder, and let the u64 -> f64 conversion round once.
    let shift: i64 = x.bits() as i64 - y.bits() as i64 - 55;
    let (n, d) = if shift > 0 {
        (x, y << (shift as usize))
    } else {
        (x << ((-shift) as usize), y)
    };
    let (q, r) = n.div_rem(&d);
    let mut q = q.to_u64().unwrap();
    if !r.is_zero() {
        q |= 1;
    }
    let qf = q as f64;
    let mut e = shift;
    // ldexp in steps to stay inside the exponent range of the intermediate.
    let mut v = qf;
    while e > 0 {
        let s = e.min(1000);
        v *= 2f64.powi(s as i32);
        e -= s;
    }
    while e < 0 {
        let s = (-e).min(1000);
        v /= 2f64.powi(s as i32);
        e += s;
    }
    if v.is_infinite() {
        return Err("integer division result too large for a float");
    }
    Ok(if neg { -v } else { v })
}

unsafe extern "C" fn long_truediv(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    if !both(a, b) {
        return ni();
    }
    if let (Some(x), Some(y)) = (to_i64(a), to_i64(b)) {
        if y == 0 {
            return crate::raise_null!(PyExc_ZeroDivisionError, "division by zero");
        }
        if x.unsigned_abs() <= 1 << 53 && y.unsigned_abs() <= 1 << 53 {
            return float::from_f64(x as f64 / y as f64);
        }
    }
    match true_divide_big(&to_bigint(a), &to_bigint(b)) {
        Ok(v) => float::from_f64(v),
        Err("division by zero") => {
            crate::raise_null!(PyExc_ZeroDivisionError, "division by zero")
        }
        Err(m) => crate::raise_null!(PyExc_OverflowError, "{}", m),
    }
}

/// The inverse of `a` modulo `m` (`m > 0`), if there is one.
fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let (mut old_r, mut r) = (a.mod_floor(m), m.clone());
    let (mut old_s, mut s) = (BigInt::one(), BigInt::zero());
    while !r.is_zero() {
        let q = &old_r / &r;
        let nr = &old_r - &q * &r;
        old_r = core::mem::replace(&mut r, nr);
        let ns = &old_s - &q * &s;
        old_s = core::mem::replace(&mut s, ns);
    }
    if old_r.is_one() {
        Some(old_s.mod_floor(m))
    } else {
        None
    }
}

unsafe extern "C" fn long_pow(
    a: *mut PyObject,
    b: *mut PyObject,
    m: *mut PyObject,
) -> *mut PyObject {
    if !both(a, b) {
        return ni();
    }
    let has_mod = !m.is_null() && m != none();
    if has_mod && !is_long(m) {
        return ni();
    }
    if !has_mod && is_negative(b) {
        // A negative exponent gives a float.
        let x = match to_f64(a) {
            Ok(v) => v,
            Err(()) => return null_mut(),
        };
        let y = match to_f64(b) {
            Ok(v) => v,
            Err(()) => return null_mut(),
        };
        return crate::objects::float_ops::float_pow_values(x, y);
    }
    if has_mod {
        if is_zero(m) {
            return crate::raise_null!(PyExc_ValueError, "pow() 3rd argument cannot be 0");
        }
        let mv = to_bigint(m);
        let am = mv.abs();
        let mut base = to_bigint(a).mod_floor(&am);
        let mut e = to_bigint(b);
        if e.is_negative() {
            match mod_inverse(&base, &am) {
                Some(inv) => base = inv,
                None => {
                    return crate::raise_null!(
                        PyExc_ValueError,
                        "base is not invertible for the given modulus"
                    )
                }
            }
            e = -e;
        }
        let mut r = base.modpow(&e, &am);
        if mv.is_negative() && !r.is_zero() {
            r -= &am;
        }
        return from_bigint(r);
    }
    // Plain power with a non-negative exponent.
    let base = to_bigint(a);
    if base.is_zero() || base.is_one() {
        return if is_zero(b) {
            from_i64(1)
        } else {
            from_bigint(base)
        };
    }
    if base == BigInt::from(-1) {
        return from_i64(if with_bigint(b, |e| e.is_even()) {
            1
        } else {
            -1
        });
    }
    let e = match to_i64(b).and_then(|e| u32::try_from(e).ok()) {
        Some(e) => e,
        None => return crate::raise_null!(PyExc_OverflowError, "too many digits in integer"),
    };
    if (base.bits() as u128) * (e as u128) > (1u128 << 40) {
        return crate::raise_null!(PyExc_OverflowError, "too many digits in integer");
    }
    from_bigint(num_traits::Pow::pow(base, e))
}

unsafe extern "C" fn long_neg(a: *mut PyObject) -> *mut PyObject {
    match to_i64(a).and_then(|x| x.checked_neg()) {
        Some(v) => from_i64(v),
        None => from_bigint(-to_bigint(a)),
    }
}
unsafe extern "C" fn long_pos(a: *mut PyObject) -> *mut PyObject {
    exact_copy(a)
}
unsafe extern "C" fn long_abs(a: *mut PyObject) -> *mut PyObject {
    match to_i64(a).and_then(|x| x.checked_abs()) {
        Some(v) => from_i64(v),
        None => from_bigint(to_bigint(a).abs()),
    }
}
unsafe extern "C" fn long_invert(a: *mut PyObject) -> *mut PyObject {
    match to_i64(a) {
        Some(v) => from_i64(!v),
        None => from_bigint(!to_bigint(a)),
    }
}
unsafe extern "C" fn long_int(a: *mut PyObject) -> *mut PyObject {
    exact_copy(a)
}
unsafe extern "C" fn long_float(a: *mut PyObject) -> *mut PyObject {
    match to_f64(a) {
        Ok(v) => float::from_f64(v),
        Err(()) => null_mut(),
    }
}

/// The shift count of `b` (non-negative), or None when it exceeds `u64`.
unsafe fn shift_count(b: *mut PyObject) -> PyResult<Option<u64>> {
    if is_negative(b) {
        return crate::raise!(PyExc_ValueError, "negative shift count");
    }
    Ok(with_bigint(b, |v| v.to_u64()))
}

unsafe extern "C" fn long_lshift(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    if !both(a, b) {
        return ni();
    }
    let n = match shift_count(b) {
        Ok(n) => n,
        Err(()) => return null_mut(),
    };
    if is_zero(a) {
        return from_i64(0);
    }
    let n = match n {
        Some(n) if n < (1 << 40) => n,
        _ => return crate::raise_null!(PyExc_OverflowError, "too many digits in integer"),
    };
    if let Some(x) = to_i64(a) {
        if n < 63 {
            let r = (x as i128) << n;
            if let Ok(v) = i64::try_from(r) {
                return from_i64(v);
            }
        }
    }
    from_bigint(to_bigint(a) << (n as usize))
}

unsafe extern "C" fn long_rshift(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    if !both(a, b) {
        return ni();
    }
    let n = match shift_count(b) {
        Ok(n) => n,
        Err(()) => return null_mut(),
    };
    let neg = is_negative(a);
    let n = match n {
        Some(n) => n,
        None => return from_i64(if neg { -1 } else { 0 }),
    };
    if let Some(x) = to_i64(a) {
        return from_i64(x >> n.min(63));
    }
    let v = to_bigint(a);
    if n >= v.bits() {
        return from_i64(if neg { -1 } else { 0 });
    }
    // Floor semantics for negatives: -((-v - 1) >> n) - 1.
    if neg {
        let m = (-v - 1u32) >> (n as usize);
        from_bigint(-m - 1u32)
    } else {
        from_bigint(v >> (n as usize))
    }
}

pub static mut LONG_AS_NUMBER: PyNumberMethods = PyNumberMethods {
    nb_add: Some(long_add),
    nb_subtract: Some(long_sub),
    nb_multiply: Some(long_mul),
    nb_remainder: Some(long_mod),
    nb_divmod: Some(long_divmod),
    nb_power: Some(long_pow),
    nb_negative: Some(long_neg),
    nb_positive: Some(long_pos),
    nb_absolute: Some(long_abs),
    nb_bool: Some(long_bool),
    nb_invert: Some(long_invert),
    nb_lshift: Some(long_lshift),
    nb_rshift: Some(long_rshift),
    nb_and: Some(long_and),
    nb_xor: Some(long_xor),
    nb_or: Some(long_or),
    nb_int: Some(long_int),
    nb_float: Some(long_float),
    nb_floor_divide: Some(long_floordiv),
    nb_true_divide: Some(long_truediv),
    nb_index: Some(long_index),
    ..PyNumberMethods::EMPTY
};

// ---------------------------------------------------------------- parsing

/// The decimal value of a Unicode decimal digit (`str.isdecimal()` characters).
pub fn unicode_decimal(c: char) -> Option<u32> {
    const ZEROS: &[u32] = &[
        0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66,
        0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
        0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0,
        0xFF10, 0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0,
        0x11650, 0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0,
        0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
    ];
    let cp = c as u32;
    for &z in ZEROS {
        if cp >= z && cp < z + 10 {
            return Some(cp - z);
        }
    }
    None
}

/// Python's `str.isspace()` for one character.
pub fn is_py_space(c: char) -> bool {
    matches!(c, '\t'..='\r' | '\x1c'..='\x1f' | ' ' | '\u{85}')
        || (c as u32 > 0x7f && c.is_whitespace())
}

/// Map a str's text to ASCII for number parsing: Unicode decimal digits become
/// ASCII digits and Unicode spaces become ' '; other non-ASCII characters become
/// '?', which no parser accepts.
pub fn to_ascii_number_text(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii() {
                c
            } else if let Some(d) = unicode_decimal(c) {
                char::from(b'0' + d as u8)
            } else if is_py_space(c) {
                ' '
            } else {
                '?'
            }
        })
        .collect()
}

pub enum ParseIntError {
    /// Not a literal: the base as given, and the base in effect (a prefix's, or
    /// 10 for base 0 without one); `int()` names the first, `PyLong_FromString`
    /// the second.
    Invalid(u32, u32),
    TooManyDigits(usize),
}

/// Parse an integer literal (surrounding whitespace, sign, base prefix when base
/// is 0 or matches, single underscores between digits). On failure, also the
/// offset where parsing stopped (past the digits read and any whitespace after
/// them), which `PyLong_FromString` stores in `*pend`.
pub fn parse_int(s: &[u8], base: u32) -> Result<BigInt, (ParseIntError, usize)> {
    let is_ws = |c: u8| c.is_ascii_whitespace() || c == 0x0b;
    let orig_base = base;
    let mut i = 0;
    while i < s.len() && is_ws(s[i]) {
        i += 1;
    }
    let mut neg = false;
    if i < s.len() && (s[i] == b'+' || s[i] == b'-') {
        neg = s[i] == b'-';
        i += 1;
    }
    let mut base = base;
    let mut prefixed = false;
    if i + 1 < s.len() && s[i] == b'0' {
        let pb = match s[i + 1].to_ascii_lowercase() {
            b'x' => 16,
            b'o' => 8,
            b'b' => 2,
            _ => 0,
        };
        if pb != 0 && (base == 0 || base == pb) {
            base = pb;
            i += 2;
            prefixed = true;
        }
    }
    let zero_base = base == 0;
    if base == 0 {
        base = 10;
    }
    let digit = |c: u8| (c as char).to_digit(36).filter(|&d| d < base);
    let mut digits: Vec<u8> = Vec::new();
    while i < s.len() {
        if s[i] == b'_' {
            // One underscore, after a digit or the prefix, before a digit.
            let ok =
                (!digits.is_empty() || prefixed) && i + 1 < s.len() && digit(s[i + 1]).is_some();
            if !ok {
                break;
            }
            i += 1;
            continue;
        }
        match digit(s[i]) {
            Some(d) => digits.push(d as u8),
            None => break,
        }
        i += 1;
    }
    let mut end = i;
    while end < s.len() && is_ws(s[end]) {
        end += 1;
    }
    let invalid = ParseIntError::Invalid(orig_base, base);
    if digits.is_empty() || end != s.len() {
        return Err((invalid, end));
    }
    // Base 0 forbids leading zeros in a nonzero decimal literal.
    if zero_base && !prefixed && digits[0] == 0 && digits.iter().any(|&d| d != 0) {
        return Err((ParseIntError::Invalid(orig_base, orig_base), end));
    }
    if !base.is_power_of_two() {
        let limit = MAX_STR_DIGITS.load(core::sync::atomic::Ordering::Relaxed);
        if limit > 0 && digits.len() > limit {
            return Err((ParseIntError::TooManyDigits(digits.len()), end));
        }
    }
    let v = BigInt::from_radix_be(Sign::Plus, &digits, base).unwrap_or_default();
    Ok(if neg { -v } else { v })
}

/// Raise the ValueError of a failed integer parse. `shown` is the object whose
/// repr the message shows.
pub unsafe fn raise_parse_error(err: ParseIntError, shown: *mut PyObject, effective_base: bool) {
    match err {
        ParseIntError::Invalid(given, effective) => {
            let base = if effective_base { effective } else { given };
            let r = crate::objects::unicode::repr_string(shown);
            let r: String = if r.chars().count() > 200 {
                r.chars().take(200).collect()
            } else {
                r
            };
            let _: PyResult<()> = crate::raise!(
                PyExc_ValueError,
                "invalid literal for int() with base {}: {}",
                base,
                r
            );
        }
        ParseIntError::TooManyDigits(n) => {
            let limit = MAX_STR_DIGITS.load(core::sync::atomic::Ordering::Relaxed);
            let _: PyResult<()> = crate::raise!(
                PyExc_ValueError,
                "Exceeds the limit ({} digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
                limit,
                n
            );
        }
    }
}

pub unsafe fn check_base(base: i64) -> PyResult<()> {
    if base != 0 && !(2..=36).contains(&base) {
        return crate::raise!(PyExc_ValueError, "int() base must be >= 2 and <= 36, or 0");
    }
    Ok(())
}

/// `PyLong_FromUnicodeObject`.
pub unsafe fn from_unicode(u: *mut PyObject, base: i64) -> *mut PyObject {
    if check_base(base).is_err() {
        return null_mut();
    }
    let text = to_ascii_number_text(&unicode::to_string_lossy(u));
    match parse_int(text.as_bytes(), base as u32) {
        Ok(v) => from_bigint(v),
        Err((e, _)) => {
            raise_parse_error(e, u, false);
            null_mut()
        }
    }
}

/// Parse bytes (`int(b"12")`); the error shows the bytes object.
pub unsafe fn from_bytes_literal(b: &[u8], base: i64, shown: *mut PyObject) -> *mut PyObject {
    if check_base(base).is_err() {
        return null_mut();
    }
    match parse_int(b, base as u32) {
        Ok(v) => from_bigint(v),
        Err((e, _)) => {
            raise_parse_error(e, shown, false);
            null_mut()
        }
    }
}

/// `int(float)`: truncation, with CPython's errors for infinities and NaN.
pub unsafe fn from_f64(v: f64) -> *mut PyObject {
    if v.is_nan() {
        return crate::raise_null!(PyExc_ValueError, "cannot convert float NaN to integer");
    }
    if v.is_infinite() {
        return crate::raise_null!(
            PyExc_OverflowError,
            "cannot convert float infinity to integer"
        );
    }
    let t = v.trunc();
    if t.abs() < 9.2e18 {
        return from_i64(t as i64);
    }
    from_bigint(num_traits::FromPrimitive::from_f64(t).unwrap_or_default())
}

// ---------------------------------------------------------------- int()

/// Collect `(args, kwds)` for a constructor or method with `npos_only`
/// positional-only parameters followed by `names` (of which the first
/// `max_pos - npos_only` may also be passed by position), with the argument
/// errors of CPython's argument clinic.
pub unsafe fn parse_ctor_args(
    func: &str,
    args: *mut PyObject,
    kwds: *mut PyObject,
    npos_only: usize,
    names: &[&str],
    max_pos: usize,
) -> PyResult<Vec<*mut PyObject>> {
    let n = if args.is_null() {
        0
    } else {
        Py_SIZE(args) as usize
    };
    let nk = if kwds.is_null() {
        0
    } else {
        dict::len(kwds) as usize
    };
    let total = npos_only + names.len();
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    let mut out = vec![null_mut(); total];
    if n > max_pos {
        let what = if max_pos < total { "positional " } else { "" };
        return crate::raise!(
            PyExc_TypeError,
            "{}() takes at most {} {}argument{} ({} given)",
            func,
            max_pos,
            what,
            plural(max_pos),
            n
        );
    }
    if n + nk > total {
        return crate::raise!(
            PyExc_TypeError,
            "{}() takes at most {} argument{} ({} given)",
            func,
            total,
            plural(total),
            n + nk
        );
    }
    for (i, slot) in out.iter_mut().enumerate().take(n) {
        *slot = tuple::get_item(args, i as Py_ssize_t);
    }
    if !kwds.is_null() {
        for (k, v) in dict::snapshot(kwds) {
            let key = unicode::to_string_lossy(k);
            match names.iter().position(|&nm| nm == key) {
                Some(p) => {
                    let idx = npos_only + p;
                    if !out[idx].is_null() {
                        return crate::raise!(
                            PyExc_TypeError,
                            "argument for {}() given by name ('{}') and position ({})",
                            func,
                            key,
                            idx + 1
                        );
                    }
                    out[idx] = v;
                }
                None => {
                    return crate::raise!(
                        PyExc_TypeError,
                        "{}() got an unexpected keyword argument '{}'",
                        func,
                        key
                    );
                }
            }
        }
    }
    Ok(out)
}

unsafe fn long_new_impl(x: *mut PyObject, base: *mut PyObject) -> *mut PyObject {
    if base.is_null() {
        if x.is_null() {
            return from_i64(0);
        }
        return crate::protocols::number::long(x);
    }
    let b = match crate::protocols::number::as_ssize_t(base, null_mut()) {
        Ok(v) => v as i64,
        Err(()) => return null_mut(),
    };
    if x.is_null() {
        return crate::raise_null!(PyExc_TypeError, "int() missing string argument");
    }
    if check_base(b).is_err() {
        return null_mut();
    }
    if unicode::is_unicode(x) {
        return from_unicode(x, b);
    }
    match crate::protocols::number::buffer_bytes(x) {
        Some(Ok(data)) => return from_bytes_literal(&data, b, x),
        Some(Err(())) => return null_mut(),
        None => {}
    }
    crate::raise_null!(
        PyExc_TypeError,
        "int() can't convert non-string with explicit base"
    )
}

pub unsafe extern "C" fn long_new(
    t: *mut PyTypeObject,
    args: *mut PyObject,
    kwds: *mut PyObject,
) -> *mut PyObject {
    let n = if args.is_null() { 0 } else { Py_SIZE(args) };
    if n > 2 {
        return crate::raise_null!(
            PyExc_TypeError,
            "int expected at most 2 arguments, got {}",
            n
        );
    }
    let a = match parse_ctor_args("int", args, kwds, 1, &["base"], 2) {
        Ok(a) => a,
        Err(()) => return null_mut(),
    };
    let r = long_new_impl(a[0], a[1]);
    if r.is_null() || t == &raw mut PyLong_Type {
        return r;
    }
    let v = to_bigint(r);
    Py_DECREF(r);
    from_bigint_typed(t, v)
}

// ---------------------------------------------------------------- methods

macro_rules! kwfn {
    ($f:ident) => {
        Some(unsafe {
            core::mem::transmute::<
                unsafe extern "C" fn(*mut PyObject, *mut PyObject, *mut PyObject) -> *mut PyObject,
                PyCFunction,
            >($f)
        })
    };
}

unsafe extern "C" fn int_bit_length(o: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    from_u64(with_bigint(o, |v| v.bits()))
}

unsafe extern "C" fn int_bit_count(o: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    from_u64(with_bigint(o, |v| {
        v.magnitude()
            .iter_u64_digits()
            .map(|d| d.count_ones() as u64)
            .sum()
    }))
}

unsafe extern "C" fn int_self(o: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    exact_copy(o)
}

unsafe extern "C" fn int_is_integer(_o: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    py_true()
}

unsafe extern "C" fn int_as_integer_ratio(o: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let n = exact_copy(o);
    let one = from_i64(1);
    let t = tuple::from_slice(&[n, one]);
    Py_DECREF(n);
    t
}

unsafe extern "C" fn int_getnewargs(o: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let n = exact_copy(o);
    let t = tuple::from_slice(&[n]);
    Py_DECREF(n);
    t
}

unsafe extern "C" fn int_round(
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
    if nargs == 0 || *args == none() {
        return exact_copy(o);
    }
    let nd = Owned::from_new(crate::protocols::number::index(*args));
    let Some(nd) = nd else { return null_mut() };
    if !is_negative(nd.as_ptr()) {
        return exact_copy(o);
    }
    let k = to_bigint(nd.as_ptr());
    let Some(k) = (-k).to_u32() else {
        return from_i64(0);
    };
    let v = to_bigint(o);
    let p = num_traits::Pow::pow(BigInt::from(10), k);
    let (q, r) = v.div_mod_floor(&p);
    let twice = &r * 2u32;
    let q = if twice > p || (twice == p && q.is_odd()) {
        q + 1u32
    } else {
        q
    };
    from_bigint(q * p)
}

unsafe fn byteorder_arg(o: *mut PyObject) -> PyResult<bool> {
    if o.is_null() {
        return Ok(false); // big
    }
    if !unicode::is_unicode(o) {
        return crate::raise!(
            PyExc_TypeError,
            "to_bytes() argument 'byteorder' must be str, not {}",
            tp_name(Py_TYPE(o))
        );
    }
    match unicode::to_string_lossy(o).as_str() {
        "little" => Ok(true),
        "big" => Ok(false),
        _ => crate::raise!(
            PyExc_ValueError,
            "byteorder must be either 'little' or 'big'"
        ),
    }
}

unsafe extern "C" fn int_to_bytes(
    o: *mut PyObject,
    args: *mut PyObject,
    kwds: *mut PyObject,
) -> *mut PyObject {
    let a = match parse_ctor_args(
        "to_bytes",
        args,
        kwds,
        0,
        &["length", "byteorder", "signed"],
        2,
    ) {
        Ok(a) => a,
        Err(()) => return null_mut(),
    };
    let length = if a[0].is_null() {
        1
    } else {
        let Some(i) = Owned::from_new(crate::protocols::number::index(a[0])) else {
            return null_mut();
        };
        match to_i64(i.as_ptr()) {
            Some(v) => v as Py_ssize_t,
            None => {
                return crate::raise_null!(
                    PyExc_OverflowError,
                    "Python int too large to convert to C ssize_t"
                )
            }
        }
    };
    if length < 0 {
        return crate::raise_null!(PyExc_ValueError, "length cannot be negative");
    }
    let little = match byteorder_arg(a[1]) {
        Ok(v) => v,
        Err(()) => return null_mut(),
    };
    let signed = if a[2].is_null() {
        false
    } else {
        match crate::protocols::object::is_true(a[2]) {
            r if r < 0 => return null_mut(),
            r => r == 1,
        }
    };
    let v = to_bigint(o);
    match to_fixed_bytes(&v, length as usize, little, signed) {
        Ok(b) => bytes::from_slice(&b),
        Err(m) => crate::raise_null!(PyExc_OverflowError, "{}", m),
    }
}

/// Two's complement (or unsigned) bytes of `v` in exactly `n` bytes.
pub fn to_fixed_bytes(
    v: &BigInt,
    n: usize,
    little: bool,
    signed: bool,
) -> Result<Vec<u8>, &'static str> {
    if !signed && v.is_negative() {
        return Err("can't convert negative int to unsigned");
    }
    let mut b = v.to_signed_bytes_le();
    // Trim a sign byte that unsigned output does not need.
    if !signed && b.len() > 1 && *b.last().unwrap() == 0 {
        b.pop();
    }
    if v.is_zero() {
        b.clear();
    }
    if b.len() > n {
        return Err("int too big to convert");
    }
    let fill = if v.is_negative() { 0xff } else { 0 };
    b.resize(n, fill);
    if !little {
        b.reverse();
    }
    Ok(b)
}

unsafe extern "C" fn int_from_bytes(
    t: *mut PyObject,
    args: *mut PyObject,
    kwds: *mut PyObject,
) -> *mut PyObject {
    let a = match parse_ctor_args(
        "from_bytes",
        args,
        kwds,
        0,
        &["bytes", "byteorder", "signed"],
        2,
    ) {
        Ok(a) => a,
        Err(()) => return null_mut(),
    };
    if a[0].is_null() {
        return crate::raise_null!(
            PyExc_TypeError,
            "from_bytes() missing required argument 'bytes' (pos 1)"
        );
    }
    let little = match byteorder_arg(a[1]) {
        Ok(v) => v,
        Err(()) => return null_mut(),
    };
    let signed = if a[2].is_null() {
        false
    } else {
        match crate::protocols::object::is_true(a[2]) {
            r if r < 0 => return null_mut(),
            r => r == 1,
        }
    };
    let b = if bytes::is_bytes(a[0]) {
        Owned::from_borrowed(a[0])
    } else {
        let r =
            crate::protocols::call::call_function(&raw mut PyBytes_Type as *mut PyObject, &[a[0]]);
        match Owned::from_new(r) {
            Some(b) => b,
            None => return null_mut(),
        }
    };
    let mut data = bytes::as_slice_of(b.as_ptr()).to_vec();
    if !little {
        data.reverse();
    }
    let v = if signed {
        BigInt::from_signed_bytes_le(&data)
    } else {
        BigInt::from_bytes_le(Sign::Plus, &data)
    };
    let t = t as *mut PyTypeObject;
    if t == &raw mut PyLong_Type {
        return from_bigint(v);
    }
    let n = from_bigint(v);
    if n.is_null() {
        return n;
    }
    let r = crate::protocols::call::call_function(t as *mut PyObject, &[n]);
    Py_DECREF(n);
    r
}

unsafe extern "C" fn int_get_zero(_o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    from_i64(0)
}
unsafe extern "C" fn int_get_one(_o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    from_i64(1)
}
unsafe extern "C" fn int_get_self(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    exact_copy(o)
}

static mut INT_METHODS: [PyMethodDef; 16] = [
    crate::objects::numfmt::INT_FORMAT_DEF,
    PyMethodDef {
        ml_name: c"conjugate".as_ptr(),
        ml_meth: Some(int_self),
        ml_flags: METH_NOARGS,
        ml_doc: c"Returns self, the complex conjugate of any int.".as_ptr(),
    },
    PyMethodDef {
        ml_name: c"bit_length".as_ptr(),
        ml_meth: Some(int_bit_length),
        ml_flags: METH_NOARGS,
        ml_doc: c"Number of bits necessary to represent self in binary.".as_ptr(),
    },
    PyMethodDef {
        ml_name: c"bit_count".as_ptr(),
        ml_meth: Some(int_bit_count),
        ml_flags: METH_NOARGS,
        ml_doc: c"Number of ones in the binary representation of the absolute value of self."
            .as_ptr(),
    },
    PyMethodDef {
        ml_name: c"to_bytes".as_ptr(),
        ml_meth: kwfn!(int_to_bytes),
        ml_flags: METH_VARARGS | METH_KEYWORDS,
        ml_doc: c"Return an array of bytes representing an integer.".as_ptr(),
    },
    PyMethodDef {
        ml_name: c"from_bytes".as_ptr(),
        ml_meth: kwfn!(int_from_bytes),
        ml_flags: METH_VARARGS | METH_KEYWORDS | METH_CLASS,
        ml_doc: c"Return the integer represented by the given array of bytes.".as_ptr(),
    },
    PyMethodDef {
        ml_name: c"as_integer_ratio".as_ptr(),
        ml_meth: Some(int_as_integer_ratio),
        ml_flags: METH_NOARGS,
        ml_doc: c"Return a pair of integers, whose ratio is equal to the original int.".as_ptr(),
    },
    PyMethodDef {
        ml_name: c"is_integer".as_ptr(),
        ml_meth: Some(int_is_integer),
        ml_flags: METH_NOARGS,
        ml_doc: c"Returns True. Exists for duck type compatibility with float.is_integer.".as_ptr(),
    },
    PyMethodDef {
        ml_name: c"__trunc__".as_ptr(),
        ml_meth: Some(int_self),
        ml_flags: METH_NOARGS,
        ml_doc: c"Truncating an Integral returns itself.".as_ptr(),
    },
    PyMethodDef {
        ml_name: c"__floor__".as_ptr(),
        ml_meth: Some(int_self),
        ml_flags: METH_NOARGS,
        ml_doc: c"Flooring an Integral returns itself.".as_ptr(),
    },
    PyMethodDef {
        ml_name: c"__ceil__".as_ptr(),
        ml_meth: Some(int_self),
        ml_flags: METH_NOARGS,
        ml_doc: c"Ceiling of an Integral returns itself.".as_ptr(),
    },
    PyMethodDef {
        ml_name: c"__round__".as_ptr(),
        ml_meth: Some(unsafe {
            core::mem::transmute::<
                unsafe extern "C" fn(*mut PyObject, *const *mut PyObject, Py_ssize_t) -> *mut PyObject,
                PyCFunction,
            >(int_round)
        }),
        ml_flags: METH_FASTCALL,
        ml_doc: c"Rounding an Integral returns itself.".as_ptr(),
    },
    PyMethodDef {
        ml_name: c"__getnewargs__".as_ptr(),
        ml_meth: Some(int_getnewargs),
        ml_flags: METH_NOARGS,
        ml_doc: core::ptr::null(),
    },
    PyMethodDef {
        ml_name: c"__index__".as_ptr(),
        ml_meth: Some(int_self),
        ml_flags: METH_NOARGS,
        ml_doc: c"Return self converted to an integer, if self is suitable for use as an index into a list.".as_ptr(),
    },
    PyMethodDef {
        ml_name: c"__int__".as_ptr(),
        ml_meth: Some(int_self),
        ml_flags: METH_NOARGS,
        ml_doc: c"int(self)".as_ptr(),
    },
    PyMethodDef::SENTINEL,
];

static mut INT_GETSET: [PyGetSetDef; 5] = [
    PyGetSetDef {
        name: c"real".as_ptr(),
        get: Some(int_get_self),
        set: None,
        doc: c"the real part of a complex number".as_ptr(),
        closure: null_mut(),
    },
    PyGetSetDef {
        name: c"imag".as_ptr(),
        get: Some(int_get_zero),
        set: None,
        doc: c"the imaginary part of a complex number".as_ptr(),
        closure: null_mut(),
    },
    PyGetSetDef {
        name: c"numerator".as_ptr(),
        get: Some(int_get_self),
        set: None,
        doc: c"the numerator of a rational number in lowest terms".as_ptr(),
        closure: null_mut(),
    },
    PyGetSetDef {
        name: c"denominator".as_ptr(),
        get: Some(int_get_one),
        set: None,
        doc: c"the denominator of a rational number in lowest terms".as_ptr(),
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

/// Install the number slots, constructor, methods and attributes of `int`.
pub unsafe fn init_type() {
    let t = &raw mut PyLong_Type;
    (*t).tp_as_number = &raw mut LONG_AS_NUMBER;
    (*t).tp_new = Some(long_new);
    (*t).tp_methods = (&raw mut INT_METHODS).cast();
    (*t).tp_getset = (&raw mut INT_GETSET).cast();
}
