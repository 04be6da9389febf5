//! `complex`: two doubles (CPython's layout: header, `cval.real`, `cval.imag`).

use core::ffi::c_int;
use core::ptr::null_mut;

use crate::defs::*;
use crate::exported::*;
use crate::object::*;
use crate::objects::float_ops::{double_to_string, parse_float_prefix, DTSF_SIGN};
use crate::objects::typeobject::tp_name;
use crate::objects::{float, long, tuple, unicode};
use crate::typeobj::*;

#[repr(C)]
pub struct ComplexObject {
    pub ob_base: PyObject,
    pub real: f64,
    pub imag: f64,
}

const _: () = assert!(core::mem::size_of::<ComplexObject>() == 32);

#[inline]
pub unsafe fn is_complex(o: *mut PyObject) -> bool {
    Py_TYPE(o) == &raw mut PyComplex_Type
        || crate::objects::typeobject::is_subtype(Py_TYPE(o), &raw mut PyComplex_Type)
}

#[inline]
pub unsafe fn parts(o: *mut PyObject) -> (f64, f64) {
    let c = o as *mut ComplexObject;
    ((*c).real, (*c).imag)
}

/// A new instance of `complex` (or of the subclass `t`).
pub unsafe fn new_typed(t: *mut PyTypeObject, re: f64, im: f64) -> *mut PyObject {
    if t == &raw mut PyComplex_Type {
        return crate::alloc::new_object(
            t,
            ComplexObject {
                ob_base: PyObject {
                    ob_refcnt: 1,
                    ob_type: null_mut(),
                },
                real: re,
                imag: im,
            },
        ) as *mut PyObject;
    }
    let alloc_fn = (*t).tp_alloc.unwrap_or(crate::alloc::generic_alloc_slot);
    let op = alloc_fn(t, 0);
    if !op.is_null() {
        (*(op as *mut ComplexObject)).real = re;
        (*(op as *mut ComplexObject)).imag = im;
    }
    op
}

pub unsafe fn from_doubles(re: f64, im: f64) -> *mut PyObject {
    new_typed(&raw mut PyComplex_Type, re, im)
}

