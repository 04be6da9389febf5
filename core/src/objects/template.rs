//! PEP 750 template strings: `string.templatelib.Template` and `Interpolation`.
//!
//! The interpreter creates them through these functions (`BUILD_TEMPLATE`,
//! `BUILD_INTERPOLATION`); `Lib/string/templatelib.py` finds the types as
//! `type(t"...")`.

use core::ffi::{c_int, c_void};
use core::ptr::null_mut;

use crate::alloc;
use crate::defs::*;
use crate::exported::*;
use crate::modules::{parse_kw_dict, ret, Params};
use crate::object::*;
use crate::objects::sequtil::{args_slice, MEMBER_SENTINEL, SENTINEL};
use crate::objects::typeobject::{tp_name, type_name};
use crate::objects::{tuple, unicode};
use crate::protocols::object as pobj;
use crate::typeobj::*;

#[repr(C)]
pub struct TemplateObject {
    pub ob_base: PyObject,
    /// The literal parts: one more than the interpolations.
    pub strings: *mut PyObject,
    pub interpolations: *mut PyObject,
}

#[repr(C)]
pub struct InterpolationObject {
    pub ob_base: PyObject,
    pub value: *mut PyObject,
    pub expression: *mut PyObject,
    /// None or one of "s", "r", "a".
    pub conversion: *mut PyObject,
    pub format_spec: *mut PyObject,
}

pub static mut TEMPLATE_TYPE: PyTypeObject = PyTypeObject::static_empty(&raw mut PyType_Type);
pub static mut INTERPOLATION_TYPE: PyTypeObject = PyTypeObject::static_empty(&raw mut PyType_Type);

unsafe fn is_template(o: *mut PyObject) -> bool {
    Py_TYPE(o) == &raw mut TEMPLATE_TYPE
}

unsafe fn is_interpolation(o: *mut PyObject) -> bool {
    Py_TYPE(o) == &raw mut INTERPOLATION_TYPE
}

unsafe fn tpl<'a>(o: *mut PyObject) -> &'a TemplateObject {
    &*(o as *mut TemplateObject)
}

unsafe fn interp<'a>(o: *mut PyObject) -> &'a InterpolationObject {
    &*(o as *mut InterpolationObject)
}

/// A template owning `strings` and `interpolations` (new references).
unsafe fn new_template(strings: *mut PyObject, interpolations: *mut PyObject) -> *mut PyObject {
    let op = alloc::new_object(
        &raw mut TEMPLATE_TYPE,
        TemplateObject {
            ob_base: PyObject {
                ob_refcnt: 1,
                ob_type: null_mut(),
            },
            strings,
            interpolations,
        },
    );
    if op.is_null() {
        Py_DECREF(strings);
        Py_DECREF(interpolations);
        return null_mut();
    }
    crate::gc::track(op as *mut PyObject);
    op as *mut PyObject
}

/// `BUILD_TEMPLATE`: `strings` and `interpolations` are tuples.
pub unsafe fn build_template(
    strings: *mut PyObject,
    interpolations: *mut PyObject,
) -> *mut PyObject {
    if !tuple::is_tuple(strings) || !tuple::is_tuple(interpolations) {
        return crate::raise_null!(PyExc_SystemError, "BUILD_TEMPLATE expects two tuples");
    }
    new_template(new_ref(strings), new_ref(interpolations))
}

/// `BUILD_INTERPOLATION`: `conversion` is None or one of "s", "r", "a";
/// `format_spec` a str ("" when absent).
pub unsafe fn build_interpolation(
    value: *mut PyObject,
    expression: *mut PyObject,
    conversion: *mut PyObject,
    format_spec: *mut PyObject,
) -> *mut PyObject {
    let op = alloc::new_object(
        &raw mut INTERPOLATION_TYPE,
        InterpolationObject {
            ob_base: PyObject {
                ob_refcnt: 1,
                ob_type: null_mut(),
            },
            value: new_ref(value),
            expression: new_ref(expression),
            conversion: new_ref(conversion),
            format_spec: new_ref(format_spec),
        },
    );
    if op.is_null() {
        for p in [value, expression, conversion, format_spec] {
            Py_DECREF(p);
        }
        return null_mut();
    }
    crate::gc::track(op as *mut PyObject);
    op as *mut PyObject
}

// ---- Template ------------------------------------------------------------------------------

