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
use core::sync::atomic::{AtomicBool, AtomicPtr, AtomicU64, Ordering};

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
    /// Top of this thread's critical-section stack (`PyCriticalSection*`), tagged
    /// with `critical::INACTIVE` / `critical::TWO_MUTEXES` as in CPython.
    pub critical_section: usize,
    /// Exception scheduled by `PyThreadState_SetAsyncExc`, raised at the next safe point.
    pub async_exc: AtomicPtr<PyObject>,
    /// Created implicitly for a C API call from a thread that had none: deleted
    /// when the thread ends.
    pub implicit: bool,
    /// Nesting of `PyThreadState_Ensure` (PEP 788) and whether the outermost
    /// `PyThreadState_Release` deletes the state.
    pub ensure_counter: isize,
    pub ensure_delete: bool,
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
        gilstate_counter: 1,
        attached: false,
        holds_legacy_lock: false,
        auto_created: false,
        recursion_depth: 0,
        critical_section: 0,
        async_exc: AtomicPtr::new(null_mut()),
        implicit: false,
        ensure_counter: 0,
        ensure_delete: false,
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
    Py_XDECREF(t.async_exc.swap(null_mut(), Ordering::AcqRel));
    GILSTATE.with(|g| {
        if g.get() == ts {
            g.set(null_mut())
        }
    });
    if CURRENT.with(|c| c.get()) == ts {
        CURRENT.with(|c| c.set(null_mut()));
    }
}

/// Clear the objects a thread state holds (`PyThreadState_Clear`).
pub unsafe fn clear_thread_state(ts: *mut ThreadState) {
    let t = &mut *ts;
    crate::object::xsetref(&mut t.curexc, null_mut());
    crate::object::xsetref(&mut t.exc_info, null_mut());
    crate::object::xsetref(&mut t.dict, null_mut());
    Py_XDECREF(t.async_exc.swap(null_mut(), Ordering::AcqRel));
}

