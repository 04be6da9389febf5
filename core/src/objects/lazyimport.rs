//! PEP 810 lazy imports: the `lazy_import` proxy that `lazy import` binds, its
//! resolution ("reification") on first use, `sys.lazy_modules`, and the global
//! mode and filter (`sys.set_lazy_imports`, `sys.set_lazy_imports_filter`,
//! `-X lazy_imports`, `PYTHON_LAZY_IMPORTS`).
//!
//! A proxy stands either for a module or for `from module import name`:
//! - module proxies remember the resolved absolute name, the import's globals,
//!   locals and fromlist, and how many leading components of the name they stand
//!   for. `lazy import a.b.c` binds a proxy for `a`; resolving it imports only
//!   `a` and puts a proxy for `a.b` into `a`'s namespace (unless `a` already has
//!   a `b`), which in turn imports `a.b` when used, and so on, as CPython does.
//! - from proxies remember the module proxy (or module) and the attribute name.
//!
//! A failed resolution raises the import's exception with an ImportError "lazy
//! import of 'x' raised an exception during resolution" as its cause, whose
//! traceback points at the `lazy import` statement; the proxy stays unresolved.

use core::ffi::{c_int, c_void};
use core::ptr::null_mut;
use std::sync::atomic::{AtomicU8, Ordering};

use crate::defs::*;
use crate::exported::*;
use crate::object::*;
use crate::objects::{dict, typeobject, unicode};
use crate::typeobj::*;

#[repr(C)]
pub struct LazyImport {
    pub ob_base: PyObject,
    /// Module proxy: the resolved absolute module name. From proxy: the name
    /// imported from the module.
    name: *mut PyObject,
    /// From proxy: the module proxy (or module) it imports from; NULL otherwise.
    from: *mut PyObject,
    globals: *mut PyObject,
    locals: *mut PyObject,
    fromlist: *mut PyObject,
    /// Module proxy: how many components of `name` it stands for (0: all of them,
    /// the import has a fromlist).
    depth: usize,
    /// Where the `lazy import` statement ran (for the cause's traceback).
    frame: *mut PyObject,
    lineno: c_int,
    lasti: c_int,
}

pub static mut LAZY_IMPORT_TYPE: PyTypeObject = PyTypeObject::static_empty(null_mut());

/// The global mode: which imports are potentially lazy.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Mode {
    /// Only `lazy import` statements (and names in `__lazy_modules__`).
    Normal,
    /// Every module-level import.
    All,
}

/// 0: not read yet (from `-X lazy_imports` / `PYTHON_LAZY_IMPORTS`), 1 normal, 2 all.
static MODE: AtomicU8 = AtomicU8::new(0);

/// The filter callable (`sys.set_lazy_imports_filter`), a strong reference or
/// NULL; the lock is held only to swap or copy it.
struct Filter(*mut PyObject);
unsafe impl Send for Filter {}
static FILTER: parking_lot::Mutex<Filter> = parking_lot::Mutex::new(Filter(null_mut()));

/// `sys.get_lazy_imports()`.
pub unsafe fn mode() -> Mode {
    match MODE.load(Ordering::Relaxed) {
        1 => Mode::Normal,
        2 => Mode::All,
        _ => {
            let x = crate::objects::sysmodule::get_object("_xoptions");
            let from_x = if !x.is_null() && dict::is_dict(x) {
                let v = dict::get_str(x, "lazy_imports");
                (!v.is_null() && unicode::is_unicode(v)).then(|| unicode::to_string_lossy(v))
            } else {
                None
            };
            let m = from_x
                .or_else(|| std::env::var("PYTHON_LAZY_IMPORTS").ok())
                .map(|s| if s == "all" { Mode::All } else { Mode::Normal })
                .unwrap_or(Mode::Normal);
            set_mode(m);
            m
        }
    }
}

/// `sys.set_lazy_imports(mode)`.
pub fn set_mode(m: Mode) {
    MODE.store(if m == Mode::All { 2 } else { 1 }, Ordering::Relaxed);
}

