//! `PyArg_Parse*` machinery behind the C shims of `shims/getargs.c`:
//! `PyArg_Parse`, `PyArg_ParseTuple`, `PyArg_ParseTupleAndKeywords`, their
//! va_list and `_SizeT` forms, `PyArg_UnpackTuple`, plus
//! `PyArg_ValidateKeywordArguments`.
//!
//! Mirrors CPython 3.15's `Python/getargs.c` (conversions, overflow checks,
//! messages, the cleanup list that releases `Py_buffer`s, `es` buffers and
//! `O&` converters returning `Py_CLEANUP_SUPPORTED` when a later unit fails),
//! written against the public C API only.

use core::ffi::{c_char, c_int, c_void, CStr};

use carapace_core::fmt_units;
use carapace_core::object::PyObject;

use crate::format::ffi::*;
use crate::format::{
    guarded, has_flag, none, raise, tp_name, tp_name_of, trunc, type_of, Args, CArg,
    Py_TPFLAGS_BYTES_SUBCLASS, Py_TPFLAGS_DICT_SUBCLASS, Py_TPFLAGS_LONG_SUBCLASS,
    Py_TPFLAGS_TUPLE_SUBCLASS, Py_TPFLAGS_UNICODE_SUBCLASS,
};

type Obj = *mut PyObject;
const NULL: Obj = core::ptr::null_mut();

const Py_CLEANUP_SUPPORTED: c_int = 0x20000;
const PyBUF_SIMPLE: c_int = 0;
const PyBUF_WRITABLE: c_int = 1;
const Py_bf_releasebuffer: c_int = 2;

extern "C" {
    fn PyType_GetSlot(t: *mut PyObject, slot: c_int) -> *mut c_void;
}

/// `sizeof(Py_buffer)` on 64-bit targets: 80 bytes.
#[repr(C)]
struct PyBuffer {
    buf: *mut c_void,
    obj: Obj,
    len: isize,
    _rest: [usize; 7],
}

impl PyBuffer {
    fn zeroed() -> PyBuffer {
        PyBuffer {
            buf: core::ptr::null_mut(),
            obj: NULL,
            len: 0,
            _rest: [0; 7],
        }
    }
}

type Converter = unsafe extern "C" fn(Obj, *mut c_void) -> c_int;

enum Cleanup {
    /// `PyMem_Free(*p); *p = NULL` (`es`/`et` buffers).
    Ptr(*mut *mut c_void),
    /// `PyBuffer_Release(view)`.
    Buffer(*mut c_void),
    /// `converter(NULL, addr)`.
    Conv(Converter, *mut c_void),
}

/// A failed conversion: the message (empty when an exception is already set)
/// and the item path inside nested tuples.
struct Fail {
    msg: String,
    levels: Vec<i32>,
}

type Conv = Result<(), Fail>;

fn fail(msg: String) -> Conv {
    Err(Fail {
        msg,
        levels: Vec::new(),
    })
}

/// `RETURN_ERR_OCCURRED`: the exception is already set.
fn occurred() -> Conv {
    fail(String::new())
}

unsafe fn converterr(expected: &str, arg: Obj) -> Conv {
    if expected.starts_with('(') {
        fail(trunc(expected, 100).to_string())
    } else {
        fail(format!(
            "must be {}, not {}",
            trunc(expected, 50),
            trunc(&tp_name_of(arg), 50)
        ))
    }
}

const CONV_UNICODE: &str = "(unicode conversion error)";

unsafe fn is_bytearray(o: Obj) -> bool {
    PyType_IsSubtype(type_of(o), &raw mut PyByteArray_Type) != 0
}

unsafe fn set_err(exc: Obj, msg: &str) -> Conv {
    raise(exc, msg);
    occurred()
}

/// `PyLong_AsLong` for the 'b', 'h' and 'i' units: OverflowError "`what` is less
/// than minimum" / "... greater than maximum" outside `min..=max`, as CPython.
unsafe fn long_in_range(
    arg: Obj,
    min: core::ffi::c_long,
    max: core::ffi::c_long,
    what: &str,
) -> Result<core::ffi::c_long, Fail> {
    let v = PyLong_AsLong(arg);
    if v == -1 && !PyErr_Occurred().is_null() {
        occurred()?;
    } else if v < min {
        set_err(PyExc_OverflowError, &format!("{what} is less than minimum"))?;
    } else if v > max {
        set_err(
            PyExc_OverflowError,
            &format!("{what} is greater than maximum"),
        )?;
    }
    Ok(v)
}

/// `PyLong_AsUnsignedLongMask` for the 'B', 'H' and 'I' units (no range check:
/// the caller truncates, as CPython).
unsafe fn unsigned_long_mask(arg: Obj) -> Result<core::ffi::c_ulong, Fail> {
    let v = PyLong_AsUnsignedLongMask(arg);
    if v == !0 && !PyErr_Occurred().is_null() {
        occurred()?;
    }
    Ok(v)
}

struct Parser<'f, 'a> {
    fmt: &'f [u8],
    pos: usize,
    args: &'f mut Args<'a>,
    freelist: Vec<Cleanup>,
}