/// Is `ts` a live thread state (one this runtime created and has not deleted)?
pub fn is_live(ts: *mut ThreadState) -> bool {
    REGISTRY.lock().contains(&(ts as usize))
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

/// Deletes what the runtime made implicitly for this thread when the thread ends.
struct ThreadExit;

impl Drop for ThreadExit {
    fn drop(&mut self) {
        let ts = GILSTATE.with(|g| g.get());
        if ts.is_null() {
            return;
        }
        unsafe {
            if (*ts).implicit && !(*ts).attached && (*ts).critical_section == 0 {
                delete_thread_state(ts);
            }
        }
    }
}

thread_local! {
    static THREAD_EXIT: ThreadExit = const { ThreadExit };
}

/// This thread's `PyGILState` thread state, created on first use (a state made
/// here for a thread that never called `PyGILState_Ensure` is freed when it ends).
pub fn gilstate_tstate() -> *mut ThreadState {
    GILSTATE.with(|g| {
        let mut ts = g.get();
        if ts.is_null() {
            ts = new_thread_state();
            unsafe { (*ts).implicit = true };
            g.set(ts);
            let _ = THREAD_EXIT.try_with(|_| ());
        }
        ts
    })
}

/// Make `ts` this thread's `PyGILState` state if it has none (`PyThreadState_New`
/// binds the new state this way, as CPython does).
pub fn bind_gilstate(ts: *mut ThreadState) {
    GILSTATE.with(|g| {
        if g.get().is_null() {
            g.set(ts)
        }
    });
}

/// Make `ts` this thread's `PyGILState` state (`PyGILState_Ensure` on a thread the
/// runtime does not know).
pub fn set_gilstate(ts: *mut ThreadState) {
    GILSTATE.with(|g| g.set(ts));
}

pub fn gilstate_lookup() -> *mut ThreadState {
    GILSTATE.with(|g| g.get())
}

/// Take the world lock (shared) and the legacy lock if it is on.
unsafe fn take_world(t: &mut ThreadState) {
    WORLD.lock_shared();
    if LEGACY_ON.load(Ordering::Acquire) {
        LEGACY_LOCK.lock();
        t.holds_legacy_lock = true;
    }
}

unsafe fn drop_world(t: &mut ThreadState) {
    if t.holds_legacy_lock {
        t.holds_legacy_lock = false;
        LEGACY_LOCK.unlock();
    }
    WORLD.unlock_shared();
}

/// Attach `ts` to this thread (`PyEval_RestoreThread`): take the world lock, and
/// re-take the topmost critical section suspended when the thread detached.
pub unsafe fn attach(ts: *mut ThreadState) {
    let t = &mut *ts;
    if t.attached {
        CURRENT.with(|c| c.set(ts));
        return;
    }
    // One attached state per thread: attaching another one swaps.
    let cur = current();
    if !cur.is_null() && cur != ts {
        detach();
    }
    // A state attached on a thread without a PyGILState state becomes it (so a
    // nested PyGILState_Ensure finds it), and names that thread.
    if GILSTATE.with(|g| g.get()).is_null() {
        GILSTATE.with(|g| g.set(ts));
        t.pthread = libc::pthread_self();
        t.native_id = libc::gettid() as u64;
    }
    take_world(t);
    t.attached = true;
    CURRENT.with(|c| c.set(ts));
    if crate::critical::is_suspended(t.critical_section) {
        crate::critical::resume(ts);
    }
}

/// Detach this thread (`PyEval_SaveThread`); returns the state that was attached.
/// Its critical sections are suspended (their locks released) until it attaches.
pub unsafe fn detach() -> *mut ThreadState {
    let ts = current();
    if ts.is_null() {
        return ts;
    }
    let t = &mut *ts;
    if t.attached {
        crate::critical::suspend_all(ts);
        t.attached = false;
        drop_world(t);
    }
    CURRENT.with(|c| c.set(null_mut()));
    ts
}

/// Block on `m` the way CPython's `PyMutex_Lock` does: an attached thread that has
/// to wait detaches meanwhile (so a thread stopping the world, or one waiting for
/// a lock this thread holds in a critical section, is not blocked by it).
pub unsafe fn lock_detached(m: &crate::lock::RawLock) {
    if m.try_lock() {
        return;
    }
    let ts = current();
    if ts.is_null() || !(*ts).attached {
        m.lock_raw();
        return;
    }
    detach();
    m.lock_raw();
    attach(ts);
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
/// Returns false when `-X gil=0` forbids it. Refcounts are always updated
/// atomically on the +0 word, so there are no split counts to merge: stopping the
/// world only makes every thread re-attach (and so take the lock) from now on.
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

/// `PyEval_AcquireLock`/`PyEval_ReleaseLock`: the legacy lock by itself, for a
/// thread that is not attached (no-op when the lock is off).
pub fn acquire_legacy_lock_raw() -> bool {
    if LEGACY_ON.load(Ordering::Acquire) {
        LEGACY_LOCK.lock();
        true
    } else {
        false
    }
}

/// # Safety
/// The caller took the lock with `acquire_legacy_lock_raw`.
pub unsafe fn release_legacy_lock_raw() {
    LEGACY_LOCK.unlock();
}

/// Snapshot of all thread states (for `PyInterpreterState_ThreadHead` and finalisation).
pub fn all_thread_states() -> Vec<*mut ThreadState> {
    REGISTRY
        .lock()
        .iter()
        .map(|&p| p as *mut ThreadState)
        .collect()
}

/// Raise the exception scheduled by `PyThreadState_SetAsyncExc` for this thread,
/// if any (a safe point: `Py_MakePendingCalls`, `PyErr_CheckSignals`).
pub unsafe fn raise_async_exc() -> crate::object::PyResult<()> {
    let ts = current();
    if ts.is_null() {
        return Ok(());
    }
    let e = (*ts).async_exc.swap(null_mut(), Ordering::AcqRel);
    if e.is_null() {
        return Ok(());
    }
    crate::errors::set_object(e, null_mut());
    Py_XDECREF(e);
    Err(())
}

/// The interpreter's dict (`PyInterpreterState_GetDict`), created on first use.
pub unsafe fn interp_dict() -> *mut PyObject {
    let slot = AtomicPtr::from_ptr(&raw mut (*interp()).dict);
    let d = slot.load(Ordering::Acquire);
    if !d.is_null() {
        return d;
    }
    let new = crate::objects::dict::new();
    if new.is_null() {
        return new;
    }
    match slot.compare_exchange(null_mut(), new, Ordering::AcqRel, Ordering::Acquire) {
        Ok(_) => new,
        Err(other) => {
            crate::object::Py_DECREF(new);
            other
        }
    }
}

/// `PyThread_type_lock`: not recursive, may be released by another thread than
/// the one that acquired it, with timed acquisition.
pub struct ThreadLock(parking_lot::RawMutex);

impl ThreadLock {
    pub const fn new() -> ThreadLock {
        ThreadLock(parking_lot::RawMutex::INIT)
    }
    /// `timeout_us` < 0: wait forever; 0: try; > 0: wait that long.
    pub fn acquire(&self, timeout_us: i64) -> bool {
        use parking_lot::lock_api::RawMutexTimed as _;
        if timeout_us < 0 {
            self.0.lock();
            true
        } else if timeout_us == 0 {
            self.0.try_lock()
        } else {
            self.0
                .try_lock_for(std::time::Duration::from_micros(timeout_us as u64))
        }
    }
    /// Release if held (releasing an unlocked lock does nothing).
    pub fn release(&self) {
        if self.0.is_locked() {
            unsafe { self.0.unlock() }
        }
    }
}

impl Default for ThreadLock {
    fn default() -> Self {
        ThreadLock::new()
    }
}

// ---- fork ----------------------------------------------------------------------

thread_local! {
    /// The state detached by `before_fork`, re-attached after the fork.
    static FORKING: Cell<*mut ThreadState> = const { Cell::new(null_mut()) };
}

/// `PyOS_BeforeFork`: stop the world, so no other thread is inside the runtime
/// (holding an object lock, the legacy lock, a GC list) at the fork.
pub unsafe fn before_fork() {
    let me = detach();
    WORLD.lock_exclusive();
    FORKING.with(|f| f.set(me));
}

/// `PyOS_AfterFork_Parent`: let the world go on.
pub unsafe fn after_fork_parent() {
    let me = FORKING.with(|f| f.replace(null_mut()));
    WORLD.unlock_exclusive();
    if !me.is_null() {
        attach(me);
    }
}

/// `PyOS_AfterFork_Child`: only the forking thread exists in the child; the
/// states of the others are dropped (their threads are gone).
pub unsafe fn after_fork_child() {
    let me = FORKING.with(|f| f.replace(null_mut()));
    let mine = gilstate_lookup();
    let others: Vec<*mut ThreadState> = all_thread_states()
        .into_iter()
        .filter(|&t| t != me && t != mine)
        .collect();
    WORLD.unlock_exclusive();
    if !me.is_null() {
        attach(me);
    }
    for t in others {
        REGISTRY.lock().retain(|&p| p != t as usize);
        // Their objects may be shared with this thread: drop the references
        // but not the memory of states a dead thread might still point to.
        (*t).attached = false;
        (*t).holds_legacy_lock = false;
        clear_thread_state(t);
    }
}

// ---- SIGINT --------------------------------------------------------------------

static SIGINT_PENDING: AtomicBool = AtomicBool::new(false);

extern "C" fn on_sigint(_sig: libc::c_int) {
    SIGINT_PENDING.store(true, Ordering::Release);
}

/// `Py_InitializeEx(1)`: catch SIGINT when it has the default action (as CPython
/// does); ignore SIGPIPE and SIGXFSZ so that writes report errors instead.
pub unsafe fn install_signal_handlers() {
    let mut old: libc::sigaction = core::mem::zeroed();
    if libc::sigaction(libc::SIGINT, null_mut(), &mut old) == 0 && old.sa_sigaction == libc::SIG_DFL
    {
        let mut new: libc::sigaction = core::mem::zeroed();
        new.sa_sigaction = on_sigint as *const () as libc::sighandler_t;
        libc::sigemptyset(&mut new.sa_mask);
        new.sa_flags = libc::SA_ONSTACK;
        libc::sigaction(libc::SIGINT, &new, null_mut());
    }
    libc::signal(libc::SIGPIPE, libc::SIG_IGN);
    libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
}

/// Whether SIGINT arrived since the last call (clears it): `PyOS_InterruptOccurred`
/// and, for the errors area, `PyErr_CheckSignals`.
pub fn take_sigint() -> bool {
    SIGINT_PENDING.swap(false, Ordering::AcqRel)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::critical::{self, CriticalSection};
    use crate::lock::RawLock;
    use std::sync::atomic::AtomicUsize;

    struct Racy(core::cell::UnsafeCell<u64>);
    unsafe impl Sync for Racy {}

    /// Attached threads bump a counter non-atomically (what old binaries do to
    /// refcounts): exact once the legacy lock is on, switched on while they run.
    fn legacy_lock_serialises() {
        static COUNTER: Racy = Racy(core::cell::UnsafeCell::new(0));
        static STARTED: AtomicUsize = AtomicUsize::new(0);
        const THREADS: usize = 6;
        const ROUNDS: u64 = 2000;
        let mut hs = Vec::new();
        for _ in 0..THREADS {
            hs.push(std::thread::spawn(|| unsafe {
                let ts = new_thread_state();
                STARTED.fetch_add(1, Ordering::SeqCst);
                while !legacy_lock_enabled() {
                    attach(ts);
                    detach();
                }
                for _ in 0..ROUNDS {
                    attach(ts);
                    let v = *COUNTER.0.get();
                    std::thread::yield_now();
                    *COUNTER.0.get() = v + 1;
                    detach();
                }
                delete_thread_state(ts);
            }));
        }
        while STARTED.load(Ordering::SeqCst) < THREADS {
            std::thread::yield_now();
        }
        unsafe { assert!(enable_legacy_lock()) };
        for h in hs {
            h.join().unwrap();
        }
        assert_eq!(unsafe { *COUNTER.0.get() }, THREADS as u64 * ROUNDS);
    }

    /// A critical section is released while its thread is detached and taken
    /// back when it attaches; nested sections on one lock do not deadlock.
    fn critical_sections_suspend() {
        static M: RawLock = RawLock::new();
        unsafe {
            let ts = gilstate_tstate();
            attach(ts);
            let mut c = CriticalSection {
                prev: 0,
                mutex: core::ptr::null(),
            };
            critical::begin_mutex(&mut c, &M);
            assert!(M.is_locked());
            let mut inner = CriticalSection {
                prev: 0,
                mutex: core::ptr::null(),
            };
            critical::begin_mutex(&mut inner, &M); // already held by the top: no-op
            critical::end(&mut inner);
            assert!(M.is_locked());
            // The containers' own lock calls are borrowed from the section.
            M.lock();
            M.unlock();
            assert!(M.is_locked());
            let me = detach();
            assert!(!M.is_locked());
            let other = std::thread::spawn(|| {
                M.lock_raw();
                unsafe { M.unlock_raw() };
            });
            other.join().unwrap();
            attach(me);
            assert!(M.is_locked());
            critical::end(&mut c);
            assert!(!M.is_locked());
            assert_eq!((*ts).critical_section, 0);
            detach();
        }
    }

    #[test]
    fn threads() {
        critical_sections_suspend();
        legacy_lock_serialises();
    }
}
