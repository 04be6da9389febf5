//! Thread states, attaching and detaching, stop-the-world, and the legacy fallback lock.
//!
//! There is no GIL by default. A thread that uses the C API is *attached* (it holds
//! its `ThreadState`) between `PyGILState_Ensure`/`PyEval_RestoreThread` and
//! `PyGILState_Release`/`PyEval_SaveThread`. Attached threads hold the shared side of
//! the world lock, so `stop_the_world` (exclusive side) waits until every other thread
//! has detached and keeps new ones out: the cycle collector and the switch to the
//! legacy lock run stopped.
//!
//! The legacy lock is CPython 3.13t's fallback GIL: when a module that does not
//! declare free-threading support is loaded, it is switched on (with the world
//! stopped), and from then on attaching also takes it, so non-atomic inline refcount
//! updates compiled into old binaries never race.

use core::cell::Cell;
use core::ptr::null_mut;
use core::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use parking_lot::lock_api::{RawMutex as _, RawRwLock as _};

use crate::object::{PyObject, Py_XDECREF};

/// What `PyThreadState*` points at (opaque to C).
pub struct ThreadState {
    /// The exception being raised (normalised instance), or NULL.
    pub curexc: *mut PyObject,
    /// The exception being handled (`sys.exception()`), or NULL.
    pub exc_info: *mut PyObject,
    /// `PyThreadState_GetDict`.
    pub dict: *mut PyObject,
    pub id: u64,
    pub native_id: u64,
    pub pthread: libc::pthread_t,
    /// Nesting of `PyGILState_Ensure` on this thread.
    pub gilstate_counter: i32,
    /// Attached: holds the shared world lock (and the legacy lock if it is on).
    pub attached: bool,
    pub holds_legacy_lock: bool,
    /// Created by `PyGILState_Ensure` for a thread the runtime did not know.
    pub auto_created: bool,
    /// C recursion depth (`Py_EnterRecursiveCall`).
    pub recursion_depth: i32,
}

/// `PyInterpreterState*` points at this (there is one interpreter).
pub struct Interp {
    pub id: i64,
    pub modules: *mut PyObject,
    pub sysdict: *mut PyObject,
    pub builtins: *mut PyObject,
    pub dict: *mut PyObject,
}

pub static mut MAIN_INTERP: Interp = Interp {
    id: 0,
    modules: null_mut(),
    sysdict: null_mut(),
    builtins: null_mut(),
    dict: null_mut(),
};

pub fn interp() -> *mut Interp {
    &raw mut MAIN_INTERP
}

thread_local! {
    /// The state this thread is attached with (NULL when detached).
    static CURRENT: Cell<*mut ThreadState> = const { Cell::new(null_mut()) };
    /// The state `PyGILState_*` uses for this thread.
    static GILSTATE: Cell<*mut ThreadState> = const { Cell::new(null_mut()) };
}

static WORLD: parking_lot::RawRwLock = parking_lot::RawRwLock::INIT;
static LEGACY_LOCK: parking_lot::RawMutex = parking_lot::RawMutex::INIT;
static LEGACY_ON: AtomicBool = AtomicBool::new(false);
/// Set by `-X gil=0` / `PYTHON_GIL=0`: never switch the legacy lock on.
pub static LEGACY_FORBIDDEN: AtomicBool = AtomicBool::new(false);
static NEXT_ID: AtomicU64 = AtomicU64::new(1);
static REGISTRY: parking_lot::Mutex<Vec<usize>> = parking_lot::Mutex::new(Vec::new());

/// Whether the legacy fallback lock is on (`sys._is_gil_enabled()`).
pub fn legacy_lock_enabled() -> bool {
    LEGACY_ON.load(Ordering::Acquire)
}

pub fn new_thread_state() -> *mut ThreadState {
    let ts = Box::into_raw(Box::new(ThreadState {
        curexc: null_mut(),
        exc_info: null_mut(),
        dict: null_mut(),
        id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
        native_id: unsafe { libc::gettid() } as u64,
        pthread: unsafe { libc::pthread_self() },
        gilstate_counter: 0,
        attached: false,
        holds_legacy_lock: false,
        auto_created: false,
        recursion_depth: 0,
    }));
    REGISTRY.lock().push(ts as usize);
    ts
}

