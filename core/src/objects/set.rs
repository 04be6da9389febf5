//! `set` and `frozenset`: an open-addressing hash table of keys (CPython's probe
//! sequence: a short linear run, then perturbed jumps), so iteration order, and
//! so the repr of a set of small ints, is CPython's.
//!
//! Free-threading: each set has its own lock, held only while its table is read
//! or changed. A key comparison with `__eq__` runs without it and the lookup
//! starts again if the table changed meanwhile (the `version` counter).

use core::ffi::{c_int, c_void};
use core::ptr::null_mut;

use crate::alloc;
use crate::defs::*;
use crate::exported::*;
use crate::lock::RawLock;
use crate::object::*;
use crate::objects::sequtil::*;
use crate::objects::{dict, long, unicode};
use crate::protocols;
use crate::typeobj::*;

const MINSIZE: usize = 8;
const LINEAR_PROBES: usize = 9;

/// Marks a deleted slot (its address is the marker).
static DUMMY_MARK: u8 = 0;
#[inline]
fn dummy() -> *mut PyObject {
    &raw const DUMMY_MARK as *mut PyObject
}

#[derive(Clone, Copy)]
pub struct SEntry {
    pub key: *mut PyObject,
    pub hash: Py_hash_t,
}

const EMPTY_ENTRY: SEntry = SEntry {
    key: null_mut(),
    hash: 0,
};

pub struct Table {
    pub slots: Vec<SEntry>,
    pub fill: usize,
    pub used: usize,
    pub finger: usize,
}

impl Table {
    fn new() -> Table {
        Table {
            slots: vec![EMPTY_ENTRY; MINSIZE],
            fill: 0,
            used: 0,
            finger: 0,
        }
    }
    fn mask(&self) -> usize {
        self.slots.len() - 1
    }
    /// Put a key known to be absent into a table with no dummies.
    fn insert_clean(slots: &mut [SEntry], key: *mut PyObject, hash: Py_hash_t) {
        let mask = slots.len() - 1;
        let mut perturb = hash as usize;
        let mut i = (hash as usize) & mask;
        loop {
            if slots[i].key.is_null() {
                slots[i] = SEntry { key, hash };
                return;
            }
            if i + LINEAR_PROBES <= mask {
                for j in 1..=LINEAR_PROBES {
                    if slots[i + j].key.is_null() {
                        slots[i + j] = SEntry { key, hash };
                        return;
                    }
                }
            }
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
        }
    }
    fn resize(&mut self, minused: usize) {
        let mut newsize = MINSIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        let mut slots = vec![EMPTY_ENTRY; newsize];
        for e in self.slots.iter() {
            if !e.key.is_null() && e.key != dummy() {
                Table::insert_clean(&mut slots, e.key, e.hash);
            }
        }
        self.slots = slots;
        self.fill = self.used;
    }
}

/// (first dummy seen, the empty slot that ended the probe) when missing.
type Probe = dict::Probe<(Option<usize>, usize)>;

impl Table {
    unsafe fn probe(&self, key: *mut PyObject, hash: Py_hash_t, unequal: &[usize]) -> Probe {
        let mask = self.mask();
        let mut perturb = hash as usize;
        let mut i = (hash as usize) & mask;
        let mut free: Option<usize> = None;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in 0..=probes {
                let idx = i + j;
                let e = self.slots[idx];
                if e.key.is_null() {
                    return Probe::Missing((free, idx));
                }
                if e.key == dummy() {
                    if free.is_none() {
                        free = Some(idx);
                    }
                    continue;
                }
                if e.hash == hash {
                    if e.key == key {
                        return Probe::Found(idx);
                    }
                    if unequal.contains(&idx) {
                        continue;
                    }
                    if unicode::is_unicode_exact(e.key) && unicode::is_unicode_exact(key) {
                        if unicode::eq(e.key, key) {
                            return Probe::Found(idx);
                        }
                        continue;
                    }
                    return Probe::NeedsCompare(idx, e.key);
                }
            }
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
        }
    }
}

#[repr(C)]
pub struct SetObject {
    pub ob_base: PyObject,
    pub lock: RawLock,
    pub version: u64,
    pub hash: Py_hash_t,
    pub weakreflist: *mut PyObject,
    pub table: Table,
}

#[inline]
pub unsafe fn is_set(o: *mut PyObject) -> bool {
    crate::objects::typeobject::instance_of(o, &raw mut PySet_Type)
}

#[inline]
pub unsafe fn is_frozenset(o: *mut PyObject) -> bool {
    crate::objects::typeobject::instance_of(o, &raw mut PyFrozenSet_Type)
}

#[inline]
pub unsafe fn is_anyset(o: *mut PyObject) -> bool {
    is_set(o) || is_frozenset(o)
}

#[inline]
unsafe fn so<'a>(o: *mut PyObject) -> &'a mut SetObject {
    &mut *(o as *mut SetObject)
}

pub unsafe fn len(o: *mut PyObject) -> Py_ssize_t {
    so(o).table.used as Py_ssize_t
}

unsafe fn init_fields(o: *mut PyObject) {
    let s = o as *mut SetObject;
    core::ptr::write(&raw mut (*s).lock, RawLock::new());
    (*s).version = 0;
    (*s).hash = -1;
    (*s).weakreflist = null_mut();
    core::ptr::write(&raw mut (*s).table, Table::new());
}

