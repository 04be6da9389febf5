//! Weak references: `_PyWeakref_RefType` (`weakref.ReferenceType`), the proxies
//! (`weakref.ProxyType`, `weakref.CallableProxyType`), callbacks.
//!
//! A referent's weak references form a doubly linked list whose head lives in the
//! referent at `tp_weaklistoffset`. Lists are guarded by striped locks chosen by
//! the referent's address (no global lock): a stripe is held only while links are
//! read or changed, never while a callback or other code runs.

use core::ffi::{c_int, c_void};
use core::ptr::null_mut;
use core::sync::atomic::{AtomicU32, Ordering};

use crate::defs::*;
use crate::exported::*;
use crate::lock::RawLock;
use crate::object::*;
use crate::objects::typeobject::{instance_of, tp_name, type_name};
use crate::protocols;
use crate::typeobj::*;

#[repr(C)]
pub struct WeakRefObject {
    pub ob_base: PyObject,
    /// The referent; `None` once it died.
    pub wr_object: *mut PyObject,
    pub wr_callback: *mut PyObject,
    pub hash: Py_hash_t,
    pub wr_prev: *mut WeakRefObject,
    pub wr_next: *mut WeakRefObject,
    pub vectorcall: Option<vectorcallfunc>,
}

const STRIPES: usize = 64;
static LOCKS: [RawLock; STRIPES] = [const { RawLock::new() }; STRIPES];

#[inline]
fn stripe(o: *mut PyObject) -> &'static RawLock {
    &LOCKS[((o as usize) >> 4) % STRIPES]
}

/// Increment `o`'s count unless it already reached zero (it is being destroyed).
pub unsafe fn try_incref(o: *mut PyObject) -> bool {
    let w = &*(o as *const AtomicU32);
    let mut cur = w.load(Ordering::Relaxed);
    loop {
        if (cur as i32) < 0 {
            return true; // immortal
        }
        if cur == 0 {
            return false;
        }
        match w.compare_exchange_weak(cur, cur + 1, Ordering::Acquire, Ordering::Relaxed) {
            Ok(_) => return true,
            Err(v) => cur = v,
        }
    }
}

#[inline]
unsafe fn w<'a>(o: *mut PyObject) -> &'a mut WeakRefObject {
    &mut *(o as *mut WeakRefObject)
}

/// The address of `o`'s list head, or NULL if its type has no weak references.
unsafe fn list_head(o: *mut PyObject) -> *mut *mut WeakRefObject {
    let t = Py_TYPE(o);
    let off = (*t).tp_weaklistoffset;
    if off <= 0 {
        return null_mut();
    }
    (o as *mut u8).offset(off) as *mut *mut WeakRefObject
}

#[inline]
pub unsafe fn is_ref(o: *mut PyObject) -> bool {
    instance_of(o, &raw mut _PyWeakref_RefType)
}

#[inline]
pub unsafe fn is_proxy(o: *mut PyObject) -> bool {
    let t = Py_TYPE(o);
    t == &raw mut _PyWeakref_ProxyType || t == &raw mut _PyWeakref_CallableProxyType
}

#[inline]
pub unsafe fn is_weakref(o: *mut PyObject) -> bool {
    is_ref(o) || is_proxy(o)
}

/// Can `o` be weakly referenced? TypeError if not.
unsafe fn check_referent(o: *mut PyObject) -> PyResult<*mut *mut WeakRefObject> {
    let h = list_head(o);
    if h.is_null() {
        return crate::raise!(
            PyExc_TypeError,
            "cannot create weak reference to '{}' object",
            type_name(Py_TYPE(o))
        );
    }
    Ok(h)
}

unsafe fn unlink_locked(head: *mut *mut WeakRefObject, r: *mut WeakRefObject) {
    if !(*r).wr_prev.is_null() {
        (*(*r).wr_prev).wr_next = (*r).wr_next;
    } else if *head == r {
        *head = (*r).wr_next;
    }
    if !(*r).wr_next.is_null() {
        (*(*r).wr_next).wr_prev = (*r).wr_prev;
    }
    (*r).wr_prev = null_mut();
    (*r).wr_next = null_mut();
}

