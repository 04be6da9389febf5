//! Dict views (`keys()`, `values()`, `items()`), the six dict iterators, and
//! `mappingproxy` (`PyDictProxy_New`).

use core::ffi::{c_int, c_void};
use core::ptr::null_mut;

use crate::alloc;
use crate::defs::*;
use crate::exported::*;
use crate::lock::RawLock;
use crate::object::*;
use crate::objects::sequtil::*;
use crate::objects::{dict, list_ops, set, tuple, unicode};
use crate::protocols;
use crate::typeobj::*;

// ---- iterators ------------------------------------------------------------------

#[repr(C)]
pub struct DictIterObject {
    pub ob_base: PyObject,
    pub lock: RawLock,
    /// NULL once exhausted.
    pub dict: *mut PyObject,
    /// Next position in the dense entry array (reverse: counts down, -1 = done).
    pub pos: isize,
    /// The dict's size when iteration started (-1 after a size change).
    pub used: isize,
    /// Items still expected (a key swap at the same size shows up as an extra one).
    pub remaining: isize,
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Keys,
    Values,
    Items,
}

unsafe fn iter_kind(t: *mut PyTypeObject) -> (Kind, bool) {
    if t == &raw mut PyDictIterKey_Type {
        (Kind::Keys, false)
    } else if t == &raw mut PyDictIterValue_Type {
        (Kind::Values, false)
    } else if t == &raw mut PyDictIterItem_Type {
        (Kind::Items, false)
    } else if t == &raw mut PyDictRevIterKey_Type {
        (Kind::Keys, true)
    } else if t == &raw mut PyDictRevIterValue_Type {
        (Kind::Values, true)
    } else {
        (Kind::Items, true)
    }
}

/// A new iterator of type `t` (one of the six dict iterator types) over `d`.
pub unsafe fn new_iter(d: *mut PyObject, t: *mut PyTypeObject) -> *mut PyObject {
    let (_, rev) = iter_kind(t);
    let (used, n, _) = dict::entry_at(d, usize::MAX);
    let op = alloc::new_object(
        t,
        DictIterObject {
            ob_base: PyObject {
                ob_refcnt: 1,
                ob_type: null_mut(),
            },
            lock: RawLock::new(),
            dict: d,
            pos: if rev { n as isize - 1 } else { 0 },
            used: used as isize,
            remaining: used as isize,
        },
    );
    if op.is_null() {
        return null_mut();
    }
    Py_INCREF(d);
    crate::gc::track(op as *mut PyObject);
    op as *mut PyObject
}

unsafe extern "C" fn dictiter_next(o: *mut PyObject) -> *mut PyObject {
    let it = &mut *(o as *mut DictIterObject);
    let (kind, rev) = iter_kind(Py_TYPE(o));
    it.lock.lock();
    let d = it.dict;
    if d.is_null() {
        it.lock.unlock();
        return null_mut();
    }
    loop {
        if it.pos < 0 {
            it.dict = null_mut();
            it.lock.unlock();
            Py_DECREF(d);
            return null_mut();
        }
        let (used, _n, r) = dict::entry_at(d, it.pos as usize);
        if used as isize != it.used {
            it.used = -1;
            it.lock.unlock();
            if let Some(Some((k, v))) = r {
                Py_DECREF(k);
                Py_DECREF(v);
            }
            return crate::raise_null!(
                PyExc_RuntimeError,
                "dictionary changed size during iteration"
            );
        }
        match r {
            None => {
                it.dict = null_mut();
                it.lock.unlock();
                Py_DECREF(d);
                return null_mut();
            }
            Some(None) => {
                it.pos += if rev { -1 } else { 1 };
            }
            Some(Some((k, v))) => {
                it.pos += if rev { -1 } else { 1 };
                if it.remaining <= 0 {
                    it.dict = null_mut();
                    it.lock.unlock();
                    Py_DECREF(d);
                    Py_DECREF(k);
                    Py_DECREF(v);
                    return crate::raise_null!(
                        PyExc_RuntimeError,
                        "dictionary keys changed during iteration"
                    );
                }
                it.remaining -= 1;
                it.lock.unlock();
                return match kind {
                    Kind::Keys => {
                        Py_DECREF(v);
                        k
                    }
                    Kind::Values => {
                        Py_DECREF(k);
                        v
                    }
                    Kind::Items => {
                        let t = tuple::pack(&[k, v]);
                        Py_DECREF(k);
                        Py_DECREF(v);
                        t
                    }
                };
            }
        }
    }
}

