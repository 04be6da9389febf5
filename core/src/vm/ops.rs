//! The longer instruction bodies of the evaluation loop, one function each, with
//! CPython's error messages.

use core::ptr::null_mut;

use crate::bytecode::opcode::{intrinsic1, intrinsic2};
use crate::bytecode::{fast, flags};
use crate::exported::*;
use crate::object::*;
use crate::objects::code::CodeObject;
use crate::objects::exceptions::{self, exc as exc_type};
use crate::objects::typeobject::{is_subtype, type_name};
use crate::objects::{cell, dict, function, lazyimport, list, long, tuple, unicode};
use crate::protocols::{call, mapping, object as proto};
use crate::typeobj::*;
use crate::vm::frame::Frame;

/// NameError(msg) with `name` set.
pub unsafe fn raise_name_error(ty: *mut *mut PyObject, msg: &str, name: *mut PyObject) {
    let t = exc_type(ty) as *mut PyTypeObject;
    let m = unicode::from_str(msg);
    if m.is_null() {
        return;
    }
    let inst = exceptions::new_instance(t, &[m]);
    Py_DECREF(m);
    if inst.is_null() {
        return;
    }
    exceptions::set_extra(inst, 0, name);
    crate::errors::set_object(t as *mut PyObject, inst);
    Py_DECREF(inst);
}

unsafe fn name_not_defined(name: *mut PyObject) {
    raise_name_error(
        &raw mut PyExc_NameError,
        &format!("name '{}' is not defined", unicode::to_string_lossy(name)),
        name,
    );
}

pub unsafe fn unbound_local(co: &CodeObject, i: usize) {
    let name = co.slot_name(i);
    raise_name_error(
        &raw mut PyExc_UnboundLocalError,
        &format!(
            "cannot access local variable '{}' where it is not associated with a value",
            unicode::to_string_lossy(name)
        ),
        name,
    );
}

/// An empty cell: free variables raise NameError, cells of this frame
/// UnboundLocalError.
pub unsafe fn unbound_deref(co: &CodeObject, i: usize) {
    if co.localsplus_kinds[i] & fast::FREE != 0 {
        let name = co.slot_name(i);
        raise_name_error(
            &raw mut PyExc_NameError,
            &format!(
                "cannot access free variable '{}' where it is not associated with a value in enclosing scope",
                unicode::to_string_lossy(name)
            ),
            name,
        );
    } else {
        unbound_local(co, i);
    }
}

/// `mapping[key]`, Ok(NULL) when missing (dicts directly, other mappings through
/// `__getitem__` with KeyError meaning missing).
unsafe fn lookup_in(m: *mut PyObject, key: *mut PyObject) -> PyResult<*mut PyObject> {
    if dict::is_dict_exact(m) {
        return dict::get_item_ref(m, key);
    }
    mapping::get_optional_item(m, key)
}

/// A value found in `d` under `name`: lazy-import proxies are resolved and the
/// result stored back.
unsafe fn resolve_lazy(d: *mut PyObject, name: *mut PyObject, v: *mut PyObject) -> *mut PyObject {
    if !lazyimport::is_lazy(v) {
        return v;
    }
    let r = lazyimport::reify(v);
    Py_DECREF(v);
    if r.is_null() {
        return r;
    }
    if mapping::set_item(d, name, r).is_err() {
        Py_DECREF(r);
        return null_mut();
    }
    r
}

/// globals, then builtins (new reference; NameError when neither has it).
unsafe fn globals_then_builtins(f: *mut Frame, name: *mut PyObject) -> *mut PyObject {
    match lookup_in((*f).globals, name) {
        Ok(v) if !v.is_null() => return resolve_lazy((*f).globals, name, v),
        Ok(_) => {}
        Err(()) => return null_mut(),
    }
    match lookup_in((*f).builtins, name) {
        Ok(v) if !v.is_null() => v,
        Ok(_) => {
            name_not_defined(name);
            null_mut()
        }
        Err(()) => null_mut(),
    }
}

pub unsafe fn load_global(f: *mut Frame, name: *mut PyObject) -> *mut PyObject {
    globals_then_builtins(f, name)
}

pub unsafe fn load_name(f: *mut Frame, name: *mut PyObject) -> *mut PyObject {
    let locals = (*f).locals;
    if locals.is_null() {
        return crate::raise_null!(
            PyExc_SystemError,
            "no locals when loading {}",
            unicode::repr_string(name)
        );
    }
    match lookup_in(locals, name) {
        Ok(v) if !v.is_null() => return resolve_lazy(locals, name, v),
        Ok(_) => {}
        Err(()) => return null_mut(),
    }
    globals_then_builtins(f, name)
}

pub unsafe fn store_name(f: *mut Frame, name: *mut PyObject, v: *mut PyObject) -> PyResult<()> {
    let locals = (*f).locals;
    if locals.is_null() {
        return crate::raise!(
            PyExc_SystemError,
            "no locals found when storing {}",
            unicode::repr_string(name)
        );
    }
    if dict::is_dict_exact(locals) {
        dict::set_item(locals, name, v)
    } else {
        mapping::set_item(locals, name, v)
    }
}

pub unsafe fn delete_name(f: *mut Frame, name: *mut PyObject) -> PyResult<()> {
    let locals = (*f).locals;
    if locals.is_null() {
        return crate::raise!(
            PyExc_SystemError,
            "no locals when deleting {}",
            unicode::repr_string(name)
        );
    }
    if mapping::set_item(locals, name, null_mut()).is_err() {
        if crate::errors::exception_matches(exc_type(&raw mut PyExc_KeyError)) {
            crate::errors::clear();
            name_not_defined(name);
        }
        return Err(());
    }
    Ok(())
}

