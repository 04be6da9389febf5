//! `compile`, `eval` and `exec`: source (or a code object) run in namespaces.

use core::ptr::null_mut;

use super::args::{parse, Signature};
use super::functions::ret;
use crate::compiler::{cflags, Mode};
use crate::defs::{PyMethodDef, METH_FASTCALL, METH_KEYWORDS};
use crate::exported::*;
use crate::object::*;
use crate::objects::sequtil::{tname, SENTINEL};
use crate::objects::{bytearray, bytes, dict, tuple, unicode};

/// `PyCF_ONLY_AST`: asks for an AST, which needs the `ast` module.
const ONLY_AST: u32 = cflags::ONLY_AST;

/// Every flag `compile()` accepts: the `__future__` features (`CO_FUTURE_*`),
/// `CO_NESTED` and the `PyCF_*` flags.
const VALID_FLAGS: u32 = 0x01fe_0000 | 0x10 | 0xff00;

/// Whether `o` is a code object.
pub unsafe fn is_code(o: *mut PyObject) -> bool {
    crate::objects::typeobject::tp_name(Py_TYPE(o)) == "code"
}

/// The source argument of compile/eval/exec as text: str, or bytes-like
/// decoded as UTF-8. None when it is neither.
unsafe fn source_text(o: *mut PyObject) -> PyResult<Option<String>> {
    let raw: Vec<u8> = if unicode::is_unicode(o) {
        let s = unicode::bytes_of(o);
        if s.contains(&0) {
            return null_bytes();
        }
        return Ok(Some(unicode::to_string_lossy(o)));
    } else if bytes::is_bytes(o) {
        bytes::as_slice_of(o).to_vec()
    } else if bytearray::is_bytearray(o) {
        bytearray::snapshot(o)
    } else {
        match crate::protocols::number::buffer_bytes(o) {
            Some(r) => r?,
            None => return Ok(None),
        }
    };
    if raw.contains(&0) {
        return null_bytes();
    }
    let raw = raw.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&raw);
    match core::str::from_utf8(raw) {
        Ok(s) => Ok(Some(s.to_string())),
        Err(e) => {
            let pos = e.valid_up_to();
            crate::raise!(
                PyExc_SyntaxError,
                "(unicode error) 'utf-8' codec can't decode byte 0x{:02x} in position {}: invalid start byte",
                raw[pos],
                pos
            )
        }
    }
}

fn null_bytes<T>() -> PyResult<T> {
    crate::raise!(
        PyExc_SyntaxError,
        "source code string cannot contain null bytes"
    )
}

/// A file name argument: str, bytes (decoded) or an `os.PathLike` (new reference
/// to a str).
unsafe fn filename_arg(o: *mut PyObject) -> PyResult<*mut PyObject> {
    if unicode::is_unicode(o) {
        return Ok(new_ref(o));
    }
    if bytes::is_bytes(o) {
        return nonnull(unicode::from_str(&String::from_utf8_lossy(
            bytes::as_slice_of(o),
        )));
    }
    let fspath = crate::protocols::objproto::lookup_special(o, "__fspath__")?;
    if fspath.is_null() {
        return crate::raise!(
            PyExc_TypeError,
            "expected str, bytes or os.PathLike object, not {}",
            tname(o)
        );
    }
    let fspath = Owned(fspath);
    let p = Owned(nonnull(crate::protocols::call::call_function(
        fspath.as_ptr(),
        &[],
    ))?);
    filename_arg(p.as_ptr())
}

static COMPILE_SIG: Signature = Signature {
    fname: "compile",
    names: &[
        "source",
        "filename",
        "mode",
        "flags",
        "dont_inherit",
        "optimize",
        "module",
        "_feature_version",
    ],
    posonly: 0,
    max_pos: 6,
    required: 3,
    varargs: false,
};

unsafe fn int_arg(o: *mut PyObject) -> PyResult<i64> {
    let v = crate::protocols::number::as_ssize_t(o, &raw mut PyExc_OverflowError)?;
    Ok(v as i64)
}

