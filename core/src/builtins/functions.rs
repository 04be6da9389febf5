//! The plain functions of `builtins`: conversions, attribute access, iteration
//! helpers and arithmetic.

use core::ptr::null_mut;

use super::args::{parse, positional, Signature};
use crate::defs::{PyMethodDef, METH_FASTCALL, METH_KEYWORDS, METH_O, METH_VARARGS};
use crate::exported::*;
use crate::object::*;
use crate::objects::sequtil::{tname, SENTINEL};
use crate::objects::{bytearray, bytes, float, list, long, unicode};
use crate::protocols::{call, iter, number, object, objproto};

/// After `iter::next` returned NULL: Err when that was an error, not the end.
pub fn iteration_error() -> PyResult<()> {
    if crate::errors::raised().is_null() {
        Ok(())
    } else {
        Err(())
    }
}

/// A `PyResult` of a new reference as a C return value.
pub fn ret(r: PyResult<*mut PyObject>) -> *mut PyObject {
    r.unwrap_or(null_mut())
}

unsafe extern "C" fn builtin_repr(_m: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
    object::repr(o)
}

unsafe extern "C" fn builtin_ascii(_m: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
    object::ascii(o)
}

unsafe extern "C" fn builtin_abs(_m: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
    number::absolute(o)
}

unsafe extern "C" fn builtin_bin(_m: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
    number::to_base(o, 2)
}

unsafe extern "C" fn builtin_oct(_m: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
    number::to_base(o, 8)
}

unsafe extern "C" fn builtin_hex(_m: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
    number::to_base(o, 16)
}

unsafe extern "C" fn builtin_callable(_m: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
    new_ref(py_bool(call::is_callable(o)))
}

unsafe extern "C" fn builtin_id(_m: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
    long::from_u64(o as usize as u64)
}

unsafe extern "C" fn builtin_hash(_m: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
    let h = object::hash(o);
    if h == -1 && !crate::errors::raised().is_null() {
        return null_mut();
    }
    long::from_i64(h as i64)
}

unsafe extern "C" fn builtin_len(_m: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
    let n = crate::protocols::sequence::object_size(o);
    if n < 0 {
        return null_mut();
    }
    long::from_i64(n as i64)
}

/// `all(iterable)` / `any(iterable)`: stop at the first item whose truth is
/// `stop_on`.
unsafe fn all_any(o: *mut PyObject, stop_on: bool) -> *mut PyObject {
    let r = (|| -> PyResult<*mut PyObject> {
        let it = Owned(nonnull(iter::get_iter(o))?);
        loop {
            let item = iter::next(it.as_ptr());
            if item.is_null() {
                iteration_error()?;
                return Ok(new_ref(py_bool(!stop_on)));
            }
            let item = Owned(item);
            let t = object::is_true(item.as_ptr());
            if t < 0 {
                return Err(());
            }
            if (t == 1) == stop_on {
                return Ok(new_ref(py_bool(stop_on)));
            }
        }
    })();
    ret(r)
}

unsafe extern "C" fn builtin_all(_m: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
    all_any(o, false)
}

unsafe extern "C" fn builtin_any(_m: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
    all_any(o, true)
}

unsafe extern "C" fn builtin_chr(_m: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
    let i = number::index(o);
    if i.is_null() {
        return null_mut();
    }
    let i = Owned(i);
    match long::to_i64(i.as_ptr()) {
        Some(v) if (0..0x110000).contains(&v) => unicode::from_code_points([v as u32]),
        _ => crate::raise_null!(PyExc_ValueError, "chr() arg not in range(0x110000)"),
    }
}

unsafe extern "C" fn builtin_ord(_m: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
    let (len, first) = if unicode::is_unicode(o) {
        let n = unicode::as_unicode(o).length as usize;
        (n, if n == 1 { unicode::char_at(o, 0) } else { 0 })
    } else if bytes::is_bytes(o) {
        let b = bytes::as_slice_of(o);
        (b.len(), b.first().copied().unwrap_or(0) as u32)
    } else if bytearray::is_bytearray(o) {
        let b = bytearray::snapshot(o);
        (b.len(), b.first().copied().unwrap_or(0) as u32)
    } else {
        return crate::raise_null!(
            PyExc_TypeError,
            "ord() expected string of length 1, but {} found",
            tname(o)
        );
    };
    if len != 1 {
        return crate::raise_null!(
            PyExc_TypeError,
            "ord() expected a character, but string of length {} found",
            len
        );
    }
    long::from_i64(first as i64)
}

