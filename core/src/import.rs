//! The import system as far as it goes without the bytecode interpreter: the
//! module cache (`sys.modules`), built-in modules (`sys`, `builtins`), and
//! extension modules found on `sys.path` (or a package's `__path__`).
//!
//! Search order in each directory, for the last component `NAME` of the module's
//! name (first match wins):
//! 1. `NAME.abi3.so`, `NAME.abi3-x86_64-linux-gnu.so`, `NAME.abi3t.so`,
//!    `NAME.abi3t-x86_64-linux-gnu.so`, `NAME.so` (Stable ABI extension modules);
//! 2. `NAME.cpython-315-x86_64-linux-gnu.so` / `NAME.cpython-315t-x86_64-linux-gnu.so`
//!    (version-specific): loaded only when the module declares the Stable ABI
//!    through `Py_mod_abi` in its `PyModExport_NAME` slots, refused otherwise with
//!    an ImportError naming the Stable ABI (such a module may embed CPython's full
//!    struct layouts);
//! 3. a directory `NAME/`: a package whose `__init__` is one of the extension
//!    files of 1., or a namespace package when it has no `__init__` at all.
//!
//! Python source modules (`NAME.py`) need the interpreter and are not considered.
//!
//! Loading follows CPython: `dlopen(path, RTLD_NOW | RTLD_LOCAL)` (a failure raises
//! ImportError with `dlerror()`'s text and the `name`/`path` attributes), then
//! `PyModExport_NAME` (PEP 793: returns a `PySlot` array) or else `PyInit_NAME`
//! (single-phase: returns the module; multi-phase: returns a `PyModuleDef`).
//!
//! Legacy lock: a module that does not declare `Py_mod_gil = Py_MOD_GIL_NOT_USED`
//! switches the process-wide fallback lock on before its own code runs. For
//! multi-phase modules that is before the exec slots; for single-phase modules the
//! code is `PyInit_NAME` itself, whose first step is `PyModule_Create2`: the lock
//! goes on there (the flag `SINGLE_PHASE_PENDING` marks an `PyInit_*` call in
//! progress), or at the latest when `PyInit_NAME` returns a module.

use core::cell::RefCell;
use core::ffi::{c_char, c_int, c_void, CStr};
use core::ptr::null_mut;
use std::ffi::CString;

use crate::defs::*;
use crate::exported::*;
use crate::object::*;
use crate::objects::{dict, exceptions, list, module, tuple, unicode};
use crate::pystate::interp;

thread_local! {
    /// Full names of the extension modules being initialised on this thread
    /// (`_Py_PackageContext`), innermost last, with a flag: a `PyInit_*` call of
    /// unknown kind is in progress.
    static CONTEXT: RefCell<Vec<(String, bool)>> = const { RefCell::new(Vec::new()) };
}

/// The full dotted name a module created as `short` should get: the name of the
/// extension being imported when its last component is `short`. Also switches
/// the legacy lock on for a single-phase init in progress.
pub fn package_context(short: &str) -> String {
    CONTEXT.with(|c| {
        let mut c = c.borrow_mut();
        if let Some(last) = c.last_mut() {
            if last.1 {
                last.1 = false;
                unsafe {
                    crate::pystate::enable_legacy_lock();
                }
            }
            let full = &last.0;
            let tail = full.rsplit('.').next().unwrap_or(full);
            if tail == short {
                return full.clone();
            }
        }
        short.to_string()
    })
}

/// `sys.modules` (borrowed).
pub unsafe fn modules() -> *mut PyObject {
    (*interp()).modules
}

/// `PyImport_GetModule`: `sys.modules[name]` as a new reference, NULL without an
/// exception when absent.
pub unsafe fn get_module(name: *mut PyObject) -> *mut PyObject {
    let m = modules();
    if m.is_null() {
        return crate::raise_null!(PyExc_RuntimeError, "unable to get sys.modules");
    }
    if dict::is_dict(m) {
        return dict::get_item_ref(m, name).unwrap_or(null_mut());
    }
    let r = crate::protocols::object::get_item(m, name);
    if r.is_null() && crate::errors::exception_matches(exceptions::exc(&raw mut PyExc_KeyError)) {
        crate::errors::clear();
    }
    r
}