pub unsafe fn delete_global(f: *mut Frame, name: *mut PyObject) -> PyResult<()> {
    match dict::pop_item((*f).globals, name)? {
        Some(v) => {
            Py_DECREF(v);
            Ok(())
        }
        None => {
            name_not_defined(name);
            Err(())
        }
    }
}

pub unsafe fn load_from_dict_or_deref(
    m: *mut PyObject,
    co: &CodeObject,
    c: *mut PyObject,
    i: usize,
) -> *mut PyObject {
    match lookup_in(m, co.slot_name(i)) {
        Ok(v) if !v.is_null() => return v,
        Ok(_) => {}
        Err(()) => return null_mut(),
    }
    let v = if cell::is_cell(c) {
        cell::get(c)
    } else {
        null_mut()
    };
    if v.is_null() {
        unbound_deref(co, i);
    }
    v
}

pub unsafe fn load_from_dict_or_globals(
    f: *mut Frame,
    m: *mut PyObject,
    name: *mut PyObject,
) -> *mut PyObject {
    match lookup_in(m, name) {
        Ok(v) if !v.is_null() => v,
        Ok(_) => globals_then_builtins(f, name),
        Err(()) => null_mut(),
    }
}

/// `LOAD_ATTR` for a method call: (the function found on the type, true) when it
/// is a method descriptor not shadowed by the instance dict, else (the
/// attribute, false). NULL on error.
pub unsafe fn load_method(owner: *mut PyObject, name: *mut PyObject) -> (*mut PyObject, bool) {
    let t = Py_TYPE(owner);
    let generic: crate::typeobj::getattrofunc = crate::objects::baseobject::generic_getattr;
    let is_generic = matches!((*t).tp_getattro, Some(g) if core::ptr::fn_addr_eq(g, generic));
    if !is_generic || !unicode::is_unicode_exact(name) {
        return (proto::get_attr(owner, name), false);
    }
    if (*t).tp_dict.is_null() && crate::objects::typeobject::ready(t).is_err() {
        return (null_mut(), false);
    }
    let descr = crate::objects::typeobject::lookup(t, name);
    if descr.is_null() || !has_flag(Py_TYPE(descr), Py_TPFLAGS_METHOD_DESCRIPTOR) {
        return (proto::get_attr(owner, name), false);
    }
    Py_INCREF(descr);
    let dp = crate::objects::baseobject::dict_ptr(owner);
    if !dp.is_null() && !(*dp).is_null() {
        let d = new_ref(*dp);
        let r = dict::get_item_ref(d, name);
        Py_DECREF(d);
        match r {
            Ok(v) if !v.is_null() => {
                Py_DECREF(descr);
                return (v, false);
            }
            Ok(_) => {}
            Err(()) => {
                Py_DECREF(descr);
                return (null_mut(), false);
            }
        }
    }
    (descr, true)
}

pub unsafe fn slice_get(
    c: *mut PyObject,
    start: *mut PyObject,
    stop: *mut PyObject,
) -> *mut PyObject {
    let s = crate::objects::slice::new(start, stop, none());
    if s.is_null() {
        return s;
    }
    let r = proto::get_item(c, s);
    Py_DECREF(s);
    r
}

pub unsafe fn slice_set(
    c: *mut PyObject,
    start: *mut PyObject,
    stop: *mut PyObject,
    v: *mut PyObject,
) -> PyResult<()> {
    let s = crate::objects::slice::new(start, stop, none());
    nonnull(s)?;
    let r = mapping::set_item(c, s, v);
    Py_DECREF(s);
    r
}

pub unsafe fn build_set(items: &[*mut PyObject]) -> *mut PyObject {
    let s = crate::objects::set::new_empty(&raw mut PySet_Type);
    if s.is_null() {
        return s;
    }
    for &i in items {
        if crate::objects::set::add(s, i).is_err() {
            Py_DECREF(s);
            return null_mut();
        }
    }
    s
}

pub unsafe fn build_map(items: &[*mut PyObject]) -> *mut PyObject {
    let d = dict::new();
    if d.is_null() {
        return d;
    }
    for kv in items.chunks(2) {
        if dict::set_item(d, kv[0], kv[1]).is_err() {
            Py_DECREF(d);
            return null_mut();
        }
    }
    d
}

pub unsafe fn build_string(items: &[*mut PyObject]) -> *mut PyObject {
    let mut b: Vec<u8> = Vec::new();
    for &i in items {
        b.extend_from_slice(unicode::bytes_of(i));
    }
    unicode::from_wtf8_unchecked(&b)
}

pub unsafe fn list_extend(l: *mut PyObject, v: *mut PyObject) -> PyResult<()> {
    let it = crate::protocols::iter::get_iter(v);
    if it.is_null() {
        if crate::errors::exception_matches(exc_type(&raw mut PyExc_TypeError))
            && (*Py_TYPE(v)).tp_iter.is_none()
            && !crate::protocols::sequence::check(v)
        {
            crate::errors::clear();
            return crate::raise!(
                PyExc_TypeError,
                "Value after * must be an iterable, not {}",
                type_name(Py_TYPE(v))
            );
        }
        return Err(());
    }
    let it = Owned(it);
    loop {
        let x = crate::protocols::iter::next(it.as_ptr());
        if x.is_null() {
            return if crate::errors::raised().is_null() {
                Ok(())
            } else {
                Err(())
            };
        }
        let r = list::append(l, x);
        Py_DECREF(x);
        r?;
    }
}

