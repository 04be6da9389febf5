//! The number protocol (`PyNumber_*`): binary operators with the reflected-operand
//! rules, in-place forms, conversions (`__index__`, `__int__`, `__float__`).

use core::ptr::null_mut;

use crate::exported::*;
use crate::object::*;
use crate::objects::typeobject::{fully_qualified_name, is_subtype, tp_name};
use crate::objects::{bytes, complex, float, long, long_ops, unicode};
use crate::typeobj::*;

pub type BinSel = fn(&PyNumberMethods) -> Option<binaryfunc>;
pub type TernSel = fn(&PyNumberMethods) -> Option<ternaryfunc>;

#[inline]
unsafe fn nb(o: *mut PyObject) -> *mut PyNumberMethods {
    (*Py_TYPE(o)).tp_as_number
}

/// The number slot `sel` picks from `o`'s type (binary or ternary), if any.
#[inline]
unsafe fn slot_of<F>(o: *mut PyObject, sel: impl Fn(&PyNumberMethods) -> Option<F>) -> Option<F> {
    let n = nb(o);
    if n.is_null() {
        None
    } else {
        sel(&*n)
    }
}

#[inline]
fn same_fn(a: Option<binaryfunc>, b: Option<binaryfunc>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => core::ptr::fn_addr_eq(x, y),
        _ => false,
    }
}

#[inline]
unsafe fn is_ni(o: *mut PyObject) -> bool {
    o == not_implemented()
}

/// CPython's `binary_op1`: try `v`'s slot and `w`'s, the right operand first when
/// its type is a subtype of the left's. Returns NotImplemented (new reference)
/// when neither answers.
pub unsafe fn binary_op1(v: *mut PyObject, w: *mut PyObject, sel: BinSel) -> *mut PyObject {
    let slotv = slot_of(v, sel);
    let mut slotw = if Py_TYPE(w) != Py_TYPE(v) {
        slot_of(w, sel)
    } else {
        None
    };
    if same_fn(slotv, slotw) {
        slotw = None;
    }
    if let Some(fv) = slotv {
        if let Some(fw) = slotw {
            if is_subtype(Py_TYPE(w), Py_TYPE(v)) {
                let x = fw(v, w);
                if !is_ni(x) {
                    return x;
                }
                Py_DECREF(x);
                slotw = None;
            }
        }
        let x = fv(v, w);
        if !is_ni(x) {
            return x;
        }
        Py_DECREF(x);
    }
    if let Some(fw) = slotw {
        let x = fw(v, w);
        if !is_ni(x) {
            return x;
        }
        Py_DECREF(x);
    }
    new_ref(not_implemented())
}

unsafe fn binop_type_error(v: *mut PyObject, w: *mut PyObject, op: &str) -> *mut PyObject {
    crate::raise_null!(
        PyExc_TypeError,
        "unsupported operand type(s) for {}: '{}' and '{}'",
        op,
        tp_name(Py_TYPE(v)),
        tp_name(Py_TYPE(w))
    )
}

/// A binary operator: the slots, then TypeError naming `op`.
pub unsafe fn binary_op(
    v: *mut PyObject,
    w: *mut PyObject,
    sel: BinSel,
    op: &str,
) -> *mut PyObject {
    let r = binary_op1(v, w, sel);
    if is_ni(r) {
        Py_DECREF(r);
        return binop_type_error(v, w, op);
    }
    r
}

macro_rules! binops {
    ($($fname:ident, $slot:ident, $op:literal;)*) => {$(
        pub unsafe fn $fname(v: *mut PyObject, w: *mut PyObject) -> *mut PyObject {
            binary_op(v, w, |n| n.$slot, $op)
        }
    )*};
}
binops! {
    subtract, nb_subtract, "-";
    remainder, nb_remainder, "%";
    divmod, nb_divmod, "divmod()";
    lshift, nb_lshift, "<<";
    rshift, nb_rshift, ">>";
    and, nb_and, "&";
    xor, nb_xor, "^";
    or, nb_or, "|";
    floor_divide, nb_floor_divide, "//";
    true_divide, nb_true_divide, "/";
    matrix_multiply, nb_matrix_multiply, "@";
}