/// `PyImport_AddModuleRef`: the module `name` in `sys.modules`, created empty if
/// missing (new reference).
pub unsafe fn add_module(name: *mut PyObject) -> *mut PyObject {
    let m = get_module(name);
    if !m.is_null() {
        if module::is_module(m) {
            return m;
        }
        Py_DECREF(m);
    } else if !crate::errors::raised().is_null() {
        return null_mut();
    }
    let m = module::new(name);
    if m.is_null() {
        return m;
    }
    if crate::protocols::mapping::set_item(modules(), name, m).is_err() {
        Py_DECREF(m);
        return null_mut();
    }
    m
}

/// Raise ImportError(msg) with its `name` and `path` attributes.
pub unsafe fn raise_import_error(
    ty: *mut *mut PyObject,
    msg: &str,
    name: *mut PyObject,
    path: Option<&str>,
) {
    let t = exceptions::exc(ty) as *mut crate::typeobj::PyTypeObject;
    let m = unicode::from_str(msg);
    if m.is_null() {
        return;
    }
    let e = exceptions::new_instance(t, &[m]);
    Py_DECREF(m);
    if e.is_null() {
        return;
    }
    if !name.is_null() {
        let _ = crate::protocols::object::set_attr(e, unicode::intern_str("name"), name);
    }
    if let Some(p) = path {
        let ps = unicode::from_str(p);
        if !ps.is_null() {
            let _ = crate::protocols::object::set_attr(e, unicode::intern_str("path"), ps);
            Py_DECREF(ps);
        }
    }
    crate::errors::clear();
    crate::errors::set_object(t as *mut PyObject, e);
    Py_DECREF(e);
}

const EXT_SUFFIXES: [&str; 5] = [
    ".abi3.so",
    ".abi3-x86_64-linux-gnu.so",
    ".abi3t.so",
    ".abi3t-x86_64-linux-gnu.so",
    ".so",
];
const VERSION_SPECIFIC: [&str; 2] = [
    ".cpython-315-x86_64-linux-gnu.so",
    ".cpython-315t-x86_64-linux-gnu.so",
];

enum Found {
    Ext(String, bool),
    Namespace(String),
}

fn is_file(p: &str) -> bool {
    std::fs::metadata(p).map(|m| m.is_file()).unwrap_or(false)
}

fn find_in(dir: &str, short: &str) -> Option<Found> {
    let base = if dir.is_empty() {
        short.to_string()
    } else {
        format!("{}/{}", dir.trim_end_matches('/'), short)
    };
    for s in EXT_SUFFIXES {
        let p = format!("{}{}", base, s);
        if is_file(&p) {
            return Some(Found::Ext(p, false));
        }
    }
    for s in VERSION_SPECIFIC {
        let p = format!("{}{}", base, s);
        if is_file(&p) {
            return Some(Found::Ext(p, true));
        }
    }
    if std::fs::metadata(&base)
        .map(|m| m.is_dir())
        .unwrap_or(false)
    {
        for s in EXT_SUFFIXES.iter().chain(VERSION_SPECIFIC.iter()) {
            let p = format!("{}/__init__{}", base, s);
            if is_file(&p) {
                return Some(Found::Ext(p, VERSION_SPECIFIC.contains(s)));
            }
        }
        let has_source = ["__init__.py", "__init__.pyc"]
            .iter()
            .any(|f| is_file(&format!("{}/{}", base, f)));
        if !has_source {
            return Some(Found::Namespace(base));
        }
    }
    None
}

/// The directories to search: `sys.path`, or the parent package's `__path__`.
unsafe fn search_path(parent: *mut PyObject) -> PyResult<Vec<String>> {
    let p = if parent.is_null() {
        let sp = crate::objects::sysmodule::get_object("path");
        if sp.is_null() {
            return Ok(Vec::new());
        }
        new_ref(sp)
    } else {
        let pp = crate::protocols::object::get_attr(parent, unicode::intern_str("__path__"));
        if pp.is_null() {
            crate::errors::clear();
            return Ok(Vec::new());
        }
        pp
    };
    let mut out = Vec::new();
    let items: Vec<*mut PyObject> = if list::is_list(p) {
        list::snapshot(p)
            .into_iter()
            .map(|o| o.into_ptr())
            .collect()
    } else if tuple::is_tuple(p) {
        tuple::as_slice(p).iter().map(|&o| new_ref(o)).collect()
    } else {
        Vec::new()
    };
    for o in items {
        if unicode::is_unicode(o) {
            out.push(unicode::to_string_lossy(o));
        }
        Py_DECREF(o);
    }
    Py_DECREF(p);
    Ok(out)
}

