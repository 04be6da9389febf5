//! The operations of `list` beyond storage: slicing, item assignment, insertion,
//! concatenation, repetition, sorting, the methods, the constructor and the
//! iterators (`PyListIter_Type`, `PyListRevIter_Type`).
//!
//! Every operation takes the list's own lock only while it reads or changes the
//! item array; Python-level code (comparisons, `__index__`, iteration of another
//! object, destructors of removed items) always runs with the lock released.

use core::ffi::{c_int, c_void};
use core::ptr::null_mut;
use core::sync::atomic::{AtomicIsize, AtomicPtr, Ordering};

use crate::alloc;
use crate::defs::*;
use crate::exported::*;
use crate::object::*;
use crate::objects::list::{is_list, l, new, reserve_locked, snapshot, ListObject};
use crate::objects::sequtil::*;
use crate::objects::{long, slice, tuple};
use crate::protocols;
use crate::typeobj::*;

/// Items of any iterable as new references (lists and tuples without iterating).
pub unsafe fn items_of(v: *mut PyObject) -> PyResult<Vec<Owned>> {
    if is_list(v) {
        return Ok(snapshot(v));
    }
    if tuple::is_tuple(v) {
        return Ok(tuple::as_slice(v)
            .iter()
            .map(|&x| Owned::from_borrowed(x))
            .collect());
    }
    protocols::iter::collect(v)
}

/// A new list from owned items.
pub unsafe fn from_owned(v: Vec<Owned>) -> *mut PyObject {
    let o = new(v.len() as Py_ssize_t);
    if o.is_null() {
        return o;
    }
    for (i, x) in v.into_iter().enumerate() {
        *l(o).ob_item.add(i) = x.into_ptr();
    }
    o
}

/// `PyList_SetItem`: store `v` (stolen) at `i`.
pub unsafe fn set_item_steal(o: *mut PyObject, i: Py_ssize_t, v: *mut PyObject) -> PyResult<()> {
    let lo = l(o);
    lo.lock.lock();
    if i < 0 || i >= lo.ob_base.ob_size {
        lo.lock.unlock();
        Py_XDECREF(v);
        return crate::raise!(PyExc_IndexError, "list assignment index out of range");
    }
    let slot = lo.ob_item.offset(i);
    let old = *slot;
    *slot = v;
    lo.lock.unlock();
    Py_XDECREF(old);
    Ok(())
}

/// `PyList_Insert`: insert a new reference to `v` before `where_` (clipped).
pub unsafe fn insert(o: *mut PyObject, where_: Py_ssize_t, v: *mut PyObject) -> PyResult<()> {
    let lo = l(o);
    lo.lock.lock();
    let n = lo.ob_base.ob_size;
    if !reserve_locked(o, n + 1) {
        lo.lock.unlock();
        crate::errors::no_memory();
        return Err(());
    }
    let mut w = where_;
    if w < 0 {
        w += n;
        if w < 0 {
            w = 0;
        }
    }
    if w > n {
        w = n;
    }
    let items = lo.ob_item;
    core::ptr::copy(items.offset(w), items.offset(w + 1), (n - w) as usize);
    Py_INCREF(v);
    *items.offset(w) = v;
    lo.ob_base.ob_size = n + 1;
    lo.lock.unlock();
    Ok(())
}

/// Items `lo..hi` (clipped) as new references.
pub unsafe fn slice_items(o: *mut PyObject, lo_: Py_ssize_t, hi_: Py_ssize_t) -> Vec<Owned> {
    let lo = l(o);
    lo.lock.lock();
    let n = lo.ob_base.ob_size;
    let a = lo_.clamp(0, n);
    let b = hi_.clamp(a, n);
    let mut v = Vec::with_capacity((b - a) as usize);
    for i in a..b {
        v.push(Owned::from_borrowed(*lo.ob_item.offset(i)));
    }
    lo.lock.unlock();
    v
}

/// `PyList_GetSlice`.
pub unsafe fn get_slice(o: *mut PyObject, a: Py_ssize_t, b: Py_ssize_t) -> *mut PyObject {
    from_owned(slice_items(o, a, b))
}