/// `PyNumber_Add`: `nb_add`, then the left operand's `sq_concat`.
pub unsafe fn add(v: *mut PyObject, w: *mut PyObject) -> *mut PyObject {
    let r = binary_op1(v, w, |n| n.nb_add);
    if !is_ni(r) {
        return r;
    }
    Py_DECREF(r);
    let sq = (*Py_TYPE(v)).tp_as_sequence;
    if !sq.is_null() {
        if let Some(f) = (*sq).sq_concat {
            return f(v, w);
        }
    }
    binop_type_error(v, w, "+")
}

unsafe fn sequence_repeat(
    f: crate::typeobj::ssizeargfunc,
    seq: *mut PyObject,
    n: *mut PyObject,
) -> *mut PyObject {
    if !index_check(n) {
        return crate::raise_null!(
            PyExc_TypeError,
            "can't multiply sequence by non-int of type '{}'",
            tp_name(Py_TYPE(n))
        );
    }
    match as_ssize_t(n, &raw mut PyExc_OverflowError) {
        Ok(c) => f(seq, c),
        Err(()) => null_mut(),
    }
}

/// `PyNumber_Multiply`: `nb_multiply`, then either operand's `sq_repeat`.
pub unsafe fn multiply(v: *mut PyObject, w: *mut PyObject) -> *mut PyObject {
    let r = binary_op1(v, w, |n| n.nb_multiply);
    if !is_ni(r) {
        return r;
    }
    Py_DECREF(r);
    let sv = (*Py_TYPE(v)).tp_as_sequence;
    let sw = (*Py_TYPE(w)).tp_as_sequence;
    if !sv.is_null() {
        if let Some(f) = (*sv).sq_repeat {
            return sequence_repeat(f, v, w);
        }
    }
    if !sw.is_null() {
        if let Some(f) = (*sw).sq_repeat {
            return sequence_repeat(f, w, v);
        }
    }
    binop_type_error(v, w, "*")
}

/// CPython's `binary_iop1`: the in-place slot of `v`, then the binary rules.
pub unsafe fn binary_iop1(
    v: *mut PyObject,
    w: *mut PyObject,
    isel: BinSel,
    sel: BinSel,
) -> *mut PyObject {
    if let Some(f) = slot_of(v, isel) {
        let x = f(v, w);
        if !is_ni(x) {
            return x;
        }
        Py_DECREF(x);
    }
    binary_op1(v, w, sel)
}

pub unsafe fn binary_iop(
    v: *mut PyObject,
    w: *mut PyObject,
    isel: BinSel,
    sel: BinSel,
    op: &str,
) -> *mut PyObject {
    let r = binary_iop1(v, w, isel, sel);
    if is_ni(r) {
        Py_DECREF(r);
        return binop_type_error(v, w, op);
    }
    r
}

macro_rules! iops {
    ($($fname:ident, $islot:ident, $slot:ident, $op:literal;)*) => {$(
        pub unsafe fn $fname(v: *mut PyObject, w: *mut PyObject) -> *mut PyObject {
            binary_iop(v, w, |n| n.$islot, |n| n.$slot, $op)
        }
    )*};
}
iops! {
    inplace_subtract, nb_inplace_subtract, nb_subtract, "-=";
    inplace_remainder, nb_inplace_remainder, nb_remainder, "%=";
    inplace_lshift, nb_inplace_lshift, nb_lshift, "<<=";
    inplace_rshift, nb_inplace_rshift, nb_rshift, ">>=";
    inplace_and, nb_inplace_and, nb_and, "&=";
    inplace_xor, nb_inplace_xor, nb_xor, "^=";
    inplace_or, nb_inplace_or, nb_or, "|=";
    inplace_floor_divide, nb_inplace_floor_divide, nb_floor_divide, "//=";
    inplace_true_divide, nb_inplace_true_divide, nb_true_divide, "/=";
    inplace_matrix_multiply, nb_inplace_matrix_multiply, nb_matrix_multiply, "@=";
}

/// `PyNumber_InPlaceAdd`: in-place and binary slots, then `sq_inplace_concat`,
/// then `sq_concat`.
pub unsafe fn inplace_add(v: *mut PyObject, w: *mut PyObject) -> *mut PyObject {
    let r = binary_iop1(v, w, |n| n.nb_inplace_add, |n| n.nb_add);
    if !is_ni(r) {
        return r;
    }
    Py_DECREF(r);
    let sq = (*Py_TYPE(v)).tp_as_sequence;
    if !sq.is_null() {
        if let Some(f) = (*sq).sq_inplace_concat {
            return f(v, w);
        }
        if let Some(f) = (*sq).sq_concat {
            return f(v, w);
        }
    }
    binop_type_error(v, w, "+=")
}

