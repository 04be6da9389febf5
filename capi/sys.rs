//! `PySys_*` (the `sys` module from C) and `PyFile_*` (file objects through their
//! `write()`/`readline()` methods).

use core::ffi::{c_char, c_int, CStr};
use core::ptr::null_mut;

use carapace_core::errors;
use carapace_core::exported::*;
use carapace_core::object::{new_ref, PyObject, Py_DECREF, Py_TYPE};
use carapace_core::objects::{dict, list, sysmodule, unicode};

use crate::object::get_optional;

unsafe fn name_str<'a>(name: *const c_char) -> std::borrow::Cow<'a, str> {
    crate::guard::cstr(name)
}

/// A `wchar_t*` string (UCS-4 on Linux) as Rust text; unpaired surrogates and
/// invalid code points become U+FFFD.
unsafe fn wide(p: *const libc::wchar_t) -> String {
    let mut out = String::new();
    if p.is_null() {
        return out;
    }
    let mut i = 0;
    loop {
        let c = *p.add(i);
        if c == 0 {
            break;
        }
        out.push(char::from_u32(c as u32).unwrap_or('\u{FFFD}'));
        i += 1;
    }
    out
}

#[no_mangle]
pub unsafe extern "C" fn PySys_GetObject(name: *const c_char) -> *mut PyObject {
    guard!(null_mut(), {
        if name.is_null() {
            return null_mut();
        }
        let saved = errors::take_raised();
        let r = sysmodule::get_object(&name_str(name));
        errors::set_raised(saved);
        r
    })
}

#[no_mangle]
pub unsafe extern "C" fn PySys_SetObject(name: *const c_char, v: *mut PyObject) -> c_int {
    guard!(-1, {
        if name.is_null() {
            errors::bad_internal_call();
            return -1;
        }
        if sysmodule::set_object(&name_str(name), v).is_ok() {
            0
        } else {
            -1
        }
    })
}

