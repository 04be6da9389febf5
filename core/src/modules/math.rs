//! `math`: the C library's floating-point functions with CPython's error rules
//! (a NaN from a non-NaN input is a domain error, ValueError; an infinity from a
//! finite input is a range error, OverflowError, where the function can overflow),
//! gamma/lgamma by a Lanczos approximation, exact `fsum`, accurate
//! `hypot`/`dist`/`sumprod`, and the integer functions of `math.integer`.

use core::ffi::c_int;

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::defs::*;
use crate::exported::none;
use crate::modules::{add, add_float, check_positional, iter, next_item, parse_kw, ret, Params};
use crate::object::*;
use crate::objects::sequtil::fastcall_args;
use crate::objects::{float, long, tuple, unicode};
use crate::protocols::{number, object as pobj, objproto};

/// The C math library (CPython calls the same functions, so the results agree
/// to the bit).
mod libm {
    extern "C" {
        pub fn acos(x: f64) -> f64;
        pub fn acosh(x: f64) -> f64;
        pub fn asin(x: f64) -> f64;
        pub fn asinh(x: f64) -> f64;
        pub fn atan(x: f64) -> f64;
        pub fn atan2(y: f64, x: f64) -> f64;
        pub fn atanh(x: f64) -> f64;
        pub fn cos(x: f64) -> f64;
        pub fn cosh(x: f64) -> f64;
        pub fn erf(x: f64) -> f64;
        pub fn erfc(x: f64) -> f64;
        pub fn exp(x: f64) -> f64;
        pub fn exp2(x: f64) -> f64;
        pub fn expm1(x: f64) -> f64;
        pub fn fma(x: f64, y: f64, z: f64) -> f64;
        pub fn frexp(x: f64, e: *mut core::ffi::c_int) -> f64;
        pub fn ldexp(x: f64, e: core::ffi::c_int) -> f64;
        pub fn log(x: f64) -> f64;
        pub fn log10(x: f64) -> f64;
        pub fn log1p(x: f64) -> f64;
        pub fn log2(x: f64) -> f64;
        pub fn modf(x: f64, i: *mut f64) -> f64;
        pub fn nextafter(x: f64, y: f64) -> f64;
        pub fn pow(x: f64, y: f64) -> f64;
        pub fn remainder(x: f64, y: f64) -> f64;
        pub fn sin(x: f64) -> f64;
        pub fn sinh(x: f64) -> f64;
        pub fn sqrt(x: f64) -> f64;
        pub fn tan(x: f64) -> f64;
        pub fn tanh(x: f64) -> f64;
    }
}

/// The C library's `cbrt`: Rust's runtime links a `cbrt` of its own into this
/// library, which rounds differently, so ours is looked up dynamically.
unsafe extern "C" fn cbrt_c(x: f64) -> f64 {
    type F = unsafe extern "C" fn(f64) -> f64;
    static CBRT: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    let f = *CBRT.get_or_init(|| libc::dlsym(libc::RTLD_DEFAULT, c"cbrt".as_ptr()) as usize);
    if f == 0 {
        return x.cbrt();
    }
    core::mem::transmute::<usize, F>(f)(x)
}

