//! `types.GenericAlias` (`Py_GenericAliasType`, `Py_GenericAlias`): what
//! `list[int]` evaluates to: an origin and its arguments.

use core::ffi::{c_int, c_void};
use core::ptr::null_mut;

use crate::defs::*;
use crate::exported::*;
use crate::object::*;
use crate::objects::typeobject::visit_each;
use crate::objects::typeobject::{is_type, module_name, qual_name};
use crate::objects::{tuple, unicode};
use crate::protocols;
use crate::typeobj::*;

#[repr(C)]
pub struct GenericAliasObject {
    pub ob_base: PyObject,
    pub origin: *mut PyObject,
    pub args: *mut PyObject,
    pub parameters: *mut PyObject,
}

#[inline]
unsafe fn ga<'a>(o: *mut PyObject) -> &'a mut GenericAliasObject {
    &mut *(o as *mut GenericAliasObject)
}

/// The type variables among `args` (`__parameters__`): arguments that can be
/// substituted (`__typing_subst__`) and the parameters of nested aliases.
unsafe fn make_parameters(args: *mut PyObject) -> *mut PyObject {
    let mut out: Vec<*mut PyObject> = Vec::new();
    for &a in tuple::as_slice(args) {
        if is_type(a) {
            continue;
        }
        let subst = protocols::object::get_attr_str(a, "__typing_subst__");
        if !subst.is_null() {
            Py_DECREF(subst);
            if !out.contains(&a) {
                out.push(a);
            }
            continue;
        }
        crate::errors::clear();
        let params = protocols::object::get_attr_str(a, "__parameters__");
        if params.is_null() {
            crate::errors::clear();
            continue;
        }
        if tuple::is_tuple(params) {
            for &p in tuple::as_slice(params) {
                if !out.contains(&p) {
                    out.push(p);
                }
            }
        }
        Py_DECREF(params);
    }
    tuple::from_slice(&out)
}

/// `Py_GenericAlias(origin, args)`.
pub unsafe fn new(origin: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let args = if tuple::is_tuple(args) {
        new_ref(args)
    } else {
        tuple::pack(&[args])
    };
    if args.is_null() {
        return args;
    }
    let params = make_parameters(args);
    if params.is_null() {
        Py_DECREF(args);
        return params;
    }
    let o = crate::alloc::new_object(
        &raw mut Py_GenericAliasType,
        GenericAliasObject {
            ob_base: PyObject {
                ob_refcnt: 1,
                ob_type: null_mut(),
            },
            origin: new_ref(origin),
            args,
            parameters: params,
        },
    );
    if o.is_null() {
        Py_DECREF(origin);
        Py_DECREF(args);
        Py_DECREF(params);
        return null_mut();
    }
    crate::gc::track(o as *mut PyObject);
    o as *mut PyObject
}

/// One item of the repr, as CPython's `ga_repr_item`.
unsafe fn repr_item(p: *mut PyObject) -> Option<String> {
    if p == ellipsis() {
        return Some("...".into());
    }
    if Py_TYPE(p) == &raw mut Py_GenericAliasType {
        return repr_string(p);
    }
    if is_type(p) {
        let t = p as *mut PyTypeObject;
        let m = module_name(t);
        if m.is_null() {
            crate::errors::clear();
        } else {
            let ms = if unicode::is_unicode(m) {
                unicode::to_string_lossy(m)
            } else {
                String::new()
            };
            Py_DECREF(m);
            if ms == "builtins" {
                return Some(qual_name(t).to_string());
            }
            return Some(format!("{}.{}", ms, qual_name(t)));
        }
    }
    repr_string(p)
}

unsafe fn repr_string(p: *mut PyObject) -> Option<String> {
    let r = protocols::object::repr(p);
    if r.is_null() {
        return None;
    }
    let s = unicode::to_string_lossy(r);
    Py_DECREF(r);
    Some(s)
}

unsafe extern "C" fn ga_repr(o: *mut PyObject) -> *mut PyObject {
    let g = ga(o);
    let Some(mut s) = repr_item(g.origin) else {
        return null_mut();
    };
    s.push('[');
    let a = tuple::as_slice(g.args);
    if a.is_empty() {
        s.push_str("()");
    }
    for (i, &x) in a.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        match repr_item(x) {
            Some(r) => s.push_str(&r),
            None => return null_mut(),
        }
    }
    s.push(']');
    unicode::from_str(&s)
}

