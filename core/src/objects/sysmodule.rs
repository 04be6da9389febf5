//! The `sys` module (CPython's `Python/sysmodule.c`): the interpreter's settings
//! and state as attributes (`path`, `modules`, `argv`, `flags`, version and
//! implementation information, the standard streams) and its functions.

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
    init_attributes(d)?;
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
    // The command line decided; an embedder's `Py_Initialize` reads the
    // environment, as CPython's does.
    let unbuffered = match crate::pymain::config() {
        Some(c) => c.unbuffered,
        None => std::env::var_os("PYTHONUNBUFFERED").is_some_and(|v| !v.is_empty()),
    };
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

fn ret(r: PyResult<*mut PyObject>) -> *mut PyObject {
    r.unwrap_or(null_mut())
}

unsafe fn args<'a>(
    name: &str,
    a: *const *mut PyObject,
    n: Py_ssize_t,
    min: usize,
    max: usize,
) -> PyResult<&'a [*mut PyObject]> {
    crate::builtins::args::positional(name, a, n, min, max)
}

/// `sys.exit(status=None, /)`: raise SystemExit(status).
unsafe extern "C" fn sys_exit(
    _m: *mut PyObject,
    a: *const *mut PyObject,
    n: Py_ssize_t,
) -> *mut PyObject {
    ret((|| {
        let a = args("exit", a, n, 0, 1)?;
        let exc = crate::objects::exceptions::exc(&raw mut crate::exported::PyExc_SystemExit);
        let e = Owned(nonnull(crate::protocols::call::call_function(exc, a))?);
        crate::errors::set_object(exc, e.as_ptr());
        Err(())
    })())
}

/// The exception being handled (`sys.exception()`), or None.
unsafe fn handled_exception() -> *mut PyObject {
    let e = crate::errors::handled();
    if e.is_null() {
        crate::exported::none()
    } else {
        e
    }
}

unsafe extern "C" fn sys_exception(_m: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    new_ref(handled_exception())
}

unsafe extern "C" fn sys_exc_info(_m: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    let e = handled_exception();
    let none = crate::exported::none();
    if e == none {
        return crate::objects::tuple::pack(&[none, none, none]);
    }
    let tb = crate::objects::exceptions::get_traceback(e);
    crate::objects::tuple::pack(&[
        Py_TYPE(e) as *mut PyObject,
        e,
        if tb.is_null() { none } else { tb },
    ])
}

unsafe extern "C" fn sys_getrecursionlimit(_m: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    int(
        crate::protocols::object::RECURSION_LIMIT.load(core::sync::atomic::Ordering::Relaxed)
            as i64,
    )
}

unsafe extern "C" fn sys_setrecursionlimit(_m: *mut PyObject, v: *mut PyObject) -> *mut PyObject {
    ret((|| {
        if crate::objects::float::is_float(v) {
            return crate::raise!(
                PyExc_TypeError,
                "'float' object cannot be interpreted as an integer"
            );
        }
        let n =
            crate::protocols::number::as_ssize_t(v, &raw mut crate::exported::PyExc_OverflowError)?;
        if n < 1 {
            return crate::raise!(
                PyExc_ValueError,
                "recursion limit must be greater or equal than 1"
            );
        }
        let n = core::ffi::c_int::try_from(n).map_err(|_| {
            crate::errors::set_string(
                crate::objects::exceptions::exc(&raw mut crate::exported::PyExc_OverflowError),
                "Python int too large to convert to C int",
            )
        })?;
        crate::protocols::object::RECURSION_LIMIT.store(n, core::sync::atomic::Ordering::Relaxed);
        Ok(crate::exported::none_ref())
    })())
}

unsafe extern "C" fn sys_intern(_m: *mut PyObject, v: *mut PyObject) -> *mut PyObject {
    if !unicode::is_unicode(v) {
        return crate::raise_null!(
            PyExc_TypeError,
            "intern() argument must be str, not {}",
            crate::objects::sequtil::tname(v)
        );
    }
    if !unicode::is_unicode_exact(v) {
        return crate::raise_null!(
            PyExc_TypeError,
            "can't intern {}",
            crate::objects::typeobject::type_name(Py_TYPE(v))
        );
    }
    let mut p = new_ref(v);
    unicode::intern_in_place(&mut p);
    p
}

