//! `module` objects: a namespace dict plus, for extension modules, the definition
//! (`PyModuleDef` or PEP 793 slots) and the per-module state.

use core::ffi::{c_int, c_void};
use core::ptr::null_mut;

use crate::alloc;
use crate::defs::*;
use crate::exported::*;
use crate::object::*;
use crate::objects::{dict, unicode};
use crate::typeobj::*;

#[repr(C)]
pub struct ModuleObject {
    pub ob_base: PyObject,
    pub md_dict: *mut PyObject,
    pub md_def: *mut PyModuleDef,
    pub md_state: *mut c_void,
    pub md_weaklist: *mut PyObject,
    pub md_name: *mut PyObject,
    /// `Py_mod_token` / the def, for `PyModule_GetToken`.
    pub md_token: *mut c_void,
    /// State size and hooks when the module came from slots without a def.
    pub md_state_size: Py_ssize_t,
    pub md_state_traverse: Option<traverseproc>,
    pub md_state_clear: Option<inquiry>,
    pub md_state_free: Option<freefunc>,
    /// What `PyModule_Exec` runs for a module made from slots: a `SlotsExec`
    /// owned by the module (NULL for other modules).
    pub md_exec: *mut c_void,
    /// Set once the exec slots ran.
    pub md_executed: bool,
}

#[inline]
pub unsafe fn is_module(o: *mut PyObject) -> bool {
    crate::objects::typeobject::instance_of(o, &raw mut PyModule_Type)
}

#[inline]
pub unsafe fn m<'a>(o: *mut PyObject) -> &'a mut ModuleObject {
    &mut *(o as *mut ModuleObject)
}

/// `PyModule_NewObject`.
pub unsafe fn new(name: *mut PyObject) -> *mut PyObject {
    let d = dict::new();
    if d.is_null() {
        return null_mut();
    }
    let op = alloc::new_object(
        &raw mut PyModule_Type,
        ModuleObject {
            ob_base: PyObject {
                ob_refcnt: 1,
                ob_type: null_mut(),
            },
            md_dict: d,
            md_def: null_mut(),
            md_state: null_mut(),
            md_weaklist: null_mut(),
            md_name: new_ref(name),
            md_token: null_mut(),
            md_state_size: 0,
            md_state_traverse: None,
            md_state_clear: None,
            md_state_free: None,
            md_exec: null_mut(),
            md_executed: false,
        },
    ) as *mut PyObject;
    if op.is_null() {
        Py_DECREF(d);
        Py_DECREF(name);
        return op;
    }
    crate::gc::track(op);
    let ok = dict::set_str(d, "__name__", name).is_ok()
        && dict::set_str(d, "__doc__", none()).is_ok()
        && dict::set_str(d, "__package__", none()).is_ok()
        && dict::set_str(d, "__loader__", none()).is_ok()
        && dict::set_str(d, "__spec__", none()).is_ok();
    if !ok {
        Py_DECREF(op);
        return null_mut();
    }
    op
}

pub unsafe fn new_str(name: &str) -> *mut PyObject {
    let n = unicode::from_str(name);
    if n.is_null() {
        return n;
    }
    let r = new(n);
    Py_DECREF(n);
    r
}

/// The module's `__name__` as a Rust string (for messages).
pub unsafe fn name_string(o: *mut PyObject) -> String {
    let n = dict::get_str(m(o).md_dict, "__name__");
    if !n.is_null() && unicode::is_unicode(n) {
        unicode::to_string_lossy(n)
    } else {
        "?".into()
    }
}

unsafe extern "C" fn module_dealloc(o: *mut PyObject) {
    crate::gc::untrack(o);
    let mo = m(o);
    if !mo.md_weaklist.is_null() {
        crate::objects::weakref::clear_weakrefs_of(o);
    }
    let def = mo.md_def;
    if !def.is_null() {
        if let Some(free) = (*def).m_free {
            if (*def).m_size <= 0 || !mo.md_state.is_null() {
                free(o as *mut c_void);
            }
        }
    } else if let Some(free) = mo.md_state_free {
        free(o as *mut c_void);
    }
    Py_XDECREF(mo.md_dict);
    Py_XDECREF(mo.md_name);
    if !mo.md_state.is_null() {
        libc::free(mo.md_state);
    }
    if !mo.md_exec.is_null() {
        drop(Box::from_raw(mo.md_exec as *mut SlotsExec));
    }
    alloc::free_via_type(o);
}

