//! Python functions and bound methods (`function`, `method`), and the binding of
//! call arguments to a function's parameters (CPython's messages word for word).

use core::ffi::{c_int, c_void};
use core::ptr::null_mut;

use crate::bytecode::flags;
use crate::defs::*;
use crate::exported::*;
use crate::object::*;
use crate::objects::code::{self, CodeObject};
use crate::objects::sequtil::*;
use crate::objects::typeobject::type_name;
use crate::objects::{dict, tuple, unicode};
use crate::protocols::call::{nargs as nargs_of, ARGUMENTS_OFFSET};
use crate::typeobj::*;

#[repr(C)]
pub struct FunctionObject {
    pub ob_base: PyObject,
    pub vectorcall: Option<vectorcallfunc>,
    pub code: *mut PyObject,
    pub globals: *mut PyObject,
    pub builtins: *mut PyObject,
    pub name: *mut PyObject,
    pub qualname: *mut PyObject,
    pub module: *mut PyObject,
    pub doc: *mut PyObject,
    /// Tuple or NULL.
    pub defaults: *mut PyObject,
    /// Dict or NULL.
    pub kwdefaults: *mut PyObject,
    /// Tuple of cells or NULL.
    pub closure: *mut PyObject,
    pub dict: *mut PyObject,
    pub annotations: *mut PyObject,
    pub annotate: *mut PyObject,
    pub type_params: *mut PyObject,
    pub weakreflist: *mut PyObject,
}

#[repr(C)]
pub struct MethodObject {
    pub ob_base: PyObject,
    pub vectorcall: Option<vectorcallfunc>,
    pub func: *mut PyObject,
    pub self_: *mut PyObject,
    pub weakreflist: *mut PyObject,
}

pub static mut FUNCTION_TYPE: PyTypeObject = PyTypeObject::static_empty(null_mut());
pub static mut METHOD_TYPE: PyTypeObject = PyTypeObject::static_empty(null_mut());

#[inline]
pub unsafe fn is_function(o: *mut PyObject) -> bool {
    Py_TYPE(o) == &raw mut FUNCTION_TYPE
}

#[inline]
pub unsafe fn is_method(o: *mut PyObject) -> bool {
    Py_TYPE(o) == &raw mut METHOD_TYPE
}

#[inline]
pub unsafe fn f<'a>(o: *mut PyObject) -> &'a mut FunctionObject {
    &mut *(o as *mut FunctionObject)
}

/// `MAKE_FUNCTION`: a function for `code` over `globals`, named by the code
/// object; `__module__` from `globals['__name__']`, `__doc__` from the first
/// constant when the code has a docstring.
pub unsafe fn new(code_obj: *mut PyObject, globals: *mut PyObject) -> *mut PyObject {
    let co = code::c(code_obj);
    let builtins = builtins_of(globals);
    if builtins.is_null() {
        return null_mut();
    }
    let module = match dict::get_item_ref(globals, unicode::intern_str("__name__")) {
        Ok(m) => m,
        Err(()) => {
            Py_DECREF(builtins);
            return null_mut();
        }
    };
    let doc = if co.flags & flags::HAS_DOCSTRING != 0 && Py_SIZE(co.consts) > 0 {
        new_ref(tuple::get_item(co.consts, 0))
    } else {
        none()
    };
    let o = crate::alloc::new_object(
        &raw mut FUNCTION_TYPE,
        FunctionObject {
            ob_base: PyObject {
                ob_refcnt: 1,
                ob_type: null_mut(),
            },
            vectorcall: Some(function_vectorcall),
            code: new_ref(code_obj),
            globals: new_ref(globals),
            builtins,
            name: new_ref(co.name),
            qualname: new_ref(co.qualname),
            module,
            doc,
            defaults: null_mut(),
            kwdefaults: null_mut(),
            closure: null_mut(),
            dict: null_mut(),
            annotations: null_mut(),
            annotate: null_mut(),
            type_params: null_mut(),
            weakreflist: null_mut(),
        },
    ) as *mut PyObject;
    if !o.is_null() {
        crate::gc::track(o);
    }
    o
}

/// The builtins a function over `globals` uses: `globals['__builtins__']` (a
/// module's dict, or the dict itself), else the interpreter's. New reference.
pub unsafe fn builtins_of(globals: *mut PyObject) -> *mut PyObject {
    let b = match dict::get_item_ref(globals, unicode::intern_str("__builtins__")) {
        Ok(b) => b,
        Err(()) => return null_mut(),
    };
    if b.is_null() {
        return new_ref(crate::vm::current_builtins());
    }
    if crate::objects::module::is_module(b) {
        let d = crate::objects::module::m(b).md_dict;
        Py_INCREF(d);
        Py_DECREF(b);
        return d;
    }
    b
}