impl Parser<'_, '_> {
    fn at(&self, i: usize) -> u8 {
        self.fmt.get(i).copied().unwrap_or(0)
    }
    fn peek(&self) -> u8 {
        self.at(self.pos)
    }

    /// `cleanreturn`: on failure run every cleanup, in order.
    unsafe fn finish(&mut self, ok: bool) -> c_int {
        let list = std::mem::take(&mut self.freelist);
        if !ok {
            for c in list {
                match c {
                    Cleanup::Ptr(p) => {
                        PyMem_Free(*p);
                        *p = core::ptr::null_mut();
                    }
                    Cleanup::Buffer(v) => {
                        if !v.is_null() {
                            PyBuffer_Release(v);
                        }
                    }
                    Cleanup::Conv(f, addr) => {
                        f(NULL, addr);
                    }
                }
            }
        }
        ok as c_int
    }

    /// `convertitem`.
    unsafe fn item(&mut self, arg: Obj) -> Conv {
        if self.peek() == b'(' {
            let save = self.pos;
            self.pos += 1;
            let r = self.tuple(arg, false);
            if r.is_ok() {
                self.pos += 1;
            } else {
                self.pos = save;
            }
            r
        } else {
            let save = self.pos;
            let r = self.simple(arg);
            if r.is_err() {
                self.pos = save;
            }
            r
        }
    }

    /// `converttuple`: `self.pos` is just after the `(`; on success it is on
    /// the closing `)`.
    unsafe fn tuple(&mut self, arg: Obj, toplevel: bool) -> Conv {
        let n = fmt_units::tuple_items(&self.fmt[self.pos.min(self.fmt.len())..]) as isize;
        if PySequence_Check(arg) == 0 || has_flag(arg, Py_TPFLAGS_BYTES_SUBCLASS) {
            let name = trunc(&tp_name_of(arg), 50).to_string();
            return fail(if toplevel {
                format!("expected {n} arguments, not {name}")
            } else {
                format!("must be {n}-item tuple, not {name}")
            });
        }
        let len = PySequence_Size(arg);
        if len != n {
            if len < 0 {
                PyErr_Clear();
            }
            return fail(if toplevel {
                format!(
                    "expected {n} argument{}, not {len}",
                    if n == 1 { "" } else { "s" }
                )
            } else {
                format!("must be tuple of length {n}, not {len}")
            });
        }
        for i in 0..n {
            let item = PySequence_GetItem(arg, i);
            if item.is_null() {
                PyErr_Clear();
                return Err(Fail {
                    msg: "is not retrievable".into(),
                    levels: vec![i as i32 + 1],
                });
            }
            let r = self.item(item);
            Py_DecRef(item);
            if let Err(mut f) = r {
                f.levels.insert(0, i as i32 + 1);
                return Err(f);
            }
        }
        Ok(())
    }

