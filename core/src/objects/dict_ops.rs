//! The methods, constructor and operators of `dict` (the table itself is in
//! `dict.rs`). Everything here goes through `dict.rs`'s locked primitives, so no
//! lock is held while Python-level code runs.

use core::ffi::c_int;
use core::ptr::null_mut;

use crate::alloc;
use crate::defs::*;
use crate::exported::*;
use crate::object::*;
use crate::objects::dict::{self, is_dict};
use crate::objects::sequtil::*;
use crate::objects::{dictviews, list_ops, tuple};
use crate::protocols;
use crate::typeobj::*;

/// `PyDict_Keys`.
pub unsafe fn keys_list(o: *mut PyObject) -> *mut PyObject {
    let v = dict::snapshot(o);
    let mut out = Vec::with_capacity(v.len());
    for (k, val) in v {
        Py_DECREF(val);
        out.push(Owned(k));
    }
    list_ops::from_owned(out)
}

/// `PyDict_Values`.
pub unsafe fn values_list(o: *mut PyObject) -> *mut PyObject {
    let v = dict::snapshot(o);
    let mut out = Vec::with_capacity(v.len());
    for (k, val) in v {
        Py_DECREF(k);
        out.push(Owned(val));
    }
    list_ops::from_owned(out)
}

/// `PyDict_Items`.
pub unsafe fn items_list(o: *mut PyObject) -> *mut PyObject {
    let v = dict::snapshot(o);
    let mut out = Vec::with_capacity(v.len());
    let mut failed = false;
    for (k, val) in v {
        if !failed {
            let t = tuple::pack(&[k, val]);
            if t.is_null() {
                failed = true;
            } else {
                out.push(Owned(t));
            }
        }
        Py_DECREF(k);
        Py_DECREF(val);
    }
    if failed {
        return null_mut();
    }
    list_ops::from_owned(out)
}

/// `PyDict_MergeFromSeq2`: each item a 2-sequence `(key, value)`.
pub unsafe fn merge_from_seq2(
    d: *mut PyObject,
    seq: *mut PyObject,
    override_: bool,
) -> PyResult<()> {
    let it = Owned::from_new(protocols::iter::get_iter(seq)).ok_or(())?;
    let mut i: usize = 0;
    loop {
        let item = protocols::iter::next(it.as_ptr());
        if item.is_null() {
            return if crate::errors::raised().is_null() {
                Ok(())
            } else {
                Err(())
            };
        }
        let item = Owned(item);
        let fast = protocols::sequence::fast(item.as_ptr(), "");
        if fast.is_null() {
            let te = crate::objects::exceptions::exc(&raw mut PyExc_TypeError);
            if crate::errors::exception_matches(te) {
                crate::errors::clear();
                return crate::raise!(PyExc_TypeError, "object is not iterable");
            }
            return Err(());
        }
        let fast = Owned(fast);
        let pair: Vec<Owned> = list_ops::items_of(fast.as_ptr())?;
        if pair.len() != 2 {
            return crate::raise!(
                PyExc_ValueError,
                "dictionary update sequence element #{} has length {}; 2 is required",
                i,
                pair.len()
            );
        }
        if override_ || !dict::contains(d, pair[0].as_ptr())? {
            dict::set_item(d, pair[0].as_ptr(), pair[1].as_ptr())?;
        }
        i += 1;
    }
}

/// `dict.update(arg)`'s positional part: a dict, a mapping with `keys()`, or an
/// iterable of pairs.
pub unsafe fn update_arg(d: *mut PyObject, arg: *mut PyObject) -> PyResult<()> {
    if is_dict(arg) {
        return dict::merge(d, arg, true);
    }
    let keys =
        protocols::object::get_optional_attr(arg, crate::objects::unicode::intern_str("keys"))?;
    if !keys.is_null() {
        Py_DECREF(keys);
        return dict::merge(d, arg, true);
    }
    merge_from_seq2(d, arg, true)
}

unsafe fn update_common(
    d: *mut PyObject,
    name: &str,
    args: *mut PyObject,
    kw: *mut PyObject,
) -> PyResult<()> {
    let a = args_slice(args);
    check_positional(name, a.len(), 0, 1)?;
    if a.len() == 1 {
        update_arg(d, a[0])?;
    }
    if !kw.is_null() && dict::len(kw) > 0 {
        dict::merge(d, kw, true)?;
    }
    Ok(())
}

