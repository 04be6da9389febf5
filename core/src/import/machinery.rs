//! The objects of the import machinery as Python sees them (CPython's
//! `importlib.machinery`): `ModuleSpec`, the loaders (`SourceFileLoader`,
//! `ExtensionFileLoader`, `NamespaceLoader`, `BuiltinImporter`), the finders
//! (`PathFinder`, `FileFinder`) and `NamespacePath`. The loaders and finders are
//! native: the import system calls them directly, Python code through their
//! methods. Each object keeps its attributes in an instance dict, as CPython's
//! Python classes do, so programs may read and set them freely.

use core::ffi::{c_int, c_void, CStr};
use core::ptr::null_mut;

use crate::defs::*;
use crate::exported::*;
use crate::object::*;
use crate::objects::sequtil::args_slice;
use crate::objects::{dict, list, typeobject, unicode};
use crate::typeobj::*;

use super::{extension, finders, source};

/// Every machinery object: the header and the instance dict.
#[repr(C)]
pub struct DictObject {
    pub ob_base: PyObject,
    pub dict: *mut PyObject,
}

pub static mut MODULE_SPEC_TYPE: PyTypeObject = PyTypeObject::static_empty(null_mut());
pub static mut SOURCE_LOADER_TYPE: PyTypeObject = PyTypeObject::static_empty(null_mut());
pub static mut EXTENSION_LOADER_TYPE: PyTypeObject = PyTypeObject::static_empty(null_mut());
pub static mut NAMESPACE_LOADER_TYPE: PyTypeObject = PyTypeObject::static_empty(null_mut());
pub static mut FILE_FINDER_TYPE: PyTypeObject = PyTypeObject::static_empty(null_mut());
pub static mut NAMESPACE_PATH_TYPE: PyTypeObject = PyTypeObject::static_empty(null_mut());
pub static mut BUILTIN_IMPORTER_TYPE: PyTypeObject = PyTypeObject::static_empty(null_mut());
pub static mut PATH_FINDER_TYPE: PyTypeObject = PyTypeObject::static_empty(null_mut());

const PY_EQ: c_int = 2;
const PY_NE: c_int = 3;

/// Is `o` exactly an instance of the machinery type `t`?
pub unsafe fn is(o: *mut PyObject, t: *mut PyTypeObject) -> bool {
    !o.is_null() && Py_TYPE(o) == t
}

pub unsafe fn owned(p: *mut PyObject) -> PyResult<Owned> {
    Owned::from_new(p).ok_or(())
}

pub unsafe fn str_obj(s: &str) -> PyResult<Owned> {
    owned(unicode::from_str(s))
}

/// A new machinery object of type `t` with these attributes.
pub unsafe fn new_with(t: *mut PyTypeObject, attrs: &[(&str, *mut PyObject)]) -> PyResult<Owned> {
    let o = owned(crate::alloc::generic_alloc(t, 0))?;
    let d = owned(dict::new())?;
    for (k, v) in attrs {
        dict::set_str(d.as_ptr(), k, *v)?;
    }
    (*(o.as_ptr() as *mut DictObject)).dict = d.into_ptr();
    Ok(o)
}

/// The instance dict of a machinery object (borrowed, may be NULL).
pub unsafe fn dict_of(o: *mut PyObject) -> *mut PyObject {
    (*(o as *mut DictObject)).dict
}

/// A str attribute of a machinery object kept in its dict, if it is one.
pub unsafe fn str_attr(o: *mut PyObject, name: &str) -> Option<String> {
    let d = dict_of(o);
    if d.is_null() {
        return None;
    }
    let v = dict::get_str(d, name);
    (!v.is_null() && unicode::is_unicode(v)).then(|| unicode::to_string_lossy(v))
}

unsafe extern "C" fn dobj_dealloc(o: *mut PyObject) {
    crate::gc::untrack(o);
    let x = &mut *(o as *mut DictObject);
    xsetref(&mut x.dict, null_mut());
    crate::alloc::free_via_type(o);
}

