//! Extension modules and built-in modules: both are made by an init function,
//! `PyInit_NAME` (single-phase: returns the module; multi-phase: returns a
//! `PyModuleDef`), or for extensions `PyModExport_NAME` (PEP 793: returns a
//! `PySlot` array).
//!
//! Extension files: `dlopen(path, RTLD_NOW | RTLD_LOCAL)` (a failure raises
//! ImportError with `dlerror()`'s text and the `name`/`path` attributes). A
//! version-specific file (`NAME.cpython-315-*.so`) is loaded only when the module
//! declares the Stable ABI through `Py_mod_abi` in its `PyModExport_NAME` slots,
//! refused otherwise with an ImportError naming the Stable ABI (such a module may
//! embed CPython's full struct layouts).
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
use crate::objects::{module, unicode};

use super::machinery::{self, owned};
use super::raise_import_error;

/// Suffixes of Stable ABI extension modules, in search order.
pub const EXT_SUFFIXES: [&str; 5] = [
    ".abi3.so",
    ".abi3-x86_64-linux-gnu.so",
    ".abi3t.so",
    ".abi3t-x86_64-linux-gnu.so",
    ".so",
];
/// Suffixes of version-specific extension modules (loaded only when they declare
/// the Stable ABI).
pub const VERSION_SPECIFIC: [&str; 2] = [
    ".cpython-315-x86_64-linux-gnu.so",
    ".cpython-315t-x86_64-linux-gnu.so",
];

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

type InitFn = unsafe extern "C" fn() -> *mut PyObject;
type ExportFn = unsafe extern "C" fn() -> *mut PySlot;

/// The init function of built-in module `full`: the embedder's inittab first (it
/// may replace a module), then Carapace's own native modules.
fn builtin_init(full: &str) -> Option<InitFn> {
    let init = {
        let t = INITTAB.lock();
        t.0.iter()
            .find(|e| e.0.to_bytes() == full.as_bytes())
            .map(|e| e.1)
    };
    init.or_else(|| crate::modules::find(full))
}

/// The modules made at start-up rather than by an init function.
fn is_startup_module(full: &str) -> bool {
    full == "sys" || full == "builtins"
}

/// `BuiltinImporter.find_spec`: a spec with origin "built-in", or None.
pub unsafe fn builtin_spec(name: *mut PyObject) -> PyResult<Option<Owned>> {
    if !unicode::is_unicode(name) {
        return Ok(None);
    }
    let full = unicode::to_string_lossy(name);
    if !is_startup_module(&full) && builtin_init(&full).is_none() {
        return Ok(None);
    }
    let loader = &raw mut machinery::BUILTIN_IMPORTER_TYPE as *mut PyObject;
    machinery::new_spec(name, loader, Some("built-in"), null_mut(), false).map(Some)
}

unsafe fn spec_name(spec: *mut PyObject) -> PyResult<String> {
    let n = owned(crate::protocols::object::get_attr_str(spec, "name"))?;
    if !unicode::is_unicode(n.as_ptr()) {
        return crate::raise!(PyExc_TypeError, "module name must be a string");
    }
    Ok(unicode::to_string_lossy(n.as_ptr()))
}

/// `BuiltinImporter.create_module`.
pub unsafe fn create_builtin(spec: *mut PyObject) -> PyResult<Owned> {
    let full = spec_name(spec)?;
    if is_startup_module(&full) {
        let n = machinery::str_obj(&full)?;
        let m = super::get_module(n.as_ptr());
        if !m.is_null() {
            return Ok(Owned(m));
        }
        if !crate::errors::raised().is_null() {
            return Err(());
        }
    }
    let Some(init) = builtin_init(&full) else {
        let n = machinery::str_obj(&full)?;
        raise_import_error(
            &raw mut PyExc_ImportError,
            &format!("no built-in module named {}", full),
            n.as_ptr(),
            None,
        );
        return Err(());
    };
    run_init(init, &full, &full, spec, false)
}

/// Call an init function and make the module: a single-phase module comes back
/// finished (marked executed); a multi-phase one is created from its definition
/// and executed later by `exec_module`.
unsafe fn run_init(
    init: InitFn,
    full: &str,
    short: &str,
    spec: *mut PyObject,
    version_specific: bool,
) -> PyResult<Owned> {
    if version_specific {
        // Only PEP 793 export hooks can declare the Stable ABI before any code
        // of the module runs.
        return refuse(spec, full);
    }
    CONTEXT.with(|c| c.borrow_mut().push((full.to_string(), true)));
    let r = init();
    let pending = CONTEXT.with(|c| c.borrow_mut().pop().map(|e| e.1).unwrap_or(false));
    if r.is_null() {
        if crate::errors::raised().is_null() {
            return crate::raise!(
                PyExc_SystemError,
                "initialization of {} failed without raising an exception",
                short
            );
        }
        return Err(());
    }
    if !crate::errors::raised().is_null() {
        Py_DECREF(r);
        return crate::raise!(
            PyExc_SystemError,
            "initialization of {} raised unreported exception",
            short
        );
    }
    if Py_TYPE(r) == &raw mut PyModuleDef_Type {
        // Multi-phase: PyInit returned its definition.
        let def = r as *mut PyModuleDef;
        let ms = module::def_slots(def, full)?;
        if !ms.gil_not_used {
            crate::pystate::enable_legacy_lock();
        }
        return owned(module::from_def_and_spec(def, spec));
    }
    if pending {
        crate::pystate::enable_legacy_lock();
    }
    let m = Owned(r);
    if module::is_module(r) {
        module::m(r).md_executed = true;
        let def = module::m(r).md_def;
        if !def.is_null() {
            let _ = module::state_add(r, def);
            crate::errors::clear();
        }
    }
    Ok(m)
}

