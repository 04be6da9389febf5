//! `PyUnstable_*`: the functions of CPython 3.15's unstable C API that have a
//! meaning over Carapace's core, and the ones refused with a clear error. The
//! state of every `PyUnstable_*` name is listed in `abi/unstable.tsv`. Also the one
//! private export beyond the manifest, `_Py_GetBuiltWithAssert`.

use core::ffi::{c_char, c_int, c_void};

use carapace_core::object::Py_TYPE;
use carapace_core::object::{self, PyObject, Py_ssize_t};
use carapace_core::objects::{long, unicode, weakref};
use carapace_core::typeobj::{has_flag, PyTypeObject, Py_TPFLAGS_HAVE_GC};
use carapace_core::{alloc, gc};

#[no_mangle]
pub unsafe extern "C" fn PyUnstable_IsImmortal(o: *mut PyObject) -> c_int {
    object::is_immortal(o) as c_int
}

/// Make a uniquely referenced object immortal (untracking it from the collector),
/// as CPython 3.15 does; 0 for a shared object or a str (interning is the way to
/// make those immortal).
#[no_mangle]
pub unsafe extern "C" fn PyUnstable_SetImmortal(o: *mut PyObject) -> c_int {
    if object::is_immortal(o) || object::refcnt(o) != 1 || unicode::is_unicode(o) {
        return 0;
    }
    if has_flag(Py_TYPE(o), Py_TPFLAGS_HAVE_GC) && gc::is_tracked(o) {
        gc::untrack(o);
    }
    object::make_immortal(o);
    1
}

/// Take a reference unless the object is already being destroyed.
#[no_mangle]
pub unsafe extern "C" fn PyUnstable_TryIncRef(o: *mut PyObject) -> c_int {
    weakref::try_incref(o) as c_int
}

/// Nothing to prepare: `PyUnstable_TryIncRef` never fails spuriously here.
#[no_mangle]
pub unsafe extern "C" fn PyUnstable_EnableTryIncRef(_o: *mut PyObject) {}

/// One reference, held by the caller. Carapace's counts are shared by all
/// threads (no per-thread biased count), so the count alone decides.
#[no_mangle]
pub unsafe extern "C" fn PyUnstable_Object_IsUniquelyReferenced(o: *mut PyObject) -> c_int {
    (!object::is_immortal(o) && object::refcnt(o) == 1) as c_int
}

/// Whether `o` is a temporary on the interpreter's stack that only the caller
/// holds. CPython documents false negatives as allowed; Carapace's interpreter
/// does not mark such temporaries, so the answer is always "not known" (0).
#[no_mangle]
pub unsafe extern "C" fn PyUnstable_Object_IsUniqueReferencedTemporary(_o: *mut PyObject) -> c_int {
    0
}

/// Carapace has no deferred reference counting: 0, "not enabled", as CPython
/// answers on builds without it.
#[no_mangle]
pub unsafe extern "C" fn PyUnstable_Object_EnableDeferredRefcount(_o: *mut PyObject) -> c_int {
    0
}

/// A GC object of `tp` with `extra` zeroed bytes after its basic size; not
/// tracked yet (as `PyObject_GC_New`). CPython does not check that `tp` is a GC
/// type; Carapace raises SystemError rather than hand out memory the type's
/// `tp_free` would free at the wrong address.
#[no_mangle]
pub unsafe extern "C" fn PyUnstable_Object_GC_NewWithExtraData(
    tp: *mut PyTypeObject,
    extra: usize,
) -> *mut PyObject {
    if !has_flag(tp, Py_TPFLAGS_HAVE_GC) {
        return carapace_core::raise_null!(
            PyExc_SystemError,
            "PyUnstable_Object_GC_NewWithExtraData: type '{}' does not support the garbage collector",
            carapace_core::objects::typeobject::tp_name(tp)
        );
    }
    let Some(size) = ((*tp).tp_basicsize as usize).checked_add(extra) else {
        carapace_core::errors::no_memory();
        return core::ptr::null_mut();
    };
    let op = alloc::alloc_object_memory(size, true);
    if !op.is_null() {
        alloc::init_header(op, tp);
    }
    op
}

#[no_mangle]
pub unsafe extern "C" fn PyUnstable_Object_ClearWeakRefsNoCallbacks(o: *mut PyObject) {
    weakref::clear_weakrefs_no_callbacks(o)
}

/// Carapace keeps no per-type method cache, so there is no version tag to
/// assign: 0, which CPython documents as "a tag could not be assigned".
#[no_mangle]
pub unsafe extern "C" fn PyUnstable_Type_AssignVersionTag(_tp: *mut PyTypeObject) -> c_int {
    0
}

/// CPython's "compact" integers are those of one 30-bit digit; Carapace answers
/// for the same range so that code choosing a fast path behaves the same.
const COMPACT_LIMIT: i64 = 1 << 30;