/// Free a detached thread state (`PyThreadState_Delete`).
pub unsafe fn delete_thread_state(ts: *mut ThreadState) {
    if ts.is_null() {
        return;
    }
    REGISTRY.lock().retain(|&p| p != ts as usize);
    let t = Box::from_raw(ts);
    Py_XDECREF(t.curexc);
    Py_XDECREF(t.exc_info);
    Py_XDECREF(t.dict);
    GILSTATE.with(|g| {
        if g.get() == ts {
            g.set(null_mut())
        }
    });
}

/// Clear the objects a thread state holds (`PyThreadState_Clear`).
pub unsafe fn clear_thread_state(ts: *mut ThreadState) {
    let t = &mut *ts;
    crate::object::xsetref(&mut t.curexc, null_mut());
    crate::object::xsetref(&mut t.exc_info, null_mut());
    crate::object::xsetref(&mut t.dict, null_mut());
}

#[inline]
pub fn current() -> *mut ThreadState {
    CURRENT.with(|c| c.get())
}

/// The thread state for API calls: the attached one, else this thread's own
/// (created on first use). Never NULL.
#[inline]
pub fn tstate() -> *mut ThreadState {
    let ts = current();
    if !ts.is_null() {
        return ts;
    }
    gilstate_tstate()
}

/// This thread's `PyGILState` thread state, created on first use.
pub fn gilstate_tstate() -> *mut ThreadState {
    GILSTATE.with(|g| {
        let mut ts = g.get();
        if ts.is_null() {
            ts = new_thread_state();
            unsafe { (*ts).auto_created = true };
            g.set(ts);
        }
        ts
    })
}

/// Make `ts` the state this thread runs with (`PyGILState_Ensure` binds it).
pub fn bind_gilstate(ts: *mut ThreadState) {
    GILSTATE.with(|g| {
        if g.get().is_null() {
            g.set(ts)
        }
    });
}

pub fn gilstate_lookup() -> *mut ThreadState {
    GILSTATE.with(|g| g.get())
}

/// Attach `ts` to this thread (`PyEval_RestoreThread`).
pub unsafe fn attach(ts: *mut ThreadState) {
    let t = &mut *ts;
    if t.attached {
        CURRENT.with(|c| c.set(ts));
        return;
    }
    WORLD.lock_shared();
    if LEGACY_ON.load(Ordering::Acquire) {
        LEGACY_LOCK.lock();
        t.holds_legacy_lock = true;
    }
    t.attached = true;
    CURRENT.with(|c| c.set(ts));
}

/// Detach this thread (`PyEval_SaveThread`); returns the state that was attached.
pub unsafe fn detach() -> *mut ThreadState {
    let ts = current();
    if ts.is_null() {
        return ts;
    }
    let t = &mut *ts;
    if t.attached {
        t.attached = false;
        if t.holds_legacy_lock {
            t.holds_legacy_lock = false;
            LEGACY_LOCK.unlock();
        }
        WORLD.unlock_shared();
    }
    CURRENT.with(|c| c.set(null_mut()));
    ts
}

/// Swap the attached state (`PyThreadState_Swap`).
pub unsafe fn swap(new: *mut ThreadState) -> *mut ThreadState {
    let old = detach();
    if !new.is_null() {
        attach(new);
    }
    old
}

/// Run `f` with every other thread detached and kept out.
pub unsafe fn stop_the_world<R>(f: impl FnOnce() -> R) -> R {
    let me = detach();
    WORLD.lock_exclusive();
    let r = f();
    WORLD.unlock_exclusive();
    if !me.is_null() {
        attach(me);
    }
    r
}

/// Switch the legacy fallback lock on (a module without `Py_mod_gil` was loaded).
/// Returns false when `-X gil=0` forbids it.
pub unsafe fn enable_legacy_lock() -> bool {
    if LEGACY_ON.load(Ordering::Acquire) {
        return true;
    }
    if LEGACY_FORBIDDEN.load(Ordering::Relaxed) {
        return false;
    }
    stop_the_world(|| LEGACY_ON.store(true, Ordering::Release));
    true
}

/// Temporarily give the legacy lock to other threads (a long-running caller's
/// switch point); no-op when it is off.
pub unsafe fn yield_legacy_lock() {
    let ts = current();
    if !ts.is_null() && (*ts).holds_legacy_lock {
        LEGACY_LOCK.unlock();
        std::thread::yield_now();
        LEGACY_LOCK.lock();
    }
}

/// Snapshot of all thread states (for `PyInterpreterState_ThreadHead` and finalisation).
pub fn all_thread_states() -> Vec<*mut ThreadState> {
    REGISTRY
        .lock()
        .iter()
        .map(|&p| p as *mut ThreadState)
        .collect()
}
