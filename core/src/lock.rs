//! A one-byte object lock (per-object critical sections, `PyMutex`-sized), built on
//! `parking_lot`'s raw mutex: uncontended lock/unlock is one atomic instruction.

use parking_lot::lock_api::RawMutex as _;

#[repr(transparent)]
pub struct RawLock(parking_lot::RawMutex);

impl RawLock {
    pub const fn new() -> RawLock {
        RawLock(parking_lot::RawMutex::INIT)
    }
    #[inline]
    pub fn lock(&self) {
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
