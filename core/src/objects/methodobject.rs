//! Built-in functions and methods (`PyCFunction_Type`): a `PyMethodDef` bound to a
//! `self` (module or instance), called through vectorcall with the calling
//! convention its `METH_*` flags name.

use core::ffi::{c_int, c_void, CStr};
use core::ptr::null_mut;

use crate::alloc;
use crate::defs::*;
use crate::exported::*;
use crate::object::*;
use crate::objects::typeobject::visit_each;
use crate::objects::{dict, tuple, unicode};
use crate::protocols::call::nargs;
use crate::typeobj::*;

#[repr(C)]
pub struct CFunctionObject {
    pub ob_base: PyObject,
    pub m_ml: *mut PyMethodDef,
    pub m_self: *mut PyObject,
    pub m_module: *mut PyObject,
    pub m_weakreflist: *mut PyObject,
    pub vectorcall: Option<vectorcallfunc>,
    /// The defining class, for `METH_METHOD`.
    pub mm_class: *mut PyTypeObject,
}

pub type PyCFunctionFast =
    unsafe extern "C" fn(*mut PyObject, *const *mut PyObject, Py_ssize_t) -> *mut PyObject;
pub type PyCFunctionFastWithKeywords = unsafe extern "C" fn(
    *mut PyObject,
    *const *mut PyObject,
    Py_ssize_t,
    *mut PyObject,
) -> *mut PyObject;
pub type PyCFunctionWithKeywords =
    unsafe extern "C" fn(*mut PyObject, *mut PyObject, *mut PyObject) -> *mut PyObject;
pub type PyCMethod = unsafe extern "C" fn(
    *mut PyObject,
    *mut PyTypeObject,
    *const *mut PyObject,
    Py_ssize_t,
    *mut PyObject,
) -> *mut PyObject;

#[inline]
pub unsafe fn is_cfunction(o: *mut PyObject) -> bool {
    crate::objects::typeobject::instance_of(o, &raw mut PyCFunction_Type)
}

/// `PyCMethod_New`.
pub unsafe fn new(
    ml: *mut PyMethodDef,
    self_: *mut PyObject,
    module: *mut PyObject,
    cls: *mut PyTypeObject,
) -> *mut PyObject {
    let flags = (*ml).ml_flags;
    if flags & METH_METHOD != 0 && cls.is_null() {
        return crate::raise_null!(
            PyExc_SystemError,
            "attempting to create PyCMethod with a METH_METHOD flag but no class"
        );
    }
    if flags & METH_METHOD == 0 && !cls.is_null() {
        return crate::raise_null!(
            PyExc_SystemError,
            "attempting to create PyCFunction with class but no METH_METHOD flag"
        );
    }
    let op = alloc::new_object(
        &raw mut PyCFunction_Type,
        CFunctionObject {
            ob_base: PyObject {
                ob_refcnt: 1,
                ob_type: null_mut(),
            },
            m_ml: ml,
            m_self: self_,
            m_module: module,
            m_weakreflist: null_mut(),
            vectorcall: Some(cfunction_vectorcall),
            mm_class: cls,
        },
    );
    if op.is_null() {
        return null_mut();
    }
    Py_XINCREF(self_);
    Py_XINCREF(module);
    Py_XINCREF(cls as *mut PyObject);
    crate::gc::track(op as *mut PyObject);
    op as *mut PyObject
}

/// The name used in argument errors: `name` for module functions, `Type.name`
/// for methods.
pub unsafe fn display_name(
    ml: *mut PyMethodDef,
    self_: *mut PyObject,
    module: *mut PyObject,
) -> String {
    // CPython's `_PyObject_FunctionStr`: the qualified name, prefixed by the
    // module for module-level functions ("xxlimited.foo", "list.append").
    let name = CStr::from_ptr((*ml).ml_name).to_string_lossy().into_owned();
    let qual = if self_.is_null() || crate::objects::module::is_module(self_) {
        name
    } else {
        let t = if crate::objects::typeobject::is_type(self_) {
            self_ as *mut PyTypeObject
        } else {
            Py_TYPE(self_)
        };
        format!("{}.{}", crate::objects::typeobject::qual_name(t), name)
    };
    if !module.is_null() && unicode::is_unicode(module) {
        let m = unicode::to_string_lossy(module);
        if m != "builtins" {
            return format!("{m}.{qual}");
        }
    }
    qual
}

