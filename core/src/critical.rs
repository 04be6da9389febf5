//! Critical sections (PEP 703, `PyCriticalSection_Begin`/`End`) over per-object locks.
//!
//! Every object has a lock: lists and dicts their own `lock` field (the one their
//! operations take, so a critical section on a list excludes `PyList_Append`),
//! every other object one of a fixed table of striped locks chosen by its address
//! (CPython keeps an `ob_mutex` in every object; Carapace's header has no room).
//! Two objects may share a stripe: that is harmless, because a thread that would
//! block on a lock suspends its own critical sections first, exactly as CPython's
//! slow path does (it detaches).
//!
//! The sections of a thread form a stack through `PyCriticalSection._cs_prev`,
//! with its top in `ThreadState::critical_section`. The low bits of those words are
//! tags, as in CPython: `INACTIVE` (the section's locks were released when the
//! thread detached) and `TWO_MUTEXES` (a `PyCriticalSection2`). Detaching releases
//! every active section; attaching re-takes the top one; ending a section re-takes
//! the one below it if it had been suspended.

use core::ptr::null_mut;

use crate::lock::RawLock;
use crate::object::PyObject;
use crate::pystate::{self, ThreadState};

pub const INACTIVE: usize = 1;
pub const TWO_MUTEXES: usize = 2;
const TAG_MASK: usize = 3;

/// `PyCriticalSection` (CPython's layout: `uintptr_t _cs_prev; PyMutex *_cs_mutex`).
#[repr(C)]
pub struct CriticalSection {
    pub prev: usize,
    pub mutex: *const RawLock,
}

/// `PyCriticalSection2`.
#[repr(C)]
pub struct CriticalSection2 {
    pub base: CriticalSection,
    pub mutex2: *const RawLock,
}

const STRIPES: usize = 256;

#[repr(align(64))]
struct Stripe(RawLock);

static STRIPE_LOCKS: [Stripe; STRIPES] = [const { Stripe(RawLock::new()) }; STRIPES];

/// The lock that stands for `op`'s `ob_mutex`.
pub unsafe fn object_mutex(op: *mut PyObject) -> *const RawLock {
    use crate::objects::{dict, list};
    if !(*op).ob_type.is_null() {
        if list::is_list(op) {
            return &raw const (*(op as *mut list::ListObject)).lock;
        }
        if dict::is_dict(op) {
            return &raw const (*(op as *mut dict::DictObject)).lock;
        }
    }
    let a = op as usize;
    let h = (a >> 4) ^ (a >> 12);
    &STRIPE_LOCKS[h % STRIPES].0
}

#[inline]
fn untag(p: usize) -> *mut CriticalSection {
    (p & !TAG_MASK) as *mut CriticalSection
}

#[inline]
fn is_active(tag: usize) -> bool {
    tag != 0 && tag & INACTIVE == 0
}

/// Is the top of a section stack suspended?
#[inline]
pub fn is_suspended(tag: usize) -> bool {
    tag & INACTIVE != 0
}

unsafe fn this_thread() -> *mut ThreadState {
    pystate::tstate()
}

/// Does the innermost (active) critical section of `ts` hold `m`?
unsafe fn top_holds(ts: *mut ThreadState, m: *const RawLock) -> bool {
    let tag = (*ts).critical_section;
    if !is_active(tag) {
        return false;
    }
    let c = untag(tag);
    (*c).mutex == m || (tag & TWO_MUTEXES != 0 && (*(c as *mut CriticalSection2)).mutex2 == m)
}

thread_local! {
    /// Object locks this thread "took" while its innermost critical section
    /// already held them (so the matching unlock must not release them).
    static BORROWED: core::cell::RefCell<Vec<usize>> = const { core::cell::RefCell::new(Vec::new()) };
    static N_BORROWED: core::cell::Cell<usize> = const { core::cell::Cell::new(0) };
}

/// `RawLock::lock` found the lock taken: either this thread's innermost critical
/// section holds it (then the operation runs under that section, as CPython's
/// container operations do inside `Py_BEGIN_CRITICAL_SECTION`), or wait detached.
pub unsafe fn lock_contended(m: &RawLock) {
    let ts = pystate::current();
    if !ts.is_null() && (*ts).attached && top_holds(ts, m) {
        BORROWED.with(|b| b.borrow_mut().push(m as *const RawLock as usize));
        N_BORROWED.with(|n| n.set(n.get() + 1));
        return;
    }
    pystate::lock_detached(m);
}

/// The unlock of a lock `lock_contended` borrowed from a critical section:
/// true (and nothing released) when it was one.
#[inline]
pub fn unlock_borrowed(m: &RawLock) -> bool {
    if N_BORROWED.with(|n| n.get()) == 0 {
        return false;
    }
    let a = m as *const RawLock as usize;
    BORROWED.with(|b| {
        let mut b = b.borrow_mut();
        match b.iter().rposition(|&x| x == a) {
            Some(i) => {
                b.remove(i);
                N_BORROWED.with(|n| n.set(n.get() - 1));
                true
            }
            None => false,
        }
    })
}