pub unsafe fn dict_update(d: *mut PyObject, v: *mut PyObject) -> PyResult<()> {
    if dict::merge(d, v, true).is_err() {
        if crate::errors::exception_matches(exc_type(&raw mut PyExc_AttributeError)) {
            crate::errors::clear();
            return crate::raise!(
                PyExc_TypeError,
                "'{}' object is not a mapping",
                type_name(Py_TYPE(v))
            );
        }
        return Err(());
    }
    Ok(())
}

/// CPython's `_PyObject_FunctionStr`: "module.qualname()" ("qualname()" for
/// builtins).
pub unsafe fn function_str(f: *mut PyObject) -> String {
    let q = match crate::protocols::objproto::get_attr_opt_str(f, "__qualname__") {
        Ok(q) if !q.is_null() => q,
        _ => {
            crate::errors::clear();
            let r = proto::str(f);
            if r.is_null() {
                crate::errors::clear();
                return "?".into();
            }
            let s = unicode::to_string_lossy(r);
            Py_DECREF(r);
            return s;
        }
    };
    let qs = unicode::to_string_lossy(q);
    Py_DECREF(q);
    let m = match crate::protocols::objproto::get_attr_opt_str(f, "__module__") {
        Ok(m) => m,
        Err(()) => {
            crate::errors::clear();
            null_mut()
        }
    };
    let r = if !m.is_null() && unicode::is_unicode(m) && unicode::to_string_lossy(m) != "builtins" {
        format!("{}.{}()", unicode::to_string_lossy(m), qs)
    } else {
        format!("{}()", qs)
    };
    Py_XDECREF(m);
    r
}

pub unsafe fn dict_merge(
    callable: *mut PyObject,
    d: *mut PyObject,
    v: *mut PyObject,
) -> PyResult<()> {
    if !mapping::check(v) || (!dict::is_dict(v) && !has_keys(v)) {
        return crate::raise!(
            PyExc_TypeError,
            "{} argument after ** must be a mapping, not {}",
            function_str(callable),
            type_name(Py_TYPE(v))
        );
    }
    let items = if dict::is_dict(v) {
        dict::snapshot(v)
    } else {
        let keys = Owned(nonnull(crate::protocols::mapping::method_as_list(
            v, "keys",
        ))?);
        let mut out = Vec::new();
        for k in list::snapshot(keys.as_ptr()) {
            let val = proto::get_item(v, k.as_ptr());
            if val.is_null() {
                out.into_iter().for_each(|(a, b)| {
                    Py_DECREF(a);
                    Py_DECREF(b);
                });
                return Err(());
            }
            out.push((k.into_ptr(), val));
        }
        out
    };
    let mut r = Ok(());
    for (k, val) in items {
        if r.is_ok() {
            match dict::insert_if_absent(d, k, val) {
                Ok(true) => {}
                Ok(false) => {
                    r = if unicode::is_unicode(k) {
                        crate::raise!(
                            PyExc_TypeError,
                            "{} got multiple values for keyword argument '{}'",
                            function_str(callable),
                            unicode::to_string_lossy(k)
                        )
                    } else {
                        crate::raise!(PyExc_TypeError, "keywords must be strings")
                    };
                }
                Err(()) => r = Err(()),
            }
        }
        Py_DECREF(k);
        Py_DECREF(val);
    }
    r
}

unsafe fn has_keys(v: *mut PyObject) -> bool {
    crate::protocols::objproto::has_attr(v, unicode::intern_str("keys")) == 1
}

/// `UNPACK_SEQUENCE` (`after` None) and `UNPACK_EX`: write the items of `seq` at
/// `sp` upwards, first item on top. Returns how many were written.
pub unsafe fn unpack(
    seq: *mut PyObject,
    before: usize,
    after: Option<usize>,
    sp: *mut *mut PyObject,
) -> PyResult<usize> {
    let items: Vec<Owned> = if tuple::is_tuple_exact(seq) || list::is_list_exact(seq) {
        let v: Vec<Owned> = if tuple::is_tuple_exact(seq) {
            tuple::as_slice(seq)
                .iter()
                .map(|&p| Owned::from_borrowed(p))
                .collect()
        } else {
            list::snapshot(seq)
        };
        if after.is_none() && v.len() != before {
            return if v.len() > before {
                crate::raise!(
                    PyExc_ValueError,
                    "too many values to unpack (expected {}, got {})",
                    before,
                    v.len()
                )
            } else {
                crate::raise!(
                    PyExc_ValueError,
                    "not enough values to unpack (expected {}, got {})",
                    before,
                    v.len()
                )
            };
        }
        v
    } else {
        let it = crate::protocols::iter::get_iter(seq);
        if it.is_null() {
            if crate::errors::exception_matches(exc_type(&raw mut PyExc_TypeError))
                && (*Py_TYPE(seq)).tp_iter.is_none()
                && !crate::protocols::sequence::check(seq)
            {
                crate::errors::clear();
                return crate::raise!(
                    PyExc_TypeError,
                    "cannot unpack non-iterable {} object",
                    type_name(Py_TYPE(seq))
                );
            }
            return Err(());
        }
        let it = Owned(it);
        let mut v = Vec::new();
        loop {
            if after.is_none() && v.len() > before {
                break;
            }
            let x = crate::protocols::iter::next(it.as_ptr());
            if x.is_null() {
                if !crate::errors::raised().is_null() {
                    return Err(());
                }
                break;
            }
            v.push(Owned(x));
        }
        if after.is_none() && v.len() != before {
            return if v.len() > before {
                let n = if dict::is_dict_exact(seq) {
                    format!(", got {}", dict::len(seq))
                } else {
                    String::new()
                };
                crate::raise!(
                    PyExc_ValueError,
                    "too many values to unpack (expected {}{})",
                    before,
                    n
                )
            } else {
                crate::raise!(
                    PyExc_ValueError,
                    "not enough values to unpack (expected {}, got {})",
                    before,
                    v.len()
                )
            };
        }
        v
    };
    let mut out: Vec<*mut PyObject> = Vec::with_capacity(items.len() + 1);
    match after {
        None => out.extend(items.into_iter().map(|o| o.into_ptr())),
        Some(after) => {
            if items.len() < before + after {
                return crate::raise!(
                    PyExc_ValueError,
                    "not enough values to unpack (expected at least {}, got {})",
                    before + after,
                    items.len()
                );
            }
            let mut items = items;
            let tail: Vec<Owned> = items.split_off(items.len() - after);
            let middle: Vec<Owned> = items.split_off(before);
            let ptrs: Vec<*mut PyObject> = middle.iter().map(|o| o.as_ptr()).collect();
            let l = list::from_slice(&ptrs);
            nonnull(l)?;
            out.extend(items.into_iter().map(|o| o.into_ptr()));
            out.push(l);
            out.extend(tail.into_iter().map(|o| o.into_ptr()));
        }
    }
    // First item on top.
    let n = out.len();
    for (i, p) in out.into_iter().rev().enumerate() {
        *sp.add(i) = p;
    }
    Ok(n)
}