/// A new empty set of type `t` (set, frozenset or a subclass).
pub unsafe fn new_empty(t: *mut PyTypeObject) -> *mut PyObject {
    if t == &raw mut PySet_Type || t == &raw mut PyFrozenSet_Type {
        let op = alloc::new_object(
            t,
            SetObject {
                ob_base: PyObject {
                    ob_refcnt: 1,
                    ob_type: null_mut(),
                },
                lock: RawLock::new(),
                version: 0,
                hash: -1,
                weakreflist: null_mut(),
                table: Table::new(),
            },
        );
        if op.is_null() {
            return null_mut();
        }
        crate::gc::track(op as *mut PyObject);
        return op as *mut PyObject;
    }
    let alloc = (*t).tp_alloc.unwrap_or(alloc::generic_alloc_slot);
    let op = alloc(t, 0);
    if !op.is_null() {
        init_fields(op);
    }
    op
}

/// A new set of type `t` with the items of `iterable` (NULL: empty).
pub unsafe fn make(t: *mut PyTypeObject, iterable: *mut PyObject) -> *mut PyObject {
    let s = new_empty(t);
    if s.is_null() {
        return s;
    }
    if !iterable.is_null() && update(s, iterable).is_err() {
        Py_DECREF(s);
        return null_mut();
    }
    // A frozenset of objects that cannot be in a cycle cannot be either: the
    // collector need not see it, as in CPython (`add_to_frozenset` tracks it
    // again when C code adds such an object to a new one).
    if t == &raw mut PyFrozenSet_Type
        && !entries(s)
            .0
            .iter()
            .any(|(k, _)| crate::gc::may_be_tracked(k.as_ptr()))
    {
        crate::gc::untrack(s);
    }
    s
}

/// `PySet_Add` on a frozenset being built by C code: an element that may be in
/// a cycle makes the collector watch the frozenset.
pub unsafe fn add_to_frozenset(o: *mut PyObject, key: *mut PyObject) -> PyResult<()> {
    add(o, key)?;
    if !crate::gc::is_tracked(o) && crate::gc::may_be_tracked(key) {
        crate::gc::track(o);
    }
    Ok(())
}

/// The hash of a set element (a TypeError is reworded as CPython 3.14+ does).
unsafe fn elem_hash(key: *mut PyObject) -> PyResult<Py_hash_t> {
    if unicode::is_unicode_exact(key) {
        return Ok(unicode::unicode_hash(key));
    }
    let h = protocols::object::hash(key);
    if h == -1 {
        rewrite_unhashable(key, "set element");
        return Err(());
    }
    Ok(h)
}

/// Find `key`: Ok(Some(slot)) when present. `__eq__` runs without the lock.
unsafe fn find(
    o: *mut PyObject,
    key: *mut PyObject,
    hash: Py_hash_t,
) -> PyResult<Option<(usize, u64)>> {
    let s = so(o);
    dict::find_with_eq(
        key,
        &s.lock,
        || s.version,
        |unequal| s.table.probe(key, hash, unequal),
    )
}

/// Add `key` (new reference taken) with a known hash.
pub unsafe fn add_hashed(o: *mut PyObject, key: *mut PyObject, hash: Py_hash_t) -> PyResult<()> {
    loop {
        if find(o, key, hash)?.is_some() {
            return Ok(());
        }
        let s = so(o);
        s.lock.lock();
        let (free, empty) = match s.table.probe(key, hash, &[]) {
            Probe::Missing((f, e)) => (f, e),
            Probe::Found(_) => {
                s.lock.unlock();
                return Ok(());
            }
            Probe::NeedsCompare(..) => {
                s.lock.unlock();
                continue;
            }
        };
        Py_INCREF(key);
        s.version += 1;
        s.table.used += 1;
        if let Some(f) = free {
            s.table.slots[f] = SEntry { key, hash };
        } else {
            s.table.slots[empty] = SEntry { key, hash };
            s.table.fill += 1;
            if s.table.fill * 5 >= s.table.mask() * 3 {
                let used = s.table.used;
                s.table
                    .resize(if used > 50000 { used * 2 } else { used * 4 });
            }
        }
        s.lock.unlock();
        return Ok(());
    }
}

/// `PySet_Add` core.
pub unsafe fn add(o: *mut PyObject, key: *mut PyObject) -> PyResult<()> {
    let h = elem_hash(key)?;
    add_hashed(o, key, h)
}

/// For `in`, `discard`, `remove`: an unhashable set key is looked up as a frozenset.
unsafe fn with_key<R>(
    key: *mut PyObject,
    f: impl Fn(*mut PyObject, Py_hash_t) -> PyResult<R>,
) -> PyResult<R> {
    let h = if unicode::is_unicode_exact(key) {
        unicode::unicode_hash(key)
    } else {
        protocols::object::hash(key)
    };
    if h != -1 {
        return f(key, h);
    }
    let te = crate::objects::exceptions::exc(&raw mut PyExc_TypeError);
    if is_set(key) && crate::errors::exception_matches(te) {
        crate::errors::clear();
        let fz = Owned::from_new(make(&raw mut PyFrozenSet_Type, key)).ok_or(())?;
        let h = protocols::object::hash(fz.as_ptr());
        if h == -1 {
            return Err(());
        }
        return f(fz.as_ptr(), h);
    }
    rewrite_unhashable(key, "set element");
    Err(())
}

/// `PySet_Contains` / `PySet_Discard`: no frozenset retry for set keys.
pub unsafe fn contains_exact(o: *mut PyObject, key: *mut PyObject) -> PyResult<bool> {
    let h = elem_hash(key)?;
    Ok(find(o, key, h)?.is_some())
}

pub unsafe fn discard_exact(o: *mut PyObject, key: *mut PyObject) -> PyResult<bool> {
    let h = elem_hash(key)?;
    discard_hashed(o, key, h)
}

/// `x in set` core.
pub unsafe fn contains(o: *mut PyObject, key: *mut PyObject) -> PyResult<bool> {
    with_key(key, |k, h| Ok(find(o, k, h)?.is_some()))
}