/// The function's vectorcall: a new frame with the arguments bound, run to its end.
pub unsafe extern "C" fn function_vectorcall(
    func: *mut PyObject,
    args: *const *mut PyObject,
    nargsf: usize,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    crate::vm::call_function(func, args, nargs_of(nargsf), kwnames)
}

// ---- argument binding ---------------------------------------------------------------

/// "'a'", "'a' and 'b'", "'a', 'b', and 'c'".
fn name_list(names: &[String]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("'{}'", n)).collect();
    match q.len() {
        0 => String::new(),
        1 => q[0].clone(),
        2 => format!("{} and {}", q[0], q[1]),
        n => format!("{}, and {}", q[..n - 1].join(", "), q[n - 1]),
    }
}

unsafe fn qualname_of(func: *mut PyObject) -> String {
    unicode::to_string_lossy(f(func).qualname)
}

/// Bind `args[..nargs]` and the keyword arguments named by `kwnames` (their values
/// follow the positional ones) to the parameters of `func`, storing new references
/// in `slots` (the frame's fast slots, all NULL on entry). On error the slots
/// filled so far are left for the caller to clear.
pub unsafe fn bind_arguments(
    func: *mut PyObject,
    slots: *mut *mut PyObject,
    args: *const *mut PyObject,
    nargs: usize,
    kwnames: *mut PyObject,
) -> PyResult<()> {
    let fo = f(func);
    let co: &CodeObject = code::c(fo.code);
    let argcount = co.argcount as usize;
    let posonly = co.posonlyargcount as usize;
    let total = (co.argcount + co.kwonlyargcount) as usize;
    let has_varargs = co.flags & flags::VARARGS != 0;
    let has_varkw = co.flags & flags::VARKEYWORDS != 0;
    let slot = |i: usize| slots.add(i);

    // `**kwargs` first (its slot follows `*args` when there is one).
    let mut kwdict = null_mut();
    if has_varkw {
        kwdict = dict::new();
        nonnull(kwdict)?;
        let i = total + has_varargs as usize;
        *slot(i) = kwdict;
    }

    let n = nargs.min(argcount);
    for i in 0..n {
        *slot(i) = new_ref(*args.add(i));
    }
    if has_varargs {
        let extra = if nargs > n {
            tuple::from_slice(core::slice::from_raw_parts(args.add(n), nargs - n))
        } else {
            new_ref(tuple::empty())
        };
        nonnull(extra)?;
        *slot(total) = extra;
    }

    // Keyword arguments.
    let kws: &[*mut PyObject] = if kwnames.is_null() {
        &[]
    } else {
        tuple::as_slice(kwnames)
    };
    let mut posonly_as_kw: Vec<String> = Vec::new();
    for (k, &name) in kws.iter().enumerate() {
        let value = *args.add(nargs + k);
        if !unicode::is_unicode(name) {
            return crate::raise!(
                PyExc_TypeError,
                "{}() keywords must be strings",
                qualname_of(func)
            );
        }
        // Identity first (names are interned), then equality.
        let mut found = (posonly..total).find(|&i| co.slot_name(i) == name);
        if found.is_none() {
            found = (posonly..total).find(|&i| unicode::eq(co.slot_name(i), name));
        }
        let Some(i) = found else {
            if !kwdict.is_null() {
                dict::set_item(kwdict, name, value)?;
                continue;
            }
            if (0..posonly).any(|i| unicode::eq(co.slot_name(i), name)) {
                posonly_as_kw.push(unicode::to_string_lossy(name));
                continue;
            }
            return crate::raise!(
                PyExc_TypeError,
                "{}() got an unexpected keyword argument '{}'",
                qualname_of(func),
                unicode::to_string_lossy(name)
            );
        };
        if !(*slot(i)).is_null() {
            return crate::raise!(
                PyExc_TypeError,
                "{}() got multiple values for argument '{}'",
                qualname_of(func),
                unicode::to_string_lossy(name)
            );
        }
        *slot(i) = new_ref(value);
    }
    if !posonly_as_kw.is_empty() {
        return crate::raise!(
            PyExc_TypeError,
            "{}() got some positional-only arguments passed as keyword arguments: '{}'",
            qualname_of(func),
            posonly_as_kw.join(", ")
        );
    }

    let defaults: &[*mut PyObject] = if fo.defaults.is_null() {
        &[]
    } else {
        tuple::as_slice(fo.defaults)
    };
    if nargs > argcount && !has_varargs {
        let kwonly_given = (argcount..total).filter(|&i| !(*slot(i)).is_null()).count();
        let (sig, plural) = if !defaults.is_empty() {
            (
                format!("from {} to {}", argcount - defaults.len(), argcount),
                true,
            )
        } else {
            (argcount.to_string(), argcount != 1)
        };
        let kwonly_sig = if kwonly_given > 0 {
            format!(
                " positional argument{} (and {} keyword-only argument{})",
                if nargs != 1 { "s" } else { "" },
                kwonly_given,
                if kwonly_given != 1 { "s" } else { "" }
            )
        } else {
            String::new()
        };
        return crate::raise!(
            PyExc_TypeError,
            "{}() takes {} positional argument{} but {}{} {} given",
            qualname_of(func),
            sig,
            if plural { "s" } else { "" },
            nargs,
            kwonly_sig,
            if nargs == 1 && kwonly_given == 0 {
                "was"
            } else {
                "were"
            }
        );
    }

    // Defaults of the positional parameters.
    if nargs < argcount {
        let first_default = argcount - defaults.len();
        let mut missing = Vec::new();
        for i in nargs..argcount {
            if !(*slot(i)).is_null() {
                continue;
            }
            if i >= first_default {
                *slot(i) = new_ref(defaults[i - first_default]);
            } else {
                missing.push(unicode::to_string_lossy(co.slot_name(i)));
            }
        }
        if !missing.is_empty() {
            return missing_error(func, "positional", &missing);
        }
    }
    // Keyword-only parameters.
    if total > argcount {
        let mut missing = Vec::new();
        for i in argcount..total {
            if !(*slot(i)).is_null() {
                continue;
            }
            let name = co.slot_name(i);
            let d = if fo.kwdefaults.is_null() {
                null_mut()
            } else {
                dict::get_item_ref(fo.kwdefaults, name)?
            };
            if d.is_null() {
                missing.push(unicode::to_string_lossy(name));
            } else {
                *slot(i) = d;
            }
        }
        if !missing.is_empty() {
            return missing_error(func, "keyword-only", &missing);
        }
    }
    Ok(())
}

