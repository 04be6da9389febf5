//! The `sys` module as the C API needs it before the language runtime exists:
//! `sys.path`, `sys.modules`, and writing to the standard streams.

use core::ptr::null_mut;
use std::io::Write;

use crate::defs::{PyMethodDef, METH_O};
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
    init_streams_and_options(d)?;
    init_functions(sys, d)?;
    if let Some(c) = crate::pymain::config() {
        set_argv(&c.argv, !c.safe_path)?;
        let orig = list::new(0);
        nonnull(orig)?;
        let orig = Owned(orig);
        for a in &c.orig_argv {
            let s = Owned(nonnull(unicode::from_str(a))?);
            list::append(orig.as_ptr(), s.as_ptr())?;
        }
        dict::set_str(d, "orig_argv", orig.as_ptr())?;
    }
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

/// `PySys_GetObject` for a name given as a str object: borrowed, NULL when missing;
/// lookup errors are swallowed as CPython does.
pub unsafe fn get_object_obj(name: *mut PyObject) -> *mut PyObject {
    let d = (*interp()).sysdict;
    if d.is_null() {
        return null_mut();
    }
    let saved = crate::errors::take_raised();
    let r = dict::get_item_borrowed(d, name);
    crate::errors::set_raised(saved);
    r
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

// ---- the standard streams -----------------------------------------------------------

/// Write all of `s` to `fd` (retrying on EINTR and short writes).
pub fn write_fd(fd: core::ffi::c_int, s: &str) -> bool {
    let mut b = s.as_bytes();
    while !b.is_empty() {
        let n = unsafe { libc::write(fd, b.as_ptr() as *const _, b.len()) };
        if n < 0 {
            if std::io::Error::last_os_error().raw_os_error() == Some(libc::EINTR) {
                continue;
            }
            return false;
        }
        b = &b[n as usize..];
    }
    true
}

/// Warning options given before the runtime started (`PySys_AddWarnOption`).
pub static PREINIT_WARNOPTIONS: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());
/// `-X` options given before the runtime started (`PySys_AddXOption`).
pub static PREINIT_XOPTIONS: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

unsafe fn init_streams_and_options(d: *mut PyObject) -> PyResult<()> {
    crate::objects::textio::init_types()?;
    let unbuffered = crate::pymain::config().is_some_and(|c| c.unbuffered);
    for (fd, names) in [
        (0, ["stdin", "__stdin__"]),
        (1, ["stdout", "__stdout__"]),
        (2, ["stderr", "__stderr__"]),
    ] {
        let s = Owned(crate::objects::textio::std_stream(fd, unbuffered)?);
        for n in names {
            dict::set_str(d, n, s.as_ptr())?;
        }
    }
    let wo = list::new(0);
    nonnull(wo)?;
    for o in PREINIT_WARNOPTIONS.lock().unwrap().drain(..) {
        let s = unicode::from_str(&o);
        nonnull(s)?;
        list::append(wo, s)?;
        Py_DECREF(s);
    }
    dict::set_str(d, "warnoptions", wo)?;
    let have_options = Py_SIZE(wo) > 0;
    Py_DECREF(wo);
    let xo = dict::new();
    nonnull(xo)?;
    dict::set_str(d, "_xoptions", xo)?;
    Py_DECREF(xo);
    for o in PREINIT_XOPTIONS.lock().unwrap().drain(..) {
        add_xoption(&o)?;
    }
    let argv = list::new(0);
    nonnull(argv)?;
    list::append(argv, unicode::empty())?;
    dict::set_str(d, "argv", argv)?;
    Py_DECREF(argv);
    if have_options {
        // CPython sets up the warnings filters at start-up when -W options exist.
        crate::objects::warnings::ensure_filters();
    }
    Ok(())
}

// ---- the PySys_* operations -----------------------------------------------------------

/// `PySys_SetObject`: NULL deletes (a missing name is fine).
pub unsafe fn set_object(name: &str, v: *mut PyObject) -> PyResult<()> {
    let d = (*interp()).sysdict;
    if d.is_null() {
        return crate::raise!(PyExc_RuntimeError, "no sys module");
    }
    if v.is_null() {
        let k = unicode::from_str(name);
        nonnull(k)?;
        let r = dict::pop_item(d, k);
        Py_DECREF(k);
        if let Some(old) = r? {
            Py_DECREF(old);
        }
        return Ok(());
    }
    dict::set_str(d, name, v)
}

/// `PySys_GetOptionalAttr`: Ok(new reference) or Ok(NULL) when missing.
pub unsafe fn get_optional_attr(name: *mut PyObject) -> PyResult<*mut PyObject> {
    if !unicode::is_unicode(name) {
        return crate::raise!(
            PyExc_TypeError,
            "attribute name must be string, not '{}'",
            crate::objects::typeobject::type_name(Py_TYPE(name))
        );
    }
    let d = (*interp()).sysdict;
    if d.is_null() {
        return Ok(null_mut());
    }
    dict::get_item_ref(d, name)
}