/// `PyNumber_InPlaceMultiply`.
pub unsafe fn inplace_multiply(v: *mut PyObject, w: *mut PyObject) -> *mut PyObject {
    let r = binary_iop1(v, w, |n| n.nb_inplace_multiply, |n| n.nb_multiply);
    if !is_ni(r) {
        return r;
    }
    Py_DECREF(r);
    let sv = (*Py_TYPE(v)).tp_as_sequence;
    let sw = (*Py_TYPE(w)).tp_as_sequence;
    if !sv.is_null() {
        if let Some(f) = (*sv).sq_inplace_repeat {
            return sequence_repeat(f, v, w);
        }
        if let Some(f) = (*sv).sq_repeat {
            return sequence_repeat(f, v, w);
        }
    }
    if !sw.is_null() {
        if let Some(f) = (*sw).sq_repeat {
            return sequence_repeat(f, w, v);
        }
    }
    binop_type_error(v, w, "*=")
}

#[inline]
fn same_tfn(a: Option<ternaryfunc>, b: Option<ternaryfunc>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => core::ptr::fn_addr_eq(x, y),
        _ => false,
    }
}

/// CPython's `ternary_op` for `pow()`.
unsafe fn ternary_op(
    v: *mut PyObject,
    w: *mut PyObject,
    z: *mut PyObject,
    sel: TernSel,
    op: &str,
) -> *mut PyObject {
    let slotv = slot_of(v, sel);
    let mut slotw = if Py_TYPE(w) != Py_TYPE(v) {
        slot_of(w, sel)
    } else {
        None
    };
    if same_tfn(slotv, slotw) {
        slotw = None;
    }
    if let Some(fv) = slotv {
        if let Some(fw) = slotw {
            if is_subtype(Py_TYPE(w), Py_TYPE(v)) {
                let x = fw(v, w, z);
                if !is_ni(x) {
                    return x;
                }
                Py_DECREF(x);
                slotw = None;
            }
        }
        let x = fv(v, w, z);
        if !is_ni(x) {
            return x;
        }
        Py_DECREF(x);
    }
    if let Some(fw) = slotw {
        let x = fw(v, w, z);
        if !is_ni(x) {
            return x;
        }
        Py_DECREF(x);
    }
    let slotz = slot_of(z, sel);
    if let Some(fz) = slotz {
        if !same_tfn(slotz, slotv) && !same_tfn(slotz, slotw) {
            let x = fz(v, w, z);
            if !is_ni(x) {
                return x;
            }
            Py_DECREF(x);
        }
    }
    if z == none() {
        binop_type_error(v, w, op)
    } else {
        crate::raise_null!(
            PyExc_TypeError,
            "unsupported operand type(s) for {}: '{}', '{}', '{}'",
            op,
            tp_name(Py_TYPE(v)),
            tp_name(Py_TYPE(w)),
            tp_name(Py_TYPE(z))
        )
    }
}

/// `PyNumber_Power`.
pub unsafe fn power(v: *mut PyObject, w: *mut PyObject, z: *mut PyObject) -> *mut PyObject {
    ternary_op(v, w, z, |n| n.nb_power, "** or pow()")
}

/// `PyNumber_InPlacePower`.
pub unsafe fn inplace_power(v: *mut PyObject, w: *mut PyObject, z: *mut PyObject) -> *mut PyObject {
    if let Some(f) = slot_of(v, |n| n.nb_inplace_power) {
        let x = f(v, w, z);
        if !is_ni(x) {
            return x;
        }
        Py_DECREF(x);
    }
    ternary_op(v, w, z, |n| n.nb_power, "**=")
}

unsafe fn unary(
    o: *mut PyObject,
    sel: fn(&PyNumberMethods) -> Option<unaryfunc>,
    what: &str,
) -> *mut PyObject {
    let n = nb(o);
    if !n.is_null() {
        if let Some(f) = sel(&*n) {
            return f(o);
        }
    }
    crate::raise_null!(
        PyExc_TypeError,
        "bad operand type for {}: '{}'",
        what,
        tp_name(Py_TYPE(o))
    )
}