unsafe extern "C" fn dobj_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let d = (*(o as *mut DictObject)).dict;
    if d.is_null() {
        0
    } else {
        visit(d, arg)
    }
}

unsafe extern "C" fn dobj_clear(o: *mut PyObject) -> c_int {
    xsetref(&mut (*(o as *mut DictObject)).dict, null_mut());
    0
}

/// Positional-or-keyword arguments `names` of a `METH_VARARGS | METH_KEYWORDS`
/// function, the first `required` of them mandatory (borrowed; NULL when absent).
pub unsafe fn parse_args(
    fname: &str,
    args: *mut PyObject,
    kw: *mut PyObject,
    names: &[&str],
    required: usize,
) -> PyResult<Vec<*mut PyObject>> {
    let pos = args_slice(args);
    if pos.len() > names.len() {
        return crate::raise!(
            PyExc_TypeError,
            "{}() takes at most {} arguments ({} given)",
            fname,
            names.len(),
            pos.len()
        );
    }
    crate::objects::sequtil::check_keywords(fname, kw, names, pos.len())?;
    let mut out: Vec<*mut PyObject> = pos.to_vec();
    for n in &names[pos.len()..] {
        out.push(if kw.is_null() {
            null_mut()
        } else {
            dict::get_str(kw, n)
        });
    }
    if let Some(i) = out[..required].iter().position(|p| p.is_null()) {
        return crate::raise!(
            PyExc_TypeError,
            "{}() missing required argument '{}' (pos {})",
            fname,
            names[i],
            i + 1
        );
    }
    Ok(out)
}

fn or_none(p: *mut PyObject) -> *mut PyObject {
    if p.is_null() {
        none()
    } else {
        p
    }
}

unsafe fn ret(r: PyResult<Owned>) -> *mut PyObject {
    r.map(Owned::into_ptr).unwrap_or(null_mut())
}

// ---- ModuleSpec --------------------------------------------------------------------------

/// A `ModuleSpec` made by the import system.
pub unsafe fn new_spec(
    name: *mut PyObject,
    loader: *mut PyObject,
    origin: Option<&str>,
    locations: *mut PyObject,
    has_location: bool,
) -> PyResult<Owned> {
    let origin = match origin {
        Some(o) => str_obj(o)?,
        None => Owned::from_borrowed(none()),
    };
    let cached = match (has_location, origin_cache(&origin)) {
        (true, Some(c)) => str_obj(&c)?,
        _ => Owned::from_borrowed(none()),
    };
    new_with(
        &raw mut MODULE_SPEC_TYPE,
        &[
            ("name", name),
            ("loader", or_none(loader)),
            ("origin", origin.as_ptr()),
            ("loader_state", none()),
            ("submodule_search_locations", or_none(locations)),
            ("cached", cached.as_ptr()),
            ("has_location", py_bool(has_location)),
        ],
    )
}

/// Where CPython would cache the bytecode of a `.py` origin, with Carapace's own
/// cache tag (nothing is written there yet).
unsafe fn origin_cache(origin: &Owned) -> Option<String> {
    if !unicode::is_unicode(origin.as_ptr()) {
        return None;
    }
    let o = unicode::to_string_lossy(origin.as_ptr());
    let (dir, file) = o.rsplit_once('/').unwrap_or(("", &o));
    let stem = file.strip_suffix(".py")?;
    let pre = if dir.is_empty() && !o.starts_with('/') {
        String::new()
    } else {
        format!("{}/", dir)
    };
    Some(format!(
        "{}__pycache__/{}.{}.pyc",
        pre,
        stem,
        crate::version::CACHE_TAG
    ))
}

