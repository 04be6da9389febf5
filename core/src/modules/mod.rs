//! Carapace's native modules (CPython's `Modules/`), one file per module. Each is
//! found by `import` through `find`, after the embedder's inittab: its init
//! function returns a module (single-phase) or a `PyModuleDef` (multi-phase),
//! exactly as an extension's `PyInit_*` does.
//!
//! Ours are all multi-phase (`native_module!`): a static definition whose exec
//! slot adds the constants and types, declared free-threading safe
//! (`Py_mod_gil` = not used), so importing one never switches the legacy lock on.

use core::ptr::null_mut;

use crate::object::*;
use crate::objects::{dict, float, module, unicode};

pub mod errno;
pub mod gc;
pub mod math;
pub mod math_integer;
pub mod operator;
pub mod time;
pub mod typing;
pub mod weakref;

/// An init function, with the signature of an extension's `PyInit_*`.
pub type InitFunc = unsafe extern "C" fn() -> *mut PyObject;

/// The native modules, by import name.
static BUILTIN_MODULES: &[(&str, InitFunc)] = &[
    ("_math_integer", math_integer::init),
    ("_operator", operator::init),
    ("_typing", typing::init),
    ("_weakref", weakref::init),
    ("errno", errno::init),
    ("gc", gc::init),
    ("math", math::init),
    ("time", time::init),
];

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
    let mut v = Vec::new();
    v.extend(operator::static_types());
    v.extend(crate::objects::typevar::static_types());
    v.extend(crate::objects::template::static_types());
    v
}

/// A module function's `PyMethodDef` with its docstring (whose first lines give
/// `__text_signature__`): `func!(c"sqrt", sqrt, METH_O, c"sqrt($module, x, /)\n--\n\n...")`.
#[macro_export]
macro_rules! func {
    ($name:expr, $f:expr, $flags:expr, $doc:expr) => {
        $crate::defs::PyMethodDef {
            ml_doc: $doc.as_ptr(),
            ..$crate::meth!($name, $f, $flags)
        }
    };
}

/// Define the static multi-phase definition of a native module and its `init`:
/// `native_module!(c"math", c"doc", exec_fn, [func!(...), ...]);` where
/// `exec_fn(module) -> PyResult<()>` adds what is not a function.
#[macro_export]
macro_rules! native_module {
    ($name:expr, $doc:expr, $exec:expr, [$($m:expr),* $(,)?]) => {
        static mut METHODS: [$crate::defs::PyMethodDef; <[&str]>::len(&[$(stringify!($m)),*]) + 1] =
            [$($m,)* $crate::defs::PyMethodDef::SENTINEL];

        unsafe extern "C" fn exec_slot(m: *mut $crate::object::PyObject) -> core::ffi::c_int {
            let f: unsafe fn(*mut $crate::object::PyObject) -> $crate::object::PyResult<()> = $exec;
            if f(m).is_ok() { 0 } else { -1 }
        }

        static mut SLOTS: [$crate::defs::PyModuleDef_Slot; 3] = [
            $crate::defs::PyModuleDef_Slot {
                slot: $crate::defs::slot::Py_mod_exec_OLD as core::ffi::c_int,
                value: exec_slot as *mut core::ffi::c_void,
            },
            // Py_MOD_GIL_NOT_USED
            $crate::defs::PyModuleDef_Slot {
                slot: $crate::defs::slot::Py_mod_gil_OLD as core::ffi::c_int,
                value: core::ptr::without_provenance_mut(1),
            },
            $crate::defs::PyModuleDef_Slot { slot: 0, value: core::ptr::null_mut() },
        ];

        static mut DEF: $crate::defs::PyModuleDef = $crate::defs::PyModuleDef {
            m_base: $crate::defs::PyModuleDef_Base {
                ob_base: $crate::object::PyObject::static_head(core::ptr::null_mut()),
                m_init: None,
                m_index: 0,
                m_copy: core::ptr::null_mut(),
            },
            m_name: $name.as_ptr(),
            m_doc: $doc.as_ptr(),
            m_size: 0,
            m_methods: (&raw mut METHODS) as *mut $crate::defs::PyMethodDef,
            m_slots: (&raw mut SLOTS) as *mut $crate::defs::PyModuleDef_Slot,
            m_traverse: None,
            m_clear: None,
            m_free: None,
        };

        /// The module's `PyInit_*`: its multi-phase definition.
        pub unsafe extern "C" fn init() -> *mut $crate::object::PyObject {
            $crate::objects::module::def_init(&raw mut DEF)
        }
    };
}

/// Turn a `PyResult` into what a C function returns.
pub fn ret(r: PyResult<*mut PyObject>) -> *mut PyObject {
    r.unwrap_or(null_mut())
}

/// `module.name = value`, stealing `value` (NULL: the error already set).
pub unsafe fn add(m: *mut PyObject, name: &str, value: *mut PyObject) -> PyResult<()> {
    let v = Owned::from_new(value).ok_or(())?;
    dict::set_str(module::m(m).md_dict, name, v.as_ptr())
}

pub unsafe fn add_int(m: *mut PyObject, name: &str, v: i64) -> PyResult<()> {
    add(m, name, crate::objects::long::from_i64(v))
}