unsafe fn alloc_ref(
    t: *mut PyTypeObject,
    ob: *mut PyObject,
    callback: *mut PyObject,
) -> *mut WeakRefObject {
    let r = crate::alloc::new_object(
        t,
        WeakRefObject {
            ob_base: PyObject {
                ob_refcnt: 1,
                ob_type: null_mut(),
            },
            wr_object: ob,
            wr_callback: callback,
            hash: -1,
            wr_prev: null_mut(),
            wr_next: null_mut(),
            vectorcall: if t == &raw mut _PyWeakref_RefType || is_subtype_of_ref(t) {
                Some(weakref_vectorcall)
            } else {
                None
            },
        },
    );
    if !r.is_null() {
        Py_XINCREF(callback);
        if has_flag(t, Py_TPFLAGS_HAVE_GC) {
            crate::gc::track(r as *mut PyObject);
        }
    }
    r
}

unsafe fn is_subtype_of_ref(t: *mut PyTypeObject) -> bool {
    crate::objects::typeobject::is_subtype(t, &raw mut _PyWeakref_RefType)
}

/// `PyWeakref_NewRef` (and `weakref.ref(ob, callback)` for exact refs).
pub unsafe fn new_ref_to(
    t: *mut PyTypeObject,
    ob: *mut PyObject,
    callback: *mut PyObject,
) -> *mut PyObject {
    let Ok(head) = check_referent(ob) else {
        return null_mut();
    };
    let callback = if callback == none() {
        null_mut()
    } else {
        callback
    };
    let lock = stripe(ob);
    if callback.is_null() && t == &raw mut _PyWeakref_RefType {
        // Reuse the basic reference, which is always first in the list.
        lock.lock();
        let first = *head;
        if !first.is_null()
            && Py_TYPE(first as *mut PyObject) == t
            && (*first).wr_callback.is_null()
            && try_incref(first as *mut PyObject)
        {
            lock.unlock();
            return first as *mut PyObject;
        }
        lock.unlock();
    }
    let r = alloc_ref(t, ob, callback);
    if r.is_null() {
        return null_mut();
    }
    insert(
        head,
        lock,
        r,
        callback.is_null() && t == &raw mut _PyWeakref_RefType,
    );
    r as *mut PyObject
}

unsafe fn insert(
    head: *mut *mut WeakRefObject,
    lock: &RawLock,
    r: *mut WeakRefObject,
    basic: bool,
) {
    lock.lock();
    let first = *head;
    if basic || first.is_null() {
        (*r).wr_next = first;
        if !first.is_null() {
            (*first).wr_prev = r;
        }
        *head = r;
    } else {
        // After the basic ref/proxy (if any), before the rest.
        let keep_first = Py_TYPE(first as *mut PyObject) == &raw mut _PyWeakref_RefType
            && (*first).wr_callback.is_null();
        if keep_first {
            (*r).wr_prev = first;
            (*r).wr_next = (*first).wr_next;
            if !(*first).wr_next.is_null() {
                (*(*first).wr_next).wr_prev = r;
            }
            (*first).wr_next = r;
        } else {
            (*r).wr_next = first;
            (*first).wr_prev = r;
            *head = r;
        }
    }
    lock.unlock();
}

/// `PyWeakref_NewProxy`.
pub unsafe fn new_proxy(ob: *mut PyObject, callback: *mut PyObject) -> *mut PyObject {
    let Ok(head) = check_referent(ob) else {
        return null_mut();
    };
    let callback = if callback == none() {
        null_mut()
    } else {
        callback
    };
    let t = if protocols::call::is_callable(ob) {
        &raw mut _PyWeakref_CallableProxyType
    } else {
        &raw mut _PyWeakref_ProxyType
    };
    let lock = stripe(ob);
    if callback.is_null() {
        lock.lock();
        let mut p = *head;
        while !p.is_null() {
            if Py_TYPE(p as *mut PyObject) == t
                && (*p).wr_callback.is_null()
                && try_incref(p as *mut PyObject)
            {
                lock.unlock();
                return p as *mut PyObject;
            }
            p = (*p).wr_next;
        }
        lock.unlock();
    }
    let r = alloc_ref(t, ob, callback);
    if r.is_null() {
        return null_mut();
    }
    insert(head, lock, r, false);
    r as *mut PyObject
}

