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
    /// The exec slots still to run (`PyModule_Exec` of a slots-made module).
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

unsafe extern "C" fn module_repr(o: *mut PyObject) -> *mut PyObject {
    let name = name_string(o);
    let d = m(o).md_dict;
    let file = if d.is_null() {
        null_mut()
    } else {
        dict::get_str(d, "__file__")
    };
    if !file.is_null() && unicode::is_unicode(file) {
        return unicode::from_str(&format!(
            "<module '{}' from '{}'>",
            name,
            unicode::to_string_lossy(file)
        ));
    }
    unicode::from_str(&format!("<module '{}'>", name))
}

/// Attribute lookup: the generic one, then the module's `__getattr__`.
unsafe extern "C" fn module_getattro(o: *mut PyObject, name: *mut PyObject) -> *mut PyObject {
    let r = crate::objects::baseobject::generic_getattr_with_dict(o, name, null_mut(), true);
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
    crate::objects::exceptions::raise_attribute_error(
        o,
        name,
        &format!(
            "module '{}' has no attribute '{}'",
            name_string(o),
            unicode::to_string_lossy(name)
        ),
    );
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
