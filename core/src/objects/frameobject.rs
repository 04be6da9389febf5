//! Frame objects: the Python view of a running or finished frame. One is made
//! only when asked for (a traceback entry, `sys._getframe`, `gi_frame`); it points
//! at the interpreter's frame while that runs, and keeps a copy of the frame's
//! locals once it has ended.

use core::ffi::{c_int, c_void};
use core::ptr::null_mut;

use crate::bytecode::{fast, flags};
use crate::defs::*;
use crate::exported::*;
use crate::object::*;
use crate::objects::{cell, dict, long, unicode};
use crate::typeobj::*;
use crate::vm::frame::{self, Frame, Owner};

#[repr(C)]
pub struct FrameObject {
    pub ob_base: PyObject,
    /// The frame: on a thread's data stack, inside a generator, or (once the
    /// execution ended) a copy this object owns. NULL after `clear()`.
    pub f_frame: *mut Frame,
    /// The calling frame's object, fixed when the frame ended (strong).
    pub f_back: *mut PyObject,
    pub f_trace: *mut PyObject,
}

pub static mut FRAME_TYPE: PyTypeObject = PyTypeObject::static_empty(null_mut());

#[inline]
pub unsafe fn is_frame(o: *mut PyObject) -> bool {
    !o.is_null() && Py_TYPE(o) == &raw mut FRAME_TYPE
}

#[inline]
unsafe fn fo<'a>(o: *mut PyObject) -> &'a mut FrameObject {
    &mut *(o as *mut FrameObject)
}

/// The interpreter frame behind a frame object (NULL once cleared).
pub unsafe fn frame_of(o: *mut PyObject) -> *mut Frame {
    fo(o).f_frame
}

/// A frame object for `f` (the frame keeps the reference).
pub unsafe fn new_for(f: *mut Frame) -> *mut PyObject {
    let o = crate::alloc::new_object(
        &raw mut FRAME_TYPE,
        FrameObject {
            ob_base: PyObject {
                ob_refcnt: 1,
                ob_type: null_mut(),
            },
            f_frame: f,
            f_back: null_mut(),
            f_trace: null_mut(),
        },
    ) as *mut PyObject;
    if !o.is_null() {
        crate::gc::track(o);
    }
    o
}

/// The frame ends while this object lives on: keep a copy of its header and
/// locals (moving the references) and remember the caller's frame object.
pub unsafe fn take_ownership(o: *mut PyObject, f: *mut Frame) {
    let nlocals = (*f).code().nlocalsplus as usize;
    let size = core::mem::size_of::<Frame>() + nlocals * core::mem::size_of::<usize>();
    let copy = libc::malloc(size) as *mut Frame;
    if copy.is_null() {
        // No memory for the copy: the frame object forgets the frame.
        fo(o).f_frame = null_mut();
        frame::clear_refs(f);
        return;
    }
    let prev = (*f).previous;
    (*f).stacktop = nlocals as u32;
    frame::move_to(f, copy, Owner::FrameObject);
    (*copy).frame_obj = null_mut();
    fo(o).f_frame = copy;
    if !prev.is_null() && fo(o).f_back.is_null() {
        let back = frame::frame_object(prev);
        if back.is_null() {
            crate::errors::clear();
        }
        fo(o).f_back = back;
    }
}

/// The frame moved (into a generator).
pub unsafe fn relocate(o: *mut PyObject, f: *mut Frame) {
    fo(o).f_frame = f;
}

/// The frame ends and this object dies with it.
pub unsafe fn detach(o: *mut PyObject) {
    fo(o).f_frame = null_mut();
}

unsafe fn release_owned(o: *mut PyObject) {
    let f = fo(o).f_frame;
    fo(o).f_frame = null_mut();
    if !f.is_null() && (*f).owner == Owner::FrameObject {
        frame::clear_refs(f);
        libc::free(f as *mut c_void);
    }
}

unsafe extern "C" fn frame_dealloc(o: *mut PyObject) {
    crate::gc::untrack(o);
    release_owned(o);
    let x = fo(o);
    xsetref(&mut x.f_back, null_mut());
    xsetref(&mut x.f_trace, null_mut());
    crate::alloc::free_via_type(o);
}

