//! The C slots of Python classes (CPython's `slot_*` functions and
//! `update_one_slot`): each slot function looks the dunder up along the MRO of
//! the object's type when it runs and calls it. `update_type_slot` chooses, for
//! one slot of one class, between such a function, the C function of a base
//! whose slot wrapper is what the MRO finds (so `class A(int)` keeps `int`'s
//! `nb_add`), and nothing.

use core::ffi::{c_int, c_void};
use core::ptr::null_mut;
use core::sync::atomic::{AtomicPtr, Ordering};

use crate::defs::slot::*;
use crate::exported::*;
use crate::object::*;
use crate::objects::typeobject::{is_subtype, lookup, type_name};
use crate::objects::{long, tuple, unicode};
use crate::protocols::call;
use crate::typeobj::*;

/// An interned name, made once per use site (interned strings are immortal).
macro_rules! name {
    ($s:literal) => {{
        static P: AtomicPtr<PyObject> = AtomicPtr::new(null_mut());
        let p = P.load(Ordering::Relaxed);
        if p.is_null() {
            let q = unicode::intern_str($s);
            P.store(q, Ordering::Relaxed);
            q
        } else {
            p
        }
    }};
}

/// What the MRO of `type(self)` holds under a dunder's name, ready to call:
/// either a method descriptor called with `self` first, or an already bound
/// callable.
struct Special {
    func: Owned,
    unbound: bool,
}

/// Look a special method up on the type of `self` (never on the instance).
unsafe fn lookup_special(self_: *mut PyObject, name: *mut PyObject) -> PyResult<Option<Special>> {
    let t = Py_TYPE(self_);
    let f = lookup(t, name);
    if f.is_null() {
        return Ok(None);
    }
    let ft = Py_TYPE(f);
    if has_flag(ft, Py_TPFLAGS_METHOD_DESCRIPTOR) {
        return Ok(Some(Special {
            func: Owned::from_borrowed(f),
            unbound: true,
        }));
    }
    match (*ft).tp_descr_get {
        Some(get) => {
            let f = Owned::from_borrowed(f);
            let b = Owned::from_new(get(f.as_ptr(), self_, t as *mut PyObject)).ok_or(())?;
            Ok(Some(Special {
                func: b,
                unbound: false,
            }))
        }
        None => Ok(Some(Special {
            func: Owned::from_borrowed(f),
            unbound: false,
        })),
    }
}

impl Special {
    unsafe fn call(&self, self_: *mut PyObject, args: &[*mut PyObject]) -> *mut PyObject {
        if self.unbound {
            let mut v: [*mut PyObject; 4] = [null_mut(); 4];
            v[0] = self_;
            v[1..=args.len()].copy_from_slice(args);
            call::vectorcall(self.func.as_ptr(), v.as_ptr(), args.len() + 1, null_mut())
        } else {
            call::vectorcall(self.func.as_ptr(), args.as_ptr(), args.len(), null_mut())
        }
    }

    /// Call with an argument tuple and keyword dict (`__call__`, `__init__`).
    unsafe fn call_tuple(
        &self,
        self_: *mut PyObject,
        args: *mut PyObject,
        kwds: *mut PyObject,
    ) -> *mut PyObject {
        if !self.unbound {
            return call::call(self.func.as_ptr(), args, kwds);
        }
        let Some(all) = Owned::from_new(prepend(self_, args)) else {
            return null_mut();
        };
        call::call(self.func.as_ptr(), all.as_ptr(), kwds)
    }
}

/// `(first,) + args` as a new tuple.
pub(crate) unsafe fn prepend(first: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let rest = if args.is_null() {
        &[][..]
    } else {
        tuple::as_slice(args)
    };
    let mut v = Vec::with_capacity(rest.len() + 1);
    v.push(first);
    v.extend_from_slice(rest);
    tuple::from_slice(&v)
}

/// Call `type(self).name(self, *args)`; `Ok(None)` when the type has no `name`.
unsafe fn call_maybe(
    self_: *mut PyObject,
    name: *mut PyObject,
    args: &[*mut PyObject],
) -> PyResult<Option<*mut PyObject>> {
    match lookup_special(self_, name)? {
        None => Ok(None),
        Some(s) => nonnull(s.call(self_, args)).map(Some),
    }
}

