//! `object`: the root type, and the generic attribute machinery every type inherits
//! (`PyObject_GenericGetAttr` / `SetAttr`, instance `__dict__`).

use core::ffi::{c_int, c_void};
use core::ptr::null_mut;

use crate::defs::*;
use crate::exported::*;
use crate::object::*;
use crate::objects::typeobject::{lookup, qual_name, type_name};
use crate::objects::{dict, exceptions, tuple, unicode};
use crate::typeobj::*;

/// The address of the instance-dict slot of `o`, or NULL if its type has none
/// (`_PyObject_GetDictPtr`). A negative `tp_dictoffset` counts from the end of a
/// variable-size object.
pub unsafe fn dict_ptr(o: *mut PyObject) -> *mut *mut PyObject {
    let t = Py_TYPE(o);
    let mut off = (*t).tp_dictoffset;
    if off == 0 {
        return null_mut();
    }
    if off < 0 {
        let size = crate::alloc::var_size(t, Py_SIZE(o).abs());
        off += size as Py_ssize_t;
    }
    (o as *mut u8).offset(off) as *mut *mut PyObject
}

/// `PyObject_GenericGetAttr` (`dict` overrides the instance dict when non-NULL).
pub unsafe fn generic_getattr_with_dict(
    o: *mut PyObject,
    name: *mut PyObject,
    dict_override: *mut PyObject,
    suppress: bool,
) -> *mut PyObject {
    let t = Py_TYPE(o);
    if !unicode::is_unicode(name) {
        return crate::raise_null!(
            PyExc_TypeError,
            "attribute name must be string, not '{}'",
            type_name(Py_TYPE(name))
        );
    }
    if (*t).tp_dict.is_null() && crate::objects::typeobject::ready(t).is_err() {
        return null_mut();
    }
    let descr = lookup(t, name);
    let mut get = None;
    if !descr.is_null() {
        Py_INCREF(descr);
        let dt = Py_TYPE(descr);
        get = (*dt).tp_descr_get;
        if let (Some(g), Some(_)) = (get, (*dt).tp_descr_set) {
            let r = g(descr, o, t as *mut PyObject);
            Py_DECREF(descr);
            return r;
        }
    }
    let d = if !dict_override.is_null() {
        dict_override
    } else {
        let p = dict_ptr(o);
        if p.is_null() {
            null_mut()
        } else {
            *p
        }
    };
    if !d.is_null() {
        Py_INCREF(d);
        let r = dict::get_item_ref(d, name);
        Py_DECREF(d);
        match r {
            Ok(v) if !v.is_null() => {
                Py_XDECREF(descr);
                return v;
            }
            Ok(_) => {}
            Err(()) => {
                Py_XDECREF(descr);
                return null_mut();
            }
        }
    }
    if let Some(g) = get {
        let r = g(descr, o, t as *mut PyObject);
        Py_DECREF(descr);
        return r;
    }
    if !descr.is_null() {
        return descr;
    }
    if !suppress {
        exceptions::raise_attribute_error(
            o,
            name,
            &format!(
                "'{}' object has no attribute '{}'",
                crate::objects::typeobject::tp_name(t),
                unicode::to_string_lossy(name)
            ),
        );
    }
    null_mut()
}

pub unsafe extern "C" fn generic_getattr(o: *mut PyObject, name: *mut PyObject) -> *mut PyObject {
    generic_getattr_with_dict(o, name, null_mut(), false)
}