/// `FOR_ITER`'s step: Ok(NULL) when the iterator is exhausted.
#[inline]
pub unsafe fn iter_next(it: *mut PyObject) -> PyResult<*mut PyObject> {
    let Some(next) = (*Py_TYPE(it)).tp_iternext else {
        return crate::raise!(
            PyExc_TypeError,
            "'{}' object is not an iterator",
            type_name(Py_TYPE(it))
        );
    };
    let v = next(it);
    if !v.is_null() {
        return Ok(v);
    }
    if crate::errors::raised().is_null() {
        return Ok(null_mut());
    }
    if crate::errors::exception_matches(exc_type(&raw mut PyExc_StopIteration)) {
        crate::errors::clear();
        return Ok(null_mut());
    }
    Err(())
}

pub unsafe fn call_ex(
    callable: *mut PyObject,
    self_or_null: *mut PyObject,
    args: *mut PyObject,
    kwargs: *mut PyObject,
) -> *mut PyObject {
    let mut targs = if tuple::is_tuple_exact(args) {
        new_ref(args)
    } else {
        if (*Py_TYPE(args)).tp_iter.is_none() && !crate::protocols::sequence::check(args) {
            return crate::raise_null!(
                PyExc_TypeError,
                "Value after * must be an iterable, not {}",
                type_name(Py_TYPE(args))
            );
        }
        let t = crate::protocols::sequence::to_tuple(args);
        if t.is_null() {
            return t;
        }
        t
    };
    if !self_or_null.is_null() {
        let mut v = vec![self_or_null];
        v.extend_from_slice(tuple::as_slice(targs));
        let t = tuple::from_slice(&v);
        Py_DECREF(targs);
        if t.is_null() {
            return t;
        }
        targs = t;
    }
    let targs = Owned(targs);
    let mut kw = null_mut();
    if !kwargs.is_null() {
        if dict::is_dict_exact(kwargs) {
            kw = new_ref(kwargs);
        } else {
            if !has_keys(kwargs) {
                return crate::raise_null!(
                    PyExc_TypeError,
                    "Value after ** must be a mapping, not {}",
                    type_name(Py_TYPE(kwargs))
                );
            }
            kw = dict::new();
            if kw.is_null() || dict::merge(kw, kwargs, true).is_err() {
                Py_XDECREF(kw);
                return null_mut();
            }
        }
        if function::is_function(callable) {
            for (k, v) in dict::snapshot(kw) {
                let bad = !unicode::is_unicode(k);
                Py_DECREF(k);
                Py_DECREF(v);
                if bad {
                    Py_DECREF(kw);
                    return crate::raise_null!(PyExc_TypeError, "keywords must be strings");
                }
            }
        }
    }
    let r = call::call(callable, targs.as_ptr(), kw);
    Py_XDECREF(kw);
    r
}

/// `INTRINSIC_STOPITERATION_ERROR`: a StopIteration escaping a generator body (or
/// StopAsyncIteration an async generator's) becomes RuntimeError.
unsafe fn stopiteration_error(f: *mut Frame, e: *mut PyObject) -> *mut PyObject {
    let co = (*f).code();
    let what = if co.flags & flags::ASYNC_GENERATOR != 0 {
        "async generator"
    } else if co.flags & flags::COROUTINE != 0 {
        "coroutine"
    } else {
        "generator"
    };
    let msg = if crate::errors::given_exception_matches(e, exc_type(&raw mut PyExc_StopIteration)) {
        format!("{} raised StopIteration", what)
    } else if co.flags & flags::ASYNC_GENERATOR != 0
        && crate::errors::given_exception_matches(e, exc_type(&raw mut PyExc_StopAsyncIteration))
    {
        "async generator raised StopAsyncIteration".to_string()
    } else {
        return new_ref(e);
    };
    let m = unicode::from_str(&msg);
    if m.is_null() {
        return m;
    }
    let r = exceptions::new_instance(exc_type(&raw mut PyExc_RuntimeError) as *mut _, &[m]);
    Py_DECREF(m);
    if r.is_null() {
        return r;
    }
    exceptions::set_cause(r, new_ref(e));
    exceptions::set_context(r, new_ref(e));
    r
}

