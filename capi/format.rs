//! The formatting behind the C-variadic entry points of `shims/format.c`:
//! `PyUnicode_FromFormat(V)`, `PyBytes_FromFormat(V)`, `PyErr_Format(V)`,
//! `PyErr_WarnFormat`, `PyErr_ResourceWarning`, `PySys_Write*`,
//! `PySys_Format*`. The shims pull the variadic arguments into a `CArg` array
//! (kinds from `carapace_core::fmt_units`); everything else happens here,
//! through the public C API only, with CPython 3.15's behaviour and messages.

use core::ffi::{c_char, c_int, c_long, c_void};
use std::ffi::{CStr, CString};

use carapace_core::fmt_units::{self, BytesPiece, Num, Piece, SizeMod, F_ALT, F_LJUST, F_ZERO};
use carapace_core::object::PyObject;

/// One variadic argument after default promotions (`carapace_arg` in `shims/shim.h`).
#[repr(C)]
#[derive(Clone, Copy)]
pub union CArg {
    pub i: i64,
    pub u: u64,
    pub d: f64,
    pub p: *mut c_void,
    pub f: Option<unsafe extern "C" fn()>,
}

/// Sequential reader over the collected arguments; reading past the end
/// yields zeros (the shim collected fewer than the grammar wanted: only on a
/// grammar mismatch, which the tests guard against).
pub struct Args<'a> {
    a: &'a [CArg],
    i: usize,
}

impl<'a> Args<'a> {
    pub unsafe fn new(a: *const CArg, n: isize) -> Args<'a> {
        let a = if a.is_null() || n <= 0 {
            &[][..]
        } else {
            core::slice::from_raw_parts(a, n as usize)
        };
        Args { a, i: 0 }
    }
    #[inline]
    pub fn next(&mut self) -> CArg {
        let v = self.a.get(self.i).copied().unwrap_or(CArg { u: 0 });
        self.i += 1;
        v
    }
    pub fn int(&mut self) -> i64 {
        unsafe { self.next().i }
    }
    pub fn uint(&mut self) -> u64 {
        unsafe { self.next().u }
    }
    pub fn double(&mut self) -> f64 {
        unsafe { self.next().d }
    }
    pub fn ptr<T>(&mut self) -> *mut T {
        unsafe { self.next().p as *mut T }
    }
    pub fn func(&mut self) -> Option<unsafe extern "C" fn()> {
        unsafe { self.next().f }
    }
}