unsafe extern "C" fn spec_init(o: *mut PyObject, args: *mut PyObject, kw: *mut PyObject) -> c_int {
    let r = (|| -> PyResult<()> {
        let a = parse_args(
            "ModuleSpec",
            args,
            kw,
            &["name", "loader", "origin", "loader_state", "is_package"],
            2,
        )?;
        let locations = if !a[4].is_null() && crate::protocols::object::is_true(a[4]) > 0 {
            owned(list::new(0))?
        } else {
            Owned::from_borrowed(none())
        };
        let d = owned(dict::new())?;
        for (k, v) in [
            ("name", a[0]),
            ("loader", a[1]),
            ("origin", or_none(a[2])),
            ("loader_state", or_none(a[3])),
            ("submodule_search_locations", locations.as_ptr()),
            ("cached", none()),
            ("has_location", py_false()),
        ] {
            dict::set_str(d.as_ptr(), k, v)?;
        }
        xsetref(&mut (*(o as *mut DictObject)).dict, d.into_ptr());
        Ok(())
    })();
    if r.is_ok() {
        0
    } else {
        -1
    }
}

/// Borrowed attribute from the spec's dict (NULL when missing).
unsafe fn field(o: *mut PyObject, name: &str) -> *mut PyObject {
    let d = dict_of(o);
    if d.is_null() {
        null_mut()
    } else {
        dict::get_str(d, name)
    }
}

unsafe extern "C" fn spec_repr(o: *mut PyObject) -> *mut PyObject {
    let r = (|| -> PyResult<Owned> {
        let mut s = format!("{}(", typeobject::short_name(Py_TYPE(o)));
        for (i, k) in ["name", "loader"].iter().enumerate() {
            let r = owned(crate::protocols::object::repr(or_none(field(o, k))))?;
            if i > 0 {
                s.push_str(", ");
            }
            s.push_str(&format!("{}={}", k, unicode::to_string_lossy(r.as_ptr())));
        }
        let origin = field(o, "origin");
        if !origin.is_null() && origin != none() {
            let r = owned(crate::protocols::object::repr(origin))?;
            s.push_str(&format!(
                ", origin={}",
                unicode::to_string_lossy(r.as_ptr())
            ));
        }
        let locs = field(o, "submodule_search_locations");
        if !locs.is_null() && locs != none() {
            let r = owned(crate::protocols::object::str(locs))?;
            s.push_str(&format!(
                ", submodule_search_locations={}",
                unicode::to_string_lossy(r.as_ptr())
            ));
        }
        s.push(')');
        str_obj(&s)
    })();
    ret(r)
}

unsafe extern "C" fn spec_richcompare(
    a: *mut PyObject,
    b: *mut PyObject,
    op: c_int,
) -> *mut PyObject {
    if op != PY_EQ && op != PY_NE {
        return new_ref(not_implemented());
    }
    let mut same = true;
    for k in [
        "name",
        "loader",
        "origin",
        "submodule_search_locations",
        "cached",
        "has_location",
    ] {
        let x = crate::protocols::object::get_attr_str(a, k);
        let y = if x.is_null() {
            null_mut()
        } else {
            crate::protocols::object::get_attr_str(b, k)
        };
        if x.is_null() || y.is_null() {
            Py_XDECREF(x);
            if crate::errors::exception_matches(crate::objects::exceptions::exc(
                &raw mut PyExc_AttributeError,
            )) {
                crate::errors::clear();
                return new_ref(not_implemented());
            }
            return null_mut();
        }
        let r = crate::protocols::object::rich_compare_bool(x, y, PY_EQ);
        Py_DECREF(x);
        Py_DECREF(y);
        if r < 0 {
            return null_mut();
        }
        if r == 0 {
            same = false;
            break;
        }
    }
    new_ref(py_bool(same == (op == PY_EQ)))
}

/// `spec.parent`: the package a module belongs to (itself for a package).
unsafe extern "C" fn spec_parent(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    let name = crate::protocols::object::get_attr_str(o, "name");
    if name.is_null() {
        return name;
    }
    let name = Owned(name);
    let locs = field(o, "submodule_search_locations");
    if !locs.is_null() && locs != none() {
        return name.into_ptr();
    }
    if !unicode::is_unicode(name.as_ptr()) {
        return crate::raise_null!(PyExc_TypeError, "module name must be a string");
    }
    let n = unicode::to_string_lossy(name.as_ptr());
    unicode::from_str(n.rsplit_once('.').map(|p| p.0).unwrap_or(""))
}

