//! Heap types: `PyType_FromSpec` and friends, PEP 820's `PyType_FromSlots`, the
//! slot table shared with `PyType_GetSlot`, PEP 697 type data, and
//! `type(name, bases, dict)`.
//!
//! Both ways of describing a type (a `PyType_Spec` with legacy `PyType_Slot`s, or
//! a `PySlot` array) are first flattened into one list of `(id, value)` pairs with
//! the unified PEP 820 ids; `build` then makes the type from that list.

use core::ffi::{c_char, c_int, c_ulong, c_void, CStr};
use core::ptr::null_mut;

use crate::defs::slot::*;
use crate::defs::*;
use crate::exported::*;
use crate::object::*;
use crate::objects::typeobject::{self, fully_qualified_name, is_subtype, is_type, type_name};
use crate::objects::{dict, tuple, unicode};
use crate::typeobj::*;

/// The name of a slot id, as CPython's messages spell it.
pub fn slot_name(id: u16) -> &'static str {
    macro_rules! names {
        ($($n:ident),* $(,)?) => {
            match id { $( x if x == $n => stringify!($n), )* _ => "?" }
        };
    }
    names!(
        Py_slot_end,
        Py_mp_subscript,
        Py_nb_absolute,
        Py_nb_add,
        Py_nb_and,
        Py_nb_bool,
        Py_nb_divmod,
        Py_nb_float,
        Py_nb_floor_divide,
        Py_nb_index,
        Py_nb_inplace_add,
        Py_nb_inplace_and,
        Py_nb_inplace_floor_divide,
        Py_nb_inplace_lshift,
        Py_nb_inplace_multiply,
        Py_nb_inplace_or,
        Py_nb_inplace_power,
        Py_nb_inplace_remainder,
        Py_nb_inplace_rshift,
        Py_nb_inplace_subtract,
        Py_nb_inplace_true_divide,
        Py_nb_inplace_xor,
        Py_nb_int,
        Py_nb_invert,
        Py_nb_lshift,
        Py_nb_multiply,
        Py_nb_negative,
        Py_nb_or,
        Py_nb_positive,
        Py_nb_power,
        Py_nb_remainder,
        Py_nb_rshift,
        Py_nb_subtract,
        Py_nb_true_divide,
        Py_nb_xor,
        Py_sq_ass_item,
        Py_sq_concat,
        Py_sq_contains,
        Py_sq_inplace_concat,
        Py_sq_inplace_repeat,
        Py_sq_item,
        Py_sq_length,
        Py_sq_repeat,
        Py_tp_alloc,
        Py_tp_base,
        Py_tp_bases,
        Py_tp_call,
        Py_tp_clear,
        Py_tp_dealloc,
        Py_tp_del,
        Py_tp_descr_get,
        Py_tp_descr_set,
        Py_tp_doc,
        Py_tp_getattr,
        Py_tp_getattro,
        Py_tp_hash,
        Py_tp_init,
        Py_tp_is_gc,
        Py_tp_iter,
        Py_tp_iternext,
        Py_tp_methods,
        Py_tp_new,
        Py_tp_repr,
        Py_tp_richcompare,
        Py_tp_setattr,
        Py_tp_setattro,
        Py_tp_str,
        Py_tp_traverse,
        Py_tp_members,
        Py_tp_getset,
        Py_tp_free,
        Py_nb_matrix_multiply,
        Py_nb_inplace_matrix_multiply,
        Py_am_await,
        Py_am_aiter,
        Py_am_anext,
        Py_tp_finalize,
        Py_am_send,
        Py_tp_vectorcall,
        Py_tp_token,
        Py_mod_create,
        Py_mod_exec,
        Py_mod_multiple_interpreters,
        Py_mod_gil,
        Py_bf_getbuffer,
        Py_bf_releasebuffer,
        Py_mp_ass_subscript,
        Py_mp_length,
        Py_slot_subslots,
        Py_tp_slots,
        Py_mod_slots,
        Py_tp_name,
        Py_tp_basicsize,
        Py_tp_extra_basicsize,
        Py_tp_itemsize,
        Py_tp_flags,
        Py_mod_name,
        Py_mod_doc,
        Py_mod_state_size,
        Py_mod_methods,
        Py_mod_state_traverse,
        Py_mod_state_clear,
        Py_mod_state_free,
        Py_tp_metaclass,
        Py_tp_module,
        Py_mod_abi,
        Py_mod_token,
        Py_slot_invalid,
    )
}

/// Is `id` one of the unified (3.15) slot ids?
pub fn is_known_slot(id: u16) -> bool {
    id <= Py_mod_token && !(1..=4).contains(&id)
}

/// Is `id` a module slot (only valid in module definitions)?
pub fn is_module_slot(id: u16) -> bool {
    matches!(id, 84..=87 | 94 | 100..=106 | 109 | 110)
}

/// A type slot id from a legacy `PyType_Slot` array (1..=4 were renumbered).
pub fn type_slot_from_legacy(id: c_int) -> u16 {
    match id {
        1 => Py_bf_getbuffer,
        2 => Py_bf_releasebuffer,
        3 => Py_mp_ass_subscript,
        4 => Py_mp_length,
        x if (0..0xFFFF).contains(&x) => x as u16,
        _ => Py_slot_invalid,
    }
}

macro_rules! fn_slots {
    ($mac:ident) => {
        $mac! {
            tp: [
                Py_tp_alloc => tp_alloc, Py_tp_call => tp_call, Py_tp_clear => tp_clear,
                Py_tp_dealloc => tp_dealloc, Py_tp_del => tp_del,
                Py_tp_descr_get => tp_descr_get, Py_tp_descr_set => tp_descr_set,
                Py_tp_getattr => tp_getattr, Py_tp_getattro => tp_getattro,
                Py_tp_hash => tp_hash, Py_tp_init => tp_init, Py_tp_is_gc => tp_is_gc,
                Py_tp_iter => tp_iter, Py_tp_iternext => tp_iternext, Py_tp_new => tp_new,
                Py_tp_repr => tp_repr, Py_tp_richcompare => tp_richcompare,
                Py_tp_setattr => tp_setattr, Py_tp_setattro => tp_setattro,
                Py_tp_str => tp_str, Py_tp_traverse => tp_traverse, Py_tp_free => tp_free,
                Py_tp_finalize => tp_finalize, Py_tp_vectorcall => tp_vectorcall
            ],
            nb: [
                Py_nb_absolute => nb_absolute, Py_nb_add => nb_add, Py_nb_and => nb_and,
                Py_nb_bool => nb_bool, Py_nb_divmod => nb_divmod, Py_nb_float => nb_float,
                Py_nb_floor_divide => nb_floor_divide, Py_nb_index => nb_index,
                Py_nb_inplace_add => nb_inplace_add, Py_nb_inplace_and => nb_inplace_and,
                Py_nb_inplace_floor_divide => nb_inplace_floor_divide,
                Py_nb_inplace_lshift => nb_inplace_lshift,
                Py_nb_inplace_multiply => nb_inplace_multiply,
                Py_nb_inplace_or => nb_inplace_or, Py_nb_inplace_power => nb_inplace_power,
                Py_nb_inplace_remainder => nb_inplace_remainder,
                Py_nb_inplace_rshift => nb_inplace_rshift,
                Py_nb_inplace_subtract => nb_inplace_subtract,
                Py_nb_inplace_true_divide => nb_inplace_true_divide,
                Py_nb_inplace_xor => nb_inplace_xor, Py_nb_int => nb_int,
                Py_nb_invert => nb_invert, Py_nb_lshift => nb_lshift,
                Py_nb_multiply => nb_multiply, Py_nb_negative => nb_negative,
                Py_nb_or => nb_or, Py_nb_positive => nb_positive, Py_nb_power => nb_power,
                Py_nb_remainder => nb_remainder, Py_nb_rshift => nb_rshift,
                Py_nb_subtract => nb_subtract, Py_nb_true_divide => nb_true_divide,
                Py_nb_xor => nb_xor, Py_nb_matrix_multiply => nb_matrix_multiply,
                Py_nb_inplace_matrix_multiply => nb_inplace_matrix_multiply
            ],
            sq: [
                Py_sq_ass_item => sq_ass_item, Py_sq_concat => sq_concat,
                Py_sq_contains => sq_contains, Py_sq_inplace_concat => sq_inplace_concat,
                Py_sq_inplace_repeat => sq_inplace_repeat, Py_sq_item => sq_item,
                Py_sq_length => sq_length, Py_sq_repeat => sq_repeat
            ],
            mp: [
                Py_mp_subscript => mp_subscript, Py_mp_ass_subscript => mp_ass_subscript,
                Py_mp_length => mp_length
            ],
            am: [
                Py_am_await => am_await, Py_am_aiter => am_aiter, Py_am_anext => am_anext,
                Py_am_send => am_send
            ],
            bf: [
                Py_bf_getbuffer => bf_getbuffer, Py_bf_releasebuffer => bf_releasebuffer
            ]
        }
    };
}

