//! Floating point objects (`PyFloat_*`) and the string/double conversions
//! `PyOS_double_to_string` and `PyOS_string_to_double`.

use core::ffi::{c_char, c_double, c_int};
use core::ptr::null_mut;

use carapace_core::errors;
use carapace_core::object::*;
use carapace_core::objects::{exceptions, float, float_ops};

#[no_mangle]
pub unsafe extern "C" fn PyFloat_FromDouble(v: c_double) -> *mut PyObject {
    guard!(null_mut(), { float::from_f64(v) })
}

#[no_mangle]
pub unsafe extern "C" fn PyFloat_AsDouble(o: *mut PyObject) -> c_double {
    guard!(-1.0, {
        if o.is_null() {
            errors::bad_argument();
            return -1.0;
        }
        float::as_f64(o).unwrap_or(-1.0)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyFloat_FromString(o: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), {
        if o.is_null() {
            errors::bad_internal_call();
            return null_mut();
        }
        float_ops::from_string_object(o)
    })
}

/// `PyFloat_GetInfo`: `sys.float_info`.
#[no_mangle]
pub unsafe extern "C" fn PyFloat_GetInfo() -> *mut PyObject {
    guard!(null_mut(), {
        carapace_core::objects::numinfo::float_info()
    })
}

#[no_mangle]
pub extern "C" fn PyFloat_GetMax() -> c_double {
    f64::MAX
}

#[no_mangle]
pub extern "C" fn PyFloat_GetMin() -> c_double {
    f64::MIN_POSITIVE
}

/// `PyOS_double_to_string`: the text in memory from `PyMem_Malloc`, the kind
/// (finite, infinite, NaN) in `*ptype`.
#[no_mangle]
pub unsafe extern "C" fn PyOS_double_to_string(
    val: c_double,
    format_code: c_char,
    precision: c_int,
    flags: c_int,
    ptype: *mut c_int,
) -> *mut c_char {
    guard!(null_mut(), {
        let code = format_code as u8;
        let Some((s, kind)) = float_ops::double_to_string(val, code, precision, flags) else {
            // CPython's PyErr_BadInternalCall() names its source line here.
            let line = if code == b'r' { 1292 } else { 1298 };
            errors::set_string(
                exceptions::exc(&raw mut carapace_core::exported::PyExc_SystemError),
                &format!("../Python/pystrtod.c:{line}: bad argument to internal function"),
            );
            return null_mut();
        };
        let p = carapace_core::alloc::raw_malloc(s.len() + 1) as *mut u8;
        if p.is_null() {
            errors::no_memory();
            return null_mut();
        }
        core::ptr::copy_nonoverlapping(s.as_ptr(), p, s.len());
        *p.add(s.len()) = 0;
        if !ptype.is_null() {
            *ptype = kind;
        }
        p as *mut c_char
    })
}

/// `PyOS_string_to_double`: no surrounding whitespace; with `endptr` the parse
/// may stop early; overflow raises `overflow_exception` (NULL: return +-inf).
#[no_mangle]
pub unsafe extern "C" fn PyOS_string_to_double(
    s: *const c_char,
    endptr: *mut *mut c_char,
    overflow_exception: *mut PyObject,
) -> c_double {
    guard!(-1.0, {
        if s.is_null() {
            errors::bad_internal_call();
            return -1.0;
        }
        let bytes = core::ffi::CStr::from_ptr(s).to_bytes();
        let shown = || String::from_utf8_lossy(&bytes[..bytes.len().min(200)]).into_owned();
        let parsed = float_ops::parse_float_prefix(bytes);
        let (x, used) = match parsed {
            Some(p) => p,
            None => {
                if !endptr.is_null() {
                    *endptr = s as *mut c_char;
                }
                let _: PyResult<()> = carapace_core::raise!(
                    PyExc_ValueError,
                    "could not convert string to float: '{}'",
                    shown()
                );
                return -1.0;
            }
        };
        if endptr.is_null() && used != bytes.len() {
            let _: PyResult<()> = carapace_core::raise!(
                PyExc_ValueError,
                "could not convert string to float: '{}'",
                shown()
            );
            return -1.0;
        }
        if !endptr.is_null() {
            *endptr = s.add(used) as *mut c_char;
        }
        let overflowed = x.is_infinite() && bytes[..used].iter().any(|c| c.is_ascii_digit());
        if overflowed && !overflow_exception.is_null() {
            errors::set_string(
                overflow_exception,
                &format!("value too large to convert to float: '{}'", shown()),
            );
            return -1.0;
        }
        x
    })
}