unsafe fn missing_error(func: *mut PyObject, kind: &str, names: &[String]) -> PyResult<()> {
    crate::raise!(
        PyExc_TypeError,
        "{}() missing {} required {} argument{}: {}",
        qualname_of(func),
        names.len(),
        kind,
        if names.len() == 1 { "" } else { "s" },
        name_list(names)
    )
}

// ---- the function type -----------------------------------------------------------------

unsafe extern "C" fn func_dealloc(o: *mut PyObject) {
    crate::gc::untrack(o);
    if !f(o).weakreflist.is_null() {
        crate::objects::weakref::clear_weakrefs_of(o);
    }
    func_clear(o);
    let fo = f(o);
    for p in [fo.code, fo.name, fo.qualname] {
        Py_XDECREF(p);
    }
    crate::alloc::free_via_type(o);
}

unsafe extern "C" fn func_clear(o: *mut PyObject) -> c_int {
    let fo = f(o);
    for p in [
        &mut fo.globals,
        &mut fo.builtins,
        &mut fo.module,
        &mut fo.doc,
        &mut fo.defaults,
        &mut fo.kwdefaults,
        &mut fo.closure,
        &mut fo.dict,
        &mut fo.annotations,
        &mut fo.annotate,
        &mut fo.type_params,
    ] {
        xsetref(p, null_mut());
    }
    0
}

unsafe extern "C" fn func_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let fo = f(o);
    crate::objects::typeobject::visit_each(
        [
            fo.code,
            fo.globals,
            fo.builtins,
            fo.module,
            fo.doc,
            fo.defaults,
            fo.kwdefaults,
            fo.closure,
            fo.dict,
            fo.annotations,
            fo.annotate,
            fo.type_params,
            fo.name,
            fo.qualname,
        ],
        visit,
        arg,
    )
}

unsafe extern "C" fn func_repr(o: *mut PyObject) -> *mut PyObject {
    unicode::from_str(&format!(
        "<function {} at {:#x}>",
        unicode::to_string_lossy(f(o).qualname),
        o as usize
    ))
}

