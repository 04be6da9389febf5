//! Warnings as the C API issues them (`PyErr_WarnEx`, `PyErr_WarnExplicit*`):
//! CPython's `_warnings` machinery without the Python `warnings` module — a
//! filter list (default filters, then `sys.warnoptions` in `-W` syntax), the
//! actions default/error/ignore/always/all/module/once with their registries,
//! category matching by subclass, and the `file:line: Category: message` output
//! (`sys:1` when no Python frame runs).

use core::ffi::c_int;
use core::ptr::null_mut;
use core::sync::atomic::{AtomicI64, Ordering};
use std::sync::Mutex;

use crate::exported::*;
use crate::object::*;
use crate::objects::exceptions::exc;
use crate::objects::{dict, tuple, unicode};
use crate::typeobj::PyTypeObject;

#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Action {
    Default,
    Error,
    Ignore,
    Always,
    All,
    Module,
    Once,
}

impl Action {
    fn name(self) -> &'static str {
        match self {
            Action::Default => "default",
            Action::Error => "error",
            Action::Ignore => "ignore",
            Action::Always => "always",
            Action::All => "all",
            Action::Module => "module",
            Action::Once => "once",
        }
    }
}

struct Filter {
    action: Action,
    /// Case-insensitive prefix of the message (`-W` escapes it and `re.I`-matches).
    message: Option<String>,
    /// A Warning subclass (a strong reference, kept for the filter's lifetime).
    category: usize,
    /// The module name, matched exactly.
    module: Option<String>,
    lineno: i64,
}

static FILTERS: Mutex<Option<Vec<Filter>>> = Mutex::new(None);
/// Bumped whenever the filters change: registries older than this are reset.
static FILTERS_VERSION: AtomicI64 = AtomicI64::new(1);
/// `warnings._onceregistry` (made once, immortal for the process).
static ONCE_REGISTRY: std::sync::OnceLock<usize> = std::sync::OnceLock::new();

unsafe fn once_registry() -> PyResult<*mut PyObject> {
    if let Some(&r) = ONCE_REGISTRY.get() {
        return Ok(r as *mut PyObject);
    }
    let d = dict::new();
    nonnull(d)?;
    let r = *ONCE_REGISTRY.get_or_init(|| d as usize);
    if r != d as usize {
        Py_DECREF(d);
    }
    Ok(r as *mut PyObject)
}

/// Parse one `-W` option (`action:message:category:module:lineno`).
unsafe fn parse_option(arg: &str) -> Result<Filter, String> {
    let mut parts: Vec<&str> = arg.split(':').collect();
    if parts.len() > 5 {
        return Err(format!("too many fields (max 5): {}", py_repr_str(arg)));
    }
    while parts.len() < 5 {
        parts.push("");
    }
    let p: Vec<&str> = parts.iter().map(|s| s.trim()).collect();
    let action = {
        let a = p[0];
        let all = [
            Action::Default,
            Action::Always,
            Action::All,
            Action::Ignore,
            Action::Module,
            Action::Once,
            Action::Error,
        ];
        if a.is_empty() {
            Action::Default
        } else {
            match all.iter().find(|x| x.name().starts_with(a)) {
                Some(x) => *x,
                None => return Err(format!("invalid action: {}", py_repr_str(a))),
            }
        }
    };
    let category = get_category(p[2])?;
    let lineno = if p[4].is_empty() {
        0
    } else {
        match p[4].parse::<i64>() {
            Ok(n) if n >= 0 => n,
            Ok(n) => {
                Py_DECREF(category as *mut PyObject);
                return Err(format!("invalid lineno {}", n));
            }
            Err(_) => {
                Py_DECREF(category as *mut PyObject);
                return Err(format!("invalid lineno {}", py_repr_str(p[4])));
            }
        }
    };
    Ok(Filter {
        action,
        message: (!p[1].is_empty()).then(|| p[1].to_lowercase()),
        category,
        module: (!p[3].is_empty()).then(|| p[3].to_string()),
        lineno,
    })
}

fn py_repr_str(s: &str) -> String {
    unsafe {
        let o = unicode::from_str(s);
        if o.is_null() {
            crate::errors::clear();
            return format!("'{}'", s);
        }
        let r = unicode::repr_string(o);
        Py_DECREF(o);
        r
    }
}

