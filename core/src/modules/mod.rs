//! Carapace's native modules (CPython's `Modules/`), one file per module. Each is
//! found by `import` through `find`, after the embedder's inittab: its init
//! function returns a module (single-phase) or a `PyModuleDef` (multi-phase),
//! exactly as an extension's `PyInit_*` does.

use crate::object::PyObject;

/// An init function, with the signature of an extension's `PyInit_*`.
pub type InitFunc = unsafe extern "C" fn() -> *mut PyObject;

/// The native modules, by import name.
static BUILTIN_MODULES: &[(&str, InitFunc)] = &[];

/// The init function of the native module `name`, if Carapace has one.
pub fn find(name: &str) -> Option<InitFunc> {
    BUILTIN_MODULES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, f)| *f)
}

/// The names of the native modules (`sys.builtin_module_names` adds `sys` and
/// `builtins`).
pub fn names() -> impl Iterator<Item = &'static str> {
    BUILTIN_MODULES.iter().map(|(n, _)| *n)
}

/// This area's types, slot tables filled, bases first (`lifecycle` readies them).
pub unsafe fn static_types() -> Vec<*mut crate::typeobj::PyTypeObject> {
    Vec::new()
}