/// `function.__get__`: a bound method, or the function itself for `None`.
unsafe extern "C" fn func_descr_get(
    o: *mut PyObject,
    obj: *mut PyObject,
    _t: *mut PyObject,
) -> *mut PyObject {
    if obj.is_null() || obj == none() {
        return new_ref(o);
    }
    new_method(o, obj)
}

unsafe extern "C" fn func_new(
    _t: *mut PyTypeObject,
    args: *mut PyObject,
    kwds: *mut PyObject,
) -> *mut PyObject {
    const NAMES: [&str; 6] = [
        "code",
        "globals",
        "name",
        "argdefs",
        "closure",
        "kwdefaults",
    ];
    let mut v: [*mut PyObject; 6] = [null_mut(); 6];
    let pos = tuple::as_slice(args);
    if pos.len() > 6 {
        return crate::raise_null!(
            PyExc_TypeError,
            "function() takes at most 6 arguments ({} given)",
            pos.len()
        );
    }
    v[..pos.len()].copy_from_slice(pos);
    if !kwds.is_null() {
        for (k, val) in dict::snapshot(kwds) {
            let ks = unicode::to_string_lossy(k);
            Py_DECREF(k);
            Py_DECREF(val);
            match NAMES.iter().position(|n| *n == ks) {
                Some(i) => v[i] = val,
                None => {
                    return crate::raise_null!(
                        PyExc_TypeError,
                        "function() got an unexpected keyword argument '{}'",
                        ks
                    )
                }
            }
        }
    }
    let [co, globals, name, argdefs, closure, kwdefaults] = v;
    if co.is_null() || !code::is_code(co) {
        return crate::raise_null!(
            PyExc_TypeError,
            "function() argument 'code' must be code, not {}",
            if co.is_null() {
                "NULL"
            } else {
                type_name(Py_TYPE(co))
            }
        );
    }
    if globals.is_null() || !dict::is_dict(globals) {
        return crate::raise_null!(
            PyExc_TypeError,
            "function() argument 'globals' must be dict, not {}",
            if globals.is_null() {
                "NULL"
            } else {
                type_name(Py_TYPE(globals))
            }
        );
    }
    let nfree = code::c(co).nfree as usize;
    let ncl = if closure.is_null() || closure == none() {
        0
    } else if tuple::is_tuple(closure) {
        Py_SIZE(closure) as usize
    } else {
        return crate::raise_null!(PyExc_TypeError, "arg 5 (closure) must be tuple");
    };
    if ncl != nfree {
        return crate::raise_null!(
            PyExc_ValueError,
            "{} requires closure of length {}, not {}",
            unicode::to_string_lossy(code::c(co).name),
            nfree,
            ncl
        );
    }
    let fun = new(co, globals);
    if fun.is_null() {
        return fun;
    }
    let fo = f(fun);
    if !name.is_null() && name != none() {
        if !unicode::is_unicode(name) {
            Py_DECREF(fun);
            return crate::raise_null!(PyExc_TypeError, "arg 3 (name) must be None or string");
        }
        xsetref(&mut fo.name, new_ref(name));
    }
    if !argdefs.is_null() && argdefs != none() {
        if !tuple::is_tuple(argdefs) {
            Py_DECREF(fun);
            return crate::raise_null!(PyExc_TypeError, "arg 4 (defaults) must be None or tuple");
        }
        fo.defaults = new_ref(argdefs);
    }
    if ncl > 0 {
        fo.closure = new_ref(closure);
    }
    if !kwdefaults.is_null() && kwdefaults != none() {
        if !dict::is_dict(kwdefaults) {
            Py_DECREF(fun);
            return crate::raise_null!(PyExc_TypeError, "arg 6 (kwdefaults) must be None or dict");
        }
        fo.kwdefaults = new_ref(kwdefaults);
    }
    fun
}

macro_rules! field_getter {
    ($name:ident, $field:ident) => {
        unsafe extern "C" fn $name(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
            let v = f(o).$field;
            new_ref(if v.is_null() { none() } else { v })
        }
    };
}
field_getter!(get_defaults, defaults);
field_getter!(get_kwdefaults, kwdefaults);
field_getter!(get_closure, closure);