/// The live weak references and proxies to `o`, newest first, as new
/// references (`_weakref.getweakrefs`; its length is `getweakrefcount`).
pub unsafe fn refs_to(o: *mut PyObject) -> Vec<Owned> {
    let head = list_head(o);
    if head.is_null() {
        return Vec::new();
    }
    let lock = stripe(o);
    lock.lock();
    let mut v = Vec::new();
    let mut p = *head;
    while !p.is_null() {
        if try_incref(p as *mut PyObject) {
            v.push(Owned(p as *mut PyObject));
        }
        p = (*p).wr_next;
    }
    lock.unlock();
    v
}

/// The referent if it is alive, as a new reference; NULL if dead.
pub unsafe fn get_ref(r: *mut PyObject) -> *mut PyObject {
    let obj = w(r).wr_object;
    if obj.is_null() || obj == none() {
        return null_mut();
    }
    let lock = stripe(obj);
    lock.lock();
    let cur = w(r).wr_object;
    let got = if cur == obj && try_incref(obj) {
        obj
    } else {
        null_mut()
    };
    lock.unlock();
    got
}

/// The referent (borrowed) or None (`PyWeakref_GetObject`).
pub unsafe fn get_object_borrowed(r: *mut PyObject) -> *mut PyObject {
    let o = get_ref(r);
    if o.is_null() {
        return none();
    }
    Py_DECREF(o);
    o
}

/// Clear every weak reference to `o` without calling their callbacks
/// (`PyUnstable_Object_ClearWeakRefsNoCallbacks`: `o` may still be alive).
pub unsafe fn clear_weakrefs_no_callbacks(o: *mut PyObject) {
    if o.is_null() {
        return;
    }
    let head = list_head(o);
    if head.is_null() {
        return;
    }
    let lock = stripe(o);
    let mut callbacks: Vec<*mut PyObject> = Vec::new();
    lock.lock();
    while !(*head).is_null() {
        let r = *head;
        unlink_locked(head, r);
        (*r).wr_object = none();
        if !(*r).wr_callback.is_null() {
            callbacks.push(core::mem::replace(&mut (*r).wr_callback, null_mut()));
        }
    }
    lock.unlock();
    // Dropping a callback may run arbitrary code: outside the stripe lock.
    for cb in callbacks {
        Py_DECREF(cb);
    }
}

/// Clear every weak reference to `o` and run their callbacks (`o` is about to
/// go away: its count is zero). `PyObject_ClearWeakRefs`.
pub unsafe fn clear_weakrefs_of(o: *mut PyObject) {
    if o.is_null() {
        return;
    }
    let head = list_head(o);
    if head.is_null() {
        return;
    }
    let lock = stripe(o);
    let mut pending: Vec<(*mut PyObject, *mut PyObject)> = Vec::new();
    lock.lock();
    while !(*head).is_null() {
        let r = *head;
        unlink_locked(head, r);
        (*r).wr_object = none();
        let cb = (*r).wr_callback;
        if !cb.is_null() {
            (*r).wr_callback = null_mut();
            if try_incref(r as *mut PyObject) {
                pending.push((r as *mut PyObject, cb));
            } else {
                // The reference is being destroyed itself: drop the callback later.
                pending.push((null_mut(), cb));
            }
        }
    }
    lock.unlock();
    if pending.is_empty() {
        return;
    }
    let saved = crate::errors::take_raised();
    for (r, cb) in pending {
        if !r.is_null() {
            let res = protocols::call::call_function(cb, &[r]);
            if res.is_null() {
                crate::objects::exceptions::write_unraisable_msg(
                    "Exception ignored while calling weakref callback",
                    cb,
                );
            } else {
                Py_DECREF(res);
            }
            Py_DECREF(r);
        }
        Py_DECREF(cb);
    }
    crate::errors::set_raised(saved);
}

// ---- reference objects -----------------------------------------------------------

