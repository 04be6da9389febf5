//! `Py_BuildValue` machinery and the calls built on it, behind the C shims of
//! `shims/modsupport.c`: `Py_BuildValue`, `Py_VaBuildValue` (+ `_SizeT`),
//! `PyObject_CallFunction`, `PyObject_CallMethod` (+ `_SizeT`),
//! `PyEval_CallFunction`, `PyEval_CallMethod`, `PyObject_CallFunctionObjArgs`,
//! `PyObject_CallMethodObjArgs`, `PyTuple_Pack`, `PySys_Audit`.
//!
//! Mirrors CPython 3.15's `Python/modsupport.c`: units are consumed strictly
//! left to right; once an item fails, the rest of every enclosing container
//! is still built and dropped (`do_ignore`) so that `N` arguments are always
//! stolen and `O&` converters always run, with the first error kept.

use core::ffi::{c_char, c_int, c_void};

use carapace_core::fmt_units;
use carapace_core::object::PyObject;

use crate::format::ffi::*;
use crate::format::{guarded, has_flag, new_none, raise, Args, CArg, Py_TPFLAGS_TUPLE_SUBCLASS};

type Obj = *mut PyObject;
const NULL: Obj = core::ptr::null_mut();

struct Builder<'f, 'a> {
    fmt: &'f [u8],
    pos: usize,
    args: &'f mut Args<'a>,
}

impl Builder<'_, '_> {
    fn peek(&self) -> u8 {
        self.fmt.get(self.pos).copied().unwrap_or(0)
    }

    fn count(&self, endchar: u8) -> isize {
        match fmt_units::count_format(&self.fmt[self.pos.min(self.fmt.len())..], endchar) {
            Some(n) => n as isize,
            None => {
                unsafe { raise(PyExc_SystemError, "unmatched paren in format") };
                -1
            }
        }
    }

    /// `do_ignore`: build and drop `n` more items with the error kept aside.
    unsafe fn ignore(&mut self, endchar: u8, n: isize) {
        for _ in 0..n.max(0) {
            let exc = PyErr_GetRaisedException();
            let w = self.value();
            PyErr_SetRaisedException(exc);
            if !w.is_null() {
                Py_DecRef(w);
            }
        }
        self.skip_separators();
        if self.peek() != endchar {
            raise(PyExc_SystemError, "Unmatched paren in format");
            return;
        }
        if endchar != 0 {
            self.pos += 1;
        }
    }

    /// Separators between items are also accepted before the end.
    fn skip_separators(&mut self) {
        while matches!(self.peek(), b':' | b',' | b' ' | b'\t') && self.peek() != 0 {
            self.pos += 1;
        }
    }

    unsafe fn close(&mut self, v: Obj, endchar: u8) -> Obj {
        self.skip_separators();
        if self.peek() != endchar {
            Py_DecRef(v);
            raise(PyExc_SystemError, "Unmatched paren in format");
            return NULL;
        }
        if endchar != 0 {
            self.pos += 1;
        }
        v
    }

    /// `do_mktuple` / `do_mklist`: `n` items until `endchar`.
    unsafe fn sequence(&mut self, endchar: u8, n: isize, list: bool) -> Obj {
        if n < 0 {
            return NULL;
        }
        let v = if list { PyList_New(n) } else { PyTuple_New(n) };
        if v.is_null() {
            self.ignore(endchar, n);
            return NULL;
        }
        for i in 0..n {
            let w = self.value();
            if w.is_null() {
                self.ignore(endchar, n - i - 1);
                Py_DecRef(v);
                return NULL;
            }
            if list {
                PyList_SetItem(v, i, w);
            } else {
                PyTuple_SetItem(v, i, w);
            }
        }
        self.close(v, endchar)
    }

