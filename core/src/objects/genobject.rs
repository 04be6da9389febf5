//! Generators, coroutines and async generators.
//!
//! All three are one layout: the object header, a few fields, and the frame of
//! the code they run (moved in by `RETURN_GENERATOR`). Resuming runs that frame as
//! an entry frame of the evaluation loop, which returns at `YIELD_VALUE` (frame
//! suspended) or `RETURN_VALUE` (frame completed).

use core::ffi::{c_int, c_void};
use core::ptr::null_mut;

use crate::bytecode::{flags, op_byte, Opcode};
use crate::defs::*;
use crate::exported::*;
use crate::object::*;
use crate::objects::exceptions::{self, exc as exc_type};
use crate::objects::sequtil::*;
use crate::objects::typeobject::type_name;
use crate::objects::{tuple, unicode};
use crate::protocols::call;
use crate::typeobj::*;
use crate::vm::frame::{self, Frame, Owner, State};

#[repr(C)]
pub struct GenObject {
    pub ob_base: PyObject,
    pub name: *mut PyObject,
    pub qualname: *mut PyObject,
    pub weakreflist: *mut PyObject,
    /// The exception being handled inside the generator while it is suspended
    /// (its part of `sys.exception()`), or NULL.
    pub exc_state: *mut PyObject,
    /// Async generators: an `asend`/`athrow` is running (`ag_running`).
    pub running_async: bool,
    /// Async generators: `firstiter` hook already called.
    pub hooks_inited: bool,
    pub finalizer: *mut PyObject,
    /// Last: the frame, followed by its slots.
    pub frame: Frame,
}

pub static mut GEN_TYPE: PyTypeObject = PyTypeObject::static_empty(null_mut());
pub static mut CORO_TYPE: PyTypeObject = PyTypeObject::static_empty(null_mut());
pub static mut ASYNC_GEN_TYPE: PyTypeObject = PyTypeObject::static_empty(null_mut());
pub static mut CORO_WRAPPER_TYPE: PyTypeObject = PyTypeObject::static_empty(null_mut());
pub static mut ASEND_TYPE: PyTypeObject = PyTypeObject::static_empty(null_mut());
pub static mut ATHROW_TYPE: PyTypeObject = PyTypeObject::static_empty(null_mut());
pub static mut WRAPPED_VALUE_TYPE: PyTypeObject = PyTypeObject::static_empty(null_mut());

#[inline]
pub unsafe fn is_generator(o: *mut PyObject) -> bool {
    Py_TYPE(o) == &raw mut GEN_TYPE
}
#[inline]
pub unsafe fn is_coroutine(o: *mut PyObject) -> bool {
    Py_TYPE(o) == &raw mut CORO_TYPE
}
#[inline]
pub unsafe fn is_async_generator(o: *mut PyObject) -> bool {
    Py_TYPE(o) == &raw mut ASYNC_GEN_TYPE
}

#[inline]
unsafe fn g<'a>(o: *mut PyObject) -> &'a mut GenObject {
    &mut *(o as *mut GenObject)
}

/// The generator whose frame `f` is.
pub unsafe fn gen_of_frame(f: *mut Frame) -> *mut PyObject {
    (f as *mut u8).sub(core::mem::offset_of!(GenObject, frame)) as *mut PyObject
}

/// "generator", "coroutine", "async generator" for messages.
unsafe fn kind(o: *mut PyObject) -> &'static str {
    if is_coroutine(o) {
        "coroutine"
    } else if is_async_generator(o) {
        "async generator"
    } else {
        "generator"
    }
}

/// `RETURN_GENERATOR`: a generator, coroutine or async generator (by the code's
/// flags) that takes over the frame `f` (whose stack pointer is saved).
pub unsafe fn from_frame(f: *mut Frame) -> *mut PyObject {
    let co = (*f).code();
    let t = if co.flags & flags::COROUTINE != 0 {
        &raw mut CORO_TYPE
    } else if co.flags & flags::ASYNC_GENERATOR != 0 {
        &raw mut ASYNC_GEN_TYPE
    } else {
        &raw mut GEN_TYPE
    };
    let size = core::mem::offset_of!(GenObject, frame) + Frame::size_for(co);
    let o = crate::alloc::alloc_object_memory(size, true);
    if o.is_null() {
        return o;
    }
    crate::alloc::init_header(o, t);
    let gen = o as *mut GenObject;
    let func = (*f).func;
    let (name, qualname) = if func.is_null() {
        (new_ref(co.name), new_ref(co.qualname))
    } else {
        let fo = crate::objects::function::f(func);
        (new_ref(fo.name), new_ref(fo.qualname))
    };
    (*gen).name = name;
    (*gen).qualname = qualname;
    (*gen).weakreflist = null_mut();
    (*gen).exc_state = null_mut();
    (*gen).running_async = false;
    (*gen).hooks_inited = false;
    (*gen).finalizer = null_mut();
    let gf = &raw mut (*gen).frame;
    frame::move_to(f, gf, Owner::Generator);
    (*gf).state = State::Created;
    (*gf).entry = false;
    crate::gc::track(o);
    o
}

/// The iterator a suspended `yield from`/`await` delegates to (borrowed), or NULL.
pub unsafe fn yieldfrom(o: *mut PyObject) -> *mut PyObject {
    let f = &raw mut g(o).frame;
    if (*f).state != State::Suspended || (*f).code.is_null() {
        return null_mut();
    }
    let co = (*f).code();
    let unit = co.code[(*f).instr as usize];
    if op_byte(unit) != Opcode::YIELD_VALUE as u8 || crate::bytecode::arg_of(unit) != 1 {
        return null_mut();
    }
    *(*f).slots().add((*f).stacktop as usize - 1)
}

