//! Helpers shared by the container types (tuple, list, dict, set, slice, range and
//! the iterator types): method tables, argument checks, slice index evaluation.

use core::ffi::c_int;
use core::ptr::null_mut;

use crate::defs::{PyMemberDef, PyMethodDef};
use crate::object::*;
use crate::objects::{dict, tuple, typeobject::type_name};

/// A `PyMethodDef` for a built-in method: `meth!(c"name", func, METH_O, c"doc")`.
#[macro_export]
macro_rules! meth {
    ($name:expr, $f:expr, $flags:expr) => {
        $crate::defs::PyMethodDef {
            ml_name: $name.as_ptr(),
            ml_meth: Some({
                let f = $f as *const ();
                unsafe { core::mem::transmute::<*const (), $crate::defs::PyCFunction>(f) }
            }),
            ml_flags: $flags,
            ml_doc: core::ptr::null(),
        }
    };
}

pub const SENTINEL: PyMethodDef = PyMethodDef::SENTINEL;

/// A read-only object member (`_Py_T_OBJECT`, `Py_READONLY`) of the struct `$ty`:
/// `ro_member!(SliceObject, c"start", start)`.
#[macro_export]
macro_rules! ro_member {
    ($ty:ty, $name:expr, $field:ident) => {
        $crate::defs::PyMemberDef {
            name: $name.as_ptr(),
            type_code: $crate::defs::_Py_T_OBJECT,
            offset: core::mem::offset_of!($ty, $field) as $crate::object::Py_ssize_t,
            flags: $crate::defs::Py_READONLY,
            doc: core::ptr::null(),
        }
    };
}

/// The end of a `PyMemberDef` table.
pub const MEMBER_SENTINEL: PyMemberDef = PyMemberDef {
    name: core::ptr::null(),
    type_code: 0,
    offset: 0,
    flags: 0,
    doc: core::ptr::null(),
};

/// The positional arguments of a `METH_VARARGS` call as a slice.
pub unsafe fn args_slice<'a>(args: *mut PyObject) -> &'a [*mut PyObject] {
    if args.is_null() {
        &[]
    } else {
        tuple::as_slice(args)
    }
}

/// The arguments of a `METH_FASTCALL` call (`args`, `n`) as a slice.
pub unsafe fn fastcall_args<'a>(args: *const *mut PyObject, n: Py_ssize_t) -> &'a [*mut PyObject] {
    if n <= 0 {
        &[]
    } else {
        core::slice::from_raw_parts(args, n as usize)
    }
}

/// Number of keyword arguments in a kwargs dict (NULL = 0).
pub unsafe fn nkw(kw: *mut PyObject) -> Py_ssize_t {
    if kw.is_null() {
        0
    } else {
        dict::len(kw)
    }
}

/// `"{name}() takes no keyword arguments"` when `kw` is not empty.
pub unsafe fn no_keywords(name: &str, kw: *mut PyObject) -> PyResult<()> {
    if nkw(kw) != 0 {
        return crate::raise!(PyExc_TypeError, "{}() takes no keyword arguments", name);
    }
    Ok(())
}

/// CPython's `_PyArg_CheckPositional`: between `min` and `max` arguments.
pub unsafe fn check_positional(name: &str, n: usize, min: usize, max: usize) -> PyResult<()> {
    if n < min {
        return crate::raise!(
            PyExc_TypeError,
            "{} expected {}{} argument{}, got {}",
            name,
            if min == max { "" } else { "at least " },
            min,
            if min == 1 { "" } else { "s" },
            n
        );
    }
    if n > max {
        return crate::raise!(
            PyExc_TypeError,
            "{} expected {}{} argument{}, got {}",
            name,
            if min == max { "" } else { "at most " },
            max,
            if max == 1 { "" } else { "s" },
            n
        );
    }
    Ok(())
}

/// `_PyEval_SliceIndex`: None leaves `*pi` alone; an index is clamped to ssize_t.
pub unsafe fn slice_index(v: *mut PyObject, pi: &mut Py_ssize_t) -> PyResult<()> {
    if v.is_null() || v == crate::exported::none() {
        return Ok(());
    }
    if crate::objects::sequtil::is_index(v) {
        *pi = crate::protocols::number::as_ssize_t(v, null_mut())?;
        return Ok(());
    }
    crate::raise!(
        PyExc_TypeError,
        "slice indices must be integers or have an __index__ method"
    )
}

