//! The import system, native but shaped like CPython's `importlib._bootstrap`
//! as Python sees it: `sys.modules` is the cache; `sys.meta_path` finders
//! (`BuiltinImporter`, then `PathFinder` over `sys.path` / a package's
//! `__path__` with `sys.path_hooks` and `sys.path_importer_cache`) give a
//! `ModuleSpec`; the spec's loader creates and executes the module, which is in
//! `sys.modules` while it runs (so import cycles see it partially initialised).
//!
//! - `machinery`: the Python-visible objects (`ModuleSpec`, loaders, finders).
//! - `finders`: the search (meta path, path entries, one directory).
//! - `source`: `.py` files (decoding, compiling, running).
//! - `extension`: extension modules and built-in modules (init functions).
//! - `locks`: per-module import locks.
//!
//! The statement-level entry points are here: `import_name` (`IMPORT_NAME`),
//! `import_from` (`IMPORT_FROM`), `import_star` (`from m import *`).

mod extension;
mod finders;
mod locks;
mod machinery;
mod source;

use core::ffi::c_int;
use core::ptr::null_mut;

use crate::exported::*;
use crate::object::*;
use crate::objects::{dict, exceptions, module, unicode};

pub use extension::{append_inittab, package_context, Inittab, INITTAB};
pub use finders::invalidate_caches;
pub use machinery::DictObject;

use machinery::{owned, str_obj};

