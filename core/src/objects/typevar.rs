//! The objects of PEP 695 type parameters: `TypeVar`, `ParamSpec`, `TypeVarTuple`
//! (one layout, `TypeParam`), `ParamSpecArgs`/`ParamSpecKwargs`, `TypeAliasType`,
//! `Generic` and the `NoDefault` sentinel (`_typing` exports them).
//!
//! The interpreter creates them through these functions (`CALL_INTRINSIC_*`).
//! Bounds, constraints, defaults and alias values given as functions are
//! evaluated on first use (called with the VALUE format, 1) and then kept.

use core::ffi::{c_int, c_void};
use core::ptr::null_mut;

use crate::alloc;
use crate::defs::*;
use crate::exported::*;
use crate::lock::RawLock;
use crate::modules::{parse_kw_dict, ret, Params};
use crate::object::*;
use crate::objects::sequtil::{args_slice, bool_ref, SENTINEL};
use crate::objects::typeobject::type_name;
use crate::objects::{dict, tuple, unicode};
use crate::protocols::{call, object as pobj};
use crate::typeobj::*;

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    TypeVar,
    ParamSpec,
    TypeVarTuple,
}

/// A type parameter. The lazily evaluated parts keep their function until first
/// read; `lock` guards the swap from function to value.
#[repr(C)]
pub struct TypeParam {
    ob_base: PyObject,
    lock: RawLock,
    kind: Kind,
    name: *mut PyObject,
    /// The value (NULL until evaluated) and the function that computes it.
    bound: *mut PyObject,
    evaluate_bound: *mut PyObject,
    constraints: *mut PyObject,
    evaluate_constraints: *mut PyObject,
    default: *mut PyObject,
    evaluate_default: *mut PyObject,
    /// `__module__` of the definition (None when unknown).
    module: *mut PyObject,
    covariant: bool,
    contravariant: bool,
    infer_variance: bool,
}

pub static mut TYPEVAR_TYPE: PyTypeObject = PyTypeObject::static_empty(&raw mut PyType_Type);
pub static mut PARAMSPEC_TYPE: PyTypeObject = PyTypeObject::static_empty(&raw mut PyType_Type);
pub static mut TYPEVARTUPLE_TYPE: PyTypeObject = PyTypeObject::static_empty(&raw mut PyType_Type);
pub static mut PARAMSPECARGS_TYPE: PyTypeObject = PyTypeObject::static_empty(&raw mut PyType_Type);
pub static mut PARAMSPECKWARGS_TYPE: PyTypeObject =
    PyTypeObject::static_empty(&raw mut PyType_Type);
pub static mut TYPEALIAS_TYPE: PyTypeObject = PyTypeObject::static_empty(&raw mut PyType_Type);
pub static mut GENERIC_TYPE: PyTypeObject = PyTypeObject::static_empty(&raw mut PyType_Type);
pub static mut NODEFAULT_TYPE: PyTypeObject = PyTypeObject::static_empty(&raw mut PyType_Type);
/// `typing.NoDefault`.
pub static mut NO_DEFAULT: PyObject = PyObject::static_head(&raw mut NODEFAULT_TYPE);

pub fn no_default() -> *mut PyObject {
    &raw mut NO_DEFAULT
}

unsafe fn tp<'a>(o: *mut PyObject) -> &'a mut TypeParam {
    &mut *(o as *mut TypeParam)
}

fn kind_type(k: Kind) -> *mut PyTypeObject {
    match k {
        Kind::TypeVar => &raw mut TYPEVAR_TYPE,
        Kind::ParamSpec => &raw mut PARAMSPEC_TYPE,
        Kind::TypeVarTuple => &raw mut TYPEVARTUPLE_TYPE,
    }
}

/// The `__name__` of the module whose code runs now (None outside of Python code).
unsafe fn caller_module() -> *mut PyObject {
    let g = crate::vm::current_globals();
    let n = if g.is_null() {
        null_mut()
    } else {
        dict::get_str(g, "__name__")
    };
    new_ref(if n.is_null() { none() } else { n })
}

/// A type parameter; every pointer argument is a new reference or NULL.
#[allow(clippy::too_many_arguments)]
unsafe fn new_param(
    kind: Kind,
    name: *mut PyObject,
    bound: *mut PyObject,
    evaluate_bound: *mut PyObject,
    constraints: *mut PyObject,
    evaluate_constraints: *mut PyObject,
    default: *mut PyObject,
    variance: (bool, bool, bool),
) -> *mut PyObject {
    let op = alloc::new_object(
        kind_type(kind),
        TypeParam {
            ob_base: PyObject {
                ob_refcnt: 1,
                ob_type: null_mut(),
            },
            lock: RawLock::new(),
            kind,
            name: new_ref(name),
            bound,
            evaluate_bound,
            constraints,
            evaluate_constraints,
            default,
            evaluate_default: null_mut(),
            module: caller_module(),
            covariant: variance.0,
            contravariant: variance.1,
            infer_variance: variance.2,
        },
    );
    if op.is_null() {
        for p in [
            bound,
            evaluate_bound,
            constraints,
            evaluate_constraints,
            default,
        ] {
            Py_XDECREF(p);
        }
        return null_mut();
    }
    crate::gc::track(op as *mut PyObject);
    op as *mut PyObject
}

