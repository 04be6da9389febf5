//! The `sys` module as the C API needs it before the language runtime exists:
//! `sys.path`, `sys.modules`, and writing to the standard streams.

use core::ptr::null_mut;
use std::io::Write;

use crate::object::*;
use crate::objects::{dict, list, module, unicode};
use crate::pystate::interp;

/// Create `sys` with its core attributes and register it in `sys.modules`.
pub unsafe fn init() -> PyResult<()> {
    let modules = dict::new();
    nonnull(modules)?;
    (*interp()).modules = modules;
    let sys = module::new_str("sys");
    nonnull(sys)?;
    let d = module::m(sys).md_dict;
    (*interp()).sysdict = d;
    Py_INCREF(d);
    dict::set_str(modules, "sys", sys)?;
    dict::set_str(d, "modules", modules)?;
    let path = list::new(0);
    nonnull(path)?;
    if let Some(pp) = std::env::var_os("PYTHONPATH") {
        for p in std::env::split_paths(&pp) {
            let s = unicode::from_str(&p.to_string_lossy());
            nonnull(s)?;
            list::append(path, s)?;
            Py_DECREF(s);
        }
    }
    dict::set_str(d, "path", path)?;
    Py_DECREF(path);
    let hex = crate::objects::long::from_i64(crate::version::PY_VERSION_HEX as i64);
    dict::set_str(d, "hexversion", hex)?;
    Py_DECREF(hex);
    let v = unicode::from_str(crate::version::VERSION_STRING);
    dict::set_str(d, "version", v)?;
    Py_DECREF(v);
    for (name, val) in [("platform", "linux"), ("byteorder", "little")] {
        let s = unicode::from_str(val);
        dict::set_str(d, name, s)?;
        Py_DECREF(s);
    }
    let mx = crate::objects::long::from_i64(isize::MAX as i64);
    dict::set_str(d, "maxsize", mx)?;
    Py_DECREF(mx);
    Py_DECREF(sys);
    Ok(())
}

/// `PySys_GetObject`: borrowed, NULL when missing (no exception).
pub unsafe fn get_object(name: &str) -> *mut PyObject {
    let d = (*interp()).sysdict;
    if d.is_null() {
        return null_mut();
    }
    dict::get_str(d, name)
}

/// Write text to `sys.stderr` when it is a file object, else to fd 2.
pub unsafe fn write_stderr(s: &str) {
    write_stream("stderr", s, &mut std::io::stderr())
}

pub unsafe fn write_stdout(s: &str) {
    write_stream("stdout", s, &mut std::io::stdout())
}

unsafe fn write_stream(name: &str, s: &str, fallback: &mut dyn Write) {
    let f = get_object(name);
    if !f.is_null() && f != crate::exported::none() {
        let saved = crate::errors::take_raised();
        let text = unicode::from_str(s);
        let ok = !text.is_null()
            && crate::protocols::call::call_method(f, "write", &[text])
                .map(|r| Py_DECREF(r))
                .is_ok();
        Py_XDECREF(text);
        if !ok {
            crate::errors::clear();
            let _ = fallback.write_all(s.as_bytes());
        }
        crate::errors::set_raised(saved);
        return;
    }
    let _ = fallback.write_all(s.as_bytes());
    let _ = fallback.flush();
}