pub unsafe fn intrinsic1(f: *mut Frame, which: u32, v: *mut PyObject) -> *mut PyObject {
    use crate::objects::typevar;
    match which {
        intrinsic1::PRINT => {
            let hook = crate::objects::sysmodule::get_object("displayhook");
            if hook.is_null() || hook == none() {
                return crate::raise_null!(PyExc_RuntimeError, "lost sys.displayhook");
            }
            let hook = Owned::from_borrowed(hook);
            call::call_function(hook.as_ptr(), &[v])
        }
        intrinsic1::IMPORT_STAR => {
            let locals = (*f).locals;
            if locals.is_null() {
                return crate::raise_null!(PyExc_SystemError, "no locals found during 'import *'");
            }
            match crate::import::import_star(v, locals) {
                Ok(()) => none(),
                Err(()) => null_mut(),
            }
        }
        intrinsic1::STOPITERATION_ERROR => stopiteration_error(f, v),
        intrinsic1::ASYNC_GEN_WRAP => crate::objects::genobject::wrap_async_value(v),
        intrinsic1::UNARY_POSITIVE => crate::protocols::number::positive(v),
        intrinsic1::LIST_TO_TUPLE => crate::protocols::sequence::to_tuple(v),
        intrinsic1::TYPEVAR => typevar::typevar(v),
        intrinsic1::PARAMSPEC => typevar::paramspec(v),
        intrinsic1::TYPEVARTUPLE => typevar::typevartuple(v),
        intrinsic1::SUBSCRIPT_GENERIC => typevar::subscript_generic(v),
        intrinsic1::TYPEALIAS => typevar::typealias(v),
        _ => crate::raise_null!(PyExc_SystemError, "unknown intrinsic {}", which),
    }
}

pub unsafe fn intrinsic2(which: u32, v2: *mut PyObject, v1: *mut PyObject) -> *mut PyObject {
    use crate::objects::typevar;
    match which {
        intrinsic2::PREP_RERAISE_STAR => prep_reraise_star(v2, v1),
        intrinsic2::TYPEVAR_WITH_BOUND => typevar::typevar_with_bound(v2, v1),
        intrinsic2::TYPEVAR_WITH_CONSTRAINTS => typevar::typevar_with_constraints(v2, v1),
        intrinsic2::SET_FUNCTION_TYPE_PARAMS => {
            if function::is_function(v2) {
                xsetref(&mut function::f(v2).type_params, new_ref(v1));
            }
            new_ref(v2)
        }
        intrinsic2::SET_TYPEPARAM_DEFAULT => typevar::set_typeparam_default(v2, v1),
        _ => crate::raise_null!(PyExc_SystemError, "unknown intrinsic {}", which),
    }
}

pub unsafe fn load_build_class(f: *mut Frame) -> *mut PyObject {
    let b = (*f).builtins;
    let name = unicode::intern_str("__build_class__");
    match lookup_in(b, name) {
        Ok(v) if !v.is_null() => v,
        Ok(_) => crate::raise_null!(PyExc_NameError, "__build_class__ not found"),
        Err(()) => {
            if crate::errors::exception_matches(exc_type(&raw mut PyExc_KeyError)) {
                crate::errors::clear();
                return crate::raise_null!(PyExc_NameError, "__build_class__ not found");
            }
            null_mut()
        }
    }
}

pub unsafe fn setup_annotations(f: *mut Frame) -> PyResult<()> {
    let locals = (*f).locals;
    if locals.is_null() {
        return crate::raise!(
            PyExc_SystemError,
            "no locals found when setting up annotations"
        );
    }
    let name = unicode::intern_str("__annotations__");
    let v = lookup_in(locals, name)?;
    if !v.is_null() {
        Py_DECREF(v);
        return Ok(());
    }
    let d = Owned(nonnull(dict::new())?);
    mapping::set_item(locals, name, d.as_ptr())
}

pub unsafe fn import_name(
    f: *mut Frame,
    name: *mut PyObject,
    fromlist: *mut PyObject,
    level: *mut PyObject,
    lazy: bool,
) -> *mut PyObject {
    let lvl = match long::to_i64(level) {
        Some(l) => l as i32,
        None => 0,
    };
    let locals = if (*f).locals.is_null() {
        none()
    } else {
        (*f).locals
    };
    if lazy {
        lazyimport::new_lazy_import(name, (*f).globals, locals, fromlist, lvl)
    } else {
        crate::import::import_name(name, (*f).globals, locals, fromlist, lvl)
    }
}

/// `raise`, `raise exc`, `raise exc from cause` (references to `e` and `cause`
/// are consumed). Returns true for the bare `raise` (re-raise as it is).
pub unsafe fn do_raise(e: *mut PyObject, cause: *mut PyObject) -> bool {
    let _cause_owner = if cause.is_null() {
        None
    } else {
        Some(Owned(cause))
    };
    if e.is_null() {
        let h = crate::errors::handled();
        if h.is_null() || h == none() {
            let _: PyResult<()> =
                crate::raise!(PyExc_RuntimeError, "No active exception to reraise");
            return false;
        }
        crate::errors::set_raised(new_ref(h));
        return true;
    }
    let e = Owned(e);
    let inst = if crate::errors::is_exception_class(e.as_ptr()) {
        let v = exceptions::create(e.as_ptr() as *mut PyTypeObject, null_mut());
        if v.is_null() {
            return false;
        }
        Owned(v)
    } else if crate::errors::is_exception_instance(e.as_ptr()) {
        Owned::from_borrowed(e.as_ptr())
    } else {
        let _: PyResult<()> =
            crate::raise!(PyExc_TypeError, "exceptions must derive from BaseException");
        return false;
    };
    if !cause.is_null() {
        let c = if crate::errors::is_exception_class(cause) {
            let c = exceptions::create(cause as *mut PyTypeObject, null_mut());
            if c.is_null() {
                return false;
            }
            c
        } else if crate::errors::is_exception_instance(cause) {
            new_ref(cause)
        } else if cause == none() {
            null_mut()
        } else {
            let _: PyResult<()> = crate::raise!(
                PyExc_TypeError,
                "exception causes must derive from BaseException"
            );
            return false;
        };
        exceptions::set_cause(inst.as_ptr(), c);
    }
    crate::errors::set_object(Py_TYPE(inst.as_ptr()) as *mut PyObject, inst.as_ptr());
    false
}