unsafe extern "C" fn get_code(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    new_ref(f(o).code)
}
unsafe extern "C" fn set_code(o: *mut PyObject, v: *mut PyObject, _c: *mut c_void) -> c_int {
    if v.is_null() || !code::is_code(v) {
        let _: PyResult<()> =
            crate::raise!(PyExc_TypeError, "__code__ must be set to a code object");
        return -1;
    }
    let nfree = code::c(v).nfree as usize;
    let ncl = if f(o).closure.is_null() {
        0
    } else {
        Py_SIZE(f(o).closure) as usize
    };
    if nfree != ncl {
        let _: PyResult<()> = crate::raise!(
            PyExc_ValueError,
            "{}() requires a code object with {} free vars, not {}",
            unicode::to_string_lossy(f(o).name),
            ncl,
            nfree
        );
        return -1;
    }
    xsetref(&mut f(o).code, new_ref(v));
    0
}

unsafe fn set_str_field(slot: *mut *mut PyObject, v: *mut PyObject, what: &str) -> c_int {
    if v.is_null() || !unicode::is_unicode(v) {
        let _: PyResult<()> =
            crate::raise!(PyExc_TypeError, "{} must be set to a string object", what);
        return -1;
    }
    xsetref(slot, new_ref(v));
    0
}

unsafe extern "C" fn get_name(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    new_ref(f(o).name)
}
unsafe extern "C" fn set_name(o: *mut PyObject, v: *mut PyObject, _c: *mut c_void) -> c_int {
    set_str_field(&mut f(o).name, v, "__name__")
}
unsafe extern "C" fn get_qualname(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    new_ref(f(o).qualname)
}
unsafe extern "C" fn set_qualname(o: *mut PyObject, v: *mut PyObject, _c: *mut c_void) -> c_int {
    set_str_field(&mut f(o).qualname, v, "__qualname__")
}

unsafe extern "C" fn set_defaults(o: *mut PyObject, v: *mut PyObject, _c: *mut c_void) -> c_int {
    let v = if v == none() { null_mut() } else { v };
    if !v.is_null() && !tuple::is_tuple(v) {
        let _: PyResult<()> = crate::raise!(
            PyExc_TypeError,
            "__defaults__ must be set to a tuple object"
        );
        return -1;
    }
    Py_XINCREF(v);
    xsetref(&mut f(o).defaults, v);
    0
}

unsafe extern "C" fn set_kwdefaults(o: *mut PyObject, v: *mut PyObject, _c: *mut c_void) -> c_int {
    let v = if v == none() { null_mut() } else { v };
    if !v.is_null() && !dict::is_dict(v) {
        let _: PyResult<()> = crate::raise!(
            PyExc_TypeError,
            "__kwdefaults__ must be set to a dict object"
        );
        return -1;
    }
    Py_XINCREF(v);
    xsetref(&mut f(o).kwdefaults, v);
    0
}

/// `__annotations__`: the dict set on the function, else `__annotate__(1)`
/// (PEP 649), cached; an empty dict when there is neither.
unsafe extern "C" fn get_annotations(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    let fo = f(o);
    if fo.annotations.is_null() {
        let d = if !fo.annotate.is_null() && fo.annotate != none() {
            let one = crate::objects::long::from_i64(1);
            let r = crate::protocols::call::call_function(fo.annotate, &[one]);
            Py_DECREF(one);
            if r.is_null() {
                return r;
            }
            if !dict::is_dict(r) {
                let t = type_name(Py_TYPE(r)).to_string();
                Py_DECREF(r);
                return crate::raise_null!(
                    PyExc_TypeError,
                    "__annotate__ returned non-dict of type '{}'",
                    t
                );
            }
            r
        } else {
            dict::new()
        };
        if d.is_null() {
            return d;
        }
        fo.annotations = d;
    }
    new_ref(fo.annotations)
}

unsafe extern "C" fn set_annotations(o: *mut PyObject, v: *mut PyObject, _c: *mut c_void) -> c_int {
    let v = if v == none() { null_mut() } else { v };
    if !v.is_null() && !dict::is_dict(v) {
        let _: PyResult<()> = crate::raise!(
            PyExc_TypeError,
            "__annotations__ must be set to a dict object"
        );
        return -1;
    }
    Py_XINCREF(v);
    xsetref(&mut f(o).annotations, v);
    0
}

unsafe extern "C" fn get_annotate(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    let v = f(o).annotate;
    new_ref(if v.is_null() { none() } else { v })
}

