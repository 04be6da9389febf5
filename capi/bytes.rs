//! Bytes objects (`PyBytes_*`) and `PyObject_Bytes`.

use core::ffi::{c_char, c_int, CStr};
use core::ptr::null_mut;

use carapace_core::errors;
use carapace_core::object::*;
use carapace_core::objects::{bytes, bytes_ops, typeobject, unicode};
use carapace_core::{raise, raise_null};

unsafe fn tname(o: *mut PyObject) -> &'static str {
    typeobject::type_name(Py_TYPE(o))
}

unsafe fn expect_bytes(o: *mut PyObject) -> PyResult<()> {
    if o.is_null() {
        errors::bad_internal_call();
        return Err(());
    }
    if !bytes::is_bytes(o) {
        return raise!(PyExc_TypeError, "expected bytes, {} found", tname(o));
    }
    Ok(())
}

#[no_mangle]
pub unsafe extern "C" fn PyBytes_FromStringAndSize(
    s: *const c_char,
    size: Py_ssize_t,
) -> *mut PyObject {
    guard!(null_mut(), {
        if size < 0 {
            return raise_null!(
                PyExc_SystemError,
                "Negative size passed to PyBytes_FromStringAndSize"
            );
        }
        if s.is_null() {
            return bytes::new_uninit(size);
        }
        bytes::from_slice(core::slice::from_raw_parts(s as *const u8, size as usize))
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyBytes_FromString(s: *const c_char) -> *mut PyObject {
    guard!(null_mut(), {
        if s.is_null() {
            errors::bad_internal_call();
            return null_mut();
        }
        let b = CStr::from_ptr(s).to_bytes();
        if b.len() > isize::MAX as usize - 64 {
            return raise_null!(PyExc_OverflowError, "byte string is too large");
        }
        bytes::from_slice(b)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyBytes_FromObject(x: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), {
        if x.is_null() {
            errors::bad_internal_call();
            return null_mut();
        }
        if bytes::is_bytes_exact(x) {
            return new_ref(x);
        }
        match bytes_ops::bytes_from_object(x) {
            Ok(v) => bytes::from_slice(&v),
            Err(()) => null_mut(),
        }
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyObject_Bytes(v: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), {
        if v.is_null() {
            return bytes::from_slice(b"<NULL>");
        }
        if bytes::is_bytes_exact(v) {
            return new_ref(v);
        }
        let m = typeobject::lookup_str(Py_TYPE(v), "__bytes__");
        if !m.is_null() {
            let r = carapace_core::protocols::call::call_method(v, "__bytes__", &[])
                .unwrap_or(null_mut());
            if r.is_null() {
                return r;
            }
            if !bytes::is_bytes(r) {
                let t = tname(r);
                Py_DECREF(r);
                return raise_null!(PyExc_TypeError, "__bytes__ returned non-bytes (type {})", t);
            }
            return r;
        }
        PyBytes_FromObject(v)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyBytes_Size(o: *mut PyObject) -> Py_ssize_t {
    guard!(-1, {
        if expect_bytes(o).is_err() {
            return -1;
        }
        Py_SIZE(o)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyBytes_AsString(o: *mut PyObject) -> *mut c_char {
    guard!(null_mut(), {
        if expect_bytes(o).is_err() {
            return null_mut();
        }
        bytes::data(o) as *mut c_char
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyBytes_AsStringAndSize(
    o: *mut PyObject,
    s: *mut *mut c_char,
    len: *mut Py_ssize_t,
) -> c_int {
    guard!(-1, {
        if s.is_null() {
            errors::bad_internal_call();
            return -1;
        }
        if expect_bytes(o).is_err() {
            return -1;
        }
        *s = bytes::data(o) as *mut c_char;
        if len.is_null() {
            if bytes::as_slice_of(o).contains(&0) {
                let _: PyResult<()> = raise!(PyExc_ValueError, "embedded null byte");
                return -1;
            }
        } else {
            *len = Py_SIZE(o);
        }
        0
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyBytes_Concat(pv: *mut *mut PyObject, w: *mut PyObject) {
    guard!((), {
        if pv.is_null() {
            errors::bad_internal_call();
            return;
        }
        let left = *pv;
        if left.is_null() {
            return;
        }
        if w.is_null() {
            xsetref(pv, null_mut());
            return;
        }
        let r = bytes::bytes_concat(left, w);
        xsetref(pv, r);
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyBytes_ConcatAndDel(pv: *mut *mut PyObject, w: *mut PyObject) {
    PyBytes_Concat(pv, w);
    Py_XDECREF(w);
}

#[no_mangle]
pub unsafe extern "C" fn PyBytes_Repr(o: *mut PyObject, smartquotes: c_int) -> *mut PyObject {
    guard!(null_mut(), {
        if expect_bytes(o).is_err() {
            return null_mut();
        }
        let b = bytes::as_slice_of(o);
        if smartquotes != 0 {
            return unicode::from_str(&bytes::repr_of(b, "b", ""));
        }
        let mut s = String::from("b'");
        for &c in b {
            match c {
                b'\\' => s.push_str("\\\\"),
                b'\'' => s.push_str("\\'"),
                b'\t' => s.push_str("\\t"),
                b'\n' => s.push_str("\\n"),
                b'\r' => s.push_str("\\r"),
                0x20..=0x7e => s.push(c as char),
                c => s.push_str(&format!("\\x{c:02x}")),
            }
        }
        s.push('\'');
        unicode::from_str(&s)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyBytes_DecodeEscape(
    s: *const c_char,
    len: Py_ssize_t,
    errors_: *const c_char,
    _unused: Py_ssize_t,
    _unused2: *const c_char,
) -> *mut PyObject {
    guard!(null_mut(), {
        let d: &[u8] = if s.is_null() || len <= 0 {
            &[]
        } else {
            core::slice::from_raw_parts(s as *const u8, len as usize)
        };
        let mode = if errors_.is_null() {
            "strict".to_string()
        } else {
            CStr::from_ptr(errors_).to_string_lossy().into_owned()
        };
        let mut out = Vec::with_capacity(d.len());
        let mut i = 0;
        let mut first_invalid: Option<u8> = None;
        while i < d.len() {
            if d[i] != b'\\' {
                out.push(d[i]);
                i += 1;
                continue;
            }
            i += 1;
            if i >= d.len() {
                return raise_null!(PyExc_ValueError, "Trailing \\ in string");
            }
            let c = d[i];
            i += 1;
            match c {
                b'\n' => {}
                b'\\' => out.push(b'\\'),
                b'\'' => out.push(b'\''),
                b'"' => out.push(b'"'),
                b'b' => out.push(8),
                b'f' => out.push(12),
                b't' => out.push(9),
                b'n' => out.push(10),
                b'r' => out.push(13),
                b'v' => out.push(11),
                b'a' => out.push(7),
                b'0'..=b'7' => {
                    let mut v = (c - b'0') as u32;
                    let mut k = 0;
                    while k < 2 && i < d.len() && (b'0'..=b'7').contains(&d[i]) {
                        v = v * 8 + (d[i] - b'0') as u32;
                        i += 1;
                        k += 1;
                    }
                    if v > 0o377 && first_invalid.is_none() {
                        first_invalid = Some(b'o');
                    }
                    out.push(v as u8);
                }
                b'x' => {
                    let h = |x: Option<&u8>| x.and_then(|&b| (b as char).to_digit(16));
                    match (h(d.get(i)), h(d.get(i + 1))) {
                        (Some(a), Some(b)) => {
                            out.push((a * 16 + b) as u8);
                            i += 2;
                        }
                        _ => match mode.as_str() {
                            "strict" => {
                                return raise_null!(
                                    PyExc_ValueError,
                                    "invalid \\x escape at position {}",
                                    i - 2
                                );
                            }
                            "replace" | "ignore" => {
                                if mode == "replace" {
                                    out.push(b'?');
                                }
                                let mut k = 0;
                                while k < 2 && h(d.get(i)).is_some() {
                                    i += 1;
                                    k += 1;
                                }
                            }
                            other => {
                                return raise_null!(
                                    PyExc_ValueError,
                                    "decoding error; unknown error handling code: {}",
                                    other
                                );
                            }
                        },
                    }
                }
                other => {
                    if first_invalid.is_none() {
                        first_invalid = Some(other);
                    }
                    out.push(b'\\');
                    i -= 1;
                }
            }
        }
        if let Some(c) = first_invalid {
            let msg = if c == b'o' {
                "invalid octal escape sequence".to_string()
            } else {
                format!("b'\\{}' is an invalid escape sequence. Such sequences will not work in the future. ", c as char)
            };
            if carapace_core::objects::warnings::warn(
                carapace_core::objects::exceptions::exc(
                    &raw mut carapace_core::exported::PyExc_DeprecationWarning,
                ),
                msg.trim_end(),
                1,
            ) < 0
            {
                return null_mut();
            }
        }
        bytes::from_slice(&out)
    })
}
