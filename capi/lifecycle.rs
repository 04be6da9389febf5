//! Initialisation and finalisation (`Py_Initialize*`, `Py_FinalizeEx`, `Py_Exit`).

use core::ffi::{c_char, c_int};

use carapace_core::lifecycle;

#[no_mangle]
pub unsafe extern "C" fn Py_Initialize() {
    Py_InitializeEx(1)
}

#[no_mangle]
pub unsafe extern "C" fn Py_InitializeEx(initsigs: c_int) {
    if initsigs != 0 && !lifecycle::is_initialized() {
        carapace_core::pystate::install_signal_handlers();
    }
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

// ------------------------------------------------------------------ Py_AtExit

/// Register `func` to run at the end of `Py_FinalizeEx` (newest first); -1 when
/// the table (32 entries, as in CPython) is full.
#[no_mangle]
pub unsafe extern "C" fn Py_AtExit(func: Option<unsafe extern "C" fn()>) -> c_int {
    match func {
        Some(f) if lifecycle::at_exit(f) => 0,
        _ => -1,
    }
}

// ------------------------------------------------------------------ version strings

macro_rules! static_cstr {
    ($s:expr) => {{
        static S: std::sync::OnceLock<std::ffi::CString> = std::sync::OnceLock::new();
        S.get_or_init(|| std::ffi::CString::new($s).unwrap_or_default())
            .as_ptr()
    }};
}

/// `"3.15.2 (build info) [compiler]"`, as `sys.version`.
#[no_mangle]
pub unsafe extern "C" fn Py_GetVersion() -> *const c_char {
    static_cstr!(carapace_core::version::VERSION_STRING)
}

#[no_mangle]
pub unsafe extern "C" fn Py_GetPlatform() -> *const c_char {
    c"linux".as_ptr()
}

/// The bracketed part of `sys.version`.
#[no_mangle]
pub unsafe extern "C" fn Py_GetCompiler() -> *const c_char {
    static_cstr!(version_part(2))
}

/// The parenthesised part of `sys.version`.
#[no_mangle]
pub unsafe extern "C" fn Py_GetBuildInfo() -> *const c_char {
    static_cstr!(version_part(1))
}

/// Split `VERSION_STRING` ("3.15.2 (carapace) [Rust]") into its three fields.
fn version_part(i: usize) -> String {
    let v = carapace_core::version::VERSION_STRING;
    let (num, rest) = v.split_once(' ').unwrap_or((v, ""));
    let (build, compiler) = match (rest.find('('), rest.find(')')) {
        (Some(a), Some(b)) if a < b => (&rest[a + 1..b], rest[b + 1..].trim()),
        _ => ("", rest),
    };
    match i {
        0 => num.to_string(),
        1 => build.to_string(),
        _ => compiler.to_string(),
    }
}

#[no_mangle]
pub unsafe extern "C" fn Py_GetCopyright() -> *const c_char {
    c"Copyright (c) 2001 Python Software Foundation.\nAll Rights Reserved.\n\nCopyright (c) 2000 BeOpen.com.\nAll Rights Reserved.\n\nCopyright (c) 1995-2001 Corporation for National Research Initiatives.\nAll Rights Reserved.\n\nCopyright (c) 1991-1995 Stichting Mathematisch Centrum, Amsterdam.\nAll Rights Reserved.".as_ptr()
}

#[no_mangle]
pub unsafe extern "C" fn Py_PACK_FULL_VERSION(
    x: c_int,
    y: c_int,
    z: c_int,
    level: c_int,
    serial: c_int,
) -> u32 {
    (((x as u32) & 0xff) << 24)
        | (((y as u32) & 0xff) << 16)
        | (((z as u32) & 0xff) << 8)
        | (((level as u32) & 0xf) << 4)
        | ((serial as u32) & 0xf)
}

#[no_mangle]
pub unsafe extern "C" fn Py_PACK_VERSION(x: c_int, y: c_int) -> u32 {
    Py_PACK_FULL_VERSION(x, y, 0, 0, 0)
}

// ------------------------------------------------------------------ locale

type WChar = i32;

/// `Py_DecodeLocale`: UTF-8 with surrogateescape (undecodable bytes become
/// U+DC80..U+DCFF) into a `PyMem_RawMalloc`'d wide string; `*size` gets its
/// length, or `(size_t)-1` on memory error.
#[no_mangle]
pub unsafe extern "C" fn Py_DecodeLocale(arg: *const c_char, size: *mut usize) -> *mut WChar {
    if arg.is_null() {
        if !size.is_null() {
            *size = usize::MAX - 1;
        }
        return core::ptr::null_mut();
    }
    let b = core::ffi::CStr::from_ptr(arg).to_bytes();
    let cps = decode_surrogateescape(b);
    let out = libc::malloc((cps.len() + 1) * 4) as *mut WChar;
    if out.is_null() {
        if !size.is_null() {
            *size = usize::MAX;
        }
        return out;
    }
    for (i, &c) in cps.iter().enumerate() {
        *out.add(i) = c as WChar;
    }
    *out.add(cps.len()) = 0;
    if !size.is_null() {
        *size = cps.len();
    }
    out
}

/// Strict UTF-8, each byte of an invalid sequence escaped as a lone surrogate.
fn decode_surrogateescape(mut b: &[u8]) -> Vec<u32> {
    let mut out = Vec::with_capacity(b.len());
    while !b.is_empty() {
        match std::str::from_utf8(b) {
            Ok(s) => {
                out.extend(s.chars().map(|c| c as u32));
                break;
            }
            Err(e) => {
                let good = e.valid_up_to();
                out.extend(
                    unsafe { std::str::from_utf8_unchecked(&b[..good]) }
                        .chars()
                        .map(|c| c as u32),
                );
                let bad = e.error_len().unwrap_or(b.len() - good);
                for &x in &b[good..good + bad] {
                    out.push(0xDC00 + x as u32);
                }
                b = &b[good + bad..];
            }
        }
    }
    out
}

/// `Py_EncodeLocale`: UTF-8 with surrogateescape into `PyMem_Malloc`'d memory;
/// NULL with `*error_pos` set to the index of a character that cannot be
/// encoded, or `(size_t)-1` on memory error.
#[no_mangle]
pub unsafe extern "C" fn Py_EncodeLocale(text: *const WChar, error_pos: *mut usize) -> *mut c_char {
    if !error_pos.is_null() {
        *error_pos = usize::MAX;
    }
    if text.is_null() {
        return core::ptr::null_mut();
    }
    let mut out: Vec<u8> = Vec::new();
    let mut i = 0usize;
    loop {
        let c = *text.add(i) as u32;
        if c == 0 {
            break;
        }
        if (0xDC80..=0xDCFF).contains(&c) {
            out.push((c - 0xDC00) as u8);
        } else if let Some(ch) = char::from_u32(c) {
            let mut buf = [0u8; 4];
            out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
        } else {
            if !error_pos.is_null() {
                *error_pos = i;
            }
            return core::ptr::null_mut();
        }
        i += 1;
    }
    let p = libc::malloc(out.len() + 1) as *mut u8;
    if p.is_null() {
        return core::ptr::null_mut();
    }
    core::ptr::copy_nonoverlapping(out.as_ptr(), p, out.len());
    *p.add(out.len()) = 0;
    p as *mut c_char
}

// ------------------------------------------------------------------ paths (deprecated)

/// A wide string the runtime keeps for the rest of the process (callers may
/// hold the pointer: replaced values are never freed).
fn leak_wide(s: &str) -> *mut WChar {
    let mut v: Vec<WChar> = s.chars().map(|c| c as WChar).collect();
    v.push(0);
    Box::leak(v.into_boxed_slice()).as_mut_ptr()
}

unsafe fn wide_to_string(p: *const WChar) -> Option<String> {
    if p.is_null() {
        return None;
    }
    let mut s = String::new();
    let mut i = 0;
    loop {
        let c = *p.add(i) as u32;
        if c == 0 {
            break;
        }
        s.push(char::from_u32(c).unwrap_or('\u{FFFD}'));
        i += 1;
    }
    Some(s)
}

struct Paths {
    program_name: Option<String>,
    home: Option<String>,
    path: Option<String>,
}

static PATHS: std::sync::Mutex<Paths> = std::sync::Mutex::new(Paths {
    program_name: None,
    home: None,
    path: None,
});

/// The value of a path setting as a leaked wide string, cached per value.
fn cached(slot: &'static std::sync::Mutex<(String, usize)>, value: String) -> *mut WChar {
    let mut g = slot.lock().unwrap_or_else(|e| e.into_inner());
    if g.1 == 0 || g.0 != value {
        g.1 = leak_wide(&value) as usize;
        g.0 = value;
    }
    g.1 as *mut WChar
}

macro_rules! path_getter {
    ($name:ident, $compute:expr) => {
        #[no_mangle]
        pub unsafe extern "C" fn $name() -> *mut WChar {
            static SLOT: std::sync::Mutex<(String, usize)> =
                std::sync::Mutex::new((String::new(), 0));
            let v: Option<String> = $compute;
            match v {
                Some(v) => cached(&SLOT, v),
                None => core::ptr::null_mut(),
            }
        }
    };
}

fn paths() -> std::sync::MutexGuard<'static, Paths> {
    PATHS.lock().unwrap_or_else(|e| e.into_inner())
}