/// Resume the generator with `value` sent in (or, with `exc`, the raised exception
/// thrown in). Ok((value, returned)): the yielded value, or with `returned` the
/// value it returned; Err with the exception it raised.
pub unsafe fn send_ex(
    o: *mut PyObject,
    value: *mut PyObject,
    exc: bool,
) -> PyResult<(*mut PyObject, bool)> {
    let f = &raw mut g(o).frame;
    match (*f).state {
        State::Executing => {
            if exc {
                crate::errors::clear();
            }
            return crate::raise!(PyExc_ValueError, "{} already executing", kind(o));
        }
        State::Completed => {
            if exc {
                return Err(());
            }
            if is_coroutine(o) {
                return crate::raise!(PyExc_RuntimeError, "cannot reuse already awaited coroutine");
            }
            return Ok((none(), true));
        }
        State::Created if !exc && value != none() => {
            return crate::raise!(
                PyExc_TypeError,
                "can't send non-None value to a just-started {}",
                kind(o)
            );
        }
        _ => {}
    }
    if !exc {
        let top = (*f).slots().add((*f).stacktop as usize);
        *top = new_ref(value);
        (*f).stacktop += 1;
    }
    // The generator's handled exception is on top of the caller's while it runs.
    let ts = crate::pystate::tstate();
    let saved = (*ts).exc_info;
    let gs = g(o).exc_state;
    g(o).exc_state = null_mut();
    if !gs.is_null() {
        (*ts).exc_info = gs;
    } else {
        Py_XINCREF(saved);
    }
    let keep_alive = Owned::from_borrowed(o);
    let r = crate::vm::ceval::run(f, exc);
    // Back to the caller's handled exception.
    let now = (*ts).exc_info;
    (*ts).exc_info = saved;
    if (*f).state == State::Suspended && now != saved && !now.is_null() && now != none() {
        g(o).exc_state = now;
    } else {
        Py_XDECREF(now);
    }
    drop(keep_alive);
    if r.is_null() {
        return Err(());
    }
    Ok((r, (*f).state == State::Completed))
}

/// Raise StopIteration carrying `v` (as `return v` from a generator does).
pub unsafe fn set_stop_iteration_value(v: *mut PyObject) {
    let t = exc_type(&raw mut PyExc_StopIteration);
    if v == none() {
        crate::errors::set_object(t, null_mut());
        return;
    }
    let e = exceptions::new_instance(t as *mut PyTypeObject, &[v]);
    if !e.is_null() {
        crate::errors::set_object(t, e);
        Py_DECREF(e);
    }
}

/// `send(value)` as the method: the yielded value, StopIteration on return.
unsafe fn send_method(o: *mut PyObject, v: *mut PyObject) -> *mut PyObject {
    match send_ex(o, v, false) {
        Ok((r, false)) => r,
        Ok((r, true)) => {
            if is_async_generator(o) {
                crate::errors::set_object(exc_type(&raw mut PyExc_StopAsyncIteration), null_mut());
            } else {
                set_stop_iteration_value(r);
            }
            Py_DECREF(r);
            null_mut()
        }
        Err(()) => null_mut(),
    }
}

unsafe extern "C" fn gen_send(o: *mut PyObject, v: *mut PyObject) -> *mut PyObject {
    send_method(o, v)
}

unsafe extern "C" fn gen_iternext(o: *mut PyObject) -> *mut PyObject {
    match send_ex(o, none(), false) {
        Ok((r, false)) => r,
        Ok((r, true)) => {
            if r != none() {
                set_stop_iteration_value(r);
            }
            Py_DECREF(r);
            null_mut()
        }
        Err(()) => null_mut(),
    }
}

/// `SEND`: one step of `yield from`/`await` on `receiver`. Ok((value, returned)).
pub unsafe fn send_into(
    receiver: *mut PyObject,
    v: *mut PyObject,
) -> PyResult<(*mut PyObject, bool)> {
    if is_generator(receiver) || is_coroutine(receiver) {
        return send_ex(receiver, v, false);
    }
    let r = if v == none() && (*Py_TYPE(receiver)).tp_iternext.is_some() {
        ((*Py_TYPE(receiver)).tp_iternext.unwrap())(receiver)
    } else {
        match call::call_method(receiver, "send", &[v]) {
            Ok(r) => r,
            Err(()) => null_mut(),
        }
    };
    if !r.is_null() {
        return Ok((r, false));
    }
    if crate::errors::raised().is_null() {
        return Ok((none(), true));
    }
    if crate::errors::exception_matches(exc_type(&raw mut PyExc_StopIteration)) {
        let e = crate::errors::take_raised();
        let val = crate::protocols::object::get_attr_str(e, "value");
        Py_DECREF(e);
        return if val.is_null() {
            Err(())
        } else {
            Ok((val, true))
        };
    }
    Err(())
}

/// `close()` of a delegate iterator (`yield from` target).
unsafe fn close_iter(yf: *mut PyObject) -> PyResult<()> {
    if is_generator(yf) || is_coroutine(yf) {
        return close(yf).map(|r| Py_DECREF(r));
    }
    let m = crate::protocols::objproto::get_attr_opt_str(yf, "close")?;
    if m.is_null() {
        return Ok(());
    }
    let r = call::call_function(m, &[]);
    Py_DECREF(m);
    Py_DECREF(nonnull(r)?);
    Ok(())
}

