//! `dict`: an insertion-ordered hash table (CPython's compact layout: a dense entry
//! array plus a sparse index table).
//!
//! Free-threading: every dict has its own lock, held only while the table is read or
//! changed, never while Python-level code runs. Comparing a stored key with `__eq__`
//! can run arbitrary code, so lookups release the lock around such a comparison and
//! start again if the dict changed meanwhile (the `version` counter).

use core::ffi::c_int;
use core::ptr::null_mut;

use crate::alloc;
use crate::exported::*;
use crate::lock::RawLock;
use crate::object::*;
use crate::objects::unicode;
use crate::protocols;
use crate::typeobj::*;

#[derive(Clone, Copy)]
pub struct Entry {
    pub hash: Py_hash_t,
    /// NULL for a deleted entry.
    pub key: *mut PyObject,
    pub value: *mut PyObject,
}

#[derive(Default)]
pub struct Table {
    /// Dense, insertion-ordered entries (deleted ones have a NULL key).
    pub entries: Vec<Entry>,
    /// Sparse index: -1 empty, -2 dummy, else an index into `entries`.
    pub indices: Vec<i32>,
    pub used: usize,
}

#[repr(C)]
pub struct DictObject {
    pub ob_base: PyObject,
    pub lock: RawLock,
    pub version: u64,
    pub table: Table,
}

const EMPTY: i32 = -1;
const DUMMY: i32 = -2;

#[inline]
pub unsafe fn is_dict(o: *mut PyObject) -> bool {
    has_flag(Py_TYPE(o), Py_TPFLAGS_DICT_SUBCLASS)
}

#[inline]
pub unsafe fn is_dict_exact(o: *mut PyObject) -> bool {
    Py_TYPE(o) == &raw mut PyDict_Type
}

#[inline]
unsafe fn d<'a>(o: *mut PyObject) -> &'a mut DictObject {
    &mut *(o as *mut DictObject)
}

/// A new empty dict.
pub unsafe fn new() -> *mut PyObject {
    let op = alloc::new_object(
        &raw mut PyDict_Type,
        DictObject {
            ob_base: PyObject {
                ob_refcnt: 1,
                ob_type: null_mut(),
            },
            lock: RawLock::new(),
            version: 0,
            table: Table::default(),
        },
    );
    if op.is_null() {
        return null_mut();
    }
    crate::gc::track(op as *mut PyObject);
    op as *mut PyObject
}

/// Initialise the dict part of an instance of a dict subclass made by `tp_alloc`.
pub unsafe fn init_in_place(o: *mut PyObject) {
    let dd = o as *mut DictObject;
    core::ptr::write(&raw mut (*dd).lock, RawLock::new());
    (*dd).version = 0;
    core::ptr::write(&raw mut (*dd).table, Table::default());
}

pub unsafe fn len(o: *mut PyObject) -> Py_ssize_t {
    d(o).table.used as Py_ssize_t
}

/// Hash of a key, fast for exact str.
#[inline]
pub unsafe fn key_hash(key: *mut PyObject) -> PyResult<Py_hash_t> {
    if unicode::is_unicode_exact(key) {
        return Ok(unicode::unicode_hash(key));
    }
    let h = protocols::object::hash(key);
    if h == -1 {
        crate::objects::sequtil::rewrite_unhashable(key, "dict key");
        Err(())
    } else {
        Ok(h)
    }
}

/// Outcome of probing with the lock held (dict and set tables).
pub(crate) enum Probe<M> {
    Found(usize),
    /// Not present; where it would be inserted (dict: the slot index; set: the
    /// first dummy seen and the empty slot that ended the probe).
    Missing(M),
    /// A stored key needs a real `__eq__` call: (entry index, key).
    NeedsCompare(usize, *mut PyObject),
}

impl Table {
    fn mask(&self) -> usize {
        self.indices.len() - 1
    }