/// `PyObject_GenericSetAttr` (value NULL deletes).
pub unsafe fn generic_setattr_with_dict(
    o: *mut PyObject,
    name: *mut PyObject,
    value: *mut PyObject,
    dict_override: *mut PyObject,
) -> c_int {
    let t = Py_TYPE(o);
    if !unicode::is_unicode(name) {
        let _: PyResult<()> = crate::raise!(
            PyExc_TypeError,
            "attribute name must be string, not '{}'",
            type_name(Py_TYPE(name))
        );
        return -1;
    }
    if (*t).tp_dict.is_null() && crate::objects::typeobject::ready(t).is_err() {
        return -1;
    }
    let descr = lookup(t, name);
    if !descr.is_null() {
        if let Some(set) = (*Py_TYPE(descr)).tp_descr_set {
            Py_INCREF(descr);
            let r = set(descr, o, value);
            Py_DECREF(descr);
            return r;
        }
    }
    let slot;
    let d = if !dict_override.is_null() {
        dict_override
    } else {
        slot = dict_ptr(o);
        if slot.is_null() {
            let n = unicode::to_string_lossy(name);
            let msg = if descr.is_null() {
                format!(
                    "'{}' object has no attribute '{}' and no __dict__ for setting new attributes",
                    crate::objects::typeobject::tp_name(t),
                    n
                )
            } else {
                format!(
                    "'{}' object attribute '{}' is read-only",
                    crate::objects::typeobject::tp_name(t),
                    n
                )
            };
            exceptions::raise_attribute_error(o, name, &msg);
            return -1;
        }
        if (*slot).is_null() {
            if value.is_null() {
                exceptions::raise_attribute_error(
                    o,
                    name,
                    &format!(
                        "'{}' object has no attribute '{}'",
                        crate::objects::typeobject::tp_name(t),
                        unicode::to_string_lossy(name)
                    ),
                );
                return -1;
            }
            let nd = dict::new();
            if nd.is_null() {
                return -1;
            }
            // Another thread may have installed one meanwhile.
            let atomic = &*(slot as *const core::sync::atomic::AtomicPtr<PyObject>);
            if atomic
                .compare_exchange(
                    null_mut(),
                    nd,
                    core::sync::atomic::Ordering::AcqRel,
                    core::sync::atomic::Ordering::Acquire,
                )
                .is_err()
            {
                Py_DECREF(nd);
            }
        }
        *slot
    };
    let r = if value.is_null() {
        match dict::pop_item(d, name) {
            Ok(Some(v)) => {
                Py_DECREF(v);
                Ok(())
            }
            Ok(None) => {
                exceptions::raise_attribute_error(
                    o,
                    name,
                    &format!(
                        "'{}' object has no attribute '{}'",
                        crate::objects::typeobject::tp_name(t),
                        unicode::to_string_lossy(name)
                    ),
                );
                Err(())
            }
            Err(()) => Err(()),
        }
    } else {
        dict::set_item(d, name, value)
    };
    if r.is_ok() {
        0
    } else {
        -1
    }
}

pub unsafe extern "C" fn generic_setattr(
    o: *mut PyObject,
    name: *mut PyObject,
    value: *mut PyObject,
) -> c_int {
    generic_setattr_with_dict(o, name, value, null_mut())
}

/// `tp_hash` of unhashable types (`PyObject_HashNotImplemented`).
pub unsafe extern "C" fn hash_not_implemented(o: *mut PyObject) -> Py_hash_t {
    let _: PyResult<()> = crate::raise!(
        PyExc_TypeError,
        "unhashable type: '{}'",
        type_name(Py_TYPE(o))
    );
    -1
}

/// `_PyObject_NextNotImplemented`: marks a type whose iternext must not be used.
pub unsafe extern "C" fn not_implemented_iternext(o: *mut PyObject) -> *mut PyObject {
    crate::raise_null!(
        PyExc_TypeError,
        "'{}' object is not iterable",
        type_name(Py_TYPE(o))
    )
}

/// Identity hash (`object.__hash__`): the address, rotated as CPython does.
pub unsafe extern "C" fn object_hash(o: *mut PyObject) -> Py_hash_t {
    let p = o as usize;
    let h = p.rotate_right(4) as Py_hash_t;
    if h == -1 {
        -2
    } else {
        h
    }
}

pub unsafe extern "C" fn object_repr(o: *mut PyObject) -> *mut PyObject {
    let t = Py_TYPE(o);
    let m = crate::objects::typeobject::module_name(t);
    if m.is_null() {
        crate::errors::clear();
    }
    let s = match (!m.is_null() && unicode::is_unicode(m)).then(|| unicode::to_string_lossy(m)) {
        Some(ms) if ms != "builtins" => format!("<{}.{} object at {:p}>", ms, qual_name(t), o),
        _ => format!("<{} object at {:p}>", qual_name(t), o),
    };
    Py_XDECREF(m);
    unicode::from_str(&s)
}

