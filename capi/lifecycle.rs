//! Initialisation and finalisation (`Py_Initialize*`, `Py_FinalizeEx`, `Py_Exit`).

use core::ffi::{c_char, c_int};

use carapace_core::lifecycle;

#[no_mangle]
pub unsafe extern "C" fn Py_Initialize() {
    Py_InitializeEx(1)
}

#[no_mangle]
pub unsafe extern "C" fn Py_InitializeEx(_initsigs: c_int) {
    let ok = guard::run("Py_InitializeEx", Err(()), || unsafe {
        lifecycle::initialize()
    });
    if ok.is_err() {
        let e = carapace_core::errors::take_raised();
        let what = if e.is_null() {
            String::new()
        } else {
            carapace_core::objects::unicode::str_string(e)
        };
        fatal(&format!(
            "Py_InitializeEx: failed to initialize the runtime: {what}"
        ));
    }
}

#[no_mangle]
pub unsafe extern "C" fn Py_IsInitialized() -> c_int {
    lifecycle::is_initialized() as c_int
}

#[no_mangle]
pub unsafe extern "C" fn Py_IsFinalizing() -> c_int {
    lifecycle::is_finalizing() as c_int
}

#[no_mangle]
pub unsafe extern "C" fn Py_FinalizeEx() -> c_int {
    guard!(-1, { lifecycle::finalize() })
}

#[no_mangle]
pub unsafe extern "C" fn Py_Finalize() {
    Py_FinalizeEx();
}

#[no_mangle]
pub unsafe extern "C" fn Py_Exit(status: c_int) -> ! {
    if Py_FinalizeEx() < 0 && status == 0 {
        libc::exit(120);
    }
    libc::exit(status)
}

/// Print "Fatal Python error: MSG" and abort, as CPython does.
pub fn fatal(msg: &str) -> ! {
    eprintln!("Fatal Python error: {msg}");
    eprintln!(
        "Python runtime state: {}",
        if lifecycle::is_initialized() {
            "initialized"
        } else {
            "not initialized"
        }
    );
    std::process::abort()
}

#[no_mangle]
pub unsafe extern "C" fn Py_FatalError(msg: *const c_char) -> ! {
    fatal(&guard::cstr(msg))
}

use crate::guard;