crate::native_module!(
    c"math",
    c"This module provides access to the mathematical functions\ndefined by the C standard.",
    exec,
    [
        crate::func!(c"acos", acos, METH_O, c"acos($module, x, /)\n--\n\nArc cosine of x, in radians."),
        crate::func!(c"acosh", acosh, METH_O, c"acosh($module, x, /)\n--\n\nInverse hyperbolic cosine of x."),
        crate::func!(c"asin", asin, METH_O, c"asin($module, x, /)\n--\n\nArc sine of x, in radians."),
        crate::func!(c"asinh", asinh, METH_O, c"asinh($module, x, /)\n--\n\nInverse hyperbolic sine of x."),
        crate::func!(c"atan", atan, METH_O, c"atan($module, x, /)\n--\n\nArc tangent of x, in radians."),
        crate::func!(c"atan2", atan2, METH_FASTCALL, c"atan2($module, y, x, /)\n--\n\nArc tangent of y/x, in radians, signs of both considered."),
        crate::func!(c"atanh", atanh, METH_O, c"atanh($module, x, /)\n--\n\nInverse hyperbolic tangent of x."),
        crate::func!(c"cbrt", cbrt, METH_O, c"cbrt($module, x, /)\n--\n\nCube root of x."),
        crate::func!(c"ceil", ceil, METH_O, c"ceil($module, x, /)\n--\n\nSmallest integer >= x."),
        crate::func!(c"copysign", copysign, METH_FASTCALL, c"copysign($module, x, y, /)\n--\n\nx with the sign of y."),
        crate::func!(c"cos", cos, METH_O, c"cos($module, x, /)\n--\n\nCosine of x (radians)."),
        crate::func!(c"cosh", cosh, METH_O, c"cosh($module, x, /)\n--\n\nHyperbolic cosine of x."),
        crate::func!(c"degrees", degrees, METH_O, c"degrees($module, x, /)\n--\n\nx radians in degrees."),
        crate::func!(c"dist", dist, METH_FASTCALL, c"dist($module, p, q, /)\n--\n\nEuclidean distance between two points."),
        crate::func!(c"erf", erf, METH_O, c"erf($module, x, /)\n--\n\nError function at x."),
        crate::func!(c"erfc", erfc, METH_O, c"erfc($module, x, /)\n--\n\nComplementary error function at x."),
        crate::func!(c"exp", exp, METH_O, c"exp($module, x, /)\n--\n\ne to the power x."),
        crate::func!(c"exp2", exp2, METH_O, c"exp2($module, x, /)\n--\n\n2 to the power x."),
        crate::func!(c"expm1", expm1, METH_O, c"expm1($module, x, /)\n--\n\nexp(x)-1, accurate for small x."),
        crate::func!(c"fabs", fabs, METH_O, c"fabs($module, x, /)\n--\n\nAbsolute value of x as a float."),
        crate::func!(c"floor", floor, METH_O, c"floor($module, x, /)\n--\n\nLargest integer <= x."),
        crate::func!(c"fma", fma, METH_FASTCALL, c"fma($module, x, y, z, /)\n--\n\n(x * y) + z, rounded once."),
        crate::func!(c"fmax", fmax, METH_FASTCALL, c"fmax($module, x, y, /)\n--\n\nThe larger of x and y, ignoring a NaN."),
        crate::func!(c"fmin", fmin, METH_FASTCALL, c"fmin($module, x, y, /)\n--\n\nThe smaller of x and y, ignoring a NaN."),
        crate::func!(c"fmod", fmod, METH_FASTCALL, c"fmod($module, x, y, /)\n--\n\nfmod(x, y) as the C library computes it."),
        crate::func!(c"frexp", frexp, METH_O, c"frexp($module, x, /)\n--\n\nMantissa and exponent of x, as (m, e)."),
        crate::func!(c"fsum", fsum, METH_O, c"fsum($module, seq, /)\n--\n\nExact floating-point sum of the values."),
        crate::func!(c"gamma", gamma, METH_O, c"gamma($module, x, /)\n--\n\nGamma function at x."),
        crate::func!(c"hypot", hypot, METH_FASTCALL, c"hypot($module, /, *coordinates)\n--\n\nEuclidean norm of the coordinates."),
        crate::func!(c"isclose", isclose, METH_FASTCALL | METH_KEYWORDS, c"isclose($module, /, a, b, *, rel_tol=1e-09, abs_tol=0.0)\n--\n\nWhether a and b are close to each other."),
        crate::func!(c"isfinite", isfinite, METH_O, c"isfinite($module, x, /)\n--\n\nWhether x is neither an infinity nor a NaN."),
        crate::func!(c"isinf", isinf, METH_O, c"isinf($module, x, /)\n--\n\nWhether x is an infinity."),
        crate::func!(c"isnan", isnan, METH_O, c"isnan($module, x, /)\n--\n\nWhether x is a NaN."),
        crate::func!(c"isnormal", isnormal, METH_O, c"isnormal($module, x, /)\n--\n\nWhether x is normal (not zero, subnormal, infinite or NaN)."),
        crate::func!(c"issubnormal", issubnormal, METH_O, c"issubnormal($module, x, /)\n--\n\nWhether x is subnormal."),
        crate::func!(c"ldexp", ldexp, METH_FASTCALL, c"ldexp($module, x, i, /)\n--\n\nx * (2**i)."),
        crate::func!(c"lgamma", lgamma, METH_O, c"lgamma($module, x, /)\n--\n\nNatural logarithm of the absolute value of the Gamma function at x."),
        crate::func!(c"log", log, METH_FASTCALL, c"log(x, [base=math.e])\nLogarithm of x to the given base (e by default)."),
        crate::func!(c"log10", log10, METH_O, c"log10($module, x, /)\n--\n\nBase 10 logarithm of x."),
        crate::func!(c"log1p", log1p, METH_O, c"log1p($module, x, /)\n--\n\nlog(1+x), accurate for small x."),
        crate::func!(c"log2", log2, METH_O, c"log2($module, x, /)\n--\n\nBase 2 logarithm of x."),
        crate::func!(c"modf", modf, METH_O, c"modf($module, x, /)\n--\n\nFractional and integer parts of x, both floats with the sign of x."),
        crate::func!(c"nextafter", nextafter, METH_FASTCALL | METH_KEYWORDS, c"nextafter($module, x, y, /, *, steps=None)\n--\n\nThe float `steps` steps after x towards y."),
        crate::func!(c"pow", pow, METH_FASTCALL, c"pow($module, x, y, /)\n--\n\nx**y as floats."),
        crate::func!(c"prod", prod, METH_FASTCALL | METH_KEYWORDS, c"prod($module, iterable, /, *, start=1)\n--\n\nProduct of start and the items of the iterable."),
        crate::func!(c"radians", radians, METH_O, c"radians($module, x, /)\n--\n\nx degrees in radians."),
        crate::func!(c"remainder", remainder, METH_FASTCALL, c"remainder($module, x, y, /)\n--\n\nIEEE 754 remainder of x with respect to y."),
        crate::func!(c"signbit", signbit, METH_O, c"signbit($module, x, /)\n--\n\nWhether the sign bit of x is set."),
        crate::func!(c"sin", sin, METH_O, c"sin($module, x, /)\n--\n\nSine of x (radians)."),
        crate::func!(c"sinh", sinh, METH_O, c"sinh($module, x, /)\n--\n\nHyperbolic sine of x."),
        crate::func!(c"sqrt", sqrt, METH_O, c"sqrt($module, x, /)\n--\n\nSquare root of x."),
        crate::func!(c"sumprod", sumprod, METH_FASTCALL, c"sumprod($module, p, q, /)\n--\n\nSum of the products of the items of p and q."),
        crate::func!(c"tan", tan, METH_O, c"tan($module, x, /)\n--\n\nTangent of x (radians)."),
        crate::func!(c"tanh", tanh, METH_O, c"tanh($module, x, /)\n--\n\nHyperbolic tangent of x."),
        crate::func!(c"trunc", trunc, METH_O, c"trunc($module, x, /)\n--\n\nx truncated to an Integral, by x.__trunc__()."),
        crate::func!(c"ulp", ulp, METH_O, c"ulp($module, x, /)\n--\n\nValue of the least significant bit of x."),
    ]
);