pub unsafe fn negative(o: *mut PyObject) -> *mut PyObject {
    unary(o, |n| n.nb_negative, "unary -")
}
pub unsafe fn positive(o: *mut PyObject) -> *mut PyObject {
    unary(o, |n| n.nb_positive, "unary +")
}
pub unsafe fn invert(o: *mut PyObject) -> *mut PyObject {
    unary(o, |n| n.nb_invert, "unary ~")
}
pub unsafe fn absolute(o: *mut PyObject) -> *mut PyObject {
    unary(o, |n| n.nb_absolute, "abs()")
}

/// `PyNumber_Check`.
pub unsafe fn check(o: *mut PyObject) -> bool {
    let n = nb(o);
    (!n.is_null() && ((*n).nb_index.is_some() || (*n).nb_int.is_some() || (*n).nb_float.is_some()))
        || complex::is_complex(o)
}

/// `PyIndex_Check`.
pub unsafe fn index_check(o: *mut PyObject) -> bool {
    let nb = (*Py_TYPE(o)).tp_as_number;
    !nb.is_null() && (*nb).nb_index.is_some()
}

/// `PyNumber_Index`: an exact-or-subclass int from `__index__`.
pub unsafe fn index(o: *mut PyObject) -> *mut PyObject {
    if long::is_long(o) {
        return new_ref(o);
    }
    let t = Py_TYPE(o);
    let nb = (*t).tp_as_number;
    let f = if nb.is_null() { None } else { (*nb).nb_index };
    let Some(f) = f else {
        return crate::raise_null!(
            PyExc_TypeError,
            "'{}' object cannot be interpreted as an integer",
            tp_name(t)
        );
    };
    let r = f(o);
    if r.is_null() {
        return r;
    }
    match check_dunder_result(o, r, "__index__", &raw mut PyLong_Type, "an") {
        Ok(()) => r,
        Err(()) => null_mut(),
    }
}

/// `PyNumber_Index` as exported: always an exact int.
pub unsafe fn index_exact(o: *mut PyObject) -> *mut PyObject {
    let r = index(o);
    if r.is_null() || long::is_long_exact(r) {
        return r;
    }
    let c = long::exact_copy(r);
    Py_DECREF(r);
    c
}

/// Check what a conversion dunder (`__index__`, `__int__`, `__float__`,
/// `__complex__`) returned: `Ok(())` for an exact instance of `base`, a
/// DeprecationWarning for a strict subclass, TypeError otherwise. `o` is the
/// converted object; `r` is released on error.
pub unsafe fn check_dunder_result(
    o: *mut PyObject,
    r: *mut PyObject,
    dunder: &str,
    base: *mut PyTypeObject,
    article: &str,
) -> PyResult<()> {
    if Py_TYPE(r) == base {
        return Ok(());
    }
    let base_name = tp_name(base);
    let msg = format!(
        "{}.{}() must return {} {}, not {}",
        fully_qualified_name(Py_TYPE(o)),
        dunder,
        article,
        base_name,
        fully_qualified_name(Py_TYPE(r))
    );
    if !is_subtype(Py_TYPE(r), base) {
        Py_DECREF(r);
        return crate::raise!(PyExc_TypeError, "{}", msg);
    }
    let msg = format!(
        "{msg}.  The ability to return an instance of a strict subclass of {base_name} is deprecated, and may be removed in a future version of Python."
    );
    if crate::objects::warnings::warn(
        crate::objects::exceptions::exc(&raw mut PyExc_DeprecationWarning),
        &msg,
        1,
    ) < 0
    {
        Py_DECREF(r);
        return Err(());
    }
    Ok(())
}

/// `PyNumber_AsSsize_t`: on overflow raise `exc` (NULL: clamp instead).
pub unsafe fn as_ssize_t(o: *mut PyObject, exc: *mut *mut PyObject) -> PyResult<Py_ssize_t> {
    let i = Owned::from_new(index(o)).ok_or(())?;
    match long::to_i64(i.as_ptr()) {
        Some(v) => Ok(v as Py_ssize_t),
        None => {
            if exc.is_null() {
                Ok(if long::is_negative(i.as_ptr()) {
                    Py_ssize_t::MIN
                } else {
                    Py_ssize_t::MAX
                })
            } else {
                crate::errors::set_string(
                    crate::objects::exceptions::exc(exc),
                    &format!(
                        "cannot fit '{}' into an index-sized integer",
                        tp_name(Py_TYPE(o))
                    ),
                );
                Err(())
            }
        }
    }
}