unsafe extern "C" fn dictiter_dealloc(o: *mut PyObject) {
    crate::gc::untrack(o);
    Py_XDECREF((*(o as *mut DictIterObject)).dict);
    alloc::free_via_type(o);
}

unsafe extern "C" fn dictiter_traverse(
    o: *mut PyObject,
    visit: visitproc,
    arg: *mut c_void,
) -> c_int {
    let d = (*(o as *mut DictIterObject)).dict;
    if d.is_null() {
        0
    } else {
        visit(d, arg)
    }
}

unsafe extern "C" fn dictiter_len(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    let it = &*(o as *mut DictIterObject);
    it.lock.lock();
    let d = it.dict;
    let mut n = 0i64;
    let mut drop_later: Vec<*mut PyObject> = Vec::new();
    if !d.is_null() && it.used >= 0 {
        // Count the live entries still ahead.
        let (kind_rev, pos) = (iter_kind(Py_TYPE(o)).1, it.pos);
        let (_, total, _) = dict::entry_at(d, usize::MAX);
        let range: Box<dyn Iterator<Item = isize>> = if kind_rev {
            Box::new((0..=pos).rev())
        } else {
            Box::new(pos..total as isize)
        };
        for i in range {
            if i < 0 {
                break;
            }
            if let (_, _, Some(Some((k, v)))) = dict::entry_at(d, i as usize) {
                n += 1;
                drop_later.push(k);
                drop_later.push(v);
            }
        }
    }
    it.lock.unlock();
    for x in drop_later {
        Py_DECREF(x);
    }
    crate::objects::long::from_i64(n)
}

static mut DICTITER_METHODS: [PyMethodDef; 2] = [
    crate::meth!(c"__length_hint__", dictiter_len, METH_NOARGS),
    SENTINEL,
];

// ---- views ------------------------------------------------------------------------

#[repr(C)]
pub struct DictViewObject {
    pub ob_base: PyObject,
    pub dict: *mut PyObject,
}

/// A new view of type `t` over `d`.
pub unsafe fn new_view(d: *mut PyObject, t: *mut PyTypeObject) -> *mut PyObject {
    if !dict::is_dict(d) {
        crate::errors::bad_internal_call();
        return null_mut();
    }
    let op = alloc::new_object(
        t,
        DictViewObject {
            ob_base: PyObject {
                ob_refcnt: 1,
                ob_type: null_mut(),
            },
            dict: d,
        },
    );
    if op.is_null() {
        return null_mut();
    }
    Py_INCREF(d);
    crate::gc::track(op as *mut PyObject);
    op as *mut PyObject
}

#[inline]
unsafe fn vd(o: *mut PyObject) -> *mut PyObject {
    (*(o as *mut DictViewObject)).dict
}

/// Is `o` a keys or items view (the set-like ones)?
pub unsafe fn is_set_view(o: *mut PyObject) -> bool {
    let t = Py_TYPE(o);
    t == &raw mut PyDictKeys_Type || t == &raw mut PyDictItems_Type
}

unsafe extern "C" fn view_dealloc(o: *mut PyObject) {
    crate::gc::untrack(o);
    Py_XDECREF(vd(o));
    alloc::free_via_type(o);
}

unsafe extern "C" fn view_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let d = vd(o);
    if d.is_null() {
        0
    } else {
        visit(d, arg)
    }
}

