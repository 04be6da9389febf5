//! `_math_integer` (`math.integer` in CPython 3.15): the integer functions
//! `gcd`, `lcm`, `isqrt`, `factorial`, `comb`, `perm`, which `math` re-exports.

use core::ptr::null_mut;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::defs::*;
use crate::exported::none;
use crate::modules::{check_positional, ret};
use crate::object::*;
use crate::objects::sequtil::fastcall_args;
use crate::objects::{long, module, unicode};
use crate::protocols::number;

crate::native_module!(
    c"math.integer",
    c"This module provides access to integer related mathematical functions.",
    exec,
    []
);

static mut FUNCTIONS: [PyMethodDef; 7] = [
    crate::func!(c"comb", comb, METH_FASTCALL, c"comb($module, n, k, /)\n--\n\nNumber of ways to choose k items from n items without repetition and without order."),
    crate::func!(c"factorial", factorial, METH_O, c"factorial($module, n, /)\n--\n\nFind n!."),
    crate::func!(c"gcd", gcd, METH_FASTCALL, c"gcd($module, /, *integers)\n--\n\nGreatest Common Divisor."),
    crate::func!(c"isqrt", isqrt, METH_O, c"isqrt($module, n, /)\n--\n\nReturn the integer part of the square root of the input."),
    crate::func!(c"lcm", lcm, METH_FASTCALL, c"lcm($module, /, *integers)\n--\n\nLeast Common Multiple."),
    crate::func!(c"perm", perm, METH_FASTCALL, c"perm($module, n, k=None, /)\n--\n\nNumber of ways to choose k items from n items without repetition and with order."),
    PyMethodDef::SENTINEL,
];

/// The module calls itself `math.integer` (its functions' `__module__` too).
unsafe fn exec(m: *mut PyObject) -> PyResult<()> {
    let name = Owned::from_new(unicode::from_str("math.integer")).ok_or(())?;
    crate::objects::dict::set_str(module::m(m).md_dict, "__name__", name.as_ptr())?;
    xsetref(&raw mut module::m(m).md_name, new_ref(name.as_ptr()));
    module::add_functions(m, (&raw mut FUNCTIONS) as *mut PyMethodDef)
}

/// `operator.index(o)` as a BigInt.
pub(crate) unsafe fn index_big(o: *mut PyObject) -> PyResult<BigInt> {
    let i = Owned::from_new(number::index(o)).ok_or(())?;
    Ok(long::to_bigint(i.as_ptr()))
}

fn int(v: BigInt) -> PyResult<*mut PyObject> {
    nonnull(unsafe { long::from_bigint(v) })
}

unsafe extern "C" fn gcd(
    _m: *mut PyObject,
    args: *const *mut PyObject,
    n: Py_ssize_t,
) -> *mut PyObject {
    ret((|| {
        let mut g = BigInt::zero();
        for &a in fastcall_args(args, n) {
            let v = index_big(a)?;
            if !g.is_one() {
                g = g.gcd(&v);
            }
        }
        int(g)
    })())
}

unsafe extern "C" fn lcm(
    _m: *mut PyObject,
    args: *const *mut PyObject,
    n: Py_ssize_t,
) -> *mut PyObject {
    ret((|| {
        let mut l = BigInt::one();
        for &a in fastcall_args(args, n) {
            let v = index_big(a)?;
            if !l.is_zero() {
                l = if v.is_zero() { v } else { l.lcm(&v) };
            }
        }
        int(l.abs())
    })())
}

unsafe extern "C" fn isqrt(_m: *mut PyObject, n: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let v = index_big(n)?;
        if v.is_negative() {
            return crate::raise!(PyExc_ValueError, "isqrt() argument must be nonnegative");
        }
        int(v.sqrt())
    })())
}

/// The product lo * (lo+1) * ... * (hi-1), split in halves so that the big
/// multiplications are balanced.
fn range_product(lo: u64, hi: u64) -> BigInt {
    match hi.saturating_sub(lo) {
        0 => BigInt::one(),
        1 => BigInt::from(lo),
        2 => BigInt::from(lo) * BigInt::from(lo + 1),
        d => {
            let mid = lo + d / 2;
            range_product(lo, mid) * range_product(mid, hi)
        }
    }
}

/// A non-negative C long, or the given errors.
unsafe fn to_u63(o: *mut PyObject, negative: &str, too_big: &str) -> PyResult<u64> {
    let v = index_big(o)?;
    if v.is_negative() {
        return crate::raise!(PyExc_ValueError, "{}", negative);
    }
    match v.to_i64() {
        Some(x) => Ok(x as u64),
        None => crate::raise!(PyExc_OverflowError, "{}", too_big),
    }
}

unsafe extern "C" fn factorial(_m: *mut PyObject, n: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let n = to_u63(
            n,
            "factorial() not defined for negative values",
            "factorial() argument should not exceed 9223372036854775807",
        )?;
        int(range_product(1, n + 1))
    })())
}

/// n and k of `comb`/`perm`, validated; `None` when k > n (the answer is 0).
unsafe fn n_and_k(
    n: *mut PyObject,
    k: *mut PyObject,
    comb: bool,
) -> PyResult<Option<(BigInt, u64)>> {
    let n = index_big(n)?;
    let k = index_big(k)?;
    if n.is_negative() {
        return crate::raise!(PyExc_ValueError, "n must be a non-negative integer");
    }
    if k.is_negative() {
        return crate::raise!(PyExc_ValueError, "k must be a non-negative integer");
    }
    if k > n {
        return Ok(None);
    }
    // comb(n, k) == comb(n, n - k): the smaller side bounds the work.
    let k = if comb { k.clone().min(&n - &k) } else { k };
    match k.to_i64() {
        Some(k) => Ok(Some((n, k as u64))),
        None if comb => crate::raise!(
            PyExc_OverflowError,
            "min(n - k, k) must not exceed 9223372036854775807"
        ),
        None => crate::raise!(PyExc_OverflowError, "k must not exceed 9223372036854775807"),
    }
}

/// n * (n-1) * ... * (n-k+1) for a big n.
fn falling(n: &BigInt, k: u64) -> BigInt {
    match k {
        0 => BigInt::one(),
        1 => n.clone(),
        _ => {
            let h = k / 2;
            falling(n, h) * falling(&(n - h), k - h)
        }
    }
}

unsafe extern "C" fn comb(
    _m: *mut PyObject,
    args: *const *mut PyObject,
    n: Py_ssize_t,
) -> *mut PyObject {
    ret((|| {
        check_positional("comb", n as usize, 2, 2)?;
        let a = fastcall_args(args, n);
        match n_and_k(a[0], a[1], true)? {
            None => int(BigInt::zero()),
            Some((n, k)) => int(falling(&n, k) / range_product(1, k + 1)),
        }
    })())
}

unsafe extern "C" fn perm(
    _m: *mut PyObject,
    args: *const *mut PyObject,
    n: Py_ssize_t,
) -> *mut PyObject {
    ret((|| {
        check_positional("perm", n as usize, 1, 2)?;
        let a = fastcall_args(args, n);
        if a.len() == 1 || a[1] == none() {
            return nonnull(factorial(null_mut(), a[0]));
        }
        match n_and_k(a[0], a[1], false)? {
            None => int(BigInt::zero()),
            Some((n, k)) => int(falling(&n, k)),
        }
    })())
}