/// The constants, and `math.integer`'s functions under their own names.
unsafe fn exec(m: *mut PyObject) -> PyResult<()> {
    add_float(m, "pi", core::f64::consts::PI)?;
    add_float(m, "e", core::f64::consts::E)?;
    add_float(m, "tau", core::f64::consts::TAU)?;
    add_float(m, "inf", f64::INFINITY)?;
    add_float(m, "nan", f64::NAN)?;
    let name = Owned::from_new(unicode::from_str("_math_integer")).ok_or(())?;
    let mi = Owned::from_new(crate::import::import(name.as_ptr())).ok_or(())?;
    for f in ["comb", "factorial", "gcd", "isqrt", "lcm", "perm"] {
        add(m, f, pobj::get_attr_str(mi.as_ptr(), f))?;
    }
    add(m, "integer", new_ref(mi.as_ptr()))?;
    crate::objects::dict::set_str(crate::import::modules(), "math.integer", mi.as_ptr())
}

// ---- errors ---------------------------------------------------------------------------

fn fl(v: f64) -> PyResult<*mut PyObject> {
    nonnull(unsafe { float::from_f64(v) })
}

/// ValueError: `msg` with the input's repr for `%s`, else "math domain error".
fn domain<T>(x: f64, msg: Option<&str>) -> PyResult<T> {
    match msg {
        Some(m) => crate::raise!(PyExc_ValueError, "{}", m.replace("%s", &float::repr_f64(x))),
        None => crate::raise!(PyExc_ValueError, "math domain error"),
    }
}

fn range_error<T>() -> PyResult<T> {
    crate::raise!(PyExc_OverflowError, "math range error")
}

/// CPython's `math_1`: apply `f` and classify a NaN or infinite result.
unsafe fn math_1(
    arg: *mut PyObject,
    f: unsafe extern "C" fn(f64) -> f64,
    can_overflow: bool,
    msg: Option<&str>,
) -> PyResult<*mut PyObject> {
    let x = float::as_f64(arg)?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return domain(x, msg);
    }
    if r.is_infinite() && x.is_finite() {
        return if can_overflow {
            range_error()
        } else {
            domain(x, msg)
        };
    }
    fl(r)
}

/// Two float arguments (`math_2`): a NaN from non-NaNs is a domain error, an
/// infinity from finite inputs a range error.
unsafe fn math_2(
    name: &str,
    args: *const *mut PyObject,
    n: Py_ssize_t,
    f: unsafe extern "C" fn(f64, f64) -> f64,
) -> PyResult<*mut PyObject> {
    let (x, y) = two_floats(name, args, n)?;
    let r = f(x, y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return domain(x, None);
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return range_error();
    }
    fl(r)
}

unsafe fn two_floats(
    name: &str,
    args: *const *mut PyObject,
    n: Py_ssize_t,
) -> PyResult<(f64, f64)> {
    check_positional(name, n as usize, 2, 2)?;
    let a = fastcall_args(args, n);
    Ok((float::as_f64(a[0])?, float::as_f64(a[1])?))
}

const FINITE: Option<&str> = Some("expected a finite input, got %s");
const POSITIVE: Option<&str> = Some("expected a positive input, got %s");
const GAMMA: Option<&str> = Some("expected a noninteger or positive integer, got %s");
const UNIT: Option<&str> = Some("expected a number in range from -1 up to 1, got %s");

macro_rules! math1 {
    ($($name:ident => $f:path, $overflow:expr, $msg:expr;)*) => {$(
        unsafe extern "C" fn $name(_m: *mut PyObject, x: *mut PyObject) -> *mut PyObject {
            ret(math_1(x, $f, $overflow, $msg))
        }
    )*};
}

math1! {
    acos => libm::acos, false, UNIT;
    acosh => libm::acosh, false, Some("expected argument value not less than 1, got %s");
    asin => libm::asin, false, UNIT;
    asinh => libm::asinh, false, None;
    atan => libm::atan, false, None;
    atanh => libm::atanh, false, Some("expected a number between -1 and 1, got %s");
    cbrt => cbrt_c, false, None;
    cos => libm::cos, false, FINITE;
    cosh => libm::cosh, true, None;
    erf => libm::erf, false, None;
    erfc => libm::erfc, false, None;
    exp => libm::exp, true, None;
    exp2 => libm::exp2, true, None;
    expm1 => libm::expm1, true, None;
    fabs => abs_f64, false, None;
    gamma => tgamma, true, GAMMA;
    lgamma => lgamma_f64, true, GAMMA;
    log1p => libm::log1p, false, Some("expected argument value > -1, got %s");
    sin => libm::sin, false, FINITE;
    sinh => libm::sinh, true, None;
    sqrt => libm::sqrt, false, Some("expected a nonnegative input, got %s");
    tan => libm::tan, false, FINITE;
    tanh => libm::tanh, false, None;
}

unsafe extern "C" fn abs_f64(x: f64) -> f64 {
    x.abs()
}

macro_rules! math2 {
    ($($name:ident => $f:path;)*) => {$(
        unsafe extern "C" fn $name(_m: *mut PyObject, args: *const *mut PyObject, n: Py_ssize_t) -> *mut PyObject {
            ret(math_2(stringify!($name), args, n, $f))
        }
    )*};
}

math2! {
    atan2 => libm::atan2;
    copysign => copysign_f64;
    remainder => libm::remainder;
    fmod => fmod_f64;
}

unsafe extern "C" fn copysign_f64(x: f64, y: f64) -> f64 {
    x.copysign(y)
}