    /// `do_mkdict`.
    unsafe fn dict(&mut self, endchar: u8, n: isize) -> Obj {
        if n < 0 {
            return NULL;
        }
        if n % 2 != 0 {
            raise(PyExc_SystemError, "Bad dict format");
            self.ignore(endchar, n);
            return NULL;
        }
        let d = PyDict_New();
        if d.is_null() {
            self.ignore(endchar, n);
            return NULL;
        }
        let mut i = 0;
        while i < n {
            let k = self.value();
            if k.is_null() {
                self.ignore(endchar, n - i - 1);
                Py_DecRef(d);
                return NULL;
            }
            let v = self.value();
            if v.is_null() || PyDict_SetItem(d, k, v) < 0 {
                self.ignore(endchar, n - i - 2);
                Py_DecRef(k);
                if !v.is_null() {
                    Py_DecRef(v);
                }
                Py_DecRef(d);
                return NULL;
            }
            Py_DecRef(k);
            Py_DecRef(v);
            i += 2;
        }
        self.close(d, endchar)
    }

    /// The optional `#` length after s/z/y/u/U (always `Py_ssize_t`).
    fn length(&mut self) -> isize {
        if self.peek() == b'#' {
            self.pos += 1;
            self.args.int() as isize
        } else {
            -1
        }
    }

    /// `do_mkvalue`: one item.
    unsafe fn value(&mut self) -> Obj {
        loop {
            let c = self.peek();
            self.pos += 1;
            match c {
                b'(' => {
                    let n = self.count(b')');
                    return self.sequence(b')', n, false);
                }
                b'[' => {
                    let n = self.count(b']');
                    return self.sequence(b']', n, true);
                }
                b'{' => {
                    let n = self.count(b'}');
                    return self.dict(b'}', n);
                }
                b'b' | b'B' | b'h' | b'i' => return PyLong_FromLong(self.args.int() as i32 as _),
                b'H' => return PyLong_FromLong(self.args.uint() as u32 as _),
                b'I' => return PyLong_FromUnsignedLong(self.args.uint() as u32 as _),
                b'n' => return PyLong_FromSsize_t(self.args.int() as isize),
                b'l' => return PyLong_FromLong(self.args.int() as _),
                b'k' => return PyLong_FromUnsignedLong(self.args.uint() as _),
                b'L' => return PyLong_FromLongLong(self.args.int()),
                b'K' => return PyLong_FromUnsignedLongLong(self.args.uint()),
                b'p' => return PyBool_FromLong((self.args.int() as i32 != 0) as _),
                b'f' | b'd' => return PyFloat_FromDouble(self.args.double()),
                b'D' => {
                    let p: *mut f64 = self.args.ptr();
                    if p.is_null() {
                        raise(PyExc_SystemError, "NULL object passed to Py_BuildValue");
                        return NULL;
                    }
                    return PyComplex_FromDoubles(*p, *p.add(1));
                }
                b'c' => {
                    let ch = self.args.int() as u8 as c_char;
                    return PyBytes_FromStringAndSize(&ch, 1);
                }
                b'C' => return PyUnicode_FromOrdinal(self.args.int() as i32),
                b'u' => {
                    let w: *const libc::wchar_t = self.args.ptr();
                    let mut n = self.length();
                    if w.is_null() {
                        return new_none();
                    }
                    if n < 0 {
                        n = libc::wcslen(w) as isize;
                    }
                    return PyUnicode_FromWideChar(w, n);
                }
                b's' | b'z' | b'U' | b'y' => {
                    let s: *const c_char = self.args.ptr();
                    let mut n = self.length();
                    if s.is_null() {
                        return new_none();
                    }
                    if n < 0 {
                        let m = libc::strlen(s);
                        if m > isize::MAX as usize {
                            raise(
                                PyExc_OverflowError,
                                if c == b'y' {
                                    "string too long for Python bytes"
                                } else {
                                    "string too long for Python string"
                                },
                            );
                            return NULL;
                        }
                        n = m as isize;
                    }
                    return if c == b'y' {
                        PyBytes_FromStringAndSize(s, n)
                    } else {
                        PyUnicode_FromStringAndSize(s, n)
                    };
                }
                b'N' | b'S' | b'O' => {
                    if self.peek() == b'&' {
                        self.pos += 1;
                        let f = self.args.func();
                        let arg: *mut c_void = self.args.ptr();
                        let Some(f) = f else {
                            raise(PyExc_SystemError, "NULL converter passed to Py_BuildValue");
                            return NULL;
                        };
                        let f: unsafe extern "C" fn(*mut c_void) -> Obj = core::mem::transmute(f);
                        return f(arg);
                    }
                    let v: Obj = self.args.ptr();
                    if !v.is_null() {
                        if c != b'N' {
                            Py_IncRef(v);
                        }
                    } else if PyErr_Occurred().is_null() {
                        raise(PyExc_SystemError, "NULL object passed to Py_BuildValue");
                    }
                    return v;
                }
                b':' | b',' | b' ' | b'\t' => continue,
                _ => {
                    raise(PyExc_SystemError, "bad format char passed to Py_BuildValue");
                    return NULL;
                }
            }
        }
    }
}