unsafe fn check_name(name: *mut PyObject, fname: &str) -> PyResult<()> {
    if !unicode::is_unicode(name) {
        return crate::raise!(
            PyExc_TypeError,
            "{}() argument 'name' must be str, not {}",
            fname,
            type_name(Py_TYPE(name))
        );
    }
    Ok(())
}

// ---- the intrinsics -----------------------------------------------------------------------

/// `INTRINSIC_TYPEVAR`: `TypeVar(name)`.
pub unsafe fn typevar(name: *mut PyObject) -> *mut PyObject {
    new_param(
        Kind::TypeVar,
        name,
        null_mut(),
        null_mut(),
        null_mut(),
        null_mut(),
        null_mut(),
        (false, false, true),
    )
}

/// `INTRINSIC_TYPEVAR_WITH_BOUND`: the bound is a lazily evaluated function.
pub unsafe fn typevar_with_bound(
    name: *mut PyObject,
    evaluate_bound: *mut PyObject,
) -> *mut PyObject {
    new_param(
        Kind::TypeVar,
        name,
        null_mut(),
        new_ref(evaluate_bound),
        null_mut(),
        null_mut(),
        null_mut(),
        (false, false, true),
    )
}

/// `INTRINSIC_TYPEVAR_WITH_CONSTRAINTS`: the constraints are a lazily
/// evaluated function returning a tuple.
pub unsafe fn typevar_with_constraints(
    name: *mut PyObject,
    evaluate_constraints: *mut PyObject,
) -> *mut PyObject {
    new_param(
        Kind::TypeVar,
        name,
        null_mut(),
        null_mut(),
        null_mut(),
        new_ref(evaluate_constraints),
        null_mut(),
        (false, false, true),
    )
}

/// `INTRINSIC_PARAMSPEC`
pub unsafe fn paramspec(name: *mut PyObject) -> *mut PyObject {
    new_param(
        Kind::ParamSpec,
        name,
        null_mut(),
        null_mut(),
        null_mut(),
        null_mut(),
        null_mut(),
        (false, false, true),
    )
}

/// `INTRINSIC_TYPEVARTUPLE`
pub unsafe fn typevartuple(name: *mut PyObject) -> *mut PyObject {
    new_param(
        Kind::TypeVarTuple,
        name,
        null_mut(),
        null_mut(),
        null_mut(),
        null_mut(),
        null_mut(),
        (false, false, true),
    )
}

/// `INTRINSIC_SET_TYPEPARAM_DEFAULT`: (type param, evaluate_default) -> param.
pub unsafe fn set_typeparam_default(
    param: *mut PyObject,
    evaluate_default: *mut PyObject,
) -> *mut PyObject {
    if !is_type_param(param) {
        return crate::raise_null!(PyExc_SystemError, "expected a type parameter");
    }
    let p = tp(param);
    p.lock.lock();
    xsetref(&raw mut p.evaluate_default, new_ref(evaluate_default));
    xsetref(&raw mut p.default, null_mut());
    p.lock.unlock();
    new_ref(param)
}

/// `INTRINSIC_SUBSCRIPT_GENERIC`: `Generic[*params]`.
pub unsafe fn subscript_generic(params: *mut PyObject) -> *mut PyObject {
    generic_class_getitem(&raw mut GENERIC_TYPE as *mut PyObject, params)
}

/// `INTRINSIC_TYPEALIAS`: args is the tuple (name, type_params or None,
/// compute_value function).
pub unsafe fn typealias(args: *mut PyObject) -> *mut PyObject {
    let a = tuple::as_slice(args);
    if a.len() != 3 {
        return crate::raise_null!(PyExc_SystemError, "INTRINSIC_TYPEALIAS expects 3 items");
    }
    let params = if a[1] == none() { tuple::empty() } else { a[1] };
    new_alias(a[0], new_ref(params), null_mut(), new_ref(a[2]))
}

// ---- TypeVar, ParamSpec, TypeVarTuple ----------------------------------------------------

unsafe fn is_type_param(o: *mut PyObject) -> bool {
    let t = Py_TYPE(o);
    t == &raw mut TYPEVAR_TYPE || t == &raw mut PARAMSPEC_TYPE || t == &raw mut TYPEVARTUPLE_TYPE
}

/// A truth value argument (any object, by its truth).
unsafe fn flag(o: *mut PyObject) -> PyResult<bool> {
    if o.is_null() {
        return Ok(false);
    }
    match pobj::is_true(o) {
        r if r < 0 => Err(()),
        r => Ok(r > 0),
    }
}

unsafe fn check_variance(c: bool, d: bool, infer: bool) -> PyResult<()> {
    if c && d {
        return crate::raise!(PyExc_ValueError, "Bivariant types are not supported.");
    }
    if infer && (c || d) {
        return crate::raise!(
            PyExc_ValueError,
            "Variance cannot be specified with infer_variance."
        );
    }
    Ok(())
}