/// `PyCriticalSection_BeginMutex`. Locking what the innermost section already
/// holds does nothing (the section is not pushed: its mutex stays NULL).
pub unsafe fn begin_mutex(c: *mut CriticalSection, m: *const RawLock) {
    let ts = this_thread();
    if top_holds(ts, m) {
        (*c).mutex = null_mut();
        (*c).prev = 0;
        return;
    }
    (*c).mutex = null_mut();
    (*c).prev = (*ts).critical_section;
    (*ts).critical_section = c as usize;
    pystate::lock_detached(&*m);
    (*c).mutex = m;
}

/// `PyCriticalSection_Begin`.
pub unsafe fn begin(c: *mut CriticalSection, op: *mut PyObject) {
    begin_mutex(c, object_mutex(op))
}

/// `PyCriticalSection2_BeginMutex`: the two locks in address order; one lock
/// when both are the same.
pub unsafe fn begin2_mutex(c: *mut CriticalSection2, m1: *const RawLock, m2: *const RawLock) {
    if m1 == m2 {
        (*c).mutex2 = null_mut();
        begin_mutex(&raw mut (*c).base, m1);
        return;
    }
    let (a, b) = if (m1 as usize) < (m2 as usize) {
        (m1, m2)
    } else {
        (m2, m1)
    };
    let ts = this_thread();
    (*c).base.mutex = null_mut();
    (*c).mutex2 = null_mut();
    (*c).base.prev = (*ts).critical_section;
    (*ts).critical_section = c as usize | TWO_MUTEXES;
    // Recorded only once both are held, so that a detach while waiting for the
    // second does not release the first twice.
    pystate::lock_detached(&*a);
    pystate::lock_detached(&*b);
    (*c).base.mutex = a;
    (*c).mutex2 = b;
}

/// `PyCriticalSection2_Begin`.
pub unsafe fn begin2(c: *mut CriticalSection2, a: *mut PyObject, b: *mut PyObject) {
    begin2_mutex(c, object_mutex(a), object_mutex(b))
}

/// Pop `c` (the top) and re-take the section below it if it was suspended.
unsafe fn pop(c: *mut CriticalSection) {
    let ts = this_thread();
    (*ts).critical_section = (*c).prev;
    if is_suspended((*ts).critical_section) {
        resume(ts);
    }
}

/// `PyCriticalSection_End`. A section whose mutex is NULL was never pushed
/// (its object was already locked by the section around it).
pub unsafe fn end(c: *mut CriticalSection) {
    if (*c).mutex.is_null() {
        return;
    }
    (*(*c).mutex).unlock_raw();
    (*c).mutex = null_mut();
    pop(c);
}

/// `PyCriticalSection2_End`.
pub unsafe fn end2(c: *mut CriticalSection2) {
    if (*c).base.mutex.is_null() {
        return;
    }
    if !(*c).mutex2.is_null() {
        (*(*c).mutex2).unlock_raw();
        (*c).mutex2 = null_mut();
    }
    (*(*c).base.mutex).unlock_raw();
    (*c).base.mutex = null_mut();
    pop(&raw mut (*c).base);
}

/// Release the locks of every active section of `ts` (the thread is detaching).
pub unsafe fn suspend_all(ts: *mut ThreadState) {
    let mut tagp: *mut usize = &raw mut (*ts).critical_section;
    while is_active(*tagp) {
        let c = untag(*tagp);
        if !(*c).mutex.is_null() {
            (*(*c).mutex).unlock_raw();
        }
        if *tagp & TWO_MUTEXES != 0 {
            let c2 = c as *mut CriticalSection2;
            if !(*c2).mutex2.is_null() {
                (*(*c2).mutex2).unlock_raw();
            }
        }
        *tagp |= INACTIVE;
        tagp = &raw mut (*c).prev;
    }
}

/// Re-take the locks of the top section of `ts` (attached again, or the section
/// above it ended). While a lock is being waited for, the section holds none, so
/// a nested detach does not release it twice.
pub unsafe fn resume(ts: *mut ThreadState) {
    let p = (*ts).critical_section;
    let c = untag(p);
    if c.is_null() {
        return;
    }
    let m1 = (*c).mutex;
    (*c).mutex = null_mut();
    let mut m2: *const RawLock = null_mut();
    if p & TWO_MUTEXES != 0 {
        let c2 = c as *mut CriticalSection2;
        m2 = (*c2).mutex2;
        (*c2).mutex2 = null_mut();
    }
    if !m1.is_null() {
        pystate::lock_detached(&*m1);
    }
    if !m2.is_null() {
        pystate::lock_detached(&*m2);
    }
    (*c).mutex = m1;
    if p & TWO_MUTEXES != 0 {
        (*(c as *mut CriticalSection2)).mutex2 = m2;
    }
    (*ts).critical_section &= !INACTIVE;
}
