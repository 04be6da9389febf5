//! Integer objects (`PyLong_*`), including PEP 757's import/export API.

use core::ffi::{c_char, c_double, c_int, c_long, c_longlong, c_ulong, c_ulonglong, c_void};
use core::ptr::null_mut;

use carapace_core::errors;
use carapace_core::object::*;
use carapace_core::objects::long_ops::{num_bigint, num_traits};
use carapace_core::objects::{long, long_ops, unicode};
use carapace_core::protocols::number;
use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive, Zero};

/// The int behind `o`: itself, or (with `allow_index`) `o.__index__()`.
unsafe fn int_of(o: *mut PyObject, allow_index: bool) -> PyResult<Owned> {
    if o.is_null() {
        errors::bad_internal_call();
        return Err(());
    }
    if long::is_long(o) {
        return Ok(Owned::from_borrowed(o));
    }
    if !allow_index {
        return carapace_core::raise!(PyExc_TypeError, "an integer is required");
    }
    Owned::from_new(number::index(o)).ok_or(())
}

/// The value of `o` as i128 when it fits, else `Err(sign)`.
unsafe fn value_i128(o: *mut PyObject) -> Result<i128, bool> {
    if let Some(v) = long::to_i64(o) {
        return Ok(v as i128);
    }
    long::with_bigint(o, |b| b.to_i128().ok_or(b.is_negative()))
}

/// A signed conversion with CPython's overflow message.
unsafe fn as_signed(o: *mut PyObject, min: i128, max: i128, msg: &str) -> PyResult<i128> {
    let i = int_of(o, true)?;
    match value_i128(i.as_ptr()) {
        Ok(v) if v >= min && v <= max => Ok(v),
        _ => carapace_core::raise!(PyExc_OverflowError, "{}", msg),
    }
}

#[no_mangle]
pub unsafe extern "C" fn PyLong_FromLong(v: c_long) -> *mut PyObject {
    guard!(null_mut(), { long::from_i64(v) })
}

#[no_mangle]
pub unsafe extern "C" fn PyLong_FromUnsignedLong(v: c_ulong) -> *mut PyObject {
    guard!(null_mut(), { long::from_u64(v) })
}

#[no_mangle]
pub unsafe extern "C" fn PyLong_FromLongLong(v: c_longlong) -> *mut PyObject {
    guard!(null_mut(), { long::from_i64(v) })
}

#[no_mangle]
pub unsafe extern "C" fn PyLong_FromUnsignedLongLong(v: c_ulonglong) -> *mut PyObject {
    guard!(null_mut(), { long::from_u64(v) })
}

#[no_mangle]
pub unsafe extern "C" fn PyLong_FromSsize_t(v: Py_ssize_t) -> *mut PyObject {
    guard!(null_mut(), { long::from_i64(v as i64) })
}

#[no_mangle]
pub unsafe extern "C" fn PyLong_FromSize_t(v: usize) -> *mut PyObject {
    guard!(null_mut(), { long::from_u64(v as u64) })
}

#[no_mangle]
pub unsafe extern "C" fn PyLong_FromInt32(v: i32) -> *mut PyObject {
    guard!(null_mut(), { long::from_i64(v as i64) })
}

#[no_mangle]
pub unsafe extern "C" fn PyLong_FromUInt32(v: u32) -> *mut PyObject {
    guard!(null_mut(), { long::from_i64(v as i64) })
}

#[no_mangle]
pub unsafe extern "C" fn PyLong_FromInt64(v: i64) -> *mut PyObject {
    guard!(null_mut(), { long::from_i64(v) })
}

#[no_mangle]
pub unsafe extern "C" fn PyLong_FromUInt64(v: u64) -> *mut PyObject {
    guard!(null_mut(), { long::from_u64(v) })
}

#[no_mangle]
pub unsafe extern "C" fn PyLong_FromDouble(v: c_double) -> *mut PyObject {
    guard!(null_mut(), { long_ops::from_f64(v) })
}