/// `sys.set_lazy_imports` with its argument checks ("normal" or "all").
pub unsafe fn set_mode_obj(o: *mut PyObject) -> PyResult<()> {
    let s = if unicode::is_unicode(o) {
        unicode::to_string_lossy(o)
    } else {
        String::new()
    };
    match s.as_str() {
        "normal" => set_mode(Mode::Normal),
        "all" => set_mode(Mode::All),
        _ => return crate::raise!(PyExc_ValueError, "mode must be 'normal' or 'all'"),
    }
    Ok(())
}

/// `sys.get_lazy_imports()` as the str it returns.
pub unsafe fn mode_obj() -> *mut PyObject {
    unicode::from_str(match mode() {
        Mode::Normal => "normal",
        Mode::All => "all",
    })
}

/// `sys.set_lazy_imports_filter(f)` (None clears it).
pub unsafe fn set_filter(f: *mut PyObject) -> PyResult<()> {
    let new = if f.is_null() || f == none() {
        null_mut()
    } else if crate::protocols::call::is_callable(f) {
        new_ref(f)
    } else {
        return crate::raise!(PyExc_ValueError, "filter provided but is not callable");
    };
    let old = core::mem::replace(&mut FILTER.lock().0, new);
    Py_XDECREF(old);
    Ok(())
}

/// `sys.get_lazy_imports_filter()` (new reference; None when unset).
pub unsafe fn filter() -> *mut PyObject {
    let f = {
        let g = FILTER.lock();
        if !g.0.is_null() {
            Py_INCREF(g.0);
        }
        g.0
    };
    if f.is_null() {
        new_ref(none())
    } else {
        f
    }
}

/// Should an import that is potentially lazy (a `lazy import`, or any
/// module-level import in mode "all") stay lazy? Asks the filter.
unsafe fn filter_allows(
    globals: *mut PyObject,
    abs: *mut PyObject,
    fromlist: *mut PyObject,
) -> PyResult<bool> {
    let f = Owned(filter());
    if f.as_ptr() == none() {
        return Ok(true);
    }
    let importer = if !globals.is_null() && dict::is_dict(globals) {
        dict::get_str(globals, "__name__")
    } else {
        null_mut()
    };
    let fl = if fromlist.is_null() || crate::protocols::object::is_true(fromlist) <= 0 {
        crate::errors::clear();
        none()
    } else {
        fromlist
    };
    let r = crate::protocols::call::call_function(
        f.as_ptr(),
        &[if importer.is_null() { none() } else { importer }, abs, fl],
    );
    let r = Owned::from_new(r).ok_or(())?;
    let t = crate::protocols::object::is_true(r.as_ptr());
    if t < 0 {
        return Err(());
    }
    Ok(t > 0)
}

/// Is this non-lazy import potentially lazy: mode "all", or its module is named
/// in the importing module's `__lazy_modules__`? Only module-level imports
/// (globals are the locals) qualify.
pub unsafe fn potentially_lazy(
    name: *mut PyObject,
    globals: *mut PyObject,
    locals: *mut PyObject,
    level: i32,
) -> PyResult<bool> {
    if globals.is_null() || globals != locals || !dict::is_dict(globals) {
        return Ok(false);
    }
    if mode() == Mode::All {
        return Ok(true);
    }
    let lm = dict::get_str(globals, "__lazy_modules__");
    if lm.is_null() {
        return Ok(false);
    }
    let abs = Owned::from_new(crate::import::resolve_name_obj(name, globals, level)).ok_or(())?;
    let r = crate::protocols::sequence::contains(lm, abs.as_ptr());
    if r < 0 {
        return Err(());
    }
    Ok(r > 0)
}

/// `sys.lazy_modules`, made on first use.
unsafe fn lazy_modules() -> PyResult<*mut PyObject> {
    let s = crate::objects::sysmodule::get_object("lazy_modules");
    if !s.is_null() {
        return Ok(s);
    }
    let s = Owned::from_new(crate::objects::set::new_empty(&raw mut PySet_Type)).ok_or(())?;
    crate::objects::sysmodule::set_object("lazy_modules", s.as_ptr())?;
    Ok(crate::objects::sysmodule::get_object("lazy_modules"))
}