/// A minimal `ModuleSpec`-like object: a module-type namespace with `name`,
/// `origin`, `parent` and `submodule_search_locations`.
unsafe fn make_spec(name: *mut PyObject, origin: Option<&str>) -> *mut PyObject {
    let s = module::new_str("ModuleSpec");
    if s.is_null() {
        return s;
    }
    let d = module::m(s).md_dict;
    let origin_o = match origin {
        Some(o) => unicode::from_str(o),
        None => new_ref(none()),
    };
    let full = unicode::to_string_lossy(name);
    let parent = unicode::from_str(full.rsplit_once('.').map(|p| p.0).unwrap_or(""));
    let ok = !origin_o.is_null()
        && !parent.is_null()
        && dict::set_str(d, "name", name).is_ok()
        && dict::set_str(d, "origin", origin_o).is_ok()
        && dict::set_str(d, "parent", parent).is_ok()
        && dict::set_str(d, "has_location", py_bool(origin.is_some())).is_ok();
    Py_XDECREF(origin_o);
    Py_XDECREF(parent);
    if !ok {
        Py_DECREF(s);
        return null_mut();
    }
    s
}

/// A per-module import lock (CPython's module locks): owner thread and depth.
pub struct ModuleLock {
    state: parking_lot::Mutex<(Option<std::thread::ThreadId>, usize)>,
    cv: parking_lot::Condvar,
}

impl ModuleLock {
    unsafe fn acquire(&self) {
        let me = std::thread::current().id();
        {
            let mut s = self.state.lock();
            if s.0.is_none() || s.0 == Some(me) {
                s.0 = Some(me);
                s.1 += 1;
                return;
            }
        }
        // Wait detached, so that a thread stopping the world (the legacy lock
        // being switched on by the loader) is not kept waiting for us.
        let ts = crate::pystate::detach();
        {
            let mut s = self.state.lock();
            while s.0.is_some() && s.0 != Some(me) {
                self.cv.wait(&mut s);
            }
            s.0 = Some(me);
            s.1 += 1;
        }
        if !ts.is_null() {
            crate::pystate::attach(ts);
        }
    }

    fn release(&self) {
        let mut s = self.state.lock();
        s.1 -= 1;
        if s.1 == 0 {
            s.0 = None;
            self.cv.notify_all();
        }
    }
}

/// The table of module locks; its own lock is held only to find an entry.
static MODULE_LOCKS: parking_lot::Mutex<
    Option<std::collections::HashMap<String, std::sync::Arc<ModuleLock>>>,
> = parking_lot::Mutex::new(None);

fn module_lock(name: &str) -> std::sync::Arc<ModuleLock> {
    let mut t = MODULE_LOCKS.lock();
    t.get_or_insert_with(std::collections::HashMap::new)
        .entry(name.to_string())
        .or_insert_with(|| {
            std::sync::Arc::new(ModuleLock {
                state: parking_lot::Mutex::new((None, 0)),
                cv: parking_lot::Condvar::new(),
            })
        })
        .clone()
}

/// The modules made at start-up (`sys`, `builtins`) get a spec saying
/// "built-in" the first time they are imported, as CPython's have.
unsafe fn ensure_builtin_spec(m: *mut PyObject, name: *mut PyObject) {
    if !module::is_module(m) {
        return;
    }
    let d = module::m(m).md_dict;
    let cur = dict::get_str(d, "__spec__");
    if !cur.is_null() && cur != none() {
        return;
    }
    let spec = make_spec(name, Some("built-in"));
    if spec.is_null() {
        crate::errors::clear();
        return;
    }
    let _ = dict::set_str(module::m(spec).md_dict, "has_location", py_false());
    let _ = dict::set_str(d, "__spec__", spec);
    crate::errors::clear();
    Py_DECREF(spec);
}