macro_rules! gen_write {
    (tp: [$($ti:ident => $tf:ident),*], nb: [$($ni:ident => $nf:ident),*],
     sq: [$($si:ident => $sf:ident),*], mp: [$($mi:ident => $mf:ident),*],
     am: [$($ai:ident => $af:ident),*], bf: [$($bi:ident => $bf:ident),*]) => {
        /// Store a function slot in a heap type; false if `id` is not a function slot.
        pub unsafe fn write_fn_slot(h: *mut HeapType, id: u16, p: *mut c_void) -> bool {
            match id {
                $( x if x == $ti => (*h).ht_type.$tf = core::mem::transmute::<*mut c_void, _>(p), )*
                $( x if x == $ni => (*h).as_number.$nf = core::mem::transmute::<*mut c_void, _>(p), )*
                $( x if x == $si => (*h).as_sequence.$sf = core::mem::transmute::<*mut c_void, _>(p), )*
                $( x if x == $mi => (*h).as_mapping.$mf = core::mem::transmute::<*mut c_void, _>(p), )*
                $( x if x == $ai => (*h).as_async.$af = core::mem::transmute::<*mut c_void, _>(p), )*
                $( x if x == $bi => (*h).as_buffer.$bf = core::mem::transmute::<*mut c_void, _>(p), )*
                _ => return false,
            }
            true
        }
        /// Read a function slot of any type (`None` if `id` is not a function slot).
        unsafe fn read_fn_slot(t: *mut PyTypeObject, id: u16) -> Option<*mut c_void> {
            Some(match id {
                $( x if x == $ti => core::mem::transmute::<_, *mut c_void>((*t).$tf), )*
                $( x if x == $ni => { let s = (*t).tp_as_number; if s.is_null() { null_mut() } else { core::mem::transmute::<_, *mut c_void>((*s).$nf) } } )*
                $( x if x == $si => { let s = (*t).tp_as_sequence; if s.is_null() { null_mut() } else { core::mem::transmute::<_, *mut c_void>((*s).$sf) } } )*
                $( x if x == $mi => { let s = (*t).tp_as_mapping; if s.is_null() { null_mut() } else { core::mem::transmute::<_, *mut c_void>((*s).$mf) } } )*
                $( x if x == $ai => { let s = (*t).tp_as_async; if s.is_null() { null_mut() } else { core::mem::transmute::<_, *mut c_void>((*s).$af) } } )*
                $( x if x == $bi => { let s = (*t).tp_as_buffer; if s.is_null() { null_mut() } else { core::mem::transmute::<_, *mut c_void>((*s).$bf) } } )*
                _ => return None,
            })
        }
    };
}
fn_slots!(gen_write);

/// `PyType_GetSlot`.
pub unsafe fn get_slot(t: *mut PyTypeObject, id: c_int) -> PyResult<*mut c_void> {
    let id = type_slot_from_legacy(id);
    if let Some(p) = read_fn_slot(t, id) {
        return Ok(p);
    }
    let heap = has_flag(t, Py_TPFLAGS_HEAPTYPE);
    let p = match id {
        Py_tp_base => (*t).tp_base as *mut c_void,
        Py_tp_bases => (*t).tp_bases as *mut c_void,
        Py_tp_doc => (*t).tp_doc as *mut c_void,
        Py_tp_methods => (*t).tp_methods as *mut c_void,
        Py_tp_members => {
            if heap && !(*(t as *mut HeapType)).ht_members.is_null() {
                (*(t as *mut HeapType)).ht_members as *mut c_void
            } else {
                (*t).tp_members as *mut c_void
            }
        }
        Py_tp_getset => (*t).tp_getset as *mut c_void,
        Py_tp_token => {
            if heap {
                (*(t as *mut HeapType)).ht_token
            } else {
                null_mut()
            }
        }
        Py_slot_end
        | Py_slot_subslots
        | Py_tp_slots
        | Py_tp_name
        | Py_tp_basicsize
        | Py_tp_extra_basicsize
        | Py_tp_itemsize
        | Py_tp_flags
        | Py_tp_metaclass
        | Py_tp_module => {
            return crate::raise!(
                PyExc_SystemError,
                "invalid PyType_GetSlot slot {} ({})",
                id,
                slot_name(id)
            )
        }
        _ => return crate::raise!(PyExc_SystemError, "invalid slot (Py_slot_invalid, 65535)"),
    };
    Ok(p)
}

// ---- the flattened description ---------------------------------------------------

/// Everything a type definition says, whatever form it came in.
pub struct TypeDef {
    pub name: *const c_char,
    pub basicsize: isize,
    pub extra_basicsize: isize,
    pub itemsize: isize,
    pub flags: c_ulong,
    pub slots: Vec<(u16, *mut c_void)>,
    pub metaclass: *mut PyTypeObject,
    pub module: *mut PyObject,
    pub bases: *mut PyObject,
    /// The address `Py_tp_token = Py_TP_USE_SPEC` (NULL) stands for.
    pub spec_addr: *mut c_void,
    pub token_given: bool,
}

impl TypeDef {
    fn new() -> TypeDef {
        TypeDef {
            name: core::ptr::null(),
            basicsize: 0,
            extra_basicsize: 0,
            itemsize: 0,
            flags: 0,
            slots: Vec::new(),
            metaclass: null_mut(),
            module: null_mut(),
            bases: null_mut(),
            spec_addr: null_mut(),
            token_given: false,
        }
    }
}

/// Check one type slot id/value from either form; push function/pointer slots.
unsafe fn add_type_slot(
    td: &mut TypeDef,
    id: u16,
    p: *mut c_void,
    from_spec: bool,
    optional: bool,
) -> PyResult<()> {
    if id == Py_slot_invalid {
        return crate::raise!(PyExc_SystemError, "invalid slot (Py_slot_invalid, 65535)");
    }
    if !is_known_slot(id) {
        if optional {
            return Ok(());
        }
        return crate::raise!(PyExc_SystemError, "unknown type slot ID {}", id);
    }
    if is_module_slot(id) {
        return crate::raise!(
            PyExc_SystemError,
            "invalid type slot {} ({})",
            id,
            slot_name(id)
        );
    }
    let nonnull_only = matches!(
        id,
        Py_tp_name | Py_tp_metaclass | Py_tp_module | Py_slot_subslots | Py_tp_slots
    );
    if nonnull_only && p.is_null() {
        return crate::raise!(
            PyExc_SystemError,
            "NULL not allowed for slot {}",
            slot_name(id)
        );
    }
    let spec_only_forbidden = matches!(
        id,
        Py_tp_name
            | Py_tp_basicsize
            | Py_tp_extra_basicsize
            | Py_tp_itemsize
            | Py_tp_flags
            | Py_tp_metaclass
            | Py_tp_module
    );
    if from_spec && spec_only_forbidden {
        return crate::raise!(
            PyExc_SystemError,
            "{} must not be used with PyType_Spec",
            slot_name(id)
        );
    }
    match id {
        Py_tp_name => td.name = p as *const c_char,
        Py_tp_basicsize => td.basicsize = p as isize,
        Py_tp_extra_basicsize => td.extra_basicsize = p as isize,
        Py_tp_itemsize => td.itemsize = p as isize,
        Py_tp_flags => td.flags = p as c_ulong,
        Py_tp_metaclass => td.metaclass = p as *mut PyTypeObject,
        Py_tp_module => td.module = p as *mut PyObject,
        Py_tp_token => {
            td.token_given = true;
            td.slots.push((id, p));
        }
        _ => td.slots.push((id, p)),
    }
    Ok(())
}