/// Run a created module's exec slots once (`exec_module` of the extension and
/// built-in loaders); single-phase modules are already executed.
pub unsafe fn exec_module(m: *mut PyObject) -> PyResult<()> {
    if module::is_module(m) && !module::m(m).md_executed {
        module::exec(m)?;
    }
    Ok(())
}

unsafe fn dlerror_string() -> String {
    let e = libc::dlerror();
    if e.is_null() {
        "unknown dlopen() error".to_string()
    } else {
        CStr::from_ptr(e).to_string_lossy().into_owned()
    }
}

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

unsafe fn spec_origin(spec: *mut PyObject) -> PyResult<String> {
    let o = owned(crate::protocols::object::get_attr_str(spec, "origin"))?;
    if !unicode::is_unicode(o.as_ptr()) {
        return crate::raise!(PyExc_TypeError, "spec.origin must be a string");
    }
    Ok(unicode::to_string_lossy(o.as_ptr()))
}

unsafe fn refuse<T>(spec: *mut PyObject, full: &str) -> PyResult<T> {
    let path = spec_origin(spec)?;
    let msg = format!(
        "{}: version-specific extension module '{}' (built for CPython 3.15's full ABI) \
         cannot be loaded: Carapace provides only the Stable ABI (abi3); rebuild it with \
         Py_LIMITED_API or declare the Stable ABI with PyABIInfo",
        path, full
    );
    let n = machinery::str_obj(full)?;
    raise_import_error(&raw mut PyExc_ImportError, &msg, n.as_ptr(), Some(&path));
    Err(())
}

/// `ExtensionFileLoader.create_module`: load `spec.origin` and create the module.
pub unsafe fn create_module(spec: *mut PyObject) -> PyResult<Owned> {
    let full = spec_name(spec)?;
    let path = spec_origin(spec)?;
    let short = full.rsplit('.').next().unwrap_or(&full).to_string();
    let version_specific = VERSION_SPECIFIC.iter().any(|s| path.ends_with(s));
    let name = machinery::str_obj(&full)?;
    let Ok(cpath) = CString::new(path.as_str()) else {
        return crate::raise!(PyExc_ValueError, "embedded null byte");
    };
    let handle = libc::dlopen(cpath.as_ptr(), libc::RTLD_NOW | libc::RTLD_LOCAL);
    if handle.is_null() {
        if version_specific {
            return refuse(spec, &full);
        }
        let msg = dlerror_string();
        raise_import_error(&raw mut PyExc_ImportError, &msg, name.as_ptr(), Some(&path));
        return Err(());
    }
    let sym = |prefix: &str| -> *mut c_void {
        match CString::new(format!("{}{}", prefix, short)) {
            Ok(s) => libc::dlsym(handle, s.as_ptr()),
            Err(_) => null_mut(),
        }
    };
    let export = sym("PyModExport_");
    if export.is_null() {
        let init = sym("PyInit_");
        if init.is_null() {
            if version_specific {
                return refuse(spec, &full);
            }
            let msg = format!(
                "dynamic module does not define module export function (PyModExport_{} or PyInit_{})",
                short, short
            );
            raise_import_error(&raw mut PyExc_ImportError, &msg, name.as_ptr(), Some(&path));
            return Err(());
        }
        let f: InitFn = core::mem::transmute(init);
        return run_init(f, &full, &short, spec, version_specific);
    }
    let f: ExportFn = core::mem::transmute(export);
    let slots = f();
    if slots.is_null() {
        if crate::errors::raised().is_null() {
            return crate::raise!(
                PyExc_SystemError,
                "module export hook for module '{}' failed without setting an exception",
                full
            );
        }
        return Err(());
    }
    if version_specific && !declares_stable_abi(slots) {
        return refuse(spec, &full);
    }
    let ms = module::slot_array_slots(slots, &full)?;
    if !ms.gil_not_used {
        crate::pystate::enable_legacy_lock();
    }
    owned(module::from_slots_and_spec(slots, spec))
}
