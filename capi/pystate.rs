//! Thread states, `PyGILState_*`, attaching/detaching (`PyEval_SaveThread` & co),
//! the interpreter state, PEP 788 guards and views, and critical sections.
//!
//! Carapace has no GIL: "holding the GIL" means having an attached thread state
//! (`core/src/pystate.rs`). When the legacy fallback lock is on, attaching also
//! takes it.

use core::ffi::{c_int, c_ulong, c_void};
use core::ptr::null_mut;
use core::sync::atomic::Ordering;

use carapace_core::critical::{self, CriticalSection, CriticalSection2};
use carapace_core::exported::*;
use carapace_core::lifecycle as life;
use carapace_core::object::{PyObject, Py_XDECREF, Py_XINCREF};
use carapace_core::objects::{dict, exceptions};
use carapace_core::pystate::{self, Interp, ThreadState};

use crate::lifecycle::fatal;

const NO_TSTATE: &str = "the function must be called with the GIL held, after Python initialization and before Python finalization, but the GIL is released (the current Python thread state is NULL)";

/// `PyGILState_STATE`.
const PYGILSTATE_LOCKED: c_int = 0;
const PYGILSTATE_UNLOCKED: c_int = 1;

fn current_or_fatal(func: &str) -> *mut ThreadState {
    let ts = pystate::current();
    if ts.is_null() {
        fatal(&format!("{func}: {NO_TSTATE}"));
    }
    ts
}

// ------------------------------------------------------------------ PyGILState

#[no_mangle]
pub unsafe extern "C" fn PyGILState_Ensure() -> c_int {
    let mut ts = pystate::gilstate_lookup();
    let has = if ts.is_null() {
        // A thread the runtime does not know: a new state, deleted by the
        // matching outermost PyGILState_Release.
        ts = pystate::new_thread_state();
        (*ts).auto_created = true;
        (*ts).gilstate_counter = 0;
        pystate::set_gilstate(ts);
        false
    } else {
        pystate::current() == ts && (*ts).attached
    };
    if !has {
        pystate::attach(ts);
    }
    (*ts).gilstate_counter += 1;
    if has {
        PYGILSTATE_LOCKED
    } else {
        PYGILSTATE_UNLOCKED
    }
}

#[no_mangle]
pub unsafe extern "C" fn PyGILState_Release(oldstate: c_int) {
    let ts = pystate::gilstate_lookup();
    if ts.is_null() {
        fatal(
            "PyGILState_Release: auto-releasing thread-state, but no thread-state for this thread",
        );
    }
    if pystate::current() != ts {
        fatal(&format!(
            "PyGILState_Release: thread state {ts:p} must be current when releasing"
        ));
    }
    (*ts).gilstate_counter -= 1;
    if (*ts).gilstate_counter == 0 {
        pystate::clear_thread_state(ts);
        pystate::detach();
        pystate::delete_thread_state(ts);
    } else if oldstate == PYGILSTATE_UNLOCKED {
        pystate::detach();
    }
}

#[no_mangle]
pub unsafe extern "C" fn PyGILState_GetThisThreadState() -> *mut ThreadState {
    pystate::gilstate_lookup()
}

// ------------------------------------------------------------------ PyEval

#[no_mangle]
pub unsafe extern "C" fn PyEval_SaveThread() -> *mut ThreadState {
    let ts = current_or_fatal("PyEval_SaveThread");
    pystate::detach();
    ts
}

#[no_mangle]
pub unsafe extern "C" fn PyEval_RestoreThread(ts: *mut ThreadState) {
    if ts.is_null() {
        fatal("PyEval_RestoreThread: NULL tstate");
    }
    pystate::attach(ts);
}

#[no_mangle]
pub unsafe extern "C" fn PyEval_AcquireThread(ts: *mut ThreadState) {
    if ts.is_null() {
        fatal("PyEval_AcquireThread: NULL thread state");
    }
    pystate::attach(ts);
}

