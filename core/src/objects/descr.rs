//! Descriptors made from C tables: method (`PyMethodDescr_Type`), class method
//! (`PyClassMethodDescr_Type`), member (`PyMemberDescr_Type`) and getset
//! (`PyGetSetDescr_Type`) descriptors.

use core::ffi::{c_char, c_int, c_void, CStr};
use core::ptr::null_mut;

use crate::alloc;
use crate::defs::*;
use crate::exported::*;
use crate::object::*;
use crate::objects::typeobject::{instance_of, is_subtype, qual_name, tp_name, type_name};
use crate::objects::{methodobject, unicode};
use crate::typeobj::*;

#[repr(C)]
pub struct DescrObject {
    pub ob_base: PyObject,
    pub d_type: *mut PyTypeObject,
    pub d_name: *mut PyObject,
    pub d_qualname: *mut PyObject,
    /// `PyMethodDef*`, `PyMemberDef*` or `PyGetSetDef*` depending on the type.
    pub d_def: *mut c_void,
    pub vectorcall: Option<vectorcallfunc>,
}

unsafe fn new_descr(
    t: *mut PyTypeObject,
    owner: *mut PyTypeObject,
    name: *const c_char,
    def: *mut c_void,
) -> PyResult<*mut PyObject> {
    let name_obj = unicode::from_utf8(CStr::from_ptr(name).to_bytes());
    nonnull(name_obj)?;
    unicode::intern_in_place(&name_obj as *const _ as *mut _);
    let op = alloc::new_object(
        t,
        DescrObject {
            ob_base: PyObject {
                ob_refcnt: 1,
                ob_type: null_mut(),
            },
            d_type: owner,
            d_name: name_obj,
            d_qualname: null_mut(),
            d_def: def,
            vectorcall: None,
        },
    );
    if op.is_null() {
        Py_DECREF(name_obj);
        return Err(());
    }
    Py_INCREF(owner as *mut PyObject);
    crate::gc::track(op as *mut PyObject);
    Ok(op as *mut PyObject)
}

pub unsafe fn new_method_descriptor(
    owner: *mut PyTypeObject,
    ml: *mut PyMethodDef,
) -> PyResult<*mut PyObject> {
    let flags = (*ml).ml_flags;
    if flags & METH_CLASS != 0 {
        if flags & METH_STATIC != 0 {
            return crate::raise!(PyExc_ValueError, "method cannot be both class and static");
        }
        return new_descr(
            &raw mut PyClassMethodDescr_Type,
            owner,
            (*ml).ml_name,
            ml as *mut c_void,
        );
    }
    if flags & METH_STATIC != 0 {
        // A static method is the plain function (bound to the type for its `self`).
        return nonnull(methodobject::new(
            ml,
            owner as *mut PyObject,
            null_mut(),
            null_mut(),
        ));
    }
    let d = new_descr(
        &raw mut PyMethodDescr_Type,
        owner,
        (*ml).ml_name,
        ml as *mut c_void,
    )?;
    (*(d as *mut DescrObject)).vectorcall = Some(method_descr_vectorcall);
    Ok(d)
}

/// `PyDescr_NewClassMethod`: a class method descriptor whatever the flags say.
pub unsafe fn new_classmethod_descriptor(
    owner: *mut PyTypeObject,
    ml: *mut PyMethodDef,
) -> PyResult<*mut PyObject> {
    new_descr(
        &raw mut PyClassMethodDescr_Type,
        owner,
        (*ml).ml_name,
        ml as *mut c_void,
    )
}

pub unsafe fn new_member_descriptor(
    owner: *mut PyTypeObject,
    m: *mut PyMemberDef,
) -> PyResult<*mut PyObject> {
    new_descr(
        &raw mut PyMemberDescr_Type,
        owner,
        (*m).name,
        m as *mut c_void,
    )
}

pub unsafe fn new_getset_descriptor(
    owner: *mut PyTypeObject,
    g: *mut PyGetSetDef,
) -> PyResult<*mut PyObject> {
    new_descr(
        &raw mut PyGetSetDescr_Type,
        owner,
        (*g).name,
        g as *mut c_void,
    )
}

