//! `type`: readying types (MRO, slot inheritance, the type dict), attribute lookup
//! along the MRO, calling a type to make an instance.

use core::ffi::{c_char, c_int, c_void, CStr};
use core::ptr::null_mut;

use crate::defs::*;
use crate::exported::*;
use crate::object::*;
use crate::objects::{descr, dict, tuple, unicode};
use crate::typeobj::*;

/// Start filling a static built-in type: name, sizes, generic defaults.
pub unsafe fn init_builtin(
    t: *mut PyTypeObject,
    name: &'static CStr,
    basicsize: usize,
    itemsize: usize,
) {
    (*t).ob_base.ob_base = PyObject::static_head(&raw mut PyType_Type);
    (*t).tp_name = name.as_ptr();
    (*t).tp_basicsize = basicsize as Py_ssize_t;
    (*t).tp_itemsize = itemsize as Py_ssize_t;
    (*t).tp_flags |= Py_TPFLAGS_IMMUTABLETYPE;
}

/// The C name of a type (`tp_name`, all of it).
pub unsafe fn tp_name<'a>(t: *mut PyTypeObject) -> &'a str {
    if (*t).tp_name.is_null() {
        return "?";
    }
    CStr::from_ptr((*t).tp_name).to_str().unwrap_or("?")
}

/// The name CPython's messages use: `tp_name` as the C code set it ("int",
/// "testext.Point" for a type made from a spec, "Point" for a Python class).
#[inline]
pub unsafe fn type_name<'a>(t: *mut PyTypeObject) -> &'a str {
    tp_name(t)
}

/// `__name__`: for static types the part of `tp_name` after the last dot.
pub unsafe fn short_name<'a>(t: *mut PyTypeObject) -> &'a str {
    if has_flag(t, Py_TPFLAGS_HEAPTYPE) {
        let h = t as *mut HeapType;
        if !(*h).ht_name.is_null() && unicode::as_unicode((*h).ht_name).has_surrogates == 0 {
            return unicode::as_str((*h).ht_name);
        }
    }
    let n = tp_name(t);
    match n.rfind('.') {
        Some(i) => &n[i + 1..],
        None => n,
    }
}

/// `__qualname__`.
pub unsafe fn qual_name<'a>(t: *mut PyTypeObject) -> &'a str {
    if has_flag(t, Py_TPFLAGS_HEAPTYPE) {
        let h = t as *mut HeapType;
        if !(*h).ht_qualname.is_null() && unicode::as_unicode((*h).ht_qualname).has_surrogates == 0
        {
            return unicode::as_str((*h).ht_qualname);
        }
    }
    short_name(t)
}

/// `__module__` of a type as a new reference (AttributeError for a heap type
/// whose dict has none, as in CPython).
pub unsafe fn module_name(t: *mut PyTypeObject) -> *mut PyObject {
    if has_flag(t, Py_TPFLAGS_HEAPTYPE) {
        let m = if (*t).tp_dict.is_null() {
            null_mut()
        } else {
            dict::get_str((*t).tp_dict, "__module__")
        };
        if !m.is_null() {
            return new_ref(m);
        }
        return crate::raise_null!(PyExc_AttributeError, "__module__");
    }
    let n = tp_name(t);
    match n.rfind('.') {
        Some(i) => unicode::from_str(&n[..i]),
        None => new_ref(unicode::intern_str("builtins")),
    }
}

/// `__module__.__qualname__`, or just the qualname for builtins.
pub unsafe fn fully_qualified_name(t: *mut PyTypeObject) -> String {
    let m = module_name(t);
    if m.is_null() {
        crate::errors::clear();
        return qual_name(t).to_string();
    }
    let ms = if unicode::is_unicode(m) {
        unicode::to_string_lossy(m)
    } else {
        String::new()
    };
    Py_DECREF(m);
    if ms == "builtins" || ms == "__main__" || ms.is_empty() {
        qual_name(t).to_string()
    } else {
        format!("{}.{}", ms, qual_name(t))
    }
}

/// `PyType_IsSubtype`.
pub unsafe fn is_subtype(a: *mut PyTypeObject, b: *mut PyTypeObject) -> bool {
    if a == b {
        return true;
    }
    let mro = (*a).tp_mro;
    if !mro.is_null() {
        let n = Py_SIZE(mro);
        for i in 0..n {
            if tuple::get_item(mro, i) == b as *mut PyObject {
                return true;
            }
        }
        return false;
    }
    let mut t = (*a).tp_base;
    while !t.is_null() {
        if t == b {
            return true;
        }
        t = (*t).tp_base;
    }
    b == &raw mut PyBaseObject_Type
}

#[inline]
pub unsafe fn is_type(o: *mut PyObject) -> bool {
    has_flag(Py_TYPE(o), Py_TPFLAGS_TYPE_SUBCLASS)
}

/// `isinstance` by type only (no `__instancecheck__`).
#[inline]
pub unsafe fn instance_of(o: *mut PyObject, t: *mut PyTypeObject) -> bool {
    Py_TYPE(o) == t || is_subtype(Py_TYPE(o), t)
}

/// Find `name` along the MRO of `t` (borrowed reference or NULL; no exception).
pub unsafe fn lookup(t: *mut PyTypeObject, name: *mut PyObject) -> *mut PyObject {
    let mro = (*t).tp_mro;
    if mro.is_null() {
        let mut b = t;
        while !b.is_null() {
            if !(*b).tp_dict.is_null() {
                let v = dict::get_item_borrowed((*b).tp_dict, name);
                if !v.is_null() {
                    return v;
                }
            }
            b = (*b).tp_base;
        }
        return null_mut();
    }
    let n = Py_SIZE(mro);
    for i in 0..n {
        let b = tuple::get_item(mro, i) as *mut PyTypeObject;
        let d = (*b).tp_dict;
        if !d.is_null() {
            let v = dict::get_item_borrowed(d, name);
            if !v.is_null() {
                return v;
            }
        }
    }
    null_mut()
}

pub unsafe fn lookup_str(t: *mut PyTypeObject, name: &str) -> *mut PyObject {
    lookup(t, unicode::intern_str(name))
}

// ---- readying ------------------------------------------------------------------

