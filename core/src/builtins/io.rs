//! `print`, `input` and `open`.

use core::ptr::null_mut;

use super::args::{parse, Signature};
use crate::defs::{PyMethodDef, METH_FASTCALL, METH_KEYWORDS};
use crate::exported::*;
use crate::object::*;
use crate::objects::sequtil::SENTINEL;
use crate::objects::{sysmodule, unicode};
use crate::protocols::{call, object};

/// `sys.<name>` as a new reference: RuntimeError "lost sys.<name>" when missing.
pub unsafe fn sys_stream(name: &str) -> PyResult<*mut PyObject> {
    let f = sysmodule::get_object(name);
    if f.is_null() {
        return crate::raise!(PyExc_RuntimeError, "lost sys.{}", name);
    }
    Ok(new_ref(f))
}

/// `file.write(text)` (CPython's `PyFile_WriteObject`/`WriteString`: the
/// `write` attribute is looked up before the text is made).
unsafe fn write_with(write: *mut PyObject, text: *mut PyObject) -> PyResult<()> {
    let r = call::call_function(write, &[text]);
    nonnull(r)?;
    Py_DECREF(r);
    Ok(())
}

unsafe fn write_str(file: *mut PyObject, obj: *mut PyObject) -> PyResult<()> {
    let write = Owned(nonnull(object::get_attr_str(file, "write"))?);
    let s = Owned(nonnull(object::str(obj))?);
    write_with(write.as_ptr(), s.as_ptr())
}

static PRINT_SIG: Signature = Signature {
    fname: "print",
    names: &["sep", "end", "file", "flush"],
    posonly: 0,
    max_pos: 0,
    required: 0,
    varargs: true,
};

/// Check `sep`/`end`: None or a str.
unsafe fn text_or_none(what: &str, v: *mut PyObject) -> PyResult<*mut PyObject> {
    if v.is_null() || v == none() {
        return Ok(null_mut());
    }
    if !unicode::is_unicode(v) {
        return crate::raise!(
            PyExc_TypeError,
            "{} must be None or a string, not {}",
            what,
            crate::objects::sequtil::tname(v)
        );
    }
    Ok(v)
}

unsafe extern "C" fn builtin_print(
    _m: *mut PyObject,
    args: *const *mut PyObject,
    nargs: Py_ssize_t,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    let r = (|| -> PyResult<*mut PyObject> {
        let a = parse(&PRINT_SIG, args, nargs, kwnames)?;
        let file = match a.opt(2) {
            Some(f) => new_ref(f),
            None => sys_stream("stdout")?,
        };
        let file = Owned(file);
        if file.as_ptr() == none() {
            return Ok(none_ref());
        }
        let sep = text_or_none("sep", a.values[0])?;
        let end = text_or_none("end", a.values[1])?;
        for (i, &obj) in a.rest.iter().enumerate() {
            if i > 0 {
                if sep.is_null() {
                    write_text(file.as_ptr(), " ")?;
                } else {
                    write_str(file.as_ptr(), sep)?;
                }
            }
            write_str(file.as_ptr(), obj)?;
        }
        if end.is_null() {
            write_text(file.as_ptr(), "\n")?;
        } else {
            write_str(file.as_ptr(), end)?;
        }
        if let Some(flush) = a.opt(3) {
            let t = object::is_true(flush);
            if t < 0 {
                return Err(());
            }
            if t == 1 {
                let r = call::call_method(file.as_ptr(), "flush", &[])?;
                Py_DECREF(r);
            }
        }
        Ok(none_ref())
    })();
    r.unwrap_or(null_mut())
}

/// Write a Rust string with `file.write`.
pub unsafe fn write_text(file: *mut PyObject, s: &str) -> PyResult<()> {
    let write = Owned(nonnull(object::get_attr_str(file, "write"))?);
    let t = Owned(nonnull(unicode::from_str(s))?);
    write_with(write.as_ptr(), t.as_ptr())
}

/// `input(prompt='', /)`: write the prompt to `sys.stdout`, read a line from
/// `sys.stdin` without its newline; EOFError at end of input.
unsafe extern "C" fn builtin_input(
    _m: *mut PyObject,
    args: *const *mut PyObject,
    nargs: Py_ssize_t,
) -> *mut PyObject {
    let r = (|| -> PyResult<*mut PyObject> {
        let a = super::args::positional("input", args, nargs, 0, 1)?;
        let stdin = Owned(input_stream("stdin")?);
        let stdout = Owned(input_stream("stdout")?);
        let stderr = sysmodule::get_object("stderr");
        if !stderr.is_null() && stderr != none() {
            let stderr = Owned(new_ref(stderr));
            // Errors flushing stderr are ignored, as in CPython.
            match call::call_method(stderr.as_ptr(), "flush", &[]) {
                Ok(r) => Py_DECREF(r),
                Err(()) => crate::errors::clear(),
            }
        }
        if let Some(&prompt) = a.first() {
            write_str(stdout.as_ptr(), prompt)?;
        }
        Py_DECREF(call::call_method(stdout.as_ptr(), "flush", &[])?);
        let line = Owned(call::call_method(stdin.as_ptr(), "readline", &[])?);
        if !unicode::is_unicode(line.as_ptr()) {
            return crate::raise!(PyExc_TypeError, "object.readline() returned non-string");
        }
        let n = unicode::as_unicode(line.as_ptr()).length as usize;
        if n == 0 {
            return crate::raise!(PyExc_EOFError, "EOF when reading a line");
        }
        if unicode::char_at(line.as_ptr(), n - 1) == '\n' as u32 {
            return nonnull(unicode::substring(line.as_ptr(), 0, n - 1));
        }
        Ok(line.into_ptr())
    })();
    r.unwrap_or(null_mut())
}

/// `sys.stdin`/`sys.stdout` for input(): RuntimeError when lost or None.
unsafe fn input_stream(name: &str) -> PyResult<*mut PyObject> {
    let f = sysmodule::get_object(name);
    if f.is_null() || f == none() {
        return crate::raise!(PyExc_RuntimeError, "input(): lost sys.{}", name);
    }
    Ok(new_ref(f))
}

pub static mut METHODS: [PyMethodDef; 4] = [
    crate::meth!(c"input", builtin_input, crate::defs::METH_FASTCALL),
    crate::meth!(
        c"open",
        crate::objects::textio::builtin_open,
        METH_FASTCALL | METH_KEYWORDS
    ),
    crate::meth!(c"print", builtin_print, METH_FASTCALL | METH_KEYWORDS),
    SENTINEL,
];
