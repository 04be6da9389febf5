//! Start-up and shut-down of the runtime (`Py_Initialize*`, `Py_FinalizeEx`).

use core::sync::atomic::{AtomicBool, Ordering};

use crate::exported::*;
use crate::object::*;
use crate::objects::*;
use crate::pystate;
use crate::typeobj::*;

static INITIALIZED: AtomicBool = AtomicBool::new(false);
static FINALIZING: AtomicBool = AtomicBool::new(false);
/// The static types and singletons were built (they survive finalisation, so a
/// later `Py_Initialize` only rebuilds the modules).
static BUILT: AtomicBool = AtomicBool::new(false);

/// `pthread_self()` of the thread that initialised the runtime (the "main thread"
/// for pending calls and signals).
static MAIN_THREAD: core::sync::atomic::AtomicUsize = core::sync::atomic::AtomicUsize::new(0);

pub fn is_main_thread() -> bool {
    MAIN_THREAD.load(Ordering::Relaxed) == unsafe { libc::pthread_self() } as usize
}

pub fn is_initialized() -> bool {
    INITIALIZED.load(Ordering::Acquire)
}

pub fn is_finalizing() -> bool {
    FINALIZING.load(Ordering::Acquire)
}

/// Names for exported type objects whose full implementation is still to come:
/// they are valid (non-instantiable) types meanwhile.
macro_rules! name_pending {
    ($($var:ident = $name:literal),* $(,)?) => {
        unsafe fn name_pending_types() {
            $(
                let t = &raw mut $var;
                if (*t).tp_name.is_null() {
                    typeobject::init_builtin(t, $name, core::mem::size_of::<PyObject>(), 0);
                    (*t).tp_flags |= Py_TPFLAGS_DISALLOW_INSTANTIATION;
                }
            )*
        }
    };
}

name_pending! {
    PyByteArrayIter_Type = c"bytearray_iterator", PyByteArray_Type = c"bytearray",
    PyBytesIter_Type = c"bytes_iterator", PyCapsule_Type = c"PyCapsule",
    PyComplex_Type = c"complex", PyDictItems_Type = c"dict_items",
    PyDictIterItem_Type = c"dict_itemiterator", PyDictIterKey_Type = c"dict_keyiterator",
    PyDictIterValue_Type = c"dict_valueiterator", PyDictKeys_Type = c"dict_keys",
    PyDictProxy_Type = c"mappingproxy", PyDictRevIterItem_Type = c"dict_reverseitemiterator",
    PyDictRevIterKey_Type = c"dict_reversekeyiterator", PyDictRevIterValue_Type = c"dict_reversevalueiterator",
    PyDictValues_Type = c"dict_values", PyEnum_Type = c"enumerate", PyFilter_Type = c"filter",
    PyFrozenSet_Type = c"frozenset", PyListIter_Type = c"list_iterator",
    PyListRevIter_Type = c"list_reverseiterator", PyLongRangeIter_Type = c"longrange_iterator",
    PyMap_Type = c"map", PyMemoryView_Type = c"memoryview", PyProperty_Type = c"property",
    PyRangeIter_Type = c"range_iterator", PyRange_Type = c"range", PyReversed_Type = c"reversed",
    PySetIter_Type = c"set_iterator", PySet_Type = c"set", PySlice_Type = c"slice",
    PySuper_Type = c"super", PyTraceBack_Type = c"traceback", PyTupleIter_Type = c"tuple_iterator",
    PyUnicodeIter_Type = c"str_iterator", PyWrapperDescr_Type = c"wrapper_descriptor",
    PyZip_Type = c"zip", Py_GenericAliasType = c"types.GenericAlias",
    _PyWeakref_CallableProxyType = c"weakref.CallableProxyType", _PyWeakref_ProxyType = c"weakref.ProxyType",
    _PyWeakref_RefType = c"weakref.ReferenceType",
}

/// Every static type, in an order where bases come first.
unsafe fn static_types() -> Vec<*mut PyTypeObject> {
    let mut v: Vec<*mut PyTypeObject> = vec![
        &raw mut PyBaseObject_Type,
        &raw mut PyType_Type,
        &raw mut none::PY_NONE_TYPE,
        &raw mut none::PY_NOTIMPLEMENTED_TYPE,
    ];
    macro_rules! push_all {
        ($($name:ident),*) => { $( v.push(&raw mut $name); )* };
    }
    crate::for_each_exported_type!(push_all);
    v
}