#[no_mangle]
pub unsafe extern "C" fn PyLong_FromVoidPtr(p: *mut c_void) -> *mut PyObject {
    guard!(null_mut(), { long::from_u64(p as usize as u64) })
}

#[no_mangle]
pub unsafe extern "C" fn PyLong_FromString(
    s: *const c_char,
    pend: *mut *mut c_char,
    base: c_int,
) -> *mut PyObject {
    guard!(null_mut(), {
        if s.is_null() {
            errors::bad_internal_call();
            return null_mut();
        }
        if base != 0 && !(2..=36).contains(&base) {
            return carapace_core::raise_null!(
                PyExc_ValueError,
                "int() arg 2 must be >= 2 and <= 36"
            );
        }
        let bytes = core::ffi::CStr::from_ptr(s).to_bytes();
        match long_ops::parse_int(bytes, base as u32) {
            Ok(v) => {
                if !pend.is_null() {
                    *pend = s.add(bytes.len()) as *mut c_char;
                }
                long::from_bigint(v)
            }
            Err((e, pos)) => {
                if !pend.is_null() {
                    *pend = s.add(pos) as *mut c_char;
                }
                let shown = &bytes[..bytes.len().min(200)];
                let so = unicode::from_str(&String::from_utf8_lossy(shown));
                if so.is_null() {
                    return null_mut();
                }
                long_ops::raise_parse_error(e, so, true);
                Py_DECREF(so);
                null_mut()
            }
        }
    })
}

/// `PyLong_GetInfo`: `sys.int_info`.
#[no_mangle]
pub unsafe extern "C" fn PyLong_GetInfo() -> *mut PyObject {
    guard!(null_mut(), { carapace_core::objects::numinfo::int_info() })
}