unsafe extern "C" fn view_len(o: *mut PyObject) -> Py_ssize_t {
    dict::len(vd(o))
}

unsafe fn view_iter_type(o: *mut PyObject, rev: bool) -> *mut PyTypeObject {
    let t = Py_TYPE(o);
    match (
        t == &raw mut PyDictKeys_Type,
        t == &raw mut PyDictValues_Type,
        rev,
    ) {
        (true, _, false) => &raw mut PyDictIterKey_Type,
        (true, _, true) => &raw mut PyDictRevIterKey_Type,
        (_, true, false) => &raw mut PyDictIterValue_Type,
        (_, true, true) => &raw mut PyDictRevIterValue_Type,
        (_, _, false) => &raw mut PyDictIterItem_Type,
        (_, _, true) => &raw mut PyDictRevIterItem_Type,
    }
}

unsafe extern "C" fn view_iter(o: *mut PyObject) -> *mut PyObject {
    new_iter(vd(o), view_iter_type(o, false))
}

unsafe extern "C" fn view_reversed(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    new_iter(vd(o), view_iter_type(o, true))
}

unsafe extern "C" fn keys_contains(o: *mut PyObject, k: *mut PyObject) -> c_int {
    match dict::contains(vd(o), k) {
        Ok(b) => b as c_int,
        Err(()) => -1,
    }
}

unsafe extern "C" fn items_contains(o: *mut PyObject, x: *mut PyObject) -> c_int {
    if !tuple::is_tuple(x) || Py_SIZE(x) != 2 {
        return 0;
    }
    let (k, v) = (tuple::get_item(x, 0), tuple::get_item(x, 1));
    match dict::get_item_ref(vd(o), k) {
        Err(()) => -1,
        Ok(found) if found.is_null() => 0,
        Ok(found) => {
            let r = protocols::object::rich_compare_bool(found, v, 2);
            Py_DECREF(found);
            r
        }
    }
}

unsafe extern "C" fn view_repr(o: *mut PyObject) -> *mut PyObject {
    let name = crate::objects::typeobject::short_name(Py_TYPE(o)).to_string();
    let Some(guard) = protocols::object::ReprGuard::enter(o) else {
        return unicode::from_str("...");
    };
    let Ok(items) = list_ops::items_of(o) else {
        drop(guard);
        return null_mut();
    };
    let l = list_ops::from_owned(items);
    if l.is_null() {
        drop(guard);
        return l;
    }
    let r = protocols::object::repr(l);
    Py_DECREF(l);
    drop(guard);
    if r.is_null() {
        return r;
    }
    let s = format!("{}({})", name, unicode::to_string_lossy(r));
    Py_DECREF(r);
    unicode::from_str(&s)
}

/// Every item of `a` is in `b`.
unsafe fn all_contained_in(a: *mut PyObject, b: *mut PyObject) -> PyResult<bool> {
    let it = Owned::from_new(protocols::iter::get_iter(a)).ok_or(())?;
    loop {
        let x = protocols::iter::next(it.as_ptr());
        if x.is_null() {
            return if crate::errors::raised().is_null() {
                Ok(true)
            } else {
                Err(())
            };
        }
        let x = Owned(x);
        let r = protocols::sequence::contains(b, x.as_ptr());
        if r < 0 {
            return Err(());
        }
        if r == 0 {
            return Ok(false);
        }
    }
}