/// Call `ml` with `self_` using its `METH_*` convention. `args` holds the positional
/// arguments then the keyword values named by `kwnames`.
pub unsafe fn call_methoddef(
    ml: *mut PyMethodDef,
    self_: *mut PyObject,
    cls: *mut PyTypeObject,
    args: *const *mut PyObject,
    nargsf: usize,
    kwnames: *mut PyObject,
    module: Option<*mut PyObject>,
) -> *mut PyObject {
    let n = nargs(nargsf);
    let modname = module.unwrap_or(null_mut());
    let nkw = if kwnames.is_null() {
        0
    } else {
        Py_SIZE(kwnames) as usize
    };
    let flags = (*ml).ml_flags & !(METH_CLASS | METH_STATIC | METH_COEXIST);
    let Some(meth) = (*ml).ml_meth else {
        return crate::raise_null!(PyExc_SystemError, "NULL method in PyMethodDef");
    };
    let no_kw = |what: &str| -> *mut PyObject {
        crate::raise_null!(
            PyExc_TypeError,
            "{}() takes no keyword arguments{}",
            display_name(ml, self_, modname),
            what
        )
    };
    if crate::protocols::object::enter_recursive_call(" while calling a Python object").is_err() {
        return null_mut();
    }
    let r = match flags {
        METH_NOARGS => {
            if nkw > 0 {
                no_kw("")
            } else if n != 0 {
                crate::raise_null!(
                    PyExc_TypeError,
                    "{}() takes no arguments ({} given)",
                    display_name(ml, self_, modname),
                    n
                )
            } else {
                meth(self_, null_mut())
            }
        }
        METH_O => {
            if nkw > 0 {
                no_kw("")
            } else if n != 1 {
                crate::raise_null!(
                    PyExc_TypeError,
                    "{}() takes exactly one argument ({} given)",
                    display_name(ml, self_, modname),
                    n
                )
            } else {
                meth(self_, *args)
            }
        }
        METH_VARARGS => {
            if nkw > 0 && module.is_some() {
                crate::raise_null!(
                    PyExc_TypeError,
                    "{}() takes no keyword arguments",
                    CStr::from_ptr((*ml).ml_name).to_string_lossy()
                )
            } else if nkw > 0 {
                no_kw("")
            } else {
                let t = tuple::from_slice(slice(args, n));
                if t.is_null() {
                    null_mut()
                } else {
                    let r = meth(self_, t);
                    Py_DECREF(t);
                    r
                }
            }
        }
        x if x == METH_VARARGS | METH_KEYWORDS => {
            let t = tuple::from_slice(slice(args, n));
            if t.is_null() {
                null_mut()
            } else {
                let mut kw = null_mut();
                let mut ok = true;
                if nkw > 0 {
                    kw = dict::new();
                    ok = !kw.is_null();
                    for i in 0..nkw {
                        if ok
                            && dict::set_item(
                                kw,
                                tuple::get_item(kwnames, i as isize),
                                *args.add(n + i),
                            )
                            .is_err()
                        {
                            ok = false;
                        }
                    }
                }
                let r = if ok {
                    let f: PyCFunctionWithKeywords = core::mem::transmute(meth);
                    f(self_, t, kw)
                } else {
                    null_mut()
                };
                Py_DECREF(t);
                Py_XDECREF(kw);
                r
            }
        }
        METH_FASTCALL => {
            if nkw > 0 {
                no_kw("")
            } else {
                let f: PyCFunctionFast = core::mem::transmute(meth);
                f(self_, args, n as Py_ssize_t)
            }
        }
        x if x == METH_FASTCALL | METH_KEYWORDS => {
            let f: PyCFunctionFastWithKeywords = core::mem::transmute(meth);
            f(
                self_,
                args,
                n as Py_ssize_t,
                if nkw > 0 { kwnames } else { null_mut() },
            )
        }
        x if x == METH_METHOD | METH_FASTCALL | METH_KEYWORDS => {
            let f: PyCMethod = core::mem::transmute(meth);
            f(
                self_,
                cls,
                args,
                n as Py_ssize_t,
                if nkw > 0 { kwnames } else { null_mut() },
            )
        }
        _ => crate::raise_null!(
            PyExc_SystemError,
            "{}() method: bad call flags",
            CStr::from_ptr((*ml).ml_name).to_string_lossy()
        ),
    };
    crate::protocols::object::leave_recursive_call();
    r
}

