//! Slot wrappers: the `__add__`, `__repr__`, `__len__`, ... entries of a type's
//! dict that expose its C slots (CPython's `slotdefs`): `PyWrapperDescr_Type`
//! ("wrapper_descriptor") in the type, bound to an instance as a "method-wrapper";
//! `__new__` is a built-in function bound to the type (`tp_new_wrapper`).
//!
//! A wrapper is added when the type itself defines the slot (before inheritance)
//! and its dict has no entry of that name yet; the first definition in `SLOTDEFS`
//! wins, as in CPython (mapping before sequence, number before sequence).

use core::ffi::{c_char, c_int, c_void, CStr};
use core::ptr::null_mut;
use std::sync::{Once, OnceLock};

use crate::defs::*;
use crate::exported::*;
use crate::object::*;
use crate::objects::typeobject::visit_each;
use crate::objects::typeobject::{instance_of, is_subtype, is_type, tp_name, type_name};
use crate::objects::{dict, tuple, unicode};
use crate::typeobj::*;

/// How a wrapper calls its slot.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Unary,
    Binary,
    BinaryR,
    Ternary,
    TernaryR,
    Inquiry,
    Len,
    Hash,
    Rich(c_int),
    ObjArg,
    SetItem,
    DelItem,
    SqItem,
    SqSetItem,
    SqDelItem,
    Repeat,
    Contains,
    Call,
    Init,
    GetAttr,
    SetAttr,
    DelAttr,
    DescrGet,
    DescrSet,
    DescrDelete,
    Next,
    Del,
}

struct SlotDef {
    name: &'static str,
    id: u16,
    kind: Kind,
    doc: &'static CStr,
}

macro_rules! sd {
    ($name:literal, $id:ident, $kind:expr, $doc:literal) => {
        SlotDef {
            name: $name,
            id: crate::defs::slot::$id,
            kind: $kind,
            doc: $doc,
        }
    };
}

use Kind::*;