/// Import the module called `name` (a str): `PyImport_Import` without the
/// `__import__` hook (there is no interpreter to define one).
pub unsafe fn import(name: *mut PyObject) -> *mut PyObject {
    if !unicode::is_unicode(name) {
        return crate::raise_null!(PyExc_TypeError, "module name must be a string");
    }
    let full = unicode::to_string_lossy(name);
    if full.is_empty() {
        return crate::raise_null!(PyExc_ValueError, "Empty module name");
    }
    let cached = get_module(name);
    if !cached.is_null() || !crate::errors::raised().is_null() {
        if !cached.is_null() && (full == "sys" || full == "builtins") {
            ensure_builtin_spec(cached, name);
        }
        return cached;
    }
    // One thread loads a given module; others wait (detached) and then find it
    // in sys.modules. Re-entrant for the loading thread (an init importing itself).
    let lock = module_lock(&full);
    lock.acquire();
    let r = import_locked(name, &full);
    lock.release();
    r
}

unsafe fn import_locked(name: *mut PyObject, full: &str) -> *mut PyObject {
    let cached = get_module(name);
    if !cached.is_null() || !crate::errors::raised().is_null() {
        return cached;
    }
    let full = full.to_string();
    if let Some(m) = import_builtin(name, &full) {
        return m;
    }
    let (parent_name, short) = match full.rsplit_once('.') {
        Some((p, s)) => (Some(p.to_string()), s.to_string()),
        None => (None, full.clone()),
    };
    let parent = match &parent_name {
        Some(p) => {
            let pn = unicode::from_str(p);
            if pn.is_null() {
                return pn;
            }
            let pm = import(pn);
            Py_DECREF(pn);
            if pm.is_null() {
                return pm;
            }
            pm
        }
        None => null_mut(),
    };
    let r = import_found(name, &full, &short, parent);
    if !r.is_null() && !parent.is_null() {
        let _ = crate::protocols::object::set_attr(parent, unicode::from_str(&short), r);
        crate::errors::clear();
    }
    Py_XDECREF(parent);
    r
}

unsafe fn import_found(
    name: *mut PyObject,
    full: &str,
    short: &str,
    parent: *mut PyObject,
) -> *mut PyObject {
    let Ok(dirs) = search_path(parent) else {
        return null_mut();
    };
    for dir in dirs {
        match find_in(&dir, short) {
            Some(Found::Ext(path, vs)) => {
                let m = load_extension(name, full, short, &path, vs);
                if m.is_null() {
                    return m;
                }
                if path.contains("/__init__.") {
                    let pkgdir = path.rsplit_once('/').map(|p| p.0).unwrap_or("");
                    let pd = unicode::from_str(pkgdir);
                    let pl = if pd.is_null() {
                        null_mut()
                    } else {
                        list::from_slice(&[pd])
                    };
                    Py_XDECREF(pd);
                    if pl.is_null()
                        || crate::protocols::object::set_attr(
                            m,
                            unicode::intern_str("__path__"),
                            pl,
                        )
                        .is_err()
                    {
                        Py_XDECREF(pl);
                        Py_DECREF(m);
                        return null_mut();
                    }
                    Py_DECREF(pl);
                }
                return m;
            }
            Some(Found::Namespace(path)) => return namespace_package(name, &path),
            None => {}
        }
    }
    let msg = format!("No module named '{}'", full);
    raise_import_error(&raw mut PyExc_ModuleNotFoundError, &msg, name, None);
    null_mut()
}

unsafe fn namespace_package(name: *mut PyObject, path: &str) -> *mut PyObject {
    let m = module::new(name);
    if m.is_null() {
        return m;
    }
    let d = module::m(m).md_dict;
    let p = unicode::from_str(path);
    let pl = if p.is_null() {
        null_mut()
    } else {
        list::from_slice(&[p])
    };
    Py_XDECREF(p);
    let spec = make_spec(name, None);
    let ok = !pl.is_null()
        && !spec.is_null()
        && dict::set_str(d, "__path__", pl).is_ok()
        && dict::set_str(d, "__spec__", spec).is_ok()
        && dict::set_str(d, "__package__", name).is_ok()
        && crate::protocols::mapping::set_item(modules(), name, m).is_ok();
    Py_XDECREF(pl);
    Py_XDECREF(spec);
    if !ok {
        Py_DECREF(m);
        return null_mut();
    }
    m
}