/// The C API this file (and `modsupport.rs`, `getargs.rs`) calls.
pub mod ffi {
    use super::*;
    #[allow(non_camel_case_types)]
    pub type Py_ssize_t = isize;
    extern "C" {
        pub static mut PyExc_SystemError: *mut PyObject;
        pub static mut PyExc_TypeError: *mut PyObject;
        pub static mut PyExc_ValueError: *mut PyObject;
        pub static mut PyExc_OverflowError: *mut PyObject;
        pub static mut PyExc_ResourceWarning: *mut PyObject;
        pub static mut _Py_NoneStruct: PyObject;
        pub static mut PyByteArray_Type: PyObject;

        pub fn PyErr_SetString(exc: *mut PyObject, msg: *const c_char);
        pub fn PyErr_SetObject(exc: *mut PyObject, value: *mut PyObject);
        pub fn PyErr_Occurred() -> *mut PyObject;
        pub fn PyErr_Clear();
        pub fn PyErr_NoMemory() -> *mut PyObject;
        pub fn PyErr_GetRaisedException() -> *mut PyObject;
        pub fn PyErr_SetRaisedException(exc: *mut PyObject);
        pub fn PyErr_WarnEx(
            category: *mut PyObject,
            msg: *const c_char,
            stack_level: Py_ssize_t,
        ) -> c_int;

        pub fn Py_IncRef(o: *mut PyObject);
        pub fn Py_DecRef(o: *mut PyObject);

        pub fn PyType_GetFlags(t: *mut PyObject) -> std::ffi::c_ulong;
        pub fn PyType_IsSubtype(a: *mut PyObject, b: *mut PyObject) -> c_int;
        pub fn PyType_GetFullyQualifiedName(t: *mut PyObject) -> *mut PyObject;
        pub fn PyType_GetModuleName(t: *mut PyObject) -> *mut PyObject;
        pub fn PyType_GetQualName(t: *mut PyObject) -> *mut PyObject;

        pub fn PyObject_Str(o: *mut PyObject) -> *mut PyObject;
        pub fn PyObject_Repr(o: *mut PyObject) -> *mut PyObject;
        pub fn PyObject_ASCII(o: *mut PyObject) -> *mut PyObject;
        pub fn PyObject_GetAttrString(o: *mut PyObject, name: *const c_char) -> *mut PyObject;
        pub fn PyObject_Call(
            c: *mut PyObject,
            args: *mut PyObject,
            kw: *mut PyObject,
        ) -> *mut PyObject;
        pub fn PyObject_VectorcallMethod(
            name: *mut PyObject,
            args: *const *mut PyObject,
            nargsf: usize,
            kwnames: *mut PyObject,
        ) -> *mut PyObject;
        pub fn PyCallable_Check(o: *mut PyObject) -> c_int;
        pub fn PyObject_IsTrue(o: *mut PyObject) -> c_int;

        pub fn PyUnicode_FromString(s: *const c_char) -> *mut PyObject;
        pub fn PyUnicode_FromStringAndSize(s: *const c_char, n: Py_ssize_t) -> *mut PyObject;
        pub fn PyUnicode_DecodeUTF8Stateful(
            s: *const c_char,
            n: Py_ssize_t,
            errors: *const c_char,
            consumed: *mut Py_ssize_t,
        ) -> *mut PyObject;
        pub fn PyUnicode_FromWideChar(w: *const libc::wchar_t, n: Py_ssize_t) -> *mut PyObject;
        pub fn PyUnicode_FromOrdinal(c: c_int) -> *mut PyObject;
        pub fn PyUnicode_GetLength(o: *mut PyObject) -> Py_ssize_t;
        pub fn PyUnicode_Substring(
            o: *mut PyObject,
            start: Py_ssize_t,
            end: Py_ssize_t,
        ) -> *mut PyObject;
        pub fn PyUnicode_Join(sep: *mut PyObject, seq: *mut PyObject) -> *mut PyObject;
        pub fn PyUnicode_AsUTF8AndSize(o: *mut PyObject, n: *mut Py_ssize_t) -> *const c_char;
        pub fn PyUnicode_ReadChar(o: *mut PyObject, i: Py_ssize_t) -> u32;
        pub fn PyUnicode_EqualToUTF8(o: *mut PyObject, s: *const c_char) -> c_int;
        pub fn PyUnicode_AsEncodedString(
            o: *mut PyObject,
            enc: *const c_char,
            errors: *const c_char,
        ) -> *mut PyObject;
        pub fn PyUnicode_GetDefaultEncoding() -> *const c_char;

        pub fn PyBytes_FromStringAndSize(s: *const c_char, n: Py_ssize_t) -> *mut PyObject;
        pub fn PyBytes_AsString(o: *mut PyObject) -> *mut c_char;
        pub fn PyBytes_Size(o: *mut PyObject) -> Py_ssize_t;
        pub fn PyByteArray_AsString(o: *mut PyObject) -> *mut c_char;
        pub fn PyByteArray_Size(o: *mut PyObject) -> Py_ssize_t;

        pub fn PyTuple_New(n: Py_ssize_t) -> *mut PyObject;
        pub fn PyTuple_SetItem(t: *mut PyObject, i: Py_ssize_t, o: *mut PyObject) -> c_int;
        pub fn PyTuple_GetItem(t: *mut PyObject, i: Py_ssize_t) -> *mut PyObject;
        pub fn PyTuple_Size(t: *mut PyObject) -> Py_ssize_t;
        pub fn PyList_New(n: Py_ssize_t) -> *mut PyObject;
        pub fn PyList_SetItem(l: *mut PyObject, i: Py_ssize_t, o: *mut PyObject) -> c_int;
        pub fn PyDict_New() -> *mut PyObject;
        pub fn PyDict_SetItem(d: *mut PyObject, k: *mut PyObject, v: *mut PyObject) -> c_int;
        pub fn PyDict_Size(d: *mut PyObject) -> Py_ssize_t;
        pub fn PyDict_Next(
            d: *mut PyObject,
            pos: *mut Py_ssize_t,
            k: *mut *mut PyObject,
            v: *mut *mut PyObject,
        ) -> c_int;
        pub fn PyDict_GetItemStringRef(
            d: *mut PyObject,
            k: *const c_char,
            out: *mut *mut PyObject,
        ) -> c_int;
        pub fn PySequence_Check(o: *mut PyObject) -> c_int;
        pub fn PySequence_Size(o: *mut PyObject) -> Py_ssize_t;
        pub fn PySequence_GetItem(o: *mut PyObject, i: Py_ssize_t) -> *mut PyObject;

        pub fn PyLong_FromLong(v: c_long) -> *mut PyObject;
        pub fn PyLong_FromUnsignedLong(v: std::ffi::c_ulong) -> *mut PyObject;
        pub fn PyLong_FromLongLong(v: i64) -> *mut PyObject;
        pub fn PyLong_FromUnsignedLongLong(v: u64) -> *mut PyObject;
        pub fn PyLong_FromSsize_t(v: Py_ssize_t) -> *mut PyObject;
        pub fn PyLong_AsLong(o: *mut PyObject) -> c_long;
        pub fn PyLong_AsLongLong(o: *mut PyObject) -> i64;
        pub fn PyLong_AsSsize_t(o: *mut PyObject) -> Py_ssize_t;
        pub fn PyLong_AsUnsignedLongMask(o: *mut PyObject) -> std::ffi::c_ulong;
        pub fn PyLong_AsUnsignedLongLongMask(o: *mut PyObject) -> u64;
        pub fn PyNumber_Index(o: *mut PyObject) -> *mut PyObject;
        pub fn PyBool_FromLong(v: c_long) -> *mut PyObject;
        pub fn PyFloat_FromDouble(v: f64) -> *mut PyObject;
        pub fn PyFloat_AsDouble(o: *mut PyObject) -> f64;
        pub fn PyComplex_FromDoubles(re: f64, im: f64) -> *mut PyObject;
        pub fn PyComplex_RealAsDouble(o: *mut PyObject) -> f64;
        pub fn PyComplex_ImagAsDouble(o: *mut PyObject) -> f64;

        pub fn PyObject_GetBuffer(o: *mut PyObject, view: *mut c_void, flags: c_int) -> c_int;
        pub fn PyBuffer_Release(view: *mut c_void);
        pub fn PyBuffer_IsContiguous(view: *const c_void, order: c_char) -> c_int;
        pub fn PyBuffer_FillInfo(
            view: *mut c_void,
            o: *mut PyObject,
            buf: *mut c_void,
            len: Py_ssize_t,
            readonly: c_int,
            flags: c_int,
        ) -> c_int;

        pub fn PyMem_Malloc(n: usize) -> *mut c_void;
        pub fn PyMem_Free(p: *mut c_void);

        pub fn PySys_GetObject(name: *const c_char) -> *mut PyObject;
        pub fn PySys_AuditTuple(event: *const c_char, args: *mut PyObject) -> c_int;
    }
}
use ffi::*;