/// The bound argument: None means none; anything else goes through typing's
/// `_type_check` when typing is importable.
unsafe fn opt(o: *mut PyObject) -> *mut PyObject {
    if o.is_null() || o == none() {
        null_mut()
    } else {
        new_ref(o)
    }
}

unsafe fn default_arg(o: *mut PyObject) -> *mut PyObject {
    if o.is_null() || o == no_default() {
        null_mut()
    } else {
        new_ref(o)
    }
}

unsafe extern "C" fn typevar_new(
    _t: *mut PyTypeObject,
    args: *mut PyObject,
    kw: *mut PyObject,
) -> *mut PyObject {
    ret((|| {
        let a = args_slice(args);
        if a.is_empty() {
            let p = Params {
                fname: "typevar",
                names: &["name"],
                posonly: 0,
                maxpos: 1,
                required: 1,
            };
            parse_kw_dict(&p, args, kw)?;
            return crate::raise!(
                PyExc_TypeError,
                "typevar() missing required argument 'name' (pos 1)"
            );
        }
        check_name(a[0], "typevar")?;
        let names = &[
            "bound",
            "covariant",
            "contravariant",
            "infer_variance",
            "default",
        ];
        let p = Params {
            fname: "typevar",
            names,
            posonly: 0,
            maxpos: 0,
            required: 0,
        };
        let empty = Owned::from_new(tuple::empty()).ok_or(())?;
        let k = parse_kw_dict(&p, empty.as_ptr(), kw)?;
        let (c, d, i) = (flag(k[1])?, flag(k[2])?, flag(k[3])?);
        check_variance(c, d, i)?;
        let constraints = &a[1..];
        if constraints.len() == 1 {
            return crate::raise!(PyExc_TypeError, "A single constraint is not allowed");
        }
        let bound = opt(k[0]);
        if !constraints.is_empty() && !bound.is_null() {
            Py_DECREF(bound);
            return crate::raise!(
                PyExc_TypeError,
                "Constraints cannot be combined with bound=..."
            );
        }
        let cons = nonnull(tuple::from_slice(constraints))?;
        nonnull(new_param(
            Kind::TypeVar,
            a[0],
            bound,
            null_mut(),
            cons,
            null_mut(),
            default_arg(k[4]),
            (c, d, i),
        ))
    })())
}

unsafe extern "C" fn paramspec_new(
    _t: *mut PyTypeObject,
    args: *mut PyObject,
    kw: *mut PyObject,
) -> *mut PyObject {
    ret((|| {
        let names = &[
            "name",
            "bound",
            "covariant",
            "contravariant",
            "infer_variance",
            "default",
        ];
        let p = Params {
            fname: "paramspec",
            names,
            posonly: 0,
            maxpos: 1,
            required: 1,
        };
        let k = parse_kw_dict(&p, args, kw)?;
        check_name(k[0], "paramspec")?;
        let (c, d, i) = (flag(k[2])?, flag(k[3])?, flag(k[4])?);
        check_variance(c, d, i)?;
        nonnull(new_param(
            Kind::ParamSpec,
            k[0],
            opt(k[1]),
            null_mut(),
            null_mut(),
            null_mut(),
            default_arg(k[5]),
            (c, d, i),
        ))
    })())
}

unsafe extern "C" fn typevartuple_new(
    _t: *mut PyTypeObject,
    args: *mut PyObject,
    kw: *mut PyObject,
) -> *mut PyObject {
    ret((|| {
        let p = Params {
            fname: "typevartuple",
            names: &["name", "default"],
            posonly: 0,
            maxpos: 1,
            required: 1,
        };
        let k = parse_kw_dict(&p, args, kw)?;
        check_name(k[0], "typevartuple")?;
        nonnull(new_param(
            Kind::TypeVarTuple,
            k[0],
            null_mut(),
            null_mut(),
            null_mut(),
            null_mut(),
            default_arg(k[1]),
            (false, false, false),
        ))
    })())
}

unsafe extern "C" fn param_dealloc(o: *mut PyObject) {
    crate::gc::untrack(o);
    let p = tp(o);
    for x in [
        p.name,
        p.bound,
        p.evaluate_bound,
        p.constraints,
        p.evaluate_constraints,
        p.default,
        p.evaluate_default,
        p.module,
    ] {
        Py_XDECREF(x);
    }
    alloc::free_via_type(o);
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

unsafe extern "C" fn param_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let p = tp(o);
    visit_all(
        &[
            p.bound,
            p.evaluate_bound,
            p.constraints,
            p.evaluate_constraints,
            p.default,
            p.evaluate_default,
            p.module,
        ],
        visit,
        arg,
    )
}

/// `~T`, `+T`, `-T`, or the bare name (inferred variance: PEP 695 parameters).
unsafe extern "C" fn param_repr(o: *mut PyObject) -> *mut PyObject {
    let p = tp(o);
    let name = unicode::to_string_lossy(p.name);
    let prefix = if p.infer_variance {
        ""
    } else if p.covariant {
        "+"
    } else if p.contravariant {
        "-"
    } else {
        "~"
    };
    unicode::from_str(&format!("{}{}", prefix, name))
}