#[no_mangle]
pub unsafe extern "C" fn PyEval_ReleaseThread(ts: *mut ThreadState) {
    if ts.is_null() {
        fatal("PyEval_ReleaseThread: NULL thread state");
    }
    if pystate::current() != ts {
        fatal("PyEval_ReleaseThread: wrong thread state");
    }
    pystate::detach();
}

thread_local! {
    static HOLDS_RAW_LEGACY: core::cell::Cell<bool> = const { core::cell::Cell::new(false) };
}

/// Deprecated: takes "the GIL" without a thread state, i.e. the legacy lock
/// when it is on (there is nothing to take otherwise).
#[no_mangle]
pub unsafe extern "C" fn PyEval_AcquireLock() {
    if !HOLDS_RAW_LEGACY.with(|c| c.get()) && pystate::acquire_legacy_lock_raw() {
        HOLDS_RAW_LEGACY.with(|c| c.set(true));
    }
}

#[no_mangle]
pub unsafe extern "C" fn PyEval_ReleaseLock() {
    if HOLDS_RAW_LEGACY.with(|c| c.replace(false)) {
        pystate::release_legacy_lock_raw();
    }
}

/// Does nothing since 3.9 (threads are always ready), as in CPython.
#[no_mangle]
pub unsafe extern "C" fn PyEval_InitThreads() {}

#[no_mangle]
pub unsafe extern "C" fn PyEval_ThreadsInitialized() -> c_int {
    life::is_initialized() as c_int
}

// ------------------------------------------------------------------ PyThreadState

#[no_mangle]
pub unsafe extern "C" fn PyThreadState_New(_interp: *mut Interp) -> *mut ThreadState {
    let ts = pystate::new_thread_state();
    pystate::bind_gilstate(ts);
    ts
}

/// Kept by CPython for the Stable ABI: a state that is not bound to the thread.
#[no_mangle]
pub unsafe extern "C" fn _PyThreadState_Prealloc(_interp: *mut Interp) -> *mut ThreadState {
    pystate::new_thread_state()
}

/// CPython keeps it only for ABI compatibility and makes it a fatal error.
#[no_mangle]
pub unsafe extern "C" fn _PyThreadState_Init(_ts: *mut ThreadState) {
    fatal("_PyThreadState_Init() is for internal use only")
}

#[no_mangle]
pub unsafe extern "C" fn PyThreadState_Clear(ts: *mut ThreadState) {
    if ts.is_null() {
        return;
    }
    guard!((), { pystate::clear_thread_state(ts) });
}

#[no_mangle]
pub unsafe extern "C" fn PyThreadState_Delete(ts: *mut ThreadState) {
    if ts.is_null() {
        return;
    }
    if pystate::current() == ts && (*ts).attached {
        fatal(&format!(
            "PyThreadState_Delete: tstate {ts:p} is still current"
        ));
    }
    pystate::delete_thread_state(ts);
}

#[no_mangle]
pub unsafe extern "C" fn PyThreadState_DeleteCurrent() {
    let ts = current_or_fatal("PyThreadState_DeleteCurrent");
    pystate::detach();
    pystate::delete_thread_state(ts);
}

#[no_mangle]
pub unsafe extern "C" fn PyThreadState_Get() -> *mut ThreadState {
    current_or_fatal("PyThreadState_Get")
}

#[no_mangle]
pub unsafe extern "C" fn PyThreadState_Swap(new: *mut ThreadState) -> *mut ThreadState {
    pystate::swap(new)
}

/// Borrowed; NULL without an exception when no thread state is attached.
#[no_mangle]
pub unsafe extern "C" fn PyThreadState_GetDict() -> *mut PyObject {
    let ts = pystate::current();
    if ts.is_null() {
        return null_mut();
    }
    if (*ts).dict.is_null() {
        let d = dict::new();
        if d.is_null() {
            carapace_core::errors::clear();
            return null_mut();
        }
        (*ts).dict = d;
    }
    (*ts).dict
}