/// Call `type(self).name(self, *args)`; AttributeError when it is missing.
unsafe fn call_special(
    self_: *mut PyObject,
    name: *mut PyObject,
    args: &[*mut PyObject],
) -> *mut PyObject {
    match call_maybe(self_, name, args) {
        Ok(Some(r)) => r,
        Ok(None) => {
            crate::objects::exceptions::raise_attribute_error(
                self_,
                name,
                &unicode::to_string_lossy(name),
            );
            null_mut()
        }
        Err(()) => null_mut(),
    }
}

/// Like `call_maybe`, NotImplemented when the method is missing.
unsafe fn call_or_not_implemented(
    self_: *mut PyObject,
    name: *mut PyObject,
    args: &[*mut PyObject],
) -> *mut PyObject {
    match call_maybe(self_, name, args) {
        Ok(Some(r)) => r,
        Ok(None) => new_ref(not_implemented()),
        Err(()) => null_mut(),
    }
}

unsafe fn int_status(r: *mut PyObject) -> c_int {
    if r.is_null() {
        return -1;
    }
    Py_DECREF(r);
    0
}

// ---- unary slots -------------------------------------------------------------------

macro_rules! unary_slots {
    ($($f:ident => $name:literal),* $(,)?) => {$(
        unsafe extern "C" fn $f(o: *mut PyObject) -> *mut PyObject {
            call_special(o, name!($name), &[])
        }
    )*};
}
unary_slots! {
    slot_tp_repr => "__repr__", slot_tp_str => "__str__", slot_tp_iternext => "__next__",
    slot_nb_negative => "__neg__", slot_nb_positive => "__pos__",
    slot_nb_absolute => "__abs__", slot_nb_invert => "__invert__", slot_nb_int => "__int__",
    slot_nb_float => "__float__", slot_nb_index => "__index__", slot_am_await => "__await__",
    slot_am_aiter => "__aiter__", slot_am_anext => "__anext__",
}

/// `__iter__`; `__iter__ = None` makes the type not iterable; a class with only
/// `__getitem__` iterates by index.
unsafe extern "C" fn slot_tp_iter(o: *mut PyObject) -> *mut PyObject {
    let f = lookup(Py_TYPE(o), name!("__iter__"));
    if f == none() {
        return crate::raise_null!(
            PyExc_TypeError,
            "'{}' object is not iterable",
            type_name(Py_TYPE(o))
        );
    }
    if f.is_null() {
        if lookup(Py_TYPE(o), name!("__getitem__")).is_null() {
            return crate::raise_null!(
                PyExc_TypeError,
                "'{}' object is not iterable",
                type_name(Py_TYPE(o))
            );
        }
        return crate::objects::iterobject::new_seq_iter(o);
    }
    call_special(o, name!("__iter__"), &[])
}

// ---- binary number slots -------------------------------------------------------------

/// Does `right` define `name` differently from `left` (so its reflected method
/// must be tried first)?
unsafe fn method_is_overloaded(
    left: *mut PyTypeObject,
    right: *mut PyTypeObject,
    name: *mut PyObject,
) -> bool {
    let b = lookup(right, name);
    if b.is_null() {
        return false;
    }
    lookup(left, name) != b
}

/// CPython's `SLOT1BINFULL`: `v.op(w)` and `w.rop(v)` in the order the operand
/// types call for (a subclass that overrides the reflected method goes first).
/// `mine(t)` tells whether `t`'s slot is this very function; `extra` is the
/// third operand of `pow`.
unsafe fn binary_dispatch(
    v: *mut PyObject,
    w: *mut PyObject,
    extra: Option<*mut PyObject>,
    mine: impl Fn(*mut PyTypeObject) -> bool,
    op: *mut PyObject,
    rop: *mut PyObject,
) -> *mut PyObject {
    let (tv, tw) = (Py_TYPE(v), Py_TYPE(w));
    let mut do_other = tv != tw && mine(tw);
    let args = |x: *mut PyObject| -> ([*mut PyObject; 2], usize) {
        match extra {
            Some(z) => ([x, z], 2),
            None => ([x, null_mut()], 1),
        }
    };
    if mine(tv) {
        if do_other && is_subtype(tw, tv) && method_is_overloaded(tv, tw, rop) {
            let (a, n) = args(v);
            let r = call_or_not_implemented(w, rop, &a[..n]);
            if r != not_implemented() {
                return r;
            }
            Py_DECREF(r);
            do_other = false;
        }
        let (a, n) = args(w);
        let r = call_or_not_implemented(v, op, &a[..n]);
        if r != not_implemented() || tv == tw {
            return r;
        }
        Py_DECREF(r);
    }
    if do_other {
        let (a, n) = args(v);
        return call_or_not_implemented(w, rop, &a[..n]);
    }
    new_ref(not_implemented())
}