unsafe extern "C" fn sys_getrefcount(_m: *mut PyObject, v: *mut PyObject) -> *mut PyObject {
    int(refcnt(v) as i64)
}

/// `sys.getsizeof(object[, default])`: `__sizeof__()` plus the GC header.
unsafe extern "C" fn sys_getsizeof(
    _m: *mut PyObject,
    a: *const *mut PyObject,
    n: Py_ssize_t,
) -> *mut PyObject {
    ret((|| {
        let a = args("getsizeof", a, n, 1, 2)?;
        let method = crate::protocols::objproto::lookup_special(a[0], "__sizeof__")?;
        if method.is_null() {
            if a.len() == 2 {
                return Ok(new_ref(a[1]));
            }
            return crate::raise!(
                PyExc_TypeError,
                "Type {} doesn't define __sizeof__",
                crate::objects::typeobject::type_name(Py_TYPE(a[0]))
            );
        }
        let method = Owned(method);
        let r = crate::protocols::call::call_function(method.as_ptr(), &[]);
        if r.is_null() {
            if a.len() == 2
                && crate::errors::exception_matches(crate::objects::exceptions::exc(
                    &raw mut crate::exported::PyExc_TypeError,
                ))
            {
                crate::errors::clear();
                return Ok(new_ref(a[1]));
            }
            return Err(());
        }
        let r = Owned(r);
        let size = crate::protocols::number::as_ssize_t(
            r.as_ptr(),
            &raw mut crate::exported::PyExc_OverflowError,
        )?;
        if size < 0 {
            return crate::raise!(PyExc_ValueError, "__sizeof__() should return >= 0");
        }
        let gc = crate::typeobj::has_flag(Py_TYPE(a[0]), crate::typeobj::Py_TPFLAGS_HAVE_GC);
        Ok(int(size as i64 + if gc { 16 } else { 0 }))
    })())
}

/// `sys._getframe(depth=0, /)`: the caller's frame, or one `depth` further out.
unsafe extern "C" fn sys_getframe(
    _m: *mut PyObject,
    a: *const *mut PyObject,
    n: Py_ssize_t,
) -> *mut PyObject {
    ret((|| {
        let a = args("_getframe", a, n, 0, 1)?;
        let depth = match a.first() {
            Some(&d) => crate::protocols::number::as_ssize_t(
                d,
                &raw mut crate::exported::PyExc_OverflowError,
            )?,
            None => 0,
        };
        let mut f = crate::vm::current_frame();
        for _ in 0..depth.max(0) {
            if f.is_null() {
                break;
            }
            let back = Owned(f);
            let b = crate::protocols::object::get_attr_str(back.as_ptr(), "f_back");
            f = if b.is_null() || b == crate::exported::none() {
                Py_XDECREF(b);
                crate::errors::clear();
                null_mut()
            } else {
                b
            };
        }
        if f.is_null() {
            if !crate::errors::raised().is_null() {
                return Err(());
            }
            return crate::raise!(PyExc_ValueError, "call stack is not deep enough");
        }
        Ok(f)
    })())
}

unsafe extern "C" fn sys_is_gil_enabled(_m: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    boolean(crate::pystate::legacy_lock_enabled())
}

unsafe extern "C" fn sys_utf8(_m: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    text("utf-8")
}

unsafe extern "C" fn sys_fs_errors(_m: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    text("surrogateescape")
}

unsafe extern "C" fn sys_is_finalizing(_m: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    boolean(crate::lifecycle::is_finalizing())
}

/// The switch interval is kept (in microseconds) for `getswitchinterval`; with
/// no GIL nothing switches on it.
static SWITCH_INTERVAL_US: core::sync::atomic::AtomicU64 = core::sync::atomic::AtomicU64::new(5000);

unsafe extern "C" fn sys_getswitchinterval(_m: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    let us = SWITCH_INTERVAL_US.load(core::sync::atomic::Ordering::Relaxed);
    crate::objects::float::from_f64(us as f64 / 1e6)
}

