//! The object protocol: repr/str, attributes, hashing, comparison, truth, items.

use core::ffi::c_int;
use core::ptr::null_mut;
use std::cell::RefCell;

use crate::exported::*;
use crate::object::*;
use crate::objects::typeobject::{is_subtype, type_name};
use crate::objects::{exceptions, unicode};

/// `PyObject_Repr`.
pub unsafe fn repr(o: *mut PyObject) -> *mut PyObject {
    if o.is_null() {
        return unicode::from_str("<NULL>");
    }
    let t = Py_TYPE(o);
    let Some(f) = (*t).tp_repr else {
        return unicode::from_str(&format!("<{} object at {:p}>", type_name(t), o));
    };
    call_to_str(f, o, " while getting the repr of an object", "__repr__")
}

/// `PyObject_Str`.
pub unsafe fn str(o: *mut PyObject) -> *mut PyObject {
    if o.is_null() {
        return unicode::from_str("<NULL>");
    }
    if unicode::is_unicode_exact(o) {
        return new_ref(o);
    }
    let t = Py_TYPE(o);
    let Some(f) = (*t).tp_str else { return repr(o) };
    call_to_str(f, o, " while getting the str of an object", "__str__")
}

/// The common end of `repr` and `str`: call the type's slot `f` (the `dunder`) under
/// the recursion guard (`where_`) and insist on a str result, as CPython does.
unsafe fn call_to_str(
    f: crate::typeobj::reprfunc,
    o: *mut PyObject,
    where_: &str,
    dunder: &str,
) -> *mut PyObject {
    if enter_recursive_call(where_).is_err() {
        return null_mut();
    }
    let r = f(o);
    leave_recursive_call();
    if r.is_null() {
        return r;
    }
    if !unicode::is_unicode(r) {
        let msg = format!(
            "{dunder} returned non-string (type {})",
            type_name(Py_TYPE(r))
        );
        Py_DECREF(r);
        return crate::raise_null!(PyExc_TypeError, "{}", msg);
    }
    r
}

/// `PyObject_ASCII`: `repr` with non-ASCII characters escaped.
pub unsafe fn ascii(o: *mut PyObject) -> *mut PyObject {
    let r = repr(o);
    if r.is_null() || unicode::as_unicode(r).maxclass == 1 {
        return r;
    }
    let mut out = String::new();
    for cp in unicode::decode_wtf8(unicode::bytes_of(r)) {
        if cp < 0x80 {
            out.push(cp as u8 as char);
        } else if cp < 0x100 {
            out.push_str(&format!("\\x{cp:02x}"));
        } else if cp < 0x10000 {
            out.push_str(&format!("\\u{cp:04x}"));
        } else {
            out.push_str(&format!("\\U{cp:08x}"));
        }
    }
    Py_DECREF(r);
    unicode::from_str(&out)
}