unsafe extern "C" fn view_richcompare(
    a: *mut PyObject,
    b: *mut PyObject,
    op: c_int,
) -> *mut PyObject {
    if !set::is_anyset(b) && !is_set_view(b) {
        return new_ref(not_implemented());
    }
    let la = protocols::sequence::object_size(a);
    let lb = protocols::sequence::object_size(b);
    if la < 0 || lb < 0 {
        return null_mut();
    }
    let r = match op {
        2 | 3 => {
            if la == lb {
                all_contained_in(a, b)
            } else {
                Ok(false)
            }
        }
        0 => {
            if la < lb {
                all_contained_in(a, b)
            } else {
                Ok(false)
            }
        }
        1 => {
            if la <= lb {
                all_contained_in(a, b)
            } else {
                Ok(false)
            }
        }
        4 => {
            if la > lb {
                all_contained_in(b, a)
            } else {
                Ok(false)
            }
        }
        _ => {
            if la >= lb {
                all_contained_in(b, a)
            } else {
                Ok(false)
            }
        }
    };
    match r {
        Ok(x) => new_ref(bool_ref(if op == 3 { !x } else { x })),
        Err(()) => null_mut(),
    }
}

unsafe fn set_of(o: *mut PyObject) -> *mut PyObject {
    set::make(&raw mut PySet_Type, o)
}

unsafe extern "C" fn view_or(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    let (a, b) = if is_set_view(a) { (a, b) } else { (b, a) };
    let r = set_of(a);
    if r.is_null() || set::update(r, b).is_ok() {
        return r;
    }
    Py_DECREF(r);
    null_mut()
}

unsafe extern "C" fn view_and(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    let (a, b) = if is_set_view(a) { (a, b) } else { (b, a) };
    let r = set_of(a);
    if r.is_null() {
        return r;
    }
    let x = set::intersection(r, b);
    Py_DECREF(r);
    x
}

unsafe extern "C" fn view_sub(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    let r = set_of(a);
    if r.is_null() || set::difference_update(r, b).is_ok() {
        return r;
    }
    Py_DECREF(r);
    null_mut()
}

unsafe extern "C" fn view_xor(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    let r = set_of(a);
    if r.is_null() || set::symmetric_difference_update(r, b).is_ok() {
        return r;
    }
    Py_DECREF(r);
    null_mut()
}

unsafe extern "C" fn view_isdisjoint(o: *mut PyObject, other: *mut PyObject) -> *mut PyObject {
    let it = protocols::iter::get_iter(other);
    if it.is_null() {
        return null_mut();
    }
    let it = Owned(it);
    loop {
        let x = protocols::iter::next(it.as_ptr());
        if x.is_null() {
            return if crate::errors::raised().is_null() {
                new_ref(py_true())
            } else {
                null_mut()
            };
        }
        let x = Owned(x);
        let r = protocols::sequence::contains(o, x.as_ptr());
        if r < 0 {
            return null_mut();
        }
        if r > 0 {
            return new_ref(py_false());
        }
    }
}

static KEYS_AS_SEQUENCE: PySequenceMethods = PySequenceMethods {
    sq_length: Some(view_len),
    sq_contains: Some(keys_contains),
    ..PySequenceMethods::EMPTY
};

static ITEMS_AS_SEQUENCE: PySequenceMethods = PySequenceMethods {
    sq_length: Some(view_len),
    sq_contains: Some(items_contains),
    ..PySequenceMethods::EMPTY
};

static VALUES_AS_SEQUENCE: PySequenceMethods = PySequenceMethods {
    sq_length: Some(view_len),
    ..PySequenceMethods::EMPTY
};

static VIEW_AS_NUMBER: PyNumberMethods = PyNumberMethods {
    nb_subtract: Some(view_sub),
    nb_and: Some(view_and),
    nb_xor: Some(view_xor),
    nb_or: Some(view_or),
    ..PyNumberMethods::EMPTY
};

unsafe extern "C" fn view_mapping(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    new_mappingproxy(vd(o))
}

static mut VIEW_GETSET: [PyGetSetDef; 2] = [
    PyGetSetDef {
        name: c"mapping".as_ptr(),
        get: Some(view_mapping),
        set: None,
        doc: c"dictionary that this view refers to".as_ptr(),
        closure: null_mut(),
    },
    PyGetSetDef {
        name: core::ptr::null(),
        get: None,
        set: None,
        doc: core::ptr::null(),
        closure: null_mut(),
    },
];