/// Drop `name` from `sys.lazy_modules` (the module was loaded, or the name
/// resolved).
pub unsafe fn discard_lazy_module(name: *mut PyObject) {
    let s = crate::objects::sysmodule::get_object("lazy_modules");
    if s.is_null() || !crate::objects::set::is_set(s) {
        return;
    }
    let saved = crate::errors::take_raised();
    let _ = crate::objects::set::discard(s, name);
    crate::errors::clear();
    crate::errors::set_raised(saved);
}

unsafe fn add_lazy_module(name: &str) -> PyResult<()> {
    let s = lazy_modules()?;
    if s.is_null() || !crate::objects::set::is_set(s) {
        return Ok(());
    }
    let n = Owned::from_new(unicode::from_str(name)).ok_or(())?;
    crate::objects::set::add(s, n.as_ptr())
}

unsafe fn alloc(proxy: LazyImport) -> *mut PyObject {
    let o = crate::alloc::new_object(&raw mut LAZY_IMPORT_TYPE, proxy) as *mut PyObject;
    if !o.is_null() {
        crate::gc::track(o);
    }
    o
}

/// Where the running frame is, for the traceback of a later failure.
unsafe fn here() -> (*mut PyObject, c_int, c_int) {
    let f = crate::vm::current_frame();
    if f.is_null() {
        return (f, 0, 0);
    }
    let int_attr = |n: &str| -> c_int {
        let v = crate::protocols::object::get_attr_str(f, n);
        let r = if v.is_null() {
            0
        } else {
            crate::objects::long::to_i64(v).unwrap_or(0) as c_int
        };
        Py_XDECREF(v);
        crate::errors::clear();
        r
    };
    (f, int_attr("f_lineno"), int_attr("f_lasti"))
}

unsafe fn new_module_proxy(
    abs: &str,
    globals: *mut PyObject,
    locals: *mut PyObject,
    fromlist: *mut PyObject,
    depth: usize,
    at: (*mut PyObject, c_int, c_int),
) -> *mut PyObject {
    let n = unicode::from_str(abs);
    if n.is_null() {
        Py_XDECREF(at.0);
        return n;
    }
    Py_XINCREF(globals);
    Py_XINCREF(locals);
    Py_XINCREF(fromlist);
    alloc(LazyImport {
        ob_base: PyObject {
            ob_refcnt: 1,
            ob_type: null_mut(),
        },
        name: n,
        from: null_mut(),
        globals,
        locals,
        fromlist,
        depth,
        frame: at.0,
        lineno: at.1,
        lasti: at.2,
    })
}

fn has_fromlist(fromlist: *mut PyObject) -> bool {
    !fromlist.is_null()
        && fromlist != none()
        && unsafe {
            let t = crate::protocols::object::is_true(fromlist);
            crate::errors::clear();
            t > 0
        }
}

/// `lazy import name` / `lazy from name import ...` (`IMPORT_NAME` with the lazy
/// bit): a proxy that imports on first use (or the module at once when the
/// filter refuses laziness).
pub unsafe fn new_lazy_import(
    name: *mut PyObject,
    globals: *mut PyObject,
    locals: *mut PyObject,
    fromlist: *mut PyObject,
    level: i32,
) -> *mut PyObject {
    let abs = crate::import::resolve_name_obj(name, globals, level);
    if abs.is_null() {
        return abs;
    }
    let abs = Owned(abs);
    match filter_allows(globals, abs.as_ptr(), fromlist) {
        Err(()) => return null_mut(),
        Ok(false) => {
            return crate::import::import_name_eager(name, globals, locals, fromlist, level)
        }
        Ok(true) => {}
    }
    let abs_s = unicode::to_string_lossy(abs.as_ptr());
    let loaded = crate::import::get_module(abs.as_ptr());
    if loaded.is_null() {
        if !crate::errors::raised().is_null() {
            return null_mut();
        }
        if add_lazy_module(&abs_s).is_err() {
            return null_mut();
        }
    }
    Py_XDECREF(loaded);
    let depth = if has_fromlist(fromlist) { 0 } else { 1 };
    new_module_proxy(&abs_s, globals, locals, fromlist, depth, here())
}