unsafe extern "C" fn builtin_compile(
    _m: *mut PyObject,
    args: *const *mut PyObject,
    nargs: Py_ssize_t,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    ret((|| {
        let a = parse(&COMPILE_SIG, args, nargs, kwnames)?;
        let filename = Owned(filename_arg(a.values[1])?);
        let mode_obj = a.values[2];
        if !unicode::is_unicode(mode_obj) {
            return crate::raise!(
                PyExc_TypeError,
                "compile() argument 'mode' must be str, not {}",
                tname(mode_obj)
            );
        }
        let flags = match a.opt(3) {
            Some(f) => int_arg(f)?,
            None => 0,
        };
        if let Some(d) = a.opt(4) {
            int_arg(d)?;
        }
        let optimize = match a.opt(5) {
            Some(o) => int_arg(o)?,
            None => -1,
        };
        let mode = match unicode::as_str(mode_obj) {
            "exec" => Mode::Exec,
            "eval" => Mode::Eval,
            "single" => Mode::Single,
            _ => {
                return crate::raise!(
                    PyExc_ValueError,
                    "compile() mode must be 'exec', 'eval' or 'single'"
                )
            }
        };
        if flags < 0 || flags as u64 & !(VALID_FLAGS as u64) != 0 {
            return crate::raise!(PyExc_ValueError, "compile(): unrecognised flags");
        }
        if !(-1..=2).contains(&optimize) {
            return crate::raise!(PyExc_ValueError, "compile(): invalid optimize value");
        }
        let flags = flags as u32;
        if flags & ONLY_AST != 0 {
            return crate::raise!(
                PyExc_NotImplementedError,
                "compile(): ASTs are not supported (there is no ast module yet)"
            );
        }
        let Some(src) = source_text(a.values[0])? else {
            return crate::raise!(
                PyExc_TypeError,
                "compile() arg 1 must be a string, bytes or AST object"
            );
        };
        let optimize = if optimize == -1 {
            crate::pymain::optimize_level()
        } else {
            optimize as i32
        };
        nonnull(crate::objects::code::compile(
            &src,
            filename.as_ptr(),
            mode,
            flags,
            optimize,
        ))
    })())
}

/// The namespaces of eval/exec: explicit ones checked, else the caller's;
/// `__builtins__` added to globals when missing. New references.
unsafe fn namespaces(
    fname: &str,
    globals: *mut PyObject,
    locals: *mut PyObject,
) -> PyResult<(Owned, Owned)> {
    let globals = (globals != none())
        .then_some(globals)
        .filter(|g| !g.is_null());
    let locals = (locals != none())
        .then_some(locals)
        .filter(|l| !l.is_null());
    if let Some(g) = globals {
        if !dict::is_dict(g) {
            return if fname == "exec" {
                crate::raise!(
                    PyExc_TypeError,
                    "exec() globals must be a dict or a frozendict, not {}",
                    tname(g)
                )
            } else {
                crate::raise!(PyExc_TypeError, "globals must be a dict or a frozendict")
            };
        }
    }
    if let Some(l) = locals {
        if !crate::protocols::mapping::check(l) {
            return if fname == "exec" {
                crate::raise!(
                    PyExc_TypeError,
                    "locals must be a mapping or None, not {}",
                    tname(l)
                )
            } else {
                crate::raise!(PyExc_TypeError, "locals must be a mapping")
            };
        }
    }
    let (g, l) = match (globals, locals) {
        (Some(g), Some(l)) => (Owned(new_ref(g)), Owned(new_ref(l))),
        (Some(g), None) => (Owned(new_ref(g)), Owned(new_ref(g))),
        (None, l) => {
            let g = crate::vm::current_globals();
            if g.is_null() {
                return crate::raise!(PyExc_SystemError, "globals and locals cannot be NULL");
            }
            let g = Owned(new_ref(g));
            let l = match l {
                Some(l) => Owned(new_ref(l)),
                None => {
                    let cur = crate::vm::current_locals();
                    if cur.is_null() {
                        super::functions::iteration_error()?;
                        Owned(new_ref(g.as_ptr()))
                    } else {
                        Owned(cur)
                    }
                }
            };
            (g, l)
        }
    };
    if !dict::contains(g.as_ptr(), unicode::intern_str("__builtins__"))? {
        dict::set_str(g.as_ptr(), "__builtins__", crate::vm::current_builtins())?;
    }
    Ok((g, l))
}

/// The number of free variables of a code object (`len(co_freevars)`).
unsafe fn free_var_count(code: *mut PyObject) -> PyResult<usize> {
    let fv = Owned(nonnull(crate::protocols::object::get_attr_str(
        code,
        "co_freevars",
    ))?);
    let n = crate::protocols::sequence::object_size(fv.as_ptr());
    if n < 0 {
        return Err(());
    }
    Ok(n as usize)
}

static EVAL_SIG: Signature = Signature {
    fname: "eval",
    names: &["source", "globals", "locals"],
    posonly: 1,
    max_pos: 3,
    required: 1,
    varargs: false,
};