/// Replace items `a..b` (clipped) with `repl`'s (moved in); returns the removed
/// items for the caller to release after the lock is gone.
unsafe fn replace_locked(
    o: *mut PyObject,
    a_: Py_ssize_t,
    b_: Py_ssize_t,
    repl: Vec<Owned>,
) -> PyResult<Vec<*mut PyObject>> {
    let lo = l(o);
    lo.lock.lock();
    let n = lo.ob_base.ob_size;
    let a = a_.clamp(0, n);
    let b = b_.clamp(a, n);
    let k = repl.len() as Py_ssize_t;
    let newn = n - (b - a) + k;
    if !reserve_locked(o, newn) {
        lo.lock.unlock();
        crate::errors::no_memory();
        return Err(());
    }
    let items = lo.ob_item;
    let removed: Vec<*mut PyObject> = (a..b).map(|i| *items.offset(i)).collect();
    if n > b {
        core::ptr::copy(items.offset(b), items.offset(a + k), (n - b) as usize);
    }
    for (j, x) in repl.into_iter().enumerate() {
        *items.offset(a + j as Py_ssize_t) = x.into_ptr();
    }
    lo.ob_base.ob_size = newn;
    lo.lock.unlock();
    Ok(removed)
}

/// `PyList_SetSlice`: `o[a:b] = v` (`v` NULL deletes).
pub unsafe fn set_slice(
    o: *mut PyObject,
    a: Py_ssize_t,
    b: Py_ssize_t,
    v: *mut PyObject,
) -> PyResult<()> {
    set_slice_msg(o, a, b, v, "can only assign an iterable")
}

unsafe fn set_slice_msg(
    o: *mut PyObject,
    a: Py_ssize_t,
    b: Py_ssize_t,
    v: *mut PyObject,
    msg: &str,
) -> PyResult<()> {
    let repl = if v.is_null() {
        Vec::new()
    } else if !is_list(v) && !tuple::is_tuple(v) && protocols::iter::get_iter_check(v).is_none() {
        return crate::raise!(PyExc_TypeError, "{}", msg);
    } else {
        items_of(v)?
    };
    let removed = replace_locked(o, a, b, repl)?;
    for x in removed {
        Py_XDECREF(x);
    }
    Ok(())
}

pub unsafe extern "C" fn list_ass_item(o: *mut PyObject, i: Py_ssize_t, v: *mut PyObject) -> c_int {
    if v.is_null() {
        let lo = l(o);
        lo.lock.lock();
        if i < 0 || i >= lo.ob_base.ob_size {
            lo.lock.unlock();
            let _: PyResult<()> =
                crate::raise!(PyExc_IndexError, "list assignment index out of range");
            return -1;
        }
        lo.lock.unlock();
        return res_int(set_slice(o, i, i + 1, null_mut()));
    }
    Py_INCREF(v);
    res_int(set_item_steal(o, i, v))
}

pub unsafe extern "C" fn list_contains(o: *mut PyObject, x: *mut PyObject) -> c_int {
    let mut i = 0;
    loop {
        let item = {
            let lo = l(o);
            lo.lock.lock();
            if i >= lo.ob_base.ob_size {
                lo.lock.unlock();
                return 0;
            }
            let it = Owned::from_borrowed(*lo.ob_item.offset(i));
            lo.lock.unlock();
            it
        };
        let r = protocols::object::rich_compare_bool(item.as_ptr(), x, 2);
        if r != 0 {
            return r;
        }
        i += 1;
    }
}

pub unsafe extern "C" fn list_concat(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    if !is_list(b) {
        return crate::raise_null!(
            PyExc_TypeError,
            "can only concatenate list (not \"{}\") to list",
            tname(b)
        );
    }
    let mut v = snapshot(a);
    v.extend(snapshot(b));
    from_owned(v)
}

unsafe fn repeat_items(v: Vec<Owned>, n: Py_ssize_t) -> PyResult<Vec<Owned>> {
    if n <= 0 || v.is_empty() {
        return Ok(Vec::new());
    }
    let Some(total) = (v.len() as Py_ssize_t).checked_mul(n) else {
        crate::errors::no_memory();
        return Err(());
    };
    if total as usize > (isize::MAX as usize) / core::mem::size_of::<*mut PyObject>() {
        crate::errors::no_memory();
        return Err(());
    }
    let mut out = Vec::with_capacity(total as usize);
    for _ in 0..n {
        for x in &v {
            out.push(Owned::from_borrowed(x.as_ptr()));
        }
    }
    Ok(out)
}

pub unsafe extern "C" fn list_repeat(a: *mut PyObject, n: Py_ssize_t) -> *mut PyObject {
    match repeat_items(snapshot(a), n) {
        Ok(v) => from_owned(v),
        Err(()) => null_mut(),
    }
}

