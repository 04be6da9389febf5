//! `carapace`: a drop-in for `python3`. All the work happens in the one runtime in
//! `libpython3.15.so.1.0`; this program only hands its arguments to `Py_BytesMain`.

use std::ffi::{c_char, c_int, CString};

extern "C" {
    fn Py_BytesMain(argc: c_int, argv: *mut *mut c_char) -> c_int;
}

fn main() {
    let args: Vec<CString> = std::env::args_os()
        .map(|a| {
            CString::new(std::os::unix::ffi::OsStrExt::as_bytes(a.as_os_str())).unwrap_or_default()
        })
        .collect();
    let mut argv: Vec<*mut c_char> = args.iter().map(|a| a.as_ptr() as *mut c_char).collect();
    argv.push(std::ptr::null_mut());
    let code = unsafe { Py_BytesMain(args.len() as c_int, argv.as_mut_ptr()) };
    std::process::exit(code);
}