unsafe extern "C" fn frame_tp_clear(o: *mut PyObject) -> c_int {
    release_owned(o);
    xsetref(&mut fo(o).f_back, null_mut());
    xsetref(&mut fo(o).f_trace, null_mut());
    0
}

unsafe extern "C" fn frame_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let x = fo(o);
    let r = crate::objects::typeobject::visit_each([x.f_back, x.f_trace], visit, arg);
    if r != 0 {
        return r;
    }
    let f = x.f_frame;
    if !f.is_null() && (*f).owner == Owner::FrameObject {
        return visit_frame(f, visit, arg);
    }
    0
}

/// Visit what a frame that is not running holds (for the owners' traverse).
pub unsafe fn visit_frame(f: *mut Frame, visit: visitproc, arg: *mut c_void) -> c_int {
    let r = crate::objects::typeobject::visit_each(
        [
            (*f).code,
            (*f).func,
            (*f).globals,
            (*f).builtins,
            (*f).locals,
            (*f).frame_obj,
        ],
        visit,
        arg,
    );
    if r != 0 {
        return r;
    }
    let slots = (*f).slots();
    for i in 0..(*f).stacktop as usize {
        let p = *slots.add(i);
        if !p.is_null() {
            let r = visit(p, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

unsafe fn live(o: *mut PyObject) -> PyResult<*mut Frame> {
    let f = fo(o).f_frame;
    if f.is_null() || (*f).code.is_null() {
        return crate::raise!(PyExc_RuntimeError, "frame has been cleared");
    }
    Ok(f)
}

/// The locals of a frame as a mapping: the frame's own mapping for module and
/// class code, else a snapshot dict of the fast locals (cells read through).
pub unsafe fn locals_of(f: *mut Frame) -> *mut PyObject {
    let co = (*f).code();
    if co.flags & flags::OPTIMIZED == 0 && !(*f).locals.is_null() {
        return new_ref((*f).locals);
    }
    let d = dict::new();
    if d.is_null() {
        return d;
    }
    let slots = (*f).slots();
    for i in 0..co.nlocalsplus as usize {
        let kind = co.localsplus_kinds[i];
        if kind & fast::HIDDEN != 0 {
            continue;
        }
        let mut v = *slots.add(i);
        let mut owned = null_mut();
        if !v.is_null() && kind & (fast::CELL | fast::FREE) != 0 && cell::is_cell(v) {
            // A cell slot holds its argument until MAKE_CELL runs.
            if (*f).instr != frame::NOT_STARTED || kind & fast::FREE != 0 {
                owned = cell::get(v);
                v = owned;
            }
        }
        if !v.is_null() && dict::set_item(d, co.slot_name(i), v).is_err() {
            Py_XDECREF(owned);
            Py_DECREF(d);
            return null_mut();
        }
        Py_XDECREF(owned);
    }
    d
}

unsafe extern "C" fn get_locals(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    match live(o) {
        Ok(f) => locals_of(f),
        Err(()) => null_mut(),
    }
}

unsafe extern "C" fn get_code(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    match live(o) {
        Ok(f) => new_ref((*f).code),
        Err(()) => null_mut(),
    }
}

/// `f_lineno` (None when the instruction has no line).
pub unsafe fn lineno(o: *mut PyObject) -> i32 {
    let f = fo(o).f_frame;
    if f.is_null() || (*f).code.is_null() {
        return -1;
    }
    (*f).lineno().map(|l| l as i32).unwrap_or(-1)
}

unsafe extern "C" fn get_lineno(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    match lineno(o) {
        -1 => new_ref(none()),
        l => long::from_i64(l as i64),
    }
}

unsafe extern "C" fn get_lasti(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    let f = fo(o).f_frame;
    long::from_i64(if f.is_null() { -1 } else { (*f).lasti() as i64 })
}

unsafe extern "C" fn get_globals(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    match live(o) {
        Ok(f) => new_ref((*f).globals),
        Err(()) => null_mut(),
    }
}

unsafe extern "C" fn get_builtins(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    match live(o) {
        Ok(f) => new_ref((*f).builtins),
        Err(()) => null_mut(),
    }
}

/// `f_back`: the caller's frame object while the frame runs, the one remembered
/// when it ended afterwards.
pub unsafe fn back(o: *mut PyObject) -> *mut PyObject {
    let x = fo(o);
    if !x.f_back.is_null() {
        return new_ref(x.f_back);
    }
    let f = x.f_frame;
    if f.is_null() || (*f).previous.is_null() {
        return new_ref(none());
    }
    frame::frame_object((*f).previous)
}

unsafe extern "C" fn get_back(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    back(o)
}

unsafe extern "C" fn get_trace(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    let t = fo(o).f_trace;
    new_ref(if t.is_null() { none() } else { t })
}

unsafe extern "C" fn set_trace(o: *mut PyObject, v: *mut PyObject, _c: *mut c_void) -> c_int {
    let v = if v == none() { null_mut() } else { v };
    Py_XINCREF(v);
    xsetref(&mut fo(o).f_trace, v);
    0
}

unsafe extern "C" fn get_generator(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    let f = fo(o).f_frame;
    if !f.is_null() && (*f).owner == Owner::Generator {
        return new_ref(crate::objects::genobject::gen_of_frame(f));
    }
    new_ref(none())
}

unsafe extern "C" fn frame_repr(o: *mut PyObject) -> *mut PyObject {
    let f = fo(o).f_frame;
    if f.is_null() || (*f).code.is_null() {
        return unicode::from_str(&format!("<frame at {:#x}, cleared>", o as usize));
    }
    let co = (*f).code();
    unicode::from_str(&format!(
        "<frame at {:#x}, file '{}', line {}, code {}>",
        o as usize,
        unicode::to_string_lossy(co.filename),
        lineno(o),
        unicode::to_string_lossy(co.name)
    ))
}

/// `frame.clear()`: drop the locals of a finished frame; RuntimeError for a
/// running one.
unsafe extern "C" fn frame_clear_method(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    let f = fo(o).f_frame;
    if !f.is_null() {
        match (*f).owner {
            Owner::FrameObject => release_owned(o),
            Owner::Generator => {
                let g = crate::objects::genobject::gen_of_frame(f);
                if (*f).state == frame::State::Executing {
                    return crate::raise_null!(
                        PyExc_RuntimeError,
                        "cannot clear an executing frame"
                    );
                }
                if crate::objects::genobject::close(g).is_err() {
                    return null_mut();
                }
            }
            Owner::Thread => {
                return crate::raise_null!(PyExc_RuntimeError, "cannot clear an executing frame");
            }
        }
    }
    new_ref(none())
}

static mut FRAME_GETSET: [PyGetSetDef; 11] = [
    getset!(c"f_locals", get_locals),
    getset!(c"f_code", get_code),
    getset!(c"f_lineno", get_lineno),
    getset!(c"f_lasti", get_lasti),
    getset!(c"f_globals", get_globals),
    getset!(c"f_builtins", get_builtins),
    getset!(c"f_back", get_back),
    getset!(c"f_generator", get_generator),
    PyGetSetDef {
        name: c"f_trace".as_ptr(),
        get: Some(get_trace),
        set: Some(set_trace),
        doc: core::ptr::null(),
        closure: null_mut(),
    },
    PyGetSetDef::SENTINEL,
    PyGetSetDef::SENTINEL,
];

static mut FRAME_METHODS: [PyMethodDef; 2] = [
    crate::meth!(c"clear", frame_clear_method, METH_NOARGS),
    crate::objects::sequtil::SENTINEL,
];

pub unsafe fn init_type() {
    let t = &raw mut FRAME_TYPE;
    crate::objects::typeobject::init_builtin(t, c"frame", core::mem::size_of::<FrameObject>(), 0);
    (*t).tp_flags |= Py_TPFLAGS_HAVE_GC;
    (*t).tp_dealloc = Some(frame_dealloc);
    (*t).tp_traverse = Some(frame_traverse);
    (*t).tp_clear = Some(frame_tp_clear);
    (*t).tp_repr = Some(frame_repr);
    (*t).tp_getset = (&raw mut FRAME_GETSET).cast();
    (*t).tp_methods = (&raw mut FRAME_METHODS).cast();
}