/// `PyNumber_Long`: `int(o)`.
pub unsafe fn long(o: *mut PyObject) -> *mut PyObject {
    if o.is_null() {
        crate::errors::bad_internal_call();
        return null_mut();
    }
    if long::is_long_exact(o) {
        return new_ref(o);
    }
    let n = nb(o);
    if !n.is_null() {
        if let Some(f) = (*n).nb_int {
            let r = f(o);
            if r.is_null() {
                return r;
            }
            if check_dunder_result(o, r, "__int__", &raw mut PyLong_Type, "an").is_err() {
                return null_mut();
            }
            if long::is_long_exact(r) {
                return r;
            }
            let c = long::exact_copy(r);
            Py_DECREF(r);
            return c;
        }
        if (*n).nb_index.is_some() {
            let r = Owned::from_new(index(o));
            return match r {
                Some(r) => long::exact_copy(r.as_ptr()),
                None => null_mut(),
            };
        }
    }
    if unicode::is_unicode(o) {
        return long_ops::from_unicode(o, 10);
    }
    match buffer_bytes(o) {
        Some(Ok(b)) => return long_ops::from_bytes_literal(&b, 10, o),
        Some(Err(())) => return null_mut(),
        None => {}
    }
    crate::raise_null!(
        PyExc_TypeError,
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        tp_name(Py_TYPE(o))
    )
}

/// `PyNumber_Float`: `float(o)`.
pub unsafe fn float(o: *mut PyObject) -> *mut PyObject {
    if o.is_null() {
        crate::errors::bad_internal_call();
        return null_mut();
    }
    if Py_TYPE(o) == &raw mut PyFloat_Type {
        return new_ref(o);
    }
    let n = nb(o);
    if !n.is_null() {
        if (*n).nb_float.is_some() {
            return match float::as_f64(o) {
                Ok(v) => float::from_f64(v),
                Err(()) => null_mut(),
            };
        }
        if (*n).nb_index.is_some() {
            let i = Owned::from_new(index(o));
            let Some(i) = i else { return null_mut() };
            return match long::to_f64(i.as_ptr()) {
                Ok(v) => float::from_f64(v),
                Err(()) => null_mut(),
            };
        }
    }
    if float::is_float(o) {
        return float::from_f64(float::value(o));
    }
    crate::objects::float_ops::from_string_object(o)
}

/// `PyNumber_ToBase`: `bin()`, `oct()`, `str()`, `hex()` of an index.
pub unsafe fn to_base(o: *mut PyObject, base: i32) -> *mut PyObject {
    let (radix, prefix) = match base {
        2 => (2, "0b"),
        8 => (8, "0o"),
        10 => (10, ""),
        16 => (16, "0x"),
        _ => {
            return crate::raise_null!(
                PyExc_SystemError,
                "PyNumber_ToBase: base must be 2, 8, 10 or 16"
            )
        }
    };
    let i = Owned::from_new(index(o));
    let Some(i) = i else { return null_mut() };
    if radix == 10 {
        return long::long_repr(i.as_ptr());
    }
    let v = long::to_bigint(i.as_ptr());
    let digits = v.magnitude().to_str_radix(radix);
    let sign = if v.sign() == num_bigint::Sign::Minus {
        "-"
    } else {
        ""
    };
    unicode::from_str(&format!("{sign}{prefix}{digits}"))
}

/// The bytes of an object exporting the buffer protocol (bytes, bytearray,
/// memoryview, ...): `None` when it exports none.
pub unsafe fn buffer_bytes(o: *mut PyObject) -> Option<PyResult<Vec<u8>>> {
    if bytes::is_bytes(o) {
        return Some(Ok(bytes::as_slice_of(o).to_vec()));
    }
    let pb = (*Py_TYPE(o)).tp_as_buffer;
    if pb.is_null() {
        return None;
    }
    let get = (*pb).bf_getbuffer?;
    let mut view: crate::defs::Py_buffer = core::mem::zeroed();
    if get(o, &mut view, crate::defs::PyBUF_SIMPLE) < 0 {
        return Some(Err(()));
    }
    let data = if view.buf.is_null() || view.len <= 0 {
        Vec::new()
    } else {
        core::slice::from_raw_parts(view.buf as *const u8, view.len as usize).to_vec()
    };
    if let Some(rel) = (*pb).bf_releasebuffer {
        rel(o, &mut view);
    }
    Py_XDECREF(view.obj);
    Some(Ok(data))
}