/// Flatten a legacy `PyType_Spec`.
pub unsafe fn typedef_from_spec(spec: *mut PyType_Spec) -> PyResult<TypeDef> {
    let mut td = TypeDef::new();
    td.name = (*spec).name;
    td.basicsize = (*spec).basicsize as isize;
    td.itemsize = (*spec).itemsize as isize;
    td.flags = (*spec).flags as c_ulong;
    td.spec_addr = spec as *mut c_void;
    let mut s = (*spec).slots;
    while !s.is_null() && (*s).slot != 0 {
        let id = type_slot_from_legacy((*s).slot);
        add_type_slot(&mut td, id, (*s).pfunc, true, false)?;
        s = s.add(1);
    }
    Ok(td)
}

/// Visit a PEP 820 slot array with its nested sub-arrays (at most 5 levels);
/// `f(id, value, flags)`.
pub unsafe fn walk_slots(
    slots: *const PySlot,
    depth: usize,
    nested_id: u16,
    f: &mut dyn FnMut(u16, *mut c_void, u16) -> PyResult<()>,
) -> PyResult<()> {
    if depth > 5 {
        return crate::raise!(PyExc_SystemError, "slots nested too deep");
    }
    let mut s = slots;
    while !s.is_null() && (*s).sl_id != Py_slot_end {
        let id = (*s).sl_id;
        if id == Py_slot_subslots || id == nested_id {
            if (*s).sl_ptr.is_null() {
                return crate::raise!(
                    PyExc_SystemError,
                    "NULL not allowed for slot {}",
                    slot_name(id)
                );
            }
            walk_slots((*s).sl_ptr as *const PySlot, depth + 1, nested_id, f)?;
        } else {
            f(id, (*s).sl_ptr, (*s).sl_flags)?;
        }
        s = s.add(1);
    }
    Ok(())
}

/// Flatten a `PySlot` array for `PyType_FromSlots`.
pub unsafe fn typedef_from_slots(slots: *const PySlot) -> PyResult<TypeDef> {
    let mut td = TypeDef::new();
    td.spec_addr = slots as *mut c_void;
    walk_slots(slots, 0, Py_tp_slots, &mut |id, p, fl| {
        add_type_slot(&mut td, id, p, false, fl & PySlot_OPTIONAL != 0)
    })?;
    if td.name.is_null() {
        return crate::raise!(PyExc_SystemError, "Py_tp_name slot is required.");
    }
    Ok(td)
}

// ---- building ---------------------------------------------------------------------

const ALIGN: isize = 16;

#[inline]
fn align_up(n: isize) -> isize {
    (n + ALIGN - 1) & !(ALIGN - 1)
}

/// The most derived metatype among `meta` and the types of `bases`.
pub unsafe fn calculate_metaclass(
    meta: *mut PyTypeObject,
    bases: *mut PyObject,
) -> PyResult<*mut PyTypeObject> {
    let mut winner = meta;
    for &b in tuple::as_slice(bases) {
        let bt = Py_TYPE(b);
        if is_subtype(winner, bt) {
            continue;
        }
        if is_subtype(bt, winner) {
            winner = bt;
            continue;
        }
        return crate::raise!(
            PyExc_TypeError,
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases"
        );
    }
    Ok(winner)
}

/// The "solid" base: the base with the largest layout, which the others must be
/// compatible with.
unsafe fn best_base(bases: *mut PyObject) -> PyResult<*mut PyTypeObject> {
    let mut best: *mut PyTypeObject = null_mut();
    for &b in tuple::as_slice(bases) {
        let bt = b as *mut PyTypeObject;
        if !has_flag(bt, Py_TPFLAGS_BASETYPE) {
            return crate::raise!(
                PyExc_TypeError,
                "type '{}' is not an acceptable base type",
                fully_qualified_name(bt)
            );
        }
        if best.is_null() || (*bt).tp_basicsize > (*best).tp_basicsize {
            if !best.is_null()
                && !is_subtype(bt, best)
                && (*best).tp_basicsize > (*PyBaseObject_Type_ptr()).tp_basicsize
            {
                return crate::raise!(
                    PyExc_TypeError,
                    "multiple bases have instance lay-out conflict"
                );
            }
            best = bt;
        }
    }
    Ok(best)
}

#[inline]
fn PyBaseObject_Type_ptr() -> *mut PyTypeObject {
    &raw mut PyBaseObject_Type
}

/// The default `tp_dealloc` of heap types that define none (CPython's
/// `subtype_dealloc`): finalize, clear weak references and the instance dict,
/// then hand over to the nearest base with its own deallocator.
pub unsafe extern "C" fn subtype_dealloc(o: *mut PyObject) {
    let t = Py_TYPE(o);
    if has_flag(t, Py_TPFLAGS_HAVE_GC) {
        crate::gc::untrack(o);
    }
    if let Some(fin) = (*t).tp_finalize {
        // Run it with a temporary reference, as CPython's
        // `PyObject_CallFinalizerFromDealloc` does; a finalizer may resurrect.
        set_refcnt(o, 1);
        crate::objects::baseobject::call_finalizer_once(o, fin);
        let left = refcnt(o) - 1;
        set_refcnt(o, left);
        if left > 0 {
            return;
        }
    }
    if let Some(del) = (*t).tp_del {
        del(o);
    }
    // Find the nearest base whose deallocator is not this one.
    let mut base = t;
    while !base.is_null() && (*base).tp_dealloc == Some(subtype_dealloc as destructor) {
        base = (*base).tp_base;
    }
    let base_has_weak = !base.is_null() && (*base).tp_weaklistoffset != 0;
    let base_has_dict = !base.is_null() && (*base).tp_dictoffset != 0;
    if (*t).tp_weaklistoffset > 0 && !base_has_weak {
        crate::objects::weakref::clear_weakrefs_of(o);
    }
    if (*t).tp_dictoffset != 0 && !base_has_dict {
        let dp = crate::objects::baseobject::dict_ptr(o);
        if !dp.is_null() {
            xsetref(dp, null_mut());
        }
    }
    let base_dealloc = if base.is_null() {
        None
    } else {
        (*base).tp_dealloc
    };
    match base_dealloc {
        Some(f) if f != crate::objects::baseobject::object_dealloc as destructor => {
            // A built-in base frees the memory (and drops the type reference when it
            // frees through `free_via_type`).
            if has_flag(base, Py_TPFLAGS_HAVE_GC) && has_flag(t, Py_TPFLAGS_HAVE_GC) {
                crate::gc::track(o);
            }
            f(o)
        }
        _ => crate::alloc::free_via_type(o),
    }
}

/// Make a heap type from a flattened definition (`PyType_FromMetaclass`).
pub unsafe fn build(mut td: TypeDef) -> *mut PyObject {
    match build_inner(&mut td) {
        Ok(t) => t,
        Err(()) => null_mut(),
    }
}