unsafe fn nb_of(t: *mut PyTypeObject) -> Option<&'static PyNumberMethods> {
    let n = (*t).tp_as_number;
    if n.is_null() {
        None
    } else {
        Some(&*n)
    }
}

macro_rules! binary_slots {
    ($($f:ident, $field:ident, $op:literal, $rop:literal;)*) => {$(
        unsafe extern "C" fn $f(v: *mut PyObject, w: *mut PyObject) -> *mut PyObject {
            let mine = |t: *mut PyTypeObject| {
                nb_of(t)
                    .and_then(|n| n.$field)
                    .is_some_and(|f| core::ptr::fn_addr_eq(f, $f as binaryfunc))
            };
            binary_dispatch(v, w, None, mine, name!($op), name!($rop))
        }
    )*};
}
binary_slots! {
    slot_nb_add, nb_add, "__add__", "__radd__";
    slot_nb_subtract, nb_subtract, "__sub__", "__rsub__";
    slot_nb_multiply, nb_multiply, "__mul__", "__rmul__";
    slot_nb_remainder, nb_remainder, "__mod__", "__rmod__";
    slot_nb_divmod, nb_divmod, "__divmod__", "__rdivmod__";
    slot_nb_lshift, nb_lshift, "__lshift__", "__rlshift__";
    slot_nb_rshift, nb_rshift, "__rshift__", "__rrshift__";
    slot_nb_and, nb_and, "__and__", "__rand__";
    slot_nb_xor, nb_xor, "__xor__", "__rxor__";
    slot_nb_or, nb_or, "__or__", "__ror__";
    slot_nb_floor_divide, nb_floor_divide, "__floordiv__", "__rfloordiv__";
    slot_nb_true_divide, nb_true_divide, "__truediv__", "__rtruediv__";
    slot_nb_matrix_multiply, nb_matrix_multiply, "__matmul__", "__rmatmul__";
}

/// `pow(v, w[, z])`: as the binary operators; the three-argument form passes `z`
/// on to `__pow__`/`__rpow__` (3.14+).
unsafe extern "C" fn slot_nb_power(
    v: *mut PyObject,
    w: *mut PyObject,
    z: *mut PyObject,
) -> *mut PyObject {
    let mine = |t: *mut PyTypeObject| {
        nb_of(t)
            .and_then(|n| n.nb_power)
            .is_some_and(|f| core::ptr::fn_addr_eq(f, slot_nb_power as ternaryfunc))
    };
    let extra = if z.is_null() || z == none() {
        None
    } else {
        Some(z)
    };
    binary_dispatch(v, w, extra, mine, name!("__pow__"), name!("__rpow__"))
}

macro_rules! inplace_slots {
    ($($f:ident => $name:literal),* $(,)?) => {$(
        unsafe extern "C" fn $f(v: *mut PyObject, w: *mut PyObject) -> *mut PyObject {
            call_or_not_implemented(v, name!($name), &[w])
        }
    )*};
}
inplace_slots! {
    slot_nb_inplace_add => "__iadd__", slot_nb_inplace_subtract => "__isub__",
    slot_nb_inplace_multiply => "__imul__", slot_nb_inplace_remainder => "__imod__",
    slot_nb_inplace_lshift => "__ilshift__", slot_nb_inplace_rshift => "__irshift__",
    slot_nb_inplace_and => "__iand__", slot_nb_inplace_xor => "__ixor__",
    slot_nb_inplace_or => "__ior__", slot_nb_inplace_floor_divide => "__ifloordiv__",
    slot_nb_inplace_true_divide => "__itruediv__",
    slot_nb_inplace_matrix_multiply => "__imatmul__",
}