/// C's fmod, except that an infinite divisor leaves a finite x unchanged.
unsafe extern "C" fn fmod_f64(x: f64, y: f64) -> f64 {
    if y.is_infinite() && x.is_finite() {
        return x;
    }
    x % y
}

// ---- gamma and lgamma (Lanczos approximation, g = 6.02468, 13 terms) -------------------

#[allow(clippy::excessive_precision)]
const LANCZOS_G: f64 = 6.024680040776729583740234375;
#[allow(clippy::excessive_precision)]
const LANCZOS_G_MINUS_HALF: f64 = 5.524680040776729583740234375;
#[allow(clippy::excessive_precision)]
const LANCZOS_NUM: [f64; 13] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];
/// The denominator x*(x+1)*...*(x+11) as a polynomial.
const LANCZOS_DEN: [f64; 13] = [
    0.0,
    39916800.0,
    120543840.0,
    150917976.0,
    105258076.0,
    45995730.0,
    13339535.0,
    2637558.0,
    357423.0,
    32670.0,
    1925.0,
    66.0,
    1.0,
];
const PI: f64 = core::f64::consts::PI;
#[allow(clippy::excessive_precision)]
const LOG_PI: f64 = 1.144729885849400174143427351353058711647;

/// The Lanczos sum num(x)/den(x), evaluated in x for small x and in 1/x
/// otherwise (so that neither polynomial overflows).
fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    if x < 5.0 {
        for i in (0..13).rev() {
            num = num * x + LANCZOS_NUM[i];
            den = den * x + LANCZOS_DEN[i];
        }
    } else {
        for i in 0..13 {
            num = num / x + LANCZOS_NUM[i];
            den = den / x + LANCZOS_DEN[i];
        }
    }
    num / den
}

/// sin(pi * x), exact at the integers and half-integers.
unsafe fn sinpi(x: f64) -> f64 {
    let y = x.abs() % 2.0;
    let r = match (2.0 * y).round() as i32 {
        0 => libm::sin(PI * y),
        1 => libm::cos(PI * (y - 0.5)),
        2 => libm::sin(PI * (1.0 - y)),
        3 => -libm::cos(PI * (y - 1.5)),
        _ => libm::sin(PI * (y - 2.0)),
    };
    1.0f64.copysign(x) * r
}