/// `IMPORT_FROM` with the lazy bit: a proxy for `from <lazy module> import name`.
pub unsafe fn new_lazy_from(module: *mut PyObject, name: *mut PyObject) -> *mut PyObject {
    if !is_lazy(module) {
        return crate::import::import_from(module, name);
    }
    let base = &*(module as *mut LazyImport);
    let full = format!(
        "{}.{}",
        unicode::to_string_lossy(base.name),
        unicode::to_string_lossy(name)
    );
    if add_lazy_module(&full).is_err() {
        return null_mut();
    }
    let at = here();
    Py_INCREF(name);
    Py_INCREF(module);
    alloc(LazyImport {
        ob_base: PyObject {
            ob_refcnt: 1,
            ob_type: null_mut(),
        },
        name,
        from: module,
        globals: null_mut(),
        locals: null_mut(),
        fromlist: null_mut(),
        depth: 0,
        frame: at.0,
        lineno: at.1,
        lasti: at.2,
    })
}

/// Whether `o` is a lazy-import proxy (which `LOAD_GLOBAL`/`LOAD_NAME` resolve).
#[inline]
pub unsafe fn is_lazy(o: *mut PyObject) -> bool {
    !o.is_null() && Py_TYPE(o) == &raw mut LAZY_IMPORT_TYPE
}

/// The name a proxy shows: `module` or `module.name`.
unsafe fn display_name(p: &LazyImport) -> String {
    if p.from.is_null() {
        unicode::to_string_lossy(p.name)
    } else {
        let base = if is_lazy(p.from) {
            display_name(&*(p.from as *mut LazyImport))
        } else {
            crate::objects::module::name_string(p.from)
        };
        format!("{}.{}", base, unicode::to_string_lossy(p.name))
    }
}

/// Resolve a proxy: import now and return the real object (new reference).
pub unsafe fn reify(o: *mut PyObject) -> *mut PyObject {
    if !is_lazy(o) {
        return new_ref(o);
    }
    let p = &*(o as *mut LazyImport);
    let r = resolve(p);
    if r.is_null() {
        chain_cause(p);
    }
    r
}

unsafe fn resolve(p: &LazyImport) -> *mut PyObject {
    if !p.from.is_null() {
        let m = reify(p.from);
        if m.is_null() {
            return m;
        }
        let m = Owned(m);
        let r = crate::import::import_from(m.as_ptr(), p.name);
        if !r.is_null() {
            let full = display_name(p);
            let f = unicode::from_str(&full);
            if !f.is_null() {
                discard_lazy_module(f);
                Py_DECREF(f);
            }
        }
        return r;
    }
    let full = unicode::to_string_lossy(p.name);
    if p.depth == 0 {
        return crate::import::import_name_eager(p.name, p.globals, p.locals, p.fromlist, 0);
    }
    let parts: Vec<&str> = full.split('.').collect();
    let prefix = parts[..p.depth.min(parts.len())].join(".");
    let pn = unicode::from_str(&prefix);
    if pn.is_null() {
        return pn;
    }
    let pn = Owned(pn);
    let top = crate::import::import_name_eager(pn.as_ptr(), p.globals, p.locals, none(), 0);
    if top.is_null() {
        return top;
    }
    Py_DECREF(top);
    let m = crate::import::get_module(pn.as_ptr());
    if m.is_null() {
        if crate::errors::raised().is_null() {
            crate::errors::set_string(
                crate::objects::exceptions::exc(&raw mut PyExc_KeyError),
                &format!("'{}' not in sys.modules as expected", prefix),
            );
        }
        return m;
    }
    if p.depth < parts.len() && crate::objects::module::is_module(m) {
        // The next component becomes a proxy in this module's namespace.
        let d = crate::objects::module::m(m).md_dict;
        let child = parts[p.depth];
        if !d.is_null() && dict::get_str(d, child).is_null() {
            Py_XINCREF(p.frame);
            let sub = new_module_proxy(
                &full,
                p.globals,
                p.locals,
                null_mut(),
                p.depth + 1,
                (p.frame, p.lineno, p.lasti),
            );
            if sub.is_null() || dict::set_str(d, child, sub).is_err() {
                Py_XDECREF(sub);
                Py_DECREF(m);
                return null_mut();
            }
            Py_DECREF(sub);
        }
    }
    if p.depth >= parts.len() {
        discard_lazy_module(p.name);
    }
    m
}