/// Re-raise a `TypeError` from hashing `key` as CPython 3.14+ does for containers:
/// "cannot use 'T' as a {what} ({original message})".
pub unsafe fn rewrite_unhashable(key: *mut PyObject, what: &str) {
    let te = crate::objects::exceptions::exc(&raw mut crate::exported::PyExc_TypeError);
    if !crate::errors::exception_matches(te) {
        return;
    }
    let e = crate::errors::take_raised();
    let m = crate::protocols::object::str(e);
    let msg = if m.is_null() {
        crate::errors::clear();
        String::new()
    } else {
        let s = crate::objects::unicode::to_string_lossy(m);
        Py_DECREF(m);
        s
    };
    Py_DECREF(e);
    let _: PyResult<()> = crate::raise!(
        PyExc_TypeError,
        "cannot use '{}' as a {} ({})",
        tname(key),
        what,
        msg
    );
}

/// Like `slice_index` but None is an error too (`_PyEval_SliceIndexNotNone`).
pub unsafe fn slice_index_not_none(v: *mut PyObject, pi: &mut Py_ssize_t) -> PyResult<()> {
    if crate::objects::sequtil::is_index(v) {
        *pi = crate::protocols::number::as_ssize_t(v, null_mut())?;
        return Ok(());
    }
    crate::raise!(
        PyExc_TypeError,
        "slice indices must be integers or have an __index__ method"
    )
}

/// Parse the optional `start`/`stop` arguments of `index()` methods into a range
/// clamped to `len`.
pub unsafe fn index_bounds(
    args: &[*mut PyObject],
    len: Py_ssize_t,
) -> PyResult<(Py_ssize_t, Py_ssize_t)> {
    let mut start: Py_ssize_t = 0;
    let mut stop: Py_ssize_t = Py_ssize_t::MAX;
    if args.len() > 1 {
        slice_index_not_none(args[1], &mut start)?;
    }
    if args.len() > 2 {
        slice_index_not_none(args[2], &mut stop)?;
    }
    if start < 0 {
        start += len;
        if start < 0 {
            start = 0;
        }
    }
    if stop < 0 {
        stop += len;
    }
    Ok((start, stop.min(len)))
}

/// `X.__class_getitem__` is not ours; `bool` result as a new reference.
#[inline]
pub fn bool_ref(b: bool) -> *mut PyObject {
    crate::exported::py_bool(b)
}

/// `ret` as an `int` slot result.
#[inline]
pub fn res_int(r: PyResult<()>) -> c_int {
    if r.is_ok() {
        0
    } else {
        -1
    }
}

/// A new reference to `None` or NULL on error.
#[inline]
pub fn res_none(r: PyResult<()>) -> *mut PyObject {
    match r {
        Ok(()) => crate::exported::none(),
        Err(()) => null_mut(),
    }
}

/// The type name of an object (for messages).
pub unsafe fn tname<'a>(o: *mut PyObject) -> &'a str {
    type_name(Py_TYPE(o))
}

/// The index of `key` for `x[key]` on a sequence: an int (IndexError on overflow)
/// or None when `key` is not an index.
pub unsafe fn as_index_key(key: *mut PyObject) -> PyResult<Option<Py_ssize_t>> {
    if crate::objects::sequtil::is_index(key) {
        let i =
            crate::protocols::number::as_ssize_t(key, &raw mut crate::exported::PyExc_IndexError)?;
        return Ok(Some(i));
    }
    Ok(None)
}

/// `PyIndex_Check`, with ints (and int subclasses) accepted directly.
#[inline]
pub unsafe fn is_index(o: *mut PyObject) -> bool {
    crate::objects::long::is_long(o) || crate::protocols::number::index_check(o)
}

/// Check the keyword arguments of a `METH_VARARGS | METH_KEYWORDS` method the way
/// CPython's Argument Clinic does: every key must be one of `names`, and none may
/// name a parameter that was already given by position (`npos` of them).
pub unsafe fn check_keywords(
    fname: &str,
    kw: *mut PyObject,
    names: &[&str],
    npos: usize,
) -> PyResult<()> {
    if kw.is_null() {
        return Ok(());
    }
    for (k, v) in dict::snapshot(kw) {
        let key = Owned(k);
        drop(Owned(v));
        if !crate::objects::unicode::is_unicode(key.as_ptr()) {
            return crate::raise!(PyExc_TypeError, "keywords must be strings");
        }
        let ks = crate::objects::unicode::to_string_lossy(key.as_ptr());
        match names.iter().position(|n| *n == ks) {
            None => {
                return crate::raise!(
                    PyExc_TypeError,
                    "{}() got an unexpected keyword argument '{}'",
                    fname,
                    ks
                );
            }
            Some(i) if i < npos => {
                return crate::raise!(
                    PyExc_TypeError,
                    "argument for {}() given by name ('{}') and position ({})",
                    fname,
                    ks,
                    i + 1
                );
            }
            Some(_) => {}
        }
    }
    Ok(())
}