unsafe extern "C" fn slot_nb_inplace_power(
    v: *mut PyObject,
    w: *mut PyObject,
    _z: *mut PyObject,
) -> *mut PyObject {
    call_or_not_implemented(v, name!("__ipow__"), &[w])
}

/// `__bool__` (which must return a bool), else `__len__`, else true.
unsafe extern "C" fn slot_nb_bool(o: *mut PyObject) -> c_int {
    match call_maybe(o, name!("__bool__"), &[]) {
        Err(()) => -1,
        Ok(Some(r)) => {
            let r = Owned(r);
            if Py_TYPE(r.as_ptr()) != &raw mut PyBool_Type {
                let _: PyResult<()> = crate::raise!(
                    PyExc_TypeError,
                    "{}.__bool__() must return a bool, not {}",
                    crate::objects::typeobject::fully_qualified_name(Py_TYPE(o)),
                    type_name(Py_TYPE(r.as_ptr()))
                );
                return -1;
            }
            (r.as_ptr() == py_true()) as c_int
        }
        Ok(None) => {
            if lookup(Py_TYPE(o), name!("__len__")).is_null() {
                return 1;
            }
            let n = slot_sq_length(o);
            if n < 0 {
                -1
            } else {
                (n > 0) as c_int
            }
        }
    }
}

// ---- object protocol slots --------------------------------------------------------------

/// `__hash__`: an int (kept as is when it fits, else hashed as an int).
unsafe extern "C" fn slot_tp_hash(o: *mut PyObject) -> Py_hash_t {
    let f = lookup(Py_TYPE(o), name!("__hash__"));
    if f.is_null() || f == none() {
        return crate::objects::baseobject::hash_not_implemented(o);
    }
    let Some(r) = Owned::from_new(call_special(o, name!("__hash__"), &[])) else {
        return -1;
    };
    if !long::is_long(r.as_ptr()) {
        let _: PyResult<()> =
            crate::raise!(PyExc_TypeError, "__hash__ method should return an integer");
        return -1;
    }
    match long::to_i64(r.as_ptr()) {
        Some(-1) => -2,
        Some(h) => h as Py_hash_t,
        None => long::hash_bigint(&long::to_bigint(r.as_ptr())),
    }
}

unsafe extern "C" fn slot_tp_richcompare(
    v: *mut PyObject,
    w: *mut PyObject,
    op: c_int,
) -> *mut PyObject {
    let name = match op {
        0 => name!("__lt__"),
        1 => name!("__le__"),
        2 => name!("__eq__"),
        3 => name!("__ne__"),
        4 => name!("__gt__"),
        5 => name!("__ge__"),
        _ => return new_ref(not_implemented()),
    };
    call_or_not_implemented(v, name, &[w])
}

unsafe extern "C" fn slot_tp_call(
    o: *mut PyObject,
    args: *mut PyObject,
    kwds: *mut PyObject,
) -> *mut PyObject {
    match lookup_special(o, name!("__call__")) {
        Err(()) => null_mut(),
        Ok(None) => crate::raise_null!(
            PyExc_TypeError,
            "'{}' object is not callable",
            type_name(Py_TYPE(o))
        ),
        Ok(Some(s)) => s.call_tuple(o, args, kwds),
    }
}

unsafe extern "C" fn slot_tp_init(
    o: *mut PyObject,
    args: *mut PyObject,
    kwds: *mut PyObject,
) -> c_int {
    let s = match lookup_special(o, name!("__init__")) {
        Err(()) => return -1,
        Ok(None) => return 0,
        Ok(Some(s)) => s,
    };
    let r = s.call_tuple(o, args, kwds);
    if r.is_null() {
        return -1;
    }
    let r = Owned(r);
    if r.as_ptr() != none() {
        let _: PyResult<()> = crate::raise!(
            PyExc_TypeError,
            "__init__() should return None, not '{}'",
            type_name(Py_TYPE(r.as_ptr()))
        );
        return -1;
    }
    0
}

/// `cls.__new__(cls, *args, **kwds)` (a static method, found as a class attribute).
unsafe extern "C" fn slot_tp_new(
    t: *mut PyTypeObject,
    args: *mut PyObject,
    kwds: *mut PyObject,
) -> *mut PyObject {
    let Some(f) = Owned::from_new(crate::protocols::object::get_attr(
        t as *mut PyObject,
        name!("__new__"),
    )) else {
        return null_mut();
    };
    let Some(all) = Owned::from_new(prepend(t as *mut PyObject, args)) else {
        return null_mut();
    };
    call::call(f.as_ptr(), all.as_ptr(), kwds)
}