/// `list.extend(iterable)`.
pub unsafe fn extend(o: *mut PyObject, it: *mut PyObject) -> PyResult<()> {
    let items = items_of(it)?;
    let lo = l(o);
    lo.lock.lock();
    let n = lo.ob_base.ob_size;
    let k = items.len() as Py_ssize_t;
    if !reserve_locked(o, n + k) {
        lo.lock.unlock();
        crate::errors::no_memory();
        return Err(());
    }
    for (j, x) in items.into_iter().enumerate() {
        *lo.ob_item.offset(n + j as Py_ssize_t) = x.into_ptr();
    }
    lo.ob_base.ob_size = n + k;
    lo.lock.unlock();
    Ok(())
}

pub unsafe extern "C" fn list_inplace_concat(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    if extend(a, b).is_err() {
        return null_mut();
    }
    new_ref(a)
}

pub unsafe extern "C" fn list_inplace_repeat(a: *mut PyObject, n: Py_ssize_t) -> *mut PyObject {
    let Ok(v) = repeat_items(snapshot(a), n) else {
        return null_mut();
    };
    match replace_locked(a, 0, Py_ssize_t::MAX, v) {
        Ok(removed) => {
            for x in removed {
                Py_XDECREF(x);
            }
            new_ref(a)
        }
        Err(()) => null_mut(),
    }
}

pub unsafe extern "C" fn list_subscript(o: *mut PyObject, key: *mut PyObject) -> *mut PyObject {
    match as_index_key(key) {
        Err(()) => return null_mut(),
        Ok(Some(mut i)) => {
            if i < 0 {
                i += l(o).ob_base.ob_size;
            }
            return crate::objects::list::get_item_ref(o, i);
        }
        Ok(None) => {}
    }
    if slice::is_slice(key) {
        let Ok((start, stop, step)) = slice::unpack(key) else {
            return null_mut();
        };
        let lo = l(o);
        lo.lock.lock();
        let (mut a, mut b) = (start, stop);
        let n = slice::adjust_indices(lo.ob_base.ob_size, &mut a, &mut b, step);
        let mut v = Vec::with_capacity(n.max(0) as usize);
        for k in 0..n {
            v.push(Owned::from_borrowed(*lo.ob_item.offset(a + k * step)));
        }
        lo.lock.unlock();
        return from_owned(v);
    }
    crate::raise_null!(
        PyExc_TypeError,
        "list indices must be integers or slices, not {}",
        tname(key)
    )
}

pub unsafe extern "C" fn list_ass_subscript(
    o: *mut PyObject,
    key: *mut PyObject,
    v: *mut PyObject,
) -> c_int {
    match as_index_key(key) {
        Err(()) => return -1,
        Ok(Some(mut i)) => {
            if i < 0 {
                i += l(o).ob_base.ob_size;
            }
            return list_ass_item(o, i, v);
        }
        Ok(None) => {}
    }
    if !slice::is_slice(key) {
        let _: PyResult<()> = crate::raise!(
            PyExc_TypeError,
            "list indices must be integers or slices, not {}",
            tname(key)
        );
        return -1;
    }
    let Ok((start, stop, step)) = slice::unpack(key) else {
        return -1;
    };
    if step == 1 {
        // A plain slice: clip as a sequence of the current length does.
        let n = l(o).ob_base.ob_size;
        let (mut a, mut b) = (start, stop);
        slice::adjust_indices(n, &mut a, &mut b, 1);
        return res_int(set_slice_msg(
            o,
            a,
            b,
            v,
            "must assign iterable to extended slice",
        ));
    }
    if v.is_null() {
        // Delete an extended slice.
        let lo = l(o);
        lo.lock.lock();
        let n = lo.ob_base.ob_size;
        let (mut a, mut b) = (start, stop);
        let cnt = slice::adjust_indices(n, &mut a, &mut b, step);
        let mut removed = Vec::new();
        if cnt > 0 {
            let mut del = vec![false; n as usize];
            for k in 0..cnt {
                del[(a + k * step) as usize] = true;
            }
            let items = lo.ob_item;
            let mut w = 0;
            for i in 0..n {
                let x = *items.offset(i);
                if del[i as usize] {
                    removed.push(x);
                } else {
                    *items.offset(w) = x;
                    w += 1;
                }
            }
            lo.ob_base.ob_size = w;
        }
        lo.lock.unlock();
        for x in removed {
            Py_XDECREF(x);
        }
        return 0;
    }
    if !is_list(v) && !tuple::is_tuple(v) && protocols::iter::get_iter_check(v).is_none() {
        let _: PyResult<()> =
            crate::raise!(PyExc_TypeError, "must assign iterable to extended slice");
        return -1;
    }
    let Ok(repl) = items_of(v) else {
        return -1;
    };
    let lo = l(o);
    lo.lock.lock();
    let (mut a, mut b) = (start, stop);
    let cnt = slice::adjust_indices(lo.ob_base.ob_size, &mut a, &mut b, step);
    if repl.len() as Py_ssize_t != cnt {
        lo.lock.unlock();
        let _: PyResult<()> = crate::raise!(
            PyExc_ValueError,
            "attempt to assign sequence of size {} to extended slice of size {}",
            repl.len(),
            cnt
        );
        return -1;
    }
    let mut old = Vec::with_capacity(repl.len());
    for (k, x) in repl.into_iter().enumerate() {
        let slot = lo.ob_item.offset(a + k as Py_ssize_t * step);
        old.push(*slot);
        *slot = x.into_ptr();
    }
    lo.lock.unlock();
    for x in old {
        Py_XDECREF(x);
    }
    0
}