/// A complex or real operand: `(re, im, is_real)`; `Ok(None)` for other types.
unsafe fn operand(o: *mut PyObject) -> PyResult<Option<(f64, f64, bool)>> {
    if is_complex(o) {
        let (r, i) = parts(o);
        Ok(Some((r, i, false)))
    } else if float::is_float(o) {
        Ok(Some((float::value(o), 0.0, true)))
    } else if long::is_long(o) {
        Ok(Some((long::to_f64(o)?, 0.0, true)))
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

unsafe extern "C" fn complex_add(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    let ((ar, ai, areal), (br, bi, breal)) = operands!(a, b);
    if areal {
        return from_doubles(ar + br, bi);
    }
    if breal {
        return from_doubles(ar + br, ai);
    }
    from_doubles(ar + br, ai + bi)
}

unsafe extern "C" fn complex_sub(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    let ((ar, ai, areal), (br, bi, breal)) = operands!(a, b);
    if areal {
        return from_doubles(ar - br, -bi);
    }
    if breal {
        return from_doubles(ar - br, ai);
    }
    from_doubles(ar - br, ai - bi)
}

/// Complex product with the infinity recovery of C11 Annex G.5.1 (`_Cmultd`).
fn prod(z: (f64, f64), w: (f64, f64)) -> (f64, f64) {
    let r = (z.0 * w.0 - z.1 * w.1, z.0 * w.1 + z.1 * w.0);
    if !(r.0.is_nan() && r.1.is_nan()) {
        return r;
    }
    let (mut a, mut b, mut c, mut d) = (z.0, z.1, w.0, w.1);
    let boxed = |x: f64| (if x.is_infinite() { 1.0f64 } else { 0.0 }).copysign(x);
    let zero_nan = |x: f64| if x.is_nan() { 0f64.copysign(x) } else { x };
    let mut recalc = false;
    if a.is_infinite() || b.is_infinite() {
        a = boxed(a);
        b = boxed(b);
        c = zero_nan(c);
        d = zero_nan(d);
        recalc = true;
    }
    if c.is_infinite() || d.is_infinite() {
        c = boxed(c);
        d = boxed(d);
        a = zero_nan(a);
        b = zero_nan(b);
        recalc = true;
    }
    if !recalc
        && ((a * c).is_infinite()
            || (b * d).is_infinite()
            || (a * d).is_infinite()
            || (b * c).is_infinite())
    {
        a = zero_nan(a);
        b = zero_nan(b);
        c = zero_nan(c);
        d = zero_nan(d);
        recalc = true;
    }
    if recalc {
        (
            f64::INFINITY * (a * c - b * d),
            f64::INFINITY * (a * d + b * c),
        )
    } else {
        r
    }
}

unsafe extern "C" fn complex_mul(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    let ((ar, ai, areal), (br, bi, breal)) = operands!(a, b);
    if areal {
        return from_doubles(ar * br, ar * bi);
    }
    if breal {
        return from_doubles(ar * br, ai * br);
    }
    let (r, i) = prod((ar, ai), (br, bi));
    from_doubles(r, i)
}

/// Complex division (Smith's method); `None` on division by zero.
pub fn quot(a: (f64, f64), b: (f64, f64)) -> Option<(f64, f64)> {
    let (abs_br, abs_bi) = (b.0.abs(), b.1.abs());
    let r = if abs_br >= abs_bi {
        if abs_br == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        ((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom)
    } else if abs_bi >= abs_br {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        ((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom)
    } else {
        (f64::NAN, f64::NAN)
    };
    // Recover infinities and zeros computed as nan+nanj (C11 Annex G.5.2).
    if r.0.is_nan() && r.1.is_nan() {
        let boxed = |x: f64| (if x.is_infinite() { 1.0f64 } else { 0.0 }).copysign(x);
        if (a.0.is_infinite() || a.1.is_infinite()) && b.0.is_finite() && b.1.is_finite() {
            let (x, y) = (boxed(a.0), boxed(a.1));
            return Some((
                f64::INFINITY * (x * b.0 + y * b.1),
                f64::INFINITY * (y * b.0 - x * b.1),
            ));
        }
        if (abs_br.is_infinite() || abs_bi.is_infinite()) && a.0.is_finite() && a.1.is_finite() {
            let (x, y) = (boxed(b.0), boxed(b.1));
            return Some((0.0 * (a.0 * x + a.1 * y), 0.0 * (a.1 * x - a.0 * y)));
        }
    }
    Some(r)
}

/// A real number divided by a complex one (Smith's method without the
/// numerator's imaginary part, so that signed zeros come out as in CPython).
pub fn rc_quot(a: f64, b: (f64, f64)) -> Option<(f64, f64)> {
    let (abs_br, abs_bi) = (b.0.abs(), b.1.abs());
    let r = if abs_br >= abs_bi {
        if abs_br == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        (a / denom, (-a * ratio) / denom)
    } else if abs_bi >= abs_br {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        ((a * ratio) / denom, (-a) / denom)
    } else {
        (f64::NAN, f64::NAN)
    };
    if r.0.is_nan() && r.1.is_nan() {
        let boxed = |x: f64| (if x.is_infinite() { 1.0f64 } else { 0.0 }).copysign(x);
        if a.is_infinite() && b.0.is_finite() && b.1.is_finite() {
            let x = boxed(a);
            return Some((f64::INFINITY * (x * b.0), f64::INFINITY * (-x * b.1)));
        }
        if (abs_br.is_infinite() || abs_bi.is_infinite()) && a.is_finite() {
            let (x, y) = (boxed(b.0), boxed(b.1));
            return Some((0.0 * (a * x), 0.0 * (-a * y)));
        }
    }
    Some(r)
}

unsafe extern "C" fn complex_div(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    let ((ar, ai, areal), (br, bi, breal)) = operands!(a, b);
    if areal && !breal {
        return match rc_quot(ar, (br, bi)) {
            Some((r, i)) => from_doubles(r, i),
            None => crate::raise_null!(PyExc_ZeroDivisionError, "division by zero"),
        };
    }
    if breal {
        if br == 0.0 {
            return crate::raise_null!(PyExc_ZeroDivisionError, "division by zero");
        }
        return from_doubles(ar / br, ai / br);
    }
    match quot((ar, ai), (br, bi)) {
        Some((r, i)) => from_doubles(r, i),
        None => crate::raise_null!(PyExc_ZeroDivisionError, "division by zero"),
    }
}

fn powu(x: (f64, f64), n: i64) -> (f64, f64) {
    let mut r = (1.0, 0.0);
    let mut p = x;
    let mut mask: i64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = prod(r, p);
        }
        mask <<= 1;
        p = prod(p, p);
    }
    r
}

/// `a ** b` for complex values, with CPython's errors.
pub unsafe fn pow_values(a: (f64, f64), b: (f64, f64)) -> *mut PyObject {
    let r = if b.1 == 0.0 && b.0 == b.0.trunc() && b.0.abs() <= 100.0 {
        let n = b.0 as i64;
        if n >= 0 {
            powu(a, n)
        } else {
            let d = powu(a, -n);
            match quot((1.0, 0.0), d) {
                Some(v) => v,
                None => {
                    return crate::raise_null!(
                        PyExc_ZeroDivisionError,
                        "zero to a negative or complex power"
                    )
                }
            }
        }
    } else if b.0 == 0.0 && b.1 == 0.0 {
        (1.0, 0.0)
    } else if a.0 == 0.0 && a.1 == 0.0 {
        if b.1 != 0.0 || b.0 < 0.0 {
            return crate::raise_null!(
                PyExc_ZeroDivisionError,
                "zero to a negative or complex power"
            );
        }
        (0.0, 0.0)
    } else {
        let vabs = a.0.hypot(a.1);
        let mut len = vabs.powf(b.0);
        let at = a.1.atan2(a.0);
        let mut phase = at * b.0;
        if b.1 != 0.0 {
            len *= (-at * b.1).exp();
            phase += b.1 * vabs.ln();
        }
        // cos/sin of an infinite phase is a domain error (EDOM in C), which
        // CPython reports as ZeroDivisionError.
        if phase.is_infinite() {
            return crate::raise_null!(
                PyExc_ZeroDivisionError,
                "zero to a negative or complex power"
            );
        }
        (len * phase.cos(), len * phase.sin())
    };
    if r.0.is_infinite() || r.1.is_infinite() {
        return crate::raise_null!(PyExc_OverflowError, "complex exponentiation");
    }
    from_doubles(r.0, r.1)
}

unsafe extern "C" fn complex_pow(
    a: *mut PyObject,
    b: *mut PyObject,
    m: *mut PyObject,
) -> *mut PyObject {
    let ((ar, ai, _), (br, bi, _)) = operands!(a, b);
    if !m.is_null() && m != none() {
        return crate::raise_null!(PyExc_ValueError, "complex modulo");
    }
    pow_values((ar, ai), (br, bi))
}

unsafe extern "C" fn complex_neg(a: *mut PyObject) -> *mut PyObject {
    let (r, i) = parts(a);
    from_doubles(-r, -i)
}
unsafe extern "C" fn complex_pos(a: *mut PyObject) -> *mut PyObject {
    if Py_TYPE(a) == &raw mut PyComplex_Type {
        return new_ref(a);
    }
    let (r, i) = parts(a);
    from_doubles(r, i)
}

/// `abs(complex)`: hypot, OverflowError when finite parts overflow.
pub unsafe fn abs_value(r: f64, i: f64) -> PyResult<f64> {
    if r.is_infinite() || i.is_infinite() {
        return Ok(f64::INFINITY);
    }
    if r.is_nan() || i.is_nan() {
        return Ok(f64::NAN);
    }
    let h = r.hypot(i);
    if h.is_infinite() {
        return crate::raise!(PyExc_OverflowError, "absolute value too large");
    }
    Ok(h)
}

unsafe extern "C" fn complex_abs(a: *mut PyObject) -> *mut PyObject {
    let (r, i) = parts(a);
    match abs_value(r, i) {
        Ok(v) => float::from_f64(v),
        Err(()) => null_mut(),
    }
}
unsafe extern "C" fn complex_bool(a: *mut PyObject) -> c_int {
    let (r, i) = parts(a);
    (r != 0.0 || i != 0.0) as c_int
}

static mut COMPLEX_AS_NUMBER: PyNumberMethods = PyNumberMethods {
    nb_add: Some(complex_add),
    nb_subtract: Some(complex_sub),
    nb_multiply: Some(complex_mul),
    nb_power: Some(complex_pow),
    nb_negative: Some(complex_neg),
    nb_positive: Some(complex_pos),
    nb_absolute: Some(complex_abs),
    nb_bool: Some(complex_bool),
    nb_true_divide: Some(complex_div),
    ..PyNumberMethods::EMPTY
};

fn part_repr(v: f64, sign: bool) -> String {
    double_to_string(v, b'r', 0, if sign { DTSF_SIGN } else { 0 })
        .map(|(s, _)| s)
        .unwrap_or_default()
}

/// `repr(complex)`: `1j`, `(1+2j)`, `(-0-1j)`.
pub fn repr_parts(r: f64, i: f64) -> String {
    if r == 0.0 && r.is_sign_positive() {
        format!("{}j", part_repr(i, false))
    } else {
        format!("({}{}j)", part_repr(r, false), part_repr(i, true))
    }
}

unsafe extern "C" fn complex_repr(o: *mut PyObject) -> *mut PyObject {
    let (r, i) = parts(o);
    unicode::from_str(&repr_parts(r, i))
}

unsafe extern "C" fn complex_hash(o: *mut PyObject) -> Py_hash_t {
    let (r, i) = parts(o);
    let hr = if r.is_nan() {
        crate::objects::baseobject::object_hash(o)
    } else {
        float::hash_f64(r)
    };
    let hi = if i.is_nan() {
        crate::objects::baseobject::object_hash(o)
    } else {
        float::hash_f64(i)
    };
    let h = (hr as u64).wrapping_add(1000003u64.wrapping_mul(hi as u64)) as i64;
    if h == -1 {
        -2
    } else {
        h as Py_hash_t
    }
}

unsafe extern "C" fn complex_richcompare(
    a: *mut PyObject,
    b: *mut PyObject,
    op: c_int,
) -> *mut PyObject {
    if op != 2 && op != 3 {
        return new_ref(not_implemented());
    }
    let (ar, ai) = parts(a);
    let eq = if long::is_long(b) {
        ai == 0.0 && long::compare_with_f64(b, ar) == Some(core::cmp::Ordering::Equal)
    } else if float::is_float(b) {
        ai == 0.0 && ar == float::value(b)
    } else if is_complex(b) {
        let (br, bi) = parts(b);
        ar == br && ai == bi
    } else {
        return new_ref(not_implemented());
    };
    py_bool(if op == 2 { eq } else { !eq })
}

/// Parse `complex(str)`.
pub fn parse_complex(s: &str) -> Option<(f64, f64)> {
    let t = crate::objects::long_ops::to_ascii_number_text(s);
    let mut t = t.trim();
    if t.starts_with('(') && t.ends_with(')') {
        t = t[1..t.len() - 1].trim();
    }
    // Remove single underscores between digits, as float() does.
    let b = t.as_bytes();
    let mut clean = Vec::with_capacity(b.len());
    for (i, &c) in b.iter().enumerate() {
        if c == b'_' {
            if !(i > 0 && i + 1 < b.len() && b[i - 1].is_ascii_digit() && b[i + 1].is_ascii_digit())
            {
                return None;
            }
            continue;
        }
        if c.is_ascii_whitespace() {
            return None;
        }
        clean.push(c);
    }
    let s = &clean[..];
    let is_j = |c: u8| c == b'j' || c == b'J';
    // A lone imaginary unit with an optional sign.
    let unit = |s: &[u8]| -> Option<f64> {
        match s {
            [c] if is_j(*c) => Some(1.0),
            [b'+', c] if is_j(*c) => Some(1.0),
            [b'-', c] if is_j(*c) => Some(-1.0),
            _ => None,
        }
    };
    if let Some(v) = unit(s) {
        return Some((0.0, v));
    }
    let (x, n) = parse_float_prefix(s)?;
    let rest = &s[n..];
    if rest.is_empty() {
        return Some((x, 0.0));
    }
    if rest.len() == 1 && is_j(rest[0]) {
        return Some((0.0, x));
    }
    if rest[0] != b'+' && rest[0] != b'-' {
        return None;
    }
    if let Some(v) = unit(rest) {
        return Some((x, v));
    }
    let (y, m) = parse_float_prefix(rest)?;
    if m + 1 == rest.len() && is_j(rest[m]) {
        return Some((x, y));
    }
    None
}

/// `__complex__` of an object when its type defines it: `Ok(None)` when not.
unsafe fn try_complex_dunder(o: *mut PyObject) -> PyResult<Option<(f64, f64)>> {
    let f = crate::objects::typeobject::lookup_str(Py_TYPE(o), "__complex__");
    if f.is_null() {
        return Ok(None);
    }
    let r = crate::protocols::call::call_method(o, "__complex__", &[])?;
    crate::protocols::number::check_dunder_result(
        o,
        r,
        "__complex__",
        &raw mut PyComplex_Type,
        "a",
    )?;
    let r = Owned(r);
    Ok(Some(parts(r.as_ptr())))
}

/// `PyComplex_RealAsDouble`-style conversion of a real-number argument.
unsafe fn real_arg(o: *mut PyObject, which: &str) -> PyResult<(f64, f64, bool)> {
    if is_complex(o) {
        let (r, i) = parts(o);
        return Ok((r, i, true));
    }
    let nb = (*Py_TYPE(o)).tp_as_number;
    if nb.is_null() || ((*nb).nb_float.is_none() && (*nb).nb_index.is_none()) {
        return crate::raise!(
            PyExc_TypeError,
            "complex() argument '{}' must be a real number, not {}",
            which,
            tp_name(Py_TYPE(o))
        );
    }
    Ok((float::as_f64(o)?, 0.0, false))
}

/// CPython 3.14+ deprecates complex numbers as the arguments of `complex(real, imag)`.
unsafe fn deprecated_complex_arg(which: &str, o: *mut PyObject) -> PyResult<()> {
    let msg = format!(
        "complex() argument '{}' must be a real number, not {}",
        which,
        crate::objects::typeobject::fully_qualified_name(Py_TYPE(o))
    );
    if crate::objects::warnings::warn(
        crate::objects::exceptions::exc(&raw mut PyExc_DeprecationWarning),
        &msg,
        1,
    ) < 0
    {
        return Err(());
    }
    Ok(())
}

unsafe extern "C" fn complex_new(
    t: *mut PyTypeObject,
    args: *mut PyObject,
    kwds: *mut PyObject,
) -> *mut PyObject {
    let a = match crate::objects::long_ops::parse_ctor_args(
        "complex",
        args,
        kwds,
        0,
        &["real", "imag"],
        2,
    ) {
        Ok(a) => a,
        Err(()) => return null_mut(),
    };
    let (r, i) = (a[0], a[1]);
    if !r.is_null() && unicode::is_unicode(r) {
        if !i.is_null() {
            return crate::raise_null!(
                PyExc_TypeError,
                "complex() argument 'real' must be a real number, not str"
            );
        }
        return match parse_complex(&unicode::to_string_lossy(r)) {
            Some((re, im)) => new_typed(t, re, im),
            None => crate::raise_null!(PyExc_ValueError, "complex() arg is a malformed string"),
        };
    }
    if !i.is_null() && unicode::is_unicode(i) {
        return crate::raise_null!(
            PyExc_TypeError,
            "complex() argument 'imag' must be a real number, not str"
        );
    }
    if r.is_null() && i.is_null() {
        return new_typed(t, 0.0, 0.0);
    }
    let (mut re, mut im) = (0.0, 0.0);
    if !r.is_null() {
        if i.is_null() && Py_TYPE(r) == &raw mut PyComplex_Type && t == &raw mut PyComplex_Type {
            return new_ref(r);
        }
        if !i.is_null() && is_complex(r) && deprecated_complex_arg("real", r).is_err() {
            return null_mut();
        }
        match try_complex_dunder(r) {
            Ok(Some((x, y))) => {
                re = x;
                im = y;
            }
            Ok(None) => {
                let nb = (*Py_TYPE(r)).tp_as_number;
                if !is_complex(r)
                    && (nb.is_null() || ((*nb).nb_float.is_none() && (*nb).nb_index.is_none()))
                {
                    return crate::raise_null!(
                        PyExc_TypeError,
                        "complex() argument must be a string or a number, not {}",
                        tp_name(Py_TYPE(r))
                    );
                }
                match real_arg(r, "real") {
                    Ok((x, y, _)) => {
                        re = x;
                        im = y;
                    }
                    Err(()) => return null_mut(),
                }
            }
            Err(()) => return null_mut(),
        }
    }
    if !i.is_null() {
        if is_complex(i) && deprecated_complex_arg("imag", i).is_err() {
            return null_mut();
        }
        match real_arg(i, "imag") {
            Ok((x, y, _)) => {
                // (re + im*j) + (x + y*j)*j
                re -= y;
                im += x;
            }
            Err(()) => return null_mut(),
        }
    }
    new_typed(t, re, im)
}

/// `complex.from_number()`: a complex or real number (no strings) as a complex
/// of class `t`.
unsafe extern "C" fn complex_from_number(t: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let ct = &raw mut PyComplex_Type as *mut PyObject;
    if t == ct && Py_TYPE(arg) == &raw mut PyComplex_Type {
        return new_ref(arg);
    }
    let (re, im) = if is_complex(arg) {
        parts(arg)
    } else {
        match try_complex_dunder(arg) {
            Ok(Some(v)) => v,
            Ok(None) => match float::as_f64(arg) {
                Ok(v) => (v, 0.0),
                Err(()) => return null_mut(),
            },
            Err(()) => return null_mut(),
        }
    };
    let c = from_doubles(re, im);
    if c.is_null() || t == ct {
        return c;
    }
    let r = crate::protocols::call::call_function(t, &[c]);
    Py_DECREF(c);
    r
}

unsafe extern "C" fn complex_conjugate(o: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let (r, i) = parts(o);
    from_doubles(r, -i)
}
unsafe extern "C" fn complex_complex(o: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    complex_pos(o)
}
unsafe extern "C" fn complex_getnewargs(o: *mut PyObject, _: *mut PyObject) -> *mut PyObject {
    let (r, i) = parts(o);
    let a = float::from_f64(r);
    let b = float::from_f64(i);
    let t = tuple::from_slice(&[a, b]);
    Py_DECREF(a);
    Py_DECREF(b);
    t
}

static mut COMPLEX_METHODS: [PyMethodDef; 6] = [
    crate::objects::numfmt::COMPLEX_FORMAT_DEF,
    PyMethodDef {
        ml_name: c"from_number".as_ptr(),
        ml_meth: Some(complex_from_number),
        ml_flags: METH_O | METH_CLASS,
        ml_doc: c"Convert number to a complex floating-point number.".as_ptr(),
    },
    PyMethodDef {
        ml_name: c"conjugate".as_ptr(),
        ml_meth: Some(complex_conjugate),
        ml_flags: METH_NOARGS,
        ml_doc: c"Return the complex conjugate of its argument. (3-4j).conjugate() == 3+4j."
            .as_ptr(),
    },
    PyMethodDef {
        ml_name: c"__complex__".as_ptr(),
        ml_meth: Some(complex_complex),
        ml_flags: METH_NOARGS,
        ml_doc: c"Convert this value to exact type complex.".as_ptr(),
    },
    PyMethodDef {
        ml_name: c"__getnewargs__".as_ptr(),
        ml_meth: Some(complex_getnewargs),
        ml_flags: METH_NOARGS,
        ml_doc: core::ptr::null(),
    },
    PyMethodDef::SENTINEL,
];

static mut COMPLEX_MEMBERS: [PyMemberDef; 3] = [
    PyMemberDef {
        name: c"real".as_ptr(),
        type_code: Py_T_DOUBLE,
        offset: core::mem::offset_of!(ComplexObject, real) as Py_ssize_t,
        flags: Py_READONLY,
        doc: c"the real part of a complex number".as_ptr(),
    },
    PyMemberDef {
        name: c"imag".as_ptr(),
        type_code: Py_T_DOUBLE,
        offset: core::mem::offset_of!(ComplexObject, imag) as Py_ssize_t,
        flags: Py_READONLY,
        doc: c"the imaginary part of a complex number".as_ptr(),
    },
    PyMemberDef {
        name: core::ptr::null(),
        type_code: 0,
        offset: 0,
        flags: 0,
        doc: core::ptr::null(),
    },
];

pub unsafe fn init_type() {
    let t = &raw mut PyComplex_Type;
    crate::objects::typeobject::init_builtin(
        t,
        c"complex",
        core::mem::size_of::<ComplexObject>(),
        0,
    );
    (*t).tp_flags |= Py_TPFLAGS_BASETYPE;
    (*t).tp_repr = Some(complex_repr);
    (*t).tp_hash = Some(complex_hash);
    (*t).tp_richcompare = Some(complex_richcompare);
    (*t).tp_dealloc = Some(crate::objects::baseobject::object_dealloc);
    (*t).tp_as_number = &raw mut COMPLEX_AS_NUMBER;
    (*t).tp_new = Some(complex_new);
    (*t).tp_methods = (&raw mut COMPLEX_METHODS).cast();
    (*t).tp_members = (&raw mut COMPLEX_MEMBERS).cast();
    (*t).tp_doc = c"Create a complex number from a string or numbers.".as_ptr();
}
