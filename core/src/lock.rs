//! A one-byte object lock (per-object critical sections, `PyMutex`-sized), built on
//! `parking_lot`'s raw mutex: uncontended lock/unlock is one atomic instruction.

use parking_lot::lock_api::RawMutex as _;

#[repr(transparent)]
pub struct RawLock(parking_lot::RawMutex);

impl RawLock {
    pub const fn new() -> RawLock {
        RawLock(parking_lot::RawMutex::INIT)
    }
    /// Lock; on contention the slow path of `critical.rs` runs (the lock may
    /// already be held by this thread's innermost critical section, and a waiting
    /// thread detaches as CPython's `PyMutex_Lock` does).
    #[inline]
    pub fn lock(&self) {
        if !self.0.try_lock() {
            unsafe { crate::critical::lock_contended(self) }
        }
    }
    /// Block without the critical-section and detaching logic.
    #[inline]
    pub fn lock_raw(&self) {
        self.0.lock()
    }
    #[inline]
    pub fn try_lock(&self) -> bool {
        self.0.try_lock()
    }
    /// # Safety
    /// The calling thread holds the lock.
    #[inline]
    pub unsafe fn unlock(&self) {
        if !crate::critical::unlock_borrowed(self) {
            self.0.unlock()
        }
    }
    /// # Safety
    /// The calling thread holds the lock (taken with `lock_raw`/`try_lock`).
    #[inline]
    pub unsafe fn unlock_raw(&self) {
        self.0.unlock()
    }
    #[inline]
    pub fn is_locked(&self) -> bool {
        self.0.is_locked()
    }
    /// Run `f` with the lock held.
    #[inline]
    pub fn with<R>(&self, f: impl FnOnce() -> R) -> R {
        self.lock();
        let guard = Unlock(self);
        let r = f();
        drop(guard);
        r
    }
}

impl RawLock {
    /// Run `f` with the lock held, blocking without detaching (for locks held
    /// only for a few instructions, never around anything that can block).
    #[inline]
    pub fn with_raw<R>(&self, f: impl FnOnce() -> R) -> R {
        self.lock_raw();
        let r = f();
        unsafe { self.unlock_raw() };
        r
    }
}

impl Default for RawLock {
    fn default() -> Self {
        RawLock::new()
    }
}

struct Unlock<'a>(&'a RawLock);
impl Drop for Unlock<'_> {
    fn drop(&mut self) {
        unsafe { self.0.unlock() }
    }
}