unsafe fn build_inner(td: &mut TypeDef) -> PyResult<*mut PyObject> {
    if td.name.is_null() {
        return crate::raise!(
            PyExc_SystemError,
            "Type spec does not define the name field."
        );
    }
    let full = CStr::from_ptr(td.name).to_bytes().to_vec();
    // Members: count, find the special ones.
    let mut members: *mut PyMemberDef = null_mut();
    let mut doc: *const c_char = core::ptr::null();
    let mut slot_base: *mut PyObject = null_mut();
    let mut slot_bases: *mut PyObject = null_mut();
    for &(id, p) in &td.slots {
        match id {
            Py_tp_members => members = p as *mut PyMemberDef,
            Py_tp_doc => doc = p as *const c_char,
            Py_tp_base => slot_base = p as *mut PyObject,
            Py_tp_bases => slot_bases = p as *mut PyObject,
            _ => {}
        }
    }
    let mut nmembers = 0usize;
    let mut weaklistoffset: isize = 0;
    let mut dictoffset: isize = 0;
    let mut vectorcalloffset: isize = 0;
    let mut special: Vec<(usize, &str)> = Vec::new();
    if !members.is_null() {
        let mut m = members;
        while !(*m).name.is_null() {
            let name = CStr::from_ptr((*m).name).to_bytes();
            let which = match name {
                b"__weaklistoffset__" => Some("__weaklistoffset__"),
                b"__dictoffset__" => Some("__dictoffset__"),
                b"__vectorcalloffset__" => Some("__vectorcalloffset__"),
                _ => None,
            };
            if let Some(w) = which {
                if (*m).type_code != Py_T_PYSSIZET {
                    return crate::raise!(PyExc_SystemError, "{} must be Py_T_PYSSIZET", w);
                }
                if (*m).flags & !(Py_READONLY | Py_RELATIVE_OFFSET) != 0
                    || (*m).flags & Py_READONLY == 0
                {
                    return crate::raise!(PyExc_SystemError, "{} must be Py_READONLY", w);
                }
                special.push((nmembers, w));
            }
            nmembers += 1;
            m = m.add(1);
        }
    }
    // Bases.
    let bases: *mut PyObject = if !td.bases.is_null() {
        if is_type(td.bases) {
            tuple::pack(&[td.bases])
        } else {
            new_ref(td.bases)
        }
    } else if !slot_bases.is_null() {
        new_ref(slot_bases)
    } else if !slot_base.is_null() {
        tuple::pack(&[slot_base])
    } else {
        tuple::pack(&[&raw mut PyBaseObject_Type as *mut PyObject])
    };
    let bases = Owned::from_new(bases).ok_or(())?;
    if !tuple::is_tuple(bases.as_ptr()) {
        return crate::raise!(PyExc_SystemError, "Py_tp_bases is not a tuple");
    }
    for &b in tuple::as_slice(bases.as_ptr()) {
        if !is_type(b) {
            return crate::raise!(
                PyExc_TypeError,
                "bases must be types; got '{}'",
                fully_qualified_name(Py_TYPE(b))
            );
        }
    }
    let meta0 = if td.metaclass.is_null() {
        &raw mut PyType_Type
    } else {
        td.metaclass
    };
    if !is_type(meta0 as *mut PyObject) {
        return crate::raise!(PyExc_TypeError, "metaclass must be a type");
    }
    let meta = calculate_metaclass(meta0, bases.as_ptr())?;
    if let Some(nw) = (*meta).tp_new {
        if nw != type_new as newfunc {
            return crate::raise!(
                PyExc_TypeError,
                "Metaclasses with custom tp_new are not supported."
            );
        }
    }
    let base = best_base(bases.as_ptr())?;
    // Sizes.
    let base_size = (*base).tp_basicsize;
    let mut basicsize = td.basicsize;
    let mut itemsize = td.itemsize;
    let mut data_offset: isize = 0;
    let mut flags = td.flags;
    let extra = if basicsize < 0 {
        -basicsize
    } else {
        td.extra_basicsize
    };
    if extra > 0 || (td.basicsize < 0) {
        if (*base).tp_itemsize != 0
            && flags & Py_TPFLAGS_ITEMS_AT_END == 0
            && !has_flag(base, Py_TPFLAGS_ITEMS_AT_END)
        {
            return crate::raise!(
                PyExc_SystemError,
                "Cannot extend variable-size class without Py_TPFLAGS_ITEMS_AT_END."
            );
        }
        data_offset = align_up(base_size);
        basicsize = align_up(data_offset + extra);
    } else if basicsize == 0 {
        basicsize = base_size;
    } else if basicsize < base_size {
        return crate::raise!(
            PyExc_TypeError,
            "tp_basicsize for type '{}' ({}) is too small for base '{}' ({})",
            String::from_utf8_lossy(&full),
            basicsize,
            fully_qualified_name(base),
            base_size
        );
    }
    if itemsize == 0 {
        itemsize = (*base).tp_itemsize;
    } else if itemsize < 0 {
        return crate::raise!(PyExc_SystemError, "Invalid itemsize {}", itemsize);
    }
    if flags & Py_TPFLAGS_HAVE_GC != 0
        && !td.slots.iter().any(|s| s.0 == Py_tp_traverse)
        && !has_flag(base, Py_TPFLAGS_HAVE_GC)
    {
        return crate::raise!(
            PyExc_SystemError,
            "type {} has the Py_TPFLAGS_HAVE_GC flag but has no traverse function",
            String::from_utf8_lossy(&full)
        );
    }
    // Allocate the type object.
    let alloc = (*meta).tp_alloc.unwrap_or(crate::alloc::generic_alloc_slot);
    let tobj = alloc(meta, 0);
    if tobj.is_null() {
        return Err(());
    }
    let tobj = Owned(tobj);
    let h = tobj.as_ptr() as *mut HeapType;
    let t = h as *mut PyTypeObject;
    (*h).ht_lock = crate::lock::RawLock::new();
    (*t).tp_as_async = &raw mut (*h).as_async;
    (*t).tp_as_number = &raw mut (*h).as_number;
    (*t).tp_as_sequence = &raw mut (*h).as_sequence;
    (*t).tp_as_mapping = &raw mut (*h).as_mapping;
    (*t).tp_as_buffer = &raw mut (*h).as_buffer;
    flags |= Py_TPFLAGS_HEAPTYPE;
    flags &= !(Py_TPFLAGS_READY | Py_TPFLAGS_READYING);
    (*t).tp_flags = flags;
    // Names.
    let cname = std::ffi::CString::new(full.clone()).map_err(|_| ())?;
    (*h).ht_tpname = cname.into_raw();
    (*t).tp_name = (*h).ht_tpname;
    let (modname, short) = match full.iter().rposition(|&c| c == b'.') {
        Some(i) => (Some(&full[..i]), &full[i + 1..]),
        None => (None, &full[..]),
    };
    (*h).ht_name = unicode::from_utf8(short);
    nonnull((*h).ht_name)?;
    (*h).ht_qualname = new_ref((*h).ht_name);
    (*t).tp_basicsize = basicsize;
    (*t).tp_itemsize = itemsize;
    Py_INCREF(base as *mut PyObject);
    (*t).tp_base = base;
    (*t).tp_bases = bases.into_ptr();
    // Slots.
    for &(id, p) in &td.slots {
        if write_fn_slot(h, id, p) {
            continue;
        }
        match id {
            Py_tp_methods => (*t).tp_methods = p as *mut PyMethodDef,
            Py_tp_getset => (*t).tp_getset = p as *mut PyGetSetDef,
            Py_tp_token => {
                (*h).ht_token = if p.is_null() { td.spec_addr } else { p };
            }
            _ => {}
        }
    }
    if !doc.is_null() {
        let bytes = CStr::from_ptr(doc).to_bytes_with_nul();
        let copy = libc::malloc(bytes.len()) as *mut c_char;
        if copy.is_null() {
            crate::errors::no_memory();
            return Err(());
        }
        core::ptr::copy_nonoverlapping(bytes.as_ptr() as *const c_char, copy, bytes.len());
        (*h).ht_doc = copy;
        (*t).tp_doc = copy;
    }
    if nmembers > 0 {
        let size = (nmembers + 1) * core::mem::size_of::<PyMemberDef>();
        let copy = libc::calloc(1, size) as *mut PyMemberDef;
        if copy.is_null() {
            crate::errors::no_memory();
            return Err(());
        }
        let mut j = 0usize;
        for i in 0..nmembers {
            let mut m = *members.add(i);
            if m.flags & Py_RELATIVE_OFFSET != 0 {
                if td.basicsize >= 0 && td.extra_basicsize <= 0 {
                    return crate::raise!(
                        PyExc_SystemError,
                        "With Py_RELATIVE_OFFSET, basicsize must be negative."
                    );
                }
                if m.offset < 0 || m.offset >= extra {
                    return crate::raise!(
                        PyExc_SystemError,
                        "Member offset out of range (0..-basicsize)"
                    );
                }
                m.offset += data_offset;
                m.flags &= !Py_RELATIVE_OFFSET;
            }
            if let Some(&(_, w)) = special.iter().find(|s| s.0 == i) {
                match w {
                    "__weaklistoffset__" => weaklistoffset = m.offset,
                    "__dictoffset__" => dictoffset = m.offset,
                    _ => vectorcalloffset = m.offset,
                }
                // CPython keeps `__vectorcalloffset__` as a visible member.
                if w != "__vectorcalloffset__" {
                    continue;
                }
            }
            *copy.add(j) = m;
            j += 1;
        }
        (*h).ht_members = copy;
        (*t).tp_members = copy;
    }
    if weaklistoffset != 0 {
        (*t).tp_weaklistoffset = weaklistoffset;
    }
    if dictoffset != 0 {
        (*t).tp_dictoffset = dictoffset;
    }
    if vectorcalloffset != 0 {
        (*t).tp_vectorcall_offset = vectorcalloffset;
    }
    if (*t).tp_dealloc.is_none() {
        (*t).tp_dealloc = Some(subtype_dealloc);
    }
    if !td.module.is_null() {
        (*h).ht_module = new_ref(td.module);
    }
    typeobject::ready(t)?;
    if let Some(m) = modname {
        let ms = unicode::from_utf8(m);
        nonnull(ms)?;
        let r = dict::set_str((*t).tp_dict, "__module__", ms);
        Py_DECREF(ms);
        r?;
    }
    if !doc.is_null() {
        // ready() stored the docstring without its signature already.
    } else if dict::get_str((*t).tp_dict, "__doc__").is_null() {
        dict::set_str((*t).tp_dict, "__doc__", none())?;
    }
    Ok(tobj.into_ptr())
}