#[inline]
unsafe fn d<'a>(o: *mut PyObject) -> &'a DescrObject {
    &*(o as *const DescrObject)
}

unsafe fn name_of(o: *mut PyObject) -> String {
    unicode::to_string_lossy(d(o).d_name)
}

/// "descriptor 'x' for 'T' objects doesn't apply to a 'U' object".
unsafe fn check_instance(descr: *mut PyObject, obj: *mut PyObject) -> PyResult<()> {
    if !instance_of(obj, d(descr).d_type) {
        return crate::raise!(
            PyExc_TypeError,
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            name_of(descr),
            tp_name(d(descr).d_type),
            tp_name(Py_TYPE(obj))
        );
    }
    Ok(())
}

/// " of 'T' objects" in a descriptor's repr; nothing for `object`'s own
/// descriptors (CPython 3.15).
pub unsafe fn of_objects(t: *mut PyTypeObject) -> String {
    if t == &raw mut PyBaseObject_Type {
        String::new()
    } else {
        format!(" of '{}' objects", tp_name(t))
    }
}

unsafe extern "C" fn descr_dealloc(o: *mut PyObject) {
    crate::gc::untrack(o);
    let dd = o as *mut DescrObject;
    Py_XDECREF((*dd).d_type as *mut PyObject);
    Py_XDECREF((*dd).d_name);
    Py_XDECREF((*dd).d_qualname);
    alloc::free_via_type(o);
}

unsafe extern "C" fn descr_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let t = d(o).d_type as *mut PyObject;
    if !t.is_null() {
        return visit(t, arg);
    }
    0
}

/// The repr every descriptor kind shares: `<KIND 'name' of 'type' objects>`.
unsafe fn descr_repr(o: *mut PyObject, kind: &str) -> *mut PyObject {
    unicode::from_str(&format!(
        "<{kind} '{}'{}>",
        name_of(o),
        of_objects(d(o).d_type)
    ))
}

// ---- method descriptors ----------------------------------------------------------

/// A method descriptor's `PyMethodDef` and the defining class its calls get: the
/// descriptor's type for `METH_METHOD`, else NULL.
unsafe fn methoddef_and_class(descr: *mut PyObject) -> (*mut PyMethodDef, *mut PyTypeObject) {
    let ml = d(descr).d_def as *mut PyMethodDef;
    let cls = if (*ml).ml_flags & METH_METHOD != 0 {
        d(descr).d_type
    } else {
        null_mut()
    };
    (ml, cls)
}

unsafe extern "C" fn method_get(
    descr: *mut PyObject,
    obj: *mut PyObject,
    _t: *mut PyObject,
) -> *mut PyObject {
    if obj.is_null() {
        return new_ref(descr);
    }
    if check_instance(descr, obj).is_err() {
        return null_mut();
    }
    let (ml, cls) = methoddef_and_class(descr);
    methodobject::new(ml, obj, null_mut(), cls)
}

unsafe extern "C" fn method_descr_vectorcall(
    descr: *mut PyObject,
    args: *const *mut PyObject,
    nargsf: usize,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    let n = crate::protocols::call::nargs(nargsf);
    if n < 1 {
        return crate::raise_null!(
            PyExc_TypeError,
            "unbound method {}.{}() needs an argument",
            qual_name(d(descr).d_type),
            name_of(descr)
        );
    }
    let self_ = *args;
    if check_instance(descr, self_).is_err() {
        return null_mut();
    }
    let (ml, cls) = methoddef_and_class(descr);
    methodobject::call_methoddef(ml, self_, cls, args.add(1), n - 1, kwnames, None)
}

unsafe extern "C" fn method_repr(o: *mut PyObject) -> *mut PyObject {
    descr_repr(o, "method")
}

