//! `PyThread_*`: OS threads, locks with timeouts, thread-specific storage.

use core::ffi::{c_int, c_uint, c_ulong, c_void};
use core::ptr::null_mut;
use core::sync::atomic::{AtomicUsize, Ordering};

use carapace_core::object::{PyObject, Py_INCREF};
use carapace_core::objects::{tuple, unicode};

const PY_LOCK_FAILURE: c_int = 0;
const PY_LOCK_ACQUIRED: c_int = 1;
const INVALID_THREAD_ID: c_ulong = c_ulong::MAX;
/// CPython's `THREAD_STACK_MIN` on Linux.
const THREAD_STACK_MIN: usize = 0x8000;
/// `PY_TIMEOUT_MAX` (microseconds): CPython's limit for pthread builds.
const PY_TIMEOUT_MAX: i64 = i64::MAX / 1000;

static STACKSIZE: AtomicUsize = AtomicUsize::new(0);

#[no_mangle]
pub unsafe extern "C" fn PyThread_init_thread() {}

struct Boot {
    func: unsafe extern "C" fn(*mut c_void),
    arg: *mut c_void,
}

extern "C" fn bootstrap(p: *mut c_void) -> *mut c_void {
    unsafe {
        let b = Box::from_raw(p as *mut Boot);
        (b.func)(b.arg);
    }
    null_mut()
}

/// Start a detached OS thread running `func(arg)`; its ident, or `(unsigned long)-1`.
#[no_mangle]
pub unsafe extern "C" fn PyThread_start_new_thread(
    func: Option<unsafe extern "C" fn(*mut c_void)>,
    arg: *mut c_void,
) -> c_ulong {
    let Some(func) = func else {
        return INVALID_THREAD_ID;
    };
    let mut attr: libc::pthread_attr_t = core::mem::zeroed();
    if libc::pthread_attr_init(&mut attr) != 0 {
        return INVALID_THREAD_ID;
    }
    let ss = STACKSIZE.load(Ordering::Relaxed);
    if ss != 0 && libc::pthread_attr_setstacksize(&mut attr, ss) != 0 {
        libc::pthread_attr_destroy(&mut attr);
        return INVALID_THREAD_ID;
    }
    let boot = Box::into_raw(Box::new(Boot { func, arg }));
    let mut th: libc::pthread_t = 0;
    let rc = libc::pthread_create(&mut th, &attr, bootstrap, boot as *mut c_void);
    libc::pthread_attr_destroy(&mut attr);
    if rc != 0 {
        drop(Box::from_raw(boot));
        return INVALID_THREAD_ID;
    }
    libc::pthread_detach(th);
    th as c_ulong
}

#[no_mangle]
pub unsafe extern "C" fn PyThread_exit_thread() -> ! {
    libc::pthread_exit(null_mut())
}

#[no_mangle]
pub unsafe extern "C" fn PyThread_get_thread_ident() -> c_ulong {
    libc::pthread_self() as c_ulong
}

#[no_mangle]
pub unsafe extern "C" fn PyThread_get_thread_native_id() -> c_ulong {
    libc::gettid() as c_ulong
}

// ------------------------------------------------------------------ locks

use carapace_core::pystate::ThreadLock as Lock;

#[no_mangle]
pub unsafe extern "C" fn PyThread_allocate_lock() -> *mut c_void {
    Box::into_raw(Box::new(Lock::new())) as *mut c_void
}

#[no_mangle]
pub unsafe extern "C" fn PyThread_free_lock(lock: *mut c_void) {
    if !lock.is_null() {
        drop(Box::from_raw(lock as *mut Lock));
    }
}

#[no_mangle]
pub unsafe extern "C" fn PyThread_acquire_lock_timed(
    lock: *mut c_void,
    microseconds: i64,
    _intr_flag: c_int,
) -> c_int {
    if lock.is_null() {
        return PY_LOCK_FAILURE;
    }
    if (*(lock as *mut Lock)).acquire(microseconds.min(PY_TIMEOUT_MAX)) {
        PY_LOCK_ACQUIRED
    } else {
        PY_LOCK_FAILURE
    }
}

#[no_mangle]
pub unsafe extern "C" fn PyThread_acquire_lock(lock: *mut c_void, waitflag: c_int) -> c_int {
    PyThread_acquire_lock_timed(lock, if waitflag != 0 { -1 } else { 0 }, 0)
}

#[no_mangle]
pub unsafe extern "C" fn PyThread_release_lock(lock: *mut c_void) {
    if lock.is_null() {
        return;
    }
    (*(lock as *mut Lock)).release()
}

// ------------------------------------------------------------------ stack size

#[no_mangle]
pub unsafe extern "C" fn PyThread_get_stacksize() -> usize {
    STACKSIZE.load(Ordering::Relaxed)
}

/// 0 resets to the default; -1 for a size the system refuses.
#[no_mangle]
pub unsafe extern "C" fn PyThread_set_stacksize(size: usize) -> c_int {
    if size == 0 {
        STACKSIZE.store(0, Ordering::Relaxed);
        return 0;
    }
    if size < THREAD_STACK_MIN {
        return -1;
    }
    let mut attr: libc::pthread_attr_t = core::mem::zeroed();
    if libc::pthread_attr_init(&mut attr) != 0 {
        return -1;
    }
    let rc = libc::pthread_attr_setstacksize(&mut attr, size);
    libc::pthread_attr_destroy(&mut attr);
    if rc != 0 {
        return -1;
    }
    STACKSIZE.store(size, Ordering::Relaxed);
    0
}

