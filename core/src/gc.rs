//! The cycle collector.
//!
//! GC objects carry a `GcHead` before the object. Tracked objects sit on a list
//! owned by the thread that tracked them (each list has its own lock, so tracking
//! from many threads does not contend); a thread that ends hands its list to the
//! orphan list. A collection stops the world, finds the objects whose counts are
//! fully explained by references from other tracked objects (CPython's algorithm:
//! subtract internal references found with `tp_traverse`, then everything reachable
//! from an object with a remaining external reference survives), then lets the
//! world go on and breaks the unreachable cycles with `tp_finalize` and `tp_clear`.

use core::cell::Cell;
use core::ffi::{c_int, c_void};
use core::ptr::null_mut;
use core::sync::atomic::{AtomicBool, AtomicIsize, AtomicUsize, Ordering};
use std::collections::HashMap;

use crate::lock::RawLock;
use crate::object::{refcnt, Owned, PyObject, Py_DECREF, Py_INCREF};
use crate::typeobj::{has_flag, Py_TPFLAGS_HAVE_GC};

#[repr(C)]
pub struct GcHead {
    next: *mut GcHead,
    prev: *mut GcHead,
    /// The list the object is on; NULL when untracked.
    list: *mut GcList,
    _pad: usize,
}

pub struct GcList {
    lock: RawLock,
    head: GcHead,
}

impl GcList {
    fn new() -> *mut GcList {
        let l = Box::into_raw(Box::new(GcList {
            lock: RawLock::new(),
            head: GcHead {
                next: null_mut(),
                prev: null_mut(),
                list: null_mut(),
                _pad: 0,
            },
        }));
        unsafe {
            let h = &raw mut (*l).head;
            (*h).next = h;
            (*h).prev = h;
        }
        l
    }
}

static ENABLED: AtomicBool = AtomicBool::new(true);
static COLLECTING: AtomicBool = AtomicBool::new(false);
/// Tracked-minus-untracked since the last collection (CPython's generation-0 count).
static YOUNG: AtomicIsize = AtomicIsize::new(0);
pub static THRESHOLD: AtomicIsize = AtomicIsize::new(2000);
pub static COLLECTIONS: AtomicUsize = AtomicUsize::new(0);
/// Every list ever created (thread lists are reused through the orphan list's lock).
static LISTS: parking_lot::Mutex<Vec<usize>> = parking_lot::Mutex::new(Vec::new());

/// Lists of threads that ended, handed to the next new thread (objects on them
/// stay there: each knows its list, so untracking works from any thread).
static FREE_LISTS: parking_lot::Mutex<Vec<usize>> = parking_lot::Mutex::new(Vec::new());

thread_local! {
    static MY_LIST: Cell<*mut GcList> = const { Cell::new(null_mut()) };
    static LIST_RETURN: ListReturn = const { ListReturn };
}

/// Gives the thread's list back to `FREE_LISTS` when the thread ends.
struct ListReturn;

impl Drop for ListReturn {
    fn drop(&mut self) {
        let l = MY_LIST.with(|c| c.replace(null_mut()));
        if !l.is_null() {
            FREE_LISTS.lock().push(l as usize);
        }
    }
}

fn my_list() -> *mut GcList {
    MY_LIST.with(|c| {
        let mut l = c.get();
        if l.is_null() {
            let reused = FREE_LISTS.lock().pop();
            l = match reused {
                Some(p) => p as *mut GcList,
                None => {
                    let l = GcList::new();
                    LISTS.lock().push(l as usize);
                    l
                }
            };
            c.set(l);
            let _ = LIST_RETURN.try_with(|_| ());
        }
        l
    })
}

#[inline]
pub unsafe fn head_of(op: *mut PyObject) -> *mut GcHead {
    (op as *mut GcHead).sub(1)
}

#[inline]
unsafe fn obj_of(h: *mut GcHead) -> *mut PyObject {
    h.add(1) as *mut PyObject
}

pub unsafe fn is_tracked(op: *mut PyObject) -> bool {
    !(*head_of(op)).list.is_null()
}

/// `PyObject_GC_Track`.
pub unsafe fn track(op: *mut PyObject) {
    let h = head_of(op);
    if !(*h).list.is_null() {
        return;
    }
    let l = my_list();
    (*l).lock.with_raw(|| {
        let sentinel = &raw mut (*l).head;
        let last = (*sentinel).prev;
        (*h).prev = last;
        (*h).next = sentinel;
        (*last).next = h;
        (*sentinel).prev = h;
        (*h).list = l;
    });
    YOUNG.fetch_add(1, Ordering::Relaxed);
}