unsafe extern "C" fn ga_dealloc(o: *mut PyObject) {
    crate::gc::untrack(o);
    let g = ga(o);
    Py_XDECREF(g.origin);
    Py_XDECREF(g.args);
    Py_XDECREF(g.parameters);
    crate::alloc::free_via_type(o);
}

unsafe extern "C" fn ga_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let g = ga(o);
    visit_each([g.origin, g.args, g.parameters], visit, arg)
}

unsafe extern "C" fn ga_call(
    o: *mut PyObject,
    args: *mut PyObject,
    kw: *mut PyObject,
) -> *mut PyObject {
    let obj = protocols::call::call(ga(o).origin, args, kw);
    if obj.is_null() {
        return obj;
    }
    // `__orig_class__` is set when the instance allows it.
    if protocols::object::set_attr(obj, unicode::intern_str("__orig_class__"), o).is_err() {
        crate::errors::clear();
    }
    obj
}

unsafe extern "C" fn ga_richcompare(
    a: *mut PyObject,
    b: *mut PyObject,
    op: c_int,
) -> *mut PyObject {
    if (op != 2 && op != 3) || Py_TYPE(b) != &raw mut Py_GenericAliasType {
        return new_ref(not_implemented());
    }
    let r = protocols::object::rich_compare(ga(a).origin, ga(b).origin, 2);
    if r.is_null() {
        return r;
    }
    let same_origin = protocols::object::is_true(r);
    Py_DECREF(r);
    if same_origin < 0 {
        return null_mut();
    }
    if same_origin == 0 {
        return py_bool(op == 3);
    }
    protocols::object::rich_compare(ga(a).args, ga(b).args, op)
}

unsafe extern "C" fn ga_hash(o: *mut PyObject) -> Py_hash_t {
    let h0 = protocols::object::hash(ga(o).origin);
    if h0 == -1 {
        return -1;
    }
    let h1 = protocols::object::hash(ga(o).args);
    if h1 == -1 {
        return -1;
    }
    let h = h0 ^ h1;
    if h == -1 {
        -2
    } else {
        h
    }
}

unsafe extern "C" fn ga_origin(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    new_ref(ga(o).origin)
}
unsafe extern "C" fn ga_args(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    new_ref(ga(o).args)
}
unsafe extern "C" fn ga_parameters(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    new_ref(ga(o).parameters)
}

static mut GA_GETSET: [PyGetSetDef; 4] = [
    getset!(c"__origin__", ga_origin),
    getset!(c"__args__", ga_args),
    getset!(c"__parameters__", ga_parameters),
    PyGetSetDef::SENTINEL,
];

unsafe extern "C" fn ga_new(
    t: *mut PyTypeObject,
    args: *mut PyObject,
    kw: *mut PyObject,
) -> *mut PyObject {
    let _ = t;
    if !kw.is_null() && crate::objects::dict::len(kw) > 0 {
        return crate::raise_null!(PyExc_TypeError, "GenericAlias() takes no keyword arguments");
    }
    let n = Py_SIZE(args);
    if n != 2 {
        return crate::raise_null!(
            PyExc_TypeError,
            "GenericAlias expected 2 arguments, got {}",
            n
        );
    }
    new(tuple::get_item(args, 0), tuple::get_item(args, 1))
}

pub unsafe fn init_type() {
    let t = &raw mut Py_GenericAliasType;
    crate::objects::typeobject::init_builtin(
        t,
        c"types.GenericAlias",
        core::mem::size_of::<GenericAliasObject>(),
        0,
    );
    (*t).tp_flags |= Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE;
    (*t).tp_flags &= !Py_TPFLAGS_DISALLOW_INSTANTIATION;
    (*t).tp_dealloc = Some(ga_dealloc);
    (*t).tp_traverse = Some(ga_traverse);
    (*t).tp_repr = Some(ga_repr);
    (*t).tp_call = Some(ga_call);
    (*t).tp_richcompare = Some(ga_richcompare);
    (*t).tp_hash = Some(ga_hash);
    (*t).tp_new = Some(ga_new);
    (*t).tp_getset = (&raw mut GA_GETSET).cast();
    (*t).tp_doc = c"GenericAlias(origin, args, /)\n--\n\nRepresent a PEP 585 generic type\n\nE.g. for t = list[int], t.__origin__ is list and t.__args__ is (int,).".as_ptr();
}