/// Read a lazily evaluated slot: the cached value, else call the function (with
/// the VALUE format) and cache its result; `empty` when neither is set.
unsafe fn lazy(
    o: *mut PyObject,
    value: *mut *mut PyObject,
    func: *mut *mut PyObject,
    empty: *mut PyObject,
) -> *mut PyObject {
    let p = tp(o);
    p.lock.lock();
    let (v, f) = (*value, *func);
    if !v.is_null() {
        Py_INCREF(v);
        p.lock.unlock();
        return v;
    }
    if f.is_null() {
        p.lock.unlock();
        return new_ref(empty);
    }
    Py_INCREF(f);
    p.lock.unlock();
    let one = crate::objects::long::from_i64(1);
    let r = call::call_function(f, &[one]);
    Py_DECREF(one);
    Py_DECREF(f);
    if r.is_null() {
        return r;
    }
    p.lock.lock();
    if (*value).is_null() {
        *value = new_ref(r);
    }
    p.lock.unlock();
    r
}

unsafe extern "C" fn get_bound(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    let p = tp(o);
    lazy(o, &raw mut p.bound, &raw mut p.evaluate_bound, none())
}

unsafe extern "C" fn get_constraints(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    let p = tp(o);
    lazy(
        o,
        &raw mut p.constraints,
        &raw mut p.evaluate_constraints,
        tuple::empty(),
    )
}

unsafe extern "C" fn get_default(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    let p = tp(o);
    lazy(
        o,
        &raw mut p.default,
        &raw mut p.evaluate_default,
        no_default(),
    )
}

macro_rules! getter {
    ($($name:ident => $e:expr;)*) => {$(
        unsafe extern "C" fn $name(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
            let f: unsafe fn(&TypeParam) -> *mut PyObject = $e;
            f(tp(o))
        }
    )*};
}

getter! {
    get_name => |p| new_ref(p.name);
    get_module => |p| new_ref(p.module);
    get_covariant => |p| new_ref(bool_ref(p.covariant));
    get_contravariant => |p| new_ref(bool_ref(p.contravariant));
    get_infer_variance => |p| new_ref(bool_ref(p.infer_variance));
    get_evaluate_bound => |p| new_ref(if p.evaluate_bound.is_null() { none() } else { p.evaluate_bound });
    get_evaluate_constraints => |p| new_ref(if p.evaluate_constraints.is_null() { none() } else { p.evaluate_constraints });
    get_evaluate_default => |p| new_ref(if p.evaluate_default.is_null() { none() } else { p.evaluate_default });
}

unsafe extern "C" fn has_default(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    let p = tp(o);
    p.lock.lock();
    let has = !p.evaluate_default.is_null() || !p.default.is_null();
    p.lock.unlock();
    new_ref(bool_ref(has))
}

/// Pickled by name: `typing` finds it again.
unsafe extern "C" fn param_reduce(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    new_ref(tp(o).name)
}

unsafe extern "C" fn mro_entries(o: *mut PyObject, _bases: *mut PyObject) -> *mut PyObject {
    crate::raise_null!(
        PyExc_TypeError,
        "Cannot subclass an instance of {}",
        crate::objects::typeobject::short_name(Py_TYPE(o))
    )
}

/// Call `typing.NAME(*args)` (the parts of the type parameter protocol that
/// CPython also delegates to typing.py).
unsafe fn call_typing(name: &str, args: &[*mut PyObject]) -> *mut PyObject {
    ret((|| {
        let m = Owned::from_new(unicode::from_str("typing")).ok_or(())?;
        let typing = Owned::from_new(crate::import::import(m.as_ptr())).ok_or(())?;
        let f = Owned::from_new(pobj::get_attr_str(typing.as_ptr(), name)).ok_or(())?;
        nonnull(call::call_function(f.as_ptr(), args))
    })())
}

unsafe extern "C" fn typevar_subst(o: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    call_typing("_typevar_subst", &[o, arg])
}

unsafe extern "C" fn paramspec_subst(o: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    call_typing("_paramspec_subst", &[o, arg])
}

unsafe extern "C" fn typevartuple_subst(_o: *mut PyObject, _arg: *mut PyObject) -> *mut PyObject {
    crate::raise_null!(
        PyExc_TypeError,
        "Substitution of bare TypeVarTuple is not supported"
    )
}

unsafe extern "C" fn prepare_subst(o: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let a = args_slice(args);
    if a.len() != 2 {
        return crate::raise_null!(
            PyExc_TypeError,
            "__typing_prepare_subst__ expected 2 arguments, got {}",
            a.len()
        );
    }
    let name = match tp(o).kind {
        Kind::TypeVar => "_typevar_prepare_subst",
        Kind::ParamSpec => "_paramspec_prepare_subst",
        Kind::TypeVarTuple => "_typevartuple_prepare_subst",
    };
    call_typing(name, &[o, a[0], a[1]])
}

static mut PARAM_NUMBER: PyNumberMethods = unsafe { core::mem::zeroed() };
static mut ALIAS_NUMBER: PyNumberMethods = unsafe { core::mem::zeroed() };