pub const Py_TPFLAGS_HEAPTYPE: u64 = 1 << 9;
pub const Py_TPFLAGS_LONG_SUBCLASS: u64 = 1 << 24;
pub const Py_TPFLAGS_TUPLE_SUBCLASS: u64 = 1 << 26;
pub const Py_TPFLAGS_BYTES_SUBCLASS: u64 = 1 << 27;
pub const Py_TPFLAGS_UNICODE_SUBCLASS: u64 = 1 << 28;
pub const Py_TPFLAGS_DICT_SUBCLASS: u64 = 1 << 29;
pub const Py_TPFLAGS_TYPE_SUBCLASS: u64 = 1 << 31;

// ------------------------------------------------------------------ helpers

/// `Py_TYPE(o)`: the type pointer at +8 (the ABI's object header).
#[inline]
pub unsafe fn type_of(o: *mut PyObject) -> *mut PyObject {
    (*o).ob_type as *mut PyObject
}

#[inline]
pub unsafe fn has_flag(o: *mut PyObject, flag: u64) -> bool {
    !o.is_null() && (PyType_GetFlags(type_of(o)) as u64) & flag != 0
}

pub unsafe fn none() -> *mut PyObject {
    &raw mut _Py_NoneStruct
}

pub unsafe fn new_none() -> *mut PyObject {
    let n = none();
    Py_IncRef(n);
    n
}

/// `tp_name` of `o`'s type (at +24 of the type object), or "None" for None,
/// as getargs' messages spell it.
pub unsafe fn tp_name_of(o: *mut PyObject) -> String {
    if o == none() {
        return "None".into();
    }
    tp_name(type_of(o))
}

pub unsafe fn tp_name(t: *mut PyObject) -> String {
    let p = *((t as *mut u8).add(24) as *const *const c_char);
    if p.is_null() {
        return "?".into();
    }
    String::from_utf8_lossy(CStr::from_ptr(p).to_bytes()).into_owned()
}

/// C string for a message (interior NULs end it, as they would in C).
pub fn c_text(s: &str) -> CString {
    let b = s.as_bytes();
    let end = b.iter().position(|&c| c == 0).unwrap_or(b.len());
    CString::new(&b[..end]).unwrap_or_default()
}

pub unsafe fn raise(exc: *mut PyObject, msg: &str) {
    let m = c_text(msg);
    PyErr_SetString(exc, m.as_ptr());
}

/// `%.Ns` of a C string: at most `n` bytes, never splitting a UTF-8 sequence.
pub fn trunc(s: &str, n: usize) -> &str {
    if s.len() <= n {
        return s;
    }
    let mut end = n;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Run `body` catching panics: a panic becomes `SystemError` and `err`.
pub fn guarded<R>(what: &str, err: R, body: impl FnOnce() -> R) -> R {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(body)) {
        Ok(r) => r,
        Err(_) => {
            unsafe { raise(PyExc_SystemError, &format!("internal error in {what}")) };
            err
        }
    }
}

