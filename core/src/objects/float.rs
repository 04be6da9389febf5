//! `float`: a C double (CPython's layout: header then `ob_fval`).

use core::ffi::c_int;
use core::ptr::null_mut;

use crate::alloc;
use crate::exported::*;
use crate::object::*;
use crate::objects::typeobject::tp_name;
use crate::objects::{long, unicode};
use crate::typeobj::*;

#[repr(C)]
pub struct FloatObject {
    pub ob_base: PyObject,
    pub ob_fval: f64,
}

#[inline]
pub unsafe fn is_float(o: *mut PyObject) -> bool {
    Py_TYPE(o) == &raw mut PyFloat_Type
        || crate::objects::typeobject::is_subtype(Py_TYPE(o), &raw mut PyFloat_Type)
}

#[inline]
pub unsafe fn value(o: *mut PyObject) -> f64 {
    (*(o as *mut FloatObject)).ob_fval
}

pub unsafe fn from_f64(v: f64) -> *mut PyObject {
    alloc::new_object(
        &raw mut PyFloat_Type,
        FloatObject {
            ob_base: PyObject {
                ob_refcnt: 1,
                ob_type: null_mut(),
            },
            ob_fval: v,
        },
    ) as *mut PyObject
}

/// `PyFloat_AsDouble`: floats, then `__float__`, then `__index__`.
pub unsafe fn as_f64(o: *mut PyObject) -> PyResult<f64> {
    if is_float(o) {
        return Ok(value(o));
    }
    let t = Py_TYPE(o);
    let nb = (*t).tp_as_number;
    if !nb.is_null() {
        if let Some(f) = (*nb).nb_float {
            let r = f(o);
            if r.is_null() {
                return Err(());
            }
            crate::protocols::number::check_dunder_result(
                o,
                r,
                "__float__",
                &raw mut PyFloat_Type,
                "a",
            )?;
            let v = value(r);
            Py_DECREF(r);
            return Ok(v);
        }
        if (*nb).nb_index.is_some() {
            let i = Owned::from_new(crate::protocols::number::index(o)).ok_or(())?;
            return long::to_f64(i.as_ptr());
        }
    }
    crate::raise!(PyExc_TypeError, "must be real number, not {}", tp_name(t))
}

/// The shortest round-trip digits of a finite `v` as `d.ddde<exp>`, choosing,
/// among the candidates of that length, the one nearest to the exact value
/// (ties to even), as CPython's dtoa does. Rust's `{:e}` gives the shortest
/// length but may pick the other neighbour on a tie; `{:.*e}` rounds exactly.
pub fn shortest_e(v: f64) -> String {
    let s = format!("{:e}", v);
    let n = s
        .split('e')
        .next()
        .unwrap_or("")
        .bytes()
        .filter(|c| c.is_ascii_digit())
        .count();
    let c = format!("{:.*e}", n.saturating_sub(1), v);
    if c.parse::<f64>() == Ok(v) {
        c
    } else {
        s
    }
}

/// The shortest-repr `digits` (d.ddd × 10^exp) written without an exponent, as
/// repr and format 'r' do for -4 <= exp < 16; `whole_suffix` follows a value
/// with no fractional digits (repr: ".0").
pub(crate) fn push_fixed(out: &mut String, digits: &str, exp: i32, whole_suffix: &str) {
    if exp >= 0 {
        let int_len = exp as usize + 1;
        if digits.len() <= int_len {
            out.push_str(digits);
            out.extend(core::iter::repeat_n('0', int_len - digits.len()));
            out.push_str(whole_suffix);
        } else {
            out.push_str(&digits[..int_len]);
            out.push('.');
            out.push_str(&digits[int_len..]);
        }
    } else {
        out.push_str("0.");
        out.extend(core::iter::repeat_n('0', (-exp - 1) as usize));
        out.push_str(digits);
    }
}

/// `repr(float)`: the shortest string that round-trips, in Python's format
/// (`1e+16`, `1.5`, `inf`, `nan`, `-0.0`).
pub fn repr_f64(v: f64) -> String {
    if v.is_nan() {
        return "nan".into();
    }
    if v.is_infinite() {
        return if v > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let e = shortest_e(v);
    let (mant, exp) = e.split_once('e').unwrap();
    let exp: i32 = exp.parse().unwrap();
    let neg = mant.starts_with('-');
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    if (-4..16).contains(&exp) {
        push_fixed(&mut out, &digits, exp, ".0");
    } else {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push('e');
        out.push(if exp < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exp.abs()));
    }
    out
}

pub unsafe extern "C" fn float_repr(o: *mut PyObject) -> *mut PyObject {
    unicode::from_str(&repr_f64(value(o)))
}

/// CPython's float hash: exact for integral values, consistent with int's.
pub fn hash_f64(v: f64) -> Py_hash_t {
    if v.is_nan() {
        return 0; // CPython hashes NaN by identity; callers use the object hash.
    }
    if v.is_infinite() {
        return if v > 0.0 { 314159 } else { -314159 };
    }
    let (m, e) = frexp(v.abs());
    let mut m = m;
    let mut e = e;
    let modulus = long::HASH_MODULUS;
    let mut x: u64 = 0;
    const BITS: i32 = 61;
    while m != 0.0 {
        x = ((x << 28) & modulus) | (x >> (BITS - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= modulus {
            x -= modulus;
        }
    }
    let e = if e >= 0 {
        e % BITS
    } else {
        BITS - 1 - ((-1 - e) % BITS)
    };
    x = ((x << e) & modulus) | (x >> (BITS - e));
    let mut h = x as i64;
    if v < 0.0 {
        h = -h;
    }
    if h == -1 {
        -2
    } else {
        h as Py_hash_t
    }
}

fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 {
        return (0.0, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(v * (1u64 << 54) as f64);
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

pub unsafe extern "C" fn float_hash(o: *mut PyObject) -> Py_hash_t {
    let v = value(o);
    if v.is_nan() {
        return crate::objects::baseobject::object_hash(o);
    }
    hash_f64(v)
}

pub unsafe extern "C" fn float_richcompare(
    a: *mut PyObject,
    b: *mut PyObject,
    op: c_int,
) -> *mut PyObject {
    let x = value(a);
    let ord = if is_float(b) {
        x.partial_cmp(&value(b))
    } else if long::is_long(b) {
        long::compare_with_f64(b, x).map(|o| o.reverse())
    } else {
        return new_ref(not_implemented());
    };
    use core::cmp::Ordering::*;
    let r = match (op, ord) {
        (3, None) => true,
        (_, None) => false,
        (0, Some(o)) => o == Less,
        (1, Some(o)) => o != Greater,
        (2, Some(o)) => o == Equal,
        (3, Some(o)) => o != Equal,
        (4, Some(o)) => o == Greater,
        (_, Some(o)) => o != Less,
    };
    py_bool(r)
}

pub unsafe fn init_type() {
    let t = &raw mut PyFloat_Type;
    crate::objects::typeobject::init_builtin(t, c"float", core::mem::size_of::<FloatObject>(), 0);
    (*t).tp_flags |= Py_TPFLAGS_BASETYPE;
    (*t).tp_repr = Some(float_repr);
    (*t).tp_hash = Some(float_hash);
    (*t).tp_richcompare = Some(float_richcompare);
    (*t).tp_dealloc = Some(crate::objects::baseobject::object_dealloc);
    (*t).tp_doc = c"Convert a string or number to a floating-point number, if possible.".as_ptr();
    crate::objects::float_ops::init_type();
}