/// Gamma; NaN at the poles (0 and the negative integers), so that `math_1`
/// reports a domain error there.
unsafe extern "C" fn tgamma(x: f64) -> f64 {
    if !x.is_finite() {
        return if x.is_nan() || x > 0.0 { x } else { f64::NAN };
    }
    if x == 0.0 {
        return f64::NAN;
    }
    if x == x.floor() {
        if x < 0.0 {
            return f64::NAN;
        }
        if x <= 23.0 {
            // (x-1)! is exact in a double up to 22!.
            return (1..x as u64).fold(1.0, |acc, k| acc * k as f64);
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return 1.0 / x;
    }
    if absx > 200.0 {
        return if x < 0.0 {
            0.0 / sinpi(x)
        } else {
            f64::INFINITY
        };
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    // Recover the rounding error of y to correct the power below.
    let z = if absx > LANCZOS_G_MINUS_HALF {
        (y - absx) - LANCZOS_G_MINUS_HALF
    } else {
        (y - LANCZOS_G_MINUS_HALF) - absx
    };
    let z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -PI / sinpi(absx) / absx * libm::exp(y) / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= libm::pow(y, absx - 0.5);
        } else {
            let sqrtpow = libm::pow(y, absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(absx) / libm::exp(y);
        r += z * r;
        if absx < 140.0 {
            r *= libm::pow(y, absx - 0.5);
        } else {
            let sqrtpow = libm::pow(y, absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    r
}

/// log|Gamma(x)|; NaN at the poles.
unsafe extern "C" fn lgamma_f64(x: f64) -> f64 {
    if !x.is_finite() {
        return if x.is_nan() { x } else { f64::INFINITY };
    }
    if x == x.floor() && x <= 2.0 {
        return if x <= 0.0 { f64::NAN } else { 0.0 };
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return -libm::log(absx);
    }
    let mut r = libm::log(lanczos_sum(absx)) - LANCZOS_G;
    r += (absx - 0.5) * (libm::log(absx + LANCZOS_G - 0.5) - 1.0);
    if x < 0.0 {
        r = LOG_PI - libm::log(sinpi(absx).abs()) - libm::log(absx) - r;
    }
    r
}

// ---- logarithms -------------------------------------------------------------------------

/// log of an int or a float with `f` (log, log2 or log10): ints beyond the
/// double range go through their frexp decomposition.
unsafe fn log_of(arg: *mut PyObject, f: unsafe extern "C" fn(f64) -> f64) -> PyResult<f64> {
    if long::is_long(arg) {
        if long::is_negative(arg) || long::is_zero(arg) {
            return crate::raise!(PyExc_ValueError, "expected a positive input");
        }
        if let Some(x) = long::to_i64(arg) {
            return Ok(f(x as f64));
        }
        let (m, e) = long::with_bigint(arg, big_frexp);
        return Ok(f(2.0).mul_add(e as f64, f(m)));
    }
    let r = Owned::from_new(math_1(arg, f, false, POSITIVE)?).ok_or(())?;
    Ok(float::value(r.as_ptr()))
}

/// A positive big int as m * 2**e with 0.5 <= m < 1, m correctly rounded.
fn big_frexp(v: &BigInt) -> (f64, i64) {
    let bits = v.bits();
    let shift = bits.saturating_sub(64);
    let top = (v >> shift).to_u64().unwrap_or(u64::MAX);
    // A sticky bit for what the shift dropped keeps the u64 -> f64 rounding exact.
    let sticky = shift > 0 && v.trailing_zeros().unwrap_or(0) < shift;
    let top = top | sticky as u64;
    let mut m = top as f64 / 2f64.powi((bits - shift) as i32);
    let mut e = bits as i64;
    if m >= 1.0 {
        m /= 2.0;
        e += 1;
    }
    (m, e)
}

unsafe extern "C" fn log(
    _m: *mut PyObject,
    args: *const *mut PyObject,
    n: Py_ssize_t,
) -> *mut PyObject {
    ret((|| {
        check_positional("log", n as usize, 1, 2)?;
        let a = fastcall_args(args, n);
        let num = Owned::from_new(float::from_f64(log_of(a[0], libm::log)?)).ok_or(())?;
        if a.len() == 1 {
            return Ok(num.into_ptr());
        }
        let den = Owned::from_new(float::from_f64(log_of(a[1], libm::log)?)).ok_or(())?;
        nonnull(number::true_divide(num.as_ptr(), den.as_ptr()))
    })())
}

unsafe extern "C" fn log2(_m: *mut PyObject, x: *mut PyObject) -> *mut PyObject {
    ret(log_of(x, libm::log2).and_then(fl))
}

unsafe extern "C" fn log10(_m: *mut PyObject, x: *mut PyObject) -> *mut PyObject {
    ret(log_of(x, libm::log10).and_then(fl))
}

// ---- the rest, alphabetically -----------------------------------------------------------

/// floor/ceil: exact floats and ints directly, else `__floor__`/`__ceil__`, else
/// the float value.
unsafe fn rounding(x: *mut PyObject, dunder: &str, f: fn(f64) -> f64) -> PyResult<*mut PyObject> {
    if float::is_float(x) && Py_TYPE(x) == &raw mut crate::exported::PyFloat_Type {
        return nonnull(crate::objects::long_ops::from_f64(f(float::value(x))));
    }
    if long::is_long_exact(x) {
        return Ok(new_ref(x));
    }
    let meth = objproto::lookup_special(x, dunder)?;
    if !meth.is_null() {
        let meth = Owned(meth);
        return nonnull(crate::protocols::call::call_function(meth.as_ptr(), &[]));
    }
    nonnull(crate::objects::long_ops::from_f64(f(float::as_f64(x)?)))
}

unsafe extern "C" fn ceil(_m: *mut PyObject, x: *mut PyObject) -> *mut PyObject {
    ret(rounding(x, "__ceil__", f64::ceil))
}

unsafe extern "C" fn floor(_m: *mut PyObject, x: *mut PyObject) -> *mut PyObject {
    ret(rounding(x, "__floor__", f64::floor))
}

unsafe extern "C" fn trunc(_m: *mut PyObject, x: *mut PyObject) -> *mut PyObject {
    ret((|| {
        if Py_TYPE(x) == &raw mut crate::exported::PyFloat_Type {
            return nonnull(crate::objects::long_ops::from_f64(float::value(x)));
        }
        let meth = objproto::lookup_special(x, "__trunc__")?;
        if meth.is_null() {
            return crate::raise!(
                PyExc_TypeError,
                "type {} doesn't define __trunc__ method",
                crate::objects::typeobject::type_name(Py_TYPE(x))
            );
        }
        let meth = Owned(meth);
        nonnull(crate::protocols::call::call_function(meth.as_ptr(), &[]))
    })())
}

unsafe extern "C" fn degrees(_m: *mut PyObject, x: *mut PyObject) -> *mut PyObject {
    ret(float::as_f64(x).and_then(|x| fl(x * (180.0 / PI))))
}

unsafe extern "C" fn radians(_m: *mut PyObject, x: *mut PyObject) -> *mut PyObject {
    ret(float::as_f64(x).and_then(|x| fl(x * (PI / 180.0))))
}

/// sqrt(sum of squares) of non-negative values whose largest is `max`: scaled by
/// a power of two so that max is in [0.5, 1), squares summed in double-double,
/// and the square root corrected once by the residual.
unsafe fn vector_norm(v: &[f64], max: f64, found_nan: bool) -> f64 {
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || v.len() <= 1 {
        return max;
    }
    let mut e: c_int = 0;
    libm::frexp(max, &mut e);
    let (mut hi, mut lo) = (0.0f64, 0.0f64);
    for &x in v {
        let x = libm::ldexp(x, -e);
        let p = x * x;
        let perr = x.mul_add(x, -p);
        let s = hi + p;
        let bv = s - hi;
        lo += (hi - (s - bv)) + (p - bv) + perr;
        hi = s;
    }
    let mut h = libm::sqrt(hi + lo);
    let residual = (-h).mul_add(h, hi) + lo;
    h += residual / (2.0 * h);
    libm::ldexp(h, e)
}

unsafe extern "C" fn hypot(
    _m: *mut PyObject,
    args: *const *mut PyObject,
    n: Py_ssize_t,
) -> *mut PyObject {
    ret((|| {
        let mut v = Vec::with_capacity(n.max(0) as usize);
        let (mut max, mut nan) = (0.0f64, false);
        for &a in fastcall_args(args, n) {
            let x = float::as_f64(a)?.abs();
            nan |= x.is_nan();
            if x > max {
                max = x;
            }
            v.push(x);
        }
        fl(vector_norm(&v, max, nan))
    })())
}

unsafe extern "C" fn dist(
    _m: *mut PyObject,
    args: *const *mut PyObject,
    n: Py_ssize_t,
) -> *mut PyObject {
    ret((|| {
        check_positional("dist", n as usize, 2, 2)?;
        let a = fastcall_args(args, n);
        let as_tuple = |o: *mut PyObject| -> PyResult<Owned> {
            if tuple::is_tuple(o) {
                Ok(Owned::from_borrowed(o))
            } else {
                Owned::from_new(crate::protocols::sequence::to_tuple(o)).ok_or(())
            }
        };
        let p = as_tuple(a[0])?;
        let q = as_tuple(a[1])?;
        let (p, q) = (tuple::as_slice(p.as_ptr()), tuple::as_slice(q.as_ptr()));
        if p.len() != q.len() {
            return crate::raise!(
                PyExc_ValueError,
                "both points must have the same number of dimensions"
            );
        }
        let mut v = Vec::with_capacity(p.len());
        let (mut max, mut nan) = (0.0f64, false);
        for (&x, &y) in p.iter().zip(q) {
            let d = (float::as_f64(x)? - float::as_f64(y)?).abs();
            nan |= d.is_nan();
            if d > max {
                max = d;
            }
            v.push(d);
        }
        fl(vector_norm(&v, max, nan))
    })())
}

unsafe extern "C" fn fma(
    _m: *mut PyObject,
    args: *const *mut PyObject,
    n: Py_ssize_t,
) -> *mut PyObject {
    ret((|| {
        check_positional("fma", n as usize, 3, 3)?;
        let a = fastcall_args(args, n);
        let (x, y, z) = (
            float::as_f64(a[0])?,
            float::as_f64(a[1])?,
            float::as_f64(a[2])?,
        );
        let r = libm::fma(x, y, z);
        if !r.is_finite() {
            if r.is_nan() {
                if !x.is_nan() && !y.is_nan() && !z.is_nan() {
                    return crate::raise!(PyExc_ValueError, "invalid operation in fma");
                }
            } else if x.is_finite() && y.is_finite() && z.is_finite() {
                return crate::raise!(PyExc_OverflowError, "overflow in fma");
            }
        }
        fl(r)
    })())
}

/// C's fmax/fmin as compiled for CPython: a NaN loses, and of two equal values
/// (such as -0.0 and 0.0) the second wins.
fn pick(x: f64, y: f64, first: bool) -> f64 {
    if x.is_nan() || (!y.is_nan() && !first) {
        y
    } else {
        x
    }
}

unsafe extern "C" fn fmax(
    _m: *mut PyObject,
    args: *const *mut PyObject,
    n: Py_ssize_t,
) -> *mut PyObject {
    ret(two_floats("fmax", args, n).and_then(|(x, y)| fl(pick(x, y, x > y))))
}

unsafe extern "C" fn fmin(
    _m: *mut PyObject,
    args: *const *mut PyObject,
    n: Py_ssize_t,
) -> *mut PyObject {
    ret(two_floats("fmin", args, n).and_then(|(x, y)| fl(pick(x, y, x < y))))
}

unsafe extern "C" fn frexp(_m: *mut PyObject, x: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let x = float::as_f64(x)?;
        let mut e: c_int = 0;
        let m = if x.is_finite() && x != 0.0 {
            libm::frexp(x, &mut e)
        } else {
            x
        };
        let parts = [float::from_f64(m), long::from_i64(e as i64)];
        nonnull(tuple::from_vec_steal(parts.to_vec()))
    })())
}

/// `fsum`: Shewchuk's exact summation into non-overlapping partials, then one
/// correctly rounded (half-even) conversion of their sum.
unsafe extern "C" fn fsum(_m: *mut PyObject, seq: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let it = iter(seq)?;
        let mut partials: Vec<f64> = Vec::new();
        let (mut special, mut inf_sum) = (0.0f64, 0.0f64);
        while let Some(item) = next_item(it.as_ptr())? {
            let mut x = float::as_f64(item.as_ptr())?;
            let xsave = x;
            let mut i = 0;
            for j in 0..partials.len() {
                let mut y = partials[j];
                if x.abs() < y.abs() {
                    core::mem::swap(&mut x, &mut y);
                }
                let hi = x + y;
                let lo = y - (hi - x);
                if lo != 0.0 {
                    partials[i] = lo;
                    i += 1;
                }
                x = hi;
            }
            partials.truncate(i);
            if x != 0.0 {
                if !x.is_finite() {
                    // A non-finite total from finite inputs is an overflow;
                    // infinities and NaNs are summed on the side.
                    if xsave.is_finite() {
                        return crate::raise!(PyExc_OverflowError, "intermediate overflow in fsum");
                    }
                    if xsave.is_infinite() {
                        inf_sum += xsave;
                    }
                    special += xsave;
                    partials.clear();
                } else {
                    partials.push(x);
                }
            }
        }
        if special != 0.0 {
            if inf_sum.is_nan() {
                return crate::raise!(PyExc_ValueError, "-inf + inf in fsum");
            }
            return fl(special);
        }
        let mut hi = 0.0;
        let mut n = partials.len();
        if n > 0 {
            n -= 1;
            hi = partials[n];
            let mut lo = 0.0;
            while n > 0 {
                let x = hi;
                n -= 1;
                let y = partials[n];
                hi = x + y;
                let yr = hi - x;
                lo = y - yr;
                if lo != 0.0 {
                    break;
                }
            }
            // Half-way cases: round towards the sign of the rest.
            if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0))
            {
                let y = lo * 2.0;
                let x = hi + y;
                if y == x - hi {
                    hi = x;
                }
            }
        }
        fl(hi)
    })())
}