static mut SETVIEW_METHODS: [PyMethodDef; 3] = [
    crate::meth!(c"isdisjoint", view_isdisjoint, METH_O),
    crate::meth!(c"__reversed__", view_reversed, METH_NOARGS),
    SENTINEL,
];

static mut VALUES_METHODS: [PyMethodDef; 2] = [
    crate::meth!(c"__reversed__", view_reversed, METH_NOARGS),
    SENTINEL,
];

// ---- mappingproxy -------------------------------------------------------------------

#[repr(C)]
pub struct MappingProxyObject {
    pub ob_base: PyObject,
    pub mapping: *mut PyObject,
}

#[inline]
unsafe fn pm(o: *mut PyObject) -> *mut PyObject {
    (*(o as *mut MappingProxyObject)).mapping
}

unsafe fn proxy_check(mapping: *mut PyObject) -> PyResult<()> {
    if !protocols::mapping::check(mapping)
        || crate::objects::list::is_list(mapping)
        || tuple::is_tuple(mapping)
    {
        return crate::raise!(
            PyExc_TypeError,
            "mappingproxy() argument must be a mapping, not {}",
            tname(mapping)
        );
    }
    Ok(())
}

/// `PyDictProxy_New`: a read-only view of `mapping`.
pub unsafe fn new_mappingproxy(mapping: *mut PyObject) -> *mut PyObject {
    if proxy_check(mapping).is_err() {
        return null_mut();
    }
    let op = alloc::new_object(
        &raw mut PyDictProxy_Type,
        MappingProxyObject {
            ob_base: PyObject {
                ob_refcnt: 1,
                ob_type: null_mut(),
            },
            mapping,
        },
    );
    if op.is_null() {
        return null_mut();
    }
    Py_INCREF(mapping);
    crate::gc::track(op as *mut PyObject);
    op as *mut PyObject
}

unsafe extern "C" fn proxy_new(
    _t: *mut PyTypeObject,
    args: *mut PyObject,
    kw: *mut PyObject,
) -> *mut PyObject {
    let a = args_slice(args);
    let mut mapping = if a.len() == 1 { a[0] } else { null_mut() };
    if !kw.is_null() && dict::len(kw) > 0 {
        let m = dict::get_str(kw, "mapping");
        if m.is_null() || dict::len(kw) != 1 || !mapping.is_null() {
            return crate::raise_null!(
                PyExc_TypeError,
                "mappingproxy() got an unexpected keyword argument"
            );
        }
        mapping = m;
    }
    if mapping.is_null() || a.len() > 1 {
        return crate::raise_null!(
            PyExc_TypeError,
            "mappingproxy() takes exactly one argument ({} given)",
            a.len() + nkw(kw) as usize
        );
    }
    new_mappingproxy(mapping)
}

unsafe extern "C" fn proxy_dealloc(o: *mut PyObject) {
    crate::gc::untrack(o);
    Py_XDECREF(pm(o));
    alloc::free_via_type(o);
}

unsafe extern "C" fn proxy_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    visit(pm(o), arg)
}

unsafe extern "C" fn proxy_len(o: *mut PyObject) -> Py_ssize_t {
    protocols::sequence::object_size(pm(o))
}

unsafe extern "C" fn proxy_getitem(o: *mut PyObject, k: *mut PyObject) -> *mut PyObject {
    protocols::mapping::get_item(pm(o), k)
}

unsafe extern "C" fn proxy_contains(o: *mut PyObject, k: *mut PyObject) -> c_int {
    let m = pm(o);
    if dict::is_dict_exact(m) {
        return match dict::contains(m, k) {
            Ok(b) => b as c_int,
            Err(()) => -1,
        };
    }
    protocols::sequence::contains(m, k)
}

unsafe extern "C" fn proxy_iter(o: *mut PyObject) -> *mut PyObject {
    protocols::iter::get_iter(pm(o))
}