static SLOTDEFS: &[SlotDef] = &[
    sd!("__getattribute__", Py_tp_getattro, GetAttr, c"Return getattr(self, name)."),
    sd!("__setattr__", Py_tp_setattro, SetAttr, c"Implement setattr(self, name, value)."),
    sd!("__delattr__", Py_tp_setattro, DelAttr, c"Implement delattr(self, name)."),
    sd!("__repr__", Py_tp_repr, Unary, c"Return repr(self)."),
    sd!("__hash__", Py_tp_hash, Hash, c"Return hash(self)."),
    sd!("__call__", Py_tp_call, Call, c"Call self as a function."),
    sd!("__str__", Py_tp_str, Unary, c"Return str(self)."),
    sd!("__lt__", Py_tp_richcompare, Rich(0), c"Return self<value."),
    sd!("__le__", Py_tp_richcompare, Rich(1), c"Return self<=value."),
    sd!("__eq__", Py_tp_richcompare, Rich(2), c"Return self==value."),
    sd!("__ne__", Py_tp_richcompare, Rich(3), c"Return self!=value."),
    sd!("__gt__", Py_tp_richcompare, Rich(4), c"Return self>value."),
    sd!("__ge__", Py_tp_richcompare, Rich(5), c"Return self>=value."),
    sd!("__iter__", Py_tp_iter, Unary, c"Implement iter(self)."),
    sd!("__next__", Py_tp_iternext, Next, c"Implement next(self)."),
    sd!("__get__", Py_tp_descr_get, DescrGet, c"Return an attribute of instance, which is of type owner."),
    sd!("__set__", Py_tp_descr_set, DescrSet, c"Set an attribute of instance to value."),
    sd!("__delete__", Py_tp_descr_set, DescrDelete, c"Delete an attribute of instance."),
    sd!("__init__", Py_tp_init, Init, c"Initialize self.  See help(type(self)) for accurate signature."),
    sd!("__del__", Py_tp_finalize, Del, c"Called when the instance is about to be destroyed."),
    sd!("__await__", Py_am_await, Unary, c"Return an iterator to be used in await expression."),
    sd!("__aiter__", Py_am_aiter, Unary, c"Return an awaitable, that resolves in asynchronous iterator."),
    sd!("__anext__", Py_am_anext, Unary, c"Return a value or raise StopAsyncIteration."),
    sd!("__add__", Py_nb_add, Binary, c"Return self+value."),
    sd!("__radd__", Py_nb_add, BinaryR, c"Return value+self."),
    sd!("__sub__", Py_nb_subtract, Binary, c"Return self-value."),
    sd!("__rsub__", Py_nb_subtract, BinaryR, c"Return value-self."),
    sd!("__mul__", Py_nb_multiply, Binary, c"Return self*value."),
    sd!("__rmul__", Py_nb_multiply, BinaryR, c"Return value*self."),
    sd!("__mod__", Py_nb_remainder, Binary, c"Return self%value."),
    sd!("__rmod__", Py_nb_remainder, BinaryR, c"Return value%self."),
    sd!("__divmod__", Py_nb_divmod, Binary, c"Return divmod(self, value)."),
    sd!("__rdivmod__", Py_nb_divmod, BinaryR, c"Return divmod(value, self)."),
    sd!("__pow__", Py_nb_power, Ternary, c"Return pow(self, value, mod)."),
    sd!("__rpow__", Py_nb_power, TernaryR, c"Return pow(value, self, mod)."),
    sd!("__neg__", Py_nb_negative, Unary, c"-self"),
    sd!("__pos__", Py_nb_positive, Unary, c"+self"),
    sd!("__abs__", Py_nb_absolute, Unary, c"abs(self)"),
    sd!("__bool__", Py_nb_bool, Inquiry, c"True if self else False"),
    sd!("__invert__", Py_nb_invert, Unary, c"~self"),
    sd!("__lshift__", Py_nb_lshift, Binary, c"Return self<<value."),
    sd!("__rlshift__", Py_nb_lshift, BinaryR, c"Return value<<self."),
    sd!("__rshift__", Py_nb_rshift, Binary, c"Return self>>value."),
    sd!("__rrshift__", Py_nb_rshift, BinaryR, c"Return value>>self."),
    sd!("__and__", Py_nb_and, Binary, c"Return self&value."),
    sd!("__rand__", Py_nb_and, BinaryR, c"Return value&self."),
    sd!("__xor__", Py_nb_xor, Binary, c"Return self^value."),
    sd!("__rxor__", Py_nb_xor, BinaryR, c"Return value^self."),
    sd!("__or__", Py_nb_or, Binary, c"Return self|value."),
    sd!("__ror__", Py_nb_or, BinaryR, c"Return value|self."),
    sd!("__int__", Py_nb_int, Unary, c"int(self)"),
    sd!("__float__", Py_nb_float, Unary, c"float(self)"),
    sd!("__iadd__", Py_nb_inplace_add, Binary, c"Return self+=value."),
    sd!("__isub__", Py_nb_inplace_subtract, Binary, c"Return self-=value."),
    sd!("__imul__", Py_nb_inplace_multiply, Binary, c"Return self*=value."),
    sd!("__imod__", Py_nb_inplace_remainder, Binary, c"Return self%=value."),
    sd!("__ipow__", Py_nb_inplace_power, Ternary, c"Return self**=value."),
    sd!("__ilshift__", Py_nb_inplace_lshift, Binary, c"Return self<<=value."),
    sd!("__irshift__", Py_nb_inplace_rshift, Binary, c"Return self>>=value."),
    sd!("__iand__", Py_nb_inplace_and, Binary, c"Return self&=value."),
    sd!("__ixor__", Py_nb_inplace_xor, Binary, c"Return self^=value."),
    sd!("__ior__", Py_nb_inplace_or, Binary, c"Return self|=value."),
    sd!("__floordiv__", Py_nb_floor_divide, Binary, c"Return self//value."),
    sd!("__rfloordiv__", Py_nb_floor_divide, BinaryR, c"Return value//self."),
    sd!("__truediv__", Py_nb_true_divide, Binary, c"Return self/value."),
    sd!("__rtruediv__", Py_nb_true_divide, BinaryR, c"Return value/self."),
    sd!("__ifloordiv__", Py_nb_inplace_floor_divide, Binary, c"Return self//=value."),
    sd!("__itruediv__", Py_nb_inplace_true_divide, Binary, c"Return self/=value."),
    sd!("__index__", Py_nb_index, Unary, c"Return self converted to an integer, if self is suitable for use as an index into a list."),
    sd!("__matmul__", Py_nb_matrix_multiply, Binary, c"Return self@value."),
    sd!("__rmatmul__", Py_nb_matrix_multiply, BinaryR, c"Return value@self."),
    sd!("__imatmul__", Py_nb_inplace_matrix_multiply, Binary, c"Return self@=value."),
    sd!("__len__", Py_mp_length, Len, c"Return len(self)."),
    sd!("__getitem__", Py_mp_subscript, ObjArg, c"Return self[key]."),
    sd!("__setitem__", Py_mp_ass_subscript, SetItem, c"Set self[key] to value."),
    sd!("__delitem__", Py_mp_ass_subscript, DelItem, c"Delete self[key]."),
    sd!("__len__", Py_sq_length, Len, c"Return len(self)."),
    sd!("__add__", Py_sq_concat, Binary, c"Return self+value."),
    sd!("__mul__", Py_sq_repeat, Repeat, c"Return self*value."),
    sd!("__rmul__", Py_sq_repeat, Repeat, c"Return value*self."),
    sd!("__getitem__", Py_sq_item, SqItem, c"Return self[key]."),
    sd!("__setitem__", Py_sq_ass_item, SqSetItem, c"Set self[key] to value."),
    sd!("__delitem__", Py_sq_ass_item, SqDelItem, c"Delete self[key]."),
    sd!("__contains__", Py_sq_contains, Contains, c"Return bool(key in self)."),
    sd!("__iadd__", Py_sq_inplace_concat, Binary, c"Implement self+=value."),
    sd!("__imul__", Py_sq_inplace_repeat, Repeat, c"Implement self*=value."),
];