/// `throw(typ, val, tb)`: delegated to a `yield from` target first.
unsafe fn throw(
    o: *mut PyObject,
    close_on_genexit: bool,
    typ: *mut PyObject,
    val: *mut PyObject,
    tb: *mut PyObject,
) -> *mut PyObject {
    let yf = yieldfrom(o);
    if !yf.is_null() {
        let yf = Owned::from_borrowed(yf);
        let f = &raw mut g(o).frame;
        if close_on_genexit
            && crate::errors::given_exception_matches(typ, exc_type(&raw mut PyExc_GeneratorExit))
        {
            (*f).state = State::Executing;
            let r = close_iter(yf.as_ptr());
            (*f).state = State::Suspended;
            if r.is_err() {
                return result_of(o, send_ex(o, none(), true));
            }
        } else {
            let ret = if is_generator(yf.as_ptr()) || is_coroutine(yf.as_ptr()) {
                (*f).state = State::Executing;
                let r = throw(yf.as_ptr(), close_on_genexit, typ, val, tb);
                (*f).state = State::Suspended;
                r
            } else {
                match crate::protocols::objproto::get_attr_opt_str(yf.as_ptr(), "throw") {
                    Err(()) => return result_of(o, send_ex(o, none(), true)),
                    Ok(m) if m.is_null() => return throw_here(o, typ, val, tb),
                    Ok(m) => {
                        (*f).state = State::Executing;
                        let args: Vec<*mut PyObject> = [typ, val, tb]
                            .into_iter()
                            .take_while(|p| !p.is_null())
                            .collect();
                        let r = call::call_function(m, &args);
                        (*f).state = State::Suspended;
                        Py_DECREF(m);
                        r
                    }
                }
            };
            if !ret.is_null() {
                return ret;
            }
            // The delegate raised (StopIteration included): deliver it here.
            return result_of(o, send_ex(o, none(), true));
        }
    }
    throw_here(o, typ, val, tb)
}

/// The raised exception normalised from `throw()`'s arguments, thrown in.
unsafe fn throw_here(
    o: *mut PyObject,
    typ: *mut PyObject,
    val: *mut PyObject,
    tb: *mut PyObject,
) -> *mut PyObject {
    let tb = if tb == none() { null_mut() } else { tb };
    if !tb.is_null() && !crate::objects::traceback::is_traceback(tb) {
        return crate::raise_null!(
            PyExc_TypeError,
            "throw() third argument must be a traceback object"
        );
    }
    let e = if crate::errors::is_exception_class(typ) {
        let v = if val.is_null() { none() } else { val };
        let e = if crate::errors::is_exception_instance(v)
            && crate::objects::typeobject::is_subtype(Py_TYPE(v), typ as *mut PyTypeObject)
        {
            new_ref(v)
        } else {
            exceptions::create(typ as *mut PyTypeObject, v)
        };
        if e.is_null() {
            return e;
        }
        e
    } else if crate::errors::is_exception_instance(typ) {
        if !val.is_null() && val != none() {
            return crate::raise_null!(
                PyExc_TypeError,
                "instance exception may not have a separate value"
            );
        }
        new_ref(typ)
    } else {
        return crate::raise_null!(
            PyExc_TypeError,
            "exceptions must be classes or instances deriving from BaseException, not {}",
            type_name(Py_TYPE(typ))
        );
    };
    if !tb.is_null() && exceptions::set_traceback(e, tb).is_err() {
        Py_DECREF(e);
        return null_mut();
    }
    crate::errors::set_raised(e);
    result_of(o, send_ex(o, none(), true))
}

/// A resumption's result as the Python-level methods return it.
unsafe fn result_of(o: *mut PyObject, r: PyResult<(*mut PyObject, bool)>) -> *mut PyObject {
    match r {
        Ok((v, false)) => v,
        Ok((v, true)) => {
            if is_async_generator(o) {
                crate::errors::set_object(exc_type(&raw mut PyExc_StopAsyncIteration), null_mut());
            } else {
                set_stop_iteration_value(v);
            }
            Py_DECREF(v);
            null_mut()
        }
        Err(()) => null_mut(),
    }
}

unsafe extern "C" fn gen_throw(
    o: *mut PyObject,
    args: *const *mut PyObject,
    nargs: usize,
) -> *mut PyObject {
    if !(1..=3).contains(&nargs) {
        return crate::raise_null!(
            PyExc_TypeError,
            "throw expected at least 1 argument, got {}",
            nargs
        );
    }
    if nargs > 1 {
        let cat = exc_type(&raw mut PyExc_DeprecationWarning);
        if crate::objects::warnings::warn(
            cat,
            "the (type, exc, tb) signature of throw() is deprecated, use the single-arg signature instead.",
            1,
        ) < 0
        {
            return null_mut();
        }
    }
    let a = core::slice::from_raw_parts(args, nargs);
    let arg = |i: usize| if i < nargs { a[i] } else { null_mut() };
    throw(o, true, arg(0), arg(1), arg(2))
}

/// `close()`: throw GeneratorExit in; RuntimeError if the generator yields again.
/// Returns the value the generator returned (None when it did not).
pub unsafe fn close(o: *mut PyObject) -> PyResult<*mut PyObject> {
    let f = &raw mut g(o).frame;
    match (*f).state {
        State::Completed => return Ok(none()),
        State::Created => {
            (*f).state = State::Completed;
            frame::clear(f);
            return Ok(none());
        }
        _ => {}
    }
    let yf = yieldfrom(o);
    let mut err = false;
    if !yf.is_null() {
        let yf = Owned::from_borrowed(yf);
        (*f).state = State::Executing;
        err = close_iter(yf.as_ptr()).is_err();
        (*f).state = State::Suspended;
    }
    if !err {
        crate::errors::set_object(exc_type(&raw mut PyExc_GeneratorExit), null_mut());
    }
    match send_ex(o, none(), true) {
        Ok((v, false)) => {
            Py_DECREF(v);
            crate::raise!(PyExc_RuntimeError, "{} ignored GeneratorExit", kind(o))
        }
        Ok((v, true)) => Ok(v),
        Err(()) => {
            if crate::errors::exception_matches(exc_type(&raw mut PyExc_StopIteration))
                || crate::errors::exception_matches(exc_type(&raw mut PyExc_GeneratorExit))
            {
                crate::errors::clear();
                return Ok(none());
            }
            Err(())
        }
    }
}