/// `PyObject_GC_UnTrack`.
pub unsafe fn untrack(op: *mut PyObject) {
    let h = head_of(op);
    let l = (*h).list;
    if l.is_null() {
        return;
    }
    (*l).lock.with_raw(|| {
        (*(*h).prev).next = (*h).next;
        (*(*h).next).prev = (*h).prev;
        (*h).next = null_mut();
        (*h).prev = null_mut();
        (*h).list = null_mut();
    });
    YOUNG.fetch_sub(1, Ordering::Relaxed);
}

pub fn enable(on: bool) -> bool {
    ENABLED.swap(on, Ordering::Relaxed)
}

pub fn is_enabled() -> bool {
    ENABLED.load(Ordering::Relaxed)
}

/// Collect when enough GC objects were created since the last collection. Not
/// inside a critical section: a collection stops the world, which would suspend
/// the section in the middle of its work (CPython defers to the eval breaker);
/// the next allocation outside one collects instead.
#[inline]
pub unsafe fn maybe_collect() {
    if YOUNG.load(Ordering::Relaxed) > THRESHOLD.load(Ordering::Relaxed)
        && ENABLED.load(Ordering::Relaxed)
    {
        let ts = crate::pystate::current();
        if !ts.is_null() && (*ts).critical_section == 0 {
            collect();
        }
    }
}

/// Is `op` an object the collector looks at?
#[inline]
unsafe fn is_gc_candidate(op: *mut PyObject) -> bool {
    let t = (*op).ob_type;
    if !has_flag(t, Py_TPFLAGS_HAVE_GC) {
        return false;
    }
    match (*t).tp_is_gc {
        Some(f) => f(op) != 0,
        None => true,
    }
}

struct Scan {
    refs: HashMap<*mut PyObject, isize>,
}

unsafe extern "C" fn visit_decref(op: *mut PyObject, arg: *mut c_void) -> c_int {
    let scan = &mut *(arg as *mut Scan);
    if let Some(r) = scan.refs.get_mut(&op) {
        *r -= 1;
    }
    0
}

unsafe extern "C" fn visit_reach(op: *mut PyObject, arg: *mut c_void) -> c_int {
    let stack = &mut *(arg as *mut (Vec<*mut PyObject>, *mut Scan));
    let scan = &mut *stack.1;
    if let Some(r) = scan.refs.get_mut(&op) {
        if *r != isize::MIN {
            *r = isize::MIN; // reachable, visited
            stack.0.push(op);
        }
    }
    0
}

/// Could `op` be part of a cycle (CPython's `_PyObject_GC_MAY_BE_TRACKED`): a GC
/// object, and for an exact tuple one still tracked (tuples of atoms are not).
pub unsafe fn may_be_tracked(op: *mut PyObject) -> bool {
    if !is_gc_candidate(op) {
        return false;
    }
    (*op).ob_type != &raw mut crate::exported::PyTuple_Type || is_tracked(op)
}

/// Strong references to every tracked object that is still alive, taken list by
/// list under each list's lock (`PyUnstable_GC_VisitObjects` walks them after,
/// with no lock held, so its callback may allocate or track).
pub unsafe fn tracked_objects() -> Vec<Owned> {
    let mut out = Vec::new();
    let lists: Vec<*mut GcList> = LISTS.lock().iter().map(|&l| l as *mut GcList).collect();
    for l in lists {
        (*l).lock.with_raw(|| {
            let sentinel = &raw mut (*l).head;
            let mut h = (*sentinel).next;
            while h != sentinel {
                let op = obj_of(h);
                if crate::objects::weakref::try_incref(op) {
                    out.push(Owned(op));
                }
                h = (*h).next;
            }
        });
    }
    out
}

/// Objects tracked since the last collection (`gc.get_count()[0]`).
pub fn young_count() -> isize {
    YOUNG.load(Ordering::Relaxed).max(0)
}