#[no_mangle]
pub unsafe extern "C" fn PyLong_AsLong(o: *mut PyObject) -> c_long {
    guard!(-1, {
        match as_signed(
            o,
            i64::MIN as i128,
            i64::MAX as i128,
            "Python int too large to convert to C long",
        ) {
            Ok(v) => v as c_long,
            Err(()) => -1,
        }
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyLong_AsInt(o: *mut PyObject) -> c_int {
    guard!(-1, {
        match as_signed(
            o,
            i32::MIN as i128,
            i32::MAX as i128,
            "Python int too large to convert to C int",
        ) {
            Ok(v) => v as c_int,
            Err(()) => -1,
        }
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyLong_AsLongLong(o: *mut PyObject) -> c_longlong {
    guard!(-1, {
        match as_signed(
            o,
            i64::MIN as i128,
            i64::MAX as i128,
            "int too big to convert",
        ) {
            Ok(v) => v as c_longlong,
            Err(()) => -1,
        }
    })
}

unsafe fn and_overflow(o: *mut PyObject, overflow: *mut c_int) -> i64 {
    if overflow.is_null() {
        errors::bad_internal_call();
        return -1;
    }
    *overflow = 0;
    let Ok(i) = int_of(o, true) else { return -1 };
    match value_i128(i.as_ptr()) {
        Ok(v) if v >= i64::MIN as i128 && v <= i64::MAX as i128 => v as i64,
        Ok(v) => {
            *overflow = if v < 0 { -1 } else { 1 };
            -1
        }
        Err(neg) => {
            *overflow = if neg { -1 } else { 1 };
            -1
        }
    }
}

#[no_mangle]
pub unsafe extern "C" fn PyLong_AsLongAndOverflow(
    o: *mut PyObject,
    overflow: *mut c_int,
) -> c_long {
    guard!(-1, { and_overflow(o, overflow) as c_long })
}

#[no_mangle]
pub unsafe extern "C" fn PyLong_AsLongLongAndOverflow(
    o: *mut PyObject,
    overflow: *mut c_int,
) -> c_longlong {
    guard!(-1, { and_overflow(o, overflow) as c_longlong })
}

unsafe fn as_unsigned(o: *mut PyObject, max: u128, neg_msg: &str, big_msg: &str) -> PyResult<u128> {
    let i = int_of(o, false)?;
    match value_i128(i.as_ptr()) {
        Ok(v) if v < 0 => carapace_core::raise!(PyExc_OverflowError, "{}", neg_msg),
        Err(true) => carapace_core::raise!(PyExc_OverflowError, "{}", neg_msg),
        Ok(v) if (v as u128) <= max => Ok(v as u128),
        _ => carapace_core::raise!(PyExc_OverflowError, "{}", big_msg),
    }
}

#[no_mangle]
pub unsafe extern "C" fn PyLong_AsUnsignedLong(o: *mut PyObject) -> c_ulong {
    guard!(c_ulong::MAX, {
        match as_unsigned(
            o,
            u64::MAX as u128,
            "can't convert negative value to unsigned int",
            "Python int too large to convert to C unsigned long",
        ) {
            Ok(v) => v as c_ulong,
            Err(()) => c_ulong::MAX,
        }
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyLong_AsUnsignedLongLong(o: *mut PyObject) -> c_ulonglong {
    guard!(c_ulonglong::MAX, {
        match as_unsigned(
            o,
            u64::MAX as u128,
            "can't convert negative int to unsigned",
            "int too big to convert",
        ) {
            Ok(v) => v as c_ulonglong,
            Err(()) => c_ulonglong::MAX,
        }
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyLong_AsSize_t(o: *mut PyObject) -> usize {
    guard!(usize::MAX, {
        match as_unsigned(
            o,
            usize::MAX as u128,
            "can't convert negative value to size_t",
            "Python int too large to convert to C size_t",
        ) {
            Ok(v) => v as usize,
            Err(()) => usize::MAX,
        }
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyLong_AsSsize_t(o: *mut PyObject) -> Py_ssize_t {
    guard!(-1, {
        let Ok(i) = int_of(o, false) else { return -1 };
        match value_i128(i.as_ptr()) {
            Ok(v) if v >= isize::MIN as i128 && v <= isize::MAX as i128 => v as Py_ssize_t,
            _ => {
                let _: PyResult<()> = carapace_core::raise!(
                    PyExc_OverflowError,
                    "Python int too large to convert to C ssize_t"
                );
                -1
            }
        }
    })
}

/// The low 64 bits of the two's complement value.
unsafe fn mask64(o: *mut PyObject) -> PyResult<u64> {
    let i = int_of(o, true)?;
    if let Some(v) = long::to_i64(i.as_ptr()) {
        return Ok(v as u64);
    }
    Ok(long::with_bigint(i.as_ptr(), |b| {
        let m: BigInt = b & BigInt::from(u64::MAX);
        m.to_u64().unwrap_or(0)
    }))
}

#[no_mangle]
pub unsafe extern "C" fn PyLong_AsUnsignedLongMask(o: *mut PyObject) -> c_ulong {
    guard!(c_ulong::MAX, {
        mask64(o).map(|v| v as c_ulong).unwrap_or(c_ulong::MAX)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyLong_AsUnsignedLongLongMask(o: *mut PyObject) -> c_ulonglong {
    guard!(c_ulonglong::MAX, {
        mask64(o)
            .map(|v| v as c_ulonglong)
            .unwrap_or(c_ulonglong::MAX)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyLong_AsDouble(o: *mut PyObject) -> c_double {
    guard!(-1.0, {
        let Ok(i) = int_of(o, false) else { return -1.0 };
        long::to_f64(i.as_ptr()).unwrap_or(-1.0)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyLong_AsVoidPtr(o: *mut PyObject) -> *mut c_void {
    guard!(null_mut(), {
        if !o.is_null() && long::is_long(o) && long::is_negative(o) {
            let v = PyLong_AsLong(o);
            if v == -1 && !errors::raised().is_null() {
                return null_mut();
            }
            return v as usize as *mut c_void;
        }
        let v = PyLong_AsUnsignedLong(o);
        if v == c_ulong::MAX && !errors::raised().is_null() {
            return null_mut();
        }
        v as usize as *mut c_void
    })
}

unsafe fn fixed_out<T>(
    o: *mut PyObject,
    out: *mut T,
    min: i128,
    max: i128,
    cname: &str,
    conv: fn(i128) -> T,
) -> c_int {
    let Ok(i) = int_of(o, true) else { return -1 };
    let v = value_i128(i.as_ptr());
    if min == 0 && matches!(v, Ok(x) if x < 0) | matches!(v, Err(true)) {
        let _: PyResult<()> =
            carapace_core::raise!(PyExc_ValueError, "Cannot convert negative int");
        return -1;
    }
    match v {
        Ok(x) if x >= min && x <= max => {
            if !out.is_null() {
                *out = conv(x);
            }
            0
        }
        _ => {
            let _: PyResult<()> = carapace_core::raise!(
                PyExc_OverflowError,
                "Python int too large to convert to C {}",
                cname
            );
            -1
        }
    }
}

#[no_mangle]
pub unsafe extern "C" fn PyLong_AsInt32(o: *mut PyObject, out: *mut i32) -> c_int {
    guard!(-1, {
        fixed_out(o, out, i32::MIN as i128, i32::MAX as i128, "int32_t", |v| {
            v as i32
        })
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyLong_AsInt64(o: *mut PyObject, out: *mut i64) -> c_int {
    guard!(-1, {
        fixed_out(o, out, i64::MIN as i128, i64::MAX as i128, "int64_t", |v| {
            v as i64
        })
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyLong_AsUInt32(o: *mut PyObject, out: *mut u32) -> c_int {
    guard!(-1, {
        fixed_out(o, out, 0, u32::MAX as i128, "uint32_t", |v| v as u32)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyLong_AsUInt64(o: *mut PyObject, out: *mut u64) -> c_int {
    guard!(-1, {
        fixed_out(o, out, 0, u64::MAX as i128, "uint64_t", |v| v as u64)
    })
}

// ------------------------------------------------------------ native bytes

const ASNB_LITTLE: c_int = 1;
const ASNB_NATIVE: c_int = 3;
const ASNB_UNSIGNED: c_int = 4;
const ASNB_REJECT_NEG: c_int = 8;
const ASNB_ALLOW_INDEX: c_int = 16;

fn little_endian(flags: c_int) -> bool {
    if flags == -1 || flags & ASNB_NATIVE == ASNB_NATIVE {
        cfg!(target_endian = "little")
    } else {
        flags & ASNB_LITTLE != 0
    }
}

/// Two's complement of `v` in `n` bytes, little endian, truncated or sign-extended.
fn twos_le(v: &BigInt, n: usize) -> Vec<u8> {
    let mut b = v.to_signed_bytes_le();
    let fill = if v.is_negative() { 0xff } else { 0 };
    b.resize(n.max(b.len()), fill);
    b.truncate(n);
    b
}

fn fits_in_bits(v: i64, bits: u32) -> bool {
    if bits >= 64 {
        return true;
    }
    let lim = 1i64 << (bits - 1);
    v >= -lim && v < lim
}

#[no_mangle]
pub unsafe extern "C" fn PyLong_AsNativeBytes(
    o: *mut PyObject,
    buffer: *mut c_void,
    n_bytes: Py_ssize_t,
    flags: c_int,
) -> Py_ssize_t {
    guard!(-1, {
        if o.is_null() || (n_bytes > 0 && buffer.is_null()) || n_bytes < 0 {
            errors::bad_internal_call();
            return -1;
        }
        let v = if long::is_long(o) {
            Owned::from_borrowed(o)
        } else if flags != -1 && flags & ASNB_ALLOW_INDEX != 0 {
            match Owned::from_new(number::index(o)) {
                Some(v) => v,
                None => return -1,
            }
        } else {
            let _: PyResult<()> = carapace_core::raise!(
                PyExc_TypeError,
                "expect int, got {}",
                carapace_core::objects::typeobject::tp_name(Py_TYPE(o))
            );
            return -1;
        };
        let v = v.as_ptr();
        if flags != -1 && flags & ASNB_REJECT_NEG != 0 && long::is_negative(v) {
            let _: PyResult<()> =
                carapace_core::raise!(PyExc_ValueError, "Cannot convert negative int");
            return -1;
        }
        let little = little_endian(flags);
        let unsigned_ok = flags == -1 || flags & ASNB_UNSIGNED != 0;
        let n = n_bytes as usize;
        let big = long::to_bigint(v);
        let mut bytes = twos_le(&big, n);
        let res: Py_ssize_t;
        // CPython's compact ints (one 30-bit digit) report sizeof(Py_ssize_t)
        // unless the value fits in the requested size.
        let compact = big.magnitude().bits() <= 30;
        if compact {
            let cv = big.to_i64().unwrap();
            let mut r = 8;
            if n > 0 && n < 8 {
                if fits_in_bits(cv, (n * 8) as u32) {
                    r = n as Py_ssize_t;
                } else if cv > 0 && fits_in_bits(cv, (n * 8 + 1) as u32) {
                    r = if unsigned_ok {
                        n as Py_ssize_t
                    } else {
                        n as Py_ssize_t + 1
                    };
                }
            }
            res = r;
        } else {
            let nb = big.magnitude().bits() as i64;
            let mut r = (nb / 8) as Py_ssize_t + 1;
            if n > 0 && r == n as Py_ssize_t + 1 && nb % 8 == 0 {
                if big.is_negative() {
                    let edge = bytes[n - 1] == 0x80 && bytes[..n - 1].iter().all(|&b| b == 0);
                    if edge {
                        r = n as Py_ssize_t;
                    }
                } else if bytes[n - 1] & 0x80 != 0 {
                    r = if unsigned_ok {
                        n as Py_ssize_t
                    } else {
                        n as Py_ssize_t + 1
                    };
                }
            }
            res = r;
        }
        if n > 0 {
            if !little {
                bytes.reverse();
            }
            core::ptr::copy_nonoverlapping(bytes.as_ptr(), buffer as *mut u8, n);
        }
        res
    })
}

unsafe fn from_native(
    buffer: *const c_void,
    n: Py_ssize_t,
    little: bool,
    signed: bool,
) -> *mut PyObject {
    if n < 0 || (n > 0 && buffer.is_null()) {
        errors::bad_internal_call();
        return null_mut();
    }
    if n == 0 {
        return long::from_i64(0);
    }
    let mut b = core::slice::from_raw_parts(buffer as *const u8, n as usize).to_vec();
    if !little {
        b.reverse();
    }
    let v = if signed {
        BigInt::from_signed_bytes_le(&b)
    } else {
        BigInt::from_bytes_le(Sign::Plus, &b)
    };
    long::from_bigint(v)
}

#[no_mangle]
pub unsafe extern "C" fn PyLong_FromNativeBytes(
    buffer: *const c_void,
    n_bytes: usize,
    flags: c_int,
) -> *mut PyObject {
    guard!(null_mut(), {
        let signed = flags == -1 || flags & ASNB_UNSIGNED == 0;
        from_native(buffer, n_bytes as Py_ssize_t, little_endian(flags), signed)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyLong_FromUnsignedNativeBytes(
    buffer: *const c_void,
    n_bytes: usize,
    flags: c_int,
) -> *mut PyObject {
    guard!(null_mut(), {
        from_native(buffer, n_bytes as Py_ssize_t, little_endian(flags), false)
    })
}

// ------------------------------------------------------------ PEP 757

#[repr(C)]
pub struct PyLongLayout {
    pub bits_per_digit: u8,
    pub digit_size: u8,
    pub digits_order: i8,
    pub digit_endianness: i8,
}

#[repr(C)]
pub struct PyLongExport {
    pub value: i64,
    pub negative: u8,
    pub ndigits: Py_ssize_t,
    pub digits: *const c_void,
    pub _reserved: usize,
}

/// 30-bit digits in 32-bit words, least significant first, native endianness:
/// the layout CPython uses, so code tuned for it runs unchanged.
static NATIVE_LAYOUT: PyLongLayout = PyLongLayout {
    bits_per_digit: 30,
    digit_size: 4,
    digits_order: -1,
    digit_endianness: if cfg!(target_endian = "little") {
        -1
    } else {
        1
    },
};

#[no_mangle]
pub unsafe extern "C" fn PyLong_GetNativeLayout() -> *const PyLongLayout {
    &NATIVE_LAYOUT
}

fn to_digits30(v: &BigInt) -> Vec<u32> {
    let mut out = Vec::new();
    let mut m = v.magnitude().clone();
    let mask = num_bigint::BigUint::from((1u32 << 30) - 1);
    while !m.is_zero() {
        out.push((&m & &mask).to_u32().unwrap());
        m >>= 30;
    }
    out
}

#[no_mangle]
pub unsafe extern "C" fn PyLong_Export(o: *mut PyObject, export: *mut PyLongExport) -> c_int {
    guard!(-1, {
        if o.is_null() || export.is_null() {
            errors::bad_internal_call();
            return -1;
        }
        if !long::is_long(o) {
            *export = PyLongExport {
                value: 0,
                negative: 0,
                ndigits: 0,
                digits: core::ptr::null(),
                _reserved: 0,
            };
            let _: PyResult<()> = carapace_core::raise!(
                PyExc_TypeError,
                "expect int, got {}",
                carapace_core::objects::typeobject::tp_name(Py_TYPE(o))
            );
            return -1;
        }
        if let Some(v) = long::to_i64(o) {
            *export = PyLongExport {
                value: v,
                negative: 0,
                ndigits: 0,
                digits: core::ptr::null(),
                _reserved: 0,
            };
            return 0;
        }
        let big = long::to_bigint(o);
        let digits = to_digits30(&big).into_boxed_slice();
        let nd = digits.len();
        let p = Box::into_raw(digits) as *mut u32;
        *export = PyLongExport {
            value: 0,
            negative: big.is_negative() as u8,
            ndigits: nd as Py_ssize_t,
            digits: p as *const c_void,
            _reserved: nd,
        };
        0
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyLong_FreeExport(export: *mut PyLongExport) {
    guard!((), {
        if export.is_null() {
            return;
        }
        let e = &mut *export;
        if e._reserved != 0 && !e.digits.is_null() {
            let s = core::ptr::slice_from_raw_parts_mut(e.digits as *mut u32, e._reserved);
            drop(Box::from_raw(s));
        }
        e._reserved = 0;
        e.digits = core::ptr::null();
    })
}

/// A `PyLongWriter`: the digits the caller fills, then the sign.
pub struct LongWriter {
    negative: bool,
    digits: Vec<u32>,
}

#[no_mangle]
pub unsafe extern "C" fn PyLongWriter_Create(
    negative: c_int,
    ndigits: Py_ssize_t,
    digits: *mut *mut c_void,
) -> *mut LongWriter {
    guard!(null_mut(), {
        if ndigits <= 0 {
            let _: PyResult<()> =
                carapace_core::raise!(PyExc_ValueError, "ndigits must be positive");
            return null_mut();
        }
        if digits.is_null() {
            errors::bad_internal_call();
            return null_mut();
        }
        let mut w = Box::new(LongWriter {
            negative: negative != 0,
            digits: vec![0u32; ndigits as usize],
        });
        *digits = w.digits.as_mut_ptr() as *mut c_void;
        Box::into_raw(w)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyLongWriter_Finish(w: *mut LongWriter) -> *mut PyObject {
    guard!(null_mut(), {
        if w.is_null() {
            errors::bad_internal_call();
            return null_mut();
        }
        let w = Box::from_raw(w);
        let mut v = num_bigint::BigUint::zero();
        for &d in w.digits.iter().rev() {
            v <<= 30;
            v += d & ((1u32 << 30) - 1);
        }
        let mut b = BigInt::from(v);
        if w.negative {
            b = -b;
        }
        long::from_bigint(b)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyLongWriter_Discard(w: *mut LongWriter) {
    guard!((), {
        if !w.is_null() {
            drop(Box::from_raw(w));
        }
    })
}

// ------------------------------------------------------------ PyOS_strtoul / strtol

fn digit_value(c: u8) -> u32 {
    match c {
        b'0'..=b'9' => (c - b'0') as u32,
        b'a'..=b'z' => (c - b'a') as u32 + 10,
        b'A'..=b'Z' => (c - b'A') as u32 + 10,
        _ => 37,
    }
}

fn is_c_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

unsafe fn set_erange() {
    *libc::__errno_location() = libc::ERANGE;
}

/// CPython's `PyOS_strtoul` on a NUL-terminated string: Python's base prefixes,
/// no sign; `ERANGE` and `ULONG_MAX` on overflow.
unsafe fn strtoul_impl(s: *const u8, ptr: *mut *mut c_char, base: c_int) -> c_ulong {
    let at = |i: usize| *s.add(i);
    let set = |i: usize| {
        if !ptr.is_null() {
            *ptr = s.add(i) as *mut c_char;
        }
    };
    let mut i = 0usize;
    while at(i) != 0 && is_c_space(at(i)) {
        i += 1;
    }
    let mut base = base as i64;
    let prefix_of = |b: i64| -> u8 {
        match b {
            16 => b'x',
            8 => b'o',
            _ => b'b',
        }
    };
    match base {
        0 => {
            if at(i) == b'0' {
                i += 1;
                let c = at(i).to_ascii_lowercase();
                let pb = match c {
                    b'x' => 16,
                    b'o' => 8,
                    b'b' => 2,
                    _ => 0,
                };
                if pb == 0 {
                    while at(i) == b'0' {
                        i += 1;
                    }
                    while is_c_space(at(i)) {
                        i += 1;
                    }
                    set(i);
                    return 0;
                }
                if digit_value(at(i + 1)) >= pb {
                    set(i);
                    return 0;
                }
                i += 1;
                base = pb as i64;
            } else {
                base = 10;
            }
        }
        16 | 8 | 2 if at(i) == b'0' && at(i + 1).to_ascii_lowercase() == prefix_of(base) => {
            if digit_value(at(i + 2)) >= base as u32 {
                set(i + 1);
                return 0;
            }
            i += 2;
        }
        _ => {}
    }
    if !(2..=36).contains(&base) {
        set(i);
        return 0;
    }
    while at(i) == b'0' {
        i += 1;
    }
    let mut result: u64 = 0;
    let mut overflow = false;
    loop {
        let c = digit_value(at(i));
        if c >= base as u32 {
            break;
        }
        match result
            .checked_mul(base as u64)
            .and_then(|r| r.checked_add(c as u64))
        {
            Some(r) if !overflow => result = r,
            _ => overflow = true,
        }
        i += 1;
    }
    set(i);
    if overflow {
        set_erange();
        return c_ulong::MAX;
    }
    result as c_ulong
}

#[no_mangle]
pub unsafe extern "C" fn PyOS_strtoul(
    s: *const c_char,
    ptr: *mut *mut c_char,
    base: c_int,
) -> c_ulong {
    guard!(0, {
        if s.is_null() {
            return 0;
        }
        strtoul_impl(s as *const u8, ptr, base)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyOS_strtol(
    s: *const c_char,
    ptr: *mut *mut c_char,
    base: c_int,
) -> c_long {
    guard!(0, {
        if s.is_null() {
            return 0;
        }
        let mut p = s as *const u8;
        while *p != 0 && is_c_space(*p) {
            p = p.add(1);
        }
        let sign = *p;
        if sign == b'+' || sign == b'-' {
            p = p.add(1);
        }
        let u = strtoul_impl(p, ptr, base);
        if u <= c_long::MAX as c_ulong {
            let r = u as c_long;
            if sign == b'-' {
                -r
            } else {
                r
            }
        } else if sign == b'-' && u == c_long::MIN.unsigned_abs() {
            c_long::MIN
        } else {
            set_erange();
            c_long::MAX
        }
    })
}