static mut SPEC_GETSET: [PyGetSetDef; 2] = [
    PyGetSetDef {
        name: c"parent".as_ptr(),
        get: Some(spec_parent),
        set: None,
        doc: core::ptr::null(),
        closure: null_mut(),
    },
    PyGetSetDef::SENTINEL,
];

// ---- loaders ----------------------------------------------------------------------------

/// A file loader (`SourceFileLoader` or `ExtensionFileLoader`) for module `name`
/// at `path`.
pub unsafe fn new_file_loader(
    t: *mut PyTypeObject,
    name: *mut PyObject,
    path: &str,
) -> PyResult<Owned> {
    let p = str_obj(path)?;
    new_with(t, &[("name", name), ("path", p.as_ptr())])
}

unsafe extern "C" fn loader_init(
    o: *mut PyObject,
    args: *mut PyObject,
    kw: *mut PyObject,
) -> c_int {
    let tn = typeobject::short_name(Py_TYPE(o)).to_string();
    let r = (|| -> PyResult<()> {
        let a = parse_args(&tn, args, kw, &["name", "path"], 2)?;
        let d = owned(dict::new())?;
        dict::set_str(d.as_ptr(), "name", a[0])?;
        dict::set_str(d.as_ptr(), "path", a[1])?;
        xsetref(&mut (*(o as *mut DictObject)).dict, d.into_ptr());
        Ok(())
    })();
    if r.is_ok() {
        0
    } else {
        -1
    }
}

/// The loader's `path` attribute as a string.
pub unsafe fn loader_path(o: *mut PyObject) -> PyResult<String> {
    let p = owned(crate::protocols::object::get_attr_str(o, "path"))?;
    if !unicode::is_unicode(p.as_ptr()) {
        return crate::raise!(PyExc_TypeError, "loader path must be a string");
    }
    Ok(unicode::to_string_lossy(p.as_ptr()))
}

unsafe extern "C" fn loader_create_module(
    _o: *mut PyObject,
    _spec: *mut PyObject,
) -> *mut PyObject {
    new_ref(none())
}

unsafe extern "C" fn loader_get_filename(
    o: *mut PyObject,
    args: *mut PyObject,
    kw: *mut PyObject,
) -> *mut PyObject {
    if parse_args("get_filename", args, kw, &["name"], 0).is_err() {
        return null_mut();
    }
    crate::protocols::object::get_attr_str(o, "path")
}

/// `is_package`: the file is an `__init__` module.
unsafe extern "C" fn loader_is_package(o: *mut PyObject, _name: *mut PyObject) -> *mut PyObject {
    match loader_path(o) {
        Ok(p) => {
            let file = p.rsplit('/').next().unwrap_or(&p);
            new_ref(py_bool(file.split('.').next() == Some("__init__")))
        }
        Err(()) => null_mut(),
    }
}

unsafe extern "C" fn source_exec_module(o: *mut PyObject, m: *mut PyObject) -> *mut PyObject {
    match source::exec_module(o, m) {
        Ok(()) => new_ref(none()),
        Err(()) => null_mut(),
    }
}

unsafe extern "C" fn source_get_source(o: *mut PyObject, _name: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let path = loader_path(o)?;
        str_obj(&source::read_source(&path)?)
    })())
}

unsafe extern "C" fn source_get_code(o: *mut PyObject, _name: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let path = loader_path(o)?;
        source::compile_file(&path)
    })())
}

unsafe extern "C" fn source_get_data(_o: *mut PyObject, path: *mut PyObject) -> *mut PyObject {
    if !unicode::is_unicode(path) {
        return crate::raise_null!(PyExc_TypeError, "path must be a string");
    }
    let p = unicode::to_string_lossy(path);
    match std::fs::read(&p) {
        Ok(b) => crate::objects::bytes::from_slice(&b),
        Err(e) => {
            source::raise_os_error(&e, &p);
            null_mut()
        }
    }
}