unsafe extern "C" fn module_traverse(
    o: *mut PyObject,
    visit: visitproc,
    arg: *mut c_void,
) -> c_int {
    let mo = m(o);
    let def = mo.md_def;
    let trav = if !def.is_null() {
        (*def).m_traverse
    } else {
        mo.md_state_traverse
    };
    if let Some(t) = trav {
        let size = if !def.is_null() {
            (*def).m_size
        } else {
            mo.md_state_size
        };
        if size <= 0 || !mo.md_state.is_null() {
            let r = t(o, visit, arg);
            if r != 0 {
                return r;
            }
        }
    }
    if !mo.md_dict.is_null() {
        return visit(mo.md_dict, arg);
    }
    0
}

unsafe extern "C" fn module_clear(o: *mut PyObject) -> c_int {
    let mo = m(o);
    let def = mo.md_def;
    let clear = if !def.is_null() {
        (*def).m_clear
    } else {
        mo.md_state_clear
    };
    if let Some(c) = clear {
        let size = if !def.is_null() {
            (*def).m_size
        } else {
            mo.md_state_size
        };
        if size <= 0 || !mo.md_state.is_null() {
            let r = c(o);
            if r != 0 {
                return r;
            }
        }
    }
    xsetref(&mut mo.md_dict, null_mut());
    0
}

/// `repr()` of a str object (quotes chosen as Python does); `'?'` on failure.
unsafe fn str_repr(o: *mut PyObject) -> String {
    let r = crate::protocols::object::repr(o);
    if r.is_null() {
        crate::errors::clear();
        return "'?'".into();
    }
    let s = unicode::to_string_lossy(r);
    Py_DECREF(r);
    s
}

/// As importlib's `_module_repr_from_spec`: the origin when there is one
/// (`from 'path'` for files, `(built-in)` style otherwise), else the loader
/// (namespace packages list their path).
unsafe fn repr_from_spec(spec: *mut PyObject, name: &str) -> Option<String> {
    use crate::protocols::object::{get_attr_str, repr};
    let attr = |n: &str| {
        let v = get_attr_str(spec, n);
        if v.is_null() {
            crate::errors::clear();
        }
        Owned::from_new(v)
    };
    let spec_name = attr("name");
    let name_r = match &spec_name {
        Some(n) if unicode::is_unicode(n.as_ptr()) => str_repr(n.as_ptr()),
        _ => format!("'{}'", name),
    };
    let origin = attr("origin");
    match origin {
        Some(o) if o.as_ptr() != none() => {
            let has_location = attr("has_location");
            if has_location.is_some_and(|h| h.as_ptr() == py_true()) {
                Some(format!("<module {} from {}>", name_r, str_repr(o.as_ptr())))
            } else {
                let os = crate::protocols::object::str(o.as_ptr());
                let os = Owned::from_new(os)?;
                Some(format!(
                    "<module {} ({})>",
                    name_r,
                    unicode::to_string_lossy(os.as_ptr())
                ))
            }
        }
        _ => {
            let loader = attr("loader");
            let loader = match loader {
                Some(l) if l.as_ptr() != none() => l,
                _ => return Some(format!("<module {}>", name_r)),
            };
            let lt = crate::objects::typeobject::tp_name(Py_TYPE(loader.as_ptr()));
            if lt.ends_with("NamespaceLoader") {
                let path = Owned::from_new(get_attr_str(loader.as_ptr(), "_path"));
                let list = path
                    .and_then(|p| Owned::from_new(crate::protocols::sequence::to_list(p.as_ptr())));
                if let Some(list) = list {
                    let lr = Owned::from_new(repr(list.as_ptr()))?;
                    return Some(format!(
                        "<module {} (namespace) from {}>",
                        name_r,
                        unicode::to_string_lossy(lr.as_ptr())
                    ));
                }
                crate::errors::clear();
            }
            let lr = Owned::from_new(repr(loader.as_ptr()))?;
            Some(format!(
                "<module {} ({})>",
                name_r,
                unicode::to_string_lossy(lr.as_ptr())
            ))
        }
    }
}

unsafe extern "C" fn module_repr(o: *mut PyObject) -> *mut PyObject {
    let name = name_string(o);
    let d = m(o).md_dict;
    let spec = if d.is_null() {
        null_mut()
    } else {
        dict::get_str(d, "__spec__")
    };
    if !spec.is_null() && spec != none() {
        let saved = crate::errors::take_raised();
        let r = repr_from_spec(spec, &name);
        crate::errors::clear();
        crate::errors::set_raised(saved);
        if let Some(r) = r {
            return unicode::from_str(&r);
        }
    }
    let file = if d.is_null() {
        null_mut()
    } else {
        dict::get_str(d, "__file__")
    };
    if !file.is_null() && unicode::is_unicode(file) {
        return unicode::from_str(&format!("<module '{}' from {}>", name, str_repr(file)));
    }
    unicode::from_str(&format!("<module '{}'>", name))
}

