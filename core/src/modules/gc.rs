//! `gc`: the interface to the core's cycle collector (`crate::gc`): one
//! generation in fact, shown as CPython's three.

use core::ffi::{c_int, c_void};
use core::sync::atomic::{AtomicI64, AtomicIsize, Ordering};

use crate::defs::*;
use crate::exported::*;
use crate::modules::{add, add_int, parse_kw, ret, Params};
use crate::object::*;
use crate::objects::sequtil::{bool_ref, fastcall_args};
use crate::objects::{dict, list, long, tuple};
use crate::typeobj::{has_flag, Py_TPFLAGS_HAVE_GC};

crate::native_module!(
    c"gc",
    c"This module provides access to the garbage collector for reference cycles.\n\nenable() -- Enable automatic garbage collection.\ndisable() -- Disable automatic garbage collection.\nisenabled() -- Returns true if automatic collection is enabled.\ncollect() -- Do a full collection right now.\nget_count() -- Return the current collection counts.\nget_stats() -- Return list of dictionaries containing per-generation stats.\nset_debug() -- Set debugging flags.\nget_debug() -- Get debugging flags.\nset_threshold() -- Set the collection thresholds.\nget_threshold() -- Return the current collection thresholds.\nget_objects() -- Return a list of all objects tracked by the collector.\nis_tracked() -- Returns true if a given object is tracked.\nis_finalized() -- Returns true if a given object has been already finalized.\nget_referrers() -- Return the list of objects that refer to an object.\nget_referents() -- Return the list of objects that an object refers to.\nfreeze() -- Freeze all tracked objects and ignore them for future collections.\nunfreeze() -- Unfreeze all objects in the permanent generation.\nget_freeze_count() -- Return the number of objects in the permanent generation.\n",
    exec,
    [
        crate::func!(c"enable", enable, METH_NOARGS, c"enable($module, /)\n--\n\nEnable automatic garbage collection."),
        crate::func!(c"disable", disable, METH_NOARGS, c"disable($module, /)\n--\n\nDisable automatic garbage collection."),
        crate::func!(c"isenabled", isenabled, METH_NOARGS, c"isenabled($module, /)\n--\n\nReturns true if automatic garbage collection is enabled."),
        crate::func!(c"set_debug", set_debug, METH_O, c"set_debug($module, flags, /)\n--\n\nSet the garbage collection debugging flags."),
        crate::func!(c"get_debug", get_debug, METH_NOARGS, c"get_debug($module, /)\n--\n\nGet the garbage collection debugging flags."),
        crate::func!(c"get_count", get_count, METH_NOARGS, c"get_count($module, /)\n--\n\nReturn a three-tuple of the current collection counts."),
        crate::func!(c"set_threshold", set_threshold, METH_FASTCALL, c"set_threshold(threshold0, [threshold1, [threshold2]])\nSet the collection thresholds (the second and third are kept but unused)."),
        crate::func!(c"get_threshold", get_threshold, METH_NOARGS, c"get_threshold($module, /)\n--\n\nReturn the current collection thresholds."),
        crate::func!(c"collect", collect, METH_FASTCALL | METH_KEYWORDS, c"collect($module, /, generation=2)\n--\n\nRun the garbage collector; return the number of unreachable objects found."),
        crate::func!(c"get_objects", get_objects, METH_FASTCALL | METH_KEYWORDS, c"get_objects($module, /, generation=None)\n--\n\nReturn a list of objects tracked by the collector (excluding the list returned)."),
        crate::func!(c"get_stats", get_stats, METH_NOARGS, c"get_stats($module, /)\n--\n\nReturn a list of dictionaries containing per-generation statistics."),
        crate::func!(c"is_tracked", is_tracked, METH_O, c"is_tracked($module, obj, /)\n--\n\nReturns true if the object is tracked by the garbage collector."),
        crate::func!(c"is_finalized", is_finalized, METH_O, c"is_finalized($module, obj, /)\n--\n\nReturns true if the object has been already finalized by the GC."),
        crate::func!(c"get_referrers", get_referrers, METH_FASTCALL, c"get_referrers($module, /, *objs)\n--\n\nReturn the list of objects that directly refer to any of 'objs'."),
        crate::func!(c"get_referents", get_referents, METH_FASTCALL, c"get_referents($module, /, *objs)\n--\n\nReturn the list of objects that are directly referred to by 'objs'."),
        crate::func!(c"freeze", freeze, METH_NOARGS, c"freeze($module, /)\n--\n\nFreeze all current tracked objects and ignore them for future collections."),
        crate::func!(c"unfreeze", unfreeze, METH_NOARGS, c"unfreeze($module, /)\n--\n\nUnfreeze all objects in the permanent generation."),
        crate::func!(c"get_freeze_count", get_freeze_count, METH_NOARGS, c"get_freeze_count($module, /)\n--\n\nReturn the number of objects in the permanent generation."),
    ]
);

