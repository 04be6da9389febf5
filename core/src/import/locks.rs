//! Per-module import locks (CPython's `_ModuleLock`): one thread loads a given
//! module while others wait for it; the loading thread may re-enter (an import
//! cycle), and a wait that would close a cycle between threads returns at once
//! instead (the caller then sees the partially initialised module, as in CPython).

use std::collections::HashMap;
use std::sync::Arc;
use std::thread::ThreadId;

/// A re-entrant lock: owner thread and depth.
pub struct ModuleLock {
    state: parking_lot::Mutex<(Option<ThreadId>, usize)>,
    cv: parking_lot::Condvar,
}

/// The locks by module name, and which lock each blocked thread waits for (to
/// find deadlocks). This table's own mutex is held only to look entries up.
#[derive(Default)]
struct Table {
    locks: HashMap<String, Arc<ModuleLock>>,
    waiting: HashMap<ThreadId, Arc<ModuleLock>>,
}

static TABLE: parking_lot::Mutex<Option<Table>> = parking_lot::Mutex::new(None);

/// The held lock of module `name`; released on drop.
pub struct Guard {
    name: String,
    lock: Option<Arc<ModuleLock>>,
}

impl Drop for Guard {
    fn drop(&mut self) {
        let Some(lock) = self.lock.take() else {
            return;
        };
        let free = {
            let mut s = lock.state.lock();
            s.1 -= 1;
            if s.1 == 0 {
                s.0 = None;
                lock.cv.notify_all();
                true
            } else {
                false
            }
        };
        if free {
            // Forget locks nobody holds or waits for (CPython drops them through
            // weak references).
            let mut t = TABLE.lock();
            if let Some(t) = t.as_mut() {
                if Arc::strong_count(&lock) == 2 && lock.state.lock().0.is_none() {
                    t.locks.remove(&self.name);
                }
            }
        }
    }
}

/// Would thread `me` waiting for `want` close a cycle of waiting threads?
fn deadlock(t: &Table, me: ThreadId, want: &Arc<ModuleLock>) -> bool {
    let mut lock = want.clone();
    for _ in 0..=t.waiting.len() {
        let Some(owner) = lock.state.lock().0 else {
            return false;
        };
        if owner == me {
            return true;
        }
        match t.waiting.get(&owner) {
            Some(next) => lock = next.clone(),
            None => return false,
        }
    }
    false
}

/// Take the lock of module `name`, waiting (detached from the runtime, so that a
/// thread stopping the world is not kept waiting) while another thread holds it.
/// `None` when waiting would deadlock.
pub unsafe fn acquire(name: &str) -> Option<Guard> {
    let me = std::thread::current().id();
    let lock = {
        let mut t = TABLE.lock();
        let t = t.get_or_insert_with(Table::default);
        let lock = t
            .locks
            .entry(name.to_string())
            .or_insert_with(|| {
                Arc::new(ModuleLock {
                    state: parking_lot::Mutex::new((None, 0)),
                    cv: parking_lot::Condvar::new(),
                })
            })
            .clone();
        {
            let mut s = lock.state.lock();
            if s.0.is_none() || s.0 == Some(me) {
                s.0 = Some(me);
                s.1 += 1;
                return Some(Guard {
                    name: name.to_string(),
                    lock: Some(lock.clone()),
                });
            }
        }
        if deadlock(t, me, &lock) {
            return None;
        }
        t.waiting.insert(me, lock.clone());
        lock
    };
    let ts = crate::pystate::detach();
    {
        let mut s = lock.state.lock();
        while s.0.is_some() && s.0 != Some(me) {
            lock.cv.wait(&mut s);
        }
        s.0 = Some(me);
        s.1 += 1;
    }
    if let Some(t) = TABLE.lock().as_mut() {
        t.waiting.remove(&me);
    }
    if !ts.is_null() {
        crate::pystate::attach(ts);
    }
    Some(Guard {
        name: name.to_string(),
        lock: Some(lock),
    })
}