#[repr(C)]
pub struct WrapperDescr {
    pub ob_base: PyObject,
    pub d_type: *mut PyTypeObject,
    pub d_name: *mut PyObject,
    pub d_base: *const c_void,
    pub d_wrapped: *mut c_void,
}

#[repr(C)]
pub struct MethodWrapper {
    pub ob_base: PyObject,
    pub descr: *mut PyObject,
    pub self_: *mut PyObject,
}

/// `method-wrapper` (not an exported type in CPython either).
pub static mut METHOD_WRAPPER_TYPE: PyTypeObject = PyTypeObject::static_empty(null_mut());
static READY: Once = Once::new();

#[inline]
unsafe fn sdef(descr: *mut PyObject) -> &'static SlotDef {
    &*((*(descr as *mut WrapperDescr)).d_base as *const SlotDef)
}

unsafe fn read_slot(t: *mut PyTypeObject, id: u16) -> *mut c_void {
    crate::objects::heaptype::get_slot(t, id as c_int).unwrap_or_else(|_| {
        crate::errors::clear();
        null_mut()
    })
}

/// Add a wrapper descriptor for each slot `t` defines and its dict lacks, and
/// `__new__` for `tp_new`. Called by `typeobject::ready` before inheritance.
pub unsafe fn add_slot_wrappers(t: *mut PyTypeObject) -> PyResult<()> {
    let d = (*t).tp_dict;
    for sd in SLOTDEFS.iter() {
        let f = read_slot(t, sd.id);
        if f.is_null() {
            continue;
        }
        if sd.kind == Hash && f == crate::objects::baseobject::hash_not_implemented as *mut c_void {
            if dict::get_str(d, "__hash__").is_null() {
                dict::set_str(d, "__hash__", none())?;
            }
            continue;
        }
        if !dict::get_str(d, sd.name).is_null() {
            continue;
        }
        let name = unicode::intern_str(sd.name);
        let w = crate::alloc::new_object(
            &raw mut PyWrapperDescr_Type,
            WrapperDescr {
                ob_base: PyObject {
                    ob_refcnt: 1,
                    ob_type: null_mut(),
                },
                d_type: t,
                d_name: new_ref(name),
                d_base: sd as *const SlotDef as *const c_void,
                d_wrapped: f,
            },
        );
        if w.is_null() {
            return Err(());
        }
        Py_INCREF(t as *mut PyObject);
        crate::gc::track(w as *mut PyObject);
        let r = dict::set_item(d, name, w as *mut PyObject);
        Py_DECREF(w as *mut PyObject);
        r?;
    }
    if (*t).tp_new.is_some() && dict::get_str(d, "__new__").is_null() {
        let f = crate::objects::methodobject::new(
            &raw mut TP_NEW_DEF,
            t as *mut PyObject,
            null_mut(),
            null_mut(),
        );
        nonnull(f)?;
        let r = dict::set_str(d, "__new__", f);
        Py_DECREF(f);
        r?;
    }
    Ok(())
}

/// The interned names of `SLOTDEFS`, in the same order.
fn slotdef_names() -> &'static [usize] {
    static NAMES: OnceLock<Vec<usize>> = OnceLock::new();
    NAMES.get_or_init(|| {
        SLOTDEFS
            .iter()
            .map(|sd| unsafe { unicode::intern_str(sd.name) } as usize)
            .collect()
    })
}

