//! `PyEval_*`: running code objects, the running frame's namespaces (CPython's
//! answers for "no frame" when no Python code runs), pending calls, recursion
//! guards and `Py_ReprEnter`/`Py_ReprLeave`.

use core::ffi::{c_char, c_int, c_void};
use core::ptr::null_mut;

use carapace_core::errors;
use carapace_core::exported::*;
use carapace_core::object::Owned;
use carapace_core::object::{PyObject, Py_INCREF};
use carapace_core::objects::{
    code, dict, frameobject, function, genobject, methodobject, tuple, typeobject,
};
use carapace_core::protocols::object as proto;
use carapace_core::pystate;
use carapace_core::vm;

/// Borrowed: the builtins of the running frame (the interpreter's when none runs).
#[no_mangle]
pub unsafe extern "C" fn PyEval_GetBuiltins() -> *mut PyObject {
    vm::current_builtins()
}

/// New reference to the builtins of the current frame (the interpreter's when
/// no frame runs).
#[no_mangle]
pub unsafe extern "C" fn PyEval_GetFrameBuiltins() -> *mut PyObject {
    let b = PyEval_GetBuiltins();
    if !b.is_null() {
        Py_INCREF(b);
    }
    b
}

/// Borrowed: the running frame's globals; NULL without an exception when none runs.
#[no_mangle]
pub unsafe extern "C" fn PyEval_GetGlobals() -> *mut PyObject {
    vm::current_globals()
}

#[no_mangle]
pub unsafe extern "C" fn PyEval_GetFrameGlobals() -> *mut PyObject {
    let g = vm::current_globals();
    if !g.is_null() {
        Py_INCREF(g);
    }
    g
}

/// Borrowed: the running frame object (made on demand and kept by the frame).
#[no_mangle]
pub unsafe extern "C" fn PyEval_GetFrame() -> *mut PyObject {
    guard!(null_mut(), {
        let f = vm::current_frame();
        if !f.is_null() {
            // The frame holds the object while it runs: hand out a borrowed one.
            carapace_core::object::Py_DECREF(f);
        }
        f
    })
}

/// Borrowed (CPython keeps the snapshot in the frame): the running frame's locals.
#[no_mangle]
pub unsafe extern "C" fn PyEval_GetLocals() -> *mut PyObject {
    guard!(null_mut(), {
        let l = vm::current_locals();
        if l.is_null() {
            if errors::raised().is_null() {
                return carapace_core::raise_null!(PyExc_SystemError, "frame does not exist");
            }
            return l;
        }
        // Kept alive by the thread for the caller to borrow, as CPython keeps it
        // in the frame.
        LOCALS_SNAPSHOT.with(|c| carapace_core::object::Py_XDECREF(c.replace(l)));
        l
    })
}

thread_local! {
    /// The last `PyEval_GetLocals` result of this thread (a borrowed API).
    static LOCALS_SNAPSHOT: core::cell::Cell<*mut PyObject> = const { core::cell::Cell::new(null_mut()) };
}

#[no_mangle]
pub unsafe extern "C" fn PyEval_GetFrameLocals() -> *mut PyObject {
    guard!(null_mut(), {
        let l = vm::current_locals();
        if l.is_null() && errors::raised().is_null() {
            return carapace_core::raise_null!(PyExc_SystemError, "frame does not exist");
        }
        l
    })
}

/// `PyEval_EvalCode(co, globals, locals)`.
#[no_mangle]
pub unsafe extern "C" fn PyEval_EvalCode(
    co: *mut PyObject,
    globals: *mut PyObject,
    locals: *mut PyObject,
) -> *mut PyObject {
    guard!(null_mut(), {
        if globals.is_null() {
            return carapace_core::raise_null!(PyExc_SystemError, "PyEval_EvalCode: NULL globals");
        }
        if !code::is_code(co) {
            errors::bad_internal_call();
            return null_mut();
        }
        vm::eval_code(co, globals, locals)
    })
}

