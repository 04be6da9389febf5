#![allow(non_snake_case, non_upper_case_globals, clippy::missing_safety_doc)]
#[path = "/work/wt-shims/capi/format.rs"]
pub mod format;
#[path = "/work/wt-shims/capi/modsupport.rs"]
pub mod modsupport;
#[path = "/work/wt-shims/capi/getargs.rs"]
pub mod getargs;