/// `PyType_Ready`.
pub unsafe fn ready(t: *mut PyTypeObject) -> PyResult<()> {
    if has_flag(t, Py_TPFLAGS_READY) {
        return Ok(());
    }
    if has_flag(t, Py_TPFLAGS_READYING) {
        return Ok(());
    }
    (*t).tp_flags |= Py_TPFLAGS_READYING;
    let r = ready_inner(t);
    (*t).tp_flags &= !Py_TPFLAGS_READYING;
    if r.is_ok() {
        (*t).tp_flags |= Py_TPFLAGS_READY;
    }
    r
}

unsafe fn ready_inner(t: *mut PyTypeObject) -> PyResult<()> {
    if (*t).tp_name.is_null() {
        return crate::raise!(PyExc_SystemError, "Type does not define the tp_name field.");
    }
    let object = &raw mut PyBaseObject_Type;
    if (*t).tp_base.is_null() && t != object {
        (*t).tp_base = object;
    }
    let base = (*t).tp_base;
    if !base.is_null() && !has_flag(base, Py_TPFLAGS_READY) {
        ready(base)?;
    }
    if (*t).ob_base.ob_base.ob_type.is_null() && !base.is_null() {
        (*t).ob_base.ob_base.ob_type = Py_TYPE(base as *mut PyObject);
    }
    if (*t).tp_bases.is_null() {
        (*t).tp_bases = if base.is_null() {
            tuple::new(0)
        } else {
            tuple::pack(&[base as *mut PyObject])
        };
        nonnull((*t).tp_bases)?;
    }
    if (*t).tp_dict.is_null() {
        (*t).tp_dict = dict::new();
        nonnull((*t).tp_dict)?;
    }
    add_descriptors(t)?;
    // Slot wrappers for the slots this type defines itself (before inheritance).
    crate::objects::slots::add_slot_wrappers(t)?;
    (*t).tp_mro = mro_of(t)?;
    inherit(t);
    if !(*t).tp_doc.is_null() && dict::get_str((*t).tp_dict, "__doc__").is_null() {
        let doc = unicode::from_utf8(doc_text(CStr::from_ptr((*t).tp_doc).to_bytes()));
        nonnull(doc)?;
        dict::set_str((*t).tp_dict, "__doc__", doc)?;
        Py_DECREF(doc);
    }
    if (*t).tp_hash.is_none() {
        // Neither defined nor inherited (it defines tp_richcompare alone): the
        // type is unhashable, `__hash__ = None`, as CPython's type_ready_set_hash.
        if dict::get_str((*t).tp_dict, "__hash__").is_null() {
            dict::set_str((*t).tp_dict, "__hash__", none())?;
            (*t).tp_hash = Some(crate::objects::baseobject::hash_not_implemented);
        }
    }
    Ok(())
}

/// A C docstring without its "name(sig)\n--\n\n" text signature.
pub fn doc_text(d: &[u8]) -> &[u8] {
    if let Some(p) = d.windows(5).position(|w| w == b")\n--\n") {
        let rest = &d[p + 5..];
        return rest.strip_prefix(b"\n").unwrap_or(rest);
    }
    d
}

/// Puts one `tp_methods`/`tp_members`/`tp_getset` entry's descriptor (made by `new`)
/// into the type's dict under `name`, unless the dict has that name already and
/// `replace` (`METH_COEXIST`) is false.
unsafe fn add_descriptor(
    t: *mut PyTypeObject,
    name: *const c_char,
    replace: bool,
    new: impl FnOnce() -> PyResult<*mut PyObject>,
) -> PyResult<()> {
    let d = (*t).tp_dict;
    let name = CStr::from_ptr(name).to_str().unwrap_or("?");
    if dict::get_str(d, name).is_null() || replace {
        let o = new()?;
        dict::set_str(d, name, o)?;
        Py_DECREF(o);
    }
    Ok(())
}

unsafe fn add_descriptors(t: *mut PyTypeObject) -> PyResult<()> {
    let mut m = (*t).tp_methods;
    while !m.is_null() && !(*m).ml_name.is_null() {
        let coexist = (*m).ml_flags & METH_COEXIST != 0;
        add_descriptor(t, (*m).ml_name, coexist, || {
            descr::new_method_descriptor(t, m)
        })?;
        m = m.add(1);
    }
    let mut mb = (*t).tp_members;
    while !mb.is_null() && !(*mb).name.is_null() {
        add_descriptor(t, (*mb).name, false, || descr::new_member_descriptor(t, mb))?;
        mb = mb.add(1);
    }
    let mut g = (*t).tp_getset;
    while !g.is_null() && !(*g).name.is_null() {
        add_descriptor(t, (*g).name, false, || descr::new_getset_descriptor(t, g))?;
        g = g.add(1);
    }
    Ok(())
}

/// C3 linearisation of `t` over `tp_bases`.
unsafe fn compute_mro(t: *mut PyTypeObject) -> PyResult<*mut PyObject> {
    let bases = (*t).tp_bases;
    let nb = Py_SIZE(bases);
    let all = tuple::as_slice(bases);
    for (i, &b) in all.iter().enumerate() {
        if all[..i].contains(&b) {
            return crate::raise!(
                PyExc_TypeError,
                "duplicate base class {}",
                short_name(b as *mut PyTypeObject)
            );
        }
    }
    let mut seqs: Vec<Vec<*mut PyObject>> = Vec::new();
    for i in 0..nb {
        let b = tuple::get_item(bases, i) as *mut PyTypeObject;
        let bm = (*b).tp_mro;
        if bm.is_null() {
            return crate::raise!(PyExc_TypeError, "base type '{}' is not ready", type_name(b));
        }
        seqs.push((0..Py_SIZE(bm)).map(|j| tuple::get_item(bm, j)).collect());
    }
    seqs.push((0..nb).map(|i| tuple::get_item(bases, i)).collect());
    let mut out: Vec<*mut PyObject> = vec![t as *mut PyObject];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            break;
        }
        let mut chosen = null_mut();
        for s in &seqs {
            let cand = s[0];
            if !seqs.iter().any(|o| o[1..].contains(&cand)) {
                chosen = cand;
                break;
            }
        }
        if chosen.is_null() {
            let names: Vec<String> = seqs
                .iter()
                .map(|s| short_name(s[0] as *mut PyTypeObject).to_string())
                .collect();
            let mut uniq: Vec<String> = Vec::new();
            for n in names {
                if !uniq.contains(&n) {
                    uniq.push(n);
                }
            }
            return crate::raise!(
                PyExc_TypeError,
                "Cannot create a consistent method resolution order (MRO) for bases {}",
                uniq.join(", ")
            );
        }
        out.push(chosen);
        for s in seqs.iter_mut() {
            if s[0] == chosen {
                s.remove(0);
            }
        }
    }
    nonnull(tuple::from_slice(&out))
}