/// Attribute names must be str (CPython's `PyObject_GetAttr` check, which the
/// builtins reach before any lookup).
unsafe fn check_attr_name(name: *mut PyObject) -> PyResult<()> {
    if !unicode::is_unicode(name) {
        return crate::raise!(
            PyExc_TypeError,
            "attribute name must be string, not '{}'",
            tname(name)
        );
    }
    Ok(())
}

unsafe fn attribute_error_matches() -> bool {
    crate::errors::exception_matches(crate::objects::exceptions::exc(
        &raw mut PyExc_AttributeError,
    ))
}

unsafe extern "C" fn builtin_getattr(
    _m: *mut PyObject,
    args: *const *mut PyObject,
    nargs: Py_ssize_t,
) -> *mut PyObject {
    ret((|| {
        let a = positional("getattr", args, nargs, 2, 3)?;
        check_attr_name(a[1])?;
        let r = object::get_attr(a[0], a[1]);
        if r.is_null() && a.len() == 3 && attribute_error_matches() {
            crate::errors::clear();
            return Ok(new_ref(a[2]));
        }
        nonnull(r)
    })())
}

unsafe extern "C" fn builtin_hasattr(
    _m: *mut PyObject,
    args: *const *mut PyObject,
    nargs: Py_ssize_t,
) -> *mut PyObject {
    ret((|| {
        let a = positional("hasattr", args, nargs, 2, 2)?;
        check_attr_name(a[1])?;
        match objproto::has_attr_with_error(a[0], a[1]) {
            r if r < 0 => Err(()),
            r => Ok(new_ref(py_bool(r == 1))),
        }
    })())
}

unsafe extern "C" fn builtin_setattr(
    _m: *mut PyObject,
    args: *const *mut PyObject,
    nargs: Py_ssize_t,
) -> *mut PyObject {
    ret((|| {
        let a = positional("setattr", args, nargs, 3, 3)?;
        check_attr_name(a[1])?;
        object::set_attr(a[0], a[1], a[2])?;
        Ok(none_ref())
    })())
}

unsafe extern "C" fn builtin_delattr(
    _m: *mut PyObject,
    args: *const *mut PyObject,
    nargs: Py_ssize_t,
) -> *mut PyObject {
    ret((|| {
        let a = positional("delattr", args, nargs, 2, 2)?;
        check_attr_name(a[1])?;
        object::set_attr(a[0], a[1], null_mut())?;
        Ok(none_ref())
    })())
}

unsafe extern "C" fn builtin_divmod(
    _m: *mut PyObject,
    args: *const *mut PyObject,
    nargs: Py_ssize_t,
) -> *mut PyObject {
    ret((|| {
        let a = positional("divmod", args, nargs, 2, 2)?;
        nonnull(number::divmod(a[0], a[1]))
    })())
}

unsafe extern "C" fn builtin_format(
    _m: *mut PyObject,
    args: *const *mut PyObject,
    nargs: Py_ssize_t,
) -> *mut PyObject {
    ret((|| {
        let a = positional("format", args, nargs, 1, 2)?;
        let spec = if a.len() == 2 {
            if !unicode::is_unicode(a[1]) {
                return crate::raise!(
                    PyExc_TypeError,
                    "format() argument 2 must be str, not {}",
                    tname(a[1])
                );
            }
            a[1]
        } else {
            null_mut()
        };
        nonnull(objproto::format(a[0], spec))
    })())
}

unsafe fn class_check(
    args: *const *mut PyObject,
    nargs: Py_ssize_t,
    name: &str,
    test: unsafe fn(*mut PyObject, *mut PyObject) -> core::ffi::c_int,
) -> *mut PyObject {
    ret((|| {
        let a = positional(name, args, nargs, 2, 2)?;
        match test(a[0], a[1]) {
            r if r < 0 => Err(()),
            r => Ok(new_ref(py_bool(r == 1))),
        }
    })())
}