/// `warnings._getcategory`: a built-in Warning class by name (a new reference).
unsafe fn get_category(name: &str) -> Result<usize, String> {
    if name.is_empty() {
        let w = exc(&raw mut PyExc_Warning);
        Py_INCREF(w);
        return Ok(w as usize);
    }
    if name.contains('.') {
        // "module.Class" needs the import system; only builtins are known here.
        let (m, _) = name.rsplit_once('.').unwrap();
        return Err(format!("invalid module name: {}", py_repr_str(m)));
    }
    let b = (*crate::pystate::interp()).builtins;
    let mut cat = if b.is_null() {
        null_mut()
    } else {
        dict::get_str(b, name)
    };
    if cat.is_null() {
        cat = builtin_exception(name);
    }
    if cat.is_null() {
        return Err(format!("unknown warning category: {}", py_repr_str(name)));
    }
    if !crate::objects::typeobject::is_type(cat)
        || !crate::objects::typeobject::is_subtype(
            cat as *mut PyTypeObject,
            exc(&raw mut PyExc_Warning) as *mut PyTypeObject,
        )
    {
        return Err(format!("invalid warning category: {}", py_repr_str(name)));
    }
    Py_INCREF(cat);
    Ok(cat as usize)
}

/// A built-in exception class by name (borrowed), NULL if none.
unsafe fn builtin_exception(name: &str) -> *mut PyObject {
    crate::objects::exceptions::builtin_by_name(name)
}

unsafe fn default_filters() -> Vec<Filter> {
    let mk = |action, cat: *mut PyObject, module: Option<&str>| {
        Py_INCREF(cat);
        Filter {
            action,
            message: None,
            category: cat as usize,
            module: module.map(String::from),
            lineno: 0,
        }
    };
    vec![
        mk(
            Action::Default,
            exc(&raw mut PyExc_DeprecationWarning),
            Some("__main__"),
        ),
        mk(Action::Ignore, exc(&raw mut PyExc_DeprecationWarning), None),
        mk(
            Action::Ignore,
            exc(&raw mut PyExc_PendingDeprecationWarning),
            None,
        ),
        mk(Action::Ignore, exc(&raw mut PyExc_ImportWarning), None),
        mk(Action::Ignore, exc(&raw mut PyExc_ResourceWarning), None),
    ]
}

/// Build the filter list on first use: the defaults, then `sys.warnoptions`
/// (each option in front of the ones before it, as `-W` does).
pub unsafe fn ensure_filters() {
    let mut g = FILTERS.lock().unwrap();
    if g.is_some() {
        return;
    }
    let mut f = default_filters();
    let wo = crate::objects::sysmodule::get_object("warnoptions");
    let mut bad: Vec<String> = Vec::new();
    if !wo.is_null() && crate::objects::list::is_list(wo) {
        for o in crate::objects::list::snapshot(wo) {
            if !unicode::is_unicode(o.as_ptr()) {
                continue;
            }
            let s = unicode::to_string_lossy(o.as_ptr());
            match parse_option(&s) {
                Ok(x) => f.insert(0, x),
                Err(m) => bad.push(m),
            }
        }
    }
    *g = Some(f);
    drop(g);
    for m in bad {
        crate::objects::sysmodule::write_stderr(&format!("Invalid -W option ignored: {}\n", m));
    }
}

/// `warnings.filterwarnings(action, message, category, module, lineno, append)` for
/// the C side (`message` a case-insensitive prefix, `module` exact).
pub unsafe fn add_filter(
    action: Action,
    message: Option<&str>,
    category: *mut PyObject,
    module: Option<&str>,
    lineno: i64,
    append: bool,
) {
    ensure_filters();
    Py_INCREF(category);
    let f = Filter {
        action,
        message: message.map(|m| m.to_lowercase()),
        category: category as usize,
        module: module.map(String::from),
        lineno,
    };
    let mut g = FILTERS.lock().unwrap();
    let v = g.as_mut().unwrap();
    if append {
        v.push(f)
    } else {
        v.insert(0, f)
    }
    FILTERS_VERSION.fetch_add(1, Ordering::SeqCst);
}

/// `warnings.resetwarnings()`.
pub unsafe fn reset_filters() {
    let old = FILTERS.lock().unwrap().replace(Vec::new());
    for f in old.into_iter().flatten() {
        Py_DECREF(f.category as *mut PyObject);
    }
    FILTERS_VERSION.fetch_add(1, Ordering::SeqCst);
}