/// `PyType_FromMetaclass`.
pub unsafe fn from_metaclass(
    meta: *mut PyTypeObject,
    module: *mut PyObject,
    spec: *mut PyType_Spec,
    bases: *mut PyObject,
) -> *mut PyObject {
    let Ok(mut td) = typedef_from_spec(spec) else {
        return null_mut();
    };
    td.metaclass = meta;
    td.module = module;
    td.bases = bases;
    build(td)
}

/// `PyType_FromSlots`.
pub unsafe fn from_slots(slots: *const PySlot) -> *mut PyObject {
    match typedef_from_slots(slots) {
        Ok(td) => build(td),
        Err(()) => null_mut(),
    }
}

// ---- type data (PEP 697) and module lookups ------------------------------------

/// Offset of `cls`'s own data in its instances.
pub unsafe fn type_data_offset(cls: *mut PyTypeObject) -> isize {
    let base = (*cls).tp_base;
    if base.is_null() {
        return 0;
    }
    align_up((*base).tp_basicsize)
}

/// `PyType_GetTypeDataSize`.
pub unsafe fn type_data_size(cls: *mut PyTypeObject) -> isize {
    ((*cls).tp_basicsize - type_data_offset(cls)).max(0)
}

/// The first heap type along the MRO of `t` whose token is `token`.
pub unsafe fn base_by_token(t: *mut PyTypeObject, token: *mut c_void) -> *mut PyTypeObject {
    let mro = (*t).tp_mro;
    if mro.is_null() {
        let mut b = t;
        while !b.is_null() {
            if has_flag(b, Py_TPFLAGS_HEAPTYPE) && (*(b as *mut HeapType)).ht_token == token {
                return b;
            }
            b = (*b).tp_base;
        }
        return null_mut();
    }
    for &b in tuple::as_slice(mro) {
        let b = b as *mut PyTypeObject;
        if has_flag(b, Py_TPFLAGS_HEAPTYPE) && (*(b as *mut HeapType)).ht_token == token {
            return b;
        }
    }
    null_mut()
}

/// The module of the first heap type along the MRO whose module matches `pred`.
pub unsafe fn find_module_in_mro(
    t: *mut PyTypeObject,
    pred: &dyn Fn(*mut PyObject) -> bool,
) -> *mut PyObject {
    let mro = (*t).tp_mro;
    let list: Vec<*mut PyObject> = if mro.is_null() {
        vec![t as *mut PyObject]
    } else {
        tuple::as_slice(mro).to_vec()
    };
    for b in list {
        let b = b as *mut PyTypeObject;
        if !has_flag(b, Py_TPFLAGS_HEAPTYPE) {
            continue;
        }
        let m = (*(b as *mut HeapType)).ht_module;
        if !m.is_null() && pred(m) {
            return m;
        }
    }
    null_mut()
}

// ---- type(name, bases, dict): Python classes -------------------------------------

/// `type.__new__(meta, name, bases, ns, **kwds)`: a Python class (CPython's
/// `type_new`). Keyword arguments go to `__init_subclass__`.
pub unsafe extern "C" fn type_new(
    meta: *mut PyTypeObject,
    args: *mut PyObject,
    kwds: *mut PyObject,
) -> *mut PyObject {
    let n = if args.is_null() { 0 } else { Py_SIZE(args) };
    let nk = if kwds.is_null() { 0 } else { dict::len(kwds) };
    if meta == &raw mut PyType_Type && n == 1 && nk == 0 {
        return new_ref(Py_TYPE(tuple::get_item(args, 0)) as *mut PyObject);
    }
    if n != 3 {
        if meta == &raw mut PyType_Type && n != 1 {
            return crate::raise_null!(PyExc_TypeError, "type() takes 1 or 3 arguments");
        }
        return crate::raise_null!(
            PyExc_TypeError,
            "type.__new__() takes exactly 3 arguments ({} given)",
            n
        );
    }
    let name = tuple::get_item(args, 0);
    let bases = tuple::get_item(args, 1);
    let ns = tuple::get_item(args, 2);
    if !unicode::is_unicode(name) {
        return crate::raise_null!(
            PyExc_TypeError,
            "type.__new__() argument 1 must be str, not {}",
            type_name(Py_TYPE(name))
        );
    }
    if !tuple::is_tuple(bases) {
        return crate::raise_null!(
            PyExc_TypeError,
            "type.__new__() argument 2 must be tuple, not {}",
            type_name(Py_TYPE(bases))
        );
    }
    if !dict::is_dict(ns) {
        return crate::raise_null!(
            PyExc_TypeError,
            "type.__new__() argument 3 must be dict or frozendict, not {}",
            type_name(Py_TYPE(ns))
        );
    }
    // The most derived metaclass makes the class; defer to its own `tp_new`.
    let winner = match calculate_metaclass(meta, bases) {
        Ok(w) => w,
        Err(()) => return null_mut(),
    };
    if winner != meta {
        if let Some(f) = (*winner).tp_new {
            if f != type_new as newfunc {
                return f(winner, args, kwds);
            }
        }
    }
    match new_class(winner, name, bases, ns, kwds) {
        Ok(t) => t,
        Err(()) => null_mut(),
    }
}

