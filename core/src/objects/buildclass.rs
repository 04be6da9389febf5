//! `builtins.__build_class__`: the class statement (metaclass, `__prepare__`,
//! `__mro_entries__`, the body run with its namespace, `__classcell__`).

use core::ptr::null_mut;

use crate::exported::*;
use crate::object::*;
use crate::objects::typeobject::{is_type, tp_name, type_name};
use crate::objects::{dict, tuple, unicode};
use crate::protocols;
use crate::typeobj::*;

/// `__build_class__(func, name, /, *bases, metaclass=None, **kwds)` in the
/// vectorcall convention (`METH_FASTCALL | METH_KEYWORDS`).
pub unsafe extern "C" fn build_class(
    _module: *mut PyObject,
    args: *const *mut PyObject,
    nargs: Py_ssize_t,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    let n = nargs.max(0) as usize;
    let nk = if kwnames.is_null() {
        0
    } else {
        Py_SIZE(kwnames) as usize
    };
    let all = if n + nk == 0 {
        &[][..]
    } else {
        core::slice::from_raw_parts(args, n + nk)
    };
    match build(&all[..n], kwnames, &all[n..]) {
        Ok(c) => c,
        Err(()) => null_mut(),
    }
}

unsafe fn build(
    args: &[*mut PyObject],
    kwnames: *mut PyObject,
    kwvalues: &[*mut PyObject],
) -> PyResult<*mut PyObject> {
    if args.len() < 2 {
        return crate::raise!(PyExc_TypeError, "__build_class__: not enough arguments");
    }
    let (func, name) = (args[0], args[1]);
    if tp_name(Py_TYPE(func)) != "function" {
        return crate::raise!(PyExc_TypeError, "__build_class__: func must be a function");
    }
    if !unicode::is_unicode(name) {
        return crate::raise!(PyExc_TypeError, "__build_class__: name is not a string");
    }
    let orig_bases = Owned::from_new(tuple::from_slice(&args[2..])).ok_or(())?;
    let bases = update_bases(orig_bases.as_ptr())?;
    // Keyword arguments: `metaclass` is ours, the rest go to the metaclass.
    let mut meta: Option<Owned> = None;
    let kwds = Owned::from_new(dict::new()).ok_or(())?;
    if !kwnames.is_null() {
        for (i, &k) in tuple::as_slice(kwnames).iter().enumerate() {
            if unicode::as_str(k) == "metaclass" {
                meta = Some(Owned::from_borrowed(kwvalues[i]));
            } else {
                dict::set_item(kwds.as_ptr(), k, kwvalues[i])?;
            }
        }
    }
    let bases_s = tuple::as_slice(bases.as_ptr());
    let (meta, is_class) = match meta {
        Some(m) => {
            let c = is_type(m.as_ptr());
            (m, c)
        }
        None if bases_s.is_empty() => (
            Owned::from_borrowed(&raw mut PyType_Type as *mut PyObject),
            true,
        ),
        None => (Owned::from_borrowed(Py_TYPE(bases_s[0]) as *mut PyObject), true),
    };
    let meta = if is_class {
        let winner = crate::objects::heaptype::calculate_metaclass(
            meta.as_ptr() as *mut PyTypeObject,
            bases.as_ptr(),
        )?;
        Owned::from_borrowed(winner as *mut PyObject)
    } else {
        meta
    };
    let kw = if dict::len(kwds.as_ptr()) > 0 {
        kwds.as_ptr()
    } else {
        null_mut()
    };
    let ns = prepare(meta.as_ptr(), is_class, name, bases.as_ptr(), kw)?;
    let cell = Owned::from_new(crate::vm::run_class_body(func, ns.as_ptr())).ok_or(())?;
    if bases.as_ptr() != orig_bases.as_ptr() {
        let key = unicode::intern_str("__orig_bases__");
        if protocols::mapping::set_item(ns.as_ptr(), key, orig_bases.as_ptr()).is_err() {
            return Err(());
        }
    }
    let margs = Owned::from_new(tuple::pack(&[name, bases.as_ptr(), ns.as_ptr()])).ok_or(())?;
    let cls = Owned::from_new(protocols::call::call(meta.as_ptr(), margs.as_ptr(), kw)).ok_or(())?;
    if is_type(cls.as_ptr()) && tp_name(Py_TYPE(cell.as_ptr())) == "cell" {
        check_class_cell(cell.as_ptr(), name, cls.as_ptr())?;
    }
    Ok(cls.into_ptr())
}

