//! `int`: arbitrary precision integers.
//!
//! An int is 32 bytes (CPython's `True`/`False` symbols are 32 bytes and are ints):
//! the header, an `i64` for values that fit, and a pointer to a heap `BigInt` for
//! those that do not (NULL otherwise). Values in `i64` range are always stored
//! small, so equal values have one representation.

use core::ffi::c_int;
use core::ptr::null_mut;

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::alloc;
use crate::exported::*;
use crate::object::*;
use crate::typeobj::*;

#[repr(C)]
pub struct LongObject {
    pub ob_base: PyObject,
    pub small: i64,
    pub big: *mut BigInt,
}

const _: () = assert!(core::mem::size_of::<LongObject>() == 32);

/// Cached immortal small ints, -5..=256 as in CPython.
pub const SMALL_MIN: i64 = -5;
pub const SMALL_MAX: i64 = 256;
static mut SMALL: [*mut PyObject; (SMALL_MAX - SMALL_MIN + 1) as usize] =
    [null_mut(); (SMALL_MAX - SMALL_MIN + 1) as usize];

#[inline]
pub unsafe fn is_long(o: *mut PyObject) -> bool {
    has_flag(Py_TYPE(o), Py_TPFLAGS_LONG_SUBCLASS)
}

#[inline]
pub unsafe fn is_long_exact(o: *mut PyObject) -> bool {
    Py_TYPE(o) == &raw mut PyLong_Type
}

#[inline]
pub unsafe fn as_long<'a>(o: *mut PyObject) -> &'a LongObject {
    &*(o as *const LongObject)
}

unsafe fn alloc_long(t: *mut PyTypeObject, small: i64, big: *mut BigInt) -> *mut PyObject {
    if t == &raw mut PyLong_Type {
        let op = alloc::new_object(
            t,
            LongObject {
                ob_base: PyObject {
                    ob_refcnt: 1,
                    ob_type: null_mut(),
                },
                small,
                big,
            },
        );
        return op as *mut PyObject;
    }
    // Subclass instance: allocate through the type so extra fields/dict fit.
    let alloc_fn = (*t).tp_alloc.unwrap_or(alloc::generic_alloc_slot);
    let op = alloc_fn(t, 0);
    if op.is_null() {
        if !big.is_null() {
            drop(Box::from_raw(big));
        }
        return op;
    }
    (*(op as *mut LongObject)).small = small;
    (*(op as *mut LongObject)).big = big;
    op
}

/// A new int from an `i64`.
pub unsafe fn from_i64(v: i64) -> *mut PyObject {
    if (SMALL_MIN..=SMALL_MAX).contains(&v) {
        let c = SMALL[(v - SMALL_MIN) as usize];
        if !c.is_null() {
            return c; // immortal
        }
    }
    alloc_long(&raw mut PyLong_Type, v, null_mut())
}

pub unsafe fn from_u64(v: u64) -> *mut PyObject {
    if v <= i64::MAX as u64 {
        from_i64(v as i64)
    } else {
        from_bigint(BigInt::from(v))
    }
}

pub unsafe fn from_i128(v: i128) -> *mut PyObject {
    match i64::try_from(v) {
        Ok(s) => from_i64(s),
        Err(_) => from_bigint(BigInt::from(v)),
    }
}

/// A new int holding `v` (normalised to the small form when it fits).
pub unsafe fn from_bigint(v: BigInt) -> *mut PyObject {
    match v.to_i64() {
        Some(s) => from_i64(s),
        None => alloc_long(&raw mut PyLong_Type, 0, Box::into_raw(Box::new(v))),
    }
}

/// A new instance of the int subclass `t` with value `v`.
pub unsafe fn from_bigint_typed(t: *mut PyTypeObject, v: BigInt) -> *mut PyObject {
    if t == &raw mut PyLong_Type {
        return from_bigint(v);
    }
    match v.to_i64() {
        Some(s) => alloc_long(t, s, null_mut()),
        None => alloc_long(t, 0, Box::into_raw(Box::new(v))),
    }
}