/// The instance size of `t` less the `__dict__`/`__weakref__` slots it added
/// itself: what decides whether it is a "solid" base.
unsafe fn size_without_dict_and_weak(t: *mut PyTypeObject) -> isize {
    let mut size = (*t).tp_basicsize;
    let base = (*t).tp_base;
    if base.is_null() {
        return size;
    }
    let ptr = core::mem::size_of::<*mut PyObject>() as isize;
    if (*t).tp_dictoffset > 0 && (*t).tp_dictoffset != (*base).tp_dictoffset {
        size -= ptr;
    }
    if (*t).tp_weaklistoffset > 0 && (*t).tp_weaklistoffset != (*base).tp_weaklistoffset {
        size -= ptr;
    }
    size
}

/// The nearest ancestor (or `t`) whose instances have a layout of their own
/// (CPython's `solid_base`).
pub unsafe fn solid_base(t: *mut PyTypeObject) -> *mut PyTypeObject {
    let base = if (*t).tp_base.is_null() {
        &raw mut PyBaseObject_Type
    } else {
        solid_base((*t).tp_base)
    };
    if size_without_dict_and_weak(t) != (*base).tp_basicsize
        || (*t).tp_itemsize != (*base).tp_itemsize
    {
        t
    } else {
        base
    }
}

/// The base whose layout the class extends: every base's solid base must be an
/// ancestor of its solid base (CPython's `best_base`).
unsafe fn layout_base(bases: *mut PyObject) -> PyResult<*mut PyTypeObject> {
    let mut base: *mut PyTypeObject = null_mut();
    let mut winner: *mut PyTypeObject = null_mut();
    for &b in tuple::as_slice(bases) {
        let bt = b as *mut PyTypeObject;
        if !has_flag(bt, Py_TPFLAGS_BASETYPE) {
            return crate::raise!(
                PyExc_TypeError,
                "type '{}' is not an acceptable base type",
                fully_qualified_name(bt)
            );
        }
        let candidate = solid_base(bt);
        if winner.is_null() || (is_subtype(candidate, winner) && candidate != winner) {
            winner = candidate;
            base = bt;
        } else if !is_subtype(winner, candidate) {
            return crate::raise!(
                PyExc_TypeError,
                "multiple bases have instance lay-out conflict"
            );
        }
    }
    Ok(base)
}

/// `__x` inside class `C` is `_C__x` (CPython's name mangling).
unsafe fn mangle(class_name: &str, name: *mut PyObject) -> PyResult<Owned> {
    let s = unicode::as_str(name);
    let stripped = class_name.trim_start_matches('_');
    if !s.starts_with("__") || s.ends_with("__") || s.contains('.') || stripped.is_empty() {
        return Ok(Owned::from_borrowed(name));
    }
    Owned::from_new(unicode::from_str(&format!("_{}{}", stripped, s))).ok_or(())
}

/// What `__slots__` asks for: the member names (mangled, sorted) and whether
/// `__dict__`/`__weakref__` were listed.
struct Slots {
    names: Vec<Owned>,
    dict: bool,
    weak: bool,
}

unsafe fn parse_slots(
    slots: *mut PyObject,
    class_name: &str,
    ns: *mut PyObject,
    base: *mut PyTypeObject,
) -> PyResult<Slots> {
    let items: Vec<Owned> = if unicode::is_unicode(slots) {
        vec![Owned::from_borrowed(slots)]
    } else {
        crate::protocols::iter::collect(slots)?
    };
    let mut out = Slots {
        names: Vec::new(),
        dict: false,
        weak: false,
    };
    for it in &items {
        let o = it.as_ptr();
        if !unicode::is_unicode(o) {
            return crate::raise!(
                PyExc_TypeError,
                "__slots__ items must be strings, not '{}'",
                type_name(Py_TYPE(o))
            );
        }
        if !crate::objects::unicode_ops::is_identifier(o) {
            return crate::raise!(PyExc_TypeError, "__slots__ must be identifiers");
        }
        match unicode::as_str(o) {
            "__dict__" => {
                if (*base).tp_dictoffset != 0 || out.dict {
                    return crate::raise!(
                        PyExc_TypeError,
                        "__dict__ slot disallowed: we already got one"
                    );
                }
                out.dict = true;
            }
            "__weakref__" => {
                if (*base).tp_weaklistoffset != 0 || out.weak {
                    return crate::raise!(
                        PyExc_TypeError,
                        "__weakref__ slot disallowed: we already got one"
                    );
                }
                out.weak = true;
            }
            _ => {
                let m = mangle(class_name, o)?;
                let ms = unicode::as_str(m.as_ptr());
                if ms != "__qualname__" && ms != "__classcell__" && !dict::get_str(ns, ms).is_null()
                {
                    return crate::raise!(
                        PyExc_ValueError,
                        "'{}' in __slots__ conflicts with class variable",
                        unicode::as_str(o)
                    );
                }
                out.names.push(m);
            }
        }
    }
    // int and bytes are variable-size in CPython: no members after their digits.
    let var_sized = (*base).tp_itemsize != 0
        || has_flag(base, Py_TPFLAGS_LONG_SUBCLASS | Py_TPFLAGS_BYTES_SUBCLASS);
    if !out.names.is_empty() && var_sized {
        return crate::raise!(
            PyExc_TypeError,
            "arbitrary __slots__ not supported for subtype of '{}'",
            typeobject::tp_name(base)
        );
    }
    out.names
        .sort_by(|a, b| unicode::as_str(a.as_ptr()).cmp(unicode::as_str(b.as_ptr())));
    Ok(out)
}

/// A Python function (the interpreter's `function` type): a class body's
/// `__new__`, `__init_subclass__` and `__class_getitem__` are implicitly wrapped
/// when they are one.
unsafe fn is_python_function(o: *mut PyObject) -> bool {
    let t = Py_TYPE(o);
    !has_flag(t, Py_TPFLAGS_HEAPTYPE) && typeobject::tp_name(t) == "function"
}

/// A class's dict made from its namespace: a copy with `__module__` (from the
/// caller's globals), `__doc__` (None when missing) and the implicit static and
/// class methods; `__qualname__` and `__classcell__` are taken out and returned.
type ClassDict = (Owned, Option<Owned>, Option<Owned>);

unsafe fn class_dict(ns: *mut PyObject) -> PyResult<ClassDict> {
    let d = Owned::from_new(dict::copy(ns)).ok_or(())?;
    let dp = d.as_ptr();
    let take = |key: &str| -> PyResult<Option<Owned>> {
        Ok(dict::pop_item(dp, unicode::intern_str(key))?.map(Owned))
    };
    let qualname = take("__qualname__")?;
    if let Some(q) = &qualname {
        if !unicode::is_unicode(q.as_ptr()) {
            return crate::raise!(
                PyExc_TypeError,
                "type __qualname__ must be a str, not {}",
                type_name(Py_TYPE(q.as_ptr()))
            );
        }
    }
    let cell = take("__classcell__")?;
    if dict::get_str(dp, "__module__").is_null() {
        let g = crate::vm::current_globals();
        if !g.is_null() {
            let m = dict::get_str(g, "__name__");
            if !m.is_null() {
                dict::set_str(dp, "__module__", m)?;
            }
        }
    }
    if dict::get_str(dp, "__doc__").is_null() {
        dict::set_str(dp, "__doc__", none())?;
    }
    use crate::objects::classmethod::{new_classmethod, new_staticmethod};
    type Wrap = unsafe fn(*mut PyObject) -> *mut PyObject;
    let implicit: [(&str, Wrap); 3] = [
        ("__new__", new_staticmethod),
        ("__init_subclass__", new_classmethod),
        ("__class_getitem__", new_classmethod),
    ];
    for (key, wrap) in implicit {
        let f = dict::get_str(dp, key);
        if !f.is_null() && is_python_function(f) {
            let w = Owned::from_new(wrap(f)).ok_or(())?;
            dict::set_str(dp, key, w.as_ptr())?;
        }
    }
    Ok((d, qualname, cell))
}