unsafe fn check_except_type(ty: *mut PyObject, star: bool) -> PyResult<()> {
    let items: Vec<*mut PyObject> = if tuple::is_tuple(ty) {
        tuple::as_slice(ty).to_vec()
    } else {
        vec![ty]
    };
    for t in items {
        if !crate::errors::is_exception_class(t) {
            return crate::raise!(
                PyExc_TypeError,
                "catching classes that do not inherit from BaseException is not allowed"
            );
        }
        if star
            && is_subtype(
                t as *mut PyTypeObject,
                exc_type(&raw mut PyExc_BaseExceptionGroup) as *mut PyTypeObject,
            )
        {
            return crate::raise!(
                PyExc_TypeError,
                "catching ExceptionGroup with except* is not allowed. Use except instead."
            );
        }
    }
    Ok(())
}

pub unsafe fn check_exc_match(e: *mut PyObject, ty: *mut PyObject) -> *mut PyObject {
    if check_except_type(ty, false).is_err() {
        return null_mut();
    }
    new_ref(py_bool(crate::errors::given_exception_matches(e, ty)))
}

unsafe fn is_group(e: *mut PyObject) -> bool {
    crate::errors::is_exception_instance(e)
        && is_subtype(
            Py_TYPE(e),
            exc_type(&raw mut PyExc_BaseExceptionGroup) as *mut PyTypeObject,
        )
}

/// `except* T`: (rest, match); match is None when nothing matched.
pub unsafe fn check_eg_match(
    e: *mut PyObject,
    ty: *mut PyObject,
) -> PyResult<(*mut PyObject, *mut PyObject)> {
    check_except_type(ty, true)?;
    if e == none() {
        return Ok((none(), none()));
    }
    if crate::errors::given_exception_matches(e, ty) {
        let matched = if is_group(e) {
            new_ref(e)
        } else {
            let msg = unicode::empty();
            let excs = nonnull(tuple::pack(&[e]))?;
            let g = exceptions::new_instance(
                exc_type(&raw mut PyExc_BaseExceptionGroup) as *mut PyTypeObject,
                &[msg, excs],
            );
            Py_DECREF(excs);
            nonnull(g)?;
            let tb = exceptions::get_traceback(e);
            if !tb.is_null() {
                let _ = exceptions::set_traceback(g, tb);
            }
            g
        };
        crate::errors::set_handled(matched);
        return Ok((none(), matched));
    }
    if is_group(e) {
        let pair = call::call_method(e, "split", &[ty])?;
        let pair = Owned(pair);
        if !tuple::is_tuple(pair.as_ptr()) || Py_SIZE(pair.as_ptr()) != 2 {
            return crate::raise!(
                PyExc_TypeError,
                "{}.split must return a 2-tuple, got {}",
                type_name(Py_TYPE(e)),
                type_name(Py_TYPE(pair.as_ptr()))
            );
        }
        let m = new_ref(tuple::get_item(pair.as_ptr(), 0));
        let r = new_ref(tuple::get_item(pair.as_ptr(), 1));
        if m != none() {
            crate::errors::set_handled(m);
        }
        return Ok((r, m));
    }
    Ok((new_ref(e), none()))
}

/// Do two exceptions share the metadata `split()` copies (so one is a part of the
/// other re-raised)?
unsafe fn same_metadata(a: *mut PyObject, b: *mut PyObject) -> bool {
    exceptions::get_traceback(a) == exceptions::get_traceback(b)
        && exceptions::get_cause(a) == exceptions::get_cause(b)
        && exceptions::get_context(a) == exceptions::get_context(b)
}

/// `INTRINSIC_PREP_RERAISE_STAR(orig, excs)`: what an `except*` block re-raises:
/// None when everything was handled, else the re-raised parts of `orig` (kept
/// together) and the newly raised exceptions in a new group.
unsafe fn prep_reraise_star(orig: *mut PyObject, excs: *mut PyObject) -> *mut PyObject {
    let items = list::snapshot(excs);
    let mut raised = Vec::new();
    let mut reraised = Vec::new();
    for i in items.iter() {
        let p = i.as_ptr();
        if p == none() {
            continue;
        }
        if p == orig || (is_group(orig) && same_metadata(p, orig)) {
            reraised.push(p);
        } else {
            raised.push(p);
        }
    }
    if raised.is_empty() && reraised.is_empty() {
        return none();
    }
    let kept = match reraised.len() {
        0 => null_mut(),
        1 => new_ref(reraised[0]),
        _ => {
            // Several parts of the original group: one group of all their members.
            let mut members = Vec::new();
            for r in &reraised {
                let ex = exceptions::extra(*r, 1);
                if !ex.is_null() {
                    members.extend_from_slice(tuple::as_slice(ex));
                }
            }
            let l = list::from_slice(&members);
            if l.is_null() {
                return l;
            }
            let g = call::call_method(orig, "derive", &[l]);
            Py_DECREF(l);
            match g {
                Ok(g) => {
                    let tb = exceptions::get_traceback(orig);
                    if !tb.is_null() {
                        let _ = exceptions::set_traceback(g, tb);
                    }
                    g
                }
                Err(()) => return null_mut(),
            }
        }
    };
    if raised.is_empty() {
        return kept;
    }
    if !kept.is_null() {
        raised.push(kept);
    }
    let l = list::from_slice(&raised);
    Py_XDECREF(kept);
    if l.is_null() {
        return l;
    }
    let g = exceptions::new_instance(
        exc_type(&raw mut PyExc_BaseExceptionGroup) as *mut PyTypeObject,
        &[unicode::empty(), l],
    );
    Py_DECREF(l);
    g
}