/// Schedule `exc` (NULL: cancel) to be raised in the thread whose
/// `PyThread_get_thread_ident()` is `id`, at its next safe point. Returns the
/// number of thread states changed.
#[no_mangle]
pub unsafe extern "C" fn PyThreadState_SetAsyncExc(id: c_ulong, exc: *mut PyObject) -> c_int {
    for ts in pystate::all_thread_states() {
        if (*ts).pthread as c_ulong == id {
            Py_XINCREF(exc);
            Py_XDECREF((*ts).async_exc.swap(exc, Ordering::AcqRel));
            return 1;
        }
    }
    0
}

#[no_mangle]
pub unsafe extern "C" fn PyThreadState_GetInterpreter(ts: *mut ThreadState) -> *mut Interp {
    if ts.is_null() {
        fatal("PyThreadState_GetInterpreter: NULL thread state");
    }
    pystate::interp()
}

/// No Python frames run yet: NULL (no exception), as CPython when none runs.
#[no_mangle]
pub unsafe extern "C" fn PyThreadState_GetFrame(ts: *mut ThreadState) -> *mut PyObject {
    if ts.is_null() {
        fatal("PyThreadState_GetFrame: NULL thread state");
    }
    null_mut()
}

#[no_mangle]
pub unsafe extern "C" fn PyThreadState_GetID(ts: *mut ThreadState) -> u64 {
    if ts.is_null() {
        fatal("PyThreadState_GetID: NULL thread state");
    }
    (*ts).id
}

// ------------------------------------------------------------------ interpreter

#[no_mangle]
pub unsafe extern "C" fn PyInterpreterState_Get() -> *mut Interp {
    current_or_fatal("PyInterpreterState_Get");
    pystate::interp()
}

#[no_mangle]
pub unsafe extern "C" fn PyInterpreterState_GetID(interp: *mut Interp) -> i64 {
    if interp.is_null() {
        carapace_core::errors::set_string(
            exceptions::exc(&raw mut PyExc_RuntimeError),
            "no interpreter provided",
        );
        return -1;
    }
    (*interp).id
}

/// Borrowed; NULL without an exception when it cannot be created.
#[no_mangle]
pub unsafe extern "C" fn PyInterpreterState_GetDict(interp: *mut Interp) -> *mut PyObject {
    if interp.is_null() {
        return null_mut();
    }
    let d = pystate::interp_dict();
    if d.is_null() {
        carapace_core::errors::clear();
    }
    d
}

// ------------------------------------------------------------------ PEP 788

/// `PyInterpreterGuard`: keeps the interpreter from finalising while held.
struct Guard {
    _interp: *mut Interp,
}

/// `PyInterpreterView`: names the interpreter without keeping it alive.
struct View {
    _interp: *mut Interp,
}

unsafe fn new_guard() -> *mut c_void {
    life::GUARDS.fetch_add(1, Ordering::AcqRel);
    if life::is_finalizing() || !life::is_initialized() {
        life::GUARDS.fetch_sub(1, Ordering::AcqRel);
        return null_mut();
    }
    Box::into_raw(Box::new(Guard {
        _interp: pystate::interp(),
    })) as *mut c_void
}