unsafe fn dlerror_string() -> String {
    let e = libc::dlerror();
    if e.is_null() {
        "unknown dlopen() error".to_string()
    } else {
        CStr::from_ptr(e).to_string_lossy().into_owned()
    }
}

type ExportFn = unsafe extern "C" fn() -> *mut PySlot;
type InitFn = unsafe extern "C" fn() -> *mut PyObject;

/// Does this slot array declare the Stable ABI (`Py_mod_abi` with `PyABIInfo_STABLE`)?
unsafe fn declares_stable_abi(slots: *const PySlot) -> bool {
    let mut found = false;
    let _ = crate::objects::heaptype::walk_slots(
        slots,
        0,
        crate::defs::slot::Py_mod_slots,
        &mut |id, p, _| {
            if id == crate::defs::slot::Py_mod_abi && !p.is_null() {
                let info = &*(p as *const PyABIInfo);
                if info.flags & PyABIInfo_STABLE != 0 {
                    found = true;
                }
            }
            Ok(())
        },
    );
    crate::errors::clear();
    found
}

unsafe fn load_extension(
    name: *mut PyObject,
    full: &str,
    short: &str,
    path: &str,
    version_specific: bool,
) -> *mut PyObject {
    let refuse = || {
        let msg = format!(
            "{}: version-specific extension module '{}' (built for CPython 3.15's full ABI) \
             cannot be loaded: Carapace provides only the Stable ABI (abi3); rebuild it with \
             Py_LIMITED_API or declare the Stable ABI with PyABIInfo",
            path, full
        );
        raise_import_error(&raw mut PyExc_ImportError, &msg, name, Some(path));
        null_mut()
    };
    let Ok(cpath) = CString::new(path) else {
        return crate::raise_null!(PyExc_ValueError, "embedded null byte");
    };
    let handle = libc::dlopen(cpath.as_ptr(), libc::RTLD_NOW | libc::RTLD_LOCAL);
    if handle.is_null() {
        if version_specific {
            return refuse();
        }
        let msg = dlerror_string();
        raise_import_error(&raw mut PyExc_ImportError, &msg, name, Some(path));
        return null_mut();
    }
    let sym = |prefix: &str| -> *mut c_void {
        match CString::new(format!("{}{}", prefix, short)) {
            Ok(s) => libc::dlsym(handle, s.as_ptr()),
            Err(_) => null_mut(),
        }
    };
    let export = sym("PyModExport_");
    let init = if export.is_null() {
        sym("PyInit_")
    } else {
        null_mut()
    };
    if export.is_null() && init.is_null() {
        if version_specific {
            return refuse();
        }
        let msg = format!(
            "dynamic module does not define module export function (PyModExport_{} or PyInit_{})",
            short, short
        );
        raise_import_error(&raw mut PyExc_ImportError, &msg, name, Some(path));
        return null_mut();
    }
    let spec = make_spec(name, Some(path));
    if spec.is_null() {
        return spec;
    }
    let spec = Owned(spec);
    let m = if !export.is_null() {
        let f: ExportFn = core::mem::transmute(export);
        let slots = f();
        if slots.is_null() {
            if crate::errors::raised().is_null() {
                return crate::raise_null!(
                    PyExc_SystemError,
                    "module export hook for module '{}' failed without setting an exception",
                    full
                );
            }
            return null_mut();
        }
        if version_specific && !declares_stable_abi(slots) {
            return refuse();
        }
        let ms = match module::slot_array_slots(slots, full) {
            Ok(ms) => ms,
            Err(()) => return null_mut(),
        };
        if !ms.gil_not_used {
            crate::pystate::enable_legacy_lock();
        }
        let m = module::from_slots_and_spec(slots, spec.as_ptr());
        if m.is_null() {
            return m;
        }
        if finish_module(m, name, path, spec.as_ptr()).is_err()
            || (module::is_module(m) && module::exec(m).is_err())
        {
            remove_from_cache(name);
            Py_DECREF(m);
            return null_mut();
        }
        m
    } else {
        if version_specific {
            // Only PEP 793 export hooks can declare the Stable ABI before any
            // code of the module runs.
            return refuse();
        }
        let f: InitFn = core::mem::transmute(init);
        CONTEXT.with(|c| c.borrow_mut().push((full.to_string(), true)));
        let r = f();
        let pending = CONTEXT.with(|c| c.borrow_mut().pop().map(|e| e.1).unwrap_or(false));
        if r.is_null() {
            if crate::errors::raised().is_null() {
                return crate::raise_null!(
                    PyExc_SystemError,
                    "initialization of {} failed without raising an exception",
                    short
                );
            }
            return null_mut();
        }
        if !crate::errors::raised().is_null() {
            Py_DECREF(r);
            return crate::raise_null!(
                PyExc_SystemError,
                "initialization of {} raised unreported exception",
                short
            );
        }
        if Py_TYPE(r) == &raw mut PyModuleDef_Type {
            // Multi-phase: PyInit returned its definition.
            let def = r as *mut PyModuleDef;
            let ms = match module::def_slots(def, full) {
                Ok(ms) => ms,
                Err(()) => return null_mut(),
            };
            if !ms.gil_not_used {
                crate::pystate::enable_legacy_lock();
            }
            let m = module::from_def_and_spec(def, spec.as_ptr());
            if m.is_null() {
                return m;
            }
            if finish_module(m, name, path, spec.as_ptr()).is_err()
                || (module::is_module(m) && module::exec_def(m, def).is_err())
            {
                remove_from_cache(name);
                Py_DECREF(m);
                return null_mut();
            }
            if module::is_module(m) {
                module::m(m).md_executed = true;
            }
            m
        } else {
            if pending {
                crate::pystate::enable_legacy_lock();
            }
            if finish_module(r, name, path, spec.as_ptr()).is_err() {
                Py_DECREF(r);
                return null_mut();
            }
            if module::is_module(r) {
                let def = module::m(r).md_def;
                if !def.is_null() {
                    let _ = module::state_add(r, def);
                    crate::errors::clear();
                }
            }
            r
        }
    };
    m
}