unsafe extern "C" fn set_annotate(o: *mut PyObject, v: *mut PyObject, _c: *mut c_void) -> c_int {
    if v.is_null() {
        let _: PyResult<()> = crate::raise!(PyExc_TypeError, "__annotate__ cannot be deleted");
        return -1;
    }
    if v != none() && !crate::protocols::call::is_callable(v) {
        let _: PyResult<()> =
            crate::raise!(PyExc_TypeError, "__annotate__ must be callable or None");
        return -1;
    }
    xsetref(&mut f(o).annotate, new_ref(v));
    if v != none() {
        xsetref(&mut f(o).annotations, null_mut());
    }
    0
}

unsafe extern "C" fn get_type_params(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    let v = f(o).type_params;
    new_ref(if v.is_null() { tuple::empty() } else { v })
}

unsafe extern "C" fn set_type_params(o: *mut PyObject, v: *mut PyObject, _c: *mut c_void) -> c_int {
    if v.is_null() || !tuple::is_tuple(v) {
        let _: PyResult<()> =
            crate::raise!(PyExc_TypeError, "__type_params__ must be set to a tuple");
        return -1;
    }
    xsetref(&mut f(o).type_params, new_ref(v));
    0
}

unsafe extern "C" fn get_dict(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    let fo = f(o);
    if fo.dict.is_null() {
        fo.dict = dict::new();
        if fo.dict.is_null() {
            return null_mut();
        }
    }
    new_ref(fo.dict)
}

unsafe extern "C" fn set_dict(o: *mut PyObject, v: *mut PyObject, _c: *mut c_void) -> c_int {
    if v.is_null() {
        let _: PyResult<()> = crate::raise!(PyExc_TypeError, "cannot delete __dict__");
        return -1;
    }
    if !dict::is_dict(v) {
        let _: PyResult<()> = crate::raise!(
            PyExc_TypeError,
            "__dict__ must be set to a dictionary, not a '{}'",
            type_name(Py_TYPE(v))
        );
        return -1;
    }
    xsetref(&mut f(o).dict, new_ref(v));
    0
}

unsafe extern "C" fn get_builtins(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    new_ref(f(o).builtins)
}

unsafe extern "C" fn get_globals(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    new_ref(f(o).globals)
}

const fn rw(name: &'static core::ffi::CStr, get: getter, set: setter) -> PyGetSetDef {
    PyGetSetDef {
        name: name.as_ptr(),
        get: Some(get),
        set: Some(set),
        doc: core::ptr::null(),
        closure: null_mut(),
    }
}

static mut FUNC_GETSET: [PyGetSetDef; 14] = [
    rw(c"__code__", get_code, set_code),
    rw(c"__defaults__", get_defaults, set_defaults),
    rw(c"__kwdefaults__", get_kwdefaults, set_kwdefaults),
    rw(c"__annotations__", get_annotations, set_annotations),
    rw(c"__annotate__", get_annotate, set_annotate),
    rw(c"__name__", get_name, set_name),
    rw(c"__qualname__", get_qualname, set_qualname),
    rw(c"__type_params__", get_type_params, set_type_params),
    getset!(c"__closure__", get_closure),
    getset!(c"__globals__", get_globals),
    getset!(c"__builtins__", get_builtins),
    PyGetSetDef {
        name: c"__dict__".as_ptr(),
        get: Some(get_dict),
        set: Some(set_dict),
        doc: core::ptr::null(),
        closure: null_mut(),
    },
    PyGetSetDef::SENTINEL,
    PyGetSetDef::SENTINEL,
];

static mut FUNC_MEMBERS: [PyMemberDef; 3] = [
    PyMemberDef {
        name: c"__doc__".as_ptr(),
        type_code: _Py_T_OBJECT,
        offset: core::mem::offset_of!(FunctionObject, doc) as Py_ssize_t,
        flags: 0,
        doc: core::ptr::null(),
    },
    PyMemberDef {
        name: c"__module__".as_ptr(),
        type_code: _Py_T_OBJECT,
        offset: core::mem::offset_of!(FunctionObject, module) as Py_ssize_t,
        flags: 0,
        doc: core::ptr::null(),
    },
    MEMBER_SENTINEL,
];

// ---- bound methods -----------------------------------------------------------------------

/// `PyMethod_New`: `func` bound to `self_`.
pub unsafe fn new_method(func: *mut PyObject, self_: *mut PyObject) -> *mut PyObject {
    let o = crate::alloc::new_object(
        &raw mut METHOD_TYPE,
        MethodObject {
            ob_base: PyObject {
                ob_refcnt: 1,
                ob_type: null_mut(),
            },
            vectorcall: Some(method_vectorcall),
            func: new_ref(func),
            self_: new_ref(self_),
            weakreflist: null_mut(),
        },
    ) as *mut PyObject;
    if !o.is_null() {
        crate::gc::track(o);
    }
    o
}