unsafe extern "C" fn proxy_repr(o: *mut PyObject) -> *mut PyObject {
    let r = protocols::object::repr(pm(o));
    if r.is_null() {
        return r;
    }
    let s = format!("mappingproxy({})", unicode::to_string_lossy(r));
    Py_DECREF(r);
    unicode::from_str(&s)
}

unsafe extern "C" fn proxy_str(o: *mut PyObject) -> *mut PyObject {
    protocols::object::str(pm(o))
}

unsafe extern "C" fn proxy_richcompare(
    a: *mut PyObject,
    b: *mut PyObject,
    op: c_int,
) -> *mut PyObject {
    protocols::object::rich_compare(pm(a), b, op)
}

unsafe extern "C" fn proxy_or(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    let a = if Py_TYPE(a) == &raw mut PyDictProxy_Type {
        pm(a)
    } else {
        a
    };
    let b = if Py_TYPE(b) == &raw mut PyDictProxy_Type {
        pm(b)
    } else {
        b
    };
    let f = |x: *mut PyObject| {
        let nb = (*Py_TYPE(x)).tp_as_number;
        if nb.is_null() {
            None
        } else {
            (*nb).nb_or
        }
    };
    for (x, g) in [(a, f(a)), (b, f(b))] {
        let _ = x;
        if let Some(g) = g {
            let r = g(a, b);
            if r != not_implemented() {
                return r;
            }
            Py_DECREF(r);
        }
    }
    new_ref(not_implemented())
}

unsafe extern "C" fn proxy_ior(a: *mut PyObject, _b: *mut PyObject) -> *mut PyObject {
    crate::raise_null!(
        PyExc_TypeError,
        "'|=' is not supported by {}; use '|' instead",
        tname(a)
    )
}

unsafe fn proxy_call(o: *mut PyObject, name: &str, args: &[*mut PyObject]) -> *mut PyObject {
    protocols::call::call_method(pm(o), name, args).unwrap_or(null_mut())
}

unsafe extern "C" fn proxy_get(
    o: *mut PyObject,
    args: *const *mut PyObject,
    n: Py_ssize_t,
) -> *mut PyObject {
    let a = fastcall_args(args, n);
    if check_positional("get", a.len(), 1, 2).is_err() {
        return null_mut();
    }
    proxy_call(o, "get", a)
}

unsafe extern "C" fn proxy_keys(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    proxy_call(o, "keys", &[])
}
unsafe extern "C" fn proxy_values(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    proxy_call(o, "values", &[])
}
unsafe extern "C" fn proxy_items(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    proxy_call(o, "items", &[])
}
unsafe extern "C" fn proxy_copy(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    proxy_call(o, "copy", &[])
}
unsafe extern "C" fn proxy_reversed(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    proxy_call(o, "__reversed__", &[])
}

static mut PROXY_METHODS: [PyMethodDef; 7] = [
    crate::meth!(c"get", proxy_get, METH_FASTCALL),
    crate::meth!(c"keys", proxy_keys, METH_NOARGS),
    crate::meth!(c"values", proxy_values, METH_NOARGS),
    crate::meth!(c"items", proxy_items, METH_NOARGS),
    crate::meth!(c"copy", proxy_copy, METH_NOARGS),
    crate::meth!(c"__reversed__", proxy_reversed, METH_NOARGS),
    SENTINEL,
];

static PROXY_AS_MAPPING: PyMappingMethods = PyMappingMethods {
    mp_length: Some(proxy_len),
    mp_subscript: Some(proxy_getitem),
    mp_ass_subscript: None,
};

static PROXY_AS_SEQUENCE: PySequenceMethods = PySequenceMethods {
    sq_contains: Some(proxy_contains),
    ..PySequenceMethods::EMPTY
};

static PROXY_AS_NUMBER: PyNumberMethods = PyNumberMethods {
    nb_or: Some(proxy_or),
    nb_inplace_or: Some(proxy_ior),
    ..PyNumberMethods::EMPTY
};

