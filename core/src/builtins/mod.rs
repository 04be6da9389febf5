//! The `builtins` module (CPython's `Python/bltinmodule.c`): its functions and the
//! names of the built-in types and constants.
//!
//! `functions` holds the plain functions, `io` `print`/`input`/`open`, `eval`
//! `eval`/`exec`/`compile` and the namespace functions (`globals`, `locals`,
//! `vars`, `dir`); `args` parses keyword arguments as Argument Clinic does.

pub mod args;
mod eval;
mod functions;
mod io;

use crate::defs::PyMethodDef;
use crate::exported::*;
use crate::object::*;
use crate::objects::{dict, unicode};

/// Add a module's functions from a `PyMethodDef` table (ending with a NULL
/// name) to its dict `d`; `self_` is their `__self__`. Returns the functions.
pub unsafe fn add_functions(
    d: *mut PyObject,
    mut ml: *mut PyMethodDef,
    self_: *mut PyObject,
    modname: &str,
) -> PyResult<Vec<Owned>> {
    let modname = Owned(nonnull(unicode::from_str(modname))?);
    let mut added = Vec::new();
    while !(*ml).ml_name.is_null() {
        let f =
            crate::objects::methodobject::new(ml, self_, modname.as_ptr(), core::ptr::null_mut());
        let f = Owned(nonnull(f)?);
        let name = core::ffi::CStr::from_ptr((*ml).ml_name).to_string_lossy();
        dict::set_str(d, &name, f.as_ptr())?;
        added.push(f);
        ml = ml.add(1);
    }
    Ok(added)
}

/// Fill the `builtins` module's dict (the exceptions are already in it).
pub unsafe fn init(d: *mut PyObject) -> PyResult<()> {
    for table in [
        (&raw mut functions::METHODS).cast::<PyMethodDef>(),
        (&raw mut io::METHODS).cast(),
        (&raw mut eval::METHODS).cast(),
    ] {
        add_functions(d, table, core::ptr::null_mut(), "builtins")?;
    }
    for (name, v) in [
        ("None", none()),
        ("Ellipsis", ellipsis()),
        ("NotImplemented", not_implemented()),
        ("False", py_false()),
        ("True", py_true()),
        ("__debug__", py_bool(crate::pymain::optimize_level() == 0)),
    ] {
        dict::set_str(d, name, v)?;
    }
    let types: [(&str, *mut crate::typeobj::PyTypeObject); 24] = [
        ("bool", &raw mut PyBool_Type),
        ("memoryview", &raw mut PyMemoryView_Type),
        ("bytearray", &raw mut PyByteArray_Type),
        ("bytes", &raw mut PyBytes_Type),
        ("complex", &raw mut PyComplex_Type),
        ("dict", &raw mut PyDict_Type),
        ("enumerate", &raw mut PyEnum_Type),
        ("filter", &raw mut PyFilter_Type),
        ("float", &raw mut PyFloat_Type),
        ("frozenset", &raw mut PyFrozenSet_Type),
        ("property", &raw mut PyProperty_Type),
        ("int", &raw mut PyLong_Type),
        ("list", &raw mut PyList_Type),
        ("map", &raw mut PyMap_Type),
        ("object", &raw mut PyBaseObject_Type),
        ("range", &raw mut PyRange_Type),
        ("reversed", &raw mut PyReversed_Type),
        ("set", &raw mut PySet_Type),
        ("slice", &raw mut PySlice_Type),
        ("str", &raw mut PyUnicode_Type),
        ("super", &raw mut PySuper_Type),
        ("tuple", &raw mut PyTuple_Type),
        ("type", &raw mut PyType_Type),
        ("zip", &raw mut PyZip_Type),
    ];
    for (name, t) in types {
        dict::set_str(d, name, t as *mut PyObject)?;
    }
    for (k, v) in [("__name__", "builtins"), ("__package__", "")] {
        let s = unicode::from_str(v);
        nonnull(s)?;
        let s = Owned(s);
        dict::set_str(d, k, s.as_ptr())?;
    }
    Ok(())
}

/// This area's types, slot tables filled, bases first (`lifecycle` readies them).
pub unsafe fn static_types() -> Vec<*mut crate::typeobj::PyTypeObject> {
    Vec::new()
}
