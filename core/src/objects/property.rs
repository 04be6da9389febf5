//! `property` (`PyProperty_Type`): a data descriptor calling a getter, setter and
//! deleter, usable from C with any callables (`PyObject_Call(&PyProperty_Type, ...)`).

use core::ffi::{c_int, c_void};
use core::ptr::null_mut;

use crate::defs::*;
use crate::exported::*;
use crate::object::*;
use crate::objects::typeobject::type_name;
use crate::objects::{dict, tuple, unicode};
use crate::protocols;
use crate::typeobj::*;

#[repr(C)]
pub struct PropertyObject {
    pub ob_base: PyObject,
    pub fget: *mut PyObject,
    pub fset: *mut PyObject,
    pub fdel: *mut PyObject,
    pub doc: *mut PyObject,
    pub name: *mut PyObject,
    /// The docstring came from the getter (a new getter brings its own).
    pub getter_doc: bool,
}

#[inline]
unsafe fn p<'a>(o: *mut PyObject) -> &'a mut PropertyObject {
    &mut *(o as *mut PropertyObject)
}

unsafe fn opt(o: *mut PyObject) -> *mut PyObject {
    if o.is_null() || o == none() {
        null_mut()
    } else {
        new_ref(o)
    }
}

/// The property's name for messages: its own, or its getter's `__name__`.
unsafe fn name_of(o: *mut PyObject) -> Option<String> {
    let pr = p(o);
    if !pr.name.is_null() && unicode::is_unicode(pr.name) {
        return Some(unicode::to_string_lossy(pr.name));
    }
    if !pr.fget.is_null() {
        let saved = crate::errors::take_raised();
        let n = protocols::object::get_attr_str(pr.fget, "__name__");
        crate::errors::clear();
        crate::errors::set_raised(saved);
        if !n.is_null() {
            let s = if unicode::is_unicode(n) {
                Some(unicode::to_string_lossy(n))
            } else {
                None
            };
            Py_DECREF(n);
            return s;
        }
    }
    None
}

unsafe fn missing(o: *mut PyObject, obj: *mut PyObject, what: &str) {
    let tn = type_name(Py_TYPE(obj));
    let _: PyResult<()> = match name_of(o) {
        Some(n) => crate::raise!(
            PyExc_AttributeError,
            "property '{}' of '{}' object has no {}",
            n,
            tn,
            what
        ),
        None => crate::raise!(
            PyExc_AttributeError,
            "property of '{}' object has no {}",
            tn,
            what
        ),
    };
}

unsafe extern "C" fn property_get(
    o: *mut PyObject,
    obj: *mut PyObject,
    _t: *mut PyObject,
) -> *mut PyObject {
    if obj.is_null() || obj == none() {
        return new_ref(o);
    }
    let f = p(o).fget;
    if f.is_null() {
        missing(o, obj, "getter");
        return null_mut();
    }
    protocols::call::call_function(f, &[obj])
}

unsafe extern "C" fn property_set(o: *mut PyObject, obj: *mut PyObject, v: *mut PyObject) -> c_int {
    let (f, what) = if v.is_null() {
        (p(o).fdel, "deleter")
    } else {
        (p(o).fset, "setter")
    };
    if f.is_null() {
        missing(o, obj, what);
        return -1;
    }
    let r = if v.is_null() {
        protocols::call::call_function(f, &[obj])
    } else {
        protocols::call::call_function(f, &[obj, v])
    };
    if r.is_null() {
        return -1;
    }
    Py_DECREF(r);
    0
}