/// The value if it fits in `i64` (the object must be an int).
#[inline]
pub unsafe fn to_i64(o: *mut PyObject) -> Option<i64> {
    let l = as_long(o);
    if l.big.is_null() {
        Some(l.small)
    } else {
        None
    }
}

/// The value as a `BigInt` (copy).
pub unsafe fn to_bigint(o: *mut PyObject) -> BigInt {
    let l = as_long(o);
    if l.big.is_null() {
        BigInt::from(l.small)
    } else {
        (*l.big).clone()
    }
}

/// Run `f` on the value as `BigInt` without copying a big one.
pub unsafe fn with_bigint<R>(o: *mut PyObject, f: impl FnOnce(&BigInt) -> R) -> R {
    let l = as_long(o);
    if l.big.is_null() {
        f(&BigInt::from(l.small))
    } else {
        f(&*l.big)
    }
}

pub unsafe fn is_negative(o: *mut PyObject) -> bool {
    let l = as_long(o);
    if l.big.is_null() {
        l.small < 0
    } else {
        (*l.big).is_negative()
    }
}

pub unsafe fn is_zero(o: *mut PyObject) -> bool {
    let l = as_long(o);
    l.big.is_null() && l.small == 0
}

/// CPython's numeric hash modulus, 2**61 - 1.
pub const HASH_MODULUS: u64 = (1 << 61) - 1;

/// `hash(int)`: the value modulo 2**61-1 with its sign; -1 maps to -2.
pub fn hash_bigint(v: &BigInt) -> Py_hash_t {
    let m = BigInt::from(HASH_MODULUS);
    let r = (v.abs() % &m).to_i64().unwrap_or(0);
    let h = if v.is_negative() { -r } else { r };
    if h == -1 {
        -2
    } else {
        h as Py_hash_t
    }
}

pub fn hash_i64(v: i64) -> Py_hash_t {
    let a = v.unsigned_abs() % HASH_MODULUS;
    let h = if v < 0 { -(a as i64) } else { a as i64 };
    if h == -1 {
        -2
    } else {
        h as Py_hash_t
    }
}

pub unsafe extern "C" fn long_hash(o: *mut PyObject) -> Py_hash_t {
    match to_i64(o) {
        Some(v) => hash_i64(v),
        None => hash_bigint(&*as_long(o).big),
    }
}

pub unsafe fn to_decimal_string(o: *mut PyObject) -> String {
    match to_i64(o) {
        Some(v) => v.to_string(),
        None => (*as_long(o).big).to_str_radix(10),
    }
}

/// Decimal digits beyond which str()/int() refuse (`sys.int_info.default_max_str_digits`).
pub static MAX_STR_DIGITS: core::sync::atomic::AtomicUsize =
    core::sync::atomic::AtomicUsize::new(4300);

pub unsafe extern "C" fn long_repr(o: *mut PyObject) -> *mut PyObject {
    let l = as_long(o);
    let limit = MAX_STR_DIGITS.load(core::sync::atomic::Ordering::Relaxed);
    let too_many = || -> *mut PyObject {
        crate::raise_null!(
            PyExc_ValueError,
            "Exceeds the limit ({} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
            limit
        )
    };
    // A cheap bound first (bits * log10(2) digits), then the exact count.
    if !l.big.is_null()
        && limit > 0
        && (*l.big).bits() as f64 * core::f64::consts::LOG10_2 > limit as f64 + 1.0
    {
        return too_many();
    }
    let s = to_decimal_string(o);
    if limit > 0 && s.trim_start_matches('-').len() > limit {
        return too_many();
    }
    crate::objects::unicode::from_str(&s)
}

pub unsafe fn compare(a: *mut PyObject, b: *mut PyObject) -> core::cmp::Ordering {
    match (to_i64(a), to_i64(b)) {
        (Some(x), Some(y)) => x.cmp(&y),
        _ => to_bigint(a).cmp(&to_bigint(b)),
    }
}