static DEBUG: AtomicI64 = AtomicI64::new(0);
/// The thresholds of the two older generations CPython has (kept for get_threshold).
static OLDER: [AtomicIsize; 2] = [AtomicIsize::new(10), AtomicIsize::new(10)];
/// What `freeze` counted (the collector has no permanent generation: frozen
/// objects are still collected when unreachable).
static FROZEN: AtomicIsize = AtomicIsize::new(0);

unsafe fn exec(m: *mut PyObject) -> PyResult<()> {
    add(m, "garbage", list::new(0))?;
    add(m, "callbacks", list::new(0))?;
    for (name, v) in [
        ("DEBUG_STATS", 1),
        ("DEBUG_COLLECTABLE", 2),
        ("DEBUG_UNCOLLECTABLE", 4),
        ("DEBUG_SAVEALL", 32),
        ("DEBUG_LEAK", 38),
    ] {
        add_int(m, name, v)?;
    }
    Ok(())
}

fn boolean(b: bool) -> *mut PyObject {
    unsafe { new_ref(bool_ref(b)) }
}

fn int(v: i64) -> PyResult<*mut PyObject> {
    nonnull(unsafe { long::from_i64(v) })
}

unsafe extern "C" fn enable(_m: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    crate::gc::enable(true);
    new_ref(none())
}

unsafe extern "C" fn disable(_m: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    crate::gc::enable(false);
    new_ref(none())
}

unsafe extern "C" fn isenabled(_m: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    boolean(crate::gc::is_enabled())
}

unsafe extern "C" fn set_debug(_m: *mut PyObject, flags: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let i = Owned::from_new(crate::protocols::number::index(flags)).ok_or(())?;
        let v = crate::protocols::number::as_ssize_t(i.as_ptr(), &raw mut PyExc_OverflowError)?;
        DEBUG.store(v as i64, Ordering::Relaxed);
        Ok(new_ref(none()))
    })())
}

unsafe extern "C" fn get_debug(_m: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    ret(int(DEBUG.load(Ordering::Relaxed)))
}

unsafe extern "C" fn get_count(_m: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    let v = [
        long::from_i64(crate::gc::young_count() as i64),
        long::from_i64(0),
        long::from_i64(0),
    ];
    tuple::from_vec_steal(v.to_vec())
}

unsafe extern "C" fn set_threshold(
    _m: *mut PyObject,
    args: *const *mut PyObject,
    n: Py_ssize_t,
) -> *mut PyObject {
    ret((|| {
        let a = fastcall_args(args, n);
        if a.is_empty() || a.len() > 3 {
            return crate::raise!(
                PyExc_TypeError,
                "gc.set_threshold requires 1 to 3 arguments"
            );
        }
        let mut v = [0isize; 3];
        for (i, &x) in a.iter().enumerate() {
            let idx = Owned::from_new(crate::protocols::number::index(x)).ok_or(())?;
            v[i] =
                crate::protocols::number::as_ssize_t(idx.as_ptr(), &raw mut PyExc_OverflowError)?;
        }
        crate::gc::THRESHOLD.store(v[0], Ordering::Relaxed);
        for i in 1..a.len() {
            OLDER[i - 1].store(v[i], Ordering::Relaxed);
        }
        Ok(new_ref(none()))
    })())
}

unsafe extern "C" fn get_threshold(_m: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    let v = [
        long::from_i64(crate::gc::THRESHOLD.load(Ordering::Relaxed) as i64),
        long::from_i64(OLDER[0].load(Ordering::Relaxed) as i64),
        long::from_i64(OLDER[1].load(Ordering::Relaxed) as i64),
    ];
    tuple::from_vec_steal(v.to_vec())
}

unsafe extern "C" fn collect(
    _m: *mut PyObject,
    args: *const *mut PyObject,
    n: Py_ssize_t,
    kw: *mut PyObject,
) -> *mut PyObject {
    ret((|| {
        let p = Params {
            fname: "collect",
            names: &["generation"],
            posonly: 0,
            maxpos: 1,
            required: 0,
        };
        let a = parse_kw(&p, args, n, kw)?;
        if !a[0].is_null() {
            let g = crate::protocols::number::as_ssize_t(a[0], &raw mut PyExc_OverflowError)?;
            if !(0..=2).contains(&g) {
                return crate::raise!(PyExc_ValueError, "invalid generation");
            }
        }
        int(crate::gc::collect() as i64)
    })())
}