/// `sys.thread_info` as a tuple `(name, lock, version)` (the fields of CPython's
/// struct sequence, in order).
#[no_mangle]
pub unsafe extern "C" fn PyThread_GetInfo() -> *mut PyObject {
    guard!(null_mut(), {
        let name = unicode::from_str("pthread");
        let lock = unicode::from_str("pymutex");
        let mut buf = [0u8; 128];
        let n = libc::confstr(
            libc::_CS_GNU_LIBPTHREAD_VERSION,
            buf.as_mut_ptr() as *mut libc::c_char,
            buf.len(),
        );
        let version = if n > 1 && n <= buf.len() {
            unicode::from_str(&String::from_utf8_lossy(&buf[..n - 1]))
        } else {
            let nn = carapace_core::exported::none();
            Py_INCREF(nn);
            nn
        };
        if name.is_null() || lock.is_null() || version.is_null() {
            return null_mut();
        }
        tuple::from_vec_steal(vec![name, lock, version])
    })
}

// ------------------------------------------------------------------ TSS

/// `Py_tss_t`, CPython's layout for pthreads: `{int _is_initialized; pthread_key_t _key;}`.
#[repr(C)]
pub struct Tss {
    is_initialized: c_int,
    key: libc::pthread_key_t,
}

#[no_mangle]
pub unsafe extern "C" fn PyThread_tss_alloc() -> *mut Tss {
    let p = libc::malloc(core::mem::size_of::<Tss>()) as *mut Tss;
    if !p.is_null() {
        (*p).is_initialized = 0;
        (*p).key = 0;
    }
    p
}

#[no_mangle]
pub unsafe extern "C" fn PyThread_tss_free(key: *mut Tss) {
    if !key.is_null() {
        PyThread_tss_delete(key);
        libc::free(key as *mut c_void);
    }
}

#[no_mangle]
pub unsafe extern "C" fn PyThread_tss_is_created(key: *mut Tss) -> c_int {
    (!key.is_null() && (*key).is_initialized != 0) as c_int
}

#[no_mangle]
pub unsafe extern "C" fn PyThread_tss_create(key: *mut Tss) -> c_int {
    if key.is_null() {
        return -1;
    }
    if (*key).is_initialized != 0 {
        return 0;
    }
    let mut k: libc::pthread_key_t = 0;
    if libc::pthread_key_create(&mut k, None) != 0 {
        return -1;
    }
    (*key).key = k;
    (*key).is_initialized = 1;
    0
}

#[no_mangle]
pub unsafe extern "C" fn PyThread_tss_delete(key: *mut Tss) {
    if key.is_null() || (*key).is_initialized == 0 {
        return;
    }
    libc::pthread_key_delete((*key).key);
    (*key).is_initialized = 0;
}

#[no_mangle]
pub unsafe extern "C" fn PyThread_tss_set(key: *mut Tss, value: *mut c_void) -> c_int {
    if key.is_null() || (*key).is_initialized == 0 {
        return -1;
    }
    if libc::pthread_setspecific((*key).key, value) != 0 {
        -1
    } else {
        0
    }
}

#[no_mangle]
pub unsafe extern "C" fn PyThread_tss_get(key: *mut Tss) -> *mut c_void {
    if key.is_null() || (*key).is_initialized == 0 {
        return null_mut();
    }
    libc::pthread_getspecific((*key).key)
}

// ------------------------------------------------------------------ legacy TLS

#[no_mangle]
pub unsafe extern "C" fn PyThread_create_key() -> c_int {
    let mut k: libc::pthread_key_t = 0;
    if libc::pthread_key_create(&mut k, None) != 0 {
        return -1;
    }
    if k > c_int::MAX as c_uint {
        libc::pthread_key_delete(k);
        *libc::__errno_location() = libc::ENOMEM;
        return -1;
    }
    k as c_int
}

#[no_mangle]
pub unsafe extern "C" fn PyThread_delete_key(key: c_int) {
    libc::pthread_key_delete(key as libc::pthread_key_t);
}

#[no_mangle]
pub unsafe extern "C" fn PyThread_delete_key_value(key: c_int) {
    libc::pthread_setspecific(key as libc::pthread_key_t, core::ptr::null());
}

#[no_mangle]
pub unsafe extern "C" fn PyThread_set_key_value(key: c_int, value: *mut c_void) -> c_int {
    if libc::pthread_setspecific(key as libc::pthread_key_t, value) != 0 {
        -1
    } else {
        0
    }
}

#[no_mangle]
pub unsafe extern "C" fn PyThread_get_key_value(key: c_int) -> *mut c_void {
    libc::pthread_getspecific(key as libc::pthread_key_t)
}

/// Nothing to redo after a fork: pthread keys survive in the child.
#[no_mangle]
pub unsafe extern "C" fn PyThread_ReInitTLS() {}
