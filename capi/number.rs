//! The number protocol (`PyNumber_*`, `PyIndex_Check`).

use core::ffi::c_int;
use core::ptr::null_mut;

use carapace_core::errors;
use carapace_core::object::*;
use carapace_core::protocols::number as num;

/// NULL operands: CPython's `null_error` (SystemError when none is set).
unsafe fn null_error() -> *mut PyObject {
    if errors::raised().is_null() {
        let _: PyResult<()> =
            carapace_core::raise!(PyExc_SystemError, "null argument to internal routine");
    }
    null_mut()
}

macro_rules! binary_exports {
    ($($name:ident => $f:ident;)*) => {$(
        #[no_mangle]
        pub unsafe extern "C" fn $name(v: *mut PyObject, w: *mut PyObject) -> *mut PyObject {
            guard!(null_mut(), {
                if v.is_null() || w.is_null() {
                    return null_error();
                }
                num::$f(v, w)
            })
        }
    )*};
}

binary_exports! {
    PyNumber_Add => add;
    PyNumber_Subtract => subtract;
    PyNumber_Multiply => multiply;
    PyNumber_MatrixMultiply => matrix_multiply;
    PyNumber_FloorDivide => floor_divide;
    PyNumber_TrueDivide => true_divide;
    PyNumber_Remainder => remainder;
    PyNumber_Divmod => divmod;
    PyNumber_Lshift => lshift;
    PyNumber_Rshift => rshift;
    PyNumber_And => and;
    PyNumber_Xor => xor;
    PyNumber_Or => or;
    PyNumber_InPlaceAdd => inplace_add;
    PyNumber_InPlaceSubtract => inplace_subtract;
    PyNumber_InPlaceMultiply => inplace_multiply;
    PyNumber_InPlaceMatrixMultiply => inplace_matrix_multiply;
    PyNumber_InPlaceFloorDivide => inplace_floor_divide;
    PyNumber_InPlaceTrueDivide => inplace_true_divide;
    PyNumber_InPlaceRemainder => inplace_remainder;
    PyNumber_InPlaceLshift => inplace_lshift;
    PyNumber_InPlaceRshift => inplace_rshift;
    PyNumber_InPlaceAnd => inplace_and;
    PyNumber_InPlaceXor => inplace_xor;
    PyNumber_InPlaceOr => inplace_or;
}

macro_rules! unary_exports {
    ($($name:ident => $f:ident;)*) => {$(
        #[no_mangle]
        pub unsafe extern "C" fn $name(o: *mut PyObject) -> *mut PyObject {
            guard!(null_mut(), {
                if o.is_null() {
                    return null_error();
                }
                num::$f(o)
            })
        }
    )*};
}

unary_exports! {
    PyNumber_Negative => negative;
    PyNumber_Positive => positive;
    PyNumber_Absolute => absolute;
    PyNumber_Invert => invert;
    PyNumber_Index => index_exact;
    PyNumber_Long => long;
    PyNumber_Float => float;
}

#[no_mangle]
pub unsafe extern "C" fn PyNumber_Power(
    v: *mut PyObject,
    w: *mut PyObject,
    z: *mut PyObject,
) -> *mut PyObject {
    guard!(null_mut(), {
        if v.is_null() || w.is_null() || z.is_null() {
            return null_error();
        }
        num::power(v, w, z)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyNumber_InPlacePower(
    v: *mut PyObject,
    w: *mut PyObject,
    z: *mut PyObject,
) -> *mut PyObject {
    guard!(null_mut(), {
        if v.is_null() || w.is_null() || z.is_null() {
            return null_error();
        }
        num::inplace_power(v, w, z)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyNumber_Check(o: *mut PyObject) -> c_int {
    guard!(0, {
        if o.is_null() {
            return 0;
        }
        num::check(o) as c_int
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyIndex_Check(o: *mut PyObject) -> c_int {
    guard!(0, { (!o.is_null() && num::index_check(o)) as c_int })
}

#[no_mangle]
pub unsafe extern "C" fn PyNumber_AsSsize_t(o: *mut PyObject, exc: *mut PyObject) -> Py_ssize_t {
    guard!(-1, {
        if o.is_null() {
            null_error();
            return -1;
        }
        // `exc` is the exception class itself; the core takes a pointer to it.
        let mut e = exc;
        let p = if exc.is_null() {
            null_mut()
        } else {
            &raw mut e
        };
        num::as_ssize_t(o, p).unwrap_or(-1)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyNumber_ToBase(n: *mut PyObject, base: c_int) -> *mut PyObject {
    guard!(null_mut(), {
        if n.is_null() {
            return null_error();
        }
        num::to_base(n, base)
    })
}
