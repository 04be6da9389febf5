//! Finding modules: `sys.meta_path` (with the native `BuiltinImporter` and
//! `PathFinder` at their places in it), the path entries of `sys.path` or a
//! package's `__path__` through `sys.path_hooks` and `sys.path_importer_cache`,
//! and the native `FileFinder` of one directory.
//!
//! Search order in each directory, for the last component `NAME` of the module's
//! name (CPython's precedence; first match wins):
//! 1. a directory `NAME/` holding `__init__` with one of the suffixes below: a
//!    regular package;
//! 2. `NAME` with an extension suffix (`extension::EXT_SUFFIXES`, then the
//!    version-specific ones), then `NAME.py`: a module;
//! 3. a directory `NAME/` without `__init__`: a portion of a namespace package,
//!    merged with the portions of later path entries.

use core::ptr::null_mut;

use crate::exported::*;
use crate::object::*;
use crate::objects::{dict, list, tuple, unicode};
use crate::typeobj::PyTypeObject;

use super::extension::{self, EXT_SUFFIXES, VERSION_SPECIFIC};
use super::machinery::{self, owned, str_obj};

fn is_file(p: &str) -> bool {
    std::fs::metadata(p).map(|m| m.is_file()).unwrap_or(false)
}

fn is_dir(p: &str) -> bool {
    std::fs::metadata(p).map(|m| m.is_dir()).unwrap_or(false)
}

/// What one directory holds for a name.
#[derive(Debug, PartialEq)]
pub enum Found {
    /// A module file (`.py` or an extension), and whether it is a package's
    /// `__init__`.
    File(String, bool),
    /// A directory without `__init__`: a namespace portion.
    Portion(String),
}

fn suffixes() -> impl Iterator<Item = &'static str> {
    EXT_SUFFIXES
        .iter()
        .chain(VERSION_SPECIFIC.iter())
        .copied()
        .chain(core::iter::once(".py"))
}

/// Look for module `tail` in directory `dir`.
pub fn find_in(dir: &str, tail: &str) -> Option<Found> {
    let base = if dir.is_empty() {
        tail.to_string()
    } else {
        format!("{}/{}", dir.trim_end_matches('/'), tail)
    };
    let package = is_dir(&base);
    if package {
        for s in suffixes() {
            let p = format!("{}/__init__{}", base, s);
            if is_file(&p) {
                return Some(Found::File(p, true));
            }
        }
    }
    for s in suffixes() {
        let p = format!("{}{}", base, s);
        if is_file(&p) {
            return Some(Found::File(p, false));
        }
    }
    package.then_some(Found::Portion(base))
}

/// The spec for what `find_in` found: loader by file kind; a namespace portion
/// gives a spec without loader whose locations are the portion.
unsafe fn spec_for(name: *mut PyObject, found: Found) -> PyResult<Owned> {
    match found {
        Found::File(path, package) => {
            let t = if path.ends_with(".py") {
                &raw mut machinery::SOURCE_LOADER_TYPE
            } else {
                &raw mut machinery::EXTENSION_LOADER_TYPE
            };
            let loader = machinery::new_file_loader(t, name, &path)?;
            let locations = if package {
                let dir = path.rsplit_once('/').map(|p| p.0).unwrap_or("");
                owned(list::from_slice(&[str_obj(dir)?.as_ptr()]))?
            } else {
                Owned::from_borrowed(none())
            };
            machinery::new_spec(name, loader.as_ptr(), Some(&path), locations.as_ptr(), true)
        }
        Found::Portion(dir) => {
            let locations = owned(list::from_slice(&[str_obj(&dir)?.as_ptr()]))?;
            machinery::new_spec(name, null_mut(), None, locations.as_ptr(), false)
        }
    }
}

/// `FileFinder(dir).find_spec(name)`.
pub unsafe fn dir_find_spec(dir: &str, name: *mut PyObject) -> PyResult<Option<Owned>> {
    let full = unicode::to_string_lossy(name);
    let tail = full.rsplit('.').next().unwrap_or(&full);
    match find_in(dir, tail) {
        Some(f) => spec_for(name, f).map(Some),
        None => Ok(None),
    }
}

/// A `FileFinder` for directory `path` (absolute; `''` is the current directory);
/// ImportError when it is not a directory.
pub unsafe fn new_file_finder(t: *mut PyTypeObject, path: *mut PyObject) -> PyResult<Owned> {
    let p = unicode::to_string_lossy(path);
    let abs = if p.is_empty() || p == "." {
        cwd()
    } else if p.starts_with('/') {
        Some(p.clone())
    } else {
        cwd().map(|c| format!("{}/{}", c, p))
    };
    match abs {
        Some(a) if is_dir(&a) => {
            let s = str_obj(&a)?;
            machinery::new_with(t, &[("path", s.as_ptr())])
        }
        _ => {
            super::raise_import_error(
                &raw mut PyExc_ImportError,
                "only directories are supported",
                null_mut(),
                Some(&p),
            );
            Err(())
        }
    }
}