pub unsafe extern "C" fn object_str(o: *mut PyObject) -> *mut PyObject {
    crate::protocols::object::repr(o)
}

pub unsafe extern "C" fn object_richcompare(
    a: *mut PyObject,
    b: *mut PyObject,
    op: c_int,
) -> *mut PyObject {
    match op {
        2 => new_ref(if a == b { py_true() } else { not_implemented() }),
        3 => {
            // `!=` is the inverse of `__eq__` unless that is NotImplemented.
            let eq = (*Py_TYPE(a)).tp_richcompare;
            match eq {
                Some(f) => {
                    let r = f(a, b, 2);
                    if r.is_null() || r == not_implemented() {
                        return r;
                    }
                    let t = crate::protocols::object::is_true(r);
                    Py_DECREF(r);
                    if t < 0 {
                        return null_mut();
                    }
                    new_ref(py_bool(t == 0))
                }
                None => new_ref(not_implemented()),
            }
        }
        _ => new_ref(not_implemented()),
    }
}

/// Does `t` (or a base below `object`) override `__init__`/`__new__`?
unsafe fn excess_args(args: *mut PyObject, kwds: *mut PyObject) -> bool {
    (!args.is_null() && Py_SIZE(args) > 0)
        || (!kwds.is_null() && dict::is_dict(kwds) && dict::len(kwds) > 0)
}

pub unsafe extern "C" fn object_new(
    t: *mut PyTypeObject,
    args: *mut PyObject,
    kwds: *mut PyObject,
) -> *mut PyObject {
    if excess_args(args, kwds) {
        if (*t).tp_new != Some(object_new as newfunc) {
            return crate::raise_null!(
                PyExc_TypeError,
                "object.__new__() takes exactly one argument (the type to instantiate)"
            );
        }
        if (*t).tp_init == Some(object_init as initproc) {
            return crate::raise_null!(PyExc_TypeError, "{}() takes no arguments", type_name(t));
        }
    }
    if has_flag(t, Py_TPFLAGS_IS_ABSTRACT) {
        return abstract_instantiation_error(t);
    }
    let alloc = (*t).tp_alloc.unwrap_or(crate::alloc::generic_alloc_slot);
    alloc(t, 0)
}

pub unsafe extern "C" fn object_init(
    o: *mut PyObject,
    args: *mut PyObject,
    kwds: *mut PyObject,
) -> c_int {
    let t = Py_TYPE(o);
    if excess_args(args, kwds) {
        if (*t).tp_init != Some(object_init as initproc) {
            let _: PyResult<()> = crate::raise!(
                PyExc_TypeError,
                "object.__init__() takes exactly one argument (the instance to initialize)"
            );
            return -1;
        }
        if (*t).tp_new == Some(object_new as newfunc) {
            let _: PyResult<()> = crate::raise!(
                PyExc_TypeError,
                "{}.__init__() takes exactly one argument (the instance to initialize)",
                type_name(t)
            );
            return -1;
        }
    }
    0
}

pub unsafe extern "C" fn object_dealloc(o: *mut PyObject) {
    crate::alloc::free_via_type(o);
}

/// Run `tp_finalize` once per object (`PyObject_CallFinalizer`): GC objects
/// remember that it ran in their pre-header.
pub unsafe fn call_finalizer_once(o: *mut PyObject, fin: destructor) {
    let t = Py_TYPE(o);
    if has_flag(t, Py_TPFLAGS_HAVE_GC) {
        if crate::gc::is_finalized(o) {
            return;
        }
        crate::gc::set_finalized(o);
    }
    // A finalizer must not see or clobber the exception being raised.
    let saved = crate::errors::take_raised();
    fin(o);
    if !crate::errors::raised().is_null() {
        crate::objects::exceptions::write_unraisable_msg(
            "Exception ignored while calling deallocator",
            o,
        );
    }
    crate::errors::set_raised(saved);
}