    /// Probe for `key`; `skip_until` lets a restarted lookup skip entries already
    /// found unequal.
    unsafe fn probe(&self, key: *mut PyObject, hash: Py_hash_t, unequal: &[usize]) -> Probe<usize> {
        if self.indices.is_empty() {
            return Probe::Missing(usize::MAX);
        }
        let mask = self.mask();
        let mut perturb = hash as usize;
        let mut i = (hash as usize) & mask;
        let mut free_slot = usize::MAX;
        loop {
            let ix = self.indices[i];
            if ix == EMPTY {
                return Probe::Missing(if free_slot != usize::MAX {
                    free_slot
                } else {
                    i
                });
            }
            if ix == DUMMY {
                if free_slot == usize::MAX {
                    free_slot = i;
                }
            } else {
                let e = &self.entries[ix as usize];
                if e.key == key {
                    return Probe::Found(ix as usize);
                }
                if e.hash == hash && !unequal.contains(&(ix as usize)) {
                    if unicode::is_unicode_exact(e.key) && unicode::is_unicode_exact(key) {
                        if unicode::eq(e.key, key) {
                            return Probe::Found(ix as usize);
                        }
                    } else {
                        return Probe::NeedsCompare(ix as usize, e.key);
                    }
                }
            }
            perturb >>= 5;
            i = (i * 5 + perturb + 1) & mask;
        }
    }

    fn rebuild(&mut self, min_used: usize) {
        let live: Vec<Entry> = self
            .entries
            .iter()
            .copied()
            .filter(|e| !e.key.is_null())
            .collect();
        let mut size = 8usize;
        while size * 2 < (min_used.max(live.len()) + 1) * 3 {
            size *= 2;
        }
        self.indices = vec![EMPTY; size];
        self.entries = live;
        let mask = size - 1;
        for (n, e) in self.entries.iter().enumerate() {
            let mut perturb = e.hash as usize;
            let mut i = (e.hash as usize) & mask;
            while self.indices[i] != EMPTY {
                perturb >>= 5;
                i = (i * 5 + perturb + 1) & mask;
            }
            self.indices[i] = n as i32;
        }
    }

    fn needs_grow(&self) -> bool {
        self.indices.is_empty() || (self.entries.len() + 1) * 3 > self.indices.len() * 2
    }
}

/// Find `key`: the entry index, or None. Runs `__eq__` without the lock held.
unsafe fn find(
    o: *mut PyObject,
    key: *mut PyObject,
    hash: Py_hash_t,
) -> PyResult<Option<(usize, u64)>> {
    let dd = d(o);
    find_with_eq(
        key,
        &dd.lock,
        || dd.version,
        |unequal| dd.table.probe(key, hash, unequal),
    )
}

/// The lookup loop dict and set share: `probe` runs with `lock` held; a stored
/// key that needs `__eq__` is compared with the lock released (Python code may
/// run), and the search restarts if `version` moved meanwhile. Ok(Some((entry,
/// version at the probe))) when found.
pub(crate) unsafe fn find_with_eq<M>(
    key: *mut PyObject,
    lock: &RawLock,
    version: impl Fn() -> u64,
    probe: impl Fn(&[usize]) -> Probe<M>,
) -> PyResult<Option<(usize, u64)>> {
    let mut unequal: Vec<usize> = Vec::new();
    loop {
        lock.lock();
        let v = version();
        match probe(&unequal) {
            Probe::Found(i) => {
                lock.unlock();
                return Ok(Some((i, v)));
            }
            Probe::Missing(_) => {
                lock.unlock();
                return Ok(None);
            }
            Probe::NeedsCompare(i, stored) => {
                Py_INCREF(stored);
                lock.unlock();
                let r = protocols::object::rich_compare_bool(stored, key, 2);
                Py_DECREF(stored);
                if r < 0 {
                    return Err(());
                }
                lock.lock();
                let changed = version() != v;
                lock.unlock();
                if changed {
                    unequal.clear();
                    continue;
                }
                if r == 1 {
                    return Ok(Some((i, v)));
                }
                unequal.push(i);
            }
        }
    }
}