/// `__del__`, run once by the deallocator or the collector; an exception it
/// raises is reported, not propagated.
unsafe extern "C" fn slot_tp_finalize(o: *mut PyObject) {
    let saved = crate::errors::take_raised();
    match lookup_special(o, name!("__del__")) {
        Ok(Some(s)) => {
            let r = s.call(o, &[]);
            if r.is_null() {
                crate::objects::exceptions::write_unraisable_msg(
                    "Exception ignored while calling deallocator",
                    s.func.as_ptr(),
                );
            } else {
                Py_DECREF(r);
            }
        }
        Ok(None) => {}
        Err(()) => crate::objects::exceptions::write_unraisable_msg(
            "Exception ignored while calling deallocator",
            o,
        ),
    }
    crate::errors::set_raised(saved);
}

/// `__getattribute__`, then `__getattr__` when that raised AttributeError.
unsafe extern "C" fn slot_tp_getattr_hook(o: *mut PyObject, name: *mut PyObject) -> *mut PyObject {
    let t = Py_TYPE(o);
    let getattribute = lookup(t, name!("__getattribute__"));
    let generic = getattribute.is_null()
        || (crate::objects::slots::is_wrapper_descr(getattribute)
            && crate::objects::slots::wrapped_fn(getattribute)
                == crate::objects::baseobject::generic_getattr as *mut c_void);
    let has_hook = !lookup(t, name!("__getattr__")).is_null();
    let r = if generic {
        crate::objects::baseobject::generic_getattr_with_dict(o, name, null_mut(), has_hook)
    } else {
        call_special(o, name!("__getattribute__"), &[name])
    };
    if !r.is_null() || !has_hook {
        return r;
    }
    let err = crate::errors::raised();
    if !err.is_null() {
        if !crate::errors::exception_matches(crate::objects::exceptions::exc(
            &raw mut PyExc_AttributeError,
        )) {
            return null_mut();
        }
        crate::errors::clear();
    }
    call_special(o, name!("__getattr__"), &[name])
}

unsafe extern "C" fn slot_tp_setattro(
    o: *mut PyObject,
    name: *mut PyObject,
    v: *mut PyObject,
) -> c_int {
    int_status(if v.is_null() {
        call_special(o, name!("__delattr__"), &[name])
    } else {
        call_special(o, name!("__setattr__"), &[name, v])
    })
}

unsafe extern "C" fn slot_tp_descr_get(
    d: *mut PyObject,
    obj: *mut PyObject,
    t: *mut PyObject,
) -> *mut PyObject {
    let or_none = |x: *mut PyObject| if x.is_null() { none() } else { x };
    match call_maybe(d, name!("__get__"), &[or_none(obj), or_none(t)]) {
        Ok(Some(r)) => r,
        Ok(None) => new_ref(d),
        Err(()) => null_mut(),
    }
}

unsafe extern "C" fn slot_tp_descr_set(
    d: *mut PyObject,
    obj: *mut PyObject,
    v: *mut PyObject,
) -> c_int {
    int_status(if v.is_null() {
        call_special(d, name!("__delete__"), &[obj])
    } else {
        call_special(d, name!("__set__"), &[obj, v])
    })
}

// ---- sequence and mapping slots --------------------------------------------------------

/// `__len__`: an index-like result, at least 0.
unsafe extern "C" fn slot_sq_length(o: *mut PyObject) -> Py_ssize_t {
    let Some(r) = Owned::from_new(call_special(o, name!("__len__"), &[])) else {
        return -1;
    };
    let Some(i) = Owned::from_new(crate::protocols::number::index(r.as_ptr())) else {
        return -1;
    };
    if long::is_negative(i.as_ptr()) {
        let _: PyResult<()> = crate::raise!(PyExc_ValueError, "__len__() should return >= 0");
        return -1;
    }
    match long::to_i64(i.as_ptr()) {
        Some(n) => n as Py_ssize_t,
        None => {
            let _: PyResult<()> = crate::raise!(
                PyExc_OverflowError,
                "cannot fit '{}' into an index-sized integer",
                type_name(Py_TYPE(i.as_ptr()))
            );
            -1
        }
    }
}