unsafe extern "C" fn builtin_isinstance(
    _m: *mut PyObject,
    args: *const *mut PyObject,
    nargs: Py_ssize_t,
) -> *mut PyObject {
    class_check(args, nargs, "isinstance", objproto::is_instance)
}

unsafe extern "C" fn builtin_issubclass(
    _m: *mut PyObject,
    args: *const *mut PyObject,
    nargs: Py_ssize_t,
) -> *mut PyObject {
    class_check(args, nargs, "issubclass", objproto::is_subclass)
}

unsafe extern "C" fn builtin_iter(
    _m: *mut PyObject,
    args: *const *mut PyObject,
    nargs: Py_ssize_t,
) -> *mut PyObject {
    ret((|| {
        let a = positional("iter", args, nargs, 1, 2)?;
        if a.len() == 1 {
            return nonnull(iter::get_iter(a[0]));
        }
        if !call::is_callable(a[0]) {
            return crate::raise!(PyExc_TypeError, "iter(v, w): v must be callable");
        }
        nonnull(crate::objects::iterobject::new_call_iter(a[0], a[1]))
    })())
}

unsafe extern "C" fn builtin_next(
    _m: *mut PyObject,
    args: *const *mut PyObject,
    nargs: Py_ssize_t,
) -> *mut PyObject {
    ret((|| {
        let a = positional("next", args, nargs, 1, 2)?;
        let it = a[0];
        if !iter::check(it) {
            return crate::raise!(PyExc_TypeError, "'{}' object is not an iterator", tname(it));
        }
        let f = (*Py_TYPE(it)).tp_iternext.expect("checked by iter::check");
        let r = f(it);
        if !r.is_null() {
            return Ok(r);
        }
        let stop = crate::objects::exceptions::exc(&raw mut PyExc_StopIteration);
        if !crate::errors::raised().is_null() {
            if a.len() == 2 && crate::errors::exception_matches(stop) {
                crate::errors::clear();
                return Ok(new_ref(a[1]));
            }
            return Err(());
        }
        if a.len() == 2 {
            return Ok(new_ref(a[1]));
        }
        crate::errors::set_object(stop, null_mut());
        Err(())
    })())
}

/// The `tp_as_async` slot `pick` of `o`'s type, if it has one.
unsafe fn async_slot(
    o: *mut PyObject,
    pick: fn(&crate::typeobj::PyAsyncMethods) -> Option<crate::typeobj::unaryfunc>,
) -> Option<crate::typeobj::unaryfunc> {
    let am = (*Py_TYPE(o)).tp_as_async;
    if am.is_null() {
        None
    } else {
        pick(&*am)
    }
}

unsafe extern "C" fn builtin_aiter(_m: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
    let Some(f) = async_slot(o, |am| am.am_aiter) else {
        return crate::raise_null!(
            PyExc_TypeError,
            "'{}' object is not an async iterable",
            tname(o)
        );
    };
    let it = f(o);
    if it.is_null() {
        return it;
    }
    if async_slot(it, |am| am.am_anext).is_none() {
        let msg = format!(
            "aiter() returned not an async iterator of type '{}'",
            tname(it)
        );
        Py_DECREF(it);
        return crate::raise_null!(PyExc_TypeError, "{}", msg);
    }
    it
}

unsafe extern "C" fn builtin_anext(
    _m: *mut PyObject,
    args: *const *mut PyObject,
    nargs: Py_ssize_t,
) -> *mut PyObject {
    ret((|| {
        let a = positional("anext", args, nargs, 1, 2)?;
        let Some(f) = async_slot(a[0], |am| am.am_anext) else {
            return crate::raise!(
                PyExc_TypeError,
                "'{}' object is not an async iterator",
                tname(a[0])
            );
        };
        if a.len() == 2 {
            // The awaitable that turns StopAsyncIteration into the default
            // (CPython's anext_awaitable) is not written yet.
            return crate::raise!(
                PyExc_NotImplementedError,
                "anext() with a default is not supported yet"
            );
        }
        nonnull(f(a[0]))
    })())
}

static MINMAX_SIG_MAX: Signature = Signature {
    fname: "max",
    names: &["key", "default"],
    posonly: 0,
    max_pos: 0,
    required: 0,
    varargs: true,
};