/// The non-exported types each area of the core defines (the interpreter's
/// function and code types, builtins' iterators, native modules' types, ...):
/// each area's `static_types` fills their slot tables and lists them, bases first.
unsafe fn area_types() -> Vec<*mut PyTypeObject> {
    let mut v = crate::objects::static_types();
    v.extend(crate::vm::static_types());
    v.extend(crate::builtins::static_types());
    v.extend(crate::import::static_types());
    v.extend(crate::modules::static_types());
    v
}

/// `Py_InitializeEx`: build the object world and attach the calling thread.
pub unsafe fn initialize() -> PyResult<()> {
    if INITIALIZED.load(Ordering::Acquire) {
        return Ok(());
    }
    MAIN_THREAD.store(libc::pthread_self() as usize, Ordering::Relaxed);
    if BUILT.load(Ordering::Acquire) {
        // Re-initialisation after `Py_FinalizeEx`: types, singletons and
        // exceptions are immortal and still there; the modules are new.
        let ts = pystate::gilstate_tstate();
        pystate::attach(ts);
        init_modules()?;
        INITIALIZED.store(true, Ordering::Release);
        return Ok(());
    }
    // 1. Slot tables of the static types.
    baseobject::init_type();
    typeobject::init_type();
    none::init_types();
    long::init_type();
    boolobject::init_type();
    float::init_type();
    complex::init_type();
    unicode::init_type();
    bytes::init_type();
    crate::objects::unicode_ops::init_type();
    crate::objects::bytearray::init_type();
    crate::objects::memoryview::init_type();
    tuple::init_type();
    list::init_type();
    dict::init_type();
    module::init_type();
    methodobject::init_type();
    descr::init_types();
    iterobject::init_types();
    traceback::init_type();
    capsule::init_type();
    weakref::init_types();
    slots::init_types();
    genericalias::init_type();
    property::init_type();
    slice::init_type();
    set::init_types();
    range::init_types();
    enumobject::init_types();
    dictviews::init_types();
    name_pending_types();
    // 2. Immortal singletons.
    unicode::init_singletons();
    long::init_small_ints();
    tuple::init_empty();
    bytes::init_empty();
    // 3. The calling thread gets a state before anything can raise.
    let ts = pystate::gilstate_tstate();
    pystate::attach(ts);
    // 4. Type dicts, MROs and inherited slots.
    for t in static_types() {
        typeobject::ready(t)?;
    }
    exceptions::init_types();
    exceptions::ready_types()?;
    for t in area_types() {
        typeobject::ready(t)?;
    }
    BUILT.store(true, Ordering::Release);
    // 5. The modules every embedding expects.
    init_modules()?;
    INITIALIZED.store(true, Ordering::Release);
    Ok(())
}

/// `sys` and `builtins`, registered in a new `sys.modules`.
unsafe fn init_modules() -> PyResult<()> {
    sysmodule::init()?;
    let builtins = module::new_str("builtins");
    nonnull(builtins)?;
    (*pystate::interp()).builtins = module::m(builtins).md_dict;
    Py_INCREF((*pystate::interp()).builtins);
    exceptions::add_to_builtins((*pystate::interp()).builtins)?;
    crate::builtins::init((*pystate::interp()).builtins)?;
    dict::set_str((*pystate::interp()).modules, "builtins", builtins)?;
    Py_DECREF(builtins);
    Ok(())
}

/// `Py_AtExit` functions, run last by `Py_FinalizeEx`, newest first.
static AT_EXIT: parking_lot::Mutex<Vec<unsafe extern "C" fn()>> =
    parking_lot::Mutex::new(Vec::new());

/// CPython's limit on `Py_AtExit` registrations.
pub const NEXITFUNCS: usize = 32;

/// `Py_AtExit`: false when the table is full.
pub fn at_exit(f: unsafe extern "C" fn()) -> bool {
    let mut v = AT_EXIT.lock();
    if v.len() >= NEXITFUNCS {
        return false;
    }
    v.push(f);
    true
}

/// A `PyUnstable_AtExit` callback and its data.
pub type AtExitData = (unsafe extern "C" fn(*mut core::ffi::c_void), usize);

/// `PyUnstable_AtExit` callbacks, run by `Py_FinalizeEx` right after the
/// Python-level `atexit` functions, newest first (no limit on their number).
static AT_EXIT_DATA: parking_lot::Mutex<Vec<AtExitData>> = parking_lot::Mutex::new(Vec::new());

/// `PyUnstable_AtExit`.
pub fn at_exit_with_data(f: AtExitData) {
    AT_EXIT_DATA.lock().push(f);
}

/// Call `sys.<name>.flush()` if the stream exists; false when flushing raised.
unsafe fn flush_std_stream(name: &str) -> bool {
    let f = sysmodule::get_object(name);
    if f.is_null() || f == none() {
        return true;
    }
    Py_INCREF(f);
    let ok = match crate::protocols::call::call_method(f, "flush", &[]) {
        Ok(r) => {
            Py_DECREF(r);
            true
        }
        Err(()) => {
            crate::errors::clear();
            false
        }
    };
    Py_DECREF(f);
    ok
}