unsafe fn remove_from_cache(name: *mut PyObject) {
    let saved = crate::errors::take_raised();
    let _ = dict::del_item(modules(), name);
    crate::errors::clear();
    crate::errors::set_raised(saved);
}

/// Set `__file__` and `__spec__` and put the module in `sys.modules`.
unsafe fn finish_module(
    m: *mut PyObject,
    name: *mut PyObject,
    path: &str,
    spec: *mut PyObject,
) -> PyResult<()> {
    if module::is_module(m) {
        let d = module::m(m).md_dict;
        let f = unicode::from_str(path);
        nonnull(f)?;
        let r = dict::set_str(d, "__file__", f);
        Py_DECREF(f);
        r?;
        dict::set_str(d, "__spec__", spec)?;
        let full = unicode::to_string_lossy(name);
        let pkg = unicode::from_str(full.rsplit_once('.').map(|p| p.0).unwrap_or(""));
        nonnull(pkg)?;
        let r = dict::set_str(d, "__package__", pkg);
        Py_DECREF(pkg);
        r?;
    }
    crate::protocols::mapping::set_item(modules(), name, m)
}

/// `PyImport_ImportModuleLevelObject` for what C callers pass: absolute imports
/// (`level` 0) and relative ones resolved against `globals['__package__']` /
/// `__name__`; returns the top-level package unless `fromlist` is non-empty.
pub unsafe fn import_level(
    name: *mut PyObject,
    globals: *mut PyObject,
    fromlist: *mut PyObject,
    level: c_int,
) -> *mut PyObject {
    if name.is_null() {
        return crate::raise_null!(PyExc_ValueError, "Empty module name");
    }
    if !unicode::is_unicode(name) {
        return crate::raise_null!(PyExc_TypeError, "module name must be a string");
    }
    if level < 0 {
        return crate::raise_null!(PyExc_ValueError, "level must be >= 0");
    }
    let mut full = unicode::to_string_lossy(name);
    if level > 0 {
        if globals.is_null() {
            return crate::raise_null!(PyExc_KeyError, "'__name__' not in globals");
        }
        if !dict::is_dict(globals) {
            return crate::raise_null!(PyExc_TypeError, "globals must be a dict");
        }
        let p = dict::get_str(globals, "__package__");
        let package: String = if !p.is_null() && p != none() {
            if !unicode::is_unicode(p) {
                return crate::raise_null!(PyExc_TypeError, "package must be a string");
            }
            unicode::to_string_lossy(p)
        } else {
            let n = dict::get_str(globals, "__name__");
            if n.is_null() {
                return crate::raise_null!(PyExc_KeyError, "'__name__' not in globals");
            }
            if !unicode::is_unicode(n) {
                return crate::raise_null!(PyExc_TypeError, "__name__ must be a string");
            }
            let ns = unicode::to_string_lossy(n);
            if dict::get_str(globals, "__path__").is_null() {
                ns.rsplit_once('.')
                    .map(|p| p.0.to_string())
                    .unwrap_or_default()
            } else {
                ns
            }
        };
        if package.is_empty() {
            return crate::raise_null!(
                PyExc_ImportError,
                "attempted relative import with no known parent package"
            );
        }
        let mut base = package.as_str();
        for _ in 1..level {
            match base.rsplit_once('.') {
                Some((b, _)) => base = b,
                None => {
                    return crate::raise_null!(
                        PyExc_ImportError,
                        "attempted relative import beyond top-level package"
                    )
                }
            }
        }
        full = if full.is_empty() {
            base.to_string()
        } else {
            format!("{}.{}", base, full)
        };
    } else if full.is_empty() {
        return crate::raise_null!(PyExc_ValueError, "Empty module name");
    }
    let fname = unicode::from_str(&full);
    if fname.is_null() {
        return fname;
    }
    let m = import(fname);
    Py_DECREF(fname);
    if m.is_null() {
        return m;
    }
    let has_from = !fromlist.is_null()
        && fromlist != none()
        && crate::protocols::object::is_true(fromlist) > 0;
    crate::errors::clear();
    if has_from || level > 0 && unicode::to_string_lossy(name).is_empty() {
        return m;
    }
    // `import a.b.c` binds `a`.
    let top_name = if level == 0 {
        full.split('.').next().unwrap_or(&full).to_string()
    } else {
        let n = unicode::to_string_lossy(name);
        let first = n.split('.').next().unwrap_or("").to_string();
        let cut = full.len() - n.len() + first.len();
        full[..cut].to_string()
    };
    if top_name == full {
        return m;
    }
    Py_DECREF(m);
    let tn = unicode::from_str(&top_name);
    if tn.is_null() {
        return tn;
    }
    let r = get_module(tn);
    if r.is_null() && crate::errors::raised().is_null() {
        let msg = format!("{} not in sys.modules as expected", top_name);
        crate::errors::set_string(exceptions::exc(&raw mut PyExc_KeyError), &msg);
    }
    Py_DECREF(tn);
    r
}