/// Attribute lookup: the generic one, then the module's `__getattr__`.
unsafe extern "C" fn module_getattro(o: *mut PyObject, name: *mut PyObject) -> *mut PyObject {
    let r = crate::objects::baseobject::generic_getattr_with_dict(o, name, null_mut(), true);
    if !r.is_null() && crate::objects::lazyimport::is_lazy(r) {
        // PEP 810: a lazy import bound in the module resolves on attribute access,
        // and the module keeps the real object.
        let real = crate::objects::lazyimport::reify(r);
        Py_DECREF(r);
        if !real.is_null() && !m(o).md_dict.is_null() {
            let cur = dict::get_item_borrowed(m(o).md_dict, name);
            if !cur.is_null() && crate::objects::lazyimport::is_lazy(cur) {
                let _ = dict::set_item(m(o).md_dict, name, real);
            }
        }
        return real;
    }
    if !r.is_null() || !crate::errors::raised().is_null() {
        return r;
    }
    let d = m(o).md_dict;
    if !d.is_null() {
        let ga = dict::get_str(d, "__getattr__");
        if !ga.is_null() {
            return crate::protocols::call::call_function(ga, &[name]);
        }
    }
    let msg = if crate::import::is_initializing(o) {
        format!(
            "partially initialized module '{}' has no attribute '{}' (most likely due to a circular import)",
            name_string(o),
            unicode::to_string_lossy(name)
        )
    } else {
        format!(
            "module '{}' has no attribute '{}'",
            name_string(o),
            unicode::to_string_lossy(name)
        )
    };
    crate::objects::exceptions::raise_attribute_error(o, name, &msg);
    null_mut()
}

unsafe extern "C" fn module_init(
    o: *mut PyObject,
    args: *mut PyObject,
    kwds: *mut PyObject,
) -> c_int {
    let n = if args.is_null() { 0 } else { Py_SIZE(args) };
    let nk = if kwds.is_null() { 0 } else { dict::len(kwds) };
    if n + nk < 1 || n > 2 {
        let _: PyResult<()> = crate::raise!(
            PyExc_TypeError,
            "module() missing required argument 'name' (pos 1)"
        );
        return -1;
    }
    let name = if n >= 1 {
        crate::objects::tuple::get_item(args, 0)
    } else {
        dict::get_str(kwds, "name")
    };
    if name.is_null() || !unicode::is_unicode(name) {
        let _: PyResult<()> = crate::raise!(
            PyExc_TypeError,
            "module.__init__() argument 'name' must be str"
        );
        return -1;
    }
    let doc = if n == 2 {
        crate::objects::tuple::get_item(args, 1)
    } else {
        none()
    };
    let d = m(o).md_dict;
    if dict::set_str(d, "__name__", name).is_err() || dict::set_str(d, "__doc__", doc).is_err() {
        return -1;
    }
    Py_INCREF(name);
    xsetref(&mut m(o).md_name, name);
    0
}

unsafe extern "C" fn module_new(
    t: *mut PyTypeObject,
    _a: *mut PyObject,
    _k: *mut PyObject,
) -> *mut PyObject {
    let o = crate::alloc::generic_alloc(t, 0);
    if o.is_null() {
        return o;
    }
    let d = dict::new();
    if d.is_null() {
        Py_DECREF(o);
        return null_mut();
    }
    m(o).md_dict = d;
    o
}

/// `module.__dir__`: the module's own names (its `__dict__`'s keys), or what a
/// `__dir__` function in that dictionary returns; never the type's attributes.
unsafe extern "C" fn module_dir(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    let d = m(o).md_dict;
    if d.is_null() || !dict::is_dict(d) {
        return crate::raise_null!(PyExc_TypeError, "<module>.__dict__ is not a dictionary");
    }
    let f = dict::get_str(d, "__dir__");
    if !f.is_null() {
        return crate::protocols::call::call_function(f, &[]);
    }
    crate::objects::dict_ops::keys_list(d)
}

static mut MODULE_METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"__dir__".as_ptr(),
        ml_meth: Some(module_dir),
        ml_flags: METH_NOARGS,
        ml_doc: c"Specialized dir() implementation".as_ptr(),
    },
    PyMethodDef::SENTINEL,
];

