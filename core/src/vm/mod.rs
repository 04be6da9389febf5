//! The interpreter: frames and the evaluation loop over `bytecode`. This module's
//! functions are what the rest of the core uses to run code and to look at the
//! running frame (builtins' `globals()`, zero-argument `super()`, the C API's
//! `PyEval_*`, `sys._getframe`, the recursion limit).

pub mod ceval;
pub mod frame;
pub mod ops;

use core::cell::Cell;
use core::ptr::null_mut;

use crate::bytecode::{fast, flags};
use crate::object::{PyObject, PyResult, Py_DECREF};
use crate::objects::{cell, code, function};
use crate::typeobj::PyTypeObject;

/// Run a code object in a new frame with these namespaces (`PyEval_EvalCode`).
/// `locals` may be NULL (then globals).
pub unsafe fn eval_code(
    code_obj: *mut PyObject,
    globals: *mut PyObject,
    locals: *mut PyObject,
) -> *mut PyObject {
    if !code::is_code(code_obj) {
        return crate::raise_null!(PyExc_SystemError, "eval_code: not a code object");
    }
    if globals.is_null() || !crate::objects::dict::is_dict(globals) {
        return crate::raise_null!(PyExc_SystemError, "globals must be a dict");
    }
    let locals = if locals.is_null() { globals } else { locals };
    let builtins = function::builtins_of(globals);
    if builtins.is_null() {
        return builtins;
    }
    let f = frame::push(code_obj, null_mut(), globals, builtins, locals);
    Py_DECREF(builtins);
    ceval::run(f, false)
}

/// Call the Python function `func` (the vectorcall of `function` objects).
pub unsafe fn call_function(
    func: *mut PyObject,
    args: *const *mut PyObject,
    nargs: usize,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    let fo = function::f(func);
    let f = frame::push(fo.code, func, fo.globals, fo.builtins, null_mut());
    if function::bind_arguments(func, (*f).slots(), args, nargs, kwnames).is_err() {
        frame::clear(f);
        return null_mut();
    }
    ceval::run(f, false)
}

/// Run a class body: call the function `func` (no arguments) with `ns` as its
/// frame's locals (`__build_class__`). Returns the body's return value (the
/// `__classcell__` cell or None).
pub unsafe fn run_class_body(func: *mut PyObject, ns: *mut PyObject) -> *mut PyObject {
    if !function::is_function(func) {
        return crate::raise_null!(PyExc_TypeError, "__build_class__: func must be a function");
    }
    let fo = function::f(func);
    let f = frame::push(fo.code, func, fo.globals, fo.builtins, ns);
    if function::bind_arguments(func, (*f).slots(), core::ptr::null(), 0, null_mut()).is_err() {
        frame::clear(f);
        return null_mut();
    }
    ceval::run(f, false)
}

/// The running Python frame of this thread as a frame object (new reference), or
/// NULL without an exception when none runs.
pub unsafe fn current_frame() -> *mut PyObject {
    let f = (*frame::vm()).current;
    if f.is_null() {
        return null_mut();
    }
    frame::frame_object(f)
}

/// `sys._getframe(depth)`: the frame object `depth` calls up (new reference), or
/// NULL without an exception when the stack is not that deep.
pub unsafe fn frame_at_depth(depth: usize) -> *mut PyObject {
    let mut f = (*frame::vm()).current;
    for _ in 0..depth {
        if f.is_null() {
            break;
        }
        f = (*f).previous;
    }
    if f.is_null() {
        return null_mut();
    }
    frame::frame_object(f)
}

/// Borrowed: the running frame's globals, or NULL when no frame runs.
pub unsafe fn current_globals() -> *mut PyObject {
    let f = (*frame::vm()).current;
    if f.is_null() {
        null_mut()
    } else {
        (*f).globals
    }
}

/// New reference: the running frame's locals mapping (a snapshot dict for
/// function frames, as CPython 3.13+), or NULL without an exception when no frame
/// runs.
pub unsafe fn current_locals() -> *mut PyObject {
    let f = (*frame::vm()).current;
    if f.is_null() {
        return null_mut();
    }
    crate::objects::frameobject::locals_of(f)
}

/// Borrowed: the running frame's builtins dict (the interpreter's when none runs).
pub unsafe fn current_builtins() -> *mut PyObject {
    let f = (*frame::vm()).current;
    if f.is_null() {
        (*crate::pystate::interp()).builtins
    } else {
        (*f).builtins
    }
}

/// Zero-argument `super()`: the `__class__` cell's class and the first argument of
/// the running function. RuntimeError as in CPython ("super(): no arguments",
/// "super(): __class__ cell not found", ...) when they cannot be found.
pub unsafe fn super_context() -> PyResult<(*mut PyTypeObject, *mut PyObject)> {
    let f = (*frame::vm()).current;
    if f.is_null() {
        return crate::raise!(PyExc_RuntimeError, "super(): no current frame");
    }
    let co = (*f).code();
    if co.argcount == 0 {
        return crate::raise!(PyExc_RuntimeError, "super(): no arguments");
    }
    let slots = (*f).slots();
    let mut first = *slots;
    // A first argument captured by an inner function sits in a cell once
    // MAKE_CELL has run.
    if !first.is_null() && co.localsplus_kinds[0] & fast::CELL != 0 && cell::is_cell(first) {
        first = cell::get(first);
        if !first.is_null() {
            Py_DECREF(first); // the cell keeps it alive
        }
    }
    if first.is_null() {
        return crate::raise!(PyExc_RuntimeError, "super(): arg[0] deleted");
    }
    let class_name = crate::objects::unicode::intern_str("__class__");
    for i in co.first_free()..co.nlocalsplus as usize {
        if co.localsplus_kinds[i] & fast::FREE == 0
            || !crate::objects::unicode::eq(co.slot_name(i), class_name)
        {
            continue;
        }
        let c = *slots.add(i);
        if !cell::is_cell(c) {
            return crate::raise!(PyExc_RuntimeError, "super(): bad __class__ cell");
        }
        let t = cell::get(c);
        if t.is_null() {
            return crate::raise!(PyExc_RuntimeError, "super(): empty __class__ cell");
        }
        Py_DECREF(t); // the cell keeps it alive
        if !crate::objects::typeobject::is_type(t) {
            return crate::raise!(
                PyExc_RuntimeError,
                "super(): __class__ is not a type ({})",
                crate::objects::typeobject::type_name(crate::object::Py_TYPE(t))
            );
        }
        return Ok((t as *mut PyTypeObject, first));
    }
    crate::raise!(PyExc_RuntimeError, "super(): __class__ cell not found")
}