/// Run the Python-level `atexit` callbacks when the `atexit` module was imported.
unsafe fn run_python_atexit() {
    let modules = (*pystate::interp()).modules;
    if modules.is_null() {
        return;
    }
    let m = dict::get_str(modules, "atexit");
    if m.is_null() {
        crate::errors::clear();
        return;
    }
    Py_INCREF(m);
    match crate::protocols::call::call_method(m, "_run_exitfuncs", &[]) {
        Ok(r) => Py_DECREF(r),
        Err(()) => exceptions::write_unraisable_msg("Exception ignored in atexit", m),
    }
    Py_DECREF(m);
}

/// Threads holding a PEP 788 interpreter guard; finalisation waits for them.
pub static GUARDS: core::sync::atomic::AtomicIsize = core::sync::atomic::AtomicIsize::new(0);

/// `Py_FinalizeEx`: wait for interpreter guards, run the `atexit` callbacks,
/// flush `sys.stdout`/`sys.stderr`, collect, empty `sys.modules` and collect
/// again, then run the `Py_AtExit` functions (newest first) and detach. Objects
/// that are still referenced stay alive (extension modules may hold pointers to
/// them, as in CPython where static types and interned strings outlive
/// finalisation). Returns -1 when flushing `sys.stdout` failed.
pub unsafe fn finalize() -> i32 {
    if !INITIALIZED.load(Ordering::Acquire) {
        return 0;
    }
    let ts = pystate::tstate();
    pystate::attach(ts);
    // PEP 788: no new guards from now on; wait for the ones held to be closed.
    FINALIZING.store(true, Ordering::Release);
    while GUARDS.load(Ordering::Acquire) > 0 {
        let me = pystate::detach();
        std::thread::sleep(std::time::Duration::from_millis(1));
        pystate::attach(me);
    }
    run_python_atexit();
    let with_data: Vec<AtExitData> = core::mem::take(&mut *AT_EXIT_DATA.lock());
    for (f, data) in with_data.into_iter().rev() {
        f(data as *mut core::ffi::c_void);
    }
    let mut status = 0;
    if !flush_std_stream("stdout") {
        status = -1;
    }
    flush_std_stream("stderr");
    crate::gc::collect();
    // Empty sys.modules (modules nobody else references are freed: their
    // m_free runs) and let the collector break the cycles through them.
    let i = pystate::interp();
    let modules = core::mem::replace(&mut (*i).modules, core::ptr::null_mut());
    if !modules.is_null() {
        dict::clear(modules);
        Py_DECREF(modules);
    }
    Py_XDECREF(core::mem::replace(&mut (*i).sysdict, core::ptr::null_mut()));
    Py_XDECREF(core::mem::replace(
        &mut (*i).builtins,
        core::ptr::null_mut(),
    ));
    Py_XDECREF(core::mem::replace(&mut (*i).dict, core::ptr::null_mut()));
    pystate::clear_thread_state(ts);
    crate::gc::collect();
    let funcs: Vec<unsafe extern "C" fn()> = core::mem::take(&mut *AT_EXIT.lock());
    for f in funcs.into_iter().rev() {
        f();
    }
    let _ = std::io::Write::flush(&mut std::io::stdout());
    INITIALIZED.store(false, Ordering::Release);
    FINALIZING.store(false, Ordering::Release);
    crate::errors::clear();
    pystate::detach();
    status
}

/// The original command line as wide strings (`Py_GetArgcArgv`), set by the
/// `Py_Main`/`Py_BytesMain` entry points.
static ORIG_ARGV: parking_lot::Mutex<(i32, usize)> = parking_lot::Mutex::new((0, 0));

/// Record the command line (kept for the rest of the process).
pub fn set_orig_argv(args: &[String]) {
    let mut v: Vec<*mut i32> = args
        .iter()
        .map(|a| {
            let mut w: Vec<i32> = a.chars().map(|c| c as i32).collect();
            w.push(0);
            Box::leak(w.into_boxed_slice()).as_mut_ptr()
        })
        .collect();
    v.push(core::ptr::null_mut());
    let p = Box::leak(v.into_boxed_slice()).as_mut_ptr();
    *ORIG_ARGV.lock() = (args.len() as i32, p as usize);
}

pub fn orig_argv() -> (i32, *mut *mut i32) {
    let g = ORIG_ARGV.lock();
    (g.0, g.1 as *mut *mut i32)
}