fn cwd() -> Option<String> {
    std::env::current_dir()
        .ok()
        .map(|d| d.to_string_lossy().into_owned())
}

/// A `sys` attribute (borrowed, NULL when missing).
unsafe fn sys(name: &str) -> *mut PyObject {
    crate::objects::sysmodule::get_object(name)
}

/// The items of a path-like object (`sys.path`, `__path__`, a NamespacePath).
unsafe fn entries(path: *mut PyObject) -> PyResult<Vec<Owned>> {
    if list::is_list(path) {
        return Ok(list::snapshot(path));
    }
    if tuple::is_tuple(path) {
        return Ok(tuple::as_slice(path)
            .iter()
            .map(|&o| Owned::from_borrowed(o))
            .collect());
    }
    crate::protocols::iter::collect(path)
}

/// The finder for one path entry (`sys.path_importer_cache`, filled through
/// `sys.path_hooks`), or None.
pub unsafe fn get_importer(entry: *mut PyObject) -> PyResult<Option<Owned>> {
    let key = if unicode::bytes_of(entry).is_empty() {
        match cwd() {
            Some(c) => str_obj(&c)?,
            None => return Ok(None),
        }
    } else {
        Owned::from_borrowed(entry)
    };
    let cache = sys("path_importer_cache");
    let cache = if !cache.is_null() && dict::is_dict(cache) {
        cache
    } else {
        null_mut()
    };
    if !cache.is_null() {
        let f = dict::get_item_ref(cache, key.as_ptr())?;
        if !f.is_null() {
            let f = Owned(f);
            return Ok((f.as_ptr() != none()).then_some(f));
        }
    }
    let hooks = sys("path_hooks");
    let hooks = if hooks.is_null() {
        vec![Owned::from_borrowed(
            &raw mut machinery::FILE_FINDER_TYPE as *mut PyObject,
        )]
    } else {
        entries(hooks)?
    };
    let mut finder = None;
    for h in hooks {
        let r = if h.as_ptr() == &raw mut machinery::FILE_FINDER_TYPE as *mut PyObject {
            new_file_finder(&raw mut machinery::FILE_FINDER_TYPE, key.as_ptr())
                .map(Owned::into_ptr)
                .unwrap_or(null_mut())
        } else {
            crate::protocols::call::call_function(h.as_ptr(), &[key.as_ptr()])
        };
        if !r.is_null() {
            finder = Some(Owned(r));
            break;
        }
        if !crate::errors::exception_matches(crate::objects::exceptions::exc(
            &raw mut PyExc_ImportError,
        )) {
            return Err(());
        }
        crate::errors::clear();
    }
    if !cache.is_null() {
        let v = finder.as_ref().map(|f| f.as_ptr()).unwrap_or(none());
        dict::set_item(cache, key.as_ptr(), v)?;
    }
    Ok(finder)
}

/// What searching path entries gave.
enum Search {
    Spec(Owned),
    Namespace(Vec<Owned>),
}

unsafe fn search(name: *mut PyObject, path: *mut PyObject) -> PyResult<Search> {
    let items = if machinery::is(path, &raw mut machinery::NAMESPACE_PATH_TYPE) {
        machinery::namespace_dirs(path)?
            .iter()
            .map(|d| str_obj(d))
            .collect::<PyResult<Vec<_>>>()?
    } else {
        entries(path)?
    };
    let mut portions = Vec::new();
    for entry in items {
        if !unicode::is_unicode(entry.as_ptr()) {
            continue;
        }
        let Some(finder) = get_importer(entry.as_ptr())? else {
            continue;
        };
        let spec = if machinery::is(finder.as_ptr(), &raw mut machinery::FILE_FINDER_TYPE) {
            let dir = machinery::loader_path(finder.as_ptr())?;
            match dir_find_spec(&dir, name)? {
                Some(s) => s,
                None => continue,
            }
        } else {
            let fs = crate::protocols::object::get_optional_attr(
                finder.as_ptr(),
                unicode::intern_str("find_spec"),
            )?;
            if fs.is_null() {
                continue;
            }
            let fs = Owned(fs);
            let s = owned(crate::protocols::call::call_function(
                fs.as_ptr(),
                &[name, none()],
            ))?;
            if s.as_ptr() == none() {
                continue;
            }
            s
        };
        let loader = owned(crate::protocols::object::get_attr_str(
            spec.as_ptr(),
            "loader",
        ))?;
        if loader.as_ptr() != none() {
            return Ok(Search::Spec(spec));
        }
        let locs = owned(crate::protocols::object::get_attr_str(
            spec.as_ptr(),
            "submodule_search_locations",
        ))?;
        if locs.as_ptr() == none() {
            return crate::raise!(PyExc_ImportError, "spec missing loader");
        }
        portions.extend(entries(locs.as_ptr())?);
    }
    Ok(Search::Namespace(portions))
}