unsafe extern "C" fn gen_close(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    close(o).unwrap_or(null_mut())
}

/// Finalizer: close a suspended generator; warn about a coroutine never awaited.
unsafe extern "C" fn gen_finalize(o: *mut PyObject) {
    let f = &raw mut g(o).frame;
    let saved = crate::errors::take_raised();
    if is_coroutine(o) && (*f).state == State::Created {
        let msg = format!(
            "coroutine '{}' was never awaited",
            unicode::to_string_lossy(g(o).qualname)
        );
        if crate::objects::warnings::warn(exc_type(&raw mut PyExc_RuntimeWarning), &msg, 1) < 0 {
            crate::objects::traceback::write_unraisable("", o);
        }
    }
    if is_async_generator(o) && !g(o).finalizer.is_null() && (*f).state != State::Completed {
        let fin = g(o).finalizer;
        let r = call::call_function(fin, &[o]);
        if r.is_null() {
            crate::objects::traceback::write_unraisable("", o);
        } else {
            Py_DECREF(r);
        }
    } else if (*f).state == State::Suspended {
        match close(o) {
            Ok(v) => Py_DECREF(v),
            Err(()) => crate::objects::traceback::write_unraisable("", o),
        }
    }
    crate::errors::set_raised(saved);
}

unsafe extern "C" fn gen_dealloc(o: *mut PyObject) {
    crate::gc::untrack(o);
    if !g(o).weakreflist.is_null() {
        crate::objects::weakref::clear_weakrefs_of(o);
    }
    if !crate::gc::is_finalized(o) {
        crate::gc::set_finalized(o);
        // Resurrection by the finalizer keeps the object.
        (*o).ob_refcnt += 1;
        gen_finalize(o);
        (*o).ob_refcnt -= 1;
        if refcnt(o) > 0 {
            crate::gc::track(o);
            return;
        }
    }
    gen_clear(o);
    crate::alloc::gc_del(o as *mut c_void);
}

unsafe extern "C" fn gen_clear(o: *mut PyObject) -> c_int {
    let x = g(o);
    let f = &raw mut x.frame;
    if !(*f).code.is_null() {
        (*f).state = State::Completed;
        frame::clear(f);
    }
    xsetref(&mut x.name, null_mut());
    xsetref(&mut x.qualname, null_mut());
    xsetref(&mut x.exc_state, null_mut());
    xsetref(&mut x.finalizer, null_mut());
    0
}

unsafe extern "C" fn gen_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let x = g(o);
    let r = crate::objects::typeobject::visit_each(
        [x.name, x.qualname, x.exc_state, x.finalizer],
        visit,
        arg,
    );
    if r != 0 {
        return r;
    }
    let f = &raw mut x.frame;
    if (*f).code.is_null() || (*f).state == State::Executing {
        return 0;
    }
    crate::objects::frameobject::visit_frame(f, visit, arg)
}

unsafe extern "C" fn gen_repr(o: *mut PyObject) -> *mut PyObject {
    let what = match () {
        _ if is_coroutine(o) => "coroutine",
        _ if is_async_generator(o) => "async_generator",
        _ => "generator",
    };
    unicode::from_str(&format!(
        "<{} object {} at {:#x}>",
        what,
        unicode::to_string_lossy(g(o).qualname),
        o as usize
    ))
}

unsafe extern "C" fn get_frame(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    let f = &raw mut g(o).frame;
    if (*f).code.is_null() || (*f).state == State::Completed {
        return new_ref(none());
    }
    frame::frame_object(f)
}
unsafe extern "C" fn get_running(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    if is_async_generator(o) {
        return new_ref(py_bool(g(o).running_async));
    }
    new_ref(py_bool(g(o).frame.state == State::Executing))
}
unsafe extern "C" fn get_suspended(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    new_ref(py_bool(g(o).frame.state == State::Suspended))
}
unsafe extern "C" fn get_code(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    let c = g(o).frame.code;
    if c.is_null() {
        return new_ref(none());
    }
    new_ref(c)
}
unsafe extern "C" fn get_yieldfrom(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    let y = yieldfrom(o);
    new_ref(if y.is_null() { none() } else { y })
}
unsafe extern "C" fn get_origin(_o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    new_ref(none())
}
unsafe extern "C" fn get_name(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    new_ref(g(o).name)
}
unsafe extern "C" fn set_name(o: *mut PyObject, v: *mut PyObject, _c: *mut c_void) -> c_int {
    if v.is_null() || !unicode::is_unicode(v) {
        let _: PyResult<()> =
            crate::raise!(PyExc_TypeError, "__name__ must be set to a string object");
        return -1;
    }
    xsetref(&mut g(o).name, new_ref(v));
    0
}
unsafe extern "C" fn get_qualname(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    new_ref(g(o).qualname)
}
unsafe extern "C" fn set_qualname(o: *mut PyObject, v: *mut PyObject, _c: *mut c_void) -> c_int {
    if v.is_null() || !unicode::is_unicode(v) {
        let _: PyResult<()> = crate::raise!(
            PyExc_TypeError,
            "__qualname__ must be set to a string object"
        );
        return -1;
    }
    xsetref(&mut g(o).qualname, new_ref(v));
    0
}

const fn rw(name: &'static core::ffi::CStr, get: getter, set: setter) -> PyGetSetDef {
    PyGetSetDef {
        name: name.as_ptr(),
        get: Some(get),
        set: Some(set),
        doc: core::ptr::null(),
        closure: null_mut(),
    }
}