pub unsafe fn init_type() {
    let t = &raw mut PyModule_Type;
    crate::objects::typeobject::init_builtin(t, c"module", core::mem::size_of::<ModuleObject>(), 0);
    (*t).tp_flags |= Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC;
    (*t).tp_dealloc = Some(module_dealloc);
    (*t).tp_traverse = Some(module_traverse);
    (*t).tp_clear = Some(module_clear);
    (*t).tp_repr = Some(module_repr);
    (*t).tp_getattro = Some(module_getattro);
    (*t).tp_setattro = Some(crate::objects::baseobject::generic_setattr);
    (*t).tp_init = Some(module_init);
    (*t).tp_new = Some(module_new);
    (*t).tp_methods = (&raw mut MODULE_METHODS).cast();
    (*t).tp_dictoffset = core::mem::offset_of!(ModuleObject, md_dict) as Py_ssize_t;
    (*t).tp_weaklistoffset = core::mem::offset_of!(ModuleObject, md_weaklist) as Py_ssize_t;
    (*t).tp_doc = c"Create a module object.\n\nThe name must be a string; the optional doc argument can have any type.".as_ptr();

    let t = &raw mut PyModuleDef_Type;
    crate::objects::typeobject::init_builtin(
        t,
        c"moduledef",
        core::mem::size_of::<PyModuleDef>(),
        0,
    );
}

// ---- extension modules: definitions, slots, state -------------------------------

use core::ffi::{c_char, CStr};
use core::sync::atomic::{AtomicIsize, Ordering};

use crate::defs::slot::*;

/// `PyModule_GetToken`: what identifies the module's definition.
pub unsafe fn token_of(o: *mut PyObject) -> *mut c_void {
    let mo = m(o);
    if !mo.md_token.is_null() {
        mo.md_token
    } else {
        mo.md_def as *mut c_void
    }
}

/// The state size the module asked for.
pub unsafe fn state_size(o: *mut PyObject) -> Py_ssize_t {
    let mo = m(o);
    if !mo.md_def.is_null() {
        (*mo.md_def).m_size.max(0)
    } else {
        mo.md_state_size.max(0)
    }
}

unsafe fn alloc_state(o: *mut PyObject, size: Py_ssize_t) -> PyResult<()> {
    let mo = m(o);
    if size > 0 && mo.md_state.is_null() {
        let p = libc::calloc(1, size as usize);
        if p.is_null() {
            crate::errors::no_memory();
            return Err(());
        }
        mo.md_state = p;
    }
    Ok(())
}

static MAX_MODULE_NUMBER: AtomicIsize = AtomicIsize::new(0);

/// `PyModuleDef_Init`: make a static definition an object of `PyModuleDef_Type`
/// with its index for `PyState_FindModule`.
pub unsafe fn def_init(def: *mut PyModuleDef) -> *mut PyObject {
    let o = def as *mut PyObject;
    if (*o).ob_type.is_null() {
        (*o).ob_type = &raw mut PyModuleDef_Type;
    }
    // Two threads may initialise the same definition: the first index wins.
    let idx = &*(&raw mut (*def).m_base.m_index as *const AtomicIsize);
    if idx.load(Ordering::Acquire) == 0 {
        let n = MAX_MODULE_NUMBER.fetch_add(1, Ordering::Relaxed) + 1;
        let _ = idx.compare_exchange(0, n, Ordering::AcqRel, Ordering::Acquire);
    }
    o
}

/// `PyModule_AddFunctions` on any object: C functions bound to `o`, whose
/// `__module__` is the module's name.
pub unsafe fn add_functions(o: *mut PyObject, methods: *mut PyMethodDef) -> PyResult<()> {
    let name = if is_module(o) {
        let n = m(o).md_name;
        if n.is_null() {
            dict::get_str(m(o).md_dict, "__name__")
        } else {
            n
        }
    } else {
        null_mut()
    };
    let mut ml = methods;
    while !ml.is_null() && !(*ml).ml_name.is_null() {
        if (*ml).ml_flags & (METH_CLASS | METH_STATIC) != 0 {
            return crate::raise!(
                PyExc_ValueError,
                "module functions cannot set METH_CLASS or METH_STATIC"
            );
        }
        let f = crate::objects::methodobject::new(ml, o, name, null_mut());
        nonnull(f)?;
        let key = CStr::from_ptr((*ml).ml_name).to_string_lossy();
        let r = crate::protocols::object::set_attr(o, unicode::from_str(&key), f);
        Py_DECREF(f);
        r?;
        ml = ml.add(1);
    }
    Ok(())
}