/// `PySys_GetAttr`: a new reference; RuntimeError "lost sys.x" when missing.
pub unsafe fn get_attr(name: *mut PyObject) -> *mut PyObject {
    match get_optional_attr(name) {
        Ok(r) if r.is_null() => crate::raise_null!(
            PyExc_RuntimeError,
            "lost sys.{}",
            unicode::to_string_lossy(name)
        ),
        Ok(r) => r,
        Err(()) => null_mut(),
    }
}

/// `sys.warnoptions`, made a fresh list when missing or not a list (borrowed).
pub unsafe fn warnoptions() -> PyResult<*mut PyObject> {
    let w = get_object("warnoptions");
    if !w.is_null() && list::is_list(w) {
        return Ok(w);
    }
    let l = list::new(0);
    nonnull(l)?;
    let r = set_object("warnoptions", l);
    Py_DECREF(l);
    r?;
    Ok(get_object("warnoptions"))
}

/// `sys._xoptions`, made a fresh dict when missing or not a dict (borrowed).
pub unsafe fn xoptions() -> PyResult<*mut PyObject> {
    let x = get_object("_xoptions");
    if !x.is_null() && dict::is_dict(x) {
        return Ok(x);
    }
    let d = dict::new();
    nonnull(d)?;
    let r = set_object("_xoptions", d);
    Py_DECREF(d);
    r?;
    Ok(get_object("_xoptions"))
}

/// `PySys_AddXOption`: "name=value" sets a str, "name" sets True.
pub unsafe fn add_xoption(opt: &str) -> PyResult<()> {
    let x = xoptions()?;
    let (k, v) = match opt.find('=') {
        Some(p) => (&opt[..p], Some(&opt[p + 1..])),
        None => (opt, None),
    };
    let key = unicode::from_str(k);
    nonnull(key)?;
    let val = match v {
        Some(v) => unicode::from_str(v),
        None => new_ref(crate::exported::py_true()),
    };
    if val.is_null() {
        Py_DECREF(key);
        return Err(());
    }
    let r = dict::set_item(x, key, val);
    Py_DECREF(key);
    Py_DECREF(val);
    r
}

/// `PySys_SetArgvEx`: `sys.argv` from C strings; with `updatepath`, the script's
/// directory goes in front of `sys.path`.
pub unsafe fn set_argv(argv: &[String], updatepath: bool) -> PyResult<()> {
    let l = list::new(0);
    nonnull(l)?;
    let items: Vec<&str> = if argv.is_empty() {
        vec![""]
    } else {
        argv.iter().map(|s| s.as_str()).collect()
    };
    for a in &items {
        let s = unicode::from_str(a);
        if s.is_null() || list::append(l, s).is_err() {
            Py_XDECREF(s);
            Py_DECREF(l);
            return Err(());
        }
        Py_DECREF(s);
    }
    let r = set_object("argv", l);
    Py_DECREF(l);
    r?;
    if updatepath {
        let a0 = items[0];
        let p0 = if a0.is_empty() || a0 == "-c" {
            String::new()
        } else if a0 == "-m" {
            std::env::current_dir()
                .map(|p| p.to_string_lossy().into_owned())
                .unwrap_or_default()
        } else {
            let mut p = std::path::PathBuf::from(a0);
            // Follow symbolic links to the real script, as CPython does.
            for _ in 0..40 {
                match std::fs::read_link(&p) {
                    Ok(t) => {
                        p = if t.is_absolute() {
                            t
                        } else {
                            p.parent().map(|d| d.join(&t)).unwrap_or(t)
                        }
                    }
                    Err(_) => break,
                }
            }
            let s = p.to_string_lossy().into_owned();
            match s.rfind('/') {
                Some(0) => "/".to_string(),
                Some(i) => {
                    let dir = &s[..i];
                    std::fs::canonicalize(dir)
                        .map(|d| d.to_string_lossy().into_owned())
                        .unwrap_or_else(|_| dir.to_string())
                }
                None => String::new(),
            }
        };
        let path = get_object("path");
        if !path.is_null() && list::is_list(path) {
            let s = unicode::from_str(&p0);
            nonnull(s)?;
            // sys.path.insert(0, p0)
            let items = list::snapshot(path);
            list::clear(path);
            let mut r = list::append(path, s);
            for it in &items {
                if r.is_ok() {
                    r = list::append(path, it.as_ptr());
                }
            }
            Py_DECREF(s);
            r?;
        }
    }
    Ok(())
}

/// `PySys_SetPath`: `sys.path` from a ':'-separated string.
pub unsafe fn set_path(p: &str) -> PyResult<()> {
    let l = list::new(0);
    nonnull(l)?;
    for part in p.split(':') {
        let s = unicode::from_str(part);
        if s.is_null() || list::append(l, s).is_err() {
            Py_XDECREF(s);
            Py_DECREF(l);
            return Err(());
        }
        Py_DECREF(s);
    }
    let r = set_object("path", l);
    Py_DECREF(l);
    r
}

// ---- signals -------------------------------------------------------------------------

/// Signals that arrived and have not been handled (bit n = signal n).
pub static PENDING_SIGNALS: core::sync::atomic::AtomicU64 = core::sync::atomic::AtomicU64::new(0);