/// The action of the first matching filter ("default" when none matches).
unsafe fn get_action(category: *mut PyObject, text: &str, lineno: i64, module: &str) -> Action {
    ensure_filters();
    let g = FILTERS.lock().unwrap();
    let lower = text.to_lowercase();
    for f in g.as_ref().unwrap() {
        if let Some(m) = &f.message {
            if !lower.starts_with(m.as_str()) {
                continue;
            }
        }
        if let Some(m) = &f.module {
            if m != module {
                continue;
            }
        }
        if f.lineno != 0 && f.lineno != lineno {
            continue;
        }
        let cat = f.category as *mut PyTypeObject;
        if crate::objects::typeobject::is_type(category)
            && crate::objects::typeobject::is_subtype(category as *mut PyTypeObject, cat)
        {
            return f.action;
        }
    }
    Action::Default
}

/// `already_warned`: reset a stale registry; report whether `key` is recorded, and
/// record it when `set`.
unsafe fn already_warned(registry: *mut PyObject, key: *mut PyObject, set: bool) -> PyResult<bool> {
    let version = FILTERS_VERSION.load(Ordering::SeqCst);
    let v = dict::get_str(registry, "version");
    let fresh = !v.is_null()
        && crate::objects::long::is_long_exact(v)
        && crate::objects::long::to_i64(v) == Some(version);
    if !fresh {
        dict::clear(registry);
        let n = crate::objects::long::from_i64(version);
        nonnull(n)?;
        let r = dict::set_str(registry, "version", n);
        Py_DECREF(n);
        r?;
    } else {
        let a = dict::get_item_ref(registry, key)?;
        if !a.is_null() {
            let t = crate::protocols::object::is_true(a);
            Py_DECREF(a);
            if t < 0 {
                return Err(());
            }
            if t == 1 {
                return Ok(true);
            }
        }
    }
    if set {
        dict::set_item(registry, key, py_true())?;
    }
    Ok(false)
}

unsafe fn update_registry(
    registry: *mut PyObject,
    text: *mut PyObject,
    category: *mut PyObject,
    add_zero: bool,
) -> PyResult<bool> {
    let zero = crate::objects::long::from_i64(0);
    nonnull(zero)?;
    let key = if add_zero {
        tuple::pack(&[text, category, zero])
    } else {
        tuple::pack(&[text, category])
    };
    Py_DECREF(zero);
    nonnull(key)?;
    let r = already_warned(registry, key, true);
    Py_DECREF(key);
    r
}

/// `sys.__warningregistry__`: the registry of warnings issued with no Python frame.
unsafe fn sys_registry() -> PyResult<*mut PyObject> {
    let r = crate::objects::sysmodule::get_object("__warningregistry__");
    if !r.is_null() && dict::is_dict(r) {
        return Ok(r);
    }
    let d = dict::new();
    nonnull(d)?;
    let res = crate::objects::sysmodule::set_object("__warningregistry__", d);
    Py_DECREF(d);
    res?;
    Ok(d)
}

/// `PyErr_WarnEx` / `PyErr_WarnFormat`: `message` issued from C with no Python frame
/// (so from "sys", line 1). -1 when the warning became an exception.
pub unsafe fn warn_obj(
    category: *mut PyObject,
    message: *mut PyObject,
    _stack_level: isize,
) -> c_int {
    let registry = match sys_registry() {
        Ok(r) => r,
        Err(()) => return -1,
    };
    // No Python frame: CPython reports "<sys>", line 0, module "sys".
    let filename = unicode::from_str("<sys>");
    let module = unicode::from_str("sys");
    if filename.is_null() || module.is_null() {
        Py_XDECREF(filename);
        Py_XDECREF(module);
        return -1;
    }
    let r = warn_explicit(category, message, filename, 0, module, registry);
    Py_DECREF(filename);
    Py_DECREF(module);
    r
}