/// Detach a dying reference from its referent's list.
unsafe fn detach(r: *mut PyObject) {
    let obj = w(r).wr_object;
    if obj.is_null() || obj == none() {
        return;
    }
    let lock = stripe(obj);
    lock.lock();
    if w(r).wr_object == obj {
        let head = list_head(obj);
        if !head.is_null() {
            unlink_locked(head, r as *mut WeakRefObject);
        }
        w(r).wr_object = none();
    }
    lock.unlock();
}

unsafe extern "C" fn weakref_dealloc(r: *mut PyObject) {
    crate::gc::untrack(r);
    detach(r);
    let cb = w(r).wr_callback;
    w(r).wr_callback = null_mut();
    Py_XDECREF(cb);
    crate::alloc::free_via_type(r);
}

unsafe extern "C" fn weakref_traverse(
    r: *mut PyObject,
    visit: visitproc,
    arg: *mut c_void,
) -> c_int {
    let cb = w(r).wr_callback;
    if !cb.is_null() {
        return visit(cb, arg);
    }
    0
}

unsafe extern "C" fn weakref_clear(r: *mut PyObject) -> c_int {
    detach(r);
    let cb = w(r).wr_callback;
    w(r).wr_callback = null_mut();
    Py_XDECREF(cb);
    0
}

unsafe extern "C" fn weakref_vectorcall(
    r: *mut PyObject,
    _args: *const *mut PyObject,
    nargsf: usize,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    if !kwnames.is_null() && Py_SIZE(kwnames) > 0 {
        return crate::raise_null!(PyExc_TypeError, "weakref() takes no keyword arguments");
    }
    let n = protocols::call::nargs(nargsf);
    if n != 0 {
        return crate::raise_null!(PyExc_TypeError, "weakref expected 0 arguments, got {}", n);
    }
    let o = get_ref(r);
    if o.is_null() {
        return none();
    }
    o
}

unsafe extern "C" fn weakref_repr(r: *mut PyObject) -> *mut PyObject {
    let o = get_ref(r);
    let s = if o.is_null() {
        format!("<weakref at {:p}; dead>", r)
    } else {
        let s = format!(
            "<weakref at {:p}; to '{}' at {:p}>",
            r,
            crate::objects::typeobject::fully_qualified_name(Py_TYPE(o)),
            o
        );
        Py_DECREF(o);
        s
    };
    crate::objects::unicode::from_str(&s)
}

unsafe extern "C" fn weakref_hash(r: *mut PyObject) -> Py_hash_t {
    if w(r).hash != -1 {
        return w(r).hash;
    }
    let o = get_ref(r);
    if o.is_null() {
        let _: PyResult<()> = crate::raise!(PyExc_TypeError, "weak object has gone away");
        return -1;
    }
    let h = protocols::object::hash(o);
    Py_DECREF(o);
    w(r).hash = h;
    h
}

unsafe extern "C" fn weakref_richcompare(
    a: *mut PyObject,
    b: *mut PyObject,
    op: c_int,
) -> *mut PyObject {
    if (op != 2 && op != 3) || !is_ref(a) || !is_ref(b) {
        return new_ref(not_implemented());
    }
    let oa = get_ref(a);
    let ob = get_ref(b);
    let r = if oa.is_null() || ob.is_null() {
        let eq = a == b;
        py_bool(if op == 2 { eq } else { !eq })
    } else {
        protocols::object::rich_compare(oa, ob, op)
    };
    Py_XDECREF(oa);
    Py_XDECREF(ob);
    r
}

unsafe extern "C" fn weakref_new(
    t: *mut PyTypeObject,
    args: *mut PyObject,
    kwds: *mut PyObject,
) -> *mut PyObject {
    let n = if args.is_null() { 0 } else { Py_SIZE(args) };
    if !kwds.is_null() && crate::objects::dict::len(kwds) > 0 {
        return crate::raise_null!(PyExc_TypeError, "ref() takes no keyword arguments");
    }
    if !(1..=2).contains(&n) {
        return crate::raise_null!(
            PyExc_TypeError,
            "__new__ expected at {} 2 arguments, got {}",
            if n < 1 { "least" } else { "most" },
            n
        );
    }
    let ob = crate::objects::tuple::get_item(args, 0);
    let cb = if n == 2 {
        crate::objects::tuple::get_item(args, 1)
    } else {
        null_mut()
    };
    new_ref_to(t, ob, cb)
}

