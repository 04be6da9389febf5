//! `_weakref`: `ref`, `proxy`, the weak reference types (`objects/weakref.rs`)
//! and the introspection functions `weakref.py` builds on.

use crate::defs::*;
use crate::exported::*;
use crate::modules::{add_type, check_positional, ret};
use crate::object::*;
use crate::objects::sequtil::fastcall_args;
use crate::objects::typeobject::type_name;
use crate::objects::{dict, list, long, weakref};

crate::native_module!(
    c"_weakref",
    c"Weak-reference support module.",
    exec,
    [
        crate::func!(c"getweakrefcount", getweakrefcount, METH_O, c"getweakrefcount($module, object, /)\n--\n\nReturn the number of weak references to 'object'."),
        crate::func!(c"getweakrefs", getweakrefs, METH_O, c"getweakrefs($module, object, /)\n--\n\nReturn a list of all weak reference objects pointing to 'object'."),
        crate::func!(c"proxy", proxy, METH_FASTCALL, c"proxy($module, object, callback=None, /)\n--\n\nCreate a proxy object that weakly references 'object'."),
        crate::func!(c"_remove_dead_weakref", remove_dead_weakref, METH_FASTCALL, c"_remove_dead_weakref($module, dct, key, /)\n--\n\nAtomically remove key from dict if it points to a dead weakref."),
    ]
);

unsafe fn exec(m: *mut PyObject) -> PyResult<()> {
    add_type(m, "ref", &raw mut _PyWeakref_RefType)?;
    add_type(m, "ReferenceType", &raw mut _PyWeakref_RefType)?;
    add_type(m, "ProxyType", &raw mut _PyWeakref_ProxyType)?;
    add_type(
        m,
        "CallableProxyType",
        &raw mut _PyWeakref_CallableProxyType,
    )
}

unsafe extern "C" fn getweakrefcount(_m: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
    long::from_i64(weakref::refs_to(o).len() as i64)
}

unsafe extern "C" fn getweakrefs(_m: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
    let refs = weakref::refs_to(o);
    let ptrs: Vec<*mut PyObject> = refs.iter().map(Owned::as_ptr).collect();
    list::from_slice(&ptrs)
}

unsafe extern "C" fn proxy(
    _m: *mut PyObject,
    args: *const *mut PyObject,
    n: Py_ssize_t,
) -> *mut PyObject {
    ret((|| {
        check_positional("proxy", n as usize, 1, 2)?;
        let a = fastcall_args(args, n);
        let callback = if a.len() == 2 { a[1] } else { none() };
        nonnull(weakref::new_proxy(a[0], callback))
    })())
}

/// Delete `dct[key]` if it is a dead weak reference (the callback of
/// `WeakValueDictionary`): a missing key is no error.
unsafe extern "C" fn remove_dead_weakref(
    _m: *mut PyObject,
    args: *const *mut PyObject,
    n: Py_ssize_t,
) -> *mut PyObject {
    ret((|| {
        check_positional("_remove_dead_weakref", n as usize, 2, 2)?;
        let a = fastcall_args(args, n);
        if !dict::is_dict(a[0]) {
            return crate::raise!(
                PyExc_TypeError,
                "_remove_dead_weakref() argument 1 must be dict, not {}",
                type_name(Py_TYPE(a[0]))
            );
        }
        let v = dict::get_item_ref(a[0], a[1])?;
        if !v.is_null() {
            let v = Owned(v);
            if !weakref::is_weakref(v.as_ptr()) {
                return crate::raise!(PyExc_TypeError, "not a weakref");
            }
            match Owned::from_new(weakref::get_ref(v.as_ptr())) {
                Some(_alive) => {}
                None => dict::del_item(a[0], a[1])?,
            }
        }
        Ok(new_ref(none()))
    })())
}