/// `PyErr_SetInterruptEx`: mark `signum` as arrived. Signals whose handler is
/// SIG_IGN or SIG_DFL are left alone, as CPython does.
pub fn set_interrupt(signum: i32) -> i32 {
    if !(1..64).contains(&signum) {
        return -1;
    }
    // Only SIGINT has a Python-level handler (default_int_handler) in an
    // embedded runtime; other signals have no Python handler yet.
    if signum != libc::SIGINT {
        return 0;
    }
    PENDING_SIGNALS.fetch_or(1 << signum, core::sync::atomic::Ordering::SeqCst);
    0
}

/// `PyErr_CheckSignals`: run the Python-level handlers of arrived signals; SIGINT's
/// default handler raises KeyboardInterrupt.
pub unsafe fn check_signals() -> i32 {
    let p = PENDING_SIGNALS.swap(0, core::sync::atomic::Ordering::SeqCst);
    if p & (1 << libc::SIGINT) != 0 {
        crate::errors::set_object(
            crate::objects::exceptions::exc(&raw mut crate::exported::PyExc_KeyboardInterrupt),
            null_mut(),
        );
        return -1;
    }
    0
}

// ---- hooks -----------------------------------------------------------------------------

/// Report an uncaught exception with `sys.excepthook` (CPython's top level):
/// a failing hook is reported, then the original exception.
pub unsafe fn call_excepthook(e: *mut PyObject) {
    let hook = get_object("excepthook");
    if hook.is_null() || hook == crate::exported::none() {
        write_stderr("sys.excepthook is missing\n");
        crate::objects::traceback::display(e);
        return;
    }
    let hook = Owned(new_ref(hook));
    let tb = crate::objects::exceptions::get_traceback(e);
    let tb = if tb.is_null() {
        crate::exported::none()
    } else {
        tb
    };
    let r =
        crate::protocols::call::call_function(hook.as_ptr(), &[Py_TYPE(e) as *mut PyObject, e, tb]);
    if !r.is_null() {
        Py_DECREF(r);
        return;
    }
    let e2 = crate::errors::take_raised();
    write_stderr("Error in sys.excepthook:\n");
    if !e2.is_null() {
        crate::objects::traceback::display(e2);
        Py_DECREF(e2);
    }
    write_stderr("\nOriginal exception was:\n");
    crate::objects::traceback::display(e);
}

/// `sys.excepthook(type, value, traceback)`: print the exception to stderr.
unsafe extern "C" fn sys_excepthook(
    _m: *mut PyObject,
    args: *const *mut PyObject,
    nargs: Py_ssize_t,
) -> *mut PyObject {
    let Ok(a) = crate::builtins::args::positional("excepthook", args, nargs, 3, 3) else {
        return null_mut();
    };
    if crate::errors::is_exception_instance(a[1]) {
        crate::objects::traceback::display(a[1]);
    } else {
        // Not an exception instance: printed as CPython does for such values.
        let t = crate::objects::typeobject::type_name(Py_TYPE(a[1]));
        write_stderr(&format!(
            "TypeError: print_exception(): Exception expected for value, {t} found\n"
        ));
    }
    new_ref(crate::exported::none())
}

/// `sys.displayhook(value)`: print `repr(value)` to stdout and keep it in
/// `builtins._` (None prints nothing).
unsafe extern "C" fn sys_displayhook(_m: *mut PyObject, v: *mut PyObject) -> *mut PyObject {
    let r = (|| -> PyResult<()> {
        if v == crate::exported::none() {
            return Ok(());
        }
        let builtins = (*interp()).builtins;
        dict::set_str(builtins, "_", crate::exported::none())?;
        let out = get_object("stdout");
        if out.is_null() || out == crate::exported::none() {
            return crate::raise!(PyExc_RuntimeError, "lost sys.stdout");
        }
        let out = Owned(new_ref(out));
        let text = Owned(nonnull(crate::protocols::object::repr(v))?);
        crate::objects::traceback::write_to(
            out.as_ptr(),
            &unicode::to_string_lossy(text.as_ptr()),
        )?;
        crate::objects::traceback::write_to(out.as_ptr(), "\n")?;
        dict::set_str(builtins, "_", v)
    })();
    match r {
        Ok(()) => new_ref(crate::exported::none()),
        Err(()) => null_mut(),
    }
}

static mut SYS_METHODS: [PyMethodDef; 3] = [
    crate::meth!(c"excepthook", sys_excepthook, crate::defs::METH_FASTCALL),
    crate::meth!(c"displayhook", sys_displayhook, METH_O),
    PyMethodDef::SENTINEL,
];

/// Add the functions of `sys` (and `__excepthook__`/`__displayhook__`).
unsafe fn init_functions(sys: *mut PyObject, d: *mut PyObject) -> PyResult<()> {
    crate::builtins::add_functions(d, (&raw mut SYS_METHODS).cast(), sys, "sys")?;
    for name in ["excepthook", "displayhook"] {
        dict::set_str(d, &format!("__{name}__"), dict::get_str(d, name))?;
    }
    Ok(())
}