pub unsafe fn init_types() {
    use crate::objects::typeobject::init_builtin;
    let iters: [(*mut PyTypeObject, &'static core::ffi::CStr); 6] = [
        (&raw mut PyDictIterKey_Type, c"dict_keyiterator"),
        (&raw mut PyDictIterValue_Type, c"dict_valueiterator"),
        (&raw mut PyDictIterItem_Type, c"dict_itemiterator"),
        (&raw mut PyDictRevIterKey_Type, c"dict_reversekeyiterator"),
        (
            &raw mut PyDictRevIterValue_Type,
            c"dict_reversevalueiterator",
        ),
        (&raw mut PyDictRevIterItem_Type, c"dict_reverseitemiterator"),
    ];
    for (t, name) in iters {
        init_builtin(t, name, core::mem::size_of::<DictIterObject>(), 0);
        (*t).tp_flags |= Py_TPFLAGS_HAVE_GC;
        (*t).tp_iter = Some(crate::objects::iterobject::self_iter);
        (*t).tp_iternext = Some(dictiter_next);
        (*t).tp_dealloc = Some(dictiter_dealloc);
        (*t).tp_traverse = Some(dictiter_traverse);
        (*t).tp_methods = (&raw mut DICTITER_METHODS).cast();
    }
    let views: [(
        *mut PyTypeObject,
        &'static core::ffi::CStr,
        *const PySequenceMethods,
    ); 3] = [
        (
            &raw mut PyDictKeys_Type,
            c"dict_keys",
            &raw const KEYS_AS_SEQUENCE,
        ),
        (
            &raw mut PyDictValues_Type,
            c"dict_values",
            &raw const VALUES_AS_SEQUENCE,
        ),
        (
            &raw mut PyDictItems_Type,
            c"dict_items",
            &raw const ITEMS_AS_SEQUENCE,
        ),
    ];
    for (t, name, sq) in views {
        init_builtin(t, name, core::mem::size_of::<DictViewObject>(), 0);
        (*t).tp_flags |= Py_TPFLAGS_HAVE_GC;
        (*t).tp_dealloc = Some(view_dealloc);
        (*t).tp_traverse = Some(view_traverse);
        (*t).tp_iter = Some(view_iter);
        (*t).tp_repr = Some(view_repr);
        (*t).tp_as_sequence = sq as *mut _;
        (*t).tp_getset = (&raw mut VIEW_GETSET).cast();
        if t == &raw mut PyDictValues_Type {
            (*t).tp_methods = (&raw mut VALUES_METHODS).cast();
        } else {
            (*t).tp_as_number = &raw const VIEW_AS_NUMBER as *mut _;
            (*t).tp_richcompare = Some(view_richcompare);
            (*t).tp_hash = Some(crate::objects::baseobject::hash_not_implemented);
            (*t).tp_methods = (&raw mut SETVIEW_METHODS).cast();
        }
    }
    let t = &raw mut PyDictProxy_Type;
    init_builtin(
        t,
        c"mappingproxy",
        core::mem::size_of::<MappingProxyObject>(),
        0,
    );
    (*t).tp_flags |= Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_MAPPING;
    (*t).tp_dealloc = Some(proxy_dealloc);
    (*t).tp_traverse = Some(proxy_traverse);
    (*t).tp_repr = Some(proxy_repr);
    (*t).tp_str = Some(proxy_str);
    (*t).tp_richcompare = Some(proxy_richcompare);
    (*t).tp_iter = Some(proxy_iter);
    (*t).tp_new = Some(proxy_new);
    (*t).tp_as_mapping = &raw const PROXY_AS_MAPPING as *mut _;
    (*t).tp_as_sequence = &raw const PROXY_AS_SEQUENCE as *mut _;
    (*t).tp_as_number = &raw const PROXY_AS_NUMBER as *mut _;
    (*t).tp_methods = (&raw mut PROXY_METHODS).cast();
}