const DICT_GETSET: PyGetSetDef = PyGetSetDef {
    name: c"__dict__".as_ptr(),
    get: Some(crate::objects::baseobject::get_instance_dict),
    set: Some(crate::objects::baseobject::set_instance_dict),
    doc: c"dictionary for instance variables".as_ptr(),
    closure: null_mut(),
};
const WEAKREF_GETSET: PyGetSetDef = PyGetSetDef {
    name: c"__weakref__".as_ptr(),
    get: Some(get_weakref_head),
    set: None,
    doc: c"list of weak references to the object".as_ptr(),
    closure: null_mut(),
};
static mut GETSETS_DICT_WEAK: [PyGetSetDef; 3] =
    [DICT_GETSET, WEAKREF_GETSET, PyGetSetDef::SENTINEL];
static mut GETSETS_DICT: [PyGetSetDef; 2] = [DICT_GETSET, PyGetSetDef::SENTINEL];
static mut GETSETS_WEAK: [PyGetSetDef; 2] = [WEAKREF_GETSET, PyGetSetDef::SENTINEL];

/// `__weakref__`: the first weak reference to the instance, or None.
unsafe extern "C" fn get_weakref_head(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    let off = (*Py_TYPE(o)).tp_weaklistoffset;
    if off <= 0 {
        return new_ref(none());
    }
    let head = *((o as *mut u8).offset(off) as *mut *mut PyObject);
    new_ref(if head.is_null() { none() } else { head })
}

/// One `calloc` block holding the `__slots__` member table (sentinel-ended) and
/// the names it points to, so that `type_dealloc`'s `free` releases both.
unsafe fn slot_member_table(names: &[Owned], first_offset: isize) -> PyResult<*mut PyMemberDef> {
    let ptr = core::mem::size_of::<*mut PyObject>() as isize;
    let table = (names.len() + 1) * core::mem::size_of::<PyMemberDef>();
    let text: usize = names
        .iter()
        .map(|n| unicode::as_str(n.as_ptr()).len() + 1)
        .sum();
    let block = libc::calloc(1, table + text) as *mut u8;
    if block.is_null() {
        crate::errors::no_memory();
        return Err(());
    }
    let members = block as *mut PyMemberDef;
    let mut p = block.add(table);
    for (i, n) in names.iter().enumerate() {
        let s = unicode::as_str(n.as_ptr()).as_bytes();
        core::ptr::copy_nonoverlapping(s.as_ptr(), p, s.len());
        *members.add(i) = PyMemberDef {
            name: p as *const c_char,
            type_code: Py_T_OBJECT_EX,
            offset: first_offset + i as isize * ptr,
            flags: 0,
            doc: core::ptr::null(),
        };
        p = p.add(s.len() + 1);
    }
    Ok(members)
}

/// Build the class (the part of `type_new` after argument checks).
unsafe fn new_class(
    meta: *mut PyTypeObject,
    name: *mut PyObject,
    bases: *mut PyObject,
    ns: *mut PyObject,
    kwds: *mut PyObject,
) -> PyResult<*mut PyObject> {
    let name_s = unicode::to_string_lossy(name);
    if name_s.contains('\0') {
        return crate::raise!(
            PyExc_ValueError,
            "type name must not contain null characters"
        );
    }
    let bases = if Py_SIZE(bases) == 0 {
        Owned::from_new(tuple::pack(&[&raw mut PyBaseObject_Type as *mut PyObject])).ok_or(())?
    } else {
        Owned::from_borrowed(bases)
    };
    for &b in tuple::as_slice(bases.as_ptr()) {
        if !is_type(b) {
            return crate::raise!(
                PyExc_TypeError,
                "type.__new__() argument 2 must be tuple of types, not {}",
                type_name(Py_TYPE(b))
            );
        }
    }
    let base = layout_base(bases.as_ptr())?;
    let (d, qualname, cell) = class_dict(ns)?;
    // Instance layout: the base's, then `__slots__` members, the dict, the weak list.
    let ptr = core::mem::size_of::<*mut PyObject>() as isize;
    let slots = dict::get_str(d.as_ptr(), "__slots__");
    let (names, mut add_dict, mut add_weak) = if slots.is_null() {
        (Vec::new(), true, true)
    } else {
        let sl = parse_slots(slots, &name_s, d.as_ptr(), base)?;
        (sl.names, sl.dict, sl.weak)
    };
    add_dict &= (*base).tp_dictoffset == 0;
    add_weak &= (*base).tp_weaklistoffset == 0 && (*base).tp_itemsize == 0;
    let itemsize = (*base).tp_itemsize;
    let members_at = (*base).tp_basicsize;
    let mut basicsize = members_at + names.len() as isize * ptr;
    let mut dictoffset = 0;
    if add_dict {
        // Counted from the end of a variable-size instance.
        dictoffset = if itemsize != 0 { -ptr } else { basicsize };
        basicsize += ptr;
    }
    let mut weaklistoffset = 0;
    if add_weak {
        weaklistoffset = basicsize;
        basicsize += ptr;
    }
    // The type object.
    let alloc = (*meta).tp_alloc.unwrap_or(crate::alloc::generic_alloc_slot);
    let tobj = Owned::from_new(alloc(meta, 0)).ok_or(())?;
    let h = tobj.as_ptr() as *mut HeapType;
    let t = h as *mut PyTypeObject;
    (*h).ht_lock = crate::lock::RawLock::new();
    (*t).tp_as_async = &raw mut (*h).as_async;
    (*t).tp_as_number = &raw mut (*h).as_number;
    (*t).tp_as_sequence = &raw mut (*h).as_sequence;
    (*t).tp_as_mapping = &raw mut (*h).as_mapping;
    (*t).tp_as_buffer = &raw mut (*h).as_buffer;
    (*t).tp_flags =
        Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HEAPTYPE | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC;
    let cname = std::ffi::CString::new(name_s).map_err(|_| ())?;
    (*h).ht_tpname = cname.into_raw();
    (*t).tp_name = (*h).ht_tpname;
    (*h).ht_name = new_ref(name);
    (*h).ht_qualname = match qualname {
        Some(q) => q.into_ptr(),
        None => new_ref(name),
    };
    Py_INCREF(base as *mut PyObject);
    (*t).tp_base = base;
    (*t).tp_bases = bases.into_ptr();
    (*t).tp_basicsize = basicsize;
    (*t).tp_itemsize = itemsize;
    (*t).tp_dictoffset = dictoffset;
    (*t).tp_weaklistoffset = weaklistoffset;
    if !names.is_empty() {
        let table = slot_member_table(&names, members_at)?;
        (*h).ht_members = table;
        (*t).tp_members = table;
    }
    (*t).tp_getset = match (add_dict, add_weak) {
        (true, true) => (&raw mut GETSETS_DICT_WEAK).cast(),
        (true, false) => (&raw mut GETSETS_DICT).cast(),
        (false, true) => (&raw mut GETSETS_WEAK).cast(),
        (false, false) => null_mut(),
    };
    (*t).tp_dealloc = Some(subtype_dealloc);
    (*t).tp_traverse = Some(subtype_traverse);
    (*t).tp_clear = Some(subtype_clear);
    (*t).tp_alloc = Some(crate::alloc::generic_alloc_slot);
    (*t).tp_free = Some(crate::alloc::gc_del_slot);
    let doc = dict::get_str(d.as_ptr(), "__doc__");
    if unicode::is_unicode(doc) {
        let text = unicode::to_string_lossy(doc).replace('\0', "");
        let c = std::ffi::CString::new(text).map_err(|_| ())?;
        let bytes = c.as_bytes_with_nul();
        let copy = libc::malloc(bytes.len()) as *mut c_char;
        if copy.is_null() {
            crate::errors::no_memory();
            return Err(());
        }
        core::ptr::copy_nonoverlapping(bytes.as_ptr() as *const c_char, copy, bytes.len());
        (*h).ht_doc = copy;
        (*t).tp_doc = copy;
    }
    (*t).tp_dict = d.into_ptr();
    typeobject::ready(t)?;
    crate::objects::dunder_slots::fixup_slot_dispatchers(t);
    for &b in tuple::as_slice((*t).tp_bases) {
        typeobject::add_subclass(b as *mut PyTypeObject, t)?;
    }
    if let Some(c) = cell {
        set_classcell(c.as_ptr(), t)?;
    }
    set_names(t)?;
    init_subclass(t, kwds)?;
    Ok(tobj.into_ptr())
}