unsafe extern "C" fn sys_setswitchinterval(_m: *mut PyObject, v: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let f = crate::objects::float::as_f64(v)?;
        if f <= 0.0 {
            return crate::raise!(
                PyExc_ValueError,
                "switch interval must be strictly positive"
            );
        }
        SWITCH_INTERVAL_US.store(
            ((f * 1e6) as u64).max(1),
            core::sync::atomic::Ordering::Relaxed,
        );
        Ok(crate::exported::none_ref())
    })())
}

unsafe extern "C" fn sys_get_int_max_str_digits(
    _m: *mut PyObject,
    _a: *mut PyObject,
) -> *mut PyObject {
    int(crate::objects::long::MAX_STR_DIGITS.load(core::sync::atomic::Ordering::Relaxed) as i64)
}

static MAXDIGITS_SIG: crate::builtins::args::Signature = crate::builtins::args::Signature {
    fname: "set_int_max_str_digits",
    names: &["maxdigits"],
    posonly: 0,
    max_pos: 1,
    required: 1,
    varargs: false,
};

unsafe extern "C" fn sys_set_int_max_str_digits(
    _m: *mut PyObject,
    a: *const *mut PyObject,
    n: Py_ssize_t,
    kw: *mut PyObject,
) -> *mut PyObject {
    ret((|| {
        let p = crate::builtins::args::parse(&MAXDIGITS_SIG, a, n, kw)?;
        let v = crate::protocols::number::as_ssize_t(
            p.values[0],
            &raw mut crate::exported::PyExc_OverflowError,
        )?;
        if v != 0 && v < 640 {
            return crate::raise!(
                PyExc_ValueError,
                "maxdigits must be >= 640 or 0 for unlimited"
            );
        }
        crate::objects::long::MAX_STR_DIGITS.store(v as _, core::sync::atomic::Ordering::Relaxed);
        Ok(crate::exported::none_ref())
    })())
}

thread_local! {
    /// The hooks `settrace`/`setprofile` store (the interpreter does not call
    /// them yet); per thread, as in CPython.
    static TRACE: core::cell::Cell<[*mut PyObject; 2]> = const { core::cell::Cell::new([null_mut(); 2]) };
}

unsafe fn set_hook(which: usize, f: *mut PyObject) -> *mut PyObject {
    let f = if f == crate::exported::none() {
        null_mut()
    } else {
        new_ref(f)
    };
    let mut hooks = TRACE.with(|t| t.get());
    Py_XDECREF(core::mem::replace(&mut hooks[which], f));
    TRACE.with(|t| t.set(hooks));
    crate::exported::none_ref()
}

unsafe fn get_hook(which: usize) -> *mut PyObject {
    let h = TRACE.with(|t| t.get())[which];
    new_ref(if h.is_null() {
        crate::exported::none()
    } else {
        h
    })
}

unsafe extern "C" fn sys_settrace(_m: *mut PyObject, f: *mut PyObject) -> *mut PyObject {
    set_hook(0, f)
}
unsafe extern "C" fn sys_gettrace(_m: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    get_hook(0)
}
unsafe extern "C" fn sys_setprofile(_m: *mut PyObject, f: *mut PyObject) -> *mut PyObject {
    set_hook(1, f)
}
unsafe extern "C" fn sys_getprofile(_m: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    get_hook(1)
}

/// `sys.audit(event, *args)`: no audit hooks run yet; the event name is checked.
unsafe extern "C" fn sys_audit(
    _m: *mut PyObject,
    a: *const *mut PyObject,
    n: Py_ssize_t,
) -> *mut PyObject {
    let a = crate::objects::sequtil::fastcall_args(a, n);
    match a.first() {
        None => crate::raise_null!(
            PyExc_TypeError,
            "audit() missing 1 required positional argument: 'event'"
        ),
        Some(&e) if !unicode::is_unicode(e) => crate::raise_null!(
            PyExc_TypeError,
            "expected str for argument 'event', not {}",
            crate::objects::sequtil::tname(e)
        ),
        Some(_) => crate::exported::none_ref(),
    }
}

unsafe extern "C" fn sys_addaudithook(_m: *mut PyObject, _f: *mut PyObject) -> *mut PyObject {
    crate::exported::none_ref()
}

