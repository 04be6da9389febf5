//! Complex number objects (`PyComplex_*`).

use core::ffi::c_double;
use core::ptr::null_mut;

use carapace_core::errors;
use carapace_core::object::*;
use carapace_core::objects::{complex, float};

#[no_mangle]
pub unsafe extern "C" fn PyComplex_FromDoubles(real: c_double, imag: c_double) -> *mut PyObject {
    guard!(null_mut(), { complex::from_doubles(real, imag) })
}

/// `__complex__` of a non-complex object, when its type has one.
unsafe fn via_dunder(o: *mut PyObject) -> PyResult<Option<(f64, f64)>> {
    if carapace_core::objects::typeobject::lookup_str(Py_TYPE(o), "__complex__").is_null() {
        return Ok(None);
    }
    let r = carapace_core::protocols::call::call_method(o, "__complex__", &[])?;
    carapace_core::protocols::number::check_dunder_result(
        o,
        r,
        "__complex__",
        &raw mut carapace_core::exported::PyComplex_Type,
        "a",
    )?;
    let r = Owned(r);
    Ok(Some(complex::parts(r.as_ptr())))
}

#[no_mangle]
pub unsafe extern "C" fn PyComplex_RealAsDouble(o: *mut PyObject) -> c_double {
    guard!(-1.0, {
        if o.is_null() {
            errors::bad_argument();
            return -1.0;
        }
        if complex::is_complex(o) {
            return complex::parts(o).0;
        }
        match via_dunder(o) {
            Ok(Some((r, _))) => r,
            Ok(None) => float::as_f64(o).unwrap_or(-1.0),
            Err(()) => -1.0,
        }
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyComplex_ImagAsDouble(o: *mut PyObject) -> c_double {
    guard!(-1.0, {
        if o.is_null() {
            errors::bad_argument();
            return -1.0;
        }
        if complex::is_complex(o) {
            return complex::parts(o).1;
        }
        match via_dunder(o) {
            Ok(Some((_, i))) => i,
            Ok(None) => match float::as_f64(o) {
                Ok(_) => 0.0,
                Err(()) => -1.0,
            },
            Err(()) => -1.0,
        }
    })
}