/// The dunder names that fill slot `id`.
pub fn dunders_of(id: u16) -> impl Iterator<Item = *mut PyObject> {
    SLOTDEFS
        .iter()
        .zip(slotdef_names())
        .filter(move |(sd, _)| sd.id == id)
        .map(|(_, &n)| n as *mut PyObject)
}

/// Every slot id a dunder can fill, each once (`tp_new` and `tp_getattro`'s
/// `__getattr__` hook have no slot wrapper entry of their own).
pub fn dunder_slot_ids() -> Vec<u16> {
    let mut ids = vec![crate::defs::slot::Py_tp_new];
    for sd in SLOTDEFS {
        if !ids.contains(&sd.id) {
            ids.push(sd.id);
        }
    }
    ids
}

/// The slot a wrapper descriptor exposes.
pub unsafe fn wrapper_slot_id(descr: *mut PyObject) -> u16 {
    sdef(descr).id
}

/// The C function a wrapper descriptor calls.
pub unsafe fn wrapped_fn(descr: *mut PyObject) -> *mut c_void {
    (*(descr as *mut WrapperDescr)).d_wrapped
}

/// The `tp_new` behind a type's built-in `__new__` (`tp_new_wrapper` bound to
/// the type), if `o` is one.
pub unsafe fn builtin_new_of(o: *mut PyObject) -> Option<*mut c_void> {
    if !crate::objects::methodobject::is_cfunction(o) {
        return None;
    }
    let f = o as *mut crate::objects::methodobject::CFunctionObject;
    if (*f).m_ml != &raw mut TP_NEW_DEF || !is_type((*f).m_self) {
        return None;
    }
    (*((*f).m_self as *mut PyTypeObject))
        .tp_new
        .map(|f| f as *mut c_void)
}

/// A dunder was set or deleted on the heap type `t`: recompute the slots that
/// name fills, in `t` and in every subclass (a subclass that defines the name
/// itself finds its own definition first and keeps its slot).
pub unsafe fn update_slot(t: *mut PyTypeObject, name: *mut PyObject) {
    if !has_flag(t, Py_TPFLAGS_HEAPTYPE) || !unicode::is_unicode(name) {
        return;
    }
    let s = unicode::as_str(name);
    if !(s.len() > 4 && s.starts_with("__") && s.ends_with("__")) {
        return;
    }
    let mut ids: Vec<u16> = SLOTDEFS
        .iter()
        .filter(|sd| sd.name == s)
        .map(|sd| sd.id)
        .collect();
    match s {
        "__new__" => ids.push(crate::defs::slot::Py_tp_new),
        "__getattr__" => ids.push(crate::defs::slot::Py_tp_getattro),
        _ => {}
    }
    if ids.is_empty() {
        return;
    }
    crate::objects::typeobject::for_each_subclass_deep(t, &mut |sub| {
        for &id in &ids {
            crate::objects::dunder_slots::update_type_slot(sub, id);
        }
    });
}

// ---- __new__ -----------------------------------------------------------------------

static mut TP_NEW_DEF: PyMethodDef = PyMethodDef {
    ml_name: c"__new__".as_ptr(),
    ml_meth: Some(unsafe {
        core::mem::transmute::<
            unsafe extern "C" fn(*mut PyObject, *mut PyObject, *mut PyObject) -> *mut PyObject,
            PyCFunction,
        >(tp_new_wrapper)
    }),
    ml_flags: METH_VARARGS | METH_KEYWORDS,
    ml_doc: c"__new__($type, *args, **kwargs)\n--\n\nCreate and return a new object.  See help(type) for accurate signature."
        .as_ptr(),
};