/// Give the raised exception its cause: "lazy import of 'x' raised an exception
/// during resolution", with a traceback at the `lazy import` statement.
unsafe fn chain_cause(p: &LazyImport) {
    let e = crate::errors::take_raised();
    if e.is_null() {
        return;
    }
    let msg = format!(
        "lazy import of '{}' raised an exception during resolution",
        display_name(p)
    );
    let m = unicode::from_str(&msg);
    let cause = if m.is_null() {
        null_mut()
    } else {
        crate::objects::exceptions::new_instance(
            crate::objects::exceptions::exc(&raw mut PyExc_ImportError) as *mut PyTypeObject,
            &[m],
        )
    };
    Py_XDECREF(m);
    if !cause.is_null() && !p.frame.is_null() {
        let lasti = crate::objects::long::from_i64(p.lasti as i64);
        let lineno = crate::objects::long::from_i64(p.lineno as i64);
        if !lasti.is_null() && !lineno.is_null() {
            let tb = crate::protocols::call::call_function(
                &raw mut PyTraceBack_Type as *mut PyObject,
                &[none(), p.frame, lasti, lineno],
            );
            if !tb.is_null() {
                let _ = crate::protocols::object::set_attr(
                    cause,
                    unicode::intern_str("__traceback__"),
                    tb,
                );
                Py_DECREF(tb);
            }
        }
        Py_XDECREF(lasti);
        Py_XDECREF(lineno);
    }
    crate::errors::clear();
    if !cause.is_null() {
        crate::objects::exceptions::set_cause(e, cause);
    }
    crate::errors::set_raised(e);
}

unsafe extern "C" fn lazy_repr(o: *mut PyObject) -> *mut PyObject {
    let p = &*(o as *mut LazyImport);
    unicode::from_str(&format!(
        "<{} '{}'>",
        typeobject::short_name(Py_TYPE(o)),
        display_name(p)
    ))
}

unsafe extern "C" fn lazy_resolve(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    reify(o)
}

unsafe extern "C" fn lazy_dealloc(o: *mut PyObject) {
    crate::gc::untrack(o);
    lazy_clear(o);
    crate::alloc::free_via_type(o);
}

unsafe extern "C" fn lazy_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let p = &*(o as *mut LazyImport);
    for x in [p.name, p.from, p.globals, p.locals, p.fromlist, p.frame] {
        if !x.is_null() {
            let r = visit(x, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

unsafe extern "C" fn lazy_clear(o: *mut PyObject) -> c_int {
    let p = &mut *(o as *mut LazyImport);
    for x in [
        &mut p.name,
        &mut p.from,
        &mut p.globals,
        &mut p.locals,
        &mut p.fromlist,
        &mut p.frame,
    ] {
        xsetref(x, null_mut());
    }
    0
}

static mut LAZY_METHODS: [PyMethodDef; 2] = [
    crate::meth!(c"resolve", lazy_resolve, METH_NOARGS),
    PyMethodDef::SENTINEL,
];

/// The proxy type (`lifecycle` readies it through `import::static_types`).
pub unsafe fn types() -> Vec<*mut PyTypeObject> {
    let t = &raw mut LAZY_IMPORT_TYPE;
    if (*t).tp_name.is_null() {
        typeobject::init_builtin(t, c"lazy_import", core::mem::size_of::<LazyImport>(), 0);
        (*t).tp_flags |= Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_DISALLOW_INSTANTIATION;
        (*t).tp_dealloc = Some(lazy_dealloc);
        (*t).tp_traverse = Some(lazy_traverse);
        (*t).tp_clear = Some(lazy_clear);
        (*t).tp_repr = Some(lazy_repr);
        (*t).tp_methods = (&raw mut LAZY_METHODS).cast();
    }
    vec![t]
}