/// `PyImport_AppendInittab` entries: built-in modules of an embedding program.
pub struct Inittab(pub Vec<(CString, unsafe extern "C" fn() -> *mut PyObject)>);

/// The table is filled before `Py_Initialize` and read by imports; its lock is
/// held only to copy an entry out.
pub static INITTAB: parking_lot::Mutex<Inittab> = parking_lot::Mutex::new(Inittab(Vec::new()));

/// `PyImport_AppendInittab`.
pub unsafe fn append_inittab(
    name: *const c_char,
    init: unsafe extern "C" fn() -> *mut PyObject,
) -> c_int {
    if crate::lifecycle::is_initialized() {
        return -1;
    }
    INITTAB
        .lock()
        .0
        .push((CStr::from_ptr(name).to_owned(), init));
    0
}

/// Look for `name` in the inittab and initialise it as a built-in module.
pub unsafe fn import_builtin(name: *mut PyObject, full: &str) -> Option<*mut PyObject> {
    let init = {
        let t = INITTAB.lock();
        t.0.iter()
            .find(|e| e.0.to_bytes() == full.as_bytes())
            .map(|e| e.1)
    };
    // The embedder's inittab first (it may replace a module), then Carapace's own
    // native modules (`crate::modules`).
    let init = init.or_else(|| crate::modules::find(full))?;
    CONTEXT.with(|c| c.borrow_mut().push((full.to_string(), true)));
    let r = init();
    let pending = CONTEXT.with(|c| c.borrow_mut().pop().map(|e| e.1).unwrap_or(false));
    if r.is_null() {
        if crate::errors::raised().is_null() {
            return Some(crate::raise_null!(
                PyExc_SystemError,
                "initialization of {} failed without raising an exception",
                full
            ));
        }
        return Some(null_mut());
    }
    let spec = make_spec(name, None);
    if spec.is_null() {
        Py_DECREF(r);
        return Some(null_mut());
    }
    let spec = Owned(spec);
    let m = if Py_TYPE(r) == &raw mut PyModuleDef_Type {
        let def = r as *mut PyModuleDef;
        let ms = match module::def_slots(def, full) {
            Ok(ms) => ms,
            Err(()) => return Some(null_mut()),
        };
        if !ms.gil_not_used {
            crate::pystate::enable_legacy_lock();
        }
        let m = module::from_def_and_spec(def, spec.as_ptr());
        if m.is_null() {
            return Some(m);
        }
        if module::is_module(m) && module::exec_def(m, def).is_err() {
            Py_DECREF(m);
            return Some(null_mut());
        }
        m
    } else {
        if pending {
            crate::pystate::enable_legacy_lock();
        }
        r
    };
    if module::is_module(m) {
        let _ = dict::set_str(module::m(m).md_dict, "__spec__", spec.as_ptr());
    }
    if crate::protocols::mapping::set_item(modules(), name, m).is_err() {
        Py_DECREF(m);
        return Some(null_mut());
    }
    Some(m)
}