/// `PyModule_SetDocString`.
pub unsafe fn set_doc_string(o: *mut PyObject, doc: *const c_char) -> PyResult<()> {
    let d = unicode::from_utf8(CStr::from_ptr(doc).to_bytes());
    nonnull(d)?;
    let r = crate::protocols::object::set_attr(o, unicode::intern_str("__doc__"), d);
    Py_DECREF(d);
    r
}

/// `PyModule_Create2` (single-phase init).
pub unsafe fn create(def: *mut PyModuleDef) -> *mut PyObject {
    def_init(def);
    let name = CStr::from_ptr((*def).m_name).to_string_lossy().into_owned();
    if !(*def).m_slots.is_null() {
        return crate::raise_null!(
            PyExc_SystemError,
            "module {}: PyModule_Create is incompatible with m_slots",
            name
        );
    }
    // A package's submodule gets its full dotted name from the import in progress.
    let full = crate::import::package_context(&name);
    let o = new_str(&full);
    if o.is_null() {
        return o;
    }
    let mo = m(o);
    mo.md_def = def;
    if alloc_state(o, (*def).m_size).is_err() {
        Py_DECREF(o);
        return null_mut();
    }
    if !(*def).m_methods.is_null() && add_functions(o, (*def).m_methods).is_err() {
        Py_DECREF(o);
        return null_mut();
    }
    if !(*def).m_doc.is_null() && set_doc_string(o, (*def).m_doc).is_err() {
        Py_DECREF(o);
        return null_mut();
    }
    o
}

/// What a module definition's slots say (both `PyModuleDef.m_slots` and PEP 793).
pub struct ModSlots {
    pub create: Option<unsafe extern "C" fn(*mut PyObject, *mut PyModuleDef) -> *mut PyObject>,
    pub execs: Vec<ExecFn>,
    pub gil_not_used: bool,
    pub has_gil_slot: bool,
    pub name: *const c_char,
    pub doc: *const c_char,
    pub state_size: Py_ssize_t,
    pub methods: *mut PyMethodDef,
    pub traverse: Option<traverseproc>,
    pub clear: Option<inquiry>,
    pub free: Option<freefunc>,
    pub token: *mut c_void,
    pub abi: *mut PyABIInfo,
}

impl ModSlots {
    fn new() -> ModSlots {
        ModSlots {
            create: None,
            execs: Vec::new(),
            gil_not_used: false,
            has_gil_slot: false,
            name: core::ptr::null(),
            doc: core::ptr::null(),
            state_size: 0,
            methods: null_mut(),
            traverse: None,
            clear: None,
            free: None,
            token: null_mut(),
            abi: null_mut(),
        }
    }
}

/// Record one module slot (`legacy`: ids 1..=4 are the old module slot numbers).
unsafe fn add_mod_slot(
    ms: &mut ModSlots,
    name: &str,
    id: u16,
    p: *mut c_void,
    legacy: bool,
    flags: u16,
) -> PyResult<()> {
    let optional = flags & PySlot_OPTIONAL != 0;
    let is_static = legacy || flags & PySlot_STATIC != 0;
    let id = if legacy {
        match id {
            Py_mod_create_OLD => Py_mod_create,
            Py_mod_exec_OLD => Py_mod_exec,
            Py_mod_multiple_interpreters_OLD => Py_mod_multiple_interpreters,
            Py_mod_gil_OLD => Py_mod_gil,
            x => x,
        }
    } else {
        id
    };
    match id {
        Py_mod_create => {
            if ms.create.is_some() {
                return crate::raise!(
                    PyExc_SystemError,
                    "module {} has multiple Py_mod_create ({}) slots",
                    name,
                    Py_mod_create
                );
            }
            ms.create = core::mem::transmute::<*mut c_void, _>(p);
        }
        Py_mod_exec => {
            if let Some(f) = core::mem::transmute::<
                *mut c_void,
                Option<unsafe extern "C" fn(*mut PyObject) -> c_int>,
            >(p)
            {
                ms.execs.push(f);
            }
        }
        Py_mod_multiple_interpreters => {}
        Py_mod_gil => {
            if ms.has_gil_slot {
                return crate::raise!(
                    PyExc_SystemError,
                    "module {} has multiple Py_mod_gil ({}) slots",
                    name,
                    Py_mod_gil
                );
            }
            ms.has_gil_slot = true;
            // Py_MOD_GIL_USED is 0, Py_MOD_GIL_NOT_USED is 1.
            ms.gil_not_used = p as usize == 1;
        }
        Py_mod_name if !legacy => ms.name = p as *const c_char,
        Py_mod_doc if !legacy => ms.doc = p as *const c_char,
        Py_mod_state_size if !legacy => ms.state_size = p as Py_ssize_t,
        Py_mod_methods if !legacy => {
            if !is_static {
                return crate::raise!(PyExc_SystemError, "Py_mod_methods requires PySlot_STATIC");
            }
            ms.methods = p as *mut PyMethodDef
        }
        Py_mod_state_traverse if !legacy => ms.traverse = core::mem::transmute::<*mut c_void, _>(p),
        Py_mod_state_clear if !legacy => ms.clear = core::mem::transmute::<*mut c_void, _>(p),
        Py_mod_state_free if !legacy => ms.free = core::mem::transmute::<*mut c_void, _>(p),
        Py_mod_token if !legacy => ms.token = p,
        Py_mod_abi => {
            ms.abi = p as *mut PyABIInfo;
            if !p.is_null() {
                abi_info_check(p as *mut PyABIInfo, name)?;
            }
        }
        _ => {
            if crate::objects::heaptype::is_known_slot(id)
                && !crate::objects::heaptype::is_module_slot(id)
                && !legacy
            {
                return crate::raise!(
                    PyExc_SystemError,
                    "invalid module slot {} ({})",
                    id,
                    crate::objects::heaptype::slot_name(id)
                );
            }
            if optional {
                return Ok(());
            }
            return crate::raise!(PyExc_SystemError, "unknown module slot ID {}", id);
        }
    }
    Ok(())
}