unsafe extern "C" fn weakref_get_callback(r: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    let cb = w(r).wr_callback;
    if cb.is_null() {
        none()
    } else {
        new_ref(cb)
    }
}

// ---- proxies -----------------------------------------------------------------------

/// The live referent of a proxy (new reference) or ReferenceError.
unsafe fn proxy_target(p: *mut PyObject) -> *mut PyObject {
    let o = get_ref(p);
    if o.is_null() {
        return crate::raise_null!(
            PyExc_ReferenceError,
            "weakly-referenced object no longer exists"
        );
    }
    o
}

macro_rules! with_target {
    ($p:expr, $err:expr, |$o:ident| $body:expr) => {{
        let $o = proxy_target($p);
        if $o.is_null() {
            return $err;
        }
        let r = $body;
        Py_DECREF($o);
        r
    }};
}

unsafe extern "C" fn proxy_getattro(p: *mut PyObject, name: *mut PyObject) -> *mut PyObject {
    with_target!(p, null_mut(), |o| protocols::object::get_attr(o, name))
}

unsafe extern "C" fn proxy_setattro(
    p: *mut PyObject,
    name: *mut PyObject,
    v: *mut PyObject,
) -> c_int {
    with_target!(p, -1, |o| {
        let r = if v.is_null() {
            protocols::object::set_attr(o, name, null_mut())
        } else {
            protocols::object::set_attr(o, name, v)
        };
        if r.is_ok() {
            0
        } else {
            -1
        }
    })
}

unsafe extern "C" fn proxy_str(p: *mut PyObject) -> *mut PyObject {
    with_target!(p, null_mut(), |o| protocols::object::str(o))
}

unsafe extern "C" fn proxy_repr(p: *mut PyObject) -> *mut PyObject {
    let o = get_ref(p);
    let s = if o.is_null() {
        format!("<weakproxy at {:p}; dead>", p)
    } else {
        let s = format!(
            "<weakproxy at {:p}; to '{}' at {:p}>",
            p,
            crate::objects::typeobject::fully_qualified_name(Py_TYPE(o)),
            o
        );
        Py_DECREF(o);
        s
    };
    crate::objects::unicode::from_str(&s)
}

unsafe extern "C" fn proxy_call(
    p: *mut PyObject,
    args: *mut PyObject,
    kw: *mut PyObject,
) -> *mut PyObject {
    with_target!(p, null_mut(), |o| protocols::call::call(o, args, kw))
}

unsafe extern "C" fn proxy_richcompare(
    a: *mut PyObject,
    b: *mut PyObject,
    op: c_int,
) -> *mut PyObject {
    let ua = if is_proxy(a) {
        proxy_target(a)
    } else {
        new_ref(a)
    };
    if ua.is_null() {
        return null_mut();
    }
    let ub = if is_proxy(b) {
        proxy_target(b)
    } else {
        new_ref(b)
    };
    if ub.is_null() {
        Py_DECREF(ua);
        return null_mut();
    }
    let r = protocols::object::rich_compare(ua, ub, op);
    Py_DECREF(ua);
    Py_DECREF(ub);
    r
}

unsafe extern "C" fn proxy_bool(p: *mut PyObject) -> c_int {
    with_target!(p, -1, |o| protocols::object::is_true(o))
}

unsafe extern "C" fn proxy_len(p: *mut PyObject) -> Py_ssize_t {
    with_target!(p, -1, |o| {
        let t = Py_TYPE(o);
        let m = (*t).tp_as_mapping;
        let sq = (*t).tp_as_sequence;
        if !m.is_null() && (*m).mp_length.is_some() {
            (*m).mp_length.unwrap()(o)
        } else if !sq.is_null() && (*sq).sq_length.is_some() {
            (*sq).sq_length.unwrap()(o)
        } else {
            let _: PyResult<()> = crate::raise!(
                PyExc_TypeError,
                "object of type '{}' has no len()",
                type_name(t)
            );
            -1
        }
    })
}

unsafe extern "C" fn proxy_getitem(p: *mut PyObject, k: *mut PyObject) -> *mut PyObject {
    with_target!(p, null_mut(), |o| protocols::mapping::get_item(o, k))
}