fn home() -> Option<String> {
    paths()
        .home
        .clone()
        .or_else(|| std::env::var("PYTHONHOME").ok().filter(|s| !s.is_empty()))
}

fn prefix() -> String {
    match home() {
        Some(h) => h.split(':').next().unwrap_or("").to_string(),
        None => "/usr/local".to_string(),
    }
}

path_getter!(
    Py_GetProgramName,
    Some(
        paths()
            .program_name
            .clone()
            .unwrap_or_else(|| "python3".to_string())
    )
);
path_getter!(Py_GetPythonHome, home());
path_getter!(Py_GetPrefix, Some(prefix()));
path_getter!(
    Py_GetExecPrefix,
    Some(match home() {
        Some(h) => h.split_once(':').map(|x| x.1.to_string()).unwrap_or(h),
        None => prefix(),
    })
);
path_getter!(
    Py_GetProgramFullPath,
    Some(
        std::env::current_exe()
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_default()
    )
);
path_getter!(
    Py_GetPath,
    Some(match paths().path.clone() {
        Some(p) => p,
        None => sys_path_string(),
    })
);

/// `sys.path` joined with ':' (`PYTHONPATH` before initialisation).
fn sys_path_string() -> String {
    unsafe {
        let p = carapace_core::objects::sysmodule::get_object("path");
        if !p.is_null() && carapace_core::objects::list::is_list(p) {
            let n = carapace_core::object::Py_SIZE(p);
            let mut parts = Vec::new();
            for i in 0..n {
                let it = *(*(p as *mut carapace_core::objects::list::ListObject))
                    .ob_item
                    .add(i as usize);
                if carapace_core::objects::unicode::is_unicode(it) {
                    parts.push(carapace_core::objects::unicode::to_string_lossy(it));
                }
            }
            return parts.join(":");
        }
    }
    std::env::var("PYTHONPATH").unwrap_or_default()
}

#[no_mangle]
pub unsafe extern "C" fn Py_SetProgramName(name: *const WChar) {
    paths().program_name = wide_to_string(name).filter(|s| !s.is_empty());
}

#[no_mangle]
pub unsafe extern "C" fn Py_SetPythonHome(home: *const WChar) {
    paths().home = wide_to_string(home).filter(|s| !s.is_empty());
}

#[no_mangle]
pub unsafe extern "C" fn Py_SetPath(path: *const WChar) {
    paths().path = wide_to_string(path);
}

/// The original command line (`Py_Main`/`Py_BytesMain`); 0 and NULL for an
/// embedding that did not pass one.
#[no_mangle]
pub unsafe extern "C" fn Py_GetArgcArgv(argc: *mut c_int, argv: *mut *mut *mut WChar) {
    let (n, v) = carapace_core::lifecycle::orig_argv();
    if !argc.is_null() {
        *argc = n;
    }
    if !argv.is_null() {
        *argv = v;
    }
}