unsafe extern "C" fn slot_sq_item(o: *mut PyObject, i: Py_ssize_t) -> *mut PyObject {
    let Some(k) = Owned::from_new(long::from_i64(i as i64)) else {
        return null_mut();
    };
    call_special(o, name!("__getitem__"), &[k.as_ptr()])
}

unsafe extern "C" fn slot_sq_ass_item(o: *mut PyObject, i: Py_ssize_t, v: *mut PyObject) -> c_int {
    let Some(k) = Owned::from_new(long::from_i64(i as i64)) else {
        return -1;
    };
    slot_mp_ass_subscript(o, k.as_ptr(), v)
}

/// `__contains__`; `__contains__ = None` makes the type not a container; without
/// one, `in` iterates.
unsafe extern "C" fn slot_sq_contains(o: *mut PyObject, v: *mut PyObject) -> c_int {
    let f = lookup(Py_TYPE(o), name!("__contains__"));
    if f == none() {
        let _: PyResult<()> = crate::raise!(
            PyExc_TypeError,
            "'{}' object is not a container",
            type_name(Py_TYPE(o))
        );
        return -1;
    }
    match call_maybe(o, name!("__contains__"), &[v]) {
        Err(()) => -1,
        Ok(Some(r)) => {
            let t = crate::protocols::object::is_true(r);
            Py_DECREF(r);
            t
        }
        Ok(None) => crate::protocols::sequence::iter_search(
            o,
            v,
            crate::protocols::sequence::Search::Contains,
        ) as c_int,
    }
}

unsafe extern "C" fn slot_mp_subscript(o: *mut PyObject, k: *mut PyObject) -> *mut PyObject {
    call_special(o, name!("__getitem__"), &[k])
}

unsafe extern "C" fn slot_mp_ass_subscript(
    o: *mut PyObject,
    k: *mut PyObject,
    v: *mut PyObject,
) -> c_int {
    int_status(if v.is_null() {
        call_special(o, name!("__delitem__"), &[k])
    } else {
        call_special(o, name!("__setitem__"), &[k, v])
    })
}

// ---- choosing a slot's function --------------------------------------------------------

/// The function of a Python class's slot `id` that calls its dunder(s), or NULL
/// for the slots a dunder never fills by itself (`sq_concat`, `sq_repeat`, ...:
/// the number slots cover them).
fn python_slot(id: u16) -> *mut c_void {
    macro_rules! pick {
        ($($id:ident => $f:ident),* $(,)?) => {
            match id { $( $id => $f as *mut c_void, )* _ => null_mut() }
        };
    }
    pick! {
        Py_tp_repr => slot_tp_repr, Py_tp_str => slot_tp_str, Py_tp_hash => slot_tp_hash,
        Py_tp_call => slot_tp_call, Py_tp_iter => slot_tp_iter,
        Py_tp_iternext => slot_tp_iternext, Py_tp_init => slot_tp_init,
        Py_tp_new => slot_tp_new, Py_tp_finalize => slot_tp_finalize,
        Py_tp_getattro => slot_tp_getattr_hook, Py_tp_setattro => slot_tp_setattro,
        Py_tp_richcompare => slot_tp_richcompare, Py_tp_descr_get => slot_tp_descr_get,
        Py_tp_descr_set => slot_tp_descr_set,
        Py_am_await => slot_am_await, Py_am_aiter => slot_am_aiter, Py_am_anext => slot_am_anext,
        Py_nb_add => slot_nb_add, Py_nb_subtract => slot_nb_subtract,
        Py_nb_multiply => slot_nb_multiply, Py_nb_remainder => slot_nb_remainder,
        Py_nb_divmod => slot_nb_divmod, Py_nb_power => slot_nb_power,
        Py_nb_negative => slot_nb_negative, Py_nb_positive => slot_nb_positive,
        Py_nb_absolute => slot_nb_absolute, Py_nb_bool => slot_nb_bool,
        Py_nb_invert => slot_nb_invert, Py_nb_lshift => slot_nb_lshift,
        Py_nb_rshift => slot_nb_rshift, Py_nb_and => slot_nb_and, Py_nb_xor => slot_nb_xor,
        Py_nb_or => slot_nb_or, Py_nb_int => slot_nb_int, Py_nb_float => slot_nb_float,
        Py_nb_inplace_add => slot_nb_inplace_add,
        Py_nb_inplace_subtract => slot_nb_inplace_subtract,
        Py_nb_inplace_multiply => slot_nb_inplace_multiply,
        Py_nb_inplace_remainder => slot_nb_inplace_remainder,
        Py_nb_inplace_power => slot_nb_inplace_power,
        Py_nb_inplace_lshift => slot_nb_inplace_lshift,
        Py_nb_inplace_rshift => slot_nb_inplace_rshift,
        Py_nb_inplace_and => slot_nb_inplace_and, Py_nb_inplace_xor => slot_nb_inplace_xor,
        Py_nb_inplace_or => slot_nb_inplace_or,
        Py_nb_floor_divide => slot_nb_floor_divide, Py_nb_true_divide => slot_nb_true_divide,
        Py_nb_inplace_floor_divide => slot_nb_inplace_floor_divide,
        Py_nb_inplace_true_divide => slot_nb_inplace_true_divide,
        Py_nb_index => slot_nb_index, Py_nb_matrix_multiply => slot_nb_matrix_multiply,
        Py_nb_inplace_matrix_multiply => slot_nb_inplace_matrix_multiply,
        Py_mp_length => slot_sq_length, Py_mp_subscript => slot_mp_subscript,
        Py_mp_ass_subscript => slot_mp_ass_subscript,
        Py_sq_length => slot_sq_length, Py_sq_item => slot_sq_item,
        Py_sq_ass_item => slot_sq_ass_item, Py_sq_contains => slot_sq_contains,
    }
}