/// `PyList_Reverse`.
pub unsafe fn reverse(o: *mut PyObject) {
    let lo = l(o);
    lo.lock.lock();
    let n = lo.ob_base.ob_size as usize;
    if n > 1 {
        core::slice::from_raw_parts_mut(lo.ob_item, n).reverse();
    }
    lo.lock.unlock();
}

/// `PyList_AsTuple`.
pub unsafe fn as_tuple(o: *mut PyObject) -> *mut PyObject {
    tuple::from_vec_steal(snapshot(o).into_iter().map(|x| x.into_ptr()).collect())
}

// ---- sorting ------------------------------------------------------------------

/// `a < b` as Python says; Err with an exception set.
unsafe fn less(a: *mut PyObject, b: *mut PyObject) -> PyResult<bool> {
    let r = protocols::object::rich_compare_bool(a, b, 0);
    if r < 0 {
        Err(())
    } else {
        Ok(r == 1)
    }
}

/// Stable merge sort of `idx` by `keys[idx]` (a fallible comparison: Rust's own
/// sort may panic on an inconsistent order, a Python `__lt__` may be one).
unsafe fn merge_sort(
    idx: &mut [usize],
    keys: &[*mut PyObject],
    tmp: &mut Vec<usize>,
) -> PyResult<()> {
    let n = idx.len();
    if n < 2 {
        return Ok(());
    }
    if n <= 12 {
        return binary_insert(idx, keys, 1);
    }
    let mid = n / 2;
    merge_sort(&mut idx[..mid], keys, tmp)?;
    merge_sort(&mut idx[mid..], keys, tmp)?;
    // Already in order?
    if !less(keys[idx[mid]], keys[idx[mid - 1]])? {
        return Ok(());
    }
    tmp.clear();
    tmp.extend_from_slice(&idx[..mid]);
    let (mut i, mut j, mut k) = (0, mid, 0);
    while i < tmp.len() && j < n {
        let lt = match less(keys[idx[j]], keys[tmp[i]]) {
            Ok(b) => b,
            Err(()) => {
                // Keep `idx` a permutation: put the unmerged left part back.
                idx[k..k + tmp.len() - i].copy_from_slice(&tmp[i..]);
                return Err(());
            }
        };
        if lt {
            idx[k] = idx[j];
            j += 1;
        } else {
            idx[k] = tmp[i];
            i += 1;
        }
        k += 1;
    }
    while i < tmp.len() {
        idx[k] = tmp[i];
        i += 1;
        k += 1;
    }
    Ok(())
}