/// `sys.breakpointhook(*args, **kws)`: `PYTHONBREAKPOINT` names the function
/// (default `pdb.set_trace`; "0" disables); an unimportable one only warns.
unsafe extern "C" fn sys_breakpointhook(
    _m: *mut PyObject,
    a: *mut PyObject,
    kw: *mut PyObject,
) -> *mut PyObject {
    ret((|| {
        let env = std::env::var("PYTHONBREAKPOINT")
            .ok()
            .filter(|v| !v.is_empty());
        let hook = env.unwrap_or_else(|| "pdb.set_trace".to_string());
        if hook == "0" {
            return Ok(crate::exported::none_ref());
        }
        let (modname, attr) = match hook.rsplit_once('.') {
            Some((m, a)) => (m.to_string(), a.to_string()),
            None => ("builtins".to_string(), hook.clone()),
        };
        let name = Owned(nonnull(text(&modname))?);
        let m = crate::import::import(name.as_ptr());
        let f = if m.is_null() {
            null_mut()
        } else {
            let m = Owned(m);
            crate::protocols::object::get_attr_str(m.as_ptr(), &attr)
        };
        if f.is_null() {
            crate::errors::clear();
            if crate::objects::warnings::warn(
                crate::objects::exceptions::exc(&raw mut crate::exported::PyExc_RuntimeWarning),
                &format!("Ignoring unimportable $PYTHONBREAKPOINT: \"{hook}\""),
                1,
            ) < 0
            {
                return Err(());
            }
            return Ok(crate::exported::none_ref());
        }
        let f = Owned(f);
        nonnull(crate::protocols::call::call(f.as_ptr(), a, kw))
    })())
}

/// `sys.unraisablehook(unraisable)`: print it as CPython's default hook does.
unsafe extern "C" fn sys_unraisablehook(_m: *mut PyObject, u: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let get = |n: &str| -> PyResult<Owned> {
            Ok(Owned(nonnull(crate::protocols::object::get_attr_str(
                u, n,
            ))?))
        };
        let value = get("exc_value")?;
        let obj = get("object")?;
        let msg = get("err_msg")?;
        let msg = if msg.as_ptr() == crate::exported::none() {
            String::new()
        } else {
            unicode::to_string_lossy(msg.as_ptr())
        };
        if value.as_ptr() != crate::exported::none() {
            crate::errors::set_raised(new_ref(value.as_ptr()));
            crate::objects::traceback::write_unraisable(&msg, obj.as_ptr());
        }
        Ok(crate::exported::none_ref())
    })())
}

unsafe extern "C" fn sys_call_tracing(
    _m: *mut PyObject,
    a: *const *mut PyObject,
    n: Py_ssize_t,
) -> *mut PyObject {
    ret((|| {
        let a = args("call_tracing", a, n, 2, 2)?;
        if !crate::objects::tuple::is_tuple(a[1]) {
            return crate::raise!(
                PyExc_TypeError,
                "call_tracing() argument 2 must be tuple, not {}",
                crate::objects::sequtil::tname(a[1])
            );
        }
        nonnull(crate::protocols::call::call(a[0], a[1], null_mut()))
    })())
}

unsafe extern "C" fn sys_false(_m: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    boolean(false)
}

unsafe extern "C" fn sys_zero(_m: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    int(0)
}

unsafe extern "C" fn sys_noop(_m: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    crate::exported::none_ref()
}

unsafe extern "C" fn sys_is_immortal(_m: *mut PyObject, v: *mut PyObject) -> *mut PyObject {
    boolean(is_immortal(v))
}

use crate::defs::{METH_FASTCALL, METH_KEYWORDS, METH_NOARGS, METH_VARARGS};