static MINMAX_SIG_MIN: Signature = Signature {
    fname: "min",
    names: &["key", "default"],
    posonly: 0,
    max_pos: 0,
    required: 0,
    varargs: true,
};

/// `min`/`max`: one iterable or several arguments, `key`, `default`; the first
/// of equal extremes wins, as in CPython. `op` is `Py_LT` (0) or `Py_GT` (4).
unsafe fn min_max(
    sig: &Signature,
    args: *const *mut PyObject,
    nargs: Py_ssize_t,
    kwnames: *mut PyObject,
    op: core::ffi::c_int,
) -> PyResult<*mut PyObject> {
    let name = sig.fname;
    let a = parse(sig, args, nargs, kwnames)?;
    let items = a.rest;
    if items.is_empty() {
        return crate::raise!(
            PyExc_TypeError,
            "{} expected at least 1 argument, got 0",
            name
        );
    }
    let key = a.opt(0);
    let default = a.values[1];
    if items.len() > 1 && !default.is_null() {
        return crate::raise!(
            PyExc_TypeError,
            "Cannot specify a default for {}() with multiple positional arguments",
            name
        );
    }
    let source = if items.len() == 1 {
        Owned(nonnull(iter::get_iter(items[0]))?)
    } else {
        let t = Owned(nonnull(crate::objects::tuple::from_slice(items))?);
        Owned(nonnull(iter::get_iter(t.as_ptr()))?)
    };
    let mut best: Option<(Owned, Owned)> = None;
    loop {
        let item = iter::next(source.as_ptr());
        if item.is_null() {
            iteration_error()?;
            break;
        }
        let item = Owned(item);
        let k = match key {
            Some(f) => Owned(nonnull(call::call_function(f, &[item.as_ptr()]))?),
            None => Owned(new_ref(item.as_ptr())),
        };
        let better = match &best {
            None => true,
            Some((bk, _)) => {
                let c = object::rich_compare_bool(k.as_ptr(), bk.as_ptr(), op);
                if c < 0 {
                    return Err(());
                }
                c == 1
            }
        };
        if better {
            best = Some((k, item));
        }
    }
    match best {
        Some((_, v)) => Ok(v.into_ptr()),
        None if !default.is_null() => Ok(new_ref(default)),
        None => crate::raise!(PyExc_ValueError, "{}() iterable argument is empty", name),
    }
}

unsafe extern "C" fn builtin_max(
    _m: *mut PyObject,
    args: *const *mut PyObject,
    nargs: Py_ssize_t,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    ret(min_max(&MINMAX_SIG_MAX, args, nargs, kwnames, 4))
}

unsafe extern "C" fn builtin_min(
    _m: *mut PyObject,
    args: *const *mut PyObject,
    nargs: Py_ssize_t,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    ret(min_max(&MINMAX_SIG_MIN, args, nargs, kwnames, 0))
}

static POW_SIG: Signature = Signature {
    fname: "pow",
    names: &["base", "exp", "mod"],
    posonly: 0,
    max_pos: 3,
    required: 2,
    varargs: false,
};

unsafe extern "C" fn builtin_pow(
    _m: *mut PyObject,
    args: *const *mut PyObject,
    nargs: Py_ssize_t,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    ret((|| {
        let a = parse(&POW_SIG, args, nargs, kwnames)?;
        nonnull(number::power(a.values[0], a.values[1], a.get_or(2, none())))
    })())
}

static ROUND_SIG: Signature = Signature {
    fname: "round",
    names: &["number", "ndigits"],
    posonly: 0,
    max_pos: 2,
    required: 1,
    varargs: false,
};

unsafe extern "C" fn builtin_round(
    _m: *mut PyObject,
    args: *const *mut PyObject,
    nargs: Py_ssize_t,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    ret((|| {
        let a = parse(&ROUND_SIG, args, nargs, kwnames)?;
        let n = a.values[0];
        let method = objproto::lookup_special(n, "__round__")?;
        if method.is_null() {
            return crate::raise!(
                PyExc_TypeError,
                "type {} doesn't define __round__ method",
                crate::objects::typeobject::type_name(Py_TYPE(n))
            );
        }
        let method = Owned(method);
        let r = match a.opt(1) {
            Some(nd) => call::call_function(method.as_ptr(), &[nd]),
            None => call::call_function(method.as_ptr(), &[]),
        };
        nonnull(r)
    })())
}