    /// `convertbuffer`: a read-only bytes-like object's pointer and length.
    unsafe fn convertbuffer(
        &mut self,
        arg: Obj,
        p: *mut *const c_void,
    ) -> Result<isize, &'static str> {
        *p = core::ptr::null();
        if !PyType_GetSlot(type_of(arg), Py_bf_releasebuffer).is_null() {
            PyErr_Clear();
            return Err("read-only bytes-like object");
        }
        PyErr_Clear();
        let mut view = PyBuffer::zeroed();
        getbuffer(arg, &mut view as *mut PyBuffer as *mut c_void)?;
        let count = view.len;
        *p = view.buf;
        PyBuffer_Release(&mut view as *mut PyBuffer as *mut c_void);
        Ok(count)
    }

    /// `convertsimple`: one non-tuple unit.
    unsafe fn simple(&mut self, arg: Obj) -> Conv {
        let c = self.peek();
        self.pos += 1;
        match c {
            b'b' => {
                let p: *mut u8 = self.args.ptr();
                *p = long_in_range(arg, 0, u8::MAX as _, "unsigned byte integer")? as u8;
            }
            b'B' => {
                let p: *mut u8 = self.args.ptr();
                *p = unsigned_long_mask(arg)? as u8;
            }
            b'h' => {
                let p: *mut i16 = self.args.ptr();
                *p = long_in_range(arg, i16::MIN as _, i16::MAX as _, "signed short integer")?
                    as i16;
            }
            b'H' => {
                let p: *mut u16 = self.args.ptr();
                *p = unsigned_long_mask(arg)? as u16;
            }
            b'i' => {
                let p: *mut i32 = self.args.ptr();
                *p = long_in_range(arg, i32::MIN as _, i32::MAX as _, "signed integer")? as i32;
            }
            b'I' => {
                let p: *mut u32 = self.args.ptr();
                *p = unsigned_long_mask(arg)? as u32;
            }
            b'n' => {
                let p: *mut isize = self.args.ptr();
                let mut v: isize = -1;
                let iobj = PyNumber_Index(arg);
                if !iobj.is_null() {
                    v = PyLong_AsSsize_t(iobj);
                    Py_DecRef(iobj);
                }
                if v == -1 && !PyErr_Occurred().is_null() {
                    return occurred();
                }
                *p = v;
            }
            b'l' => {
                let p: *mut core::ffi::c_long = self.args.ptr();
                let v = PyLong_AsLong(arg);
                if v == -1 && !PyErr_Occurred().is_null() {
                    return occurred();
                }
                *p = v;
            }
            b'k' => {
                let p: *mut core::ffi::c_ulong = self.args.ptr();
                if !has_flag(arg, Py_TPFLAGS_LONG_SUBCLASS) {
                    return converterr("int", arg);
                }
                *p = PyLong_AsUnsignedLongMask(arg);
            }
            b'L' => {
                let p: *mut i64 = self.args.ptr();
                let v = PyLong_AsLongLong(arg);
                if v == -1 && !PyErr_Occurred().is_null() {
                    return occurred();
                }
                *p = v;
            }
            b'K' => {
                let p: *mut u64 = self.args.ptr();
                if !has_flag(arg, Py_TPFLAGS_LONG_SUBCLASS) {
                    return converterr("int", arg);
                }
                *p = PyLong_AsUnsignedLongLongMask(arg);
            }
            b'f' => {
                let p: *mut f32 = self.args.ptr();
                let v = PyFloat_AsDouble(arg);
                if v == -1.0 && !PyErr_Occurred().is_null() {
                    return occurred();
                }
                *p = v as f32;
            }
            b'd' => {
                let p: *mut f64 = self.args.ptr();
                let v = PyFloat_AsDouble(arg);
                if v == -1.0 && !PyErr_Occurred().is_null() {
                    return occurred();
                }
                *p = v;
            }
            b'D' => {
                // Py_complex { double real, imag; } (PyComplex_AsCComplex is
                // not part of the Stable ABI: real and imaginary parts apart).
                let p: *mut f64 = self.args.ptr();
                let re = PyComplex_RealAsDouble(arg);
                if !PyErr_Occurred().is_null() {
                    return occurred();
                }
                let im = PyComplex_ImagAsDouble(arg);
                if !PyErr_Occurred().is_null() {
                    return occurred();
                }
                *p = re;
                *p.add(1) = im;
            }
            b'c' => {
                let p: *mut c_char = self.args.ptr();
                if has_flag(arg, Py_TPFLAGS_BYTES_SUBCLASS) {
                    let n = PyBytes_Size(arg);
                    if n != 1 {
                        return fail(format!(
                            "must be a byte string of length 1, not a bytes object of length {n}"
                        ));
                    }
                    *p = *PyBytes_AsString(arg);
                } else if is_bytearray(arg) {
                    let n = PyByteArray_Size(arg);
                    if n != 1 {
                        return fail(format!(
                            "must be a byte string of length 1, not a bytearray object of length {n}"
                        ));
                    }
                    *p = *PyByteArray_AsString(arg);
                } else {
                    return converterr("a byte string of length 1", arg);
                }
            }
            b'C' => {
                let p: *mut c_int = self.args.ptr();
                if !has_flag(arg, Py_TPFLAGS_UNICODE_SUBCLASS) {
                    return converterr("a unicode character", arg);
                }
                let n = PyUnicode_GetLength(arg);
                if n != 1 {
                    return fail(format!(
                        "must be a unicode character, not a string of length {n}"
                    ));
                }
                *p = PyUnicode_ReadChar(arg, 0) as c_int;
            }
            b'p' => {
                let p: *mut c_int = self.args.ptr();
                let v = PyObject_IsTrue(arg);
                if v < 0 {
                    return occurred();
                }
                *p = (v > 0) as c_int;
            }
            b'y' => {
                let p: *mut c_void = self.args.ptr();
                if self.peek() == b'*' {
                    if let Err(e) = getbuffer(arg, p) {
                        return converterr(e, arg);
                    }
                    self.pos += 1;
                    self.freelist.push(Cleanup::Buffer(p));
                    return Ok(());
                }
                let pp = p as *mut *const c_void;
                let count = match self.convertbuffer(arg, pp) {
                    Ok(c) => c,
                    Err(e) => return converterr(e, arg),
                };
                if self.peek() == b'#' {
                    let psize: *mut isize = self.args.ptr();
                    *psize = count;
                    self.pos += 1;
                } else if libc::strlen(*pp as *const c_char) != count as usize {
                    return set_err(PyExc_ValueError, "embedded null byte");
                }
            }
            b's' | b'z' => {
                let is_none = c == b'z' && arg == none();
                if self.peek() == b'*' {
                    let p: *mut c_void = self.args.ptr();
                    if is_none {
                        PyBuffer_FillInfo(p, NULL, core::ptr::null_mut(), 0, 1, 0);
                    } else if has_flag(arg, Py_TPFLAGS_UNICODE_SUBCLASS) {
                        let mut len = 0isize;
                        let s = PyUnicode_AsUTF8AndSize(arg, &mut len);
                        if s.is_null() {
                            return converterr(CONV_UNICODE, arg);
                        }
                        PyBuffer_FillInfo(p, arg, s as *mut c_void, len, 1, 0);
                    } else if let Err(e) = getbuffer(arg, p) {
                        return converterr(e, arg);
                    }
                    self.freelist.push(Cleanup::Buffer(p));
                    self.pos += 1;
                } else if self.peek() == b'#' {
                    let p: *mut *const c_void = self.args.ptr();
                    let psize: *mut isize = self.args.ptr();
                    if is_none {
                        *p = core::ptr::null();
                        *psize = 0;
                    } else if has_flag(arg, Py_TPFLAGS_UNICODE_SUBCLASS) {
                        let mut len = 0isize;
                        let s = PyUnicode_AsUTF8AndSize(arg, &mut len);
                        if s.is_null() {
                            return converterr(CONV_UNICODE, arg);
                        }
                        *p = s as *const c_void;
                        *psize = len;
                    } else {
                        match self.convertbuffer(arg, p) {
                            Ok(c) => *psize = c,
                            Err(e) => return converterr(e, arg),
                        }
                    }
                    self.pos += 1;
                } else {
                    let p: *mut *const c_char = self.args.ptr();
                    if is_none {
                        *p = core::ptr::null();
                    } else if has_flag(arg, Py_TPFLAGS_UNICODE_SUBCLASS) {
                        let mut len = 0isize;
                        let s = PyUnicode_AsUTF8AndSize(arg, &mut len);
                        if s.is_null() {
                            return converterr(CONV_UNICODE, arg);
                        }
                        if libc::strlen(s) != len as usize {
                            return set_err(PyExc_ValueError, "embedded null character");
                        }
                        *p = s;
                    } else {
                        return converterr(if c == b'z' { "str or None" } else { "str" }, arg);
                    }
                }
            }
            b'e' => return self.encoded(arg),
            b'S' => {
                let p: *mut Obj = self.args.ptr();
                if !has_flag(arg, Py_TPFLAGS_BYTES_SUBCLASS) {
                    return converterr("bytes", arg);
                }
                *p = arg;
            }
            b'Y' => {
                let p: *mut Obj = self.args.ptr();
                if !is_bytearray(arg) {
                    return converterr("bytearray", arg);
                }
                *p = arg;
            }
            b'U' => {
                let p: *mut Obj = self.args.ptr();
                if !has_flag(arg, Py_TPFLAGS_UNICODE_SUBCLASS) {
                    return converterr("str", arg);
                }
                *p = arg;
            }
            b'O' => {
                if self.peek() == b'!' {
                    let ty: Obj = self.args.ptr();
                    let p: *mut Obj = self.args.ptr();
                    self.pos += 1;
                    if ty.is_null() || PyType_IsSubtype(type_of(arg), ty) == 0 {
                        let name = if ty.is_null() {
                            "?".to_string()
                        } else {
                            tp_name(ty)
                        };
                        return converterr(&name, arg);
                    }
                    *p = arg;
                } else if self.peek() == b'&' {
                    let f = self.args.func();
                    let addr: *mut c_void = self.args.ptr();
                    self.pos += 1;
                    let Some(f) = f else {
                        return converterr("(unspecified)", arg);
                    };
                    let f: Converter = core::mem::transmute(f);
                    let res = f(arg, addr);
                    if res == 0 {
                        return converterr("(unspecified)", arg);
                    }
                    if res == Py_CLEANUP_SUPPORTED {
                        self.freelist.push(Cleanup::Conv(f, addr));
                    }
                } else {
                    let p: *mut Obj = self.args.ptr();
                    *p = arg;
                }
            }
            b'w' => {
                let p: *mut c_void = self.args.ptr();
                if self.peek() != b'*' {
                    return converterr("(invalid use of 'w' format character)", arg);
                }
                self.pos += 1;
                if PyObject_GetBuffer(arg, p, PyBUF_WRITABLE) < 0 {
                    PyErr_Clear();
                    return converterr("read-write bytes-like object", arg);
                }
                if PyBuffer_IsContiguous(p, b'C' as c_char) == 0 {
                    PyBuffer_Release(p);
                    return converterr("contiguous buffer", arg);
                }
                self.freelist.push(Cleanup::Buffer(p));
            }
            _ => return converterr("(impossible<bad format char>)", arg),
        }
        Ok(())
    }

    /// `es`, `et`, `es#`, `et#` (the `e` is consumed).
    unsafe fn encoded(&mut self, arg: Obj) -> Conv {
        let mut encoding: *const c_char = self.args.ptr();
        if encoding.is_null() {
            encoding = PyUnicode_GetDefaultEncoding();
        }
        let recode_strings = match self.peek() {
            b's' => true,
            b't' => false,
            _ => return converterr("(unknown parser marker combination)", arg),
        };
        let buffer: *mut *mut c_char = self.args.ptr();
        self.pos += 1;
        if buffer.is_null() {
            return converterr("(buffer is NULL)", arg);
        }
        let s: Obj;
        let size: isize;
        let mut ptr: *const c_char;
        if !recode_strings && (has_flag(arg, Py_TPFLAGS_BYTES_SUBCLASS) || is_bytearray(arg)) {
            Py_IncRef(arg);
            s = arg;
            if has_flag(arg, Py_TPFLAGS_BYTES_SUBCLASS) {
                size = PyBytes_Size(s);
                ptr = PyBytes_AsString(s);
            } else {
                size = PyByteArray_Size(s);
                ptr = PyByteArray_AsString(s);
            }
        } else if has_flag(arg, Py_TPFLAGS_UNICODE_SUBCLASS) {
            s = PyUnicode_AsEncodedString(arg, encoding, core::ptr::null());
            if s.is_null() {
                return converterr("(encoding failed)", arg);
            }
            size = PyBytes_Size(s);
            ptr = PyBytes_AsString(s);
        } else {
            return converterr(
                if recode_strings {
                    "str"
                } else {
                    "str, bytes or bytearray"
                },
                arg,
            );
        }
        if ptr.is_null() {
            ptr = c"".as_ptr();
        }
        if self.peek() == b'#' {
            let psize: *mut isize = self.args.ptr();
            self.pos += 1;
            if psize.is_null() {
                Py_DecRef(s);
                return converterr("(buffer_len is NULL)", arg);
            }
            if (*buffer).is_null() {
                *buffer = PyMem_Malloc(size as usize + 1) as *mut c_char;
                if (*buffer).is_null() {
                    Py_DecRef(s);
                    PyErr_NoMemory();
                    return occurred();
                }
                self.freelist.push(Cleanup::Ptr(buffer as *mut *mut c_void));
            } else if size + 1 > *psize {
                Py_DecRef(s);
                raise(
                    PyExc_ValueError,
                    &format!(
                        "encoded string too long ({size}, maximum length {})",
                        *psize - 1
                    ),
                );
                return occurred();
            }
            core::ptr::copy_nonoverlapping(ptr, *buffer, size as usize);
            *(*buffer).add(size as usize) = 0;
            *psize = size;
        } else {
            if libc::strlen(ptr) as isize != size {
                Py_DecRef(s);
                return converterr("encoded string without null bytes", arg);
            }
            *buffer = PyMem_Malloc(size as usize + 1) as *mut c_char;
            if (*buffer).is_null() {
                Py_DecRef(s);
                PyErr_NoMemory();
                return occurred();
            }
            self.freelist.push(Cleanup::Ptr(buffer as *mut *mut c_void));
            core::ptr::copy_nonoverlapping(ptr, *buffer, size as usize);
            *(*buffer).add(size as usize) = 0;
        }
        Py_DecRef(s);
        Ok(())
    }

    /// `skipitem` with argument consumption; the error text on a bad unit.
    fn skip(&mut self) -> Result<(), &'static str> {
        let (np, n) = fmt_units::skip_item(self.fmt, self.pos)?;
        self.pos = np;
        for _ in 0..n {
            self.args.next();
        }
        Ok(())
    }
}