unsafe extern "C" fn proxy_setitem(p: *mut PyObject, k: *mut PyObject, v: *mut PyObject) -> c_int {
    with_target!(p, -1, |o| {
        if v.is_null() {
            let m = (*Py_TYPE(o)).tp_as_mapping;
            match if m.is_null() {
                None
            } else {
                (*m).mp_ass_subscript
            } {
                Some(f) => f(o, k, null_mut()),
                None => {
                    let _: PyResult<()> = crate::raise!(
                        PyExc_TypeError,
                        "'{}' object doesn't support item deletion",
                        type_name(Py_TYPE(o))
                    );
                    -1
                }
            }
        } else if protocols::mapping::set_item(o, k, v).is_ok() {
            0
        } else {
            -1
        }
    })
}

unsafe extern "C" fn proxy_iter(p: *mut PyObject) -> *mut PyObject {
    with_target!(p, null_mut(), |o| protocols::iter::get_iter(o))
}

static mut WEAKREF_GETSET: [PyGetSetDef; 2] = [
    PyGetSetDef {
        name: c"__callback__".as_ptr(),
        get: Some(weakref_get_callback),
        set: None,
        doc: core::ptr::null(),
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

static mut PROXY_MAPPING: PyMappingMethods = PyMappingMethods::EMPTY;
static mut PROXY_NUMBER: PyNumberMethods = PyNumberMethods::EMPTY;

pub unsafe fn init_types() {
    let t = &raw mut _PyWeakref_RefType;
    crate::objects::typeobject::init_builtin(
        t,
        c"weakref.ReferenceType",
        core::mem::size_of::<WeakRefObject>(),
        0,
    );
    (*t).tp_flags &= !Py_TPFLAGS_DISALLOW_INSTANTIATION;
    (*t).tp_flags |= Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_VECTORCALL;
    (*t).tp_vectorcall_offset = core::mem::offset_of!(WeakRefObject, vectorcall) as Py_ssize_t;
    (*t).tp_call = Some(protocols::call::vectorcall_as_tp_call);
    (*t).tp_dealloc = Some(weakref_dealloc);
    (*t).tp_traverse = Some(weakref_traverse);
    (*t).tp_clear = Some(weakref_clear);
    (*t).tp_repr = Some(weakref_repr);
    (*t).tp_hash = Some(weakref_hash);
    (*t).tp_richcompare = Some(weakref_richcompare);
    (*t).tp_new = Some(weakref_new);
    (*t).tp_getset = (&raw mut WEAKREF_GETSET).cast();

    PROXY_MAPPING.mp_length = Some(proxy_len);
    PROXY_MAPPING.mp_subscript = Some(proxy_getitem);
    PROXY_MAPPING.mp_ass_subscript = Some(proxy_setitem);
    PROXY_NUMBER.nb_bool = Some(proxy_bool);
    for (t, name) in [
        (&raw mut _PyWeakref_ProxyType, c"weakref.ProxyType"),
        (
            &raw mut _PyWeakref_CallableProxyType,
            c"weakref.CallableProxyType",
        ),
    ] {
        crate::objects::typeobject::init_builtin(t, name, core::mem::size_of::<WeakRefObject>(), 0);
        (*t).tp_flags |= Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_DISALLOW_INSTANTIATION;
        (*t).tp_dealloc = Some(weakref_dealloc);
        (*t).tp_traverse = Some(weakref_traverse);
        (*t).tp_clear = Some(weakref_clear);
        (*t).tp_repr = Some(proxy_repr);
        (*t).tp_str = Some(proxy_str);
        (*t).tp_getattro = Some(proxy_getattro);
        (*t).tp_setattro = Some(proxy_setattro);
        (*t).tp_richcompare = Some(proxy_richcompare);
        (*t).tp_iter = Some(proxy_iter);
        (*t).tp_hash = Some(crate::objects::baseobject::hash_not_implemented);
        (*t).tp_as_mapping = &raw mut PROXY_MAPPING;
        (*t).tp_as_number = &raw mut PROXY_NUMBER;
    }
    _PyWeakref_CallableProxyType.tp_call = Some(proxy_call);
    let _ = tp_name;
}
