//! Importing modules (`PyImport_*`) over the core's import system
//! (`carapace_core::import`). Carapace has no frozen modules.

use core::ffi::{c_char, c_int, c_long, CStr};
use core::ptr::null_mut;

use carapace_core::errors;
use carapace_core::import;
use carapace_core::object::*;
use carapace_core::objects::unicode;

unsafe fn str_arg(name: *const c_char) -> *mut PyObject {
    if name.is_null() {
        errors::bad_internal_call();
        return null_mut();
    }
    unicode::from_utf8(CStr::from_ptr(name).to_bytes())
}

#[no_mangle]
pub unsafe extern "C" fn PyImport_Import(name: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), {
        if name.is_null() {
            errors::bad_internal_call();
            return null_mut();
        }
        import::import(name)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyImport_ImportModule(name: *const c_char) -> *mut PyObject {
    guard!(null_mut(), {
        let n = str_arg(name);
        if n.is_null() {
            return n;
        }
        let r = import::import(n);
        Py_DECREF(n);
        r
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyImport_ImportModuleNoBlock(name: *const c_char) -> *mut PyObject {
    PyImport_ImportModule(name)
}

#[no_mangle]
pub unsafe extern "C" fn PyImport_ImportModuleLevelObject(
    name: *mut PyObject,
    globals: *mut PyObject,
    _locals: *mut PyObject,
    fromlist: *mut PyObject,
    level: c_int,
) -> *mut PyObject {
    guard!(null_mut(), {
        import::import_level(name, globals, fromlist, level)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyImport_ImportModuleLevel(
    name: *const c_char,
    globals: *mut PyObject,
    locals: *mut PyObject,
    fromlist: *mut PyObject,
    level: c_int,
) -> *mut PyObject {
    let n = guard!(null_mut(), { str_arg(name) });
    if n.is_null() {
        return n;
    }
    let r = PyImport_ImportModuleLevelObject(n, globals, locals, fromlist, level);
    Py_DECREF(n);
    r
}

#[no_mangle]
pub unsafe extern "C" fn PyImport_GetModuleDict() -> *mut PyObject {
    import::modules()
}

#[no_mangle]
pub unsafe extern "C" fn PyImport_GetModule(name: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), { import::get_module(name) })
}

#[no_mangle]
pub unsafe extern "C" fn PyImport_AddModuleRef(name: *const c_char) -> *mut PyObject {
    guard!(null_mut(), {
        let n = str_arg(name);
        if n.is_null() {
            return n;
        }
        let r = import::add_module(n);
        Py_DECREF(n);
        r
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyImport_AddModuleObject(name: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), {
        let r = import::add_module(name);
        if r.is_null() {
            return r;
        }
        // Borrowed: sys.modules keeps it alive.
        Py_DECREF(r);
        r
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyImport_AddModule(name: *const c_char) -> *mut PyObject {
    let n = guard!(null_mut(), { str_arg(name) });
    if n.is_null() {
        return n;
    }
    let r = PyImport_AddModuleObject(n);
    Py_DECREF(n);
    r
}

#[no_mangle]
pub unsafe extern "C" fn PyImport_AppendInittab(
    name: *const c_char,
    initfunc: Option<unsafe extern "C" fn() -> *mut PyObject>,
) -> c_int {
    guard!(-1, {
        match initfunc {
            Some(f) if !name.is_null() => import::append_inittab(name, f),
            _ => -1,
        }
    })
}

/// Carapace has no frozen modules: every name is "not found" (0), as CPython
/// answers for a name missing from its frozen table.
#[no_mangle]
pub unsafe extern "C" fn PyImport_ImportFrozenModuleObject(name: *mut PyObject) -> c_int {
    guard!(-1, {
        if name.is_null() || !unicode::is_unicode(name) {
            errors::bad_internal_call();
            return -1;
        }
        0
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyImport_ImportFrozenModule(name: *const c_char) -> c_int {
    let n = guard!(null_mut(), { str_arg(name) });
    if n.is_null() {
        return -1;
    }
    let r = PyImport_ImportFrozenModuleObject(n);
    Py_DECREF(n);
    r
}

/// `importlib.reload`: the module must be the one in `sys.modules`; a source
/// module is executed again in its namespace; an extension module whose exec
/// slots ran is not initialised again (CPython's `exec_dynamic`).
#[no_mangle]
pub unsafe extern "C" fn PyImport_ReloadModule(m: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), { import::reload(m) })
}

/// `sys.implementation.cache_tag` (Carapace's own, so that bytecode caches never
/// collide with CPython 3.15's in a shared `Lib/`).
static MAGIC_TAG: &core::ffi::CStr = c"carapace-315";
const _: () = {
    let a = MAGIC_TAG.to_bytes();
    let b = carapace_core::version::CACHE_TAG.as_bytes();
    assert!(a.len() == b.len());
    let mut i = 0;
    while i < a.len() {
        assert!(a[i] == b[i]);
        i += 1;
    }
};

#[no_mangle]
pub unsafe extern "C" fn PyImport_GetMagicTag() -> *const c_char {
    MAGIC_TAG.as_ptr()
}

/// The magic number of bytecode cache files: Carapace writes none yet (its
/// code objects have no file format), so this is the documented error return,
/// -1 with an exception saying so; CPython's number would describe files
/// Carapace cannot read.
#[no_mangle]
pub unsafe extern "C" fn PyImport_GetMagicNumber() -> c_long {
    let _: carapace_core::object::PyResult<()> = carapace_core::raise!(
        PyExc_RuntimeError,
        "PyImport_GetMagicNumber: Carapace has no bytecode cache file format yet"
    );
    -1
}

#[no_mangle]
pub unsafe extern "C" fn PyImport_ExecCodeModuleObject(
    name: *mut PyObject,
    co: *mut PyObject,
    pathname: *mut PyObject,
    _cpathname: *mut PyObject,
) -> *mut PyObject {
    guard!(null_mut(), {
        if name.is_null() || co.is_null() || !unicode::is_unicode(name) {
            errors::bad_internal_call();
            return null_mut();
        }
        import::exec_code_module(name, co, pathname)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyImport_ExecCodeModuleWithPathnames(
    name: *const c_char,
    co: *mut PyObject,
    pathname: *const c_char,
    cpathname: *const c_char,
) -> *mut PyObject {
    let n = guard!(null_mut(), { str_arg(name) });
    if n.is_null() {
        return n;
    }
    // Without a source path, the bytecode path stands for it (CPython derives
    // the source file from it).
    let p = if !pathname.is_null() {
        pathname
    } else {
        cpathname
    };
    let path = if p.is_null() {
        null_mut()
    } else {
        guard!(null_mut(), { str_arg(p) })
    };
    if !p.is_null() && path.is_null() {
        Py_DECREF(n);
        return null_mut();
    }
    let r = PyImport_ExecCodeModuleObject(n, co, path, null_mut());
    Py_DECREF(n);
    Py_XDECREF(path);
    r
}

#[no_mangle]
pub unsafe extern "C" fn PyImport_ExecCodeModuleEx(
    name: *const c_char,
    co: *mut PyObject,
    pathname: *const c_char,
) -> *mut PyObject {
    PyImport_ExecCodeModuleWithPathnames(name, co, pathname, core::ptr::null())
}

#[no_mangle]
pub unsafe extern "C" fn PyImport_ExecCodeModule(
    name: *const c_char,
    co: *mut PyObject,
) -> *mut PyObject {
    PyImport_ExecCodeModuleWithPathnames(name, co, core::ptr::null(), core::ptr::null())
}

/// The finder for a path entry (`sys.path_importer_cache` through
/// `sys.path_hooks`), None when no hook accepts it.
#[no_mangle]
pub unsafe extern "C" fn PyImport_GetImporter(path: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), {
        if path.is_null() || !unicode::is_unicode(path) {
            errors::bad_internal_call();
            return null_mut();
        }
        match import::get_importer(path) {
            Ok(Some(f)) => f.into_ptr(),
            Ok(None) => new_ref(carapace_core::exported::none()),
            Err(()) => null_mut(),
        }
    })
}