static mut TYPEVAR_METHODS: [PyMethodDef; 6] = [
    crate::meth!(c"__typing_subst__", typevar_subst, METH_O),
    crate::meth!(c"__typing_prepare_subst__", prepare_subst, METH_VARARGS),
    crate::meth!(c"__reduce__", param_reduce, METH_NOARGS),
    crate::meth!(c"__mro_entries__", mro_entries, METH_O),
    crate::meth!(c"has_default", has_default, METH_NOARGS),
    SENTINEL,
];

static mut PARAMSPEC_METHODS: [PyMethodDef; 6] = [
    crate::meth!(c"__typing_subst__", paramspec_subst, METH_O),
    crate::meth!(c"__typing_prepare_subst__", prepare_subst, METH_VARARGS),
    crate::meth!(c"__reduce__", param_reduce, METH_NOARGS),
    crate::meth!(c"__mro_entries__", mro_entries, METH_O),
    crate::meth!(c"has_default", has_default, METH_NOARGS),
    SENTINEL,
];

static mut TYPEVARTUPLE_METHODS: [PyMethodDef; 6] = [
    crate::meth!(c"__typing_subst__", typevartuple_subst, METH_O),
    crate::meth!(c"__typing_prepare_subst__", prepare_subst, METH_VARARGS),
    crate::meth!(c"__reduce__", param_reduce, METH_NOARGS),
    crate::meth!(c"__mro_entries__", mro_entries, METH_O),
    crate::meth!(c"has_default", has_default, METH_NOARGS),
    SENTINEL,
];

static mut TYPEVAR_GETSET: [PyGetSetDef; 12] = [
    getset!(c"__name__", get_name),
    getset!(c"__module__", get_module),
    getset!(c"__bound__", get_bound),
    getset!(c"__constraints__", get_constraints),
    getset!(c"__covariant__", get_covariant),
    getset!(c"__contravariant__", get_contravariant),
    getset!(c"__infer_variance__", get_infer_variance),
    getset!(c"__default__", get_default),
    getset!(c"evaluate_bound", get_evaluate_bound),
    getset!(c"evaluate_constraints", get_evaluate_constraints),
    getset!(c"evaluate_default", get_evaluate_default),
    PyGetSetDef::SENTINEL,
];

static mut PARAMSPEC_GETSET: [PyGetSetDef; 11] = [
    getset!(c"__name__", get_name),
    getset!(c"__module__", get_module),
    getset!(c"__bound__", get_bound),
    getset!(c"__covariant__", get_covariant),
    getset!(c"__contravariant__", get_contravariant),
    getset!(c"__infer_variance__", get_infer_variance),
    getset!(c"__default__", get_default),
    getset!(c"evaluate_default", get_evaluate_default),
    getset!(c"args", get_args),
    getset!(c"kwargs", get_kwargs),
    PyGetSetDef::SENTINEL,
];

static mut TYPEVARTUPLE_GETSET: [PyGetSetDef; 5] = [
    getset!(c"__name__", get_name),
    getset!(c"__module__", get_module),
    getset!(c"__default__", get_default),
    getset!(c"evaluate_default", get_evaluate_default),
    PyGetSetDef::SENTINEL,
];

// ---- ParamSpecArgs / ParamSpecKwargs ----------------------------------------------------------

/// `P.args` / `P.kwargs`: the ParamSpec they come from.
#[repr(C)]
struct ParamSpecAttr {
    ob_base: PyObject,
    origin: *mut PyObject,
}

unsafe fn new_attr(t: *mut PyTypeObject, origin: *mut PyObject) -> *mut PyObject {
    let op = alloc::new_object(
        t,
        ParamSpecAttr {
            ob_base: PyObject {
                ob_refcnt: 1,
                ob_type: null_mut(),
            },
            origin: new_ref(origin),
        },
    );
    if op.is_null() {
        Py_DECREF(origin);
        return null_mut();
    }
    crate::gc::track(op as *mut PyObject);
    op as *mut PyObject
}

unsafe extern "C" fn get_args(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    new_attr(&raw mut PARAMSPECARGS_TYPE, o)
}

unsafe extern "C" fn get_kwargs(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    new_attr(&raw mut PARAMSPECKWARGS_TYPE, o)
}

unsafe extern "C" fn attr_new(
    t: *mut PyTypeObject,
    args: *mut PyObject,
    kw: *mut PyObject,
) -> *mut PyObject {
    ret((|| {
        let fname = if t == &raw mut PARAMSPECARGS_TYPE {
            "paramspecargs"
        } else {
            "paramspeckwargs"
        };
        let p = Params {
            fname,
            names: &["origin"],
            posonly: 0,
            maxpos: 1,
            required: 1,
        };
        let a = parse_kw_dict(&p, args, kw)?;
        nonnull(new_attr(t, a[0]))
    })())
}

unsafe extern "C" fn attr_dealloc(o: *mut PyObject) {
    crate::gc::untrack(o);
    Py_XDECREF((*(o as *mut ParamSpecAttr)).origin);
    alloc::free_via_type(o);
}

unsafe extern "C" fn attr_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    visit_all(&[(*(o as *mut ParamSpecAttr)).origin], visit, arg)
}