/// `PyEval_EvalCodeEx`: with arguments, defaults and a closure, the code runs as
/// the body of a function made for the call.
#[no_mangle]
pub unsafe extern "C" fn PyEval_EvalCodeEx(
    co: *mut PyObject,
    globals: *mut PyObject,
    locals: *mut PyObject,
    args: *const *mut PyObject,
    argc: c_int,
    kws: *const *mut PyObject,
    kwc: c_int,
    defs: *const *mut PyObject,
    defc: c_int,
    kwdefs: *mut PyObject,
    closure: *mut PyObject,
) -> *mut PyObject {
    guard!(null_mut(), {
        if globals.is_null() || !dict::is_dict(globals) {
            return carapace_core::raise_null!(
                PyExc_SystemError,
                "PyEval_EvalCodeEx: NULL globals"
            );
        }
        if !code::is_code(co) {
            errors::bad_internal_call();
            return null_mut();
        }
        let plain = argc == 0 && kwc == 0 && defc == 0 && kwdefs.is_null() && closure.is_null();
        if plain || (code::c(co).flags & carapace_core::bytecode::flags::OPTIMIZED == 0) {
            return vm::eval_code(co, globals, locals);
        }
        let func = function::new(co, globals);
        if func.is_null() {
            return func;
        }
        let func = Owned(func);
        let fo = function::f(func.as_ptr());
        let slice = |p: *const *mut PyObject, n: c_int| {
            if p.is_null() || n <= 0 {
                &[][..]
            } else {
                core::slice::from_raw_parts(p, n as usize)
            }
        };
        if defc > 0 {
            fo.defaults = tuple::from_slice(slice(defs, defc));
            if fo.defaults.is_null() {
                return null_mut();
            }
        }
        if !kwdefs.is_null() {
            fo.kwdefaults = carapace_core::object::new_ref(kwdefs);
        }
        if !closure.is_null() {
            fo.closure = carapace_core::object::new_ref(closure);
        }
        // Keyword arguments come as (name, value) pairs.
        let pairs = slice(kws, 2 * kwc);
        let mut all: Vec<*mut PyObject> = slice(args, argc).to_vec();
        let names: Vec<*mut PyObject> = pairs.chunks(2).map(|p| p[0]).collect();
        all.extend(pairs.chunks(2).map(|p| p[1]));
        let kwnames = if names.is_empty() {
            null_mut()
        } else {
            let t = tuple::from_slice(&names);
            if t.is_null() {
                return t;
            }
            t
        };
        let r = vm::call_function(func.as_ptr(), all.as_ptr(), argc.max(0) as usize, kwnames);
        carapace_core::object::Py_XDECREF(kwnames);
        r
    })
}