unsafe extern "C" fn classmethod_get(
    descr: *mut PyObject,
    obj: *mut PyObject,
    t: *mut PyObject,
) -> *mut PyObject {
    let mut ty = t;
    if ty.is_null() {
        if obj.is_null() {
            return crate::raise_null!(
                PyExc_TypeError,
                "descriptor '{}' for type '{}' needs either an object or a type",
                name_of(descr),
                type_name(d(descr).d_type)
            );
        }
        ty = Py_TYPE(obj) as *mut PyObject;
    }
    if !crate::objects::typeobject::is_type(ty)
        || !is_subtype(ty as *mut PyTypeObject, d(descr).d_type)
    {
        return crate::raise_null!(
            PyExc_TypeError,
            "descriptor '{}' for type '{}' needs a subtype of '{}', not '{}'",
            name_of(descr),
            type_name(d(descr).d_type),
            type_name(d(descr).d_type),
            type_name(if crate::objects::typeobject::is_type(ty) {
                ty as *mut PyTypeObject
            } else {
                Py_TYPE(ty)
            })
        );
    }
    let (ml, cls) = methoddef_and_class(descr);
    methodobject::new(ml, ty, null_mut(), cls)
}

unsafe extern "C" fn classmethod_call(
    descr: *mut PyObject,
    args: *mut PyObject,
    kwds: *mut PyObject,
) -> *mut PyObject {
    let n = Py_SIZE(args);
    if n < 1 {
        return crate::raise_null!(
            PyExc_TypeError,
            "descriptor '{}' of '{}' object needs an argument",
            name_of(descr),
            type_name(d(descr).d_type)
        );
    }
    let first = crate::objects::tuple::get_item(args, 0);
    let bound = classmethod_get(descr, null_mut(), first);
    if bound.is_null() {
        return null_mut();
    }
    let rest = crate::objects::tuple::from_slice(&crate::objects::tuple::as_slice(args)[1..]);
    let r = if rest.is_null() {
        null_mut()
    } else {
        crate::protocols::call::call(bound, rest, kwds)
    };
    Py_XDECREF(rest);
    Py_DECREF(bound);
    r
}

// ---- member descriptors ----------------------------------------------------------

/// Read a `PyMemberDef` field of `obj` (`PyMember_GetOne`).
pub unsafe fn member_get_one(obj: *mut u8, m: *const PyMemberDef) -> *mut PyObject {
    use crate::objects::{float, long};
    let addr = obj.offset((*m).offset);
    match (*m).type_code {
        Py_T_BOOL => py_bool(*(addr as *const c_char) != 0),
        Py_T_BYTE => long::from_i64(*(addr as *const i8) as i64),
        Py_T_UBYTE => long::from_i64(*addr as i64),
        Py_T_SHORT => long::from_i64(*(addr as *const i16) as i64),
        Py_T_USHORT => long::from_i64(*(addr as *const u16) as i64),
        Py_T_INT => long::from_i64(*(addr as *const i32) as i64),
        Py_T_UINT => long::from_i64(*(addr as *const u32) as i64),
        Py_T_LONG | Py_T_LONGLONG | Py_T_PYSSIZET => long::from_i64(*(addr as *const i64)),
        Py_T_ULONG | Py_T_ULONGLONG => long::from_u64(*(addr as *const u64)),
        Py_T_FLOAT => float::from_f64(*(addr as *const f32) as f64),
        Py_T_DOUBLE => float::from_f64(*(addr as *const f64)),
        Py_T_STRING => {
            let p = *(addr as *const *const c_char);
            if p.is_null() {
                none()
            } else {
                unicode::from_utf8(CStr::from_ptr(p).to_bytes())
            }
        }
        Py_T_STRING_INPLACE => unicode::from_utf8(CStr::from_ptr(addr as *const c_char).to_bytes()),
        Py_T_CHAR => unicode::from_code_points([*addr as u32]),
        _Py_T_OBJECT => {
            let p = *(addr as *const *mut PyObject);
            if p.is_null() {
                none()
            } else {
                new_ref(p)
            }
        }
        Py_T_OBJECT_EX => {
            let p = *(addr as *const *mut PyObject);
            if p.is_null() {
                let name = CStr::from_ptr((*m).name).to_string_lossy();
                return crate::raise_null!(
                    PyExc_AttributeError,
                    "'{}' object has no attribute '{}'",
                    "?",
                    name
                );
            }
            new_ref(p)
        }
        _Py_T_NONE => none(),
        _ => crate::raise_null!(PyExc_SystemError, "bad memberdescr type"),
    }
}