static mut SYS_METHODS: [PyMethodDef; 37] = [
    crate::meth!(c"excepthook", sys_excepthook, METH_FASTCALL),
    crate::meth!(c"displayhook", sys_displayhook, METH_O),
    crate::meth!(
        c"breakpointhook",
        sys_breakpointhook,
        METH_VARARGS | METH_KEYWORDS
    ),
    crate::meth!(c"unraisablehook", sys_unraisablehook, METH_O),
    crate::meth!(c"exit", sys_exit, METH_FASTCALL),
    crate::meth!(c"exception", sys_exception, METH_NOARGS),
    crate::meth!(c"exc_info", sys_exc_info, METH_NOARGS),
    crate::meth!(c"getrecursionlimit", sys_getrecursionlimit, METH_NOARGS),
    crate::meth!(c"setrecursionlimit", sys_setrecursionlimit, METH_O),
    crate::meth!(c"intern", sys_intern, METH_O),
    crate::meth!(c"_is_interned", sys_false, METH_O),
    crate::meth!(c"_is_immortal", sys_is_immortal, METH_O),
    crate::meth!(c"getrefcount", sys_getrefcount, METH_O),
    crate::meth!(c"getsizeof", sys_getsizeof, METH_FASTCALL),
    crate::meth!(c"_getframe", sys_getframe, METH_FASTCALL),
    crate::meth!(c"_is_gil_enabled", sys_is_gil_enabled, METH_NOARGS),
    crate::meth!(c"getdefaultencoding", sys_utf8, METH_NOARGS),
    crate::meth!(c"getfilesystemencoding", sys_utf8, METH_NOARGS),
    crate::meth!(c"getfilesystemencodeerrors", sys_fs_errors, METH_NOARGS),
    crate::meth!(c"is_finalizing", sys_is_finalizing, METH_NOARGS),
    crate::meth!(c"getswitchinterval", sys_getswitchinterval, METH_NOARGS),
    crate::meth!(c"setswitchinterval", sys_setswitchinterval, METH_O),
    crate::meth!(
        c"get_int_max_str_digits",
        sys_get_int_max_str_digits,
        METH_NOARGS
    ),
    crate::meth!(
        c"set_int_max_str_digits",
        sys_set_int_max_str_digits,
        METH_FASTCALL | METH_KEYWORDS
    ),
    crate::meth!(c"settrace", sys_settrace, METH_O),
    crate::meth!(c"gettrace", sys_gettrace, METH_NOARGS),
    crate::meth!(c"setprofile", sys_setprofile, METH_O),
    crate::meth!(c"getprofile", sys_getprofile, METH_NOARGS),
    crate::meth!(c"audit", sys_audit, METH_FASTCALL),
    crate::meth!(c"addaudithook", sys_addaudithook, METH_O),
    crate::meth!(c"call_tracing", sys_call_tracing, METH_FASTCALL),
    crate::meth!(c"getallocatedblocks", sys_zero, METH_NOARGS),
    crate::meth!(c"_clear_type_cache", sys_noop, METH_NOARGS),
    crate::meth!(c"_clear_internal_caches", sys_noop, METH_NOARGS),
    crate::meth!(c"is_stack_trampoline_active", sys_false, METH_NOARGS),
    crate::meth!(c"is_remote_debug_enabled", sys_false, METH_NOARGS),
    PyMethodDef::SENTINEL,
];

/// Add the functions of `sys` (and `__excepthook__`/`__displayhook__`).
unsafe fn init_functions(sys: *mut PyObject, d: *mut PyObject) -> PyResult<()> {
    crate::builtins::add_functions(d, (&raw mut SYS_METHODS).cast(), sys, "sys")?;
    for name in [
        "excepthook",
        "displayhook",
        "breakpointhook",
        "unraisablehook",
    ] {
        dict::set_str(d, &format!("__{name}__"), dict::get_str(d, name))?;
    }
    Ok(())
}

// ---- attributes -------------------------------------------------------------------------

/// The standard library folder (`{prefix}/lib/python3.15`), when one is there:
/// from `PYTHONHOME`, else next to the executable (`../lib/python3.15`).
fn stdlib_dir(prefix: &std::path::Path) -> std::path::PathBuf {
    prefix.join(format!(
        "lib/python{}.{}",
        crate::version::MAJOR,
        crate::version::MINOR
    ))
}