unsafe fn fmt_bytes<'a>(fmt: *const c_char) -> &'a [u8] {
    if fmt.is_null() {
        &[]
    } else {
        CStr::from_ptr(fmt).to_bytes()
    }
}

// ----------------------------------------------------------- kinds (for C)

/// The argument kinds `fmt` consumes under `grammar`, written to `out` (at
/// most `cap`); returns how many there are (may exceed `cap`: call again).
#[no_mangle]
pub unsafe extern "C" fn carapace_kinds(
    grammar: c_int,
    fmt: *const c_char,
    out: *mut u8,
    cap: isize,
) -> isize {
    guarded("carapace_kinds", -1, || {
        let kinds = fmt_units::kinds(grammar, fmt_bytes(fmt));
        if !out.is_null() {
            for (i, k) in kinds.iter().take(cap.max(0) as usize).enumerate() {
                *out.add(i) = *k as u8;
            }
        }
        kinds.len() as isize
    })
}

// ---------------------------------------------------- PyUnicode_FromFormat

/// Accumulates the result: ASCII/UTF-8 text in a Rust buffer, str objects
/// (which may hold any code point, lone surrogates included) as parts.
struct Out {
    parts: Vec<*mut PyObject>,
    buf: String,
}

impl Out {
    fn new() -> Out {
        Out {
            parts: Vec::new(),
            buf: String::new(),
        }
    }
    unsafe fn flush(&mut self) -> bool {
        if self.buf.is_empty() {
            return true;
        }
        let s = PyUnicode_FromStringAndSize(
            self.buf.as_ptr() as *const c_char,
            self.buf.len() as isize,
        );
        if s.is_null() {
            return false;
        }
        self.buf.clear();
        self.parts.push(s);
        true
    }
    /// Append a new reference (stolen). False (error set) when `o` is NULL.
    unsafe fn push_obj(&mut self, o: *mut PyObject) -> bool {
        if o.is_null() || !self.flush() {
            if !o.is_null() {
                Py_DecRef(o);
            }
            return false;
        }
        self.parts.push(o);
        true
    }
    fn spaces(&mut self, n: isize) {
        for _ in 0..n.max(0) {
            self.buf.push(' ');
        }
    }
    /// `unicode_fromformat_write_str`: `s` (borrowed) with width/precision.
    unsafe fn write_str(&mut self, s: *mut PyObject, width: isize, prec: isize, flags: u8) -> bool {
        let mut length = PyUnicode_GetLength(s);
        if length < 0 {
            return false;
        }
        if (prec < 0 || prec >= length) && width <= length {
            Py_IncRef(s);
            return self.push_obj(s);
        }
        let piece = if prec >= 0 && prec < length {
            length = prec;
            PyUnicode_Substring(s, 0, prec)
        } else {
            Py_IncRef(s);
            s
        };
        if piece.is_null() {
            return false;
        }
        let fill = (width - length).max(0);
        if fill > 0 && flags & F_LJUST == 0 {
            self.spaces(fill);
        }
        if !self.push_obj(piece) {
            return false;
        }
        if fill > 0 && flags & F_LJUST != 0 {
            self.spaces(fill);
        }
        true
    }
    /// `unicode_fromformat_write_utf8`.
    unsafe fn write_utf8(
        &mut self,
        s: *const c_char,
        width: isize,
        prec: isize,
        flags: u8,
    ) -> bool {
        let s = if s.is_null() { c"(null)".as_ptr() } else { s };
        let mut length: isize;
        let mut consumed: isize = 0;
        let mut pconsumed: *mut isize = core::ptr::null_mut();
        if prec < 0 {
            length = libc::strlen(s) as isize;
        } else {
            length = 0;
            while length < prec && *s.offset(length) != 0 {
                length += 1;
            }
            if length == prec {
                pconsumed = &mut consumed;
            }
        }
        let u = PyUnicode_DecodeUTF8Stateful(s, length, c"replace".as_ptr(), pconsumed);
        if u.is_null() {
            return false;
        }
        let ok = self.write_str(u, width, -1, flags);
        Py_DecRef(u);
        ok
    }
    unsafe fn write_wcstr(
        &mut self,
        s: *const libc::wchar_t,
        width: isize,
        prec: isize,
        flags: u8,
    ) -> bool {
        if s.is_null() {
            return self.write_utf8(core::ptr::null(), width, prec, flags);
        }
        let mut length = 0isize;
        while (prec < 0 || length < prec) && *s.offset(length) != 0 {
            length += 1;
        }
        let u = PyUnicode_FromWideChar(s, length);
        if u.is_null() {
            return false;
        }
        let ok = self.write_str(u, width, -1, flags);
        Py_DecRef(u);
        ok
    }
    unsafe fn finish(mut self) -> *mut PyObject {
        if self.parts.is_empty() {
            let b = std::mem::take(&mut self.buf);
            return PyUnicode_FromStringAndSize(b.as_ptr() as *const c_char, b.len() as isize);
        }
        if !self.flush() {
            return core::ptr::null_mut();
        }
        if self.parts.len() == 1 {
            return self.parts.pop().unwrap();
        }
        let parts = std::mem::take(&mut self.parts);
        let t = PyTuple_New(parts.len() as isize);
        if t.is_null() {
            for p in parts {
                Py_DecRef(p);
            }
            return t;
        }
        for (i, p) in parts.into_iter().enumerate() {
            PyTuple_SetItem(t, i as isize, p);
        }
        let sep = PyUnicode_FromStringAndSize(c"".as_ptr(), 0);
        if sep.is_null() {
            Py_DecRef(t);
            return sep;
        }
        let r = PyUnicode_Join(sep, t);
        Py_DecRef(sep);
        Py_DecRef(t);
        r
    }
}