/// "Can't instantiate abstract class A without an implementation for abstract
/// method 'f'" (the names of `__abstractmethods__`, sorted).
unsafe fn abstract_instantiation_error(t: *mut PyTypeObject) -> *mut PyObject {
    let am = dict::get_str((*t).tp_dict, "__abstractmethods__");
    let mut names: Vec<String> = Vec::new();
    if !am.is_null() {
        match crate::protocols::iter::collect(am) {
            Ok(v) => names.extend(v.iter().map(|n| unicode::to_string_lossy(n.as_ptr()))),
            Err(()) => return null_mut(),
        }
    }
    names.sort();
    let quoted: Vec<String> = names.iter().map(|n| format!("'{}'", n)).collect();
    crate::raise_null!(
        PyExc_TypeError,
        "Can't instantiate abstract class {} without an implementation for abstract method{} {}",
        type_name(t),
        if names.len() == 1 { "" } else { "s" },
        quoted.join(", ")
    )
}

unsafe extern "C" fn object_get_class(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    new_ref(Py_TYPE(o) as *mut PyObject)
}

/// Can instances of `child` be treated as instances of its `tp_base` for layout
/// purposes (nothing added but what a `subtype_dealloc` handles)?
unsafe fn same_layout_as_base(child: *mut PyTypeObject) -> bool {
    let parent = (*child).tp_base;
    !parent.is_null()
        && (*child).tp_basicsize == (*parent).tp_basicsize
        && (*child).tp_itemsize == (*parent).tp_itemsize
        && (*child).tp_dictoffset == (*parent).tp_dictoffset
        && (*child).tp_weaklistoffset == (*parent).tp_weaklistoffset
        && has_flag(child, Py_TPFLAGS_HAVE_GC) == has_flag(parent, Py_TPFLAGS_HAVE_GC)
        && ((*child).tp_dealloc == Some(crate::objects::heaptype::subtype_dealloc as destructor)
            || (*child).tp_dealloc == (*parent).tp_dealloc)
}

/// Do two classes with the same `tp_base` add the same fields (dict, weak
/// list, `__slots__` members of the same names)?
unsafe fn same_fields_added(a: *mut PyTypeObject, b: *mut PyTypeObject) -> bool {
    if (*a).tp_basicsize != (*b).tp_basicsize
        || (*a).tp_itemsize != (*b).tp_itemsize
        || (*a).tp_dictoffset != (*b).tp_dictoffset
        || (*a).tp_weaklistoffset != (*b).tp_weaklistoffset
    {
        return false;
    }
    let names = |t: *mut PyTypeObject| -> Vec<Vec<u8>> {
        let mut v = Vec::new();
        if has_flag(t, Py_TPFLAGS_HEAPTYPE) {
            let mut m = (*(t as *mut HeapType)).ht_members;
            while !m.is_null() && !(*m).name.is_null() {
                v.push(core::ffi::CStr::from_ptr((*m).name).to_bytes().to_vec());
                m = m.add(1);
            }
        }
        v
    };
    names(a) == names(b)
}

/// `obj.__class__ = cls`: only between mutable classes whose instances have the
/// same layout.
unsafe extern "C" fn object_set_class(
    o: *mut PyObject,
    v: *mut PyObject,
    _c: *mut c_void,
) -> c_int {
    if v.is_null() {
        let _: PyResult<()> = crate::raise!(PyExc_TypeError, "can't delete __class__ attribute");
        return -1;
    }
    if !crate::objects::typeobject::is_type(v) {
        let _: PyResult<()> = crate::raise!(
            PyExc_TypeError,
            "__class__ must be set to a class, not '{}' object",
            type_name(Py_TYPE(v))
        );
        return -1;
    }
    let newto = v as *mut PyTypeObject;
    let oldto = Py_TYPE(o);
    let is_module =
        |t: *mut PyTypeObject| crate::objects::typeobject::is_subtype(t, &raw mut PyModule_Type);
    let mutable = |t: *mut PyTypeObject| !has_flag(t, Py_TPFLAGS_IMMUTABLETYPE);
    if !((mutable(newto) && mutable(oldto)) || (is_module(newto) && is_module(oldto))) {
        let _: PyResult<()> = crate::raise!(
            PyExc_TypeError,
            "__class__ assignment only supported for mutable types or ModuleType subclasses"
        );
        return -1;
    }
    let (mut nb, mut ob) = (newto, oldto);
    while same_layout_as_base(nb) {
        nb = (*nb).tp_base;
    }
    while same_layout_as_base(ob) {
        ob = (*ob).tp_base;
    }
    if nb != ob && ((*nb).tp_base != (*ob).tp_base || !same_fields_added(nb, ob)) {
        let _: PyResult<()> = crate::raise!(
            PyExc_TypeError,
            "__class__ assignment: '{}' object layout differs from '{}'",
            type_name(newto),
            type_name(oldto)
        );
        return -1;
    }
    if has_flag(newto, Py_TPFLAGS_HEAPTYPE) {
        Py_INCREF(newto as *mut PyObject);
    }
    (*o).ob_type = newto;
    if has_flag(oldto, Py_TPFLAGS_HEAPTYPE) {
        Py_DECREF(oldto as *mut PyObject);
    }
    0
}

