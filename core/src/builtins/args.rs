//! Argument parsing for the builtins that take keywords, in the vectorcall
//! convention (`METH_FASTCALL | METH_KEYWORDS`), with Argument Clinic's error
//! messages (CPython's `_PyArg_UnpackKeywords`).

use crate::object::*;
use crate::objects::{tuple, unicode};

/// A function's parameters: `names[..posonly]` are positional-only,
/// `names[..max_pos]` may be given by position, the rest are keyword-only;
/// `names[..required]` must be given. `varargs` functions (`print(*objects, ...)`)
/// leave every positional argument to the caller.
pub struct Signature {
    pub fname: &'static str,
    pub names: &'static [&'static str],
    pub posonly: usize,
    pub max_pos: usize,
    pub required: usize,
    pub varargs: bool,
}

/// The parsed arguments: one borrowed pointer per name of the signature (NULL
/// when not given) and, for `varargs` functions, the positional ones.
pub struct Parsed<'a> {
    pub values: Vec<*mut PyObject>,
    pub rest: &'a [*mut PyObject],
}

impl Parsed<'_> {
    /// The argument, or `default` when it was not given.
    pub fn get_or(&self, i: usize, default: *mut PyObject) -> *mut PyObject {
        if self.values[i].is_null() {
            default
        } else {
            self.values[i]
        }
    }

    /// The argument when given and not None.
    pub fn opt(&self, i: usize) -> Option<*mut PyObject> {
        let v = self.values[i];
        (!v.is_null() && v != crate::exported::none()).then_some(v)
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Parse a vectorcall's arguments against `sig`.
pub unsafe fn parse<'a>(
    sig: &Signature,
    args: *const *mut PyObject,
    nargs: Py_ssize_t,
    kwnames: *mut PyObject,
) -> PyResult<Parsed<'a>> {
    let nargs = crate::protocols::call::nargs(nargs as usize);
    let nkw = if kwnames.is_null() {
        0
    } else {
        Py_SIZE(kwnames) as usize
    };
    let all: &[*mut PyObject] = if nargs + nkw == 0 {
        &[]
    } else {
        core::slice::from_raw_parts(args, nargs + nkw)
    };
    let (pos, kwvals) = all.split_at(nargs);
    let kwkeys: &[*mut PyObject] = if nkw == 0 {
        &[]
    } else {
        tuple::as_slice(kwnames)
    };
    let f = sig.fname;
    let n = sig.names.len();
    let (bound, rest) = if sig.varargs {
        (&[][..], pos)
    } else {
        (pos, &[][..])
    };
    if !sig.varargs && bound.len() + nkw > n {
        return crate::raise!(
            PyExc_TypeError,
            "{}() takes at most {} {}argument{} ({} given)",
            f,
            n,
            if bound.is_empty() { "keyword " } else { "" },
            plural(n),
            bound.len() + nkw
        );
    }
    if bound.len() > sig.max_pos {
        if sig.max_pos == 0 {
            return crate::raise!(PyExc_TypeError, "{}() takes no positional arguments", f);
        }
        let min_pos = sig.required.min(sig.max_pos);
        return crate::raise!(
            PyExc_TypeError,
            "{}() takes {} {} positional argument{} ({} given)",
            f,
            if min_pos < sig.max_pos {
                "at most"
            } else {
                "exactly"
            },
            sig.max_pos,
            plural(sig.max_pos),
            bound.len()
        );
    }
    let min_posonly = sig.required.min(sig.posonly);
    if bound.len() < min_posonly {
        return crate::raise!(
            PyExc_TypeError,
            "{}() takes {} {} positional argument{} ({} given)",
            f,
            if min_posonly < sig.max_pos {
                "at least"
            } else {
                "exactly"
            },
            min_posonly,
            plural(min_posonly),
            bound.len()
        );
    }
    for k in kwkeys {
        if !unicode::is_unicode(*k) {
            return crate::raise!(PyExc_TypeError, "keywords must be strings");
        }
    }
    let find = |name: &str| -> Option<usize> {
        kwkeys
            .iter()
            .position(|k| unicode::bytes_of(*k) == name.as_bytes())
    };
    let mut values = vec![core::ptr::null_mut(); n];
    values[..bound.len()].copy_from_slice(bound);
    let mut used = 0;
    for (i, slot) in values
        .iter_mut()
        .enumerate()
        .skip(bound.len().max(sig.posonly))
    {
        match find(sig.names[i]) {
            Some(j) => {
                *slot = kwvals[j];
                used += 1;
            }
            None if i < sig.required => {
                return crate::raise!(
                    PyExc_TypeError,
                    "{}() missing required argument '{}' (pos {})",
                    f,
                    sig.names[i],
                    i + 1
                );
            }
            None => {}
        }
    }
    if used < nkw {
        for (i, name) in sig.names.iter().enumerate().take(bound.len()) {
            if i >= sig.posonly && find(name).is_some() {
                return crate::raise!(
                    PyExc_TypeError,
                    "argument for {}() given by name ('{}') and position ({})",
                    f,
                    name,
                    i + 1
                );
            }
        }
        for k in kwkeys {
            let ks = unicode::to_string_lossy(*k);
            match sig.names.iter().position(|n| *n == ks) {
                Some(i) if i < sig.posonly => {
                    return crate::raise!(
                        PyExc_TypeError,
                        "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                        f,
                        ks
                    );
                }
                Some(_) => {}
                None => {
                    return crate::raise!(
                        PyExc_TypeError,
                        "{}() got an unexpected keyword argument '{}'",
                        f,
                        ks
                    );
                }
            }
        }
    }
    Ok(Parsed { values, rest })
}

/// The positional arguments of a `METH_FASTCALL` function with no keywords,
/// checked as CPython's `_PyArg_CheckPositional` ("name expected N arguments").
pub unsafe fn positional<'a>(
    name: &str,
    args: *const *mut PyObject,
    nargs: Py_ssize_t,
    min: usize,
    max: usize,
) -> PyResult<&'a [*mut PyObject]> {
    let a = crate::objects::sequtil::fastcall_args(args, nargs);
    crate::objects::sequtil::check_positional(name, a.len(), min, max)?;
    Ok(a)
}