impl Drop for Out {
    fn drop(&mut self) {
        for p in self.parts.drain(..) {
            unsafe { Py_DecRef(p) };
        }
    }
}

/// Digits of an integer conversion, as C's printf writes them (sign first).
fn int_digits(conv: u8, size: SizeMod, v: CArg) -> String {
    unsafe {
        let signed = matches!(conv, b'd' | b'i');
        if signed {
            let x: i64 = match size {
                SizeMod::None => v.i as i32 as i64,
                _ => v.i,
            };
            return x.to_string();
        }
        let x: u64 = match size {
            SizeMod::None => v.u as u32 as u64,
            SizeMod::PtrDiff => v.i as u64,
            _ => v.u,
        };
        match conv {
            b'o' => format!("{x:o}"),
            b'x' => format!("{x:x}"),
            b'X' => format!("{x:X}"),
            _ => x.to_string(),
        }
    }
}

/// `%p` as CPython writes it: glibc's `%p`, forced to start with "0x".
pub fn pointer_text(p: *mut c_void) -> String {
    if p.is_null() {
        // glibc prints "(nil)"; CPython then prepends "0x".
        "0x(nil)".into()
    } else {
        format!("{:#x}", p as usize)
    }
}

unsafe fn type_name(t: *mut PyObject, alt: bool) -> *mut PyObject {
    if alt && (PyType_GetFlags(t) as u64) & Py_TPFLAGS_HEAPTYPE != 0 {
        let qual = PyType_GetQualName(t);
        if qual.is_null() {
            return qual;
        }
        let module = PyType_GetModuleName(t);
        if module.is_null() {
            PyErr_Clear();
            return qual;
        }
        let plain = !has_flag(module, Py_TPFLAGS_UNICODE_SUBCLASS)
            || PyUnicode_EqualToUTF8(module, c"builtins".as_ptr()) != 0
            || PyUnicode_EqualToUTF8(module, c"__main__".as_ptr()) != 0;
        if plain {
            Py_DecRef(module);
            return qual;
        }
        let mut out = Out::new();
        let ok = out.push_obj(module) && {
            out.buf.push(':');
            out.push_obj(qual)
        };
        if !ok {
            return core::ptr::null_mut();
        }
        return out.finish();
    }
    PyType_GetFullyQualifiedName(t)
}