/// `sys.prefix`: `PYTHONHOME` (unless -E/-I), else the executable's folder's
/// parent.
fn prefix(use_env: bool) -> std::path::PathBuf {
    if use_env {
        if let Some(h) = std::env::var_os("PYTHONHOME").filter(|h| !h.is_empty()) {
            let h = h.to_string_lossy().into_owned();
            return std::path::PathBuf::from(h.split(':').next().unwrap_or(""));
        }
    }
    std::env::current_exe()
        .ok()
        .and_then(|e| e.parent().and_then(|b| b.parent()).map(|p| p.to_path_buf()))
        .unwrap_or_else(|| std::path::PathBuf::from("/usr/local"))
}

unsafe fn set_str_attr(d: *mut PyObject, name: &str, v: &str) -> PyResult<()> {
    let s = Owned(nonnull(unicode::from_str(v))?);
    dict::set_str(d, name, s.as_ptr())
}

unsafe fn set_int_attr(d: *mut PyObject, name: &str, v: i64) -> PyResult<()> {
    let s = Owned(nonnull(crate::objects::long::from_i64(v))?);
    dict::set_str(d, name, s.as_ptr())
}

unsafe fn str_list(items: &[String]) -> PyResult<Owned> {
    let l = Owned(nonnull(list::new(0))?);
    for it in items {
        let s = Owned(nonnull(unicode::from_str(it))?);
        list::append(l.as_ptr(), s.as_ptr())?;
    }
    Ok(l)
}