/// `PyABIInfo_Check`: can a module built with `info` run here? Carapace answers
/// as CPython 3.15's GIL build does (its object header is the GIL build's), so a
/// module built only for free-threaded CPython is refused.
pub unsafe fn abi_info_check(info: *mut PyABIInfo, name: &str) -> PyResult<()> {
    if info.is_null() {
        return crate::raise!(PyExc_ImportError, "{}: NULL PyABIInfo", name);
    }
    let i = &*info;
    let here = crate::version::PY_VERSION_HEX;
    if i.abiinfo_major_version > 1 {
        return crate::raise!(PyExc_ImportError, "{}: PyABIInfo version too high", name);
    }
    let v = i.abi_version;
    if i.flags & PyABIInfo_STABLE != 0 {
        if v != 0 && (v & 0xFFFF_0000) > (here & 0xFFFF_0000) {
            return crate::raise!(
                PyExc_ImportError,
                "{}: incompatible future stable ABI version ({}.{})",
                name,
                v >> 24,
                (v >> 16) & 0xFF
            );
        }
    } else if v != 0 && (v & 0xFFFF_0000) != (here & 0xFFFF_0000) {
        return crate::raise!(
            PyExc_ImportError,
            "{}: incompatible ABI version ({}.{})",
            name,
            v >> 24,
            (v >> 16) & 0xFF
        );
    }
    if i.flags & PyABIInfo_INTERNAL != 0 && v != here {
        return crate::raise!(
            PyExc_ImportError,
            "{}: incompatible internal ABI ({:#x} != {:#x})",
            name,
            v,
            here
        );
    }
    if i.flags & PyABIInfo_FREETHREADED != 0 && i.flags & PyABIInfo_GIL == 0 {
        return crate::raise!(
            PyExc_ImportError,
            "{}: only compatible with free-threaded CPython",
            name
        );
    }
    Ok(())
}

unsafe fn spec_name(spec: *mut PyObject) -> PyResult<*mut PyObject> {
    let n = crate::protocols::object::get_attr(spec, unicode::intern_str("name"));
    nonnull(n)?;
    if !unicode::is_unicode(n) {
        Py_DECREF(n);
        return crate::raise!(PyExc_TypeError, "module name must be a string");
    }
    Ok(n)
}