/// `va_build_value`: None for an empty format, the item for one, else a tuple.
pub unsafe fn build_value(fmt: &[u8], args: &mut Args) -> Obj {
    let n = match fmt_units::count_format(fmt, 0) {
        Some(n) => n as isize,
        None => {
            raise(PyExc_SystemError, "unmatched paren in format");
            return NULL;
        }
    };
    if n == 0 {
        return new_none();
    }
    let mut b = Builder { fmt, pos: 0, args };
    if n == 1 {
        b.value()
    } else {
        b.sequence(0, n, false)
    }
}

unsafe fn fmt_slice<'a>(fmt: *const c_char) -> &'a [u8] {
    if fmt.is_null() {
        &[]
    } else {
        core::ffi::CStr::from_ptr(fmt).to_bytes()
    }
}

#[no_mangle]
pub unsafe extern "C" fn carapace_build_value(
    fmt: *const c_char,
    args: *const CArg,
    n: isize,
) -> Obj {
    guarded("Py_BuildValue", NULL, || {
        if fmt.is_null() {
            carapace_core::errors::bad_internal_call();
            return NULL;
        }
        let mut a = Args::new(args, n);
        build_value(fmt_slice(fmt), &mut a)
    })
}

unsafe fn null_error() -> Obj {
    if PyErr_Occurred().is_null() {
        raise(PyExc_SystemError, "null argument to internal routine");
    }
    NULL
}

/// `_PyObject_CallFunctionVa`: the top-level items are the positional
/// arguments; a single tuple item is unpacked (backward compatibility).
unsafe fn call_with_format(callable: Obj, fmt: *const c_char, args: *const CArg, n: isize) -> Obj {
    if callable.is_null() {
        return null_error();
    }
    let f = fmt_slice(fmt);
    let empty = || PyTuple_New(0);
    let argt = if f.is_empty() {
        empty()
    } else {
        let count = match fmt_units::count_format(f, 0) {
            Some(c) => c as isize,
            None => {
                raise(PyExc_SystemError, "unmatched paren in format");
                return NULL;
            }
        };
        let mut a = Args::new(args, n);
        let mut b = Builder {
            fmt: f,
            pos: 0,
            args: &mut a,
        };
        if count == 0 {
            empty()
        } else {
            let t = b.sequence(0, count, false);
            if t.is_null() {
                return NULL;
            }
            if count == 1 {
                let item = PyTuple_GetItem(t, 0);
                if has_flag(item, Py_TPFLAGS_TUPLE_SUBCLASS) {
                    Py_IncRef(item);
                    Py_DecRef(t);
                    item
                } else {
                    t
                }
            } else {
                t
            }
        }
    };
    if argt.is_null() {
        return NULL;
    }
    let r = PyObject_Call(callable, argt, NULL);
    Py_DecRef(argt);
    r
}

