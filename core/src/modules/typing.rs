//! `_typing`: the native parts of `typing` (the type parameter objects of
//! `objects/typevar.rs`, `Generic`, `NoDefault`, `_idfunc`).

use crate::defs::*;
use crate::modules::{add, add_type};
use crate::object::*;
use crate::objects::typevar::*;

crate::native_module!(
    c"_typing",
    c"Primitives and accelerators for the typing module.\n",
    exec,
    [crate::func!(
        c"_idfunc",
        idfunc,
        METH_O,
        c"_idfunc($module, x, /)\n--\n\nReturn x."
    )]
);

unsafe extern "C" fn idfunc(_m: *mut PyObject, x: *mut PyObject) -> *mut PyObject {
    new_ref(x)
}

unsafe fn exec(m: *mut PyObject) -> PyResult<()> {
    add_type(m, "TypeVar", &raw mut TYPEVAR_TYPE)?;
    add_type(m, "ParamSpec", &raw mut PARAMSPEC_TYPE)?;
    add_type(m, "TypeVarTuple", &raw mut TYPEVARTUPLE_TYPE)?;
    add_type(m, "ParamSpecArgs", &raw mut PARAMSPECARGS_TYPE)?;
    add_type(m, "ParamSpecKwargs", &raw mut PARAMSPECKWARGS_TYPE)?;
    add_type(m, "TypeAliasType", &raw mut TYPEALIAS_TYPE)?;
    add_type(m, "Generic", &raw mut GENERIC_TYPE)?;
    add_type(m, "Union", &raw mut UNION_TYPE)?;
    add(m, "NoDefault", new_ref(no_default()))
}

// ---- typing.Union: what `int | str` and `Union[int, str]` make ------------------------------

use core::ffi::{c_int, c_void};
use core::ptr::null_mut;

use crate::exported::*;
use crate::modules::ret;
use crate::objects::typeobject::{is_type, module_name, qual_name};
use crate::objects::{set, tuple, unicode};
use crate::protocols::object as pobj;
use crate::typeobj::*;

#[repr(C)]
pub struct UnionObject {
    ob_base: PyObject,
    /// The members: flattened, without duplicates, None as NoneType.
    args: *mut PyObject,
}

pub static mut UNION_TYPE: PyTypeObject = PyTypeObject::static_empty(&raw mut PyType_Type);

unsafe fn is_union(o: *mut PyObject) -> bool {
    Py_TYPE(o) == &raw mut UNION_TYPE
}

unsafe fn args_of<'a>(o: *mut PyObject) -> &'a [*mut PyObject] {
    tuple::as_slice((*(o as *mut UnionObject)).args)
}

/// The union of `items`: nested unions flattened, None made NoneType, equal
/// members kept once; a single member is returned as it is.
pub unsafe fn make_union(items: &[*mut PyObject]) -> PyResult<*mut PyObject> {
    let mut members: Vec<*mut PyObject> = Vec::new();
    let mut add = |x: *mut PyObject| -> PyResult<()> {
        let x = if x == none() {
            (&raw mut crate::objects::none::PY_NONE_TYPE) as *mut PyObject
        } else {
            x
        };
        for &m in &members {
            if m == x {
                return Ok(());
            }
            match pobj::rich_compare_bool(m, x, 2) {
                r if r < 0 => return Err(()),
                1 => return Ok(()),
                _ => {}
            }
        }
        members.push(x);
        Ok(())
    };
    for &i in items {
        if is_union(i) {
            for &a in args_of(i) {
                add(a)?;
            }
        } else {
            add(i)?;
        }
    }
    match members.len() {
        0 => crate::raise!(PyExc_TypeError, "Cannot take a Union of no types."),
        1 => Ok(new_ref(members[0])),
        _ => {
            let args = nonnull(tuple::from_slice(&members))?;
            let op = crate::alloc::new_object(
                &raw mut UNION_TYPE,
                UnionObject {
                    ob_base: PyObject {
                        ob_refcnt: 1,
                        ob_type: null_mut(),
                    },
                    args,
                },
            );
            if op.is_null() {
                Py_DECREF(args);
                return Err(());
            }
            crate::gc::track(op as *mut PyObject);
            Ok(op as *mut PyObject)
        }
    }
}