/// Write a `PyMemberDef` field (`PyMember_SetOne`); `v` NULL deletes.
pub unsafe fn member_set_one(obj: *mut u8, m: *const PyMemberDef, v: *mut PyObject) -> c_int {
    use crate::objects::{float, long};
    let addr = obj.offset((*m).offset);
    let name = CStr::from_ptr((*m).name).to_string_lossy();
    if (*m).flags & Py_READONLY != 0 {
        let _: PyResult<()> = crate::raise!(PyExc_AttributeError, "readonly attribute");
        return -1;
    }
    if v.is_null() {
        match (*m).type_code {
            Py_T_OBJECT_EX => {
                let slot = addr as *mut *mut PyObject;
                if (*slot).is_null() {
                    let _: PyResult<()> = crate::raise!(PyExc_AttributeError, "{}", name);
                    return -1;
                }
                xsetref(slot, null_mut());
                return 0;
            }
            _Py_T_OBJECT => {
                xsetref(addr as *mut *mut PyObject, null_mut());
                return 0;
            }
            _ => {
                let _: PyResult<()> =
                    crate::raise!(PyExc_TypeError, "can't delete numeric/char attribute");
                return -1;
            }
        }
    }
    macro_rules! int_field {
        ($t:ty, $min:expr, $max:expr, $what:literal) => {{
            // As `PyLong_AsLong`: any `__index__` object, CPython's messages.
            let Some(i) = Owned::from_new(crate::protocols::number::index(v)) else {
                return -1;
            };
            let Some(x) = long::to_i64(i.as_ptr()) else {
                let _: PyResult<()> = crate::raise!(
                    PyExc_OverflowError,
                    "Python int too large to convert to C long"
                );
                return -1;
            };
            if !($min..=$max).contains(&x) {
                // CPython stores the truncated value and warns.
                if crate::objects::warnings::warn(
                    crate::objects::exceptions::exc(&raw mut PyExc_RuntimeWarning),
                    concat!("Truncation of value to ", $what),
                    1,
                ) < 0
                {
                    return -1;
                }
            }
            *(addr as *mut $t) = x as $t;
            0
        }};
    }
    match (*m).type_code {
        Py_T_BOOL => {
            if Py_TYPE(v) != &raw mut PyBool_Type {
                let _: PyResult<()> =
                    crate::raise!(PyExc_TypeError, "attribute value type must be bool");
                return -1;
            }
            *(addr as *mut c_char) = (v == py_true()) as c_char;
            0
        }
        Py_T_BYTE => int_field!(i8, i8::MIN as i64, i8::MAX as i64, "char"),
        Py_T_UBYTE => int_field!(u8, 0, u8::MAX as i64, "unsigned char"),
        Py_T_SHORT => int_field!(i16, i16::MIN as i64, i16::MAX as i64, "short"),
        Py_T_USHORT => int_field!(u16, 0, u16::MAX as i64, "unsigned short"),
        Py_T_INT => int_field!(i32, i32::MIN as i64, i32::MAX as i64, "int"),
        Py_T_UINT => int_field!(u32, 0, u32::MAX as i64, "unsigned int"),
        Py_T_LONG | Py_T_LONGLONG | Py_T_PYSSIZET => int_field!(i64, i64::MIN, i64::MAX, "long"),
        Py_T_ULONG | Py_T_ULONGLONG => {
            if !long::is_long(v) {
                let _: PyResult<()> =
                    crate::raise!(PyExc_TypeError, "attribute value type must be int");
                return -1;
            }
            let b = long::to_bigint(v);
            match num_traits::ToPrimitive::to_u64(&b) {
                Some(x) => {
                    *(addr as *mut u64) = x;
                    0
                }
                None => {
                    let _: PyResult<()> = crate::raise!(
                        PyExc_OverflowError,
                        "Python int too large to convert to C unsigned long"
                    );
                    -1
                }
            }
        }
        Py_T_FLOAT | Py_T_DOUBLE => {
            let x = match float::as_f64(v) {
                Ok(x) => x,
                Err(()) => return -1,
            };
            if (*m).type_code == Py_T_FLOAT {
                *(addr as *mut f32) = x as f32;
            } else {
                *(addr as *mut f64) = x;
            }
            0
        }
        _Py_T_OBJECT | Py_T_OBJECT_EX => {
            Py_INCREF(v);
            xsetref(addr as *mut *mut PyObject, v);
            0
        }
        Py_T_CHAR => {
            if !unicode::is_unicode(v)
                || unicode::as_unicode(v).length != 1
                || unicode::char_at(v, 0) > 0xFF
            {
                let _: PyResult<()> = crate::raise!(
                    PyExc_TypeError,
                    "attribute value type must be a single-character string"
                );
                return -1;
            }
            *addr = unicode::char_at(v, 0) as u8;
            0
        }
        Py_T_STRING | Py_T_STRING_INPLACE => {
            let _: PyResult<()> = crate::raise!(PyExc_TypeError, "readonly attribute");
            -1
        }
        _ => {
            let _: PyResult<()> =
                crate::raise!(PyExc_SystemError, "bad memberdescr type for {}", name);
            -1
        }
    }
}