/// `PathFinder.find_spec(name, path)`: `path` NULL searches `sys.path`.
pub unsafe fn path_find_spec(name: *mut PyObject, path: *mut PyObject) -> PyResult<Option<Owned>> {
    let path = if path.is_null() { sys("path") } else { path };
    if path.is_null() {
        return Ok(None);
    }
    match search(name, path)? {
        Search::Spec(s) => Ok(Some(s)),
        Search::Namespace(p) if p.is_empty() => Ok(None),
        Search::Namespace(p) => {
            let dirs: Vec<String> = p
                .iter()
                .filter(|o| unicode::is_unicode(o.as_ptr()))
                .map(|o| unicode::to_string_lossy(o.as_ptr()))
                .collect();
            let locations = machinery::new_namespace_path(name, &dirs)?;
            let loader = machinery::new_with(
                &raw mut machinery::NAMESPACE_LOADER_TYPE,
                &[("_path", locations.as_ptr())],
            )?;
            machinery::new_spec(name, loader.as_ptr(), None, locations.as_ptr(), false).map(Some)
        }
    }
}

/// The portions a namespace package `name` has on `parent_path` now (None when
/// it became something else).
pub unsafe fn namespace_portions(
    name: *mut PyObject,
    parent_path: *mut PyObject,
) -> PyResult<Option<Vec<String>>> {
    match search(name, parent_path)? {
        Search::Spec(_) => Ok(None),
        Search::Namespace(p) => Ok(Some(
            p.iter()
                .filter(|o| unicode::is_unicode(o.as_ptr()))
                .map(|o| unicode::to_string_lossy(o.as_ptr()))
                .collect(),
        )),
    }
}

/// A tuple copy of the path a module `name` is searched on: the parent
/// package's `__path__`, or `sys.path`.
pub unsafe fn parent_path_snapshot(name: *mut PyObject) -> PyResult<Owned> {
    let full = unicode::to_string_lossy(name);
    let path = match full.rsplit_once('.') {
        Some((parent, _)) => {
            let pn = str_obj(parent)?;
            let m = super::get_module(pn.as_ptr());
            if m.is_null() {
                if !crate::errors::raised().is_null() {
                    return Err(());
                }
                return owned(tuple::new(0));
            }
            let m = Owned(m);
            let p = crate::protocols::object::get_optional_attr(
                m.as_ptr(),
                unicode::intern_str("__path__"),
            )?;
            if p.is_null() {
                return owned(tuple::new(0));
            }
            Owned(p)
        }
        None => {
            let p = sys("path");
            if p.is_null() {
                return owned(tuple::new(0));
            }
            Owned::from_borrowed(p)
        }
    };
    if machinery::is(path.as_ptr(), &raw mut machinery::NAMESPACE_PATH_TYPE) {
        let dirs = machinery::namespace_dirs(path.as_ptr())?;
        let items = dirs
            .iter()
            .map(|d| str_obj(d))
            .collect::<PyResult<Vec<_>>>()?;
        let ptrs: Vec<*mut PyObject> = items.iter().map(|o| o.as_ptr()).collect();
        return owned(tuple::pack(&ptrs));
    }
    let items = entries(path.as_ptr())?;
    let ptrs: Vec<*mut PyObject> = items.iter().map(|o| o.as_ptr()).collect();
    owned(tuple::pack(&ptrs))
}