static mut SOURCE_METHODS: [PyMethodDef; 8] = [
    crate::meth!(c"create_module", loader_create_module, METH_O),
    crate::meth!(c"exec_module", source_exec_module, METH_O),
    crate::meth!(
        c"get_filename",
        loader_get_filename,
        METH_VARARGS | METH_KEYWORDS
    ),
    crate::meth!(c"is_package", loader_is_package, METH_O),
    crate::meth!(c"get_source", source_get_source, METH_O),
    crate::meth!(c"get_code", source_get_code, METH_O),
    crate::meth!(c"get_data", source_get_data, METH_O),
    PyMethodDef::SENTINEL,
];

unsafe extern "C" fn extension_create_module(
    _o: *mut PyObject,
    spec: *mut PyObject,
) -> *mut PyObject {
    ret(extension::create_module(spec))
}

unsafe extern "C" fn extension_exec_module(_o: *mut PyObject, m: *mut PyObject) -> *mut PyObject {
    match extension::exec_module(m) {
        Ok(()) => new_ref(none()),
        Err(()) => null_mut(),
    }
}

unsafe extern "C" fn return_none(_o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    new_ref(none())
}

static mut EXTENSION_METHODS: [PyMethodDef; 7] = [
    crate::meth!(c"create_module", extension_create_module, METH_O),
    crate::meth!(c"exec_module", extension_exec_module, METH_O),
    crate::meth!(
        c"get_filename",
        loader_get_filename,
        METH_VARARGS | METH_KEYWORDS
    ),
    crate::meth!(c"is_package", loader_is_package, METH_O),
    crate::meth!(c"get_source", return_none, METH_O),
    crate::meth!(c"get_code", return_none, METH_O),
    PyMethodDef::SENTINEL,
];

unsafe extern "C" fn return_true(_o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    new_ref(py_true())
}

unsafe extern "C" fn namespace_get_source(_o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    unicode::from_str("")
}

static mut NAMESPACE_LOADER_METHODS: [PyMethodDef; 5] = [
    crate::meth!(c"create_module", loader_create_module, METH_O),
    crate::meth!(c"exec_module", return_none, METH_O),
    crate::meth!(c"is_package", return_true, METH_O),
    crate::meth!(c"get_source", namespace_get_source, METH_O),
    PyMethodDef::SENTINEL,
];

// ---- BuiltinImporter and PathFinder (classes used as finders and loaders) ------------------

unsafe extern "C" fn builtin_find_spec(
    _cls: *mut PyObject,
    args: *mut PyObject,
    kw: *mut PyObject,
) -> *mut PyObject {
    ret((|| {
        let a = parse_args("find_spec", args, kw, &["fullname", "path", "target"], 1)?;
        match extension::builtin_spec(a[0])? {
            Some(s) => Ok(s),
            None => Ok(Owned::from_borrowed(none())),
        }
    })())
}

unsafe extern "C" fn builtin_create_module(
    _cls: *mut PyObject,
    spec: *mut PyObject,
) -> *mut PyObject {
    ret(extension::create_builtin(spec))
}

unsafe extern "C" fn builtin_exec_module(_cls: *mut PyObject, m: *mut PyObject) -> *mut PyObject {
    match extension::exec_module(m) {
        Ok(()) => new_ref(none()),
        Err(()) => null_mut(),
    }
}

unsafe extern "C" fn return_false(_o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    new_ref(py_false())
}

static mut BUILTIN_METHODS: [PyMethodDef; 7] = [
    crate::meth!(
        c"find_spec",
        builtin_find_spec,
        METH_VARARGS | METH_KEYWORDS | METH_CLASS
    ),
    crate::meth!(c"create_module", builtin_create_module, METH_O | METH_CLASS),
    crate::meth!(c"exec_module", builtin_exec_module, METH_O | METH_CLASS),
    crate::meth!(c"is_package", return_false, METH_O | METH_CLASS),
    crate::meth!(c"get_code", return_none, METH_O | METH_CLASS),
    crate::meth!(c"get_source", return_none, METH_O | METH_CLASS),
    PyMethodDef::SENTINEL,
];