unsafe extern "C" fn builtin_eval(
    _m: *mut PyObject,
    args: *const *mut PyObject,
    nargs: Py_ssize_t,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    ret((|| {
        if crate::protocols::call::nargs(nargs as usize) == 0 {
            return crate::raise!(
                PyExc_TypeError,
                "eval() takes at least 1 positional argument (0 given)"
            );
        }
        let a = parse(&EVAL_SIG, args, nargs, kwnames)?;
        let (g, l) = namespaces("eval", a.get_or(1, null_mut()), a.get_or(2, null_mut()))?;
        let source = a.values[0];
        if is_code(source) {
            if free_var_count(source)? > 0 {
                return crate::raise!(
                    PyExc_TypeError,
                    "code object passed to eval() may not contain free variables"
                );
            }
            return nonnull(crate::vm::eval_code(source, g.as_ptr(), l.as_ptr()));
        }
        let Some(src) = source_text(source)? else {
            return crate::raise!(
                PyExc_TypeError,
                "eval() arg 1 must be a string, bytes or code object"
            );
        };
        let src = src.trim_start_matches([' ', '\t']);
        let fname = Owned(nonnull(unicode::from_str("<string>"))?);
        let code = Owned(nonnull(crate::objects::code::compile(
            src,
            fname.as_ptr(),
            Mode::Eval,
            0,
            crate::pymain::optimize_level(),
        ))?);
        nonnull(crate::vm::eval_code(code.as_ptr(), g.as_ptr(), l.as_ptr()))
    })())
}

static EXEC_SIG: Signature = Signature {
    fname: "exec",
    names: &["source", "globals", "locals", "closure"],
    posonly: 1,
    max_pos: 3,
    required: 1,
    varargs: false,
};

unsafe extern "C" fn builtin_exec(
    _m: *mut PyObject,
    args: *const *mut PyObject,
    nargs: Py_ssize_t,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    ret((|| {
        if crate::protocols::call::nargs(nargs as usize) == 0 {
            return crate::raise!(
                PyExc_TypeError,
                "exec() takes at least 1 positional argument (0 given)"
            );
        }
        let a = parse(&EXEC_SIG, args, nargs, kwnames)?;
        let (g, l) = namespaces("exec", a.get_or(1, null_mut()), a.get_or(2, null_mut()))?;
        let source = a.values[0];
        let closure = a.opt(3);
        let code = if is_code(source) {
            let nfree = free_var_count(source)?;
            match closure {
                None if nfree > 0 => {
                    return crate::raise!(
                        PyExc_TypeError,
                        "code object requires a closure of exactly length {}",
                        nfree
                    )
                }
                Some(_) if nfree == 0 => {
                    return crate::raise!(
                        PyExc_TypeError,
                        "cannot use a closure with this code object"
                    )
                }
                Some(c) if !tuple::is_tuple(c) || Py_SIZE(c) as usize != nfree => {
                    return crate::raise!(
                        PyExc_TypeError,
                        "code object requires a closure of exactly length {}",
                        nfree
                    )
                }
                Some(_) => {
                    // Running a code object over given cells needs a frame
                    // built with a closure, which vm::eval_code cannot take.
                    return crate::raise!(
                        PyExc_NotImplementedError,
                        "exec() with a closure is not supported yet"
                    );
                }
                None => Owned(new_ref(source)),
            }
        } else {
            if closure.is_some() {
                return crate::raise!(
                    PyExc_TypeError,
                    "closure can only be used when source is a code object"
                );
            }
            let Some(src) = source_text(source)? else {
                return crate::raise!(
                    PyExc_TypeError,
                    "exec() arg 1 must be a string, bytes or code object"
                );
            };
            let fname = Owned(nonnull(unicode::from_str("<string>"))?);
            Owned(nonnull(crate::objects::code::compile(
                &src,
                fname.as_ptr(),
                Mode::Exec,
                0,
                crate::pymain::optimize_level(),
            ))?)
        };
        let r = crate::vm::eval_code(code.as_ptr(), g.as_ptr(), l.as_ptr());
        Py_DECREF(nonnull(r)?);
        Ok(none_ref())
    })())
}

pub static mut METHODS: [PyMethodDef; 4] = [
    crate::meth!(c"compile", builtin_compile, METH_FASTCALL | METH_KEYWORDS),
    crate::meth!(c"eval", builtin_eval, METH_FASTCALL | METH_KEYWORDS),
    crate::meth!(c"exec", builtin_exec, METH_FASTCALL | METH_KEYWORDS),
    SENTINEL,
];