/// The MRO of a type being readied: its metaclass's `mro()` when a Python
/// metaclass overrides it (the result checked as CPython does), else C3.
unsafe fn mro_of(t: *mut PyTypeObject) -> PyResult<*mut PyObject> {
    let meta = Py_TYPE(t as *mut PyObject);
    if meta == &raw mut PyType_Type || !has_flag(meta, Py_TPFLAGS_HEAPTYPE) {
        return compute_mro(t);
    }
    let name = unicode::intern_str("mro");
    let m = lookup(meta, name);
    if m.is_null() || m == dict::get_item_borrowed(PyType_Type.tp_dict, name) {
        return compute_mro(t);
    }
    let m = Owned::from_borrowed(m);
    let bound = match (*Py_TYPE(m.as_ptr())).tp_descr_get {
        Some(g) => {
            Owned::from_new(g(m.as_ptr(), t as *mut PyObject, meta as *mut PyObject)).ok_or(())?
        }
        None => m,
    };
    let r = Owned::from_new(crate::protocols::call::call_function(bound.as_ptr(), &[])).ok_or(())?;
    let mro = Owned::from_new(crate::protocols::sequence::to_tuple(r.as_ptr())).ok_or(())?;
    let solid = crate::objects::heaptype::solid_base(t);
    for &b in tuple::as_slice(mro.as_ptr()) {
        if !is_type(b) {
            return crate::raise!(
                PyExc_TypeError,
                "mro() returned a non-class ('{}')",
                type_name(Py_TYPE(b))
            );
        }
        if !is_subtype(
            solid,
            crate::objects::heaptype::solid_base(b as *mut PyTypeObject),
        ) {
            return crate::raise!(
                PyExc_TypeError,
                "mro() returned base with unsuitable layout ('{}')",
                type_name(b as *mut PyTypeObject)
            );
        }
    }
    Ok(mro.into_ptr())
}

/// Remember `sub` as a subclass of `base` (weakly: `__subclasses__()` and slot
/// updates follow the list; dead entries are dropped as new ones come).
pub unsafe fn add_subclass(base: *mut PyTypeObject, sub: *mut PyTypeObject) -> PyResult<()> {
    let mut list = (*base).tp_subclasses as *mut PyObject;
    if list.is_null() {
        list = nonnull(crate::objects::list::new(0))?;
        (*base).tp_subclasses = list as *mut c_void;
    }
    let r = Owned::from_new(crate::objects::weakref::new_ref_to(
        &raw mut _PyWeakref_RefType,
        sub as *mut PyObject,
        null_mut(),
    ))
    .ok_or(())?;
    // Keep only live entries, then add the new one.
    let live: Vec<Owned> = crate::objects::list::snapshot(list)
        .into_iter()
        .filter(|w| !crate::objects::weakref::get_object_borrowed(w.as_ptr()).eq(&none()))
        .collect();
    let fresh = Owned::from_new(crate::objects::list::new(0)).ok_or(())?;
    for w in live.iter().chain(core::iter::once(&r)) {
        crate::objects::list::append(fresh.as_ptr(), w.as_ptr())?;
    }
    let old = (*base).tp_subclasses as *mut PyObject;
    (*base).tp_subclasses = fresh.into_ptr() as *mut c_void;
    Py_DECREF(old);
    Ok(())
}

/// The live direct subclasses of `t` (new references).
pub unsafe fn subclasses(t: *mut PyTypeObject) -> Vec<Owned> {
    let list = (*t).tp_subclasses as *mut PyObject;
    if list.is_null() {
        return Vec::new();
    }
    crate::objects::list::snapshot(list)
        .into_iter()
        .filter_map(|w| Owned::from_new(crate::objects::weakref::get_ref(w.as_ptr())))
        .collect()
}

/// `f(t)`, then `f` on every subclass of `t`, depth first.
pub unsafe fn for_each_subclass_deep(t: *mut PyTypeObject, f: &mut dyn FnMut(*mut PyTypeObject)) {
    f(t);
    for s in subclasses(t) {
        for_each_subclass_deep(s.as_ptr() as *mut PyTypeObject, f);
    }
}

macro_rules! inherit_slot {
    ($t:expr, $b:expr, $($f:ident).+) => {
        if (*$t).$($f).+.is_none() {
            (*$t).$($f).+ = (*$b).$($f).+;
        }
    };
}

/// Copy what `t` does not define from each base along the MRO (CPython's
/// `inherit_special` + `inherit_slots`).
unsafe fn inherit(t: *mut PyTypeObject) {
    let base = (*t).tp_base;
    if base.is_null() {
        return;
    }
    // Special (once, from the primary base).
    if !has_flag(t, Py_TPFLAGS_HAVE_GC)
        && has_flag(base, Py_TPFLAGS_HAVE_GC)
        && (*t).tp_traverse.is_none()
        && (*t).tp_clear.is_none()
    {
        (*t).tp_flags |= Py_TPFLAGS_HAVE_GC;
        (*t).tp_traverse = (*base).tp_traverse;
        (*t).tp_clear = (*base).tp_clear;
    }
    if (*t).tp_basicsize == 0 {
        (*t).tp_basicsize = (*base).tp_basicsize;
    }
    if (*t).tp_itemsize == 0 {
        (*t).tp_itemsize = (*base).tp_itemsize;
    }
    if (*t).tp_weaklistoffset == 0 {
        (*t).tp_weaklistoffset = (*base).tp_weaklistoffset;
    }
    if (*t).tp_dictoffset == 0 {
        (*t).tp_dictoffset = (*base).tp_dictoffset;
    }
    (*t).tp_flags |= (*base).tp_flags & SUBCLASS_FLAGS;
    (*t).tp_flags |= (*base).tp_flags & (Py_TPFLAGS_SEQUENCE | Py_TPFLAGS_MAPPING);
    if (*t).tp_as_async.is_null() {
        (*t).tp_as_async = (*base).tp_as_async;
    }
    if (*t).tp_as_number.is_null() {
        (*t).tp_as_number = (*base).tp_as_number;
    }
    if (*t).tp_as_sequence.is_null() {
        (*t).tp_as_sequence = (*base).tp_as_sequence;
    }
    if (*t).tp_as_mapping.is_null() {
        (*t).tp_as_mapping = (*base).tp_as_mapping;
    }
    if (*t).tp_as_buffer.is_null() {
        (*t).tp_as_buffer = (*base).tp_as_buffer;
    }
    if (*t).tp_new.is_none()
        && !has_flag(t, Py_TPFLAGS_DISALLOW_INSTANTIATION)
        && (base != &raw mut PyBaseObject_Type || has_flag(t, Py_TPFLAGS_HEAPTYPE))
    {
        (*t).tp_new = (*base).tp_new;
    }
    if (*t).tp_new.is_none() && !has_flag(t, Py_TPFLAGS_HEAPTYPE) {
        (*t).tp_flags |= Py_TPFLAGS_DISALLOW_INSTANTIATION;
    }
    let mro = (*t).tp_mro;
    for i in 1..Py_SIZE(mro) {
        let b = tuple::get_item(mro, i) as *mut PyTypeObject;
        inherit_slots(t, b);
    }
}