unsafe fn getbuffer(arg: Obj, view: *mut c_void) -> Result<(), &'static str> {
    if PyObject_GetBuffer(arg, view, PyBUF_SIMPLE) != 0 {
        return Err("bytes-like object");
    }
    if PyBuffer_IsContiguous(view, b'C' as c_char) == 0 {
        PyBuffer_Release(view);
        return Err("contiguous buffer");
    }
    Ok(())
}

fn text_at(fmt: &[u8], at: Option<usize>) -> Option<String> {
    at.map(|i| String::from_utf8_lossy(&fmt[i.min(fmt.len())..]).into_owned())
}

/// `seterror`: the TypeError (SystemError for "(...)" messages) of a failed
/// conversion, unless one is already set.
unsafe fn seterror(iarg: isize, f: &Fail, fname: Option<&str>, message: Option<&str>) {
    if !PyErr_Occurred().is_null() {
        return;
    }
    let text = match message {
        Some(m) => m.to_string(),
        None => {
            let mut buf = String::new();
            if let Some(name) = fname {
                buf.push_str(trunc(name, 200));
                buf.push_str("() ");
            }
            if iarg != 0 {
                buf.push_str(&format!("argument {iarg}"));
                for l in f.levels.iter().take(32) {
                    if *l <= 0 || buf.len() >= 220 {
                        break;
                    }
                    buf.push_str(&format!(", item {}", l - 1));
                }
            } else {
                buf.push_str("argument");
            }
            buf.push(' ');
            buf.push_str(trunc(&f.msg, 256));
            buf
        }
    };
    if f.msg.starts_with('(') {
        raise(PyExc_SystemError, &text);
    } else {
        raise(PyExc_TypeError, &text);
    }
}