unsafe extern "C" fn builtin_sorted(
    _m: *mut PyObject,
    args: *const *mut PyObject,
    nargs: Py_ssize_t,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    ret((|| {
        let n = crate::protocols::call::nargs(nargs as usize);
        crate::objects::sequtil::check_positional("sorted", n, 1, 1)?;
        let l = Owned(nonnull(crate::protocols::sequence::to_list(*args))?);
        // `list.sort` parses the keywords (and words their errors).
        let nkw = if kwnames.is_null() {
            0
        } else {
            Py_SIZE(kwnames) as usize
        };
        let mut v = Vec::with_capacity(1 + nkw);
        v.push(l.as_ptr());
        v.extend_from_slice(core::slice::from_raw_parts(args.add(1), nkw));
        let name = Owned(nonnull(unicode::from_str("sort"))?);
        let r = call::vectorcall_method(name.as_ptr(), v.as_ptr(), 1, kwnames);
        Py_DECREF(nonnull(r)?);
        Ok(l.into_ptr())
    })())
}

static SUM_SIG: Signature = Signature {
    fname: "sum",
    names: &["iterable", "start"],
    posonly: 1,
    max_pos: 2,
    required: 1,
    varargs: false,
};

/// A float sum with a compensation term (Neumaier), as CPython 3.12+ adds floats
/// in `sum()`.
#[derive(Clone, Copy)]
struct CompensatedSum {
    hi: f64,
    lo: f64,
}

impl CompensatedSum {
    fn add(self, x: f64) -> Self {
        let t = self.hi + x;
        let lo = if self.hi.abs() >= x.abs() {
            self.lo + ((self.hi - t) + x)
        } else {
            self.lo + ((x - t) + self.hi)
        };
        CompensatedSum { hi: t, lo }
    }

    fn value(self) -> f64 {
        // Keep an infinite or overflowed sum (and the sign of zero) as it is.
        if self.lo != 0.0 && self.lo.is_finite() {
            self.hi + self.lo
        } else {
            self.hi
        }
    }
}

unsafe fn sum_impl(iterable: *mut PyObject, start: *mut PyObject) -> PyResult<*mut PyObject> {
    for (check, what, hint) in [
        (
            unicode::is_unicode as unsafe fn(*mut PyObject) -> bool,
            "strings",
            "''",
        ),
        (bytes::is_bytes, "bytes", "b''"),
        (bytearray::is_bytearray, "bytearray", "b''"),
    ] {
        if check(start) {
            return crate::raise!(
                PyExc_TypeError,
                "sum() can't sum {} [use {}.join(seq) instead]",
                what,
                hint
            );
        }
    }
    let it = Owned(nonnull(iter::get_iter(iterable))?);
    let mut result = Owned(new_ref(start));
    // Exact ints add in machine integers while they fit.
    if long::is_long_exact(result.as_ptr()) {
        if let Some(mut acc) = long::to_i64(result.as_ptr()) {
            loop {
                let item = iter::next(it.as_ptr());
                if item.is_null() {
                    iteration_error()?;
                    return Ok(long::from_i64(acc));
                }
                let item = Owned(item);
                if long::is_long_exact(item.as_ptr())
                    || Py_TYPE(item.as_ptr()) == &raw mut PyBool_Type
                {
                    if let Some(s) = long::to_i64(item.as_ptr()).and_then(|x| acc.checked_add(x)) {
                        acc = s;
                        continue;
                    }
                }
                let r = Owned(nonnull(long::from_i64(acc))?);
                result = Owned(nonnull(number::add(r.as_ptr(), item.as_ptr()))?);
                break;
            }
        }
    }
    if float::is_float(result.as_ptr()) && Py_TYPE(result.as_ptr()) == &raw mut PyFloat_Type {
        let mut acc = CompensatedSum {
            hi: float::value(result.as_ptr()),
            lo: 0.0,
        };
        loop {
            let item = iter::next(it.as_ptr());
            if item.is_null() {
                iteration_error()?;
                return Ok(float::from_f64(acc.value()));
            }
            let item = Owned(item);
            let ty = Py_TYPE(item.as_ptr());
            if ty == &raw mut PyFloat_Type {
                acc = acc.add(float::value(item.as_ptr()));
                continue;
            }
            if ty == &raw mut PyLong_Type || ty == &raw mut PyBool_Type {
                if let Some(v) = long::to_i64(item.as_ptr()) {
                    acc = acc.add(v as f64);
                    continue;
                }
            }
            let r = Owned(nonnull(float::from_f64(acc.value()))?);
            result = Owned(nonnull(number::add(r.as_ptr(), item.as_ptr()))?);
            break;
        }
    }
    loop {
        let item = iter::next(it.as_ptr());
        if item.is_null() {
            iteration_error()?;
            return Ok(result.into_ptr());
        }
        let item = Owned(item);
        result = Owned(nonnull(number::add(result.as_ptr(), item.as_ptr()))?);
    }
}

