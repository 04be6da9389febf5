//! `PyEval_Get*` (the running frame's namespaces: no Python frame runs yet, so
//! the answers are CPython's for "no frame"), pending calls, recursion guards and
//! `Py_ReprEnter`/`Py_ReprLeave`.

use core::ffi::{c_char, c_int, c_void};
use core::ptr::null_mut;

use carapace_core::exported::*;
use carapace_core::object::{PyObject, Py_INCREF};
use carapace_core::objects::{methodobject, typeobject};
use carapace_core::protocols::object as proto;
use carapace_core::pystate;

/// Borrowed: the `builtins` module's dict.
#[no_mangle]
pub unsafe extern "C" fn PyEval_GetBuiltins() -> *mut PyObject {
    (*pystate::interp()).builtins
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

/// No frame runs: NULL without an exception.
#[no_mangle]
pub unsafe extern "C" fn PyEval_GetGlobals() -> *mut PyObject {
    null_mut()
}

#[no_mangle]
pub unsafe extern "C" fn PyEval_GetFrameGlobals() -> *mut PyObject {
    null_mut()
}

#[no_mangle]
pub unsafe extern "C" fn PyEval_GetFrame() -> *mut PyObject {
    null_mut()
}

#[no_mangle]
pub unsafe extern "C" fn PyEval_GetLocals() -> *mut PyObject {
    carapace_core::raise_null!(PyExc_SystemError, "frame does not exist")
}

#[no_mangle]
pub unsafe extern "C" fn PyEval_GetFrameLocals() -> *mut PyObject {
    carapace_core::raise_null!(PyExc_SystemError, "frame does not exist")
}

/// The name of a function object (`ml_name` of a C function), else the type's name.
#[no_mangle]
pub unsafe extern "C" fn PyEval_GetFuncName(func: *mut PyObject) -> *const c_char {
    if methodobject::is_cfunction(func) {
        let f = func as *mut methodobject::CFunctionObject;
        return (*(*f).m_ml).ml_name;
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

/// Python functions and bound methods (by type name: their types belong to the
/// language runtime).
unsafe fn is_python_function(o: *mut PyObject) -> bool {
    matches!(typeobject::tp_name((*o).ob_type), "function" | "method")
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
    proto::RECURSION_LIMIT.load(core::sync::atomic::Ordering::Relaxed)
}

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