unsafe extern "C" fn m_update(
    o: *mut PyObject,
    args: *mut PyObject,
    kw: *mut PyObject,
) -> *mut PyObject {
    res_none(update_common(o, "update", args, kw))
}

unsafe extern "C" fn m_get(
    o: *mut PyObject,
    args: *const *mut PyObject,
    n: Py_ssize_t,
) -> *mut PyObject {
    let a = fastcall_args(args, n);
    if check_positional("get", a.len(), 1, 2).is_err() {
        return null_mut();
    }
    match dict::get_item_ref(o, a[0]) {
        Err(()) => null_mut(),
        Ok(v) if !v.is_null() => v,
        Ok(_) => new_ref(if a.len() == 2 { a[1] } else { none() }),
    }
}

/// `PyDict_SetDefaultRef`: 1 and the present value, or 0 and `default` inserted.
pub unsafe fn set_default_ref(
    d: *mut PyObject,
    key: *mut PyObject,
    default: *mut PyObject,
) -> PyResult<(c_int, *mut PyObject)> {
    loop {
        let v = dict::get_item_ref(d, key)?;
        if !v.is_null() {
            return Ok((1, v));
        }
        // Insert only if still missing (another thread may have won).
        if dict::insert_if_absent(d, key, default)? {
            return Ok((0, new_ref(default)));
        }
    }
}

unsafe extern "C" fn m_setdefault(
    o: *mut PyObject,
    args: *const *mut PyObject,
    n: Py_ssize_t,
) -> *mut PyObject {
    let a = fastcall_args(args, n);
    if check_positional("setdefault", a.len(), 1, 2).is_err() {
        return null_mut();
    }
    let dflt = if a.len() == 2 { a[1] } else { none() };
    match set_default_ref(o, a[0], dflt) {
        Ok((_, v)) => v,
        Err(()) => null_mut(),
    }
}

unsafe extern "C" fn m_pop(
    o: *mut PyObject,
    args: *const *mut PyObject,
    n: Py_ssize_t,
) -> *mut PyObject {
    let a = fastcall_args(args, n);
    if check_positional("pop", a.len(), 1, 2).is_err() {
        return null_mut();
    }
    if dict::len(o) == 0 {
        if a.len() == 2 {
            return new_ref(a[1]);
        }
        crate::objects::exceptions::raise_key_error(a[0]);
        return null_mut();
    }
    match dict::pop_item(o, a[0]) {
        Err(()) => null_mut(),
        Ok(Some(v)) => v,
        Ok(None) => {
            if a.len() == 2 {
                new_ref(a[1])
            } else {
                crate::objects::exceptions::raise_key_error(a[0]);
                null_mut()
            }
        }
    }
}

unsafe extern "C" fn m_popitem(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    match dict::pop_last(o) {
        None => {
            let k = crate::objects::unicode::from_str("popitem(): dictionary is empty");
            if !k.is_null() {
                crate::objects::exceptions::raise_key_error(k);
                Py_DECREF(k);
            }
            null_mut()
        }
        Some((k, v)) => {
            let t = tuple::pack(&[k, v]);
            Py_DECREF(k);
            Py_DECREF(v);
            t
        }
    }
}

unsafe extern "C" fn m_copy(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    dict::copy(o)
}

unsafe extern "C" fn m_clear(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    dict::clear(o);
    none()
}

unsafe extern "C" fn m_contains(o: *mut PyObject, k: *mut PyObject) -> *mut PyObject {
    match dict::contains(o, k) {
        Ok(b) => bool_ref(b),
        Err(()) => null_mut(),
    }
}

unsafe extern "C" fn m_keys(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    dictviews::new_view(o, &raw mut PyDictKeys_Type)
}

unsafe extern "C" fn m_values(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    dictviews::new_view(o, &raw mut PyDictValues_Type)
}

unsafe extern "C" fn m_items(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    dictviews::new_view(o, &raw mut PyDictItems_Type)
}

unsafe extern "C" fn m_reversed(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    dictviews::new_iter(o, &raw mut PyDictRevIterKey_Type)
}