/// Make the module object for `name` (create slot or a plain module) and fill in
/// the definition's parts.
unsafe fn make_module(
    ms: &ModSlots,
    spec: *mut PyObject,
    name: *mut PyObject,
    def: *mut PyModuleDef,
) -> *mut PyObject {
    let name_s = unicode::to_string_lossy(name);
    let o = match ms.create {
        Some(c) => {
            let r = c(spec, def);
            if r.is_null() {
                if crate::errors::raised().is_null() {
                    return crate::raise_null!(
                        PyExc_SystemError,
                        "creation of module {} failed without setting an exception",
                        name_s
                    );
                }
                return r;
            }
            if !crate::errors::raised().is_null() {
                Py_DECREF(r);
                return crate::raise_null!(
                    PyExc_SystemError,
                    "creation of module {} raised unreported exception",
                    name_s
                );
            }
            r
        }
        None => new(name),
    };
    if o.is_null() {
        return o;
    }
    if is_module(o) {
        let mo = m(o);
        if !def.is_null() {
            mo.md_def = def;
            mo.md_token = def as *mut c_void;
        } else {
            mo.md_state_size = ms.state_size;
            mo.md_state_traverse = ms.traverse;
            mo.md_state_clear = ms.clear;
            mo.md_state_free = ms.free;
            mo.md_token = ms.token;
        }
    } else if ms.state_size > 0 || ms.traverse.is_some() || ms.clear.is_some() || ms.free.is_some()
    {
        Py_DECREF(o);
        return crate::raise_null!(
            PyExc_SystemError,
            "module {} is not a module object, but requests module state",
            name_s
        );
    }
    if !ms.methods.is_null() && add_functions(o, ms.methods).is_err() {
        Py_DECREF(o);
        return null_mut();
    }
    if !ms.doc.is_null() && set_doc_string(o, ms.doc).is_err() {
        Py_DECREF(o);
        return null_mut();
    }
    o
}

/// Collect the slots of a `PyModuleDef`.
pub unsafe fn def_slots(def: *mut PyModuleDef, name: &str) -> PyResult<ModSlots> {
    let mut ms = ModSlots::new();
    let mut s = (*def).m_slots;
    while !s.is_null() && (*s).slot != 0 {
        let id = (*s).slot;
        if !(0..0xFFFF).contains(&id) {
            return crate::raise!(PyExc_SystemError, "unknown module slot ID {}", id);
        }
        add_mod_slot(&mut ms, name, id as u16, (*s).value, true, 0)?;
        s = s.add(1);
    }
    ms.state_size = (*def).m_size;
    ms.methods = (*def).m_methods;
    ms.doc = (*def).m_doc;
    ms.traverse = (*def).m_traverse;
    ms.clear = (*def).m_clear;
    ms.free = (*def).m_free;
    Ok(ms)
}

/// Collect the slots of a PEP 793 `PySlot` array.
pub unsafe fn slot_array_slots(slots: *const PySlot, name: &str) -> PyResult<ModSlots> {
    let mut ms = ModSlots::new();
    crate::objects::heaptype::walk_slots(slots, 0, Py_mod_slots, &mut |id, p, fl| {
        add_mod_slot(&mut ms, name, id, p, false, fl)
    })?;
    // Several exec slots are allowed only in a PyModuleDef's m_slots.
    if ms.execs.len() > 1 {
        return crate::raise!(
            PyExc_SystemError,
            "module {} has multiple Py_mod_exec slots",
            name
        );
    }
    if ms.abi.is_null() {
        return crate::raise!(
            PyExc_SystemError,
            "module {} does not define Py_mod_abi, which is mandatory for modules defined from slots only.",
            name
        );
    }
    Ok(ms)
}

/// `PyModule_FromDefAndSpec2`.
pub unsafe fn from_def_and_spec(def: *mut PyModuleDef, spec: *mut PyObject) -> *mut PyObject {
    def_init(def);
    let Ok(name) = spec_name(spec) else {
        return null_mut();
    };
    let name_s = unicode::to_string_lossy(name);
    let ms = match def_slots(def, &name_s) {
        Ok(ms) => ms,
        Err(()) => {
            Py_DECREF(name);
            return null_mut();
        }
    };
    let o = make_module(&ms, spec, name, def);
    Py_DECREF(name);
    o
}

/// `PyModule_FromSlotsAndSpec` (PEP 793).
pub unsafe fn from_slots_and_spec(slots: *const PySlot, spec: *mut PyObject) -> *mut PyObject {
    let Ok(name) = spec_name(spec) else {
        return null_mut();
    };
    let name_s = unicode::to_string_lossy(name);
    let ms = match slot_array_slots(slots, &name_s) {
        Ok(ms) => ms,
        Err(()) => {
            Py_DECREF(name);
            return null_mut();
        }
    };
    let o = make_module(&ms, spec, name, null_mut());
    Py_DECREF(name);
    if !o.is_null() && is_module(o) {
        let se = SlotsExec {
            state_size: ms.state_size,
            execs: ms.execs,
        };
        m(o).md_exec = Box::into_raw(Box::new(se)) as *mut c_void;
    }
    o
}

/// The exec slots and state size of a module made from slots, copied when it is
/// made: the caller's slot array (often a compound literal on its stack) need not
/// outlive `PyModule_FromSlotsAndSpec`.
pub struct SlotsExec {
    state_size: Py_ssize_t,
    execs: Vec<ExecFn>,
}