/// The whole of `PyUnicode_FromFormatV` after argument collection.
pub unsafe fn unicode_from_format(fmt: &[u8], args: &mut Args) -> *mut PyObject {
    let mut out = Out::new();
    for piece in fmt_units::unicode_pieces(fmt) {
        match piece {
            Piece::NonAscii(b) => {
                raise(
                    PyExc_ValueError,
                    &format!(
                        "PyUnicode_FromFormatV() expects an ASCII-encoded format string, got a non-ASCII byte: 0x{b:02x}"
                    ),
                );
                return core::ptr::null_mut();
            }
            Piece::Lit(a, b) => out.buf.push_str(std::str::from_utf8_unchecked(&fmt[a..b])),
            Piece::Percent => out.buf.push('%'),
            Piece::TooBig(msg) => {
                raise(PyExc_ValueError, msg);
                return core::ptr::null_mut();
            }
            Piece::Invalid { start, stars } => {
                for _ in 0..stars {
                    args.next();
                }
                let rest = String::from_utf8_lossy(&fmt[start..]);
                raise(PyExc_SystemError, &format!("invalid format string: {rest}"));
                return core::ptr::null_mut();
            }
            Piece::Conv {
                mut flags,
                width,
                prec,
                size,
                conv,
            } => {
                let mut width: isize = match width {
                    Num::None => -1,
                    Num::Lit(w) => w,
                    Num::Star => {
                        let w = args.int() as i32 as isize;
                        if w < 0 {
                            flags |= F_LJUST;
                            -w
                        } else {
                            w
                        }
                    }
                };
                let mut prec: isize = match prec {
                    Num::None => -1,
                    Num::Lit(p) => p,
                    Num::Star => {
                        let p = args.int() as i32 as isize;
                        if p < 0 {
                            -2
                        } else {
                            p
                        }
                    }
                };
                if matches!(conv, b'c' | b'p') && prec >= 0 {
                    // "%.*c" with a non-negative precision
                    let rest = String::from_utf8_lossy(fmt);
                    raise(PyExc_SystemError, &format!("invalid format string: {rest}"));
                    return core::ptr::null_mut();
                }
                let sprec = if prec < 0 { -1 } else { prec };
                let ok = match conv {
                    b'c' => {
                        let ord = args.int() as i32;
                        if !(0..=0x10ffff).contains(&ord) {
                            raise(
                                PyExc_OverflowError,
                                "character argument not in range(0x110000)",
                            );
                            return core::ptr::null_mut();
                        }
                        match char::from_u32(ord as u32) {
                            Some(c) => {
                                out.buf.push(c);
                                true
                            }
                            None => out.push_obj(PyUnicode_FromOrdinal(ord)),
                        }
                    }
                    b'd' | b'i' | b'o' | b'u' | b'x' | b'X' => {
                        let digits = int_digits(conv, size, args.next());
                        let sign = digits.starts_with('-') as isize;
                        let len = digits.len() as isize - sign;
                        prec = prec.max(len);
                        width = width.max(prec + sign);
                        if flags & F_ZERO != 0 && flags & F_LJUST == 0 {
                            prec = width - sign;
                        }
                        let spacepad = (width - prec - sign).max(0);
                        let zeropad = (prec - len).max(0);
                        if flags & F_LJUST == 0 {
                            out.spaces(spacepad);
                        }
                        if sign == 1 {
                            out.buf.push('-');
                        }
                        for _ in 0..zeropad {
                            out.buf.push('0');
                        }
                        out.buf.push_str(&digits[sign as usize..]);
                        if flags & F_LJUST != 0 {
                            out.spaces(spacepad);
                        }
                        true
                    }
                    b'p' => {
                        out.buf.push_str(&pointer_text(args.ptr()));
                        true
                    }
                    b's' => {
                        if size != SizeMod::None {
                            out.write_wcstr(args.ptr(), width, sprec, flags)
                        } else {
                            out.write_utf8(args.ptr(), width, sprec, flags)
                        }
                    }
                    b'U' => {
                        let o: *mut PyObject = args.ptr();
                        if o.is_null() {
                            out.write_utf8(c"<NULL>".as_ptr(), width, sprec, flags)
                        } else {
                            out.write_str(o, width, sprec, flags)
                        }
                    }
                    b'V' => {
                        let o: *mut PyObject = args.ptr();
                        let s: *mut c_void = args.ptr();
                        if !o.is_null() {
                            out.write_str(o, width, sprec, flags)
                        } else if size != SizeMod::None {
                            out.write_wcstr(s as *const libc::wchar_t, width, sprec, flags)
                        } else {
                            out.write_utf8(s as *const c_char, width, sprec, flags)
                        }
                    }
                    b'S' | b'R' | b'A' => {
                        let o: *mut PyObject = args.ptr();
                        if o.is_null() {
                            out.write_utf8(c"<NULL>".as_ptr(), width, sprec, flags)
                        } else {
                            let s = match conv {
                                b'S' => PyObject_Str(o),
                                b'R' => PyObject_Repr(o),
                                _ => PyObject_ASCII(o),
                            };
                            if s.is_null() {
                                return core::ptr::null_mut();
                            }
                            let ok = out.write_str(s, width, sprec, flags);
                            Py_DecRef(s);
                            ok
                        }
                    }
                    b'T' | b'N' => {
                        let o: *mut PyObject = args.ptr();
                        if o.is_null() {
                            raise(
                                PyExc_SystemError,
                                "NULL object passed to PyUnicode_FromFormat",
                            );
                            return core::ptr::null_mut();
                        }
                        let t = if conv == b'T' {
                            type_of(o)
                        } else {
                            if !has_flag(o, Py_TPFLAGS_TYPE_SUBCLASS) {
                                raise(PyExc_TypeError, "%N argument must be a type");
                                return core::ptr::null_mut();
                            }
                            o
                        };
                        let name = type_name(t, flags & F_ALT != 0);
                        if name.is_null() {
                            return core::ptr::null_mut();
                        }
                        let ok = out.write_str(name, width, sprec, flags);
                        Py_DecRef(name);
                        ok
                    }
                    _ => unreachable!("validated by fmt_units"),
                };
                if !ok {
                    return core::ptr::null_mut();
                }
            }
        }
    }
    out.finish()
}