unsafe extern "C" fn tp_new_wrapper(
    self_: *mut PyObject,
    args: *mut PyObject,
    kwds: *mut PyObject,
) -> *mut PyObject {
    let t = self_ as *mut PyTypeObject;
    let n = Py_SIZE(args);
    if n < 1 {
        return crate::raise_null!(
            PyExc_TypeError,
            "{}.__new__(): not enough arguments",
            tp_name(t)
        );
    }
    let arg0 = tuple::get_item(args, 0);
    if !is_type(arg0) {
        return crate::raise_null!(
            PyExc_TypeError,
            "{}.__new__(X): X is not a type object ({})",
            tp_name(t),
            type_name(Py_TYPE(arg0))
        );
    }
    let sub = arg0 as *mut PyTypeObject;
    if !is_subtype(sub, t) {
        return crate::raise_null!(
            PyExc_TypeError,
            "{}.__new__({}): {} is not a subtype of {}",
            tp_name(t),
            tp_name(sub),
            tp_name(sub),
            tp_name(t)
        );
    }
    let Some(f) = (*t).tp_new else {
        return crate::raise_null!(PyExc_TypeError, "cannot create '{}' instances", tp_name(t));
    };
    let rest = tuple::from_slice(&tuple::as_slice(args)[1..]);
    if rest.is_null() {
        return rest;
    }
    let r = f(sub, rest, kwds);
    Py_DECREF(rest);
    r
}

// ---- calling a wrapper -------------------------------------------------------------

unsafe fn check_num_args(args: &[*mut PyObject], n: usize) -> PyResult<()> {
    if args.len() != n {
        return crate::raise!(
            PyExc_TypeError,
            "expected {} argument{}, got {}",
            n,
            if n == 1 { "" } else { "s" },
            args.len()
        );
    }
    Ok(())
}

unsafe fn index_arg(o: *mut PyObject) -> PyResult<Py_ssize_t> {
    let i = crate::protocols::number::index(o);
    if i.is_null() {
        return Err(());
    }
    let v = crate::objects::long::to_i64(i);
    Py_DECREF(i);
    match v {
        Some(v) => Ok(v as Py_ssize_t),
        None => crate::raise!(
            PyExc_OverflowError,
            "Python int too large to convert to C ssize_t"
        ),
    }
}

unsafe fn int_result(r: c_int) -> *mut PyObject {
    if r < 0 {
        null_mut()
    } else {
        new_ref(none())
    }
}