unsafe extern "C" fn m_fromkeys(
    cls: *mut PyObject,
    args: *const *mut PyObject,
    n: Py_ssize_t,
) -> *mut PyObject {
    let a = fastcall_args(args, n);
    if check_positional("fromkeys", a.len(), 1, 2).is_err() {
        return null_mut();
    }
    let value = if a.len() == 2 { a[1] } else { none() };
    let d = protocols::call::call_function(cls, &[]);
    if d.is_null() {
        return d;
    }
    let d = Owned(d);
    let Ok(keys) = list_ops::items_of(a[0]) else {
        return null_mut();
    };
    for k in keys {
        let r = if is_dict(d.as_ptr()) {
            dict::set_item(d.as_ptr(), k.as_ptr(), value)
        } else {
            protocols::mapping::set_item(d.as_ptr(), k.as_ptr(), value)
        };
        if r.is_err() {
            return null_mut();
        }
    }
    d.into_ptr()
}

unsafe extern "C" fn m_getitem(o: *mut PyObject, k: *mut PyObject) -> *mut PyObject {
    dict::dict_subscript(o, k)
}

pub static mut DICT_METHODS: [PyMethodDef; 16] = [
    crate::meth!(c"__contains__", m_contains, METH_O | METH_COEXIST),
    crate::meth!(c"__getitem__", m_getitem, METH_O | METH_COEXIST),
    crate::meth!(c"__reversed__", m_reversed, METH_NOARGS),
    crate::meth!(c"keys", m_keys, METH_NOARGS),
    crate::meth!(c"items", m_items, METH_NOARGS),
    crate::meth!(c"values", m_values, METH_NOARGS),
    crate::meth!(c"get", m_get, METH_FASTCALL),
    crate::meth!(c"setdefault", m_setdefault, METH_FASTCALL),
    crate::meth!(c"pop", m_pop, METH_FASTCALL),
    crate::meth!(c"popitem", m_popitem, METH_NOARGS),
    crate::meth!(c"update", m_update, METH_VARARGS | METH_KEYWORDS),
    crate::meth!(c"fromkeys", m_fromkeys, METH_FASTCALL | METH_CLASS),
    crate::meth!(c"clear", m_clear, METH_NOARGS),
    crate::meth!(c"copy", m_copy, METH_NOARGS),
    SENTINEL,
    SENTINEL,
];

// ---- constructor, operators, iteration -------------------------------------------

pub unsafe extern "C" fn dict_new(
    t: *mut PyTypeObject,
    _args: *mut PyObject,
    _kw: *mut PyObject,
) -> *mut PyObject {
    if t == &raw mut PyDict_Type {
        return dict::new();
    }
    let alloc = (*t).tp_alloc.unwrap_or(alloc::generic_alloc_slot);
    let op = alloc(t, 0);
    if !op.is_null() {
        dict::init_in_place(op);
    }
    op
}

pub unsafe extern "C" fn dict_init(
    o: *mut PyObject,
    args: *mut PyObject,
    kw: *mut PyObject,
) -> c_int {
    res_int(update_common(o, "dict", args, kw))
}

pub unsafe extern "C" fn dict_or(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    if !is_dict(a) || !is_dict(b) {
        return new_ref(not_implemented());
    }
    let n = dict::copy(a);
    if n.is_null() {
        return n;
    }
    if dict::merge(n, b, true).is_err() {
        Py_DECREF(n);
        return null_mut();
    }
    n
}

pub unsafe extern "C" fn dict_ior(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    if update_arg(a, b).is_err() {
        return null_mut();
    }
    new_ref(a)
}

pub unsafe extern "C" fn dict_iter(o: *mut PyObject) -> *mut PyObject {
    dictviews::new_iter(o, &raw mut PyDictIterKey_Type)
}

pub static DICT_AS_NUMBER: PyNumberMethods = PyNumberMethods {
    nb_or: Some(dict_or),
    nb_inplace_or: Some(dict_ior),
    ..PyNumberMethods::EMPTY
};

/// Fill the slots of `dict` that live here.
pub unsafe fn init_dict_slots(t: *mut PyTypeObject) {
    (*t).tp_new = Some(dict_new);
    (*t).tp_init = Some(dict_init);
    (*t).tp_iter = Some(dict_iter);
    (*t).tp_as_number = &raw const DICT_AS_NUMBER as *mut _;
    (*t).tp_methods = (&raw mut DICT_METHODS).cast();
}