unsafe extern "C" fn get_objects(
    _m: *mut PyObject,
    args: *const *mut PyObject,
    n: Py_ssize_t,
    kw: *mut PyObject,
) -> *mut PyObject {
    ret((|| {
        let p = Params {
            fname: "get_objects",
            names: &["generation"],
            posonly: 0,
            maxpos: 1,
            required: 0,
        };
        let a = parse_kw(&p, args, n, kw)?;
        if !a[0].is_null() && a[0] != none() {
            let g = crate::protocols::number::as_ssize_t(a[0], &raw mut PyExc_OverflowError)?;
            if g >= 3 {
                return crate::raise!(
                    PyExc_ValueError,
                    "generation parameter must be less than the number of available generations (3)"
                );
            }
            if g < 0 {
                return crate::raise!(PyExc_ValueError, "generation parameter cannot be negative");
            }
        }
        let objs = crate::gc::tracked_objects();
        let ptrs: Vec<*mut PyObject> = objs.iter().map(Owned::as_ptr).collect();
        nonnull(list::from_slice(&ptrs))
    })())
}

unsafe extern "C" fn get_stats(_m: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let out = Owned::from_new(list::new(0)).ok_or(())?;
        let collections = crate::gc::COLLECTIONS.load(Ordering::Relaxed) as i64;
        for gen in 0..3 {
            let d = Owned::from_new(dict::new()).ok_or(())?;
            let c = if gen == 2 { collections } else { 0 };
            for (k, v) in [
                ("collections", c),
                ("collected", 0),
                ("uncollectable", 0),
                ("candidates", 0),
            ] {
                let v = Owned::from_new(long::from_i64(v)).ok_or(())?;
                dict::set_str(d.as_ptr(), k, v.as_ptr())?;
            }
            let dur = Owned::from_new(crate::objects::float::from_f64(0.0)).ok_or(())?;
            dict::set_str(d.as_ptr(), "duration", dur.as_ptr())?;
            list::append(out.as_ptr(), d.as_ptr())?;
        }
        Ok(out.into_ptr())
    })())
}

unsafe extern "C" fn is_tracked(_m: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
    boolean(has_flag(Py_TYPE(o), Py_TPFLAGS_HAVE_GC) && crate::gc::is_tracked(o))
}

unsafe extern "C" fn is_finalized(_m: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
    boolean(has_flag(Py_TYPE(o), Py_TPFLAGS_HAVE_GC) && crate::gc::is_finalized(o))
}

/// The objects `o` refers to, through its type's `tp_traverse`.
unsafe fn referents(o: *mut PyObject, out: &mut Vec<*mut PyObject>) {
    unsafe extern "C" fn push(op: *mut PyObject, arg: *mut c_void) -> c_int {
        (*(arg as *mut Vec<*mut PyObject>)).push(op);
        0
    }
    if !has_flag(Py_TYPE(o), Py_TPFLAGS_HAVE_GC) {
        return;
    }
    if let Some(t) = (*Py_TYPE(o)).tp_traverse {
        t(o, push, out as *mut Vec<*mut PyObject> as *mut c_void);
    }
}

unsafe extern "C" fn get_referents(
    _m: *mut PyObject,
    args: *const *mut PyObject,
    n: Py_ssize_t,
) -> *mut PyObject {
    let mut out = Vec::new();
    for &o in fastcall_args(args, n) {
        referents(o, &mut out);
    }
    list::from_slice(&out)
}

unsafe extern "C" fn get_referrers(
    _m: *mut PyObject,
    args: *const *mut PyObject,
    n: Py_ssize_t,
) -> *mut PyObject {
    let targets = fastcall_args(args, n);
    let mut out = Vec::new();
    let all = crate::gc::tracked_objects();
    for o in &all {
        let mut refs = Vec::new();
        referents(o.as_ptr(), &mut refs);
        if refs.iter().any(|r| targets.contains(r)) {
            out.push(o.as_ptr());
        }
    }
    list::from_slice(&out)
}

unsafe extern "C" fn freeze(_m: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    FROZEN.store(
        crate::gc::tracked_objects().len() as isize,
        Ordering::Relaxed,
    );
    new_ref(none())
}

unsafe extern "C" fn unfreeze(_m: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    FROZEN.store(0, Ordering::Relaxed);
    new_ref(none())
}

unsafe extern "C" fn get_freeze_count(_m: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    ret(int(FROZEN.load(Ordering::Relaxed) as i64))
}
