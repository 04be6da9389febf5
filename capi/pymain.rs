//! `Py_Main` and `Py_BytesMain`: the `carapace` command line (core `pymain`).

use core::ffi::{c_char, c_int, CStr};

use carapace_core::pymain;

/// Arguments as text: bytes that are not UTF-8 are decoded lossily.
unsafe fn collect<T>(
    argc: c_int,
    argv: *mut *mut T,
    decode: unsafe fn(*mut T) -> String,
) -> Vec<String> {
    if argv.is_null() {
        return Vec::new();
    }
    (0..argc.max(0) as usize)
        .map(|i| *argv.add(i))
        .take_while(|p| !p.is_null())
        .map(|p| decode(p))
        .collect()
}

unsafe fn from_bytes(p: *mut c_char) -> String {
    String::from_utf8_lossy(CStr::from_ptr(p).to_bytes()).into_owned()
}

unsafe fn from_wide(p: *mut libc::wchar_t) -> String {
    let mut out = String::new();
    let mut i = 0;
    while *p.add(i) != 0 {
        out.push(char::from_u32(*p.add(i) as u32).unwrap_or('\u{FFFD}'));
        i += 1;
    }
    out
}

#[no_mangle]
pub unsafe extern "C" fn Py_BytesMain(argc: c_int, argv: *mut *mut c_char) -> c_int {
    guard!(1, { pymain::main(collect(argc, argv, from_bytes)) })
}

#[no_mangle]
pub unsafe extern "C" fn Py_Main(argc: c_int, argv: *mut *mut libc::wchar_t) -> c_int {
    guard!(1, { pymain::main(collect(argc, argv, from_wide)) })
}