unsafe extern "C" fn member_get(
    descr: *mut PyObject,
    obj: *mut PyObject,
    _t: *mut PyObject,
) -> *mut PyObject {
    if obj.is_null() {
        return new_ref(descr);
    }
    if check_instance(descr, obj).is_err() {
        return null_mut();
    }
    let m = d(descr).d_def as *const PyMemberDef;
    if (*m).type_code == Py_T_OBJECT_EX {
        let p = *((obj as *mut u8).offset((*m).offset) as *const *mut PyObject);
        if p.is_null() {
            crate::objects::exceptions::raise_attribute_error(
                obj,
                d(descr).d_name,
                &format!(
                    "'{}' object has no attribute '{}'",
                    crate::objects::typeobject::fully_qualified_name(Py_TYPE(obj)),
                    name_of(descr)
                ),
            );
            return null_mut();
        }
    }
    member_get_one(obj as *mut u8, m)
}

unsafe extern "C" fn member_set(
    descr: *mut PyObject,
    obj: *mut PyObject,
    v: *mut PyObject,
) -> c_int {
    if check_instance(descr, obj).is_err() {
        return -1;
    }
    let m = d(descr).d_def as *const PyMemberDef;
    // `PyMember_SetOne` says "readonly attribute", as CPython's member descriptors do.
    member_set_one(obj as *mut u8, m, v)
}

unsafe extern "C" fn member_repr(o: *mut PyObject) -> *mut PyObject {
    descr_repr(o, "member")
}

// ---- getset descriptors ----------------------------------------------------------

unsafe extern "C" fn getset_get(
    descr: *mut PyObject,
    obj: *mut PyObject,
    _t: *mut PyObject,
) -> *mut PyObject {
    if obj.is_null() {
        return new_ref(descr);
    }
    if check_instance(descr, obj).is_err() {
        return null_mut();
    }
    let g = d(descr).d_def as *const PyGetSetDef;
    match (*g).get {
        Some(f) => f(obj, (*g).closure),
        None => crate::raise_null!(
            PyExc_AttributeError,
            "attribute '{}' of '{}' objects is not readable",
            name_of(descr),
            tp_name(d(descr).d_type)
        ),
    }
}

unsafe extern "C" fn getset_set(
    descr: *mut PyObject,
    obj: *mut PyObject,
    v: *mut PyObject,
) -> c_int {
    if check_instance(descr, obj).is_err() {
        return -1;
    }
    let g = d(descr).d_def as *const PyGetSetDef;
    match (*g).set {
        Some(f) => f(obj, v, (*g).closure),
        None => {
            crate::objects::exceptions::raise_attribute_error(
                obj,
                d(descr).d_name,
                &format!(
                    "attribute '{}' of '{}' objects is not writable",
                    name_of(descr),
                    type_name(d(descr).d_type)
                ),
            );
            -1
        }
    }
}