#[no_mangle]
pub unsafe extern "C" fn PyUnstable_Long_IsCompact(o: *const PyObject) -> c_int {
    long::to_i64(o as *mut PyObject).is_some_and(|v| v.abs() < COMPACT_LIMIT) as c_int
}

/// The value of a compact integer (callers check `PyUnstable_Long_IsCompact`
/// first); any other integer gives -1, never an exception.
#[no_mangle]
pub unsafe extern "C" fn PyUnstable_Long_CompactValue(o: *const PyObject) -> Py_ssize_t {
    match long::to_i64(o as *mut PyObject) {
        Some(v) if v.abs() < COMPACT_LIMIT => v as Py_ssize_t,
        _ => -1,
    }
}

type GcVisitObjects = unsafe extern "C" fn(*mut PyObject, *mut c_void) -> c_int;

/// Call `callback(obj, arg)` for each live GC-tracked object until it returns 0.
#[no_mangle]
pub unsafe extern "C" fn PyUnstable_GC_VisitObjects(callback: GcVisitObjects, arg: *mut c_void) {
    for o in gc::tracked_objects() {
        if callback(o.as_ptr(), arg) == 0 {
            break;
        }
    }
}

/// Run `func(data)` at `Py_FinalizeEx`, after the Python-level atexit functions
/// (newest first). Carapace has one interpreter, the one `interp` names.
#[no_mangle]
pub unsafe extern "C" fn PyUnstable_AtExit(
    _interp: *mut c_void,
    func: Option<unsafe extern "C" fn(*mut c_void)>,
    data: *mut c_void,
) -> c_int {
    match func {
        Some(f) => {
            carapace_core::lifecycle::at_exit_with_data((f, data as usize));
            0
        }
        None => {
            carapace_core::errors::bad_internal_call();
            -1
        }
    }
}

/// Raise the clear error of a refused `PyUnstable_*` function.
unsafe fn refuse(func: &str, why: &str) -> c_int {
    let _: carapace_core::object::PyResult<()> = carapace_core::raise!(
        PyExc_SystemError,
        "{} is not supported by Carapace: {}",
        func,
        why
    );
    -1
}

const NO_STACK_LIMIT: &str = "Carapace bounds recursion by depth, not by C stack addresses";
const NO_PERF: &str = "Carapace generates no machine code, so it has no perf trampoline";

#[no_mangle]
pub unsafe extern "C" fn PyUnstable_ThreadState_SetStackProtection(
    _ts: *mut c_void,
    _start: *mut c_void,
    _size: usize,
) -> c_int {
    refuse("PyUnstable_ThreadState_SetStackProtection", NO_STACK_LIMIT)
}

/// Undoes `SetStackProtection`, which never took effect: nothing to do.
#[no_mangle]
pub unsafe extern "C" fn PyUnstable_ThreadState_ResetStackProtection(_ts: *mut c_void) {}

#[no_mangle]
pub unsafe extern "C" fn PyUnstable_PerfMapState_Init() -> c_int {
    refuse("PyUnstable_PerfMapState_Init", NO_PERF)
}

/// Undoes `PerfMapState_Init`, which never took effect: nothing to do.
#[no_mangle]
pub unsafe extern "C" fn PyUnstable_PerfMapState_Fini() {}

#[no_mangle]
pub unsafe extern "C" fn PyUnstable_WritePerfMapEntry(
    _addr: *const c_void,
    _size: usize,
    _name: *const c_char,
) -> c_int {
    refuse("PyUnstable_WritePerfMapEntry", NO_PERF)
}

#[no_mangle]
pub unsafe extern "C" fn PyUnstable_CopyPerfMapFile(_parent: *const c_char) -> c_int {
    refuse("PyUnstable_CopyPerfMapFile", NO_PERF)
}

#[no_mangle]
pub unsafe extern "C" fn PyUnstable_PerfTrampoline_CompileCode(_code: *mut PyObject) -> c_int {
    refuse("PyUnstable_PerfTrampoline_CompileCode", NO_PERF)
}

#[no_mangle]
pub unsafe extern "C" fn PyUnstable_PerfTrampoline_SetPersistAfterFork(_enable: c_int) -> c_int {
    refuse("PyUnstable_PerfTrampoline_SetPersistAfterFork", NO_PERF)
}

/// `_Py_GetBuiltWithAssert` (justified in abi/extra_exports.txt): CPython answers
/// whether its C `assert()`s are compiled in, and its test modules skip the
/// calls that would abort on one. Carapace never aborts on bad C API input (it
/// raises), so 0, also for its debug builds: those calls run and must raise.
#[no_mangle]
pub extern "C" fn _Py_GetBuiltWithAssert() -> c_int {
    0
}