// ---- recursion ----------------------------------------------------------------------

/// `sys.getrecursionlimit()`: Python frames one thread may have running.
pub fn recursion_limit() -> i32 {
    crate::protocols::object::RECURSION_LIMIT.load(core::sync::atomic::Ordering::Relaxed)
}

/// `sys.setrecursionlimit(n)`: ValueError for n < 1 and RecursionError when the
/// current depth is already too high for it, as CPython.
pub unsafe fn set_recursion_limit(n: i32) -> PyResult<()> {
    if n < 1 {
        return crate::raise!(
            PyExc_ValueError,
            "recursion limit must be greater or equal than 1"
        );
    }
    let depth = (*frame::vm()).depth;
    if depth >= n {
        return crate::raise!(
            PyExc_RecursionError,
            "cannot set the recursion limit to {} at the recursion depth {}: the limit is too low",
            n,
            depth
        );
    }
    crate::protocols::object::RECURSION_LIMIT.store(n, core::sync::atomic::Ordering::Relaxed);
    Ok(())
}

/// Bytes of C stack kept free below the point where Python calls stop.
const STACK_RESERVE: usize = 256 * 1024;

thread_local! {
    /// The lowest address this thread's calls may reach (0: not measured yet).
    static STACK_LIMIT: Cell<usize> = const { Cell::new(0) };
}

fn stack_limit() -> usize {
    let l = STACK_LIMIT.with(|s| s.get());
    if l != 0 {
        return l;
    }
    let mut limit = 1;
    unsafe {
        let mut attr: libc::pthread_attr_t = core::mem::zeroed();
        if libc::pthread_getattr_np(libc::pthread_self(), &mut attr) == 0 {
            let mut addr: *mut libc::c_void = null_mut();
            let mut size: usize = 0;
            if libc::pthread_attr_getstack(&attr, &mut addr, &mut size) == 0 {
                limit = addr as usize + STACK_RESERVE.min(size / 2);
            }
            libc::pthread_attr_destroy(&mut attr);
        }
    }
    STACK_LIMIT.with(|s| s.set(limit));
    limit
}

/// Whether the C stack has room for another evaluation loop; RecursionError
/// when not (deep recursion through C: `__init__`, `__repr__`, `sorted(key=...)`).
#[inline(never)]
pub fn stack_ok() -> bool {
    let here = 0u8;
    let sp = core::hint::black_box(&here) as *const u8 as usize;
    if sp > stack_limit() {
        return true;
    }
    let _: PyResult<()> = crate::raise!(PyExc_RecursionError, "maximum recursion depth exceeded");
    false
}

// ---- async generator hooks ------------------------------------------------------------

thread_local! {
    /// `sys.set_asyncgen_hooks(firstiter, finalizer)` (strong references or NULL).
    static ASYNCGEN_HOOKS: Cell<(*mut PyObject, *mut PyObject)> =
        const { Cell::new((null_mut(), null_mut())) };
}

/// This thread's async generator hooks (borrowed; NULL when unset).
pub fn asyncgen_hooks() -> (*mut PyObject, *mut PyObject) {
    ASYNCGEN_HOOKS.with(|h| h.get())
}

/// Replace the hooks (new references taken; NULL unsets).
pub unsafe fn set_asyncgen_hooks(firstiter: *mut PyObject, finalizer: *mut PyObject) {
    crate::object::Py_XINCREF(firstiter);
    crate::object::Py_XINCREF(finalizer);
    let (a, b) = ASYNCGEN_HOOKS.with(|h| h.replace((firstiter, finalizer)));
    crate::object::Py_XDECREF(a);
    crate::object::Py_XDECREF(b);
}

/// Is `code`'s frame a generator, coroutine or async generator body?
pub unsafe fn is_generator_code(code_obj: *mut PyObject) -> bool {
    code::c(code_obj).flags & (flags::GENERATOR | flags::COROUTINE | flags::ASYNC_GENERATOR) != 0
}

/// This area's types, slot tables filled, bases first (`lifecycle` readies them).
pub unsafe fn static_types() -> Vec<*mut crate::typeobj::PyTypeObject> {
    use crate::objects::{frameobject, genobject};
    code::init_type();
    cell::init_type();
    function::init_types();
    frameobject::init_type();
    genobject::init_types();
    let mut v = vec![
        &raw mut code::CODE_TYPE,
        &raw mut cell::CELL_TYPE,
        &raw mut function::FUNCTION_TYPE,
        &raw mut function::METHOD_TYPE,
        &raw mut frameobject::FRAME_TYPE,
    ];
    v.extend(genobject::types());
    v
}