/// Replace the bases that are not classes by what their `__mro_entries__`
/// returns (PEP 560); the same tuple when nothing changes.
unsafe fn update_bases(orig: *mut PyObject) -> PyResult<Owned> {
    let items = tuple::as_slice(orig);
    let mut out: Option<Vec<*mut PyObject>> = None;
    let mut keep: Vec<Owned> = Vec::new();
    for (i, &b) in items.iter().enumerate() {
        if is_type(b) {
            if let Some(v) = out.as_mut() {
                v.push(b);
            }
            continue;
        }
        let meth =
            protocols::object::get_optional_attr(b, unicode::intern_str("__mro_entries__"))?;
        if meth.is_null() {
            if let Some(v) = out.as_mut() {
                v.push(b);
            }
            continue;
        }
        let meth = Owned(meth);
        let entries =
            Owned::from_new(protocols::call::call_function(meth.as_ptr(), &[orig])).ok_or(())?;
        if !tuple::is_tuple(entries.as_ptr()) {
            return crate::raise!(PyExc_TypeError, "__mro_entries__ must return a tuple");
        }
        let v = out.get_or_insert_with(|| items[..i].to_vec());
        v.extend_from_slice(tuple::as_slice(entries.as_ptr()));
        keep.push(entries);
    }
    match out {
        None => Ok(Owned::from_borrowed(orig)),
        Some(v) => Owned::from_new(tuple::from_slice(&v)).ok_or(()),
    }
}

/// The class namespace: `meta.__prepare__(name, bases, **kwds)`, or a new dict
/// when the metaclass has none; it must be a mapping.
unsafe fn prepare(
    meta: *mut PyObject,
    is_class: bool,
    name: *mut PyObject,
    bases: *mut PyObject,
    kw: *mut PyObject,
) -> PyResult<Owned> {
    let prep = protocols::object::get_optional_attr(meta, unicode::intern_str("__prepare__"))?;
    if prep.is_null() {
        return Owned::from_new(dict::new()).ok_or(());
    }
    let prep = Owned(prep);
    let pargs = Owned::from_new(tuple::pack(&[name, bases])).ok_or(())?;
    let ns = Owned::from_new(protocols::call::call(prep.as_ptr(), pargs.as_ptr(), kw)).ok_or(())?;
    if !crate::protocols::mapping::check(ns.as_ptr()) {
        let who = if is_class {
            crate::objects::typeobject::short_name(meta as *mut PyTypeObject).to_string()
        } else {
            "<metaclass>".to_string()
        };
        return crate::raise!(
            PyExc_TypeError,
            "{}.__prepare__() must return a mapping, not {}",
            who,
            type_name(Py_TYPE(ns.as_ptr()))
        );
    }
    Ok(ns)
}

/// The body's `__class__` cell must hold the class the metaclass returned.
unsafe fn check_class_cell(
    cell: *mut PyObject,
    name: *mut PyObject,
    cls: *mut PyObject,
) -> PyResult<()> {
    let key = unicode::intern_str("cell_contents");
    let held = match protocols::object::get_optional_attr(cell, key) {
        Ok(p) => p,
        Err(()) => {
            // An empty cell raises ValueError here.
            crate::errors::clear();
            null_mut()
        }
    };
    if held == cls {
        Py_DECREF(held);
        return Ok(());
    }
    let repr = |o: *mut PyObject| -> String {
        match Owned::from_new(protocols::object::repr(o)) {
            Some(r) => unicode::to_string_lossy(r.as_ptr()),
            None => {
                crate::errors::clear();
                "?".to_string()
            }
        }
    };
    let (n, c) = (repr(name), repr(cls));
    if held.is_null() {
        return crate::raise!(
            PyExc_RuntimeError,
            "__class__ not set defining {} as {}. Was __classcell__ propagated to type.__new__?",
            n,
            c
        );
    }
    let h = Owned(held);
    crate::raise!(
        PyExc_TypeError,
        "__class__ set to {} defining {} as {}",
        repr(h.as_ptr()),
        n,
        c
    )
}
