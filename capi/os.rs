//! `PyOS_*` (except number parsing and formatting): fork hooks, `os.fspath`,
//! signals, case-insensitive comparison.

use core::ffi::{c_char, c_int};
use core::ptr::null_mut;

use carapace_core::exported::*;
use carapace_core::object::{PyObject, Py_DECREF, Py_INCREF, Py_TYPE};
use carapace_core::objects::{bytes, typeobject, unicode};
use carapace_core::pystate;

#[no_mangle]
pub unsafe extern "C" fn PyOS_BeforeFork() {
    pystate::before_fork()
}

#[no_mangle]
pub unsafe extern "C" fn PyOS_AfterFork_Parent() {
    pystate::after_fork_parent()
}

#[no_mangle]
pub unsafe extern "C" fn PyOS_AfterFork_Child() {
    pystate::after_fork_child()
}

/// Deprecated spelling of `PyOS_AfterFork_Child`.
#[no_mangle]
pub unsafe extern "C" fn PyOS_AfterFork() {
    pystate::after_fork_child()
}

/// `os.fspath()`: str and bytes as they are, else `type(path).__fspath__(path)`,
/// which must return str or bytes.
#[no_mangle]
pub unsafe extern "C" fn PyOS_FSPath(path: *mut PyObject) -> *mut PyObject {
    guard!(null_mut(), {
        if path.is_null() {
            carapace_core::errors::bad_internal_call();
            return null_mut();
        }
        if unicode::is_unicode(path) || bytes::is_bytes(path) {
            Py_INCREF(path);
            return path;
        }
        let t = Py_TYPE(path);
        let func = typeobject::lookup_str(t, "__fspath__");
        if func.is_null() || func == none() {
            return carapace_core::raise_null!(
                PyExc_TypeError,
                "expected str, bytes or os.PathLike object, not {}",
                typeobject::tp_name(t)
            );
        }
        Py_INCREF(func);
        // A special method is looked up on the type and bound like a descriptor.
        let ft = Py_TYPE(func);
        let res = match (*ft).tp_descr_get {
            Some(get) => {
                let bound = get(func, path, t as *mut PyObject);
                Py_DECREF(func);
                if bound.is_null() {
                    return null_mut();
                }
                let r = carapace_core::protocols::call::call_function(bound, &[]);
                Py_DECREF(bound);
                r
            }
            None => {
                let r = carapace_core::protocols::call::call_function(func, &[]);
                Py_DECREF(func);
                r
            }
        };
        if res.is_null() {
            return null_mut();
        }
        if !(unicode::is_unicode(res) || bytes::is_bytes(res)) {
            let rt = Py_TYPE(res);
            Py_DECREF(res);
            return carapace_core::raise_null!(
                PyExc_TypeError,
                "expected {}.__fspath__() to return str or bytes, not {}",
                typeobject::tp_name(t),
                typeobject::tp_name(rt)
            );
        }
        res
    })
}

/// 1 (and the flag cleared) when SIGINT arrived since the last check.
#[no_mangle]
pub unsafe extern "C" fn PyOS_InterruptOccurred() -> c_int {
    pystate::take_sigint() as c_int
}

pub type Handler = libc::sighandler_t;

#[no_mangle]
pub unsafe extern "C" fn PyOS_getsig(sig: c_int) -> Handler {
    let mut old: libc::sigaction = core::mem::zeroed();
    if libc::sigaction(sig, null_mut(), &mut old) == -1 {
        return libc::SIG_ERR;
    }
    old.sa_sigaction
}

#[no_mangle]
pub unsafe extern "C" fn PyOS_setsig(sig: c_int, handler: Handler) -> Handler {
    let mut new: libc::sigaction = core::mem::zeroed();
    let mut old: libc::sigaction = core::mem::zeroed();
    new.sa_sigaction = handler;
    libc::sigemptyset(&mut new.sa_mask);
    new.sa_flags = libc::SA_ONSTACK;
    if libc::sigaction(sig, &new, &mut old) == -1 {
        return libc::SIG_ERR;
    }
    old.sa_sigaction
}

#[inline]
fn lower(c: u8) -> c_int {
    c.to_ascii_lowercase() as c_int
}

#[no_mangle]
pub unsafe extern "C" fn PyOS_mystrnicmp(
    s1: *const c_char,
    s2: *const c_char,
    size: isize,
) -> c_int {
    if size <= 0 {
        return 0;
    }
    let (mut p1, mut p2) = (s1 as *const u8, s2 as *const u8);
    let mut n = size;
    loop {
        n -= 1;
        if n <= 0 || *p1 == 0 || *p2 == 0 || lower(*p1) != lower(*p2) {
            break;
        }
        p1 = p1.add(1);
        p2 = p2.add(1);
    }
    lower(*p1) - lower(*p2)
}

#[no_mangle]
pub unsafe extern "C" fn PyOS_mystricmp(s1: *const c_char, s2: *const c_char) -> c_int {
    let (mut p1, mut p2) = (s1 as *const u8, s2 as *const u8);
    while *p1 != 0 && *p2 != 0 && lower(*p1) == lower(*p2) {
        p1 = p1.add(1);
        p2 = p2.add(1);
    }
    lower(*p1) - lower(*p2)
}