/// `P.args`, or `origin.args` for an origin that is not a ParamSpec.
unsafe extern "C" fn attr_repr(o: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let origin = (*(o as *mut ParamSpecAttr)).origin;
        let what = if Py_TYPE(o) == &raw mut PARAMSPECARGS_TYPE {
            "args"
        } else {
            "kwargs"
        };
        let base = if Py_TYPE(origin) == &raw mut PARAMSPEC_TYPE {
            unicode::to_string_lossy(tp(origin).name)
        } else {
            let r = Owned::from_new(pobj::repr(origin)).ok_or(())?;
            unicode::to_string_lossy(r.as_ptr())
        };
        nonnull(unicode::from_str(&format!("{}.{}", base, what)))
    })())
}

/// Equal when of the same kind with equal origins.
unsafe extern "C" fn attr_richcompare(
    a: *mut PyObject,
    b: *mut PyObject,
    op: c_int,
) -> *mut PyObject {
    if Py_TYPE(a) != Py_TYPE(b) || (op != 2 && op != 3) {
        return new_ref(not_implemented());
    }
    let (x, y) = (
        (*(a as *mut ParamSpecAttr)).origin,
        (*(b as *mut ParamSpecAttr)).origin,
    );
    pobj::rich_compare(x, y, op)
}

static mut ATTR_MEMBERS: [PyMemberDef; 2] = [
    crate::ro_member!(ParamSpecAttr, c"__origin__", origin),
    crate::objects::sequtil::MEMBER_SENTINEL,
];

static mut ATTR_METHODS: [PyMethodDef; 2] = [
    crate::meth!(c"__mro_entries__", mro_entries, METH_O),
    SENTINEL,
];

// ---- TypeAliasType ------------------------------------------------------------------------------

#[repr(C)]
struct TypeAlias {
    ob_base: PyObject,
    lock: RawLock,
    name: *mut PyObject,
    type_params: *mut PyObject,
    /// The value once known, and the function that computes it.
    value: *mut PyObject,
    compute_value: *mut PyObject,
    module: *mut PyObject,
}

unsafe fn ta<'a>(o: *mut PyObject) -> &'a mut TypeAlias {
    &mut *(o as *mut TypeAlias)
}

/// A type alias owning `type_params`, `value` and `compute_value`.
unsafe fn new_alias(
    name: *mut PyObject,
    type_params: *mut PyObject,
    value: *mut PyObject,
    compute_value: *mut PyObject,
) -> *mut PyObject {
    let op = alloc::new_object(
        &raw mut TYPEALIAS_TYPE,
        TypeAlias {
            ob_base: PyObject {
                ob_refcnt: 1,
                ob_type: null_mut(),
            },
            lock: RawLock::new(),
            name: new_ref(name),
            type_params,
            value,
            compute_value,
            module: caller_module(),
        },
    );
    if op.is_null() {
        for p in [type_params, value, compute_value] {
            Py_XDECREF(p);
        }
        return null_mut();
    }
    crate::gc::track(op as *mut PyObject);
    op as *mut PyObject
}

unsafe extern "C" fn typealias_new(
    _t: *mut PyTypeObject,
    args: *mut PyObject,
    kw: *mut PyObject,
) -> *mut PyObject {
    ret((|| {
        let p = Params {
            fname: "typealias",
            names: &["name", "value", "type_params"],
            posonly: 0,
            maxpos: 2,
            required: 2,
        };
        let a = parse_kw_dict(&p, args, kw)?;
        check_name(a[0], "typealias")?;
        let params = if a[2].is_null() { tuple::empty() } else { a[2] };
        if !tuple::is_tuple(params) {
            return crate::raise!(PyExc_TypeError, "type_params must be a tuple");
        }
        for &t in tuple::as_slice(params) {
            if !is_type_param(t) {
                return crate::raise!(
                    PyExc_TypeError,
                    "Expected a type param, got {}",
                    Owned::from_new(pobj::repr(t))
                        .map(|r| unicode::to_string_lossy(r.as_ptr()))
                        .unwrap_or_default()
                );
            }
        }
        nonnull(new_alias(a[0], new_ref(params), new_ref(a[1]), null_mut()))
    })())
}

unsafe extern "C" fn typealias_dealloc(o: *mut PyObject) {
    crate::gc::untrack(o);
    let x = ta(o);
    for p in [x.name, x.type_params, x.value, x.compute_value, x.module] {
        Py_XDECREF(p);
    }
    alloc::free_via_type(o);
}

unsafe extern "C" fn typealias_traverse(
    o: *mut PyObject,
    visit: visitproc,
    arg: *mut c_void,
) -> c_int {
    let x = ta(o);
    visit_all(
        &[x.type_params, x.value, x.compute_value, x.module],
        visit,
        arg,
    )
}

unsafe extern "C" fn typealias_repr(o: *mut PyObject) -> *mut PyObject {
    new_ref(ta(o).name)
}