/// Look up `key` with a known hash: a new reference, or NULL (no exception) when
/// missing, or Err with an exception set.
pub unsafe fn get_item_ref_hashed(
    o: *mut PyObject,
    key: *mut PyObject,
    hash: Py_hash_t,
) -> PyResult<*mut PyObject> {
    loop {
        match find(o, key, hash)? {
            None => return Ok(null_mut()),
            Some((i, version)) => {
                let dd = d(o);
                dd.lock.lock();
                if dd.version != version {
                    dd.lock.unlock();
                    continue;
                }
                let v = dd.table.entries[i].value;
                Py_INCREF(v);
                dd.lock.unlock();
                return Ok(v);
            }
        }
    }
}

/// `PyDict_GetItemRef` core: new reference or NULL when missing.
pub unsafe fn get_item_ref(o: *mut PyObject, key: *mut PyObject) -> PyResult<*mut PyObject> {
    let h = key_hash(key)?;
    get_item_ref_hashed(o, key, h)
}

/// Borrowed lookup (`PyDict_GetItemWithError`): NULL when missing (no exception) or
/// on error (exception set). The value stays alive only while the dict holds it.
pub unsafe fn get_item_borrowed(o: *mut PyObject, key: *mut PyObject) -> *mut PyObject {
    match get_item_ref(o, key) {
        Ok(v) => {
            if !v.is_null() {
                Py_DECREF(v);
            }
            v
        }
        Err(()) => null_mut(),
    }
}

/// Borrowed lookup by Rust string key (interned), NULL when missing.
pub unsafe fn get_str(o: *mut PyObject, key: &str) -> *mut PyObject {
    let k = unicode::intern_str(key);
    get_item_borrowed(o, k)
}

/// `d[key] = value` (new references taken on both).
pub unsafe fn set_item(o: *mut PyObject, key: *mut PyObject, value: *mut PyObject) -> PyResult<()> {
    let h = key_hash(key)?;
    set_item_hashed(o, key, h, value)
}

pub unsafe fn set_item_hashed(
    o: *mut PyObject,
    key: *mut PyObject,
    hash: Py_hash_t,
    value: *mut PyObject,
) -> PyResult<()> {
    Py_INCREF(value);
    loop {
        let found = find(o, key, hash);
        let found = match found {
            Ok(f) => f,
            Err(()) => {
                Py_DECREF(value);
                return Err(());
            }
        };
        let dd = d(o);
        dd.lock.lock();
        match found {
            Some((i, version)) => {
                if dd.version != version {
                    dd.lock.unlock();
                    continue;
                }
                let old = dd.table.entries[i].value;
                dd.table.entries[i].value = value;
                dd.version += 1;
                dd.lock.unlock();
                Py_DECREF(old);
                return Ok(());
            }
            None => {
                // Re-probe under the lock: the key may have appeared meanwhile.
                match dd.table.probe(key, hash, &[]) {
                    Probe::Missing(_) => {}
                    _ => {
                        dd.lock.unlock();
                        continue;
                    }
                }
                if dd.table.needs_grow() {
                    let used = dd.table.used;
                    dd.table.rebuild(used * 2 + 1);
                }
                let slot = match dd.table.probe(key, hash, &[]) {
                    Probe::Missing(s) => s,
                    _ => unreachable!(),
                };
                Py_INCREF(key);
                dd.table.indices[slot] = dd.table.entries.len() as i32;
                dd.table.entries.push(Entry { hash, key, value });
                dd.table.used += 1;
                dd.version += 1;
                dd.lock.unlock();
                return Ok(());
            }
        }
    }
}

pub unsafe fn set_str(o: *mut PyObject, key: &str, value: *mut PyObject) -> PyResult<()> {
    let k = unicode::intern_str(key);
    set_item(o, k, value)
}