/// `__dict__` of instances that have a dict slot (`PyObject_GenericGetDict`):
/// made empty on first use.
pub unsafe extern "C" fn get_instance_dict(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    let p = dict_ptr(o);
    if p.is_null() {
        return crate::raise_null!(PyExc_AttributeError, "This object has no __dict__");
    }
    if (*p).is_null() {
        let nd = dict::new();
        if nd.is_null() {
            return nd;
        }
        let atomic = &*(p as *const core::sync::atomic::AtomicPtr<PyObject>);
        if atomic
            .compare_exchange(
                null_mut(),
                nd,
                core::sync::atomic::Ordering::AcqRel,
                core::sync::atomic::Ordering::Acquire,
            )
            .is_err()
        {
            Py_DECREF(nd);
        }
    }
    new_ref(*p)
}

/// Replacing or deleting an instance `__dict__` (`PyObject_GenericSetDict`).
pub unsafe extern "C" fn set_instance_dict(
    o: *mut PyObject,
    v: *mut PyObject,
    _c: *mut c_void,
) -> c_int {
    let p = dict_ptr(o);
    if p.is_null() {
        let _: PyResult<()> = crate::raise!(PyExc_AttributeError, "This object has no __dict__");
        return -1;
    }
    if !v.is_null() && !dict::is_dict(v) {
        let _: PyResult<()> = crate::raise!(
            PyExc_TypeError,
            "__dict__ must be set to a dictionary, not a '{}'",
            type_name(Py_TYPE(v))
        );
        return -1;
    }
    xsetref(p, if v.is_null() { v } else { new_ref(v) });
    0
}

/// `object.__getstate__()`: None without instance state, else the instance dict
/// (a copy), paired with a dict of the `__slots__` values when there are any.
unsafe extern "C" fn object_getstate(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    let p = dict_ptr(o);
    let state = if p.is_null() || (*p).is_null() || dict::len(*p) == 0 {
        new_ref(none())
    } else {
        dict::copy(*p)
    };
    let Some(state) = Owned::from_new(state) else {
        return null_mut();
    };
    let Some(slots) = Owned::from_new(dict::new()) else {
        return null_mut();
    };
    let mut t = Py_TYPE(o);
    while !t.is_null() && has_flag(t, Py_TPFLAGS_HEAPTYPE) {
        let mut m = (*(t as *mut HeapType)).ht_members;
        while !m.is_null() && !(*m).name.is_null() {
            let v = *((o as *mut u8).offset((*m).offset) as *mut *mut PyObject);
            if !v.is_null() {
                let name = core::ffi::CStr::from_ptr((*m).name).to_string_lossy();
                if dict::set_str(slots.as_ptr(), &name, v).is_err() {
                    return null_mut();
                }
            }
            m = m.add(1);
        }
        t = (*t).tp_base;
    }
    if dict::len(slots.as_ptr()) == 0 {
        return state.into_ptr();
    }
    tuple::pack(&[state.as_ptr(), slots.as_ptr()])
}