unsafe extern "C" fn property_init(
    o: *mut PyObject,
    args: *mut PyObject,
    kwds: *mut PyObject,
) -> c_int {
    const NAMES: [&str; 4] = ["fget", "fset", "fdel", "doc"];
    let mut vals: [*mut PyObject; 4] = [null_mut(); 4];
    let n = if args.is_null() {
        0
    } else {
        Py_SIZE(args) as usize
    };
    if n > 4 {
        let _: PyResult<()> = crate::raise!(
            PyExc_TypeError,
            "property() takes at most 4 arguments ({} given)",
            n
        );
        return -1;
    }
    for (i, v) in vals.iter_mut().enumerate().take(n) {
        *v = tuple::get_item(args, i as isize);
    }
    if !kwds.is_null() {
        for (k, v) in dict::snapshot(kwds) {
            let ks = unicode::to_string_lossy(k);
            let pos = NAMES.iter().position(|x| *x == ks);
            let r = match pos {
                Some(i) if vals[i].is_null() => {
                    vals[i] = v;
                    Ok(())
                }
                Some(i) => crate::raise!(
                    PyExc_TypeError,
                    "argument for property() given by name ('{}') and position ({})",
                    NAMES[i],
                    i + 1
                ),
                None => crate::raise!(
                    PyExc_TypeError,
                    "property() got an unexpected keyword argument '{}'",
                    ks
                ),
            };
            Py_DECREF(k);
            Py_DECREF(v);
            if r.is_err() {
                return -1;
            }
        }
    }
    let pr = p(o);
    xsetref(&mut pr.fget, opt(vals[0]));
    xsetref(&mut pr.fset, opt(vals[1]));
    xsetref(&mut pr.fdel, opt(vals[2]));
    let mut doc = opt(vals[3]);
    pr.getter_doc = false;
    if doc.is_null() && !pr.fget.is_null() {
        let d = protocols::object::get_attr_str(pr.fget, "__doc__");
        if d.is_null() {
            crate::errors::clear();
        } else if d == none() {
            Py_DECREF(d);
        } else {
            doc = d;
            pr.getter_doc = true;
        }
    }
    xsetref(&mut pr.doc, doc);
    0
}

unsafe extern "C" fn property_dealloc(o: *mut PyObject) {
    crate::gc::untrack(o);
    property_clear(o);
    crate::alloc::free_via_type(o);
}

unsafe extern "C" fn property_clear(o: *mut PyObject) -> c_int {
    let pr = p(o);
    xsetref(&mut pr.fget, null_mut());
    xsetref(&mut pr.fset, null_mut());
    xsetref(&mut pr.fdel, null_mut());
    xsetref(&mut pr.doc, null_mut());
    xsetref(&mut pr.name, null_mut());
    0
}