unsafe extern "C" fn isclose(
    _m: *mut PyObject,
    args: *const *mut PyObject,
    n: Py_ssize_t,
    kw: *mut PyObject,
) -> *mut PyObject {
    ret((|| {
        let a = parse_kw(
            &Params {
                fname: "isclose",
                names: &["a", "b", "rel_tol", "abs_tol"],
                posonly: 0,
                maxpos: 2,
                required: 2,
            },
            args,
            n,
            kw,
        )?;
        let x = float::as_f64(a[0])?;
        let y = float::as_f64(a[1])?;
        let opt = |o: *mut PyObject, d: f64| if o.is_null() { Ok(d) } else { float::as_f64(o) };
        let rel = opt(a[2], 1e-9)?;
        let abs = opt(a[3], 0.0)?;
        if rel < 0.0 || abs < 0.0 {
            return crate::raise!(PyExc_ValueError, "tolerances must be non-negative");
        }
        if x == y {
            return Ok(new_ref(bool_ref(true)));
        }
        if x.is_infinite() || y.is_infinite() {
            return Ok(new_ref(bool_ref(false)));
        }
        let d = (y - x).abs();
        let close = d <= (rel * y).abs() || d <= (rel * x).abs() || d <= abs;
        Ok(new_ref(bool_ref(close)))
    })())
}