pub unsafe fn add_float(m: *mut PyObject, name: &str, v: f64) -> PyResult<()> {
    add(m, name, float::from_f64(v))
}

pub unsafe fn add_str(m: *mut PyObject, name: &str, v: &str) -> PyResult<()> {
    add(m, name, unicode::from_str(v))
}

/// `module.name = type` for a static type.
pub unsafe fn add_type(
    m: *mut PyObject,
    name: &str,
    t: *mut crate::typeobj::PyTypeObject,
) -> PyResult<()> {
    add(m, name, new_ref(t as *mut PyObject))
}

/// The positional-count check of a `METH_FASTCALL` function
/// (`_PyArg_CheckPositional`): "atan2 expected 2 arguments, got 1".
pub unsafe fn check_positional(name: &str, n: usize, min: usize, max: usize) -> PyResult<()> {
    let s = |k: usize| if k == 1 { "" } else { "s" };
    if n < min {
        let how = if min == max { "" } else { "at least " };
        return crate::raise!(
            PyExc_TypeError,
            "{} expected {}{} argument{}, got {}",
            name,
            how,
            min,
            s(min),
            n
        );
    }
    if n > max {
        let how = if min == max { "" } else { "at most " };
        return crate::raise!(
            PyExc_TypeError,
            "{} expected {}{} argument{}, got {}",
            name,
            how,
            max,
            s(max),
            n
        );
    }
    Ok(())
}

/// The parameters of a `METH_FASTCALL | METH_KEYWORDS` function as Argument
/// Clinic binds them: `names` in order, the first `posonly` of them
/// positional-only, at most `maxpos` by position, the first `required` required.
pub struct Params {
    pub fname: &'static str,
    pub names: &'static [&'static str],
    pub posonly: usize,
    pub maxpos: usize,
    pub required: usize,
}

/// Bind the arguments of a `METH_FASTCALL | METH_KEYWORDS` call to `p`, with
/// Argument Clinic's errors. Missing optional arguments are NULL. Borrowed
/// references.
pub unsafe fn parse_kw(
    p: &Params,
    args: *const *mut PyObject,
    nargs: Py_ssize_t,
    kwnames: *mut PyObject,
) -> PyResult<Vec<*mut PyObject>> {
    let Params {
        fname,
        names,
        posonly,
        maxpos,
        required,
    } = *p;
    let n = crate::protocols::call::nargs(nargs as usize);
    let pos = crate::objects::sequtil::fastcall_args(args, n as Py_ssize_t);
    let s = |k: usize| if k == 1 { "" } else { "s" };
    if n > maxpos {
        let how = if required >= maxpos {
            "exactly"
        } else {
            "at most"
        };
        return crate::raise!(
            PyExc_TypeError,
            "{}() takes {} {} positional argument{} ({} given)",
            fname,
            how,
            maxpos,
            s(maxpos),
            n
        );
    }
    let minpos = required.min(posonly);
    if n < minpos {
        let how = if minpos == maxpos {
            "exactly"
        } else {
            "at least"
        };
        return crate::raise!(
            PyExc_TypeError,
            "{}() takes {} {} positional argument{} ({} given)",
            fname,
            how,
            minpos,
            s(minpos),
            n
        );
    }
    let mut out = vec![null_mut(); names.len()];
    out[..n].copy_from_slice(pos);
    if !kwnames.is_null() {
        let keys = crate::objects::tuple::as_slice(kwnames);
        for (i, &k) in keys.iter().enumerate() {
            let key = unicode::to_string_lossy(k);
            let v = *args.add(n + i);
            match names.iter().position(|nm| *nm == key) {
                Some(p) if p >= posonly => {
                    if !out[p].is_null() {
                        return crate::raise!(
                            PyExc_TypeError,
                            "argument for {}() given by name ('{}') and position ({})",
                            fname,
                            key,
                            p + 1
                        );
                    }
                    out[p] = v;
                }
                Some(_) if posonly > 0 => {
                    return crate::raise!(
                        PyExc_TypeError,
                        "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                        fname,
                        key
                    );
                }
                _ => {
                    return crate::raise!(
                        PyExc_TypeError,
                        "{}() got an unexpected keyword argument '{}'",
                        fname,
                        key
                    );
                }
            }
        }
    }
    for (i, v) in out.iter().enumerate().take(required) {
        if v.is_null() {
            return crate::raise!(
                PyExc_TypeError,
                "{}() missing required argument '{}' (pos {})",
                fname,
                names[i],
                i + 1
            );
        }
    }
    Ok(out)
}

/// The next item of an iterator: `Ok(None)` at the end.
pub unsafe fn next_item(it: *mut PyObject) -> PyResult<Option<Owned>> {
    let x = crate::protocols::iter::next(it);
    if x.is_null() {
        return if crate::errors::raised().is_null() {
            Ok(None)
        } else {
            Err(())
        };
    }
    Ok(Some(Owned(x)))
}

/// `iter(o)`.
pub unsafe fn iter(o: *mut PyObject) -> PyResult<Owned> {
    Owned::from_new(crate::protocols::iter::get_iter(o)).ok_or(())
}