/// `object.__reduce_ex__(protocol)`: a type's own `__reduce__` when it has one,
/// else `copyreg`'s protocol-2 form `(copyreg.__newobj__, (cls,), state)` (or
/// `copyreg._reduce_ex` for protocols 0 and 1).
unsafe extern "C" fn object_reduce_ex(o: *mut PyObject, proto: *mut PyObject) -> *mut PyObject {
    let reduce = lookup(Py_TYPE(o), unicode::intern_str("__reduce__"));
    let own = lookup(
        &raw mut PyBaseObject_Type,
        unicode::intern_str("__reduce__"),
    );
    if !reduce.is_null() && reduce != own {
        return match crate::protocols::call::call_method(o, "__reduce__", &[]) {
            Ok(r) => r,
            Err(()) => null_mut(),
        };
    }
    object_reduce_proto(o, proto)
}

unsafe fn object_reduce_proto(o: *mut PyObject, proto: *mut PyObject) -> *mut PyObject {
    let Some(p) = (if crate::objects::long::is_long(proto) {
        crate::objects::long::to_i64(proto)
    } else {
        None
    }) else {
        return crate::raise_null!(
            PyExc_TypeError,
            "'{}' object cannot be interpreted as an integer",
            type_name(Py_TYPE(proto))
        );
    };
    let Some(copyreg) = Owned::from_new(crate::import::import(unicode::intern_str("copyreg")))
    else {
        return null_mut();
    };
    if p < 2 {
        return match crate::protocols::call::call_method(
            copyreg.as_ptr(),
            "_reduce_ex",
            &[o, proto],
        ) {
            Ok(r) => r,
            Err(()) => null_mut(),
        };
    }
    let Some(newobj) = Owned::from_new(crate::protocols::object::get_attr_str(
        copyreg.as_ptr(),
        "__newobj__",
    )) else {
        return null_mut();
    };
    let Some(args) = Owned::from_new(tuple::pack(&[Py_TYPE(o) as *mut PyObject])) else {
        return null_mut();
    };
    let Some(state) = Owned::from_new(
        match crate::protocols::call::call_method(o, "__getstate__", &[]) {
            Ok(r) => r,
            Err(()) => null_mut(),
        },
    ) else {
        return null_mut();
    };
    tuple::pack(&[newobj.as_ptr(), args.as_ptr(), state.as_ptr()])
}

unsafe extern "C" fn object_reduce(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    let Some(zero) = Owned::from_new(crate::objects::long::from_i64(0)) else {
        return null_mut();
    };
    object_reduce_proto(o, zero.as_ptr())
}

/// `object.__format__(spec)`: `str(self)` for an empty spec only.
unsafe extern "C" fn object_format(o: *mut PyObject, spec: *mut PyObject) -> *mut PyObject {
    if !unicode::is_unicode(spec) {
        return crate::raise_null!(
            PyExc_TypeError,
            "__format__() argument must be str, not {}",
            type_name(Py_TYPE(spec))
        );
    }
    if unicode::as_str(spec).is_empty() {
        return crate::protocols::object::str(o);
    }
    crate::raise_null!(
        PyExc_TypeError,
        "unsupported format string passed to {}.__format__",
        type_name(Py_TYPE(o))
    )
}

unsafe extern "C" fn object_sizeof(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    let t = Py_TYPE(o);
    let mut size = (*t).tp_basicsize as i64;
    if (*t).tp_itemsize != 0 {
        size += (*t).tp_itemsize as i64 * Py_SIZE(o).abs() as i64;
    }
    crate::objects::long::from_i64(size)
}

/// `object.__init_subclass__()`: takes nothing (`type.__new__` reports keyword
/// arguments before calling it).
unsafe extern "C" fn object_init_subclass(_t: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    new_ref(none())
}

unsafe extern "C" fn object_subclasshook(_t: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    new_ref(not_implemented())
}

