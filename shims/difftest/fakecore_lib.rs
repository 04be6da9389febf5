pub mod object {
    #[repr(C)]
    pub struct PyObject { pub ob_refcnt: u64, pub ob_type: *mut core::ffi::c_void }
}
#[path = "/work/wt-shims/core/src/fmt_units.rs"]
pub mod fmt_units;
