//! Panic containment for exported functions.

use core::ffi::c_char;

/// Run `body`; on a panic, raise `SystemError` naming `func` and return `err`.
#[inline(always)]
pub fn run<R>(func: &'static str, err: R, body: impl FnOnce() -> R) -> R {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(body)) {
        Ok(r) => r,
        Err(payload) => {
            let what = if let Some(s) = payload.downcast_ref::<&str>() {
                (*s).to_string()
            } else if let Some(s) = payload.downcast_ref::<String>() {
                s.clone()
            } else {
                "panic".to_string()
            };
            unsafe {
                carapace_core::errors::set_string(
                    carapace_core::objects::exceptions::exc(
                        &raw mut carapace_core::exported::PyExc_SystemError,
                    ),
                    &format!("internal error in {func}: {what}"),
                );
            }
            err
        }
    }
}

/// Export body guard: `guard!(ERR_VALUE, { ... })` inside an exported function.
macro_rules! guard {
    ($err:expr, $body:block) => {
        $crate::guard::run(
            {
                fn f() {}
                let name = core::any::type_name_of_val(&f);
                name.strip_suffix("::f").unwrap_or(name)
            },
            $err,
            || unsafe { $body },
        )
    };
}

/// Borrow a C string as UTF-8 (lossy for invalid bytes; NULL gives "").
pub unsafe fn cstr<'a>(p: *const c_char) -> std::borrow::Cow<'a, str> {
    if p.is_null() {
        return std::borrow::Cow::Borrowed("");
    }
    String::from_utf8_lossy(core::ffi::CStr::from_ptr(p).to_bytes())
}