#[no_mangle]
pub unsafe extern "C" fn carapace_unicode_from_format(
    fmt: *const c_char,
    args: *const CArg,
    n: isize,
) -> *mut PyObject {
    guarded("PyUnicode_FromFormatV", core::ptr::null_mut(), || {
        if fmt.is_null() {
            carapace_core::errors::bad_internal_call();
            return core::ptr::null_mut();
        }
        let mut a = Args::new(args, n);
        unicode_from_format(fmt_bytes(fmt), &mut a)
    })
}

// ------------------------------------------------------ PyBytes_FromFormat

pub unsafe fn bytes_from_format(fmt: &[u8], args: &mut Args) -> *mut PyObject {
    let mut out: Vec<u8> = Vec::with_capacity(fmt.len());
    for piece in fmt_units::bytes_pieces(fmt) {
        match piece {
            BytesPiece::Lit(a, b) => out.extend_from_slice(&fmt[a..b]),
            BytesPiece::Percent => out.push(b'%'),
            BytesPiece::Rest(p) => {
                out.extend_from_slice(&fmt[p..]);
                break;
            }
            BytesPiece::Conv {
                conv,
                long,
                size,
                prec,
            } => match conv {
                b'c' => {
                    let c = args.int() as i32;
                    if !(0..=255).contains(&c) {
                        raise(
                            PyExc_OverflowError,
                            "PyBytes_FromFormatV(): %c format expects an integer in range [0; 255]",
                        );
                        return core::ptr::null_mut();
                    }
                    out.push(c as u8);
                }
                b'd' => {
                    let v = args.int();
                    let v = if long || size { v } else { v as i32 as i64 };
                    out.extend_from_slice(v.to_string().as_bytes());
                }
                b'u' => {
                    let v = args.uint();
                    let v = if long || size { v } else { v as u32 as u64 };
                    out.extend_from_slice(v.to_string().as_bytes());
                }
                b'i' => out.extend_from_slice((args.int() as i32).to_string().as_bytes()),
                b'x' => out.extend_from_slice(format!("{:x}", args.int() as i32 as u32).as_bytes()),
                b's' => {
                    let p: *const c_char = args.ptr();
                    let p = if p.is_null() { c"(null)".as_ptr() } else { p };
                    let mut n = 0usize;
                    while (prec == 0 || n < prec) && *p.add(n) != 0 {
                        n += 1;
                    }
                    out.extend_from_slice(core::slice::from_raw_parts(p as *const u8, n));
                }
                b'p' => out.extend_from_slice(pointer_text(args.ptr()).as_bytes()),
                _ => unreachable!(),
            },
        }
    }
    PyBytes_FromStringAndSize(out.as_ptr() as *const c_char, out.len() as isize)
}

#[no_mangle]
pub unsafe extern "C" fn carapace_bytes_from_format(
    fmt: *const c_char,
    args: *const CArg,
    n: isize,
) -> *mut PyObject {
    guarded("PyBytes_FromFormatV", core::ptr::null_mut(), || {
        if fmt.is_null() {
            carapace_core::errors::bad_internal_call();
            return core::ptr::null_mut();
        }
        let mut a = Args::new(args, n);
        bytes_from_format(fmt_bytes(fmt), &mut a)
    })
}

// ------------------------------------------------------------ PyErr_Format

#[no_mangle]
pub unsafe extern "C" fn carapace_err_format(
    exc: *mut PyObject,
    fmt: *const c_char,
    args: *const CArg,
    n: isize,
) -> *mut PyObject {
    guarded("PyErr_FormatV", core::ptr::null_mut(), || {
        // As CPython: formatting may run Python code (%R, %S), so it must not
        // start with an exception set.
        PyErr_Clear();
        let msg = carapace_unicode_from_format(fmt, args, n);
        if !msg.is_null() {
            PyErr_SetObject(exc, msg);
            Py_DecRef(msg);
        }
        core::ptr::null_mut()
    })
}

// ---------------------------------------------------------------- warnings

unsafe fn warn_message(
    category: *mut PyObject,
    msg: *mut PyObject,
    stack_level: isize,
    source: *mut PyObject,
) -> c_int {
    // CPython passes `source` on only for tracemalloc's allocation traceback in the
    // displayed warning; the filters and the message do not depend on it.
    let _ = source;
    let mut len = 0isize;
    let s = PyUnicode_AsUTF8AndSize(msg, &mut len);
    if s.is_null() {
        return -1;
    }
    PyErr_WarnEx(category, s, stack_level)
}

