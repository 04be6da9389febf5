//! `PyGC_*`: the cycle collector's switches.

use core::ffi::c_int;

use carapace_core::gc;
use carapace_core::object::Py_ssize_t;

/// Run a full collection (nothing when the collector is disabled, as in
/// CPython); the exception being raised, if any, is kept.
#[no_mangle]
pub unsafe extern "C" fn PyGC_Collect() -> Py_ssize_t {
    guard!(0, {
        if !gc::is_enabled() {
            return 0;
        }
        let saved = carapace_core::errors::take_raised();
        let n = gc::collect();
        carapace_core::errors::set_raised(saved);
        n
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyGC_Enable() -> c_int {
    gc::enable(true) as c_int
}

#[no_mangle]
pub unsafe extern "C" fn PyGC_Disable() -> c_int {
    gc::enable(false) as c_int
}

#[no_mangle]
pub unsafe extern "C" fn PyGC_IsEnabled() -> c_int {
    gc::is_enabled() as c_int
}