/// Remove `key`; KeyError when missing.
pub unsafe fn del_item(o: *mut PyObject, key: *mut PyObject) -> PyResult<()> {
    match pop_item(o, key)? {
        Some(v) => {
            Py_DECREF(v);
            Ok(())
        }
        None => {
            crate::objects::exceptions::raise_key_error(key);
            Err(())
        }
    }
}

/// Remove `key` and return its value (new reference), or None when missing.
pub unsafe fn pop_item(o: *mut PyObject, key: *mut PyObject) -> PyResult<Option<*mut PyObject>> {
    let h = key_hash(key)?;
    loop {
        let Some((i, version)) = find(o, key, h)? else {
            return Ok(None);
        };
        let dd = d(o);
        dd.lock.lock();
        if dd.version != version {
            dd.lock.unlock();
            continue;
        }
        let e = dd.table.entries[i];
        // Mark the index slot as a dummy.
        let mask = dd.table.mask();
        let mut perturb = e.hash as usize;
        let mut s = (e.hash as usize) & mask;
        while dd.table.indices[s] != i as i32 {
            perturb >>= 5;
            s = (s * 5 + perturb + 1) & mask;
        }
        dd.table.indices[s] = DUMMY;
        dd.table.entries[i].key = null_mut();
        dd.table.entries[i].value = null_mut();
        dd.table.used -= 1;
        dd.version += 1;
        if dd.table.used == 0 {
            dd.table.entries.clear();
            dd.table.indices.clear();
        }
        dd.lock.unlock();
        Py_DECREF(e.key);
        return Ok(Some(e.value));
    }
}

/// Insert `key: value` only if `key` is missing; Ok(true) when inserted.
pub unsafe fn insert_if_absent(
    o: *mut PyObject,
    key: *mut PyObject,
    value: *mut PyObject,
) -> PyResult<bool> {
    let h = key_hash(key)?;
    loop {
        if find(o, key, h)?.is_some() {
            return Ok(false);
        }
        let dd = d(o);
        dd.lock.lock();
        match dd.table.probe(key, h, &[]) {
            Probe::Missing(_) => {}
            Probe::Found(_) => {
                dd.lock.unlock();
                return Ok(false);
            }
            Probe::NeedsCompare(..) => {
                dd.lock.unlock();
                continue;
            }
        }
        if dd.table.needs_grow() {
            let used = dd.table.used;
            dd.table.rebuild(used * 2 + 1);
        }
        let slot = match dd.table.probe(key, h, &[]) {
            Probe::Missing(s) => s,
            _ => unreachable!(),
        };
        Py_INCREF(key);
        Py_INCREF(value);
        dd.table.indices[slot] = dd.table.entries.len() as i32;
        dd.table.entries.push(Entry {
            hash: h,
            key,
            value,
        });
        dd.table.used += 1;
        dd.version += 1;
        dd.lock.unlock();
        return Ok(true);
    }
}

/// Remove and return the last entry (`popitem`), new references.
pub unsafe fn pop_last(o: *mut PyObject) -> Option<(*mut PyObject, *mut PyObject)> {
    let dd = d(o);
    dd.lock.lock();
    let Some(i) = dd.table.entries.iter().rposition(|e| !e.key.is_null()) else {
        dd.lock.unlock();
        return None;
    };
    let e = dd.table.entries[i];
    let mask = dd.table.mask();
    let mut perturb = e.hash as usize;
    let mut s = (e.hash as usize) & mask;
    while dd.table.indices[s] != i as i32 {
        perturb >>= 5;
        s = (s * 5 + perturb + 1) & mask;
    }
    dd.table.indices[s] = DUMMY;
    dd.table.entries.truncate(i);
    dd.table.used -= 1;
    dd.version += 1;
    if dd.table.used == 0 {
        dd.table.entries.clear();
        dd.table.indices.clear();
    }
    dd.lock.unlock();
    Some((e.key, e.value))
}

