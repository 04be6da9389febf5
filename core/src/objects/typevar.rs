//! The objects of PEP 695 type parameters: `TypeVar`, `ParamSpec`, `TypeVarTuple`, `TypeAliasType`, `Generic`.
//!
//! The interpreter creates them through these functions (`CALL_INTRINSIC_*`).

use crate::object::PyObject;

macro_rules! pending {
    ($($(#[doc = $d:literal])* $name:ident($($a:ident),*);)*) => {$(
        $(#[doc = $d])*
        pub unsafe fn $name($($a: *mut PyObject),*) -> *mut PyObject {
            let _ = ($($a,)*);
            crate::raise_null!(PyExc_SystemError, "type parameters are not written yet")
        }
    )*};
}

pending! {
    /// `INTRINSIC_TYPEVAR`: `TypeVar(name)`.
    typevar(name);
    /// `INTRINSIC_TYPEVAR_WITH_BOUND`: the bound is a lazily evaluated function.
    typevar_with_bound(name, evaluate_bound);
    /// `INTRINSIC_TYPEVAR_WITH_CONSTRAINTS`: the constraints are a lazily
    /// evaluated function returning a tuple.
    typevar_with_constraints(name, evaluate_constraints);
    /// `INTRINSIC_PARAMSPEC`
    paramspec(name);
    /// `INTRINSIC_TYPEVARTUPLE`
    typevartuple(name);
    /// `INTRINSIC_SET_TYPEPARAM_DEFAULT`: (type param, evaluate_default) -> param.
    set_typeparam_default(param, evaluate_default);
    /// `INTRINSIC_SUBSCRIPT_GENERIC`: `Generic[*params]`.
    subscript_generic(params);
    /// `INTRINSIC_TYPEALIAS`: args is the tuple (name, type_params or None,
    /// compute_value function).
    typealias(args);
}

pub unsafe fn static_types() -> Vec<*mut crate::typeobj::PyTypeObject> {
    Vec::new()
}