/// `PyImport_ReloadModule` (see the export for what it does here).
pub unsafe fn reload(m: *mut PyObject) -> *mut PyObject {
    if m.is_null() || !module::is_module(m) {
        return crate::raise_null!(PyExc_TypeError, "reload() argument must be a module");
    }
    let name = dict::get_str(module::m(m).md_dict, "__name__");
    if name.is_null() || !unicode::is_unicode(name) {
        return crate::raise_null!(PyExc_TypeError, "reload() argument must be a module");
    }
    let name = new_ref(name);
    let cur = get_module(name);
    if cur != m {
        Py_XDECREF(cur);
        if crate::errors::raised().is_null() {
            let msg = format!(
                "module {} not in sys.modules",
                unicode::to_string_lossy(name)
            );
            raise_import_error(&raw mut PyExc_ImportError, &msg, name, None);
        }
        Py_DECREF(name);
        return null_mut();
    }
    Py_DECREF(name);
    let mo = module::m(m);
    if !mo.md_def.is_null()
        && mo.md_state.is_null()
        && !(*mo.md_def).m_slots.is_null()
        && module::exec_def(m, mo.md_def).is_err()
    {
        Py_DECREF(m);
        return null_mut();
    }
    m
}

/// This area's types, slot tables filled, bases first (`lifecycle` readies them).
pub unsafe fn static_types() -> Vec<*mut crate::typeobj::PyTypeObject> {
    Vec::new()
}

/// `from module import name` (`IMPORT_FROM`): the attribute, else the submodule
/// `module.name` from `sys.modules`, else ImportError "cannot import name 'x' from
/// 'm' (path)" (or "... (unknown location)") as CPython words it.
pub unsafe fn import_from(module: *mut PyObject, name: *mut PyObject) -> *mut PyObject {
    crate::protocols::object::get_attr(module, name)
}

/// `from module import *` into `locals` (a mapping): `__all__`, else the public
/// names of the module's dict.
pub unsafe fn import_star(module: *mut PyObject, locals: *mut PyObject) -> PyResult<()> {
    let _ = (module, locals);
    crate::raise!(PyExc_SystemError, "import * is not written yet")
}

/// The `__import__` the `IMPORT_NAME` instruction calls: `builtins.__import__`
/// when a program replaced it, else the import system directly.
pub unsafe fn import_name(
    name: *mut PyObject,
    globals: *mut PyObject,
    locals: *mut PyObject,
    fromlist: *mut PyObject,
    level: c_int,
) -> *mut PyObject {
    let _ = locals;
    import_level(name, globals, fromlist, level)
}

/// The source file `import name` would execute for the module `name` (a
/// package's `__init__.py`), found the way the import system finds it, without
/// importing it (parents are imported); None when the module is not Python source
/// or not found. For `carapace -m`.
pub unsafe fn find_source(name: &str) -> PyResult<Option<std::path::PathBuf>> {
    let _ = name;
    Ok(None)
}