unsafe fn discard_hashed(o: *mut PyObject, key: *mut PyObject, hash: Py_hash_t) -> PyResult<bool> {
    loop {
        let Some((i, version)) = find(o, key, hash)? else {
            return Ok(false);
        };
        let s = so(o);
        s.lock.lock();
        if s.version != version {
            s.lock.unlock();
            continue;
        }
        let old = s.table.slots[i].key;
        s.table.slots[i] = SEntry {
            key: dummy(),
            hash: -1,
        };
        s.table.used -= 1;
        s.version += 1;
        s.lock.unlock();
        Py_DECREF(old);
        return Ok(true);
    }
}

/// `PySet_Discard` core: Ok(true) when the key was there.
pub unsafe fn discard(o: *mut PyObject, key: *mut PyObject) -> PyResult<bool> {
    with_key(key, |k, h| discard_hashed(o, k, h))
}

/// `PySet_Clear` core.
pub unsafe fn clear(o: *mut PyObject) {
    let s = so(o);
    s.lock.lock();
    let old = core::mem::replace(&mut s.table, Table::new());
    s.version += 1;
    s.lock.unlock();
    for e in old.slots {
        if !e.key.is_null() && e.key != dummy() {
            Py_DECREF(e.key);
        }
    }
}

/// `PySet_Pop` core: an arbitrary element, or None when empty.
pub unsafe fn pop(o: *mut PyObject) -> Option<*mut PyObject> {
    let s = so(o);
    s.lock.lock();
    if s.table.used == 0 {
        s.lock.unlock();
        return None;
    }
    let mask = s.table.mask();
    let mut i = s.table.finger & mask;
    loop {
        let k = s.table.slots[i].key;
        if !k.is_null() && k != dummy() {
            break;
        }
        i = (i + 1) & mask;
    }
    let key = s.table.slots[i].key;
    s.table.slots[i] = SEntry {
        key: dummy(),
        hash: -1,
    };
    s.table.used -= 1;
    s.table.finger = i + 1;
    s.version += 1;
    s.lock.unlock();
    Some(key)
}

/// The live entries in table order (new references), with the table's shape.
unsafe fn entries(o: *mut PyObject) -> (Vec<(Owned, Py_hash_t)>, usize, usize, usize) {
    let s = so(o);
    s.lock.lock();
    let v: Vec<(Owned, Py_hash_t)> = s
        .table
        .slots
        .iter()
        .filter(|e| !e.key.is_null() && e.key != dummy())
        .map(|e| (Owned::from_borrowed(e.key), e.hash))
        .collect();
    let shape = (s.table.mask(), s.table.fill, s.table.used);
    s.lock.unlock();
    (v, shape.0, shape.1, shape.2)
}

/// Merge another set into `o`, reproducing CPython's table layout.
unsafe fn merge_set(o: *mut PyObject, other: *mut PyObject) -> PyResult<()> {
    if o == other {
        return Ok(());
    }
    let (items, omask, ofill, oused) = entries(other);
    if oused == 0 {
        return Ok(());
    }
    // A copy of the other table's slots (new references), taken under its lock
    // alone: two set locks are never held together.
    let other_slots: Vec<SEntry> = {
        let os = so(other);
        os.lock.lock();
        let v = if os.table.mask() == omask && os.table.fill == os.table.used {
            os.table.slots.clone()
        } else {
            Vec::new()
        };
        for e in v.iter() {
            if !e.key.is_null() && e.key != dummy() {
                Py_INCREF(e.key);
            }
        }
        os.lock.unlock();
        v
    };
    let release = |v: Vec<SEntry>| {
        for e in v {
            if !e.key.is_null() && e.key != dummy() {
                Py_DECREF(e.key);
            }
        }
    };
    let s = so(o);
    s.lock.lock();
    if (s.table.fill + oused) * 5 >= s.table.mask() * 3 {
        let u = s.table.used;
        s.table.resize((u + oused) * 2);
    }
    if s.table.fill == 0 {
        if s.table.mask() == omask && ofill == oused && !other_slots.is_empty() {
            // Same shape and no dummies there: copy the layout exactly.
            let n = other_slots.iter().filter(|e| !e.key.is_null()).count();
            s.table.slots = other_slots;
            s.table.fill = n;
            s.table.used = n;
            s.version += 1;
            s.lock.unlock();
            return Ok(());
        }
        for (k, h) in items {
            Table::insert_clean(&mut s.table.slots, k.into_ptr(), h);
            s.table.fill += 1;
            s.table.used += 1;
        }
        s.version += 1;
        s.lock.unlock();
        release(other_slots);
        return Ok(());
    }
    s.lock.unlock();
    release(other_slots);
    for (k, h) in items {
        add_hashed(o, k.as_ptr(), h)?;
    }
    Ok(())
}

/// `set.update(iterable)` for one argument.
pub unsafe fn update(o: *mut PyObject, other: *mut PyObject) -> PyResult<()> {
    if is_anyset(other) {
        return merge_set(o, other);
    }
    if dict::is_dict_exact(other) {
        let pairs = dict::snapshot_hashed(other);
        let s = so(o);
        s.lock.lock();
        let n = pairs.len();
        if (s.table.fill + n) * 5 >= s.table.mask() * 3 {
            let u = s.table.used;
            s.table.resize((u + n) * 2);
        }
        s.lock.unlock();
        let mut r = Ok(());
        for (k, h) in pairs {
            if r.is_ok() {
                r = add_hashed(o, k, h);
            }
            Py_DECREF(k);
        }
        return r;
    }
    let it = Owned::from_new(protocols::iter::get_iter(other)).ok_or(())?;
    loop {
        let x = protocols::iter::next(it.as_ptr());
        if x.is_null() {
            return if crate::errors::raised().is_null() {
                Ok(())
            } else {
                Err(())
            };
        }
        let x = Owned(x);
        add(o, x.as_ptr())?;
    }
}