pub unsafe extern "C" fn long_richcompare(
    a: *mut PyObject,
    b: *mut PyObject,
    op: c_int,
) -> *mut PyObject {
    if !is_long(b) {
        return new_ref(not_implemented());
    }
    let ord = compare(a, b);
    use core::cmp::Ordering::*;
    let r = match op {
        0 => ord == Less,
        1 => ord != Greater,
        2 => ord == Equal,
        3 => ord != Equal,
        4 => ord == Greater,
        _ => ord != Less,
    };
    py_bool(r)
}

pub unsafe extern "C" fn long_dealloc(o: *mut PyObject) {
    let l = o as *mut LongObject;
    if !(*l).big.is_null() {
        drop(Box::from_raw((*l).big));
        (*l).big = null_mut();
    }
    alloc::free_via_type(o);
}

pub unsafe extern "C" fn long_bool(o: *mut PyObject) -> c_int {
    (!is_zero(o)) as c_int
}

/// `int(o)` for an int subclass instance: an exact int with the same value.
pub unsafe fn exact_copy(o: *mut PyObject) -> *mut PyObject {
    if is_long_exact(o) {
        return new_ref(o);
    }
    match to_i64(o) {
        Some(v) => from_i64(v),
        None => from_bigint((*as_long(o).big).clone()),
    }
}

pub unsafe extern "C" fn long_index(o: *mut PyObject) -> *mut PyObject {
    exact_copy(o)
}

/// Fill in `PyLong_Type`'s core slots; arithmetic comes from `long_ops`.
pub unsafe fn init_type() {
    let t = &raw mut PyLong_Type;
    crate::objects::typeobject::init_builtin(t, c"int", core::mem::size_of::<LongObject>(), 0);
    (*t).tp_flags |= Py_TPFLAGS_BASETYPE | Py_TPFLAGS_LONG_SUBCLASS;
    (*t).tp_dealloc = Some(long_dealloc);
    (*t).tp_repr = Some(long_repr);
    (*t).tp_hash = Some(long_hash);
    (*t).tp_richcompare = Some(long_richcompare);
    (*t).tp_doc = c"int([x]) -> integer\nint(x, base=10) -> integer".as_ptr();
    crate::objects::long_ops::init_type();
}

/// Create the small-int cache (immortal objects).
pub unsafe fn init_small_ints() {
    for v in SMALL_MIN..=SMALL_MAX {
        let o = alloc_long(&raw mut PyLong_Type, v, null_mut());
        make_immortal(o);
        SMALL[(v - SMALL_MIN) as usize] = o;
    }
}

pub fn zero_bigint() -> BigInt {
    BigInt::zero()
}

/// `float(int)`, with OverflowError for ints beyond the double range.
pub unsafe fn to_f64(o: *mut PyObject) -> PyResult<f64> {
    if let Some(v) = to_i64(o) {
        return Ok(v as f64);
    }
    let f = num_traits::ToPrimitive::to_f64(&*as_long(o).big).unwrap_or(f64::INFINITY);
    if f.is_infinite() {
        return crate::raise!(PyExc_OverflowError, "int too large to convert to float");
    }
    Ok(f)
}

/// Compare an int with a double exactly (None when `x` is NaN).
pub unsafe fn compare_with_f64(o: *mut PyObject, x: f64) -> Option<core::cmp::Ordering> {
    if x.is_nan() {
        return None;
    }
    if x.is_infinite() {
        return Some(if x > 0.0 {
            core::cmp::Ordering::Less
        } else {
            core::cmp::Ordering::Greater
        });
    }
    let fl = x.floor();
    let v = to_bigint(o);
    let fi = num_bigint::BigInt::from(fl as i128);
    let fi = if fl.abs() < 1e38 {
        fi
    } else {
        num_traits::FromPrimitive::from_f64(fl).unwrap_or(fi)
    };
    match v.cmp(&fi) {
        core::cmp::Ordering::Equal => {
            if x > fl {
                Some(core::cmp::Ordering::Less)
            } else {
                Some(core::cmp::Ordering::Equal)
            }
        }
        o => Some(o),
    }
}