fn fname_or(fname: Option<&str>, dflt: &'static str) -> (String, &'static str) {
    match fname {
        Some(n) => (n.to_string(), "()"),
        None => (dflt.to_string(), ""),
    }
}

/// `vgetargs1_impl`: `PyArg_Parse` (compat) and `PyArg_ParseTuple`.
unsafe fn parse_tuple(args: Obj, fmt: &[u8], a: &mut Args, compat: bool) -> c_int {
    let hdr = match fmt_units::getargs_header(fmt) {
        Ok(h) => h,
        Err(e) => {
            // CPython calls Py_FatalError here; a SystemError keeps the process alive.
            raise(PyExc_SystemError, e);
            return 0;
        }
    };
    let fname_s = text_at(fmt, hdr.fname);
    let message_s = text_at(fmt, hdr.message);
    let fname = fname_s.as_deref();
    let message = message_s.as_deref();
    let (min, max) = (hdr.min as isize, hdr.max as isize);
    let mut p = Parser {
        fmt,
        pos: 0,
        args: a,
        freelist: Vec::new(),
    };

    if compat {
        let (fnm, paren) = fname_or(fname.map(|f| trunc(f, 200)), "function");
        if max == 0 {
            if args.is_null() {
                return 1;
            }
            raise(PyExc_TypeError, &format!("{fnm}{paren} takes no arguments"));
            return p.finish(false);
        } else if min == 1 && max == 1 {
            if args.is_null() {
                raise(
                    PyExc_TypeError,
                    &format!("{fnm}{paren} takes at least one argument"),
                );
                return p.finish(false);
            }
            return match p.item(args) {
                Ok(()) => p.finish(true),
                Err(f) => {
                    let iarg = f.levels.first().copied().unwrap_or(0) as isize;
                    let rest = Fail {
                        msg: f.msg.clone(),
                        levels: f.levels.iter().skip(1).copied().collect(),
                    };
                    seterror(iarg, &rest, fname, message);
                    p.finish(false)
                }
            };
        } else {
            raise(
                PyExc_SystemError,
                "old style getargs format uses new features",
            );
            return p.finish(false);
        }
    }

    if args.is_null() || !has_flag(args, Py_TPFLAGS_TUPLE_SUBCLASS) {
        raise(
            PyExc_SystemError,
            "new style getargs format but argument is not a tuple",
        );
        return 0;
    }
    let nargs = PyTuple_Size(args);
    if nargs < min || max < nargs {
        match message {
            None => {
                let (fnm, paren) = fname_or(fname.map(|f| trunc(f, 150)), "function");
                let n = if nargs < min { min } else { max };
                raise(
                    PyExc_TypeError,
                    &format!(
                        "{fnm}{paren} takes {} {n} argument{} ({nargs} given)",
                        if min == max {
                            "exactly"
                        } else if nargs < min {
                            "at least"
                        } else {
                            "at most"
                        },
                        if n == 1 { "" } else { "s" }
                    ),
                );
            }
            Some(m) => raise(PyExc_TypeError, m),
        }
        return p.finish(false);
    }
    for i in 0..nargs {
        if p.peek() == b'|' {
            p.pos += 1;
        }
        if let Err(f) = p.item(PyTuple_GetItem(args, i)) {
            seterror(i + 1, &f, fname, message);
            return p.finish(false);
        }
    }
    let c = p.peek();
    if c != 0 && !c.is_ascii_alphabetic() && !matches!(c, b'(' | b'|' | b':' | b';') {
        raise(
            PyExc_SystemError,
            &format!(
                "bad format string: {}",
                trunc(&String::from_utf8_lossy(fmt), 200)
            ),
        );
        return p.finish(false);
    }
    p.finish(true)
}