/// Run the wrapped slot `f` of kind `sd.kind` for `self_` with `args`/`kwds`.
unsafe fn call_wrapped(
    sd: &SlotDef,
    f: *mut c_void,
    self_: *mut PyObject,
    args: *mut PyObject,
    kwds: *mut PyObject,
) -> *mut PyObject {
    let a = tuple::as_slice(args);
    let has_kw = !kwds.is_null() && dict::len(kwds) > 0;
    if has_kw && !matches!(sd.kind, Call | Init) {
        return crate::raise_null!(
            PyExc_TypeError,
            "wrapper {}() takes no keyword arguments",
            sd.name
        );
    }
    macro_rules! args {
        ($n:expr) => {
            if check_num_args(a, $n).is_err() {
                return null_mut();
            }
        };
    }
    match sd.kind {
        Unary => {
            args!(0);
            let f: unaryfunc = core::mem::transmute(f);
            f(self_)
        }
        Binary => {
            args!(1);
            let f: binaryfunc = core::mem::transmute(f);
            f(self_, a[0])
        }
        BinaryR => {
            args!(1);
            let f: binaryfunc = core::mem::transmute(f);
            f(a[0], self_)
        }
        Ternary | TernaryR => {
            if a.is_empty() || a.len() > 2 {
                return crate::raise_null!(
                    PyExc_TypeError,
                    "expected 1 or 2 arguments, got {}",
                    a.len()
                );
            }
            let third = if a.len() == 2 { a[1] } else { none() };
            let f: ternaryfunc = core::mem::transmute(f);
            if sd.kind == Ternary {
                f(self_, a[0], third)
            } else {
                f(a[0], self_, third)
            }
        }
        Inquiry => {
            args!(0);
            let f: inquiry = core::mem::transmute(f);
            let r = f(self_);
            if r < 0 {
                null_mut()
            } else {
                py_bool(r != 0)
            }
        }
        Len => {
            args!(0);
            let f: lenfunc = core::mem::transmute(f);
            let r = f(self_);
            if r < 0 && !crate::errors::raised().is_null() {
                null_mut()
            } else {
                crate::objects::long::from_i64(r as i64)
            }
        }
        Hash => {
            args!(0);
            let f: hashfunc = core::mem::transmute(f);
            let r = f(self_);
            if r == -1 && !crate::errors::raised().is_null() {
                null_mut()
            } else {
                crate::objects::long::from_i64(r as i64)
            }
        }
        Rich(op) => {
            args!(1);
            let f: richcmpfunc = core::mem::transmute(f);
            f(self_, a[0], op)
        }
        ObjArg => {
            args!(1);
            let f: binaryfunc = core::mem::transmute(f);
            f(self_, a[0])
        }
        SetItem => {
            args!(2);
            let f: objobjargproc = core::mem::transmute(f);
            int_result(f(self_, a[0], a[1]))
        }
        DelItem => {
            args!(1);
            let f: objobjargproc = core::mem::transmute(f);
            int_result(f(self_, a[0], null_mut()))
        }
        SqItem => {
            args!(1);
            let Ok(mut i) = index_arg(a[0]) else {
                return null_mut();
            };
            if i < 0 {
                let sq = (*Py_TYPE(self_)).tp_as_sequence;
                if !sq.is_null() {
                    if let Some(len) = (*sq).sq_length {
                        let n = len(self_);
                        if n < 0 {
                            return null_mut();
                        }
                        i += n;
                    }
                }
            }
            let f: ssizeargfunc = core::mem::transmute(f);
            f(self_, i)
        }
        SqSetItem | SqDelItem => {
            args!(if sd.kind == SqSetItem { 2 } else { 1 });
            let Ok(i) = index_arg(a[0]) else {
                return null_mut();
            };
            let f: ssizeobjargproc = core::mem::transmute(f);
            int_result(f(
                self_,
                i,
                if sd.kind == SqSetItem {
                    a[1]
                } else {
                    null_mut()
                },
            ))
        }
        Repeat => {
            args!(1);
            let Ok(i) = index_arg(a[0]) else {
                return null_mut();
            };
            let f: ssizeargfunc = core::mem::transmute(f);
            f(self_, i)
        }
        Contains => {
            args!(1);
            let f: objobjproc = core::mem::transmute(f);
            let r = f(self_, a[0]);
            if r < 0 {
                null_mut()
            } else {
                py_bool(r != 0)
            }
        }
        Call => {
            let f: ternaryfunc = core::mem::transmute(f);
            f(self_, args, kwds)
        }
        Init => {
            let f: initproc = core::mem::transmute(f);
            int_result(f(self_, args, kwds))
        }
        GetAttr => {
            args!(1);
            let f: getattrofunc = core::mem::transmute(f);
            f(self_, a[0])
        }
        SetAttr => {
            args!(2);
            let f: setattrofunc = core::mem::transmute(f);
            int_result(f(self_, a[0], a[1]))
        }
        DelAttr => {
            args!(1);
            let f: setattrofunc = core::mem::transmute(f);
            int_result(f(self_, a[0], null_mut()))
        }
        DescrGet => {
            if a.is_empty() || a.len() > 2 {
                return crate::raise_null!(
                    PyExc_TypeError,
                    "expected 1 or 2 arguments, got {}",
                    a.len()
                );
            }
            let obj = if a[0] == none() { null_mut() } else { a[0] };
            let ty = if a.len() == 2 && a[1] != none() {
                a[1]
            } else {
                null_mut()
            };
            if obj.is_null() && ty.is_null() {
                return crate::raise_null!(PyExc_TypeError, "__get__(None, None) is invalid");
            }
            let f: descrgetfunc = core::mem::transmute(f);
            f(self_, obj, ty)
        }
        DescrSet => {
            args!(2);
            let f: descrsetfunc = core::mem::transmute(f);
            int_result(f(self_, a[0], a[1]))
        }
        DescrDelete => {
            args!(1);
            let f: descrsetfunc = core::mem::transmute(f);
            int_result(f(self_, a[0], null_mut()))
        }
        Next => {
            args!(0);
            let f: iternextfunc = core::mem::transmute(f);
            let r = f(self_);
            if r.is_null() && crate::errors::raised().is_null() {
                crate::errors::set_object(
                    crate::objects::exceptions::exc(&raw mut PyExc_StopIteration),
                    null_mut(),
                );
            }
            r
        }
        Del => {
            args!(0);
            let f: destructor = core::mem::transmute(f);
            f(self_);
            if crate::errors::raised().is_null() {
                new_ref(none())
            } else {
                null_mut()
            }
        }
    }
}

unsafe fn check_self(descr: *mut PyObject, self_: *mut PyObject) -> PyResult<()> {
    let wd = descr as *mut WrapperDescr;
    if !instance_of(self_, (*wd).d_type) {
        return crate::raise!(
            PyExc_TypeError,
            "descriptor '{}' requires a '{}' object but received a '{}'",
            sdef(descr).name,
            tp_name((*wd).d_type),
            tp_name(Py_TYPE(self_))
        );
    }
    Ok(())
}