/// What `|` may join into a union: None, classes, generic aliases, unions,
/// type parameters and type aliases.
pub unsafe fn is_unionable(o: *mut PyObject) -> bool {
    let t = Py_TYPE(o);
    o == none()
        || is_type(o)
        || t == &raw mut Py_GenericAliasType
        || is_union(o)
        || t == &raw mut TYPEVAR_TYPE
        || t == &raw mut PARAMSPEC_TYPE
        || t == &raw mut TYPEVARTUPLE_TYPE
        || t == &raw mut TYPEALIAS_TYPE
}

/// `a | b` for unionable operands (`type.__or__`, `TypeAliasType.__or__`);
/// NotImplemented otherwise.
pub unsafe extern "C" fn union_or(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    if !is_unionable(a) || !is_unionable(b) {
        return new_ref(not_implemented());
    }
    ret(make_union(&[a, b]))
}

/// `a | b` where one side is a union or a type parameter: any other operand
/// joins (as typing's `Union[a, b]` does).
pub unsafe extern "C" fn union_or_any(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    ret(make_union(&[a, b]))
}

unsafe extern "C" fn union_dealloc(o: *mut PyObject) {
    crate::gc::untrack(o);
    Py_XDECREF((*(o as *mut UnionObject)).args);
    crate::alloc::free_via_type(o);
}

unsafe extern "C" fn union_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let a = (*(o as *mut UnionObject)).args;
    if a.is_null() {
        0
    } else {
        visit(a, arg)
    }
}

/// `int | list[int] | None`: classes by (module-qualified) name, the rest by repr.
unsafe extern "C" fn union_repr(o: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let mut parts = Vec::new();
        for &a in args_of(o) {
            if a == (&raw mut crate::objects::none::PY_NONE_TYPE) as *mut PyObject {
                parts.push("None".to_string());
            } else if is_type(a) && Py_TYPE(a) != &raw mut Py_GenericAliasType {
                let t = a as *mut PyTypeObject;
                let m = Owned::from_new(module_name(t)).ok_or(())?;
                let m = unicode::to_string_lossy(m.as_ptr());
                let q = qual_name(t);
                parts.push(if m == "builtins" {
                    q.to_string()
                } else {
                    format!("{}.{}", m, q)
                });
            } else {
                let r = Owned::from_new(pobj::repr(a)).ok_or(())?;
                parts.push(unicode::to_string_lossy(r.as_ptr()));
            }
        }
        nonnull(unicode::from_str(&parts.join(" | ")))
    })())
}

/// The members as a frozenset (equality and hash ignore their order).
unsafe fn member_set(o: *mut PyObject) -> PyResult<Owned> {
    Owned::from_new(set::make(
        &raw mut PyFrozenSet_Type,
        (*(o as *mut UnionObject)).args,
    ))
    .ok_or(())
}

unsafe extern "C" fn union_richcompare(
    a: *mut PyObject,
    b: *mut PyObject,
    op: c_int,
) -> *mut PyObject {
    if !is_union(b) || (op != 2 && op != 3) {
        return new_ref(not_implemented());
    }
    ret((|| {
        let (x, y) = (member_set(a)?, member_set(b)?);
        nonnull(pobj::rich_compare(x.as_ptr(), y.as_ptr(), op))
    })())
}

unsafe extern "C" fn union_hash(o: *mut PyObject) -> Py_hash_t {
    match member_set(o) {
        Ok(s) => pobj::hash(s.as_ptr()),
        Err(()) => -1,
    }
}

