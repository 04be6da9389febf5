//! Start-up and shut-down of the runtime (`Py_Initialize*`, `Py_FinalizeEx`).

use core::sync::atomic::{AtomicBool, Ordering};

use crate::exported::*;
use crate::object::*;
use crate::objects::*;
use crate::pystate;
use crate::typeobj::*;

static INITIALIZED: AtomicBool = AtomicBool::new(false);
static FINALIZING: AtomicBool = AtomicBool::new(false);

pub fn is_initialized() -> bool {
    INITIALIZED.load(Ordering::Acquire)
}

pub fn is_finalizing() -> bool {
    FINALIZING.load(Ordering::Acquire)
}

/// Names for exported type objects whose full implementation is still to come:
/// they are valid (non-instantiable) types meanwhile.
macro_rules! name_pending {
    ($($var:ident = $name:literal),* $(,)?) => {
        unsafe fn name_pending_types() {
            $(
                let t = &raw mut $var;
                if (*t).tp_name.is_null() {
                    typeobject::init_builtin(t, $name, core::mem::size_of::<PyObject>(), 0);
                    (*t).tp_flags |= Py_TPFLAGS_DISALLOW_INSTANTIATION;
                }
            )*
        }
    };
}

name_pending! {
    PyByteArrayIter_Type = c"bytearray_iterator", PyByteArray_Type = c"bytearray",
    PyBytesIter_Type = c"bytes_iterator", PyCapsule_Type = c"PyCapsule",
    PyComplex_Type = c"complex", PyDictItems_Type = c"dict_items",
    PyDictIterItem_Type = c"dict_itemiterator", PyDictIterKey_Type = c"dict_keyiterator",
    PyDictIterValue_Type = c"dict_valueiterator", PyDictKeys_Type = c"dict_keys",
    PyDictProxy_Type = c"mappingproxy", PyDictRevIterItem_Type = c"dict_reverseitemiterator",
    PyDictRevIterKey_Type = c"dict_reversekeyiterator", PyDictRevIterValue_Type = c"dict_reversevalueiterator",
    PyDictValues_Type = c"dict_values", PyEnum_Type = c"enumerate", PyFilter_Type = c"filter",
    PyFrozenSet_Type = c"frozenset", PyListIter_Type = c"list_iterator",
    PyListRevIter_Type = c"list_reverseiterator", PyLongRangeIter_Type = c"longrange_iterator",
    PyMap_Type = c"map", PyMemoryView_Type = c"memoryview", PyProperty_Type = c"property",
    PyRangeIter_Type = c"range_iterator", PyRange_Type = c"range", PyReversed_Type = c"reversed",
    PySetIter_Type = c"set_iterator", PySet_Type = c"set", PySlice_Type = c"slice",
    PySuper_Type = c"super", PyTraceBack_Type = c"traceback", PyTupleIter_Type = c"tuple_iterator",
    PyUnicodeIter_Type = c"str_ascii_iterator", PyWrapperDescr_Type = c"wrapper_descriptor",
    PyZip_Type = c"zip", Py_GenericAliasType = c"types.GenericAlias",
    _PyWeakref_CallableProxyType = c"weakref.CallableProxyType", _PyWeakref_ProxyType = c"weakref.ProxyType",
    _PyWeakref_RefType = c"weakref.ReferenceType",
}

/// Every static type, in an order where bases come first.
unsafe fn static_types() -> Vec<*mut PyTypeObject> {
    let mut v: Vec<*mut PyTypeObject> = vec![
        &raw mut PyBaseObject_Type,
        &raw mut PyType_Type,
        &raw mut none::PY_NONE_TYPE,
        &raw mut none::PY_NOTIMPLEMENTED_TYPE,
    ];
    macro_rules! push_all {
        ($($name:ident),*) => { $( v.push(&raw mut $name); )* };
    }
    crate::for_each_exported_type!(push_all);
    v
}

/// `Py_InitializeEx`: build the object world and attach the calling thread.
pub unsafe fn initialize() -> PyResult<()> {
    if INITIALIZED.load(Ordering::Acquire) {
        return Ok(());
    }
    // 1. Slot tables of the static types.
    baseobject::init_type();
    typeobject::init_type();
    none::init_types();
    long::init_type();
    boolobject::init_type();
    float::init_type();
    unicode::init_type();
    bytes::init_type();
    crate::objects::unicode_ops::init_type();
    crate::objects::bytearray::init_type();
    crate::objects::memoryview::init_type();
    tuple::init_type();
    list::init_type();
    dict::init_type();
    module::init_type();
    methodobject::init_type();
    descr::init_types();
    iterobject::init_types();
    name_pending_types();
    // 2. Immortal singletons.
    unicode::init_singletons();
    long::init_small_ints();
    tuple::init_empty();
    bytes::init_empty();
    // 3. The calling thread gets a state before anything can raise.
    let ts = pystate::gilstate_tstate();
    pystate::attach(ts);
    // 4. Type dicts, MROs and inherited slots.
    for t in static_types() {
        typeobject::ready(t)?;
    }
    exceptions::init_types();
    exceptions::ready_types()?;
    // 5. The modules every embedding expects.
    sysmodule::init()?;
    let builtins = module::new_str("builtins");
    nonnull(builtins)?;
    (*pystate::interp()).builtins = module::m(builtins).md_dict;
    Py_INCREF((*pystate::interp()).builtins);
    dict::set_str((*pystate::interp()).modules, "builtins", builtins)?;
    Py_DECREF(builtins);
    INITIALIZED.store(true, Ordering::Release);
    Ok(())
}

/// `Py_FinalizeEx`: run a last collection, flush, and detach. Objects stay alive
/// (extension modules may still hold pointers into them, as in CPython where
/// static types and interned strings outlive finalisation).
pub unsafe fn finalize() -> i32 {
    if !INITIALIZED.load(Ordering::Acquire) {
        return 0;
    }
    FINALIZING.store(true, Ordering::Release);
    crate::gc::collect();
    INITIALIZED.store(false, Ordering::Release);
    FINALIZING.store(false, Ordering::Release);
    pystate::detach();
    let _ = none();
    0
}