/// `warnings.warn_explicit` (CPython's `_warnings.warn_explicit`).
pub unsafe fn warn_explicit(
    category: *mut PyObject,
    message: *mut PyObject,
    filename: *mut PyObject,
    lineno: i64,
    module: *mut PyObject,
    registry: *mut PyObject,
) -> c_int {
    let category = if category.is_null() {
        exc(&raw mut PyExc_RuntimeWarning)
    } else {
        category
    };
    let warning_t = exc(&raw mut PyExc_Warning);
    // The message: a Warning instance carries its own category.
    let (text, category, instance) = if crate::errors::is_exception_instance(message)
        && crate::objects::typeobject::is_subtype(Py_TYPE(message), warning_t as *mut PyTypeObject)
    {
        let t = crate::protocols::object::str(message);
        if t.is_null() {
            return -1;
        }
        (t, Py_TYPE(message) as *mut PyObject, new_ref(message))
    } else {
        let inst = crate::protocols::call::call_function(category, &[message]);
        if inst.is_null() {
            return -1;
        }
        (new_ref(message), category, inst)
    };
    let text = Owned(text);
    let instance = Owned(instance);
    let module_s = if !module.is_null() && unicode::is_unicode(module) {
        unicode::to_string_lossy(module)
    } else {
        let f = unicode::to_string_lossy(filename);
        let m = f.strip_suffix(".py").unwrap_or(&f).to_string();
        if m.is_empty() {
            "<unknown>".to_string()
        } else {
            m
        }
    };
    let registry = if registry.is_null() || registry == none() {
        null_mut()
    } else if !dict::is_dict(registry) {
        let _: PyResult<()> = crate::raise!(PyExc_TypeError, "'registry' must be a dict or None");
        return -1;
    } else {
        registry
    };
    let ln = crate::objects::long::from_i64(lineno);
    if ln.is_null() {
        return -1;
    }
    let key = tuple::pack(&[text.as_ptr(), category, ln]);
    Py_DECREF(ln);
    let Some(key) = Owned::from_new(key) else {
        return -1;
    };
    if !registry.is_null() {
        match already_warned(registry, key.as_ptr(), false) {
            Ok(true) => return 0,
            Ok(false) => {}
            Err(()) => return -1,
        }
    }
    let text_s = unicode::to_string_lossy(text.as_ptr());
    let action = get_action(category, &text_s, lineno, &module_s);
    match action {
        Action::Error => {
            crate::errors::set_object(
                Py_TYPE(instance.as_ptr()) as *mut PyObject,
                instance.as_ptr(),
            );
            return -1;
        }
        Action::Ignore => return 0,
        Action::Always | Action::All => {}
        _ => {
            if !registry.is_null() && dict::set_item(registry, key.as_ptr(), py_true()).is_err() {
                return -1;
            }
            let done = match action {
                Action::Once => {
                    let reg = if registry.is_null() {
                        match once_registry() {
                            Ok(r) => r,
                            Err(()) => return -1,
                        }
                    } else {
                        registry
                    };
                    update_registry(reg, text.as_ptr(), category, false)
                }
                Action::Module => {
                    if registry.is_null() {
                        Ok(false)
                    } else {
                        update_registry(registry, text.as_ptr(), category, false)
                    }
                }
                _ => Ok(false),
            };
            match done {
                Ok(true) => return 0,
                Ok(false) => {}
                Err(()) => return -1,
            }
        }
    }
    show_warning(filename, lineno, category, &text_s);
    0
}

/// `file:line: Category: message` (and the source line when the file exists) on
/// `sys.stderr`.
unsafe fn show_warning(filename: *mut PyObject, lineno: i64, category: *mut PyObject, text: &str) {
    let fname = unicode::to_string_lossy(filename);
    let name = crate::objects::typeobject::short_name(category as *mut PyTypeObject);
    let mut out = format!("{}:{}: {}: {}\n", fname, lineno, name, text);
    if lineno > 0 && lineno <= i32::MAX as i64 {
        let line = crate::errors::program_text(fname.as_bytes(), lineno as i32);
        if !line.is_null() {
            let s = unicode::to_string_lossy(line);
            Py_DECREF(line);
            let s = s.trim();
            if !s.is_empty() {
                out.push_str(&format!("  {}\n", s));
            }
        }
    }
    crate::objects::sysmodule::write_stderr(&out);
}

/// `warn_obj` for a message given as text.
pub unsafe fn warn(category: *mut PyObject, msg: &str, stack_level: isize) -> c_int {
    let m = unicode::from_str(msg);
    if m.is_null() {
        return -1;
    }
    let r = warn_obj(category, m, stack_level);
    Py_DECREF(m);
    r
}