#[inline]
unsafe fn slice<'a>(args: *const *mut PyObject, n: usize) -> &'a [*mut PyObject] {
    if n == 0 {
        &[]
    } else {
        core::slice::from_raw_parts(args, n)
    }
}

pub unsafe extern "C" fn cfunction_vectorcall(
    callable: *mut PyObject,
    args: *const *mut PyObject,
    nargsf: usize,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    let f = callable as *mut CFunctionObject;
    // `PyCFunction_GET_SELF`: a static method gets NULL.
    let self_ = if (*(*f).m_ml).ml_flags & METH_STATIC != 0 {
        null_mut()
    } else {
        (*f).m_self
    };
    call_methoddef(
        (*f).m_ml,
        self_,
        (*f).mm_class,
        args,
        nargsf,
        kwnames,
        Some((*f).m_module),
    )
}

unsafe extern "C" fn cfunction_call(
    callable: *mut PyObject,
    args: *mut PyObject,
    kwargs: *mut PyObject,
) -> *mut PyObject {
    // Through the vectorcall function (a `tp_call` that called back into
    // `PyObject_Call` would recurse forever with keyword arguments).
    crate::protocols::call::vectorcall_as_tp_call(callable, args, kwargs)
}

unsafe extern "C" fn cfunction_dealloc(o: *mut PyObject) {
    crate::gc::untrack(o);
    let f = o as *mut CFunctionObject;
    if !(*f).m_weakreflist.is_null() {
        crate::objects::weakref::clear_weakrefs_of(o);
    }
    Py_XDECREF((*f).m_self);
    Py_XDECREF((*f).m_module);
    Py_XDECREF((*f).mm_class as *mut PyObject);
    alloc::free_via_type(o);
}

unsafe extern "C" fn cfunction_traverse(
    o: *mut PyObject,
    visit: visitproc,
    arg: *mut c_void,
) -> c_int {
    let f = o as *mut CFunctionObject;
    visit_each(
        [(*f).m_self, (*f).m_module, (*f).mm_class as *mut PyObject],
        visit,
        arg,
    )
}

unsafe extern "C" fn cfunction_repr(o: *mut PyObject) -> *mut PyObject {
    let f = o as *mut CFunctionObject;
    let name = CStr::from_ptr((*(*f).m_ml).ml_name).to_string_lossy();
    let s = if (*f).m_self.is_null() || crate::objects::module::is_module((*f).m_self) {
        format!("<built-in function {}>", name)
    } else {
        format!(
            "<built-in method {} of {} object at {:p}>",
            name,
            crate::objects::typeobject::type_name(Py_TYPE((*f).m_self)),
            (*f).m_self
        )
    };
    unicode::from_str(&s)
}

unsafe extern "C" fn cfunction_get_name(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    let f = o as *mut CFunctionObject;
    unicode::from_utf8(CStr::from_ptr((*(*f).m_ml).ml_name).to_bytes())
}

unsafe extern "C" fn cfunction_get_qualname(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    let f = o as *mut CFunctionObject;
    unicode::from_str(&display_name((*f).m_ml, (*f).m_self, null_mut()))
}

unsafe extern "C" fn cfunction_get_doc(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    let f = o as *mut CFunctionObject;
    let d = (*(*f).m_ml).ml_doc;
    if d.is_null() {
        return none();
    }
    unicode::from_utf8(crate::objects::typeobject::doc_text(
        CStr::from_ptr(d).to_bytes(),
    ))
}