/// The exact base type (`set` or `frozenset`) for results of operations.
unsafe fn basetype(o: *mut PyObject) -> *mut PyTypeObject {
    if is_set(o) {
        &raw mut PySet_Type
    } else {
        &raw mut PyFrozenSet_Type
    }
}

/// `set.copy()` as the exact base type.
pub unsafe fn copy(o: *mut PyObject) -> *mut PyObject {
    make(basetype(o), o)
}

/// `a & other` as a new set of `a`'s base type.
pub unsafe fn intersection(a: *mut PyObject, other: *mut PyObject) -> *mut PyObject {
    let result = new_empty(basetype(a));
    if result.is_null() {
        return result;
    }
    let r = (|| -> PyResult<()> {
        if is_anyset(other) {
            let (big, small) = if len(other) > len(a) {
                (other, a)
            } else {
                (a, other)
            };
            for (k, h) in entries(small).0 {
                if find(big, k.as_ptr(), h)?.is_some() {
                    add_hashed(result, k.as_ptr(), h)?;
                }
            }
            return Ok(());
        }
        let it = Owned::from_new(protocols::iter::get_iter(other)).ok_or(())?;
        loop {
            let x = protocols::iter::next(it.as_ptr());
            if x.is_null() {
                return if crate::errors::raised().is_null() {
                    Ok(())
                } else {
                    Err(())
                };
            }
            let x = Owned(x);
            let h = elem_hash(x.as_ptr())?;
            if find(a, x.as_ptr(), h)?.is_some() {
                add_hashed(result, x.as_ptr(), h)?;
            }
        }
    })();
    if r.is_err() {
        Py_DECREF(result);
        return null_mut();
    }
    result
}

/// Replace the contents of `o` with those of `src` (same kind of object).
unsafe fn swap_bodies(o: *mut PyObject, src: *mut PyObject) {
    // Both locks, taken in address order so two swaps cannot deadlock.
    let (first, second) = if (o as usize) < (src as usize) {
        (o, src)
    } else {
        (src, o)
    };
    so(first).lock.lock();
    so(second).lock.lock();
    let a = so(o);
    let b = so(src);
    core::mem::swap(&mut a.table, &mut b.table);
    a.version += 1;
    b.version += 1;
    so(second).lock.unlock();
    so(first).lock.unlock();
}

pub unsafe fn intersection_update(o: *mut PyObject, other: *mut PyObject) -> PyResult<()> {
    let t = Owned::from_new(intersection(o, other)).ok_or(())?;
    swap_bodies(o, t.as_ptr());
    Ok(())
}

pub unsafe fn difference_update(o: *mut PyObject, other: *mut PyObject) -> PyResult<()> {
    if o == other {
        clear(o);
        return Ok(());
    }
    if is_anyset(other) {
        for (k, h) in entries(other).0 {
            discard_hashed(o, k.as_ptr(), h)?;
        }
        return Ok(());
    }
    let it = Owned::from_new(protocols::iter::get_iter(other)).ok_or(())?;
    loop {
        let x = protocols::iter::next(it.as_ptr());
        if x.is_null() {
            return if crate::errors::raised().is_null() {
                Ok(())
            } else {
                Err(())
            };
        }
        let x = Owned(x);
        discard(o, x.as_ptr())?;
    }
}

/// `a - other`.
pub unsafe fn difference(a: *mut PyObject, other: *mut PyObject) -> *mut PyObject {
    let other_size = if is_anyset(other) {
        len(other)
    } else if dict::is_dict_exact(other) {
        dict::len(other)
    } else {
        -1
    };
    if other_size < 0 || (len(a) >> 2) > other_size {
        let r = copy(a);
        if r.is_null() || difference_update(r, other).is_ok() {
            return r;
        }
        Py_DECREF(r);
        return null_mut();
    }
    let result = new_empty(basetype(a));
    if result.is_null() {
        return result;
    }
    let r = (|| -> PyResult<()> {
        for (k, h) in entries(a).0 {
            let present = if is_anyset(other) {
                find(other, k.as_ptr(), h)?.is_some()
            } else {
                dict::contains(other, k.as_ptr())?
            };
            if !present {
                add_hashed(result, k.as_ptr(), h)?;
            }
        }
        Ok(())
    })();
    if r.is_err() {
        Py_DECREF(result);
        return null_mut();
    }
    result
}

pub unsafe fn symmetric_difference_update(o: *mut PyObject, other: *mut PyObject) -> PyResult<()> {
    if o == other {
        clear(o);
        return Ok(());
    }
    let otherset = if is_anyset(other) {
        Owned::from_borrowed(other)
    } else {
        Owned::from_new(make(&raw mut PySet_Type, other)).ok_or(())?
    };
    for (k, h) in entries(otherset.as_ptr()).0 {
        if !discard_hashed(o, k.as_ptr(), h)? {
            add_hashed(o, k.as_ptr(), h)?;
        }
    }
    Ok(())
}

/// `a ^ other`: built from `other`, then `a` applied (CPython's order).
pub unsafe fn symmetric_difference(a: *mut PyObject, other: *mut PyObject) -> *mut PyObject {
    let r = make(basetype(a), other);
    if r.is_null() || symmetric_difference_update(r, a).is_ok() {
        return r;
    }
    Py_DECREF(r);
    null_mut()
}

pub unsafe fn issubset(a: *mut PyObject, other: *mut PyObject) -> PyResult<bool> {
    if !is_anyset(other) {
        let t = Owned::from_new(make(&raw mut PySet_Type, other)).ok_or(())?;
        return issubset(a, t.as_ptr());
    }
    if len(a) > len(other) {
        return Ok(false);
    }
    for (k, h) in entries(a).0 {
        if find(other, k.as_ptr(), h)?.is_none() {
            return Ok(false);
        }
    }
    Ok(true)
}