/// `__value__`: computed on first use, then kept.
unsafe extern "C" fn typealias_value(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    let x = ta(o);
    x.lock.lock();
    let (v, f) = (x.value, x.compute_value);
    if !v.is_null() {
        Py_INCREF(v);
        x.lock.unlock();
        return v;
    }
    Py_XINCREF(f);
    x.lock.unlock();
    if f.is_null() {
        return new_ref(none());
    }
    let one = crate::objects::long::from_i64(1);
    let r = call::call_function(f, &[one]);
    Py_DECREF(one);
    Py_DECREF(f);
    if r.is_null() {
        return r;
    }
    x.lock.lock();
    if x.value.is_null() {
        x.value = new_ref(r);
    }
    x.lock.unlock();
    r
}

unsafe extern "C" fn typealias_name(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    new_ref(ta(o).name)
}

unsafe extern "C" fn typealias_params(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    new_ref(ta(o).type_params)
}

unsafe extern "C" fn typealias_module(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    new_ref(ta(o).module)
}

unsafe extern "C" fn typealias_evaluate_value(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    let f = ta(o).compute_value;
    new_ref(if f.is_null() { none() } else { f })
}

/// `Alias[args]`: a `types.GenericAlias`; only a generic alias can be subscripted.
unsafe extern "C" fn typealias_getitem(o: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    if tuple::as_slice(ta(o).type_params).is_empty() {
        return crate::raise_null!(
            PyExc_TypeError,
            "Only generic type aliases are subscriptable"
        );
    }
    crate::objects::genericalias::new(o, args)
}

unsafe extern "C" fn typealias_reduce(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    new_ref(ta(o).name)
}

static mut TYPEALIAS_MAPPING: PyMappingMethods = unsafe { core::mem::zeroed() };

static mut TYPEALIAS_GETSET: [PyGetSetDef; 7] = [
    getset!(c"__name__", typealias_name),
    getset!(c"__qualname__", typealias_name),
    getset!(c"__value__", typealias_value),
    getset!(c"__type_params__", typealias_params),
    getset!(c"__module__", typealias_module),
    getset!(c"evaluate_value", typealias_evaluate_value),
    PyGetSetDef::SENTINEL,
];

static mut TYPEALIAS_METHODS: [PyMethodDef; 3] = [
    crate::meth!(c"__reduce__", typealias_reduce, METH_NOARGS),
    crate::meth!(c"__mro_entries__", mro_entries, METH_O),
    SENTINEL,
];

// ---- Generic and NoDefault --------------------------------------------------------------------

/// `Generic[params]` and `cls[params]` for its subclasses: typing's
/// `_generic_class_getitem`, as CPython does.
unsafe fn generic_class_getitem(cls: *mut PyObject, params: *mut PyObject) -> *mut PyObject {
    call_typing("_generic_class_getitem", &[cls, params])
}

unsafe extern "C" fn generic_getitem_meth(
    cls: *mut PyObject,
    params: *mut PyObject,
) -> *mut PyObject {
    generic_class_getitem(cls, params)
}

/// `__init_subclass__`: typing's `_generic_init_subclass`.
unsafe extern "C" fn generic_init_subclass(
    cls: *mut PyObject,
    args: *mut PyObject,
    kw: *mut PyObject,
) -> *mut PyObject {
    ret((|| {
        let m = Owned::from_new(unicode::from_str("typing")).ok_or(())?;
        let typing = Owned::from_new(crate::import::import(m.as_ptr())).ok_or(())?;
        let f = Owned::from_new(pobj::get_attr_str(
            typing.as_ptr(),
            "_generic_init_subclass",
        ))
        .ok_or(())?;
        let mut all = vec![cls];
        all.extend_from_slice(args_slice(args));
        let t = Owned::from_new(tuple::from_slice(&all)).ok_or(())?;
        nonnull(call::call(f.as_ptr(), t.as_ptr(), kw))
    })())
}

static mut GENERIC_METHODS: [PyMethodDef; 3] = [
    crate::meth!(
        c"__class_getitem__",
        generic_getitem_meth,
        METH_O | METH_CLASS
    ),
    crate::meth!(
        c"__init_subclass__",
        generic_init_subclass,
        METH_VARARGS | METH_KEYWORDS | METH_CLASS
    ),
    SENTINEL,
];

unsafe extern "C" fn nodefault_repr(_o: *mut PyObject) -> *mut PyObject {
    unicode::from_str("typing.NoDefault")
}

unsafe extern "C" fn nodefault_new(
    _t: *mut PyTypeObject,
    args: *mut PyObject,
    kw: *mut PyObject,
) -> *mut PyObject {
    if !args_slice(args).is_empty() || (!kw.is_null() && dict::len(kw) > 0) {
        return crate::raise_null!(PyExc_TypeError, "NoDefaultType takes no arguments");
    }
    new_ref(no_default())
}

unsafe extern "C" fn nodefault_reduce(_o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    unicode::from_str("NoDefault")
}

static mut NODEFAULT_METHODS: [PyMethodDef; 2] = [
    crate::meth!(c"__reduce__", nodefault_reduce, METH_NOARGS),
    SENTINEL,
];