/// The entry at position `i` of the dense array (new references), with the
/// number of live entries, for iterators: None past the end; `Some(None)` for a
/// deleted slot.
pub unsafe fn entry_at(
    o: *mut PyObject,
    i: usize,
) -> (usize, usize, Option<Option<(*mut PyObject, *mut PyObject)>>) {
    let dd = d(o);
    dd.lock.lock();
    let used = dd.table.used;
    let n = dd.table.entries.len();
    let r = if i < n {
        let e = dd.table.entries[i];
        if e.key.is_null() {
            Some(None)
        } else {
            Py_INCREF(e.key);
            Py_INCREF(e.value);
            Some(Some((e.key, e.value)))
        }
    } else {
        None
    };
    dd.lock.unlock();
    (used, n, r)
}

/// `PyDict_Clear`.
pub unsafe fn clear(o: *mut PyObject) {
    let dd = d(o);
    dd.lock.lock();
    let old = core::mem::take(&mut dd.table);
    dd.version += 1;
    dd.lock.unlock();
    for e in old.entries {
        if !e.key.is_null() {
            Py_DECREF(e.key);
            Py_DECREF(e.value);
        }
    }
}

/// Position-based iteration (`PyDict_Next`): on success returns borrowed key/value
/// and advances `*pos` past the entry.
pub unsafe fn next(
    o: *mut PyObject,
    pos: &mut Py_ssize_t,
) -> Option<(*mut PyObject, *mut PyObject, Py_hash_t)> {
    let dd = d(o);
    dd.lock.lock();
    let mut i = (*pos).max(0) as usize;
    let mut r = None;
    while i < dd.table.entries.len() {
        let e = dd.table.entries[i];
        i += 1;
        if !e.key.is_null() {
            r = Some((e.key, e.value, e.hash));
            break;
        }
    }
    dd.lock.unlock();
    *pos = i as Py_ssize_t;
    r
}

/// A snapshot of the live entries with new references (for iteration that may run
/// Python code).
pub unsafe fn snapshot(o: *mut PyObject) -> Vec<(*mut PyObject, *mut PyObject)> {
    let dd = d(o);
    dd.lock.lock();
    let v: Vec<(*mut PyObject, *mut PyObject)> = dd
        .table
        .entries
        .iter()
        .filter(|e| !e.key.is_null())
        .map(|e| {
            Py_INCREF(e.key);
            Py_INCREF(e.value);
            (e.key, e.value)
        })
        .collect();
    dd.lock.unlock();
    v
}

/// The live keys with their stored hashes (new references).
pub unsafe fn snapshot_hashed(o: *mut PyObject) -> Vec<(*mut PyObject, Py_hash_t)> {
    let dd = d(o);
    dd.lock.lock();
    let v = dd
        .table
        .entries
        .iter()
        .filter(|e| !e.key.is_null())
        .map(|e| {
            Py_INCREF(e.key);
            (e.key, e.hash)
        })
        .collect();
    dd.lock.unlock();
    v
}

/// `PyDict_Copy`.
pub unsafe fn copy(o: *mut PyObject) -> *mut PyObject {
    let n = new();
    if n.is_null() {
        return n;
    }
    let dd = d(o);
    dd.lock.lock();
    let mut t = Table {
        entries: Vec::with_capacity(dd.table.used),
        indices: Vec::new(),
        used: dd.table.used,
    };
    for e in dd.table.entries.iter().filter(|e| !e.key.is_null()) {
        Py_INCREF(e.key);
        Py_INCREF(e.value);
        t.entries.push(*e);
    }
    dd.lock.unlock();
    let used = t.used;
    t.rebuild(used);
    d(n).table = t;
    n
}

/// `PyDict_Contains`.
pub unsafe fn contains(o: *mut PyObject, key: *mut PyObject) -> PyResult<bool> {
    let h = key_hash(key)?;
    Ok(find(o, key, h)?.is_some())
}