/// Find the spec of module `name` through `sys.meta_path`; `path` is the parent
/// package's `__path__` (NULL for a top-level module).
pub unsafe fn find_spec(name: *mut PyObject, path: *mut PyObject) -> PyResult<Option<Owned>> {
    let meta = sys("meta_path");
    let finders = if meta.is_null() {
        vec![
            Owned::from_borrowed(&raw mut machinery::BUILTIN_IMPORTER_TYPE as *mut PyObject),
            Owned::from_borrowed(&raw mut machinery::PATH_FINDER_TYPE as *mut PyObject),
        ]
    } else {
        entries(meta)?
    };
    for f in finders {
        let spec = if f.as_ptr() == &raw mut machinery::BUILTIN_IMPORTER_TYPE as *mut PyObject {
            if path.is_null() {
                extension::builtin_spec(name)?
            } else {
                None
            }
        } else if f.as_ptr() == &raw mut machinery::PATH_FINDER_TYPE as *mut PyObject {
            path_find_spec(name, path)?
        } else {
            let fs = crate::protocols::object::get_optional_attr(
                f.as_ptr(),
                unicode::intern_str("find_spec"),
            )?;
            if fs.is_null() {
                continue;
            }
            let fs = Owned(fs);
            let p = if path.is_null() { none() } else { path };
            let s = owned(crate::protocols::call::call_function(
                fs.as_ptr(),
                &[name, p, none()],
            ))?;
            (s.as_ptr() != none()).then_some(s)
        };
        if spec.is_some() {
            return Ok(spec);
        }
    }
    Ok(None)
}

/// `importlib.invalidate_caches()`: forget cached misses (None entries and
/// relative keys of `sys.path_importer_cache`) and tell every finder that has
/// `invalidate_caches`.
pub unsafe fn invalidate_caches() -> PyResult<()> {
    let cache = sys("path_importer_cache");
    if !cache.is_null() && dict::is_dict(cache) {
        for (k, v) in dict::snapshot(cache) {
            let (k, v) = (Owned(k), Owned(v));
            let relative =
                unicode::is_unicode(k.as_ptr()) && !unicode::bytes_of(k.as_ptr()).starts_with(b"/");
            if v.as_ptr() == none() || relative {
                dict::del_item(cache, k.as_ptr())?;
            } else if !machinery::is(v.as_ptr(), &raw mut machinery::FILE_FINDER_TYPE) {
                call_invalidate(v.as_ptr())?;
            }
        }
    }
    Ok(())
}

/// Call `o.invalidate_caches()` if it has one.
pub unsafe fn call_invalidate(o: *mut PyObject) -> PyResult<()> {
    let m =
        crate::protocols::object::get_optional_attr(o, unicode::intern_str("invalidate_caches"))?;
    if !m.is_null() {
        let m = Owned(m);
        owned(crate::protocols::call::call_function(m.as_ptr(), &[]))?;
    }
    Ok(())
}

/// Give `sys` the import system's hooks CPython has (`meta_path`, `path_hooks`,
/// `path_importer_cache`) when it lacks them.
pub unsafe fn install_sys_hooks() -> PyResult<()> {
    if sys("meta_path").is_null() {
        let l = owned(list::from_slice(&[
            &raw mut machinery::BUILTIN_IMPORTER_TYPE as *mut PyObject,
            &raw mut machinery::PATH_FINDER_TYPE as *mut PyObject,
        ]))?;
        crate::objects::sysmodule::set_object("meta_path", l.as_ptr())?;
    }
    if sys("path_hooks").is_null() {
        let l = owned(list::from_slice(&[
            &raw mut machinery::FILE_FINDER_TYPE as *mut PyObject
        ]))?;
        crate::objects::sysmodule::set_object("path_hooks", l.as_ptr())?;
    }
    if sys("path_importer_cache").is_null() {
        let d = owned(dict::new())?;
        crate::objects::sysmodule::set_object("path_importer_cache", d.as_ptr())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precedence_package_module_namespace() {
        let d = std::env::temp_dir().join(format!("carapace-imp-{}", std::process::id()));
        let d = d.to_string_lossy().into_owned();
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(format!("{d}/pkg")).unwrap();
        std::fs::create_dir_all(format!("{d}/ns")).unwrap();
        std::fs::write(format!("{d}/pkg/__init__.py"), "").unwrap();
        std::fs::write(format!("{d}/pkg.py"), "").unwrap();
        std::fs::write(format!("{d}/ns.py"), "").unwrap();
        std::fs::create_dir_all(format!("{d}/only_ns")).unwrap();
        std::fs::write(format!("{d}/ext.abi3.so"), "").unwrap();
        std::fs::write(format!("{d}/ext.py"), "").unwrap();
        assert_eq!(
            find_in(&d, "pkg"),
            Some(Found::File(format!("{d}/pkg/__init__.py"), true))
        );
        assert_eq!(
            find_in(&d, "ns"),
            Some(Found::File(format!("{d}/ns.py"), false))
        );
        assert_eq!(
            find_in(&d, "only_ns"),
            Some(Found::Portion(format!("{d}/only_ns")))
        );
        assert_eq!(
            find_in(&d, "ext"),
            Some(Found::File(format!("{d}/ext.abi3.so"), false))
        );
        assert_eq!(find_in(&d, "missing"), None);
        let _ = std::fs::remove_dir_all(&d);
    }
}