/// `WITH_EXCEPT_START`: `__exit__(type(val), val, tb)`.
pub unsafe fn with_except_start(
    exit: *mut PyObject,
    self_or_null: *mut PyObject,
    val: *mut PyObject,
) -> *mut PyObject {
    let tb = exceptions::get_traceback(val);
    let tb = if tb.is_null() { none() } else { tb };
    let ty = Py_TYPE(val) as *mut PyObject;
    if self_or_null.is_null() {
        call::call_function(exit, &[ty, val, tb])
    } else {
        call::call_function(exit, &[self_or_null, ty, val, tb])
    }
}

/// `BEFORE_WITH` / `BEFORE_ASYNC_WITH`: (bound `__exit__`, result of `__enter__`).
pub unsafe fn before_with(
    mgr: *mut PyObject,
    is_async: bool,
) -> PyResult<(*mut PyObject, *mut PyObject)> {
    let (enter, exit, what) = if is_async {
        (
            "__aenter__",
            "__aexit__",
            "the asynchronous context manager protocol",
        )
    } else {
        ("__enter__", "__exit__", "the context manager protocol")
    };
    let missing = |m: &str| -> PyResult<(*mut PyObject, *mut PyObject)> {
        crate::raise!(
            PyExc_TypeError,
            "'{}' object does not support {} (missed {} method)",
            type_name(Py_TYPE(mgr)),
            what,
            m
        )
    };
    let ex = crate::protocols::objproto::lookup_special(mgr, exit)?;
    if ex.is_null() {
        return missing(exit);
    }
    let ex = Owned(ex);
    let en = crate::protocols::objproto::lookup_special(mgr, enter)?;
    if en.is_null() {
        return missing(enter);
    }
    let en = Owned(en);
    let r = call::call_function(en.as_ptr(), &[]);
    nonnull(r)?;
    Ok((ex.into_ptr(), r))
}

pub unsafe fn get_yield_from_iter(co: &CodeObject, v: *mut PyObject) -> *mut PyObject {
    use crate::objects::genobject;
    if genobject::is_coroutine(v) {
        if co.flags & (flags::COROUTINE | flags::ITERABLE_COROUTINE) == 0 {
            return crate::raise_null!(
                PyExc_TypeError,
                "cannot 'yield from' a coroutine object in a non-coroutine generator"
            );
        }
        return new_ref(v);
    }
    if genobject::is_generator(v) {
        return new_ref(v);
    }
    crate::protocols::iter::get_iter(v)
}

unsafe fn am(o: *mut PyObject) -> *mut PyAsyncMethods {
    (*Py_TYPE(o)).tp_as_async
}

pub unsafe fn get_aiter(v: *mut PyObject) -> *mut PyObject {
    let a = am(v);
    let f = if a.is_null() { None } else { (*a).am_aiter };
    let Some(f) = f else {
        return crate::raise_null!(
            PyExc_TypeError,
            "'async for' requires an object with __aiter__ method, got {}",
            type_name(Py_TYPE(v))
        );
    };
    let it = f(v);
    if it.is_null() {
        return it;
    }
    let b = am(it);
    if b.is_null() || (*b).am_anext.is_none() {
        let t = type_name(Py_TYPE(it)).to_string();
        Py_DECREF(it);
        return crate::raise_null!(
            PyExc_TypeError,
            "'async for' received an object from __aiter__ that does not implement __anext__: {}",
            t
        );
    }
    it
}

pub unsafe fn get_anext(aiter: *mut PyObject) -> *mut PyObject {
    use crate::objects::genobject;
    if genobject::is_async_generator(aiter) {
        return genobject::asend(aiter, none());
    }
    let a = am(aiter);
    let f = if a.is_null() { None } else { (*a).am_anext };
    let Some(f) = f else {
        return crate::raise_null!(
            PyExc_TypeError,
            "'async for' requires an iterator with __anext__ method, got {}",
            type_name(Py_TYPE(aiter))
        );
    };
    let n = f(aiter);
    if n.is_null() {
        return n;
    }
    let aw = genobject::get_awaitable(n, 0);
    if aw.is_null() && crate::errors::exception_matches(exc_type(&raw mut PyExc_TypeError)) {
        crate::errors::clear();
        let t = type_name(Py_TYPE(n)).to_string();
        Py_DECREF(n);
        return crate::raise_null!(
            PyExc_TypeError,
            "'async for' received an invalid object from __anext__: {}",
            t
        );
    }
    Py_DECREF(n);
    aw
}