/// This area's types, filled in (lifecycle readies them).
pub unsafe fn static_types() -> Vec<*mut PyTypeObject> {
    use crate::objects::typeobject::init_builtin;
    let params: [(
        *mut PyTypeObject,
        &'static core::ffi::CStr,
        newfunc,
        *mut PyMethodDef,
        *mut PyGetSetDef,
        &'static core::ffi::CStr,
    ); 3] = [
        (
            &raw mut TYPEVAR_TYPE,
            c"typing.TypeVar",
            typevar_new,
            (&raw mut TYPEVAR_METHODS).cast(),
            (&raw mut TYPEVAR_GETSET).cast(),
            c"Type variable.",
        ),
        (
            &raw mut PARAMSPEC_TYPE,
            c"typing.ParamSpec",
            paramspec_new,
            (&raw mut PARAMSPEC_METHODS).cast(),
            (&raw mut PARAMSPEC_GETSET).cast(),
            c"Parameter specification variable.",
        ),
        (
            &raw mut TYPEVARTUPLE_TYPE,
            c"typing.TypeVarTuple",
            typevartuple_new,
            (&raw mut TYPEVARTUPLE_METHODS).cast(),
            (&raw mut TYPEVARTUPLE_GETSET).cast(),
            c"Type variable tuple.",
        ),
    ];
    PARAM_NUMBER.nb_or = Some(crate::modules::typing::union_or_any);
    ALIAS_NUMBER.nb_or = Some(crate::modules::typing::union_or);
    for (t, name, new, methods, getset, doc) in params {
        init_builtin(t, name, core::mem::size_of::<TypeParam>(), 0);
        (*t).tp_flags |= Py_TPFLAGS_HAVE_GC;
        (*t).tp_new = Some(new);
        (*t).tp_dealloc = Some(param_dealloc);
        (*t).tp_traverse = Some(param_traverse);
        (*t).tp_repr = Some(param_repr);
        (*t).tp_methods = methods;
        (*t).tp_getset = getset;
        (*t).tp_as_number = &raw mut PARAM_NUMBER;
        (*t).tp_doc = doc.as_ptr();
    }
    for (t, name) in [
        (&raw mut PARAMSPECARGS_TYPE, c"typing.ParamSpecArgs"),
        (&raw mut PARAMSPECKWARGS_TYPE, c"typing.ParamSpecKwargs"),
    ] {
        init_builtin(t, name, core::mem::size_of::<ParamSpecAttr>(), 0);
        (*t).tp_flags |= Py_TPFLAGS_HAVE_GC;
        (*t).tp_new = Some(attr_new);
        (*t).tp_dealloc = Some(attr_dealloc);
        (*t).tp_traverse = Some(attr_traverse);
        (*t).tp_repr = Some(attr_repr);
        (*t).tp_richcompare = Some(attr_richcompare);
        (*t).tp_members = (&raw mut ATTR_MEMBERS).cast();
        (*t).tp_methods = (&raw mut ATTR_METHODS).cast();
    }
    let t = &raw mut TYPEALIAS_TYPE;
    init_builtin(
        t,
        c"typing.TypeAliasType",
        core::mem::size_of::<TypeAlias>(),
        0,
    );
    (*t).tp_flags |= Py_TPFLAGS_HAVE_GC;
    (*t).tp_new = Some(typealias_new);
    (*t).tp_dealloc = Some(typealias_dealloc);
    (*t).tp_traverse = Some(typealias_traverse);
    (*t).tp_repr = Some(typealias_repr);
    (*t).tp_getset = (&raw mut TYPEALIAS_GETSET).cast();
    (*t).tp_methods = (&raw mut TYPEALIAS_METHODS).cast();
    (*t).tp_as_number = &raw mut ALIAS_NUMBER;
    TYPEALIAS_MAPPING.mp_subscript = Some(typealias_getitem);
    (*t).tp_as_mapping = &raw mut TYPEALIAS_MAPPING;
    (*t).tp_doc = c"Type alias.".as_ptr();

    let g = &raw mut GENERIC_TYPE;
    init_builtin(g, c"typing.Generic", core::mem::size_of::<PyObject>(), 0);
    (*g).tp_flags |= Py_TPFLAGS_BASETYPE;
    (*g).tp_new = Some(crate::objects::baseobject::object_new);
    (*g).tp_methods = (&raw mut GENERIC_METHODS).cast();
    (*g).tp_doc = c"Abstract base class for generic types.".as_ptr();

    let n = &raw mut NODEFAULT_TYPE;
    init_builtin(n, c"NoDefaultType", core::mem::size_of::<PyObject>(), 0);
    (*n).tp_new = Some(nodefault_new);
    (*n).tp_repr = Some(nodefault_repr);
    (*n).tp_methods = (&raw mut NODEFAULT_METHODS).cast();
    (*n).tp_doc = c"The type of the NoDefault singleton.".as_ptr();
    vec![
        &raw mut TYPEVAR_TYPE,
        &raw mut PARAMSPEC_TYPE,
        &raw mut TYPEVARTUPLE_TYPE,
        &raw mut PARAMSPECARGS_TYPE,
        &raw mut PARAMSPECKWARGS_TYPE,
        t,
        g,
        n,
    ]
}