unsafe extern "C" fn path_find_spec(
    _cls: *mut PyObject,
    args: *mut PyObject,
    kw: *mut PyObject,
) -> *mut PyObject {
    ret((|| {
        let a = parse_args("find_spec", args, kw, &["fullname", "path", "target"], 1)?;
        if !unicode::is_unicode(a[0]) {
            return crate::raise!(PyExc_TypeError, "module name must be a string");
        }
        let path = if a[1].is_null() || a[1] == none() {
            null_mut()
        } else {
            a[1]
        };
        Ok(finders::path_find_spec(a[0], path)?.unwrap_or_else(|| Owned::from_borrowed(none())))
    })())
}

unsafe extern "C" fn path_invalidate_caches(
    _cls: *mut PyObject,
    _a: *mut PyObject,
) -> *mut PyObject {
    match finders::invalidate_caches() {
        Ok(()) => new_ref(none()),
        Err(()) => null_mut(),
    }
}

static mut PATH_FINDER_METHODS: [PyMethodDef; 3] = [
    crate::meth!(
        c"find_spec",
        path_find_spec,
        METH_VARARGS | METH_KEYWORDS | METH_CLASS
    ),
    crate::meth!(
        c"invalidate_caches",
        path_invalidate_caches,
        METH_NOARGS | METH_CLASS
    ),
    PyMethodDef::SENTINEL,
];

// ---- FileFinder ---------------------------------------------------------------------------

/// `FileFinder(path)`: the finder of one directory. Raises ImportError for a
/// path that is not a directory (so it serves as its own path hook).
unsafe extern "C" fn file_finder_new(
    t: *mut PyTypeObject,
    args: *mut PyObject,
    kw: *mut PyObject,
) -> *mut PyObject {
    ret((|| {
        let a = parse_args("FileFinder", args, kw, &["path"], 1)?;
        if !unicode::is_unicode(a[0]) {
            return crate::raise!(PyExc_TypeError, "path must be a string");
        }
        finders::new_file_finder(t, a[0])
    })())
}

unsafe extern "C" fn file_finder_find_spec(
    o: *mut PyObject,
    args: *mut PyObject,
    kw: *mut PyObject,
) -> *mut PyObject {
    ret((|| {
        let a = parse_args("find_spec", args, kw, &["fullname", "target"], 1)?;
        if !unicode::is_unicode(a[0]) {
            return crate::raise!(PyExc_TypeError, "module name must be a string");
        }
        let dir = loader_path(o)?;
        Ok(finders::dir_find_spec(&dir, a[0])?.unwrap_or_else(|| Owned::from_borrowed(none())))
    })())
}

unsafe extern "C" fn file_finder_repr(o: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let p = owned(crate::protocols::object::get_attr_str(o, "path"))?;
        let r = owned(crate::protocols::object::repr(p.as_ptr()))?;
        str_obj(&format!(
            "FileFinder({})",
            unicode::to_string_lossy(r.as_ptr())
        ))
    })())
}

unsafe extern "C" fn noop(_o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    new_ref(none())
}

static mut FILE_FINDER_METHODS: [PyMethodDef; 3] = [
    crate::meth!(
        c"find_spec",
        file_finder_find_spec,
        METH_VARARGS | METH_KEYWORDS
    ),
    crate::meth!(c"invalidate_caches", noop, METH_NOARGS),
    PyMethodDef::SENTINEL,
];

// ---- NamespacePath ------------------------------------------------------------------------

/// The `__path__` of a namespace package: a list of directories that is
/// recomputed when the parent's path (`sys.path` or the parent package's
/// `__path__`) changes. The dict holds `_name`, `_path` (a list) and
/// `_last_parent_path` (a tuple snapshot).
pub unsafe fn new_namespace_path(name: *mut PyObject, dirs: &[String]) -> PyResult<Owned> {
    let l = owned(list::new(0))?;
    for d in dirs {
        list::append(l.as_ptr(), str_obj(d)?.as_ptr())?;
    }
    let parent = finders::parent_path_snapshot(name)?;
    new_with(
        &raw mut NAMESPACE_PATH_TYPE,
        &[
            ("_name", name),
            ("_path", l.as_ptr()),
            ("_last_parent_path", parent.as_ptr()),
        ],
    )
}