unsafe extern "C" fn property_traverse(
    o: *mut PyObject,
    visit: visitproc,
    arg: *mut c_void,
) -> c_int {
    let pr = p(o);
    for x in [pr.fget, pr.fset, pr.fdel, pr.doc, pr.name] {
        if !x.is_null() {
            let r = visit(x, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

unsafe fn or_none(x: *mut PyObject) -> *mut PyObject {
    if x.is_null() {
        none()
    } else {
        new_ref(x)
    }
}
unsafe extern "C" fn get_fget(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    or_none(p(o).fget)
}
unsafe extern "C" fn get_fset(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    or_none(p(o).fset)
}
unsafe extern "C" fn get_fdel(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    or_none(p(o).fdel)
}
unsafe extern "C" fn get_doc(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    or_none(p(o).doc)
}
unsafe extern "C" fn set_doc(o: *mut PyObject, v: *mut PyObject, _c: *mut c_void) -> c_int {
    xsetref(&mut p(o).doc, opt(v));
    0
}
unsafe extern "C" fn get_name(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    match name_of(o) {
        Some(n) => unicode::from_str(&n),
        None => crate::raise_null!(
            PyExc_AttributeError,
            "'property' object has no attribute '__name__'"
        ),
    }
}
unsafe extern "C" fn set_name(o: *mut PyObject, v: *mut PyObject, _c: *mut c_void) -> c_int {
    xsetref(&mut p(o).name, opt(v));
    0
}

unsafe extern "C" fn property_set_name(
    o: *mut PyObject,
    args: *const *mut PyObject,
    n: Py_ssize_t,
) -> *mut PyObject {
    if n != 2 {
        return crate::raise_null!(
            PyExc_TypeError,
            "__set_name__() takes 2 positional arguments but {} were given",
            n
        );
    }
    xsetref(&mut p(o).name, new_ref(*args.add(1)));
    new_ref(none())
}

/// A copy of the property (of the same type) with one accessor replaced; the
/// name carries over, and a docstring taken from the old getter does not when
/// the getter is replaced.
unsafe fn property_copy(o: *mut PyObject, which: usize, f: *mut PyObject) -> *mut PyObject {
    let pr = p(o);
    let mut acc = [pr.fget, pr.fset, pr.fdel];
    acc[which] = if f == none() { null_mut() } else { f };
    let doc = if pr.getter_doc && which == 0 {
        none()
    } else {
        pr.doc
    };
    let or_none_borrowed = |x: *mut PyObject| if x.is_null() { none() } else { x };
    let args = [
        or_none_borrowed(acc[0]),
        or_none_borrowed(acc[1]),
        or_none_borrowed(acc[2]),
        or_none_borrowed(doc),
    ];
    let new = protocols::call::call_function(Py_TYPE(o) as *mut PyObject, &args);
    if !new.is_null()
        && !pr.name.is_null()
        && crate::objects::typeobject::instance_of(new, &raw mut PyProperty_Type)
    {
        xsetref(&mut p(new).name, new_ref(pr.name));
    }
    new
}

unsafe extern "C" fn property_getter(o: *mut PyObject, f: *mut PyObject) -> *mut PyObject {
    property_copy(o, 0, f)
}
unsafe extern "C" fn property_setter(o: *mut PyObject, f: *mut PyObject) -> *mut PyObject {
    property_copy(o, 1, f)
}
unsafe extern "C" fn property_deleter(o: *mut PyObject, f: *mut PyObject) -> *mut PyObject {
    property_copy(o, 2, f)
}

static mut PROPERTY_METHODS: [PyMethodDef; 5] = [
    PyMethodDef {
        ml_name: c"getter".as_ptr(),
        ml_meth: Some(property_getter),
        ml_flags: METH_O,
        ml_doc: c"Descriptor to obtain a copy of the property with a different getter.".as_ptr(),
    },
    PyMethodDef {
        ml_name: c"setter".as_ptr(),
        ml_meth: Some(property_setter),
        ml_flags: METH_O,
        ml_doc: c"Descriptor to obtain a copy of the property with a different setter.".as_ptr(),
    },
    PyMethodDef {
        ml_name: c"deleter".as_ptr(),
        ml_meth: Some(property_deleter),
        ml_flags: METH_O,
        ml_doc: c"Descriptor to obtain a copy of the property with a different deleter.".as_ptr(),
    },
    PyMethodDef {
        ml_name: c"__set_name__".as_ptr(),
        ml_meth: Some(unsafe {
            core::mem::transmute::<
                unsafe extern "C" fn(
                    *mut PyObject,
                    *const *mut PyObject,
                    Py_ssize_t,
                ) -> *mut PyObject,
                PyCFunction,
            >(property_set_name)
        }),
        ml_flags: METH_FASTCALL,
        ml_doc: c"Method to set name of a property.".as_ptr(),
    },
    PyMethodDef::SENTINEL,
];

macro_rules! gs {
    ($name:literal, $get:expr, $set:expr) => {
        PyGetSetDef {
            name: $name.as_ptr(),
            get: Some($get),
            set: $set,
            doc: core::ptr::null(),
            closure: null_mut(),
        }
    };
}

/// `__isabstractmethod__`: true when any of the accessors is abstract.
unsafe extern "C" fn get_isabstract(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    let pr = p(o);
    for f in [pr.fget, pr.fset, pr.fdel] {
        let r = crate::objects::classmethod::is_abstract(f);
        if r != py_false() {
            return r;
        }
    }
    new_ref(py_false())
}

static mut PROPERTY_GETSET: [PyGetSetDef; 7] = [
    gs!(c"fget", get_fget, None),
    gs!(c"fset", get_fset, None),
    gs!(c"fdel", get_fdel, None),
    gs!(c"__doc__", get_doc, Some(set_doc)),
    gs!(c"__name__", get_name, Some(set_name)),
    gs!(c"__isabstractmethod__", get_isabstract, None),
    PyGetSetDef {
        name: core::ptr::null(),
        get: None,
        set: None,
        doc: core::ptr::null(),
        closure: null_mut(),
    },
];

pub unsafe fn init_type() {
    let t = &raw mut PyProperty_Type;
    crate::objects::typeobject::init_builtin(
        t,
        c"property",
        core::mem::size_of::<PropertyObject>(),
        0,
    );
    (*t).tp_flags |= Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE;
    (*t).tp_flags &= !Py_TPFLAGS_DISALLOW_INSTANTIATION;
    (*t).tp_dealloc = Some(property_dealloc);
    (*t).tp_traverse = Some(property_traverse);
    (*t).tp_clear = Some(property_clear);
    (*t).tp_descr_get = Some(property_get);
    (*t).tp_descr_set = Some(property_set);
    (*t).tp_init = Some(property_init);
    (*t).tp_new = Some(crate::objects::heaptype::generic_new);
    (*t).tp_alloc = Some(crate::alloc::generic_alloc_slot);
    (*t).tp_free = Some(crate::alloc::gc_del_slot);
    (*t).tp_getset = (&raw mut PROPERTY_GETSET).cast();
    (*t).tp_methods = (&raw mut PROPERTY_METHODS).cast();
    (*t).tp_doc =
        c"property(fget=None, fset=None, fdel=None, doc=None)\n--\n\nProperty attribute.".as_ptr();
}
