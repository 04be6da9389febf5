//! `super` (`PySuper_Type`): attribute lookup that starts after a class in the
//! MRO of an instance's (or a class's) type.

use core::ffi::{c_int, c_void};
use core::ptr::null_mut;

use crate::defs::*;
use crate::exported::*;
use crate::object::*;
use crate::objects::typeobject::{is_subtype, is_type, tp_name, type_name, visit_each};
use crate::objects::{dict, tuple, unicode};
use crate::typeobj::*;

#[repr(C)]
pub struct SuperObject {
    pub ob_base: PyObject,
    /// The class the lookup starts after (`__thisclass__`).
    pub type_: *mut PyTypeObject,
    /// The instance or class bound to (`__self__`), NULL when unbound.
    pub obj: *mut PyObject,
    /// The type whose MRO is searched (`__self_class__`).
    pub obj_type: *mut PyTypeObject,
}

#[inline]
unsafe fn su<'a>(o: *mut PyObject) -> &'a mut SuperObject {
    &mut *(o as *mut SuperObject)
}

/// The type whose MRO `super(t, obj)` searches: `obj` itself when it is a
/// subclass of `t`, else its class (also through a `__class__` attribute).
unsafe fn supercheck(t: *mut PyTypeObject, obj: *mut PyObject) -> PyResult<*mut PyTypeObject> {
    if is_type(obj) && is_subtype(obj as *mut PyTypeObject, t) {
        return Ok(obj as *mut PyTypeObject);
    }
    if is_subtype(Py_TYPE(obj), t) {
        return Ok(Py_TYPE(obj));
    }
    let cls = crate::protocols::object::get_optional_attr(obj, unicode::intern_str("__class__"))?;
    if !cls.is_null() {
        let cls = Owned(cls);
        let c = cls.as_ptr();
        if is_type(c) && c != Py_TYPE(obj) as *mut PyObject && is_subtype(c as *mut PyTypeObject, t)
        {
            return Ok(c as *mut PyTypeObject);
        }
    }
    let what = if is_type(obj) {
        format!("type {}", tp_name(obj as *mut PyTypeObject))
    } else {
        format!("instance of {}", type_name(Py_TYPE(obj)))
    };
    crate::raise!(
        PyExc_TypeError,
        "super(type, obj): obj ({}) is not an instance or subtype of type ({}).",
        what,
        tp_name(t)
    )
}

/// Bind the super object `o` to `t` and `obj` (NULL: unbound).
unsafe fn super_set(o: *mut PyObject, t: *mut PyTypeObject, obj: *mut PyObject) -> PyResult<()> {
    let obj_type = if obj.is_null() {
        null_mut()
    } else {
        supercheck(t, obj)?
    };
    let s = su(o);
    let old = (s.type_, s.obj, s.obj_type);
    Py_INCREF(t as *mut PyObject);
    Py_XINCREF(obj);
    Py_XINCREF(obj_type as *mut PyObject);
    s.type_ = t;
    s.obj = obj;
    s.obj_type = obj_type;
    Py_XDECREF(old.0 as *mut PyObject);
    Py_XDECREF(old.1);
    Py_XDECREF(old.2 as *mut PyObject);
    Ok(())
}

/// `super()`, `super(type)`, `super(type, obj)`.
unsafe extern "C" fn super_init(o: *mut PyObject, args: *mut PyObject, kwds: *mut PyObject) -> c_int {
    let r = (|| {
        if !kwds.is_null() && dict::len(kwds) > 0 {
            return crate::raise!(PyExc_TypeError, "super() takes no keyword arguments");
        }
        let a = tuple::as_slice(args);
        if a.len() > 2 {
            return crate::raise!(
                PyExc_TypeError,
                "super() takes at most 2 arguments ({} given)",
                a.len()
            );
        }
        if a.is_empty() {
            let (t, obj) = crate::vm::super_context()?;
            return super_set(o, t, obj);
        }
        if !is_type(a[0]) {
            return crate::raise!(
                PyExc_TypeError,
                "super() argument 1 must be a type, not {}",
                type_name(Py_TYPE(a[0]))
            );
        }
        let obj = if a.len() == 2 && a[1] != none() {
            a[1]
        } else {
            null_mut()
        };
        super_set(o, a[0] as *mut PyTypeObject, obj)
    })();
    if r.is_ok() {
        0
    } else {
        -1
    }
}