fn bool_ref(b: bool) -> *mut PyObject {
    crate::objects::sequtil::bool_ref(b)
}

macro_rules! predicate {
    ($($name:ident => $test:expr;)*) => {$(
        unsafe extern "C" fn $name(_m: *mut PyObject, x: *mut PyObject) -> *mut PyObject {
            let t: fn(f64) -> bool = $test;
            ret(float::as_f64(x).map(|x| new_ref(bool_ref(t(x)))))
        }
    )*};
}

predicate! {
    isfinite => f64::is_finite;
    isinf => f64::is_infinite;
    isnan => f64::is_nan;
    isnormal => f64::is_normal;
    issubnormal => |x| x.is_subnormal();
    signbit => f64::is_sign_negative;
}

unsafe extern "C" fn ldexp(
    _m: *mut PyObject,
    args: *const *mut PyObject,
    n: Py_ssize_t,
) -> *mut PyObject {
    ret((|| {
        check_positional("ldexp", n as usize, 2, 2)?;
        let a = fastcall_args(args, n);
        let x = float::as_f64(a[0])?;
        if !long::is_long(a[1]) {
            return crate::raise!(
                PyExc_TypeError,
                "Expected an int as second argument to ldexp."
            );
        }
        // Exponents beyond a C int saturate: the result is 0 or overflows anyway.
        let e = long::with_bigint(a[1], |b| {
            b.to_i64()
                .unwrap_or(if b.is_negative() { i64::MIN } else { i64::MAX })
        });
        if x == 0.0 || !x.is_finite() {
            return fl(x);
        }
        if e > c_int::MAX as i64 {
            return range_error();
        }
        if e < c_int::MIN as i64 {
            return fl(0.0f64.copysign(x));
        }
        let r = libm::ldexp(x, e as c_int);
        if r.is_infinite() {
            return range_error();
        }
        fl(r)
    })())
}

unsafe extern "C" fn modf(_m: *mut PyObject, x: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let x = float::as_f64(x)?;
        let (frac, int) = if x.is_infinite() {
            (0.0f64.copysign(x), x)
        } else if x.is_nan() {
            (x, x)
        } else {
            let mut i = 0.0;
            let f = libm::modf(x, &mut i);
            (f, i)
        };
        nonnull(tuple::from_vec_steal(vec![
            float::from_f64(frac),
            float::from_f64(int),
        ]))
    })())
}

/// The ordered integer key of a float (adjacent floats differ by 1; both zeros are 0).
fn float_key(x: f64) -> i64 {
    let b = x.to_bits() as i64;
    if b < 0 {
        i64::MIN - b
    } else {
        b
    }
}

fn key_float(k: i64) -> f64 {
    f64::from_bits(if k < 0 {
        (i64::MIN - k) as u64
    } else {
        k as u64
    })
}

unsafe extern "C" fn nextafter(
    _m: *mut PyObject,
    args: *const *mut PyObject,
    n: Py_ssize_t,
    kw: *mut PyObject,
) -> *mut PyObject {
    ret((|| {
        let a = parse_kw(
            &Params {
                fname: "nextafter",
                names: &["x", "y", "steps"],
                posonly: 2,
                maxpos: 2,
                required: 2,
            },
            args,
            n,
            kw,
        )?;
        let x = float::as_f64(a[0])?;
        let y = float::as_f64(a[1])?;
        if a[2].is_null() || a[2] == none() {
            return fl(libm::nextafter(x, y));
        }
        let steps = crate::modules::math_integer::index_big(a[2])?;
        if steps.is_negative() {
            return crate::raise!(PyExc_ValueError, "steps must be a non-negative integer");
        }
        if x.is_nan() {
            return fl(x);
        }
        if y.is_nan() {
            return fl(y);
        }
        if steps.is_zero() {
            return fl(x);
        }
        let (kx, ky) = (float_key(x), float_key(y));
        let dist = (ky as i128 - kx as i128).unsigned_abs();
        match steps.to_u128() {
            Some(s) if s < dist => {
                let k = if ky > kx {
                    kx as i128 + s as i128
                } else {
                    kx as i128 - s as i128
                };
                fl(key_float(k as i64))
            }
            _ => fl(y),
        }
    })())
}