/// Insert `idx[ok..]` one by one into the sorted prefix (binary search with
/// `pivot < a[mid]`, as CPython's binarysort compares).
unsafe fn binary_insert(idx: &mut [usize], keys: &[*mut PyObject], ok: usize) -> PyResult<()> {
    for i in ok..idx.len() {
        let x = idx[i];
        let (mut lo, mut hi) = (0, i);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if less(keys[x], keys[idx[mid]])? {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        idx.copy_within(lo..i, lo + 1);
        idx[lo] = x;
    }
    Ok(())
}

/// The leading run of `idx`, made ascending (a strictly descending run, with
/// equal neighbours kept in order, is reversed): CPython's `count_run`, with its
/// comparisons in the same order so errors and partial states agree.
unsafe fn count_run(idx: &mut [usize], k: &[*mut PyObject]) -> PyResult<usize> {
    let total = idx.len();
    let mut n = 1;
    while n < total {
        if less(k[idx[n]], k[idx[n - 1]])? {
            break;
        }
        n += 1;
    }
    if n == total {
        return Ok(n);
    }
    if n > 1 {
        if less(k[idx[0]], k[idx[n - 1]])? {
            return Ok(n);
        }
        idx[..n].reverse();
    }
    n += 1;
    let mut neq = 0;
    while n < total {
        if less(k[idx[n]], k[idx[n - 1]])? {
            if neq > 0 {
                idx[n - neq - 1..n].reverse();
                neq = 0;
            }
        } else if less(k[idx[n - 1]], k[idx[n]])? {
            break;
        } else {
            neq += 1;
        }
        n += 1;
    }
    if neq > 0 {
        idx[n - neq - 1..n].reverse();
    }
    idx[..n].reverse();
    while n < total {
        if less(k[idx[n]], k[idx[n - 1]])? {
            break;
        }
        n += 1;
    }
    Ok(n)
}

/// Sort `idx` by `keys`: short lists as CPython does them (one natural run, then
/// binary insertion), longer ones by merge sort.
unsafe fn sort_indices(idx: &mut [usize], keys: &[*mut PyObject]) -> PyResult<()> {
    if idx.len() < 2 {
        return Ok(());
    }
    if idx.len() < 64 {
        let run = count_run(idx, keys)?;
        return binary_insert(idx, keys, run);
    }
    let mut tmp = Vec::new();
    merge_sort(idx, keys, &mut tmp)
}

/// `list.sort(key=None, reverse=False)` / `PyList_Sort`.
pub unsafe fn sort(o: *mut PyObject, key: *mut PyObject, rev: bool) -> PyResult<()> {
    // Take the items out: the list is empty while Python code runs.
    let lo = l(o);
    lo.lock.lock();
    let items = lo.ob_item;
    let n = lo.ob_base.ob_size as usize;
    let allocated = lo.allocated;
    lo.ob_item = null_mut();
    lo.ob_base.ob_size = 0;
    lo.allocated = 0;
    lo.lock.unlock();
    let mut v: Vec<*mut PyObject> = if n == 0 {
        Vec::new()
    } else {
        core::slice::from_raw_parts(items, n).to_vec()
    };
    if rev {
        v.reverse();
    }
    let mut result: PyResult<()> = Ok(());
    let mut keys: Vec<*mut PyObject> = Vec::new();
    let use_key = !key.is_null() && key != none();
    if use_key {
        for &x in &v {
            let k = protocols::call::call_function(key, &[x]);
            if k.is_null() {
                result = Err(());
                break;
            }
            keys.push(k);
        }
    }
    let mut idx: Vec<usize> = (0..n).collect();
    if result.is_ok() {
        let ks: &[*mut PyObject] = if use_key { &keys } else { &v };
        result = sort_indices(&mut idx, ks);
    }
    for k in keys {
        Py_DECREF(k);
    }
    // On an error the items stay in the order the sort had reached.
    let mut sorted: Vec<*mut PyObject> = idx.iter().map(|&i| v[i]).collect();
    if rev {
        sorted.reverse();
    }
    if n > 0 {
        core::ptr::copy_nonoverlapping(sorted.as_ptr(), items, n);
    }
    // Put them back; whatever was stored meanwhile is dropped.
    lo.lock.lock();
    let mod_items = lo.ob_item;
    let mod_n = lo.ob_base.ob_size;
    let modified = !mod_items.is_null() || mod_n != 0;
    lo.ob_item = items;
    lo.ob_base.ob_size = n as Py_ssize_t;
    lo.allocated = allocated;
    lo.lock.unlock();
    if !mod_items.is_null() {
        for i in 0..mod_n {
            Py_XDECREF(*mod_items.offset(i));
        }
        libc::free(mod_items as *mut c_void);
    }
    if modified && result.is_ok() {
        return crate::raise!(PyExc_ValueError, "list modified during sort");
    }
    result
}

// ---- methods ------------------------------------------------------------------

unsafe extern "C" fn m_append(o: *mut PyObject, v: *mut PyObject) -> *mut PyObject {
    res_none(crate::objects::list::append(o, v))
}

unsafe extern "C" fn m_extend(o: *mut PyObject, v: *mut PyObject) -> *mut PyObject {
    res_none(extend(o, v))
}

unsafe extern "C" fn m_insert(
    o: *mut PyObject,
    args: *const *mut PyObject,
    n: Py_ssize_t,
) -> *mut PyObject {
    let a = fastcall_args(args, n);
    if check_positional("insert", a.len(), 2, 2).is_err() {
        return null_mut();
    }
    let Ok(i) = protocols::number::as_ssize_t(a[0], &raw mut PyExc_OverflowError) else {
        return null_mut();
    };
    res_none(insert(o, i, a[1]))
}

unsafe extern "C" fn m_pop(
    o: *mut PyObject,
    args: *const *mut PyObject,
    n: Py_ssize_t,
) -> *mut PyObject {
    let a = fastcall_args(args, n);
    if check_positional("pop", a.len(), 0, 1).is_err() {
        return null_mut();
    }
    let mut i: Py_ssize_t = -1;
    if a.len() == 1 {
        match protocols::number::as_ssize_t(a[0], &raw mut PyExc_OverflowError) {
            Ok(x) => i = x,
            Err(()) => return null_mut(),
        }
    }
    pop(o, i)
}

/// `list.pop(i)`: the removed item (new reference).
pub unsafe fn pop(o: *mut PyObject, mut i: Py_ssize_t) -> *mut PyObject {
    let lo = l(o);
    lo.lock.lock();
    let n = lo.ob_base.ob_size;
    if n == 0 {
        lo.lock.unlock();
        return crate::raise_null!(PyExc_IndexError, "pop from empty list");
    }
    if i < 0 {
        i += n;
    }
    if i < 0 || i >= n {
        lo.lock.unlock();
        return crate::raise_null!(PyExc_IndexError, "pop index out of range");
    }
    let items = lo.ob_item;
    let x = *items.offset(i);
    core::ptr::copy(items.offset(i + 1), items.offset(i), (n - i - 1) as usize);
    lo.ob_base.ob_size = n - 1;
    lo.lock.unlock();
    x
}

/// Index of the first item equal to `x` in `start..stop`, or None.
unsafe fn find(
    o: *mut PyObject,
    x: *mut PyObject,
    start: Py_ssize_t,
    stop: Py_ssize_t,
) -> PyResult<Option<Py_ssize_t>> {
    let mut i = start;
    while i < stop {
        let lo = l(o);
        lo.lock.lock();
        if i >= lo.ob_base.ob_size {
            lo.lock.unlock();
            break;
        }
        let item = Owned::from_borrowed(*lo.ob_item.offset(i));
        lo.lock.unlock();
        let r = protocols::object::rich_compare_bool(item.as_ptr(), x, 2);
        if r < 0 {
            return Err(());
        }
        if r > 0 {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

unsafe extern "C" fn m_remove(o: *mut PyObject, x: *mut PyObject) -> *mut PyObject {
    match find(o, x, 0, Py_ssize_t::MAX) {
        Err(()) => null_mut(),
        Ok(None) => crate::raise_null!(PyExc_ValueError, "list.remove(x): x not in list"),
        Ok(Some(i)) => {
            // Remove the very object found if it is still there.
            let lo = l(o);
            lo.lock.lock();
            let removed = if i < lo.ob_base.ob_size {
                let items = lo.ob_item;
                let v = *items.offset(i);
                let n = lo.ob_base.ob_size;
                core::ptr::copy(items.offset(i + 1), items.offset(i), (n - i - 1) as usize);
                lo.ob_base.ob_size = n - 1;
                v
            } else {
                null_mut()
            };
            lo.lock.unlock();
            Py_XDECREF(removed);
            none()
        }
    }
}

unsafe extern "C" fn m_index(
    o: *mut PyObject,
    args: *const *mut PyObject,
    n: Py_ssize_t,
) -> *mut PyObject {
    let a = fastcall_args(args, n);
    if check_positional("index", a.len(), 1, 3).is_err() {
        return null_mut();
    }
    let Ok((start, stop)) = index_bounds(a, l(o).ob_base.ob_size) else {
        return null_mut();
    };
    match find(o, a[0], start, stop) {
        Err(()) => null_mut(),
        Ok(None) => crate::raise_null!(PyExc_ValueError, "list.index(x): x not in list"),
        Ok(Some(i)) => long::from_i64(i as i64),
    }
}

/// `list.count(x)` / `PySequence_Count` on lists.
pub unsafe fn count(o: *mut PyObject, x: *mut PyObject) -> PyResult<Py_ssize_t> {
    let mut c = 0;
    let mut i = 0;
    loop {
        match find(o, x, i, Py_ssize_t::MAX)? {
            None => return Ok(c),
            Some(j) => {
                c += 1;
                i = j + 1;
            }
        }
    }
}

unsafe extern "C" fn m_count(o: *mut PyObject, x: *mut PyObject) -> *mut PyObject {
    match count(o, x) {
        Ok(c) => long::from_i64(c as i64),
        Err(()) => null_mut(),
    }
}

unsafe extern "C" fn m_clear(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    crate::objects::list::clear(o);
    none()
}

unsafe extern "C" fn m_copy(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    from_owned(snapshot(o))
}

unsafe extern "C" fn m_reverse(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    reverse(o);
    none()
}

unsafe extern "C" fn m_sort(
    o: *mut PyObject,
    args: *mut PyObject,
    kw: *mut PyObject,
) -> *mut PyObject {
    if !args_slice(args).is_empty() {
        return crate::raise_null!(PyExc_TypeError, "sort() takes no positional arguments");
    }
    let mut key = null_mut();
    let mut rev = false;
    if !kw.is_null() {
        let nk = crate::objects::dict::len(kw);
        if nk > 2 {
            return crate::raise_null!(
                PyExc_TypeError,
                "sort() takes at most 2 keyword arguments ({} given)",
                nk
            );
        }
        for (k, v) in crate::objects::dict::snapshot(kw) {
            let k = Owned(k);
            let v = Owned(v);
            let name = crate::objects::unicode::to_string_lossy(k.as_ptr());
            match name.as_str() {
                "key" => key = v.as_ptr(),
                "reverse" => {
                    let r = protocols::object::is_true(v.as_ptr());
                    if r < 0 {
                        return null_mut();
                    }
                    rev = r == 1;
                }
                _ => {
                    return crate::raise_null!(
                        PyExc_TypeError,
                        "sort() got an unexpected keyword argument '{}'",
                        name
                    )
                }
            }
        }
    }
    // `key` is kept alive by the kwargs dict for the whole call.
    res_none(sort(o, key, rev))
}

unsafe extern "C" fn m_reversed(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    new_iter(o, true)
}

unsafe extern "C" fn m_sizeof(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    let n = core::mem::size_of::<ListObject>() as i64
        + l(o).allocated as i64 * core::mem::size_of::<*mut PyObject>() as i64;
    long::from_i64(n)
}

pub static mut LIST_METHODS: [PyMethodDef; 15] = [
    crate::meth!(c"append", m_append, METH_O),
    crate::meth!(c"extend", m_extend, METH_O),
    crate::meth!(c"insert", m_insert, METH_FASTCALL),
    crate::meth!(c"pop", m_pop, METH_FASTCALL),
    crate::meth!(c"remove", m_remove, METH_O),
    crate::meth!(c"index", m_index, METH_FASTCALL),
    crate::meth!(c"count", m_count, METH_O),
    crate::meth!(c"clear", m_clear, METH_NOARGS),
    crate::meth!(c"copy", m_copy, METH_NOARGS),
    crate::meth!(c"reverse", m_reverse, METH_NOARGS),
    crate::meth!(c"sort", m_sort, METH_VARARGS | METH_KEYWORDS),
    crate::meth!(c"__reversed__", m_reversed, METH_NOARGS),
    crate::meth!(c"__sizeof__", m_sizeof, METH_NOARGS),
    crate::meth!(c"__getitem__", list_subscript, METH_O | METH_COEXIST),
    SENTINEL,
];

// ---- constructor --------------------------------------------------------------

pub unsafe extern "C" fn list_new(
    t: *mut PyTypeObject,
    _args: *mut PyObject,
    _kw: *mut PyObject,
) -> *mut PyObject {
    if t == &raw mut PyList_Type {
        return new(0);
    }
    let alloc = (*t).tp_alloc.unwrap_or(alloc::generic_alloc_slot);
    let op = alloc(t, 0);
    if !op.is_null() {
        crate::objects::list::init_in_place(op);
    }
    op
}

pub unsafe extern "C" fn list_init(
    o: *mut PyObject,
    args: *mut PyObject,
    kw: *mut PyObject,
) -> c_int {
    if Py_TYPE(o) == &raw mut PyList_Type && no_keywords("list", kw).is_err() {
        return -1;
    }
    let a = args_slice(args);
    if check_positional("list", a.len(), 0, 1).is_err() {
        return -1;
    }
    crate::objects::list::clear(o);
    if a.len() == 1 {
        return res_int(extend(o, a[0]));
    }
    0
}

// ---- iterators ----------------------------------------------------------------

#[repr(C)]
pub struct ListIterObject {
    pub ob_base: PyObject,
    pub index: AtomicIsize,
    /// NULL once exhausted.
    pub seq: AtomicPtr<PyObject>,
}

/// A forward (`rev` false) or reverse iterator over `o`.
pub unsafe fn new_iter(o: *mut PyObject, rev: bool) -> *mut PyObject {
    let (t, start) = if rev {
        (&raw mut PyListRevIter_Type, l(o).ob_base.ob_size - 1)
    } else {
        (&raw mut PyListIter_Type, 0)
    };
    let op = alloc::new_object(
        t,
        ListIterObject {
            ob_base: PyObject {
                ob_refcnt: 1,
                ob_type: null_mut(),
            },
            index: AtomicIsize::new(start),
            seq: AtomicPtr::new(o),
        },
    );
    if op.is_null() {
        return null_mut();
    }
    Py_INCREF(o);
    crate::gc::track(op as *mut PyObject);
    op as *mut PyObject
}

pub unsafe extern "C" fn list_iter(o: *mut PyObject) -> *mut PyObject {
    new_iter(o, false)
}

unsafe fn iter_item(seq: *mut PyObject, i: Py_ssize_t) -> *mut PyObject {
    let lo = l(seq);
    lo.lock.lock();
    let r = if i >= 0 && i < lo.ob_base.ob_size {
        new_ref(*lo.ob_item.offset(i))
    } else {
        null_mut()
    };
    lo.lock.unlock();
    r
}

unsafe fn iter_exhaust(it: &ListIterObject) {
    let old = it.seq.swap(null_mut(), Ordering::AcqRel);
    Py_XDECREF(old);
}

unsafe extern "C" fn listiter_next(o: *mut PyObject) -> *mut PyObject {
    let it = &*(o as *mut ListIterObject);
    let seq = it.seq.load(Ordering::Acquire);
    if seq.is_null() {
        return null_mut();
    }
    let i = it.index.fetch_add(1, Ordering::AcqRel);
    let r = iter_item(seq, i);
    if r.is_null() {
        iter_exhaust(it);
    }
    r
}

unsafe extern "C" fn listreviter_next(o: *mut PyObject) -> *mut PyObject {
    let it = &*(o as *mut ListIterObject);
    let seq = it.seq.load(Ordering::Acquire);
    if seq.is_null() {
        return null_mut();
    }
    let i = it.index.fetch_sub(1, Ordering::AcqRel);
    let r = iter_item(seq, i);
    if r.is_null() {
        iter_exhaust(it);
    }
    r
}

unsafe extern "C" fn listiter_dealloc(o: *mut PyObject) {
    crate::gc::untrack(o);
    let it = &*(o as *mut ListIterObject);
    Py_XDECREF(it.seq.load(Ordering::Acquire));
    alloc::free_via_type(o);
}

unsafe extern "C" fn listiter_traverse(
    o: *mut PyObject,
    visit: visitproc,
    arg: *mut c_void,
) -> c_int {
    let s = (*(o as *mut ListIterObject)).seq.load(Ordering::Acquire);
    if s.is_null() {
        0
    } else {
        visit(s, arg)
    }
}

unsafe extern "C" fn listiter_len(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    let it = &*(o as *mut ListIterObject);
    let seq = it.seq.load(Ordering::Acquire);
    let n = if seq.is_null() {
        0
    } else {
        let i = it.index.load(Ordering::Acquire);
        if Py_TYPE(o) == &raw mut PyListRevIter_Type {
            if i < l(seq).ob_base.ob_size {
                i + 1
            } else {
                0
            }
        } else {
            (l(seq).ob_base.ob_size - i).max(0)
        }
    };
    long::from_i64(n.max(0) as i64)
}

static mut LISTITER_METHODS: [PyMethodDef; 2] = [
    crate::meth!(c"__length_hint__", listiter_len, METH_NOARGS),
    SENTINEL,
];

pub unsafe fn init_iter_types() {
    for (t, name, next) in [
        (
            &raw mut PyListIter_Type,
            c"list_iterator",
            listiter_next as iternextfunc,
        ),
        (
            &raw mut PyListRevIter_Type,
            c"list_reverseiterator",
            listreviter_next as iternextfunc,
        ),
    ] {
        crate::objects::typeobject::init_builtin(
            t,
            name,
            core::mem::size_of::<ListIterObject>(),
            0,
        );
        (*t).tp_flags |= Py_TPFLAGS_HAVE_GC;
        (*t).tp_iter = Some(crate::objects::iterobject::self_iter);
        (*t).tp_iternext = Some(next);
        (*t).tp_dealloc = Some(listiter_dealloc);
        (*t).tp_traverse = Some(listiter_traverse);
        (*t).tp_methods = (&raw mut LISTITER_METHODS).cast();
    }
}