/// Attribute lookup: along the MRO of `__self_class__`, starting after
/// `__thisclass__`; `__class__` and unbound supers use the super object itself.
unsafe extern "C" fn super_getattro(o: *mut PyObject, name: *mut PyObject) -> *mut PyObject {
    let s = su(o);
    let starttype = s.obj_type;
    let skip = starttype.is_null()
        || (unicode::is_unicode(name) && unicode::as_str(name) == "__class__");
    if !skip {
        let mro = (*starttype).tp_mro;
        if !mro.is_null() {
            let items = tuple::as_slice(mro);
            if let Some(i) = items.iter().position(|&b| b == s.type_ as *mut PyObject) {
                for &b in &items[i + 1..] {
                    let d = (*(b as *mut PyTypeObject)).tp_dict;
                    if d.is_null() {
                        continue;
                    }
                    let res = dict::get_item_borrowed(d, name);
                    if res.is_null() {
                        continue;
                    }
                    let res = Owned::from_borrowed(res);
                    return match (*Py_TYPE(res.as_ptr())).tp_descr_get {
                        Some(get) => {
                            let inst = if s.obj == starttype as *mut PyObject {
                                null_mut()
                            } else {
                                s.obj
                            };
                            get(res.as_ptr(), inst, starttype as *mut PyObject)
                        }
                        None => res.into_ptr(),
                    };
                }
            }
        }
    }
    crate::objects::baseobject::generic_getattr(o, name)
}

/// `super(T).__get__(obj)`: bind an unbound super.
unsafe extern "C" fn super_descr_get(
    o: *mut PyObject,
    obj: *mut PyObject,
    _t: *mut PyObject,
) -> *mut PyObject {
    let s = su(o);
    if obj.is_null() || obj == none() || !s.obj.is_null() {
        return new_ref(o);
    }
    crate::protocols::call::call_function(
        Py_TYPE(o) as *mut PyObject,
        &[s.type_ as *mut PyObject, obj],
    )
}

unsafe extern "C" fn super_repr(o: *mut PyObject) -> *mut PyObject {
    let s = su(o);
    let t = if s.type_.is_null() {
        "NULL"
    } else {
        tp_name(s.type_)
    };
    if s.obj_type.is_null() {
        unicode::from_str(&format!("<super: <class '{}'>, NULL>", t))
    } else {
        unicode::from_str(&format!(
            "<super: <class '{}'>, <{} object>>",
            t,
            tp_name(s.obj_type)
        ))
    }
}

unsafe extern "C" fn super_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let s = su(o);
    visit_each(
        [
            s.type_ as *mut PyObject,
            s.obj,
            s.obj_type as *mut PyObject,
        ],
        visit,
        arg,
    )
}

unsafe extern "C" fn super_dealloc(o: *mut PyObject) {
    crate::gc::untrack(o);
    let s = su(o);
    Py_XDECREF(s.type_ as *mut PyObject);
    Py_XDECREF(s.obj);
    Py_XDECREF(s.obj_type as *mut PyObject);
    crate::alloc::free_via_type(o);
}

static mut SUPER_MEMBERS: [PyMemberDef; 4] = [
    PyMemberDef {
        name: c"__thisclass__".as_ptr(),
        type_code: _Py_T_OBJECT,
        offset: core::mem::offset_of!(SuperObject, type_) as Py_ssize_t,
        flags: Py_READONLY,
        doc: c"the class invoking super()".as_ptr(),
    },
    PyMemberDef {
        name: c"__self__".as_ptr(),
        type_code: _Py_T_OBJECT,
        offset: core::mem::offset_of!(SuperObject, obj) as Py_ssize_t,
        flags: Py_READONLY,
        doc: c"the instance invoking super(); may be None".as_ptr(),
    },
    PyMemberDef {
        name: c"__self_class__".as_ptr(),
        type_code: _Py_T_OBJECT,
        offset: core::mem::offset_of!(SuperObject, obj_type) as Py_ssize_t,
        flags: Py_READONLY,
        doc: c"the type of the instance invoking super(); may be None".as_ptr(),
    },
    PyMemberDef::SENTINEL,
];

/// Fill `PySuper_Type`'s slots (before the exported types are readied).
pub unsafe fn init_type() {
    let t = &raw mut PySuper_Type;
    crate::objects::typeobject::init_builtin(t, c"super", core::mem::size_of::<SuperObject>(), 0);
    (*t).tp_flags |= Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE;
    (*t).tp_dealloc = Some(super_dealloc);
    (*t).tp_traverse = Some(super_traverse);
    (*t).tp_repr = Some(super_repr);
    (*t).tp_getattro = Some(super_getattro);
    (*t).tp_descr_get = Some(super_descr_get);
    (*t).tp_init = Some(super_init);
    (*t).tp_new = Some(crate::objects::heaptype::generic_new);
    (*t).tp_alloc = Some(crate::alloc::generic_alloc_slot);
    (*t).tp_free = Some(crate::alloc::gc_del_slot);
    (*t).tp_members = (&raw mut SUPER_MEMBERS).cast();
    (*t).tp_doc = c"super() -> same as super(__class__, <first argument>)\nsuper(type) -> unbound super object\nsuper(type, obj) -> bound super object; requires isinstance(obj, type)\nsuper(type, type2) -> bound super object; requires issubclass(type2, type)\nTypical use to call a cooperative superclass method:\nclass C(B):\n    def meth(self, arg):\n        super().meth(arg)\nThis works for class methods too:\nclass C(B):\n    @classmethod\n    def cmeth(cls, arg):\n        super().cmeth(arg)\n".as_ptr();
}