#[inline]
pub unsafe fn m<'a>(o: *mut PyObject) -> &'a MethodObject {
    &*(o as *mut MethodObject)
}

/// Call the function with self prepended, borrowing the slot before `args` when
/// the caller allows it (`PY_VECTORCALL_ARGUMENTS_OFFSET`).
unsafe extern "C" fn method_vectorcall(
    o: *mut PyObject,
    args: *const *mut PyObject,
    nargsf: usize,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    let mo = m(o);
    let n = nargs_of(nargsf);
    let nk = if kwnames.is_null() {
        0
    } else {
        Py_SIZE(kwnames) as usize
    };
    if nargsf & ARGUMENTS_OFFSET != 0 {
        let slot = (args as *mut *mut PyObject).sub(1);
        let saved = *slot;
        *slot = mo.self_;
        let r = crate::protocols::call::vectorcall(mo.func, slot, n + 1, kwnames);
        *slot = saved;
        return r;
    }
    let mut v: Vec<*mut PyObject> = Vec::with_capacity(n + nk + 1);
    v.push(mo.self_);
    if n + nk > 0 {
        v.extend_from_slice(core::slice::from_raw_parts(args, n + nk));
    }
    crate::protocols::call::vectorcall(mo.func, v.as_ptr(), n + 1, kwnames)
}

unsafe extern "C" fn method_dealloc(o: *mut PyObject) {
    crate::gc::untrack(o);
    let mo = &mut *(o as *mut MethodObject);
    if !mo.weakreflist.is_null() {
        crate::objects::weakref::clear_weakrefs_of(o);
    }
    Py_XDECREF(mo.func);
    Py_XDECREF(mo.self_);
    crate::alloc::free_via_type(o);
}

unsafe extern "C" fn method_traverse(
    o: *mut PyObject,
    visit: visitproc,
    arg: *mut c_void,
) -> c_int {
    let mo = m(o);
    crate::objects::typeobject::visit_each([mo.func, mo.self_], visit, arg)
}

unsafe extern "C" fn method_repr(o: *mut PyObject) -> *mut PyObject {
    let mo = m(o);
    let name = match crate::protocols::objproto::get_attr_opt_str(mo.func, "__qualname__") {
        Ok(n) if !n.is_null() => n,
        Ok(_) => match crate::protocols::objproto::get_attr_opt_str(mo.func, "__name__") {
            Ok(n) => n,
            Err(()) => return null_mut(),
        },
        Err(()) => return null_mut(),
    };
    let name_s = if name.is_null() || !unicode::is_unicode(name) {
        "?".to_string()
    } else {
        unicode::to_string_lossy(name)
    };
    Py_XDECREF(name);
    let r = crate::protocols::object::repr(mo.self_);
    if r.is_null() {
        return r;
    }
    let s = format!(
        "<bound method {} of {}>",
        name_s,
        unicode::to_string_lossy(r)
    );
    Py_DECREF(r);
    unicode::from_str(&s)
}

unsafe extern "C" fn method_richcompare(
    a: *mut PyObject,
    b: *mut PyObject,
    op: c_int,
) -> *mut PyObject {
    if !is_method(b) || (op != 2 && op != 3) {
        return new_ref(not_implemented());
    }
    let (x, y) = (m(a), m(b));
    let eq = x.self_ == y.self_ && {
        match crate::protocols::object::rich_compare_bool(x.func, y.func, 2) {
            -1 => return null_mut(),
            r => r == 1,
        }
    };
    new_ref(py_bool(eq == (op == 2)))
}