/// Run a full collection; returns the number of unreachable objects found.
pub unsafe fn collect() -> isize {
    if COLLECTING.swap(true, Ordering::Acquire) {
        return 0;
    }
    // Phase 1 (world stopped): find the unreachable objects and hold them.
    let unreachable: Vec<*mut PyObject> = crate::pystate::stop_the_world(|| {
        let mut scan = Scan {
            refs: HashMap::new(),
        };
        // The candidates in list order, so finalizers run in a repeatable order.
        let mut objs: Vec<*mut PyObject> = Vec::new();
        let lists: Vec<*mut GcList> = LISTS.lock().iter().map(|&l| l as *mut GcList).collect();
        for &l in &lists {
            // Every thread is detached, but a C thread calling the API without
            // attaching may still track: walk each list under its lock.
            (*l).lock.with_raw(|| {
                let sentinel = &raw mut (*l).head;
                let mut h = (*sentinel).next;
                while h != sentinel {
                    let op = obj_of(h);
                    // A count of 0: a deallocation in progress on a thread
                    // that detached inside it; not ours to touch.
                    let n = refcnt(op);
                    if n > 0 && is_gc_candidate(op) && !crate::object::is_immortal(op) {
                        scan.refs.insert(op, n);
                        objs.push(op);
                    }
                    h = (*h).next;
                }
            });
        }
        for &op in &objs {
            if let Some(trav) = (*(*op).ob_type).tp_traverse {
                trav(op, visit_decref, (&raw mut scan).cast());
            }
        }
        // Everything reachable from an object with outside references survives.
        let mut stack: (Vec<*mut PyObject>, *mut Scan) = (Vec::new(), &raw mut scan);
        for &op in &objs {
            let r = (&(*stack.1).refs)[&op];
            if r > 0 {
                (*stack.1).refs.insert(op, isize::MIN);
                stack.0.push(op);
            }
        }
        while let Some(op) = stack.0.pop() {
            if let Some(trav) = (*(*op).ob_type).tp_traverse {
                trav(op, visit_reach, (&raw mut stack).cast());
            }
        }
        let dead: Vec<*mut PyObject> = objs
            .into_iter()
            .filter(|op| scan.refs[op] != isize::MIN)
            .collect();
        for &op in &dead {
            Py_INCREF(op);
        }
        YOUNG.store(0, Ordering::Relaxed);
        dead
    });
    // Phase 2 (world running): finalizers, weak references, then break the cycles.
    let mut finalized_any = false;
    for &op in &unreachable {
        let t = (*op).ob_type;
        if let Some(fin) = (*t).tp_finalize {
            finalized_any |= !(has_flag(t, Py_TPFLAGS_HAVE_GC) && is_finalized(op));
            crate::objects::baseobject::call_finalizer_once(op, fin);
        }
    }
    // A finalizer may have resurrected some (stored a reference outside the set):
    // those, and everything they reach, are left alone, as in CPython.
    let unreachable = if finalized_any {
        let (dead, alive) = split_resurrected(unreachable);
        for op in alive {
            Py_DECREF(op);
        }
        dead
    } else {
        unreachable
    };
    for &op in &unreachable {
        crate::objects::weakref::clear_weakrefs_of(op);
    }
    for &op in &unreachable {
        if let Some(clear) = (*(*op).ob_type).tp_clear {
            clear(op);
        }
    }
    let n = unreachable.len() as isize;
    for op in unreachable {
        Py_DECREF(op);
    }
    COLLECTIONS.fetch_add(1, Ordering::Relaxed);
    COLLECTING.store(false, Ordering::Release);
    n
}

/// Split `held` (objects found unreachable, each with one reference held by the
/// collector) into those still unreachable and those a finalizer resurrected.
unsafe fn split_resurrected(held: Vec<*mut PyObject>) -> (Vec<*mut PyObject>, Vec<*mut PyObject>) {
    crate::pystate::stop_the_world(|| {
        let mut scan = Scan {
            refs: HashMap::new(),
        };
        for &op in &held {
            scan.refs.insert(op, refcnt(op) - 1);
        }
        for &op in &held {
            if let Some(trav) = (*(*op).ob_type).tp_traverse {
                trav(op, visit_decref, (&raw mut scan).cast());
            }
        }
        let mut stack: (Vec<*mut PyObject>, *mut Scan) = (Vec::new(), &raw mut scan);
        for &op in &held {
            if (&(*stack.1).refs)[&op] > 0 {
                (*stack.1).refs.insert(op, isize::MIN);
                stack.0.push(op);
            }
        }
        while let Some(op) = stack.0.pop() {
            if let Some(trav) = (*(*op).ob_type).tp_traverse {
                trav(op, visit_reach, (&raw mut stack).cast());
            }
        }
        held.into_iter().partition(|op| scan.refs[op] != isize::MIN)
    })
}

const FINALIZED: usize = 1;

/// Has `tp_finalize` already run for this GC object?
pub unsafe fn is_finalized(op: *mut PyObject) -> bool {
    (*head_of(op))._pad & FINALIZED != 0
}

pub unsafe fn set_finalized(op: *mut PyObject) {
    (*head_of(op))._pad |= FINALIZED;
}