unsafe extern "C" fn getset_repr(o: *mut PyObject) -> *mut PyObject {
    descr_repr(o, "attribute")
}

unsafe extern "C" fn descr_get_name(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    new_ref(d(o).d_name)
}
unsafe extern "C" fn descr_get_qualname(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    unicode::from_str(&format!("{}.{}", qual_name(d(o).d_type), name_of(o)))
}
unsafe extern "C" fn descr_get_objclass(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    new_ref(d(o).d_type as *mut PyObject)
}
unsafe extern "C" fn descr_get_doc(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    let t = Py_TYPE(o);
    let doc: *const c_char =
        if t == &raw mut PyMethodDescr_Type || t == &raw mut PyClassMethodDescr_Type {
            (*(d(o).d_def as *const PyMethodDef)).ml_doc
        } else if t == &raw mut PyMemberDescr_Type {
            (*(d(o).d_def as *const PyMemberDef)).doc
        } else {
            (*(d(o).d_def as *const PyGetSetDef)).doc
        };
    if doc.is_null() {
        return none();
    }
    unicode::from_utf8(crate::objects::typeobject::doc_text(
        CStr::from_ptr(doc).to_bytes(),
    ))
}

/// The descriptors' attributes. Method descriptors have all of them; member and
/// getset descriptors start after `__text_signature__`.
static mut DESCR_GETSET: [PyGetSetDef; 6] = [
    getset!(c"__text_signature__", descr_get_text_signature),
    getset!(c"__name__", descr_get_name),
    getset!(c"__qualname__", descr_get_qualname),
    getset!(c"__objclass__", descr_get_objclass),
    getset!(c"__doc__", descr_get_doc),
    PyGetSetDef::SENTINEL,
];

unsafe extern "C" fn descr_get_text_signature(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    methodobject::methoddef_text_signature(d(o).d_def as *mut PyMethodDef)
}

unsafe fn init_one(t: *mut PyTypeObject, name: &'static CStr) {
    crate::objects::typeobject::init_builtin(t, name, core::mem::size_of::<DescrObject>(), 0);
    (*t).tp_flags |= Py_TPFLAGS_HAVE_GC;
    (*t).tp_dealloc = Some(descr_dealloc);
    (*t).tp_traverse = Some(descr_traverse);
    (*t).tp_getset = (&raw mut DESCR_GETSET).cast::<PyGetSetDef>().add(1);
}

pub unsafe fn init_types() {
    // `super` is an exported type readied with the others: its slots are filled
    // here, with the descriptor types, before that happens.
    crate::objects::superobject::init_type();
    let t = &raw mut PyMethodDescr_Type;
    init_one(t, c"method_descriptor");
    (*t).tp_getset = (&raw mut DESCR_GETSET).cast();
    (*t).tp_flags |= Py_TPFLAGS_HAVE_VECTORCALL | Py_TPFLAGS_METHOD_DESCRIPTOR;
    (*t).tp_vectorcall_offset = core::mem::offset_of!(DescrObject, vectorcall) as Py_ssize_t;
    (*t).tp_call = Some(crate::protocols::call::vectorcall_as_tp_call);
    (*t).tp_descr_get = Some(method_get);
    (*t).tp_repr = Some(method_repr);

    let t = &raw mut PyClassMethodDescr_Type;
    init_one(t, c"classmethod_descriptor");
    (*t).tp_getset = (&raw mut DESCR_GETSET).cast();
    (*t).tp_call = Some(classmethod_call);
    (*t).tp_descr_get = Some(classmethod_get);
    (*t).tp_repr = Some(method_repr);

    let t = &raw mut PyMemberDescr_Type;
    init_one(t, c"member_descriptor");
    (*t).tp_descr_get = Some(member_get);
    (*t).tp_descr_set = Some(member_set);
    (*t).tp_repr = Some(member_repr);

    let t = &raw mut PyGetSetDescr_Type;
    init_one(t, c"getset_descriptor");
    (*t).tp_descr_get = Some(getset_get);
    (*t).tp_descr_set = Some(getset_set);
    (*t).tp_repr = Some(getset_repr);
}
