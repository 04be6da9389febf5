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
    add(m, "NoDefault", new_ref(no_default()))
}