#[no_mangle]
pub unsafe extern "C" fn carapace_warn_format(
    category: *mut PyObject,
    stack_level: isize,
    fmt: *const c_char,
    args: *const CArg,
    n: isize,
) -> c_int {
    guarded("PyErr_WarnFormat", -1, || {
        let msg = carapace_unicode_from_format(fmt, args, n);
        if msg.is_null() {
            return -1;
        }
        let r = warn_message(category, msg, stack_level, core::ptr::null_mut());
        Py_DecRef(msg);
        r
    })
}

#[no_mangle]
pub unsafe extern "C" fn carapace_resource_warning(
    source: *mut PyObject,
    stack_level: isize,
    fmt: *const c_char,
    args: *const CArg,
    n: isize,
) -> c_int {
    guarded("PyErr_ResourceWarning", -1, || {
        let msg = carapace_unicode_from_format(fmt, args, n);
        if msg.is_null() {
            return -1;
        }
        let r = warn_message(PyExc_ResourceWarning, msg, stack_level, source);
        Py_DecRef(msg);
        r
    })
}

// ----------------------------------------------------- PySys_Write/Format*

extern "C" {
    static mut stdout: *mut libc::FILE;
    static mut stderr: *mut libc::FILE;
}

unsafe fn stream(which: c_int) -> (*const c_char, *mut libc::FILE) {
    if which == 1 {
        (c"stdout".as_ptr(), stdout)
    } else {
        (c"stderr".as_ptr(), stderr)
    }
}

/// `file.write(text)`; -1 with an exception set (or none when `file` is NULL).
unsafe fn pyfile_write(text: *mut PyObject, file: *mut PyObject) -> c_int {
    if file.is_null() || text.is_null() {
        return -1;
    }
    let name = PyUnicode_FromString(c"write".as_ptr());
    if name.is_null() {
        return -1;
    }
    let argv = [file, text];
    let r = PyObject_VectorcallMethod(name, argv.as_ptr(), 2, core::ptr::null_mut());
    Py_DecRef(name);
    if r.is_null() {
        return -1;
    }
    Py_DecRef(r);
    0
}

unsafe fn write_c_text(text: *const c_char, file: *mut PyObject, fp: *mut libc::FILE) {
    let u = PyUnicode_FromString(text);
    let failed = pyfile_write(u, file) != 0;
    if !u.is_null() {
        Py_DecRef(u);
    }
    if failed {
        PyErr_Clear();
        libc::fputs(text, fp);
    }
}

#[no_mangle]
pub unsafe extern "C" fn carapace_sys_write(which: c_int, text: *const c_char, truncated: c_int) {
    guarded("PySys_WriteStdout", (), || {
        let (name, fp) = stream(which);
        let exc = PyErr_GetRaisedException();
        let file = PySys_GetObject(name);
        write_c_text(text, file, fp);
        if truncated != 0 {
            write_c_text(c"... truncated".as_ptr(), file, fp);
        }
        PyErr_SetRaisedException(exc);
    })
}

#[no_mangle]
pub unsafe extern "C" fn carapace_sys_format(
    which: c_int,
    fmt: *const c_char,
    args: *const CArg,
    n: isize,
) {
    guarded("PySys_FormatStdout", (), || {
        let (name, fp) = stream(which);
        let exc = PyErr_GetRaisedException();
        if !fmt.is_null() {
            let msg = carapace_unicode_from_format(fmt, args, n);
            if !msg.is_null() {
                let file = PySys_GetObject(name);
                if pyfile_write(msg, file) != 0 {
                    PyErr_Clear();
                    let mut len = 0isize;
                    let s = PyUnicode_AsUTF8AndSize(msg, &mut len);
                    if !s.is_null() {
                        libc::fputs(s, fp);
                    }
                }
                Py_DecRef(msg);
            }
        }
        PyErr_SetRaisedException(exc);
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_like_printf() {
        assert_eq!(int_digits(b'd', SizeMod::None, CArg { i: -5 }), "-5");
        assert_eq!(
            int_digits(b'u', SizeMod::None, CArg { u: 0xffff_ffff }),
            "4294967295"
        );
        assert_eq!(int_digits(b'x', SizeMod::LongLong, CArg { u: 255 }), "ff");
        assert_eq!(int_digits(b'X', SizeMod::None, CArg { u: 255 }), "FF");
        assert_eq!(int_digits(b'o', SizeMod::None, CArg { u: 8 }), "10");
        assert_eq!(
            int_digits(b'u', SizeMod::PtrDiff, CArg { i: -1 }),
            "18446744073709551615"
        );
        assert_eq!(pointer_text(0x1234 as *mut c_void), "0x1234");
        assert_eq!(trunc("héllo", 2), "h");
    }
}