/// `Template(*args)`: strings and interpolations in any order; adjacent strings
/// are joined and an empty string stands between adjacent interpolations.
unsafe extern "C" fn template_new(
    _t: *mut PyTypeObject,
    args: *mut PyObject,
    kw: *mut PyObject,
) -> *mut PyObject {
    ret((|| {
        if !kw.is_null() && crate::objects::dict::len(kw) > 0 {
            return crate::raise!(
                PyExc_TypeError,
                "Template.__new__ only accepts *args arguments"
            );
        }
        let mut strings: Vec<Owned> = Vec::new();
        let mut interps: Vec<Owned> = Vec::new();
        let mut pending = String::new();
        for &a in args_slice(args) {
            if unicode::is_unicode(a) {
                pending.push_str(&unicode::to_string_lossy(a));
            } else if is_interpolation(a) {
                strings.push(Owned::from_new(unicode::from_str(&pending)).ok_or(())?);
                pending.clear();
                interps.push(Owned::from_borrowed(a));
            } else {
                return crate::raise!(
                    PyExc_TypeError,
                    "Template.__new__ *args need to be of type 'str' or 'Interpolation', got {}",
                    type_name(Py_TYPE(a))
                );
            }
        }
        strings.push(Owned::from_new(unicode::from_str(&pending)).ok_or(())?);
        let s = nonnull(tuple::from_vec_steal(
            strings.into_iter().map(Owned::into_ptr).collect(),
        ))?;
        let i = tuple::from_vec_steal(interps.into_iter().map(Owned::into_ptr).collect());
        if i.is_null() {
            Py_DECREF(s);
            return Err(());
        }
        nonnull(new_template(s, i))
    })())
}

unsafe extern "C" fn template_dealloc(o: *mut PyObject) {
    crate::gc::untrack(o);
    let x = tpl(o);
    Py_XDECREF(x.strings);
    Py_XDECREF(x.interpolations);
    alloc::free_via_type(o);
}

unsafe extern "C" fn template_traverse(
    o: *mut PyObject,
    visit: visitproc,
    arg: *mut c_void,
) -> c_int {
    let x = tpl(o);
    visit_all(&[x.strings, x.interpolations], visit, arg)
}

unsafe fn visit_all(ps: &[*mut PyObject], visit: visitproc, arg: *mut c_void) -> c_int {
    for &p in ps {
        if !p.is_null() {
            let r = visit(p, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

unsafe extern "C" fn template_repr(o: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let x = tpl(o);
        let s = Owned::from_new(pobj::repr(x.strings)).ok_or(())?;
        let i = Owned::from_new(pobj::repr(x.interpolations)).ok_or(())?;
        nonnull(unicode::from_str(&format!(
            "{}(strings={}, interpolations={})",
            crate::objects::typeobject::short_name(Py_TYPE(o)),
            unicode::to_string_lossy(s.as_ptr()),
            unicode::to_string_lossy(i.as_ptr())
        )))
    })())
}

/// The parts in order, empty strings left out.
unsafe extern "C" fn template_iter(o: *mut PyObject) -> *mut PyObject {
    let x = tpl(o);
    let (s, i) = (
        tuple::as_slice(x.strings),
        tuple::as_slice(x.interpolations),
    );
    let mut parts = Vec::with_capacity(s.len() + i.len());
    for (k, &st) in s.iter().enumerate() {
        if !unicode::as_str(st).is_empty() {
            parts.push(st);
        }
        if let Some(&it) = i.get(k) {
            parts.push(it);
        }
    }
    let t = tuple::from_slice(&parts);
    if t.is_null() {
        return t;
    }
    let it = crate::protocols::iter::get_iter(t);
    Py_DECREF(t);
    it
}

/// `a + b` for two templates: the last string of `a` and the first of `b` join.
unsafe extern "C" fn template_add(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    ret((|| {
        if !is_template(a) || !is_template(b) {
            let (ours, other) = if is_template(a) { (a, b) } else { (b, a) };
            return crate::raise!(
                PyExc_TypeError,
                "can only concatenate {} (not \"{}\") to {}",
                tp_name(Py_TYPE(ours)),
                type_name(Py_TYPE(other)),
                tp_name(Py_TYPE(ours))
            );
        }
        let (x, y) = (tpl(a), tpl(b));
        let (sa, sb) = (tuple::as_slice(x.strings), tuple::as_slice(y.strings));
        let joined = Owned::from_new(crate::protocols::sequence::concat(sa[sa.len() - 1], sb[0]))
            .ok_or(())?;
        let mut strings: Vec<*mut PyObject> = sa[..sa.len() - 1].to_vec();
        strings.push(joined.as_ptr());
        strings.extend_from_slice(&sb[1..]);
        let s = nonnull(tuple::from_slice(&strings))?;
        let i = crate::protocols::sequence::concat(x.interpolations, y.interpolations);
        if i.is_null() {
            Py_DECREF(s);
            return Err(());
        }
        nonnull(new_template(s, i))
    })())
}

unsafe extern "C" fn template_values(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    let values: Vec<*mut PyObject> = tuple::as_slice(tpl(o).interpolations)
        .iter()
        .map(|&i| interp(i).value)
        .collect();
    tuple::from_slice(&values)
}

/// `(string.templatelib._template_unpickle, (strings, interpolations))`.
unsafe extern "C" fn template_reduce(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let name = Owned::from_new(unicode::from_str("string.templatelib")).ok_or(())?;
        let m = Owned::from_new(crate::import::import(name.as_ptr())).ok_or(())?;
        let f = Owned::from_new(pobj::get_attr_str(m.as_ptr(), "_template_unpickle")).ok_or(())?;
        let x = tpl(o);
        let args = Owned::from_new(tuple::pack(&[x.strings, x.interpolations])).ok_or(())?;
        nonnull(tuple::pack(&[f.as_ptr(), args.as_ptr()]))
    })())
}