static mut GEN_GETSET: [PyGetSetDef; 8] = [
    rw(c"__name__", get_name, set_name),
    rw(c"__qualname__", get_qualname, set_qualname),
    getset!(c"gi_frame", get_frame),
    getset!(c"gi_running", get_running),
    getset!(c"gi_code", get_code),
    getset!(c"gi_yieldfrom", get_yieldfrom),
    getset!(c"gi_suspended", get_suspended),
    PyGetSetDef::SENTINEL,
];

static mut CORO_GETSET: [PyGetSetDef; 9] = [
    rw(c"__name__", get_name, set_name),
    rw(c"__qualname__", get_qualname, set_qualname),
    getset!(c"cr_frame", get_frame),
    getset!(c"cr_running", get_running),
    getset!(c"cr_code", get_code),
    getset!(c"cr_await", get_yieldfrom),
    getset!(c"cr_suspended", get_suspended),
    getset!(c"cr_origin", get_origin),
    PyGetSetDef::SENTINEL,
];

static mut AGEN_GETSET: [PyGetSetDef; 8] = [
    rw(c"__name__", get_name, set_name),
    rw(c"__qualname__", get_qualname, set_qualname),
    getset!(c"ag_frame", get_frame),
    getset!(c"ag_running", get_running),
    getset!(c"ag_code", get_code),
    getset!(c"ag_await", get_yieldfrom),
    getset!(c"ag_suspended", get_suspended),
    PyGetSetDef::SENTINEL,
];

unsafe extern "C" fn class_getitem(cls: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    crate::objects::genericalias::new(cls, arg)
}

static mut GEN_METHODS: [PyMethodDef; 5] = [
    crate::meth!(c"send", gen_send, METH_O),
    crate::meth!(c"throw", gen_throw, METH_FASTCALL),
    crate::meth!(c"close", gen_close, METH_NOARGS),
    crate::meth!(c"__class_getitem__", class_getitem, METH_O | METH_CLASS),
    SENTINEL,
];

// ---- coroutines: `__await__` and the awaitable protocol ---------------------------------

/// `coroutine.__await__()`: an iterator over the coroutine.
#[repr(C)]
pub struct CoroWrapper {
    pub ob_base: PyObject,
    pub coro: *mut PyObject,
}

unsafe extern "C" fn coro_await(o: *mut PyObject) -> *mut PyObject {
    let w = crate::alloc::new_object(
        &raw mut CORO_WRAPPER_TYPE,
        CoroWrapper {
            ob_base: PyObject {
                ob_refcnt: 1,
                ob_type: null_mut(),
            },
            coro: new_ref(o),
        },
    ) as *mut PyObject;
    if !w.is_null() {
        crate::gc::track(w);
    }
    w
}

unsafe fn wrapped(o: *mut PyObject) -> *mut PyObject {
    (*(o as *mut CoroWrapper)).coro
}
unsafe extern "C" fn cw_next(o: *mut PyObject) -> *mut PyObject {
    result_of(wrapped(o), send_ex(wrapped(o), none(), false))
}
unsafe extern "C" fn cw_send(o: *mut PyObject, v: *mut PyObject) -> *mut PyObject {
    send_method(wrapped(o), v)
}
unsafe extern "C" fn cw_throw(
    o: *mut PyObject,
    args: *const *mut PyObject,
    n: usize,
) -> *mut PyObject {
    gen_throw(wrapped(o), args, n)
}
unsafe extern "C" fn cw_close(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    gen_close(wrapped(o), null_mut())
}
unsafe extern "C" fn cw_dealloc(o: *mut PyObject) {
    crate::gc::untrack(o);
    Py_XDECREF(wrapped(o));
    crate::alloc::free_via_type(o);
}
unsafe extern "C" fn cw_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    crate::objects::typeobject::visit_each([wrapped(o)], visit, arg)
}

static mut CW_METHODS: [PyMethodDef; 4] = [
    crate::meth!(c"send", cw_send, METH_O),
    crate::meth!(c"throw", cw_throw, METH_FASTCALL),
    crate::meth!(c"close", cw_close, METH_NOARGS),
    SENTINEL,
];

/// `GET_AWAITABLE` and `await`'s operand: the iterator to drive. `where_` 1 and 2
/// name `__aenter__`/`__aexit__` in the message.
pub unsafe fn get_awaitable(o: *mut PyObject, where_: u32) -> *mut PyObject {
    if is_coroutine(o) {
        if !yieldfrom(o).is_null() {
            return crate::raise_null!(PyExc_RuntimeError, "coroutine is being awaited already");
        }
        return new_ref(o);
    }
    if is_generator(o) && g(o).frame.code().flags & flags::ITERABLE_COROUTINE != 0 {
        return new_ref(o);
    }
    let am = (*Py_TYPE(o)).tp_as_async;
    let f = if am.is_null() { None } else { (*am).am_await };
    let Some(f) = f else {
        let t = type_name(Py_TYPE(o));
        return match where_ {
            1 => crate::raise_null!(
                PyExc_TypeError,
                "'async with' received an object from __aenter__ that does not implement __await__: {}",
                t
            ),
            2 => crate::raise_null!(
                PyExc_TypeError,
                "'async with' received an object from __aexit__ that does not implement __await__: {}",
                t
            ),
            _ => crate::raise_null!(PyExc_TypeError, "'{}' object can't be awaited", t),
        };
    };
    let r = f(o);
    if r.is_null() {
        return r;
    }
    if is_coroutine(r) {
        Py_DECREF(r);
        return crate::raise_null!(PyExc_TypeError, "__await__() returned a coroutine");
    }
    if (*Py_TYPE(r)).tp_iternext.is_none() {
        let t = type_name(Py_TYPE(r)).to_string();
        Py_DECREF(r);
        return crate::raise_null!(
            PyExc_TypeError,
            "__await__() returned non-iterator of type '{}'",
            t
        );
    }
    r
}