/// `MATCH_KEYS`: a tuple of the values for `keys`, or None when one is missing.
pub unsafe fn match_keys(subject: *mut PyObject, keys: *mut PyObject) -> *mut PyObject {
    let ks = tuple::as_slice(keys);
    if ks.is_empty() {
        return tuple::new(0);
    }
    let get = proto::get_attr_str(subject, "get");
    if get.is_null() {
        return get;
    }
    let get = Owned(get);
    // A private sentinel: `get` returns it only for a missing key.
    let dummy = Owned(list::new(0));
    let seen = crate::objects::set::new_empty(&raw mut PySet_Type);
    if seen.is_null() {
        return seen;
    }
    let seen = Owned(seen);
    let mut values = Vec::new();
    for &k in ks {
        match crate::objects::set::contains(seen.as_ptr(), k) {
            Ok(true) => {
                let r = proto::repr(k);
                if r.is_null() {
                    return r;
                }
                let s = unicode::to_string_lossy(r);
                Py_DECREF(r);
                return crate::raise_null!(
                    PyExc_ValueError,
                    "mapping pattern checks duplicate key ({})",
                    s
                );
            }
            Ok(false) => {}
            Err(()) => return null_mut(),
        }
        if crate::objects::set::add(seen.as_ptr(), k).is_err() {
            return null_mut();
        }
        let v = call::call_function(get.as_ptr(), &[k, dummy.as_ptr()]);
        if v.is_null() {
            return v;
        }
        if v == dummy.as_ptr() {
            Py_DECREF(v);
            return none();
        }
        values.push(v);
    }
    tuple::from_vec_steal(values)
}

/// `MATCH_CLASS`: the attributes for `count` positional and the keyword
/// sub-patterns `names`, or None when the subject does not match.
pub unsafe fn match_class(
    subject: *mut PyObject,
    ty: *mut PyObject,
    count: usize,
    names: *mut PyObject,
) -> *mut PyObject {
    if !crate::objects::typeobject::is_type(ty) {
        return crate::raise_null!(PyExc_TypeError, "called match pattern must be a class");
    }
    match crate::protocols::objproto::is_instance(subject, ty) {
        0 => return none(),
        1 => {}
        _ => return null_mut(),
    }
    let t = ty as *mut PyTypeObject;
    let tname = crate::objects::typeobject::short_name(t).to_string();
    let mut attrs: Vec<*mut PyObject> = Vec::new();
    let mut seen: Vec<*mut PyObject> = Vec::new();
    let release = |v: Vec<*mut PyObject>| v.into_iter().for_each(|p| Py_DECREF(p));
    let mut match_self = false;
    if count > 0 {
        let ma = match crate::protocols::objproto::get_attr_opt_str(ty, "__match_args__") {
            Ok(m) => m,
            Err(()) => return null_mut(),
        };
        let positional: Vec<*mut PyObject> = if ma.is_null() {
            if has_flag(t, Py_TPFLAGS_MATCH_SELF) && count == 1 {
                match_self = true;
                Vec::new()
            } else {
                return crate::raise_null!(
                    PyExc_TypeError,
                    "{}() accepts 0 positional sub-patterns ({} given)",
                    tname,
                    count
                );
            }
        } else {
            let ma = Owned(ma);
            if !tuple::is_tuple(ma.as_ptr()) {
                return crate::raise_null!(
                    PyExc_TypeError,
                    "{}.__match_args__ must be a tuple (got {})",
                    tname,
                    type_name(Py_TYPE(ma.as_ptr()))
                );
            }
            let v = tuple::as_slice(ma.as_ptr()).to_vec();
            if count > v.len() {
                return crate::raise_null!(
                    PyExc_TypeError,
                    "{}() accepts {} positional sub-pattern{} ({} given)",
                    tname,
                    v.len(),
                    if v.len() == 1 { "" } else { "s" },
                    count
                );
            }
            v[..count].iter().map(|&p| new_ref(p)).collect()
        };
        if match_self {
            attrs.push(new_ref(subject));
        }
        for name in positional {
            if !unicode::is_unicode(name) {
                let tn = type_name(Py_TYPE(name)).to_string();
                Py_DECREF(name);
                release(attrs);
                return crate::raise_null!(
                    PyExc_TypeError,
                    "__match_args__ elements must be strings (got {})",
                    tn
                );
            }
            seen.push(name);
        }
    }
    let kw: Vec<*mut PyObject> = tuple::as_slice(names).iter().map(|&p| new_ref(p)).collect();
    seen.extend(kw);
    let first_named = attrs.len();
    for (i, &name) in seen.iter().enumerate() {
        if seen[..i].iter().any(|&p| unicode::eq(p, name)) {
            let n = unicode::to_string_lossy(name);
            release(attrs);
            release(seen);
            return crate::raise_null!(
                PyExc_TypeError,
                "{}() got multiple sub-patterns for attribute '{}'",
                tname,
                n
            );
        }
        match proto::get_optional_attr(subject, name) {
            Ok(v) if !v.is_null() => attrs.push(v),
            Ok(_) => {
                release(attrs);
                release(seen);
                return none();
            }
            Err(()) => {
                release(attrs);
                release(seen);
                return null_mut();
            }
        }
    }
    let _ = first_named;
    release(seen);
    tuple::from_vec_steal(attrs)
}

pub unsafe fn build_interpolation(
    value: *mut PyObject,
    expr: *mut PyObject,
    spec: *mut PyObject,
    conversion: u32,
) -> *mut PyObject {
    let conv = match conversion {
        1 => unicode::intern_str("s"),
        2 => unicode::intern_str("r"),
        3 => unicode::intern_str("a"),
        _ => none(),
    };
    let spec = if spec.is_null() {
        unicode::empty()
    } else {
        spec
    };
    crate::objects::template::build_interpolation(value, expr, conv, spec)
}