unsafe extern "C" fn builtin_sum(
    _m: *mut PyObject,
    args: *const *mut PyObject,
    nargs: Py_ssize_t,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    ret((|| {
        let n = crate::protocols::call::nargs(nargs as usize);
        if n == 0 {
            return crate::raise!(
                PyExc_TypeError,
                "sum() takes at least 1 positional argument (0 given)"
            );
        }
        let a = parse(&SUM_SIG, args, nargs, kwnames)?;
        let zero = Owned(long::from_i64(0));
        sum_impl(a.values[0], a.get_or(1, zero.as_ptr()))
    })())
}

static IMPORT_SIG: Signature = Signature {
    fname: "__import__",
    names: &["name", "globals", "locals", "fromlist", "level"],
    posonly: 0,
    max_pos: 5,
    required: 1,
    varargs: false,
};

unsafe extern "C" fn builtin_import(
    _m: *mut PyObject,
    args: *const *mut PyObject,
    nargs: Py_ssize_t,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    ret((|| {
        let a = parse(&IMPORT_SIG, args, nargs, kwnames)?;
        let level = match a.opt(4) {
            Some(l) => {
                let v = number::as_ssize_t(l, &raw mut PyExc_OverflowError)?;
                core::ffi::c_int::try_from(v).map_err(|_| {
                    crate::errors::set_string(
                        crate::objects::exceptions::exc(&raw mut PyExc_OverflowError),
                        "signed integer is greater than maximum",
                    )
                })?
            }
            None => 0,
        };
        nonnull(crate::import::import_level(
            a.values[0],
            a.get_or(1, null_mut()),
            a.get_or(3, null_mut()),
            level,
        ))
    })())
}

/// `breakpoint(*args, **kws)`: calls `sys.breakpointhook` with the arguments.
unsafe extern "C" fn builtin_breakpoint(
    _m: *mut PyObject,
    args: *mut PyObject,
    kw: *mut PyObject,
) -> *mut PyObject {
    let hook = crate::objects::sysmodule::get_object("breakpointhook");
    if hook.is_null() {
        return crate::raise_null!(PyExc_RuntimeError, "lost sys.breakpointhook");
    }
    let hook = Owned(new_ref(hook));
    call::call(hook.as_ptr(), args, kw)
}

unsafe extern "C" fn builtin_globals(_m: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    let g = crate::vm::current_globals();
    if g.is_null() {
        return none_ref();
    }
    new_ref(g)
}

unsafe extern "C" fn builtin_locals(_m: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    let l = crate::vm::current_locals();
    if l.is_null() && crate::errors::raised().is_null() {
        return none_ref();
    }
    l
}

unsafe extern "C" fn builtin_vars(
    _m: *mut PyObject,
    args: *const *mut PyObject,
    nargs: Py_ssize_t,
) -> *mut PyObject {
    ret((|| {
        let a = positional("vars", args, nargs, 0, 1)?;
        if a.is_empty() {
            return nonnull(builtin_locals(null_mut(), null_mut()));
        }
        let d = objproto::get_attr_opt_str(a[0], "__dict__")?;
        if d.is_null() {
            return crate::raise!(
                PyExc_TypeError,
                "vars() argument must have __dict__ attribute"
            );
        }
        Ok(d)
    })())
}