/// A struct sequence type `sys.<name>` with these fields (the first
/// `visible` of them in the tuple) and an instance holding `values`.
unsafe fn struct_seq(
    name: &'static core::ffi::CStr,
    fields: &[&'static core::ffi::CStr],
    visible: usize,
    values: Vec<*mut PyObject>,
) -> PyResult<Owned> {
    let mut f: Vec<crate::defs::PyStructSequence_Field> = fields
        .iter()
        .map(|n| crate::defs::PyStructSequence_Field {
            name: n.as_ptr(),
            doc: core::ptr::null(),
        })
        .collect();
    f.push(crate::defs::PyStructSequence_Field {
        name: core::ptr::null(),
        doc: core::ptr::null(),
    });
    let mut desc = crate::defs::PyStructSequence_Desc {
        name: name.as_ptr(),
        doc: core::ptr::null(),
        fields: f.as_mut_ptr(),
        n_in_sequence: visible as core::ffi::c_int,
    };
    let values: Vec<Owned> = values.into_iter().map(Owned).collect();
    for v in &values {
        nonnull(v.as_ptr())?;
    }
    let t = Owned(nonnull(crate::objects::structseq::new_type(&mut desc))?);
    let o = nonnull(crate::objects::structseq::new(
        t.as_ptr() as *mut crate::typeobj::PyTypeObject
    ))?;
    for (i, v) in values.into_iter().enumerate() {
        *crate::objects::tuple::items(o).add(i) = v.into_ptr();
    }
    Ok(Owned(o))
}

unsafe fn int(v: i64) -> *mut PyObject {
    crate::objects::long::from_i64(v)
}

unsafe fn text(v: &str) -> *mut PyObject {
    unicode::from_str(v)
}

unsafe fn boolean(v: bool) -> *mut PyObject {
    new_ref(crate::exported::py_bool(v))
}

/// `sys.flags`: every field of CPython 3.15's (18 in the tuple, 4 more by
/// name only).
unsafe fn flags() -> PyResult<Owned> {
    let c = crate::pymain::config();
    let get = |f: fn(&crate::pymain::Config) -> i64| c.map_or(0, f);
    struct_seq(
        c"sys.flags",
        &[
            c"debug",
            c"inspect",
            c"interactive",
            c"optimize",
            c"dont_write_bytecode",
            c"no_user_site",
            c"no_site",
            c"ignore_environment",
            c"verbose",
            c"bytes_warning",
            c"quiet",
            c"hash_randomization",
            c"isolated",
            c"dev_mode",
            c"utf8_mode",
            c"warn_default_encoding",
            c"safe_path",
            c"int_max_str_digits",
            c"gil",
            c"thread_inherit_context",
            c"context_aware_warnings",
            c"lazy_imports",
        ],
        18,
        vec![
            int(0),
            int(get(|c| c.inspect as i64)),
            int(get(|c| c.interactive as i64)),
            int(get(|c| c.optimize as i64)),
            int(get(|c| c.dont_write_bytecode as i64)),
            int(get(|c| c.no_user_site as i64)),
            int(get(|c| c.no_site as i64)),
            int(get(|c| c.ignore_environment as i64)),
            int(get(|c| c.verbose as i64)),
            int(get(|c| c.bytes_warning as i64)),
            int(get(|c| c.quiet as i64)),
            int(1),
            int(get(|c| c.isolated as i64)),
            boolean(c.is_some_and(|c| c.dev_mode)),
            int(1),
            int(0),
            boolean(c.is_some_and(|c| c.safe_path)),
            int(
                crate::objects::long::MAX_STR_DIGITS.load(core::sync::atomic::Ordering::Relaxed)
                    as i64,
            ),
            // Carapace presents itself as a GIL build (DESIGN.md).
            int(1),
            int(0),
            int(0),
            int(-1),
        ],
    )
}

/// `sys.implementation`: CPython 3.15's answers (packaging tools read them),
/// with Carapace's own `cache_tag` so that bytecode caches never collide with
/// CPython's.
unsafe fn implementation(version_info: *mut PyObject) -> PyResult<Owned> {
    crate::objects::namespace::init_type()?;
    let d = Owned(nonnull(dict::new())?);
    set_str_attr(d.as_ptr(), "name", "cpython")?;
    set_str_attr(d.as_ptr(), "cache_tag", crate::version::CACHE_TAG)?;
    dict::set_str(d.as_ptr(), "version", version_info)?;
    set_int_attr(
        d.as_ptr(),
        "hexversion",
        crate::version::PY_VERSION_HEX as i64,
    )?;
    set_str_attr(d.as_ptr(), "_multiarch", "x86_64-linux-gnu")?;
    dict::set_str(
        d.as_ptr(),
        "supports_isolated_interpreters",
        crate::exported::py_false(),
    )?;
    Ok(Owned(nonnull(crate::objects::namespace::new(d.as_ptr()))?))
}

/// The names `sys.stdlib_module_names` lists (CPython 3.15's).
const STDLIB_MODULE_NAMES: &str = include_str!("stdlib_module_names.txt");

/// Everything in `sys` that is a value, not a function or a stream.
unsafe fn init_attributes(d: *mut PyObject) -> PyResult<()> {
    let c = crate::pymain::config();
    let use_env = !c.is_some_and(|c| c.ignore_environment);
    let prefix = prefix(use_env);
    let prefix_s = prefix.to_string_lossy().into_owned();
    let stdlib = stdlib_dir(&prefix);
    let stdlib_s = stdlib.to_string_lossy().into_owned();
    // sys.path: PYTHONPATH, then the standard library's places (the script's
    // folder goes in front later, from argv).
    let mut path = Vec::new();
    if use_env {
        if let Some(pp) = std::env::var_os("PYTHONPATH") {
            path.extend(
                std::env::split_paths(&pp)
                    .filter(|p| !p.as_os_str().is_empty())
                    .map(|p| p.to_string_lossy().into_owned()),
            );
        }
    }
    path.push(format!(
        "{prefix_s}/lib/python{}{}.zip",
        crate::version::MAJOR,
        crate::version::MINOR
    ));
    path.push(stdlib_s.clone());
    path.push(format!("{stdlib_s}/lib-dynload"));
    dict::set_str(d, "path", str_list(&path)?.as_ptr())?;
    let exe = std::env::current_exe()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default();
    for name in ["executable", "_base_executable"] {
        set_str_attr(d, name, &exe)?;
    }
    for name in ["prefix", "base_prefix", "exec_prefix", "base_exec_prefix"] {
        set_str_attr(d, name, &prefix_s)?;
    }
    if stdlib.join("os.py").exists() {
        set_str_attr(d, "_stdlib_dir", &stdlib_s)?;
    } else {
        dict::set_str(d, "_stdlib_dir", crate::exported::none())?;
    }
    for (name, val) in [
        ("platform", "linux"),
        ("byteorder", "little"),
        ("version", crate::version::VERSION_STRING),
        ("float_repr_style", "short"),
        ("abiflags", ""),
        ("platlibdir", "lib"),
        (
            "copyright",
            "Copyright (c) 2001 Python Software Foundation.\nAll Rights Reserved.\n\nCopyright (c) 2000 BeOpen.com.\nAll Rights Reserved.\n\nCopyright (c) 1995-2001 Corporation for National Research Initiatives.\nAll Rights Reserved.\n\nCopyright (c) 1991-1995 Stichting Mathematisch Centrum, Amsterdam.\nAll Rights Reserved.",
        ),
    ] {
        set_str_attr(d, name, val)?;
    }
    set_int_attr(d, "hexversion", crate::version::PY_VERSION_HEX as i64)?;
    set_int_attr(d, "api_version", 1013)?;
    set_int_attr(d, "maxsize", isize::MAX as i64)?;
    set_int_attr(d, "maxunicode", 0x10FFFF)?;
    dict::set_str(
        d,
        "dont_write_bytecode",
        crate::exported::py_bool(c.is_some_and(|c| c.dont_write_bytecode)),
    )?;
    dict::set_str(d, "pycache_prefix", crate::exported::none())?;
    let git = Owned(nonnull(crate::objects::tuple::pack(&[
        Owned(nonnull(text("Carapace"))?).as_ptr(),
        unicode::empty(),
        unicode::empty(),
    ]))?);
    dict::set_str(d, "_git", git.as_ptr())?;
    let version_info = struct_seq(
        c"sys.version_info",
        &[c"major", c"minor", c"micro", c"releaselevel", c"serial"],
        5,
        vec![
            int(crate::version::MAJOR as i64),
            int(crate::version::MINOR as i64),
            int(crate::version::MICRO as i64),
            text("final"),
            int(0),
        ],
    )?;
    dict::set_str(d, "version_info", version_info.as_ptr())?;
    dict::set_str(
        d,
        "implementation",
        implementation(version_info.as_ptr())?.as_ptr(),
    )?;
    dict::set_str(d, "flags", flags()?.as_ptr())?;
    let hash_info = struct_seq(
        c"sys.hash_info",
        &[
            c"width",
            c"modulus",
            c"inf",
            c"nan",
            c"imag",
            c"algorithm",
            c"hash_bits",
            c"seed_bits",
            c"cutoff",
        ],
        9,
        vec![
            int(64),
            int((1i64 << 61) - 1),
            int(314159),
            int(0),
            int(1000003),
            text("siphash13"),
            int(64),
            int(128),
            int(0),
        ],
    )?;
    dict::set_str(d, "hash_info", hash_info.as_ptr())?;
    let thread_info = struct_seq(
        c"sys.thread_info",
        &[c"name", c"lock", c"version"],
        3,
        vec![
            text("pthread"),
            text("pymutex"),
            new_ref(crate::exported::none()),
        ],
    )?;
    dict::set_str(d, "thread_info", thread_info.as_ptr())?;
    let fi = Owned(nonnull(crate::objects::numinfo::float_info())?);
    dict::set_str(d, "float_info", fi.as_ptr())?;
    let ii = Owned(nonnull(crate::objects::numinfo::int_info())?);
    dict::set_str(d, "int_info", ii.as_ptr())?;
    let mut names: Vec<String> = ["builtins", "sys"]
        .into_iter()
        .chain(crate::modules::names())
        .map(String::from)
        .collect();
    names.sort();
    names.dedup();
    let items: Vec<Owned> = names
        .iter()
        .map(|n| Owned::from_new(text(n)).ok_or(()))
        .collect::<PyResult<_>>()?;
    let ptrs: Vec<*mut PyObject> = items.iter().map(|o| o.as_ptr()).collect();
    let t = Owned(nonnull(crate::objects::tuple::from_slice(&ptrs))?);
    dict::set_str(d, "builtin_module_names", t.as_ptr())?;
    let std_names = str_list(
        &STDLIB_MODULE_NAMES
            .split_whitespace()
            .map(String::from)
            .collect::<Vec<_>>(),
    )?;
    let fs = Owned(nonnull(crate::objects::set::make(
        &raw mut crate::exported::PyFrozenSet_Type,
        std_names.as_ptr(),
    ))?);
    dict::set_str(d, "stdlib_module_names", fs.as_ptr())?;
    Ok(())
}