/// `cls[item]`: a `types.GenericAlias`.
unsafe extern "C" fn class_getitem(cls: *mut PyObject, item: *mut PyObject) -> *mut PyObject {
    crate::objects::genericalias::new(cls, item)
}

static mut TEMPLATE_METHODS: [PyMethodDef; 3] = [
    crate::meth!(c"__reduce__", template_reduce, METH_NOARGS),
    crate::meth!(c"__class_getitem__", class_getitem, METH_O | METH_CLASS),
    SENTINEL,
];

static mut TEMPLATE_MEMBERS: [PyMemberDef; 3] = [
    crate::ro_member!(TemplateObject, c"strings", strings),
    crate::ro_member!(TemplateObject, c"interpolations", interpolations),
    MEMBER_SENTINEL,
];

static mut TEMPLATE_GETSET: [PyGetSetDef; 2] =
    [getset!(c"values", template_values), PyGetSetDef::SENTINEL];

static mut TEMPLATE_NUMBER: PyNumberMethods = unsafe { core::mem::zeroed() };

// ---- Interpolation --------------------------------------------------------------------------

unsafe extern "C" fn interpolation_new(
    _t: *mut PyTypeObject,
    args: *mut PyObject,
    kw: *mut PyObject,
) -> *mut PyObject {
    ret((|| {
        let p = Params {
            fname: "Interpolation",
            names: &["value", "expression", "conversion", "format_spec"],
            posonly: 0,
            maxpos: 4,
            required: 1,
        };
        let a = parse_kw_dict(&p, args, kw)?;
        let expression = if a[1].is_null() {
            unicode::empty()
        } else {
            a[1]
        };
        let conversion = if a[2].is_null() { none() } else { a[2] };
        let format_spec = if a[3].is_null() {
            unicode::empty()
        } else {
            a[3]
        };
        for (name, v) in [("expression", expression), ("format_spec", format_spec)] {
            if !unicode::is_unicode(v) {
                return crate::raise!(
                    PyExc_TypeError,
                    "Interpolation() argument '{}' must be str, not {}",
                    name,
                    type_name(Py_TYPE(v))
                );
            }
        }
        if conversion != none()
            && !(unicode::is_unicode(conversion)
                && matches!(unicode::as_str(conversion), "s" | "r" | "a"))
        {
            return crate::raise!(
                PyExc_ValueError,
                "Interpolation() argument 'conversion' must be one of 's', 'a' or 'r'"
            );
        }
        nonnull(build_interpolation(
            a[0],
            expression,
            conversion,
            format_spec,
        ))
    })())
}

unsafe extern "C" fn interpolation_dealloc(o: *mut PyObject) {
    crate::gc::untrack(o);
    let x = interp(o);
    for p in [x.value, x.expression, x.conversion, x.format_spec] {
        Py_XDECREF(p);
    }
    alloc::free_via_type(o);
}