unsafe extern "C" fn pow(
    _m: *mut PyObject,
    args: *const *mut PyObject,
    n: Py_ssize_t,
) -> *mut PyObject {
    ret((|| {
        let (x, y) = two_floats("pow", args, n)?;
        let odd_y = |y: f64| y.is_finite() && (y.abs() % 2.0) == 1.0;
        let r = if !x.is_finite() || !y.is_finite() {
            // C99 Annex F, spelled out so that no platform quirk leaks through.
            if x.is_nan() {
                if y == 0.0 {
                    1.0
                } else {
                    x
                }
            } else if y.is_nan() {
                if x == 1.0 {
                    1.0
                } else {
                    y
                }
            } else if x.is_infinite() {
                if x > 0.0 {
                    if y > 0.0 {
                        x
                    } else {
                        0.0
                    }
                } else if y > 0.0 {
                    if odd_y(y) {
                        x
                    } else {
                        x.abs()
                    }
                } else if odd_y(y) {
                    0.0f64.copysign(x)
                } else {
                    0.0
                }
            } else if x.abs() == 1.0 {
                1.0
            } else if (y > 0.0) == (x.abs() > 1.0) {
                y.abs()
            } else {
                0.0
            }
        } else {
            if x == 0.0 && y < 0.0 {
                return domain(x, None);
            }
            let r = libm::pow(x, y);
            if r.is_nan() {
                return domain(x, None);
            }
            if r.is_infinite() {
                return range_error();
            }
            r
        };
        fl(r)
    })())
}

unsafe extern "C" fn prod(
    _m: *mut PyObject,
    args: *const *mut PyObject,
    n: Py_ssize_t,
    kw: *mut PyObject,
) -> *mut PyObject {
    ret((|| {
        let a = parse_kw(
            &Params {
                fname: "prod",
                names: &["iterable", "start"],
                posonly: 1,
                maxpos: 1,
                required: 1,
            },
            args,
            n,
            kw,
        )?;
        let mut acc = if a[1].is_null() {
            Owned::from_new(long::from_i64(1)).ok_or(())?
        } else {
            Owned::from_borrowed(a[1])
        };
        let it = iter(a[0])?;
        while let Some(item) = next_item(it.as_ptr())? {
            acc = Owned::from_new(number::multiply(acc.as_ptr(), item.as_ptr())).ok_or(())?;
        }
        Ok(acc.into_ptr())
    })())
}

/// `sumprod`: exact for ints, compensated (double-double) for floats, and the
/// number protocol for anything else, the partial sums flushed in order.
unsafe extern "C" fn sumprod(
    _m: *mut PyObject,
    args: *const *mut PyObject,
    n: Py_ssize_t,
) -> *mut PyObject {
    ret((|| {
        check_positional("sumprod", n as usize, 2, 2)?;
        let a = fastcall_args(args, n);
        let (p, q) = (iter(a[0])?, iter(a[1])?);
        let mut total = Owned::from_new(long::from_i64(0)).ok_or(())?;
        let mut ints: Option<BigInt> = None;
        let mut floats: Option<(f64, f64)> = None;
        let add_to = |total: &mut Owned, v: *mut PyObject| -> PyResult<()> {
            let v = Owned::from_new(v).ok_or(())?;
            *total = Owned::from_new(number::add(total.as_ptr(), v.as_ptr())).ok_or(())?;
            Ok(())
        };
        loop {
            let (x, y) = (next_item(p.as_ptr())?, next_item(q.as_ptr())?);
            let (x, y) = match (x, y) {
                (None, None) => break,
                (Some(x), Some(y)) => (x, y),
                _ => return crate::raise!(PyExc_ValueError, "Inputs are not the same length"),
            };
            let (x, y) = (x.as_ptr(), y.as_ptr());
            if long::is_long_exact(x) && long::is_long_exact(y) {
                if let Some((hi, lo)) = floats.take() {
                    add_to(&mut total, float::from_f64(hi + lo))?;
                }
                let prod = long::to_bigint(x) * long::to_bigint(y);
                ints = Some(ints.unwrap_or_default() + prod);
                continue;
            }
            if let (Some(fx), Some(fy)) = (float_operand(x, y), float_operand(y, x)) {
                if let Some(i) = ints.take() {
                    add_to(&mut total, long::from_bigint(i))?;
                }
                let (mut hi, mut lo) = floats.unwrap_or((0.0, 0.0));
                let p = fx * fy;
                let perr = fx.mul_add(fy, -p);
                let s = hi + p;
                let bv = s - hi;
                lo += (hi - (s - bv)) + (p - bv) + perr;
                hi = s;
                floats = Some((hi, lo));
                continue;
            }
            if let Some(i) = ints.take() {
                add_to(&mut total, long::from_bigint(i))?;
            }
            if let Some((hi, lo)) = floats.take() {
                add_to(&mut total, float::from_f64(hi + lo))?;
            }
            add_to(&mut total, number::multiply(x, y))?;
        }
        if let Some(i) = ints.take() {
            add_to(&mut total, long::from_bigint(i))?;
        }
        if let Some((hi, lo)) = floats.take() {
            add_to(&mut total, float::from_f64(hi + lo))?;
        }
        Ok(total.into_ptr())
    })())
}

/// `x` as a double for the float path of `sumprod`: an exact float, or an exact
/// int that a double holds exactly when the other side is a float.
unsafe fn float_operand(x: *mut PyObject, other: *mut PyObject) -> Option<f64> {
    let is_exact_float = |o: *mut PyObject| Py_TYPE(o) == &raw mut crate::exported::PyFloat_Type;
    if is_exact_float(x) {
        return Some(float::value(x));
    }
    if long::is_long_exact(x) && is_exact_float(other) {
        return long::to_i64(x)
            .filter(|v| v.unsigned_abs() <= 1 << 53)
            .map(|v| v as f64);
    }
    None
}

unsafe extern "C" fn ulp(_m: *mut PyObject, x: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let x = float::as_f64(x)?;
        if x.is_nan() {
            return fl(x);
        }
        let x = x.abs();
        if x.is_infinite() {
            return fl(x);
        }
        let up = libm::nextafter(x, f64::INFINITY);
        if up.is_infinite() {
            return fl(x - libm::nextafter(x, f64::NEG_INFINITY));
        }
        fl(up - x)
    })())
}