/// `isinstance(x, A | B)` / `issubclass(C, A | B)`: against each member.
unsafe fn check_each(o: *mut PyObject, x: *mut PyObject, subclass: bool) -> *mut PyObject {
    for &a in args_of(o) {
        let r = if subclass {
            crate::protocols::objproto::is_subclass(x, a)
        } else {
            crate::protocols::objproto::is_instance(x, a)
        };
        if r < 0 {
            return null_mut();
        }
        if r > 0 {
            return new_ref(crate::objects::sequtil::bool_ref(true));
        }
    }
    new_ref(crate::objects::sequtil::bool_ref(false))
}

unsafe extern "C" fn union_instancecheck(o: *mut PyObject, x: *mut PyObject) -> *mut PyObject {
    check_each(o, x, false)
}

unsafe extern "C" fn union_subclasscheck(o: *mut PyObject, x: *mut PyObject) -> *mut PyObject {
    check_each(o, x, true)
}

/// `Union[X, Y, ...]`.
unsafe extern "C" fn union_class_getitem(
    _cls: *mut PyObject,
    params: *mut PyObject,
) -> *mut PyObject {
    if tuple::is_tuple(params) {
        ret(make_union(tuple::as_slice(params)))
    } else {
        ret(make_union(&[params]))
    }
}

unsafe extern "C" fn union_mro_entries(_o: *mut PyObject, _bases: *mut PyObject) -> *mut PyObject {
    crate::raise_null!(PyExc_TypeError, "Cannot subclass typing.Union")
}

unsafe extern "C" fn union_args(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    new_ref((*(o as *mut UnionObject)).args)
}

unsafe extern "C" fn union_origin(_o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    new_ref((&raw mut UNION_TYPE) as *mut PyObject)
}

/// The type parameters among the members, found as a generic alias finds them.
unsafe extern "C" fn union_parameters(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    ret((|| {
        let ga = Owned::from_new(crate::objects::genericalias::new(
            union_origin(o, null_mut()),
            (*(o as *mut UnionObject)).args,
        ))
        .ok_or(())?;
        nonnull(pobj::get_attr_str(ga.as_ptr(), "__parameters__"))
    })())
}

unsafe extern "C" fn union_name(_o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    unicode::from_str("Union")
}

static mut UNION_METHODS: [PyMethodDef; 5] = [
    crate::meth!(c"__instancecheck__", union_instancecheck, METH_O),
    crate::meth!(c"__subclasscheck__", union_subclasscheck, METH_O),
    crate::meth!(
        c"__class_getitem__",
        union_class_getitem,
        METH_O | METH_CLASS
    ),
    crate::meth!(c"__mro_entries__", union_mro_entries, METH_O),
    PyMethodDef::SENTINEL,
];

static mut UNION_GETSET: [PyGetSetDef; 6] = [
    getset!(c"__args__", union_args),
    getset!(c"__origin__", union_origin),
    getset!(c"__parameters__", union_parameters),
    getset!(c"__name__", union_name),
    getset!(c"__qualname__", union_name),
    PyGetSetDef::SENTINEL,
];

static mut UNION_NUMBER: PyNumberMethods = unsafe { core::mem::zeroed() };

/// `typing.Union`, filled in (lifecycle readies it).
pub unsafe fn static_types() -> Vec<*mut PyTypeObject> {
    let t = &raw mut UNION_TYPE;
    crate::objects::typeobject::init_builtin(
        t,
        c"typing.Union",
        core::mem::size_of::<UnionObject>(),
        0,
    );
    (*t).tp_flags |= Py_TPFLAGS_HAVE_GC;
    (*t).tp_dealloc = Some(union_dealloc);
    (*t).tp_traverse = Some(union_traverse);
    (*t).tp_repr = Some(union_repr);
    (*t).tp_richcompare = Some(union_richcompare);
    (*t).tp_hash = Some(union_hash);
    (*t).tp_methods = (&raw mut UNION_METHODS).cast();
    (*t).tp_getset = (&raw mut UNION_GETSET).cast();
    UNION_NUMBER.nb_or = Some(union_or_any);
    (*t).tp_as_number = &raw mut UNION_NUMBER;
    (*t).tp_doc = c"Represent a union type\n\nE.g. for int | str".as_ptr();
    vec![t]
}