/// Merge `other` (a dict, or a mapping with `keys()`) into `o`; with `override_`
/// false existing keys win (`PyDict_Merge`).
pub unsafe fn merge(o: *mut PyObject, other: *mut PyObject, override_: bool) -> PyResult<()> {
    if is_dict(other) {
        for (k, v) in snapshot(other) {
            let r = if override_ || !contains(o, k)? {
                set_item(o, k, v)
            } else {
                Ok(())
            };
            Py_DECREF(k);
            Py_DECREF(v);
            r?;
        }
        return Ok(());
    }
    let keys = protocols::call::call_method(other, "keys", &[])?;
    let keys = Owned::from_new(keys).ok_or(())?;
    let it = Owned::from_new(protocols::iter::get_iter(keys.as_ptr())).ok_or(())?;
    loop {
        let k = protocols::iter::next(it.as_ptr());
        if k.is_null() {
            if crate::errors::raised().is_null() {
                return Ok(());
            }
            return Err(());
        }
        let k = Owned::from_new(k).ok_or(())?;
        if !override_ && contains(o, k.as_ptr())? {
            continue;
        }
        let v = Owned::from_new(protocols::object::get_item(other, k.as_ptr())).ok_or(())?;
        set_item(o, k.as_ptr(), v.as_ptr())?;
    }
}

// ---- the type ------------------------------------------------------------------

pub unsafe extern "C" fn dict_dealloc(o: *mut PyObject) {
    crate::gc::untrack(o);
    let t = core::mem::take(&mut d(o).table);
    for e in t.entries {
        if !e.key.is_null() {
            Py_DECREF(e.key);
            Py_DECREF(e.value);
        }
    }
    alloc::free_via_type(o);
}