/// Calling the unbound wrapper: `T.__add__(self, other)`.
unsafe extern "C" fn wrapperdescr_call(
    descr: *mut PyObject,
    args: *mut PyObject,
    kwds: *mut PyObject,
) -> *mut PyObject {
    let sd = sdef(descr);
    let wd = descr as *mut WrapperDescr;
    if Py_SIZE(args) < 1 {
        return crate::raise_null!(
            PyExc_TypeError,
            "descriptor '{}' of '{}' object needs an argument",
            sd.name,
            tp_name((*wd).d_type)
        );
    }
    let self_ = tuple::get_item(args, 0);
    if check_self(descr, self_).is_err() {
        return null_mut();
    }
    let rest = tuple::from_slice(&tuple::as_slice(args)[1..]);
    if rest.is_null() {
        return rest;
    }
    let r = call_wrapped(sd, (*wd).d_wrapped, self_, rest, kwds);
    Py_DECREF(rest);
    r
}

unsafe extern "C" fn wrapperdescr_get(
    descr: *mut PyObject,
    obj: *mut PyObject,
    _t: *mut PyObject,
) -> *mut PyObject {
    if obj.is_null() {
        return new_ref(descr);
    }
    if check_self(descr, obj).is_err() {
        return null_mut();
    }
    new_method_wrapper(descr, obj)
}

/// `PyWrapper_New`: bind a wrapper descriptor to `self`.
pub unsafe fn new_method_wrapper(descr: *mut PyObject, self_: *mut PyObject) -> *mut PyObject {
    READY.call_once(|| {
        let _ = crate::objects::typeobject::ready(&raw mut METHOD_WRAPPER_TYPE);
    });
    let m = crate::alloc::new_object(
        &raw mut METHOD_WRAPPER_TYPE,
        MethodWrapper {
            ob_base: PyObject {
                ob_refcnt: 1,
                ob_type: null_mut(),
            },
            descr: new_ref(descr),
            self_: new_ref(self_),
        },
    );
    if m.is_null() {
        Py_DECREF(descr);
        Py_DECREF(self_);
        return null_mut();
    }
    crate::gc::track(m as *mut PyObject);
    m as *mut PyObject
}

#[inline]
pub unsafe fn is_wrapper_descr(o: *mut PyObject) -> bool {
    Py_TYPE(o) == &raw mut PyWrapperDescr_Type
}

unsafe extern "C" fn wrapperdescr_repr(o: *mut PyObject) -> *mut PyObject {
    let wd = o as *mut WrapperDescr;
    unicode::from_str(&format!(
        "<slot wrapper '{}'{}>",
        sdef(o).name,
        crate::objects::descr::of_objects((*wd).d_type)
    ))
}

unsafe extern "C" fn wrapperdescr_dealloc(o: *mut PyObject) {
    crate::gc::untrack(o);
    let wd = o as *mut WrapperDescr;
    Py_XDECREF((*wd).d_type as *mut PyObject);
    Py_XDECREF((*wd).d_name);
    crate::alloc::free_via_type(o);
}

unsafe extern "C" fn wrapperdescr_traverse(
    o: *mut PyObject,
    visit: visitproc,
    arg: *mut c_void,
) -> c_int {
    let t = (*(o as *mut WrapperDescr)).d_type;
    if !t.is_null() {
        return visit(t as *mut PyObject, arg);
    }
    0
}

unsafe extern "C" fn wd_get_name(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    new_ref((*(o as *mut WrapperDescr)).d_name)
}
unsafe extern "C" fn wd_get_qualname(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    let wd = o as *mut WrapperDescr;
    unicode::from_str(&format!(
        "{}.{}",
        crate::objects::typeobject::qual_name((*wd).d_type),
        sdef(o).name
    ))
}
unsafe extern "C" fn wd_get_objclass(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    new_ref((*(o as *mut WrapperDescr)).d_type as *mut PyObject)
}
unsafe extern "C" fn wd_get_doc(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    unicode::from_utf8(sdef(o).doc.to_bytes())
}

// ---- method-wrapper ----------------------------------------------------------------

unsafe extern "C" fn mw_call(
    o: *mut PyObject,
    args: *mut PyObject,
    kwds: *mut PyObject,
) -> *mut PyObject {
    let mw = o as *mut MethodWrapper;
    let descr = (*mw).descr;
    call_wrapped(
        sdef(descr),
        (*(descr as *mut WrapperDescr)).d_wrapped,
        (*mw).self_,
        args,
        kwds,
    )
}