unsafe fn inherit_slots(t: *mut PyTypeObject, b: *mut PyTypeObject) {
    // Suites the subtype owns get missing entries copied one by one.
    inherit_suite((*t).tp_as_number, (*b).tp_as_number);
    inherit_suite((*t).tp_as_sequence, (*b).tp_as_sequence);
    inherit_suite((*t).tp_as_mapping, (*b).tp_as_mapping);
    inherit_suite((*t).tp_as_async, (*b).tp_as_async);
    inherit_suite((*t).tp_as_buffer, (*b).tp_as_buffer);
    inherit_slot!(t, b, tp_dealloc);
    // A GC subtype of a GC base that defines no traverse/clear uses the base's.
    if has_flag(t, Py_TPFLAGS_HAVE_GC) && has_flag(b, Py_TPFLAGS_HAVE_GC) {
        inherit_slot!(t, b, tp_traverse);
        inherit_slot!(t, b, tp_clear);
    }
    if (*t).tp_getattr.is_none() && (*t).tp_getattro.is_none() {
        (*t).tp_getattr = (*b).tp_getattr;
        (*t).tp_getattro = (*b).tp_getattro;
    }
    if (*t).tp_setattr.is_none() && (*t).tp_setattro.is_none() {
        (*t).tp_setattr = (*b).tp_setattr;
        (*t).tp_setattro = (*b).tp_setattro;
    }
    inherit_slot!(t, b, tp_repr);
    inherit_slot!(t, b, tp_call);
    inherit_slot!(t, b, tp_str);
    if (*t).tp_richcompare.is_none() && (*t).tp_hash.is_none() {
        let d = (*t).tp_dict;
        let overrides = !d.is_null()
            && (!dict::get_str(d, "__eq__").is_null() || !dict::get_str(d, "__hash__").is_null());
        if !overrides {
            (*t).tp_richcompare = (*b).tp_richcompare;
            (*t).tp_hash = (*b).tp_hash;
        }
    }
    inherit_slot!(t, b, tp_iter);
    inherit_slot!(t, b, tp_iternext);
    inherit_slot!(t, b, tp_descr_get);
    inherit_slot!(t, b, tp_descr_set);
    inherit_slot!(t, b, tp_init);
    inherit_slot!(t, b, tp_alloc);
    inherit_slot!(t, b, tp_is_gc);
    inherit_slot!(t, b, tp_finalize);
    if (*t).tp_free.is_none() {
        if has_flag(t, Py_TPFLAGS_HAVE_GC) == has_flag(b, Py_TPFLAGS_HAVE_GC) {
            (*t).tp_free = (*b).tp_free;
        } else if has_flag(t, Py_TPFLAGS_HAVE_GC) {
            (*t).tp_free = Some(gc_del_free);
        }
    }
    if (*t).tp_vectorcall_offset == 0
        && has_flag(b, Py_TPFLAGS_HAVE_VECTORCALL)
        && has_flag(t, Py_TPFLAGS_IMMUTABLETYPE)
        && (*t).tp_call.is_none()
    {
        (*t).tp_vectorcall_offset = (*b).tp_vectorcall_offset;
        (*t).tp_flags |= Py_TPFLAGS_HAVE_VECTORCALL;
    }
    if (*t).tp_vectorcall_offset == 0
        && has_flag(b, Py_TPFLAGS_HAVE_VECTORCALL)
        && (*t).tp_call == (*b).tp_call
    {
        (*t).tp_vectorcall_offset = (*b).tp_vectorcall_offset;
    }
}

unsafe extern "C" fn gc_del_free(p: *mut c_void) {
    crate::alloc::gc_del(p)
}