unsafe extern "C" fn interpolation_traverse(
    o: *mut PyObject,
    visit: visitproc,
    arg: *mut c_void,
) -> c_int {
    let x = interp(o);
    visit_all(
        &[x.value, x.expression, x.conversion, x.format_spec],
        visit,
        arg,
    )
}

unsafe extern "C" fn interpolation_repr(o: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let x = interp(o);
        let mut parts = Vec::with_capacity(4);
        for p in [x.value, x.expression, x.conversion, x.format_spec] {
            let r = Owned::from_new(pobj::repr(p)).ok_or(())?;
            parts.push(unicode::to_string_lossy(r.as_ptr()));
        }
        nonnull(unicode::from_str(&format!(
            "{}({})",
            crate::objects::typeobject::short_name(Py_TYPE(o)),
            parts.join(", ")
        )))
    })())
}

unsafe extern "C" fn interpolation_reduce(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let x = interp(o);
        let args = Owned::from_new(tuple::pack(&[
            x.value,
            x.expression,
            x.conversion,
            x.format_spec,
        ]))
        .ok_or(())?;
        nonnull(tuple::pack(&[Py_TYPE(o) as *mut PyObject, args.as_ptr()]))
    })())
}

static mut INTERPOLATION_METHODS: [PyMethodDef; 3] = [
    crate::meth!(c"__reduce__", interpolation_reduce, METH_NOARGS),
    crate::meth!(c"__class_getitem__", class_getitem, METH_O | METH_CLASS),
    SENTINEL,
];

static mut INTERPOLATION_MEMBERS: [PyMemberDef; 5] = [
    crate::ro_member!(InterpolationObject, c"value", value),
    crate::ro_member!(InterpolationObject, c"expression", expression),
    crate::ro_member!(InterpolationObject, c"conversion", conversion),
    crate::ro_member!(InterpolationObject, c"format_spec", format_spec),
    MEMBER_SENTINEL,
];

/// The two types, filled in; Interpolation is readied here to receive its
/// `__match_args__` class attribute.
pub unsafe fn static_types() -> Vec<*mut PyTypeObject> {
    use crate::objects::typeobject::init_builtin;
    let t = &raw mut TEMPLATE_TYPE;
    init_builtin(
        t,
        c"string.templatelib.Template",
        core::mem::size_of::<TemplateObject>(),
        0,
    );
    (*t).tp_flags |= Py_TPFLAGS_HAVE_GC;
    (*t).tp_new = Some(template_new);
    (*t).tp_dealloc = Some(template_dealloc);
    (*t).tp_traverse = Some(template_traverse);
    (*t).tp_repr = Some(template_repr);
    (*t).tp_iter = Some(template_iter);
    (*t).tp_methods = (&raw mut TEMPLATE_METHODS).cast();
    (*t).tp_members = (&raw mut TEMPLATE_MEMBERS).cast();
    (*t).tp_getset = (&raw mut TEMPLATE_GETSET).cast();
    (*t).tp_doc = c"Template object".as_ptr();
    TEMPLATE_NUMBER.nb_add = Some(template_add);
    (*t).tp_as_number = &raw mut TEMPLATE_NUMBER;

    let i = &raw mut INTERPOLATION_TYPE;
    init_builtin(
        i,
        c"string.templatelib.Interpolation",
        core::mem::size_of::<InterpolationObject>(),
        0,
    );
    (*i).tp_flags |= Py_TPFLAGS_HAVE_GC;
    (*i).tp_new = Some(interpolation_new);
    (*i).tp_dealloc = Some(interpolation_dealloc);
    (*i).tp_traverse = Some(interpolation_traverse);
    (*i).tp_repr = Some(interpolation_repr);
    (*i).tp_methods = (&raw mut INTERPOLATION_METHODS).cast();
    (*i).tp_members = (&raw mut INTERPOLATION_MEMBERS).cast();
    (*i).tp_doc = c"Interpolation object".as_ptr();
    if crate::objects::typeobject::ready(i).is_ok() {
        let names =
            ["value", "expression", "conversion", "format_spec"].map(|n| unicode::intern_str(n));
        for n in names {
            Py_INCREF(n);
        }
        let args = tuple::from_vec_steal(names.to_vec());
        if !args.is_null() {
            let _ = crate::objects::dict::set_str((*i).tp_dict, "__match_args__", args);
            Py_DECREF(args);
        }
    }
    vec![t, i]
}