unsafe extern "C" fn mw_repr(o: *mut PyObject) -> *mut PyObject {
    let mw = o as *mut MethodWrapper;
    unicode::from_str(&format!(
        "<method-wrapper '{}' of {} object at {:p}>",
        sdef((*mw).descr).name,
        tp_name(Py_TYPE((*mw).self_)),
        (*mw).self_
    ))
}

unsafe extern "C" fn mw_dealloc(o: *mut PyObject) {
    crate::gc::untrack(o);
    let mw = o as *mut MethodWrapper;
    Py_XDECREF((*mw).descr);
    Py_XDECREF((*mw).self_);
    crate::alloc::free_via_type(o);
}

unsafe extern "C" fn mw_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let mw = o as *mut MethodWrapper;
    visit_each([(*mw).descr, (*mw).self_], visit, arg)
}

unsafe extern "C" fn mw_richcompare(
    a: *mut PyObject,
    b: *mut PyObject,
    op: c_int,
) -> *mut PyObject {
    if (op != 2 && op != 3) || Py_TYPE(b) != &raw mut METHOD_WRAPPER_TYPE {
        return new_ref(not_implemented());
    }
    let (x, y) = (a as *mut MethodWrapper, b as *mut MethodWrapper);
    let eq = (*x).descr == (*y).descr && (*x).self_ == (*y).self_;
    py_bool(if op == 2 { eq } else { !eq })
}

unsafe extern "C" fn mw_get_self(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    new_ref((*(o as *mut MethodWrapper)).self_)
}
unsafe extern "C" fn mw_get_name(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    wd_get_name((*(o as *mut MethodWrapper)).descr, null_mut())
}
unsafe extern "C" fn mw_get_qualname(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    wd_get_qualname((*(o as *mut MethodWrapper)).descr, null_mut())
}
unsafe extern "C" fn mw_get_objclass(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    wd_get_objclass((*(o as *mut MethodWrapper)).descr, null_mut())
}
unsafe extern "C" fn mw_get_doc(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    wd_get_doc((*(o as *mut MethodWrapper)).descr, null_mut())
}

static mut WD_GETSET: [PyGetSetDef; 5] = [
    getset!(c"__name__", wd_get_name),
    getset!(c"__qualname__", wd_get_qualname),
    getset!(c"__objclass__", wd_get_objclass),
    getset!(c"__doc__", wd_get_doc),
    PyGetSetDef::SENTINEL,
];
static mut MW_GETSET: [PyGetSetDef; 6] = [
    getset!(c"__self__", mw_get_self),
    getset!(c"__name__", mw_get_name),
    getset!(c"__qualname__", mw_get_qualname),
    getset!(c"__objclass__", mw_get_objclass),
    getset!(c"__doc__", mw_get_doc),
    PyGetSetDef::SENTINEL,
];

pub unsafe fn init_types() {
    let t = &raw mut PyWrapperDescr_Type;
    crate::objects::typeobject::init_builtin(
        t,
        c"wrapper_descriptor",
        core::mem::size_of::<WrapperDescr>(),
        0,
    );
    (*t).tp_flags |=
        Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_METHOD_DESCRIPTOR | Py_TPFLAGS_DISALLOW_INSTANTIATION;
    (*t).tp_dealloc = Some(wrapperdescr_dealloc);
    (*t).tp_traverse = Some(wrapperdescr_traverse);
    (*t).tp_call = Some(wrapperdescr_call);
    (*t).tp_descr_get = Some(wrapperdescr_get);
    (*t).tp_repr = Some(wrapperdescr_repr);
    (*t).tp_getset = (&raw mut WD_GETSET).cast();

    let t = &raw mut METHOD_WRAPPER_TYPE;
    crate::objects::typeobject::init_builtin(
        t,
        c"method-wrapper",
        core::mem::size_of::<MethodWrapper>(),
        0,
    );
    (*t).tp_flags |= Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_DISALLOW_INSTANTIATION;
    (*t).tp_dealloc = Some(mw_dealloc);
    (*t).tp_traverse = Some(mw_traverse);
    (*t).tp_call = Some(mw_call);
    (*t).tp_repr = Some(mw_repr);
    (*t).tp_richcompare = Some(mw_richcompare);
    (*t).tp_hash = Some(crate::objects::baseobject::object_hash);
    (*t).tp_getset = (&raw mut MW_GETSET).cast();
    let _: *const c_char = core::ptr::null();
}