#[no_mangle]
pub unsafe extern "C" fn carapace_arg_parse(
    args: Obj,
    fmt: *const c_char,
    cargs: *const CArg,
    n: isize,
    compat: c_int,
) -> c_int {
    guarded("PyArg_ParseTuple", 0, || {
        if fmt.is_null() {
            carapace_core::errors::bad_internal_call();
            return 0;
        }
        let mut a = Args::new(cargs, n);
        parse_tuple(args, CStr::from_ptr(fmt).to_bytes(), &mut a, compat != 0)
    })
}

fn is_end(c: u8) -> bool {
    matches!(c, 0 | b';' | b':')
}

/// `vgetargskeywords`.
unsafe fn parse_keywords(
    args: Obj,
    kwargs: Obj,
    fmt: &[u8],
    kwlist: &[&CStr],
    a: &mut Args,
) -> c_int {
    let colon = fmt.iter().position(|&c| c == b':');
    let (fname_s, custom_s) = match colon {
        Some(i) => (
            Some(String::from_utf8_lossy(&fmt[i + 1..]).into_owned()),
            None,
        ),
        None => (
            None,
            fmt.iter()
                .position(|&c| c == b';')
                .map(|i| String::from_utf8_lossy(&fmt[i + 1..]).into_owned()),
        ),
    };
    let fname = fname_s.as_deref();
    let custom_msg = custom_s.as_deref();
    let (fnm, paren) = fname_or(fname.map(|f| trunc(f, 200)), "function");
    let (fnm_this, paren_this) = fname_or(fname.map(|f| trunc(f, 200)), "this function");
    let mut p = Parser {
        fmt,
        pos: 0,
        args: a,
        freelist: Vec::new(),
    };

    let pos = kwlist
        .iter()
        .take_while(|k| k.to_bytes().is_empty())
        .count();
    let len = kwlist.len();
    if kwlist[pos..].iter().any(|k| k.to_bytes().is_empty()) {
        raise(PyExc_SystemError, "Empty keyword parameter name");
        return p.finish(false);
    }
    let nargs = PyTuple_Size(args);
    let mut nkwargs = if kwargs.is_null() {
        0
    } else {
        PyDict_Size(kwargs)
    };
    if nargs + nkwargs > len as isize {
        raise(
            PyExc_TypeError,
            &format!(
                "{fnm}{paren} takes at most {len} {}argument{} ({} given)",
                if nargs == 0 { "keyword " } else { "" },
                if len == 1 { "" } else { "s" },
                nargs + nkwargs
            ),
        );
        return p.finish(false);
    }
    let mut min = usize::MAX;
    let mut max = usize::MAX;
    let mut skip = false;
    let mut i = 0usize;
    while i < len {
        if p.peek() == b'|' {
            if min != usize::MAX {
                raise(
                    PyExc_SystemError,
                    "Invalid format string (| specified twice)",
                );
                return p.finish(false);
            }
            min = i;
            p.pos += 1;
            if max != usize::MAX {
                raise(PyExc_SystemError, "Invalid format string ($ before |)");
                return p.finish(false);
            }
        }
        if p.peek() == b'$' {
            if max != usize::MAX {
                raise(
                    PyExc_SystemError,
                    "Invalid format string ($ specified twice)",
                );
                return p.finish(false);
            }
            max = i;
            p.pos += 1;
            if max < pos {
                raise(PyExc_SystemError, "Empty parameter name after $");
                return p.finish(false);
            }
            if skip {
                break;
            }
            if (max as isize) < nargs {
                if max == 0 {
                    raise(
                        PyExc_TypeError,
                        &format!("{fnm}{paren} takes no positional arguments"),
                    );
                } else {
                    raise(
                        PyExc_TypeError,
                        &format!(
                            "{fnm}{paren} takes {} {max} positional argument{} ({nargs} given)",
                            if min != usize::MAX {
                                "at most"
                            } else {
                                "exactly"
                            },
                            if max == 1 { "" } else { "s" }
                        ),
                    );
                }
                return p.finish(false);
            }
        }
        if is_end(p.peek()) {
            raise(
                PyExc_SystemError,
                &format!("More keyword list entries ({len}) than format specifiers ({i})"),
            );
            return p.finish(false);
        }
        if !skip {
            let mut owned: Obj = NULL;
            let current: Obj = if (i as isize) < nargs {
                PyTuple_GetItem(args, i as isize)
            } else if nkwargs != 0 && i >= pos {
                let r = PyDict_GetItemStringRef(kwargs, kwlist[i].as_ptr(), &mut owned);
                if r < 0 {
                    return p.finish(false);
                }
                if !owned.is_null() {
                    nkwargs -= 1;
                }
                owned
            } else {
                NULL
            };
            if !current.is_null() {
                let r = p.item(current);
                if !owned.is_null() {
                    // The dict keeps the value alive for the caller (borrowed, as in CPython).
                    Py_DecRef(owned);
                }
                if let Err(f) = r {
                    seterror(i as isize + 1, &f, fname, custom_msg);
                    return p.finish(false);
                }
                i += 1;
                continue;
            }
            if i < min {
                if i < pos {
                    skip = true;
                } else {
                    raise(
                        PyExc_TypeError,
                        &format!(
                            "{fnm}{paren} missing required argument '{}' (pos {})",
                            kwlist[i].to_string_lossy(),
                            i + 1
                        ),
                    );
                    return p.finish(false);
                }
            }
            if nkwargs == 0 && !skip {
                return p.finish(true);
            }
        }
        if let Err(msg) = p.skip() {
            let rest = String::from_utf8_lossy(&fmt[p.pos.min(fmt.len())..]).into_owned();
            raise(PyExc_SystemError, &format!("{msg}: '{rest}'"));
            return p.finish(false);
        }
        i += 1;
    }
    if skip {
        let m = pos.min(min);
        raise(
            PyExc_TypeError,
            &format!(
                "{fnm}{paren} takes {} {m} positional argument{} ({nargs} given)",
                if m < i { "at least" } else { "exactly" },
                if m == 1 { "" } else { "s" }
            ),
        );
        return p.finish(false);
    }
    let c = p.peek();
    if !is_end(c) && c != b'|' && c != b'$' {
        let rest = String::from_utf8_lossy(&fmt[p.pos..]).into_owned();
        raise(
            PyExc_SystemError,
            &format!(
                "more argument specifiers than keyword list entries (remaining format:'{rest}')"
            ),
        );
        return p.finish(false);
    }
    if nkwargs > 0 {
        #[allow(clippy::needless_range_loop)] // `j` is also the argument position
        for j in pos..(nargs.max(0) as usize).min(len) {
            let mut v: Obj = NULL;
            let r = PyDict_GetItemStringRef(kwargs, kwlist[j].as_ptr(), &mut v);
            if r < 0 {
                return p.finish(false);
            }
            if !v.is_null() {
                Py_DecRef(v);
                raise(
                    PyExc_TypeError,
                    &format!(
                        "argument for {fnm}{paren} given by name ('{}') and position ({})",
                        kwlist[j].to_string_lossy(),
                        j + 1
                    ),
                );
                return p.finish(false);
            }
        }
        let mut jpos: isize = 0;
        let mut key: Obj = NULL;
        while PyDict_Next(kwargs, &mut jpos, &mut key, core::ptr::null_mut()) != 0 {
            if !has_flag(key, Py_TPFLAGS_UNICODE_SUBCLASS) {
                raise(PyExc_TypeError, "keywords must be strings");
                return p.finish(false);
            }
            let matched = kwlist[pos..]
                .iter()
                .any(|k| PyUnicode_EqualToUTF8(key, k.as_ptr()) != 0);
            if !matched {
                // "'%U' is an invalid keyword argument for %.200s%s"
                let mut len = 0isize;
                let k = PyUnicode_AsUTF8AndSize(key, &mut len);
                let kname = if k.is_null() {
                    PyErr_Clear();
                    String::from("?")
                } else {
                    String::from_utf8_lossy(core::slice::from_raw_parts(
                        k as *const u8,
                        len as usize,
                    ))
                    .into_owned()
                };
                raise(
                    PyExc_TypeError,
                    &format!("{fnm_this}{paren_this} got an unexpected keyword argument '{kname}'"),
                );
                return p.finish(false);
            }
        }
        raise(
            PyExc_TypeError,
            &format!("invalid keyword argument for {fnm_this}{paren_this}"),
        );
        return p.finish(false);
    }
    p.finish(true)
}