unsafe extern "C" fn object_dir(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    // Instance dict keys plus every name along the type's MRO, sorted by the caller.
    let result = dict::new();
    if result.is_null() {
        return null_mut();
    }
    let p = dict_ptr(o);
    if !p.is_null() && !(*p).is_null() && dict::merge(result, *p, true).is_err() {
        Py_DECREF(result);
        return null_mut();
    }
    let mro = (*Py_TYPE(o)).tp_mro;
    if !mro.is_null() {
        for i in 0..Py_SIZE(mro) {
            let b = tuple::get_item(mro, i) as *mut PyTypeObject;
            if !(*b).tp_dict.is_null() && dict::merge(result, (*b).tp_dict, true).is_err() {
                Py_DECREF(result);
                return null_mut();
            }
        }
    }
    let keys: Vec<*mut PyObject> = dict::snapshot(result)
        .into_iter()
        .map(|(k, v)| {
            Py_DECREF(v);
            k
        })
        .collect();
    Py_DECREF(result);
    let l = crate::objects::list::from_slice(&keys);
    for k in keys {
        Py_DECREF(k);
    }
    l
}

macro_rules! method {
    ($name:literal, $f:expr, $flags:expr, $doc:literal) => {
        PyMethodDef {
            ml_name: $name.as_ptr(),
            ml_meth: Some($f),
            ml_flags: $flags,
            ml_doc: $doc.as_ptr(),
        }
    };
}

static mut OBJECT_METHODS: [PyMethodDef; 9] = [
    method!(
        c"__reduce_ex__",
        object_reduce_ex,
        METH_O,
        c"__reduce_ex__($self, protocol, /)\n--\n\nHelper for pickle."
    ),
    method!(
        c"__reduce__",
        object_reduce,
        METH_NOARGS,
        c"__reduce__($self, /)\n--\n\nHelper for pickle."
    ),
    method!(
        c"__getstate__",
        object_getstate,
        METH_NOARGS,
        c"__getstate__($self, /)\n--\n\nHelper for pickle."
    ),
    method!(
        c"__subclasshook__",
        object_subclasshook,
        METH_CLASS | METH_O,
        c"Abstract classes can override this to customize issubclass()."
    ),
    method!(
        c"__init_subclass__",
        object_init_subclass,
        METH_CLASS | METH_NOARGS,
        c"This method is called when a class is subclassed."
    ),
    method!(
        c"__format__",
        object_format,
        METH_O,
        c"__format__($self, format_spec, /)\n--\n\nDefault object formatter."
    ),
    method!(
        c"__sizeof__",
        object_sizeof,
        METH_NOARGS,
        c"__sizeof__($self, /)\n--\n\nSize of object in memory, in bytes."
    ),
    PyMethodDef {
        ml_name: c"__dir__".as_ptr(),
        ml_meth: Some(object_dir),
        ml_flags: METH_NOARGS,
        ml_doc: c"Default dir() implementation.".as_ptr(),
    },
    PyMethodDef::SENTINEL,
];

static mut OBJECT_GETSET: [PyGetSetDef; 2] = [
    PyGetSetDef {
        name: c"__class__".as_ptr(),
        get: Some(object_get_class),
        set: Some(object_set_class),
        doc: c"the object's class".as_ptr(),
        closure: null_mut(),
    },
    PyGetSetDef {
        name: core::ptr::null(),
        get: None,
        set: None,
        doc: core::ptr::null(),
        closure: null_mut(),
    },
];

pub unsafe fn init_type() {
    let t = &raw mut PyBaseObject_Type;
    crate::objects::typeobject::init_builtin(t, c"object", core::mem::size_of::<PyObject>(), 0);
    (*t).tp_flags |= Py_TPFLAGS_BASETYPE;
    (*t).tp_dealloc = Some(object_dealloc);
    (*t).tp_repr = Some(object_repr);
    (*t).tp_str = Some(object_str);
    (*t).tp_hash = Some(object_hash);
    (*t).tp_getattro = Some(generic_getattr);
    (*t).tp_setattro = Some(generic_setattr);
    (*t).tp_richcompare = Some(object_richcompare);
    (*t).tp_init = Some(object_init);
    (*t).tp_new = Some(object_new);
    (*t).tp_alloc = Some(crate::alloc::generic_alloc_slot);
    (*t).tp_free = Some(crate::alloc::object_free_slot);
    (*t).tp_methods = (&raw mut OBJECT_METHODS).cast();
    (*t).tp_getset = (&raw mut OBJECT_GETSET).cast();
    (*t).tp_doc = c"The base class of the class hierarchy.".as_ptr();
}