static CORO_AS_ASYNC: PyAsyncMethods = PyAsyncMethods {
    am_await: Some(coro_await),
    am_aiter: None,
    am_anext: None,
    am_send: None,
};

// ---- async generators ---------------------------------------------------------------

/// What `ASYNC_GEN_WRAP` makes of a value yielded by an async generator's own
/// `yield` (as opposed to an `await` passing through).
#[repr(C)]
pub struct WrappedValue {
    pub ob_base: PyObject,
    pub value: *mut PyObject,
}

pub unsafe fn wrap_async_value(v: *mut PyObject) -> *mut PyObject {
    crate::alloc::new_object(
        &raw mut WRAPPED_VALUE_TYPE,
        WrappedValue {
            ob_base: PyObject {
                ob_refcnt: 1,
                ob_type: null_mut(),
            },
            value: new_ref(v),
        },
    ) as *mut PyObject
}

unsafe extern "C" fn wv_dealloc(o: *mut PyObject) {
    Py_XDECREF((*(o as *mut WrappedValue)).value);
    crate::alloc::free_via_type(o);
}

/// `asend`/`athrow` awaitables: one object type each, the same fields.
#[repr(C)]
pub struct AsyncOp {
    pub ob_base: PyObject,
    pub gen: *mut PyObject,
    /// asend: the value to send first; athrow: the (typ, val, tb) tuple, NULL for
    /// `aclose()`.
    pub arg: *mut PyObject,
    /// 0 not started, 1 running, 2 done.
    pub state: u8,
}

unsafe fn new_op(t: *mut PyTypeObject, gen: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    Py_XINCREF(arg);
    let o = crate::alloc::new_object(
        t,
        AsyncOp {
            ob_base: PyObject {
                ob_refcnt: 1,
                ob_type: null_mut(),
            },
            gen: new_ref(gen),
            arg,
            state: 0,
        },
    ) as *mut PyObject;
    if !o.is_null() {
        crate::gc::track(o);
    }
    o
}

#[inline]
unsafe fn op<'a>(o: *mut PyObject) -> &'a mut AsyncOp {
    &mut *(o as *mut AsyncOp)
}

/// First use of an async generator: the `firstiter` hook of `sys.set_asyncgen_hooks`.
unsafe fn init_hooks(gen: *mut PyObject) -> PyResult<()> {
    if g(gen).hooks_inited {
        return Ok(());
    }
    g(gen).hooks_inited = true;
    let hooks = crate::vm::asyncgen_hooks();
    if !hooks.1.is_null() {
        g(gen).finalizer = new_ref(hooks.1);
    }
    if !hooks.0.is_null() {
        let r = call::call_function(hooks.0, &[gen]);
        Py_DECREF(nonnull(r)?);
    }
    Ok(())
}

/// `agen.asend(value)` / `anext(agen)`.
pub unsafe fn asend(gen: *mut PyObject, v: *mut PyObject) -> *mut PyObject {
    if init_hooks(gen).is_err() {
        return null_mut();
    }
    new_op(&raw mut ASEND_TYPE, gen, v)
}

/// Turn what the async generator produced into the awaitable's result: its own
/// `yield v` ends the step with StopIteration(v); an `await`'s value goes out.
unsafe fn unwrap_step(o: *mut PyObject, r: PyResult<(*mut PyObject, bool)>) -> *mut PyObject {
    let gen = op(o).gen;
    match r {
        Ok((v, false)) => {
            if Py_TYPE(v) == &raw mut WRAPPED_VALUE_TYPE {
                let inner = (*(v as *mut WrappedValue)).value;
                set_stop_iteration_value(inner);
                Py_DECREF(v);
                op(o).state = 2;
                g(gen).running_async = false;
                return null_mut();
            }
            v
        }
        Ok((v, true)) => {
            Py_DECREF(v);
            op(o).state = 2;
            g(gen).running_async = false;
            crate::errors::set_object(exc_type(&raw mut PyExc_StopAsyncIteration), null_mut());
            null_mut()
        }
        Err(()) => {
            op(o).state = 2;
            g(gen).running_async = false;
            null_mut()
        }
    }
}

unsafe fn asend_send_impl(o: *mut PyObject, v: *mut PyObject) -> *mut PyObject {
    let x = op(o);
    if x.state == 2 {
        return crate::raise_null!(
            PyExc_RuntimeError,
            "cannot reuse already awaited __anext__()/asend()"
        );
    }
    let mut v = v;
    if x.state == 0 {
        if g(x.gen).running_async {
            x.state = 2;
            return crate::raise_null!(
                PyExc_RuntimeError,
                "anext(): asynchronous generator is already running"
            );
        }
        if v.is_null() || v == none() {
            v = x.arg;
        }
        x.state = 1;
        g(x.gen).running_async = true;
    }
    let v = if v.is_null() { none() } else { v };
    unwrap_step(o, send_ex(x.gen, v, false))
}

unsafe extern "C" fn asend_next(o: *mut PyObject) -> *mut PyObject {
    asend_send_impl(o, null_mut())
}
unsafe extern "C" fn asend_send(o: *mut PyObject, v: *mut PyObject) -> *mut PyObject {
    asend_send_impl(o, v)
}
unsafe extern "C" fn asend_throw(
    o: *mut PyObject,
    args: *const *mut PyObject,
    n: usize,
) -> *mut PyObject {
    let x = op(o);
    if x.state == 2 {
        return crate::raise_null!(
            PyExc_RuntimeError,
            "cannot reuse already awaited __anext__()/asend()"
        );
    }
    let r = gen_throw(x.gen, args, n);
    if r.is_null() {
        return unwrap_step(o, Err(()));
    }
    unwrap_step(o, Ok((r, false)))
}
unsafe extern "C" fn asend_close(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    op(o).state = 2;
    new_ref(none())
}