/// `sys.modules` (borrowed).
pub unsafe fn modules() -> *mut PyObject {
    (*crate::pystate::interp()).modules
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

/// Raise `ty(msg)` (ImportError or a subclass) with its `name` and `path`
/// attributes.
pub unsafe fn raise_import_error(
    ty: *mut *mut PyObject,
    msg: &str,
    name: *mut PyObject,
    path: Option<&str>,
) {
    let t = exceptions::exc(ty) as *mut crate::typeobj::PyTypeObject;
    let r = (|| -> PyResult<()> {
        let m = str_obj(msg)?;
        let e = owned(exceptions::new_instance(t, &[m.as_ptr()]))?;
        if !name.is_null() {
            crate::protocols::object::set_attr(e.as_ptr(), unicode::intern_str("name"), name)?;
        }
        if let Some(p) = path {
            let ps = str_obj(p)?;
            crate::protocols::object::set_attr(
                e.as_ptr(),
                unicode::intern_str("path"),
                ps.as_ptr(),
            )?;
        }
        crate::errors::set_object(t as *mut PyObject, e.as_ptr());
        Ok(())
    })();
    let _ = r;
}

/// `ModuleNotFoundError("No module named ...", name=full)`.
unsafe fn not_found(msg: &str, full: *mut PyObject) -> PyResult<Owned> {
    raise_import_error(&raw mut PyExc_ModuleNotFoundError, msg, full, None);
    Err(())
}

/// This area's types, slot tables filled, bases first (`lifecycle` readies them).
pub unsafe fn static_types() -> Vec<*mut crate::typeobj::PyTypeObject> {
    let mut v = machinery::types();
    v.extend(crate::objects::lazyimport::types());
    v
}

// ---- loading ------------------------------------------------------------------------------

/// Is the module being executed right now (its spec's `_initializing`)?
unsafe fn is_initializing(m: *mut PyObject) -> bool {
    let spec = if module::is_module(m) {
        let d = module::m(m).md_dict;
        if d.is_null() {
            return false;
        }
        Owned::from_borrowed(or_none(dict::get_str(d, "__spec__")))
    } else {
        match crate::protocols::object::get_optional_attr(m, unicode::intern_str("__spec__")) {
            Ok(p) if !p.is_null() => Owned(p),
            _ => {
                crate::errors::clear();
                return false;
            }
        }
    };
    if spec.as_ptr() == none() {
        return false;
    }
    let v = if machinery::is(spec.as_ptr(), &raw mut machinery::MODULE_SPEC_TYPE) {
        let d = machinery::dict_of(spec.as_ptr());
        if d.is_null() {
            return false;
        }
        Owned::from_borrowed(or_none(dict::get_str(d, "_initializing")))
    } else {
        match crate::protocols::object::get_optional_attr(
            spec.as_ptr(),
            unicode::intern_str("_initializing"),
        ) {
            Ok(p) if !p.is_null() => Owned(p),
            _ => {
                crate::errors::clear();
                return false;
            }
        }
    };
    let r = crate::protocols::object::is_true(v.as_ptr());
    if r < 0 {
        crate::errors::clear();
    }
    r > 0
}

/// `repr()` of a Rust string as Python writes it.
unsafe fn str_repr(s: &str) -> String {
    let o = unicode::from_str(s);
    let r = unicode::repr_string(o);
    Py_XDECREF(o);
    r
}

fn or_none(p: *mut PyObject) -> *mut PyObject {
    if p.is_null() {
        none()
    } else {
        p
    }
}

/// The module `full` (an absolute name), imported if needed (`_find_and_load`).
unsafe fn find_and_load(name: *mut PyObject) -> PyResult<Owned> {
    let cached = get_module(name);
    if !cached.is_null() {
        let m = Owned(cached);
        if m.as_ptr() == none() {
            let full = unicode::to_string_lossy(name);
            return not_found(
                &format!("import of {} halted; None in sys.modules", full),
                name,
            );
        }
        if is_initializing(m.as_ptr()) {
            // Another thread may be executing it: wait until it is done (a cycle
            // in this thread, or between threads, returns at once).
            drop(locks::acquire(&unicode::to_string_lossy(name)));
        }
        return Ok(m);
    }
    if !crate::errors::raised().is_null() {
        return Err(());
    }
    let full = unicode::to_string_lossy(name);
    if full.is_empty() {
        return crate::raise!(PyExc_ValueError, "Empty module name");
    }
    let _guard = locks::acquire(&full);
    let cached = get_module(name);
    if !cached.is_null() {
        let m = Owned(cached);
        if m.as_ptr() == none() {
            return not_found(
                &format!("import of {} halted; None in sys.modules", full),
                name,
            );
        }
        return Ok(m);
    }
    if !crate::errors::raised().is_null() {
        return Err(());
    }
    load_unlocked(name, &full)
}

/// `_find_and_load_unlocked`: import the parent, find the spec, load it, and
/// bind the module on its parent.
unsafe fn load_unlocked(name: *mut PyObject, full: &str) -> PyResult<Owned> {
    finders::install_sys_hooks()?;
    let mut parent = None;
    let mut path = Owned::from_borrowed(none());
    if let Some((pname, _)) = full.rsplit_once('.') {
        let pn = str_obj(pname)?;
        let pm = find_and_load(pn.as_ptr())?;
        // Importing the parent may have imported this module.
        let m = get_module(name);
        if !m.is_null() {
            return Ok(Owned(m));
        }
        if !crate::errors::raised().is_null() {
            return Err(());
        }
        let p = crate::protocols::object::get_optional_attr(
            pm.as_ptr(),
            unicode::intern_str("__path__"),
        )?;
        if p.is_null() {
            return not_found(
                &format!("No module named '{}'; '{}' is not a package", full, pname),
                name,
            );
        }
        path = Owned(p);
        parent = Some(pn);
    }
    let p = if parent.is_some() {
        path.as_ptr()
    } else {
        null_mut()
    };
    let Some(spec) = finders::find_spec(name, p)? else {
        return not_found(&format!("No module named '{}'", full), name);
    };
    let m = load(spec.as_ptr(), name)?;
    if let Some(pn) = parent {
        let pm = get_module(pn.as_ptr());
        if !pm.is_null() {
            let pm = Owned(pm);
            let child = str_obj(full.rsplit('.').next().unwrap_or(full))?;
            if crate::protocols::object::set_attr(pm.as_ptr(), child.as_ptr(), m.as_ptr()).is_err()
            {
                crate::errors::clear();
            }
        }
    }
    Ok(m)
}

/// `module_from_spec`: the loader's `create_module(spec)`, else a new module;
/// then the import-related attributes.
unsafe fn module_from_spec(spec: *mut PyObject, name: *mut PyObject) -> PyResult<Owned> {
    let loader = owned(crate::protocols::object::get_attr_str(spec, "loader"))?;
    let mut m = None;
    if loader.as_ptr() != none() {
        let l = loader.as_ptr();
        let created = if machinery::is(l, &raw mut machinery::EXTENSION_LOADER_TYPE) {
            Some(extension::create_module(spec)?)
        } else if l == &raw mut machinery::BUILTIN_IMPORTER_TYPE as *mut PyObject {
            Some(extension::create_builtin(spec)?)
        } else if machinery::is(l, &raw mut machinery::SOURCE_LOADER_TYPE)
            || machinery::is(l, &raw mut machinery::NAMESPACE_LOADER_TYPE)
        {
            None
        } else {
            let cm = crate::protocols::object::get_optional_attr(
                l,
                unicode::intern_str("create_module"),
            )?;
            if cm.is_null() {
                let ok = crate::protocols::object::get_optional_attr(
                    l,
                    unicode::intern_str("exec_module"),
                )?;
                if !ok.is_null() {
                    Py_DECREF(ok);
                    return crate::raise!(
                        PyExc_ImportError,
                        "loaders that define exec_module() must also define create_module()"
                    );
                }
                None
            } else {
                let cm = Owned(cm);
                let r = owned(crate::protocols::call::call_function(cm.as_ptr(), &[spec]))?;
                (r.as_ptr() != none()).then_some(r)
            }
        };
        m = created;
    }
    let m = match m {
        Some(m) => m,
        None => owned(module::new(name))?,
    };
    init_module_attrs(spec, m.as_ptr(), loader.as_ptr())?;
    Ok(m)
}

/// Set `__name__`, `__loader__`, `__package__`, `__spec__`, `__path__` and
/// `__file__` from the spec, keeping values a module already has (except
/// `__spec__`), as `_init_module_attrs` does.
unsafe fn init_module_attrs(
    spec: *mut PyObject,
    m: *mut PyObject,
    loader: *mut PyObject,
) -> PyResult<()> {
    let missing = |attr: &str| -> PyResult<bool> {
        let v = crate::protocols::object::get_optional_attr(m, unicode::intern_str(attr))?;
        if v.is_null() {
            return Ok(true);
        }
        Py_DECREF(v);
        Ok(v == none())
    };
    // Objects other than modules (from a create slot) may refuse attributes.
    let set = |attr: &str, v: *mut PyObject| -> PyResult<()> {
        let r = crate::protocols::object::set_attr(m, unicode::intern_str(attr), v);
        if r.is_err()
            && crate::errors::exception_matches(exceptions::exc(&raw mut PyExc_AttributeError))
        {
            crate::errors::clear();
            return Ok(());
        }
        r
    };
    let get = |attr: &str| owned(crate::protocols::object::get_attr_str(spec, attr));
    if missing("__name__")? {
        set("__name__", get("name")?.as_ptr())?;
    }
    if missing("__loader__")? {
        set("__loader__", loader)?;
    }
    if missing("__package__")? {
        set("__package__", get("parent")?.as_ptr())?;
    }
    set("__spec__", spec)?;
    let locations = get("submodule_search_locations")?;
    if locations.as_ptr() != none() && missing("__path__")? {
        set("__path__", locations.as_ptr())?;
    }
    let has_location = get("has_location")?;
    if crate::protocols::object::is_true(has_location.as_ptr()) > 0 && missing("__file__")? {
        set("__file__", get("origin")?.as_ptr())?;
    }
    crate::errors::raised().is_null().then_some(()).ok_or(())
}

/// Set `spec._initializing` (CPython's marker of a module being executed).
unsafe fn set_initializing(spec: *mut PyObject, on: bool) -> PyResult<()> {
    crate::protocols::object::set_attr(spec, unicode::intern_str("_initializing"), py_bool(on))
}

/// `_load_unlocked`: make the module, put it in `sys.modules`, execute it, and
/// return what `sys.modules` holds then (a module may replace itself).
unsafe fn load(spec: *mut PyObject, name: *mut PyObject) -> PyResult<Owned> {
    let m = module_from_spec(spec, name)?;
    set_initializing(spec, true)?;
    let r = (|| -> PyResult<Owned> {
        crate::protocols::mapping::set_item(modules(), name, m.as_ptr())?;
        if let Err(()) = exec_module(spec, m.as_ptr()) {
            remove_from_cache(name);
            return Err(());
        }
        crate::objects::lazyimport::discard_lazy_module(name);
        let now = get_module(name);
        if now.is_null() {
            if crate::errors::raised().is_null() {
                let full = unicode::to_string_lossy(name);
                raise_import_error(
                    &raw mut PyExc_ImportError,
                    &format!("module {} not in sys.modules", full),
                    name,
                    None,
                );
            }
            return Err(());
        }
        Ok(Owned(now))
    })();
    let saved = crate::errors::take_raised();
    if set_initializing(spec, false).is_err() {
        crate::errors::clear();
    }
    crate::errors::set_raised(saved);
    r
}

/// Run the spec's loader on the created module.
unsafe fn exec_module(spec: *mut PyObject, m: *mut PyObject) -> PyResult<()> {
    let loader = owned(crate::protocols::object::get_attr_str(spec, "loader"))?;
    let l = loader.as_ptr();
    if l == none() {
        let locs = owned(crate::protocols::object::get_attr_str(
            spec,
            "submodule_search_locations",
        ))?;
        if locs.as_ptr() == none() {
            let n = owned(crate::protocols::object::get_attr_str(spec, "name"))?;
            raise_import_error(
                &raw mut PyExc_ImportError,
                "missing loader",
                n.as_ptr(),
                None,
            );
            return Err(());
        }
        return Ok(());
    }
    if machinery::is(l, &raw mut machinery::SOURCE_LOADER_TYPE) {
        return source::exec_module(l, m);
    }
    if machinery::is(l, &raw mut machinery::EXTENSION_LOADER_TYPE)
        || l == &raw mut machinery::BUILTIN_IMPORTER_TYPE as *mut PyObject
    {
        return extension::exec_module(m);
    }
    if machinery::is(l, &raw mut machinery::NAMESPACE_LOADER_TYPE) {
        return Ok(());
    }
    crate::protocols::call::call_method(l, "exec_module", &[m]).map(|r| Py_DECREF(r))
}

unsafe fn remove_from_cache(name: *mut PyObject) {
    let saved = crate::errors::take_raised();
    let _ = crate::protocols::mapping::set_item(modules(), name, null_mut());
    crate::errors::clear();
    crate::errors::set_raised(saved);
}

/// `sys` and `builtins` exist before the import system runs: they get their
/// built-in spec the first time they are imported, as CPython's have from start.
unsafe fn ensure_startup_spec(m: *mut PyObject, name: *mut PyObject) -> PyResult<()> {
    if !module::is_module(m) {
        return Ok(());
    }
    let cur = dict::get_str(module::m(m).md_dict, "__spec__");
    if !cur.is_null() && cur != none() {
        return Ok(());
    }
    let Some(spec) = extension::builtin_spec(name)? else {
        return Ok(());
    };
    let loader = &raw mut machinery::BUILTIN_IMPORTER_TYPE as *mut PyObject;
    init_module_attrs(spec.as_ptr(), m, loader)
}

/// `PyImport_Import` / `PyImport_ImportModule`: the module named `name` (a
/// dotted absolute name; the module itself, not the top-level package).
pub unsafe fn import(name: *mut PyObject) -> *mut PyObject {
    if !unicode::is_unicode(name) {
        return crate::raise_null!(PyExc_TypeError, "module name must be a string");
    }
    if unicode::bytes_of(name).is_empty() {
        return crate::raise_null!(PyExc_ValueError, "Empty module name");
    }
    let r = (|| -> PyResult<Owned> {
        let m = find_and_load(name)?;
        let full = unicode::to_string_lossy(name);
        if full == "sys" || full == "builtins" {
            ensure_startup_spec(m.as_ptr(), name)?;
        }
        Ok(m)
    })();
    r.map(Owned::into_ptr).unwrap_or(null_mut())
}

// ---- import statements ----------------------------------------------------------------------

/// The absolute name of a relative import of `name` at `level` from a module
/// with these globals (`resolve_name` of `import.c`).
unsafe fn resolve_name(name: &str, globals: *mut PyObject, level: c_int) -> PyResult<String> {
    if globals.is_null() {
        return crate::raise!(PyExc_KeyError, "'__name__' not in globals");
    }
    if !dict::is_dict(globals) {
        return crate::raise!(PyExc_TypeError, "globals must be a dict");
    }
    let package = dict::get_str(globals, "__package__");
    let spec = dict::get_str(globals, "__spec__");
    let package: String = if !package.is_null() && package != none() {
        if !unicode::is_unicode(package) {
            return crate::raise!(PyExc_TypeError, "package must be a string");
        }
        unicode::to_string_lossy(package)
    } else if !spec.is_null() && spec != none() {
        let p = owned(crate::protocols::object::get_attr_str(spec, "parent"))?;
        if !unicode::is_unicode(p.as_ptr()) {
            return crate::raise!(PyExc_TypeError, "__spec__.parent must be a string");
        }
        unicode::to_string_lossy(p.as_ptr())
    } else {
        let n = dict::get_str(globals, "__name__");
        if n.is_null() {
            return crate::raise!(PyExc_KeyError, "'__name__' not in globals");
        }
        if !unicode::is_unicode(n) {
            return crate::raise!(PyExc_TypeError, "__name__ must be a string");
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
        return crate::raise!(
            PyExc_ImportError,
            "attempted relative import with no known parent package"
        );
    }
    let mut base = package.as_str();
    for _ in 1..level {
        match base.rsplit_once('.') {
            Some((b, _)) => base = b,
            None => {
                return crate::raise!(
                    PyExc_ImportError,
                    "attempted relative import beyond top-level package"
                )
            }
        }
    }
    Ok(if name.is_empty() {
        base.to_string()
    } else {
        format!("{}.{}", base, name)
    })
}

/// `PyImport_ImportModuleLevelObject` (what `builtins.__import__` does): import
/// `name` (relative at `level`, resolved against `globals`) and return the
/// top-level package, or the module itself when `fromlist` is non-empty (after
/// importing the submodules it names).
pub unsafe fn import_level(
    name: *mut PyObject,
    globals: *mut PyObject,
    fromlist: *mut PyObject,
    level: c_int,
) -> *mut PyObject {
    import_level_impl(name, globals, fromlist, level)
        .map(Owned::into_ptr)
        .unwrap_or(null_mut())
}

unsafe fn import_level_impl(
    name: *mut PyObject,
    globals: *mut PyObject,
    fromlist: *mut PyObject,
    level: c_int,
) -> PyResult<Owned> {
    if name.is_null() {
        return crate::raise!(PyExc_ValueError, "Empty module name");
    }
    if !unicode::is_unicode(name) {
        return crate::raise!(PyExc_TypeError, "module name must be a string");
    }
    if level < 0 {
        return crate::raise!(PyExc_ValueError, "level must be >= 0");
    }
    let given = unicode::to_string_lossy(name);
    let abs = if level > 0 {
        resolve_name(&given, globals, level)?
    } else if given.is_empty() {
        return crate::raise!(PyExc_ValueError, "Empty module name");
    } else {
        given.clone()
    };
    let abs_obj = if abs == given {
        Owned::from_borrowed(name)
    } else {
        str_obj(&abs)?
    };
    let m = find_and_load(abs_obj.as_ptr())?;
    let has_from = !fromlist.is_null() && fromlist != none() && {
        let t = crate::protocols::object::is_true(fromlist);
        if t < 0 {
            return Err(());
        }
        t > 0
    };
    if has_from {
        let path = crate::protocols::object::get_optional_attr(
            m.as_ptr(),
            unicode::intern_str("__path__"),
        )?;
        if !path.is_null() {
            Py_DECREF(path);
            handle_fromlist(m.as_ptr(), fromlist, false)?;
        }
        return Ok(m);
    }
    if level > 0 && given.is_empty() {
        return Ok(m);
    }
    let Some(dot) = given.find('.') else {
        if abs == "sys" || abs == "builtins" {
            ensure_startup_spec(m.as_ptr(), abs_obj.as_ptr())?;
        }
        return Ok(m);
    };
    let top = if level == 0 {
        given[..dot].to_string()
    } else {
        abs[..abs.len() - (given.len() - dot)].to_string()
    };
    let tn = str_obj(&top)?;
    if level == 0 {
        return find_and_load(tn.as_ptr());
    }
    let r = get_module(tn.as_ptr());
    if r.is_null() {
        if crate::errors::raised().is_null() {
            let rep = owned(crate::protocols::object::repr(tn.as_ptr()))?;
            let msg = format!(
                "{} not in sys.modules as expected",
                unicode::to_string_lossy(rep.as_ptr())
            );
            crate::errors::set_string(exceptions::exc(&raw mut PyExc_KeyError), &msg);
        }
        return Err(());
    }
    Ok(Owned(r))
}

/// `_handle_fromlist`: import the submodules a `from package import a, b` names
/// that the package does not have as attributes (`*` follows `__all__`).
unsafe fn handle_fromlist(
    m: *mut PyObject,
    fromlist: *mut PyObject,
    recursive: bool,
) -> PyResult<()> {
    let items = crate::protocols::iter::collect(fromlist)?;
    for x in items {
        let x = x.as_ptr();
        if !unicode::is_unicode(x) {
            let where_ = if recursive {
                let n = owned(crate::protocols::object::get_attr_str(m, "__name__"))?;
                let n = owned(crate::protocols::object::str(n.as_ptr()))?;
                format!("{}.__all__", unicode::to_string_lossy(n.as_ptr()))
            } else {
                "``from list''".to_string()
            };
            return crate::raise!(
                PyExc_TypeError,
                "Item in {} must be str, not {}",
                where_,
                crate::objects::typeobject::short_name(Py_TYPE(x))
            );
        }
        let xs = unicode::to_string_lossy(x);
        if xs == "*" {
            if !recursive {
                let all =
                    crate::protocols::object::get_optional_attr(m, unicode::intern_str("__all__"))?;
                if !all.is_null() {
                    let all = Owned(all);
                    handle_fromlist(m, all.as_ptr(), true)?;
                }
            }
            continue;
        }
        let have = crate::protocols::object::get_optional_attr(m, x)?;
        if !have.is_null() {
            Py_DECREF(have);
            continue;
        }
        let mname = owned(crate::protocols::object::get_attr_str(m, "__name__"))?;
        let from_name = format!("{}.{}", unicode::to_string_lossy(mname.as_ptr()), xs);
        let fname = str_obj(&from_name)?;
        if find_and_load(fname.as_ptr()).is_err() {
            if !crate::errors::exception_matches(exceptions::exc(
                &raw mut PyExc_ModuleNotFoundError,
            )) {
                return Err(());
            }
            let e = crate::errors::take_raised();
            let en = crate::protocols::object::get_attr_str(e, "name");
            let same = !en.is_null()
                && unicode::is_unicode(en)
                && unicode::to_string_lossy(en) == from_name;
            Py_XDECREF(en);
            crate::errors::clear();
            let entry = get_module(fname.as_ptr());
            let none_entry = entry == none();
            Py_XDECREF(entry);
            crate::errors::clear();
            if same && !none_entry {
                Py_DECREF(e);
                continue;
            }
            crate::errors::set_raised(e);
            return Err(());
        }
    }
    Ok(())
}

/// What the `IMPORT_NAME` instruction does without its lazy bit: a lazy-import
/// proxy when the import is potentially lazy anyway (mode "all", or the name is
/// in the module's `__lazy_modules__`; module level only), else
/// `import_name_eager`.
pub unsafe fn import_name(
    name: *mut PyObject,
    globals: *mut PyObject,
    locals: *mut PyObject,
    fromlist: *mut PyObject,
    level: c_int,
) -> *mut PyObject {
    match crate::objects::lazyimport::potentially_lazy(name, globals, locals, level) {
        Err(()) => null_mut(),
        Ok(true) => {
            crate::objects::lazyimport::new_lazy_import(name, globals, locals, fromlist, level)
        }
        Ok(false) => import_name_eager(name, globals, locals, fromlist, level),
    }
}

/// The absolute module name an import of `name` at `level` from a module with
/// these globals means (new reference).
pub unsafe fn resolve_name_obj(
    name: *mut PyObject,
    globals: *mut PyObject,
    level: c_int,
) -> *mut PyObject {
    if !unicode::is_unicode(name) {
        return crate::raise_null!(PyExc_TypeError, "module name must be a string");
    }
    if level <= 0 {
        return new_ref(name);
    }
    match resolve_name(&unicode::to_string_lossy(name), globals, level) {
        Ok(s) => unicode::from_str(&s),
        Err(()) => null_mut(),
    }
}

/// Import through `builtins.__import__` when a program replaced it, else the
/// import system directly.
pub unsafe fn import_name_eager(
    name: *mut PyObject,
    globals: *mut PyObject,
    locals: *mut PyObject,
    fromlist: *mut PyObject,
    level: c_int,
) -> *mut PyObject {
    let builtins = crate::vm::current_builtins();
    let f = if builtins.is_null() {
        null_mut()
    } else {
        dict::get_str(builtins, "__import__")
    };
    if f.is_null() {
        return crate::raise_null!(PyExc_ImportError, "__import__ not found");
    }
    if is_builtin_import(f) {
        return import_level(name, globals, fromlist, level);
    }
    let f = Owned::from_borrowed(f);
    let lv = crate::objects::long::from_i64(level as i64);
    if lv.is_null() {
        return lv;
    }
    let lv = Owned(lv);
    crate::protocols::call::call_function(
        f.as_ptr(),
        &[
            name,
            or_none(globals),
            or_none(locals),
            or_none(fromlist),
            lv.as_ptr(),
        ],
    )
}

/// Is `f` the `__import__` of the `builtins` module (not a replacement)? Then
/// `IMPORT_NAME` skips the call, as CPython does for its original import function.
unsafe fn is_builtin_import(f: *mut PyObject) -> bool {
    if !crate::objects::methodobject::is_cfunction(f) {
        return false;
    }
    let c = &*(f as *mut crate::objects::methodobject::CFunctionObject);
    !c.m_ml.is_null()
        && core::ffi::CStr::from_ptr((*c.m_ml).ml_name).to_bytes() == b"__import__"
        && !c.m_self.is_null()
        && module::is_module(c.m_self)
        && module::name_string(c.m_self) == "builtins"
}

/// Would module `m` (with this origin) shadow something: its directory is
/// `sys.path[0]` (the script's, or the current one)? Returns that and whether
/// its name is also a standard-library module's.
unsafe fn shadowing(m: *mut PyObject, origin: &str) -> (bool, bool) {
    let sp = crate::objects::sysmodule::get_object("path");
    if sp.is_null() || !crate::objects::list::is_list(sp) {
        return (false, false);
    }
    let first = crate::objects::list::snapshot(sp);
    let Some(first) = first.first() else {
        return (false, false);
    };
    if !unicode::is_unicode(first.as_ptr()) {
        return (false, false);
    }
    let mut p0 = unicode::to_string_lossy(first.as_ptr());
    if p0.is_empty() {
        match std::env::current_dir() {
            Ok(d) => p0 = d.to_string_lossy().into_owned(),
            Err(_) => return (false, false),
        }
    }
    let mut root = std::path::Path::new(origin)
        .parent()
        .map(|p| p.to_path_buf())
        .unwrap_or_default();
    if origin.ends_with("/__init__.py") {
        root = root.parent().map(|p| p.to_path_buf()).unwrap_or_default();
    }
    if root != std::path::Path::new(&p0) {
        return (false, false);
    }
    let stdlib = crate::objects::sysmodule::get_object("stdlib_module_names");
    let name = crate::protocols::object::get_attr_str(m, "__name__");
    let in_stdlib = !stdlib.is_null()
        && !name.is_null()
        && crate::protocols::sequence::contains(stdlib, name) > 0;
    Py_XDECREF(name);
    crate::errors::clear();
    (true, in_stdlib)
}

/// `from module import name` (`IMPORT_FROM`): the attribute, else the submodule
/// `module.name` from `sys.modules`, else ImportError "cannot import name 'x' from
/// 'm' (path)" (or "... (unknown location)") as CPython words it.
pub unsafe fn import_from(module: *mut PyObject, name: *mut PyObject) -> *mut PyObject {
    let r = crate::protocols::object::get_attr(module, name);
    if !r.is_null() {
        return r;
    }
    if !crate::errors::exception_matches(exceptions::exc(&raw mut PyExc_AttributeError)) {
        return null_mut();
    }
    crate::errors::clear();
    let pkgname = crate::protocols::object::get_attr_str(module, "__name__");
    let pkgname = if pkgname.is_null() || !unicode::is_unicode(pkgname) {
        Py_XDECREF(pkgname);
        crate::errors::clear();
        None
    } else {
        Some(Owned(pkgname))
    };
    if let Some(p) = &pkgname {
        let full = format!(
            "{}.{}",
            unicode::to_string_lossy(p.as_ptr()),
            unicode::to_string_lossy(name)
        );
        let Ok(fo) = str_obj(&full) else {
            return null_mut();
        };
        let x = get_module(fo.as_ptr());
        if !x.is_null() {
            return x;
        }
        if !crate::errors::raised().is_null() {
            return null_mut();
        }
    }
    let file = crate::protocols::object::get_attr_str(module, "__file__");
    let path = if !file.is_null() && unicode::is_unicode(file) {
        Some(unicode::to_string_lossy(file))
    } else {
        None
    };
    Py_XDECREF(file);
    crate::errors::clear();
    let pn_repr = match &pkgname {
        Some(p) => {
            let r = crate::protocols::object::repr(p.as_ptr());
            if r.is_null() {
                return null_mut();
            }
            let s = unicode::to_string_lossy(r);
            Py_DECREF(r);
            s
        }
        None => "'<unknown module name>'".to_string(),
    };
    let nr = crate::protocols::object::repr(name);
    if nr.is_null() {
        return null_mut();
    }
    let n_repr = unicode::to_string_lossy(nr);
    Py_DECREF(nr);
    let loc = path.as_deref().unwrap_or("unknown location");
    let msg = if is_initializing(module) {
        let (shadow, stdlib) = match &path {
            Some(p) => shadowing(module, p),
            None => (false, false),
        };
        let pr = |p: &str| str_repr(p);
        if stdlib {
            format!(
                "cannot import name {} from {} (consider renaming {} since it has the same \
                 name as the standard library module named {} and prevents importing that \
                 standard library module)",
                n_repr,
                pn_repr,
                pr(loc),
                pn_repr
            )
        } else if shadow {
            format!(
                "cannot import name {} from {} (consider renaming {} if it has the same name \
                 as a library you intended to import)",
                n_repr,
                pn_repr,
                pr(loc)
            )
        } else {
            format!(
                "cannot import name {} from partially initialized module {} (most likely due \
                 to a circular import) ({})",
                n_repr, pn_repr, loc
            )
        }
    } else {
        format!("cannot import name {} from {} ({})", n_repr, pn_repr, loc)
    };
    let pname = pkgname.as_ref().map(|p| p.as_ptr()).unwrap_or(null_mut());
    raise_import_error(&raw mut PyExc_ImportError, &msg, pname, path.as_deref());
    let e = crate::errors::raised();
    if !e.is_null() {
        let _ = crate::protocols::object::set_attr(e, unicode::intern_str("name_from"), name);
    }
    null_mut()
}

/// `from module import *` into `locals` (a mapping): `__all__`, else the public
/// names of the module's dict.
pub unsafe fn import_star(module: *mut PyObject, locals: *mut PyObject) -> PyResult<()> {
    let mut all =
        crate::protocols::object::get_optional_attr(module, unicode::intern_str("__all__"))?;
    let from_dict = all.is_null();
    if from_dict {
        let d =
            crate::protocols::object::get_optional_attr(module, unicode::intern_str("__dict__"))?;
        if d.is_null() {
            return crate::raise!(
                PyExc_ImportError,
                "from-import-* object has no __dict__ and no __all__"
            );
        }
        let d = Owned(d);
        all = crate::protocols::mapping::method_as_list(d.as_ptr(), "keys");
        nonnull(all)?;
    }
    let all = Owned(all);
    let mut i = 0;
    loop {
        let name = crate::protocols::sequence::get_item(all.as_ptr(), i);
        if name.is_null() {
            if crate::errors::exception_matches(exceptions::exc(&raw mut PyExc_IndexError)) {
                crate::errors::clear();
                return Ok(());
            }
            return Err(());
        }
        let name = Owned(name);
        i += 1;
        if !unicode::is_unicode(name.as_ptr()) {
            let mn = owned(crate::protocols::object::get_attr_str(module, "__name__"))?;
            if !unicode::is_unicode(mn.as_ptr()) {
                return crate::raise!(
                    PyExc_TypeError,
                    "module __name__ must be a string, not {}",
                    crate::objects::typeobject::short_name(Py_TYPE(mn.as_ptr()))
                );
            }
            return crate::raise!(
                PyExc_TypeError,
                "{} in {}.{} must be str, not {}",
                if from_dict { "Key" } else { "Item" },
                unicode::to_string_lossy(mn.as_ptr()),
                if from_dict { "__dict__" } else { "__all__" },
                crate::objects::typeobject::short_name(Py_TYPE(name.as_ptr()))
            );
        }
        if from_dict && unicode::bytes_of(name.as_ptr()).starts_with(b"_") {
            continue;
        }
        let v = owned(crate::protocols::object::get_attr(module, name.as_ptr()))?;
        if dict::is_dict_exact(locals) {
            dict::set_item(locals, name.as_ptr(), v.as_ptr())?;
        } else {
            crate::protocols::mapping::set_item(locals, name.as_ptr(), v.as_ptr())?;
        }
    }
}

/// The source file `import name` would execute for the module `name` (a
/// package's `__init__.py`), found the way the import system finds it, without
/// importing it (parents are imported); None when the module is not Python source
/// or not found. For `carapace -m`.
pub unsafe fn find_source(name: &str) -> PyResult<Option<std::path::PathBuf>> {
    let n = str_obj(name)?;
    let mut path = null_mut();
    let _parent;
    if let Some((pname, _)) = name.rsplit_once('.') {
        let pn = str_obj(pname)?;
        let pm = find_and_load(pn.as_ptr())?;
        let p = crate::protocols::object::get_optional_attr(
            pm.as_ptr(),
            unicode::intern_str("__path__"),
        )?;
        if p.is_null() {
            return Ok(None);
        }
        _parent = Owned(p);
        path = _parent.as_ptr();
    }
    finders::install_sys_hooks()?;
    let Some(spec) = finders::find_spec(n.as_ptr(), path)? else {
        return Ok(None);
    };
    let loader = owned(crate::protocols::object::get_attr_str(
        spec.as_ptr(),
        "loader",
    ))?;
    if !machinery::is(loader.as_ptr(), &raw mut machinery::SOURCE_LOADER_TYPE) {
        return Ok(None);
    }
    Ok(machinery::str_attr(loader.as_ptr(), "path").map(std::path::PathBuf::from))
}

/// `PyImport_ReloadModule` / `importlib.reload`: the module must be the one in
/// `sys.modules`; its spec is found again and its loader executes it again in the
/// same namespace. An extension module whose state exists is not initialised
/// again (CPython's `exec_dynamic`).
pub unsafe fn reload(m: *mut PyObject) -> *mut PyObject {
    reload_impl(m).map(Owned::into_ptr).unwrap_or(null_mut())
}

unsafe fn reload_impl(m: *mut PyObject) -> PyResult<Owned> {
    if m.is_null() || !module::is_module(m) {
        return crate::raise!(PyExc_TypeError, "reload() argument must be a module");
    }
    let name = dict::get_str(module::m(m).md_dict, "__name__");
    if name.is_null() || !unicode::is_unicode(name) {
        return crate::raise!(PyExc_TypeError, "reload() argument must be a module");
    }
    let name = Owned::from_borrowed(name);
    let cur = get_module(name.as_ptr());
    if cur != m {
        Py_XDECREF(cur);
        if crate::errors::raised().is_null() {
            let msg = format!(
                "module {} not in sys.modules",
                unicode::to_string_lossy(name.as_ptr())
            );
            raise_import_error(&raw mut PyExc_ImportError, &msg, name.as_ptr(), None);
        }
        return Err(());
    }
    let m = Owned(cur);
    let full = unicode::to_string_lossy(name.as_ptr());
    let mut path = null_mut();
    let _parent;
    if let Some((pname, _)) = full.rsplit_once('.') {
        let pn = str_obj(pname)?;
        let pm = get_module(pn.as_ptr());
        if pm.is_null() {
            if crate::errors::raised().is_null() {
                let msg = format!("parent {:?} not in sys.modules", pname);
                raise_import_error(&raw mut PyExc_ImportError, &msg, pn.as_ptr(), None);
            }
            return Err(());
        }
        let pm = Owned(pm);
        let p = crate::protocols::object::get_optional_attr(
            pm.as_ptr(),
            unicode::intern_str("__path__"),
        )?;
        _parent = Owned(if p.is_null() { new_ref(none()) } else { p });
        path = _parent.as_ptr();
    }
    let mo = module::m(m.as_ptr());
    if !mo.md_def.is_null() || !mo.md_exec.is_null() {
        // An extension module: run its exec slots only if they never ran.
        extension::exec_module(m.as_ptr())?;
        return Ok(m);
    }
    let Some(spec) = finders::find_spec(name.as_ptr(), path)? else {
        return not_found(
            &format!("spec not found for the module {:?}", full),
            name.as_ptr(),
        );
    };
    let loader = owned(crate::protocols::object::get_attr_str(
        spec.as_ptr(),
        "loader",
    ))?;
    init_module_attrs(spec.as_ptr(), m.as_ptr(), loader.as_ptr())?;
    exec_module(spec.as_ptr(), m.as_ptr())?;
    let now = get_module(name.as_ptr());
    if now.is_null() {
        return Err(());
    }
    Ok(Owned(now))
}

/// `PyImport_GetImporter`: the finder for path entry `path` (through
/// `sys.path_hooks`, cached in `sys.path_importer_cache`), or None.
pub unsafe fn get_importer(path: *mut PyObject) -> PyResult<Option<Owned>> {
    finders::install_sys_hooks()?;
    finders::get_importer(path)
}

/// `PyImport_ExecCodeModuleObject`: run a code object as the body of module
/// `name` (made in `sys.modules` if missing; `__builtins__` added), with a spec
/// for the file `pathname` when given; returns `sys.modules[name]` afterwards. On
/// failure the module is removed from `sys.modules`.
pub unsafe fn exec_code_module(
    name: *mut PyObject,
    code: *mut PyObject,
    pathname: *mut PyObject,
) -> *mut PyObject {
    let r = (|| -> PyResult<Owned> {
        let m = owned(add_module(name))?;
        let d = module::m(m.as_ptr()).md_dict;
        if !module::is_module(m.as_ptr()) || d.is_null() {
            return crate::raise!(PyExc_TypeError, "module has no __dict__");
        }
        if dict::get_str(d, "__builtins__").is_null() {
            dict::set_str(d, "__builtins__", crate::vm::current_builtins())?;
        }
        if !pathname.is_null() && unicode::is_unicode(pathname) {
            let path = unicode::to_string_lossy(pathname);
            let loader =
                machinery::new_file_loader(&raw mut machinery::SOURCE_LOADER_TYPE, name, &path)?;
            let spec = machinery::new_spec(name, loader.as_ptr(), Some(&path), null_mut(), true)?;
            dict::set_str(d, "__spec__", spec.as_ptr())?;
            dict::set_str(d, "__loader__", loader.as_ptr())?;
            dict::set_str(d, "__file__", pathname)?;
        }
        owned(crate::vm::eval_code(code, d, d))?;
        let now = get_module(name);
        if now.is_null() {
            if crate::errors::raised().is_null() {
                let rep = owned(crate::protocols::object::repr(name))?;
                let msg = format!(
                    "Loaded module {} not found in sys.modules",
                    unicode::to_string_lossy(rep.as_ptr())
                );
                raise_import_error(&raw mut PyExc_ImportError, &msg, null_mut(), None);
            }
            return Err(());
        }
        Ok(Owned(now))
    })();
    match r {
        Ok(m) => m.into_ptr(),
        Err(()) => {
            remove_from_cache(name);
            null_mut()
        }
    }
}
