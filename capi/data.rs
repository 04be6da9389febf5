//! The exported data symbols: the real objects, at fixed addresses.
//!
//! `static mut` keeps them in writable `.data` (old binaries bump the count of
//! `_Py_NoneStruct` and type objects inline), and their sizes are CPython 3.15's
//! (`_Py_NoneStruct` 16, `_Py_TrueStruct` 32, each `Py*_Type` 424, each `PyExc_*` 8)
//! because PIE embedders copy them into themselves. The core reaches them only
//! through `extern` declarations (`core/src/exported.rs`), i.e. through the GOT, so
//! it uses an embedder's copy when there is one. Contents are filled in at
//! `Py_Initialize`; headers are immortal from the start.

use core::ffi::{c_char, c_int, c_ulong};
use core::ptr::null_mut;

use carapace_core::object::PyObject;
use carapace_core::objects::long::LongObject;
use carapace_core::objects::none::{PY_NONE_TYPE, PY_NOTIMPLEMENTED_TYPE};
use carapace_core::typeobj::PyTypeObject;

macro_rules! define_types {
    ($($name:ident),*) => {
        $(
            #[no_mangle]
            pub static mut $name: PyTypeObject = PyTypeObject::static_empty(&raw mut PyType_Type);
        )*
    };
}
carapace_core::for_each_exported_type!(define_types);

macro_rules! define_exceptions {
    ($($name:ident),*) => {
        $(
            #[no_mangle]
            pub static mut $name: *mut PyObject = null_mut();
        )*
    };
}
carapace_core::for_each_exported_exception!(define_exceptions);

#[no_mangle]
pub static mut _Py_NoneStruct: PyObject = PyObject::static_head(&raw mut PY_NONE_TYPE);
#[no_mangle]
pub static mut _Py_NotImplementedStruct: PyObject =
    PyObject::static_head(&raw mut PY_NOTIMPLEMENTED_TYPE);
#[no_mangle]
pub static mut _Py_EllipsisObject: PyObject = PyObject::static_head(&raw mut PyEllipsis_Type);
#[no_mangle]
pub static mut _Py_TrueStruct: LongObject = LongObject {
    ob_base: PyObject::static_head(&raw mut PyBool_Type),
    small: 1,
    big: null_mut(),
};
#[no_mangle]
pub static mut _Py_FalseStruct: LongObject = LongObject {
    ob_base: PyObject::static_head(&raw mut PyBool_Type),
    small: 0,
    big: null_mut(),
};
/// The reflected comparison of each `Py_LT`..`Py_GE` (`Py_LT` <-> `Py_GT`, ...).
#[no_mangle]
pub static mut _Py_SwappedOp: [c_int; 6] = [4, 5, 2, 3, 0, 1];
/// `PyOS_InputHook`: called by the REPL while waiting for input (NULL: none).
#[no_mangle]
pub static mut PyOS_InputHook: Option<unsafe extern "C" fn() -> c_int> = None;
#[no_mangle]
pub static mut PyStructSequence_UnnamedField: *const c_char = c"unnamed field".as_ptr();
#[no_mangle]
pub static mut Py_FileSystemDefaultEncoding: *const c_char = c"utf-8".as_ptr();
#[no_mangle]
pub static mut Py_FileSystemDefaultEncodeErrors: *const c_char = c"surrogateescape".as_ptr();
#[no_mangle]
pub static mut Py_HasFileSystemDefaultEncoding: c_int = 0;
#[no_mangle]
pub static mut Py_UTF8Mode: c_int = 0;
/// `Py_Version`: `PY_VERSION_HEX` of the running runtime (read-only in CPython).
#[no_mangle]
pub static Py_Version: c_ulong = carapace_core::version::PY_VERSION_HEX as c_ulong;