/// `athrow()` / `aclose()` steps.
unsafe fn athrow_send_impl(o: *mut PyObject, v: *mut PyObject) -> *mut PyObject {
    let x = op(o);
    let gen = x.gen;
    let is_close = x.arg.is_null();
    if x.state == 2 {
        return crate::raise_null!(
            PyExc_RuntimeError,
            "cannot reuse already awaited aclose()/athrow()"
        );
    }
    let f = &raw mut g(gen).frame;
    if (*f).state == State::Completed {
        x.state = 2;
        if is_close {
            crate::errors::set_object(exc_type(&raw mut PyExc_StopIteration), null_mut());
        } else {
            crate::errors::set_object(exc_type(&raw mut PyExc_StopAsyncIteration), null_mut());
        }
        return null_mut();
    }
    let r = if x.state == 0 {
        if g(gen).running_async {
            x.state = 2;
            return crate::raise_null!(
                PyExc_RuntimeError,
                "athrow(): asynchronous generator is already running"
            );
        }
        if v != none() && !v.is_null() {
            return crate::raise_null!(
                PyExc_RuntimeError,
                "can't send non-None value to a just-started coroutine"
            );
        }
        x.state = 1;
        g(gen).running_async = true;
        if is_close {
            let ge = exc_type(&raw mut PyExc_GeneratorExit);
            throw(gen, false, ge, null_mut(), null_mut())
        } else {
            let a = tuple::as_slice(x.arg);
            throw(
                gen,
                false,
                a[0],
                a.get(1).copied().unwrap_or(null_mut()),
                a.get(2).copied().unwrap_or(null_mut()),
            )
        }
    } else {
        send_method(gen, if v.is_null() { none() } else { v })
    };
    athrow_result(o, r)
}

unsafe fn athrow_result(o: *mut PyObject, r: *mut PyObject) -> *mut PyObject {
    let x = op(o);
    let gen = x.gen;
    let is_close = x.arg.is_null();
    if !r.is_null() {
        if Py_TYPE(r) == &raw mut WRAPPED_VALUE_TYPE {
            g(gen).running_async = false;
            if is_close {
                Py_DECREF(r);
                x.state = 2;
                return crate::raise_null!(
                    PyExc_RuntimeError,
                    "async generator ignored GeneratorExit"
                );
            }
            let inner = new_ref((*(r as *mut WrappedValue)).value);
            Py_DECREF(r);
            x.state = 2;
            set_stop_iteration_value(inner);
            Py_DECREF(inner);
            return null_mut();
        }
        return r;
    }
    g(gen).running_async = false;
    x.state = 2;
    // aclose() ends with StopIteration when the generator exited as asked.
    if is_close
        && (crate::errors::exception_matches(exc_type(&raw mut PyExc_StopAsyncIteration))
            || crate::errors::exception_matches(exc_type(&raw mut PyExc_GeneratorExit)))
    {
        crate::errors::clear();
        crate::errors::set_object(exc_type(&raw mut PyExc_StopIteration), null_mut());
    }
    null_mut()
}

unsafe extern "C" fn athrow_next(o: *mut PyObject) -> *mut PyObject {
    athrow_send_impl(o, none())
}
unsafe extern "C" fn athrow_send(o: *mut PyObject, v: *mut PyObject) -> *mut PyObject {
    athrow_send_impl(o, v)
}
unsafe extern "C" fn athrow_throw(
    o: *mut PyObject,
    args: *const *mut PyObject,
    n: usize,
) -> *mut PyObject {
    let r = gen_throw(op(o).gen, args, n);
    athrow_result(o, r)
}
unsafe extern "C" fn athrow_close(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    op(o).state = 2;
    new_ref(none())
}

unsafe extern "C" fn op_dealloc(o: *mut PyObject) {
    crate::gc::untrack(o);
    Py_XDECREF(op(o).gen);
    Py_XDECREF(op(o).arg);
    crate::alloc::free_via_type(o);
}
unsafe extern "C" fn op_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    crate::objects::typeobject::visit_each([op(o).gen, op(o).arg], visit, arg)
}

static mut ASEND_METHODS: [PyMethodDef; 4] = [
    crate::meth!(c"send", asend_send, METH_O),
    crate::meth!(c"throw", asend_throw, METH_FASTCALL),
    crate::meth!(c"close", asend_close, METH_NOARGS),
    SENTINEL,
];
static mut ATHROW_METHODS: [PyMethodDef; 4] = [
    crate::meth!(c"send", athrow_send, METH_O),
    crate::meth!(c"throw", athrow_throw, METH_FASTCALL),
    crate::meth!(c"close", athrow_close, METH_NOARGS),
    SENTINEL,
];

unsafe extern "C" fn ag_asend(o: *mut PyObject, v: *mut PyObject) -> *mut PyObject {
    asend(o, v)
}
unsafe extern "C" fn ag_anext(o: *mut PyObject) -> *mut PyObject {
    asend(o, none())
}
unsafe extern "C" fn ag_aiter(o: *mut PyObject) -> *mut PyObject {
    new_ref(o)
}
unsafe extern "C" fn ag_athrow(
    o: *mut PyObject,
    args: *const *mut PyObject,
    n: usize,
) -> *mut PyObject {
    if !(1..=3).contains(&n) {
        return crate::raise_null!(
            PyExc_TypeError,
            "athrow expected at least 1 argument, got {}",
            n
        );
    }
    if init_hooks(o).is_err() {
        return null_mut();
    }
    let t = tuple::from_slice(core::slice::from_raw_parts(args, n));
    if t.is_null() {
        return t;
    }
    let r = new_op(&raw mut ATHROW_TYPE, o, t);
    Py_DECREF(t);
    r
}
unsafe extern "C" fn ag_aclose(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    if init_hooks(o).is_err() {
        return null_mut();
    }
    new_op(&raw mut ATHROW_TYPE, o, null_mut())
}