unsafe extern "C" fn method_hash(o: *mut PyObject) -> Py_hash_t {
    let mo = m(o);
    let a = (mo.self_ as usize >> 4) as Py_hash_t;
    let b = crate::protocols::object::hash(mo.func);
    if b == -1 {
        return -1;
    }
    let h = a ^ b;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// Attributes not found on the method come from the function (`__doc__`,
/// `__name__`, `__code__`, ...).
unsafe extern "C" fn method_getattro(o: *mut PyObject, name: *mut PyObject) -> *mut PyObject {
    let t = Py_TYPE(o);
    let descr = crate::objects::typeobject::lookup(t, name);
    if !descr.is_null() {
        if let Some(g) = (*Py_TYPE(descr)).tp_descr_get {
            return g(descr, o, t as *mut PyObject);
        }
        return new_ref(descr);
    }
    crate::protocols::object::get_attr(m(o).func, name)
}

unsafe extern "C" fn method_get_doc(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    crate::protocols::object::get_attr_str(m(o).func, "__doc__")
}

unsafe extern "C" fn method_new(
    _t: *mut PyTypeObject,
    args: *mut PyObject,
    kwds: *mut PyObject,
) -> *mut PyObject {
    if !kwds.is_null() && dict::len(kwds) != 0 {
        return crate::raise_null!(PyExc_TypeError, "method() takes no keyword arguments");
    }
    let a = tuple::as_slice(args);
    if a.len() != 2 {
        return crate::raise_null!(
            PyExc_TypeError,
            "method expected 2 arguments, got {}",
            a.len()
        );
    }
    if !crate::protocols::call::is_callable(a[0]) {
        return crate::raise_null!(PyExc_TypeError, "first argument must be callable");
    }
    if a[1] == none() {
        return crate::raise_null!(PyExc_TypeError, "instance must not be None");
    }
    new_method(a[0], a[1])
}

unsafe extern "C" fn method_descr_get(
    o: *mut PyObject,
    _obj: *mut PyObject,
    _t: *mut PyObject,
) -> *mut PyObject {
    new_ref(o)
}

static mut METHOD_MEMBERS: [PyMemberDef; 3] = [
    crate::ro_member!(MethodObject, c"__func__", func),
    crate::ro_member!(MethodObject, c"__self__", self_),
    MEMBER_SENTINEL,
];

static mut METHOD_GETSET: [PyGetSetDef; 2] =
    [getset!(c"__doc__", method_get_doc), PyGetSetDef::SENTINEL];

pub unsafe fn init_types() {
    use crate::objects::typeobject::init_builtin;
    let t = &raw mut FUNCTION_TYPE;
    init_builtin(t, c"function", core::mem::size_of::<FunctionObject>(), 0);
    (*t).tp_flags |= Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL | Py_TPFLAGS_METHOD_DESCRIPTOR;
    (*t).tp_vectorcall_offset = core::mem::offset_of!(FunctionObject, vectorcall) as Py_ssize_t;
    (*t).tp_call = Some(crate::protocols::call::vectorcall_as_tp_call);
    (*t).tp_dealloc = Some(func_dealloc);
    (*t).tp_traverse = Some(func_traverse);
    (*t).tp_clear = Some(func_clear);
    (*t).tp_repr = Some(func_repr);
    (*t).tp_descr_get = Some(func_descr_get);
    (*t).tp_new = Some(func_new);
    (*t).tp_dictoffset = core::mem::offset_of!(FunctionObject, dict) as Py_ssize_t;
    (*t).tp_weaklistoffset = core::mem::offset_of!(FunctionObject, weakreflist) as Py_ssize_t;
    (*t).tp_getset = (&raw mut FUNC_GETSET).cast();
    (*t).tp_members = (&raw mut FUNC_MEMBERS).cast();
    (*t).tp_doc = c"Create a function object.".as_ptr();

    let t = &raw mut METHOD_TYPE;
    init_builtin(t, c"method", core::mem::size_of::<MethodObject>(), 0);
    (*t).tp_flags |= Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL;
    (*t).tp_vectorcall_offset = core::mem::offset_of!(MethodObject, vectorcall) as Py_ssize_t;
    (*t).tp_call = Some(crate::protocols::call::vectorcall_as_tp_call);
    (*t).tp_dealloc = Some(method_dealloc);
    (*t).tp_traverse = Some(method_traverse);
    (*t).tp_repr = Some(method_repr);
    (*t).tp_richcompare = Some(method_richcompare);
    (*t).tp_hash = Some(method_hash);
    (*t).tp_getattro = Some(method_getattro);
    (*t).tp_descr_get = Some(method_descr_get);
    (*t).tp_new = Some(method_new);
    (*t).tp_weaklistoffset = core::mem::offset_of!(MethodObject, weakreflist) as Py_ssize_t;
    (*t).tp_members = (&raw mut METHOD_MEMBERS).cast();
    (*t).tp_getset = (&raw mut METHOD_GETSET).cast();
    (*t).tp_doc = c"Create a bound instance method object.".as_ptr();
}