/// The current list of directories (recomputed if the parent path changed).
unsafe fn ns_list(o: *mut PyObject) -> PyResult<Owned> {
    let d = dict_of(o);
    let name = dict::get_str(d, "_name");
    let last = dict::get_str(d, "_last_parent_path");
    if !name.is_null() && unicode::is_unicode(name) {
        let now = finders::parent_path_snapshot(name)?;
        let same = !last.is_null()
            && crate::protocols::object::rich_compare_bool(now.as_ptr(), last, PY_EQ) > 0;
        crate::errors::clear();
        if !same {
            if let Some(dirs) = finders::namespace_portions(name, now.as_ptr())? {
                let l = owned(list::new(0))?;
                for p in dirs {
                    list::append(l.as_ptr(), str_obj(&p)?.as_ptr())?;
                }
                dict::set_str(d, "_path", l.as_ptr())?;
            }
            dict::set_str(d, "_last_parent_path", now.as_ptr())?;
        }
    }
    let l = dict::get_str(d, "_path");
    if l.is_null() {
        return owned(list::new(0));
    }
    Ok(Owned::from_borrowed(l))
}

unsafe extern "C" fn ns_iter(o: *mut PyObject) -> *mut PyObject {
    match ns_list(o) {
        Ok(l) => crate::protocols::iter::get_iter(l.as_ptr()),
        Err(()) => null_mut(),
    }
}

unsafe extern "C" fn ns_len(o: *mut PyObject) -> Py_ssize_t {
    match ns_list(o) {
        Ok(l) => Py_SIZE(l.as_ptr()),
        Err(()) => -1,
    }
}

unsafe extern "C" fn ns_item(o: *mut PyObject, i: Py_ssize_t) -> *mut PyObject {
    match ns_list(o) {
        Ok(l) => crate::protocols::sequence::get_item(l.as_ptr(), i),
        Err(()) => null_mut(),
    }
}

unsafe extern "C" fn ns_contains(o: *mut PyObject, v: *mut PyObject) -> c_int {
    match ns_list(o) {
        Ok(l) => crate::protocols::sequence::contains(l.as_ptr(), v),
        Err(()) => -1,
    }
}

unsafe extern "C" fn ns_append(o: *mut PyObject, v: *mut PyObject) -> *mut PyObject {
    match ns_list(o).and_then(|l| list::append(l.as_ptr(), v)) {
        Ok(()) => new_ref(none()),
        Err(()) => null_mut(),
    }
}

unsafe extern "C" fn ns_repr(o: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let l = ns_list(o)?;
        let r = owned(crate::protocols::object::repr(l.as_ptr()))?;
        str_obj(&format!(
            "NamespacePath({})",
            unicode::to_string_lossy(r.as_ptr())
        ))
    })())
}

static mut NS_METHODS: [PyMethodDef; 2] = [
    crate::meth!(c"append", ns_append, METH_O),
    PyMethodDef::SENTINEL,
];

static mut NS_AS_SEQUENCE: PySequenceMethods = PySequenceMethods {
    sq_length: Some(ns_len),
    sq_concat: None,
    sq_repeat: None,
    sq_item: Some(ns_item),
    was_sq_slice: null_mut(),
    sq_ass_item: None,
    was_sq_ass_slice: null_mut(),
    sq_contains: Some(ns_contains),
    sq_inplace_concat: None,
    sq_inplace_repeat: None,
};

/// The namespace path's directories as strings (what the finders search).
pub unsafe fn namespace_dirs(o: *mut PyObject) -> PyResult<Vec<String>> {
    let l = ns_list(o)?;
    Ok(list::snapshot(l.as_ptr())
        .iter()
        .filter(|p| unicode::is_unicode(p.as_ptr()))
        .map(|p| unicode::to_string_lossy(p.as_ptr()))
        .collect())
}

// ---- the types ----------------------------------------------------------------------------