pub unsafe fn issuperset(a: *mut PyObject, other: *mut PyObject) -> PyResult<bool> {
    if is_anyset(other) {
        return issubset(other, a);
    }
    let it = Owned::from_new(protocols::iter::get_iter(other)).ok_or(())?;
    loop {
        let x = protocols::iter::next(it.as_ptr());
        if x.is_null() {
            return if crate::errors::raised().is_null() {
                Ok(true)
            } else {
                Err(())
            };
        }
        let x = Owned(x);
        if !contains(a, x.as_ptr())? {
            return Ok(false);
        }
    }
}

pub unsafe fn isdisjoint(a: *mut PyObject, other: *mut PyObject) -> PyResult<bool> {
    if a == other {
        return Ok(len(a) == 0);
    }
    if is_anyset(other) {
        let (big, small) = if len(other) > len(a) {
            (other, a)
        } else {
            (a, other)
        };
        for (k, h) in entries(small).0 {
            if find(big, k.as_ptr(), h)?.is_some() {
                return Ok(false);
            }
        }
        return Ok(true);
    }
    let it = Owned::from_new(protocols::iter::get_iter(other)).ok_or(())?;
    loop {
        let x = protocols::iter::next(it.as_ptr());
        if x.is_null() {
            return if crate::errors::raised().is_null() {
                Ok(true)
            } else {
                Err(())
            };
        }
        let x = Owned(x);
        let h = elem_hash(x.as_ptr())?;
        if find(a, x.as_ptr(), h)?.is_some() {
            return Ok(false);
        }
    }
}

// ---- slots ----------------------------------------------------------------------

unsafe extern "C" fn set_dealloc(o: *mut PyObject) {
    crate::gc::untrack(o);
    if !so(o).weakreflist.is_null() {
        crate::objects::weakref::clear_weakrefs_of(o);
    }
    let t = core::mem::replace(&mut so(o).table, Table::new());
    for e in t.slots {
        if !e.key.is_null() && e.key != dummy() {
            Py_DECREF(e.key);
        }
    }
    core::ptr::drop_in_place(&raw mut so(o).table);
    alloc::free_via_type(o);
}