/// What the MRO offers for one slot while `update_type_slot` looks.
struct Choice {
    found: bool,
    generic: bool,
    specific: *mut c_void,
}

impl Choice {
    /// A C function to use as is (unless another definition disagrees).
    fn specific(&mut self, p: *mut c_void) {
        self.found = true;
        if self.specific.is_null() {
            self.specific = p;
        } else if self.specific != p {
            self.generic = true;
        }
    }
    /// A definition only the dunder-calling function can honour.
    fn generic(&mut self) {
        self.found = true;
        self.generic = true;
    }
}

/// Recompute slot `id` of the heap type `t` from what its MRO holds under the
/// slot's dunder names: nothing found leaves the slot empty; only slot wrappers
/// of one C function (or `__hash__ = None`) give that function; anything else
/// gives the function that calls the dunder.
pub unsafe fn update_type_slot(t: *mut PyTypeObject, id: u16) {
    let mut c = Choice {
        found: false,
        generic: false,
        specific: null_mut(),
    };
    if id == Py_tp_new {
        let d = lookup(t, name!("__new__"));
        if !d.is_null() {
            match crate::objects::slots::builtin_new_of(d) {
                Some(f) => c.specific(f),
                None => c.generic(),
            }
        }
    }
    if id == Py_tp_getattro && !lookup(t, name!("__getattr__")).is_null() {
        c.generic();
    }
    for name in crate::objects::slots::dunders_of(id) {
        let d = lookup(t, name);
        if d.is_null() {
            continue;
        }
        if id == Py_tp_hash && d == none() {
            c.specific(crate::objects::baseobject::hash_not_implemented as *mut c_void);
        } else if crate::objects::slots::is_wrapper_descr(d)
            && crate::objects::slots::wrapper_slot_id(d) == id
        {
            c.specific(crate::objects::slots::wrapped_fn(d));
        } else {
            c.generic();
        }
    }
    let f = if !c.found {
        null_mut()
    } else if c.generic || c.specific.is_null() {
        python_slot(id)
    } else {
        c.specific
    };
    crate::objects::heaptype::write_fn_slot(t as *mut HeapType, id, f);
    if id == Py_tp_call && f == slot_tp_call as *mut c_void {
        // The class's own `__call__` must not be bypassed by a base's vectorcall.
        (*t).tp_flags &= !Py_TPFLAGS_HAVE_VECTORCALL;
    }
}

/// Every slot a dunder can fill, recomputed for a class being created.
pub unsafe fn fixup_slot_dispatchers(t: *mut PyTypeObject) {
    for id in crate::objects::slots::dunder_slot_ids() {
        update_type_slot(t, id);
    }
}