#[no_mangle]
pub unsafe extern "C" fn PySys_GetAttr(name: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), {
        if name.is_null() {
            errors::bad_internal_call();
            return null_mut();
        }
        sysmodule::get_attr(name)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PySys_GetAttrString(name: *const c_char) -> *mut PyObject {
    guard!(null_mut(), {
        if name.is_null() {
            errors::bad_internal_call();
            return null_mut();
        }
        let n = unicode::from_utf8(CStr::from_ptr(name).to_bytes());
        if n.is_null() {
            return null_mut();
        }
        let r = sysmodule::get_attr(n);
        Py_DECREF(n);
        r
    })
}

#[no_mangle]
pub unsafe extern "C" fn PySys_GetOptionalAttr(
    name: *mut PyObject,
    result: *mut *mut PyObject,
) -> c_int {
    guard!(-1, {
        get_optional(result, !name.is_null(), || {
            sysmodule::get_optional_attr(name)
        })
    })
}

#[no_mangle]
pub unsafe extern "C" fn PySys_GetOptionalAttrString(
    name: *const c_char,
    result: *mut *mut PyObject,
) -> c_int {
    guard!(-1, {
        get_optional(result, !name.is_null(), || {
            let n = unicode::from_utf8(CStr::from_ptr(name).to_bytes());
            if n.is_null() {
                return Err(());
            }
            let r = sysmodule::get_optional_attr(n);
            Py_DECREF(n);
            r
        })
    })
}

#[no_mangle]
pub unsafe extern "C" fn PySys_AuditTuple(event: *const c_char, args: *mut PyObject) -> c_int {
    guard!(-1, {
        if !args.is_null() && !carapace_core::objects::tuple::is_tuple(args) {
            errors::type_error(&format!(
                "args must be tuple, got {}",
                carapace_core::objects::typeobject::tp_name(Py_TYPE(args))
            ));
            return -1;
        }
        // No audit hooks can be installed through the Stable ABI, and there is no
        // sys.addaudithook yet: nothing listens.
        let _ = event;
        0
    })
}

#[no_mangle]
pub unsafe extern "C" fn PySys_GetXOptions() -> *mut PyObject {
    guard!(null_mut(), {
        if !carapace_core::lifecycle::is_initialized() {
            return null_mut();
        }
        sysmodule::xoptions().unwrap_or(null_mut())
    })
}

#[no_mangle]
pub unsafe extern "C" fn PySys_AddXOption(s: *const libc::wchar_t) {
    guard!((), {
        let o = wide(s);
        if !carapace_core::lifecycle::is_initialized() {
            sysmodule::PREINIT_XOPTIONS.lock().unwrap().push(o);
            return;
        }
        if sysmodule::add_xoption(&o).is_err() {
            errors::clear();
        }
    })
}

unsafe fn add_warn_option_obj(o: *mut PyObject) {
    let Ok(l) = sysmodule::warnoptions() else {
        errors::clear();
        return;
    };
    if list::append(l, o).is_err() {
        errors::clear();
    }
}

#[no_mangle]
pub unsafe extern "C" fn PySys_AddWarnOption(s: *const libc::wchar_t) {
    guard!((), {
        let o = wide(s);
        if !carapace_core::lifecycle::is_initialized() {
            sysmodule::PREINIT_WARNOPTIONS.lock().unwrap().push(o);
            return;
        }
        let u = unicode::from_str(&o);
        if u.is_null() {
            errors::clear();
            return;
        }
        add_warn_option_obj(u);
        Py_DECREF(u);
    })
}

#[no_mangle]
pub unsafe extern "C" fn PySys_AddWarnOptionUnicode(o: *mut PyObject) {
    guard!((), {
        if o.is_null() {
            return;
        }
        if !carapace_core::lifecycle::is_initialized() {
            if unicode::is_unicode(o) {
                sysmodule::PREINIT_WARNOPTIONS
                    .lock()
                    .unwrap()
                    .push(unicode::to_string_lossy(o));
            }
            return;
        }
        add_warn_option_obj(o);
    })
}

#[no_mangle]
pub unsafe extern "C" fn PySys_ResetWarnOptions() {
    guard!((), {
        if !carapace_core::lifecycle::is_initialized() {
            sysmodule::PREINIT_WARNOPTIONS.lock().unwrap().clear();
            return;
        }
        let w = sysmodule::get_object("warnoptions");
        if !w.is_null() && list::is_list(w) {
            list::clear(w);
        }
    })
}

#[no_mangle]
pub unsafe extern "C" fn PySys_HasWarnOptions() -> c_int {
    guard!(0, {
        let w = sysmodule::get_object("warnoptions");
        (!w.is_null() && list::is_list(w) && carapace_core::object::Py_SIZE(w) > 0) as c_int
    })
}

unsafe fn argv_vec(argc: c_int, argv: *mut *mut libc::wchar_t) -> Vec<String> {
    if argv.is_null() || argc <= 0 {
        return Vec::new();
    }
    (0..argc as usize).map(|i| wide(*argv.add(i))).collect()
}

#[no_mangle]
pub unsafe extern "C" fn PySys_SetArgvEx(
    argc: c_int,
    argv: *mut *mut libc::wchar_t,
    updatepath: c_int,
) {
    guard!((), {
        if argc > 0 && argv.is_null() {
            carapace_core::objects::sysmodule::write_stderr(
                "Fatal Python error: PySys_SetArgvEx: no mem for sys.argv\n",
            );
            libc::abort();
        }
        if sysmodule::set_argv(&argv_vec(argc, argv), updatepath != 0).is_err() {
            errors::clear();
        }
    })
}

#[no_mangle]
pub unsafe extern "C" fn PySys_SetArgv(argc: c_int, argv: *mut *mut libc::wchar_t) {
    PySys_SetArgvEx(argc, argv, 1)
}

#[no_mangle]
pub unsafe extern "C" fn PySys_SetPath(path: *const libc::wchar_t) {
    guard!((), {
        if sysmodule::set_path(&wide(path)).is_err() {
            errors::clear();
        }
    })
}

// ---- PyFile_* ----------------------------------------------------------------------------

/// `PyFile_WriteObject`: `f.write(str(v))` (or `repr(v)` without `Py_PRINT_RAW`).
#[no_mangle]
pub unsafe extern "C" fn PyFile_WriteObject(
    v: *mut PyObject,
    f: *mut PyObject,
    flags: c_int,
) -> c_int {
    guard!(-1, {
        if f.is_null() {
            errors::type_error("writeobject with NULL file");
            return -1;
        }
        let value = if flags & 1 != 0 {
            carapace_core::protocols::object::str(v)
        } else {
            carapace_core::protocols::object::repr(v)
        };
        if value.is_null() {
            return -1;
        }
        let r = carapace_core::protocols::call::call_method(f, "write", &[value]);
        Py_DECREF(value);
        match r {
            Ok(x) => {
                Py_DECREF(x);
                0
            }
            Err(()) => -1,
        }
    })
}

/// `PyFile_WriteString`: `f.write(s)`; with an exception already set it does nothing
/// and fails.
#[no_mangle]
pub unsafe extern "C" fn PyFile_WriteString(s: *const c_char, f: *mut PyObject) -> c_int {
    guard!(-1, {
        if f.is_null() {
            if errors::raised().is_null() {
                errors::set_string(
                    carapace_core::objects::exceptions::exc(&raw mut PyExc_SystemError),
                    "null file for PyFile_WriteString",
                );
            }
            return -1;
        }
        if !errors::raised().is_null() {
            return -1;
        }
        if s.is_null() {
            errors::bad_internal_call();
            return -1;
        }
        let v = unicode::from_utf8(CStr::from_ptr(s).to_bytes());
        if v.is_null() {
            return -1;
        }
        let r = carapace_core::protocols::call::call_method(f, "write", &[v]);
        Py_DECREF(v);
        match r {
            Ok(x) => {
                Py_DECREF(x);
                0
            }
            Err(()) => -1,
        }
    })
}

/// `PyFile_GetLine`: `f.readline()` (n <= 0) or `f.readline(n)`; for n < 0 a
/// trailing newline is stripped and an empty result raises EOFError.
#[no_mangle]
pub unsafe extern "C" fn PyFile_GetLine(f: *mut PyObject, n: c_int) -> *mut PyObject {
    guard!(null_mut(), {
        if f.is_null() {
            errors::bad_internal_call();
            return null_mut();
        }
        let r = if n <= 0 {
            carapace_core::protocols::call::call_method(f, "readline", &[])
        } else {
            let a = carapace_core::objects::long::from_i64(n as i64);
            if a.is_null() {
                return null_mut();
            }
            let r = carapace_core::protocols::call::call_method(f, "readline", &[a]);
            Py_DECREF(a);
            r
        };
        let Ok(result) = r else { return null_mut() };
        let is_bytes = carapace_core::objects::bytes::is_bytes(result);
        if !is_bytes && !unicode::is_unicode(result) {
            Py_DECREF(result);
            errors::type_error("object.readline() returned non-string");
            return null_mut();
        }
        if n < 0 {
            let data: Vec<u8> = if is_bytes {
                carapace_core::objects::bytes::as_slice_of(result).to_vec()
            } else {
                unicode::bytes_of(result).to_vec()
            };
            if data.is_empty() {
                Py_DECREF(result);
                errors::set_string(
                    carapace_core::objects::exceptions::exc(&raw mut PyExc_EOFError),
                    "EOF when reading a line",
                );
                return null_mut();
            }
            if data.last() == Some(&b'\n') {
                let cut = &data[..data.len() - 1];
                let v = if is_bytes {
                    carapace_core::objects::bytes::from_slice(cut)
                } else {
                    unicode::from_wtf8_unchecked(cut)
                };
                Py_DECREF(result);
                return v;
            }
        }
        result
    })
}

/// `PyFile_FromFd`: needs the `io` module (`io.open`), as in CPython.
#[no_mangle]
pub unsafe extern "C" fn PyFile_FromFd(
    fd: c_int,
    name: *const c_char,
    mode: *const c_char,
    buffering: c_int,
    encoding: *const c_char,
    errors_: *const c_char,
    newline: *const c_char,
    closefd: c_int,
) -> *mut PyObject {
    guard!(null_mut(), {
        let _ = name;
        let modules = (*carapace_core::pystate::interp()).modules;
        let io = if modules.is_null() {
            null_mut()
        } else {
            dict::get_str(modules, "io")
        };
        if io.is_null() {
            return carapace_core::raise_null!(PyExc_ModuleNotFoundError, "No module named 'io'");
        }
        let s = |p: *const c_char| {
            if p.is_null() {
                new_ref(none())
            } else {
                unicode::from_utf8(CStr::from_ptr(p).to_bytes())
            }
        };
        let args = [
            carapace_core::objects::long::from_i64(fd as i64),
            s(mode),
            carapace_core::objects::long::from_i64(buffering as i64),
            s(encoding),
            s(errors_),
            s(newline),
            new_ref(py_bool(closefd != 0)),
        ];
        if args.iter().any(|a| a.is_null()) {
            for a in args {
                carapace_core::object::Py_XDECREF(a);
            }
            return null_mut();
        }
        let r = carapace_core::protocols::call::call_method(io, "open", &args);
        for a in args {
            Py_DECREF(a);
        }
        r.unwrap_or(null_mut())
    })
}