type ExecFn = unsafe extern "C" fn(*mut PyObject) -> c_int;

unsafe fn run_execs(o: *mut PyObject, execs: &[ExecFn]) -> PyResult<()> {
    for f in execs {
        let r = f(o);
        if r != 0 {
            if crate::errors::raised().is_null() {
                let what = crate::objects::unicode::repr_string(o);
                return crate::raise!(
                    PyExc_SystemError,
                    "execution of {} failed without setting an exception",
                    what
                );
            }
            return Err(());
        }
        if !crate::errors::raised().is_null() {
            let saved = crate::errors::take_raised();
            let what = crate::objects::unicode::repr_string(o);
            let _: PyResult<()> = crate::raise!(
                PyExc_SystemError,
                "execution of {} raised unreported exception",
                what
            );
            let e = crate::errors::raised();
            if !e.is_null() {
                crate::objects::exceptions::set_cause(e, saved);
            } else {
                Py_XDECREF(saved);
            }
            return Err(());
        }
    }
    Ok(())
}

/// `PyModule_ExecDef`.
pub unsafe fn exec_def(o: *mut PyObject, def: *mut PyModuleDef) -> PyResult<()> {
    let name = name_string(o);
    if is_module(o) {
        if m(o).md_def.is_null() {
            m(o).md_def = def;
        }
        alloc_state(o, (*def).m_size)?;
    }
    if (*def).m_slots.is_null() {
        return Ok(());
    }
    let ms = def_slots(def, &name)?;
    run_execs(o, &ms.execs)
}

/// `PyModule_Exec` (PEP 793): run the exec slots of a module made from slots or
/// from a definition (each call runs them, as in CPython).
pub unsafe fn exec(o: *mut PyObject) -> PyResult<()> {
    let mo = m(o);
    mo.md_executed = true;
    if !mo.md_exec.is_null() {
        let se = &*(mo.md_exec as *const SlotsExec);
        alloc_state(o, se.state_size)?;
        return run_execs(o, &se.execs);
    }
    if !mo.md_def.is_null() {
        return exec_def(o, mo.md_def);
    }
    Ok(())
}

// ---- PyState_* -------------------------------------------------------------------

/// The single-phase modules by `m_index` (CPython's `modules_by_index`). The lock
/// guards only this table and is never held while other code runs.
struct ByIndex(Vec<*mut PyObject>);
unsafe impl Send for ByIndex {}
static BY_INDEX: parking_lot::Mutex<ByIndex> = parking_lot::Mutex::new(ByIndex(Vec::new()));

/// `PyState_FindModule` (borrowed or NULL, no exception).
pub unsafe fn state_find(def: *mut PyModuleDef) -> *mut PyObject {
    let idx = (*def).m_base.m_index;
    if idx <= 0 || !(*def).m_slots.is_null() {
        return null_mut();
    }
    let t = BY_INDEX.lock();
    t.0.get(idx as usize).copied().unwrap_or(null_mut())
}

/// `PyState_AddModule` / `_PyState_AddModule`.
pub unsafe fn state_add(module: *mut PyObject, def: *mut PyModuleDef) -> PyResult<()> {
    if !(*def).m_slots.is_null() {
        return crate::raise!(
            PyExc_SystemError,
            "PyState_AddModule called on module with slots"
        );
    }
    def_init(def);
    let idx = (*def).m_base.m_index as usize;
    Py_INCREF(module);
    let old = {
        let mut t = BY_INDEX.lock();
        if t.0.len() <= idx {
            t.0.resize(idx + 1, null_mut());
        }
        core::mem::replace(&mut t.0[idx], module)
    };
    Py_XDECREF(old);
    Ok(())
}

/// `PyState_RemoveModule`.
pub unsafe fn state_remove(def: *mut PyModuleDef) -> PyResult<()> {
    if !(*def).m_slots.is_null() {
        return crate::raise!(
            PyExc_SystemError,
            "PyState_RemoveModule called on module with slots"
        );
    }
    let idx = (*def).m_base.m_index;
    if idx == 0 {
        return crate::raise!(
            PyExc_SystemError,
            "PyState_RemoveModule: Module index invalid."
        );
    }
    let old = {
        let mut t = BY_INDEX.lock();
        if idx < 0 || idx as usize >= t.0.len() {
            drop(t);
            return crate::raise!(
                PyExc_SystemError,
                "PyState_RemoveModule: Module index out of bounds."
            );
        }
        core::mem::replace(&mut t.0[idx as usize], null_mut())
    };
    Py_XDECREF(old);
    Ok(())
}