#[no_mangle]
pub unsafe extern "C" fn carapace_call_function(
    callable: Obj,
    fmt: *const c_char,
    args: *const CArg,
    n: isize,
) -> Obj {
    guarded("PyObject_CallFunction", NULL, || {
        call_with_format(callable, fmt, args, n)
    })
}

#[no_mangle]
pub unsafe extern "C" fn carapace_call_method(
    obj: Obj,
    name: *const c_char,
    fmt: *const c_char,
    args: *const CArg,
    n: isize,
) -> Obj {
    guarded("PyObject_CallMethod", NULL, || {
        if obj.is_null() || name.is_null() {
            return null_error();
        }
        let callable = PyObject_GetAttrString(obj, name);
        if callable.is_null() {
            return NULL;
        }
        let r = if PyCallable_Check(callable) == 0 {
            raise(
                PyExc_TypeError,
                &format!(
                    "attribute of type '{}' is not callable",
                    crate::format::trunc(&crate::format::tp_name_of(callable), 200)
                ),
            );
            NULL
        } else {
            call_with_format(callable, fmt, args, n)
        };
        Py_DecRef(callable);
        r
    })
}

unsafe fn tuple_of(objs: *const Obj, n: isize) -> Obj {
    let t = PyTuple_New(n);
    if t.is_null() {
        return t;
    }
    for i in 0..n {
        let o = *objs.offset(i);
        if o.is_null() {
            Py_DecRef(t);
            return null_error();
        }
        Py_IncRef(o);
        PyTuple_SetItem(t, i, o);
    }
    t
}

#[no_mangle]
pub unsafe extern "C" fn carapace_call_objargs(callable: Obj, objs: *const Obj, n: isize) -> Obj {
    guarded("PyObject_CallFunctionObjArgs", NULL, || {
        if callable.is_null() {
            return null_error();
        }
        let t = tuple_of(objs, n);
        if t.is_null() {
            return NULL;
        }
        let r = PyObject_Call(callable, t, NULL);
        Py_DecRef(t);
        r
    })
}

#[no_mangle]
pub unsafe extern "C" fn carapace_call_method_objargs(
    obj: Obj,
    name: Obj,
    objs: *const Obj,
    n: isize,
) -> Obj {
    guarded("PyObject_CallMethodObjArgs", NULL, || {
        if obj.is_null() || name.is_null() {
            return null_error();
        }
        let mut stack: Vec<Obj> = Vec::with_capacity(n as usize + 1);
        stack.push(obj);
        for i in 0..n {
            stack.push(*objs.offset(i));
        }
        PyObject_VectorcallMethod(name, stack.as_ptr(), stack.len(), NULL)
    })
}

#[no_mangle]
pub unsafe extern "C" fn carapace_tuple_pack(n: isize, objs: *const Obj) -> Obj {
    guarded("PyTuple_Pack", NULL, || {
        if n < 0 {
            carapace_core::errors::bad_internal_call();
            return NULL;
        }
        tuple_of(objs, n)
    })
}

#[no_mangle]
pub unsafe extern "C" fn carapace_sys_audit(
    event: *const c_char,
    fmt: *const c_char,
    args: *const CArg,
    n: isize,
) -> c_int {
    guarded("PySys_Audit", -1, || {
        let f = fmt_slice(fmt);
        let mut ev = if f.is_empty() {
            PyTuple_New(0)
        } else {
            let mut a = Args::new(args, n);
            build_value(f, &mut a)
        };
        if !ev.is_null() && !has_flag(ev, Py_TPFLAGS_TUPLE_SUBCLASS) {
            let t = PyTuple_New(1);
            if !t.is_null() {
                PyTuple_SetItem(t, 0, ev);
            } else {
                Py_DecRef(ev);
            }
            ev = t;
        }
        if ev.is_null() {
            return -1;
        }
        let r = PySys_AuditTuple(event, ev);
        Py_DecRef(ev);
        r
    })
}