pub unsafe extern "C" fn dict_traverse(
    o: *mut PyObject,
    visit: visitproc,
    arg: *mut core::ffi::c_void,
) -> c_int {
    // Runs with the world stopped (the collector) or with the dict owned.
    for e in d(o).table.entries.iter() {
        if !e.key.is_null() {
            let r = visit(e.key, arg);
            if r != 0 {
                return r;
            }
            let r = visit(e.value, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

pub unsafe extern "C" fn dict_tp_clear(o: *mut PyObject) -> c_int {
    clear(o);
    0
}

pub unsafe extern "C" fn dict_length(o: *mut PyObject) -> Py_ssize_t {
    len(o)
}

pub unsafe extern "C" fn dict_subscript(o: *mut PyObject, key: *mut PyObject) -> *mut PyObject {
    match get_item_ref(o, key) {
        Ok(v) if !v.is_null() => v,
        Ok(_) => {
            if !is_dict_exact(o) {
                // dict subclasses may define __missing__.
                let missing = crate::objects::typeobject::lookup_str(Py_TYPE(o), "__missing__");
                if !missing.is_null() {
                    return protocols::call::call_function(missing, &[o, key]);
                }
            }
            crate::objects::exceptions::raise_key_error(key);
            null_mut()
        }
        Err(()) => null_mut(),
    }
}

pub unsafe extern "C" fn dict_ass_subscript(
    o: *mut PyObject,
    key: *mut PyObject,
    v: *mut PyObject,
) -> c_int {
    let r = if v.is_null() {
        del_item(o, key)
    } else {
        set_item(o, key, v)
    };
    if r.is_ok() {
        0
    } else {
        -1
    }
}

pub unsafe extern "C" fn dict_contains(o: *mut PyObject, key: *mut PyObject) -> c_int {
    match contains(o, key) {
        Ok(b) => b as c_int,
        Err(()) => -1,
    }
}

pub unsafe extern "C" fn dict_repr(o: *mut PyObject) -> *mut PyObject {
    if len(o) == 0 {
        return unicode::from_str("{}");
    }
    let guard = match crate::protocols::object::ReprGuard::enter(o) {
        Some(g) => g,
        None => return unicode::from_str("{...}"),
    };
    let mut s = String::from("{");
    let mut first = true;
    for (k, v) in snapshot(o) {
        if !first {
            s.push_str(", ");
        }
        first = false;
        let kr = protocols::object::repr(k);
        let vr = if kr.is_null() {
            null_mut()
        } else {
            protocols::object::repr(v)
        };
        Py_DECREF(k);
        Py_DECREF(v);
        if kr.is_null() || vr.is_null() {
            Py_XDECREF(kr);
            drop(guard);
            return null_mut();
        }
        s.push_str(&unicode::to_string_lossy(kr));
        s.push_str(": ");
        s.push_str(&unicode::to_string_lossy(vr));
        Py_DECREF(kr);
        Py_DECREF(vr);
    }
    s.push('}');
    drop(guard);
    unicode::from_str(&s)
}

pub unsafe extern "C" fn dict_richcompare(
    a: *mut PyObject,
    b: *mut PyObject,
    op: c_int,
) -> *mut PyObject {
    if !is_dict(b) || (op != 2 && op != 3) {
        return new_ref(not_implemented());
    }
    let r = match dict_equal(a, b) {
        Ok(r) => r,
        Err(()) => return null_mut(),
    };
    new_ref(py_bool(if op == 2 { r } else { !r }))
}

unsafe fn dict_equal(a: *mut PyObject, b: *mut PyObject) -> PyResult<bool> {
    if len(a) != len(b) {
        return Ok(false);
    }
    for (k, v) in snapshot(a) {
        let k = Owned(k);
        let v = Owned(v);
        let bv = get_item_ref(b, k.as_ptr())?;
        if bv.is_null() {
            return Ok(false);
        }
        let bv = Owned(bv);
        let r = protocols::object::rich_compare_bool(v.as_ptr(), bv.as_ptr(), 2);
        if r < 0 {
            return Err(());
        }
        if r == 0 {
            return Ok(false);
        }
    }
    Ok(true)
}

static DICT_AS_MAPPING: PyMappingMethods = PyMappingMethods {
    mp_length: Some(dict_length),
    mp_subscript: Some(dict_subscript),
    mp_ass_subscript: Some(dict_ass_subscript),
};

static DICT_AS_SEQUENCE: PySequenceMethods = PySequenceMethods {
    sq_contains: Some(dict_contains),
    ..PySequenceMethods::EMPTY
};

pub unsafe fn init_type() {
    let t = &raw mut PyDict_Type;
    crate::objects::typeobject::init_builtin(t, c"dict", core::mem::size_of::<DictObject>(), 0);
    (*t).tp_flags |=
        Py_TPFLAGS_BASETYPE | Py_TPFLAGS_DICT_SUBCLASS | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_MAPPING;
    (*t).tp_dealloc = Some(dict_dealloc);
    (*t).tp_traverse = Some(dict_traverse);
    (*t).tp_clear = Some(dict_tp_clear);
    (*t).tp_repr = Some(dict_repr);
    (*t).tp_richcompare = Some(dict_richcompare);
    (*t).tp_hash = Some(crate::objects::baseobject::hash_not_implemented);
    (*t).tp_as_mapping = &raw const DICT_AS_MAPPING as *mut _;
    (*t).tp_as_sequence = &raw const DICT_AS_SEQUENCE as *mut _;
    (*t).tp_doc = c"dict() -> new empty dictionary\ndict(mapping) -> new dictionary initialized from a mapping object's\n    (key, value) pairs\ndict(iterable) -> new dictionary initialized as if via:\n    d = {}\n    for k, v in iterable:\n        d[k] = v\ndict(**kwargs) -> new dictionary initialized with the name=value pairs\n    in the keyword argument list.  For example:  dict(one=1, two=2)".as_ptr();
    crate::objects::dict_ops::init_dict_slots(t);
}

/// A read-only view of a mapping (`types.MappingProxyType`), used for `type.__dict__`.
pub unsafe fn new_proxy(mapping: *mut PyObject) -> *mut PyObject {
    crate::objects::dictviews::new_mappingproxy(mapping)
}