#[no_mangle]
pub unsafe extern "C" fn carapace_arg_parse_kw(
    args: Obj,
    kwargs: Obj,
    fmt: *const c_char,
    kwlist: *const *const c_char,
    cargs: *const CArg,
    n: isize,
) -> c_int {
    guarded("PyArg_ParseTupleAndKeywords", 0, || {
        if args.is_null()
            || !has_flag(args, Py_TPFLAGS_TUPLE_SUBCLASS)
            || (!kwargs.is_null() && !has_flag(kwargs, Py_TPFLAGS_DICT_SUBCLASS))
            || fmt.is_null()
            || kwlist.is_null()
        {
            carapace_core::errors::bad_internal_call();
            return 0;
        }
        let mut kws: Vec<&CStr> = Vec::new();
        let mut k = kwlist;
        while !(*k).is_null() {
            kws.push(CStr::from_ptr(*k));
            k = k.add(1);
        }
        let mut a = Args::new(cargs, n);
        parse_keywords(args, kwargs, CStr::from_ptr(fmt).to_bytes(), &kws, &mut a)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyArg_ValidateKeywordArguments(kwargs: Obj) -> c_int {
    guarded("PyArg_ValidateKeywordArguments", 0, || {
        if kwargs.is_null() || !has_flag(kwargs, Py_TPFLAGS_DICT_SUBCLASS) {
            carapace_core::errors::bad_internal_call();
            return 0;
        }
        let mut pos: isize = 0;
        let mut key: Obj = NULL;
        while PyDict_Next(kwargs, &mut pos, &mut key, core::ptr::null_mut()) != 0 {
            if !has_flag(key, Py_TPFLAGS_UNICODE_SUBCLASS) {
                raise(PyExc_TypeError, "keywords must be strings");
                return 0;
            }
        }
        1
    })
}

/// `_PyArg_CheckPositional`'s messages.
fn positional_error(name: Option<&str>, nargs: isize, min: isize, max: isize) -> Option<String> {
    let (bound, qual, n) = if nargs < min {
        (true, if min == max { "" } else { "at least " }, min)
    } else if nargs != 0 && nargs > max {
        (true, if min == max { "" } else { "at most " }, max)
    } else {
        (false, "", 0)
    };
    if !bound {
        return None;
    }
    let s = if n == 1 { "" } else { "s" };
    Some(match name {
        Some(name) => format!(
            "{} expected {qual}{n} argument{s}, got {nargs}",
            trunc(name, 200)
        ),
        None => format!("unpacked tuple should have {qual}{n} element{s}, but has {nargs}"),
    })
}

/// `PyArg_UnpackTuple`, first half: validate and return the item count.
#[no_mangle]
pub unsafe extern "C" fn carapace_unpack_tuple_count(
    args: Obj,
    name: *const c_char,
    min: isize,
    max: isize,
) -> isize {
    guarded("PyArg_UnpackTuple", -1, || {
        if args.is_null() || !has_flag(args, Py_TPFLAGS_TUPLE_SUBCLASS) {
            raise(
                PyExc_SystemError,
                "PyArg_UnpackTuple() argument list is not a tuple",
            );
            return -1;
        }
        let nargs = PyTuple_Size(args);
        let name = if name.is_null() {
            None
        } else {
            Some(CStr::from_ptr(name).to_string_lossy().into_owned())
        };
        if let Some(msg) = positional_error(name.as_deref(), nargs, min, max) {
            raise(PyExc_TypeError, &msg);
            return -1;
        }
        nargs
    })
}

/// `PyArg_UnpackTuple`, second half: store borrowed items through `dest`.
#[no_mangle]
pub unsafe extern "C" fn carapace_unpack_tuple_fill(args: Obj, dest: *const *mut Obj, n: isize) {
    guarded("PyArg_UnpackTuple", (), || {
        for i in 0..n {
            let d = *dest.offset(i);
            if !d.is_null() {
                *d = PyTuple_GetItem(args, i);
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::positional_error;

    #[test]
    fn unpack_messages() {
        assert_eq!(
            positional_error(Some("f"), 1, 2, 2).unwrap(),
            "f expected 2 arguments, got 1"
        );
        assert_eq!(
            positional_error(Some("f"), 0, 1, 3).unwrap(),
            "f expected at least 1 argument, got 0"
        );
        assert_eq!(
            positional_error(Some("f"), 4, 1, 3).unwrap(),
            "f expected at most 3 arguments, got 4"
        );
        assert_eq!(
            positional_error(None, 3, 2, 2).unwrap(),
            "unpacked tuple should have 2 elements, but has 3"
        );
        assert!(positional_error(Some("f"), 2, 1, 3).is_none());
        assert!(positional_error(Some("f"), 0, 0, 0).is_none());
    }
}
