//! `cell` objects: the shared variables of closures.

use core::ffi::{c_int, c_void};
use core::ptr::null_mut;

use crate::defs::*;
use crate::exported::*;
use crate::object::*;
use crate::typeobj::*;

#[repr(C)]
pub struct CellObject {
    pub ob_base: PyObject,
    /// The contents (strong), NULL when empty. Closures may be shared between
    /// threads: reads take the reference under `lock`, writes swap under it.
    pub ob_ref: core::sync::atomic::AtomicPtr<PyObject>,
    pub lock: crate::lock::RawLock,
}

pub static mut CELL_TYPE: PyTypeObject = PyTypeObject::static_empty(null_mut());

#[inline]
pub unsafe fn is_cell(o: *mut PyObject) -> bool {
    !o.is_null() && Py_TYPE(o) == &raw mut CELL_TYPE
}

/// A new cell holding `v` (a new reference is taken; NULL makes an empty cell).
pub unsafe fn new(v: *mut PyObject) -> *mut PyObject {
    Py_XINCREF(v);
    let o = crate::alloc::new_object(
        &raw mut CELL_TYPE,
        CellObject {
            ob_base: PyObject {
                ob_refcnt: 1,
                ob_type: null_mut(),
            },
            ob_ref: core::sync::atomic::AtomicPtr::new(v),
            lock: crate::lock::RawLock::new(),
        },
    ) as *mut PyObject;
    if o.is_null() {
        Py_XDECREF(v);
        return o;
    }
    crate::gc::track(o);
    o
}

/// The contents as a new reference, NULL when empty (no exception).
pub unsafe fn get(cell: *mut PyObject) -> *mut PyObject {
    let c = &*(cell as *mut CellObject);
    c.lock.with(|| {
        let v = c.ob_ref.load(core::sync::atomic::Ordering::Acquire);
        Py_XINCREF(v);
        v
    })
}

/// Replace the contents (takes a new reference to `v`; NULL empties).
pub unsafe fn set(cell: *mut PyObject, v: *mut PyObject) {
    let c = &*(cell as *mut CellObject);
    Py_XINCREF(v);
    let old = c
        .lock
        .with(|| c.ob_ref.swap(v, core::sync::atomic::Ordering::AcqRel));
    Py_XDECREF(old);
}

unsafe extern "C" fn cell_dealloc(o: *mut PyObject) {
    crate::gc::untrack(o);
    cell_clear(o);
    crate::alloc::free_via_type(o);
}

unsafe extern "C" fn cell_clear(o: *mut PyObject) -> c_int {
    let c = &*(o as *mut CellObject);
    Py_XDECREF(
        c.ob_ref
            .swap(null_mut(), core::sync::atomic::Ordering::AcqRel),
    );
    0
}

unsafe extern "C" fn cell_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let c = &*(o as *mut CellObject);
    crate::objects::typeobject::visit_each(
        [c.ob_ref.load(core::sync::atomic::Ordering::Acquire)],
        visit,
        arg,
    )
}

unsafe extern "C" fn cell_repr(o: *mut PyObject) -> *mut PyObject {
    let v = get(o);
    let s = if v.is_null() {
        format!("<cell at {:#x}: empty>", o as usize)
    } else {
        let s = format!(
            "<cell at {:#x}: {} object at {:#x}>",
            o as usize,
            crate::objects::typeobject::type_name(Py_TYPE(v)),
            v as usize
        );
        Py_DECREF(v);
        s
    };
    crate::objects::unicode::from_str(&s)
}

unsafe extern "C" fn cell_new(
    _t: *mut PyTypeObject,
    args: *mut PyObject,
    kwds: *mut PyObject,
) -> *mut PyObject {
    if !kwds.is_null() && crate::objects::dict::len(kwds) != 0 {
        return crate::raise_null!(PyExc_TypeError, "cell() takes no keyword arguments");
    }
    let a = crate::objects::tuple::as_slice(args);
    match a.len() {
        0 => new(null_mut()),
        1 => new(a[0]),
        n => crate::raise_null!(
            PyExc_TypeError,
            "cell expected at most 1 argument, got {}",
            n
        ),
    }
}

unsafe extern "C" fn cell_richcompare(
    a: *mut PyObject,
    b: *mut PyObject,
    op: c_int,
) -> *mut PyObject {
    if !is_cell(b) {
        return new_ref(not_implemented());
    }
    let (x, y) = (get(a), get(b));
    let r = match (x.is_null(), y.is_null()) {
        (false, false) => crate::protocols::object::rich_compare(x, y, op),
        // An empty cell sorts before a full one.
        (ex, ey) => {
            let (l, r) = (!ex as i32, !ey as i32);
            let v = match op {
                0 => l < r,
                1 => l <= r,
                2 => l == r,
                3 => l != r,
                4 => l > r,
                _ => l >= r,
            };
            new_ref(py_bool(v))
        }
    };
    Py_XDECREF(x);
    Py_XDECREF(y);
    r
}

unsafe extern "C" fn get_contents(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    let v = get(o);
    if v.is_null() {
        return crate::raise_null!(PyExc_ValueError, "Cell is empty");
    }
    v
}

unsafe extern "C" fn set_contents(o: *mut PyObject, v: *mut PyObject, _c: *mut c_void) -> c_int {
    set(o, v);
    0
}

static mut CELL_GETSET: [PyGetSetDef; 2] = [
    PyGetSetDef {
        name: c"cell_contents".as_ptr(),
        get: Some(get_contents),
        set: Some(set_contents),
        doc: core::ptr::null(),
        closure: null_mut(),
    },
    PyGetSetDef::SENTINEL,
];

pub unsafe fn init_type() {
    let t = &raw mut CELL_TYPE;
    crate::objects::typeobject::init_builtin(t, c"cell", core::mem::size_of::<CellObject>(), 0);
    (*t).tp_flags |= Py_TPFLAGS_HAVE_GC;
    (*t).tp_new = Some(cell_new);
    (*t).tp_dealloc = Some(cell_dealloc);
    (*t).tp_traverse = Some(cell_traverse);
    (*t).tp_clear = Some(cell_clear);
    (*t).tp_repr = Some(cell_repr);
    (*t).tp_richcompare = Some(cell_richcompare);
    (*t).tp_hash = Some(crate::objects::baseobject::hash_not_implemented);
    (*t).tp_getset = (&raw mut CELL_GETSET).cast();
    (*t).tp_doc = c"Create a new cell object.\n\n  contents\n    the contents of the cell. If not specified, the cell will be empty,\n    and \n further attempts to access its cell_contents attribute will\n    raise a ValueError.".as_ptr();
}