/// `Py_VISIT` over each non-NULL object, stopping at the first non-zero result: the
/// `tp_traverse` of objects whose references are a fixed list of fields.
pub unsafe fn visit_each(
    objs: impl IntoIterator<Item = *mut PyObject>,
    visit: visitproc,
    arg: *mut c_void,
) -> c_int {
    for p in objs {
        if !p.is_null() {
            let r = visit(p, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

/// Fills the empty entries of a slot suite the subtype owns (`dst`) from the base's
/// (`src`); nothing when either is NULL or they are the same suite. Every suite is
/// a struct of nullable function pointers only.
unsafe fn inherit_suite<S>(dst: *mut S, src: *const S) {
    if dst.is_null() || src.is_null() || core::ptr::eq(dst, src) {
        return;
    }
    let dst = dst as *mut Option<unsafe extern "C" fn()>;
    let src = src as *const Option<unsafe extern "C" fn()>;
    let n = core::mem::size_of::<S>() / core::mem::size_of::<usize>();
    for i in 0..n {
        if (*dst.add(i)).is_none() {
            *dst.add(i) = *src.add(i);
        }
    }
}

// ---- the `type` type -----------------------------------------------------------

/// `type.__call__`: `tp_new`, then `tp_init` when the result is an instance.
pub unsafe extern "C" fn type_call(
    callable: *mut PyObject,
    args: *mut PyObject,
    kwds: *mut PyObject,
) -> *mut PyObject {
    let t = callable as *mut PyTypeObject;
    if t == &raw mut PyType_Type
        && !args.is_null()
        && Py_SIZE(args) == 1
        && (kwds.is_null() || dict::len(kwds) == 0)
    {
        return new_ref(Py_TYPE(tuple::get_item(args, 0)) as *mut PyObject);
    }
    let Some(tp_new) = (*t).tp_new else {
        return crate::raise_null!(
            PyExc_TypeError,
            "cannot create '{}' instances",
            fully_qualified_name(t)
        );
    };
    let obj = tp_new(t, args, kwds);
    let obj = crate::errors::check_function_result(callable, obj);
    if obj.is_null() {
        return obj;
    }
    if !instance_of(obj, t) {
        return obj;
    }
    let ot = Py_TYPE(obj);
    if let Some(init) = (*ot).tp_init {
        if init(obj, args, kwds) < 0 {
            Py_DECREF(obj);
            return null_mut();
        }
    }
    obj
}

pub unsafe extern "C" fn type_repr(o: *mut PyObject) -> *mut PyObject {
    let t = o as *mut PyTypeObject;
    let m = module_name(t);
    if m.is_null() {
        crate::errors::clear();
    }
    let s = if !m.is_null() && unicode::is_unicode(m) && unicode::to_string_lossy(m) != "builtins" {
        format!("<class '{}.{}'>", unicode::to_string_lossy(m), qual_name(t))
    } else {
        format!("<class '{}'>", qual_name(t))
    };
    Py_XDECREF(m);
    unicode::from_str(&s)
}

/// `type.__getattribute__`: metatype data descriptors, then the MRO of the type
/// itself (descriptors bound with `instance=None`), then metatype attributes.
pub unsafe extern "C" fn type_getattro(o: *mut PyObject, name: *mut PyObject) -> *mut PyObject {
    if !unicode::is_unicode(name) {
        return crate::raise_null!(
            PyExc_TypeError,
            "attribute name must be string, not '{}'",
            type_name(Py_TYPE(name))
        );
    }
    let t = o as *mut PyTypeObject;
    let meta = Py_TYPE(o);
    let meta_attr = lookup(meta, name);
    let mut meta_get = None;
    if !meta_attr.is_null() {
        let mt = Py_TYPE(meta_attr);
        meta_get = (*mt).tp_descr_get;
        if let (Some(g), Some(_)) = (meta_get, (*mt).tp_descr_set) {
            return g(meta_attr, o, meta as *mut PyObject);
        }
    }
    let attr = lookup(t, name);
    if !attr.is_null() {
        Py_INCREF(attr);
        let f = (*Py_TYPE(attr)).tp_descr_get;
        if let Some(f) = f {
            let r = f(attr, null_mut(), o);
            Py_DECREF(attr);
            return r;
        }
        return attr;
    }
    if let Some(g) = meta_get {
        return g(meta_attr, o, meta as *mut PyObject);
    }
    if !meta_attr.is_null() {
        return new_ref(meta_attr);
    }
    crate::objects::exceptions::raise_attribute_error(
        o,
        name,
        &format!(
            "type object '{}' has no attribute '{}'",
            tp_name(t),
            unicode::to_string_lossy(name)
        ),
    );
    null_mut()
}

pub unsafe extern "C" fn type_setattro(
    o: *mut PyObject,
    name: *mut PyObject,
    value: *mut PyObject,
) -> c_int {
    let t = o as *mut PyTypeObject;
    if !unicode::is_unicode(name) {
        let _: PyResult<()> = crate::raise!(
            PyExc_TypeError,
            "attribute name must be string, not '{}'",
            type_name(Py_TYPE(name))
        );
        return -1;
    }
    if has_flag(t, Py_TPFLAGS_IMMUTABLETYPE) {
        let _: PyResult<()> = crate::raise!(
            PyExc_TypeError,
            "cannot set '{}' attribute of immutable type '{}'",
            unicode::to_string_lossy(name),
            fully_qualified_name(t)
        );
        return -1;
    }
    // Data descriptors on the metatype win.
    let meta_attr = lookup(Py_TYPE(o), name);
    if !meta_attr.is_null() {
        if let Some(set) = (*Py_TYPE(meta_attr)).tp_descr_set {
            return set(meta_attr, o, value);
        }
    }
    let r = if value.is_null() {
        if dict::del_item((*t).tp_dict, name).is_err() {
            if crate::errors::exception_matches(crate::objects::exceptions::exc(
                &raw mut PyExc_KeyError,
            )) {
                crate::errors::clear();
                crate::objects::exceptions::raise_attribute_error(
                    o,
                    name,
                    &format!(
                        "type object '{}' has no attribute '{}'",
                        tp_name(t),
                        unicode::to_string_lossy(name)
                    ),
                );
            }
            Err(())
        } else {
            Ok(())
        }
    } else {
        dict::set_item((*t).tp_dict, name, value)
    };
    if r.is_err() {
        return -1;
    }
    crate::objects::slots::update_slot(t, name);
    0
}

pub unsafe extern "C" fn type_dealloc(o: *mut PyObject) {
    let t = o as *mut PyTypeObject;
    debug_assert!(has_flag(t, Py_TPFLAGS_HEAPTYPE));
    crate::gc::untrack(o);
    crate::objects::weakref::clear_weakrefs_of(o);
    let h = o as *mut HeapType;
    type_clear_fields(t);
    Py_XDECREF((*t).tp_subclasses as *mut PyObject);
    (*t).tp_subclasses = null_mut();
    Py_XDECREF((*h).ht_name);
    Py_XDECREF((*h).ht_qualname);
    if !(*h).ht_tpname.is_null() {
        drop(std::ffi::CString::from_raw((*h).ht_tpname));
    }
    if !(*h).ht_doc.is_null() {
        libc::free((*h).ht_doc as *mut c_void);
    }
    if !(*h).ht_members.is_null() {
        libc::free((*h).ht_members as *mut c_void);
    }
    let meta = Py_TYPE(o);
    crate::alloc::gc_del(o as *mut c_void);
    if has_flag(meta, Py_TPFLAGS_HEAPTYPE) {
        Py_DECREF(meta as *mut PyObject);
    }
}

unsafe fn type_clear_fields(t: *mut PyTypeObject) {
    let h = t as *mut HeapType;
    xsetref(&raw mut (*t).tp_dict, null_mut());
    xsetref(&raw mut (*t).tp_mro, null_mut());
    xsetref(&raw mut (*t).tp_bases, null_mut());
    xsetref(&raw mut (*h).ht_module, null_mut());
    let base = (*t).tp_base;
    (*t).tp_base = null_mut();
    Py_XDECREF(base as *mut PyObject);
}

pub unsafe extern "C" fn type_traverse(
    o: *mut PyObject,
    visit: visitproc,
    arg: *mut c_void,
) -> c_int {
    let t = o as *mut PyTypeObject;
    if !has_flag(t, Py_TPFLAGS_HEAPTYPE) {
        return 0;
    }
    let h = o as *mut HeapType;
    let r = visit_each(
        [
            (*t).tp_dict,
            (*t).tp_mro,
            (*t).tp_bases,
            (*t).tp_base as *mut PyObject,
            (*h).ht_module,
        ],
        visit,
        arg,
    );
    if r != 0 {
        return r;
    }
    if has_flag(Py_TYPE(o), Py_TPFLAGS_HEAPTYPE) {
        return visit(Py_TYPE(o) as *mut PyObject, arg);
    }
    0
}

pub unsafe extern "C" fn type_clear(o: *mut PyObject) -> c_int {
    let t = o as *mut PyTypeObject;
    if has_flag(t, Py_TPFLAGS_HEAPTYPE) {
        // Keep the type usable while instances may still exist: only drop the dict.
        if !(*t).tp_dict.is_null() {
            dict::clear((*t).tp_dict);
        }
    }
    0
}

unsafe extern "C" fn type_is_gc(o: *mut PyObject) -> c_int {
    has_flag(o as *mut PyTypeObject, Py_TPFLAGS_HEAPTYPE) as c_int
}

unsafe extern "C" fn type_get_name(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    unicode::from_str(short_name(o as *mut PyTypeObject))
}
unsafe extern "C" fn type_get_qualname(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    unicode::from_str(qual_name(o as *mut PyTypeObject))
}
unsafe extern "C" fn type_get_module(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    module_name(o as *mut PyTypeObject)
}
unsafe extern "C" fn type_get_mro(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    let m = (*(o as *mut PyTypeObject)).tp_mro;
    if m.is_null() {
        new_ref(none())
    } else {
        new_ref(m)
    }
}
unsafe extern "C" fn type_get_bases(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    let m = (*(o as *mut PyTypeObject)).tp_bases;
    if m.is_null() {
        tuple::new(0)
    } else {
        new_ref(m)
    }
}
unsafe extern "C" fn type_get_base(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    let b = (*(o as *mut PyTypeObject)).tp_base;
    if b.is_null() {
        new_ref(none())
    } else {
        new_ref(b as *mut PyObject)
    }
}
unsafe extern "C" fn type_get_dict(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    crate::objects::dict::new_proxy((*(o as *mut PyTypeObject)).tp_dict)
}
unsafe extern "C" fn type_get_doc(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    let t = o as *mut PyTypeObject;
    if !(*t).tp_dict.is_null() {
        let d = dict::get_str((*t).tp_dict, "__doc__");
        if !d.is_null() {
            if let Some(g) = (*Py_TYPE(d)).tp_descr_get {
                return g(d, null_mut(), o);
            }
            return new_ref(d);
        }
    }
    if !has_flag(t, Py_TPFLAGS_HEAPTYPE) && !(*t).tp_doc.is_null() {
        return unicode::from_utf8(doc_text(CStr::from_ptr((*t).tp_doc).to_bytes()));
    }
    new_ref(none())
}
unsafe extern "C" fn type_get_basicsize(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    crate::objects::long::from_i64((*(o as *mut PyTypeObject)).tp_basicsize as i64)
}
unsafe extern "C" fn type_get_itemsize(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    crate::objects::long::from_i64((*(o as *mut PyTypeObject)).tp_itemsize as i64)
}
unsafe extern "C" fn type_get_flags(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    crate::objects::long::from_u64((*(o as *mut PyTypeObject)).tp_flags)
}
unsafe extern "C" fn type_get_dictoffset(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    crate::objects::long::from_i64((*(o as *mut PyTypeObject)).tp_dictoffset as i64)
}
unsafe extern "C" fn type_get_weakrefoffset(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    crate::objects::long::from_i64((*(o as *mut PyTypeObject)).tp_weaklistoffset as i64)
}

unsafe extern "C" fn type_mro_method(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    match compute_mro(o as *mut PyTypeObject) {
        Ok(t) => {
            let l = crate::objects::list::from_slice(core::slice::from_raw_parts(
                tuple::items(t),
                Py_SIZE(t) as usize,
            ));
            Py_DECREF(t);
            l
        }
        Err(()) => null_mut(),
    }
}

/// The "(sig)" of a C docstring that starts with "name(sig)\n--\n\n", if any.
pub fn text_signature<'a>(name: &str, doc: &'a [u8]) -> Option<&'a [u8]> {
    let rest = doc.strip_prefix(name.as_bytes())?;
    if !rest.starts_with(b"(") {
        return None;
    }
    let end = rest.windows(5).position(|w| w == b")\n--\n")?;
    Some(&rest[..end + 1])
}

unsafe extern "C" fn type_get_text_signature(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    let t = o as *mut PyTypeObject;
    if (*t).tp_doc.is_null() {
        return new_ref(none());
    }
    let doc = CStr::from_ptr((*t).tp_doc).to_bytes();
    match text_signature(short_name(t), doc) {
        Some(sig) => unicode::from_utf8(sig),
        None => new_ref(none()),
    }
}

/// A setter for a heap type's own attribute: refused for static and immutable
/// types and for deletion ("cannot set '__name__' attribute of immutable type
/// 'int'", "cannot delete '__name__' attribute of immutable type 'int'").
unsafe fn check_set_special(t: *mut PyTypeObject, v: *mut PyObject, name: &str) -> PyResult<()> {
    if has_flag(t, Py_TPFLAGS_IMMUTABLETYPE) {
        return crate::raise!(
            PyExc_TypeError,
            "cannot set '{}' attribute of immutable type '{}'",
            name,
            fully_qualified_name(t)
        );
    }
    if v.is_null() {
        return crate::raise!(
            PyExc_TypeError,
            "cannot delete '{}' attribute of immutable type '{}'",
            name,
            fully_qualified_name(t)
        );
    }
    Ok(())
}

unsafe fn status(r: PyResult<()>) -> c_int {
    if r.is_ok() {
        0
    } else {
        -1
    }
}

unsafe extern "C" fn type_set_name(o: *mut PyObject, v: *mut PyObject, _c: *mut c_void) -> c_int {
    let t = o as *mut PyTypeObject;
    status((|| {
        check_set_special(t, v, "__name__")?;
        if !unicode::is_unicode(v) {
            return crate::raise!(
                PyExc_TypeError,
                "can only assign string to {}.__name__, not '{}'",
                short_name(t),
                type_name(Py_TYPE(v))
            );
        }
        let s = unicode::to_string_lossy(v);
        if s.contains('\0') {
            return crate::raise!(
                PyExc_ValueError,
                "type name must not contain null characters"
            );
        }
        let h = t as *mut HeapType;
        let c = std::ffi::CString::new(s).map_err(|_| ())?;
        let old = (*h).ht_tpname;
        (*h).ht_tpname = c.into_raw();
        (*t).tp_name = (*h).ht_tpname;
        if !old.is_null() {
            drop(std::ffi::CString::from_raw(old));
        }
        xsetref(&raw mut (*h).ht_name, new_ref(v));
        Ok(())
    })())
}

unsafe extern "C" fn type_set_qualname(
    o: *mut PyObject,
    v: *mut PyObject,
    _c: *mut c_void,
) -> c_int {
    let t = o as *mut PyTypeObject;
    status((|| {
        check_set_special(t, v, "__qualname__")?;
        if !unicode::is_unicode(v) {
            return crate::raise!(
                PyExc_TypeError,
                "can only assign string to {}.__qualname__, not '{}'",
                short_name(t),
                type_name(Py_TYPE(v))
            );
        }
        xsetref(&raw mut (*(t as *mut HeapType)).ht_qualname, new_ref(v));
        Ok(())
    })())
}

/// `__module__` and `__doc__` of a heap type live in its dict.
unsafe fn set_in_dict(o: *mut PyObject, v: *mut PyObject, name: &str) -> c_int {
    let t = o as *mut PyTypeObject;
    status((|| {
        check_set_special(t, v, name)?;
        dict::set_str((*t).tp_dict, name, v)
    })())
}

unsafe extern "C" fn type_set_module(o: *mut PyObject, v: *mut PyObject, _c: *mut c_void) -> c_int {
    set_in_dict(o, v, "__module__")
}

unsafe extern "C" fn type_set_doc(o: *mut PyObject, v: *mut PyObject, _c: *mut c_void) -> c_int {
    set_in_dict(o, v, "__doc__")
}

/// `__abstractmethods__`: only for classes that set it (abc does); a true value
/// makes the class abstract (`object.__new__` refuses it).
unsafe extern "C" fn type_get_abstractmethods(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    let t = o as *mut PyTypeObject;
    let v = if t == &raw mut PyType_Type {
        null_mut()
    } else {
        dict::get_str((*t).tp_dict, "__abstractmethods__")
    };
    if v.is_null() {
        crate::objects::exceptions::raise_attribute_error(
            o,
            unicode::intern_str("__abstractmethods__"),
            "__abstractmethods__",
        );
        return null_mut();
    }
    new_ref(v)
}

unsafe extern "C" fn type_set_abstractmethods(
    o: *mut PyObject,
    v: *mut PyObject,
    _c: *mut c_void,
) -> c_int {
    let t = o as *mut PyTypeObject;
    let key = unicode::intern_str("__abstractmethods__");
    let abstract_ = if v.is_null() {
        match dict::pop_item((*t).tp_dict, key) {
            Ok(Some(old)) => {
                Py_DECREF(old);
                false
            }
            Ok(None) => {
                crate::objects::exceptions::raise_attribute_error(o, key, "__abstractmethods__");
                return -1;
            }
            Err(()) => return -1,
        }
    } else {
        let b = crate::protocols::object::is_true(v);
        if b < 0 || dict::set_item((*t).tp_dict, key, v).is_err() {
            return -1;
        }
        b != 0
    };
    if abstract_ {
        (*t).tp_flags |= Py_TPFLAGS_IS_ABSTRACT;
    } else {
        (*t).tp_flags &= !Py_TPFLAGS_IS_ABSTRACT;
    }
    0
}

/// `__type_params__`: the class's own (PEP 695), else `()`.
unsafe extern "C" fn type_get_type_params(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    let t = o as *mut PyTypeObject;
    if t != &raw mut PyType_Type {
        let v = dict::get_str((*t).tp_dict, "__type_params__");
        if !v.is_null() {
            return new_ref(v);
        }
    }
    tuple::new(0)
}

unsafe extern "C" fn type_set_type_params(
    o: *mut PyObject,
    v: *mut PyObject,
    _c: *mut c_void,
) -> c_int {
    let t = o as *mut PyTypeObject;
    status((|| {
        check_set_special(t, v, "__type_params__")?;
        if !tuple::is_tuple(v) {
            return crate::raise!(
                PyExc_TypeError,
                "__type_params__ must be set to a tuple, not {}",
                type_name(Py_TYPE(v))
            );
        }
        dict::set_str((*t).tp_dict, "__type_params__", v)
    })())
}

macro_rules! getset_rw {
    ($name:literal, $get:expr, $set:expr) => {
        PyGetSetDef {
            name: $name.as_ptr(),
            get: Some($get),
            set: Some($set),
            doc: core::ptr::null(),
            closure: null_mut(),
        }
    };
}

static mut TYPE_GETSET: [PyGetSetDef; 16] = [
    getset!(c"__text_signature__", type_get_text_signature),
    getset_rw!(c"__name__", type_get_name, type_set_name),
    getset_rw!(c"__qualname__", type_get_qualname, type_set_qualname),
    getset_rw!(c"__module__", type_get_module, type_set_module),
    getset!(c"__mro__", type_get_mro),
    getset!(c"__bases__", type_get_bases),
    getset!(c"__base__", type_get_base),
    getset!(c"__dict__", type_get_dict),
    getset_rw!(c"__doc__", type_get_doc, type_set_doc),
    getset!(c"__basicsize__", type_get_basicsize),
    getset!(c"__itemsize__", type_get_itemsize),
    getset!(c"__flags__", type_get_flags),
    getset!(c"__dictoffset__", type_get_dictoffset),
    getset_rw!(
        c"__abstractmethods__",
        type_get_abstractmethods,
        type_set_abstractmethods
    ),
    getset_rw!(
        c"__type_params__",
        type_get_type_params,
        type_set_type_params
    ),
    PyGetSetDef::SENTINEL,
];

unsafe extern "C" fn type_subclasses_method(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    let subs: Vec<*mut PyObject> = subclasses(o as *mut PyTypeObject)
        .iter()
        .map(|s| s.as_ptr())
        .collect();
    crate::objects::list::from_slice(&subs)
}

/// `type.__dir__()`: the names along the class's MRO (no metaclass attributes).
unsafe extern "C" fn type_dir_method(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    let Some(names) = Owned::from_new(dict::new()) else {
        return null_mut();
    };
    let mro = (*(o as *mut PyTypeObject)).tp_mro;
    if !mro.is_null() {
        for &b in tuple::as_slice(mro).iter().rev() {
            let d = (*(b as *mut PyTypeObject)).tp_dict;
            if !d.is_null() && dict::merge(names.as_ptr(), d, true).is_err() {
                return null_mut();
            }
        }
    }
    let keys: Vec<*mut PyObject> = dict::snapshot(names.as_ptr())
        .into_iter()
        .map(|(k, v)| {
            Py_DECREF(v);
            k
        })
        .collect();
    let l = crate::objects::list::from_slice(&keys);
    for k in keys {
        Py_DECREF(k);
    }
    l
}

/// `type.__prepare__(name, bases, **kwds)`: a new empty dict.
unsafe extern "C" fn type_prepare(
    _t: *mut PyObject,
    _args: *const *mut PyObject,
    _n: Py_ssize_t,
    _kw: *mut PyObject,
) -> *mut PyObject {
    dict::new()
}

/// `type.__init__(name, bases, dict, **kwds)`: checks the arguments only.
unsafe extern "C" fn type_init(
    o: *mut PyObject,
    args: *mut PyObject,
    kwds: *mut PyObject,
) -> c_int {
    let _ = o;
    let n = Py_SIZE(args);
    let nk = if kwds.is_null() { 0 } else { dict::len(kwds) };
    if n == 1 && nk != 0 {
        let _: PyResult<()> = crate::raise!(
            PyExc_TypeError,
            "type.__init__() takes no keyword arguments"
        );
        return -1;
    }
    if n != 1 && n != 3 {
        let _: PyResult<()> =
            crate::raise!(PyExc_TypeError, "type.__init__() takes 1 or 3 arguments");
        return -1;
    }
    0
}

static mut TYPE_METHODS: [PyMethodDef; 5] = [
    PyMethodDef {
        ml_name: c"mro".as_ptr(),
        ml_meth: Some(type_mro_method),
        ml_flags: METH_NOARGS,
        ml_doc: c"Return a type's method resolution order.".as_ptr(),
    },
    PyMethodDef {
        ml_name: c"__subclasses__".as_ptr(),
        ml_meth: Some(type_subclasses_method),
        ml_flags: METH_NOARGS,
        ml_doc: c"Return a list of immediate subclasses.".as_ptr(),
    },
    PyMethodDef {
        ml_name: c"__dir__".as_ptr(),
        ml_meth: Some(type_dir_method),
        ml_flags: METH_NOARGS,
        ml_doc: c"Specialized __dir__ implementation for types.".as_ptr(),
    },
    PyMethodDef {
        ml_name: c"__prepare__".as_ptr(),
        ml_meth: Some(unsafe {
            core::mem::transmute::<
                unsafe extern "C" fn(
                    *mut PyObject,
                    *const *mut PyObject,
                    Py_ssize_t,
                    *mut PyObject,
                ) -> *mut PyObject,
                PyCFunction,
            >(type_prepare)
        }),
        ml_flags: METH_FASTCALL | METH_KEYWORDS | METH_CLASS,
        ml_doc: c"Create the namespace for the class statement".as_ptr(),
    },
    PyMethodDef::SENTINEL,
];

static mut TYPE_MEMBERS: [PyMemberDef; 2] = [
    PyMemberDef {
        name: c"__weakrefoffset__".as_ptr(),
        type_code: Py_T_PYSSIZET,
        offset: core::mem::offset_of!(PyTypeObject, tp_weaklistoffset) as Py_ssize_t,
        flags: Py_READONLY,
        doc: core::ptr::null(),
    },
    PyMemberDef::SENTINEL,
];

pub unsafe fn init_type() {
    let _ = type_get_weakrefoffset;
    let t = &raw mut PyType_Type;
    init_builtin(
        t,
        c"type",
        core::mem::size_of::<HeapType>(),
        core::mem::size_of::<PyMemberDef>(),
    );
    (*t).tp_flags |= Py_TPFLAGS_BASETYPE | Py_TPFLAGS_TYPE_SUBCLASS | Py_TPFLAGS_HAVE_GC;
    (*t).tp_call = Some(type_call);
    (*t).tp_repr = Some(type_repr);
    (*t).tp_getattro = Some(type_getattro);
    (*t).tp_setattro = Some(type_setattro);
    (*t).tp_dealloc = Some(type_dealloc);
    (*t).tp_traverse = Some(type_traverse);
    (*t).tp_clear = Some(type_clear);
    (*t).tp_is_gc = Some(type_is_gc);
    (*t).tp_free = Some(gc_del_free);
    (*t).tp_getset = (&raw mut TYPE_GETSET).cast();
    (*t).tp_methods = (&raw mut TYPE_METHODS).cast();
    (*t).tp_members = (&raw mut TYPE_MEMBERS).cast();
    (*t).tp_new = Some(crate::objects::heaptype::type_new);
    (*t).tp_init = Some(type_init);
    (*t).tp_dictoffset = core::mem::offset_of!(PyTypeObject, tp_dict) as Py_ssize_t;
    (*t).tp_weaklistoffset = core::mem::offset_of!(PyTypeObject, tp_weaklist) as Py_ssize_t;
    // Calling a type goes through its `tp_vectorcall` when it has one
    // (`Py_tp_vectorcall`), else through `type.__call__`.
    (*t).tp_vectorcall_offset = core::mem::offset_of!(PyTypeObject, tp_vectorcall) as Py_ssize_t;
    (*t).tp_flags |= Py_TPFLAGS_HAVE_VECTORCALL;
    (*t).tp_doc =
        c"type(object) -> the object's type\ntype(name, bases, dict, **kwds) -> a new type"
            .as_ptr();
}

/// `tp_name` as a C string pointer (for messages built in C).
pub unsafe fn tp_name_ptr(t: *mut PyTypeObject) -> *const c_char {
    (*t).tp_name
}