thread_local! {
    static REPR_STACK: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

/// `Py_ReprEnter`/`Py_ReprLeave` as a guard: `None` when `o` is already being
/// repr'd on this thread (a recursive container).
pub struct ReprGuard(usize);
impl ReprGuard {
    pub fn enter(o: *mut PyObject) -> Option<ReprGuard> {
        REPR_STACK.with(|s| {
            let mut s = s.borrow_mut();
            if s.contains(&(o as usize)) {
                None
            } else {
                s.push(o as usize);
                Some(ReprGuard(o as usize))
            }
        })
    }
}
impl Drop for ReprGuard {
    fn drop(&mut self) {
        REPR_STACK.with(|s| {
            let mut s = s.borrow_mut();
            if let Some(p) = s.iter().rposition(|&x| x == self.0) {
                s.remove(p);
            }
        })
    }
}

/// `Py_ReprEnter`: 0 first time, 1 when recursive.
pub fn repr_enter(o: *mut PyObject) -> c_int {
    match ReprGuard::enter(o) {
        Some(g) => {
            core::mem::forget(g);
            0
        }
        None => 1,
    }
}

/// `Py_ReprLeave`.
pub fn repr_leave(o: *mut PyObject) {
    drop(ReprGuard(o as usize));
}

/// The C recursion limit (`Py_EnterRecursiveCall`).
pub static RECURSION_LIMIT: core::sync::atomic::AtomicI32 =
    core::sync::atomic::AtomicI32::new(1000);

thread_local! {
    /// Set while the RecursionError itself is being made, so that making it (which
    /// calls the type) is not refused again: CPython's `recursion_headroom`.
    static RECURSION_HEADROOM: core::cell::Cell<bool> = const { core::cell::Cell::new(false) };
}

pub unsafe fn enter_recursive_call(where_: &str) -> PyResult<()> {
    let ts = crate::pystate::tstate();
    (*ts).recursion_depth += 1;
    // C stacks are deep enough for a generous multiple of the Python limit.
    if (*ts).recursion_depth > RECURSION_LIMIT.load(core::sync::atomic::Ordering::Relaxed) * 8
        && !RECURSION_HEADROOM.with(|h| h.get())
    {
        (*ts).recursion_depth -= 1;
        RECURSION_HEADROOM.with(|h| h.set(true));
        let r = crate::raise!(
            PyExc_RecursionError,
            "maximum recursion depth exceeded{}",
            where_
        );
        RECURSION_HEADROOM.with(|h| h.set(false));
        return r;
    }
    Ok(())
}

pub unsafe fn leave_recursive_call() {
    (*crate::pystate::tstate()).recursion_depth -= 1;
}

/// `PyObject_Hash`.
pub unsafe fn hash(o: *mut PyObject) -> Py_hash_t {
    let t = Py_TYPE(o);
    match (*t).tp_hash {
        Some(f) => f(o),
        None => {
            if (*t).tp_dict.is_null() && crate::objects::typeobject::ready(t).is_err() {
                return -1;
            }
            match (*t).tp_hash {
                Some(f) => f(o),
                None => {
                    let _: PyResult<()> =
                        crate::raise!(PyExc_TypeError, "unhashable type: '{}'", type_name(t));
                    -1
                }
            }
        }
    }
}

const SWAPPED: [c_int; 6] = [4, 5, 2, 3, 0, 1];
const OPSTR: [&str; 6] = ["<", "<=", "==", "!=", ">", ">="];

/// `PyObject_RichCompare` with CPython's reflected-operand rules.
pub unsafe fn rich_compare(v: *mut PyObject, w: *mut PyObject, op: c_int) -> *mut PyObject {
    if !(0..=5).contains(&op) {
        crate::errors::bad_internal_call();
        return null_mut();
    }
    if enter_recursive_call(" in comparison").is_err() {
        return null_mut();
    }
    let r = do_rich_compare(v, w, op);
    leave_recursive_call();
    r
}

unsafe fn do_rich_compare(v: *mut PyObject, w: *mut PyObject, op: c_int) -> *mut PyObject {
    let vt = Py_TYPE(v);
    let wt = Py_TYPE(w);
    let mut checked_reverse = false;
    if vt != wt && is_subtype(wt, vt) {
        if let Some(f) = (*wt).tp_richcompare {
            checked_reverse = true;
            let r = f(w, v, SWAPPED[op as usize]);
            if r != not_implemented() {
                return r;
            }
            Py_DECREF(r);
        }
    }
    if let Some(f) = (*vt).tp_richcompare {
        let r = f(v, w, op);
        if r != not_implemented() {
            return r;
        }
        Py_DECREF(r);
    }
    if !checked_reverse {
        if let Some(f) = (*wt).tp_richcompare {
            let r = f(w, v, SWAPPED[op as usize]);
            if r != not_implemented() {
                return r;
            }
            Py_DECREF(r);
        }
    }
    match op {
        2 => new_ref(py_bool(v == w)),
        3 => new_ref(py_bool(v != w)),
        _ => crate::raise_null!(
            PyExc_TypeError,
            "'{}' not supported between instances of '{}' and '{}'",
            OPSTR[op as usize],
            type_name(vt),
            type_name(wt)
        ),
    }
}

/// `PyObject_RichCompareBool`: identity implies equality for == and !=.
pub unsafe fn rich_compare_bool(v: *mut PyObject, w: *mut PyObject, op: c_int) -> c_int {
    if v == w {
        if op == 2 {
            return 1;
        }
        if op == 3 {
            return 0;
        }
    }
    let r = rich_compare(v, w, op);
    if r.is_null() {
        return -1;
    }
    let b = if r == py_true() {
        1
    } else if r == py_false() {
        0
    } else {
        is_true(r)
    };
    Py_DECREF(r);
    b
}

/// `PyObject_IsTrue`.
pub unsafe fn is_true(o: *mut PyObject) -> c_int {
    if o == py_true() {
        return 1;
    }
    if o == py_false() || o == none() {
        return 0;
    }
    let t = Py_TYPE(o);
    let nb = (*t).tp_as_number;
    if !nb.is_null() {
        if let Some(f) = (*nb).nb_bool {
            return f(o);
        }
    }
    let mp = (*t).tp_as_mapping;
    if !mp.is_null() {
        if let Some(f) = (*mp).mp_length {
            let n = f(o);
            return if n < 0 { -1 } else { (n > 0) as c_int };
        }
    }
    let sq = (*t).tp_as_sequence;
    if !sq.is_null() {
        if let Some(f) = (*sq).sq_length {
            let n = f(o);
            return if n < 0 { -1 } else { (n > 0) as c_int };
        }
    }
    1
}

/// `PyObject_GetAttr`.
pub unsafe fn get_attr(o: *mut PyObject, name: *mut PyObject) -> *mut PyObject {
    if !unicode::is_unicode(name) {
        return crate::raise_null!(
            PyExc_TypeError,
            "attribute name must be string, not '{}'",
            type_name(Py_TYPE(name))
        );
    }
    let t = Py_TYPE(o);
    if let Some(f) = (*t).tp_getattro {
        return f(o, name);
    }
    if let Some(f) = (*t).tp_getattr {
        let Ok(cs) = std::ffi::CString::new(unicode::to_string_lossy(name)) else {
            return null_mut();
        };
        return f(o, cs.as_ptr() as *mut _);
    }
    exceptions::raise_attribute_error(
        o,
        name,
        &format!(
            "'{}' object has no attribute '{}'",
            crate::objects::typeobject::tp_name(t),
            unicode::to_string_lossy(name)
        ),
    );
    null_mut()
}

pub unsafe fn get_attr_str(o: *mut PyObject, name: &str) -> *mut PyObject {
    get_attr(o, unicode::intern_str(name))
}

/// `PyObject_GetOptionalAttr`: Ok(NULL) when missing (AttributeError swallowed).
pub unsafe fn get_optional_attr(o: *mut PyObject, name: *mut PyObject) -> PyResult<*mut PyObject> {
    let r = get_attr(o, name);
    if !r.is_null() {
        return Ok(r);
    }
    if crate::errors::exception_matches(exceptions::exc(&raw mut PyExc_AttributeError)) {
        crate::errors::clear();
        return Ok(null_mut());
    }
    Err(())
}

/// `PyObject_SetAttr` (`value` NULL deletes).
pub unsafe fn set_attr(
    o: *mut PyObject,
    name: *mut PyObject,
    value: *mut PyObject,
) -> PyResult<()> {
    if !unicode::is_unicode(name) {
        return crate::raise!(
            PyExc_TypeError,
            "attribute name must be string, not '{}'",
            type_name(Py_TYPE(name))
        );
    }
    let t = Py_TYPE(o);
    if let Some(f) = (*t).tp_setattro {
        return if f(o, name, value) < 0 {
            Err(())
        } else {
            Ok(())
        };
    }
    if let Some(f) = (*t).tp_setattr {
        let Ok(cs) = std::ffi::CString::new(unicode::to_string_lossy(name)) else {
            return Err(());
        };
        return if f(o, cs.as_ptr() as *mut _, value) < 0 {
            Err(())
        } else {
            Ok(())
        };
    }
    let has_get = (*t).tp_getattro.is_some() || (*t).tp_getattr.is_some();
    let what = if value.is_null() { "del" } else { "assign to" };
    if has_get {
        crate::raise!(
            PyExc_TypeError,
            "'{}' object has only read-only attributes ({} .{})",
            crate::objects::typeobject::tp_name(t),
            what,
            unicode::to_string_lossy(name)
        )
    } else {
        crate::raise!(
            PyExc_TypeError,
            "'{}' object has no attributes ({} .{})",
            crate::objects::typeobject::tp_name(t),
            what,
            unicode::to_string_lossy(name)
        )
    }
}

/// `PyObject_GetItem`.
pub unsafe fn get_item(o: *mut PyObject, key: *mut PyObject) -> *mut PyObject {
    crate::protocols::mapping::get_item(o, key)
}