unsafe extern "C" fn set_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    for e in so(o).table.slots.iter() {
        if !e.key.is_null() && e.key != dummy() {
            let r = visit(e.key, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

unsafe extern "C" fn set_tp_clear(o: *mut PyObject) -> c_int {
    clear(o);
    0
}

unsafe extern "C" fn set_len(o: *mut PyObject) -> Py_ssize_t {
    len(o)
}

unsafe extern "C" fn set_contains_slot(o: *mut PyObject, k: *mut PyObject) -> c_int {
    match contains(o, k) {
        Ok(b) => b as c_int,
        Err(()) => -1,
    }
}

unsafe extern "C" fn set_repr(o: *mut PyObject) -> *mut PyObject {
    let t = Py_TYPE(o);
    let name = crate::objects::typeobject::type_name(t).to_string();
    let Some(guard) = protocols::object::ReprGuard::enter(o) else {
        return unicode::from_str(&format!("{}(...)", name));
    };
    let items = entries(o).0;
    if items.is_empty() {
        drop(guard);
        return unicode::from_str(&format!("{}()", name));
    }
    let mut s = String::from("{");
    for (i, (k, _)) in items.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        let r = protocols::object::repr(k.as_ptr());
        if r.is_null() {
            drop(guard);
            return null_mut();
        }
        s.push_str(&unicode::to_string_lossy(r));
        Py_DECREF(r);
    }
    s.push('}');
    drop(guard);
    if t != &raw mut PySet_Type {
        s = format!("{}({})", name, s);
    }
    unicode::from_str(&s)
}

fn shuffle_bits(h: u64) -> u64 {
    ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
}

unsafe extern "C" fn frozenset_hash(o: *mut PyObject) -> Py_hash_t {
    let s = so(o);
    if s.hash != -1 {
        return s.hash;
    }
    let (items, _, _, used) = entries(o);
    let mut h: u64 = 0;
    for (_, eh) in &items {
        h ^= shuffle_bits(*eh as u64);
    }
    h ^= (used as u64 + 1).wrapping_mul(1927868237);
    h ^= (h >> 11) ^ (h >> 25);
    h = h.wrapping_mul(69069).wrapping_add(907133923);
    if h == u64::MAX {
        h = 590923713;
    }
    s.hash = h as Py_hash_t;
    h as Py_hash_t
}

unsafe extern "C" fn set_richcompare(
    a: *mut PyObject,
    b: *mut PyObject,
    op: c_int,
) -> *mut PyObject {
    if !is_anyset(b) {
        return new_ref(not_implemented());
    }
    let (la, lb) = (len(a), len(b));
    let r = match op {
        2 => {
            if la != lb
                || (is_frozenset(a) && is_frozenset(b) && frozenset_hash(a) != frozenset_hash(b))
            {
                Ok(false)
            } else {
                issubset(a, b)
            }
        }
        3 => {
            if la != lb {
                Ok(true)
            } else {
                issubset(a, b).map(|x| !x)
            }
        }
        1 => issubset(a, b),
        5 => issubset(b, a),
        0 => {
            if la >= lb {
                Ok(false)
            } else {
                issubset(a, b)
            }
        }
        _ => {
            if la <= lb {
                Ok(false)
            } else {
                issubset(b, a)
            }
        }
    };
    match r {
        Ok(x) => new_ref(bool_ref(x)),
        Err(()) => null_mut(),
    }
}

unsafe extern "C" fn set_iter(o: *mut PyObject) -> *mut PyObject {
    let s = so(o);
    s.lock.lock();
    let used = s.table.used;
    s.lock.unlock();
    let op = alloc::new_object(
        &raw mut PySetIter_Type,
        SetIterObject {
            ob_base: PyObject {
                ob_refcnt: 1,
                ob_type: null_mut(),
            },
            lock: RawLock::new(),
            set: o,
            pos: 0,
            used,
            len: used,
        },
    );
    if op.is_null() {
        return null_mut();
    }
    Py_INCREF(o);
    crate::gc::track(op as *mut PyObject);
    op as *mut PyObject
}

// binary operators: both operands must be sets or frozensets

unsafe extern "C" fn set_or(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    if !is_anyset(a) || !is_anyset(b) {
        return new_ref(not_implemented());
    }
    let r = copy(a);
    if r.is_null() || update(r, b).is_ok() {
        return r;
    }
    Py_DECREF(r);
    null_mut()
}

unsafe extern "C" fn set_and(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    if !is_anyset(a) || !is_anyset(b) {
        return new_ref(not_implemented());
    }
    intersection(a, b)
}

unsafe extern "C" fn set_sub(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    if !is_anyset(a) || !is_anyset(b) {
        return new_ref(not_implemented());
    }
    difference(a, b)
}

unsafe extern "C" fn set_xor(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    if !is_anyset(a) || !is_anyset(b) {
        return new_ref(not_implemented());
    }
    symmetric_difference(a, b)
}

macro_rules! inplace {
    ($name:ident, $f:expr) => {
        unsafe extern "C" fn $name(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
            if !is_anyset(b) {
                return new_ref(not_implemented());
            }
            if $f(a, b).is_err() {
                return null_mut();
            }
            new_ref(a)
        }
    };
}
inplace!(set_ior, update);
inplace!(set_iand, intersection_update);
inplace!(set_isub, difference_update);
inplace!(set_ixor, symmetric_difference_update);

// ---- methods ---------------------------------------------------------------------

/// `op(o, x)` (update, difference_update) for each argument in turn: the
/// multi-argument set methods.
unsafe fn update_with_each(
    o: *mut PyObject,
    xs: &[*mut PyObject],
    op: unsafe fn(*mut PyObject, *mut PyObject) -> PyResult<()>,
) -> PyResult<()> {
    for &x in xs {
        op(o, x)?;
    }
    Ok(())
}

unsafe extern "C" fn m_add(o: *mut PyObject, k: *mut PyObject) -> *mut PyObject {
    res_none(add(o, k))
}

unsafe extern "C" fn m_clear(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    clear(o);
    none()
}

unsafe extern "C" fn m_copy(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    if Py_TYPE(o) == &raw mut PyFrozenSet_Type {
        return new_ref(o);
    }
    copy(o)
}

unsafe extern "C" fn m_discard(o: *mut PyObject, k: *mut PyObject) -> *mut PyObject {
    res_none(discard(o, k).map(|_| ()))
}

unsafe extern "C" fn m_remove(o: *mut PyObject, k: *mut PyObject) -> *mut PyObject {
    match discard(o, k) {
        Ok(true) => none(),
        Ok(false) => {
            crate::objects::exceptions::raise_key_error(k);
            null_mut()
        }
        Err(()) => null_mut(),
    }
}

unsafe extern "C" fn m_pop(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    match pop(o) {
        Some(k) => k,
        None => {
            let m = unicode::from_str("pop from an empty set");
            if !m.is_null() {
                crate::objects::exceptions::raise_key_error(m);
                Py_DECREF(m);
            }
            null_mut()
        }
    }
}

unsafe extern "C" fn m_union(
    o: *mut PyObject,
    args: *const *mut PyObject,
    n: Py_ssize_t,
) -> *mut PyObject {
    let r = copy(o);
    if r.is_null() {
        return r;
    }
    if update_with_each(r, fastcall_args(args, n), update).is_err() {
        Py_DECREF(r);
        return null_mut();
    }
    r
}

unsafe extern "C" fn m_update(
    o: *mut PyObject,
    args: *const *mut PyObject,
    n: Py_ssize_t,
) -> *mut PyObject {
    res_none(update_with_each(o, fastcall_args(args, n), update))
}

unsafe extern "C" fn m_intersection(
    o: *mut PyObject,
    args: *const *mut PyObject,
    n: Py_ssize_t,
) -> *mut PyObject {
    let a = fastcall_args(args, n);
    if a.is_empty() {
        return copy(o);
    }
    let mut r = Owned::from_borrowed(o);
    for &x in a {
        let t = intersection(r.as_ptr(), x);
        if t.is_null() {
            return null_mut();
        }
        r = Owned(t);
    }
    r.into_ptr()
}

unsafe extern "C" fn m_intersection_update(
    o: *mut PyObject,
    args: *const *mut PyObject,
    n: Py_ssize_t,
) -> *mut PyObject {
    let t = m_intersection(o, args, n);
    if t.is_null() {
        return t;
    }
    if t != o {
        swap_bodies(o, t);
    }
    Py_DECREF(t);
    none()
}

unsafe extern "C" fn m_difference(
    o: *mut PyObject,
    args: *const *mut PyObject,
    n: Py_ssize_t,
) -> *mut PyObject {
    let a = fastcall_args(args, n);
    if a.is_empty() {
        return copy(o);
    }
    let r = difference(o, a[0]);
    if r.is_null() {
        return r;
    }
    if update_with_each(r, &a[1..], difference_update).is_err() {
        Py_DECREF(r);
        return null_mut();
    }
    r
}

unsafe extern "C" fn m_difference_update(
    o: *mut PyObject,
    args: *const *mut PyObject,
    n: Py_ssize_t,
) -> *mut PyObject {
    res_none(update_with_each(
        o,
        fastcall_args(args, n),
        difference_update,
    ))
}

unsafe extern "C" fn m_symdiff(o: *mut PyObject, x: *mut PyObject) -> *mut PyObject {
    symmetric_difference(o, x)
}

unsafe extern "C" fn m_symdiff_update(o: *mut PyObject, x: *mut PyObject) -> *mut PyObject {
    res_none(symmetric_difference_update(o, x))
}

fn res_bool(r: PyResult<bool>) -> *mut PyObject {
    match r {
        Ok(b) => unsafe { new_ref(bool_ref(b)) },
        Err(()) => null_mut(),
    }
}

unsafe extern "C" fn m_issubset(o: *mut PyObject, x: *mut PyObject) -> *mut PyObject {
    res_bool(issubset(o, x))
}
unsafe extern "C" fn m_issuperset(o: *mut PyObject, x: *mut PyObject) -> *mut PyObject {
    res_bool(issuperset(o, x))
}
unsafe extern "C" fn m_isdisjoint(o: *mut PyObject, x: *mut PyObject) -> *mut PyObject {
    res_bool(isdisjoint(o, x))
}
unsafe extern "C" fn m_contains(o: *mut PyObject, x: *mut PyObject) -> *mut PyObject {
    res_bool(contains(o, x))
}

unsafe extern "C" fn m_reduce(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    let l =
        crate::objects::list_ops::from_owned(entries(o).0.into_iter().map(|(k, _)| k).collect());
    if l.is_null() {
        return l;
    }
    let args = crate::objects::tuple::pack(&[l]);
    Py_DECREF(l);
    if args.is_null() {
        return args;
    }
    let d = crate::objects::baseobject::dict_ptr(o);
    let state = if d.is_null() || (*d).is_null() {
        none()
    } else {
        *d
    };
    let r = crate::objects::tuple::pack(&[Py_TYPE(o) as *mut PyObject, args, state]);
    Py_DECREF(args);
    r
}

static mut SET_METHODS: [PyMethodDef; 20] = [
    crate::meth!(c"add", m_add, METH_O),
    crate::meth!(c"clear", m_clear, METH_NOARGS),
    crate::meth!(c"__contains__", m_contains, METH_O | METH_COEXIST),
    crate::meth!(c"copy", m_copy, METH_NOARGS),
    crate::meth!(c"discard", m_discard, METH_O),
    crate::meth!(c"difference", m_difference, METH_FASTCALL),
    crate::meth!(c"difference_update", m_difference_update, METH_FASTCALL),
    crate::meth!(c"intersection", m_intersection, METH_FASTCALL),
    crate::meth!(c"intersection_update", m_intersection_update, METH_FASTCALL),
    crate::meth!(c"isdisjoint", m_isdisjoint, METH_O),
    crate::meth!(c"issubset", m_issubset, METH_O),
    crate::meth!(c"issuperset", m_issuperset, METH_O),
    crate::meth!(c"pop", m_pop, METH_NOARGS),
    crate::meth!(c"__reduce__", m_reduce, METH_NOARGS),
    crate::meth!(c"remove", m_remove, METH_O),
    crate::meth!(c"symmetric_difference", m_symdiff, METH_O),
    crate::meth!(c"symmetric_difference_update", m_symdiff_update, METH_O),
    crate::meth!(c"union", m_union, METH_FASTCALL),
    crate::meth!(c"update", m_update, METH_FASTCALL),
    SENTINEL,
];

static mut FROZENSET_METHODS: [PyMethodDef; 11] = [
    crate::meth!(c"__contains__", m_contains, METH_O | METH_COEXIST),
    crate::meth!(c"copy", m_copy, METH_NOARGS),
    crate::meth!(c"difference", m_difference, METH_FASTCALL),
    crate::meth!(c"intersection", m_intersection, METH_FASTCALL),
    crate::meth!(c"isdisjoint", m_isdisjoint, METH_O),
    crate::meth!(c"issubset", m_issubset, METH_O),
    crate::meth!(c"issuperset", m_issuperset, METH_O),
    crate::meth!(c"__reduce__", m_reduce, METH_NOARGS),
    crate::meth!(c"symmetric_difference", m_symdiff, METH_O),
    crate::meth!(c"union", m_union, METH_FASTCALL),
    SENTINEL,
];

// ---- constructors ------------------------------------------------------------------

unsafe extern "C" fn set_new(
    t: *mut PyTypeObject,
    _args: *mut PyObject,
    _kw: *mut PyObject,
) -> *mut PyObject {
    new_empty(t)
}

unsafe extern "C" fn set_init(o: *mut PyObject, args: *mut PyObject, kw: *mut PyObject) -> c_int {
    if Py_TYPE(o) == &raw mut PySet_Type && no_keywords("set", kw).is_err() {
        return -1;
    }
    let a = args_slice(args);
    if check_positional("set", a.len(), 0, 1).is_err() {
        return -1;
    }
    if len(o) > 0 {
        clear(o);
    }
    if a.len() == 1 {
        return res_int(update(o, a[0]));
    }
    0
}

unsafe extern "C" fn frozenset_new(
    t: *mut PyTypeObject,
    args: *mut PyObject,
    kw: *mut PyObject,
) -> *mut PyObject {
    if t == &raw mut PyFrozenSet_Type && no_keywords("frozenset", kw).is_err() {
        return null_mut();
    }
    let a = args_slice(args);
    if check_positional("frozenset", a.len(), 0, 1).is_err() {
        return null_mut();
    }
    if a.len() == 1 && t == &raw mut PyFrozenSet_Type && Py_TYPE(a[0]) == t {
        return new_ref(a[0]);
    }
    make(t, if a.is_empty() { null_mut() } else { a[0] })
}

static SET_AS_SEQUENCE: PySequenceMethods = PySequenceMethods {
    sq_length: Some(set_len),
    sq_contains: Some(set_contains_slot),
    ..PySequenceMethods::EMPTY
};

static SET_AS_NUMBER: PyNumberMethods = PyNumberMethods {
    nb_subtract: Some(set_sub),
    nb_and: Some(set_and),
    nb_xor: Some(set_xor),
    nb_or: Some(set_or),
    nb_inplace_subtract: Some(set_isub),
    nb_inplace_and: Some(set_iand),
    nb_inplace_xor: Some(set_ixor),
    nb_inplace_or: Some(set_ior),
    ..PyNumberMethods::EMPTY
};

static FROZENSET_AS_NUMBER: PyNumberMethods = PyNumberMethods {
    nb_subtract: Some(set_sub),
    nb_and: Some(set_and),
    nb_xor: Some(set_xor),
    nb_or: Some(set_or),
    ..PyNumberMethods::EMPTY
};

// ---- iterator ------------------------------------------------------------------------

#[repr(C)]
pub struct SetIterObject {
    pub ob_base: PyObject,
    pub lock: RawLock,
    /// NULL once exhausted.
    pub set: *mut PyObject,
    pub pos: usize,
    pub used: usize,
    pub len: usize,
}

unsafe extern "C" fn setiter_next(o: *mut PyObject) -> *mut PyObject {
    let it = &mut *(o as *mut SetIterObject);
    it.lock.lock();
    let sp = it.set;
    if sp.is_null() {
        it.lock.unlock();
        return null_mut();
    }
    let s = so(sp);
    s.lock.lock();
    if s.table.used != it.used {
        it.used = usize::MAX;
        s.lock.unlock();
        it.lock.unlock();
        return crate::raise_null!(PyExc_RuntimeError, "Set changed size during iteration");
    }
    let mut i = it.pos;
    let n = s.table.slots.len();
    while i < n {
        let k = s.table.slots[i].key;
        if !k.is_null() && k != dummy() {
            Py_INCREF(k);
            s.lock.unlock();
            it.pos = i + 1;
            it.len = it.len.saturating_sub(1);
            it.lock.unlock();
            return k;
        }
        i += 1;
    }
    s.lock.unlock();
    it.set = null_mut();
    it.lock.unlock();
    Py_DECREF(sp);
    null_mut()
}

unsafe extern "C" fn setiter_dealloc(o: *mut PyObject) {
    crate::gc::untrack(o);
    Py_XDECREF((*(o as *mut SetIterObject)).set);
    alloc::free_via_type(o);
}

unsafe extern "C" fn setiter_traverse(
    o: *mut PyObject,
    visit: visitproc,
    arg: *mut c_void,
) -> c_int {
    let s = (*(o as *mut SetIterObject)).set;
    if s.is_null() {
        0
    } else {
        visit(s, arg)
    }
}

unsafe extern "C" fn setiter_len(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    let it = &*(o as *mut SetIterObject);
    let n = if !it.set.is_null() && it.used == len(it.set) as usize {
        it.len
    } else {
        0
    };
    long::from_i64(n as i64)
}

static mut SETITER_METHODS: [PyMethodDef; 2] = [
    crate::meth!(c"__length_hint__", setiter_len, METH_NOARGS),
    SENTINEL,
];

pub unsafe fn init_types() {
    use crate::objects::typeobject::init_builtin;
    for (t, name) in [
        (&raw mut PySet_Type, c"set"),
        (&raw mut PyFrozenSet_Type, c"frozenset"),
    ] {
        init_builtin(t, name, core::mem::size_of::<SetObject>(), 0);
        (*t).tp_flags |= Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC;
        (*t).tp_dealloc = Some(set_dealloc);
        (*t).tp_traverse = Some(set_traverse);
        (*t).tp_clear = Some(set_tp_clear);
        (*t).tp_repr = Some(set_repr);
        (*t).tp_richcompare = Some(set_richcompare);
        (*t).tp_iter = Some(set_iter);
        (*t).tp_as_sequence = &raw const SET_AS_SEQUENCE as *mut _;
        (*t).tp_weaklistoffset = core::mem::offset_of!(SetObject, weakreflist) as Py_ssize_t;
    }
    let t = &raw mut PySet_Type;
    (*t).tp_hash = Some(crate::objects::baseobject::hash_not_implemented);
    (*t).tp_as_number = &raw const SET_AS_NUMBER as *mut _;
    (*t).tp_methods = (&raw mut SET_METHODS).cast();
    (*t).tp_new = Some(set_new);
    (*t).tp_init = Some(set_init);
    (*t).tp_doc = c"Build an unordered collection of unique elements.".as_ptr();
    let t = &raw mut PyFrozenSet_Type;
    (*t).tp_hash = Some(frozenset_hash);
    (*t).tp_as_number = &raw const FROZENSET_AS_NUMBER as *mut _;
    (*t).tp_methods = (&raw mut FROZENSET_METHODS).cast();
    (*t).tp_new = Some(frozenset_new);
    (*t).tp_doc = c"Build an immutable unordered collection of unique elements.".as_ptr();
    let t = &raw mut PySetIter_Type;
    init_builtin(t, c"set_iterator", core::mem::size_of::<SetIterObject>(), 0);
    (*t).tp_flags |= Py_TPFLAGS_HAVE_GC;
    (*t).tp_iter = Some(crate::objects::iterobject::self_iter);
    (*t).tp_iternext = Some(setiter_next);
    (*t).tp_dealloc = Some(setiter_dealloc);
    (*t).tp_traverse = Some(setiter_traverse);
    (*t).tp_methods = (&raw mut SETITER_METHODS).cast();
}