/// Fill the class body's `__class__` cell (zero-argument `super()`).
unsafe fn set_classcell(cell: *mut PyObject, t: *mut PyTypeObject) -> PyResult<()> {
    if typeobject::tp_name(Py_TYPE(cell)) != "cell" {
        let r = Owned::from_new(crate::protocols::object::repr(
            Py_TYPE(cell) as *mut PyObject
        ))
        .ok_or(())?;
        return crate::raise!(
            PyExc_TypeError,
            "__classcell__ must be a nonlocal cell, not {}",
            unicode::to_string_lossy(r.as_ptr())
        );
    }
    crate::protocols::object::set_attr(
        cell,
        unicode::intern_str("cell_contents"),
        t as *mut PyObject,
    )
}

/// `__set_name__(owner, name)` of each attribute that defines it; a failure
/// gets the note "Error calling __set_name__ on 'D' instance 'x' in 'A'".
unsafe fn set_names(t: *mut PyTypeObject) -> PyResult<()> {
    for (k, v) in dict::snapshot((*t).tp_dict) {
        let (k, v) = (Owned(k), Owned(v));
        if typeobject::lookup_str(Py_TYPE(v.as_ptr()), "__set_name__").is_null() {
            continue;
        }
        match crate::protocols::call::call_method(
            v.as_ptr(),
            "__set_name__",
            &[t as *mut PyObject, k.as_ptr()],
        ) {
            Ok(r) => Py_DECREF(r),
            Err(()) => {
                add_note_to_raised(&format!(
                    "Error calling __set_name__ on '{}' instance '{}' in '{}'",
                    type_name(Py_TYPE(v.as_ptr())),
                    unicode::to_string_lossy(k.as_ptr()),
                    typeobject::short_name(t)
                ));
                return Err(());
            }
        }
    }
    Ok(())
}

/// Add a note to the exception being raised (its `add_note`).
unsafe fn add_note_to_raised(note: &str) {
    let exc = crate::errors::take_raised();
    if exc.is_null() {
        return;
    }
    if let Some(n) = Owned::from_new(unicode::from_str(note)) {
        match crate::protocols::call::call_method(exc, "add_note", &[n.as_ptr()]) {
            Ok(r) => Py_DECREF(r),
            Err(()) => crate::errors::clear(),
        }
    }
    crate::errors::set_raised(exc);
}

/// `super(t, t).__init_subclass__(**kwds)`; `object`'s takes no keywords.
unsafe fn init_subclass(t: *mut PyTypeObject, kwds: *mut PyObject) -> PyResult<()> {
    let name = unicode::intern_str("__init_subclass__");
    let found = tuple::as_slice((*t).tp_mro)[1..].iter().find_map(|&b| {
        let d = (*(b as *mut PyTypeObject)).tp_dict;
        let v = if d.is_null() {
            null_mut()
        } else {
            dict::get_item_borrowed(d, name)
        };
        (!v.is_null()).then_some(v)
    });
    let Some(f) = found else {
        return Ok(());
    };
    let has_kw = !kwds.is_null() && dict::len(kwds) > 0;
    if f == dict::get_item_borrowed((*PyBaseObject_Type_ptr()).tp_dict, name) {
        if has_kw {
            return crate::raise!(
                PyExc_TypeError,
                "{}.__init_subclass__() takes no keyword arguments",
                typeobject::qual_name(t)
            );
        }
        return Ok(());
    }
    let f = Owned::from_borrowed(f);
    let bound = match (*Py_TYPE(f.as_ptr())).tp_descr_get {
        Some(g) => Owned::from_new(g(f.as_ptr(), null_mut(), t as *mut PyObject)).ok_or(())?,
        None => f,
    };
    let empty = Owned::from_new(tuple::new(0)).ok_or(())?;
    let kw = if has_kw { kwds } else { null_mut() };
    let r = crate::protocols::call::call(bound.as_ptr(), empty.as_ptr(), kw);
    Py_DECREF(nonnull(r)?);
    Ok(())
}

/// Call `f` on the address of each `__slots__` member that the Python classes
/// along `o`'s base chain added; stops at the first non-zero result.
unsafe fn for_each_slot_member(
    o: *mut PyObject,
    f: &mut dyn FnMut(*mut *mut PyObject) -> c_int,
) -> c_int {
    let mut t = Py_TYPE(o);
    while !t.is_null() && (*t).tp_traverse == Some(subtype_traverse as traverseproc) {
        let mut m = (*(t as *mut HeapType)).ht_members;
        while !m.is_null() && !(*m).name.is_null() {
            let r = f((o as *mut u8).offset((*m).offset) as *mut *mut PyObject);
            if r != 0 {
                return r;
            }
            m = m.add(1);
        }
        t = (*t).tp_base;
    }
    0
}

/// `tp_traverse` of Python classes: `__slots__` members, the instance dict, the
/// base's fields and the type.
pub unsafe extern "C" fn subtype_traverse(
    o: *mut PyObject,
    visit: visitproc,
    arg: *mut c_void,
) -> c_int {
    let t = Py_TYPE(o);
    let r = for_each_slot_member(o, &mut |p| if (*p).is_null() { 0 } else { visit(*p, arg) });
    if r != 0 {
        return r;
    }
    if (*t).tp_dictoffset != 0 {
        let dp = crate::objects::baseobject::dict_ptr(o);
        if !dp.is_null() && !(*dp).is_null() {
            let r = visit(*dp, arg);
            if r != 0 {
                return r;
            }
        }
    }
    // Let a GC base visit its own fields.
    let mut b = (*t).tp_base;
    while !b.is_null() && (*b).tp_traverse == Some(subtype_traverse as traverseproc) {
        b = (*b).tp_base;
    }
    if !b.is_null() {
        if let Some(tr) = (*b).tp_traverse {
            let r = tr(o, visit, arg);
            if r != 0 {
                return r;
            }
            if has_flag(b, Py_TPFLAGS_HEAPTYPE) {
                // a heap base's own traverse visits the type already
                return 0;
            }
        }
    }
    if has_flag(t, Py_TPFLAGS_HEAPTYPE) {
        return visit(t as *mut PyObject, arg);
    }
    0
}

/// `tp_clear` of Python classes.
pub unsafe extern "C" fn subtype_clear(o: *mut PyObject) -> c_int {
    let t = Py_TYPE(o);
    for_each_slot_member(o, &mut |p| {
        xsetref(p, null_mut());
        0
    });
    if (*t).tp_dictoffset != 0 {
        let dp = crate::objects::baseobject::dict_ptr(o);
        if !dp.is_null() {
            xsetref(dp, null_mut());
        }
    }
    let mut b = (*t).tp_base;
    while !b.is_null() && (*b).tp_clear == Some(subtype_clear as inquiry) {
        b = (*b).tp_base;
    }
    if !b.is_null() {
        if let Some(c) = (*b).tp_clear {
            return c(o);
        }
    }
    0
}

/// `PyType_GenericNew` as a `tp_new` slot: `tp_alloc(type, 0)`.
pub unsafe extern "C" fn generic_new(
    t: *mut PyTypeObject,
    _args: *mut PyObject,
    _kwds: *mut PyObject,
) -> *mut PyObject {
    let alloc = (*t).tp_alloc.unwrap_or(crate::alloc::generic_alloc_slot);
    alloc(t, 0)
}