unsafe fn init_dict_type(
    t: *mut PyTypeObject,
    name: &'static CStr,
    methods: *mut PyMethodDef,
    init: Option<initproc>,
) {
    typeobject::init_builtin(t, name, core::mem::size_of::<DictObject>(), 0);
    (*t).tp_flags |= Py_TPFLAGS_HAVE_GC;
    (*t).tp_dictoffset = core::mem::offset_of!(DictObject, dict) as Py_ssize_t;
    (*t).tp_dealloc = Some(dobj_dealloc);
    (*t).tp_traverse = Some(dobj_traverse);
    (*t).tp_clear = Some(dobj_clear);
    (*t).tp_methods = methods;
    (*t).tp_init = init;
}

/// Fill the machinery types' slots (once) and list them.
pub unsafe fn types() -> Vec<*mut PyTypeObject> {
    let spec = &raw mut MODULE_SPEC_TYPE;
    if (*spec).tp_name.is_null() {
        init_dict_type(
            spec,
            c"_frozen_importlib.ModuleSpec",
            null_mut(),
            Some(spec_init),
        );
        (*spec).tp_repr = Some(spec_repr);
        (*spec).tp_richcompare = Some(spec_richcompare);
        (*spec).tp_hash = Some(crate::objects::baseobject::hash_not_implemented);
        (*spec).tp_getset = (&raw mut SPEC_GETSET).cast();
        init_dict_type(
            &raw mut SOURCE_LOADER_TYPE,
            c"_frozen_importlib_external.SourceFileLoader",
            (&raw mut SOURCE_METHODS).cast(),
            Some(loader_init),
        );
        init_dict_type(
            &raw mut EXTENSION_LOADER_TYPE,
            c"_frozen_importlib_external.ExtensionFileLoader",
            (&raw mut EXTENSION_METHODS).cast(),
            Some(loader_init),
        );
        init_dict_type(
            &raw mut NAMESPACE_LOADER_TYPE,
            c"_frozen_importlib_external.NamespaceLoader",
            (&raw mut NAMESPACE_LOADER_METHODS).cast(),
            None,
        );
        init_dict_type(
            &raw mut FILE_FINDER_TYPE,
            c"_frozen_importlib_external.FileFinder",
            (&raw mut FILE_FINDER_METHODS).cast(),
            None,
        );
        let ff = &raw mut FILE_FINDER_TYPE;
        (*ff).tp_new = Some(file_finder_new);
        (*ff).tp_repr = Some(file_finder_repr);
        let ns = &raw mut NAMESPACE_PATH_TYPE;
        init_dict_type(
            ns,
            c"_frozen_importlib_external.NamespacePath",
            (&raw mut NS_METHODS).cast(),
            None,
        );
        (*ns).tp_iter = Some(ns_iter);
        (*ns).tp_repr = Some(ns_repr);
        (*ns).tp_as_sequence = &raw mut NS_AS_SEQUENCE;
        (*ns).tp_flags |= Py_TPFLAGS_DISALLOW_INSTANTIATION;
        for (t, name, methods) in [
            (
                &raw mut BUILTIN_IMPORTER_TYPE,
                c"_frozen_importlib.BuiltinImporter",
                (&raw mut BUILTIN_METHODS).cast::<PyMethodDef>(),
            ),
            (
                &raw mut PATH_FINDER_TYPE,
                c"_frozen_importlib_external.PathFinder",
                (&raw mut PATH_FINDER_METHODS).cast(),
            ),
        ] {
            typeobject::init_builtin(t, name, core::mem::size_of::<PyObject>(), 0);
            (*t).tp_methods = methods;
            (*t).tp_flags |= Py_TPFLAGS_DISALLOW_INSTANTIATION;
        }
    }
    vec![
        spec,
        &raw mut SOURCE_LOADER_TYPE,
        &raw mut EXTENSION_LOADER_TYPE,
        &raw mut NAMESPACE_LOADER_TYPE,
        &raw mut FILE_FINDER_TYPE,
        &raw mut NAMESPACE_PATH_TYPE,
        &raw mut BUILTIN_IMPORTER_TYPE,
        &raw mut PATH_FINDER_TYPE,
    ]
}