/// `dir()`: the sorted names of the current scope; `dir(obj)`: `obj.__dir__()`
/// sorted (`PyObject_Dir`).
unsafe extern "C" fn builtin_dir(
    _m: *mut PyObject,
    args: *const *mut PyObject,
    nargs: Py_ssize_t,
) -> *mut PyObject {
    ret((|| {
        let a = positional("dir", args, nargs, 0, 1)?;
        if !a.is_empty() {
            return nonnull(objproto::dir(a[0]));
        }
        let scope = crate::vm::current_locals();
        if scope.is_null() {
            iteration_error()?;
            return nonnull(list::new(0));
        }
        let scope = Owned(scope);
        let keys = Owned(nonnull(crate::protocols::mapping::method_as_list(
            scope.as_ptr(),
            "keys",
        ))?);
        crate::objects::list_ops::sort(keys.as_ptr(), null_mut(), false)?;
        Ok(keys.into_ptr())
    })())
}

pub static mut METHODS: [PyMethodDef; 40] = [
    crate::meth!(
        c"__build_class__",
        crate::objects::buildclass::build_class,
        METH_FASTCALL | METH_KEYWORDS
    ),
    crate::meth!(c"__import__", builtin_import, METH_FASTCALL | METH_KEYWORDS),
    crate::meth!(c"abs", builtin_abs, METH_O),
    crate::meth!(c"all", builtin_all, METH_O),
    crate::meth!(c"any", builtin_any, METH_O),
    crate::meth!(c"ascii", builtin_ascii, METH_O),
    crate::meth!(c"bin", builtin_bin, METH_O),
    crate::meth!(
        c"breakpoint",
        builtin_breakpoint,
        METH_VARARGS | METH_KEYWORDS
    ),
    crate::meth!(c"callable", builtin_callable, METH_O),
    crate::meth!(c"chr", builtin_chr, METH_O),
    crate::meth!(c"delattr", builtin_delattr, METH_FASTCALL),
    crate::meth!(c"dir", builtin_dir, METH_FASTCALL),
    crate::meth!(c"divmod", builtin_divmod, METH_FASTCALL),
    crate::meth!(c"format", builtin_format, METH_FASTCALL),
    crate::meth!(c"getattr", builtin_getattr, METH_FASTCALL),
    crate::meth!(c"globals", builtin_globals, crate::defs::METH_NOARGS),
    crate::meth!(c"hasattr", builtin_hasattr, METH_FASTCALL),
    crate::meth!(c"hash", builtin_hash, METH_O),
    crate::meth!(c"hex", builtin_hex, METH_O),
    crate::meth!(c"id", builtin_id, METH_O),
    crate::meth!(c"isinstance", builtin_isinstance, METH_FASTCALL),
    crate::meth!(c"issubclass", builtin_issubclass, METH_FASTCALL),
    crate::meth!(c"iter", builtin_iter, METH_FASTCALL),
    crate::meth!(c"aiter", builtin_aiter, METH_O),
    crate::meth!(c"len", builtin_len, METH_O),
    crate::meth!(c"locals", builtin_locals, crate::defs::METH_NOARGS),
    crate::meth!(c"max", builtin_max, METH_FASTCALL | METH_KEYWORDS),
    crate::meth!(c"min", builtin_min, METH_FASTCALL | METH_KEYWORDS),
    crate::meth!(c"next", builtin_next, METH_FASTCALL),
    crate::meth!(c"anext", builtin_anext, METH_FASTCALL),
    crate::meth!(c"oct", builtin_oct, METH_O),
    crate::meth!(c"ord", builtin_ord, METH_O),
    crate::meth!(c"pow", builtin_pow, METH_FASTCALL | METH_KEYWORDS),
    crate::meth!(c"repr", builtin_repr, METH_O),
    crate::meth!(c"round", builtin_round, METH_FASTCALL | METH_KEYWORDS),
    crate::meth!(c"setattr", builtin_setattr, METH_FASTCALL),
    crate::meth!(c"sorted", builtin_sorted, METH_FASTCALL | METH_KEYWORDS),
    crate::meth!(c"sum", builtin_sum, METH_FASTCALL | METH_KEYWORDS),
    crate::meth!(c"vars", builtin_vars, METH_FASTCALL),
    SENTINEL,
];