#[no_mangle]
pub unsafe extern "C" fn PyInterpreterGuard_FromCurrent() -> *mut c_void {
    guard!(null_mut(), {
        current_or_fatal("PyInterpreterGuard_FromCurrent");
        let g = new_guard();
        if g.is_null() {
            carapace_core::errors::set_string(
                exceptions::exc(&raw mut PyExc_RuntimeError),
                "cannot acquire finalization guard anymore",
            );
        }
        g
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyInterpreterGuard_Close(guard: *mut c_void) {
    if guard.is_null() {
        return;
    }
    drop(Box::from_raw(guard as *mut Guard));
    life::GUARDS.fetch_sub(1, Ordering::AcqRel);
}

/// NULL without an exception when the interpreter is finalising or gone.
#[no_mangle]
pub unsafe extern "C" fn PyInterpreterGuard_FromView(view: *mut c_void) -> *mut c_void {
    if view.is_null() {
        return null_mut();
    }
    new_guard()
}

#[no_mangle]
pub unsafe extern "C" fn PyInterpreterView_FromCurrent() -> *mut c_void {
    current_or_fatal("PyInterpreterView_FromCurrent");
    Box::into_raw(Box::new(View {
        _interp: pystate::interp(),
    })) as *mut c_void
}

#[no_mangle]
pub unsafe extern "C" fn PyInterpreterView_FromMain() -> *mut c_void {
    Box::into_raw(Box::new(View {
        _interp: pystate::interp(),
    })) as *mut c_void
}

#[no_mangle]
pub unsafe extern "C" fn PyInterpreterView_Close(view: *mut c_void) {
    if !view.is_null() {
        drop(Box::from_raw(view as *mut View));
    }
}

/// A `PyThreadStateToken`: what `PyThreadState_Release` needs to undo an Ensure.
struct Token {
    /// The state that was attached before (restored by Release), or NULL.
    prev: *mut ThreadState,
    /// The state Ensure attached.
    ts: *mut ThreadState,
    /// A guard this Ensure took itself (from a view) and Release closes.
    owned_guard: *mut c_void,
}

unsafe fn ensure(owned_guard: *mut c_void) -> *mut c_void {
    let prev = pystate::current();
    let ts = if !prev.is_null() && (*prev).attached {
        prev
    } else {
        let bound = pystate::gilstate_lookup();
        if bound.is_null() {
            let ts = pystate::new_thread_state();
            (*ts).ensure_delete = true;
            pystate::set_gilstate(ts);
            ts
        } else {
            bound
        }
    };
    if ts != prev {
        pystate::swap(ts);
    }
    (*ts).ensure_counter += 1;
    Box::into_raw(Box::new(Token {
        prev,
        ts,
        owned_guard,
    })) as *mut c_void
}

/// PEP 788: attach a thread state for the guard's interpreter (the current one
/// when it is already attached), returning a token for `PyThreadState_Release`.
#[no_mangle]
pub unsafe extern "C" fn PyThreadState_Ensure(guard: *mut c_void) -> *mut c_void {
    if guard.is_null() {
        return null_mut();
    }
    ensure(null_mut())
}

#[no_mangle]
pub unsafe extern "C" fn PyThreadState_EnsureFromView(view: *mut c_void) -> *mut c_void {
    let g = PyInterpreterGuard_FromView(view);
    if g.is_null() {
        return null_mut();
    }
    ensure(g)
}

#[no_mangle]
pub unsafe extern "C" fn PyThreadState_Release(token: *mut c_void) {
    if token.is_null() {
        return;
    }
    let t = Box::from_raw(token as *mut Token);
    let ts = t.ts;
    (*ts).ensure_counter -= 1;
    if (*ts).ensure_counter == 0 && (*ts).ensure_delete {
        pystate::clear_thread_state(ts);
        pystate::detach();
        pystate::delete_thread_state(ts);
        if !t.prev.is_null() && t.prev != ts {
            pystate::attach(t.prev);
        }
    } else if t.prev != ts {
        pystate::swap(t.prev);
    }
    PyInterpreterGuard_Close(t.owned_guard);
}

// ------------------------------------------------------------------ critical sections

#[no_mangle]
pub unsafe extern "C" fn PyCriticalSection_Begin(c: *mut CriticalSection, op: *mut PyObject) {
    critical::begin(c, op)
}

#[no_mangle]
pub unsafe extern "C" fn PyCriticalSection_End(c: *mut CriticalSection) {
    critical::end(c)
}

#[no_mangle]
pub unsafe extern "C" fn PyCriticalSection2_Begin(
    c: *mut CriticalSection2,
    a: *mut PyObject,
    b: *mut PyObject,
) {
    critical::begin2(c, a, b)
}

#[no_mangle]
pub unsafe extern "C" fn PyCriticalSection2_End(c: *mut CriticalSection2) {
    critical::end2(c)
}