/// `__text_signature__`: the "name(sig)\n--\n\n" prefix of the docstring, if any.
pub unsafe fn methoddef_text_signature(ml: *mut PyMethodDef) -> *mut PyObject {
    let d = (*ml).ml_doc;
    if d.is_null() {
        return none();
    }
    let name = CStr::from_ptr((*ml).ml_name).to_string_lossy();
    match crate::objects::typeobject::text_signature(&name, CStr::from_ptr(d).to_bytes()) {
        Some(sig) => unicode::from_utf8(sig),
        None => none(),
    }
}

unsafe extern "C" fn cfunction_get_text_signature(
    o: *mut PyObject,
    _c: *mut c_void,
) -> *mut PyObject {
    methoddef_text_signature((*(o as *mut CFunctionObject)).m_ml)
}

unsafe extern "C" fn cfunction_get_self(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    let f = o as *mut CFunctionObject;
    if (*f).m_self.is_null() {
        none()
    } else {
        new_ref((*f).m_self)
    }
}

unsafe extern "C" fn cfunction_get_module(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    let f = o as *mut CFunctionObject;
    if (*f).m_module.is_null() {
        none()
    } else {
        new_ref((*f).m_module)
    }
}

unsafe extern "C" fn cfunction_richcompare(
    a: *mut PyObject,
    b: *mut PyObject,
    op: c_int,
) -> *mut PyObject {
    if (op != 2 && op != 3) || !is_cfunction(b) {
        return new_ref(not_implemented());
    }
    let (fa, fb) = (a as *mut CFunctionObject, b as *mut CFunctionObject);
    let eq = (*fa).m_self == (*fb).m_self
        && (*(*fa).m_ml).ml_meth.map(|f| f as usize) == (*(*fb).m_ml).ml_meth.map(|f| f as usize);
    py_bool(if op == 2 { eq } else { !eq })
}

unsafe extern "C" fn cfunction_hash(o: *mut PyObject) -> Py_hash_t {
    let f = o as *mut CFunctionObject;
    let x = if (*f).m_self.is_null() {
        0
    } else {
        crate::objects::baseobject::object_hash((*f).m_self)
    };
    let y = (*(*f).m_ml).ml_meth.map(|f| f as usize).unwrap_or(0) as Py_hash_t;
    let h = x ^ y;
    if h == -1 {
        -2
    } else {
        h
    }
}

static mut CFUNCTION_GETSET: [PyGetSetDef; 7] = [
    getset!(c"__text_signature__", cfunction_get_text_signature),
    getset!(c"__name__", cfunction_get_name),
    getset!(c"__qualname__", cfunction_get_qualname),
    getset!(c"__doc__", cfunction_get_doc),
    getset!(c"__self__", cfunction_get_self),
    getset!(c"__module__", cfunction_get_module),
    PyGetSetDef::SENTINEL,
];

pub unsafe fn init_type() {
    let t = &raw mut PyCFunction_Type;
    crate::objects::typeobject::init_builtin(
        t,
        c"builtin_function_or_method",
        core::mem::size_of::<CFunctionObject>(),
        0,
    );
    (*t).tp_flags |= Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL;
    (*t).tp_vectorcall_offset = core::mem::offset_of!(CFunctionObject, vectorcall) as Py_ssize_t;
    (*t).tp_weaklistoffset = core::mem::offset_of!(CFunctionObject, m_weakreflist) as Py_ssize_t;
    (*t).tp_call = Some(cfunction_call);
    (*t).tp_dealloc = Some(cfunction_dealloc);
    (*t).tp_traverse = Some(cfunction_traverse);
    (*t).tp_repr = Some(cfunction_repr);
    (*t).tp_richcompare = Some(cfunction_richcompare);
    (*t).tp_hash = Some(cfunction_hash);
    (*t).tp_getset = (&raw mut CFUNCTION_GETSET).cast();
}