static mut AGEN_METHODS: [PyMethodDef; 5] = [
    crate::meth!(c"asend", ag_asend, METH_O),
    crate::meth!(c"athrow", ag_athrow, METH_FASTCALL),
    crate::meth!(c"aclose", ag_aclose, METH_NOARGS),
    crate::meth!(c"__class_getitem__", class_getitem, METH_O | METH_CLASS),
    SENTINEL,
];

static AGEN_AS_ASYNC: PyAsyncMethods = PyAsyncMethods {
    am_await: None,
    am_aiter: Some(ag_aiter),
    am_anext: Some(ag_anext),
    am_send: None,
};

unsafe extern "C" fn self_await(o: *mut PyObject) -> *mut PyObject {
    new_ref(o)
}

static OP_AS_ASYNC: PyAsyncMethods = PyAsyncMethods {
    am_await: Some(self_await),
    am_aiter: None,
    am_anext: None,
    am_send: None,
};

pub unsafe fn init_types() {
    use crate::objects::typeobject::init_builtin;
    for (t, name, getset, methods) in [
        (
            &raw mut GEN_TYPE,
            c"generator",
            (&raw mut GEN_GETSET).cast::<PyGetSetDef>(),
            (&raw mut GEN_METHODS).cast::<PyMethodDef>(),
        ),
        (
            &raw mut CORO_TYPE,
            c"coroutine",
            (&raw mut CORO_GETSET).cast(),
            (&raw mut GEN_METHODS).cast(),
        ),
        (
            &raw mut ASYNC_GEN_TYPE,
            c"async_generator",
            (&raw mut AGEN_GETSET).cast(),
            (&raw mut AGEN_METHODS).cast(),
        ),
    ] {
        init_builtin(t, name, core::mem::size_of::<GenObject>(), 0);
        (*t).tp_flags |= Py_TPFLAGS_HAVE_GC;
        (*t).tp_dealloc = Some(gen_dealloc);
        (*t).tp_traverse = Some(gen_traverse);
        (*t).tp_clear = Some(gen_clear);
        (*t).tp_repr = Some(gen_repr);
        (*t).tp_weaklistoffset = core::mem::offset_of!(GenObject, weakreflist) as Py_ssize_t;
        (*t).tp_getset = getset;
        (*t).tp_methods = methods;
        (*t).tp_finalize = Some(gen_finalize);
    }
    let t = &raw mut GEN_TYPE;
    (*t).tp_iter = Some(crate::objects::iterobject::self_iter);
    (*t).tp_iternext = Some(gen_iternext);
    let t = &raw mut CORO_TYPE;
    (*t).tp_as_async = &raw const CORO_AS_ASYNC as *mut _;
    let t = &raw mut ASYNC_GEN_TYPE;
    (*t).tp_as_async = &raw const AGEN_AS_ASYNC as *mut _;

    let t = &raw mut CORO_WRAPPER_TYPE;
    init_builtin(
        t,
        c"coroutine_wrapper",
        core::mem::size_of::<CoroWrapper>(),
        0,
    );
    (*t).tp_flags |= Py_TPFLAGS_HAVE_GC;
    (*t).tp_dealloc = Some(cw_dealloc);
    (*t).tp_traverse = Some(cw_traverse);
    (*t).tp_iter = Some(crate::objects::iterobject::self_iter);
    (*t).tp_iternext = Some(cw_next);
    (*t).tp_methods = (&raw mut CW_METHODS).cast();

    for (t, name, next, methods) in [
        (
            &raw mut ASEND_TYPE,
            c"async_generator_asend",
            asend_next as unsafe extern "C" fn(*mut PyObject) -> *mut PyObject,
            (&raw mut ASEND_METHODS).cast::<PyMethodDef>(),
        ),
        (
            &raw mut ATHROW_TYPE,
            c"async_generator_athrow",
            athrow_next,
            (&raw mut ATHROW_METHODS).cast(),
        ),
    ] {
        init_builtin(t, name, core::mem::size_of::<AsyncOp>(), 0);
        (*t).tp_flags |= Py_TPFLAGS_HAVE_GC;
        (*t).tp_dealloc = Some(op_dealloc);
        (*t).tp_traverse = Some(op_traverse);
        (*t).tp_iter = Some(crate::objects::iterobject::self_iter);
        (*t).tp_iternext = Some(next);
        (*t).tp_methods = methods;
        (*t).tp_as_async = &raw const OP_AS_ASYNC as *mut _;
    }

    let t = &raw mut WRAPPED_VALUE_TYPE;
    init_builtin(
        t,
        c"async_generator_wrapped_value",
        core::mem::size_of::<WrappedValue>(),
        0,
    );
    (*t).tp_dealloc = Some(wv_dealloc);
}

/// The types, for `vm::static_types`.
pub unsafe fn types() -> [*mut PyTypeObject; 7] {
    [
        &raw mut GEN_TYPE,
        &raw mut CORO_TYPE,
        &raw mut ASYNC_GEN_TYPE,
        &raw mut CORO_WRAPPER_TYPE,
        &raw mut ASEND_TYPE,
        &raw mut ATHROW_TYPE,
        &raw mut WRAPPED_VALUE_TYPE,
    ]
}