/// `PyEval_EvalFrame(Ex)`: resume the frame of a suspended generator (the only
/// kind of frame object that can still run).
#[no_mangle]
pub unsafe extern "C" fn PyEval_EvalFrameEx(f: *mut PyObject, throwflag: c_int) -> *mut PyObject {
    guard!(null_mut(), {
        if !frameobject::is_frame(f) {
            errors::bad_internal_call();
            return null_mut();
        }
        let fr = frameobject::frame_of(f);
        if fr.is_null() || (*fr).owner != carapace_core::vm::frame::Owner::Generator {
            return carapace_core::raise_null!(
                PyExc_SystemError,
                "PyEval_EvalFrame: the frame is not a suspended generator's"
            );
        }
        let g = genobject::gen_of_frame(fr);
        match genobject::send_ex(g, carapace_core::exported::none(), throwflag != 0) {
            Ok((v, _)) => v,
            Err(()) => null_mut(),
        }
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyEval_EvalFrame(f: *mut PyObject) -> *mut PyObject {
    PyEval_EvalFrameEx(f, 0)
}

/// The name of a function object (`ml_name` of a C function), else the type's name.
#[no_mangle]
pub unsafe extern "C" fn PyEval_GetFuncName(func: *mut PyObject) -> *const c_char {
    if methodobject::is_cfunction(func) {
        let f = func as *mut methodobject::CFunctionObject;
        return (*(*f).m_ml).ml_name;
    }
    if function::is_method(func) {
        return PyEval_GetFuncName(function::m(func).func);
    }
    if function::is_function(func) {
        let p = carapace_core::objects::unicode::as_utf8(function::f(func).name, null_mut());
        if p.is_null() {
            errors::clear();
            return c"?".as_ptr();
        }
        return p;
    }
    typeobject::tp_name_ptr((*func).ob_type)
}

#[no_mangle]
pub unsafe extern "C" fn PyEval_GetFuncDesc(func: *mut PyObject) -> *const c_char {
    if methodobject::is_cfunction(func) || is_python_function(func) {
        c"()".as_ptr()
    } else {
        c" object".as_ptr()
    }
}

unsafe fn is_python_function(o: *mut PyObject) -> bool {
    function::is_function(o) || function::is_method(o)
}

// ------------------------------------------------------------------ pending calls

type PendingFn = unsafe extern "C" fn(*mut c_void) -> c_int;

/// CPython's queue size for the main thread.
const NPENDINGCALLS: usize = 32;

struct Pending(PendingFn, *mut c_void);
unsafe impl Send for Pending {}

static PENDING: std::sync::Mutex<Vec<Pending>> = std::sync::Mutex::new(Vec::new());

/// Queue `func(arg)` for the main thread; -1 when the queue is full.
#[no_mangle]
pub unsafe extern "C" fn Py_AddPendingCall(func: Option<PendingFn>, arg: *mut c_void) -> c_int {
    let Some(func) = func else {
        return -1;
    };
    let mut q = PENDING.lock().unwrap_or_else(|e| e.into_inner());
    if q.len() >= NPENDINGCALLS {
        return -1;
    }
    q.push(Pending(func, arg));
    0
}

/// Run the queued calls (main thread only, as in CPython); -1 with the exception
/// of the first that fails (the rest stay queued). Also a safe point for an
/// exception scheduled by `PyThreadState_SetAsyncExc`.
#[no_mangle]
pub unsafe extern "C" fn Py_MakePendingCalls() -> c_int {
    guard!(-1, {
        if pystate::raise_async_exc().is_err() {
            return -1;
        }
        if !carapace_core::lifecycle::is_main_thread() {
            return 0;
        }
        loop {
            let next = {
                let mut q = PENDING.lock().unwrap_or_else(|e| e.into_inner());
                if q.is_empty() {
                    None
                } else {
                    Some(q.remove(0))
                }
            };
            let Some(Pending(f, arg)) = next else {
                return 0;
            };
            if f(arg) != 0 {
                if carapace_core::errors::raised().is_null() {
                    carapace_core::errors::set_string(
                        carapace_core::objects::exceptions::exc(&raw mut PyExc_SystemError),
                        "pending call failed without setting an exception",
                    );
                }
                return -1;
            }
        }
    })
}

// ------------------------------------------------------------------ recursion

#[no_mangle]
pub unsafe extern "C" fn Py_GetRecursionLimit() -> c_int {
    vm::recursion_limit()
}

/// Sets the limit as given (no checks, as CPython's C function).
#[no_mangle]
pub unsafe extern "C" fn Py_SetRecursionLimit(limit: c_int) {
    proto::RECURSION_LIMIT.store(limit, core::sync::atomic::Ordering::Relaxed)
}

/// CPython's stack margin (`_PyOS_STACK_MARGIN_BYTES`): 2048 words.
const STACK_MARGIN: usize = 2048 * core::mem::size_of::<usize>();

thread_local! {
    /// (top of the stack, soft limit, hard limit) of this thread's C stack.
    static STACK: core::cell::Cell<(usize, usize, usize)> = const { core::cell::Cell::new((0, 0, 0)) };
}

/// This thread's stack bounds, as CPython computes its C recursion limits: the
/// soft limit two margins above the bottom, the hard limit one margin above.
fn stack_limits() -> (usize, usize, usize) {
    let cur = STACK.with(|s| s.get());
    if cur.0 != 0 {
        return cur;
    }
    let mut r = (usize::MAX, 0, 0);
    unsafe {
        let mut attr: libc::pthread_attr_t = core::mem::zeroed();
        if libc::pthread_getattr_np(libc::pthread_self(), &mut attr) == 0 {
            let mut addr: *mut c_void = null_mut();
            let mut size: usize = 0;
            if libc::pthread_attr_getstack(&attr, &mut addr, &mut size) == 0 {
                let base = addr as usize;
                r = (base + size, base + 2 * STACK_MARGIN, base + STACK_MARGIN);
            }
            libc::pthread_attr_destroy(&mut attr);
        }
    }
    STACK.with(|s| s.set(r));
    r
}

#[inline(never)]
fn here() -> usize {
    let x = 0u8;
    core::hint::black_box(&x) as *const u8 as usize
}

/// 0, or -1 with `RecursionError` when the C stack is nearly used up (CPython
/// 3.14+ measures the stack, not a call count).
unsafe fn check_stack(where_: *const c_char) -> c_int {
    let (top, soft, hard) = stack_limits();
    let sp = here();
    if sp >= soft {
        return 0;
    }
    let used_kb = (top.saturating_sub(sp) / 1024) as i64;
    if sp < hard {
        crate::lifecycle::fatal(&format!(
            "Unrecoverable stack overflow (used {used_kb} kB){}",
            crate::guard::cstr(where_)
        ));
    }
    let _: carapace_core::object::PyResult<()> = carapace_core::raise!(
        PyExc_RecursionError,
        "Stack overflow (used {} kB){}",
        used_kb,
        crate::guard::cstr(where_)
    );
    -1
}

#[no_mangle]
pub unsafe extern "C" fn Py_EnterRecursiveCall(where_: *const c_char) -> c_int {
    guard!(-1, { check_stack(where_) })
}

/// Nothing to undo: the check measures the stack.
#[no_mangle]
pub unsafe extern "C" fn Py_LeaveRecursiveCall() {}

#[no_mangle]
pub unsafe extern "C" fn _Py_CheckRecursiveCall(_ts: *mut c_void, where_: *const c_char) -> c_int {
    guard!(-1, { check_stack(where_) })
}

#[no_mangle]
pub unsafe extern "C" fn Py_ReprEnter(o: *mut PyObject) -> c_int {
    proto::repr_enter(o)
}

#[no_mangle]
pub unsafe extern "C" fn Py_ReprLeave(o: *mut PyObject) {
    proto::repr_leave(o)
}
